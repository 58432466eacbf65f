"""`stories summary --by SIGNIFIER` counts once along the signifier and sums the cross away for
the overall numbers; that must give the cube a count without the cross gives."""

from __future__ import annotations

import math

from sprintkit.engine.stories import Cube, without_cross


def _same(a: Cube, b: Cube) -> None:
    assert a.stories == b.stories
    assert a.answered == b.answered
    assert a.counts == b.counts
    for mine, theirs in ((a.scale, b.scale), (a.triad, b.triad)):
        assert mine.keys() == theirs.keys()
        for key in mine:
            assert all(math.isclose(x, y, rel_tol=1e-12, abs_tol=1e-9)
                       for x, y in zip(mine[key], theirs[key], strict=True)), key


def test_summing_the_cross_away_gives_the_plain_count(cli, tmp_path):
    folder = tmp_path / "regio"
    for argv in (["new", "story-cycle", folder, "--title", "V", "--org", "R", "--no-input"],
                 ["stories", "sample", "-s", folder, "--count", "1500", "--periods", "3",
                  "--out", tmp_path / "s.csv"],
                 ["stories", "import", tmp_path / "s.csv", "-s", folder]):
        res = cli(*argv)
        assert res.exit_code == 0, res.output
    from sprintkit.ops.stories import context

    ctx = context(folder, None)
    signifiers = ctx.method.signifiers
    checked = 0
    with ctx.open_store() as store:
        for cross in ("theme", "emotion", "heard", "what-mattered", "frequency"):
            for period, perspective in ((None, None), ("2025-H2", None), (None, "social-team")):
                plain = store.cube(signifiers, period=period, perspective=perspective)
                crossed = store.cube(signifiers, period=period, perspective=perspective,
                                     cross=cross)
                assert sum(crossed.stories.values()) == sum(plain.stories.values()) > 0
                _same(without_cross(crossed), plain)
                checked += 1
    assert checked == 15


def test_the_summary_by_a_signifier_keeps_its_overall_column(cli, tmp_path):
    import json

    folder = tmp_path / "regio"
    for argv in (["new", "story-cycle", folder, "--title", "V", "--org", "R", "--no-input"],
                 ["stories", "sample", "-s", folder, "--count", "400", "--out",
                  tmp_path / "s.csv"],
                 ["stories", "import", tmp_path / "s.csv", "-s", folder]):
        assert cli(*argv).exit_code == 0
    alone = json.loads(cli("stories", "summary", "-s", folder, "--by", "perspective",
                           "--format", "json").stdout)
    crossed = json.loads(cli("stories", "summary", "-s", folder, "--by", "perspective", "--by",
                             "theme", "--format", "json").stdout)
    overall = {s["id"]: s["columns"][""]["shown"] for s in alone["signifiers"]}
    both = 0
    for sig in crossed["signifiers"]:
        # each output is protected as one linked set, so a count hidden in one may be shown in
        # the other; every count shown in both is the same number
        for answer, shown in sig["columns"][""]["shown"].items():
            if shown != "*" and overall[sig["id"]][answer] != "*":
                assert shown == overall[sig["id"]][answer], (sig["id"], answer)
                both += 1
    assert both >= 10
