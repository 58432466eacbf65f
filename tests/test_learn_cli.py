"""`sprintkit learn`: learning cards, decisions, and decisions that go against the verdict."""

from __future__ import annotations

import pytest
from evidence_support import count_hypotheses, data, ok


@pytest.fixture
def sprint(tmp_path):
    # H1 supported, H2 refuted, H3 inconclusive (target >=70%)
    return count_hypotheses(tmp_path / "s", [(12, 12), (5, 12), (9, 12)])


def learn(cli, sprint, hid, decision, *extra):
    return cli("learn", hid, "-s", sprint, "--observed", "12 van 12 kozen het format",
               "--learned", "het format helpt", "--action", "we voeren het in",
               "--decision", decision, *extra)


def test_learning_cards_are_numbered(cli, sprint):
    res = learn(cli, sprint, "H1", "adopt")
    ok(res)
    assert "L1" in res.stderr and "warning" not in res.stderr
    ok(learn(cli, sprint, "H3", "retest"))
    cards = data(sprint)["learnings"]
    assert [(c["id"], c["hypothesis"], c["decision"]) for c in cards] == [
        ("L1", "H1", "adopt"), ("L2", "H3", "retest")]
    assert "against_verdict" not in cards[0]
    assert cards[0]["observed"] == "12 van 12 kozen het format"
    assert cards[0]["action"] == "we voeren het in"


@pytest.mark.parametrize(("hid", "decision", "verdict"),
                         [("H2", "adopt", "weerlegd"), ("H1", "drop", "ondersteund")])
def test_decision_against_the_verdict_needs_a_reason(cli, sprint, hid, decision, verdict):
    before = (sprint / "sprint.yaml").read_bytes()
    res = learn(cli, sprint, hid, decision)
    assert res.exit_code == 2
    assert f"gaat tegen het oordeel in ({verdict})" in res.stderr
    assert (sprint / "sprint.yaml").read_bytes() == before

    res = learn(cli, sprint, hid, decision, "--reason", "bestuurlijke keuze")
    ok(res)
    assert "let op:" in res.stderr and "gaat tegen het oordeel in" in res.stderr
    card = data(sprint)["learnings"][-1]
    assert card["against_verdict"] is True and card["reason"] == "bestuurlijke keuze"


def test_decisions_show_in_listings(cli, sprint):
    ok(learn(cli, sprint, "H2", "adopt", "--reason", "toch doen"))
    res = cli("hypothesis", "show", "H2", "-s", sprint)
    assert "doorvoeren" in res.stdout and "tegen het oordeel in" in res.stdout
    assert "doorvoeren" in cli("hypothesis", "list", "-s", sprint).stdout


def test_override_counts_for_the_decision(cli, sprint):
    # a facilitator's verdict (with its reason) is the verdict the decision is weighed against
    ok(cli("verdict", "H2", "-s", sprint, "--override", "supported", "--reason", "context"))
    res = learn(cli, sprint, "H2", "adopt")
    ok(res)
    assert "warning" not in res.stderr


@pytest.mark.parametrize(
    "args",
    [["--decision", "maybe"], ["--decision", "adopt", "--reason", " "]],
)
def test_learn_usage_errors(cli, sprint, args):
    res = cli("learn", "H1", "-s", sprint, "--observed", "o", "--learned", "l", "--action", "a",
              *args)
    assert res.exit_code == 2


def test_learn_needs_all_three_parts(cli, sprint):
    res = cli("learn", "H1", "-s", sprint, "--observed", "o", "--decision", "adopt")
    assert res.exit_code == 2
    res = cli("learn", "H1", "-s", sprint, "--observed", " ", "--learned", "l", "--action", "a",
              "--decision", "adopt")
    assert res.exit_code == 2 and "--observed" in res.stderr


def test_learn_api(sprint):
    from sprintkit.ops.learnings import add_learning

    done = add_learning(sprint, "H2", observed="o", learned="l", action="a", decision="drop")
    assert done.learning.id == "L1" and not done.against_verdict
    assert done.result.final == "refuted"
