"""The keys of a story output's cells (story counts, n's and answer counts per period,
perspective and branch) and the reading of an output's kind: shared by
:mod:`sprintkit.engine.storycells` (reading and protecting) and :mod:`sprintkit.engine.storyapply`
(writing the decision back)."""

from __future__ import annotations

from typing import Any

ALL = "*"
MARK = "*"
"""Shown for every hidden count: the same mark whether small or hidden to protect a small one."""
Key = tuple[str, str, str, str, str, str]


def skey(p: str, v: str, b: str) -> Key:
    return ("s", p, v, b, "", "")


def nkey(p: str, v: str, b: str, sig: str) -> Key:
    return ("n", p, v, b, sig, "")


def ckey(p: str, v: str, b: str, sig: str, answer: str) -> Key:
    return ("c", p, v, b, sig, answer)


def summary_dims(result: dict[str, Any], group: str) -> tuple[str, str, str]:
    """The (period, perspective, branch) of a summary group: ``group`` is its key, "" the total."""
    filters = result.get("filters") or {}
    dims = [filters.get("period") or ALL, filters.get("perspective") or ALL, ALL]
    if group:
        for dim, part in zip(result.get("by") or [], group.split(" · "), strict=False):
            dims[{"period": 0, "perspective": 1}.get(dim, 2)] = part
    return dims[0], dims[1], dims[2]


def kind_of(output: dict[str, Any]) -> str:
    """summary, shifts, dashboard or section; ValueError for anything else."""
    if "views" in output and "story_counts" in output:
        return "dashboard"
    if "by_perspective" in output and "summary" in output:
        return "section"
    if "from" in output and "to" in output and "signifiers" in output:
        return "shifts"
    if "groups" in output and "signifiers" in output:
        return "summary"
    from sprintkit.i18n import msg

    raise ValueError(msg("stories.audit_not_output"))
