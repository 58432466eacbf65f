"""A sprint's key file (*sleutelbestand*) and the pseudonymiser built from it: one concept for
every sprint, story cycle or not.

Library functions behind ``sprintkit key-file`` (and its older name ``sprintkit stories
key-file``), and :func:`sprint_cleaner`, which every use case that takes free text into a sprint
calls — hypothesis statements, evidence quotes, notes and sources, learning cards, reasons,
actions and the text answers of ``run``. Names from the key file become stable codes; e-mail
addresses, phone numbers, postcodes, IBANs and BSNs are replaced always, key file or not.

Where the key file is: ``key_file`` in sprint.yaml, else ``stories.key_file``, else the user's
data folder (``<user data>/sprintkit/keys/<sprint-id>.txt``), outside the sprint folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.i18n import msg

if TYPE_CHECKING:
    from sprintkit.engine.pseudonymise import Pseudonymised, Pseudonymiser


def configured_key_file(model: Any) -> str | None:
    """The key file sprint.yaml names: ``key_file``, else ``stories.key_file``."""
    own = getattr(model, "key_file", None)
    if own:
        return str(own)
    stories = getattr(model, "stories", None)
    return stories.key_file if stories is not None and stories.key_file else None


def sprint_key_path(model: Any, sprint_dir: Path) -> Path:
    """Where the sprint's key file is (whether or not it exists yet)."""
    from sprintkit.files.keyfile import key_path

    return key_path(sprint_dir, model.id, configured_key_file(model))


def sprint_pseudonymiser(model: Any, sprint_dir: Path, *, lang: str | None = None,
                         create: bool = False) -> tuple[Pseudonymiser, dict[str, Any]]:
    """The sprint's pseudonymiser, and facts about its key file: ``path``, ``exists``,
    ``created``, ``names`` (how many people, never who), ``warnings``."""
    from sprintkit.engine.pseudonymise import Pseudonymiser
    from sprintkit.files.keyfile import ensure_key_file, is_inside, read_key_file

    path = sprint_key_path(model, sprint_dir)
    created = ensure_key_file(path, model.id) if create else False
    info: dict[str, Any] = {"path": str(path), "exists": path.is_file(), "created": created,
                            "names": 0, "warnings": []}
    language = lang or model.language
    if not info["exists"]:
        return Pseudonymiser((), b"", language), info
    key = read_key_file(path)
    info["names"] = len(key.names)
    info["warnings"] = list(key.warnings)
    if is_inside(path, sprint_dir):
        info["warnings"].append(
            msg("keyfile.inside_sprint")
        )
    return Pseudonymiser(key.names, key.secret, language), info


def sprint_cleaner(model: Any, sprint_dir: Path | None) -> Callable[[str], Pseudonymised]:
    """Pseudonymise free text as it enters ``model``: names from its key file when it has one,
    and identifiers always. A programme (or no folder) gets the identifiers only."""
    from sprintkit.engine.pseudonymise import Pseudonymiser
    from sprintkit.model.sprint import Sprint

    if isinstance(model, Sprint) and sprint_dir is not None:
        return sprint_pseudonymiser(model, sprint_dir)[0]
    return Pseudonymiser((), b"", getattr(model, "language", "nl"))


def clean_fields(clean: Callable[[str], Pseudonymised], data: dict[str, Any],
                 keys: tuple[str, ...]) -> int:
    """Pseudonymise the text ``data`` holds under ``keys`` (in place); how many replaced."""
    total = 0
    for key in keys:
        value = data.get(key)
        if isinstance(value, str) and value:
            result = clean(value)
            data[key] = result.text
            total += result.total
    return total


CARD_TEXT = ("statement", "test", "criterion", "title")
"""A test card's fields of free text (a field a card does not have is skipped)."""


def clean_answer(kind: str, value: Any, clean: Callable[[str], Pseudonymised]) -> Any:
    """An answer of output type ``kind`` with its free text pseudonymised: text, list items
    (and the items that votes and scores name, so they still match the stored list), and the
    text of test cards. Other types (choices, numbers, dates) are returned as given."""
    if kind in ("text", "multiline", "list", "dot_vote", "impact_effort"):
        return _clean_all(value, clean)
    if kind == "hypotheses" and isinstance(value, list):
        return [clean_card(v, clean) if isinstance(v, dict) else v for v in value]
    return value


def _clean_all(value: Any, clean: Callable[[str], Pseudonymised]) -> Any:
    if isinstance(value, str):
        return clean(value).text
    if isinstance(value, list):
        return [_clean_all(v, clean) for v in value]
    if isinstance(value, dict):
        return {(clean(k).text if isinstance(k, str) else k): _clean_all(v, clean)
                for k, v in value.items()}
    return value


def clean_card(card: dict[str, Any], clean: Callable[[str], Pseudonymised]) -> dict[str, Any]:
    """A test card (as an answers file or the walkthrough gives it) with its free text
    pseudonymised."""
    result = dict(card)
    clean_fields(clean, result, CARD_TEXT)
    return result


def key_file(*, sprint: Path | None = None, create: bool = False) -> dict[str, Any]:
    """Where the sprint's key file is, whether it exists and how many people it lists (never
    who); with ``create``, create it (0600, with a fresh secret) when it does not exist yet.
    Works for every sprint, whatever its method."""
    from sprintkit.files.sprintfile import load_sprint

    loaded = load_sprint(sprint)
    _, info = sprint_pseudonymiser(loaded.model, loaded.dir, create=create)
    return info


__all__ = [
    "CARD_TEXT", "clean_answer", "clean_card", "clean_fields", "configured_key_file", "key_file",
    "sprint_cleaner", "sprint_key_path", "sprint_pseudonymiser",
]
