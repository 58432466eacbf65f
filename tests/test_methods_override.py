"""User methods and work forms: the sprint folder and the user config folder override or extend
the built-ins by id, and broken user files get file:line:column errors."""

from __future__ import annotations

import json

from methods_support import SMALL_METHOD, user_methods_dir

from sprintkit.files import library


def flat(text: str) -> str:
    """Messages may wrap at the terminal width; compare with single spaces."""
    return " ".join(text.split())


def _copy_builtin(target_dir, method_id, name_nl, name_en):
    text = (library.BUILTIN_DIR / f"{method_id}.yaml").read_text(encoding="utf-8")
    builtin_nl = "  nl: Strategiesprint\n  en: Strategy sprint\n"
    assert builtin_nl in text
    text = text.replace(builtin_nl, f"  nl: {name_nl}\n  en: {name_en}\n", 1)
    target_dir.mkdir(parents=True, exist_ok=True)
    (target_dir / f"{method_id}.yaml").write_text(text, encoding="utf-8")


def test_user_config_method_overrides_the_builtin(cli, tmp_path):
    _copy_builtin(
        user_methods_dir(), "strategy-sprint", "Onze strategiesprint", "Our strategy sprint"
    )
    res = cli("methods", "show", "strategy-sprint", "--format", "json", cwd=tmp_path)
    data = json.loads(res.stdout)
    assert data["name"]["nl"] == "Onze strategiesprint"
    assert data["source"]["origin"] == "user"
    assert data["source"]["overrides"] == [str(library.BUILTIN_DIR / "strategy-sprint.yaml")]
    listed = json.loads(cli("methods", "list", "--format", "json", cwd=tmp_path).stdout)
    entry = next(m for m in listed if m["id"] == "strategy-sprint")
    assert entry["origin"] == "user"
    assert sum(1 for m in listed if m["id"] == "strategy-sprint") == 1
    assert "gebruiker (vervangt 1)" in cli("methods", "list", cwd=tmp_path).stdout


def test_sprint_folder_method_beats_the_user_one(cli, tmp_path):
    _copy_builtin(user_methods_dir(), "strategy-sprint", "Van de gebruiker", "From the user")
    sprint = tmp_path / "sprint"
    _copy_builtin(sprint / "methods", "strategy-sprint", "Van de sprint", "From the sprint")
    res = cli("methods", "show", "strategy-sprint", "-s", sprint, "--format", "json")
    data = json.loads(res.stdout)
    assert data["name"]["nl"] == "Van de sprint"
    assert data["source"]["origin"] == "sprint"
    assert len(data["source"]["overrides"]) == 2
    # from elsewhere the sprint folder is not searched
    other = json.loads(
        cli("methods", "show", "strategy-sprint", "--format", "json", cwd=tmp_path).stdout
    )
    assert other["name"]["nl"] == "Van de gebruiker"


def test_a_new_user_method_with_its_own_work_form(cli, tmp_path):
    folder = user_methods_dir()
    (folder / "workforms").mkdir(parents=True)
    (folder / "check-in.yaml").write_text(
        SMALL_METHOD.format(id="check-in", name_nl="Check-in", name_en="Check-in").replace(
            "ref: how-might-we", "ref: round-of-names"
        ),
        encoding="utf-8",
    )
    wf = (library.BUILTIN_DIR / "workforms" / "dot-voting.yaml").read_text(encoding="utf-8")
    (folder / "workforms" / "round-of-names.yaml").write_text(
        wf.replace("id: dot-voting", "id: round-of-names"), encoding="utf-8"
    )
    res = cli("methods", "show", "check-in", "--format", "json", cwd=tmp_path)
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["source"]["origin"] == "user" and "round-of-names" in data["workforms"]
    listed = json.loads(cli("workforms", "list", "--format", "json", cwd=tmp_path).stdout)
    assert any(w["id"] == "round-of-names" and w["source"]["origin"] == "user" for w in listed)
    # a sprint can be started with it
    res = cli("new", "check-in", tmp_path / "s", "--title", "Kick-off", "--no-input")
    assert res.exit_code == 0, res.stderr
    assert cli("validate", tmp_path / "s").exit_code == 0


def test_broken_user_method_reports_file_line_column(cli, tmp_path):
    folder = user_methods_dir()
    folder.mkdir(parents=True)
    text = SMALL_METHOD.format(id="broken", name_nl="Kapot", name_en="Broken")
    text = text.replace("    timebox: 1h\n", "    timebox: lots\n    colour: red\n")
    (folder / "broken.yaml").write_text(text, encoding="utf-8")
    lines = text.splitlines()
    timebox_line = next(i for i, line in enumerate(lines, 1) if "timebox: lots" in line)
    res = cli("methods", "show", "broken", cwd=tmp_path)
    assert res.exit_code == 1
    err = flat(res.stderr)
    assert f"broken.yaml:{timebox_line}:14: phases[0].timebox:" in err
    assert "is geen duur" in err
    assert f"broken.yaml:{timebox_line + 1}:5: phases[0].colour: onbekende sleutel 'colour'" in err
    assert "Traceback" not in res.output
    # the listing still shows the good methods, reports the broken file, and fails
    res = cli("methods", "list", cwd=tmp_path)
    assert res.exit_code == 1
    assert "strategy-sprint" in res.stdout and "broken" not in res.stdout
    assert f"broken.yaml:{timebox_line}:14" in flat(res.stderr)
    assert "1 methodebestand kon niet worden geladen en is weggelaten" in flat(res.stderr)


def test_user_method_with_unknown_work_form_is_located(cli, tmp_path):
    folder = user_methods_dir()
    folder.mkdir(parents=True)
    text = SMALL_METHOD.format(id="typo", name_nl="Typo", name_en="Typo").replace(
        "ref: how-might-we", "ref: how-might-wee"
    )
    (folder / "typo.yaml").write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "how-might-wee" in row)
    res = cli("methods", "show", "typo", cwd=tmp_path)
    assert res.exit_code == 1
    err = flat(res.stderr)
    assert f"typo.yaml:{line}:9: phases[0].workforms[0]: onbekende werkvorm 'how-might-wee'" in err
    assert "bedoel je 'how-might-we'" in err


def test_user_method_whose_id_differs_from_its_file_name(cli, tmp_path):
    folder = user_methods_dir()
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text(
        SMALL_METHOD.format(id="other", name_nl="X", name_en="X"), encoding="utf-8"
    )
    res = cli("methods", "show", "mine", cwd=tmp_path)
    assert res.exit_code == 1
    assert "mine.yaml:2:5: id: de id 'other' past niet bij de bestandsnaam 'mine.yaml'" in flat(
        res.stderr
    )
