"""Terminal views of the stories features: summary tables with bars, shifts, hard data, and the
story point prompts of ``sprintkit stories add``. Story text is never printed here."""

from __future__ import annotations

from typing import Any

from sprintkit.engine.storywords import words
from sprintkit.i18n import numbers
from sprintkit.ui import console

BAR_WIDTH = 12
_BLOCKS = " ▏▎▍▌▋▊▉█"


def bar(share: float | None, width: int = BAR_WIDTH) -> str:
    """A horizontal bar of ``width`` characters for a share between 0 and 1."""
    if share is None:
        return ""
    eighths = round(max(0.0, min(1.0, share)) * width * 8)
    full, rest = divmod(eighths, 8)
    return ("█" * full + (_BLOCKS[rest] if rest else "")).ljust(width)


def pct(share: float | None, lang: str = "en") -> str:
    return numbers.percent(share, lang, 0, missing="")


def _num(value: float | None, lang: str = "en", digits: int = 2) -> str:
    return numbers.number(value, lang, digits, trim=False, missing="")


def _parts(shares: list[float], lang: str) -> str:
    return "/".join(numbers.number(x * 100, lang, 0) for x in shares)


# --- summary -------------------------------------------------------------------------------


def print_summary(result: dict[str, Any]) -> None:
    lang = result.get("language", "nl")
    w = words(lang)
    out = console.out()
    groups = result["groups"]
    many = len(groups) > 3
    total = result["total_stories"]
    out.print(f"{'*' if total is None else total} {w['stories']}"
              + (f" · {w['period']} {result['filters']['period']}"
                 if result["filters"]["period"] else "")
              + (f" · {w['perspective']} {result['filters']['perspective']}"
                 if result["filters"]["perspective"] else ""), markup=False)
    for sig in result["signifiers"]:
        _print_signifier(sig, groups, many, w, lang)
    print_hard_data(result.get("hard_data"), lang)
    out.print(w["privacy_note"].format(min_cell=result["min_cell"]), style="dim", markup=False)


def _print_signifier(sig: dict[str, Any], groups: list[dict[str, Any]], many: bool,
                     w: dict[str, str], lang: str) -> None:
    """One signifier's table: its answers down, a column per group; in parts when the groups
    do not fit side by side."""
    from rich.table import Table

    from sprintkit.ui.storytables import extent, parts

    out = console.out()
    labels = [answer["label"] for answer in sig["answers"]]
    heads = [f"{g['label']}\n(n={sig['columns'][g['key']]['n_shown']})" for g in groups]
    rows = []
    for answer in sig["answers"]:
        cells = []
        for g in groups:
            col = sig["columns"][g["key"]]
            shown = col["shown"][answer["id"]]
            share = col["shares"][answer["id"]]
            text = f"{shown:>5} {pct(share, lang):>4}"
            if not many and g["key"] == "":
                text += " " + bar(share)
            cells.append(text)
        rows.append(cells)
    extra = _extra_row(sig, groups, w, lang)
    least = min(max((len(label) for label in labels), default=8), 22)
    first = extent([w["answer"], *labels, *extra[:1]], least=least, most=30)
    columns = [extent([head], [row[i] for row in rows] + extra[1 + i:2 + i], least=9)
               for i, head in enumerate(heads)]
    for n, part in enumerate(parts([first], columns, out.width)):
        widths = part.column_widths()
        table = Table(title=sig["question"] if n == 0 else None, title_justify="left",
                      show_edge=False, pad_edge=False, expand=False)
        table.add_column(w["answer"], overflow="fold", min_width=least, max_width=30,
                         width=widths[0])
        for i, width in zip(part.columns, widths[1:], strict=True):
            table.add_column(heads[i], justify="right" if many or groups[i]["key"] else "left",
                             overflow="fold", min_width=9, width=width)
        for label, cells in zip(labels, rows, strict=True):
            table.add_row(label, *(cells[i] for i in part.columns))
        if extra:
            table.add_row(extra[0], *(extra[1 + i] for i in part.columns), style="dim")
        out.print(table, markup=False)
        out.print()


def _extra_row(sig: dict[str, Any], groups: list[dict[str, Any]], w: dict[str, str],
               lang: str) -> list[str]:
    if sig["type"] == "scale":
        return [w["mean"], *(_num(sig["columns"][g["key"]].get("mean"), lang) for g in groups)]
    if sig["type"] == "triad":
        cells = []
        for g in groups:
            comp = sig["columns"][g["key"]].get("composition")
            cells.append(_parts(comp, lang) if comp else "")
        return [f"{w['composition']} (%)", *cells]
    return []


def print_hard_data(hard: dict[str, Any] | None, lang: str) -> None:
    """The indicators per period beside the story counts, with what they are measured against;
    in parts, each repeating the periods, when the indicators do not fit side by side."""
    if not hard or not hard["periods"]:
        return
    from rich.table import Table

    from sprintkit.i18n import t
    from sprintkit.ui.storytables import extent, parts

    w = words(lang)
    out = console.out()
    refs = [w["baseline"], w["target"], t("dashboard.direction", lang).lower()]
    period_width = max(len(w["period"]), *map(len, hard["periods"]),
                       *(len(x) for r in refs for x in r.split()))
    # the unit on its own line, without brackets: "dagen (gemiddeld)" gets no second pair
    heads = [w["stories"], *(f"{ind['name']}\n{ind['unit']}" if ind.get("unit") else ind["name"]
                             for ind in hard["indicators"])]
    rows = [[hard["stories_shown"].get(p, "0"),
             *(numbers.number(ind["values"].get(p), lang, missing="")
               for ind in hard["indicators"])] for p in hard["periods"]]
    references: list[list[str]] = []
    if hard["indicators"]:
        # what the values are measured against, as on the dashboard
        directions = {"increase": t("dashboard.direction_increase", lang),
                      "decrease": t("dashboard.direction_decrease", lang)}
        references = [
            ["", *(numbers.number(i.get("baseline"), lang, missing="–")
                   for i in hard["indicators"])],
            ["", *(numbers.number(i.get("target"), lang, missing="–")
                   for i in hard["indicators"])],
            ["", *(directions.get(i.get("direction") or "", "") for i in hard["indicators"])]]
    first = extent([w["period"], *hard["periods"], *refs], most=period_width)
    columns = [extent([head, *(r[i] for r in references[2:])],
                      [row[i] for row in rows] + [r[i] for r in references[:2]])
               for i, head in enumerate(heads)]
    for n, part in enumerate(parts([first], columns, out.width)):
        if n:
            out.print()
        widths = part.column_widths()
        table = Table(title=w["indicators"] if n == 0 else None, title_justify="left",
                      show_edge=False, pad_edge=False)
        table.add_column(w["period"], max_width=period_width, width=widths[0])
        for i, width in zip(part.columns, widths[1:], strict=True):
            table.add_column(heads[i], justify="right", overflow="fold", width=width)
        for k, (p, cells) in enumerate(zip(hard["periods"], rows, strict=True), start=1):
            table.add_row(p, *(cells[i] for i in part.columns),
                          end_section=k == len(hard["periods"]) and bool(references))
        for ref, cells in zip(refs, references, strict=False):
            table.add_row(ref, *(cells[i] for i in part.columns))
        out.print(table, markup=False)
    if not hard["indicators"]:
        out.print(t("dashboard.no_indicators", lang), markup=False)
    out.print()


# --- shifts --------------------------------------------------------------------------------


def _shown(a: dict[str, Any]) -> str:
    """The difference and its interval as :mod:`sprintkit.engine.outward` rounded them."""
    if a.get("difference_shown") is None or a.get("interval_shown") is None:
        return ""
    return f"{a['difference_shown']} {a['interval_shown']}"


def print_shifts(result: dict[str, Any]) -> None:
    from rich.table import Table

    from sprintkit.engine.shiftclass import interval_heading, small_note
    from sprintkit.engine.shiftclass import mark as shift_mark

    lang = result.get("language", "nl")
    w = words(lang)
    out = console.out()
    who = f" · {result['perspective']}" if result["perspective"] else ""
    out.print(f"{w['shifts']}: {result['from']} → {result['to']}{who}", style="bold",
              markup=False)
    for sig in result["signifiers"]:
        test = sig["test"]
        if test["p"] is not None:
            verdict = (f"{w.get('test_' + test['name'], test['name'])}, "
                       f"{numbers.p_value(test['p'], lang)}, "
                       f"{numbers.p_value(test['p_adjusted'], lang, w['p_adjusted'])}")
        else:
            verdict = w["too_few"] if test.get("reason") == "too_few" else (
                w["test_unreliable"] if test.get("reason") == "expected_low" else test["name"])
        table = Table(
            title=f"{sig['question']}\n{w['n']} = {sig['n_from_shown']} → {sig['n_to_shown']}"
                  f" · {verdict}",
            title_justify="left", show_edge=False, pad_edge=False)
        table.add_column(w["answer"], overflow="fold", max_width=28)
        table.add_column(result["from"], justify="right")
        table.add_column(result["to"], justify="right")
        table.add_column(f"{w['difference']} [{interval_heading(result['confidence'], lang)}]",
                         justify="right")
        table.add_column(w["shift"])
        small = False
        for a in sig["answers"]:
            diff = _shown(a)
            mark = shift_mark(a.get("shift"), a.get("shift_class"), lang)
            small = small or a.get("shift_class") == "clear_small"
            table.add_row(a["label"], f"{a['from']['shown']} {pct(a['from']['share'], lang)}",
                          f"{a['to']['shown']} {pct(a['to']['share'], lang)}", diff, mark)
        if sig["type"] == "scale" and sig.get("mean") and sig["mean"]["from"] is not None:
            m = sig["mean"]
            diff = _shown(m)
            mark = shift_mark(m.get("shift"), m.get("shift_class"), lang)
            small = small or m.get("shift_class") == "clear_small"
            table.add_row(w["mean"], _num(m["from"], lang), _num(m["to"], lang), diff, mark,
                          style="bold")
        if sig["type"] == "triad" and sig.get("composition"):
            comp = sig["composition"]
            table.add_row(f"{w['composition']} (%)",
                          _parts(comp["from"], lang) if comp["from"] else "",
                          _parts(comp["to"], lang) if comp["to"] else "", "", "", style="dim")
        out.print(table, markup=False)
        if small:
            out.print(f"  {small_note(lang, result.get('min_shift', 5.0))}", style="dim",
                      markup=False)
        for note in sig["notes"]:
            out.print(f"  {note}", style="yellow", markup=False)
        if not sig["shifted"] and test["p"] is not None:
            out.print(f"  {w['no_shift']}", style="dim", markup=False)
        out.print()
    out.print(result["method_note"], style="dim", markup=False)


# --- the story point -----------------------------------------------------------------------

_PROMPTS = ("tell", "perspective", "choose", "choose_many", "scale", "triad", "consent",
            "invalid", "skip", "yes", "no")


def prompts(lang: str) -> dict[str, str]:
    """The story point's questions in ``lang`` (from the catalogue, ``stories.prompt.*``)."""
    from sprintkit.i18n import t

    lang = lang if lang in ("nl", "en") else "nl"
    return {name: t("stories.prompt." + name, lang) for name in _PROMPTS}


def ask_story(method: Any, lang: str, given: dict[str, Any]) -> dict[str, Any]:
    """Ask for what ``given`` lacks: the story, the perspective, each signifier, consent.

    Each answer is checked as it is given, so a person is asked again instead of losing the
    story at the end."""
    from rich.prompt import Prompt

    from sprintkit.engine.stories import AnswerError, AnswerReader

    t = prompts(lang)
    out = console.out()
    text = given.get("text")
    if not text:
        out.print(t["tell"], style="bold", markup=False)
        lines: list[str] = []
        while True:
            line = input()
            if not line.strip() and lines:
                break
            if line.strip():
                lines.append(line)
        text = "\n".join(lines)
    perspective = given.get("perspective")
    if not perspective:
        options = method.perspectives
        for i, p in enumerate(options, start=1):
            out.print(f"  {i}. {p.name.get(lang)}", markup=False)
        number = Prompt.ask(t["perspective"], choices=[str(i) for i in range(1, len(options) + 1)],
                            console=out)
        perspective = options[int(number) - 1].id
    answers = dict(given.get("answers") or {})
    for sig in method.signifiers:
        if sig.id in answers:
            continue
        reader = AnswerReader(sig)
        out.print()
        out.print(sig.question.get(lang), style="bold", markup=False)
        while True:
            raw = _ask_signifier(sig, lang, t, out)
            try:
                reader.read(raw)
            except AnswerError as exc:
                out.print(t["invalid"].format(why=exc), style="yellow", markup=False)
                continue
            answers[sig.id] = raw
            break
    consent = given.get("consent")
    if consent is None:
        consent = ask_yes_no(t["consent"], lang)
    return {"text": text, "perspective": perspective, "answers": answers, "consent": consent}


def ask_yes_no(question: str, lang: str, default: bool = False) -> bool:
    """A yes/no question that understands ja/nee as well as yes/no (and j/n, y/n)."""
    from rich.prompt import Prompt

    from sprintkit.engine.stories import AnswerError, read_consent

    words = prompts(lang)
    yes, no = words["yes"], words["no"]
    while True:
        raw = Prompt.ask(f"{question} [{yes}/{no}]", default=yes if default else no,
                         show_default=True, console=console.out())
        try:
            return read_consent(raw) if raw.strip() else default
        except AnswerError:
            console.out().print(f"{yes} / {no}?", style="yellow", markup=False)


def _ask_signifier(sig: Any, lang: str, t: dict[str, str], out: Any) -> str:
    from rich.prompt import Prompt

    if sig.type in ("choice", "multichoice"):
        for i, c in enumerate(sig.choices, start=1):
            out.print(f"  {i}. {c.label.get(lang)}", markup=False)
        raw = Prompt.ask(t["choose"] if sig.type == "choice" else t["choose_many"],
                         default="", show_default=False, console=out)
        picked = []
        for part in raw.replace(";", ",").split(","):
            part = part.strip()
            if part.isdigit() and 1 <= int(part) <= len(sig.choices):
                picked.append(sig.choices[int(part) - 1].id)
            elif part:
                picked.append(part)
        return "|".join(picked)
    if sig.type == "scale":
        return Prompt.ask(t["scale"].format(min=sig.scale.min, max=sig.scale.max), default="",
                          show_default=False, console=out)
    corners = "/".join(c.label.get(lang) for c in sig.corners)
    return Prompt.ask(t["triad"].format(corners=corners), default="", show_default=False,
                      console=out)


def print_audit(result: dict[str, Any]) -> None:
    """One line per hidden count: its feasible interval and the verdict."""
    from sprintkit.i18n import msg

    out = console.out()
    if not result["cells"]:
        out.print(msg("stories.audit_none", file=result["file"]), markup=False, highlight=False)
        return
    width = max(len(c["cell"]) for c in result["cells"])
    for c in result["cells"]:
        hi = msg("stories.audit_no_limit") if c["max"] is None else f"{c['max']:g}"
        verdict = msg("stories.audit_ok" if c["passes"] else "stories.audit_too_narrow")
        span = msg("stories.audit_span", low=f"{c['min']:g}", high=hi)
        out.print(f"{c['cell']:<{width}}  {span}  {verdict}", markup=False,
                  highlight=False, soft_wrap=True)
