"""The built-in method library: every method and work form loads, is complete in both
languages and hangs together; `sprintkit methods list|show|path`."""

from __future__ import annotations

import json

import pytest
from methods_support import BUILTIN_METHODS, local_texts

from sprintkit.files import library
from sprintkit.model.common import parse_duration


@pytest.fixture(scope="module")
def methods():
    found, problems = library.all_methods(None)
    assert problems == []
    return {f.model.id: f.model for f in found}


@pytest.fixture(scope="module")
def workforms():
    found, problems = library.all_workforms(None)
    assert problems == []
    return {f.model.id: f.model for f in found}


def test_the_seven_methods_are_built_in(methods):
    assert set(BUILTIN_METHODS) <= set(methods)


@pytest.mark.parametrize("method_id", BUILTIN_METHODS)
def test_method_is_complete(methods, method_id):
    method = methods[method_id]
    assert method.roles and method.sources and method.days and method.duration
    for where, text in local_texts(method):
        assert text.complete(), f"{method_id}: {where} lacks nl or en"
    for phase in method.phases:
        assert phase.workforms, f"{method_id}.{phase.id} uses no work form"
        assert phase.exit_criteria, f"{method_id}.{phase.id} has no exit criterion"
        assert phase.outputs, f"{method_id}.{phase.id} captures nothing"
    required = [c for p in method.phases for c in p.exit_criteria if c.requires]
    assert len(required) >= len(method.phases) - 1, "exit criteria should require the key outputs"


@pytest.mark.parametrize("method_id", BUILTIN_METHODS)
def test_work_forms_fit_in_their_phase(methods, workforms, method_id):
    for phase in methods[method_id].phases:
        used = sum(parse_duration(u.timebox or workforms[u.ref].timebox) for u in phase.workforms)
        assert used <= phase.seconds, f"{method_id}.{phase.id}: {used}s > {phase.timebox}"


def test_every_work_form_is_complete_and_named_after_its_file(workforms):
    assert len(workforms) >= 25
    for wid, wf in workforms.items():
        assert (library.BUILTIN_DIR / "workforms" / f"{wid}.yaml").is_file()
        for where, text in local_texts(wf):
            assert text.complete(), f"work form {wid}: {where} lacks nl or en"
        assert wf.instructions.get("nl").count("\n") >= 2, f"{wid}: instructions are too thin"


def test_the_issue_work_forms_exist(workforms):
    wanted = {
        "long-term-goal",
        "sprint-questions",
        "expert-interview",
        "how-might-we",
        "lightning-demos",
        "crazy-8s",
        "four-step-sketch",
        "art-museum",
        "heat-map",
        "straw-poll",
        "supervote",
        "storyboard",
        "note-and-vote",
        "dot-voting",
        "assumption-map",
        "test-card",
        "learning-card",
        "impact-effort-matrix",
        "lightning-decision-jam",
        "service-blueprint",
        "story-session",
        "retrospective",
        "roadmap",
    }
    assert wanted <= set(workforms)


def test_method_specifics(methods):
    story = methods["story-cycle"]
    assert story.cycle == "half-year"
    assert {p.id for p in story.perspectives} == {"parents-youth", "team-members", "social-team"}
    kinds = {s.id: s.type for s in story.signifiers}
    assert kinds["emotion"] == "choice" and kinds["theme"] == "choice"
    assert "scale" in kinds.values() and "triad" in kinds.values()
    sessions = {p.session_type for p in methods["co-creation"].phases}
    assert {"joint", "asynchronous", "relay", "review"} <= sessions
    innovation = methods["innovation-sprint"]
    assert innovation.output("prototype_type").when.output == "validation_form"
    assert innovation.output("poc_question").when.equals == "proof-of-concept"
    assert methods["experiment-sprint"].output("hypotheses").type == "hypotheses"
    assert methods["strategy-sprint"].output("option_votes").items_from == "strategic_options"
    assert all(any(o.when for p in m.phases for o in p.outputs) for m in methods.values())


def test_builtins_are_parsed_once(monkeypatch):
    from sprintkit.files import yamlio

    calls = []
    real = yamlio.load_model
    monkeypatch.setattr(yamlio, "load_model", lambda *a, **k: calls.append(a) or real(*a, **k))
    library.clear_cache()
    library.get_method("strategy-sprint")
    assert len(calls) == 1  # the spy sees the parse, so an empty list below means something
    library.get_method("strategy-sprint")
    library.get_method("strategy-sprint")
    assert len(calls) == 1


# --- the commands ---------------------------------------------------------------------------


def test_methods_list_text(cli, tmp_path):
    res = cli("methods", "list", cwd=tmp_path)
    assert res.exit_code == 0, res.stderr
    for method_id in BUILTIN_METHODS:
        assert method_id in res.stdout
    assert "Experimentsprint" in res.stdout and "ingebouwd" in res.stdout


def test_methods_list_json(cli, tmp_path):
    res = cli("methods", "list", "--format", "json", cwd=tmp_path)
    data = json.loads(res.stdout)
    ids = [m["id"] for m in data]
    assert set(BUILTIN_METHODS) <= set(ids)
    first = data[ids.index("strategy-sprint")]
    assert first["origin"] == "built-in" and first["name"]["en"] == "Strategy sprint"
    assert first["total_duration"] == "12h" and first["days"] == 2


def test_methods_show_json_is_the_whole_method(cli, tmp_path):
    res = cli("methods", "show", "experiment-sprint", "--format", "json", cwd=tmp_path)
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    from sprintkit.model.method import Method

    method = Method.model_validate({k: v for k, v in data.items() if k in Method.model_fields})
    assert method.id == "experiment-sprint"
    assert data["total_duration"] == "15h" and data["session_duration"] == "13h"
    assert data["source"]["origin"] == "built-in"
    assert data["workforms"]["test-card"]["name"]["nl"] == "Testkaart"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_methods_show_text_fits_80_columns(cli, tmp_path, monkeypatch, lang):
    monkeypatch.setenv("COLUMNS", "80")
    for method_id in BUILTIN_METHODS:
        res = cli("methods", "show", method_id, "--lang", lang, cwd=tmp_path)
        assert res.exit_code == 0, res.stderr
        assert max(len(line.rstrip()) for line in res.stdout.splitlines()) <= 80
    res = cli("methods", "show", "strategy-sprint", "--lang", lang, cwd=tmp_path)
    assert ("Beslisser" if lang == "nl" else "Decider") in res.stdout
    assert ("Totaal" if lang == "nl" else "Total") in res.stdout and "12h" in res.stdout


def test_methods_show_follows_the_sprint_language(cli, tmp_path):
    assert (
        cli(
            "new", "strategy-sprint", tmp_path / "s", "--title", "T", "--lang", "en", "--no-input"
        ).exit_code
        == 0
    )
    res = cli("methods", "show", "strategy-sprint", "-s", tmp_path / "s")
    assert "Long-term goal and success indicators" in res.stdout


def test_unknown_method_suggests_the_closest(cli, tmp_path):
    res = cli("methods", "show", "experiment-sprnt", cwd=tmp_path)
    assert res.exit_code == 1
    assert "geen methode 'experiment-sprnt'" in res.stderr
    assert "bedoel je 'experiment-sprint'" in res.stderr


def test_methods_path_lists_the_search_order(cli, tmp_path):
    res = cli("methods", "path", "--format", "json", cwd=tmp_path)
    data = json.loads(res.stdout)
    assert [d["origin"] for d in data] == ["sprint", "user", "built-in"]
    assert data[0]["path"] == str(tmp_path / "methods")
    assert data[1]["path"].endswith("sprintkit/methods") and data[1]["exists"] is False
    assert data[2]["exists"] is True
    text = cli("methods", "path", "--lang", "en", cwd=tmp_path).stdout
    assert "1. sprint folder" in text and "3. built-in" in text


def test_chosen_lists_pick_from_the_earlier_list():
    from sprintkit.files.library import get_method

    picks = {
        ("experiment-sprint", "critical_assumptions"): "assumptions",
        ("co-creation", "top_pain_points"): "pain_points",
        ("co-creation", "chosen_solutions"): "solutions",
        ("story-cycle", "chosen_ideas"): "ideas",
        ("strategy-sprint", "chosen_options"): "strategic_options",
    }
    for (method_id, output), source in picks.items():
        method = get_method(method_id).model
        assert method.output(output).type == "list"
        assert method.output(output).items_from == source, (method_id, output)
