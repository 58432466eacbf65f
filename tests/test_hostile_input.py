"""Hostile input is refused with a clear, located message — quickly and in bounded memory.

Each case runs the real program in a child process under an address-space limit
(``robust_support.MEMORY_LIMIT_MB``) and checks the exit code, the message, the time and the
peak memory (``ru_maxrss``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from robust_support import assert_clear_refusal, copy_report_sprint, sprintkit

QUICK = 15.0
"""Seconds a refusal may take on a busy two-core machine (it takes about one)."""
SMALL = 250.0
"""MiB of peak memory a refusal may use."""


def sprint_folder(tmp_path: Path, text: str | bytes, name: str = "s") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    target = folder / "sprint.yaml"
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8")
    return folder


def billion_laughs(levels: int = 9) -> str:
    lines = ["id: s", "title: T", "method: experiment-sprint",
             'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


HEAD = "id: s\ntitle: T\nmethod: experiment-sprint\n"

HOSTILE_YAML = {
    "alias bomb": (billion_laughs(), "aliasbom", "sprint.yaml:10:5:"),
    "recursive alias": ("id: s\ntitle: &t [*t]\nmethod: x\n", "verwijst naar zichzelf", ":2:8:"),
    "deep flow nesting": (HEAD + "x: " + "[" * 100_000 + "]" * 100_000 + "\n",
                          "te diep genest", ":4:"),
    "deep block nesting": (HEAD + "".join("  " * i + f"k{i}:\n" for i in range(300)) + "  " * 300
                           + "leaf: 1\n", "te diep genest", "sprint.yaml:104:201:"),
    "python object tag": (HEAD + "x: !!python/object/apply:os.system ['echo owned']\n",
                          "is niet toegestaan", ":4:4:"),
    "custom tag": (HEAD + "x: !include /etc/passwd\n", "de tag !include is niet toegestaan",
                   ":4:4"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40,
               "binair bestand", "sprint.yaml"),
    "latin-1 text": ("id: s\ntitle: caf\xe9\nmethod: x\n".encode("latin-1"),
                     "byte 0xe9 is geen geldige UTF-8", ":2:11:"),
    "top-level list": ("- id: s\n- title: T\n", "het hoogste niveau is een lijst", ":1:1:"),
    "empty": ("", "het bestand is leeg", ":1:1:"),
}


# every case through the reading command; the cases that take different paths through the
# fast and the careful reader also through a report (read only) and a write
CASES = [(case, "validate") for case in sorted(HOSTILE_YAML)] + [
    (case, command) for case in ("alias bomb", "deep flow nesting", "binary", "custom tag")
    for command in ("report", "hypothesis add")]


@pytest.mark.parametrize("case, command", CASES)
def test_hostile_sprint_files_are_refused(tmp_path, case, command):
    text, message, where = HOSTILE_YAML[case]
    folder = sprint_folder(tmp_path, text)
    args = {
        "validate": ["validate", folder],
        "report": ["report", "-s", folder, "--format", "md", "--out", tmp_path / "r.md"],
        "hypothesis add": ["hypothesis", "add", "-s", folder, "--statement", "x", "--metric",
                           "m", "--target", ">=50%"],
    }[command]
    before = (folder / "sprint.yaml").read_bytes()
    run = sprintkit(*args, cwd=tmp_path)
    assert_clear_refusal(run, message, where)
    assert run.seconds < QUICK, f"{case}: {run.seconds:.1f} s"
    assert run.peak_mb < SMALL, f"{case}: {run.peak_mb:.0f} MiB"
    assert (folder / "sprint.yaml").read_bytes() == before
    assert not (tmp_path / "r.md").exists()


def test_a_50_mb_sprint_file_is_refused_without_reading_it(tmp_path):
    folder = sprint_folder(tmp_path, HEAD)
    with (folder / "sprint.yaml").open("a", encoding="utf-8") as handle:
        line = "# " + "x" * 1022 + "\n"
        for _ in range(50 * 1024):
            handle.write(line)
    assert (folder / "sprint.yaml").stat().st_size >= 50 * 1024 * 1024
    for args in (["validate", folder], ["verdict", "-s", folder],
                 ["learn", "H1", "-s", folder, "--observed", "a", "--learned", "b", "--action",
                  "c", "--decision", "adopt"]):
        run = sprintkit(*args, cwd=tmp_path)
        assert_clear_refusal(run, "de grens is 20 MiB", "SPRINTKIT_MAX_FILE_MB")
        assert run.seconds < QUICK
        assert run.peak_mb < 100, f"{args[0]}: {run.peak_mb:.0f} MiB"


def test_50_mb_csv_files_are_refused_quickly(tmp_path):
    """One cell of 50 MB (a quote that is never closed looks like that) and 50 MB of numbers."""
    from stories_support import make_sprint

    stories = make_sprint(tmp_path / "st")
    sprint = copy_report_sprint(tmp_path / "s")
    cell = tmp_path / "cell.csv"
    cell.write_text('date,perspective,text\n2026-01-01,parents-youth,"' + "x" * (50 << 20),
                    encoding="utf-8")
    run = sprintkit("stories", "import", cell, "-s", stories, cwd=tmp_path)
    assert_clear_refusal(run, "cell.csv:2")
    assert run.seconds < QUICK and run.peak_mb < 600
    numbers = tmp_path / "numbers.csv"
    numbers.write_text("1\n" * (25 << 20), encoding="utf-8")
    run = sprintkit("evidence", "add", "H2", "-s", sprint, "--values-file", numbers, cwd=tmp_path)
    assert_clear_refusal(run, "numbers.csv: het bestand is 50,0 MiB; de grens is 20 MiB")
    assert run.seconds < QUICK and run.peak_mb < 100


@pytest.mark.parametrize("content, message", [
    (os.urandom(4096) + b"\x00", "binair bestand"),
    # 0x81 is neither UTF-8 nor Windows-1252 (a Windows-1252 file is read: see test_csvread.py)
    (b"waarde\n3,5\n4\x81\n", "geen UTF-8 en ook geen Windows-1252"),
    (b"", "het bestand is leeg"),
])
def test_unreadable_values_files_are_refused(cli, tmp_path, content, message):
    sprint = copy_report_sprint(tmp_path / "s")
    values = tmp_path / "values.csv"
    values.write_bytes(content)
    res = cli("evidence", "add", "H2", "-s", sprint, "--values-file", values)
    assert res.exit_code == 1, res.output
    assert message in res.stderr and "values.csv" in res.stderr


@pytest.mark.parametrize("content, message", [
    (os.urandom(2048) + b"\x00", "binair bestand"),
    (b"\xff\xd8\xff\xe0" + b"\x00" * 64, "binair bestand"),
    (b'date,perspective,text\n2026-01-01,parents-youth,"' + b"abc\n" * 40000,
     "kan de CSV niet lezen"),
])
def test_unreadable_story_files_are_refused(cli, tmp_path, content, message):
    from stories_support import make_sprint

    sprint = make_sprint(tmp_path / "st")
    csv = tmp_path / "stories.csv"
    csv.write_bytes(content)
    res = cli("stories", "import", csv, "-s", sprint)
    assert res.exit_code == 1, res.output
    assert message in res.stderr and "stories.csv" in res.stderr
    assert "imported" not in res.output


# --- templates ------------------------------------------------------------------------------

REACHING_FOR_INTERNALS = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ lipsum.__globals__['os'].system('echo owned') }}",
    "{{ self.__init__.__globals__ }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{% for c in ().__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{{ sprint.__class__.__init__.__globals__ }}",
    "{{ '{0.__class__.__mro__}'.format(sprint) }}",
    "{{ sprint.title.__class__ }}",
    "{{ sprints.append(1) }}",
    "{{ sprint.update({'title': 'x'}) }}",
]


@pytest.mark.parametrize("source", REACHING_FOR_INTERNALS)
def test_a_user_template_cannot_reach_python_internals(cli, tmp_path, source):
    sprint = copy_report_sprint(tmp_path / "s")
    template = tmp_path / "evil.j2"
    template.write_text(f"# Evil\n\n{source}\n", encoding="utf-8")
    res = cli("render", template, "-s", sprint, "--format", "md", "--out", tmp_path / "out.md")
    assert res.exit_code == 1, res.output
    assert "evil.j2:3" in res.stderr
    assert "niet toegestaan in een sjabloon" in res.stderr or "unsafe" in res.stderr
    assert not (tmp_path / "out.md").exists()


@pytest.mark.parametrize("source, message", [
    ("{{ 'a' * 10**10 }}", "a repetition of 10,000,000,000 items is too large"),
    ("{{ [sprint] * 10**9 }}", "is too large"),
    ("{{ 10 ** 1000000 }}", "has too many digits"),
    ("{{ range(10**9)|list|length }}", "MAX_RANGE"),
    ("{% set page = sprint.title * 50000 %}{% for i in range(100000) %}{% for j in "
     "range(100000) %}{{ page|raw }}{% endfor %}{% endfor %}", "schrijft meer dan 100 MiB"),
])
def test_a_user_template_cannot_exhaust_memory(tmp_path, source, message):
    sprint = copy_report_sprint(tmp_path / "s")
    template = tmp_path / "greedy.j2"
    template.write_text(f"# Greedy\n\n{source}\n", encoding="utf-8")
    run = sprintkit("render", template, "-s", sprint, "--format", "md", "--out",
                    tmp_path / "out.md", cwd=tmp_path, timeout=60)
    assert_clear_refusal(run, message, "greedy.j2")
    assert run.peak_mb < 700, f"{run.peak_mb:.0f} MiB"
    assert not (tmp_path / "out.md").exists()


def test_ordinary_arithmetic_still_works_in_templates(cli, tmp_path):
    sprint = copy_report_sprint(tmp_path / "s")
    template = tmp_path / "sums.j2"
    template.write_text("# Sums\n\n{{ 2 ** 64 }} {{ 'ab' * 3 }} {{ 6 * 7 }} {{ [1] * 3 }}\n",
                        encoding="utf-8")
    res = cli("render", template, "-s", sprint, "--format", "md", "--out", tmp_path / "o.md")
    assert res.exit_code == 0, res.output
    assert "18446744073709551616 ababab 42 \\[1, 1, 1\\]" in (tmp_path / "o.md").read_text()


@pytest.mark.parametrize("include", [
    "../outside.j2", "../../outside.j2", "/etc/hostname", "templates/../../outside.j2",
    "..\\\\outside.j2",
])
def test_includes_cannot_leave_the_template_folders(cli, tmp_path, include):
    sprint = copy_report_sprint(tmp_path / "work" / "s")
    (tmp_path / "work" / "outside.j2").write_text("SECRET\n", encoding="utf-8")
    (tmp_path / "outside.j2").write_text("SECRET\n", encoding="utf-8")
    folder = sprint / "templates"
    folder.mkdir()
    (folder / "handout.j2").write_text(f"# H\n\n{{% include '{include}' %}}\n", encoding="utf-8")
    res = cli("render", "handout", "-s", sprint, "--format", "md", "--out", tmp_path / "o.md")
    assert res.exit_code == 1, res.output
    assert "niet gevonden" in res.stderr and "SECRET" not in res.output
    assert not (tmp_path / "o.md").exists()


@pytest.mark.parametrize("name", ["../report", "..", "report/../../etc/passwd", "rep ort",
                                  "report.nl", "~/report", "r" * 65, "report\x00"])
def test_template_names_that_try_to_escape_are_refused(cli, tmp_path, name):
    sprint = copy_report_sprint(tmp_path / "s")
    res = cli("render", name, "-s", sprint, "--format", "md", "--out", tmp_path / "o.md")
    assert res.exit_code in (1, 2), res.output
    assert ("geen sjabloonnaam" in res.stderr or "dit sjabloonbestand bestaat niet" in res.stderr
            or "geen sjabloon" in res.stderr), res.stderr
    assert not (tmp_path / "o.md").exists()


def test_images_outside_the_template_and_sprint_folders_are_refused(cli, tmp_path):
    sprint = copy_report_sprint(tmp_path / "s")
    outside = tmp_path / "private.png"
    outside.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (sprint / "link.png").symlink_to(outside)
    for ref in ("../private.png", str(outside), "link.png"):
        template = sprint / "templates" / "pic.j2"
        template.parent.mkdir(exist_ok=True)
        template.write_text(f"# P\n\n::: image {ref}\n", encoding="utf-8")
        res = cli("render", "pic", "-s", sprint, "--format", "md", "--out", tmp_path / "o.md")
        assert res.exit_code == 1, (ref, res.output)
        assert "staat buiten de map van het sjabloon" in " ".join(res.stderr.split()), ref


# --- output paths ---------------------------------------------------------------------------


def test_out_never_overwrites_the_sprint_file(cli, tmp_path):
    sprint = copy_report_sprint(tmp_path / "s")
    before = (sprint / "sprint.yaml").read_bytes()
    for args in (["--out", sprint / "sprint.yaml"],
                 ["--out", sprint / "sprint.yaml", "--format", "md"],
                 ["--out", sprint / "sprint.yaml", "--format", "docx"]):
        for force in ([], ["--force"]):  # not even with --force
            res = cli("report", "-s", sprint, "--no-charts", *args, *force)
            assert res.exit_code == 1, res.output
            assert "niet vervangen" in " ".join(res.stderr.split())
    assert (sprint / "sprint.yaml").read_bytes() == before


def test_out_into_a_file_or_a_missing_drive_fails_clearly(cli, tmp_path):
    sprint = copy_report_sprint(tmp_path / "s")
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    res = cli("report", "-s", sprint, "--no-charts", "--out", blocker / "r.docx")
    assert res.exit_code == 1, res.output
    assert "kan de map" in res.stderr and "Traceback" not in res.output
    res = cli("stories", "dashboard", "-s", sprint, "--out", blocker / "d.html")
    assert res.exit_code == 1 and "Traceback" not in res.output


def test_out_with_dots_writes_exactly_where_asked(cli, tmp_path):
    sprint = copy_report_sprint(tmp_path / "work" / "s")
    target = tmp_path / "work" / "s" / ".." / ".." / "elsewhere" / "r.md"
    res = cli("report", "-s", sprint, "--no-charts", "--out", target)
    assert res.exit_code == 0, res.output
    written = sorted(p.relative_to(tmp_path).as_posix()
                     for p in tmp_path.rglob("*") if p.is_file() and "elsewhere" in p.parts)
    assert written == ["elsewhere/r.md"]


def test_sprint_ids_cannot_steer_the_default_report_path(cli, tmp_path):
    sprint = copy_report_sprint(tmp_path / "s")
    text = (sprint / "sprint.yaml").read_text(encoding="utf-8")
    assert "\nid: kust-experiment-2\n" in text
    for evil in ("../../evil", "/tmp/evil", "a/b"):
        (sprint / "sprint.yaml").write_text(
            text.replace("\nid: kust-experiment-2\n", f"\nid: '{evil}'\n"), encoding="utf-8")
        res = cli("report", "-s", sprint, "--no-charts")
        assert res.exit_code == 1, res.output
        assert "sprint.yaml" in res.stderr and ": id:" in res.stderr
    assert not any(p.suffix == ".docx" for p in tmp_path.rglob("*"))
