"""A user template is bounded in time, loop rounds and the size of what it makes: a greedy
template stops with a clear error naming the file and line (exit 1), quickly and in bounded
memory; ordinary templates are not affected."""

from __future__ import annotations

import pytest
from robust_support import assert_clear_refusal, copy_report_sprint, sprintkit

from sprintkit.render import template_bounds as bounds


def said(res) -> str:
    """stderr on one line (the console wraps long messages)."""
    return " ".join(res.stderr.split())

GREEDY = [
    ("{{ 'a'.ljust(2000000000) }}", "a ljust() text of 2,000,000,000 characters is too large"),
    ("{{ 'a'.center(2000000000) }}", "is too large"),
    ("{{ 'a'.zfill(2000000000) }}", "is too large"),
    ("{{ ('\\t' * 1000).expandtabs(100000000) }}", "is too large"),
    ("{{ '%2000000000s' % 'a' }}", "a % format field of 2,000,000,000 characters"),
    ("{{ '%*d' % (2000000000, 1) }}", "is too large"),
    ("{{ '{:2000000000}'.format(1) }}", "a format() field of 2,000,000,000 characters"),
    ("{{ '{:{}}'.format(1, 2000000000) }}", "is too large"),
    ("{{ '{x:{w}}'.format_map({'x': 1, 'w': 2000000000}) }}", "is too large"),
    ("{{ 'x'|center(2000000000) }}", "is too large"),
    ("{{ 'x'|indent(2000000000) }}", "is too large"),
    ("{{ '%2000000000d'|format(1) }}", "is too large"),
    ("{{ [1]|batch(1000000000, 0)|list }}", "a batch of 1,000,000,000 items"),
    ("{{ [1]|slice(1000000000)|list }}", "is too large"),
    ("{{ 'abc'|replace('', 'x' * 5000000) }}", "is too large"),
    ("{{ 'abc'.replace('', 'x' * 5000000) }}", "is too large"),
    ("{{ range(100000)|join('x' * 1000) }}", "is too large"),
    ("{{ ('x' * 1000).join(range(100000)|map('string')) }}", "is too large"),
    ("{{ lipsum(1000000) }}", "is too large"),
    ("{{ 'abc def'|wordwrap(1, wrapstring='x' * 10000000) }}", "a wrapped text of"),
    ("{{ {'a': 1}|tojson(100000000) }}", "is too large"),
    ("{% set ns = namespace(s='ab') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}"
     "{% endfor %}", "a joined text (~)"),
    ("{% set ns = namespace(s='ab') %}{% for i in range(60) %}{% set ns.s = ns.s + ns.s %}"
     "{% endfor %}", "a sum of"),
    ("{{ range(100000)|map('center', 100000)|list|length }}", "more than 100,000,000 characters"),
    ("{% set ns = namespace(x=10 ** 9999) %}{% for i in range(30) %}"
     "{% set ns.x = ns.x * ns.x %}{% endfor %}", "a product of more than 10,000 digits"),
]


@pytest.mark.parametrize("source, message", GREEDY)
def test_a_greedy_template_is_stopped_quickly_in_bounded_memory(tmp_path, source, message):
    sprint = copy_report_sprint(tmp_path / "s")
    template = tmp_path / "greedy.j2"
    template.write_text(f"# Greedy\n\n{source}\n", encoding="utf-8")
    run = sprintkit("render", template, "-s", sprint, "--format", "md", "--out",
                    tmp_path / "out.md", cwd=tmp_path, timeout=60)
    assert_clear_refusal(run, message, "greedy.j2:3")
    assert run.seconds < 20, f"{run.seconds:.1f} s"
    assert run.peak_mb < 400, f"{run.peak_mb:.0f} MiB"
    assert not (tmp_path / "out.md").exists()


@pytest.mark.parametrize("source", [
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(40) }}",
    "{% for i in range(100000) %}{% for j in 'x' * 1000000 %}{% endfor %}{% endfor %}",
])
def test_a_template_that_runs_too_long_is_stopped(cli, tmp_path, monkeypatch, source):
    monkeypatch.setattr(bounds, "MAX_SECONDS", 1.0)
    sprint = copy_report_sprint(tmp_path / "s")
    template = tmp_path / "slow.j2"
    template.write_text(f"# Slow\n\n{source}\n", encoding="utf-8")
    res = cli("render", template, "-s", sprint, "--format", "md", "--out", tmp_path / "o.md")
    assert res.exit_code == 1, res.output
    assert "slow.j2:3" in said(res) and "took more than 1 seconds; stopped" in said(res)
    assert not (tmp_path / "o.md").exists()


def test_loop_rounds_are_bounded(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(bounds, "MAX_STEPS", 5000)
    sprint = copy_report_sprint(tmp_path / "s")
    template = tmp_path / "loops.j2"
    template.write_text("# Loops\n\n{% for i in range(100) %}{% for j in range(100) %}"
                        "{% endfor %}{% endfor %}\n", encoding="utf-8")
    res = cli("render", template, "-s", sprint, "--format", "md", "--out", tmp_path / "o.md")
    assert res.exit_code == 1, res.output
    assert "more than 5,000 loop rounds and calls" in said(res)


def test_ordinary_templates_render_as_before(cli, tmp_path):
    sprint = copy_report_sprint(tmp_path / "s")
    template = tmp_path / "fine.j2"
    template.write_text(
        "# Fine\n\n{{ 'ab' * 3 }} {{ 2 ** 64 }} {% for h in sprint.hypotheses %}{{ h.id }} "
        "{% endfor %}{{ '%5s|' % 'x' }}{{ '{:>4}|{}'.format(1, 'b') }}{{ 'x'|center(5) }}|"
        "{{ [1, 2]|join(', ') }}|{{ 'aXb'|replace('X', '-') }}|{{ 'a'.ljust(3) }}|"
        "{% set x %}abc{% endset %}{{ x ~ 'd' }}|{{ [1, 2] + [3] }}|{{ 'q'|indent(2) }}|"
        "{{ [1, 2, 3]|batch(2)|list|length }}\n", encoding="utf-8")
    res = cli("render", template, "-s", sprint, "--format", "md", "--out", tmp_path / "o.md")
    assert res.exit_code == 0, res.output
    text = (tmp_path / "o.md").read_text(encoding="utf-8")
    assert ("ababab 18446744073709551616 H1 H2 H3 H4 H5 H6     x\\|   1\\|b  x  \\|1, 2\\|a-b\\|"
            "a  \\|abcd\\|\\[1, 2, 3\\]\\|q\\|2") in text


def test_a_template_cannot_shadow_the_loop_guard(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(bounds, "MAX_STEPS", 5000)
    sprint = copy_report_sprint(tmp_path / "s")
    template = tmp_path / "shadow.j2"
    template.write_text("# S\n\n{% set steps = none %}{% set environment = none %}"
                        "{% for i in range(100) %}{% for j in range(100) %}{% endfor %}"
                        "{% endfor %}\n", encoding="utf-8")
    res = cli("render", template, "-s", sprint, "--format", "md", "--out", tmp_path / "o.md")
    assert res.exit_code == 1 and "loop rounds" in said(res), res.output


def test_a_template_that_is_not_utf8_is_named(cli, tmp_path):
    sprint = copy_report_sprint(tmp_path / "s")
    template = tmp_path / "latin.j2"
    template.write_bytes("# T\n\ncaf\xe9\n".encode("latin-1"))
    res = cli("render", template, "-s", sprint, "--format", "md", "--out", tmp_path / "o.md")
    assert res.exit_code == 1, res.output
    assert "latin.j2:3:4: het sjabloon is geen UTF-8-tekst (byte 0xe9)" in said(res)
    included = tmp_path / "inc.j2"
    included.write_bytes(b"ok\n\xff\n")
    template.write_text("# T\n\n{% include 'inc.j2' %}\n", encoding="utf-8")
    res = cli("render", template, "-s", sprint, "--format", "md", "--out", tmp_path / "o.md")
    assert res.exit_code == 1, res.output
    assert "inc.j2:2:1: het sjabloon is geen UTF-8-tekst (byte 0xff)" in said(res)
    assert "internal error" not in res.output


@pytest.mark.parametrize("name, message", [
    ("a" * 300 + ".png", "is te lang"),
    ("d/" * 600 + "x.png", "is te lang"),
])
def test_an_image_name_that_is_too_long_is_refused(cli, tmp_path, name, message):
    sprint = copy_report_sprint(tmp_path / "s")
    template = tmp_path / "pic.j2"
    template.write_text(f"# P\n\n::: image {name}\n", encoding="utf-8")
    res = cli("render", template, "-s", sprint, "--format", "md", "--out", tmp_path / "o.md")
    assert res.exit_code == 1, res.output
    assert message in said(res) and "internal error" not in res.output
    assert name not in res.output
