"""The template context: shapes of phase outputs, the plan's inputs, programme-wide use."""

from __future__ import annotations

import pytest
from test_render_support import load_fixture

from sprintkit.model.sprint import Sprint
from sprintkit.render.context import FOREST_ROWS, SINGLE_MEANS, build_context

DICT_METHODS = set(dir(dict))


def keys_clash(value, path="ctx"):
    if isinstance(value, dict):
        for key, inner in value.items():
            if path != "ctx.charts" and key in DICT_METHODS:
                yield f"{path}.{key}"
            yield from keys_clash(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for inner in value:
            yield from keys_clash(inner, f"{path}[]")


def small_sprint(**extra):
    data = {"id": "s1", "title": "T", "method": "innovation-sprint"}
    data.update(extra)
    return Sprint.model_validate(data)


def test_no_key_hides_behind_a_dict_method():
    ctx = build_context([load_fixture()], methods=[None])
    assert list(keys_clash(ctx)) == []


def test_phase_outputs_get_a_shape_by_type():
    sprint = small_sprint(phases={"ideas": {"status": "done", "outputs": {
        "ideas": ["a", "b", "c"],
        "votes": {"a": 3, "b": 5, "c": 3, "d": 0},
        "matrix": {"a": {"impact": 5, "effort": 1}, "b": {"impact": 1, "effort": 5},
                   "c": {"impact": 4, "effort": 5}, "d": {"impact": 1, "effort": 1}},
        "note": "free text",
        "count": 12,
    }}})
    phase = build_context([sprint], methods=[None])["sprint"]["phases"][0]
    outputs = {o["id"]: o for o in phase["outputs"]}
    assert outputs["ideas"]["shape"] == "list" and outputs["ideas"]["entries"] == ["a", "b", "c"]
    assert [(r["rank"], r["item"]) for r in outputs["votes"]["ranking"]] == [
        (1, "b"), (2, "a"), (2, "c"), (4, "d")]
    quadrants = {r["item"]: r["quadrant"] for r in outputs["matrix"]["matrix"]}
    assert quadrants == {"a": "quick_win", "b": "thankless", "c": "major_project",
                         "d": "fill_in"}
    assert outputs["note"]["text"] == "free text" and outputs["count"]["shape"] == "text"
    assert phase["title"] == "Ideas"  # no method: the id, made readable


def test_method_gives_titles_prompts_and_choice_labels():
    ctx = build_context([load_fixture()], lang="en")  # the method library is looked up
    decide = next(p for p in ctx["sprint"]["phases"] if p["id"] == "decide")
    assert decide["title"] == "Deciding and presenting"
    decision = next(o for o in decide["outputs"] if o["id"] == "decision")
    assert decision["label"].startswith("What is the decision")
    assert decision["text"] == "Adapt and adopt"


def test_plan_inputs():
    ctx = build_context([load_fixture()], methods=[None])["sprint"]
    assert [(a["decision"], a["hypothesis"]["id"]) for a in ctx["adopted"]] == [
        ("adapt", "H1"), ("adopt", "H2"), ("adopt", "H3")]
    assert [s["name"] for s in ctx["plan"]["middle_management"]] == ["Teamleiders"]
    assert ctx["plan"]["trial"]["days"] == 91
    assert [p["name"] for p in ctx["signatories"]] == [
        "Jeugdbescherming Kustregio", "Sociaal team Middelburg", "Gemeente Goes"]
    assert ctx["verdict_counts"] == {"supported": 3, "refuted": 1, "inconclusive": 1,
                                     "insufficient_data": 1}
    h5 = next(h for h in ctx["hypotheses"] if h["id"] == "H5")
    assert h5["result"]["override"] == "supported"
    assert not any(h5["result"]["override_reason"] in note for note in h5["result"]["notes"])
    i1 = ctx["indicators"][0]
    assert i1["target_met"] is True and i1["latest"]["value"] == 77


@pytest.mark.parametrize(("role", "found"), [
    ("teamleider", True), ("Middle manager", True), ("leidinggevende", True),
    ("gezinsmanager", False), ("directeur", False),
])
def test_middle_management_is_recognised(role, found):
    sprint = small_sprint(plan={"stakeholders": [{"name": "X", "role": role}]})
    ctx = build_context([sprint], methods=[None])["sprint"]
    assert bool(ctx["plan"]["middle_management"]) is found


def test_programme_wide_context_and_template(tmp_path):
    from sprintkit.model.programme import Programme
    from sprintkit.render import markup as mk
    from sprintkit.render.document import render_markup
    from sprintkit.render.lookup import resolve

    first = load_fixture()
    second = first.model_copy(deep=True)
    second.id = "kust-experiment-3"
    programme = Programme.model_validate({"id": "kust", "title": "Traject Kust",
                                          "language": "en"})
    ctx = build_context([first, second], programme=programme, methods=[None, None])
    assert ctx["lang"] == "en" and ctx["sprint"] is None and len(ctx["sprints"]) == 2
    assert ctx["totals"]["hypotheses"] == 12
    assert ctx["programme"]["title"] == "Traject Kust"
    ids = [c for s in ctx["sprints"] for c in s["charts"]["hypotheses"]]
    assert len(ids) == len(set(ids)) == 4
    template = tmp_path / "overview.en.j2"
    template.write_text(
        "# {{ programme.title }}\n\n{% for s in sprints %}\n## {{ s.title }} ({{ s.id }})\n\n"
        "{% for c in s.charts.hypotheses %}\n::: chart {{ c }}\n\n{% endfor %}{% endfor %}",
        encoding="utf-8")
    text = render_markup(resolve(str(template), "en", None), ctx, "en")
    blocks = mk.parse(text).blocks
    assert sum(isinstance(b, mk.Image) for b in blocks) == 4


def test_big_sprint_generator_and_chart_grouping():
    from bigsprint_support import big_sprint

    sprint = big_sprint(80, 20)
    assert len(sprint.hypotheses) == 80 and len(sprint.learnings) == 20
    ctx = build_context([sprint], methods=[None])
    charts = ctx["charts"]
    forests = [c for c in charts.values() if c["type"] == "forest"]
    assert all(len(c["rows"]) <= FOREST_ROWS for c in forests)
    means = [h for h in ctx["sprint"]["hypotheses"] if h["kind"] == "mean"]
    assert len(means) > SINGLE_MEANS
    assert all(charts[h["chart"]].get("relative") for h in means)
    quantitative = [h for h in ctx["sprint"]["hypotheses"] if h["kind"] != "qualitative"]
    assert all(h["chart"] for h in quantitative)


def test_charts_drawn_in_worker_processes_are_the_same(monkeypatch):
    from bigsprint_support import big_sprint

    from sprintkit.render import markup as mk
    from sprintkit.render.charts import render_png
    from sprintkit.render.document import Images

    ctx = build_context([big_sprint(60, 0)], methods=[None])
    refs = list(ctx["charts"])[:3]
    doc = mk.Document([mk.Image("chart", r) for r in refs])
    monkeypatch.setenv("SPRINTKIT_CHART_WORKERS", "2")
    images = Images(ctx["charts"], [])
    images.prefetch(doc)
    try:
        assert images._futures, "worker processes were not used"
        drawn = [images(b)[0] for b in doc.blocks]
    finally:
        images.close()
    assert drawn == [render_png(ctx["charts"][r]) for r in refs]


@pytest.mark.parametrize("program", ["/bin/true", "/nonexistent/python"])
def test_charts_are_drawn_here_when_workers_fail(monkeypatch, program):
    from bigsprint_support import big_sprint

    from sprintkit.render import charts
    from sprintkit.render import markup as mk
    from sprintkit.render.document import Images

    ctx = build_context([big_sprint(60, 0)], methods=[None])
    refs = list(ctx["charts"])[:2]
    monkeypatch.setenv("SPRINTKIT_CHART_WORKERS", "2")
    monkeypatch.setattr(charts.sys, "executable", program)
    images = Images(ctx["charts"], [])
    images.prefetch(mk.Document([mk.Image("chart", r) for r in refs]))
    try:
        drawn = [images(mk.Image("chart", r))[0] for r in refs]
    finally:
        images.close()
    assert drawn == [charts.render_png(ctx["charts"][r]) for r in refs]
