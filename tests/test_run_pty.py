"""The real walkthrough in a pseudo-terminal: typed prompts of several kinds, Ctrl-C and
resume, `kill -9` in the middle of a phase, a hand edit while a prompt is open, and a whole
experiment sprint from the first question to the last."""

from __future__ import annotations

import signal

import pytest
from run_support import interrupt, make_sprint, spawn

from sprintkit.files.sprintfile import load_sprint

pexpect = pytest.importorskip("pexpect")

pytestmark = [pytest.mark.pty, pytest.mark.slow]


def _no_timer(child):
    child.expect("Nummer, of Enter voor nee")
    child.sendline("")


def _frame(child):
    _no_timer(child)
    child.expect("1/4 Welk besluit")
    child.sendline("Besluiten over het format")
    child.sendline("in alle teams")
    child.sendline("")
    child.expect("2/4 Welke werkwijze")
    child.sendline("Het veiligheidsformat")
    child.sendline("")
    child.expect("3/4 Welke aannames")
    child.sendline("Gezinsmanagers vinden het sneller")
    child.sendline("Ouders begrijpen het plan")
    child.sendline("")
    child.expect("4/4 Welke aannames zijn cruciaal")
    child.sendline("Ouders begrijpen het plan")
    child.sendline("")
    child.expect("Fase klaar: Aannames in kaart brengen")


def _card(child, statement, target):
    child.expect("We geloven dat")
    child.sendline(statement)
    child.expect("Risico:")
    child.sendline("1")
    child.expect("toetsen, gaan we")
    child.sendline("Vragenlijst na elk gesprek")
    child.expect("En meten we")
    child.sendline("aandeel ouders dat het plan navertelt")
    child.expect("Streefwaarde")
    child.sendline(target)


def test_prompts_ctrl_c_and_resume(tmp_path):
    folder = make_sprint(tmp_path / "s")
    home = tmp_path / "home"
    child = spawn(["run", "-s", str(folder)], tmp_path, home)
    child.expect("Fase 1 van 6")
    _frame(child)
    _no_timer(child)
    child.expect("1/5 Welke hypothesen")
    _card(child, "Ouders begrijpen het plan beter", "70")
    child.expect("geen streefwaarde")           # asked again, nothing lost
    child.sendline(">=70%")
    child.expect("We hebben gelijk als")
    child.sendline("ten minste 70% het plan navertelt")
    child.expect("Korte titel")
    child.sendline("Ouders begrijpen het plan")
    child.expect("Hoe kritisch")
    child.sendline("7")
    child.expect("1 tot 5|1 to 5|1 t/m 5")   # out of range: asked again
    child.sendline("5")
    child.expect("H1 bewaard")
    child.expect("We geloven dat")
    child.sendline("")                          # no more cards
    child.expect("2/5 Hoeveel deelnemers")
    child.sendline("veel")
    child.expect("verwacht een geheel getal")
    child.sendline("6")
    child.expect("3/5 Hoeveel weken")
    child.expect("Enter houdt: 3")
    child.sendline("<")                         # back
    child.expect("2/5 Hoeveel deelnemers")
    child.expect("Enter houdt: 6")
    child.sendline("")
    child.expect("3/5 Hoeveel weken")
    child.sendline("")
    child.expect("4/5 Wat is het steekproefplan")
    interrupt(child, "onderbroken: 8 antwoorden bewaard; ga verder met `sprintkit run -s s`")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    model = load_sprint(folder).model
    assert model.phases["frame"].status == "done"
    assert model.phases["design"].outputs == {"hypotheses": ["H1"], "participants": 6,
                                              "run_weeks": 3}

    child = spawn(["run", "-s", str(folder)], tmp_path, home)
    child.expect("1 van 6 fasen klaar")
    _no_timer(child)
    child.expect("4/5 Wat is het steekproefplan")   # exactly where it stopped
    child.sendline("Zes gezinsmanagers")
    child.sendline("")
    child.expect(r"5/5 Gebruiken we gegevens")
    child.sendline("j")
    child.expect("6/6 Hoe regelen we toestemming")   # its `when` now holds
    child.sendline("-")
    child.expect("Fase klaar: Experimenten ontwerpen")  # its exit criteria hold
    interrupt(child)
    child.close()
    assert child.exitstatus == 130
    design = load_sprint(folder).model.phases["design"]
    assert design.outputs["family_data"] is True and design.skipped_outputs == ["privacy_plan"]


def test_back_and_skip_on_a_later_line_of_a_list_are_never_stored_as_items(tmp_path):
    folder = make_sprint(tmp_path / "s")
    child = spawn(["run", "-s", str(folder)], tmp_path, tmp_path / "home")
    _no_timer(child)
    child.expect("1/4 Welk besluit")
    child.sendline("Besluiten over het format")
    child.sendline("")
    child.expect("2/4 Welke werkwijze")
    child.sendline("Het veiligheidsformat")
    child.sendline("")
    child.expect("3/4 Welke aannames")
    child.sendline("Ouders begrijpen het plan")
    child.sendline("Een tikfout")
    child.expect("  3. ")
    child.sendline("<")                             # takes back the last item
    child.expect("weggehaald: Een tikfout")
    child.expect("  2. ")
    child.sendline("-")                             # a skip only works on the first line
    child.expect("werkt alleen op de eerste regel")
    child.sendline("Gezinsmanagers vinden het sneller")
    child.sendline("")
    child.expect("4/4 Welke aannames zijn cruciaal")
    child.sendline("1,2")
    child.sendline("<")
    child.expect("weggehaald: Gezinsmanagers vinden het sneller")
    child.sendline("")
    child.expect("Fase klaar: Aannames in kaart brengen")
    interrupt(child)
    child.close()
    frame = load_sprint(folder).model.phases["frame"]
    assert frame.outputs["assumptions"] == ["Ouders begrijpen het plan",
                                            "Gezinsmanagers vinden het sneller"]
    assert frame.outputs["critical_assumptions"] == ["Ouders begrijpen het plan"]


def test_a_long_exit_criterion_wraps_under_its_text_at_80_columns(tmp_path):
    folder = make_sprint(tmp_path / "s")
    child = spawn(["run", "-s", str(folder), "--phase", "design"], tmp_path, tmp_path / "home",
                  columns=80)
    child.expect("Klaar als:")
    child.expect(r"│   ✗ Elke testkaart heeft een meting en een criterium, vastgelegd vóór de"
                 r" +│\r\n│     eerste meting\. +│")
    _no_timer(child)
    child.expect("1/5 Welke hypothesen")
    interrupt(child)
    child.close()


def test_a_long_item_to_score_wraps_under_its_text_at_80_columns(tmp_path):
    folder = make_sprint(tmp_path / "s", method="co-creation")
    child = spawn(["run", "-s", str(folder), "--phase", "solutions"], tmp_path,
                  tmp_path / "home", columns=80)
    _no_timer(child)
    child.expect("1/3 Welke oplossingen")
    child.sendline("Consultatie door specialisten in de eerste lijn (POH-jeugd, wijkteams, "
                   "scholen)")
    child.sendline("Inloopspreekuur")
    child.sendline("")
    child.expect(r"  1\. Consultatie door specialisten in de eerste lijn \(POH-jeugd, wijkteams,"
                 r" *\r\n     scholen\) *\r\n     impact en inspanning \(1-5\)")
    child.sendline("4 2")
    child.expect(r"  2\. Inloopspreekuur *\r\n     impact en inspanning")
    child.sendline("3 1")
    child.expect("groot project")
    child.expect("3/3 Welke oplossingen")
    interrupt(child)
    child.close()
    scores = load_sprint(folder).model.phases["solutions"].outputs["solution_scores"]
    assert scores["Inloopspreekuur"] == {"impact": 3, "effort": 1}


def test_a_pasted_text_or_list_comes_whole_with_its_empty_lines(tmp_path):
    folder = make_sprint(tmp_path / "s")
    child = spawn(["run", "-s", str(folder)], tmp_path, tmp_path / "home")
    _no_timer(child)
    child.expect("1/4 Welk besluit")
    child.send("Eerste alinea\n\nTweede alinea\n")    # one paste: the empty line stays inside
    child.expect(r"\r\n  ")
    child.sendline("")
    child.expect("2/4 Welke werkwijze")
    child.sendline("Het veiligheidsformat")
    child.sendline("")
    child.expect("3/4 Welke aannames")
    child.expect("  1. ")
    child.send("Eerste punt\nTweede punt\n\nDerde punt\n")
    child.expect("4 regels geplakt")
    child.expect("  4. ")                           # numbered on, no prompts inside the paste
    child.send("Vierde punt\nVijfde punt\nZesde punt")  # copied without its last newline
    child.expect("3 regels geplakt")
    assert child.before.rstrip(" ").endswith("Vijfde punt\r\nZesde punt\r\n")  # no prompt
    child.expect("  7. ")
    child.sendline("")
    child.expect("4/4 Welke aannames zijn cruciaal")
    interrupt(child)
    child.close()
    frame = load_sprint(folder).model.phases["frame"]
    assert frame.outputs["experiment_goal"] == "Eerste alinea\n\nTweede alinea"
    assert frame.outputs["assumptions"] == ["Eerste punt", "Tweede punt", "Derde punt",
                                            "Vierde punt", "Vijfde punt", "Zesde punt"]


def test_a_work_form_whose_name_holds_its_id_is_not_followed_by_it_again(tmp_path):
    folder = make_sprint(tmp_path / "s")
    child = spawn(["run", "-s", str(folder), "--phase", "run"], tmp_path, tmp_path / "home")
    child.expect("▸ Korte check-in \\(stand-up\\) · 30m")
    _no_timer(child)
    child.expect("1/3 Wat viel op")
    interrupt(child)
    child.close()
    assert "(stand-up) (stand-up)" not in child.before


def test_kill_9_in_the_middle_of_a_phase_loses_no_earlier_answer(tmp_path, cli):
    folder = make_sprint(tmp_path / "s")
    child = spawn(["run", "-s", str(folder)], tmp_path, tmp_path / "home")
    _frame(child)
    _no_timer(child)
    child.expect("1/5 Welke hypothesen")
    _card(child, "Ouders begrijpen het plan beter", ">=70%")
    child.expect("We hebben gelijk als")
    child.sendline("")
    child.expect("Korte titel")
    child.sendline("")
    child.expect("Hoe kritisch")
    child.sendline("")
    child.expect("H1 bewaard")
    child.expect("We geloven dat")
    child.sendline("Het kost minder tijd")      # a second card, half typed …
    child.expect("Risico:")
    child.kill(signal.SIGKILL)                  # … and the process is killed
    child.close()
    assert child.signalstatus == signal.SIGKILL
    text = (folder / "sprint.yaml").read_text(encoding="utf-8")
    for answer in ("Besluiten over het format", "Het veiligheidsformat",
                   "Gezinsmanagers vinden het sneller", "Ouders begrijpen het plan beter"):
        assert answer in text
    assert "Het kost minder tijd" not in text
    assert cli("validate", folder).exit_code == 0
    assert not list(folder.glob(".sprint.yaml.*.tmp"))
    res = cli("status", "-s", folder, "--format", "json")
    assert res.exit_code == 0 and '"output": "hypotheses"' in res.stdout


def test_a_hand_edit_while_a_prompt_is_open_is_kept(tmp_path):
    folder = make_sprint(tmp_path / "s")
    path = folder / "sprint.yaml"
    child = spawn(["run", "-s", str(folder)], tmp_path, tmp_path / "home")
    _no_timer(child)
    child.expect("1/4 Welk besluit")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  # de rest volgt later", "  # de rest volgt later\n"
                                 "  scope: Alle teams in mei  # met de hand"), encoding="utf-8")
    child.sendline("Besluiten over het format")
    child.sendline("")
    child.expect("2/4 Welke werkwijze")
    path.write_text(path.read_text(encoding="utf-8") + "kapot: [\n", encoding="utf-8")
    child.sendline("Het veiligheidsformat")
    child.sendline("")
    child.expect("YAML-syntaxfout")
    child.expect("veilig bewaard in s/.sprintkit/pending-answers.yaml")
    child.expect("Enter = opnieuw proberen")
    path.write_text(path.read_text(encoding="utf-8").replace("kapot: [\n", ""),
                    encoding="utf-8")
    child.sendline("")
    child.expect("3/4 Welke aannames")
    interrupt(child)
    child.close()
    text = path.read_text(encoding="utf-8")
    assert "  scope: Alle teams in mei  # met de hand" in text
    assert "title: 'Veiligheidsformat'   # enkele aanhalingstekens blijven staan" in text
    assert "solution_tested: Het veiligheidsformat" in text
    assert not (folder / ".sprintkit" / "pending-answers.yaml").exists()


def test_a_whole_experiment_sprint_at_the_terminal(tmp_path, cli):
    folder = make_sprint(tmp_path / "s", lang="en")
    child = spawn(["run", "-s", str(folder)], tmp_path, tmp_path / "home", columns=80)

    def timer():
        child.expect("Number, or Enter for no")
        child.sendline("")

    def say(*lines):
        for line in lines:
            child.sendline(line)

    timer()
    child.expect("1/4 Which decision")
    say("Decide on the safety format", "")
    child.expect("2/4")
    say("The safety format", "")
    child.expect("3/4")
    say("Parents understand the plan", "It takes no extra time", "")
    child.expect("4/4")
    say("Parents understand the plan", "")
    child.expect("Phase done: Framing the assumptions")
    timer()
    child.expect("We believe that")
    say("Parents understand a plan they co-wrote")
    child.expect("Risk type")
    say("")
    child.expect("To verify that")
    say("Ask after each meeting")
    child.expect("And measure")
    say("share of parents who can retell the plan")
    child.expect("Target")
    say(">=70%")
    child.expect("We are right if")
    say("at least 70% can retell it")
    child.expect("Short title")
    say("")
    child.expect("How critical")
    say("4")
    child.expect("H1 saved")
    child.expect("We believe that")
    say("")
    child.expect("2/5 How many participants")
    say("6")
    child.expect("3/5")
    say("")
    child.expect("4/5")
    say("Six family managers", "")
    child.expect("5/5")
    say("n")
    child.expect("Phase done: Designing the experiments")
    timer()
    child.expect("1/5 Which materials")
    say("Format", "Instruction card", "")
    child.expect("2/5")
    say("Questionnaire after each meeting", "")
    child.expect("3/5")
    say("6")
    child.expect("4/5 On which date")
    say("31-4-2026")
    child.expect("expected a date")
    say("2026-04-29")
    child.expect("5/5")
    say("")                                     # optional: Enter leaves it empty
    child.expect("Phase done: Preparing and briefing")
    timer()
    child.expect("1/3 What stood out")
    say("Crisis cases take longer", "")
    child.expect("2/3 Did the execution deviate")
    say("y")
    child.expect("3/4 What deviated")
    say("Two crisis cases used the old format", "")
    child.expect("4/4 Is the evidence")
    say("yes")
    child.expect("no evidence recorded yet for H1")   # yes is checked against the evidence
    res = cli("evidence", "add", "H1", "-s", folder, "--successes", "5", "--trials", "6",
              "--type", "behaviour")
    assert res.exit_code == 0, res.output
    say("yes")
    child.expect("Phase done: Running and measuring")
    timer()
    child.expect("1/3 What are the key learnings")
    say("Writing together works", "")
    child.expect("2/3")
    say("-")
    child.expect("3/3")
    say("Short variant for crisis cases", "")
    child.expect("Phase done: Learning")
    timer()
    child.expect("1/10 What is the decision")
    child.expect("2. Adapt and adopt")
    say("2")
    child.expect("2/11 Why this decision")
    say("The evidence is strong.", "")
    child.expect("3/11 How broad is the support")
    say("broadly supported")
    child.expect("4/11")
    say("All six family managers want to go on.", "")
    child.expect("5/11 What must go into the implementation plan")
    say("Training for all teams", "")
    child.expect("6/11 What are the three main conclusions")
    say("Parents understand a plan they co-wrote", "")
    child.expect("7/11 Which actions were agreed")
    say("Plan the training — Karin Smit — 2026-09-01", "")
    child.expect("8/11 Who must be involved")
    say("Family managers (work with the plan)", "")
    child.expect("9/11 Which team leads")
    say("Team leads North and South (plan the training)", "")
    child.expect("10/11 Who must hear")
    say("-")
    child.expect("11/11 Which risks")
    say("")
    child.expect("Phase done: Deciding and presenting")
    child.expect("All phases are done")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    model = load_sprint(folder).model
    assert all(state.status == "done" for state in model.phases.values())
    decide = model.phases["decide"].outputs
    assert decide["decision"] == "adapt" and decide["support_level"] == "broad"
    assert decide["agreed_actions"] == ["Plan the training — Karin Smit — 2026-09-01"]
    plan = cli("plan", "-s", folder, "-o", folder / "plan.md")
    assert plan.exit_code == 0, plan.output
    text = (folder / "plan.md").read_text(encoding="utf-8")
    assert "Karin Smit" in text and "Team leads North and South" in text
    assert model.phases["prepare"].outputs["run_start"] == "2026-04-29"
    assert model.phases["learn"].skipped_outputs == ["surprises"]           # `-`: skipped
    assert model.phases["decide"].skipped_outputs == ["plan_communication"]
    assert model.phases["prepare"].skipped_outputs == []                    # Enter: left empty
    assert model.phases["prepare"].outputs["briefing_questions"] is None
    assert model.phases["decide"].outputs["plan_risks"] is None
    status = cli("status", "-s", folder)
    assert "· 2 skipped" in status.output, status.output   # surprises, plan_communication
    assert cli("validate", folder).exit_code == 0
