"""The nl catalogue: every module in this package holds one WORDS dict for one area of the
product (documents, evidence, walkthrough, …); together they are the language's words."""

from typing import Any


def __getattr__(name: str) -> Any:
    """``WORDS``, every area's words merged, is collected on first use: a command that needs a
    few areas imports only those modules (:func:`sprintkit.i18n.area`)."""
    if name != "WORDS":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from sprintkit.i18n._collect import collect

    words: dict[str, str] = collect(__name__, __path__)
    globals()["WORDS"] = words
    return words
