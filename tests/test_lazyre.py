"""Patterns compiled on first use (``sprintkit.engine.lazyre``): the same answers as
``re.compile``, and the identifier patterns are compiled only for text that may hold one."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap

from sprintkit.engine.lazyre import LazyPattern


def test_answers_as_the_compiled_pattern() -> None:
    lazy = LazyPattern(r"(\d+)-(\w+)", re.IGNORECASE)
    real = re.compile(r"(\d+)-(\w+)", re.IGNORECASE)
    text = "12-ab, 3-CD en 44-x"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy.search(text, 3).groups() == real.search(text, 3).groups()  # type: ignore[union-attr]
    assert lazy.match(text) is not None and lazy.fullmatch(text) is None
    assert lazy.sub("#", text) == real.sub("#", text)
    assert (lazy.pattern, lazy.flags, lazy.groups) == (real.pattern, real.flags, real.groups)


def test_compiles_once_and_says_so() -> None:
    lazy = LazyPattern("a+")
    assert "not yet compiled" in repr(lazy)
    first = lazy.compiled
    lazy.search("baa")
    assert lazy.compiled is first
    assert "not yet compiled" not in repr(lazy)


def test_a_bad_pattern_fails_when_used() -> None:
    lazy = LazyPattern("(unclosed")
    try:
        lazy.search("x")
    except re.error:
        pass
    else:  # pragma: no cover - the assertion below says what went wrong
        raise AssertionError("a bad pattern must fail as re.compile does")


PROBE = textwrap.dedent("""
    import json, sys
    from sprintkit.engine import identifiers, pseudonymise
    from sprintkit.engine.lazyre import LazyPattern
    def compiled():
        return sorted(name for name, value in vars(identifiers).items()
                      if isinstance(value, LazyPattern) and value._compiled is not None)
    out = {"import": compiled()}
    pseudonymise.pseudonymise("Samen schrijven helpt het team", [], b"k" * 32, "nl")
    out["plain"] = compiled()
    identifiers.find_identifiers("Bel 06-12345678 of mail a@b.nl, NL91 ABNA 0417 1643 00")
    out["numbers"] = compiled()
    print(json.dumps(out))
""")


def test_identifier_patterns_compile_only_when_text_may_hold_one() -> None:
    import json

    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          check=True)
    seen = json.loads(done.stdout)
    assert seen["import"] == []
    assert seen["plain"] == []  # no '@' and fewer than four digits: nothing to look for
    assert {"EMAIL", "_IBAN_NL", "_RUN", "_POSTCODE"} <= set(seen["numbers"])


def test_pyyaml_patterns_wait_until_pyyaml_reads_or_writes_by_itself() -> None:
    import json

    probe = textwrap.dedent("""
        import datetime, json
        from sprintkit.files.yamlfast import fast_plain
        from sprintkit.engine.lazyre import LazyPattern
        ok, data = fast_plain("a: 1\\nb: [x, y]\\n")
        import yaml
        patterns = [yaml.reader.Reader.NON_PRINTABLE,
                    yaml.constructor.SafeConstructor.timestamp_regexp]
        resolvers = yaml.resolver.Resolver.yaml_implicit_resolvers.values()
        patterns += [p for rs in resolvers for _, p in rs]
        out = {"ok": ok, "data": data, "lazy": all(isinstance(p, LazyPattern) for p in patterns),
               "compiled_before": any(p._compiled is not None for p in patterns)}
        try:
            yaml.safe_load("a: \\x07")  # PyYAML's own reader still refuses a control character
        except yaml.YAMLError as exc:
            out["refused"] = "special characters" in str(exc)
        read = yaml.safe_load("a: 2026-01-02\\nb: yes\\nc: 0x1f\\nd: ~\\ne: 1.5\\nf: '12'")
        out["read"] = {k: repr(v) for k, v in read.items()}
        out["written"] = yaml.safe_dump({"a": "yes", "b": "12", "c": "2026-01-02"})
        print(json.dumps(out))
    """)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    seen = json.loads(done.stdout)
    assert seen == {
        "ok": True, "data": {"a": 1, "b": ["x", "y"]}, "lazy": True, "compiled_before": False,
        "refused": True,
        "read": {"a": "datetime.date(2026, 1, 2)", "b": "True", "c": "31", "d": "None",
                 "e": "1.5", "f": "'12'"},
        "written": "a: 'yes'\nb: '12'\nc: '2026-01-02'\n"}
