"""One vocabulary of fixed values (sprintkit.vocabulary): every value may be typed by its id, its
Dutch name or its English name, in any case — on the command line, in an answers file, in
sprint.yaml and at a prompt — and the files keep the id."""

from __future__ import annotations

import textwrap
import typing
from types import SimpleNamespace

import pytest
import yaml
from evidence_support import hyp, make_sprint, ok

from sprintkit import i18n, vocabulary
from sprintkit.errors import UsageError


@pytest.fixture(autouse=True)
def _forget_the_language():
    yield
    i18n.reset()


# --- the lists themselves ------------------------------------------------------------------


def _literal_ids(alias: object) -> tuple[str, ...]:
    """The values of a ``Literal`` (or of an ``Annotated[Literal, …]``) type."""
    if typing.get_origin(alias) is typing.Annotated:
        alias = typing.get_args(alias)[0]
    return typing.get_args(alias)


def test_the_model_literals_hold_exactly_the_vocabulary_ids():
    from sprintkit.model import method, sprint

    pairs = {
        "risk": sprint.RiskType, "hypothesis_kind": sprint.HypothesisKind,
        "evidence_type": sprint.EvidenceType, "verdict": sprint.VerdictName,
        "override": sprint.OverrideVerdict, "decision": sprint.DecisionName,
        "action_status": sprint.ActionStatus, "phase_status": sprint.PhaseStatus,
        "direction": sprint.Direction, "indicator_kind": sprint.IndicatorKind,
        "level": sprint.Level, "period_kind": sprint.PeriodKind,
    }
    for kind, alias in pairs.items():
        assert _literal_ids(alias) == vocabulary.ids(kind), kind
    cycle = method.Method.model_fields["cycle"].annotation
    assert _literal_ids(typing.get_args(cycle)[0]) == vocabulary.ids("period_kind")
    for field in ("likelihood", "impact"):
        level = sprint.Risk.model_fields[field].annotation
        assert _literal_ids(typing.get_args(level)[0]) == vocabulary.ids("level")


def test_engine_and_ops_lists_are_the_vocabulary():
    from sprintkit.engine import evidence
    from sprintkit.engine import indicators as engine_indicators
    from sprintkit.ops import actions, hypotheses, indicators

    assert evidence.VERDICTS == vocabulary.ids("verdict")
    assert evidence.STRENGTHS == vocabulary.ids("strength")
    assert engine_indicators.KINDS == vocabulary.ids("indicator_kind")
    assert hypotheses.RISKS == vocabulary.ids("risk")
    assert hypotheses.DECISIONS == vocabulary.ids("decision")
    assert actions.STATUSES == vocabulary.ids("action_status")
    assert indicators.DIRECTIONS == vocabulary.ids("direction")


def test_the_support_choices_of_the_method_are_the_vocabulary_list():
    from sprintkit.files.library import get_method

    method = get_method("experiment-sprint").model
    spec = next(o for p in method.phases for o in p.outputs if o.id == "support_level")
    assert tuple(c.id for c in spec.choices) == vocabulary.ids("support")
    for c in spec.choices:
        assert c.label.nl.casefold() == vocabulary.label("support", c.id, "nl")
        assert c.label.en.casefold() == vocabulary.label("support", c.id, "en")


@pytest.mark.parametrize("kind", list(vocabulary.LISTS))
def test_every_value_is_read_by_id_and_by_both_names_in_any_case(kind):
    for value in vocabulary.ids(kind):
        nl, en = vocabulary.label(kind, value, "nl"), vocabulary.label(kind, value, "en")
        for typed in (value, value.upper(), f"  {nl.upper()} ", nl.title(), en.swapcase(),
                      en.replace(" ", "_")):
            assert vocabulary.parse(kind, typed) == value, (kind, typed)


@pytest.mark.parametrize("kind", list(vocabulary.LISTS))
def test_no_spelling_names_two_values_of_one_list(kind):
    seen: dict[str, str] = {}
    for value in vocabulary.ids(kind):
        spellings = {value, *(vocabulary.label(kind, value, lang) for lang in ("nl", "en")),
                     *vocabulary.ALSO.get(kind, {}).get(value, ())}
        for spelling in spellings:
            key = vocabulary.normal(spelling)
            assert seen.setdefault(key, value) == value, (kind, spelling)


def test_accents_hyphens_and_synonyms():
    assert vocabulary.parse("action_status", "geescaleerd") == "escalated"
    assert vocabulary.parse("verdict", "insufficient-data") == "insufficient_data"
    assert vocabulary.parse("decision", "aanpassen") == "adapt"
    assert vocabulary.parse("evidence_type", "Enquete") == "survey"
    assert vocabulary.parse("period_kind", "half year") == "half-year"
    assert vocabulary.find("decision", "misschien") is None
    assert vocabulary.find("decision", None) is None


def test_a_wrong_value_lists_the_accepted_values_in_the_current_language():
    i18n.choose("nl")
    with pytest.raises(UsageError) as caught:
        vocabulary.parse("decision", "misschien", "--decision")
    assert caught.value.message == ("--decision: 'misschien' is geen besluit; kies uit: "
                                    "doorvoeren (adopt), bijsturen (adapt), stoppen (drop), "
                                    "opnieuw testen (retest)")
    i18n.choose("en")
    with pytest.raises(UsageError) as caught:
        vocabulary.parse("evidence_type", "gossip")
    assert caught.value.message == ("'gossip' is not a valid evidence type; choose from: "
                                    "interview, survey, observation, behaviour, document")


def test_a_wrong_value_that_could_identify_someone_is_not_echoed():
    i18n.choose("en")
    with pytest.raises(UsageError) as caught:
        vocabulary.parse("risk", "Jan de Vries 0612345678")
    assert "Vries" not in caught.value.message and "0612345678" not in caught.value.message


def test_completion_offers_ids_and_names_that_match():
    i18n.choose("nl")
    assert vocabulary.complete("evidence_type", "ge") == [("gedrag", "behaviour")]
    assert vocabulary.complete("evidence_type", "Beh") == [("behaviour", "gedrag")]
    everything = [v for v, _ in vocabulary.complete("decision", "")]
    assert everything[:4] == ["adopt", "adapt", "drop", "retest"]
    assert "opnieuw testen" in everything and "doorvoeren" in everything
    assert vocabulary.complete("risk", "xyz") == []


def test_labels_in_documents_and_views_come_from_the_vocabulary():
    from sprintkit.engine.evidence import decision_label, strength_label, verdict_label
    from sprintkit.render.environment import label
    from sprintkit.ui.board_view import status_label

    assert verdict_label("insufficient_data", "nl") == "onvoldoende gegevens"
    assert decision_label("adapt", "nl") == "bijsturen"
    assert strength_label("moderate", "nl") == "matig"
    assert label("feasibility", "nl") == "haalbaarheid"
    assert label("todo", "nl") == "te doen" and label("in_progress", "en") == "in progress"
    assert label("quick_win", "nl") == "snelle winst"  # not a vocabulary list: kept
    assert label("something-else", "nl") == "something-else"
    assert status_label("escalated", "nl") == "geëscaleerd"


def test_a_model_reads_a_name_as_the_id():
    from sprintkit.model.sprint import Evidence, Risk

    assert Evidence(type="Gedrag", quote="q").type == "behaviour"
    assert Risk(risk="r", likelihood="HOOG", impact="Medium").likelihood == "high"
    with pytest.raises(ValueError):
        Evidence(type="roddel", quote="q")


# --- the command line ------------------------------------------------------------------------

HYPOTHESES = """\
hypotheses:
  - {id: H1, statement: Voorkeur, metric: keuze, target: '>=70%'}
"""


@pytest.fixture
def sprint(tmp_path):
    folder = make_sprint(tmp_path / "s")
    with (folder / "sprint.yaml").open("a", encoding="utf-8") as handle:
        handle.write(HYPOTHESES)
    return folder


def _raw(folder) -> str:
    return (folder / "sprint.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("typed", ["gedrag", "Behaviour", "GEDRAG", " behaviour "])
def test_evidence_type_by_any_name_stores_the_id(cli, sprint, typed):
    ok(cli("evidence", "add", "H1", "-s", sprint, "--successes", "3", "--trials", "4",
           "--type", typed))
    assert hyp(sprint, "H1")["evidence"][0]["type"] == "behaviour"
    ok(cli("evidence", "edit", "H1", "E1", "-s", sprint, "--type", "Vragenlijst",
           "--reason", "verkeerd soort"))
    assert hyp(sprint, "H1")["evidence"][0]["type"] == "survey"


def test_hypothesis_risk_and_kind_by_name(cli, sprint):
    ok(cli("hypothesis", "add", "-s", sprint, "--statement", "Het kan", "--risk", "Haalbaarheid",
           "--kind", "kwalitatief"))
    h = hyp(sprint, "H2")
    assert (h["risk"], h["kind"]) == ("feasibility", "qualitative")
    ok(cli("hypothesis", "edit", "H2", "-s", sprint, "--risk", "Wenselijkheid"))
    assert hyp(sprint, "H2")["risk"] == "desirability"


def test_decision_and_override_by_name(cli, sprint):
    ok(cli("evidence", "add", "H1", "-s", sprint, "--successes", "9", "--trials", "10"))
    ok(cli("learn", "H1", "-s", sprint, "--observed", "a", "--learned", "b", "--action", "c",
           "--decision", "Opnieuw Testen"))
    assert yaml.safe_load(_raw(sprint))["learnings"][0]["decision"] == "retest"
    ok(cli("learn", "edit", "L1", "-s", sprint, "--decision", "doorvoeren"))
    assert yaml.safe_load(_raw(sprint))["learnings"][0]["decision"] == "adopt"
    ok(cli("verdict", "H1", "-s", sprint, "--override", "Onbeslist", "--reason", "te kleine "
           "groep"))
    assert hyp(sprint, "H1")["override"]["verdict"] == "inconclusive"


def test_action_status_by_name(cli, sprint):
    ok(cli("action", "add", "Casus bespreken", "-s", sprint, "--due", "2020-01-01"))
    ok(cli("action", "move", "A1", "bezig", "-s", sprint))
    assert yaml.safe_load(_raw(sprint))["actions"][0]["status"] == "doing"
    ok(cli("action", "edit", "A1", "-s", sprint, "--status", "KLAAR"))
    assert yaml.safe_load(_raw(sprint))["actions"][0]["status"] == "done"
    res = cli("action", "list", "-s", sprint, "--status", "Klaar", "--format", "json")
    ok(res)
    assert '"A1"' in res.stdout
    res = cli("action", "list", "-s", sprint, "--status", "te laat", "--format", "json")
    ok(res)
    assert '"A1"' not in res.stdout


def test_indicator_direction_and_kind_by_name(cli, sprint):
    ok(cli("indicator", "add", "uhp", "-s", sprint, "--name", "Uithuisplaatsingen",
           "--direction", "Lager is beter", "--kind", "aantal"))
    indicator = yaml.safe_load(_raw(sprint))["indicators"][0]
    assert (indicator["direction"], indicator["kind"]) == ("decrease", "count")


@pytest.mark.parametrize(("language", "words"), [
    ("nl", ["--type: 'roddel' is geen soort bewijs; kies uit:", "gedrag (behaviour)",
            "vragenlijst (survey)", "tip: hoofdletters maken niet uit"]),
    ("en", ["--type: 'roddel' is not a valid evidence type; choose from: interview, survey, "
            "observation, behaviour, document", "the Dutch name or the id is accepted too"]),
])
def test_a_wrong_value_exits_2_in_the_sprints_language(cli, tmp_path, language, words):
    folder = make_sprint(tmp_path / "s", language)
    with (folder / "sprint.yaml").open("a", encoding="utf-8") as handle:
        handle.write(HYPOTHESES)
    before = (folder / "sprint.yaml").read_bytes()
    res = cli("evidence", "add", "H1", "-s", folder, "--successes", "1", "--trials", "2",
              "--type", "roddel")
    assert res.exit_code == 2, res.output
    flat = " ".join(res.stderr.split())
    for word in words:
        assert word in flat, (word, res.stderr)
    assert "Traceback" not in res.output
    assert (folder / "sprint.yaml").read_bytes() == before


def test_a_wrong_value_in_another_command_names_its_option(cli, sprint):
    res = cli("learn", "H1", "-s", sprint, "--observed", "a", "--learned", "b", "--action", "c",
              "--decision", "misschien")
    assert res.exit_code == 2
    assert "--decision: 'misschien' is geen besluit" in " ".join(res.stderr.split())
    res = cli("verdict", "H1", "-s", sprint, "--override", "insufficient_data", "--reason", "x")
    assert res.exit_code == 2 and "ondersteund (supported)" in " ".join(res.stderr.split())


def test_shell_completion_offers_names(cli):
    from typer.testing import CliRunner

    from sprintkit.cli import app

    env = {"_SPRINTKIT_COMPLETE": "complete_bash", "COMP_WORDS": "sprintkit evidence add H1 "
           "--type ge", "COMP_CWORD": "5"}
    res = CliRunner().invoke(app, [], env=env, prog_name="sprintkit")
    assert res.stdout.split() == ["gedrag"]
    env["COMP_WORDS"], env["COMP_CWORD"] = "sprintkit action move A1 b", "4"
    res = CliRunner().invoke(app, [], env=env, prog_name="sprintkit")
    assert res.stdout.split() == ["bezig"]


# --- files a person writes ---------------------------------------------------------------------


def test_a_hand_edited_name_in_sprint_yaml_is_read_and_written_back_as_the_id(cli, tmp_path):
    folder = make_sprint(tmp_path / "s")
    with (folder / "sprint.yaml").open("a", encoding="utf-8") as handle:
        handle.write(textwrap.dedent("""\
            hypotheses:
              - id: H1
                statement: Voorkeur
                metric: keuze
                target: '>=70%'
                risk: Haalbaarheid
                evidence:
                  - {id: E1, successes: 3, trials: 4, type: Gedrag}
            """))
    res = cli("verdict", "H1", "-s", folder, "--format", "json")
    ok(res)
    ok(cli("evidence", "add", "H1", "-s", folder, "--successes", "1", "--trials", "2"))
    h = hyp(folder, "H1")
    assert h["risk"] == "feasibility" and h["evidence"][0]["type"] == "behaviour"


def test_an_answers_file_may_use_names(cli, tmp_path):
    from run_support import make_sprint as make_run_sprint

    from sprintkit.files.sprintfile import load_sprint

    folder = make_run_sprint(tmp_path / "r")
    (folder / "a.yaml").write_text(textwrap.dedent("""\
        design:
          hypotheses:
            - statement: Ouders begrijpen de brief
              risk: Haalbaarheid
              metric: begrepen
              target: '>=70%'
        decide:
          decision: Bijsturen
          support_level: wisselend
        """), encoding="utf-8")
    cli("run", "-s", folder, "--answers", folder / "a.yaml", "--no-input")
    model = load_sprint(folder).model
    assert model.phases["decide"].outputs["decision"] == "adapt"
    assert model.phases["decide"].outputs["support_level"] == "mixed"
    assert [h.risk for h in model.hypotheses] == ["feasibility"]


# --- prompts ---------------------------------------------------------------------------------


def test_the_risk_prompt_of_a_test_card_takes_a_number_or_a_name(monkeypatch):
    from sprintkit.ui import card_prompt, prompts

    errors: list[str] = []
    view = SimpleNamespace(t={"risk": "Risico? ", "wrong_number": "1 tot {n}"}, lang="nl",
                           _error=errors.append)
    typed = iter(["haalbaarheid", "VIABILITY", "2", "roddel", "wenselijkheid"])
    monkeypatch.setattr(prompts, "line", lambda _text: next(typed))
    assert card_prompt._field(view, "risk", None) == 2
    assert card_prompt._field(view, "risk", None) == 3
    assert card_prompt._field(view, "risk", None) == 2
    assert card_prompt._field(view, "risk", None) == 1
    assert errors == ["'roddel' is geen risico; kies uit: wenselijkheid (desirability), "
                      "haalbaarheid (feasibility), levensvatbaarheid (viability)"]
    assert card_prompt._card({"statement": "x", "risk": 2})["risk"] == "feasibility"


def test_the_readme_table_of_values_is_true():
    from readme_support import section

    text = section("Conventions every command follows")
    rows = [line for line in text.splitlines() if line.startswith("| ") and "`" in line]
    assert len(rows) > 40
    every_id: set[str] = set()
    for row in rows:
        _where, value, nl, en = (cell.strip() for cell in row.strip("|").split("|"))
        value = value.strip("`")
        every_id.add(value)
        kinds = [k for k in vocabulary.LISTS if value in vocabulary.ids(k)]
        assert any(vocabulary.label(k, value, "nl") == nl and vocabulary.label(k, value, "en") == en
                   for k in kinds), row
        assert all(vocabulary.find(k, nl) == value and vocabulary.find(k, en) == value
                   for k in kinds if vocabulary.label(k, value, "nl") == nl), row
    typed = {i for k in vocabulary.LISTS if k not in ("verdict", "strength")
             for i in vocabulary.ids(k)}
    assert typed <= every_id


def test_a_wrong_choice_in_an_answers_file_lists_the_names_and_ids():
    from sprintkit.engine.answers import AnswerContext, AnswerError, coerce_answer
    from sprintkit.files.library import get_method

    method = get_method("experiment-sprint").model
    spec = next(o for p in method.phases for o in p.outputs if o.id == "decision")
    assert coerce_answer(spec, "bijsturen") == "adapt"  # the vocabulary's name, too
    assert coerce_answer(spec, "Bijsturen en doorvoeren") == "adapt"  # the method's
    with pytest.raises(AnswerError) as caught:
        coerce_answer(spec, "misschien", AnswerContext(lang="nl"))
    assert caught.value.hint == ("toegestaan: Doorvoeren (adopt), Bijsturen en doorvoeren "
                                 "(adapt), Stoppen (drop), Opnieuw testen (retest)")


def test_indicator_kind_names_come_from_the_vocabulary():
    from sprintkit.engine.indicators import label

    assert [label(k, "nl") for k in ("count", "value", "rate", "better")] == [
        "aantal", "waarde", "percentage", "beter"]
