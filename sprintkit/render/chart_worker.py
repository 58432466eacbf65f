"""A chart-drawing worker process: ``python -m sprintkit.render.chart_worker``.

Reads a JSON list of chart specs on stdin, writes each chart as ``<length>\\n<png bytes>`` on
stdout, in order; a chart that cannot be drawn from its spec (a ``ValueError`` such as
:class:`~sprintkit.render.charts.EmptyChart`) as ``-\\n``, and the next one follows. Started
by :class:`sprintkit.render.charts.ChartPool`; a plain subprocess rather than multiprocessing,
so the caller's own script is never imported again."""

from __future__ import annotations

import json
import sys


def main() -> int:
    from sprintkit.render.charts import render_png

    specs = json.load(sys.stdin.buffer)
    out = sys.stdout.buffer
    for spec in specs:
        try:
            data = render_png(spec)
        except ValueError:  # the caller draws it itself and hears why
            out.write(b"-\n")
            out.flush()
            continue
        out.write(f"{len(data)}\n".encode("ascii"))
        out.write(data)
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
