"""The live session's pages: one autoescaping Jinja environment for ``templates/web`` (not the
sandboxed environment of the documents: these pages show what participants typed, so every value
is escaped unless a template says otherwise, and none does), and the join QR code."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import Any

from sprintkit.i18n import has, t

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "web"
STATIC = Path(__file__).resolve().parent / "static"


@cache
def environment() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )
    return env


def render(name: str, lang: str, root: str, **context: Any) -> str:
    """A page in ``lang``; ``w(key, **values)`` in a template is the catalogue's text (with
    ``n=1``, the key's ``_one`` form where the catalogue has one: "1 deelnemer stemde")."""

    def w(key: str, **values: Any) -> str:
        if values.get("n") == 1 and has(key + "_one", lang):
            key += "_one"
        return t(key, lang, **values)

    return str(environment().get_template(name).render(lang=lang, root=root, w=w, **context))


def qr_svg(url: str, title: str) -> str:
    """The join address as an SVG QR code (black on white, a quiet zone of four modules)."""
    import segno

    buf = io.BytesIO()
    segno.make(url, error="m").save(buf, kind="svg", scale=10, border=4, dark="#000",
                                    light="#fff", title=title, xmldecl=True, svgns=True)
    return buf.getvalue().decode("utf-8")


def qr_text(url: str) -> str:
    """The join address as a QR code for the terminal (half blocks, two rows a line)."""
    import segno

    buf = io.StringIO()
    segno.make(url, error="m").terminal(out=buf, compact=True, border=2)
    return buf.getvalue()
