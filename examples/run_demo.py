"""Run the worked examples end to end with the real sprintkit command line (`make demo`).

    python examples/run_demo.py --out demo-output [--no-pdf]

What it does, in order (see ``build_steps``; the steps of a stage run side by side):

1. copies the example folders to OUT/work/, so the committed examples stay untouched;
2. validates every sprint and the Intervence programme;
3. replays each ``answers.yaml`` unattended into a new sprint (``new`` + ``run --answers FILE
   --no-input``) and validates the result, as CI would;
4. shows where things stand: ``status`` of every sprint, the Intervence ``programme status``
   and ``programme lineage``, and the Flevoland team, indicators, actions and ``board``;
5. computes the verdicts of every sprint with hypotheses (saved as JSON; the experiment
   sprints' tables are printed);
6. imports the Foodvalley stories, prints the summary and the shifts, writes the dashboard;
7. writes every sprint's end-presentation report, the plans, the Intervence programme's one
   report and one implementation plan, and the Zuid-Limburg declaration of intent, as .docx,
   and the slides of the Intervence programme and of its last experiment sprint as .pptx;
   each also as .pdf when LibreOffice is installed;
8. runs a short live session (`sprintkit serve`) on another copy of the Zuid-Limburg
   co-creation sprint: six scripted phones join with the code, add sticky notes, dot-vote and
   score solutions; the facilitator closes the session, Ctrl-C stops the server; it prints
   what landed in that copy's sprint.yaml;
9. prints a table of every file written.

Nothing is written outside OUT: sprintkit runs with HOME, the XDG folders and TMPDIR pointed
into OUT/home and OUT/tmp (so your own methods, templates and key files are neither used nor
touched). Running it again gives the same files: OUT/work and OUT/documents are made afresh.
Every step is a `python -m sprintkit …` command, printed as it runs, so you can repeat it by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import textwrap
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent
FOLDERS = ("intervence", "flevoland-acceleration", "foodvalley-stories",
           "nji-trial-implementation", "zuid-limburg-co-creation")
INTERVENCE = ("strategie", "innovatie-regie", "innovatie-veiligheid", "experiment-regieplan",
              "experiment-veiligheid", "experiment-werkwijze")
MARKER = ".sprintkit-demo"
COPY_IGNORE = shutil.ignore_patterns(".sprintkit", "reports", "stories.db*", "*.lock",
                                     "__pycache__")
# The dashboard says when it was made; dating it like the sprint keeps the demo reproducible.
FOODVALLEY_END = dt.datetime(2025, 12, 19, tzinfo=dt.timezone.utc)
# What is overdue on the Flevoland board is judged on the day of its last review, not today.
FLEVOLAND_REVIEW = "2023-04-14"
PDF_MISSING = ("LibreOffice was not found, so no PDF files were written (the .docx files are "
               "complete). Install it for PDFs: sudo apt-get install libreoffice-writer "
               "python3-uno, or brew install --cask libreoffice.")


@dataclass
class Step:
    """One sprintkit command. ``document`` steps are repeated as PDF when LibreOffice exists."""

    title: str
    args: list[str]
    show: bool = False
    stdout_to: Path | None = None
    document: bool = False
    env: dict[str, str] = field(default_factory=dict)
    kind: str = "docx"
    """The format of a ``document`` step besides PDF: docx, or pptx for slides."""


@dataclass
class Stage:
    """Steps that do not depend on each other run side by side; stages run in order."""

    title: str
    steps: list[Step]


def build_steps(work: Path, docs: Path) -> list[Stage]:
    """The demo, in order: stages of sprintkit command lines."""
    iv = work / "intervence"
    fl = work / "flevoland-acceleration"
    fv = work / "foodvalley-stories"
    nji = work / "nji-trial-implementation"
    zl = work / "zuid-limburg-co-creation"
    intervence = [iv / s for s in INTERVENCE]
    wr = iv / "experiment-regieplan"  # one sprint's slides besides the programme's
    sprints = [*intervence, fl, fv, nji, zl]
    with_hypotheses = [*intervence[1:], nji]  # the strategy sprint has none
    replays = [(src, work / "replay" / src.name, *_method_and_language(src))
               for src in sprints if (src / "answers.yaml").is_file()]
    epoch = str(int(FOODVALLEY_END.timestamp()))
    fv_docs = _doc_dir(docs, fv, work)
    return [
        Stage("Validate", [
            Step("Validate every sprint and the Intervence programme",
                 ["validate", str(iv), *map(str, sprints)]),
        ]),
        Stage("Replay the walkthroughs: new sprints", [
            Step(f"New sprint for the replay of {src.name}",
                 ["new", method, str(dest), "--title", f"Replay {src.name}", "--lang", lang,
                  "--no-input"])
            for src, dest, method, lang in replays
        ]),
        Stage("Replay the walkthroughs: answers files", [
            Step(f"Unattended walkthrough of {dest.name} from {src.name}/answers.yaml",
                 ["run", "-s", str(dest), "--answers", str(src / "answers.yaml"),
                  "--no-input"])
            for src, dest, _, _ in replays
        ]),
        Stage("Where things stand", [
            Step("Validate the replayed sprints", ["validate", *(str(r[1]) for r in replays)]),
            *(Step(f"Status: {s.name}", ["status", "-s", str(s)], show=s in (fl, nji))
              for s in sprints),
            Step("Intervence: the chain", ["programme", "status", "-p", str(iv)], show=True),
            Step("Intervence: how hypotheses carried on", ["programme", "lineage", "-p", str(iv)],
                 show=True),
            Step("Flevoland: the team", ["team", "list", "-s", str(fl)], show=True),
            Step("Flevoland: outcomes against the baseline", ["indicator", "list", "-s", str(fl)],
                 show=True),
            Step("Flevoland: actions", ["action", "list", "-s", str(fl), "--format", "json",
                                         "--as-of", FLEVOLAND_REVIEW],
                 stdout_to=_doc_dir(docs, fl, work) / "flevoland-acceleration-actions.json"),
            Step("Flevoland: the board on the day of the last review",
                 ["board", "-s", str(fl), "--as-of", FLEVOLAND_REVIEW], show=True),
        ]),
        Stage("Verdicts", [
            *(Step(f"Verdicts: {s.name}", ["verdict", "-s", str(s)], show=True)
              for s in with_hypotheses if s.name.startswith("experiment-")),
            *(Step(f"Verdicts as JSON: {s.name}", ["verdict", "-s", str(s), "--format", "json"],
                   stdout_to=_doc_dir(docs, s, work) / f"{s.name}-verdicts.json")
              for s in with_hypotheses),
        ]),
        Stage("Stories", [
            Step("Foodvalley: import the fictional stories",
                 ["stories", "import", str(fv / "verhalen.csv"), "-s", str(fv)]),
        ]),
        Stage("Story insight", [
            Step("Foodvalley: summary by period", ["stories", "summary", "-s", str(fv)],
                 show=True),
            Step("Foodvalley: shifts from 2025-H1 to 2025-H2",
                 ["stories", "shifts", "-s", str(fv), "--from", "2025-H1", "--to", "2025-H2"],
                 show=True),
            Step("Foodvalley: dashboard (dated like the sprint)",
                 ["stories", "dashboard", "-s", str(fv), "--out",
                  str(fv_docs / "foodvalley-stories-dashboard.html")],
                 env={"SOURCE_DATE_EPOCH": epoch}),
        ]),
        Stage("Documents", [
            *(Step(f"Report: {s.name}",
                   ["report", "-s", str(s), "-o", f"{_doc_dir(docs, s, work)}/"], document=True)
              for s in sprints),
            *(Step(f"Plan: {s.name}",
                   ["plan", "-s", str(s), "-o", f"{_doc_dir(docs, s, work)}/"], document=True)
              for s in (fl, nji, zl)),
            Step(f"Declaration of intent: {zl.name}",
                 ["render", "intent", "-s", str(zl), "-o", f"{_doc_dir(docs, zl, work)}/"],
                 document=True),
            Step("Intervence: one end report across the programme",
                 ["programme", "report", "-p", str(iv), "-o", f"{_doc_dir(docs, iv, work)}/"],
                 document=True),
            Step("Intervence: one implementation plan across the programme",
                 ["programme", "plan", "-p", str(iv), "-o", f"{_doc_dir(docs, iv, work)}/"],
                 document=True),
            Step("Intervence: the end presentation of the programme (slides)",
                 ["slides", "-p", str(iv), "-o", f"{_doc_dir(docs, iv, work)}/"],
                 document=True, kind="pptx"),
            Step(f"Slides: {wr.name}",
                 ["slides", "-s", str(wr), "-o", f"{_doc_dir(docs, wr, work)}/"],
                 document=True, kind="pptx"),
        ]),
    ]


def _method_and_language(sprint: Path) -> tuple[str, str]:
    """The method id and language of the sprint whose walkthrough is replayed."""
    import yaml

    data = yaml.safe_load((sprint / "sprint.yaml").read_text(encoding="utf-8"))
    return str(data["method"]), str(data.get("language", "nl"))


def _doc_dir(docs: Path, sprint: Path, work: Path) -> Path:
    """Documents of OUT/work/<example>[/<sprint>] go to OUT/documents/<example>/."""
    return docs / sprint.relative_to(work).parts[0]


class DemoFailed(Exception):
    pass


def prepare(out: Path) -> tuple[Path, Path, dict[str, str]]:
    """Make OUT/work (fresh copies of the examples) and OUT/documents (empty), and the
    environment that keeps sprintkit inside OUT."""
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise DemoFailed(f"{out} exists and was not made by this demo; give an empty or new "
                         "folder with --out")
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("Written by examples/run_demo.py; safe to delete.\n",
                              encoding="utf-8")
    work, docs = out / "work", out / "documents"
    for folder in (work, docs, out / "tmp"):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    for name in FOLDERS:
        shutil.copytree(EXAMPLES / name, work / name, ignore=COPY_IGNORE)
        (docs / name).mkdir()
    home = out / "home"
    env = dict(os.environ)
    env.update({
        "HOME": str(home), "USERPROFILE": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CACHE_HOME": str(home / ".cache"), "XDG_STATE_HOME": str(home / ".local/state"),
        "APPDATA": str(home / "AppData/Roaming"),
        "LOCALAPPDATA": str(home / "AppData/Local"), "TMPDIR": str(out / "tmp"),
        "TEMP": str(out / "tmp"), "TMP": str(out / "tmp"), "PYTHONDONTWRITEBYTECODE": "1",
        "NO_COLOR": "1", "COLUMNS": env.get("COLUMNS", "100"),
    })
    env.pop("SOURCE_DATE_EPOCH", None)
    home.mkdir(exist_ok=True)
    return work, docs, env


def sprintkit(args: Sequence[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sprintkit", *args], env=env, text=True,
                          capture_output=True, stdin=subprocess.DEVNULL, check=False)


def _shown(args: Sequence[str], out: Path) -> str:
    """The command as a person would type it in OUT, wrapped at 100 columns."""
    words = [f"'{a}'" if " " in a else a for a in args]
    text = " ".join(words).replace(f"{out}{os.sep}", "").replace(str(out), ".")
    return " \\\n            ".join(textwrap.wrap(text, 76, break_long_words=False,
                                                  break_on_hyphens=False))


@dataclass
class Outcome:
    step: Step
    seconds: float
    lines: list[str]
    notes: list[str]
    error: str | None = None


def run_step(step: Step, env: dict[str, str], pdf: bool) -> Outcome:
    """Run one step (and its PDF twin); nothing is printed here, so steps can run side by side."""
    started = time.monotonic()
    lines: list[str] = []
    notes: list[str] = []
    formats = ([step.kind, "pdf"] if pdf else [step.kind]) if step.document else [""]
    for fmt in formats:
        args = [*step.args, "-f", fmt] if fmt else list(step.args)
        proc = sprintkit(args, {**env, **step.env})
        said = " ".join(proc.stderr.split())  # in the sprint's language, nl or en
        if proc.returncode != 0 and fmt == "pdf" and "LibreOffice" in said \
                and ("not found" in said or "niet gevonden" in said or "Impress" in said):
            notes.append(PDF_MISSING)
            continue
        if proc.returncode != 0:
            error = (f"exit {proc.returncode}:\n  $ python -m sprintkit {' '.join(args)}\n"
                     f"{proc.stderr}")
            return Outcome(step, time.monotonic() - started, lines, notes, error)
        if step.stdout_to is not None:
            step.stdout_to.parent.mkdir(parents=True, exist_ok=True)
            step.stdout_to.write_text(proc.stdout, encoding="utf-8")
        if step.show:
            lines.extend(proc.stdout.rstrip().splitlines())
    return Outcome(step, time.monotonic() - started, lines, notes)


def run(stages: list[Stage], env: dict[str, str], out: Path, pdf: bool, jobs: int
        ) -> list[str]:
    """Run the stages in order, the steps of a stage side by side, and print every step in
    its place in the list; stop after the first stage with a failure. Returns notes."""
    notes: list[str] = []
    total = sum(len(stage.steps) for stage in stages)
    number = 0
    for stage in stages:
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            outcomes = list(pool.map(partial(run_step, env=env, pdf=pdf), stage.steps))
        failed = []
        for outcome in outcomes:
            number += 1
            print(f"[{number:2}/{total}] {outcome.step.title}")
            print(f"        $ sprintkit {_shown(outcome.step.args, out)}")
            for line in outcome.lines:
                print(f"        {line}".rstrip())
            if outcome.error:
                failed.append(f"step {number} ({outcome.step.title}) failed with {outcome.error}")
                print("        FAILED")
                continue
            for note in outcome.notes:
                print(f"        note: {note}")
                if note not in notes:
                    notes.append(note)
            print(f"        ok ({outcome.seconds:.1f} s)")
        if failed:
            raise DemoFailed("\n".join(failed))
        if PDF_MISSING in notes:
            pdf = False
    if not pdf and not notes:
        notes.append("PDF files were skipped (--no-pdf).")
    return notes


LIVE_PHONES = 6


def live_session(work: Path, env: dict[str, str]) -> None:
    """A short scripted live session on its own copy of the co-creation example (the reports
    above are made from the untouched copy): `sprintkit serve` in a child process, six phones
    as plain HTTP clients (urllib: the forms work without JavaScript), then Ctrl-C."""
    import re
    import signal
    import socket
    import urllib.request
    from http.cookiejar import CookieJar
    from urllib.parse import urlencode

    import yaml

    folder = work / "live" / "zuid-limburg-co-creation"
    shutil.copytree(EXAMPLES / "zuid-limburg-co-creation", folder, ignore=COPY_IGNORE)
    before = yaml.safe_load((folder / "sprint.yaml").read_text(encoding="utf-8"))["phases"]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    args = ["serve", "-s", str(folder), "--port", str(port)]
    print(f"\nLive session: {folder.relative_to(work.parent)}")
    shown = ["serve", "-s", str(folder.relative_to(work.parent)), *args[3:]]
    print(f"        $ sprintkit {' '.join(shown)}")
    proc = subprocess.Popen([sys.executable, "-m", "sprintkit", *args], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    said = ""
    try:
        assert proc.stdout is not None
        while "Facilitator" not in said:
            line = proc.stdout.readline()
            if not line:
                raise DemoFailed("sprintkit serve stopped: " + (proc.stderr.read() if
                                                               proc.stderr else ""))
            said += line
        code = re.search(r"code ([A-Z0-9]{3}-[A-Z0-9]{3})", said)
        fac = re.search(r"(http://127\.0\.0\.1:\d+/f/[\w-]+)", said)
        join = re.search(r"(http://127\.0\.0\.1:\d+/j/[\w-]+)", said)
        if code is None or fac is None or join is None:
            raise DemoFailed("sprintkit serve did not print its addresses")
        base = f"http://127.0.0.1:{port}"
        print(f"        {said.splitlines()[2]}")

        def client() -> urllib.request.OpenerDirector:
            return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()),
                                               urllib.request.ProxyHandler({}))

        def post(opener: urllib.request.OpenerDirector, url: str, **data: str) -> str:
            with opener.open(url, data=urlencode(data).encode(), timeout=60) as answer:
                return str(answer.read().decode("utf-8"))

        def get(opener: urllib.request.OpenerDirector, url: str) -> str:
            with opener.open(url, timeout=60) as answer:
                return str(answer.read().decode("utf-8"))

        def activity(page: str) -> str:
            found = re.search(r'name="activity" value="(\d+)"', page)
            if found is None:
                raise DemoFailed("no open activity on the phone's page")
            return found.group(1)

        facilitator = client()
        phones = [client() for _ in range(LIVE_PHONES)]
        for n, phone in enumerate(phones):
            post(phone, base + "/code", code=code.group(1))  # then the join page
            post(phone, join.group(1), organisation="Pleegzorg Zuid" if n == 0 else "")
        post(facilitator, fac.group(1) + "/open", target="notes:pain-points:pain_points")
        new_notes = ["Jongeren wachten op een plek in de crisisopvang",
                     "Geen vast aanspreekpunt na de zomervakantie"]
        for phone, text in zip(phones, new_notes, strict=False):
            post(phone, base + "/p/note", activity=activity(get(phone, base + "/p")), text=text)
        post(facilitator, fac.group(1) + "/open", target="vote:prioritise:pain_point_votes")
        for n, phone in enumerate(phones):
            page = get(phone, base + "/p")
            post(phone, base + "/p/vote", activity=activity(page),
                 **{f"d{9 + n % 2}": "2", f"d{n % 9}": "1"})
        post(facilitator, fac.group(1) + "/open", target="score:solutions:solution_scores")
        for n, phone in enumerate(phones):
            post(phone, base + "/p/score", activity=activity(get(phone, base + "/p")),
                 i6=str(3 + n % 3), e6=str(1 + n % 2))
        post(facilitator, fac.group(1) + "/end")
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    stopped = proc.stderr.read() if proc.stderr else ""
    for pipe in (proc.stdout, proc.stderr):
        if pipe is not None:
            pipe.close()
    if proc.returncode != 0:
        raise DemoFailed(f"sprintkit serve ended with exit {proc.returncode}: {stopped}")
    for line in stopped.strip().splitlines():
        print(f"        {line}")
    after = yaml.safe_load((folder / "sprint.yaml").read_text(encoding="utf-8"))["phases"]
    print("        What landed in sprint.yaml:")
    added = [i for i in after["pain-points"]["outputs"]["pain_points"]
             if i not in before["pain-points"]["outputs"]["pain_points"]]
    for item in added:
        print(f"          pain-points.pain_points  + {item}")
    votes_then = before["prioritise"]["outputs"]["pain_point_votes"]
    for item, n in after["prioritise"]["outputs"]["pain_point_votes"].items():
        if n != votes_then.get(item, 0):
            print(f"          prioritise.pain_point_votes  {item}: {votes_then.get(item, 0)} → {n}")
    scores_then = before["solutions"]["outputs"]["solution_scores"]
    for item, pair in after["solutions"]["outputs"]["solution_scores"].items():
        if pair != scores_then.get(item):
            old = scores_then.get(item, {})
            print(f"          solutions.solution_scores  {item}: impact {old.get('impact')} → "
                  f"{pair['impact']}, effort {old.get('effort')} → {pair['effort']}")
    print("        ok")


def written(out: Path) -> list[tuple[str, int]]:
    """Every document and the story database, relative to OUT, with sizes."""
    files = sorted(p for p in (out / "documents").rglob("*") if p.is_file())
    files += sorted((out / "work").rglob("stories.db"))
    return [(str(p.relative_to(out)), p.stat().st_size) for p in files]


def _size(n: int) -> str:
    return f"{n / 1024:.0f} kB" if n >= 1024 else f"{n} B"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the sprintkit examples end to end.")
    parser.add_argument("--out", type=Path, default=Path("demo-output"),
                        help="folder for everything the demo writes (default: demo-output)")
    parser.add_argument("--no-pdf", action="store_true", help="write .docx only")
    parser.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1,
                        help="steps of a stage to run side by side (default: the CPU count)")
    options = parser.parse_args(argv)
    out = options.out.resolve()
    try:
        work, docs, env = prepare(out)
        print(f"sprintkit demo: examples copied to {work}\n")
        notes = run(build_steps(work, docs), env, out, pdf=not options.no_pdf,
                    jobs=options.jobs)
        live_session(work, env)
    except DemoFailed as exc:
        print(f"\ndemo failed: {exc}", file=sys.stderr)
        return 1
    files = written(out)
    width = max(len(name) for name, _ in files)
    print(f"\nWritten to {out}:\n")
    print(f"  {'file'.ljust(width)}  {'size':>7}")
    for name, size in files:
        print(f"  {name.ljust(width)}  {_size(size):>7}")
    for note in notes:
        print(f"\nNote: {note}")
    print(f"\n{len(files)} files. The example copies the demo ran on are in {work}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
