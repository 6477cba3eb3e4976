"""Finding the paper items: which repeating structure of the document is "one paper".

Candidate *item patterns* are collected from the top-level units:

``list``      items of consecutive ordered lists whose numbering continues (``1.``…``10.``, ``1)``…),
              or of a bullet list whose items open with a bold name;
``numbered``  paragraphs whose first line is a bold number (``**1. Title**``, ``**3)** Title``);
``heading``   ``#``–``######`` headings of one level that repeats;
``section``   bold-only paragraphs that open a ``---``-separated section;
``rule``      whatever paragraph or heading opens a ``---``-separated section;
``bold``      any paragraph whose first line is bold only;
``name``      paragraphs that open with a bold name followed by a Korean particle or text
              (``**ATOKEN**은 …``), or that open a paragraph right after a link line.

Each candidate is scored by how well it explains the document — items that own a link line
count most, consistent numbering helps, items without links count against it — and the best
one wins. Whatever the winner does not claim (a numbered list inside a paper's body, an ad
between items) stays with the item before it or outside all items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import BlockKind
from .blocks import AD_CLOSE, AD_OPEN, classify
from .links import RawLink, is_link_label, parse_link_line, split_trailing_links, title_link
from .titles import NUMBER_RE, is_sentence, number_of
from .tokens import MARKER_RE, ListItem, Unit

__all__ = ["ItemSpan", "Layout", "find_items", "LineInfo"]

_PARTICLE = re.compile(
    r"^(?:은|는|이|가|을|를|의|에|에서|와|과|로|으로|란|이란|도|만|까지|부터|에게|처럼|보다|라는|이라는|(?:이)?다)(?=[\s,.]|$)"
)
_LEAD_WORDS = re.compile(
    r"^(?:핵심|요약|결과|주요|방법|의의|한계|장점|단점|요점|배경|문제|기여|실험|성과|특징|아이디어|시사점|왜|무엇|어떻게|"
    r"why|what|how|key|results?|methods?|takeaways?|summary|tl;?dr|limitations?|highlights?|background|contributions?)",
    re.IGNORECASE)


def _is_lead_label(text: str) -> bool:
    """A short lead-in label (``왜 중요한가?``, ``How it works``), not a title that opens with the same word
    (``Why Language Models Hallucinate``)."""
    m = _BOLD_OPEN.match(text)
    label = _plain_head(m.group("inner") if m else text)
    return bool(_LEAD_WORDS.match(label)) and len(label.split()) <= 3 and len(label) <= 24


_EDGE_WORDS = re.compile(
    r"(?:들어가며|들어가기|시작하며|마치며|마무리|맺음말|맺으며|끝으로|나가며|서론|결론|인사말|에필로그|프롤로그|"
    r"편집|지난\s*호|다음\s*호|오늘의|이번\s*주|이번\s*호|introduction|intro\b|closing|conclusion|wrap|"
    r"final\s+thoughts|outro|editor|before\s+we|that'?s\s+(?:it|all))",
    re.IGNORECASE)
"""Names of the introduction and closing sections of an issue."""
_NOT_PROSE = (":", "：", ".", "|", "·", "/", "•", "[", "(")
"""What follows a bold word that is a label or a link group (``**구독하기** | [트위터](…)``), not prose."""
_WHOLE_BOLD = re.compile(r"^(?:\*\*|__)(?P<inner>.+?)(?:\*\*|__)$")
_BOLD_OPEN = re.compile(r"^(?:\*\*|__)(?P<inner>[^*_].*?)(?:\*\*|__)(?P<rest>.*)$")


class LineInfo:
    """Per-line facts computed once: the text and whether it is a link line."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self._links: dict[int, list[RawLink] | None] = {}
        self._unit_links: dict[tuple[int, int], bool] = {}
        self._unit_kinds: dict[tuple[int, int], BlockKind | None] = {}

    def text(self, i: int) -> str:
        """Line ``i`` without indentation and list marker."""
        return MARKER_RE.sub("", self.lines[i], count=1).strip() if 0 <= i < len(self.lines) else ""

    def links(self, i: int) -> list[RawLink] | None:
        """Links of line ``i`` when it is a link line."""
        if i not in self._links:
            self._links[i] = parse_link_line(self.lines[i]) if self.lines[i].strip() else None
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
        if unit.kind == "paragraph":
            return split_trailing_links(self.text(unit.end - 1), strict=True) is not None
        return False


@dataclass(frozen=True)
class ItemSpan:
    """One paper item as found in the document, before it becomes a :class:`~generator.model.Paper`."""

    pattern: str
    """Name of the item pattern that found it."""

    number: int | None
    """The number written before the heading, if any."""

    heading_line: int
    """0-based body line of the heading."""

    heading: str
    """The heading as written (Markdown), item number and list marker removed."""

    heading_links: tuple[RawLink, ...]
    """Links of a group written in the heading (``( [논문](…) / [코드](…) )``)."""

    rest: str
    """Text that follows the heading on its line (``**Title**: first sentence``), kept as body."""

    keep_first_paragraph: bool
    """True when the heading is a bold name inside the first body paragraph (``**ATOKEN**은 …``)."""

    units: tuple[Unit, ...]
    """The units of the item, the heading's unit first, up to the next item."""


@dataclass(frozen=True)
class Layout:
    """The document split into items and the units outside any item."""

    pattern: str | None
    """The winning item pattern, or ``None`` when no item was found."""

    before: tuple[Unit, ...]
    """Units before the first item (title, intro, highlights, ads, glossary …)."""

    items: tuple[ItemSpan, ...]
    """The items, in order."""


def _number_and_rest(text: str) -> tuple[int | None, str]:
    m = NUMBER_RE.match(text)
    if not m:
        return None, text
    rest = (m.group("bold") or "") + text[m.end():]
    rest = re.sub(r"^(\*\*|__)\s*(\*\*|__)\s*", "", rest)
    return number_of(m), rest.strip()


_LINKED_TITLE = re.compile(r"^(?P<b>\*\*|__)?\[(?P<label>[^\]]+)\]\((?P<url>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)(?P=b)?"
                           r"(?P<rest>.*)$")


def _plain_head(text: str) -> str:
    return re.sub(r"[*_#`\s]+", " ", text).strip().lower()


def _split_heading(text: str, *, name_style: bool) -> tuple[str, tuple[RawLink, ...], str]:
    """A heading line → (heading markdown, heading links, rest of the line)."""
    m = _LINKED_TITLE.match(text)
    if m and not is_link_label(m.group("label")):
        # The title is itself the link: ``### [Title](https://arxiv.org/…)`` / ``**[Title](url)**``.
        heading, links, rest = _split_heading(m.group("rest").strip(), name_style=name_style) \
            if m.group("rest").strip() else ("", (), "")
        if heading and not links and not rest:  # ``[Title](url): 한국어 부제`` keeps the rest as title text
            return f"{m.group('label')} {heading}".strip(), (title_link(m.group("label"), m.group("url")),), ""
        return m.group("label").strip(), (title_link(m.group("label"), m.group("url")), *links), rest
    links: tuple[RawLink, ...] = ()
    m = _WHOLE_BOLD.match(text)
    if m and "**" not in m.group("inner"):
        inner = m.group("inner").strip()
        found = split_trailing_links(inner, strict=False)
        if found:
            inner, raw = found
            links = tuple(raw)
        return inner.strip(), links, ""
    found = split_trailing_links(text, strict=False)
    if found:
        text, raw = found
        links = tuple(raw)
        m = _WHOLE_BOLD.match(text)
        if m and "**" not in m.group("inner"):
            return m.group("inner").strip(), links, ""
    m = _BOLD_OPEN.match(text)
    if m:
        rest = m.group("rest")
        if name_style:
            return m.group("inner").strip(), links, rest
        return m.group("inner").strip(), links, re.sub(r"^\s*[:：–—-]\s*", "", rest).strip()
    return text.strip(), links, ""


def _starts_with_bold_name(text: str) -> bool:
    m = _BOLD_OPEN.match(text)
    if not m:
        return False
    inner, rest = m.group("inner").strip(), m.group("rest")
    if not rest.strip() or inner.endswith((":", ".", "：")) or len(inner) > 150:
        return False
    return bool(_PARTICLE.match(rest)) or (rest.startswith(" ") and not rest.lstrip().startswith(_NOT_PROSE))


def _is_whole_bold(text: str) -> bool:
    m = _WHOLE_BOLD.match(text)
    if m and "**" not in m.group("inner"):
        return not m.group("inner").rstrip().endswith((":", "："))
    found = split_trailing_links(text, strict=False)
    return bool(found) and bool(_WHOLE_BOLD.match(found[0]))


class _Finder:
    def __init__(self, units: tuple[Unit, ...], info: LineInfo) -> None:
        self.units = units
        self.info = info
        self.blocky = [self._blocky(u) for u in units]
        for k in self._in_ad_spans():
            self.blocky[k] = True
        self.lead_items: dict[int, int] = {}
        """Per list unit: how many leading items belong to the paper before it (see :meth:`_resumes_at`)."""

    @lru_cache(maxsize=None)  # noqa: B019 - one finder per document
    def unit_links(self, k: int) -> bool:
        return self.info.unit_has_links(self.units[k])

    def _blocky(self, u: Unit) -> bool:
        if u.kind not in ("heading", "paragraph"):
            return False
        return classify([self.info.lines[u.start]], weak=False) is not None

    def _in_ad_spans(self) -> list[int]:
        """Units inside ``[광고]`` … ``[/광고]`` spans (their bold lines are never paper titles)."""
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
        return self.info.text(self.units[k].start)

    # ---- candidates -------------------------------------------------------------------
    def list_chains(self) -> list[list[int]]:
        chains: list[list[int]] = []
        bullets: list[list[int]] = []
        last_number: int | None = None
        for k, u in enumerate(self.units):
            if u.kind != "list" or not u.items:
                continue
            if not u.ordered:
                if len(u.items) >= 2 and all(_titled_item(it, self.info) for it in u.items):
                    if bullets and bullets[-1] is chains[-1]:
                        bullets[-1].append(k)  # bullet papers interrupted by an ad or an image go on
                    else:
                        chains.append([k])
                        bullets.append(chains[-1])
                continue  # a bullet list between numbered items (their link list) does not end the numbering
            lead = self._resumes_at(u, last_number) if chains and last_number is not None else 0
            if chains and last_number is not None and (u.first_number == last_number + 1 or lead):
                chains[-1].append(k)
                if lead:
                    self.lead_items[k] = lead
            else:
                chains.append([k])
            last_number = u.items[-1].number
        return chains


    def _resumes_at(self, u: Unit, last_number: int) -> int:
        """Index of the item of ``u`` that resumes a numbering ending at ``last_number`` when the items
        before it restart at 1 and do not open with links: a step list written without indentation inside the
        previous paper (``1) … 2) …``), which Markdown merges with the next papers' ``4) …``."""
        for j, it in enumerate(u.items):
            if j and it.number == last_number + 1:
                before = u.items[:j]
                if u.first_number == 1 and not any(self.info.unit_has_links(c) for b in before for c in b.children[:1]):
                    return j
                return 0
        return 0

    def starts_numbered(self) -> list[int]:
        out = []
        for k, u in enumerate(self.units):
            if u.kind == "paragraph" and not self.blocky[k]:
                text = self.first(k)
                m = NUMBER_RE.match(text)
                if m and (text.startswith(("**", "__")) or m.group("mark")):  # **1. Title**, 1️⃣ Title, ① Title
                    out.append(k)
        return out

    def starts_heading(self, min_count: int = 2) -> list[list[int]]:
        by_level: dict[int, list[int]] = {}
        for k, u in enumerate(self.units):
            if u.kind == "heading" and not self.blocky[k] and classify([self.first(k)], weak=True) is None:
                by_level.setdefault(u.level, []).append(k)
        return [ks for ks in by_level.values() if len(ks) >= min_count]

    def starts_section(self) -> list[int]:
        out = []
        for k, u in enumerate(self.units):
            if u.kind != "paragraph" or self.blocky[k]:
                continue
            prev = self.units[k - 1].kind if k else "hr"
            if prev == "hr" and _is_whole_bold(self.first(k)):
                out.append(k)
        return out

    def starts_rule(self) -> list[int]:
        out = []
        for k, u in enumerate(self.units):
            if k and self.units[k - 1].kind == "hr" and u.kind in ("paragraph", "heading") and not self.blocky[k]:
                out.append(k)
        return out

    def starts_bold(self) -> list[int]:
        return [k for k, u in enumerate(self.units)
                if u.kind == "paragraph" and not self.blocky[k] and self.first(k).startswith(("**", "__"))
                and _is_whole_bold(self.first(k))]

    def starts_name(self) -> list[int]:
        out = []
        for k, u in enumerate(self.units):
            if u.kind != "paragraph" or self.blocky[k]:
                continue
            text = self.first(k)
            if _starts_with_bold_name(text):
                out.append(k)
            elif text.startswith(("**", "__")) and k and self.unit_links(k - 1) and not self.unit_links(k):
                out.append(k)
        return out

    def linked_share(self, unit: Unit) -> float:
        """Share of a list's items that contain a link line."""
        hits = sum(1 for it in unit.items if any(self.info.unit_has_links(c) for c in it.children))
        return hits / len(unit.items) if unit.items else 0.0

    def drop_labels(self, starts: list[int]) -> list[int]:
        """Drop starts that are section labels inside a paper, not papers: a bold line whose text
        repeats (``**핵심 아이디어**`` in every paper), or a lead-in word right after a paper start
        that has no link of its own while the label's section has one."""
        texts = [_plain_head(self.first(k)) for k in starts]
        counts: dict[str, int] = {}
        for text in texts:
            counts[text] = counts.get(text, 0) + 1
        bounds = starts[1:] + [len(self.units)]
        linked = [any(self.unit_links(k) for k in range(a, b)) for a, b in zip(starts, bounds)]
        kept: list[int] = []
        for n, k in enumerate(starts):
            label = counts[texts[n]] > 1 or (
                n > 0 and kept and not linked[n - 1] and linked[n] and _is_lead_label(self.first(k)))
            if not label:
                kept.append(k)
        return kept if kept else starts

    def strip_named_edges(self, starts: list[int]) -> list[int]:
        """Drop a linkless first start that is the issue title (nothing but blocks before it) or named like an
        introduction (``이번 호 하이라이트``, ``들어가며``), and a linkless last start named like closing words."""
        if len(starts) < 3:
            return starts
        bounds = starts[1:] + [len(self.units)]

        def linkless(n: int) -> bool:
            return not any(self.unit_links(j) for j in range(starts[n], bounds[n]))

        def named(n: int) -> bool:
            return bool(_EDGE_WORDS.match(re.sub(r"^[*_\s]+", "", self._head_text(starts[n]))))

        first, last = 0, len(starts) - 1
        while first < last - 1 and linkless(first) and (named(first) or all(self.blocky[j] for j in range(starts[first]))):
            first += 1
        while last > first + 1 and linkless(last) and named(last):
            last -= 1
        return starts[first:last + 1]

    def merge_pairs(self, starts: list[int]) -> list[int]:
        """Merge starts that come in pairs — a title whose section has no link, then a lead line whose section
        has the paper's links (or the other way round when links open each paper): when at least three pairs
        and most of the document pair up like this, the second start of each pair is a label inside a paper."""
        if len(starts) < 6:
            return starts
        bounds = starts[1:] + [len(self.units)]
        linked = [any(self.unit_links(j) for j in range(a, b)) for a, b in zip(starts, bounds)]
        best, best_key = starts, (0, False, 0)
        for first_linked in (False, True):
            kept: list[int] = []
            pairs = n = stray = 0  # stray: unpaired starts after the first pair (the phase is off)
            while n < len(starts):
                kept.append(starts[n])
                if n + 1 < len(starts) and linked[n] == first_linked and linked[n + 1] != first_linked:
                    pairs += 1
                    n += 2
                elif n + 1 < len(starts) and not linked[n] and not linked[n + 1] \
                        and (n + 2 == len(starts) or linked[n + 2] == first_linked):
                    n += 2  # a paper whose links are missing: its title and lead line are both linkless
                else:
                    stray += pairs > 0
                    n += 1
            key = (pairs, bool(linked[0] == first_linked and len(linked) > 1 and linked[1] != first_linked), -stray)
            if pairs >= 3 and pairs * 3 >= len(kept) * 2 and key > best_key:
                best, best_key = kept, key
        return best

    def merge_inner_names(self, starts: list[int]) -> list[int]:
        """Drop bold-name starts that open a paragraph *inside* a paper (``**MuonClip**은 …`` after the
        paper's first paragraph): the section before it has no link while its own has one, and that section
        is only the paper's opening paragraph or already mentions the bold term."""
        kept: list[int] = []
        for n, k in enumerate(starts):
            stop = starts[n + 1] if n + 1 < len(starts) else len(self.units)
            if kept:
                prev = range(kept[-1], k)
                m = _BOLD_OPEN.match(self.first(k))
                term = (m.group("inner") if m else "").strip().lower()
                before = " ".join(line for j in prev for line in self.info.lines[self.units[j].start:self.units[j].end])
                if not any(self.unit_links(j) for j in prev) and any(self.unit_links(j) for j in range(k, stop)) \
                        and (len(prev) == 1 or (len(term) >= 3 and term in before.lower())):
                    continue
            kept.append(k)
        return kept

    def trim(self, starts: list[int]) -> list[int]:
        """Drop leading and trailing starts whose section has no link when most sections have one:
        an issue title, an "introduction" or "closing words" heading at the level of the papers."""
        if len(starts) < 3:
            return starts
        bounds = starts[1:] + [len(self.units)]
        linked = [any(self.unit_links(k) for k in range(a, b)) for a, b in zip(starts, bounds)]
        if sum(linked) * 2 <= len(starts):
            return starts
        numbered = sum(1 for k, has in zip(starts, linked) if has and NUMBER_RE.match(self._head_text(k))) * 2 > sum(linked)
        first, last = 0, len(starts) - 1
        while first < last and not linked[first] and not self._edge_is_paper(starts, first, bounds[first], numbered):
            first += 1
        while last > first and not linked[last] and not self._edge_is_paper(starts, last, bounds[last], numbered):
            last -= 1
        return starts[first:last + 1]

    def _head_text(self, k: int) -> str:
        return re.sub(r"^#{1,6}\s+", "", self.first(k))

    def _edge_is_paper(self, starts: list[int], n: int, stop: int, numbered: bool) -> bool:
        """Whether the linkless first/last section ``n`` is a paper whose links are missing rather than the
        issue title, an introduction or closing words: numbered like the papers when they are numbered,
        not named like an intro/outro, not at the very top, and with a body of its own."""
        k = starts[n]
        head = self._head_text(k)
        if numbered:
            return bool(NUMBER_RE.match(head))
        if _EDGE_WORDS.match(re.sub(r"^[*_\s]+", "", head)) or (n == 0 and all(self.blocky[j] for j in range(k))):
            return False
        end = next((j for j in range(k + 1, stop) if self.blocky[j]), stop)  # a glossary/ad after it is no body
        body = [u for u in self.units[k + 1:end] if u.kind not in ("hr", "heading")]
        own = self.units[k].end - self.units[k].start > 1 or _starts_with_bold_name(head)  # heading + text
        return len(body) + own >= (1 if len(_plain_head(head)) >= 12 else 2)  # a title-long heading needs less

    # ---- building -----------------------------------------------------------------------
    def span(self, pattern: str, head_unit: Unit, head_line: int, units: tuple[Unit, ...]) -> ItemSpan:
        text = self.info.text(head_line)
        if head_unit.kind == "heading":
            text = re.sub(r"^#{1,6}\s+|\s+#+\s*$", "", text)
        number, text = _number_and_rest(text)
        name_style = pattern == "name"
        heading, links, rest = _split_heading(text, name_style=name_style)
        return ItemSpan(pattern, number, head_line, heading, links, rest, name_style, units)

    def from_starts(self, pattern: str, starts: list[int]) -> Layout:
        items = []
        for n, k in enumerate(starts):
            stop = starts[n + 1] if n + 1 < len(starts) else len(self.units)
            unit = self.units[k]
            items.append(self.span(pattern, unit, unit.start, self.units[k:stop]))
        return Layout(pattern, self.units[: starts[0]], tuple(items))

    def from_chain(self, chain: list[int]) -> Layout:
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
            lead = self.lead_items.get(k, 0) if n else 0
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
            span = self.span("list", head, it.start, units or (head,))
            if it.number is not None:
                span = ItemSpan(span.pattern, it.number, span.heading_line, span.heading,
                                span.heading_links, span.rest, False, span.units)
            items.append(span)
        return Layout("list", self.units[: chain[0]], tuple(items))

    def score(self, layout: Layout) -> float:
        items = layout.items
        linked = 0
        for item in items:
            has = bool(item.heading_links) or any(
                self.info.unit_has_links(u) for u in item.units
            ) or bool(self.info.links(item.heading_line))
            linked += has
        numbers = [i.number for i in items if i.number is not None]
        consecutive = len(numbers) == len(items) and numbers == list(range(numbers[0], numbers[0] + len(numbers))) \
            if numbers else False
        empty_heads = sum(1 for i in items if not i.heading.strip())
        # an item that runs over a heading cuts across the document's own sections
        crossing = sum(1 for i in items if any(u.kind == "heading" for u in i.units[1:])) if layout.pattern != "heading" else 0
        return linked * 3 - (len(items) - linked) * 0.75 + (1.5 if consecutive else 0) - empty_heads * 2 - crossing \
            - 0.5 * sum(1 for i in items if self._links_inside(i))

    def _links_inside(self, item: ItemSpan) -> bool:
        """True when the item's link line is followed by more of its text: papers open or close with their
        links, so an item with links in the middle has taken in the start of the next paper."""
        text = [u for u in item.units[1:] if u.kind not in ("hr", "html", "code")
                and self.info.unit_block_kind(u) is None]
        where = [n for n, u in enumerate(text) if self.info.unit_has_links(u)]
        if not where or item.heading_links or where[-1] == len(text) - 1:
            return False
        first = text[where[-1]]
        links_first = where[-1] == 0 and all(self.info.links(i) for i in range(first.start, first.end) if self.info.lines[i].strip())
        return not links_first


_BONUS = {"list": 0.5, "numbered": 0.4, "heading": 0.3, "section": 0.25, "rule": 0.15, "bold": 0.1, "name": 0.05}


def _titled_item(it: ListItem, info: LineInfo) -> bool:
    """A bullet item that can be a paper: it opens with a bold name, or with a title line (not a
    sentence) followed by body blocks (``- [1] Title`` + indented paragraphs)."""
    if not it.children or it.children[0].kind != "paragraph":
        return False
    first = info.text(it.children[0].start)
    if first.startswith(("**", "__")):
        return True
    return len(it.children) >= 2 and len(first) <= 200 and not is_sentence(first)


def _split_runs(units: tuple[Unit, ...], info: LineInfo) -> tuple[Unit, ...]:
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
            if u.ordered and prev.number is not None and it.number is not None and it.number <= prev.number:
                cuts.append(j)
            elif not u.ordered and _titled_item(prev, info) != _titled_item(it, info) and j - cuts[-1] >= 2:
                cuts.append(j)
        if len(cuts) == 1:
            out.append(u)
            continue
        bounds = cuts + [len(u.items)]
        for a, b in zip(bounds, bounds[1:]):
            end = u.items[b].start if b < len(u.items) else u.end
            out.append(Unit("list", u.items[a].start, end, ordered=u.ordered, items=u.items[a:b]))
    return tuple(out)


def find_items(units: tuple[Unit, ...], info: LineInfo) -> Layout:
    """Choose the item pattern that best explains ``units`` and split the document by it."""
    units = _split_runs(units, info)
    f = _Finder(units, info)
    layouts: list[Layout] = []
    chains = f.list_chains()
    for chain in chains:
        layouts.append(f.from_chain(chain))
    linked_lists = [k for chain in chains for k in chain
                    if f.units[k].ordered and f.linked_share(f.units[k]) >= 0.5]
    if len(linked_lists) > 1 and linked_lists not in chains:
        layouts.append(f.from_chain(linked_lists))  # numbering restarts per category
    for pattern, starts in (("numbered", f.starts_numbered()), ("section", f.starts_section()),
                            ("rule", f.starts_rule()), ("bold", f.starts_bold()), ("name", f.starts_name())):
        if pattern == "name" and starts:
            starts = f.merge_inner_names(starts)
        if pattern != "numbered":
            starts = f.trim(f.merge_pairs(f.strip_named_edges(f.drop_labels(starts)))) if starts else starts
        if starts:
            layouts.append(f.from_starts(pattern, starts))
    for starts in f.starts_heading(min_count=1):
        layouts.append(f.from_starts("heading", f.trim(f.merge_pairs(f.strip_named_edges(f.drop_labels(starts))))))
    # A single item counts only when it carries links (a one-paper issue); otherwise items repeat.
    layouts = [lay for lay in layouts if len(lay.items) >= 2 or f.score(lay) > 0]
    if not layouts:
        return Layout(None, units, ())
    return max(layouts, key=lambda lay: f.score(lay) + _BONUS[lay.pattern or "name"])
