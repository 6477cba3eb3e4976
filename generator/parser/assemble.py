"""Units + item layout → the :class:`~generator.model.Issue` and its problems.

* before the first item: title heading, ``Key: value`` header lines, intro paragraphs,
  highlight lists, ads (with their follow-up paragraphs), glossaries, footers;
* inside an item: heading → titles, body units → Markdown body, summary, lead-in sections;
  link lines → links; an ``[광고]…[/광고]`` span, an editor's message or a glossary is taken
  out; after the item's closing link line (or a rule) the rest is a non-paper block.
"""

from __future__ import annotations

import datetime as _dt
import re
import textwrap
from dataclasses import dataclass, field, replace

from ..model import (
    Block,
    BlockKind,
    GlossaryEntry,
    Issue,
    LayoutReport,
    Link,
    LinkKind,
    Location,
    Paper,
    Problem,
    Section,
    Severity,
    Source,
)
from ..sources import SourceText, unsafe_targets
from .blocks import AD_CLOSE, AD_OPEN, classify, glossary_entry, is_highlights_lines, is_image_only, is_sign_off
from .doubts import Evidence, doubts, most_linked_note
from .explain import layout_report
from .finder import LABEL_LINE, TIME_PREFIX, TITLE_FIELD
from .chat import move_replies, unwrap_chat
from .footnotes import inline_footnotes
from .htmlmd import has_html, html_to_markdown
from .items import ItemSpan, Layout, LineInfo, find_items
from .links import STATUS_URL, RawLink, is_link_label, kind_for, names_link, split_trailing_links, url_kind
from .mail import unwrap_forward
from .refs import inline_references
from .metadata import HeaderLines, merge_headers, parse_date, parse_header_lines
from .nonpaper import find_legend, news_reason
from .titles import has_hangul, has_latin, is_sentence, plain, split_title, strip_decoration, title_text
from .tokens import MARKER_RE, Unit, code_lines, code_lines_of, to_units

__all__ = ["build_issue"]

_WHOLE_BOLD = re.compile(r"^(?:\*\*|__)[^*_]+(?:\*\*|__)$")
_MARK = re.compile(r"^\s*(?:(?:>\s*)+|[-*+•]\s+)?")
_LEAD_IN = re.compile(r"^(?:\*\*|__)(?P<h>[^*_\n]{1,100}?)(?:\*\*|__)[ \t]*(?P<sep>[:：.—–]?)[ \t]*(?P<rest>.*)$", re.DOTALL)


@dataclass
class _Ctx:
    """Mutable state of one parse (internal; results are frozen model objects)."""

    src: SourceText
    """The file being parsed."""

    info: LineInfo
    """Per-line facts of the body (its text, whether it is a link line), computed once."""

    lang: str
    """``ko`` or ``en``."""

    problems: list[Problem] = field(default_factory=list)
    """Problems found so far, in the order found."""

    blocks: list[Block] = field(default_factory=list)
    """Non-paper blocks found so far, in file order."""

    def loc(self, line0: int) -> Location:
        return Location(self.src.path, line0 + self.src.body_offset + 1)

    def problem(self, line0: int, severity: Severity, message: str, hint: str) -> None:
        self.problems.append(Problem(self.loc(line0), severity, message, hint))

    def lines(self, u: Unit) -> list[str]:
        return self.info.lines[u.start:u.end]

    def text(self, u: Unit) -> str:
        return textwrap.dedent("\n".join(self.lines(u))).strip("\n")

    def link(self, raw: RawLink, line0: int) -> Link:
        """A model link at body line ``line0`` (unsafe targets are reported by :func:`_report_unsafe`)."""
        return Link(raw.kind, raw.label, raw.url, self.loc(line0))


class _BlockBuilder:
    """Collects consecutive units into one non-paper block."""

    def __init__(self, ctx: _Ctx, kind: BlockKind, unit: Unit) -> None:
        self.ctx, self.kind, self.units = ctx, kind, [unit]

    def add(self, unit: Unit) -> None:
        self.units.append(unit)

    def accepts(self, unit: Unit, kind: BlockKind | None) -> bool:
        lines = self.ctx.lines(unit)
        if len(self.units) == 1 and self.units[0].kind == "heading" and unit.kind != "heading":
            if self.kind is BlockKind.OTHER and kind is not None:
                self.kind = kind  # ``## 마치며`` + a subscribe paragraph is a footer
            return kind is None or kind is self.kind
        if kind is not None:
            return kind == self.kind and kind is not BlockKind.GLOSSARY
        if self.kind in (BlockKind.SPONSOR, BlockKind.FOOTER, BlockKind.OTHER):
            return True
        if self.kind is BlockKind.GLOSSARY:
            return unit.kind == "table" or all(glossary_entry(line, loose=True) for line in lines if line.strip())
        if self.kind is BlockKind.HIGHLIGHTS:
            return unit.kind == "list" or is_highlights_lines(lines)
        return False

    def build(self) -> Block:
        ctx = self.ctx
        first = self.units[0]
        first_lines = [ln for ln in ctx.lines(first) if ln.strip()]
        title = ""
        content = self.units
        if len(first_lines) == 1 and AD_OPEN.match(first_lines[0]) and len(self.units) > 1:
            first = self.units[1]
            first_lines = [ln for ln in ctx.lines(first) if ln.strip()]
            content = self.units[1:]
        if first.kind == "heading" or (len(first_lines) == 1 and len(plain(first_lines[0])) <= 60
                                       and len(content) > 1 and not AD_CLOSE.search(first_lines[0])):
            title = plain(first_lines[0]).rstrip(":：")
            content = content[1:]
        text = "\n\n".join(ctx.text(u) for u in self.units)
        items: list[str] = []
        entries: list[GlossaryEntry] = []
        if self.kind is BlockKind.HIGHLIGHTS:
            for u in content:
                for i in range(u.start, u.end):
                    row = plain(MARKER_RE.sub("", ctx.info.lines[i], count=1))
                    if row:
                        items.append(row)
        if self.kind is BlockKind.GLOSSARY:
            for u in content:
                for i in range(u.start + 2 if u.kind == "table" else u.start, u.end):  # table: skip header rows
                    entry = _table_entry(ctx.info.lines[i]) if u.kind == "table" else \
                        glossary_entry(ctx.info.lines[i], loose=True)
                    if entry:
                        entries.append(GlossaryEntry(entry[0], entry[1], ctx.loc(i)))
        return Block(self.kind, text, ctx.loc(self.units[0].start), title, tuple(items), tuple(entries))


def _ad_goes_on(ctx: _Ctx, units: tuple[Unit, ...], n: int) -> bool:
    """After the ad opener ``units[n]``: True when the ad span goes on into the next unit.

    A bare marker line (``[광고]``) opens a span up to its ``[/광고]`` (or the end of the part); a
    marker with text on its line (``[AD] 워크숍 …``) is a one-paragraph ad unless a closer follows
    before the next ad.
    """
    lines = ctx.lines(units[n])
    if any(AD_CLOSE.search(ln) for ln in lines):
        return False
    if not AD_OPEN.sub("", lines[0]).strip():
        return True
    for u in units[n + 1:]:
        later = ctx.lines(u)
        if any(AD_CLOSE.search(ln) for ln in later):
            return True
        if AD_OPEN.match(later[0]):
            return False
    return False


def _table_entry(line: str) -> tuple[str, str] | None:
    """``| term | definition |`` → ``(term, definition)``."""
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) < 2 or not cells[0]:
        return None
    return plain(cells[0]), " | ".join(cells[1:]).strip()


@dataclass
class _Front:
    """What stands before the first paper (internal, filled while reading the units)."""

    title: str | None = None
    """The issue title, plain text, when the body has one."""

    header: HeaderLines | None = None
    """Metadata from ``Key: value`` header lines (title, author, date, source), when present."""

    intro: list[str] = field(default_factory=list)
    """Markdown paragraphs of the introduction."""


def _is_title(ctx: _Ctx, u: Unit, kind: BlockKind | None, *, first: bool) -> bool:
    """The issue title: a heading, a bold-only line, or the body's first line when it is short and not a
    sentence. A ``#`` heading is the title even when it names a highlight (``# 주간 LLM 하이라이트``)."""
    if u.kind == "heading":
        return kind is None or (u.level == 1 and kind is BlockKind.HIGHLIGHTS)
    if kind is not None or u.kind != "paragraph" or u.end - u.start != 1:
        return False
    line = ctx.info.lines[u.start].strip()
    if _WHOLE_BOLD.match(line):
        return True
    return first and len(line) <= 100 and not is_sentence(plain(line)) and not ctx.info.links(u.start) \
        and "](" not in line and not MARKER_RE.match(line)


_WORD = re.compile(r"[^\W_]")
_BEFORE_TITLE = (BlockKind.IMAGE, BlockKind.FOOTER)
"""Blocks a mail may open with before its title: a logo, a ``웹에서 보기 · 구독하기`` line."""
_LONG_BLANKS = re.compile(r"[ \t]{40,}")
_CHATTY = re.compile(r"\d:\d\d")
"""A time of day: no chat export without one (the cheap test before looking for messages)."""
"""A run of blanks inside a line: shown as one space by Markdown, and quadratic for some line patterns."""
_BOLD_THEN_DATE = re.compile(r"^\s*(?:#{1,6}\s+)?(?:\*\*|__)(?P<title>[^*_]+)(?:\*\*|__)\s*[—–\-|·]\s*(?P<rest>.+)$")


def _issue_title(line: str) -> str:
    """The issue title of a title line: ``**Title** — 2026년 2월 8일 발행`` keeps only the bold title."""
    m = _BOLD_THEN_DATE.match(line)
    if m and parse_date(m.group("rest")):
        return strip_decoration(plain(m.group("title")))
    return strip_decoration(plain(line))


def _section_headings(ctx: _Ctx, units: tuple[Unit, ...], item_lines: set[int]) -> list[tuple[int, str]]:
    """``(line, text)`` of the document's section titles that open no item: headings, and one-line labels such as
    ``■ 업계 소식`` or a bold-only line between rules."""
    out = []
    for n, u in enumerate(units):
        if u.start in item_lines:
            continue
        first = ctx.info.lines[u.start].strip()
        if u.kind == "heading" or u.kind == "paragraph" and u.end - u.start == 1 and len(first) <= 40 and not ctx.info.links(u.start) \
                and (first.startswith(("■", "□", "▣", "◆", "◇", "【", "[")) or (
                    _WHOLE_BOLD.match(first) and n and units[n - 1].kind == "hr")):
            out.append((u.start, plain(first)))
    return out


def _lead_block(ctx: _Ctx, u: Unit) -> bool:
    """A unit a mail may open with before its title line: a logo image or a ``웹에서 보기`` line."""
    return is_image_only(ctx.lines(u)) or (u.kind == "paragraph" and u.end - u.start == 1
                                            and bool(_VIEW_ONLINE.match(ctx.info.lines[u.start])))


def _front(ctx: _Ctx, units: tuple[Unit, ...]) -> _Front:
    front = _Front()
    current: _BlockBuilder | None = None
    ad_open = False

    def close() -> None:
        nonlocal current
        if current is not None:
            ctx.blocks.append(current.build())
            current = None

    for n, u in enumerate(units):
        lines = ctx.lines(u)
        if ad_open and current is not None:
            current.add(u)
            ad_open = not any(AD_CLOSE.search(ln) for ln in lines)
            continue
        if u.kind == "hr":
            close()
            continue
        if AD_OPEN.match(lines[0]):
            close()
            current = _BlockBuilder(ctx, BlockKind.SPONSOR, u)
            ad_open = _ad_goes_on(ctx, units, n)
            continue
        if u.kind in ("paragraph", "list", "quote"):  # also "- 발행일: …" items and "> 보낸 사람: …" quotes
            header = parse_header_lines([_MARK.sub("", ln) for ln in lines], title_line=front.title is None
                                        and (front.header is None or front.header.title is None)
                                        and not front.intro and u.kind == "paragraph")
            if header is not None:
                front.header = merge_headers(front.header, header)
                if header.date_text and header.date is None:
                    ctx.problem(u.start, Severity.WARNING, f"cannot read the date {header.date_text!r}",
                                "write it as YYYY-MM-DD or 2025년 11월 16일")
                continue
        kind = classify(lines, weak=True) if u.kind in ("paragraph", "heading", "list", "html") else None
        if kind is None and u.kind == "paragraph" and len(lines) == 1 and _VIEW_ONLINE.match(lines[0]):
            kind = BlockKind.FOOTER  # ``메일이 잘 보이지 않나요? 웹에서 보기: https://…`` above the title
        if front.title is None and not front.intro and (current is None or current.kind in _BEFORE_TITLE) \
                and _is_title(ctx, u, kind, first=all(_lead_block(ctx, v) for v in units[:n])):
            close()  # a logo image may come first
            front.title = _issue_title(next((ln for ln in lines if _WORD.search(ln)), lines[0]))  # not a ``===`` banner
            continue
        if current is not None and current.accepts(u, kind):
            current.add(u)
            continue
        close()
        if kind is None and u.kind == "list" and front.intro or kind is None and u.kind == "paragraph" and is_highlights_lines(lines) \
                and not any(ctx.info.links(i) for i in range(u.start, u.end)):
            kind = BlockKind.HIGHLIGHTS
        if kind is not None:
            current = _BlockBuilder(ctx, kind, u)
        else:
            front.intro.append(ctx.text(u))
    close()
    return front


def _section_list(pieces: list[tuple[Unit, str]], ctx: _Ctx, skip_first: bool) -> tuple[Section, ...]:
    sections: list[Section] = []
    heading: str | None = None
    start = 0
    texts: list[str] = []
    for n, (u, text) in enumerate(pieces):
        m = _LEAD_IN.match(text) if u.kind == "paragraph" and not (skip_first and n == 0) else None
        # ``**Lead**: text``, ``**Lead.** text``, or a bold line alone above its text
        if m and (m.group("sep") or m.group("h").rstrip().endswith((":", ".", "："))
                  or m.group("rest").startswith("\n")):
            if heading is not None:
                sections.append(Section(heading, "\n\n".join(texts).strip(), ctx.loc(start)))
            heading = m.group("h").strip().rstrip(":：.").strip()
            start, texts = u.start, [m.group("rest").strip()]
        elif heading is not None:
            texts.append(text)
    if heading is not None:
        sections.append(Section(heading, "\n\n".join(texts).strip(), ctx.loc(start)))
    return tuple(sections)


def _body_piece(ctx: _Ctx, u: Unit, start: int, prefix: str = "", unquote: bool = False) -> tuple[str, list[Link]]:
    """Markdown of lines ``start…u.end`` of a unit without its link lines, and those links (``unquote``: the
    unit is a paper card written as a quote, whose ``>`` marks are no part of its text)."""
    links: list[Link] = []
    kept: list[str] = []
    scan = u.kind not in ("code", "html")
    for i in range(start, u.end):
        raw = ctx.info.links(i) if scan else None
        if raw:
            links.extend(ctx.link(r, i) for r in raw)
        else:
            kept.append(ctx.info.lines[i])
            if scan and links and i > start and (classify([ctx.info.lines[i]], weak=False) is BlockKind.SPONSOR
                                                 or is_sign_off([ctx.info.lines[i]])):
                scan = False  # lines run together (an HTML export's <p>s): after an ad or sign-off, links are theirs
    if unquote:
        kept = [re.sub(r"^\s*(?:>\s?)+", "", line) for line in kept]
    text = textwrap.dedent("\n".join(kept)).strip("\n")
    if prefix:
        text = prefix + ("\n" + text if text else "")
    if u.kind == "paragraph" and text:
        head, _, last = text.rpartition("\n")
        found = split_trailing_links(last.strip(), strict=True)
        if found:
            links.extend(ctx.link(r, u.end - 1) for r in found[1])
            text = (head + "\n" + found[0]).strip("\n") if head else found[0]
    return text, links


_TEXT_RULE = re.compile(r"^\s*(?:[─━═]{8,}|[_~]{8,})\s*$")
"""A rule drawn with text characters, which Markdown does not read as one."""
_ITALIC_LINE = re.compile(r"^(?:\*(?P<a>[^*\n]+)\*|_(?P<b>[^_\n]+)_)$")


_BYLINE = re.compile(r"\d{1,2}\s*[/.]\s*\d{1,2}|\d{4}\s*[.\-/]\s*\d{1,2}|\d{1,2}\s*월\s*\d{1,2}\s*일")
_NUMBERED_LABEL = re.compile(r"^(?:발표\s*)?(?:논문|paper|article|item|항목|no\.?|번호)\s*#?\s*\d{1,3}(?:\s*[(（][^()（）]{1,30}[)）])?$"
                             r"|^(?:arxiv\s*:\s*)?\d{4}\.\d{4,5}(?:v\d+)?$", re.IGNORECASE)
"""A heading that only numbers the item (``발표 논문 1``, ``Paper 3``, ``arXiv:2502.12345``)."""
_BYLINE_WORDS = re.compile(r"발표(?:자)?|진행|presenter|speaker|담당|발제(?:자)?", re.IGNORECASE)
_CHAT_HEADER = re.compile(r"^\S{1,20}(?:\s\S{1,20})?\s*(?:[—–\-·|]\s*)?[\[(]?[^\n]{0,24}?"
                          r"(?:오전|오후|AM|PM)?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM)?[\])]?$", re.IGNORECASE)
"""A chat message's header pasted with it: a nickname and the time it was sent (``도토리 — 2025-08-21 오후 9:02``,
``minsu [오후 9:02]``)."""
_TALK_NUMBER = re.compile(
    r"^(?:\d{1,2}:\d{2}(?::\d{2})?\s*[—–\-|·]\s*(?=\S))?"
    r"(?:(?:발표|발제|논문|paper|talk|item)\s*#?\s*\d{1,3}\s*[—–\-:：.]\s+(?=\S)"
    r"|(?:[\w\uac00-\ud7a3]{1,12}\s?의\s*|에디터\s*|오늘의\s*|이번\s*주\s*)?(?:픽|원픽|추천\s*논문|pick)\s*[①-⑳\d]*\s*[:：]\s+(?=\S))?",
    re.IGNORECASE)
"""What stands before a title in a programme or show notes: a timestamp (``00:09:40 — ``), a talk number
(``발표 3 — Title``, ``Paper 2: Title``) or a pick label (``정훈의 픽 ①: Title``)."""


def _no_title(heading: str) -> bool:
    """A heading that holds no title: only a number or symbols (``📄 1``), or a date with a presenter
    (``3/5 (목) · 발표: 김도윤``)."""
    text = strip_decoration(heading)
    if not re.search(r"[A-Za-z\uac00-\ud7a3]{2,}", text) or _NUMBERED_LABEL.match(text) or _CHAT_HEADER.match(text):
        return True
    return bool(_BYLINE.search(text)) and bool(_BYLINE_WORDS.search(text)) and len(text) <= 60


_FIELD_LINE = re.compile(r"^\s*[A-Za-z가-힣][\w가-힣 ]{0,20}\s*[:：]\s*\S")
"""A ``Key: value`` line (``Date: Thu, 2 Jan 2025``)."""


def _title_from_body(pieces: list[tuple[Unit, str]]) -> tuple[str | None, list[tuple[Unit, str]]]:
    """The title written under a heading that holds none: a ``**Paper**: …``/``제목: …`` field among the first
    lines, else the first line when it is short and no sentence; and the pieces without that line."""
    if not pieces or pieces[0][0].kind not in ("paragraph", "list"):
        return None, pieces
    for at, (u, text) in enumerate(pieces[:2]):
        lines = text.split("\n")
        if at and not all(_FIELD_LINE.match(line) for line in pieces[0][1].split("\n") if line.strip()):
            break  # the second piece only under a first one of fields (``Date: …`` over ``Title: …``)
        for n, line in enumerate(lines[:4]):
            m = TITLE_FIELD.match(line)
            if m and "://" not in m.group("title"):
                title, end = m.group("title"), n + 1
                while end < len(lines) and re.match(r"^[ \t]{2,}\S", lines[end]) and not LABEL_LINE.match(lines[end]):
                    title, end = f"{title} {lines[end].strip()}", end + 1  # ``Title: …`` wrapped onto an indented line
                rest = lines[:n] + lines[end:]
                kept = [(u, "\n".join(rest))] if any(r.strip() for r in rest) else []
                return plain(title), pieces[:at] + kept + pieces[at + 1:]
    u, text = pieces[0]
    lines = text.split("\n")
    first = _TALK_NUMBER.sub("", strip_decoration(plain(lines[0])))
    if first and len(first) <= 200 and "://" not in lines[0] and not is_sentence(first):
        rest = lines[1:]
        return first, ([(u, "\n".join(rest).strip("\n"))] if any(r.strip() for r in rest) else []) + pieces[1:]
    return None, pieces


_TALLY = re.compile(r"\b\d+\s*(?:points?|upvotes?|votes?|comments?)\b|[💬▲👍⭐]\s*\d", re.IGNORECASE)
"""A line of counts under a heading (``▲ 59 points · 💬 6 · by name · 4일전``): no title in the other language."""


def _subtitle(pieces: list[tuple[Unit, str]], want: str) -> tuple[str | None, list[tuple[Unit, str]]]:
    """The title in the other language written on the first line under the heading, and the pieces without it:
    an italic line (``*English Title*`` under a Korean heading, ``*한국어 제목*`` under an English one), a plain
    English title line (``Darwin Godel Machine: Open-Ended …``), or a short plain Korean line standing alone."""
    if not pieces or pieces[0][0].kind != "paragraph":
        return None, pieces
    u, text = pieces[0]
    first, _, rest = text.strip().partition("\n")
    m = _ITALIC_LINE.match(first.strip())
    inner = (m.group("a") or m.group("b")).strip() if m else strip_decoration(plain(first))  # ``📌 Title``
    if not inner or "](" in first or "://" in first or (want == "ko" and LABEL_LINE.match(inner)) or _TALLY.search(inner) \
            or first.lstrip().startswith(("→", "->", "➡", "⇒", "=>", "↳")):
        return None, pieces  # ``공유: 장민호`` is a field, ``→ 한 줄 요약`` a comment, not a title
    if want == "en":
        ok = has_latin(inner) and not has_hangul(inner) and not is_sentence(inner) and (
            bool(m) or (len(inner.split()) >= 2 and len(inner) <= 200 and (inner[0].isupper() or inner[0].isdigit())))
    else:  # a bold line is a label (a ``<summary>`` toggle, ``**요약**``), not the title in Korean
        ok = has_hangul(inner) and len(inner) <= 80 and not is_sentence(inner) and (bool(m) or (
            not rest and len(inner) <= 50 and not re.search(r"[.!?。]$|(?:다|요|죠)$", inner)
            and not first.strip().startswith(("**", "__"))))
    if not ok:
        return None, pieces
    return inner, ([(u, rest.strip("\n"))] if rest.strip() else []) + pieces[1:]


_TITLE_LINE = re.compile(
    r"^[\s>*_\-•]*(?P<paren>[(（])?[\s*_]*(?:(?P<en>원제|원문\s*제목|영문\s*제목|영어\s*제목|영문명|original\s+title|english\s+title|paper\s+title|"
    r"논문\s*제목|full\s+title)|(?P<ko>한국어\s*제목|국문\s*제목|번역\s*제목|우리말\s*제목|korean\s+title))"
    r"\s*(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*(?P<title>\S.*?)[\s*_]*(?(paren)[)）][\s*_]*)$", re.IGNORECASE)
"""A line that says what it is: ``원제: English Title``, ``Original title: …``, ``(영문 제목: …)``."""


def _title_lines(pieces: list[tuple[Unit, str]]) -> tuple[dict[str, str], list[tuple[Unit, str]]]:
    """Titles given by labelled lines in the first pieces of a body, and the pieces without those lines."""
    named: dict[str, str] = {}
    out: list[tuple[Unit, str]] = []
    for n, (u, text) in enumerate(pieces):
        if n >= 3 or u.kind not in ("paragraph", "quote", "list"):
            out.append((u, text))
            continue
        kept: list[str] = []
        lines = text.split("\n")
        j = 0
        while j < len(lines):
            m = _TITLE_LINE.match(lines[j])
            if m and len(m.group("title")) <= 300:
                title = m.group("title")
                while j + 1 < len(lines) and re.match(r"^[ \t]{2,}\S", lines[j + 1]) and len(title) < 300:
                    j += 1  # a long title wrapped onto an indented line
                    title = f"{title} {lines[j].strip()}"
                named.setdefault("en" if m.group("en") else "ko", title_text(plain(title)))
            else:
                kept.append(lines[j])
            j += 1
        if any(line.strip() for line in kept):
            out.append((u, "\n".join(kept).strip("\n")))
    return named, out


def _split_off(title_ko: str, title_en: str) -> str | None:
    """``한국어 (English)`` whose English part is the named English title → the Korean part alone."""
    group = title_ko.rsplit("(", 1)
    if len(group) == 2 and group[1].rstrip(") ").strip() and not has_hangul(group[1]) and has_hangul(group[0]):
        return group[0].strip()
    head, colon, tail = title_ko.partition(":")
    if colon and has_hangul(tail) and not has_hangul(head) and _same_text(head, title_en):
        return tail.strip() or None  # ``English Title: 한국어 부제`` — not ``DeepSeek-OCR: 한국어``, a name kept
    return None


def _same_text(a: str, b: str) -> bool:
    return re.sub(r"\W+", "", a).lower() == re.sub(r"\W+", "", b).lower()


_CODE_WORDS = re.compile(r"코드|구현|저장소|레포|리포|깃허브|code|repo|implementation|github|오픈\s*소스|open[- ]?source",
                         re.IGNORECASE)
_MODEL_WORDS = re.compile(r"모델|가중치|체크포인트|\bmodels?\b|\bweights\b|\bcheckpoints?\b", re.IGNORECASE)
_TAIL_FIELD = re.compile(r"(?<=[.!?。)])\s+(?P<label>[\w가-힣 ]{1,15}?)\s*[:：]\s*<?(?P<url>https?://[^\s<>]+?)>?\s*$")
_HERE = frozenset({"여기", "이곳", "이쪽", "here", "this"})
"""Link texts that only point (``[여기](…)``): the word before them says what the link is."""
_PROSE_LINK = re.compile(r"\[(?P<label>[^\]]{1,40})\]\((?P<url>https?://[^()\s]+)\)|(?P<bare>https?://[^\s<>()\[\]]+)"
                         r"|(?<![\w./:])(?P<host>github\.com/[\w.-]+/[\w.-]+)")
"""A link in prose: ``[코드](…)``, a bare address, or a GitHub repository written without ``https://``."""


def _prose_links(ctx: _Ctx, pieces: list[tuple[Unit, str]], links: list[Link]) -> list[Link]:
    """Links of the item named in its prose: ``[PDF](…)`` or ``[코드](…)`` inline, a GitHub address in a
    sentence that says it is the code (``코드는 https://github.com/… 에 공개``); only kinds the item lacks."""
    pieces = [(u, text) for u, text in pieces if "://" in text or "github.com/" in text]  # no address, no link
    if not pieces:
        return []
    have = {link.kind for link in links if link.url}
    urls = {link.url for link in links if link.url}
    found: list[Link] = []
    for u, text in pieces:  # ``… 방법. 발표자료: https://…`` at the end of a line of prose
        if u.kind in ("paragraph", "list", "quote"):
            for line in text.split("\n"):
                m = _TAIL_FIELD.search(line)
                if m and names_link(m.group("label")) and m.group("url") not in urls and m.start() > 0:
                    urls.add(m.group("url"))
                    found.append(Link(kind_for(m.group("label"), m.group("url")), m.group("label").strip(),
                                      m.group("url"), ctx.loc(u.start)))
                    have.add(found[-1].kind)
    for u, text in pieces:
        if u.kind not in ("paragraph", "list", "quote"):
            continue
        prev = ""
        for sentence in re.split(r"(?<=[.!?。])\s+|\n", text):
            for m in _PROSE_LINK.finditer(sentence):
                url = (m.group("url") or m.group("bare") or (m.group("host") and "https://" + m.group("host")) or "").rstrip(".,;:")
                label = m.group("label") or ""
                if m.group("bare") and sentence[max(0, m.start() - 2):m.start()].endswith("]("):
                    continue
                if label.strip().lower() in _HERE:  # ``설명 영상은 [여기](…)에서``: the words before name the link
                    before = re.sub(r"[은는이가을를의]$", "", (prev + " " + sentence[:m.start()]).split()[-1]) \
                        if (prev + sentence[:m.start()]).split() else ""
                    label = before if before and names_link(before) else label
                if label and names_link(label):
                    words = [w for w in re.split(r"\s+", label) if is_link_label(w)]
                    kind = kind_for(words[0] if words and not is_link_label(label) else label, url)
                elif "github.com/" in url and _CODE_WORDS.search(sentence.replace(m.group(0), "")):
                    kind = LinkKind.CODE
                elif m.group("bare") and url_kind(url) is LinkKind.MODEL and _MODEL_WORDS.search(sentence.replace(url, "")):
                    kind = LinkKind.MODEL  # ``The model is available at https://huggingface.co/…``
                elif STATUS_URL.search(url):
                    kind = LinkKind.TWEET  # ``트위터에서 논쟁이 있었음 → [이 스레드](https://x.com/…/status/…)``
                else:
                    continue
                if kind is LinkKind.TWEET and STATUS_URL.search(url) and kind not in have and url not in urls:
                    have.add(kind)  # a post's own address is the item's tweet wherever the sentence puts it
                    urls.add(url)
                    found.append(Link(kind, label or "트윗", url, ctx.loc(u.start)))
                    continue
                if kind in (LinkKind.PAPER, LinkKind.CODE) and kind not in have:
                    have.add(kind)
                    found.append(Link(kind, label or ("코드" if kind is LinkKind.CODE else "논문"), url, ctx.loc(u.start)))
                elif kind is LinkKind.MODEL and url not in urls:
                    urls.add(url)
                    found.append(Link(kind, label or "모델", url, ctx.loc(u.start)))
                elif label and names_link(label) and kind not in (LinkKind.PAPER, LinkKind.CODE, LinkKind.TWEET) \
                        and url not in urls and kind not in have:
                    have.add(kind)  # ``[데모 페이지](…)``, ``[슬라이드 PDF](…)`` named in a sentence: the item's link
                    urls.add(url)
                    found.append(Link(kind, label, url, ctx.loc(u.start)))
            prev = sentence
    return found


def _closing_words_out(ctx: _Ctx, pieces: list[tuple[Unit, str]]) -> list[tuple[Unit, str]]:
    """The last paper's closing paragraphs that are the issue's sign-off (``구독과 좋아요 부탁드립니다!``)
    become a footer block, also when no link line or rule separates them from the paper."""
    cut = len(pieces)
    while cut > 1 and pieces[cut - 1][0].kind == "paragraph" and is_sign_off(ctx.lines(pieces[cut - 1][0])):
        cut -= 1
    if cut < len(pieces):
        builder = _BlockBuilder(ctx, BlockKind.FOOTER, pieces[cut][0])
        for u, _ in pieces[cut + 1:]:
            builder.add(u)
        ctx.blocks.append(builder.build())
    return pieces[:cut]


def _told(pieces: list[tuple[Unit, str]]) -> int:
    """How many pieces hold more than labelled title lines (``Original title: …``)."""
    return sum(1 for _, t in pieces if not all(_TITLE_LINE.match(line) for line in t.split("\n") if line.strip()))


def _paper(ctx: _Ctx, item: ItemSpan, position: int, last: bool = False) -> Paper:
    pieces: list[tuple[Unit, str]] = []
    links = [ctx.link(r, item.heading_line) for r in item.heading_links]
    trailing = after_rule = False
    links_last = False  # the unit before held only link lines
    current: _BlockBuilder | None = None
    ad_open = False

    def take(u: Unit, kind: BlockKind) -> None:
        nonlocal current
        if current is not None and current.accepts(u, kind if kind is not BlockKind.OTHER else None):
            current.add(u)
            return
        if current is not None:
            ctx.blocks.append(current.build())
        current = _BlockBuilder(ctx, kind, u)

    for n, u in enumerate(item.units):
        lines = ctx.lines(u)
        if n == 0:
            if u.kind == "heading":
                continue
            start = u.start if item.keep_first_paragraph else item.heading_line + item.heading_lines
            text, found = _body_piece(ctx, u, start, "" if item.keep_first_paragraph else item.rest,
                                      unquote=u.kind == "quote")
            links.extend(found)
            if text:
                pieces.append((u, text))
            if found and text and not item.keep_first_paragraph and start < u.end:
                trailing = True
            if found and item.keep_first_paragraph:
                trailing = True
            continue
        if ad_open:
            take(u, BlockKind.SPONSOR)
            ad_open = not any(AD_CLOSE.search(ln) for ln in lines)
            continue
        if u.kind == "hr":
            after_rule = bool(pieces) or after_rule or item.pattern == "list"  # a rule after a list ends its last item
            continue
        if u.kind == "paragraph" and _TEXT_RULE.match(lines[0]):
            after_rule = bool(pieces) or after_rule  # ``────────`` in a plain-text mail: what follows is not the paper's
        if u.kind == "heading" and item.pattern == "list" and not after_rule:
            after_rule = True  # a section heading after a list of papers ends the list's last paper
        if AD_OPEN.match(lines[0]):
            if current is not None:
                ctx.blocks.append(current.build())
                current = None
            take(u, BlockKind.SPONSOR)
            ad_open = _ad_goes_on(ctx, item.units, n)
            continue
        if trailing and not after_rule and links_last and current is None and u.kind == "paragraph" \
                and all(ctx.info.links(i) for i in range(u.start, u.end) if ctx.info.lines[i].strip()):
            links.extend(_body_piece(ctx, u, u.start)[1])  # link lines one per paragraph (a Notion export)
            continue
        links_last = False
        if trailing or after_rule:
            kind = classify(lines, weak=True) or BlockKind.OTHER
            take(u, kind)
            continue
        strong = classify(lines, weak=False) if u.kind in ("paragraph", "heading", "html") else None
        if strong in (BlockKind.SPONSOR, BlockKind.GLOSSARY):
            take(u, strong)
            trailing = True
            continue
        if strong is BlockKind.IMAGE:
            take(u, strong)
            if current is not None:
                ctx.blocks.append(current.build())
                current = None
            continue
        text, found = _body_piece(ctx, u, u.start)
        links.extend(found)
        if text:
            pieces.append((u, text))
        if found and len(pieces) > (1 if text else 0) and _told(pieces) > (1 if text else 0):
            # ``Original title: …`` above the links is no text before them
            trailing = True
            links_last = not text
    if current is not None:
        ctx.blocks.append(current.build())
    if last:
        pieces = _closing_words_out(ctx, pieces)

    heading = plain(item.heading)
    if _no_title(heading):  # ``### 📄 1``, ``**3/5 (목) · 발표: 김도윤**``: the title is the next line
        if not item.heading_links and ctx.info.links(item.heading_line):  # ``arXiv:2510.16209`` opens the item
            links[:0] = [ctx.link(r, item.heading_line) for r in ctx.info.links(item.heading_line) or ()]
        found, pieces = _title_from_body(pieces)
        heading = found or heading
    talk = _TALK_NUMBER.match(strip_decoration(heading))  # ``📌 발표 1 — Title``: the talk number is no title
    titled = strip_decoration(heading)[talk.end():] if talk and talk.end() else heading
    title_ko, title_en = split_title(title_text(titled), ctx.lang)
    named, pieces = _title_lines(pieces)
    if ctx.lang != "en" and item.pattern != "table":  # a table row's other cells are its summary, not titles
        if named.get("en"):
            title_en = named["en"]  # the heading is then the Korean title, less an English part it repeats
            whole = title_text(strip_decoration(titled))
            if title_ko is None and has_hangul(titled) or title_ko and whole.endswith(title_ko) \
                    and not _same_text(whole[: -len(title_ko)].rstrip(" :：—–-"), title_en):
                title_ko = whole  # ``DeepSeek-OCR: 한국어 부제`` with 원제 ``DeepSeek-OCR: …``: the name is kept
            if title_ko and not has_hangul(title_ko):
                title_ko = None
            if title_ko:
                title_ko = _split_off(title_ko, title_en) or title_ko
        if named.get("ko"):
            title_ko = named["ko"]
        if title_ko and not named.get("en") and not (title_en and named.get("ko")):
            english, pieces = _subtitle(pieces, "en")
            if english is not None:
                title_ko, title_en = title_text(strip_decoration(titled)), english
        described = item.pattern == "list" and bool(item.rest) and bool(item.heading_links) \
            and bool(pieces) and pieces[0][1].startswith(item.rest)  # ``- [Title](url) — 한 줄 설명``
        if title_en and not title_ko and not named.get("ko") and not described:
            korean, pieces = _subtitle(pieces, "ko")
            title_ko = korean or title_ko
    links.extend(_prose_links(ctx, pieces, links))
    links = _paper_host_first(links, len(item.heading_links))
    summary = next((t for u, t in pieces if u.kind == "paragraph"), pieces[0][1] if pieces else "")
    return Paper(
        position=position,
        heading=heading,
        title_ko=title_ko,
        title_en=title_en,
        summary=summary,
        body="\n\n".join(t for _, t in pieces),
        sections=_section_list(pieces, ctx, item.keep_first_paragraph),
        links=tuple(links),
        location=ctx.loc(item.heading_line),
    )


def _paper_host_first(links: list[Link], from_heading: int) -> list[Link]:
    """A heading linked to a page that is no paper host (a discussion thread, a blog) is taken for the paper only
    while the item has no link to a paper host: ``1. [Title](https://news.hada.io/…)`` over ``→ 원문: arxiv.org/…``
    makes the arXiv page the paper and the thread another link."""
    heading = [n for n, link in enumerate(links[:from_heading])
               if link.kind is LinkKind.PAPER and link.url and url_kind(link.url) is LinkKind.OTHER]
    if not heading or not any(link.url and url_kind(link.url) is LinkKind.PAPER for link in links[from_heading:]):
        return links
    return [replace(link, kind=LinkKind.OTHER) if n in heading else link for n, link in enumerate(links)]


def _check_numbers(ctx: _Ctx, layout: Layout) -> None:
    numbers = [(i.number, i.heading_line) for i in layout.items if i.number is not None]
    if len(numbers) != len(layout.items) or not numbers:
        return
    first = expected = numbers[0][0]
    seen: set[int] = set()
    for number, line in numbers:
        if number == first and seen:  # numbering restarts (one list per category): a new sequence
            seen, expected = set(), first
        if number in seen:
            ctx.problem(line, Severity.WARNING, f"item number {number} is used twice", "renumber the items")
        elif number != expected:
            ctx.problem(line, Severity.WARNING, f"item number {number} where {expected} was expected",
                        "renumber the items so they follow each other")
        seen.add(number)
        expected = number + 1


def _date_near_top(ctx: _Ctx, front: _Front, layout: Layout) -> _dt.date | None:
    """A full date written in the title or in the lines before the first item (``… — 2025.11.23``)."""
    if front.title:
        found = parse_date(front.title)
        if found:
            return found
    stop = layout.items[0].heading_line if layout.items else min(len(ctx.info.lines), 30)
    for i in range(min(stop, 30)):
        found = parse_date(ctx.info.lines[i])
        if found:
            return found
    return None


_VIEW_ONLINE = re.compile(r"^(?:[^:：\n]{0,30}?[?!.]\s+|[^:：?!.\n]{0,20}?\s)?\s*[^\w\s\[]*\s*\[?(?:[가-힣A-Za-z]{1,10}(?:에서|으로|로)\s*(?:보기|읽기|보려면|보시려면|읽으려면)|웹\s*버전|이\s*페이지|view\s+(?:it\s+)?online|view\s+in\s+browser|"
                          r"web\s+version|read\s+online)(?:\s*(?:[:：→]|👉)\s*<?|\]\()(?P<url>https?://[^\s<>()]+)[>)]?\s*$",
                          re.IGNORECASE)


def _view_online(ctx: _Ctx) -> str | None:
    """The issue's own address from a ``웹에서 보기: …`` / ``View online: …`` line anywhere (often the footer)."""
    for line in ctx.info.lines:
        if "://" in line:
            m = _VIEW_ONLINE.match(line)
            if m:
                return m.group("url").rstrip(".,)")
    return None


def _report_unsafe(ctx: _Ctx, units: tuple[Unit, ...]) -> None:
    """An error for every link, image or autolink target with a dangerous scheme, wherever it is."""
    code = {i for u in units if u.kind == "code" for i in range(u.start, u.end)}
    for i, line in enumerate(ctx.info.lines):
        if i in code or "](" not in line and "<" not in line and "]:" not in line:
            continue  # every link, autolink and reference definition has one of these
        for target in unsafe_targets(line):
            ctx.problem(i, Severity.ERROR, f"unsafe link target {target[:60]!r}",
                        "use an https:// address or remove the link; it is shown as plain text")


def build_issue(src: SourceText, slug: str, lang: str) -> tuple[Issue, list[Problem], LayoutReport]:
    """Parse a normalised source into an :class:`Issue` plus the problems found."""
    body = src.body.replace("\u00a0", " ")  # no-break spaces after list markers and around tags
    forwarded = unwrap_forward(body.split("\n")) if "orward" in body or "메시지" in body else None
    if forwarded is not None:  # a newsletter forwarded by mail: the newsletter is the document
        body = "\n".join(forwarded)
    long_blanks = (" " * 40 in body or "\t" in body) and bool(_LONG_BLANKS.search(body))  # ``in`` first: cheap
    html, notes = has_html(body), "[^" in body
    # The rewrites below keep every line where it is and leave code alone, so one look at the code lines serves all.
    code = code_lines(body) if long_blanks or html or notes else set()
    if long_blanks:  # kept out of every line heuristic: runs of blanks only matter in code
        body = "\n".join(line if n in code else _LONG_BLANKS.sub(" ", line) for n, line in enumerate(body.split("\n")))
    if html:
        body = html_to_markdown(body, code)
    lines = body.split("\n")
    if notes:
        lines = inline_footnotes(lines, code)
        body = "\n".join(lines)
    if "][" in body and "]:" in body:  # ``[arXiv][1]`` … ``[1]: https://…``: the links where they are used
        inlined = inline_references(lines, code if long_blanks or html or notes else code_lines(body))
        if inlined is not None:
            lines = inlined
            body = "\n".join(lines)
    known = code if long_blanks or html or notes else None
    chat = unwrap_chat(lines, lambda: known if known is not None else code_lines(body)) if _CHATTY.search(body) else None
    if chat is not None:  # a pasted group chat: senders and times off, each shared item under a heading
        lines = chat.lines
        body = "\n".join(lines)
    ctx = _Ctx(src, LineInfo(lines), lang)
    units = to_units(body)
    choice = find_items(units, ctx.info, src.body_offset)
    layout = choice.layout
    if chat is not None and chat.replies:
        layout = move_replies(layout, chat.replies)  # ``아침에 공유한 거 코드도 있네요 …``: to the sender's item
    front = _front(ctx, layout.before)
    items = list(layout.items)
    built = [_paper(ctx, item, n, n == len(items)) for n, item in enumerate(items, start=1)]
    legend = find_legend(lines)
    sections = _section_headings(ctx, units, {item.heading_line for item in items})
    kept: list[Paper] = []
    news: list[str] = []
    slots = {n for n, item in enumerate(items) if TIME_PREFIX.match(lines[item.heading_line])}
    if sum(1 for n in slots if any(link.url for link in built[n].links)) < 2:
        slots = set()  # a programme: time slots, most of them talks with their papers
    for n, (item, paper) in enumerate(zip(items, built, strict=True)):
        section = next((text for line, text in reversed(sections) if line < item.heading_line), None)
        reason = news_reason(paper, lines[item.heading_line], legend, section, slot=n in slots)
        if reason is not None:
            ctx.blocks.append(Block(BlockKind.NEWS, paper.body, paper.location, paper.heading, links=paper.links))
            news.append(f"{paper.location}: {paper.heading[:50]!r} is no paper ({reason})")
        else:
            kept.append(replace(paper, position=len(kept) + 1) if paper.position != len(kept) + 1 else paper)
    papers = tuple(kept)
    linked = sum(1 for paper in papers if paper.links)
    for paper in papers:
        line0 = paper.location.line - src.body_offset - 1
        if not paper.links:
            ctx.problem(line0, Severity.WARNING, f"paper {paper.position} ({paper.heading[:40]!r}) has no link line"
                        + most_linked_note(linked, len(papers), paper.position),
                        "add a line like `[논문](https://arxiv.org/abs/…) | [코드](https://github.com/…)`")
        if not paper.heading:
            ctx.problem(line0, Severity.WARNING, f"paper {paper.position} has an empty heading",
                        "write the paper's title on the item's first line")
    _check_numbers(ctx, layout)
    for line0 in chat.loose if chat is not None else ():
        ctx.problem(line0, Severity.WARNING, "a chat reply adds a code link without saying which shared paper it is for; "
                    "it was kept with the item before it",
                    "check which paper the link belongs to, and move it under that paper")
    _report_unsafe(ctx, units)
    if not papers:
        ctx.problem(0 if not units else units[0].start, Severity.ERROR, "no paper items found",
                    "write each paper as a numbered item (`1. **Title**`) or a heading, followed by its "
                    "text and a link line such as `[논문](https://…)`")
    fm = src.front_matter
    header = front.header or HeaderLines()
    source = fm.source if fm and fm.source else None
    if source is None and header.url:
        source = Source(name=header.author or "", url=header.url)
    elif source is not None and source.url is None and header.url:
        source = Source(name=source.name, url=header.url)
    blocks = tuple(sorted(ctx.blocks, key=lambda b: b.location.line))
    date = (fm.date if fm and fm.date else None) or header.date or _date_near_top(ctx, front, layout)
    title = (fm.title if fm and fm.title else None) or header.title or front.title
    if source is None or source.url is None:
        online = _view_online(ctx)
        if online and source is None:
            source = Source(name=header.author or "", url=online)
        elif online and source is not None:
            source = Source(name=source.name, url=online)
    issue = Issue(
        slug=slug,
        lang=lang,
        path=src.path,
        date=date,
        title=title,
        author=(fm.author if fm and fm.author else None) or header.author,
        source=source,
        intro="\n\n".join(front.intro),
        highlights=tuple(item for b in blocks if b.kind is BlockKind.HIGHLIGHTS for item in b.items),
        glossary=tuple(e for b in blocks if b.kind is BlockKind.GLOSSARY for e in b.entries),
        papers=papers,
        blocks=blocks,
        location=Location(src.path, 1),
    )
    report = layout_report(choice, src.path, src.body_offset, papers, tuple(news))
    if papers:
        ctx.problems.extend(doubts(Evidence(issue, report, lines, code_lines_of(units), src.body_offset)))
    return issue, ctx.problems, report
