"""The walkthrough keeps up with a live session, in a real pseudo-terminal: `<` and `-` inside
a test card, picking critical assumptions by number, skipped questions offered again by `run`
and named by `status`, and exit criteria shown as they stand."""

from __future__ import annotations

import pytest
from run_support import interrupt, make_sprint, spawn

from sprintkit.files.sprintfile import load_sprint

pexpect = pytest.importorskip("pexpect")

pytestmark = [pytest.mark.pty, pytest.mark.slow]

FRAME = """\
frame:
  experiment_goal: Besluiten over het format
  solution_tested: Het veiligheidsformat
  assumptions: [Gezinsmanagers zijn sneller, Ouders begrijpen het plan, Het kost geen tijd,
                Teams willen meedoen, Het format past in het systeem]
  critical_assumptions: [Ouders begrijpen het plan]
"""


def _framed(tmp_path, cli, extra: str = ""):
    folder = make_sprint(tmp_path / "s")
    (tmp_path / "a.yaml").write_text(FRAME + extra, encoding="utf-8")
    res = cli("run", "-s", folder, "--answers", tmp_path / "a.yaml", "--phase", "frame",
              "--no-input")
    assert res.exit_code == 0, res.output
    return folder


def _no_timer(child):
    child.expect("Nummer, of Enter voor nee")
    child.sendline("")


def test_back_and_skip_inside_a_test_card(tmp_path, cli):
    folder = _framed(tmp_path, cli)
    child = spawn(["run", "-s", str(folder), "--phase", "design"], tmp_path, tmp_path / "home")
    _no_timer(child)
    child.expect("1/5 Welke hypothesen")
    child.expect("We geloven dat")
    child.sendline("Ouders begrijpen het plan beter")
    child.expect("Risico:")
    child.sendline("-")                              # skip the risk type
    child.expect("toetsen, gaan we")
    child.sendline("Vragenlijst")
    child.expect("En meten we")
    child.sendline("<")                              # back to the previous field of the card
    child.expect("Enter houdt: Vragenlijst")
    child.expect("toetsen, gaan we")
    child.sendline("Vragenlijst na elk gesprek")
    child.expect("En meten we")
    child.sendline("aandeel ouders dat het plan navertelt")
    child.expect("Streefwaarde")
    child.sendline(">=70%")
    child.expect("We hebben gelijk als")
    child.sendline("-")                              # skipped: left empty
    child.expect("Korte titel")
    child.sendline("<")
    child.expect("We hebben gelijk als")
    child.sendline("-")
    child.expect("Korte titel")
    child.sendline("-")
    child.expect("Hoe kritisch")
    child.sendline("-")
    child.expect("H1 bewaard")
    child.expect("We geloven dat")
    child.sendline("<")                              # at the statement: leaves the card …
    child.expect("dit is de eerste vraag")            # … (--phase design: nothing before it)
    child.expect("H1 Ouders begrijpen het plan beter")
    child.expect("Testkaart 2")
    child.sendline("")
    child.expect("2/5 Hoeveel deelnemers")
    interrupt(child)
    child.close()
    model = load_sprint(folder).model
    (h,) = model.hypotheses
    assert h.statement == "Ouders begrijpen het plan beter"
    assert h.test == "Vragenlijst na elk gesprek"
    assert h.metric == "aandeel ouders dat het plan navertelt"
    assert h.criterion is None and h.risk is None and h.title is None and h.importance is None
    assert model.phases["design"].outputs["hypotheses"] == ["H1"]   # kept on going back


def _at_the_pick(tmp_path, cli):
    """The frame phase walked again up to its last question, the pick of critical assumptions
    from the earlier list (Enter keeps the saved answers before it)."""
    folder = _framed(tmp_path, cli)
    child = spawn(["run", "-s", str(folder), "--phase", "frame"], tmp_path, tmp_path / "home")
    _no_timer(child)
    for n in (1, 2, 3):
        child.expect(f"{n}/4 ")
        child.sendline("")
    child.expect("4/4 Welke aannames zijn cruciaal")
    return folder, child


def _picked(child, folder):
    """Ends the answer, leaves the walk and gives the critical assumptions saved."""
    child.sendline("")
    child.expect("Fase klaar")
    interrupt(child)
    child.close()
    return load_sprint(folder).model.phases["frame"].outputs["critical_assumptions"]


def test_critical_assumptions_are_picked_by_number(tmp_path, cli):
    folder, child = _at_the_pick(tmp_path, cli)
    child.expect("5. Het format past in het systeem")
    child.expect("Kies met nummers")
    child.sendline("2 5")
    child.expect("Ouders begrijpen het plan")
    child.sendline("Een nieuwe aanname")             # free text stays possible
    child.sendline("1")
    assert _picked(child, folder) == [
        "Ouders begrijpen het plan", "Het format past in het systeem", "Een nieuwe aanname",
        "Gezinsmanagers zijn sneller"]


def test_critical_assumptions_are_picked_by_a_range_of_numbers(tmp_path, cli):
    folder, child = _at_the_pick(tmp_path, cli)
    child.expect(r"1,5 of 1-4 op één regel")
    child.sendline("1-2")                            # a range picks items 1 and 2
    child.expect("→ Gezinsmanagers zijn sneller")
    child.expect("→ Ouders begrijpen het plan")
    child.sendline("3 - 9")                          # 9 is no item: refused, nothing taken
    child.expect("kies een nummer van 1 tot 5")
    child.sendline("4 - 5")                          # spaces around the hyphen
    child.expect("→ Het format past in het systeem")
    child.sendline("Week 1-2 evalueren")             # not only numbers: an item as typed
    assert _picked(child, folder) == [
        "Gezinsmanagers zijn sneller", "Ouders begrijpen het plan", "Teams willen meedoen",
        "Het format past in het systeem", "Week 1-2 evalueren"]


def _all_but_the_sample_plan(tmp_path, cli):
    import yaml
    from run_support import answers_for

    from sprintkit.files.library import get_method

    folder = make_sprint(tmp_path / "s")
    answers = answers_for(get_method("experiment-sprint").model)
    answers["design"].pop("sample_plan")
    (tmp_path / "a.yaml").write_text(yaml.safe_dump(answers, allow_unicode=True),
                                     encoding="utf-8")
    res = cli("run", "-s", folder, "--answers", tmp_path / "a.yaml", "--no-input")
    assert res.exit_code == 1 and "design.sample_plan" in res.stderr
    return folder


def test_a_skipped_question_is_offered_by_run_and_named_by_status(tmp_path, cli):
    folder = _all_but_the_sample_plan(tmp_path, cli)
    home = tmp_path / "home"
    child = spawn(["run", "-s", str(folder)], tmp_path, home)
    child.expect("5 van 6 fasen klaar")
    _no_timer(child)
    child.expect("4/6 Wat is het steekproefplan")
    child.sendline("-")
    child.expect("Fase nog niet klaar: Experimenten ontwerpen")
    child.expect(r"Nog open: Wat is het steekproefplan \(overgeslagen\) — nu beantwoorden\? "
                 r"\[J/n\]")
    child.sendline("n")
    child.expect("Volgende stap: sprintkit run")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Alle fasen zijn klaar" not in child.before

    status = cli("status", "-s", folder, cwd=tmp_path)
    flat = " ".join(status.stdout.split())
    assert "Nog open: Wat is het steekproefplan (overgeslagen) — beantwoorden met " \
           "`sprintkit run -s s --phase design`" in flat
    assert "Volgende stap: Wat is het steekproefplan — sprintkit run -s s --phase design" \
        in flat
    assert "sample_plan" not in status.stdout

    child = spawn(["run", "-s", str(folder)], tmp_path, home)   # no loop: asked again
    child.expect("5 van 6 fasen klaar")
    child.expect(r"Nog open: Wat is het steekproefplan \(overgeslagen\)")
    assert "Alle fasen zijn klaar" not in child.before
    child.sendline("")                                          # Enter: yes
    _no_timer(child)
    child.expect("Wat is het steekproefplan")
    child.sendline("Zes gezinsmanagers")
    child.sendline("")
    child.expect("Fase klaar: Experimenten ontwerpen")
    child.expect("Alle fasen zijn klaar")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    design = load_sprint(folder).model.phases["design"]
    assert design.status == "done" and design.outputs["sample_plan"] == "Zes gezinsmanagers"
    assert design.skipped_outputs == []
    status = cli("status", "-s", folder, cwd=tmp_path)
    assert "Nog open" not in status.stdout


def test_exit_criteria_are_checked_and_yes_to_the_evidence_needs_evidence(tmp_path, cli):
    folder = _all_but_the_sample_plan(tmp_path, cli)
    home = tmp_path / "home"
    child = spawn(["run", "-s", str(folder), "--phase", "design"], tmp_path, home)
    child.expect("Klaar als:")
    child.expect("✓ Elke testkaart heeft een meting")       # the cards are there
    child.expect("✗ Het steekproefplan laat zien")          # the sample plan is missing
    interrupt(child)
    child.close()

    child = spawn(["run", "-s", str(folder), "--phase", "run"], tmp_path, home)
    child.expect("✗ De looptijd is voorbij")                # "yes" was given, H1 has no evidence
    _no_timer(child)
    child.expect("1/4 Wat viel op")
    child.sendline("")
    child.expect("2/4 Week de uitvoering af")
    child.sendline("")
    child.expect("3/4 Wat week af")
    child.sendline("")
    child.expect("4/4 Is het bewijs voor elke hypothese vastgelegd")
    child.sendline("j")
    child.expect("nog geen bewijs vastgelegd voor H1")      # not taken on trust: asked again
    child.expect(r"\(j/n\) >")
    res = cli("evidence", "add", "H1", "-s", folder, "--successes", "5", "--trials", "6",
              "--type", "behaviour")
    assert res.exit_code == 0, res.output
    child.sendline("j")
    child.expect("Fase klaar: Uitvoeren en meten")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert load_sprint(folder).model.phases["run"].outputs["evidence_complete"] is True
