"""`make demo` (examples/run_demo.py): end to end into a temporary folder, twice, with the same
result; the committed examples untouched; nothing written outside the output folder."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from examples_support import EXAMPLES, SPRINT_DIRS

SCRIPT = EXAMPLES / "run_demo.py"


def _module():
    spec = importlib.util.spec_from_file_location("run_demo", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules["run_demo"] = module
    spec.loader.exec_module(module)
    return module


def _hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _run(out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), "--out", str(out), *extra],
                          capture_output=True, text=True, check=False, timeout=1800)


def _examples() -> dict[str, str]:
    """Every file under examples/ (also ones git ignores), but not Python's bytecode caches."""
    return {k: v for k, v in _hashes(EXAMPLES).items() if "__pycache__" not in Path(k).parts}


EXPECTED_DOCUMENTS = {
    *(f"documents/intervence/{s}-eindpresentatie.docx" for s in
      ("strategie", "innovatie-regie", "innovatie-veiligheid", "experiment-regieplan",
       "experiment-veiligheid", "experiment-werkwijze")),
    *(f"documents/intervence/{s}-verdicts.json" for s in
      ("innovatie-regie", "innovatie-veiligheid", "experiment-regieplan",
       "experiment-veiligheid", "experiment-werkwijze")),
    "documents/intervence/intervence-traject-eindpresentatie.docx",
    "documents/intervence/intervence-traject-presentatie.pptx",
    "documents/intervence/experiment-regieplan-presentatie.pptx",
    "documents/intervence/intervence-traject-implementatieplan.docx",
    "documents/flevoland-acceleration/flevoland-acceleration-actions.json",
    "documents/flevoland-acceleration/flevoland-acceleration-eindpresentatie.docx",
    "documents/flevoland-acceleration/flevoland-acceleration-implementatieplan.docx",
    "documents/foodvalley-stories/foodvalley-stories-eindpresentatie.docx",
    "documents/foodvalley-stories/foodvalley-stories-dashboard.html",
    "documents/nji-trial-implementation/nji-trial-implementation-eindpresentatie.docx",
    "documents/nji-trial-implementation/nji-trial-implementation-implementatieplan.docx",
    "documents/nji-trial-implementation/nji-trial-implementation-verdicts.json",
    "documents/zuid-limburg-co-creation/zuid-limburg-co-creation-eindpresentatie.docx",
    "documents/zuid-limburg-co-creation/zuid-limburg-co-creation-implementatieplan.docx",
    "documents/zuid-limburg-co-creation/zuid-limburg-co-creation-intentieverklaring.docx",
}


@pytest.mark.slow
def test_demo_runs_end_to_end_twice_with_the_same_files(tmp_path, _isolate):
    out = tmp_path / "demo"
    before = _examples()
    first = _run(out, "--no-pdf")
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr
    documents = _hashes(out / "documents")
    assert {f"documents/{k}" for k in documents} == EXPECTED_DOCUMENTS
    for name in EXPECTED_DOCUMENTS:  # the closing table lists every file written
        assert f"  {name} " in first.stdout
    assert "work/foodvalley-stories/stories.db" in first.stdout
    assert "Note: PDF files were skipped (--no-pdf)." in first.stdout
    assert "▲ omhoog" in first.stdout  # the shifts were printed
    assert "ondersteund*" in first.stdout  # the facilitator's override in the verdicts
    # the walkthroughs were replayed from their answers files, and the results are valid
    for name in ("flevoland-acceleration", "experiment-regieplan", "experiment-veiligheid",
                 "experiment-werkwijze"):
        assert f"Unattended walkthrough of {name} from {name}/answers.yaml" in first.stdout
        assert (out / "work" / "replay" / name / "sprint.yaml").is_file()
    assert "Keten: strategiesprint → innovatiesprint ×2 → experimentsprint ×3" in first.stdout
    assert "stand van 14 apr 2023" in first.stdout  # the board on the day of the review
    # the scripted live session: what six phones sent landed in its copy of the sprint
    assert "pain-points.pain_points  + Jongeren wachten op een plek in de crisisopvang" in (
        first.stdout)
    assert "Geen vast aanspreekpunt na de zomervakantie: 0 → 6" in first.stdout
    assert "6 deelnemers; alles staat in sprint.yaml" in first.stdout
    from docx import Document

    report = Document(str(out / "documents/intervence/experiment-werkwijze-eindpresentatie.docx"))
    assert report.paragraphs and any("werkwijze" in p.text for p in report.paragraphs)

    second = _run(out, "--no-pdf")
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr
    assert _hashes(out / "documents") == documents
    assert _examples() == before, "the demo wrote into examples/"
    # sprintkit ran with its home inside OUT: the key file is there, not in the test's home
    assert list((out / "home").rglob("keys/foodvalley-stories.txt"))
    assert not list(Path(_isolate).rglob("keys"))


def test_demo_refuses_a_folder_it_did_not_make(tmp_path, capsys):
    demo = _module()
    (tmp_path / "mine.txt").write_text("keep me", encoding="utf-8")
    assert demo.main(["--out", str(tmp_path)]) == 1
    assert "was not made by this demo" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.txt"]


def test_demo_prepares_fresh_copies_and_a_contained_environment(tmp_path):
    demo = _module()
    out = tmp_path / "out"
    work, docs, env = demo.prepare(out)
    (work / "intervence" / "stray.txt").write_text("x", encoding="utf-8")
    (docs / "intervence" / "old.docx").write_text("x", encoding="utf-8")
    work, docs, env = demo.prepare(out)  # again: made afresh
    assert sorted(p.name for p in work.iterdir()) == sorted(demo.FOLDERS)
    assert not (work / "intervence" / "stray.txt").exists()
    assert not any(docs.rglob("*.docx"))
    assert not list(work.rglob("stories.db")) and not list(work.rglob(".sprintkit"))
    for var in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "TMPDIR"):
        assert Path(env[var]).is_relative_to(out), var
    assert "SOURCE_DATE_EPOCH" not in env
    steps = [s for stage in demo.build_steps(work, docs) for s in stage.steps]
    assert all(str(out) in " ".join(s.args) for s in steps if s.args[0] != "validate")
    assert [s.args[0] for s in steps].count("report") == len(SPRINT_DIRS)


def test_demo_says_clearly_when_libreoffice_is_missing(tmp_path, capsys):
    demo = _module()
    out = tmp_path / "out"
    work, docs, env = demo.prepare(out)
    env = {**env, "PATH": str(tmp_path / "empty"), "SPRINTKIT_SOFFICE": ""}
    sprint = work / "zuid-limburg-co-creation"
    stage = demo.Stage("Documents", [demo.Step("Intent", ["render", "intent", "-s", str(sprint),
                                                          "-o", f"{docs / sprint.name}/"],
                                               document=True)])
    notes = demo.run([stage], env, out, pdf=True, jobs=1)
    assert notes == [demo.PDF_MISSING]
    assert sorted(p.suffix for p in (docs / sprint.name).iterdir()) == [".docx"]
    assert "LibreOffice was not found" in capsys.readouterr().out


@pytest.mark.slow
@pytest.mark.skipif(not any(Path(d, "soffice").exists()
                            for d in os.environ.get("PATH", "").split(os.pathsep)),
                    reason="LibreOffice is not installed")
def test_demo_writes_pdf_beside_docx_when_libreoffice_is_there(tmp_path):
    demo = _module()
    out = tmp_path / "out"
    work, docs, env = demo.prepare(out)
    sprint = work / "zuid-limburg-co-creation"
    stage = demo.Stage("Documents", [demo.Step("Intent", ["render", "intent", "-s", str(sprint),
                                                          "-o", f"{docs / sprint.name}/"],
                                               document=True)])
    assert demo.run([stage], env, out, pdf=True, jobs=1) == []
    pdf = docs / sprint.name / "zuid-limburg-co-creation-intentieverklaring.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
