"""English texts for learning cards weighed again against the verdict."""

WORDS: dict[str, str] = {
    "rejudge.against": "{hid}: the decision on learning card {cards} now goes against the verdict; give a reason",
    "rejudge.hint": "sprintkit learn edit {card} --reason TEXT (reports show the decision as going against the verdict)",
}
