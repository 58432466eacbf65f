"""The nl catalogue: every module in this package holds one WORDS dict for one area of the
product (documents, evidence, walkthrough, …); together they are the language's words."""

from sprintkit.i18n._collect import collect

WORDS: dict[str, str] = collect(__name__, __path__)
