"""The interactive walk's logic with a scripted person: typed answers saved at once, going back
and skipping, defaults, test cards, resuming after Ctrl-C, and hand edits while it runs —
valid ones kept, the same answer edited twice resolved by asking, a broken file answered by a
journal that is applied as soon as the file is fixed."""

from __future__ import annotations

import datetime as dt

import pytest
from run_support import Person, make_sprint

from sprintkit.files.journal import JOURNAL, read_journal
from sprintkit.files.sprintfile import load_sprint
from sprintkit.ops.run import Reply, Session, run_walkthrough


def _model(folder):
    return load_sprint(folder).model


def _run(folder, person, **kw):
    return run_walkthrough(folder, ui=person, **kw)


FRAME = ["Besluiten over het format", "Het veiligheidsformat",
         ["Ouders begrijpen het plan", "Het kost geen tijd"], ["Ouders begrijpen het plan"]]


def test_answers_are_saved_one_by_one_and_the_phase_closes(tmp_path):
    folder = make_sprint(tmp_path / "s")
    person = Person(list(FRAME))
    session = Session()
    with pytest.raises(KeyboardInterrupt):  # the script ends at the next prompt
        run_walkthrough(folder, ui=person, session=session)
    model = _model(folder)
    frame = model.phases["frame"]
    assert frame.outputs["assumptions"] == ["Ouders begrijpen het plan", "Het kost geen tijd"]
    assert frame.status == "done" and frame.completed is not None and frame.started is not None
    assert session.saved == 4
    assert person.closures == [("frame", "done")]
    assert person.entered[:2] == [("frame", False), ("design", False)]
    assert person.asked[-1][0] == "design.hypotheses"
    assert person.timers and person.timers[0][1] == ("Aannamekaart", 4500)


def test_resume_starts_at_the_first_open_question(tmp_path):
    folder = make_sprint(tmp_path / "s")
    with pytest.raises(KeyboardInterrupt):
        _run(folder, Person(FRAME[:2]))
    person = Person([])
    with pytest.raises(KeyboardInterrupt):
        _run(folder, person)
    assert person.asked == [("frame.assumptions", None, None)]


def test_back_skip_and_defaults(tmp_path):
    folder = make_sprint(tmp_path / "s")
    script = [
        Reply("back"),                      # nothing before the first question
        "Besluit", "Oplossing",
        Reply("back"), Reply("back"),       # to the first question again
        Reply("keep"),                      # keeps "Besluit"
        "Andere oplossing",                 # changes the second
        Reply("skip"),                      # assumptions: later
        Reply("keep"),                      # critical assumptions: required, no default
        Reply("skip"),
    ]
    person = Person(script)
    session = Session()
    with pytest.raises(KeyboardInterrupt):
        _run(folder, person, session=session)
    frame = _model(folder).phases["frame"]
    assert frame.outputs == {"experiment_goal": "Besluit", "solution_tested": "Andere oplossing"}
    assert session.saved == 3  # Besluit, Oplossing, Andere oplossing: the two skips are no answers
    assert frame.skipped_outputs == ["assumptions", "critical_assumptions"]
    assert frame.status == "in_progress"
    assert person.problems[0].startswith("dit is de eerste vraag")
    assert any("hier is een antwoord nodig" in p for p in person.problems)
    keys = [k for k, _, _ in person.asked]
    assert keys[:6] == ["frame.experiment_goal", "frame.experiment_goal",
                        "frame.solution_tested", "frame.assumptions", "frame.solution_tested",
                        "frame.experiment_goal"]
    assert person.asked[5] == ("frame.experiment_goal", "Besluit", "saved")
    assert ("frame", "in_progress") in person.closures


def test_method_defaults_are_offered_and_saved_when_kept(tmp_path):
    folder = make_sprint(tmp_path / "s")
    person = Person([Reply("skip"), "12", Reply("keep")])
    with pytest.raises(KeyboardInterrupt):
        _run(folder, person, phase="design")
    assert person.asked[2] == ("design.run_weeks", 3, "method")
    outputs = _model(folder).phases["design"].outputs
    assert outputs["participants"] == 12 and outputs["run_weeks"] == 3


def test_typed_answers_of_several_types(tmp_path):
    folder = make_sprint(tmp_path / "s")
    script = ["6", Reply("keep"), "zes gezinsmanagers", "ja", "Toestemming vooraf"]
    person = Person([lambda ask: ask.add_card({"statement": "Ouders begrijpen het",
                                               "target": ">=70%", "risk": "desirability"})
                     and ["H1"], *script])
    _run(folder, person, phase="design")  # the phase ends with the script
    model = _model(folder)
    outputs = model.phases["design"].outputs
    assert outputs == {"hypotheses": ["H1"], "participants": 6, "run_weeks": 3,
                       "sample_plan": "zes gezinsmanagers", "family_data": True,
                       "privacy_plan": "Toestemming vooraf"}
    assert model.hypotheses[0].phase == "design" and model.hypotheses[0].kind == "proportion"
    assert model.phases["design"].status == "done"
    person = Person([Reply("keep"), Reply("keep"), Reply("keep"), "29-4-2026"])
    with pytest.raises(KeyboardInterrupt):
        _run(folder, person, phase="prepare", set_values=["prepare.materials=[Format]",
                                                           "prepare.measurement_setup=Lijst",
                                                           "prepare.participants_briefed=6"])
    assert person.asked[0] == ("prepare.materials", ["Format"], "saved")  # --set, then shown
    assert _model(folder).phases["prepare"].outputs["run_start"] == "2026-04-29"
    assert "run_start: 2026-04-29\n" in (folder / "sprint.yaml").read_text(encoding="utf-8")


def test_wrong_typed_answers_are_asked_again(tmp_path):
    folder = make_sprint(tmp_path / "s")
    person = Person([Reply("skip"), "veel", "0", "6"])
    with pytest.raises(KeyboardInterrupt):
        _run(folder, person, phase="design")
    assert [k for k, _, _ in person.asked[1:4]] == ["design.participants"] * 3
    assert person.problems == ["verwacht een geheel getal, kreeg 'veel'",
                               "0 is kleiner dan toegestaan (1)"]
    assert _model(folder).phases["design"].outputs["participants"] == 6


def test_test_cards_are_saved_as_they_are_given_and_shown_on_resume(tmp_path):
    folder = make_sprint(tmp_path / "s")

    def two_cards_then_stop(ask):
        ask.add_card({"statement": "Ouders begrijpen het", "target": ">=70%"})
        with pytest.raises(Exception, match="is geen streefwaarde"):
            ask.add_card({"statement": "Het kost minder tijd", "target": "sneller"})
        ask.add_card({"statement": "Het kost minder tijd", "target": "<=60",
                      "metric": "minuten per plan"})
        raise KeyboardInterrupt  # stopped before the list of cards was finished

    with pytest.raises(KeyboardInterrupt):
        _run(folder, Person([two_cards_then_stop]), phase="design")
    model = _model(folder)
    assert [h.id for h in model.hypotheses] == ["H1", "H2"]
    assert model.hypotheses[1].kind == "mean"
    assert "hypotheses" not in model.phases["design"].outputs
    assert model.phases["design"].status == "in_progress"
    seen = {}

    def finish(ask):
        seen["cards"] = [h.id for h in ask.cards]
        return seen["cards"]

    with pytest.raises(KeyboardInterrupt):
        _run(folder, Person([finish]), phase="design")
    assert seen["cards"] == ["H1", "H2"]
    assert _model(folder).phases["design"].outputs["hypotheses"] == ["H1", "H2"]


def test_dot_vote_and_impact_effort_over_earlier_items(tmp_path):
    folder = make_sprint(tmp_path / "s", "co-creation")
    items = ["Wachttijd", "Overdracht", "Geen contact"]
    person = Person([[[1, 2], ["Overdracht"], ["3"]]])
    with pytest.raises(KeyboardInterrupt):
        _run(folder, person, phase="prioritise",
             set_values=[f"pain-points.pain_points=[{', '.join(items)}]"])
    votes = _model(folder).phases["prioritise"].outputs["pain_point_votes"]
    assert votes == {"Overdracht": 2, "Wachttijd": 1, "Geen contact": 1}


def test_a_valid_hand_edit_between_prompts_is_kept(tmp_path):
    folder = make_sprint(tmp_path / "s")
    path = folder / "sprint.yaml"

    def edit_then_answer(ask):
        text = path.read_text(encoding="utf-8")
        text = text.replace("  challenge: Sneller een veilig plan",
                            "  challenge: Sneller een veilig plan  # met de hand\n"
                            "  goal: Een besluit in mei")
        path.write_text(text, encoding="utf-8")
        return "Het veiligheidsformat"

    with pytest.raises(KeyboardInterrupt):
        _run(folder, Person(["Besluit", edit_then_answer]))
    text = path.read_text(encoding="utf-8")
    assert "  goal: Een besluit in mei" in text and "# met de hand" in text
    assert "solution_tested: Het veiligheidsformat" in text


@pytest.mark.parametrize("mine", [True, False])
def test_the_same_answer_edited_by_hand_meanwhile_is_a_question(tmp_path, mine):
    folder = make_sprint(tmp_path / "s")
    path = folder / "sprint.yaml"
    with pytest.raises(KeyboardInterrupt):
        _run(folder, Person(["Besluit"]))

    def edit_then_answer(ask):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("experiment_goal: Besluit", "experiment_goal: Met de hand"),
                        encoding="utf-8")
        return "Getypt"

    person = Person([edit_then_answer], conflict=mine)
    with pytest.raises(KeyboardInterrupt):
        _run(folder, person, phase="frame")
    assert person.conflicts == [("Met de hand", "Getypt")]
    assert _model(folder).phases["frame"].outputs["experiment_goal"] == (
        "Getypt" if mine else "Met de hand")


def test_a_broken_file_keeps_the_answer_in_a_journal_until_it_is_fixed(tmp_path):
    folder = make_sprint(tmp_path / "s")
    path = folder / "sprint.yaml"
    good = {}

    def break_then_answer(ask):
        good["text"] = path.read_text(encoding="utf-8")
        path.write_text(good["text"].replace("title: 'Veiligheidsformat'", "title: [kapot"),
                        encoding="utf-8")
        return "Het veiligheidsformat"

    def fix(error):
        assert (folder / JOURNAL).is_file()
        path.write_text(good["text"].replace("# Onze sprint", "# Onze sprint (hersteld)"),
                        encoding="utf-8")

    person = Person(["Besluit", break_then_answer], on_blocked=fix)
    with pytest.raises(KeyboardInterrupt):
        _run(folder, person)
    assert "YAML-syntaxfout" in str(person.blocked_errors[0])
    text = path.read_text(encoding="utf-8")
    assert "(hersteld)" in text and "solution_tested: Het veiligheidsformat" in text
    assert not (folder / JOURNAL).exists()


def test_a_journal_left_by_ctrl_c_is_applied_by_the_next_run(tmp_path, cli):
    folder = make_sprint(tmp_path / "s")
    path = folder / "sprint.yaml"
    good = path.read_text(encoding="utf-8")

    def break_then_answer(ask):
        path.write_text(good + "onbekend: 1\n", encoding="utf-8")
        return ["Ouders begrijpen het plan"]

    with pytest.raises(KeyboardInterrupt):  # blocked, and the person stops there
        _run(folder, Person(["Besluit", "Format", break_then_answer]))
    pending = read_journal(path)
    assert [(e["phase"], e["output"], e["value"]) for e in pending] == [
        ("frame", "assumptions", ["Ouders begrijpen het plan"])]
    res = cli("run", "-s", folder, "--no-input")
    assert res.exit_code == 1 and "onbekende sleutel 'onbekend'" in res.stderr
    status = cli("status", "-s", folder, "--format", "json")
    assert status.exit_code == 1  # the file itself is invalid
    path.write_text(good.replace("phases: {}", _model_phases(folder)), encoding="utf-8")
    res = cli("run", "-s", folder, "--phase", "frame", "--no-input")
    assert "1 wachtend(e) antwoord(en) uit .sprintkit/pending-answers.yaml verwerkt" in res.stderr
    assert _model(folder).phases["frame"].outputs["assumptions"] == ["Ouders begrijpen het plan"]
    assert not (folder / JOURNAL).exists()


def _model_phases(folder) -> str:
    return ("phases:\n  frame:\n    status: in_progress\n    outputs:\n"
            "      experiment_goal: Besluit\n      solution_tested: Format\n")


def test_all_done_and_nothing_to_ask(tmp_path):
    from run_support import answers_for

    from sprintkit.files.library import get_method

    folder = make_sprint(tmp_path / "s")
    answers = answers_for(get_method("experiment-sprint").model)
    sets = [f"{p}.{o}={v}" for p, outs in answers.items() for o, v in outs.items()
            if not isinstance(v, (list, dict))]
    (folder / "a.yaml").write_text(__import__("yaml").safe_dump(answers, allow_unicode=True),
                                   encoding="utf-8")
    person = Person([])
    result = _run(folder, person, answers=folder / "a.yaml", set_values=sets[:1])
    assert person.first is None and person.asked == []
    assert result.next_phase is None and len(result.done) == 6
    assert result.given > 10
    assert dt.date.today() == _model(folder).hypotheses[0].created


def test_run_offers_the_skipped_questions_after_the_phases(tmp_path):
    folder = make_sprint(tmp_path / "s")
    text = (folder / "sprint.yaml").read_text(encoding="utf-8").replace(
        "phases: {}", "phases:\n  frame:\n    status: in_progress\n    outputs:\n"
        "      experiment_goal: a\n      solution_tested: b\n      assumptions: [x]\n"
        "    skipped_outputs: [critical_assumptions]\n  design:\n    status: skipped\n"
        "  prepare:\n    status: skipped\n  run:\n    status: skipped\n  learn:\n"
        "    status: skipped\n  decide:\n    status: skipped\n")
    (folder / "sprint.yaml").write_text(text, encoding="utf-8")
    declined = Person([])
    result = _run(folder, declined)                  # nothing asked, but the offer is made
    assert declined.offers == [[("frame.critical_assumptions", True)]]
    assert declined.asked == [] and result.next_phase == "frame"
    person = Person([Reply("answer", ["1"])], take_open=True)
    _run(folder, person)
    assert [key for key, _, _ in person.asked] == ["frame.critical_assumptions"]
    frame = _model(folder).phases["frame"]
    assert frame.outputs["critical_assumptions"] == ["x"]   # picked by number from assumptions
    assert frame.skipped_outputs == [] and frame.status == "done"


def test_an_optional_question_left_empty_is_not_skipped_and_not_asked_again(tmp_path, cli):
    folder = make_sprint(tmp_path / "s")
    text = (folder / "sprint.yaml").read_text(encoding="utf-8").replace(
        "phases: {}", "phases:\n  frame:\n    status: skipped\n  design:\n    status: skipped\n"
        "  prepare:\n    status: skipped\n  run:\n    status: skipped\n  learn:\n"
        "    status: todo\n  decide:\n    status: skipped\n")
    (folder / "sprint.yaml").write_text(text, encoding="utf-8")
    person = Person([Reply("skip"), Reply("keep"), Reply("skip")])  # -, Enter (optional), -
    session = Session()
    result = _run(folder, person, session=session)
    assert [key for key, _, _ in person.asked] == ["learn.key_learnings", "learn.surprises",
                                                   "learn.adjustments"]
    learn = _model(folder).phases["learn"]
    assert learn.skipped_outputs == ["key_learnings", "adjustments"]  # skipped on purpose
    assert "surprises" in learn.outputs and learn.outputs["surprises"] is None
    assert "      surprises:\n" in (folder / "sprint.yaml").read_text(encoding="utf-8")
    offer = [("learn.key_learnings", True), ("learn.adjustments", True)]
    assert person.offers == [offer]                       # not the one left empty
    assert result.skipped == ["learn.key_learnings", "learn.adjustments"] and session.saved == 0
    again = Person([])
    _run(folder, again)                                   # the next run asks none again
    assert again.asked == [] and again.offers == [offer]
    status = cli("status", "-s", folder)
    assert "overgeslagen: Belangrijkste lessen; Welke aanpassingen" in status.output
    assert "verraste" not in status.output and "2 overgeslagen" in status.output
    # --phase goes through it again; an answer then fills it, a skip makes it skipped
    person = Person(["Schrijven met het gezin werkt", "Crisiszaken duren langer",
                     "Korte variant"])
    _run(folder, person, phase="learn")
    learn = _model(folder).phases["learn"]
    assert learn.outputs["surprises"] == ["Crisiszaken duren langer"]
    assert learn.skipped_outputs == [] and cli("validate", folder).exit_code == 0


def test_yes_to_the_evidence_is_refused_while_a_hypothesis_has_none(tmp_path):
    import yaml
    from run_support import answers_for

    from sprintkit.files.library import get_method

    folder = make_sprint(tmp_path / "s")
    answers = answers_for(get_method("experiment-sprint").model)
    answers["run"].pop("evidence_complete")
    for later in ("learn", "decide"):
        answers.pop(later)
    (tmp_path / "a.yaml").write_text(yaml.safe_dump(answers, allow_unicode=True),
                                     encoding="utf-8")
    person = Person(["ja", "nee"])
    with pytest.raises(KeyboardInterrupt):
        _run(folder, person, answers=tmp_path / "a.yaml")
    assert person.asked[0][0] == "run.evidence_complete"
    assert person.problems[0] == "nog geen bewijs vastgelegd voor H1"
    run = _model(folder).phases["run"]
    assert run.outputs["evidence_complete"] is False and run.status == "in_progress"
    assert ("run", "in_progress") in person.closures


def test_the_summary_names_a_command_for_each_phase_with_skipped_questions(tmp_path, capsys):
    from pathlib import Path

    from sprintkit.ops.run import RunResult
    from sprintkit.ui.walkthrough_summary import print_result

    result = RunResult(path=Path("veiligheid/sprint.yaml"), lang="nl", saved=2, given=2,
                       defaults=0, done=[], next_phase=None, pending=0, notes=[],
                       skipped=["design.sample_plan", "decide.support_notes", "decide.plan_risks"],
                       names={"design.sample_plan": "Steekproefplan",
                              "decide.support_notes": "Draagvlak", "decide.plan_risks": "Risico's"})
    print_result(result)
    shown = " ".join(capsys.readouterr().err.split())
    assert "Klaar: 2 antwoorden bewaard" in shown
    assert ("Overgeslagen: Steekproefplan — later beantwoorden met sprintkit run -s veiligheid "
            "--phase design") in shown
    assert ("Overgeslagen: Draagvlak; Risico's — later beantwoorden met sprintkit run -s "
            "veiligheid --phase decide") in shown
