"""Finding the paper items: which repeating structure of the document is "one paper".

Every rule of :data:`.rules.RULES` proposes candidate layouts (a rule's starts pass its declared
:mod:`.filters`); each candidate is scored by named terms (:mod:`.score`) and the best one wins. Whatever
the winner does not claim (a numbered list inside a paper's body, an ad between items) stays with the item
before it or outside all items. :class:`Choice` keeps every candidate with its score, so that
``digest parse --explain`` can say why the winner won and what came close.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import LinkKind
from .finder import Finder, ItemSpan, Layout, LineInfo, is_whole_bold, link_item_url, split_runs
from .links import url_kind
from .titles import is_sentence
from .rules import RULES
from .score import Score, score
from .tokens import Unit

__all__ = ["ItemSpan", "Layout", "LineInfo", "Candidate", "Choice", "find_items"]


@dataclass(frozen=True)
class Candidate:
    """One layout a rule proposed, with its score."""

    rule: str
    """The rule that proposed it."""

    layout: Layout
    """The items it would make."""

    score: Score
    """Its score terms."""


@dataclass(frozen=True)
class Choice:
    """The outcome of item finding."""

    layout: Layout
    """The winning layout (no items when no rule found any)."""

    candidates: tuple[Candidate, ...]
    """Every candidate that was considered, best first."""

    rejected: tuple[str, ...] = ()
    """Why rules that saw starts proposed nothing (``heading: drop_labels dropped line 12 '요약', …``)."""

    @property
    def runner_up(self) -> Candidate | None:
        """The best candidate that splits the document differently from the winner, if any."""
        mine = [i.heading_line for i in self.layout.items]
        return next((c for c in self.candidates[1:] if [i.heading_line for i in c.layout.items] != mine), None)


def find_items(units: tuple[Unit, ...], info: LineInfo, offset: int = 0) -> Choice:
    """Choose the item layout that best explains ``units`` and split the document by it."""
    f = Finder(split_runs(units, info), info, offset)
    candidates: list[Candidate] = []
    rejected: list[str] = []
    for rule in RULES:
        if rule.fallback and any(c.score.linked >= 2 for c in candidates):
            continue
        for layout in rule.find(f):
            if not layout.items:
                rejected.extend(f"{rule.name}: {note}" for note in layout.notes)
                continue
            s = score(f, layout, rule.bonus)
            # A single item counts only when it carries links (a one-paper issue); otherwise items repeat.
            if len(layout.items) >= 2 or s.total - s.rule_bonus > 0:
                candidates.append(Candidate(rule.name, layout, s))
    candidates.sort(key=lambda c: -c.score.total)  # stable: ties keep the declared rule order
    if not candidates:
        return Choice(Layout(None, f.units, ()), (), tuple(rejected))
    layout = leading_table(f, candidates[0].layout, candidates)
    return Choice(closing_link_lists(f, layout), tuple(candidates), tuple(rejected))


def leading_table(f: Finder, layout: Layout, candidates: list[Candidate]) -> Layout:
    """The layout with a table of other papers before its first item put in front (``| 🥇 | [Title](…) | Oral |``
    rows, then the papers written out under headings): each row an item of its own, unless the rows' addresses
    come again below (a table of contents or a ranking of the same papers)."""
    if not layout.items or layout.pattern == "table":
        return layout
    first = layout.items[0].heading_line
    for c in candidates:
        rows = c.layout.items
        if c.rule != "table" or len(rows) < 2 or rows[-1].heading_line >= first:
            continue
        urls = [link.url for row in rows for link in row.heading_links if link.url]
        if not urls or any(url_kind(u) is not LinkKind.PAPER for u in urls[:1]):
            continue
        later = "\n".join(f.info.lines[first:])
        ids = [m.group(0) for u in urls for m in [_ARXIV_ID.search(u)] if m]
        titles = [row.heading.strip("*_ ") for row in rows if len(row.heading.strip("*_ ")) >= 8]
        if any(u in later for u in urls) or any(i in later for i in ids) or any(t in later for t in titles):
            continue  # the same papers again (by address, arXiv id or title): the table only sums them up
        table_end = rows[-1].heading_line + 1
        between = tuple(u for u in layout.before if u.start >= table_end)
        last = replace(rows[-1], units=rows[-1].units[:1] + (Unit("hr", table_end, table_end),) + between)
        note = f"leading_table: line {rows[0].heading_line + 1 + f.offset} holds {len(rows)} more papers"
        return Layout(layout.pattern, c.layout.before, rows[:-1] + (last,) + layout.items, layout.notes + (note,))
    return layout


_ARXIV_ID = re.compile(r"\d{4}\.\d{4,5}")
_NOT_MORE_PAPERS = re.compile(r"참고|관련|인용|지난\s*호|이전\s*호|reference|related|cited|see\s+also|previous|past\s+issues?|"
                              r"함께\s*보면|더\s*읽을", re.IGNORECASE)
"""Words of a section heading whose list is the last paper's reading list, not more papers of the issue."""


def _paper_links_list(f: Finder, u: Unit) -> bool:
    """A list whose every entry is a paper in one line, most of them linking a paper's page
    (``- [Title](https://arxiv.org/…) — …``, ``- **Title** [[paper]](…)``)."""
    if u.kind != "list" or not u.items:
        return False
    urls = [_item_url(f.info.text(it.start)) for it in u.items]
    papers = sum(1 for url in urls if url and url_kind(url) is LinkKind.PAPER)
    return all(urls) and papers * 2 > len(urls) and (papers >= 2 or len(urls) == papers)


_ADDRESS_TAIL = re.compile(r"\s*(?:[—–|·-]\s*|(?<!\])[(（]\s*)(?:<?(?P<url>https?://[^\s<>()]+)>?|arxiv\s*:\s*(?P<id>\d{4}\.\d{4,5}))"
                           r"(?:v\d+)?\s*[)）]?\s*$", re.IGNORECASE)
"""A paper's address written after its title on the title's line: ``Title — arXiv:2505.00303``, ``Title (https://…)``."""
_LINE_URL = re.compile(r"\]\((https?://[^()\s]+)\)")


def _item_url(text: str) -> str | None:
    """The address of a list entry that is a paper in one line: a title link (``[Title](url) — …``), or a bold
    title followed by its links (``**Title** [[paper]](url) [[code]](…)``), the first paper address among them."""
    url = link_item_url(text)
    if url:
        return url
    tail = _ADDRESS_TAIL.search(text)
    if tail and len(text[:tail.start()].split()) >= 2 and not is_sentence(text[:tail.start()]):
        return tail.group("url") or f"https://arxiv.org/abs/{tail.group('id')}"  # ``Title — arXiv:2505.00303``
    if not text.startswith(("**", "__")):
        return None
    found = [u for u in _LINE_URL.findall(text) if url_kind(u) is LinkKind.PAPER]
    return found[0] if found else (_LINE_URL.findall(text) or [None])[0]


def closing_link_lists(f: Finder, layout: Layout) -> Layout:
    """The layout with a section after the last item that lists more papers as one-line link items (``### 순위 밖이지만
    눈에 띈 논문`` over ``- [Title](https://arxiv.org/…) — 한 줄``) split off the last item, each entry an item of its
    own: the issue's papers are laid out twice, once in full and once as a short list."""
    if not layout.items:
        return layout
    last = layout.items[-1]
    for j, u in enumerate(last.units[1:], start=1):
        if u.kind != "heading" and not (u.kind == "paragraph" and u.end - u.start == 1 and is_whole_bold(f.info.text(u.start))):
            continue
        nxt = next((v for v in last.units[j + 1:] if v.kind != "hr"), None)
        if nxt is None or not _paper_links_list(f, nxt) or _NOT_MORE_PAPERS.search(f.info.text(u.start)):
            continue
        urls = [url for it in nxt.items for url in [_item_url(f.info.text(it.start))] if url]
        ids = [m.group(0) for url in urls for m in [_ARXIV_ID.search(url)] if m]
        before = "\n".join(f.info.lines[layout.items[0].heading_line:u.start])
        if any(url in before for url in urls) or any(i in before for i in ids):
            continue  # a recap of the papers above, not more papers
        more = f.from_chain([f.units.index(nxt)], {})
        items = layout.items[:-1] + (replace(last, units=last.units[:j]),) + more.items
        note = f"closing_link_lists: line {u.start + 1 + f.offset} lists {len(more.items)} more papers"
        return Layout(layout.pattern, layout.before, items, layout.notes + (note,))
    return layout
