"""Charts as PNG, with matplotlib's Figure API (no pyplot, no global state, no display).

Two kinds, from the plain specs :mod:`sprintkit.render.context` collects:

* ``forest`` — hypotheses as their estimate and interval against their target, one row each,
  coloured and labelled by verdict;
* ``indicator`` — an indicator's measurements over its periods against baseline and target.

The same spec gives the same bytes (no timestamps or version in the PNG). matplotlib is imported
inside the functions, only when a document has charts."""

from __future__ import annotations

import hashlib
import io
import json
import warnings
from typing import Any

from sprintkit.render import fmt
from sprintkit.render.markup import clean

WIDTH_CM = 16.0
DPI = 150
COLOURS = {
    "supported": "#2e7d32",
    "refuted": "#c62828",
    "inconclusive": "#b7791f",
    "insufficient_data": "#757575",
}
INK = "#263238"
TARGET = "#1565c0"
BASELINE = "#9e9e9e"
WORDS = {
    "nl": {"estimate": "schatting", "interval": "betrouwbaarheidsinterval",
           "target": "streefwaarde", "baseline": "nulmeting", "measured": "gemeten"},
    "en": {"estimate": "estimate", "interval": "confidence interval",
           "target": "target", "baseline": "baseline", "measured": "measured"},
}
VERDICT_WORDS = {
    "nl": {"supported": "ondersteund", "refuted": "weerlegd", "inconclusive": "onbeslist",
           "insufficient_data": "onvoldoende gegevens"},
    "en": {"supported": "supported", "refuted": "refuted", "inconclusive": "inconclusive",
           "insufficient_data": "insufficient data"},
}


def spec_key(spec: dict[str, Any]) -> str:
    """A stable digest of a chart spec (for caching and for naming image files)."""
    data = json.dumps(spec, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def size_cm(spec: dict[str, Any]) -> tuple[float, float]:
    """Width and height of the chart as drawn, in cm."""
    if spec.get("type") == "forest":
        extra = 0.5 if spec.get("unit") else 0.0
        return WIDTH_CM, 1.9 + extra + 0.75 * max(1, len(spec.get("rows", [])))
    return WIDTH_CM, 6.5


def render_png(spec: dict[str, Any], dpi: int = DPI) -> bytes:
    """The chart as PNG bytes."""
    import matplotlib

    kind = spec.get("type")
    if kind not in ("forest", "indicator"):
        raise ValueError(f"unknown chart type {kind!r}")
    width, height = size_cm(spec)
    style = {
        "font.family": "DejaVu Sans",
        "font.size": 8.5,
        "axes.edgecolor": "#b0bec5",
        "axes.labelcolor": INK,
        "xtick.color": INK,
        "ytick.color": INK,
        "svg.hashsalt": "sprintkit",
        "text.parse_math": False,
    }
    with matplotlib.rc_context(style), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # e.g. a glyph (emoji) the font lacks
        from matplotlib.figure import Figure

        fig = Figure(figsize=(width / 2.54, height / 2.54), dpi=dpi)
        if kind == "forest":
            _forest(fig, spec)
        else:
            _indicator(fig, spec)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


def _text(value: Any) -> str:
    return clean(str(value)) if value is not None else ""


def _forest(fig: Any, spec: dict[str, Any]) -> None:
    lang = spec.get("lang", "nl")
    words = WORDS.get(lang, WORDS["en"])
    verdicts = VERDICT_WORDS.get(lang, VERDICT_WORDS["en"])
    percent = bool(spec.get("percent"))
    rows = spec.get("rows", [])
    height_cm = size_cm(spec)[1]
    bottom_cm = 1.35 + (0.5 if spec.get("unit") else 0.0)
    fig.subplots_adjust(left=0.09, right=0.72, top=1 - 0.3 / height_cm,
                        bottom=bottom_cm / height_cm)
    ax = fig.add_subplot()
    values = [v for r in rows for v in (r.get("low"), r.get("high"), r.get("estimate"),
                                         r.get("target")) if v is not None]
    if percent:
        lo, hi = 0.0, 1.0
    else:
        lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
        pad = (hi - lo) * 0.12 or abs(hi) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    targets = {r.get("target") for r in rows}
    shared = len(targets) == 1 and None not in targets
    n = len(rows)
    for i, row in enumerate(rows):
        y = n - 1 - i
        colour = COLOURS.get(row.get("verdict"), INK)
        low, high, est = row.get("low"), row.get("high"), row.get("estimate")
        if low is not None and high is not None:
            ax.plot([low, high], [y, y], color=colour, linewidth=3.2, solid_capstyle="butt",
                    alpha=0.55)
        if est is not None:
            ax.plot([est], [y], marker="o", markersize=6, color=colour,
                    markeredgecolor="white", markeredgewidth=0.8)
        target = row.get("target")
        if target is not None and not shared:
            ax.plot([target, target], [y - 0.32, y + 0.32], color=TARGET, linewidth=1.6)
        ax.annotate(verdicts.get(row.get("verdict"), _text(row.get("verdict"))),
                    xy=(1.02, y), xycoords=("axes fraction", "data"), va="center",
                    ha="left", color=colour, fontsize=8)
    if shared:
        (target,) = targets
        ax.axvline(target, color=TARGET, linewidth=1.4, linestyle=(0, (4, 2)))
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_xlim(lo, hi)
    ax.set_yticks(range(n))
    ax.set_yticklabels([_text(r.get("label")) for r in reversed(rows)])
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", color="#eceff1", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    from matplotlib.ticker import FuncFormatter

    if percent:
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: fmt.format_percent(x, lang)))
    else:
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: fmt.format_number(x, lang)))
    if spec.get("unit"):
        ax.set_xlabel(_text(spec["unit"]))
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], marker="o", color=INK, linestyle="none", markersize=5,
               label=words["estimate"]),
        Line2D([], [], color=INK, linewidth=3, alpha=0.55, label=words["interval"]),
        Line2D([], [], color=TARGET, linewidth=1.5,
               linestyle=(0, (4, 2)) if shared else "-", label=words["target"]),
    ]
    fig.legend(handles=handles, loc="lower center", ncol=3, frameon=False, fontsize=8,
               bbox_to_anchor=(0.5, 0.0))


def _indicator(fig: Any, spec: dict[str, Any]) -> None:
    lang = spec.get("lang", "nl")
    words = WORDS.get(lang, WORDS["en"])
    points = [p for p in spec.get("points", []) if p.get("value") is not None]
    fig.subplots_adjust(left=0.1, right=0.97, top=0.93, bottom=0.24)
    ax = fig.add_subplot()
    xs = list(range(len(points)))
    ys = [float(p["value"]) for p in points]
    ax.plot(xs, ys, color=INK, marker="o", markersize=5, linewidth=2, label=words["measured"])
    for x, y in zip(xs, ys):
        ax.annotate(fmt.format_number(y, lang), (x, y), textcoords="offset points",
                    xytext=(0, 7), ha="center", fontsize=8, color=INK)
    baseline, target = spec.get("baseline"), spec.get("target")
    if baseline is not None:
        ax.axhline(baseline, color=BASELINE, linewidth=1.4, linestyle=(0, (4, 2)),
                   label=f"{words['baseline']} ({fmt.format_number(baseline, lang)})")
    if target is not None:
        ax.axhline(target, color=TARGET, linewidth=1.6, linestyle=(0, (4, 2)),
                   label=f"{words['target']} ({fmt.format_number(target, lang)})")
    ax.set_xticks(xs)
    ax.set_xticklabels([_text(p.get("period")) for p in points])
    if xs:
        ax.set_xlim(-0.5, len(xs) - 0.5)
    everything = ys + [v for v in (baseline, target) if v is not None]
    if everything:
        lo, hi = min(everything), max(everything)
        pad = (hi - lo) * 0.18 or abs(hi) * 0.1 or 1.0
        ax.set_ylim(min(0, lo - pad) if lo >= 0 and lo - pad < 0 else lo - pad, hi + pad)
    from matplotlib.ticker import FuncFormatter

    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: fmt.format_number(y, lang)))
    if spec.get("unit"):
        ax.set_ylabel(_text(spec["unit"]))
    ax.grid(axis="y", color="#eceff1", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.legend(loc="lower center", ncol=3, frameon=False, fontsize=8, bbox_to_anchor=(0.5, 0.0))
