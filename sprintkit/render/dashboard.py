"""The stories dashboard: one self-contained HTML file.

Everything is inline — CSS, the script that draws the charts, and the numbers (already
suppressed, for every filter combination) as JSON. A Content-Security-Policy forbids every
request (``default-src 'none'``), so the page cannot reach the network even by mistake. Text
from the data (questions, labels, quotes) is put into the page with ``textContent`` only, never
parsed as HTML, and the JSON is escaped so no ``</script>`` can break out of it."""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates" / "dashboard"
CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
       "img-src data:; base-uri 'none'; form-action 'none'")


def safe_json(data: Any) -> str:
    """JSON that can sit inside a <script> element: <, > and & are escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def generated_on() -> str:
    """Today, or the day of SOURCE_DATE_EPOCH for reproducible files."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):  # a date no calendar has: ignored
            pass
    return datetime.now().date().isoformat()


def page_words(lang: str) -> dict[str, str]:
    """The page's own words from the catalogue (``dashboard.*`` without the prefix), for the
    template and, as ``data["ui"]``, for the script."""
    from sprintkit.i18n import catalogue, t

    prefix = "dashboard."
    return {key[len(prefix):]: t(key, lang) for key in catalogue("en") if key.startswith(prefix)}


def render_dashboard(data: dict[str, Any]) -> str:
    """The dashboard page for ``data`` (see ``sprintkit.ops.stories.dashboard_data``)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    ui = page_words(data["language"])
    data = {**data, "ui": ui}

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = env.get_template("dashboard.html.j2")
    return template.render(
        lang=data["language"],
        title=data["title"],
        organisation=data.get("organisation"),
        w=data["words"],
        u=ui,
        csp=CSP,
        privacy_note=data["privacy_note"],
        generated=generated_on(),
        style=(TEMPLATE_DIR / "dashboard.css").read_text(encoding="utf-8"),
        script=(TEMPLATE_DIR / "dashboard.js").read_text(encoding="utf-8"),
        data_json=safe_json(data),
    )
