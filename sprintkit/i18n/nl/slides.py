"""Nederlandse teksten voor de eindpresentatie (``sprintkit slides``)."""

WORDS: dict[str, str] = {
    "slides.file_word": "presentatie",
    "slides.question_goal": "Vraag en doel",
    "slides.about": "Waar het om gaat",
    "slides.approach": "Aanpak",
    "slides.evidence": "Wat het bewijs zegt",
    "slides.estimate": "Schatting",
    "slides.evidence_k_of_n": "{k_of_n} uit {count} bron(nen)",
    "slides.evidence_n": "{n} waarnemingen uit {count} bron(nen)",
    "slides.learnings": "Wat we leerden",
    "slides.conclusions": "Conclusies",
    "slides.decisions": "Keuzes en besluiten",
    "slides.next": "Volgende stappen en wie",
    "slides.chain": "De keten van sprints",
    "slides.lineage": "Hoe de hypothesen zich ontwikkelden",
    "slides.in_sprint": "sprint {position}",
    "slides.chart_interval": "Schatting en betrouwbaarheidsinterval",
    "slides.series_low": "Tot de ondergrens",
    "slides.series_to_estimate": "Ondergrens tot schatting",
    "slides.series_to_high": "Schatting tot bovengrens",
    "slides.series_votes": "Stippen",
    "slides.target_line": "streefwaarde {target}",
    "slides.notes_n": "Gebaseerd op {n} waarnemingen; betrouwbaarheid {confidence}.",
    "slides.notes_override": "Oordeel van de facilitator: {reason}",
    "slides.notes_draft": "NOTITIE VOOR DE AUTEUR (alleen in het concept):",
    "slides.draft_mark": "CONCEPT",
    "slides.wrote": "{path} geschreven ({count} dia's)",
    "slides.no_reference": "het referentiebestand {name} bestaat niet",
    "slides.reference_no_presentation": "geen PowerPoint-presentatie (geen ppt/presentation.xml)",
    "slides.bad_reference": "{name} is geen PowerPoint-presentatie (.pptx) die te lezen is",
    "slides.reference_hint": "geef een .pptx die in PowerPoint is opgeslagen; een .potx of "
                             ".ppt kun je eerst opslaan als .pptx",
    "slides.missing_layouts": "de referentiepresentatie mist {count} van de {total} "
                              "indelingen die sprintkit gebruikt: {names}",
    "slides.missing_hint": "voeg ze toe in PowerPoint (Beeld › Diamodel) met precies deze "
                           "namen; tot dan worden de ontbrekende uit de standaard genomen",
    "slides.reference_ok": "{name} heeft alle {total} indelingen die sprintkit gebruikt",
    "slides.layouts_taken": "de referentiepresentatie mist deze indelingen, genomen uit een "
                            "andere indeling: {names}",
    "slides.bad_format": "onbekend formaat {got}; gebruik pptx of pdf",
    "slides.no_impress": "dia's als PDF maken vraagt LibreOffice Impress, dat niet is "
                         "gevonden (alleen LibreOffice Writer)",
    "slides.impress_hint": "installeer het, bijvoorbeeld: sudo apt-get install "
                           "libreoffice-impress; intussen werkt --format pptx zonder",
    "slides.one_subject": "geef een sprint (-s) of een programma (-p), niet beide",
    "slides.due": "uiterlijk {date}",
    "slides.story_shifts": "Verschuivingen {before} → {after}",
    "slides.story_share": "{before} → {after} van de verhalen ({difference} procentpunt; {heading} {interval})",
    "slides.story_mean": "{before} → {after} ({difference}; {heading} {interval})",
    "slides.story_n": "Verhalen met een antwoord op deze vraag: {n_from} in {before}, {n_to} in {after}.",
    "slides.story_periods": "Verhalen: {n_from} in {before}, {n_to} in {after}.",
}
