"""A chart-drawing worker process: ``python -m sprintkit.render.chart_worker``.

Reads a JSON list of chart specs on stdin, writes each chart as ``<length>\\n<png bytes>`` on
stdout, in order. Started by :class:`sprintkit.render.charts.ChartPool`; a plain subprocess
rather than multiprocessing, so the caller's own script is never imported again."""

from __future__ import annotations

import json
import sys


def main() -> int:
    from sprintkit.render.charts import render_png

    specs = json.load(sys.stdin.buffer)
    out = sys.stdout.buffer
    for spec in specs:
        data = render_png(spec)
        out.write(f"{len(data)}\n".encode("ascii"))
        out.write(data)
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
