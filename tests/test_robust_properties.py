"""Random and mutated input never produces a traceback: always a clear error with a location,
and exit code 1 (2 for wrong usage).

Sprint, method and programme files are mutated line by line (deleted, doubled, re-indented,
cut, garbled, values swapped for odd scalars); story CSV rows, values files and target
expressions are drawn at random. Examples are few and derandomised, so the suite stays fast and
a failure reproduces."""

from __future__ import annotations

import re
import string
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sprintkit.files.library import BUILTIN_DIR

REPORT_SPRINT = Path(__file__).parent / "data" / "report_sprint" / "sprint.yaml"
SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])
LOCATED = re.compile(r"^(?P<file>[^\s:]+\.(?:yaml|csv)):(?:(?P<line>\d+):(?P<col>\d+):)? ",
                     re.MULTILINE)


def _says_error(stderr: str) -> bool:
    """Whether stderr carries the error prefix, in either language."""
    return re.search(r"^(error|fout):", stderr, re.M) is not None


def assert_clean(res, allowed=(0, 1)) -> None:
    """No traceback, no internal error, an allowed exit code."""
    assert "Traceback" not in res.output, res.output[-2000:]
    assert "unexpected internal error" not in res.output, res.output[-2000:]
    assert res.exit_code in allowed, (res.exit_code, res.output[-2000:])


def assert_located(res, name: str) -> None:
    """Refused with exit 1, and every problem names the file (and a line when it has one)."""
    assert res.exit_code == 1, res.output[-2000:]
    assert _says_error(res.stderr), res.output[-2000:]
    found = [m for m in LOCATED.finditer(res.output) if m["file"].endswith(name)]
    assert found, f"no located problem for {name} in:\n{res.output[-2000:]}"


def write_sprint(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "s"
    folder.mkdir(exist_ok=True)
    (folder / "sprint.yaml").write_text(text, encoding="utf-8")
    return folder


def validate_checked(cli, target: Path, name: str):
    """``sprintkit validate TARGET``: clean, and located when it refuses."""
    res = cli("validate", target)
    assert_clean(res)
    if res.exit_code:
        assert_located(res, name)
    return res


ODD_SCALARS = ["", "~", "yes", "NO", "12:30", "-_", "0x_", "=", "<<", "[", "{", "]", "}", "'",
               '"', "&a", "*a", "!!binary x", "!!python/none", "|", ">", "- x", "? x", "%", "@",
               "`", "#", "2026-13-45", "1e999", "-.inf", ".nan", "0o9", "∞", "\u200b", "\t",
               "a: b", "[1, [2, {3: 4}]]", "{x: [}", "\\", "%YAML 1.1", "---", "..."]


@st.composite
def mutated(draw, text: str) -> str:
    lines = text.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "double", "indent", "dedent", "cut", "garble",
                                       "value", "swap", "tab", "insert"]))
        line = lines[i]
        if action == "delete":
            del lines[i]
        elif action == "double":
            lines.insert(i, line)
        elif action == "indent":
            lines[i] = "  " * draw(st.integers(1, 3)) + line
        elif action == "dedent":
            lines[i] = line.lstrip()
        elif action == "cut":
            lines[i] = line[:draw(st.integers(0, max(len(line) - 1, 0)))]
        elif action == "garble":
            pos = draw(st.integers(0, len(line)))
            junk = draw(st.text(alphabet=string.printable + "éü€\u00a0", min_size=1, max_size=5))
            lines[i] = line[:pos] + junk + line[pos:]
        elif action == "value" and ":" in line:
            head = line.split(":", 1)[0]
            lines[i] = f"{head}: {draw(st.sampled_from(ODD_SCALARS))}"
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "tab":
            lines[i] = "\t" + line
        elif action == "insert":
            lines.insert(i, draw(st.sampled_from(ODD_SCALARS)))
    return "\n".join(lines) + ("\n" if draw(st.booleans()) else "")


SPRINT_TEXT = REPORT_SPRINT.read_text(encoding="utf-8")
METHOD_TEXT = (BUILTIN_DIR / "experiment-sprint.yaml").read_text(encoding="utf-8")
PROGRAMME_TEXT = """\
schema_version: 1
id: regio-2026
title: Regionaal programma
organisation: Jeugdzorg Regio
language: nl
start: 2026-01-12
end: 2026-12-18
facilitators: [Anna, Bas]
sprints:
  - path: strategie
    note: eerste sprint
  - experiment
team:
  - name: Anna
    role: facilitator
conclusions:
  - Het werkt.
"""


@SETTINGS
@given(mutated(SPRINT_TEXT))
def test_mutated_sprint_files(cli, tmp_path, text):
    folder = write_sprint(tmp_path, text)
    res = validate_checked(cli, folder, "sprint.yaml")
    verdict = cli("verdict", "-s", folder, "--format", "json")
    assert_clean(verdict)
    if res.exit_code == 0:
        assert verdict.exit_code == 0, verdict.output[-2000:]


@SETTINGS
@given(mutated(SPRINT_TEXT))
def test_writing_to_a_mutated_sprint_file_never_breaks_it(cli, tmp_path, text):
    folder = write_sprint(tmp_path, text)
    valid = cli("validate", folder).exit_code == 0
    res = cli("hypothesis", "add", "-s", folder, "--statement", "Nieuw", "--metric", "m",
              "--target", ">=60%", "--id", "HNEW")
    assert_clean(res, (0, 1, 2))
    after = (folder / "sprint.yaml").read_text(encoding="utf-8")
    if res.exit_code == 0:
        assert cli("validate", folder).exit_code == 0 or not valid
        assert "HNEW" in after
    else:
        assert after == text  # refused: nothing written


@SETTINGS
@given(mutated(METHOD_TEXT))
def test_mutated_method_files(cli, tmp_path, text):
    path = tmp_path / "methods" / "experiment-sprint.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    validate_checked(cli, path, "experiment-sprint.yaml")


def programme_sprints(folder: Path) -> None:
    """The programme's two sprints: copies of the report sprint with ids of their own, both
    saying they belong to this programme."""
    for name in ("strategie", "experiment"):
        (folder / name).mkdir(exist_ok=True)
        text = SPRINT_TEXT.replace("id: kust-experiment-2\n", f"id: {name}\n", 1)
        text = text.replace("programme: kust-traject\n", "programme: regio-2026\n", 1)
        (folder / name / "sprint.yaml").write_text(text, encoding="utf-8")


@SETTINGS
@given(mutated(PROGRAMME_TEXT))
def test_mutated_programme_files(cli, tmp_path, text):
    programme_sprints(tmp_path)
    path = tmp_path / "programme.yaml"
    path.write_text(text, encoding="utf-8")
    validate_checked(cli, path, "programme.yaml")


def test_the_unmutated_files_are_valid(cli, tmp_path):
    """The starting points are valid, so mutations test what they change."""
    programme_sprints(tmp_path)
    (tmp_path / "programme.yaml").write_text(PROGRAMME_TEXT, encoding="utf-8")
    method = tmp_path / "methods" / "experiment-sprint.yaml"
    method.parent.mkdir()
    method.write_text(METHOD_TEXT, encoding="utf-8")
    res = cli("validate", tmp_path / "programme.yaml", method, tmp_path / "strategie")
    assert res.exit_code == 0, res.output


@SETTINGS
@given(st.text(max_size=300))
def test_arbitrary_text_as_a_sprint_file(cli, tmp_path, text):
    assume("\x00" not in text)
    validate_checked(cli, write_sprint(tmp_path, text), "sprint.yaml")


# --- target expressions ---------------------------------------------------------------------

targets = st.one_of(
    st.text(alphabet=" <>=≥≤%.,-+0123456789eE", max_size=10),
    st.text(max_size=12),
    st.sampled_from([">=70%", ">= 0.7", "<=14", ">3.5", "≥ 60 %", "=>70", ">>3", "<", "70%",
                     ">=1e3", ">=-5", ">=70%%", "> = 3", ">=∞", ">=٣", ">=0x10"]),
)


@SETTINGS
@given(targets)
def test_target_expressions_on_the_command_line(cli, tmp_path, target):
    from evidence_support import make_sprint

    folder = make_sprint(tmp_path / f"t{abs(hash(target)) % 10**8}")
    res = cli("hypothesis", "add", "-s", folder, "--statement", "x", "--metric", "m",
              "--target", target)
    assert_clean(res, (0, 1, 2))
    if res.exit_code:
        assert _says_error(res.stderr)
        said = res.stderr.lower()
        assert any(w in said for w in ("target", "comparison", "streefwaarde", "vergelijking"))


@SETTINGS
@given(targets)
def test_target_expressions_in_the_sprint_file(cli, tmp_path, target):
    quoted = target.replace("\\", "\\\\").replace('"', '\\"')
    folder = write_sprint(tmp_path, 'id: s\ntitle: T\nmethod: experiment-sprint\nhypotheses:\n'
                          f'  - id: H1\n    statement: x\n    metric: m\n    target: "{quoted}"\n')
    res = validate_checked(cli, folder, "sprint.yaml")
    if res.exit_code:
        # the target itself, the hypothesis it belongs to, or the character on its line
        assert re.search(r"sprint\.yaml:[5-8]:\d+: (hypotheses\[0\]|het teken U\+"
                         r"|YAML-syntaxfout)", res.output), res.output


# --- values files ----------------------------------------------------------------------------

cells = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.integers(-10**6, 10**6).map(str),
    st.sampled_from(["3,5", "1.234,5", "1 234,5", "", " ", "n/a", "-", "1e5", "٣", "½", "3.5.1",
                     '"4"', "'4'", "1,2,3", "\u00a012"]),
    st.text(max_size=6),
)


@SETTINGS
@given(st.lists(st.lists(cells, min_size=1, max_size=3), max_size=8),
       st.sampled_from([",", ";", "\t"]), st.booleans(), st.sampled_from([None, "1", "2", "x"]))
def test_values_files(cli, tmp_path, rows, sep, header, column):
    from evidence_support import make_sprint

    folder = make_sprint(tmp_path / f"v{abs(hash(str(rows))) % 10**8}")
    assert cli("hypothesis", "add", "-s", folder, "--statement", "x", "--metric", "min",
               "--target", "<=30", "--kind", "mean", "--id", "H1").exit_code == 0
    lines = ([sep.join(["waarde", "x", "y"][:len(rows[0])])] if header and rows else [])
    lines += [sep.join(r) for r in rows]
    values = tmp_path / "values.csv"
    values.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["evidence", "add", "H1", "-s", folder, "--values-file", values, "--source", "test"]
    if column:
        args += ["--column", column]
    before = (folder / "sprint.yaml").read_text(encoding="utf-8")
    res = cli(*args)
    assert_clean(res, (0, 1, 2))
    if res.exit_code == 1:
        assert "values.csv" in res.stderr, res.stderr
        assert (folder / "sprint.yaml").read_text(encoding="utf-8") == before


# --- story CSV rows --------------------------------------------------------------------------

story_cells = st.one_of(
    st.sampled_from(["parents-youth", "team-members", "social-team", "buren", "", "Ouders",
                     "2026-03-15", "15-03-2026", "2026-02-30", "31/12/2025", "gisteren",
                     "hopeful", "Hoopvol", "access|safety", "4", "3,5", "11", "60/30/10",
                     "0.6/0.3/0.1", "50/50", "-1/1/100", "ja", "nee", "yes", "misschien",
                     'een "quote"', "regel\nregel", "a;b", "a,b", "Jan de Vries 06-12345678"]),
    st.text(max_size=15),
)
STORY_HEADER = ["date", "perspective", "text", "emotion", "theme", "heard", "frequency",
                "what-mattered", "consent_quote"]


@SETTINGS
@given(st.lists(st.lists(story_cells, min_size=9, max_size=10), min_size=1, max_size=6),
       st.sampled_from([",", ";"]), st.integers(0, 9))
def test_story_csv_rows(cli, tmp_path, rows, sep, drop):
    import csv
    import io

    folder = tmp_path / "regio"
    if not folder.exists():
        assert cli("new", "story-cycle", folder, "--title", "V", "--org", "R",
                   "--no-input").exit_code == 0
    header = list(STORY_HEADER)
    if drop < len(header) and header[drop] not in ("date", "perspective", "text"):
        header.pop(drop)
        rows = [r[:len(header)] for r in rows]
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=sep, lineterminator="\n").writerows([header, *rows])
    path = tmp_path / "stories.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    before = cli("stories", "export", "-s", folder, "--format", "json")
    res = cli("stories", "import", path, "-s", folder)
    assert_clean(res)
    if res.exit_code:
        assert_located(res, "stories.csv")
        after = cli("stories", "export", "-s", folder, "--format", "json")
        assert after.stdout == before.stdout  # all or nothing
