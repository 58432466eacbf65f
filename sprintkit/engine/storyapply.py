"""Writing a suppression decision into a story output (see :mod:`sprintkit.engine.storycells`).

A hidden count becomes ``None`` with the mark ``*`` wherever it is published. What would give it
away goes with it: a share needs its count and its n; a difference, its interval and the shift
flag need both counts and both n's; a mean needs its n and is withheld when the audit needs it
gone; the Welch interval of a scale's mean (it carries the spread) and a test statistic are only
shown when none of the signifier's counts is hidden, and then the p-values are rounded to two
significant digits."""

from __future__ import annotations

from typing import Any

from sprintkit.engine.storykeys import ALL, MARK, Key, ckey, kind_of, nkey, skey, summary_dims


class _Hide:
    def __init__(self, hidden: set[Key], withheld: set[Any]):
        self.hidden = hidden
        self.withheld = withheld

    def count(self, key: Key, value: Any) -> tuple[Any, str]:
        if key in self.hidden or value is None:
            return None, MARK
        return value, str(value)


def apply(output: dict[str, Any], hidden: set[Key], withheld: set[Any], min_cell: int) -> None:
    h = _Hide(hidden, withheld)
    kind = kind_of(output)
    if kind == "summary":
        _summary(h, output, min_cell)
    elif kind == "shifts":
        _shifts(h, output, min_cell)
    elif kind == "section":
        _summary(h, output["summary"], min_cell)
        _summary(h, output["by_perspective"], min_cell)
        if output.get("hard_data"):
            _hard(h, output["hard_data"], None)
        if output.get("shifts"):
            _shifts(h, output["shifts"], min_cell)
        output["total_stories"] = output["summary"]["total_stories"]
    else:
        _dashboard(h, output, min_cell)


def _column(h: _Hide, dims: tuple[str, str, str], sig: str, col: dict[str, Any]) -> None:
    n_key = nkey(*dims, sig)
    n, col["n_shown"] = h.count(n_key, col.get("n"))
    col["n"] = n
    counts, shown, shares = {}, {}, {}
    for a, raw in (col.get("counts") or {}).items():
        counts[a], shown[a] = h.count(ckey(*dims, sig, a), raw)
        shares[a] = counts[a] / n if counts[a] is not None and n else None
    col.update(counts=counts, shown=shown, shares=shares)
    if "mean" in col and (n is None or ("mean", *dims, sig) in h.withheld):
        col["mean"] = None
    if "composition" in col and n is None:
        col["composition"] = None


def _summary(h: _Hide, result: dict[str, Any], min_cell: int) -> None:
    result["min_cell"] = min_cell
    groups = result.get("groups") or []
    for i, group in enumerate(groups):
        dims = summary_dims(result, "" if i == 0 else group["key"])
        group["stories"], group["shown"] = h.count(skey(*dims), group.get("stories"))
    if groups:
        result["total_stories"] = groups[0]["stories"]
    keys = [""] + [g["key"] for g in groups[1:]]
    for sig in result.get("signifiers") or []:
        for i, g in enumerate(keys):
            col = (sig.get("columns") or {}).get(g)
            if col is not None:
                _column(h, summary_dims(result, "" if i == 0 else g), sig["id"], col)
    if result.get("hard_data"):
        _hard(h, result["hard_data"], (result.get("filters") or {}).get("perspective"))


def _hard(h: _Hide, hard: dict[str, Any], perspective: str | None) -> None:
    shown = {}
    for p, n in (hard.get("stories") or {}).items():
        hard["stories"][p], shown[p] = h.count(skey(p, perspective or ALL, ALL), n)
    hard["stories_shown"] = shown


def _rounded(p: float | None) -> float | None:
    return None if p is None else float(f"{p:.2g}")


def _shifts(h: _Hide, result: dict[str, Any], min_cell: int) -> None:
    result["min_cell"] = min_cell
    v = result.get("perspective") or ALL
    periods = (result["from"], result["to"])
    stories = result.get("stories") or {}
    for p in periods:
        stories[p], _ = h.count(skey(p, v, ALL), stories.get(p))
    for sig in result.get("signifiers") or []:
        sid = sig["id"]
        ns = []
        any_hidden = False
        for p, side in zip(periods, ("from", "to"), strict=True):
            n, shown = h.count(nkey(p, v, ALL, sid), sig.get(f"n_{side}"))
            sig[f"n_{side}"], sig[f"n_{side}_shown"] = n, shown
            ns.append(n)
            any_hidden = any_hidden or n is None
        flagged = False
        for a in sig.get("answers") or []:
            visible = None not in ns
            for p, side, n in zip(periods, ("from", "to"), ns, strict=True):
                cell = a[side]
                count, shown = h.count(ckey(p, v, ALL, sid, a["id"]), cell.get("count"))
                a[side] = {"count": count, "shown": shown,
                           "share": count / n if count is not None and n else None}
                visible = visible and count is not None
                any_hidden = any_hidden or count is None
            if not visible:
                a["difference"] = a["interval"] = a["shift"] = None
                for k in _WITH_DIFFERENCE:
                    if k in a:
                        a[k] = None
            flagged = flagged or bool(a.get("shift"))
        mean = sig.get("mean")
        if mean:
            gone = [n is None or ("mean", p, v, ALL, sid) in h.withheld
                    for p, n in zip(periods, ns, strict=True)]
            if gone[0]:
                mean["from"] = None
            if gone[1]:
                mean["to"] = None
            if any(gone):
                mean["difference"] = mean["shift"] = None
            if any(gone) or any_hidden:
                mean["interval"] = None
                mean["shift"] = None
                for k in ("audit", *_WITH_DIFFERENCE):
                    if k in mean:
                        mean[k] = None
            flagged = flagged or bool(mean.get("shift"))
        if any(n is None for n in ns) and sig.get("composition"):
            sig["composition"] = {"from": None, "to": None}
        test = sig.get("test") or {}
        if any_hidden and test.get("p") is not None:
            test["statistic"] = None
            test["p"] = _rounded(test["p"])
            test["p_adjusted"] = _rounded(test.get("p_adjusted"))
        if any_hidden:
            _hide_test_counts(test)
        sig["shifted"] = flagged


_WITH_DIFFERENCE = ("shift_class", "difference_shown", "interval_shown")
"""Fields that show a difference: gone with it."""


def _hide_test_counts(test: dict[str, Any]) -> None:
    """A test's counts and what they give away (expected counts, U, the other statistics)
    go when a count of the signifier is hidden; p-values stay, rounded."""
    for k in ("table", "expected", "u_other", "n_from", "n_to"):
        if k in test:
            test[k] = None
    for option in test.get("options") or []:
        option["statistic"] = None
        for k in ("table", "expected"):
            option[k] = None
        for k in ("p", "p_adjusted"):
            option[k] = _rounded(option.get(k))


def _story_counts(h: _Hide, counts: dict[str, dict[str, str]]) -> None:
    for v, row in counts.items():
        for p, shown in list(row.items()):
            key = skey(p or ALL, v or ALL, ALL)
            value = int(shown) if shown.isdigit() else None
            row[p] = h.count(key, value)[1]


def _dashboard(h: _Hide, data: dict[str, Any], min_cell: int) -> None:
    order = [s["id"] for s in data.get("signifiers") or []]
    for key, view in (data.get("views") or {}).items():
        p, _, v = key.partition("|")
        dims = (p or ALL, v or ALL, ALL)
        view["total"], view["total_shown"] = h.count(skey(*dims), view.get("total"))
        for i, col in enumerate(view.get("signifiers") or []):
            _column(h, dims, col.get("id") or order[i], col)
    for result in (data.get("shifts") or {}).values():
        _shifts(h, result, min_cell)
    groups: dict[str, Any] = {"by": ["period", "perspective"], "filters": {},
              "groups": data.get("groups") or [], "signifiers": []}
    _summary(h, groups, min_cell)
    if data.get("hard_data"):
        _hard(h, data["hard_data"], None)
    if data.get("story_counts"):
        _story_counts(h, data["story_counts"])
