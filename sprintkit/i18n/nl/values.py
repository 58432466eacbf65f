"""Nederlandse namen van de vaste waardelijsten (besluit, soort bewijs, risico, oordeel, status…):
``value.<lijst>.<id>``; de lijsten zelf staan in :mod:`sprintkit.vocabulary`."""

WORDS: dict[str, str] = {
    # decisions (leerkaarten)
    "value.decision.adopt": "doorvoeren",
    "value.decision.adapt": "bijsturen",
    "value.decision.drop": "stoppen",
    "value.decision.retest": "opnieuw testen",
    # evidence types
    "value.evidence_type.interview": "interview",
    "value.evidence_type.survey": "vragenlijst",
    "value.evidence_type.observation": "observatie",
    "value.evidence_type.behaviour": "gedrag",
    "value.evidence_type.document": "document",
    # risk types
    "value.risk.desirability": "wenselijkheid",
    "value.risk.feasibility": "haalbaarheid",
    "value.risk.viability": "levensvatbaarheid",
    # verdicts (the override list shares these)
    "value.verdict.supported": "ondersteund",
    "value.verdict.refuted": "weerlegd",
    "value.verdict.inconclusive": "onbeslist",
    "value.verdict.insufficient_data": "onvoldoende gegevens",
    # evidence strength
    "value.strength.none": "geen",
    "value.strength.weak": "zwak",
    "value.strength.moderate": "matig",
    "value.strength.strong": "sterk",
    # action status (the board's columns)
    "value.action_status.todo": "te doen",
    "value.action_status.doing": "bezig",
    "value.action_status.done": "klaar",
    "value.action_status.escalated": "geëscaleerd",
    "value.action_filter.open": "open",
    "value.action_filter.overdue": "te laat",
    # phase status
    "value.phase_status.todo": "nog te doen",
    "value.phase_status.in_progress": "bezig",
    "value.phase_status.done": "klaar",
    "value.phase_status.skipped": "overgeslagen",
    # support (draagvlak)
    "value.support.broad": "breed gedragen",
    "value.support.mixed": "wisselend",
    "value.support.limited": "beperkt",
    # likelihood and impact of a risk
    "value.level.low": "laag",
    "value.level.medium": "middel",
    "value.level.high": "hoog",
    # indicators
    "value.indicator_kind.count": "aantal",
    "value.indicator_kind.value": "waarde",
    "value.indicator_kind.rate": "percentage",
    "value.direction.increase": "hoger is beter",
    "value.direction.decrease": "lager is beter",
    # periods
    "value.period_kind.half-year": "halfjaar",
    "value.period_kind.quarter": "kwartaal",
    "value.period_kind.year": "jaar",
    "value.period_kind.month": "maand",
    # hypothesis kinds
    "value.hypothesis_kind.proportion": "aandeel",
    "value.hypothesis_kind.mean": "gemiddelde",
    "value.hypothesis_kind.qualitative": "kwalitatief",
    # the names of the lists, as an error message names them
    "value.list.decision": "besluit",
    "value.list.evidence_type": "soort bewijs",
    "value.list.risk": "risico",
    "value.list.verdict": "oordeel",
    "value.list.override": "oordeel van de facilitator",
    "value.list.strength": "bewijskracht",
    "value.list.action_status": "status van een actie",
    "value.list.action_filter": "status of filter van een actie",
    "value.list.phase_status": "status van een fase",
    "value.list.support": "draagvlak",
    "value.list.level": "niveau",
    "value.list.indicator_kind": "soort indicator",
    "value.list.direction": "richting",
    "value.list.period_kind": "soort periode",
    "value.list.hypothesis_kind": "soort hypothese",
    "value.unknown": "{value} is geen {what}; kies uit: {accepted}",
    "value.unknown_hint": "hoofdletters maken niet uit; ook de Engelse naam of de id mag",
    "value.nothing": "niets ingevuld",
}
