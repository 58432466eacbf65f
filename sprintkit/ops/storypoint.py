"""The story point (*vertelpunt*): one story told in a form, with the story-cycle method's
perspectives and signifier questions, checked field by field and stored pseudonymised through
the same path as ``sprintkit stories add`` (:func:`sprintkit.ops.stories.add_story`).

:func:`story_form` describes the form (the questions with their labels in the sprint's
language); :func:`submit_story` checks what a person sent and stores it. The fields are named
by :func:`field_name`: ``text``, ``perspective``, ``consent``, ``s.<signifier>`` for a choice,
several choices (``a|b``) or a scale, and ``s.<signifier>.<corner>`` for each of a triad's three
weights in percent (adding up to 100). Nothing here knows about the web; no message repeats
what was typed (a story may name someone)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sprintkit.errors import SprintkitError
from sprintkit.i18n import supported, t

TEXT, PERSPECTIVE, CONSENT = "text", "perspective", "consent"
MAX_TEXT = 5000
"""A story is at most this many characters (about two pages)."""
MAX_FIELD = 200
"""Any other field is at most this many characters."""
TRIAD_TOTAL, TRIAD_TOLERANCE = 100.0, 1.5
"""A triad's three weights are percentages adding up to 100 (rounding may miss by a little);
three fractions adding up to 1 are read as percentages."""
YES = frozenset({"1", "on", "yes", "ja", "true"})
NO = frozenset({"", "0", "off", "no", "nee", "false"})


def field_name(signifier: str, corner: str | None = None) -> str:
    """The form field of a signifier (or of one corner of a triad)."""
    return f"s.{signifier}" if corner is None else f"s.{signifier}.{corner}"


# --- the form ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Option:
    """A choice, a perspective or a triad corner: its id, its label and (for a triad corner)
    its own field."""

    id: str
    label: str
    name: str = ""


@dataclass(frozen=True)
class ChoiceQuestion:
    id: str
    name: str
    question: str
    options: tuple[Option, ...]
    multiple: bool = False
    kind: Literal["choice"] = "choice"


@dataclass(frozen=True)
class ScaleQuestion:
    id: str
    name: str
    question: str
    min: int
    max: int
    min_label: str
    max_label: str
    kind: Literal["scale"] = "scale"

    @property
    def middle(self) -> int:
        return (self.min + self.max) // 2


@dataclass(frozen=True)
class TriadQuestion:
    id: str
    name: str
    question: str
    corners: tuple[Option, Option, Option]
    kind: Literal["triad"] = "triad"


Question = ChoiceQuestion | ScaleQuestion | TriadQuestion


@dataclass(frozen=True)
class StoryForm:
    """Everything a story point page shows, in the sprint's language."""

    lang: str
    title: str
    perspectives: tuple[Option, ...]
    questions: tuple[Question, ...]
    max_text: int = MAX_TEXT


def story_form(sprint_folder: Path, lang: str | None = None) -> StoryForm:
    """The story point's form for a sprint whose method has perspectives and signifiers (a
    story cycle), labelled in ``lang`` (default: the sprint's language)."""
    from sprintkit.ops.stories import context

    ctx = context(Path(sprint_folder), lang)
    lang = supported(ctx.lang)
    return StoryForm(
        lang=lang,
        title=ctx.sprint_file.model.title,
        perspectives=tuple(Option(p.id, p.name.get(lang)) for p in ctx.method.perspectives),
        questions=tuple(_question(s, lang) for s in ctx.method.signifiers),
    )


def _question(sig: Any, lang: str) -> Question:
    name = field_name(sig.id)
    text = sig.question.get(lang)
    if sig.type == "scale":
        spec = sig.scale
        return ScaleQuestion(sig.id, name, text, int(spec.min), int(spec.max),
                             spec.min_label.get(lang) if spec.min_label else str(spec.min),
                             spec.max_label.get(lang) if spec.max_label else str(spec.max))
    if sig.type == "triad":
        a, b, c = (Option(k.id, k.label.get(lang), field_name(sig.id, k.id))
                   for k in sig.corners)
        return TriadQuestion(sig.id, name, text, (a, b, c))
    return ChoiceQuestion(sig.id, name, text,
                          tuple(Option(c.id, c.label.get(lang)) for c in sig.choices),
                          multiple=sig.type == "multichoice")


# --- checking and storing ----------------------------------------------------------------


class StoryRefused(SprintkitError):
    """A story that was not stored: ``problems`` maps each wrong field to what is wrong, in the
    sprint's language (never repeating what was typed)."""

    def __init__(self, problems: dict[str, str], lang: str) -> None:
        super().__init__(t("storypoint.refused", lang, count=len(problems)),
                         hint=t("stories.not_stored", lang))
        self.problems = problems


@dataclass(frozen=True)
class StoryReceipt:
    """What was stored: the story's number, period and perspective, how many questions were
    answered and how many identifiers were replaced (never the text)."""

    id: int
    period: str
    perspective: str
    answered: int
    consent: bool
    replaced: dict[str, int] = field(default_factory=dict)
    organisation: str | None = None
    warnings: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, Any]:
        """The receipt as counts and ids only (safe to show on a projector)."""
        return {"story": self.id, "period": self.period, "perspective": self.perspective,
                "answered": self.answered, "consent": self.consent,
                "replaced": sum(self.replaced.values())}


def check_story(form: StoryForm, fields: Mapping[str, str]) -> tuple[dict[str, Any],
                                                                     dict[str, str]]:
    """(what to store, problems by field). What to store has ``text``, ``perspective``,
    ``consent`` and ``answers`` (by signifier id, written as in a CSV cell)."""
    lang = form.lang
    problems: dict[str, str] = {}

    def get(name: str) -> str:
        value = fields.get(name) or ""
        if name != TEXT and len(value) > MAX_FIELD:
            problems[name] = t("storypoint.field_too_long", lang, max=MAX_FIELD)
            return ""
        return value.strip()

    text = (fields.get(TEXT) or "").replace("\r\n", "\n").strip()  # a browser sends CRLF
    if not text:
        problems[TEXT] = t("storypoint.text_empty", lang)
    elif len(text) > form.max_text:
        problems[TEXT] = t("storypoint.text_too_long", lang, count=len(text), max=form.max_text)
    perspective = get(PERSPECTIVE)
    if not perspective and PERSPECTIVE not in problems:
        problems[PERSPECTIVE] = t("storypoint.perspective_missing", lang)
    elif perspective and perspective not in {p.id for p in form.perspectives}:
        problems[PERSPECTIVE] = t("storypoint.choice_unknown", lang)
    consent_raw = get(CONSENT).casefold()
    if consent_raw not in YES | NO and CONSENT not in problems:
        problems[CONSENT] = t("storypoint.consent_unknown", lang)
    answers: dict[str, str] = {}
    for q in form.questions:
        if isinstance(q, TriadQuestion):
            raw = [get(c.name) for c in q.corners]
            if any(c.name in problems for c in q.corners):
                problems[q.name] = problems.pop(next(c.name for c in q.corners
                                                     if c.name in problems))
                continue
            if any(raw):
                answer, problem = _triad(raw, lang)
                if problem:
                    problems[q.name] = problem
                else:
                    answers[q.id] = answer
            continue
        value = get(q.name)
        if not value or q.name in problems:
            continue
        if isinstance(q, ScaleQuestion):
            problem = _scale(value, q, lang)
        else:
            ids = {o.id for o in q.options}
            parts = [p.strip() for p in value.split("|")] if q.multiple else [value]
            problem = None if all(p in ids for p in parts if p) else t(
                "storypoint.choice_unknown", lang)
            value = "|".join(p for p in parts if p)
        if problem:
            problems[q.name] = problem
        elif value:
            answers[q.id] = value
    return {"text": text, "perspective": perspective, "consent": consent_raw in YES,
            "answers": answers}, problems


def _scale(value: str, q: ScaleQuestion, lang: str) -> str | None:
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        return t("storypoint.scale_not_number", lang, min=q.min, max=q.max)
    if math.isnan(number) or not q.min <= number <= q.max:
        return t("storypoint.scale_outside", lang, min=q.min, max=q.max)
    return None


def _triad(raw: list[str], lang: str) -> tuple[str, str | None]:
    """("a/b/c" in percent, None) or ("", what is wrong)."""
    try:
        weights = [float(w.replace(",", ".")) if w else 0.0 for w in raw]
    except ValueError:
        return "", t("storypoint.triad_numbers", lang)
    if any(math.isnan(w) or math.isinf(w) for w in weights):
        return "", t("storypoint.triad_numbers", lang)
    if any(not 0 <= w <= TRIAD_TOTAL for w in weights):
        return "", t("storypoint.triad_range", lang)
    total = sum(weights)
    if abs(total - 1) <= TRIAD_TOLERANCE / TRIAD_TOTAL:  # fractions, as stories add takes them
        weights = [w * TRIAD_TOTAL for w in weights]
        total = sum(weights)
    if abs(total - TRIAD_TOTAL) > TRIAD_TOLERANCE:
        return "", t("storypoint.triad_total", lang, total=f"{total:g}")
    return "/".join(f"{w:g}" for w in weights), None


def submit_story(sprint_folder: Path, fields: Mapping[str, str], *,
                 organisation: str | None = None, lang: str | None = None,
                 form: StoryForm | None = None) -> StoryReceipt:
    """Check every field of a story told at the story point and store it pseudonymised, dated
    today, exactly as ``sprintkit stories add`` would; :class:`StoryRefused` lists what is wrong.

    ``organisation`` (chosen when joining) is checked against the sprint's parties and team
    organisations and returned in the receipt for counting; it is not stored with the story,
    where it could single out a storyteller of a small organisation."""
    from sprintkit.errors import InvalidFile
    from sprintkit.ops.stories import add_story

    folder = Path(sprint_folder)
    form = form or story_form(folder, lang)
    data, problems = check_story(form, fields)
    if organisation is not None and not problems:
        problem = _organisation(folder, organisation, form.lang)
        if problem:
            problems["organisation"] = problem
    if problems:
        raise StoryRefused(problems, form.lang)
    try:
        stored = add_story(text=data["text"], perspective=data["perspective"],
                           answers=data["answers"], sprint=folder, consent=data["consent"])
    except InvalidFile as exc:  # a rule of add_story this form did not foresee
        raise StoryRefused({_field_of(p.path, form): p.message for p in exc.problems},
                           form.lang) from None
    return StoryReceipt(id=stored["id"], period=stored["period"],
                        perspective=stored["perspective"], answered=len(data["answers"]),
                        consent=data["consent"], replaced=dict(stored["replaced"]),
                        organisation=organisation, warnings=list(stored["warnings"]))


def _field_of(path: str, form: StoryForm) -> str:
    for q in form.questions:
        if q.id == path:
            return q.name
    return path if path in (TEXT, PERSPECTIVE) else TEXT


def _organisation(folder: Path, organisation: str, lang: str) -> str | None:
    from sprintkit.files.sprintfile import load_sprint

    model = load_sprint(folder).model
    known = {p.name.casefold() for p in model.parties}
    known |= {m.organisation.casefold() for m in model.team if m.organisation}
    if organisation.strip().casefold() in known:
        return None
    return t("storypoint.organisation_unknown", lang)
