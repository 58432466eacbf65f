"""A big group's dot vote in the real walkthrough, in a pseudo-terminal: totals typed per item
and by number, a pasted column (a wrong one refused whole, one without its last newline taken
at once, a short one completed by the next line), the group's bound, the running tally, and
what is saved."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from run_support import interrupt, spawn

from sprintkit.files.sprintfile import load_sprint

pexpect = pytest.importorskip("pexpect")

pytestmark = [pytest.mark.pty, pytest.mark.slow]

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "zuid-limburg-co-creation"


def _without_votes(tmp_path: Path) -> Path:
    folder = tmp_path / "z"
    shutil.copytree(EXAMPLE, folder)
    path = folder / "sprint.yaml"
    text = re.sub(r"      pain_point_votes:\n(        .*\n)+", "",
                  path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    return folder


def _to_totals(child) -> None:
    child.expect("Nummer, of Enter voor nee")      # no timer
    child.sendline("")
    child.expect("1/3 Stemmen met stippen op de knelpunten")
    child.expect(r"Nummer \[1\]")
    child.sendline("2")                            # totals per item
    child.expect("45 deelnemers × 3 stippen: hoogstens 135 stippen")


def test_totals_typed_and_a_pasted_column_are_tallied_and_saved(tmp_path):
    folder = _without_votes(tmp_path)
    child = spawn(["run", "-s", str(folder), "--phase", "prioritise"], tmp_path,
                  tmp_path / "home")
    _to_totals(child)
    child.expect("1. Lange wachtlijsten voor specialistische jeugdhulp — stippen:")
    child.sendline("20")
    child.expect("2. Gezinnen moeten hun verhaal steeds opnieuw vertellen — stippen:")
    child.sendline("3=5 Jongeren worden =2")
    child.expect("Stand")
    child.expect(r"3\s+Jongeren worden niet betrokken")
    child.expect("27 van hoogstens 135 stippen")
    child.expect("2. Gezinnen moeten hun verhaal")   # still the first item without a total
    child.send("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n")     # a column of ten for nine items
    child.expect("de geplakte kolom heeft 10 getallen, maar er zijn 9 punten; er is niets")
    child.expect("2. Gezinnen moeten hun verhaal")
    child.send("28\n22\n18\n17\n12\n11\n9\n6\n3")       # copied without its last newline:
    child.expect("9 getallen geplakt")                # taken whole at once, no prompt again
    assert child.before.endswith("\n6\r\n3\r\n")       # the last number, then no prompt
    child.expect("126 van hoogstens 135 stippen")
    child.expect("nummer=aantal, of Enter om af te ronden")
    child.send("29\n22\n18\n17\n12\n11\n9\n6\n")      # a column that comes short …
    child.expect("nummer=aantal, of Enter om af te ronden")
    child.sendline("2")                                # … is completed by the next line
    child.expect("9 getallen geplakt")
    child.expect("126 van hoogstens 135 stippen")
    child.expect("nummer=aantal, of Enter om af te ronden")
    child.sendline("1=100")
    child.expect("dan zijn er 197 stippen, meer dan de 135")
    child.expect("nummer=aantal, of Enter om af te ronden")
    child.sendline("")
    child.expect("Uitslag")
    child.expect("2/3 Welke knelpunten pakken we aan")
    interrupt(child)
    child.close()
    votes = load_sprint(folder).model.phases["prioritise"].outputs["pain_point_votes"]
    assert list(votes.values()) == [29, 22, 18, 17, 12, 11, 9, 6, 2]
    assert next(iter(votes)) == "Lange wachtlijsten voor specialistische jeugdhulp"
    text = (folder / "sprint.yaml").read_text(encoding="utf-8")
    assert "  # 3. Knelpunten prioriteren (1h30m, dag 2)" in text


def test_without_a_participants_answer_it_is_asked_once(tmp_path):
    folder = _without_votes(tmp_path)
    path = folder / "sprint.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("      participants: 45\n", ""),
                    encoding="utf-8")
    child = spawn(["run", "-s", str(folder), "--phase", "prioritise"], tmp_path,
                  tmp_path / "home")
    child.expect("Nummer, of Enter voor nee")
    child.sendline("")
    child.expect(r"Nummer \[1\]")
    child.sendline("2")
    child.expect("Hoeveel deelnemers stemden")
    child.sendline("2")
    child.expect("2 deelnemers × 3 stippen: hoogstens 6 stippen")
    child.expect("stippen:")
    child.sendline("7")
    child.expect("dan zijn er 7 stippen, meer dan de 6")
    child.sendline("4")
    child.expect("4 van hoogstens 6 stippen")
    child.sendline("")
    child.expect("2/3 Welke knelpunten pakken we aan")
    interrupt(child)
    child.close()
    votes = load_sprint(folder).model.phases["prioritise"].outputs["pain_point_votes"]
    assert votes["Lange wachtlijsten voor specialistische jeugdhulp"] == 4
    assert sum(votes.values()) == 4


def test_per_participant_entry_still_works(tmp_path):
    folder = _without_votes(tmp_path)
    child = spawn(["run", "-s", str(folder), "--phase", "prioritise"], tmp_path,
                  tmp_path / "home")
    child.expect("Nummer, of Enter voor nee")
    child.sendline("")
    child.expect(r"Nummer \[1\]")
    child.sendline("")                             # 1) per participant
    child.expect("Deelnemer 1: nummers van de gekozen punten, hoogstens 3")
    child.sendline("1 2 9")
    child.expect("Deelnemer 2")
    child.sendline("1 1 1 1")                      # over the dots each: asked again
    child.expect("deelnemer 2 gaf 4 stippen")
    child.expect("Deelnemer 2")
    child.sendline("9")
    child.expect("Deelnemer 3")
    child.sendline("")
    child.expect("Uitslag")
    child.expect("2/3 Welke knelpunten pakken we aan")
    interrupt(child)
    child.close()
    votes = load_sprint(folder).model.phases["prioritise"].outputs["pain_point_votes"]
    assert next(iter(votes.items())) == (
        "Jongeren worden niet betrokken bij beslissingen over hun zorg", 2)
    assert sum(votes.values()) == 4
