"""A million stories: `stories import` and `stories export` in bounded memory (issue 21).

Peak memory is held to 300 MiB; time to 1.5× the reference — the import and export as they were
before they streamed (commit ``REFERENCE``: the whole file read, every story kept until the
insert, the whole export built in memory), measured in the same run. The reference is that
commit's ``sprintkit/`` taken with ``git archive`` and run with the same Python and packages
(``PYTHONPATH``), from a folder outside the repository so the installed sprintkit does not
shadow it. Without git (an installed copy) the reference is skipped.

The fixture takes a few minutes to make (``stories sample --count 1000000``), and each command
one to several minutes: SPRINTKIT_BENCH_STORIES sets a smaller count for a first look (the
targets are meant for 1,000,000)."""

import os
import shutil
import subprocess
import tarfile
import tempfile

from harness import REPO, Case, Command, SetupFailed, Target, Workspace

ORDER = 41
REFERENCE = "888882e"
"""main just before the import and export streamed."""
COUNT = int(os.environ.get("SPRINTKIT_BENCH_STORIES", "1000000"))


def _unavailable() -> str:
    """Why the reference cannot be had ("" when it can)."""
    if shutil.which("git") is None or not (REPO / ".git").exists():
        return "git or the repository's history is not available"
    proc = subprocess.run(["git", "-C", str(REPO), "cat-file", "-e", f"{REFERENCE}^{{commit}}"],
                          capture_output=True, text=True)
    return f"commit {REFERENCE} is not in this repository" if proc.returncode else ""


def _reference(into) -> str:
    """Unpack the reference's ``sprintkit/`` into ``into``; a reason when that cannot be done."""
    with tempfile.TemporaryDirectory() as scratch:
        archive = f"{scratch}/reference.tar"
        proc = subprocess.run(["git", "-C", str(REPO), "archive", "-o", archive, REFERENCE,
                               "sprintkit"], capture_output=True, text=True)
        if proc.returncode != 0:
            return f"git archive {REFERENCE} failed: {proc.stderr.strip()[:200]}"
        into.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive) as tar:
            tar.extractall(into, filter="data")
    return ""


def cases(ws: Workspace) -> list[Case]:
    base = ws.root / "million"
    empty, imported = base / "empty", base / "imported"
    target, ref_target = base / "import-target", base / "import-reference"
    csv, out, ref_out = base / "stories.csv", base / "export.csv", base / "export-reference.csv"
    ref_code = base / "reference"
    label = f"{COUNT:,}"
    imp, ref_imp = (f"sprintkit stories import ({label})",
                    f"reference {REFERENCE} stories import ({label})")
    exp, ref_exp = (f"sprintkit stories export --out ({label})",
                    f"reference {REFERENCE} stories export --out ({label})")
    skipped: dict[str, str] = {}
    reason = _unavailable()
    if reason:
        skipped = {ref_imp: reason, ref_exp: reason}
    ref_env = {"PYTHONPATH": str(ref_code), "PYTHONSAFEPATH": "1"}

    def setup() -> None:
        base.mkdir(exist_ok=True)
        if not reason and not ref_code.is_dir():
            failed = _reference(ref_code)
            if failed:
                raise SetupFailed(["git", "archive", REFERENCE], failed)
        if not (empty / "sprint.yaml").is_file():
            ws.run(ws.sprintkit("new", "story-cycle", empty, "--title", "Verhalen (benchmark)",
                                "--org", "Regio", "--no-input"))
        if not csv.is_file():
            ws.run(ws.sprintkit("stories", "sample", "-s", empty, "--count", str(COUNT),
                                "--periods", "4", "--out", csv, "--force"))
        if not imported.is_dir():
            shutil.copytree(empty, imported)
            ws.run(ws.sprintkit("stories", "import", csv, "-s", imported))

    def fresh(folder):
        def make() -> None:
            shutil.rmtree(folder, ignore_errors=True)
            shutil.copytree(empty, folder)
        return make

    commands = [
        Command(imp, ws.sprintkit("stories", "import", csv, "-s", target), before=fresh(target)),
        Command(exp, ws.sprintkit("stories", "export", "-s", imported, "--out", out, "--force")),
    ]
    if not reason:
        commands[1:1] = [Command(ref_imp, ws.python("-m", "sprintkit", "stories", "import", csv,
                                                    "-s", ref_target),
                                 cwd=base, env=ref_env, before=fresh(ref_target))]
        commands.append(Command(ref_exp, ws.python("-m", "sprintkit", "stories", "export", "-s",
                                                   imported, "--out", ref_out, "--force"),
                                cwd=base, env=ref_env))
    return [Case(
        name="stories-million",
        commands=commands,
        targets=[
            Target(imp, "300 MiB", 1.0, "issue 21", metric="peak", absolute=300),
            Target(exp, "300 MiB", 1.0, "issue 21", metric="peak", absolute=300),
            Target(imp, ref_imp, 1.5, "issue 21"),
            Target(exp, ref_exp, 1.5, "issue 21"),
        ],
        setup=setup, skipped=skipped, runs=3, warmup=0,
        notes=[f"{label} fictional stories from `sprintkit stories sample` (about 200 MB of CSV "
               f"for a million), four half-years; the reference is commit {REFERENCE}"],
    )]
