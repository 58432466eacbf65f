"""Write verhalen.csv: fictional stories for the Foodvalley story-cycle example.

Two half-years (2025-H1 and 2025-H2), three perspectives, each story answered with the
story-cycle method's signifiers. Between the periods the team carried out five adjustments, so
the answers drift: more stories about the family being in charge and fewer about waiting, a
higher "heard" score, more hope and relief, and more weight on what the family and the
professional did than on what rules allowed.

Nothing here describes a real person: every text is put together from neutral fragments, and
the same seed always gives the same file. Standard library only, so it runs anywhere:

    python examples/foodvalley-stories/generate_stories.py            # writes verhalen.csv here
    python examples/foodvalley-stories/generate_stories.py --out x.csv --seed 7
"""

from __future__ import annotations

import argparse
import csv
import random
from datetime import date, timedelta
from pathlib import Path

SEED = 2025
PERIODS = (("2025-H1", date(2025, 1, 6), 170), ("2025-H2", date(2025, 7, 1), 190))
COLUMNS = ["date", "perspective", "text", "emotion", "theme", "heard", "frequency",
           "what-mattered", "consent_quote"]

PERSPECTIVES = {"parents-youth": 0.42, "team-members": 0.30, "social-team": 0.28}
POSITIVE = ("proud", "relieved", "hopeful")
NEGATIVE = ("worried", "frustrated", "sad", "powerless")

# Weights per period: index 0 is 2025-H1, index 1 is 2025-H2 (after the five adjustments).
THEMES = {
    "safety": (16, 15), "access": (22, 13), "cooperation": (13, 16),
    "family-in-charge": (9, 17), "communication": (14, 13), "fitting-help": (10, 11),
    "continuity": (13, 11), "other": (3, 4),
}
EMOTIONS = {
    "proud": (6, 9), "relieved": (9, 15), "hopeful": (12, 17), "neutral": (13, 12),
    "worried": (22, 17), "frustrated": (18, 11), "sad": (9, 9), "powerless": (11, 6),
}
FREQUENCY = {"often": (34, 30), "sometimes": (38, 40), "rarely": (16, 18), "first-time": (12, 12)}

OPENINGS = {
    "parents-youth": [
        "Na de melding bij het veiligheidsteam",
        "In de weken na de melding",
        "In de tijd dat het veiligheidsteam bij ons betrokken was,",
        "Toen mijn dochter weer thuis kwam wonen,",
        "Rond de overdracht naar het sociaal team",
    ],
    "team-members": [
        "Bij een gezin dat ik begeleid",
        "Na het casusoverleg van deze maand",
        "Na een melding van school",
        "Bij de overdracht van een gezin",
        "In de eerste weken van een nieuwe melding",
    ],
    "social-team": [
        "Toen wij een gezin overnamen van het veiligheidsteam,",
        "Na het wekelijkse overleg met het veiligheidsteam",
        "Bij een gezin dat al lang in beeld is",
        "Na de overdracht van een gezin",
        "Toen een moeder ons belde met zorgen,",
    ],
}
# What happened, told by the family ("we" is the family) ...
FAMILY_MIDDLES = {
    ("safety", True): ("werd samen met ons duidelijk wat er moest gebeuren om het thuis veilig "
                       "te houden"),
    ("safety", False): "bleef het lang onduidelijk wanneer het thuis weer veilig genoeg was",
    ("access", True): "belde er binnen twee dagen iemand terug, en dat gaf meteen rust",
    ("access", False): ("duurde het weken voordat er iemand langskwam, terwijl de zorgen groter "
                        "werden"),
    ("cooperation", True): "wisten de hulpverleners van elkaar wat ze deden",
    ("cooperation", False): "moesten we ons verhaal bij elke nieuwe hulpverlener opnieuw vertellen",
    ("family-in-charge", True): ("mochten we het plan eerst lezen en zelf aanpassen voordat het "
                                 "vastlag"),
    ("family-in-charge", False): "werd er over ons beslist zonder dat we het plan hadden gezien",
    ("communication", True): "legde de brief in gewone woorden uit wat er ging gebeuren",
    ("communication", False): ("kregen we een brief vol moeilijke woorden en wisten we niet wat "
                               "er van ons verwacht werd"),
    ("fitting-help", True): "kwam er hulp die echt paste bij wat ons gezin nodig had",
    ("fitting-help", False): "kregen we hulp die niet aansloot bij wat er thuis speelde",
    ("continuity", True): ("bleef dezelfde contactpersoon erbij tot het sociaal team het goed "
                           "had overgenomen"),
    ("continuity", False): ("viel er na de overdracht een gat van een paar weken waarin niemand "
                            "belde"),
    ("other", True): "gebeurde er iets kleins dat veel verschil maakte",
    ("other", False): "liep het anders dan iedereen had afgesproken",
}
# ... and by a professional ("we" is the team).
TEAM_MIDDLES = {
    **FAMILY_MIDDLES,
    ("safety", True): ("werd samen met de ouders duidelijk wat er moest gebeuren om het thuis "
                       "veilig te houden"),
    ("access", True): "konden we binnen twee dagen terugbellen, en dat gaf het gezin meteen rust",
    ("access", False): ("duurde het weken voordat we langs konden komen, terwijl de zorgen "
                        "groter werden"),
    ("cooperation", False): ("moest het gezin zijn verhaal bij elke nieuwe hulpverlener opnieuw "
                             "vertellen"),
    ("family-in-charge", True): ("lazen de ouders het plan eerst en pasten ze het zelf aan "
                                 "voordat het vastlag"),
    ("family-in-charge", False): ("werd er over het gezin beslist voordat de ouders het plan "
                                  "hadden gezien"),
    ("communication", False): ("kreeg het gezin een brief vol moeilijke woorden, zonder te weten "
                               "wat er verwacht werd"),
    ("fitting-help", True): "kwam er hulp die echt paste bij wat het gezin nodig had",
    ("fitting-help", False): "kwam er hulp die niet aansloot bij wat er thuis speelde",
}
ENDINGS = {
    True: ["Dat heeft veel verschil gemaakt.", "Zo zou het voor ieder gezin moeten gaan.",
           "Daardoor konden we zelf weer verder.", "Achteraf ben ik er dankbaar voor."],
    False: ["Het kostte veel energie.", "Ik hoop dat dit voor andere gezinnen beter gaat.",
            "Dat had anders gekund.", "Daar denk ik nog vaak aan terug."],
    None: ["Het was een gewone week.", "Zo gaat het meestal.",
           "Ik weet nog niet goed wat ik ervan moet vinden."],
}


def _pick(rng: random.Random, weights: dict[str, tuple[int, int]], period: int) -> str:
    keys = list(weights)
    return rng.choices(keys, [weights[k][period] for k in keys])[0]


def _triad(rng: random.Random, period: int, positive: bool | None) -> str:
    """Weights for family / professional / system, adding up to 100."""
    family = rng.gammavariate(2.0 + 1.2 * period, 1.0)
    professional = rng.gammavariate(2.4 + (0.6 if positive else 0.0), 1.0)
    system = rng.gammavariate(2.6 - 1.0 * period + (1.0 if positive is False else 0.0), 1.0)
    total = family + professional + system
    a, b = round(100 * family / total), round(100 * professional / total)
    return f"{a}/{b}/{100 - a - b}"


def _heard(rng: random.Random, period: int, positive: bool | None) -> str:
    centre = {True: 3.9, None: 3.0, False: 2.2}[positive] + 0.3 * period
    return str(min(5, max(1, round(rng.gauss(centre, 0.8)))))


def story(rng: random.Random, period_index: int, start: date) -> dict[str, str]:
    """One fictional story with the storyteller's answers."""
    perspective = rng.choices(list(PERSPECTIVES), list(PERSPECTIVES.values()))[0]
    emotion = _pick(rng, EMOTIONS, period_index)
    positive = True if emotion in POSITIVE else False if emotion in NEGATIVE else None
    theme = _pick(rng, THEMES, period_index)
    middles = FAMILY_MIDDLES if perspective == "parents-youth" else TEAM_MIDDLES
    text = " ".join([
        rng.choice(OPENINGS[perspective]),
        middles[(theme, positive is not False)] + ".",
        rng.choice(ENDINGS[positive]),
    ])
    row = {
        "date": (start + timedelta(days=rng.randrange(0, 175))).isoformat(),
        "perspective": perspective,
        "text": text,
        "emotion": emotion,
        "theme": theme,
        "heard": _heard(rng, period_index, positive),
        "frequency": _pick(rng, FREQUENCY, period_index),
        "what-mattered": _triad(rng, period_index, positive),
        "consent_quote": "ja" if rng.random() < 0.45 else "nee",
    }
    for signifier in ("emotion", "theme", "heard", "frequency", "what-mattered"):
        if rng.random() < 0.03:  # now and then a storyteller skips a question
            row[signifier] = ""
    return row


def rows(seed: int = SEED) -> list[dict[str, str]]:
    rng = random.Random(seed)
    out = []
    for index, (_, start, count) in enumerate(PERIODS):
        batch = [story(rng, index, start) for _ in range(count)]
        out.extend(sorted(batch, key=lambda r: r["date"]))
    return out


def write(path: Path, seed: int = SEED) -> int:
    data = rows(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, delimiter=";", lineterminator="\n")
        writer.writeheader()
        writer.writerows(data)
    return len(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("verhalen.csv"))
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    count = write(args.out, args.seed)
    print(f"wrote {count} fictional stories to {args.out}")


if __name__ == "__main__":
    main()
