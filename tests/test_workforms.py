"""`sprintkit workforms list|show`, and user work forms overriding built-ins."""

from __future__ import annotations

import json

from methods_support import user_methods_dir

from sprintkit.files import library


def test_workforms_list(cli, tmp_path):
    res = cli("workforms", "list", cwd=tmp_path)
    assert res.exit_code == 0, res.stderr
    assert "crazy-8s" in res.stdout and "Stemmen met stippen" in res.stdout
    data = json.loads(cli("workforms", "list", "--format", "json", cwd=tmp_path).stdout)
    assert len(data) >= 25
    card = next(w for w in data if w["id"] == "test-card")
    assert card["mode"] == "converge" and card["name"]["en"] == "Test card"


def test_workforms_show_text_and_json(cli, tmp_path):
    res = cli("workforms", "show", "assumption-map", "--lang", "en", cwd=tmp_path)
    assert res.exit_code == 0, res.stderr
    assert "Assumption map" in res.stdout and "How it works" in res.stdout
    assert "experiment-sprint" in res.stdout  # used in
    data = json.loads(
        cli("workforms", "show", "how-might-we", "--format", "json", cwd=tmp_path).stdout
    )
    assert data["timebox"] == "30m"
    assert {"strategy-sprint", "innovation-sprint", "co-creation"} <= set(data["used_by"])


def test_unknown_work_form(cli, tmp_path):
    res = cli("workforms", "show", "crazy8", cwd=tmp_path)
    assert res.exit_code == 1
    assert "bedoel je 'crazy-8s'" in res.stderr


def test_user_work_form_overrides_builtin_everywhere(cli, tmp_path):
    folder = user_methods_dir() / "workforms"
    folder.mkdir(parents=True)
    text = (library.BUILTIN_DIR / "workforms" / "crazy-8s.yaml").read_text(encoding="utf-8")
    (folder / "crazy-8s.yaml").write_text(
        text.replace("timebox: 10m", "timebox: 12m"), encoding="utf-8"
    )
    data = json.loads(cli("workforms", "show", "crazy-8s", "--format", "json", cwd=tmp_path).stdout)
    assert data["timebox"] == "12m" and data["source"]["origin"] == "user"
    method = json.loads(
        cli("methods", "show", "co-creation", "--format", "json", cwd=tmp_path).stdout
    )
    assert method["workforms"]["crazy-8s"]["timebox"] == "12m"


def test_broken_user_work_form_is_reported(cli, tmp_path):
    folder = user_methods_dir() / "workforms"
    folder.mkdir(parents=True)
    (folder / "odd.yaml").write_text("id: odd\nname: Odd\nmode: sideways\n", encoding="utf-8")
    res = cli("workforms", "list", cwd=tmp_path)
    assert res.exit_code == 1
    assert "odd.yaml:3:7: mode: ongeldige waarde 'sideways'" in res.stderr
    assert "crazy-8s" in res.stdout
