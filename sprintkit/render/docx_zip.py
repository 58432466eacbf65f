"""Byte-stable zip files: a .docx written twice from the same input is the same file."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Mapping


def normalise_zip(data: bytes, stamp: dt.datetime, *,
                  replace: Mapping[str, bytes | list[bytes]] | None = None) -> bytes:
    """Rewrite a zip with one fixed timestamp, fixed attributes and the same entry order;
    ``replace`` gives new contents for entries (by name) the zip already has: bytes, or pieces
    written one after the other (a big part is never joined in memory)."""
    date_time = max((1980, 1, 1, 0, 0, 0), tuple(stamp.timetuple()[:6]))
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    swap = replace or {}
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)  # type: ignore[arg-type]
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            content = swap.get(info.filename)
            if isinstance(content, list):
                # zlib's default level is 6, as writestr's compresslevel below
                with target.open(entry, "w") as stream:
                    for piece in content:
                        stream.write(piece)
                continue
            target.writestr(entry, content if content is not None else source.read(info.filename),
                            compresslevel=6)
    return out.getvalue()
