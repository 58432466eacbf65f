"""Charts as PNG, with matplotlib's Figure API (no pyplot, no global state, no display).

Two kinds, from the plain specs :mod:`sprintkit.render.context` collects:

* ``forest`` — hypotheses as their estimate and interval against their target, one row each,
  coloured and labelled by verdict;
* ``indicator`` — an indicator's measurements over its periods against baseline and target.

The same spec gives the same bytes (no timestamps or version in the PNG). matplotlib is imported
inside the functions, only when a document has charts."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import subprocess
import sys
import threading
import warnings
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from sprintkit.render import fmt
from sprintkit.render.markup import clean

WIDTH_CM = 16.0
ROW_CM = 0.62
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
           "target": "streefwaarde", "baseline": "nulmeting", "measured": "gemeten",
           "relative": "ten opzichte van de streefwaarde (streefwaarde = 100%)"},
    "en": {"estimate": "estimate", "interval": "confidence interval",
           "target": "target", "baseline": "baseline", "measured": "measured",
           "relative": "relative to the target (target = 100%)"},
}
VERDICT_WORDS = {
    "nl": {"supported": "ondersteund", "refuted": "weerlegd", "inconclusive": "onbeslist",
           "insufficient_data": "onvoldoende gegevens"},
    "en": {"supported": "supported", "refuted": "refuted", "inconclusive": "inconclusive",
           "insufficient_data": "insufficient data"},
}


PARALLEL_MIN = 8
"""From this many charts on, they are drawn in worker processes (set SPRINTKIT_CHART_WORKERS
to a number of workers; 0 or 1 draws them in this process)."""


def workers_for(count: int) -> int:
    """How many worker processes to draw ``count`` charts with (0: draw them here)."""
    configured = os.environ.get("SPRINTKIT_CHART_WORKERS", "").strip()
    if configured:
        try:
            wanted = int(configured)
        except ValueError:
            wanted = 0
        return wanted if wanted > 1 and count > 1 else 0
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)
    if count < PARALLEL_MIN or cpus < 2:
        return 0
    return min(cpus, 4, count // 4 + 1)


class ChartPool:
    """Draws charts ahead of need in worker processes (``python -m
    sprintkit.render.chart_worker``), each with its share of the specs. A chart whose worker
    fails is drawn in this process instead (the caller does that on the future's exception)."""

    def __init__(self, workers: int) -> None:
        self.workers = max(1, workers)
        self._procs: list[subprocess.Popen[bytes]] = []
        self._threads: list[threading.Thread] = []

    def start(self, specs: dict[str, dict[str, Any]]) -> dict[str, Future[bytes]]:
        import sprintkit

        items = list(specs.items())
        futures: dict[str, Future[bytes]] = {ref: Future() for ref, _ in items}
        env = dict(os.environ)
        package_root = str(Path(sprintkit.__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH"))
                                            if p)
        for index in range(self.workers):
            share = items[index::self.workers]
            if not share:
                continue
            proc = subprocess.Popen(
                [sys.executable, "-m", "sprintkit.render.chart_worker"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                env=env)
            self._procs.append(proc)
            own = {ref: futures[ref] for ref, _ in share}
            thread = threading.Thread(target=_serve, args=(proc, share, own), daemon=True)
            thread.start()
            self._threads.append(thread)
        return futures

    def close(self) -> None:
        for proc in self._procs:
            if proc.poll() is None:
                proc.kill()
        for thread in self._threads:
            thread.join(timeout=10)
        for proc in self._procs:
            with contextlib.suppress(Exception):
                proc.wait(timeout=10)
            for pipe in (proc.stdin, proc.stdout):
                if pipe is not None:
                    with contextlib.suppress(OSError):
                        pipe.close()
        self._procs.clear()
        self._threads.clear()


def _serve(proc: subprocess.Popen[bytes], share: list[tuple[str, dict[str, Any]]],
           futures: dict[str, Future[bytes]]) -> None:
    """Feed one worker its specs and hand each chart it draws to the waiting future."""
    try:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(json.dumps([spec for _, spec in share]).encode("utf-8"))
        proc.stdin.close()
        for ref, _ in share:
            header = proc.stdout.readline()
            if not header.strip():
                raise RuntimeError("a chart worker stopped")
            data = proc.stdout.read(int(header))
            futures[ref].set_result(data)
    except Exception as exc:  # any failure: the caller draws the rest itself
        for ref, _ in share:
            if not futures[ref].done():
                futures[ref].set_exception(exc)


def spec_key(spec: dict[str, Any]) -> str:
    """A stable digest of a chart spec (for caching and for naming image files)."""
    data = json.dumps(spec, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def size_cm(spec: dict[str, Any]) -> tuple[float, float]:
    """Width and height of the chart as drawn, in cm."""
    if spec.get("type") == "forest":
        rows = max(1, len(spec.get("rows", [])))
        extra = 0.45 if (spec.get("unit") or spec.get("relative")) else 0.0
        extra += 0.0 if rows <= LABELLED_ROWS else 0.4
        return WIDTH_CM, 1.7 + extra + (0.75 if rows <= 3 else ROW_CM) * rows
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
    with matplotlib.rc_context(style), warnings.catch_warnings():  # type: ignore[arg-type]
        warnings.simplefilter("ignore")  # e.g. a glyph (emoji) the font lacks
        from matplotlib.figure import Figure

        fig = Figure(figsize=(width / 2.54, height / 2.54), dpi=dpi)
        if kind == "forest":
            _forest(fig, spec)
        else:
            _indicator(fig, spec)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None},
                    pil_kwargs={"compress_level": 3})
    return buffer.getvalue()


def _text(value: Any) -> str:
    return clean(str(value)) if value is not None else ""


MARKERS = {"supported": "o", "refuted": "X", "inconclusive": "D", "insufficient_data": "o"}
LABELLED_ROWS = 15
"""Charts with at most this many rows name the verdict beside each row; bigger ones rely on
colour and marker shape (explained in the legend), which is also much faster to draw."""


def _forest(fig: Any, spec: dict[str, Any]) -> None:
    """Rows of estimate (marker) and interval (bar) against each row's target (tick) or one
    shared target (dashed line). Axes are drawn by hand: matplotlib's tick machinery costs more
    than the data."""
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D
    from matplotlib.ticker import MaxNLocator

    lang = spec.get("lang", "nl")
    words = WORDS.get(lang, WORDS["en"])
    verdicts = VERDICT_WORDS.get(lang, VERDICT_WORDS["en"])
    percent = bool(spec.get("percent"))
    relative = bool(spec.get("relative"))
    rows = spec.get("rows", [])
    n = max(1, len(rows))
    labelled = len(rows) <= LABELLED_ROWS
    width_cm, height_cm = size_cm(spec)
    bottom_cm = 1.45 + (0.45 if (spec.get("unit") or relative) else 0.0) + (
        0.0 if labelled else 0.4)
    right = 0.76 if labelled else 0.97
    ax = fig.add_axes((0.1, bottom_cm / height_cm, right - 0.1,
                       1 - (bottom_cm + 0.25) / height_cm))
    ax.set_axis_off()

    def scaled(value: Any, row: dict[str, Any]) -> float | None:
        if value is None:
            return None
        if relative:
            return float(value) / float(row["target"])
        return float(value)

    values = [v for r in rows for v in (scaled(r.get("low"), r), scaled(r.get("high"), r),
                                         scaled(r.get("estimate"), r), scaled(r.get("target"), r))
              if v is not None]
    if percent:
        lo, hi = 0.0, 1.0
    else:
        lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
        pad = (hi - lo) * 0.1 or abs(hi) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    ticks = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0] if percent else [
        t for t in MaxNLocator(nbins=6).tick_values(lo, hi) if lo <= t <= hi]
    ax.set_xlim(lo, hi)
    ax.set_ylim(-0.7, n - 0.3)
    ax.add_collection(LineCollection([[(t, -0.7), (t, n - 0.3)] for t in ticks],
                                     colors="#eceff1", linewidths=0.8, zorder=0))
    ax.add_collection(LineCollection([[(lo, -0.7), (hi, -0.7)]], colors="#b0bec5",
                                     linewidths=0.8))
    targets = {scaled(r.get("target"), r) for r in rows}
    shared = len(targets) == 1 and None not in targets
    bars, bar_colours, ticks_at = [], [], []
    for i, row in enumerate(rows):
        y = n - 1 - i
        low, high = scaled(row.get("low"), row), scaled(row.get("high"), row)
        if low is not None and high is not None:
            bars.append([(low, y), (high, y)])
            bar_colours.append(COLOURS.get(row.get("verdict"), INK))
        target = scaled(row.get("target"), row)
        if target is not None and not shared:
            ticks_at.append([(target, y - 0.32), (target, y + 0.32)])
    ax.add_collection(LineCollection(bars, colors=bar_colours, linewidths=3.2, alpha=0.55,
                                     capstyle="butt"))
    if ticks_at:
        ax.add_collection(LineCollection(ticks_at, colors=TARGET, linewidths=1.6, zorder=2))
    if shared:
        (target,) = targets
        ax.plot([target, target], [-0.7, n - 0.3], color=TARGET, linewidth=1.4,
                linestyle=(0, (4, 2)), zorder=2)
    for verdict, marker in MARKERS.items():
        picked = [(scaled(r.get("estimate"), r), n - 1 - i) for i, r in enumerate(rows)
                  if r.get("verdict") == verdict and r.get("estimate") is not None]
        if picked:
            colour = COLOURS[verdict]
            ax.scatter([p[0] for p in picked], [p[1] for p in picked], marker=marker, s=34,
                       zorder=3, color="white" if verdict == "insufficient_data" else colour,
                       edgecolors=colour, linewidths=1.2)
    axis = ax.get_yaxis_transform()
    for i, row in enumerate(rows):
        y = n - 1 - i
        ax.text(-0.015, y, _text(row.get("label")), transform=axis, ha="right", va="center",
                color=INK)
        if labelled:
            verdict = row.get("verdict")
            ax.text(1.02, y, verdicts.get(verdict, _text(verdict)), transform=axis, ha="left",
                    va="center", color=COLOURS.get(verdict, INK), fontsize=8)
    below = ax.get_xaxis_transform()
    for t in ticks:
        if relative:
            shown = fmt.format_percent(t, lang)
        elif percent:
            shown = fmt.format_percent(t, lang)
        else:
            shown = fmt.format_number(t, lang)
        ax.text(t, -0.03, shown, transform=below, ha="center", va="top", color=INK)
    unit = words["relative"] if relative else spec.get("unit")
    if unit:
        fig.text(0.1 + (right - 0.1) / 2, (bottom_cm - 0.55) / height_cm, _text(unit),
                 ha="center", va="top", color=INK)
    handles = [
        Line2D([], [], color=INK, linewidth=3, alpha=0.55, label=words["interval"]),
        Line2D([], [], color=TARGET, linewidth=1.5,
               linestyle=(0, (4, 2)) if shared else "-", label=words["target"]),
    ]
    if labelled:
        handles.insert(0, Line2D([], [], marker="o", color=INK, linestyle="none", markersize=5,
                                 label=words["estimate"]))
    else:
        for verdict, marker in MARKERS.items():
            colour = COLOURS[verdict]
            handles.append(Line2D([], [], marker=marker, linestyle="none", markersize=5,
                                  color="white" if verdict == "insufficient_data" else colour,
                                  markeredgecolor=colour, label=verdicts[verdict]))
    fig.legend(handles=handles, loc="lower center", ncol=3, frameon=False, fontsize=8,
               bbox_to_anchor=(0.5, 0.0), handlelength=1.6, columnspacing=1.4)


PER_WORDS = {
    "nl": {"year": "per jaar", "half-year": "per halfjaar", "quarter": "per kwartaal",
           "month": "per maand"},
    "en": {"year": "a year", "half-year": "a half-year", "quarter": "a quarter",
           "month": "a month"},
}


def _indicator(fig: Any, spec: dict[str, Any]) -> None:
    """Measurements over their periods against the baseline and target lines. A rate is drawn
    in percent. A count over a period of another length than the baseline's is drawn pro rata
    (hollow marker, value with ≈) so that every point stands against the same lines."""
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter

    lang = spec.get("lang", "nl")
    words = WORDS.get(lang, WORDS["en"])
    percent = bool(spec.get("percent"))
    points = [p for p in spec.get("points", []) if p.get("value") is not None]

    def shown(y: float) -> str:
        text = fmt.format_number(round(y, 1 if percent else 0 if abs(y) >= 100 else 2), lang)
        return f"{text}%" if percent else text

    fig.subplots_adjust(left=0.1, right=0.97, top=0.86, bottom=0.24)
    ax = fig.add_subplot()
    xs = list(range(len(points)))
    ys = [float(p["value"]) for p in points]
    scaled = [bool(p.get("pro_rata")) for p in points]
    ax.plot(xs, ys, color=INK, linewidth=2, zorder=2)
    plain = [(x, y) for x, y, s in zip(xs, ys, scaled, strict=True) if not s]
    hollow = [(x, y) for x, y, s in zip(xs, ys, scaled, strict=True) if s]
    if plain:
        ax.scatter([x for x, _ in plain], [y for _, y in plain], s=30, color=INK, zorder=3)
    if hollow:
        ax.scatter([x for x, _ in hollow], [y for _, y in hollow], s=30, color="white",
                   edgecolors=INK, linewidths=1.4, zorder=3)
    for x, y, s in zip(xs, ys, scaled, strict=True):
        ax.annotate(("≈" if s else "") + shown(y), (x, y), textcoords="offset points",
                    xytext=(0, 7), ha="center", fontsize=8, color=INK)
    baseline, target = spec.get("baseline"), spec.get("target")
    handles = [Line2D([], [], color=INK, marker="o", markersize=5, linewidth=2,
                      label=words["measured"])]
    if any(scaled):
        per = PER_WORDS.get(lang, PER_WORDS["en"]).get(spec.get("per") or "", "")
        pro = "pro rata" + (f" {per}" if per else "")
        handles.append(Line2D([], [], color=INK, marker="o", markerfacecolor="white",
                              markersize=5, linestyle="none", label=pro))
    if baseline is not None:
        ax.axhline(baseline, color=BASELINE, linewidth=1.4, linestyle=(0, (4, 2)), zorder=1)
        handles.append(Line2D([], [], color=BASELINE, linewidth=1.4, linestyle=(0, (4, 2)),
                              label=f"{words['baseline']} ({shown(baseline)})"))
    if target is not None:
        ax.axhline(target, color=TARGET, linewidth=1.6, linestyle=(0, (4, 2)), zorder=1)
        handles.append(Line2D([], [], color=TARGET, linewidth=1.6, linestyle=(0, (4, 2)),
                              label=f"{words['target']} ({shown(target)})"))
    ax.set_xticks(xs)
    ax.set_xticklabels([_text(p.get("period")) for p in points])
    if xs:
        ax.set_xlim(-0.5, len(xs) - 0.5)
    everything = ys + [v for v in (baseline, target) if v is not None]
    if everything:
        lo, hi = min(everything), max(everything)
        pad = (hi - lo) * 0.18 or abs(hi) * 0.1 or 1.0
        low = lo - pad
        if percent or lo >= 0 > low:
            low = 0.0  # a rate is read against zero; counts do not go below it
        high = hi + pad
        if percent:
            high = min(high, 100.0) if hi <= 100 else high
            if high <= hi:
                high = hi + pad / 2
        ax.set_ylim(low, high)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: shown(y)))
    unit = spec.get("unit")
    if unit and unit.strip() != "%":
        fig.text(0.1, 0.955, _text(unit), ha="left", va="top", color=INK, fontsize=8)
    ax.grid(axis="y", color="#eceff1", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.legend(handles=handles, loc="lower center", ncol=len(handles), frameon=False,
               fontsize=8, bbox_to_anchor=(0.5, 0.0), handlelength=1.8, columnspacing=1.4)
