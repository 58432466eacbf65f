"""English texts for dot voting and impact/effort with big groups: entering totals, pasting a
column and importing a CSV export (``sprintkit votes import``)."""

WORDS: dict[str, str] = {
    # what is wrong with a number or an item
    "votes.not_count": "{got} is not a number of dots; expected a whole number, 0 or more",
    "votes.negative": "{got} is negative; a number of dots is 0 or more",
    "votes.no_number": "there is no item {n}; choose a number from 1 to {of}",
    "votes.no_item": "name an item: its number or its text",
    "votes.ambiguous": "{n} items start like that; type more of the text, or the number",
    "votes.unknown": "that is not an item of this vote; type its number or more of its text",
    "votes.bad_entry": "type a count (12), numbers with counts (1=12 2=7) or text with a count "
                       "(Waiting lists =12)",
    "votes.column_cell": "line {n} of the pasted column: {reason}",
    "votes.column_count": "the pasted column has {got} numbers, but there are {want} items; "
                          "nothing was taken",
    "votes.all_given": "all {of} items have a total; change one with number=count, or Enter "
                       "to finish",
    "votes.over_bound": "that makes {total} dots, more than the {bound} the group could give; "
                        "nothing was taken",
    "votes.voter_over": "this participant gave {dots} dots, more than the {limit} each",
    "votes.group_over": "{total} dots in all, more than {per} each × {people} participants = "
                        "{bound}",
    "votes.no_columns": "no column names an item; put the items in the header or give an "
                        "'item' column with the number of dots in 'dots'",
    "votes.not_score": "{got} is not a score; expected a number from {lo} to {hi}",
    "votes.off_scale": "{got} is outside the scale from {lo} to {hi}",
    "votes.no_score_columns": "no impact and effort columns found; give an 'impact' and an "
                              "'effort' column (or 'Impact [item]' and 'Effort [item]' per "
                              "item)",
    "votes.half_pair": "this column has no partner: each item needs a column for impact and "
                       "one for effort",
    # entry during sprintkit run
    "votes.participants_ask": "  How many participants voted? (Enter: not known) ",
    "votes.participants_wrong": "type a whole number of 1 or more, or Enter",
    "votes.bound": "{people} participants × {per} dots: at most {bound} dots",
    "votes.totals_how": "Type the counted dots per item, or number=count (1=12 2=7), or text "
                        "=count; a pasted column fills the items in order. An empty line "
                        "finishes (items without a total get 0).",
    "votes.total_prompt": "  {n}. {item} — dots: ",
    "votes.more_prompt": "  number=count, or Enter to finish: ",
    "votes.tally": "Tally",
    "votes.tally_total": "{total} dots",
    "votes.tally_total_bound": "{total} of at most {bound} dots",
    "votes.pasted": "{n} numbers pasted",
    # sprintkit votes import
    "votes.no_output": "the method {method} has no dot vote or impact/effort output{where}",
    "votes.in_phase": " in phase {phase}",
    "votes.which_output": "this method has several votes; choose one with --output",
    "votes.which_hint": "votes: {outputs}",
    "votes.no_such_output": "the method {method} has no vote {output}{where}",
    "votes.no_items": "{output} votes on the items of {source}, which has no answer yet",
    "votes.no_items_hint": "answer {source} first, with `sprintkit run --phase {phase}`",
    "votes.unknown_item": "this cell names no item of {source}",
    "votes.unknown_hint": "an item may also be given by its number (1 to {n}), as `sprintkit run` numbers the items of {source}",
    "votes.nothing": "the file holds no votes",
    "votes.nothing_hint": "each row is a participant or a vote; a column per item, or an "
                          "'item' column",
    "votes.read": "{rows} rows read from {file} ({shape}, {participants})",
    "votes.shape_long": "a row per vote or item",
    "votes.shape_wide": "a column per item",
    "votes.participants": "{n} participants",
    "votes.participants_unknown": "number of participants unknown",
    "votes.saved": "{output} saved in phase {phase}",
    "votes.dry_run": "dry run: nothing was written",
    "votes.line": "line {line}: {text}",
    "votes.col_total": "dots",
    "votes.col_impact": "impact",
    "votes.col_effort": "effort",
    "votes.matrix": "Impact and effort (averaged)",
}
