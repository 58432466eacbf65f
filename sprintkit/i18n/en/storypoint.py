"""English texts of the story point: the page where someone tells a story on a phone."""

WORDS: dict[str, str] = {
    "storypoint.title": "Tell your story",
    "storypoint.intro": (
        "Tell about a moment with the help that stayed with you, then answer a few short "
        "questions about your own story. There are no right or wrong answers."),
    "storypoint.text_label": "Your story",
    "storypoint.text_help": "Write as much as you like, up to {max} characters.",
    "storypoint.perspective_legend": "Who are you telling as?",
    "storypoint.questions": "Questions about your story",
    "storypoint.optional": "You may skip a question.",
    "storypoint.scale_none": "not chosen yet",
    "storypoint.scale_chosen": "Chosen:",
    "storypoint.triad_help": (
        "Tap or drag the dot to the place that fits best: the closer to a corner, the more that "
        "corner made the difference. With the keyboard: the arrow keys move the dot."),
    "storypoint.triad_name": "Triangle: {question}",
    "storypoint.triad_none": "No dot placed yet.",
    "storypoint.triad_weights": "Share in percent (100 together)",
    "storypoint.triad_clear": "Remove the dot",
    "storypoint.consent_legend": "May we quote your story?",
    "storypoint.consent_label": "Yes, my story may be quoted (without names)",
    "storypoint.consent_help": (
        "Quoting means a part of your story may appear word for word in a report or a "
        "presentation of the team. Without a tick your answers still count, but your story is "
        "not quoted."),
    "storypoint.privacy": (
        "Privacy: we keep your story, your answers and the date. Names on the key list, e-mail "
        "addresses, phone numbers, postcodes, BSN and IBAN numbers are replaced by a code at "
        "once (pseudonymised). Your name and your phone are not stored."),
    "storypoint.send": "Send my story",
    "storypoint.errors_title": "Your story has not been sent yet",
    "storypoint.errors_intro": "Please check these points:",
    "storypoint.thanks_title": "Thank you!",
    "storypoint.thanks_body": (
        "Your story has been stored. The team discusses the stories together and looks for "
        "what can be better."),
    "storypoint.another": "Tell another story",
    "storypoint.closed_title": "The story point is not open now",
    "storypoint.closed_body": (
        "No stories are being collected at the moment. Ask the facilitator when the story "
        "point opens, and try again then."),
    "storypoint.forbidden_title": "No access",
    "storypoint.forbidden_body": (
        "This page only works through the session's invitation. Scan the QR code or type the "
        "code again."),
    "storypoint.too_large_title": "Too much text",
    "storypoint.too_large_body": "What you sent is too large. Make your story shorter and try again.",
    "storypoint.too_fast": (
        "You are sending faster than the story point allows. Wait a few seconds and send your story again; what you wrote is still here."),
    "storypoint.bad_request": "This form could not be read. Please reload the page.",
    "storypoint.store_failed": (
        "Your story could not be stored just now. Please try again in a moment; what you wrote is still here."),
    "storypoint.refused": "{count} field(s) of the story are not right",
    "storypoint.text_empty": "Write your story first.",
    "storypoint.text_too_long": "Your story is {count} characters; it may be at most {max}.",
    "storypoint.field_too_long": "This answer is too long (at most {max} characters).",
    "storypoint.perspective_missing": "Choose who you are telling as.",
    "storypoint.choice_unknown": "This answer is not one of the choices; pick one from the list.",
    "storypoint.consent_unknown": "Tick the box or leave it empty.",
    "storypoint.scale_not_number": "Choose a number from {min} to {max}.",
    "storypoint.scale_outside": "This answer is outside the scale; choose {min} to {max}.",
    "storypoint.triad_numbers": "The three shares must be numbers.",
    "storypoint.triad_range": "Each share lies between 0 and 100.",
    "storypoint.triad_total": "The three shares add up to {total}; together they must be 100.",
    "storypoint.organisation_unknown": "This organisation is not part of this session.",
}
