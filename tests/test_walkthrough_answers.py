"""One validation path: typed, file, command-line and saved answers all pass through
`coerce_answer`, per output type; `sprintkit validate` reports what the walkthrough refuses."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from sprintkit.engine.answers import (
    AnswerContext,
    AnswerError,
    answer_problem,
    check_card,
    coerce_answer,
    example_answer,
    ranked,
    same_answer,
    target_problem,
)
from sprintkit.engine.progress import is_filled
from sprintkit.model.method import OutputSpec


def spec(type_: str, **extra) -> OutputSpec:
    return OutputSpec.model_validate({"id": "x", "type": type_, "prompt": "Q?", **extra})


CHOICES = [{"id": "adopt", "label": {"nl": "Doorvoeren", "en": "Adopt"}},
           {"id": "drop", "label": {"nl": "Stoppen", "en": "Drop"}}]
ITEMS = AnswerContext({"ideas": ["Wachtlijst", "Buurtteam", "Telefoon"]})


def test_text_and_multiline():
    assert coerce_answer(spec("text"), "  een zin ") == "een zin"
    assert coerce_answer(spec("text"), "regel een\nregel twee") == "regel een regel twee"
    assert coerce_answer(spec("multiline"), "a\n  b\n\n") == "a\n  b"
    assert coerce_answer(spec("text"), 2026) == "2026"
    with pytest.raises(AnswerError, match="may not be empty"):
        coerce_answer(spec("text"), "   ")
    with pytest.raises(AnswerError, match="expected text"):
        coerce_answer(spec("text"), ["a"])


def test_list_items_are_distinct_and_not_empty():
    assert coerce_answer(spec("list"), ["a", " b ", ""]) == ["a", "b"]
    assert coerce_answer(spec("list"), "een\ntwee") == ["een", "twee"]
    with pytest.raises(AnswerError, match="twice"):
        coerce_answer(spec("list"), ["a", "a"])
    with pytest.raises(AnswerError, match="item 2 is empty"):
        coerce_answer(spec("list"), ["a", " "], strict=True)
    with pytest.raises(AnswerError, match="expected a list"):
        coerce_answer(spec("list"), "a", strict=True)


def test_choice_by_id_label_or_number():
    s = spec("choice", choices=CHOICES)
    assert coerce_answer(s, "adopt") == "adopt"
    assert coerce_answer(s, "doorvoeren") == "adopt"
    assert coerce_answer(s, "Drop") == "drop"
    assert coerce_answer(s, "2", typed=True) == "drop"
    with pytest.raises(AnswerError) as info:
        coerce_answer(s, "2")  # a number only counts where a menu was shown
    assert info.value.hint == "allowed: adopt, drop"
    assert answer_problem(s, "Adopt") is not None  # a saved answer is the id
    assert answer_problem(s, "adopt") is None


def test_multichoice():
    s = spec("multichoice", choices=CHOICES)
    assert coerce_answer(s, "1, 2", typed=True) == ["adopt", "drop"]
    assert coerce_answer(s, ["Drop", "drop"]) == ["drop"]
    with pytest.raises(AnswerError, match="'maybe' not among the choices"):
        coerce_answer(s, ["adopt", "maybe"])


def test_numbers_with_bounds_and_dutch_decimals():
    n = spec("number", min=0, max=10)
    assert coerce_answer(n, "7,5") == 7.5
    assert coerce_answer(n, 3) == 3
    with pytest.raises(AnswerError, match="above the largest allowed"):
        coerce_answer(n, "11")
    i = spec("integer", min=1)
    assert coerce_answer(i, "12") == 12 and coerce_answer(i, 4.0) == 4
    with pytest.raises(AnswerError, match="whole number"):
        coerce_answer(i, "2,5")
    with pytest.raises(AnswerError, match="below the smallest"):
        coerce_answer(i, 0)
    assert answer_problem(i, "12") is not None  # saved: a number, not text
    with pytest.raises(AnswerError):
        coerce_answer(n, True)


def test_dates_iso_or_day_month_year():
    d = spec("date")
    assert coerce_answer(d, "2026-03-02") == dt.date(2026, 3, 2)
    assert coerce_answer(d, "2-3-2026") == dt.date(2026, 3, 2)
    assert coerce_answer(d, dt.date(2026, 1, 5)) == dt.date(2026, 1, 5)
    with pytest.raises(AnswerError) as info:
        coerce_answer(d, "2026-02-30")
    assert "YYYY-MM-DD" in info.value.message
    assert answer_problem(d, "2-3-2026") is not None
    assert answer_problem(d, "2026-03-02") is None


def test_bool_in_both_languages():
    b = spec("bool")
    assert coerce_answer(b, "ja") is True and coerce_answer(b, "Nee") is False
    assert coerce_answer(b, "y") is True
    with pytest.raises(AnswerError, match="yes or no"):
        coerce_answer(b, "misschien")
    assert answer_problem(b, "ja") is not None


def test_dot_vote_totals_and_per_participant():
    s = spec("dot_vote", items_from="ideas", votes_per_person=2)
    totals = coerce_answer(s, {"Buurtteam": 3, "wachtlijst": "1"}, ITEMS)
    assert totals == {"Buurtteam": 3, "Wachtlijst": 1, "Telefoon": 0}
    assert list(totals) == ["Buurtteam", "Wachtlijst", "Telefoon"]  # ranked
    per_person = coerce_answer(s, ["1 3", "3 3", "2"], ITEMS, typed=True)
    assert per_person == {"Telefoon": 3, "Wachtlijst": 1, "Buurtteam": 1}
    with pytest.raises(AnswerError, match="participant 2 gave 3 dots; each participant has 2"):
        coerce_answer(s, [[1], [1, 2, 3]], ITEMS)
    with pytest.raises(AnswerError) as info:
        coerce_answer(s, {"Buurteam": 1, "Telefoon": 1}, ITEMS)
    assert info.value.hint == "did you mean 'Buurtteam'?"
    with pytest.raises(AnswerError, match="has no items"):
        coerce_answer(s, {"a": 1}, AnswerContext())
    with pytest.raises(AnswerError, match="no dots"):
        coerce_answer(s, {"Telefoon": 0}, ITEMS)
    assert answer_problem(s, {"Telefoon": 2}, ITEMS) is None
    assert answer_problem(s, {"Fax": 2}, ITEMS) is not None
    assert answer_problem(s, {"Telefoon": -1}, ITEMS) is not None


def test_impact_effort_scores():
    s = spec("impact_effort", items_from="ideas")
    scores = coerce_answer(s, {"Telefoon": "4 2", "1": [5, 1]}, ITEMS)
    assert scores == {"Wachtlijst": {"impact": 5, "effort": 1},
                      "Telefoon": {"impact": 4, "effort": 2}}
    with pytest.raises(AnswerError, match="from 1 to 5"):
        coerce_answer(s, {"Telefoon": {"impact": 6, "effort": 1}}, ITEMS)
    with pytest.raises(AnswerError, match="give impact and effort"):
        coerce_answer(s, {"Telefoon": {"impact": 3}}, ITEMS)
    assert answer_problem(s, {"Telefoon": "4 2"}, ITEMS) is not None
    assert answer_problem(s, scores, ITEMS) is None
    # a group's averages, typed with a decimal comma or point; "4,2" alone is two scores
    averaged = coerce_answer(s, {"Telefoon": "3,8 2,5", "Wachtlijst": "4.5 1"}, ITEMS)
    assert averaged == {"Telefoon": {"impact": 3.8, "effort": 2.5},
                        "Wachtlijst": {"impact": 4.5, "effort": 1}}
    assert coerce_answer(s, {"Telefoon": "4,2"}, ITEMS)["Telefoon"] == {"impact": 4, "effort": 2}
    with pytest.raises(AnswerError):
        coerce_answer(s, {"Telefoon": "5,5 1"}, ITEMS)  # above the scale
    wide = spec("impact_effort", items_from="ideas", min=0, max=10)
    assert coerce_answer(wide, {"Telefoon": "10 0"}, ITEMS)["Telefoon"] == {"impact": 10,
                                                                           "effort": 0}


def test_hypotheses_ids_and_cards():
    s = spec("hypotheses")
    ctx = AnswerContext(hypotheses=frozenset({"H1", "H2"}))
    assert coerce_answer(s, "H1, H2", ctx) == ["H1", "H2"]
    with pytest.raises(AnswerError) as info:
        coerce_answer(s, ["H3"], ctx)
    assert "no hypothesis 'H3'" in info.value.message and "H1, H2" in info.value.hint
    cards = coerce_answer(s, [{"statement": "Ouders begrijpen het", "target": ">=70%"}], ctx)
    assert cards == [{"statement": "Ouders begrijpen het", "target": ">=70%"}]
    with pytest.raises(AnswerError) as info:
        check_card({"statement": "x", "critera": "y"})
    assert info.value.hint == "did you mean 'criterion'?"
    with pytest.raises(AnswerError, match="needs a statement"):
        check_card({"metric": "m"})
    assert answer_problem(s, [{"statement": "x"}], ctx) is not None  # saved: ids only
    assert target_problem(">=70%") is None and "is geen streefwaarde" in target_problem("70", "nl")
    assert "geen streefwaarde" in target_problem("70", "nl")


def test_messages_follow_the_sprint_language():
    with pytest.raises(AnswerError, match="verwacht een geheel getal"):
        coerce_answer(spec("integer"), "veel", AnswerContext(lang="nl"))
    with pytest.raises(AnswerError, match="staat twee keer in de lijst"):
        coerce_answer(spec("list"), ["a", "a"], AnswerContext(lang="nl"))


def test_every_example_answer_is_accepted():
    from sprintkit.files.library import all_methods

    methods, problems = all_methods()
    assert problems == [] and len(methods) >= 6  # every built-in method, not an empty loop
    checked = 0
    for found in methods:
        answers: dict = {}
        for phase in found.model.phases:
            for out in phase.outputs:
                ctx = AnswerContext(answers)
                value = coerce_answer(out, example_answer(out, ctx), ctx)
                assert is_filled(value), (found.model.id, out.id)
                answers[out.id] = value if out.type != "hypotheses" else ["H1"]
                checked += 1
    assert checked >= 50


def test_helpers():
    assert ranked({"b": 2}, ["a", "b"]) == {"b": 2, "a": 0}
    assert same_answer(dt.date(2026, 3, 2), "2026-03-02")
    assert same_answer({"a": 1.0}, {"a": 1}) and not same_answer([1], [2])


def test_validate_uses_the_same_rules(cli, tmp_path):
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "sprint.yaml").write_text(textwrap.dedent("""\
        id: s
        title: T
        method: experiment-sprint
        phases:
          design:
            outputs:
              participants: twaalf
              family_data: ja
              hypotheses: [H9]
          prepare:
            outputs:
              run_start: 2026-02-30
              materials: [a, a]
        """), encoding="utf-8")
    res = cli("validate", folder)
    assert res.exit_code == 1
    out = res.stdout
    assert "sprint.yaml:7:21: phases.design.outputs.participants: verwacht een geheel getal, " \
           "kreeg 'twaalf'" in out
    assert "sprint.yaml:8:20: phases.design.outputs.family_data: verwacht ja of nee" in out
    assert "phases.design.outputs.hypotheses: geen hypothese 'H9' in deze sprint" in out
    assert "phases.prepare.outputs.run_start: verwacht een datum (JJJJ-MM-DD)" in out
    assert "phases.prepare.outputs.materials: 'a' staat twee keer in de lijst" in out


def test_a_list_that_picks_from_an_earlier_list_takes_numbers_as_its_items():
    from sprintkit.engine.answers import picked_items

    s = spec("list", items_from="ideas")
    # typed or from an answers file: numbers stand for the earlier items' text
    assert coerce_answer(s, ["1", "3"], ITEMS, typed=True) == ["Wachtlijst", "Telefoon"]
    assert coerce_answer(s, ["1,3"], ITEMS) == ["Wachtlijst", "Telefoon"]
    assert coerce_answer(s, ["2 3"], ITEMS) == ["Buurtteam", "Telefoon"]
    assert coerce_answer(s, [2], ITEMS) == ["Buurtteam"]           # a YAML number
    # free text stays possible; a line that is not only numbers is kept as typed
    assert coerce_answer(s, ["Buurtteam", "3 weken wachten"], ITEMS) == [
        "Buurtteam", "3 weken wachten"]
    with pytest.raises(AnswerError, match="choose from 1 to 3"):
        coerce_answer(s, ["5"], ITEMS)
    with pytest.raises(AnswerError, match="twice"):
        coerce_answer(s, ["1", "Wachtlijst"], ITEMS)
    # what is saved is read as it stands
    assert coerce_answer(s, ["1"], ITEMS, strict=True) == ["1"]
    # a list without items_from keeps numbers as text
    assert coerce_answer(spec("list"), ["1", "3"], ITEMS) == ["1", "3"]
    # nothing to pick from yet: kept as typed
    assert coerce_answer(s, ["1"], AnswerContext({})) == ["1"]
    assert picked_items("1, 5", ["a"]) == [1, 5]
    # ranges: 1-3, 2-3,1 and with spaces; free text with digits and a hyphen stays free text
    assert coerce_answer(s, ["1-3"], ITEMS, typed=True) == ["Wachtlijst", "Buurtteam", "Telefoon"]
    assert coerce_answer(s, ["2-3,1"], ITEMS) == ["Buurtteam", "Telefoon", "Wachtlijst"]
    assert coerce_answer(s, ["1 - 2"], ITEMS) == ["Wachtlijst", "Buurtteam"]
    assert coerce_answer(s, ["3-2"], ITEMS) == ["Telefoon", "Buurtteam"]
    assert coerce_answer(s, ["Week 1-2 evalueren", "1-2 weken"], ITEMS) == [
        "Week 1-2 evalueren", "1-2 weken"]
    with pytest.raises(AnswerError, match="choose from 1 to 3"):
        coerce_answer(s, ["2-5"], ITEMS)
    with pytest.raises(AnswerError, match="twice"):
        coerce_answer(s, ["1-2, 2"], ITEMS)
    assert picked_items("1-1000000000", ["a"]) == [1, 1000000000]  # refused, never counted out
    assert picked_items("1-", ["a"]) is None and picked_items("1--2", ["a"]) is None
    assert picked_items("1 plan", ["a"]) is None and picked_items("1", None) is None


def test_items_from_is_only_for_outputs_that_draw_on_a_list():
    from pydantic import ValidationError

    from sprintkit.model.method import Method

    with pytest.raises(ValidationError, match="kan geen items_from hebben"):
        spec("text", items_from="ideas")

    def method(source_type: str):
        return Method.model_validate({
            "id": "m", "kind": "x", "name": "M", "summary": "S",
            "phases": [{"id": "p", "title": "P", "goal": "G", "timebox": "1h", "outputs": [
                {"id": "ideas", "type": source_type, "prompt": "Q?"},
                {"id": "chosen", "type": "list", "prompt": "Q?", "items_from": "ideas"},
            ]}],
        })

    assert method("list").phases[0].outputs[1].items_from == "ideas"
    with pytest.raises(ValidationError, match="'ideas' is geen lijstopbrengst"):
        method("text")
