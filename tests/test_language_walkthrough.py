"""A Dutch sprint speaks only Dutch and an English one only English: every setup and walkthrough
command (new, validate, run, status, agenda, methods list/show, check, note) is run on a sprint of
each language, and its output must hold no tell-tale word of the other language and no output id
where the output has a label or a prompt to name it by."""

from __future__ import annotations

import io
import re

import pytest
import yaml
from run_support import answers_for, interrupt, make_sprint, spawn

from sprintkit.files.library import get_method

WORDS = {
    "en": ("created", "valid", "missing", "error:", "warning", "next step", "phase", "done",
           "answers", "still open", "skipped", "saved"),
    "nl": ("aangemaakt", "geldig", "ontbreekt", "fout:", "let op:", "volgende stap", "fase",
           "klaar", "antwoorden", "nog open", "overgeslagen", "bewaard"),
}
"""Words that give a language away; the output in the other language must not hold them."""

OTHER = {"nl": "en", "en": "nl"}


def _spoken(text: str) -> str:
    """The text without what is not language: commands, options, file names and ids."""
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"sprintkit [a-z][^\n·—()]*", " ", text)
    text = re.sub(r"--\S+", " ", text)
    text = re.sub(r"\S+\.(yaml|docx|json)\b", " ", text)
    return text


def _tells(text: str, lang: str) -> list[str]:
    """The words of the other language that ``text`` (in ``lang``) holds."""
    spoken = _spoken(text).lower()
    return [w for w in WORDS[OTHER[lang]]
            if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", spoken)]


def _half_walked(cli, tmp_path, lang):
    """A sprint made by `new` in ``lang`` with the first phase and all but the sample plan of
    the second answered from an answers file (run --no-input, exit 1: the rest is missing)."""
    outputs = {}
    folder = tmp_path / f"kust-{lang}"
    outputs["new"] = cli("new", "experiment-sprint", folder, "--title", "Kust", "--lang", lang,
                         "--no-input", cwd=tmp_path)
    outputs["validate"] = cli("validate", folder, cwd=tmp_path)
    answers = answers_for(get_method("experiment-sprint").model)
    part = {"frame": answers["frame"], "design": dict(answers["design"])}
    part["design"].pop("sample_plan")
    (folder / "a.yaml").write_text(yaml.safe_dump(part, allow_unicode=True), encoding="utf-8")
    outputs["run"] = cli("run", "-s", folder, "--answers", folder / "a.yaml", "--no-input",
                         cwd=tmp_path)
    return folder, outputs


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_setup_and_walkthrough_command_speaks_the_sprints_language(cli, tmp_path, lang):
    folder, outputs = _half_walked(cli, tmp_path, lang)
    assert outputs["new"].exit_code == 0 and outputs["validate"].exit_code == 0
    assert outputs["run"].exit_code == 1  # later phases are still missing
    for name, args in {
        "status": ("status", "-s", folder),
        "agenda": ("agenda", "-s", folder),
        "methods list": ("methods", "list", "-s", folder),
        "methods show": ("methods", "show", "experiment-sprint", "-s", folder),
        "check": ("check", "-s", folder),
        "note": ("note", "Goed gesprek met de teamleider", "-s", folder),
        "unknown phase": ("run", "-s", folder, "--phase", "ontwerp", "--no-input"),
        "bad answer": ("run", "-s", folder, "--set", "design.participants=zes", "--no-input"),
    }.items():
        outputs[name] = cli(*args, cwd=tmp_path)
    for name, res in outputs.items():
        assert "Traceback" not in res.output, name
        assert _tells(res.output, lang) == [], (name, res.output)
    said = {name: " ".join(res.output.split()) for name, res in outputs.items()}
    if lang == "nl":
        assert "aangemaakt (Experimentsprint)" in said["new"]
        assert "geldig sprintbestand" in said["validate"]
        assert "er ontbreken antwoorden" in said["run"]
        assert "ontbreekt: Wat is het steekproefplan" in said["status"]
        assert "notitie toegevoegd aan fase Experimenten ontwerpen" in said["note"]
        assert "de gegeven antwoorden passen niet bij de methode" in said["bad answer"]
    else:
        assert "created" in said["new"] and "(Experiment sprint)" in said["new"]
        assert "valid sprint" in said["validate"]
        assert "missing input" in said["run"]
        assert "missing: What is the sample plan" in said["status"]
        assert "note added to phase Designing the experiments" in said["note"]
        assert "the answers given do not fit the method" in said["bad answer"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_outputs_are_named_by_label_or_prompt_not_by_id(cli, tmp_path, lang):
    folder, _ = _half_walked(cli, tmp_path, lang)
    ids = [o.id for p in get_method("experiment-sprint").model.phases for o in p.outputs
           if "_" in o.id]  # one-word ids (assumptions, decision) are words of the text too
    assert "sample_plan" in ids
    for args in (("status", "-s", folder), ("check", "-s", folder)):
        shown = cli(*args, cwd=tmp_path).output
        assert [i for i in ids if re.search(rf"\b{i}\b", shown)] == [], (args, shown)


def test_the_word_lists_catch_the_other_language():
    assert _tells("✓ kust/sprint.yaml aangemaakt (Experimentsprint)", "en") == ["aangemaakt"]
    assert _tells("error: missing input", "nl") == ["missing", "error:"]
    assert _tells("Volgende stap: sprintkit run --phase design", "nl") == []


@pytest.mark.pty
@pytest.mark.slow
def test_an_english_walk_at_the_terminal_has_no_dutch(tmp_path):
    pytest.importorskip("pexpect")
    import pexpect

    folder = make_sprint(tmp_path / "s", lang="en")
    child = spawn(["run", "-s", str(folder)], tmp_path, tmp_path / "home")
    seen = io.StringIO()
    child.logfile_read = seen
    child.expect("Phase 1 of 6")
    child.expect("Number, or Enter for no")
    child.sendline("")
    child.expect("1/4 ")
    child.sendline("")                          # required: asked again, in English
    child.expect("this needs an answer")
    child.sendline("Decide about the format")
    child.sendline("")
    child.expect("2/4 ")
    interrupt(child, "interrupted: 1 answer saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert _tells(seen.getvalue(), "en") == [], seen.getvalue()
