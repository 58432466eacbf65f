"""Shared helpers for the report tests (no tests here): the fixture sprint, rendering to bytes
and golden dumps."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import yaml

TESTS = Path(__file__).resolve().parent
FIXTURE = TESTS / "data" / "report_sprint"
GOLDEN = TESTS / "golden"


def load_fixture() -> Any:
    from sprintkit.files.sprintfile import load_sprint

    return load_sprint(FIXTURE).model


def copy_fixture(tmp_path: Path) -> Path:
    target = tmp_path / "sprint"
    shutil.copytree(FIXTURE, target)
    return target


def render_bytes(template: str, model: Any, *, lang: str = "nl", fmt: str = "docx",
                 with_method: bool = False, reference: bytes | None = None,
                 sprint_dir: Path | None = None, draft: bool = False,
                 **options: Any) -> Any:
    """Render through the real pipeline. Without ``with_method`` the phases come from the
    sprint file alone, so golden dumps do not change when a method's wording does. Other
    keyword arguments go to ``produce`` (``draft=True``, ``organisation=…``)."""
    from sprintkit.render.context import build_context, document_date
    from sprintkit.render.document import produce
    from sprintkit.render.lookup import resolve

    methods = None if with_method else [None]
    context = build_context([model], lang=lang, methods=methods, sprint_dirs=[sprint_dir],
                            draft=draft)
    resolved = resolve(template, lang, sprint_dir)
    roots = [resolved.path.parent] + ([sprint_dir] if sprint_dir else [])
    return produce(resolved, context, fmt, lang=lang, roots=roots,
                   created=document_date([model]), reference=reference, draft=draft,
                   **options)


def check_golden(name: str, data: Any) -> None:
    """Compare ``data`` with ``tests/golden/<name>.yaml``; SPRINTKIT_UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / f"{name}.yaml"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    if os.environ.get("SPRINTKIT_UPDATE_GOLDEN") == "1" or not path.exists():
        path.write_text(text, encoding="utf-8")
    expected = yaml.safe_load(path.read_text(encoding="utf-8"))
    hint = "rerun with SPRINTKIT_UPDATE_GOLDEN=1 if the change is intended"
    assert data == expected, f"{path.name} differs; {hint}"


def comments(data: bytes) -> list[tuple[str, str]]:
    """A .docx's review comments: (comment text, the text it is anchored to)."""
    import io

    from docx import Document

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    doc = Document(io.BytesIO(data))
    texts = {c.comment_id: c.text for c in doc.comments}
    anchored: dict[int, list[str]] = {}
    open_ids: set[int] = set()
    for el in doc.element.body.iter():
        if el.tag == f"{w}commentRangeStart":
            open_ids.add(int(el.get(f"{w}id")))
            anchored.setdefault(int(el.get(f"{w}id")), [])
        elif el.tag == f"{w}commentRangeEnd":
            open_ids.discard(int(el.get(f"{w}id")))
        elif el.tag == f"{w}t":
            for cid in open_ids:
                anchored[cid].append(el.text or "")
    return [(texts[cid], "".join(anchored.get(cid, []))) for cid in sorted(texts)]
