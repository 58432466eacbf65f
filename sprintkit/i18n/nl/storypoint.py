"""Dutch texts of the story point (vertelpunt): the page where someone tells a story on a phone."""

WORDS: dict[str, str] = {
    "storypoint.title": "Vertel je verhaal",
    "storypoint.intro": (
        "Vertel over een moment met de hulp dat je is bijgebleven, en beantwoord daarna een "
        "paar korte vragen over je eigen verhaal. Er zijn geen goede of foute antwoorden."),
    "storypoint.text_label": "Jouw verhaal",
    "storypoint.text_help": "Schrijf zoveel als je wilt, tot {max} tekens.",
    "storypoint.perspective_legend": "Vanuit wie vertel je?",
    "storypoint.questions": "Vragen over je verhaal",
    "storypoint.optional": "Je mag een vraag overslaan.",
    "storypoint.scale_none": "nog niet gekozen",
    "storypoint.scale_chosen": "Gekozen:",
    "storypoint.triad_help": (
        "Tik of sleep de stip naar de plek die het best past: hoe dichter bij een hoek, hoe "
        "meer die hoek het verschil maakte. Met het toetsenbord: pijltjestoetsen verplaatsen "
        "de stip."),
    "storypoint.triad_name": "Driehoek: {question}",
    "storypoint.triad_none": "Nog geen stip gezet.",
    "storypoint.triad_weights": "Verdeling in procenten (samen 100)",
    "storypoint.triad_clear": "Stip weghalen",
    "storypoint.consent_legend": "Mogen we je verhaal citeren?",
    "storypoint.consent_label": "Ja, mijn verhaal mag (zonder namen) geciteerd worden",
    "storypoint.consent_help": (
        "Citeren betekent dat een stukje van je verhaal letterlijk in een verslag of "
        "presentatie van het team kan staan. Zonder vinkje tellen je antwoorden mee, maar "
        "wordt je verhaal niet geciteerd."),
    "storypoint.privacy": (
        "Privacy: we bewaren je verhaal, je antwoorden en de datum. Namen uit de sleutellijst, "
        "e-mailadressen, telefoonnummers, postcodes, BSN- en IBAN-nummers vervangen we direct "
        "door een code (gepseudonimiseerd). Je naam en je telefoon worden niet opgeslagen."),
    "storypoint.send": "Verhaal versturen",
    "storypoint.errors_title": "Je verhaal is nog niet verstuurd",
    "storypoint.errors_intro": "Kijk deze punten na:",
    "storypoint.thanks_title": "Dank je wel!",
    "storypoint.thanks_body": (
        "Je verhaal is opgeslagen. Het team bespreekt de verhalen samen en zoekt naar wat "
        "beter kan."),
    "storypoint.another": "Nog een verhaal vertellen",
    "storypoint.closed_title": "Het vertelpunt is nu niet open",
    "storypoint.closed_body": (
        "Op dit moment worden er geen verhalen verzameld. Vraag de begeleider wanneer het "
        "vertelpunt opengaat, en probeer het dan opnieuw."),
    "storypoint.forbidden_title": "Geen toegang",
    "storypoint.forbidden_body": (
        "Deze pagina werkt alleen via de uitnodiging van de sessie. Scan de QR-code of typ de "
        "code opnieuw."),
    "storypoint.too_large_title": "Te veel tekst",
    "storypoint.too_large_body": "Wat je stuurde is te groot. Maak je verhaal korter en probeer het opnieuw.",
    "storypoint.too_fast": (
        "Je stuurt sneller dan het vertelpunt toelaat. Wacht een paar seconden en verstuur je verhaal opnieuw; wat je schreef staat er nog."),
    "storypoint.bad_request": "Dit formulier kon niet gelezen worden. Laad de pagina opnieuw.",
    "storypoint.store_failed": (
        "Je verhaal kon nu niet worden opgeslagen. Probeer het zo nog eens; wat je schreef staat er nog."),
    "storypoint.refused": "{count} veld(en) van het verhaal kloppen niet",
    "storypoint.text_empty": "Schrijf eerst je verhaal.",
    "storypoint.text_too_long": "Je verhaal is {count} tekens; dat mag hooguit {max} zijn.",
    "storypoint.field_too_long": "Dit antwoord is te lang (hooguit {max} tekens).",
    "storypoint.perspective_missing": "Kies vanuit wie je vertelt.",
    "storypoint.choice_unknown": "Dit antwoord staat niet tussen de keuzes; kies er een uit de lijst.",
    "storypoint.consent_unknown": "Vink het vakje aan of laat het leeg.",
    "storypoint.scale_not_number": "Kies een getal van {min} tot en met {max}.",
    "storypoint.scale_outside": "Dit antwoord valt buiten de schaal; kies {min} tot en met {max}.",
    "storypoint.triad_numbers": "De drie verdelingen moeten getallen zijn.",
    "storypoint.triad_range": "Elke verdeling ligt tussen 0 en 100.",
    "storypoint.triad_total": "De drie verdelingen tellen op tot {total}; samen moeten ze 100 zijn.",
    "storypoint.organisation_unknown": "Deze organisatie hoort niet bij deze sessie.",
}
