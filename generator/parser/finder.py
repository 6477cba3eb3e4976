"""What item rules look at: per-line and per-unit facts computed once, and the spans they produce.

:class:`LineInfo` answers questions about body lines (their text, whether they are link lines);
:class:`Finder` answers questions about the top-level units of one document (does this unit carry links,
is it a non-paper block, what does its first line say) and turns a rule's chosen starts into
:class:`ItemSpan` values. Every rule in :mod:`.rules` and every filter in :mod:`.filters` receives the same
:class:`Finder`, so each fact is computed once per document however many candidate layouts ask for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import BlockKind
from .blocks import AD_CLOSE, AD_OPEN, classify
from .links import RawLink, is_link_label, only_extras, parse_link_line, split_trailing_links, title_link
from .metadata import is_header_key
from .titles import NUMBER_RE, ORG_TAGS, has_hangul, is_sentence, number_of, strip_decoration
from .tokens import MARKER_RE, ListItem, Unit

__all__ = ["LineInfo", "ItemSpan", "Layout", "Finder", "BOLD_OPEN", "WHOLE_BOLD", "plain_head",
           "starts_with_bold_name", "is_whole_bold", "titled_item", "link_item", "link_item_url", "after_lead_link", "plain_title_line",
           "TITLE_FIELD", "LABEL_LINE", "TIME_PREFIX"]

_PARTICLE = re.compile(
    r"^(?:은|는|이|가|을|를|의|에|에서|와|과|로|으로|란|이란|도|만|까지|부터|에게|처럼|보다|라는|이라는|(?:이)?다)(?=[\s,.]|$)"
)
_NOT_PROSE = (":", "：", ".", "|", "·", "/", "•", "[", "(")
"""What follows a bold word that is a label or a link group (``**구독하기** | [트위터](…)``), not prose."""
WHOLE_BOLD = re.compile(r"^(?:\*\*|__)(?P<inner>.+?)(?:\*\*|__)$")
BOLD_OPEN = re.compile(r"^(?:\*\*|__)(?P<inner>[^*_].*?)(?:\*\*|__)(?P<rest>.*)$")
_LINKED_TITLE = re.compile(r"^(?P<b>\*\*|__)?\[(?P<label>[^\]]+)\]\((?P<url>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)(?P=b)?"
                           r"(?P<rest>.*)$")
_DOUBLE_NUMBER = re.compile(r"^\d{1,3}\s*[.)]\s+(?!\d)")
_DELIMITER = re.compile(r"^(?P<d>-{2,}|={2,}|~{2,}|\*{3,}|#{3,}|━{2,}|─{2,}|═{2,})[ \t]*(?P<inner>\S.*?)[ \t]*(?:[-=~*#━─═]{2,}[ \t]*)?$")
"""A plain-text delimiter line that opens an item: ``--- 3. Title ---``, ``=== Title ===``, ``━━ Title``."""


_LEAD_LINK = re.compile(r"^\[(?P<label>[^\]]{1,40})\]\((?P<url>https?://[^()\s]+)\)\s*(?P<rest>.*)$")
_ID_LABEL = re.compile(r"^(?:arxiv:?\s*)?\d{4}\.\d{4,5}(?:v\d+)?$", re.IGNORECASE)
"""A link labelled with an arXiv id (``[2507.06261](https://arxiv.org/abs/2507.06261)``)."""
TITLE_FIELD = re.compile(r"^\s*(?:\*\*|__)?\s*(?:[^\w\s*]\s*)*(?:paper(?:\s+title)?|title|논문\s*명|논문\s*제목|논문|제목)"
                         r"\s*(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*(?P<title>[^\s\[<].*?)\s*$", re.IGNORECASE)
"""A labelled title: ``**📌 논문명:** Title``, ``**Paper**: Title``, ``- 제목: …`` (an address is no title)."""
LABEL_LINE = re.compile(r"^\s*(?:[^\w\s(\[（]\s*)?[\w가-힣 ]{1,20}\s*[:：]\s*\S")
"""A ``label: value`` line (``원제: …``, ``논문: https://…``), never the wrapped end of a title."""
_TITLE_THEN_SUMMARY = re.compile(r"^(?P<title>[^\s].{2,}?) [-–—] (?P<summary>\S.*)$")


def after_lead_link(text: str) -> tuple[RawLink | None, str]:
    """``[2507.06261](https://arxiv.org/abs/…) **Title** …`` → (that link, ``**Title** …``): a paragraph led by
    a link labelled with an arXiv id or a link word, before a bold title; else ``(None, text)``."""
    m = _LEAD_LINK.match(text)
    if m and (is_link_label(m.group("label")) or _ID_LABEL.match(m.group("label"))) and m.group("rest").startswith("**"):
        return title_link(m.group("label"), m.group("url")), m.group("rest")
    return None, text


TIME_PREFIX = _TIME_PREFIX = re.compile(r"^\d{1,2}:\d{2}\s*(?:[-–—~]\s*(?:\d{1,2}:\d{2}\s*)?)?[-–—|·]?\s*")
"""A time slot before a title: ``10:30 — Title``, ``10:30-11:00 Title``."""
_ARXIV_TAIL = re.compile(r"\s*[—–\-|·,]?\s*[(\[]?\s*arxiv\s*:\s*(?P<id>\d{4}\.\d{4,5})(?:v\d+)?\s*[)\]]?\s*$", re.IGNORECASE)
"""An arXiv id written after a title: ``Magistral — arXiv:2506.10910``."""
_URL_TAIL = re.compile(r"(?<=\S)\s*(?:\s[—–|·-]\s*<?(?P<url>https?://[^\s<>()\[\]]+)>?"
                       r"|(?<!\])[(（]\s*<?(?P<inner>https?://[^\s<>()\[\]]+)>?\s*[)）])\s*$")
"""A bare address written after a title and a dash or in parentheses: ``Gemini CLI 코드 구조 — https://github.com/…``,
``Better Data Mixtures (https://arxiv.org/abs/…)``."""


def plain_title_line(line: str) -> bool:
    """A line that reads as a title of its own: no markup, no link, not a sentence, a few words long."""
    text = _TIME_PREFIX.sub("", line.strip())
    if not text or len(text) > 200 or line.startswith((" ", "\t")):
        return False
    if len(text.split()) < 2 and not re.fullmatch(r"[\w.\-]+/[\w.\-]+|[\w.]+(?:-[\w.]+)+", text):
        return False  # one word is a title only when it names a repository or a model (``karpathy/nanochat``)
    if re.match(r"^\d{1,3}/\s", text):
        return False  # ``1/ …``: a thread of posts is running text, not title lines
    if any(ch in text for ch in "*_[]<>`|") or "://" in text or is_sentence(text):
        return False
    field = re.match(r"^(?P<key>[\w가-힣 ]{1,20}?)\s*[:：]", text)  # ``게시일: …`` is a field, ``Name: Subtitle`` a title
    return not field or not (is_header_key(field.group("key")) or re.fullmatch(r"[가-힣 ]{1,8}", field.group("key")))


def _is_summary(text: str) -> bool:
    """A sentence-like text (``…를 제안한다.``), not a Korean subtitle."""
    return text.rstrip().endswith((".", "。")) or len(text) > 60


def plain_head(text: str) -> str:
    """Lower-cased text of a heading line without Markdown marks, for comparing headings."""
    return re.sub(r"[*_#`\s]+", " ", text).strip().lower()


def delimiter_inner(text: str) -> str | None:
    """The title inside a delimiter line (``--- 3. Title ---`` → ``3. Title``), or ``None``."""
    if len(text) > 400 or not text.lstrip().startswith(("--", "==", "~~", "***", "###", "━━", "──", "══")):
        return None
    m = _DELIMITER.match(text.strip())
    return m.group("inner") if m and re.search(r"\w", m.group("inner")) else None


def starts_with_bold_name(text: str) -> bool:
    """A paragraph opening with a bold name followed by a particle or prose (``**ATOKEN**은 …``)."""
    m = BOLD_OPEN.match(text)
    if not m:
        return False
    inner, rest = m.group("inner").strip(), m.group("rest")
    if not rest.strip() or inner.endswith((":", ".", "：")) or len(inner) > 150:
        return False
    return bool(_PARTICLE.match(rest)) or (rest.startswith(" ") and not rest.lstrip().startswith(_NOT_PROSE))


_TRAILING_TAG = re.compile(r"^(?P<bold>(?:\*\*|__)[^*_].*?(?:\*\*|__))\s+[*_]?[(\[（][^()\[\]（）]{1,40}[)\]）][*_]?\s*$")
"""A short parenthesised tag after a bold title: ``**Title** (Oral)``, ``**Title** *(D&B)*``."""


def is_whole_bold(text: str) -> bool:
    """A line that is bold only (``**Title**``), possibly followed by a short tag or a link group."""
    if text.endswith((")", "]", "）", "*", "_")) and "](" not in text:
        tagged = _TRAILING_TAG.match(text)
        text = tagged.group("bold") if tagged else text
    m = WHOLE_BOLD.match(text)
    if m and "**" not in m.group("inner"):
        return not m.group("inner").rstrip().endswith((":", "："))
    found = split_trailing_links(text, strict=False)
    return bool(found) and bool(WHOLE_BOLD.match(found[0]))


def _strip_lead(text: str) -> str:
    """A heading line without leading emoji, medals and affiliation tags (``🔬 [Lab] [Title](…)``)."""
    text = strip_decoration(text.replace("\u00a0", " "))
    return ORG_TAGS.sub("", text).strip()


def link_item(text: str) -> bool:
    """A one-line link item: optional emoji and ``[Org]`` tags, then a Markdown link whose label is a title
    (not a link label such as ``논문``), optionally followed by more links or a short description."""
    m = _LINKED_TITLE.match(_strip_lead(text))
    if not m or is_link_label(m.group("label")) or not m.group("url").lower().startswith(("http://", "https://")):
        return False
    label = m.group("label").strip()
    return len(label) >= 4 and not label.startswith("!")


def link_item_url(text: str) -> str | None:
    """The address of a one-line link item (:func:`link_item`), else ``None``."""
    if not link_item(text):
        return None
    m = _LINKED_TITLE.match(_strip_lead(text))
    return m.group("url") if m else None


def titled_item(it: ListItem, info: LineInfo) -> bool:
    """A bullet item that can be a paper: it opens with a bold name, with a title link
    (``- 🔬 [Lab] [Title](url)``), or with a title line (not a sentence) followed by body blocks."""
    if not it.children or it.children[0].kind != "paragraph":
        return False
    first = info.text(it.children[0].start)
    bare = ORG_TAGS.sub("", strip_decoration(first)).strip()
    if first.startswith(("**", "__")) or bare.startswith(("**", "__")) or link_item(first):
        return True
    found = split_trailing_links(first, strict=True)
    if found and len(found[0].split()) >= 3 and not found[0].rstrip().endswith((":", "：")):
        return True  # ``* Title - 한 줄 요약 ([arXiv](…), [코드](…))``
    return len(it.children) >= 2 and len(first) <= 200 and not is_sentence(first)


class LineInfo:
    """Per-line facts computed once: the text and whether it is a link line."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self._text: list[str | None] = [None] * len(lines)
        self._links: dict[int, list[RawLink] | None] = {}
        self._unit_links: dict[tuple[int, int], bool] = {}
        self._unit_kinds: dict[tuple[int, int], BlockKind | None] = {}

    def text(self, i: int) -> str:
        """Line ``i`` without indentation and list marker."""
        if not 0 <= i < len(self.lines):
            return ""
        found = self._text[i]
        if found is None:
            found = self._text[i] = MARKER_RE.sub("", self.lines[i], count=1).strip()
        return found

    def links(self, i: int) -> list[RawLink] | None:
        """Links of line ``i`` when it is a link line."""
        if i not in self._links:
            found = parse_link_line(self.lines[i]) if self.lines[i].strip() else None
            if found and self.lines[i].startswith("#") and not any(link.url for link in found):
                found = None  # ``### Abstract``: a section heading, not a link line without its address
            self._links[i] = found
        return self._links[i]

    def unit_has_links(self, unit: Unit) -> bool:
        """True when the unit has a link line or ends with a trailing link group."""
        key = (unit.start, unit.end)
        if key not in self._unit_links:
            self._unit_links[key] = self._has_links(unit)
        return self._unit_links[key]

    def unit_block_kind(self, unit: Unit) -> BlockKind | None:
        """The non-paper block kind of the unit's lines (weak signals allowed), computed once per unit:
        every candidate layout asks again for the same units."""
        key = (unit.start, unit.end)
        if key not in self._unit_kinds:
            self._unit_kinds[key] = classify(self.lines[unit.start:unit.end], weak=True)
        return self._unit_kinds[key]

    def _has_links(self, unit: Unit) -> bool:
        if unit.kind in ("code", "hr", "html"):
            return False
        if any(self.links(i) for i in range(unit.start, unit.end)):
            return True
        if unit.kind in ("paragraph", "heading"):  # ``### Title [논문](…)``: a heading's own link group
            return split_trailing_links(self.text(unit.end - 1), strict=True) is not None
        if unit.kind == "list":  # one-line link items: ``- [Title](https://…)``
            return any(link_item(self.text(it.start)) for it in unit.items)
        return False


@dataclass(frozen=True)
class ItemSpan:
    """One paper item as found in the document, before it becomes a :class:`~generator.model.Paper`."""

    pattern: str
    """Name of the item rule that found it."""

    number: int | None
    """The number written before the heading, if any."""

    heading_line: int
    """0-based body line of the heading."""

    heading: str
    """The heading as written (Markdown), item number, list marker and affiliation tags removed."""

    heading_links: tuple[RawLink, ...]
    """Links of a group written in the heading (``( [논문](…) / [코드](…) )``) or the heading's own link."""

    rest: str
    """Text that follows the heading on its line (``**Title**: first sentence``), kept as body."""

    keep_first_paragraph: bool
    """True when the heading is a bold name inside the first body paragraph (``**ATOKEN**은 …``)."""

    units: tuple[Unit, ...]
    """The units of the item, the heading's unit first, up to the next item."""

    heading_lines: int = 1
    """How many lines the heading spans (a long plain-text title wrapped onto an indented line)."""


@dataclass(frozen=True)
class Layout:
    """The document split into items and the units outside any item."""

    pattern: str | None
    """The item rule that proposed this layout, or ``None`` when no rule found any item."""

    before: tuple[Unit, ...]
    """Units before the first item (title, intro, highlights, ads, glossary …)."""

    items: tuple[ItemSpan, ...]
    """The items, in order."""

    notes: tuple[str, ...] = field(default=())
    """What the rule's filters did (``drop_labels: line 40 '요약' is a section label``), for ``--explain``."""


def _number_and_rest(text: str) -> tuple[int | None, str]:
    m = NUMBER_RE.match(text)
    if not m:
        return None, text
    rest = (m.group("bold") or "") + text[m.end():]
    rest = re.sub(r"^(\*\*|__)\s*(\*\*|__)\s*", "", rest)
    return number_of(m), _DOUBLE_NUMBER.sub("", rest.strip(), count=1).strip()  # ``4. 4. Title``


def split_heading(text: str, *, name_style: bool) -> tuple[str, tuple[RawLink, ...], str]:
    """A heading line → (heading markdown, heading links, rest of the line)."""
    m = _LINKED_TITLE.match(text)
    if m and not is_link_label(m.group("label")):
        # The title is itself the link: ``### [Title](https://arxiv.org/…)`` / ``**[Title](url)**``.
        after = m.group("rest").strip(" \t·|-–—")
        if after and only_extras(after):
            after = ""  # ``[Title](url) → [[메모/요약]]``, ``[Title](url) ⭐ 120``: no part of the title
        heading, links, rest = split_heading(after, name_style=name_style) if after else ("", (), "")
        if heading and not links and not rest and not re.match(r"^\s*[-–—:：·|]", m.group("rest")):
            return f"{m.group('label')} {heading}".strip(), (title_link(m.group("label"), m.group("url")),), ""
        if heading and not links and not rest:  # ``[Title](url) — 한 줄 설명``: the rest is body text
            return m.group("label").strip(), (title_link(m.group("label"), m.group("url")),), heading
        return m.group("label").strip(), (title_link(m.group("label"), m.group("url")), *links), rest
    links: tuple[RawLink, ...] = ()
    m = WHOLE_BOLD.match(text)
    if m and "**" not in m.group("inner"):
        inner = m.group("inner").strip()
        found = split_trailing_links(inner, strict=False)
        if found:
            inner, raw = found
            links = tuple(raw)
        if not links and _LINKED_TITLE.match(inner):  # ``**[Title](url)**`` handled above; ``**[T](u) · [코드](…)**``
            return split_heading(inner, name_style=name_style)
        return inner.strip(), links, ""
    found = split_trailing_links(text, strict=False)
    if found:
        text, raw = found
        links = tuple(raw)
        m = WHOLE_BOLD.match(text)
        if m and "**" not in m.group("inner"):
            return m.group("inner").strip(), links, ""
    m = BOLD_OPEN.match(text)
    if m:
        rest = m.group("rest")
        if name_style:
            return m.group("inner").strip(), links, rest
        return m.group("inner").strip(), links, re.sub(r"^\s*[:：–—-]\s*", "", rest).strip()
    return text.strip(), links, ""


class Finder:
    """The units of one document and the facts every rule asks about them."""

    def __init__(self, units: tuple[Unit, ...], info: LineInfo, offset: int = 0) -> None:
        self.offset = offset
        """Lines of front matter before the body, so that notes name file lines."""
        self.units = units
        """The top-level units (lists split into runs, see :func:`split_runs`)."""
        self.info = info
        """Line facts of the body."""
        self.blocky = [self._blocky(u) for u in units]
        """Per unit: a heading or paragraph whose first line is a strong non-paper block signal, or a unit
        inside an ``[광고]`` … ``[/광고]`` span (its lines are never paper titles)."""
        for k in self._in_ad_spans():
            self.blocky[k] = True

    def unit_links(self, k: int) -> bool:
        """True when unit ``k`` carries a link line or a trailing link group (cached in :class:`LineInfo`)."""
        return self.info.unit_has_links(self.units[k])

    def section_linked(self, starts: list[int]) -> list[bool]:
        """Per start: whether the units from it to the next start carry links."""
        bounds = starts[1:] + [len(self.units)]
        return [any(self.unit_links(j) for j in range(a, b)) for a, b in zip(starts, bounds, strict=True)]

    def _blocky(self, u: Unit) -> bool:
        if u.kind not in ("heading", "paragraph"):
            return False
        return classify([self.info.lines[u.start]], weak=False) is not None

    def _in_ad_spans(self) -> list[int]:
        inside: list[int] = []
        closers = [k for k, u in enumerate(self.units)
                   if any(AD_CLOSE.search(line) for line in self.info.lines[u.start:u.end])]
        for k, u in enumerate(self.units):
            first = self.info.lines[u.start]
            if u.kind == "paragraph" and AD_OPEN.match(first) and not AD_OPEN.sub("", first).strip():
                end = next((c for c in closers if c >= k), None)  # an unclosed marker hides nothing
                inside.extend(range(k, (end if end is not None else k) + 1))
        return inside

    def first(self, k: int) -> str:
        """First line of unit ``k`` without indentation and list marker."""
        return self.info.text(self.units[k].start)

    def head_text(self, k: int) -> str:
        """First line of unit ``k`` without its ``#`` marks."""
        return re.sub(r"^#{1,6}\s+", "", self.first(k))

    def line(self, k: int) -> int:
        """1-based file line of unit ``k`` (for notes)."""
        return self.units[k].start + 1 + self.offset

    # ---- building -----------------------------------------------------------------------
    def span(self, pattern: str, head_unit: Unit, head_line: int, units: tuple[Unit, ...]) -> ItemSpan:
        """The :class:`ItemSpan` whose heading is line ``head_line`` of ``head_unit``."""
        text = self.info.text(head_line)
        if head_unit.kind == "heading":
            text = re.sub(r"^#{1,6}\s+|\s+#+\s*$", "", text)
        inner = delimiter_inner(text) if head_unit.kind == "paragraph" else None
        if inner is not None:
            text = inner
        lead = strip_decoration(text.replace("\u00a0", " "))
        if NUMBER_RE.match(lead) and not NUMBER_RE.match(text):
            text = lead  # ``🥇 1. Title``
        number, text = _number_and_rest(text)
        if head_unit.kind == "quote":
            text = re.sub(r"^(?:>\s*)+", "", text)  # ``> **제목**``: a card written as a quote
        text = _TIME_PREFIX.sub("", text) if _TIME_PREFIX.match(text) and pattern == "plain" else text
        lead, text = after_lead_link(text)
        lead_links: tuple[RawLink, ...] = (lead,) if lead else ()
        m = TITLE_FIELD.match(text)
        if m and "://" not in m.group("title"):
            text = m.group("title")  # ``**📌 논문명:** Title``
        if link_item(text):
            text = _strip_lead(text)  # ``🔬 [Lab] [Title](url)``: emoji and affiliation tags before the link
        elif ORG_TAGS.match(text) and ORG_TAGS.sub("", text).strip():
            text = ORG_TAGS.sub("", text).strip()  # ``[Google] Title``
        extra = 1
        nxt = head_line + 1
        # A long plain-text title wrapped onto an indented line of the same paragraph.
        if pattern in ("delimiter", "numbered", "list", "marker") and "**" not in text and nxt < head_unit.end \
                and not self.info.links(nxt) and re.match(r"^[ \t]{2,}\S", self.info.lines[nxt]) \
                and not is_sentence(text) and "](" not in text and len(self.info.lines[nxt].strip()) <= 120 \
                and (text.count("(") > text.count(")") or not LABEL_LINE.match(self.info.lines[nxt])) \
                and (text.count("(") > text.count(")") or has_hangul(text) == has_hangul(self.info.lines[nxt])
                     or self.info.lines[nxt].strip().startswith(("(", "（"))) \
                and (text.count("(") > text.count(")") or not is_sentence(self.info.lines[nxt].strip())) \
                and (pattern == "list" or not self.info.lines[head_line].startswith((" ", "\t"))):
            text = f"{text.rstrip()} {self.info.lines[nxt].strip()}"
            extra = 2
            closed = delimiter_inner(text) if pattern == "delimiter" else None
            text = re.sub(r"\s*(?:-{2,}|={2,}|~{2,}|━{2,}|─{2,}|═{2,})\s*$", "", text) if closed is None else closed
        name_style = pattern == "name"
        heading, links, rest = split_heading(text, name_style=name_style)
        arxiv = _ARXIV_TAIL.search(heading) if "arxiv" in heading.lower() else None
        if arxiv and heading[:arxiv.start()].strip():
            links = links + (title_link("arXiv", f"https://arxiv.org/abs/{arxiv.group('id')}"),)
            heading = heading[:arxiv.start()].strip()
        bare = _URL_TAIL.search(heading) if "://" in heading else None
        if bare and heading[:bare.start()].strip() and not links:
            links = links + tuple(parse_link_line(bare.group("url") or bare.group("inner")) or ())  # ``Title — https://…``
            heading = heading[:bare.start()].strip()
        if not rest and pattern == "list" and len(heading) <= 500:
            m = _TITLE_THEN_SUMMARY.match(heading)
            if m and has_hangul(m.group("summary")) and not has_hangul(m.group("title")) \
                    and _is_summary(m.group("summary")):
                heading, rest = m.group("title").strip(), m.group("summary").strip()  # ``Title - 한 줄 요약이다.``
        return ItemSpan(pattern, number, head_line, heading, lead_links + links, rest, name_style, units, extra)

    def from_starts(self, pattern: str, starts: list[int], notes: tuple[str, ...] = ()) -> Layout:
        """Items opened by the units at ``starts``, each running to the next start."""
        items = []
        for n, k in enumerate(starts):
            stop = starts[n + 1] if n + 1 < len(starts) else len(self.units)
            unit = self.units[k]
            items.append(self.span(pattern, unit, unit.start, self.units[k:stop]))
        return Layout(pattern, self.units[: starts[0]], tuple(items), notes)

    def rejected(self, pattern: str, notes: tuple[str, ...]) -> Layout:
        """A candidate whose filters dropped every start: no items, kept for ``--explain``'s notes."""
        return Layout(pattern, self.units, (), notes)

    def from_chain(self, chain: list[int], leads: dict[int, int], pattern: str = "list") -> Layout:
        """Items made of the list items of the list units ``chain``; units after a list belong to its last item, and
        so do the first ``leads[k]`` items of list unit ``k``."""
        items: list[ItemSpan] = []
        pending: list[tuple[int, ListItem]] = []  # (unit index, list item)
        chain_set = set(chain)
        trailing: dict[int, list[Unit]] = {}
        for k in range(chain[0] + 1, len(self.units)):
            if k in chain_set:
                continue
            prev = max(c for c in chain if c < k)
            trailing.setdefault(prev, []).append(self.units[k])
        for n, k in enumerate(chain):
            lead = leads.get(k, 0) if n else 0
            for it in self.units[k].items[:lead]:  # body of the previous list's last paper
                trailing.setdefault(chain[n - 1], []).extend(it.children)
            for it in self.units[k].items[lead:]:
                pending.append((k, it))
        for n, (k, it) in enumerate(pending):
            units = tuple(it.children)
            last_of_list = n + 1 == len(pending) or pending[n + 1][0] != k
            if last_of_list:
                units = units + tuple(trailing.get(k, ()))
            head = it.children[0] if it.children else Unit("paragraph", it.start, it.start + 1)
            span = self.span(pattern, head, it.start, units or (head,))
            if it.number is not None:
                span = ItemSpan(span.pattern, it.number, span.heading_line, span.heading,
                                span.heading_links, span.rest, False, span.units, span.heading_lines)
            items.append(span)
        return Layout(pattern, self.units[: chain[0]], tuple(items))

    def links_inside(self, item: ItemSpan) -> bool:
        """True when the item's link line is followed by more of its text: papers open or close with their
        links, so an item with links in the middle has taken in the start of the next paper."""
        if item.heading_links:
            return False
        units = [u for u in item.units[1:] if u.kind not in ("hr", "html", "code")]
        block_kind = self.info.unit_block_kind  # classified only where the answer depends on it (it is costly)
        last = next((n for n in range(len(units) - 1, -1, -1)
                     if self.info.unit_has_links(units[n]) and block_kind(units[n]) is None), None)
        if last is None or not any(block_kind(u) is None for u in units[last + 1:]):
            return False  # no links, or they close the item's text
        first_text = next(n for n, u in enumerate(units) if block_kind(u) is None)
        lines = range(units[last].start, units[last].end)
        links_first = last == first_text and all(self.info.links(i) for i in lines if self.info.lines[i].strip())
        return not links_first

    def item_linked(self, item: ItemSpan) -> bool:
        """True when the item carries any link (in its heading, its heading line or its units)."""
        return bool(item.heading_links) or bool(self.info.links(item.heading_line)) or any(
            self.info.unit_has_links(u) for u in item.units)


def split_runs(units: tuple[Unit, ...], info: LineInfo) -> tuple[Unit, ...]:
    """Split a list that Markdown merged from two lists into one list unit per run: an ordered list
    whose numbering starts again (a ``1.``–``7.`` table of contents, then the papers ``1.``–``7.``),
    or a bullet list whose short entries are followed by paper items with bodies."""
    out: list[Unit] = []
    for u in units:
        if u.kind != "list" or len(u.items) < 2:
            out.append(u)
            continue
        cuts = [0]
        for j in range(1, len(u.items)):
            prev, it = u.items[j - 1], u.items[j]
            if u.ordered and prev.number is not None and it.number is not None and it.number <= prev.number or not u.ordered and titled_item(prev, info) != titled_item(it, info) and j - cuts[-1] >= 2:
                cuts.append(j)
        if len(cuts) == 1:
            out.append(u)
            continue
        bounds = cuts + [len(u.items)]
        for a, b in zip(bounds, bounds[1:], strict=False):
            end = u.items[b].start if b < len(u.items) else u.end
            out.append(Unit("list", u.items[a].start, end, ordered=u.ordered, items=u.items[a:b]))
    return tuple(out)
