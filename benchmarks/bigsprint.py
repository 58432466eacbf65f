"""A big, realistic sprint for benchmarks and load tests (deterministic for a given seed).

``big_sprint(2000, 500)`` gives 2,000 hypotheses with evidence (proportions, means and
qualitative ones, with overrides) and 500 learning cards, plus actions and indicators, as a
validated :class:`~sprintkit.model.sprint.Sprint`; :func:`write_big_sprint` writes it as a
sprint folder that every command can read."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

_SUBJECTS = ("gezinsmanagers", "ouders", "jongeren", "teamleiders", "gezinsvoogden",
             "medewerkers van het sociaal team", "gedragswetenschappers")
_VERBS = ("geven de voorkeur aan", "begrijpen", "gebruiken zelfstandig", "vinden bruikbaar",
          "vullen volledig in", "bespreken in het teamoverleg")
_THINGS = ("het nieuwe gezinsplanformat", "de veiligheidsmeting", "de korte variant voor crises",
           "de digitale vragenlijst", "het overdrachtsformulier", "de terugkoppeling per maand")
_SOURCES = ("vragenlijst team Middelburg", "dossieronderzoek", "observatie huisbezoek",
            "tijdregistratie", "navertelvraag", "notulen casusoverleg")
_TYPES = ("survey", "behaviour", "observation", "interview", "document")


def big_sprint_data(hypotheses: int = 2000, learnings: int = 500, *, seed: int = 1
                    ) -> dict[str, Any]:
    """The sprint as plain data (what ``sprint.yaml`` would hold)."""
    rng = random.Random(seed)
    start = dt.date(2026, 3, 2)
    hyps = []
    for number in range(1, hypotheses + 1):
        kind = "proportion" if number % 10 < 7 else "mean" if number % 10 < 9 else "qualitative"
        statement = (f"{rng.choice(_SUBJECTS).capitalize()} {rng.choice(_VERBS)} "
                     f"{rng.choice(_THINGS)} (variant {number}).")
        h: dict[str, Any] = {
            "id": f"H{number}",
            "statement": statement,
            "risk": rng.choice(("desirability", "feasibility", "viability")),
            "kind": kind,
            "test": "We laten het de deelnemers twee weken gebruiken en meten na elk gesprek.",
            "metric": "aandeel gesprekken waarin het lukt" if kind == "proportion"
            else "minuten per gesprek",
            "owner": f"Teamlid {number % 12 + 1}",
            "created": start.isoformat(),
            "evidence": [],
        }
        if kind == "proportion":
            h["target"] = f">={rng.choice((50, 60, 70, 80))}%"
            for e in range(rng.randint(1, 4)):
                trials = rng.randint(5, 40)
                h["evidence"].append({
                    "id": f"E{e + 1}",
                    "date": (start + dt.timedelta(days=e * 3)).isoformat(),
                    "source": rng.choice(_SOURCES),
                    "type": rng.choice(_TYPES),
                    "successes": rng.randint(0, trials),
                    "trials": trials,
                })
        elif kind == "mean":
            h["target"] = f"<={rng.choice((60, 90, 120))}"
            h["evidence"].append({
                "id": "E1",
                "date": start.isoformat(),
                "source": "tijdregistratie",
                "type": "behaviour",
                "values": [round(rng.gauss(85, 20), 1) for _ in range(rng.randint(3, 25))],
            })
        else:
            h["evidence"].append({
                "id": "E1", "date": start.isoformat(), "source": "gesprek na afloop",
                "type": "interview",
                "quote": "Het voelde alsof het plan echt over ons gezin ging, "
                         "niet over een dossier.",
            })
            h["override"] = {"verdict": rng.choice(("supported", "inconclusive")),
                             "reason": "Zes van de zeven ouders zeiden dit uit zichzelf."}
        hyps.append(h)
    cards = []
    for number in range(1, learnings + 1):
        cards.append({
            "id": f"L{number}",
            "hypothesis": f"H{(number - 1) % max(1, hypotheses) + 1}" if hypotheses else None,
            "observed": "In de meeste gesprekken werd het format volledig ingevuld.",
            "learned": "Het werkt het best als ouders vooraf drie vragen beantwoorden.",
            "action": "We nemen de drie vragen op in de uitnodiging voor het eerste gesprek.",
            "decision": ("adopt", "adapt", "drop", "retest")[number % 4],
            "date": (start + dt.timedelta(days=14)).isoformat(),
        })
    return {
        "schema_version": 1,
        "id": "big-sprint",
        "title": "Grote experimentsprint (benchmark)",
        "method": "experiment-sprint",
        "language": "nl",
        "organisation": "Jeugdbescherming Voorbeeldregio",
        "start": start.isoformat(),
        "end": (start + dt.timedelta(days=21)).isoformat(),
        "facilitators": ["Facilitator A", "Facilitator B"],
        "context": {"challenge": "Kan het gezinsplan in één gesprek?",
                    "goal": "Genoeg bewijs om te besluiten.",
                    "background": "Vervolg op de innovatiesprints."},
        "team": [{"name": f"Teamlid {i}", "role": "gezinsmanager"} for i in range(1, 13)],
        "hypotheses": hyps,
        "learnings": cards,
        "actions": [{"id": f"A{i}", "text": f"Actie {i}", "owner": f"Teamlid {i % 12 + 1}",
                     "due": (start + dt.timedelta(days=30 + i)).isoformat(),
                     "status": ("todo", "doing", "done", "escalated")[i % 4]}
                    for i in range(1, 41)],
        "indicators": [{"id": f"I{i}", "name": f"Indicator {i}", "unit": "minuten",
                        "direction": "decrease", "baseline": 120, "target": 90,
                        "frequency": "maandelijks", "source": "tijdregistratie",
                        "measurements": [{"period": f"2026-0{m}", "value": 120 - 8 * m + i}
                                         for m in range(1, 7)]}
                       for i in range(1, 5)],
        "conclusions": ["Het format werkt.", "Het bespaart tijd.", "Meting aanpassen."],
        "next_steps": ["Proefinvoering van drie maanden."],
    }


def big_sprint(hypotheses: int = 2000, learnings: int = 500, *, seed: int = 1) -> Any:
    """The big sprint as a validated ``Sprint`` model."""
    from sprintkit.model.sprint import Sprint

    return Sprint.model_validate(big_sprint_data(hypotheses, learnings, seed=seed))


def write_big_sprint(folder: Path, hypotheses: int = 2000, learnings: int = 500, *,
                     seed: int = 1) -> Path:
    """Write the big sprint as ``folder/sprint.yaml``; returns the file's path."""
    import yaml

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "sprint.yaml"
    text = yaml.safe_dump(big_sprint_data(hypotheses, learnings, seed=seed),
                          allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, encoding="utf-8")
    return path
