"""Where templates are found, and which one a name means.

Search order, first match wins (mkdocs' ``custom_dir`` model):

1. the sprint's ``templates/`` folder;
2. the user's config folder (``sprintkit templates path`` prints it);
3. the templates packaged with sprintkit.

A template NAME is a file ``NAME.LANG.j2`` (e.g. ``report.nl.j2``) or, for any language,
``NAME.j2``; in each folder the language-specific file is tried first. Files whose name starts
with ``_`` are partials (macros to import) and are not listed. A NAME is letters, digits, ``-``
and ``_`` only, so a name can never point outside these folders; to use a template file
elsewhere, give its path (anything with a ``/`` or ending in ``.j2``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sprintkit.errors import NotFound, UsageError
from sprintkit.i18n import LANGUAGES, msg, t

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "templates"
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
_FILE_RE = re.compile(r"^([A-Za-z0-9][A-Za-z0-9_-]{0,63})(?:\.(nl|en))?\.j2$")

BUILTIN: tuple[str, ...] = ("report", "plan", "intent")
"""Built-in templates; the word used in their output file names is ``render.file.NAME`` in the
catalogue."""

DESCRIPTIONS: dict[str, str] = {
    "report": "End-presentation report: summary, phases, hypotheses with evidence and verdicts, "
    "learnings, choices, next steps.",
    "plan": "Implementation plan: what is adopted and why, actions, stakeholders, communication, "
    "trial and indicators, evaluation, risks, support.",
    "intent": "Declaration of intent for co-creation trajectories, with a signatories table.",
    "stories_report": "Story report: per signifier question the distribution and the clear "
    "shifts with quotes, the hard data beside, and the team's interpretations.",
}


def user_dir() -> Path:
    """The user's own templates folder (inside the platform's config folder)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("sprintkit")) / "templates"


def search_path(sprint_dir: Path | None) -> list[tuple[str, Path]]:
    """``(origin, folder)`` in lookup order; origins are ``sprint``, ``user``, ``builtin``."""
    folders: list[tuple[str, Path]] = []
    if sprint_dir is not None:
        folders.append(("sprint", sprint_dir / "templates"))
    folders.append(("user", user_dir()))
    folders.append(("builtin", BUILTIN_DIR))
    return folders


@dataclass(frozen=True)
class ResolvedTemplate:
    """A template file chosen for a name (or given as a path)."""

    name: str
    path: Path
    origin: str  # sprint | user | builtin | path
    search: tuple[Path, ...]  # folders for {% include %} / {% import %}

    @property
    def loader_name(self) -> str:
        return self.path.name

    @property
    def output_word(self) -> dict[str, str]:
        """The file-name word per language (``eindpresentatie``…), or the template's name."""
        if self.origin != "path" and self.name in BUILTIN:
            return {lang: t(f"render.file.{self.name}", lang) for lang in LANGUAGES}
        return dict.fromkeys(LANGUAGES, self.name)


def is_path(spec: str) -> bool:
    """Whether a --template value is a file path rather than a template name."""
    return "/" in spec or "\\" in spec or spec.endswith(".j2") or spec.startswith(".")


def resolve(spec: str, lang: str, sprint_dir: Path | None) -> ResolvedTemplate:
    """The template file for ``spec`` (a NAME or a path) in ``lang``."""
    folders = search_path(sprint_dir)
    search = tuple(folder for _, folder in folders if folder.is_dir())
    if is_path(spec):
        path = Path(spec).expanduser()
        if not path.is_file():
            raise NotFound(msg("render.no_template_file", spec=spec),
                           hint=msg("render.no_template_file_hint"))
        stem = path.name.split(".", 1)[0] or "document"
        return ResolvedTemplate(stem, path.resolve(), "path", (path.resolve().parent, *search))
    if not NAME_RE.match(spec):
        raise UsageError(msg("render.bad_template_name", spec=repr(spec)),
                         hint=msg("render.bad_template_name_hint"))
    for origin, folder in folders:
        for candidate in (folder / f"{spec}.{lang}.j2", folder / f"{spec}.j2"):
            if candidate.is_file():
                return ResolvedTemplate(spec, candidate, origin, search)
    known = ", ".join(sorted({t.name for t in list_templates(sprint_dir)})) or msg("render.none")
    raise NotFound(msg("render.no_template", spec=repr(spec), lang=lang),
                   hint=msg("render.templates_known", known=known))


@dataclass
class TemplateInfo:
    """A template name with the file used for each language and the files it overrides."""

    name: str
    files: dict[str, Path] = field(default_factory=dict)  # lang ("*" for any) -> file used
    origins: dict[str, str] = field(default_factory=dict)
    overridden: list[Path] = field(default_factory=list)

    @property
    def builtin(self) -> bool:
        return self.name in BUILTIN

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "builtin": self.builtin,
            "description": DESCRIPTIONS.get(self.name),
            "files": {lang: str(p) for lang, p in sorted(self.files.items())},
            "origins": dict(sorted(self.origins.items())),
            "overridden": [str(p) for p in self.overridden],
        }


def list_templates(sprint_dir: Path | None) -> list[TemplateInfo]:
    """Every template name found on the search path, with the file each language uses."""
    folders = [(o, f) for o, f in search_path(sprint_dir) if f.is_dir()]
    names: set[str] = set()
    for _, folder in folders:
        for path in folder.iterdir():
            match = _FILE_RE.match(path.name)
            if match and path.is_file():
                names.add(match.group(1))
    infos = []
    for name in names:
        info = TemplateInfo(name)
        used: set[Path] = set()
        for lang in ("nl", "en"):
            for origin, folder in folders:
                hit = next((c for c in (folder / f"{name}.{lang}.j2", folder / f"{name}.j2")
                            if c.is_file()), None)
                if hit is not None:
                    info.files[lang] = hit
                    info.origins[lang] = origin
                    used.add(hit)
                    break
        for _, folder in folders:
            for candidate in (folder / f"{name}.nl.j2", folder / f"{name}.en.j2",
                              folder / f"{name}.j2"):
                if candidate.is_file() and candidate not in used:
                    info.overridden.append(candidate)
        infos.append(info)
    return sorted(infos, key=lambda t: (not t.builtin, t.name))
