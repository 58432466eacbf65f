"""Nederlandse teksten voor stemmen met stippen en impact/inspanning bij grote groepen: totalen
invoeren, een kolom plakken en een CSV-export inlezen (``sprintkit votes import``)."""

WORDS: dict[str, str] = {
    # wat er mis is met een getal of een punt
    "votes.not_count": "{got} is geen aantal stippen; verwacht een geheel getal, 0 of meer",
    "votes.negative": "{got} is negatief; een aantal stippen is 0 of meer",
    "votes.no_number": "er is geen punt {n}; kies een nummer van 1 tot {of}",
    "votes.no_item": "noem een punt: het nummer of de tekst",
    "votes.ambiguous": "{n} punten beginnen zo; typ meer van de tekst of het nummer",
    "votes.unknown": "dat is geen punt van deze stemming; typ het nummer of meer van de tekst",
    "votes.bad_entry": "typ een aantal (12), nummers met aantallen (1=12 2=7) of tekst met een "
                       "aantal (Wachtlijsten =12)",
    "votes.column_cell": "regel {n} van de geplakte kolom: {reason}",
    "votes.column_count": "de geplakte kolom heeft {got} getallen, maar er zijn {want} punten; "
                          "er is niets overgenomen",
    "votes.all_given": "alle {of} punten hebben een totaal; wijzig er een met nummer=aantal, "
                       "of Enter om af te ronden",
    "votes.over_bound": "dan zijn er {total} stippen, meer dan de {bound} die de groep kon "
                        "geven; er is niets overgenomen",
    "votes.voter_over": "deze deelnemer gaf {dots} stippen, meer dan de {limit} per persoon",
    "votes.group_over": "samen {total} stippen, meer dan {per} per persoon × {people} "
                        "deelnemers = {bound}",
    "votes.no_columns": "geen kolom noemt een punt; zet de punten als kolomkoppen of geef een "
                        "kolom 'punt' met het aantal stippen in 'stippen'",
    "votes.not_score": "{got} is geen score; verwacht een getal van {lo} tot {hi}",
    "votes.off_scale": "{got} valt buiten de schaal van {lo} tot {hi}",
    "votes.no_score_columns": "geen kolommen voor impact en inspanning gevonden; geef een kolom "
                              "'impact' en een kolom 'inspanning' (of 'Impact [punt]' en "
                              "'Inspanning [punt]' per punt)",
    "votes.half_pair": "deze kolom heeft geen tegenhanger: elk punt heeft een kolom voor impact "
                       "én een voor inspanning nodig",
    # invoer tijdens sprintkit run
    "votes.participants_ask": "  Hoeveel deelnemers stemden? (Enter: niet bekend) ",
    "votes.participants_wrong": "typ een geheel getal van 1 of meer, of Enter",
    "votes.bound": "{people} deelnemers × {per} stippen: hoogstens {bound} stippen",
    "votes.totals_how": "Typ per punt het getelde aantal stippen, of nummer=aantal (1=12 2=7), "
                        "of tekst =aantal; een geplakte kolom vult de punten op volgorde. "
                        "Een lege regel rondt af (punten zonder totaal krijgen 0).",
    "votes.total_prompt": "  {n}. {item} — stippen: ",
    "votes.more_prompt": "  nummer=aantal, of Enter om af te ronden: ",
    "votes.tally": "Stand",
    "votes.tally_total": "{total} stippen",
    "votes.tally_total_bound": "{total} van hoogstens {bound} stippen",
    "votes.pasted": "{n} getallen geplakt",
    # sprintkit votes import
    "votes.no_output": "de methode {method} heeft geen stemming met stippen of "
                       "impact/inspanning{where}",
    "votes.in_phase": " in fase {phase}",
    "votes.which_output": "er zijn meerdere stemmingen in deze methode; kies er een met "
                          "--output",
    "votes.which_hint": "stemmingen: {outputs}",
    "votes.no_such_output": "de methode {method} heeft geen stemming {output}{where}",
    "votes.no_items": "{output} stemt over de punten van {source}, maar die zijn nog niet "
                      "ingevuld",
    "votes.no_items_hint": "vul eerst {source} in, met `sprintkit run --phase {phase}`",
    "votes.unknown_item": "deze cel noemt geen punt van {source}",
    "votes.unknown_hint": "een punt mag ook met zijn nummer (1 tot {n}), zoals `sprintkit run` de punten van {source} nummert",
    "votes.nothing": "er staan geen stemmen in het bestand",
    "votes.nothing_hint": "elke rij is een deelnemer of een stem; een kolom per punt, of een "
                          "kolom 'punt'",
    "votes.read": "{rows} rijen gelezen uit {file} ({shape}, {participants})",
    "votes.shape_long": "een rij per stem of punt",
    "votes.shape_wide": "een kolom per punt",
    "votes.participants": "{n} deelnemers",
    "votes.participants_unknown": "aantal deelnemers onbekend",
    "votes.saved": "{output} bewaard in fase {phase}",
    "votes.dry_run": "proefdraaien: er is niets geschreven",
    "votes.line": "regel {line}: {text}",
    "votes.col_total": "stippen",
    "votes.col_impact": "impact",
    "votes.col_effort": "inspanning",
    "votes.matrix": "Impact en inspanning (gemiddeld)",
}
