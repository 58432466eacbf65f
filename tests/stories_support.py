"""A small story-cycle sprint for the stories tests: its own method in the sprint's methods/
folder (so the tests do not depend on the built-in method's exact questions)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

METHOD_ID = "verhalen-test"

METHOD_YAML = f"""\
schema_version: 1
id: {METHOD_ID}
kind: story-cycle
name: {{nl: Verhalencyclus (test), en: Story cycle (test)}}
summary: {{nl: Verhalen delen en verschuivingen zien., en: Share stories and see shifts.}}
cycle: half-year
phases:
  - id: verhalen-delen
    title: {{nl: Verhalen delen, en: Share stories}}
    goal: {{nl: Verhalen verzamelen, en: Collect stories}}
    timebox: 2h
perspectives:
  - id: ouders
    name: {{nl: Ouders en jongeren, en: Parents and youth}}
  - id: team
    name: {{nl: Teamleden, en: Team members}}
  - id: sociaal-team
    name: {{nl: Medewerkers sociaal team, en: Social team staff}}
signifiers:
  - id: emotie
    type: choice
    question: {{nl: Welke emotie hoort bij dit verhaal?, en: Which emotion goes with this story?}}
    choices:
      - {{id: blij, label: {{nl: blij, en: happy}}}}
      - {{id: boos, label: {{nl: boos, en: angry}}}}
      - {{id: verdrietig, label: {{nl: verdrietig, en: sad}}}}
      - {{id: neutraal, label: {{nl: neutraal, en: neutral}}}}
  - id: thema
    type: multichoice
    question: {{nl: Over welk thema gaat het verhaal?, en: What is the story about?}}
    choices:
      - {{id: wachttijd, label: {{nl: wachttijd, en: waiting time}}}}
      - {{id: contact, label: {{nl: contact, en: contact}}}}
      - {{id: veiligheid, label: {{nl: veiligheid, en: safety}}}}
      - {{id: samenwerking, label: {{nl: samenwerking, en: cooperation}}}}
  - id: tevreden
    type: scale
    question: {{nl: Hoe tevreden ben je?, en: How satisfied are you?}}
    scale: {{min: 1, max: 5, min_label: {{nl: niet, en: not}}, max_label: {{nl: zeer, en: very}}}}
  - id: balans
    type: triad
    question: {{nl: Waar lag de nadruk?, en: Where was the emphasis?}}
    corners:
      - {{id: gezin, label: {{nl: het gezin, en: the family}}}}
      - {{id: regels, label: {{nl: de regels, en: the rules}}}}
      - {{id: team, label: {{nl: het team, en: the team}}}}
"""

SPRINT_YAML = f"""\
# a story cycle for a region (fictional)
schema_version: 1
id: foodvalley-verhalen
title: Verhalen Foodvalley
method: {METHOD_ID}
language: nl
organisation: Regionaal Veiligheidsteam (fictief)
indicators:
  - id: hulpvragen
    name: Aantal hulpvragen
    unit: per halfjaar
    direction: decrease
    measurements:
      - {{period: 2025-H1, value: 140}}
      - {{period: 2025-H2, value: 128}}
  - id: wachttijd
    name: Gemiddelde wachttijd
    unit: dagen
    direction: decrease
    baseline: 42
    measurements:
      - {{period: 2025-H1, value: 42}}
      - {{period: 2025-H2, value: 31}}
"""

HEADER = ["date", "perspective", "text", "emotie", "thema", "tevreden", "balans", "consent_quote"]


def make_sprint(folder: Path, extra_yaml: str = "") -> Path:
    """A sprint folder with the test method; returns the folder."""
    (folder / "methods").mkdir(parents=True, exist_ok=True)
    (folder / "methods" / f"{METHOD_ID}.yaml").write_text(METHOD_YAML, encoding="utf-8")
    (folder / "sprint.yaml").write_text(SPRINT_YAML + extra_yaml, encoding="utf-8")
    return folder


def csv_text(rows: list[list[str]], delimiter: str = ",", header: list[str] | None = None) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header or HEADER)
    writer.writerows(rows)
    return buffer.getvalue()


def row(date: str = "2025-03-01", perspective: str = "ouders", text: str = "Een verhaal.",
        emotie: str = "blij", thema: str = "contact", tevreden: str = "4",
        balans: str = "60/30/10", consent: str = "nee") -> list[str]:
    return [date, perspective, text, emotie, thema, tevreden, balans, consent]


def method_model():
    """The test method as a model (for engine tests)."""
    from ruamel.yaml import YAML

    from sprintkit.model.method import Method

    return Method.model_validate(YAML(typ="safe").load(METHOD_YAML))


def balanced_rows(period_dates: dict[str, int], **fixed: str) -> list[list[str]]:
    """``{date: count}`` -> that many identical rows per date (plus ``fixed`` fields)."""
    out = []
    for day, count in period_dates.items():
        out.extend(row(date=day, **fixed) for _ in range(count))
    return out
