"""Charts as PNG, with matplotlib's Figure API (no pyplot, no global state, no display).

Kinds, from the plain specs :mod:`sprintkit.render.context` collects:

* ``forest`` — hypotheses as their estimate and interval against their target, one row each,
  coloured and labelled by verdict;
* ``indicator`` — an indicator's measurements over its periods against baseline and target;
* ``votes``, ``matrix`` and ``assumptions`` — a dot vote, an impact/effort matrix and an
  assumption map (:mod:`sprintkit.render.chart_choices`);
* ``distribution`` — the story report's shares per answer and period
  (:mod:`sprintkit.render.chart_stories`).

The same spec gives the same bytes (no timestamps or version in the PNG). matplotlib is imported
inside the functions, only when a document has charts. A legend shows exactly what the plot
draws: both are made from the same style dicts (:func:`verdict_style`, :data:`MEASURED`…).

A spec a chart cannot be drawn from (a new kind without rows, or without one drawable row)
raises :class:`EmptyChart`, a ``ValueError``: the caller leaves the chart out."""

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
from sprintkit.render.chart_style import (
    BASELINE,
    COLOURS,
    DPI,
    INK,
    LABELLED_ROWS,
    MARKERS,
    ROW_CM,
    TARGET,
    WIDTH_CM,
    chart_text,
    verdict_key,
    verdict_style,
    verdict_words,
    words_in,
)
from sprintkit.render.chart_style import (
    EmptyChart as EmptyChart,  # render_png raises it: callers catch it from here
)


def _per_words(lang: str, per: str | None) -> str:
    from sprintkit.i18n import catalogue

    return catalogue(lang).get(f"chart.per.{per}", "") if per else ""


KINDS = ("forest", "indicator", "votes", "matrix", "assumptions", "distribution")


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
            if header.strip() == b"-":
                futures[ref].set_exception(ValueError("the chart worker could not draw it"))
                continue
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
        extra += 0.4 * (_legend_rows(_forest_legend_count(spec)) - 1)
        return WIDTH_CM, 1.7 + extra + (0.75 if rows <= 3 else ROW_CM) * rows
    if spec.get("type") in ("votes", "matrix", "assumptions"):
        from sprintkit.render import chart_choices

        return chart_choices.size_cm(spec)
    if spec.get("type") == "distribution":
        from sprintkit.render import chart_stories

        return chart_stories.size_cm(spec)
    return WIDTH_CM, 6.5


def render_png(spec: dict[str, Any], dpi: int = DPI) -> bytes:
    """The chart as PNG bytes (:class:`EmptyChart` when there is nothing to draw)."""
    with _style():
        fig = figure(spec, dpi)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None},
                    pil_kwargs={"compress_level": 3})
    return buffer.getvalue()


def figure(spec: dict[str, Any], dpi: int = DPI) -> Any:
    """The chart as a matplotlib Figure with an Agg canvas, drawn but not saved (what
    :func:`render_png` saves; tests look at its texts, markers and legend)."""
    kind = spec.get("type")
    if kind not in KINDS:
        raise ValueError(f"unknown chart type {kind!r}")
    width, height = size_cm(spec)
    with _style():
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        fig = Figure(figsize=(width / 2.54, height / 2.54), dpi=dpi)
        FigureCanvasAgg(fig)
        if kind == "forest":
            _forest(fig, spec)
        elif kind == "indicator":
            _indicator(fig, spec)
        elif kind == "distribution":
            from sprintkit.render import chart_stories

            chart_stories.draw(fig, spec)
        else:
            from sprintkit.render import chart_choices

            chart_choices.draw(fig, spec)
    return fig


@contextlib.contextmanager
def _style() -> Any:
    """matplotlib settings for every chart (and no warnings, e.g. a glyph the font lacks)."""
    import matplotlib

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
        warnings.simplefilter("ignore")
        yield


def interval_style(verdict: Any) -> dict[str, Any]:
    """Line2D keywords of a confidence interval bar (in its verdict's colour)."""
    return {"color": COLOURS.get(verdict_key(verdict), INK), "linewidth": 3.2, "alpha": 0.55,
            "solid_capstyle": "butt"}


SHARED_TARGET: dict[str, Any] = {"color": TARGET, "linewidth": 1.4, "linestyle": (0, (4, 2))}
ROW_TARGET: dict[str, Any] = {"color": TARGET, "linewidth": 1.6, "linestyle": "-"}


def _present(rows: list[dict[str, Any]]) -> list[str]:
    """The verdict keys of rows that have an estimate, in :data:`MARKERS` order."""
    found = {verdict_key(r.get("verdict")) for r in rows if r.get("estimate") is not None}
    return [v for v in MARKERS if v in found]


def _forest_legend_count(spec: dict[str, Any]) -> int:
    rows = spec.get("rows", [])
    if len(rows) <= LABELLED_ROWS:
        return 3
    return len(_present(rows)) + 2


def _legend_rows(entries: int, columns: int = 3) -> int:
    return max(1, -(-entries // columns))


def _forest(fig: Any, spec: dict[str, Any]) -> None:
    """Rows of estimate (marker) and interval (bar) against each row's target (tick) or one
    shared target (dashed line). Axes are drawn by hand: matplotlib's tick machinery costs more
    than the data. Each legend entry is drawn from the plot's own style dicts: a verdict's
    marker, the interval bars in the colours drawn, the target line or tick as drawn."""
    from matplotlib.collections import LineCollection
    from matplotlib.legend_handler import HandlerTuple
    from matplotlib.lines import Line2D
    from matplotlib.ticker import MaxNLocator

    lang = spec.get("lang", "nl")
    words = words_in(lang)
    verdicts = verdict_words(lang)
    percent = bool(spec.get("percent"))
    relative = bool(spec.get("relative"))
    rows = spec.get("rows", [])
    n = max(1, len(rows))
    labelled = len(rows) <= LABELLED_ROWS
    width_cm, height_cm = size_cm(spec)
    legend_cm = 0.4 * (_legend_rows(_forest_legend_count(spec)) - 1)
    bottom_cm = 1.45 + (0.45 if (spec.get("unit") or relative) else 0.0) + legend_cm
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
    bars: dict[str, list[Any]] = {}
    ticks_at = []
    for i, row in enumerate(rows):
        y = n - 1 - i
        low, high = scaled(row.get("low"), row), scaled(row.get("high"), row)
        if low is not None and high is not None:
            bars.setdefault(verdict_key(row.get("verdict")), []).append([(low, y), (high, y)])
        target = scaled(row.get("target"), row)
        if target is not None and not shared:
            ticks_at.append([(target, y - 0.32), (target, y + 0.32)])
    for verdict, segments in bars.items():
        bar = interval_style(verdict)
        ax.add_collection(LineCollection(segments, colors=bar["color"],
                                         linewidths=bar["linewidth"], alpha=bar["alpha"],
                                         capstyle=bar["solid_capstyle"]))
    if ticks_at:
        ax.add_collection(LineCollection(ticks_at, colors=ROW_TARGET["color"],
                                         linewidths=ROW_TARGET["linewidth"], zorder=2))
    if shared:
        (target,) = targets
        ax.plot([target, target], [-0.7, n - 0.3], zorder=2, **SHARED_TARGET)
    present = _present(rows)
    for verdict in present:
        picked = [(scaled(r.get("estimate"), r), n - 1 - i) for i, r in enumerate(rows)
                  if verdict_key(r.get("verdict")) == verdict and r.get("estimate") is not None]
        ax.plot([p[0] for p in picked], [p[1] for p in picked], zorder=3,
                **verdict_style(verdict))
    axis = ax.get_yaxis_transform()
    for i, row in enumerate(rows):
        y = n - 1 - i
        ax.text(-0.015, y, chart_text(row.get("label")), transform=axis, ha="right", va="center",
                color=INK)
        if labelled:
            verdict = row.get("verdict")
            ax.text(1.02, y, verdicts.get(verdict, chart_text(verdict)), transform=axis, ha="left",
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
        fig.text(0.1 + (right - 0.1) / 2, (bottom_cm - 0.55) / height_cm, chart_text(unit),
                 ha="center", va="top", color=INK)
    bar_proxies = tuple(Line2D([], [], **interval_style(v)) for v in (list(bars) or ["untested"]))
    target_proxy = Line2D([], [], **(SHARED_TARGET if shared else ROW_TARGET))
    entries: list[tuple[Any, str]] = []
    if labelled:
        markers = tuple(Line2D([], [], **verdict_style(v)) for v in present)
        entries.append((markers or (Line2D([], [], **verdict_style(None)),), words["estimate"]))
    else:
        entries += [((Line2D([], [], **verdict_style(v)),), verdicts[v]) for v in present
                    if v in verdicts]
    entries += [(bar_proxies, words["interval"]), ((target_proxy,), words["target"])]
    handles = [h[0] if len(h) == 1 else h for h, _ in entries]
    widest = max(len(h) for h, _ in entries if h is not bar_proxies)  # markers need room
    fig.legend(handles, [label for _, label in entries], loc="lower center", ncol=3,
               frameon=False, fontsize=8, bbox_to_anchor=(0.5, 0.0),
               handlelength=max(2.4, 1.2 * widest), columnspacing=1.4,
               handler_map={tuple: HandlerTuple(ndivide=None, pad=0.5),
                            bar_proxies: HandlerTuple(ndivide=None, pad=0.0)})


MEASURED_LINE: dict[str, Any] = {"color": INK, "linewidth": 2, "linestyle": "-"}
MEASURED_POINT: dict[str, Any] = {
    "marker": "o", "markersize": 5.5, "linestyle": "none", "color": INK,
    "markerfacecolor": INK, "markeredgecolor": INK, "markeredgewidth": 1.0}
PRO_RATA_POINT: dict[str, Any] = {**MEASURED_POINT, "markerfacecolor": "white",
                                  "markeredgewidth": 1.4}
BASELINE_LINE: dict[str, Any] = {"color": BASELINE, "linewidth": 1.4, "linestyle": (0, (4, 2))}
TARGET_LINE: dict[str, Any] = {"color": TARGET, "linewidth": 1.6, "linestyle": (0, (4, 2))}


def _indicator(fig: Any, spec: dict[str, Any]) -> None:
    """Measurements over their periods against the baseline and target lines. A rate is drawn
    in percent. A count over a period of another length than the baseline's is drawn pro rata
    (hollow marker, value with ≈) so that every point stands against the same lines."""
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter

    lang = spec.get("lang", "nl")
    words = words_in(lang)
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
    ax.plot(xs, ys, zorder=2, **MEASURED_LINE)
    plain = [(x, y) for x, y, s in zip(xs, ys, scaled, strict=True) if not s]
    hollow = [(x, y) for x, y, s in zip(xs, ys, scaled, strict=True) if s]
    if plain:
        ax.plot([x for x, _ in plain], [y for _, y in plain], zorder=3, **MEASURED_POINT)
    if hollow:
        ax.plot([x for x, _ in hollow], [y for _, y in hollow], zorder=3, **PRO_RATA_POINT)
    for x, y, s in zip(xs, ys, scaled, strict=True):
        ax.annotate(("≈" if s else "") + shown(y), (x, y), textcoords="offset points",
                    xytext=(0, 7), ha="center", fontsize=8, color=INK)
    baseline, target = spec.get("baseline"), spec.get("target")
    handles = [Line2D([], [], label=words["measured"],
                      **{**MEASURED_POINT, **MEASURED_LINE})]
    if any(scaled):
        per = _per_words(lang, spec.get("per"))
        pro = "pro rata" + (f" {per}" if per else "")
        handles.append(Line2D([], [], label=pro, **PRO_RATA_POINT))
    if baseline is not None:
        ax.axhline(baseline, zorder=1, **BASELINE_LINE)
        handles.append(Line2D([], [], label=f"{words['baseline']} ({shown(baseline)})",
                              **BASELINE_LINE))
    if target is not None:
        ax.axhline(target, zorder=1, **TARGET_LINE)
        handles.append(Line2D([], [], label=f"{words['target']} ({shown(target)})",
                              **TARGET_LINE))
    ax.set_xticks(xs)
    ax.set_xticklabels([chart_text(p.get("period")) for p in points])
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
        fig.text(0.1, 0.955, chart_text(unit), ha="left", va="top", color=INK, fontsize=8)
    ax.grid(axis="y", color="#eceff1", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.legend(handles=handles, loc="lower center", ncol=len(handles), frameon=False,
               fontsize=8, bbox_to_anchor=(0.5, 0.0), handlelength=1.8, columnspacing=1.4)
