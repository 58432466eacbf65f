"""Styles and list numbering of a generated .docx: style names to ids (importing what a
reference document lacks from the default style sheet), list definitions, and the schema order
of paragraph properties."""

from __future__ import annotations

import copy
from typing import Any

from sprintkit.render.reference import PARAGRAPH_STYLES, STYLE_IDS, styles_xml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
              "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
              "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
              "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
              "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc")


def insert_ppr(ppr: Any, element: Any) -> None:
    """Insert into ``w:pPr`` at the schema position of ``element``."""
    tag = element.tag.split("}", 1)[1]
    rank = _PPR_ORDER.index(tag)
    for index, child in enumerate(ppr):
        name = child.tag.split("}", 1)[1]
        if name in _PPR_ORDER and _PPR_ORDER.index(name) > rank:
            ppr.insert(index, element)
            return
    ppr.append(element)


class StyleMap:
    """Style names → ids in the output document, importing from the default what is missing."""

    def __init__(self, doc: Any, lang: str, missing: list[str]) -> None:
        self.root = doc.styles.element
        self.lang = lang
        self.missing = missing
        self.by_name: dict[tuple[str, str], str] = {}
        self.ids: set[str] = set()
        for el in self.root.findall(_w("style")):
            name = el.find(_w("name"))
            sid = el.get(_w("styleId"))
            if sid:
                self.ids.add(sid)
            if name is not None and sid:
                key = (name.get(_w("val"), "").lower(), el.get(_w("type"), "paragraph"))
                self.by_name.setdefault(key, sid)
        self._default: Any = None
        self._cache: dict[tuple[str, str], str] = {}

    def paragraph(self, name: str) -> str:
        return self._resolve(name, "paragraph")

    def table(self, name: str) -> str:
        return self._resolve(name, "table")

    def _resolve(self, name: str, kind: str) -> str:
        key = (name.lower(), kind)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        sid = self.by_name.get(key)
        if sid is None:
            sid = self._import(name, kind)
            if name in PARAGRAPH_STYLES or kind == "table" or sid is None:
                self.missing.append(name)
            if sid is None:
                sid = "Normal" if kind == "paragraph" else "TableNormal"
        self._cache[key] = sid
        return sid

    def _defaults(self) -> Any:
        if self._default is None:
            from lxml import etree

            self._default = etree.fromstring(styles_xml(self.lang).encode("utf-8"))
        return self._default

    def _import(self, name: str, kind: str) -> str | None:
        """Copy style ``name`` (and the styles it is based on) from the default style sheet."""
        wanted = STYLE_IDS.get(name, "")
        source = None
        for el in self._defaults().findall(_w("style")):
            el_name = el.find(_w("name")).get(_w("val"), "").lower()
            if el.get(_w("type")) == kind and (el_name == name.lower() or
                                               el.get(_w("styleId")) == wanted):
                source = el
                break
        if source is None:
            return None
        return self._copy(source)

    def _copy(self, source: Any) -> str:
        style = copy.deepcopy(source)
        sid = style.get(_w("styleId"))
        if sid in self.ids:
            sid = f"Sk{sid}"
            style.set(_w("styleId"), sid)
        for ref in ("next", "link"):
            el = style.find(_w(ref))
            if el is not None and el.get(_w("val")) not in self.ids:
                style.remove(el)
        based = style.find(_w("basedOn"))
        if based is not None:
            base_id = based.get(_w("val"))
            if base_id not in self.ids:
                base = next((el for el in self._defaults().findall(_w("style"))
                             if el.get(_w("styleId")) == base_id), None)
                if base is None:
                    style.remove(based)
                else:
                    based.set(_w("val"), self._copy(base))
        self.root.append(style)
        self.ids.add(sid)
        name = style.find(_w("name")).get(_w("val"), "").lower()
        self.by_name[(name, style.get(_w("type"), "paragraph"))] = sid
        return sid


class Numbering:
    """Bullet and numbered list definitions of sprintkit's own, added to the numbering part."""

    BULLETS = ("•", "–", "▪")
    NUMBERS = (("decimal", "%1."), ("lowerLetter", "%2."), ("lowerRoman", "%3."))

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.part: Any = None
        self._nums: list[tuple[int, int, bool]] = []  # numId, abstractId, restart
        self._abstract: dict[bool, int] = {}
        self._bullet_num: int | None = None
        self._next_num = 0
        self._next_abstract = 0

    def _ensure(self) -> None:
        if self.part is not None:
            return
        self.part = self.doc.part.numbering_part.element
        nums = [int(n.get(_w("numId"))) for n in self.part.findall(_w("num"))]
        abstracts = [int(a.get(_w("abstractNumId"))) for a in self.part.findall(_w("abstractNum"))]
        self._next_num = max(nums, default=0) + 1
        self._next_abstract = max(abstracts, default=-1) + 1

    def new_list(self, ordered: bool) -> int:
        self._ensure()
        if ordered not in self._abstract:
            self._abstract[ordered] = self._next_abstract
            self._next_abstract += 1
        if not ordered and self._bullet_num is not None:
            return self._bullet_num
        num_id = self._next_num
        self._next_num += 1
        self._nums.append((num_id, self._abstract[ordered], ordered))
        if not ordered:
            self._bullet_num = num_id
        return num_id

    def commit(self) -> None:
        if self.part is None:
            return
        from lxml import etree

        sub = etree.SubElement
        first_num = self.part.find(_w("num"))
        for ordered, abstract_id in sorted(self._abstract.items()):
            abstract = etree.Element(_w("abstractNum"))
            abstract.set(_w("abstractNumId"), str(abstract_id))
            sub(abstract, _w("multiLevelType")).set(_w("val"), "hybridMultilevel")
            for level in range(3):
                lvl = sub(abstract, _w("lvl"))
                lvl.set(_w("ilvl"), str(level))
                sub(lvl, _w("start")).set(_w("val"), "1")
                if ordered:
                    kind, text = self.NUMBERS[level]
                else:
                    kind, text = "bullet", self.BULLETS[level]
                sub(lvl, _w("numFmt")).set(_w("val"), kind)
                sub(lvl, _w("lvlText")).set(_w("val"), text)
                sub(lvl, _w("lvlJc")).set(_w("val"), "left")
                ppr = sub(lvl, _w("pPr"))
                ind = sub(ppr, _w("ind"))
                ind.set(_w("left"), str(360 + 360 * level))
                ind.set(_w("hanging"), "360")
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                self.part.append(abstract)
        for num_id, abstract_id, restart in self._nums:
            num = sub(self.part, _w("num"))
            num.set(_w("numId"), str(num_id))
            sub(num, _w("abstractNumId")).set(_w("val"), str(abstract_id))
            if restart:
                override = sub(num, _w("lvlOverride"))
                override.set(_w("ilvl"), "0")
                sub(override, _w("startOverride")).set(_w("val"), "1")


def set_language(styles: Any, lang: str) -> None:
    """Make ``lang`` (nl, en) the language of all text in the document's ``styles`` part (its
    run defaults), so Word and LibreOffice check spelling and hyphenate in it."""
    from lxml import etree

    from sprintkit.render.docx_parts import language_tag

    language = language_tag(lang)
    defaults = styles.find(_w("docDefaults"))
    if defaults is None:
        defaults = etree.Element(_w("docDefaults"))
        styles.insert(0, defaults)
    rpr_default = defaults.find(_w("rPrDefault"))
    if rpr_default is None:
        rpr_default = etree.Element(_w("rPrDefault"))
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(_w("rPr"))
    if rpr is None:
        rpr = etree.SubElement(rpr_default, _w("rPr"))
    tag = rpr.find(_w("lang"))
    if tag is None:
        tag = etree.SubElement(rpr, _w("lang"))
    for attribute in ("val", "eastAsia", "bidi"):
        tag.set(_w(attribute), language)
