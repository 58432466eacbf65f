"""English texts for the end presentation (``sprintkit slides``)."""

WORDS: dict[str, str] = {
    "slides.file_word": "presentation",
    "slides.question_goal": "Question and goal",
    "slides.about": "What it is about",
    "slides.approach": "Approach",
    "slides.evidence": "What the evidence says",
    "slides.estimate": "Estimate",
    "slides.evidence_k_of_n": "{k_of_n} from {count} source(s)",
    "slides.evidence_n": "{n} observations from {count} source(s)",
    "slides.learnings": "What we learned",
    "slides.conclusions": "Conclusions",
    "slides.decisions": "Choices and decisions",
    "slides.next": "Next steps and owners",
    "slides.chain": "The chain of sprints",
    "slides.lineage": "How the hypotheses developed",
    "slides.in_sprint": "sprint {position}",
    "slides.chart_interval": "Estimate and confidence interval",
    "slides.series_low": "Up to the lower bound",
    "slides.series_to_estimate": "Lower bound to estimate",
    "slides.series_to_high": "Estimate to upper bound",
    "slides.series_votes": "Dots",
    "slides.target_line": "target {target}",
    "slides.notes_n": "Based on {n} observations; confidence {confidence}.",
    "slides.notes_override": "The facilitator's verdict: {reason}",
    "slides.notes_draft": "NOTE TO THE AUTHOR (draft only):",
    "slides.draft_mark": "DRAFT",
    "slides.wrote": "wrote {path} ({count} slides)",
    "slides.no_reference": "the reference file {name} does not exist",
    "slides.reference_no_presentation": "not a PowerPoint presentation (no ppt/presentation.xml)",
    "slides.bad_reference": "{name} is not a PowerPoint presentation (.pptx) that can be read",
    "slides.reference_hint": "give a .pptx saved by PowerPoint; save a .potx or .ppt as .pptx "
                             "first",
    "slides.missing_layouts": "the reference presentation lacks {count} of the {total} "
                              "layouts sprintkit uses: {names}",
    "slides.missing_hint": "add them in PowerPoint (View › Slide Master) with exactly these "
                           "names; until then the missing ones are taken from the default",
    "slides.reference_ok": "{name} has all {total} layouts sprintkit uses",
    "slides.layouts_taken": "the reference presentation lacks these layouts, taken from "
                            "another layout: {names}",
    "slides.bad_format": "unknown format {got}; use pptx or pdf",
    "slides.no_impress": "making slides as PDF needs LibreOffice Impress, which was not "
                         "found (only LibreOffice Writer)",
    "slides.impress_hint": "install it, for example: sudo apt-get install "
                           "libreoffice-impress; meanwhile --format pptx works without it",
    "slides.one_subject": "give a sprint (-s) or a programme (-p), not both",
    "slides.due": "by {date}",
    "slides.story_shifts": "Shifts {before} → {after}",
    "slides.story_share": "{before} → {after} of the stories ({difference} percentage points; {heading} {interval})",
    "slides.story_mean": "{before} → {after} ({difference}; {heading} {interval})",
    "slides.story_n": "Stories that answer this question: {n_from} in {before}, {n_to} in {after}.",
    "slides.story_periods": "Stories: {n_from} in {before}, {n_to} in {after}.",
}
