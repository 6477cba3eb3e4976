"""Doubt made loud: warnings that say the structure itself may be misread, and links that cannot be right.

Each check is a named function with one signature, ``(Evidence) -> problems``, listed in :data:`CHECKS`.
They run after the issue is built and never change it; ``digest check`` and the site build print what they
find as ``path:line: warning:`` with what to look at.

Structure: paper links that belong to no item, an item without links where most items have them (in the
paper's own warning), two layouts that scored nearly the same, a title that is empty, very long, a section
label or still holds markup, far fewer items than paper links. Links: an arXiv id dated after the issue or
more than two years before it, the same paper or tweet on two items, arXiv ids in a run of consecutive
numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Issue, LayoutReport, LinkKind, Location, Problem, Severity
from .filters import SECTION_LABEL
from .links import STATUS_URL
from .nonpaper import NO_PAPER_WORDS

__all__ = ["Evidence", "CHECKS", "doubts", "most_linked_note"]

_PAPER_URL = re.compile(r"https?://(?:www\.)?(?:arxiv\.org/(?:abs|pdf)/[\w.\-/]+|openreview\.net/(?:forum|pdf)\?id=[\w\-]+|"
                        r"huggingface\.co/papers/[\w.\-]+|alphaxiv\.org/abs/[\w.\-]+)")
_ARXIV_ID = re.compile(r"(?:arxiv\.org/(?:abs|pdf)/|huggingface\.co/papers/|alphaxiv\.org/abs/)(?P<yy>\d{2})(?P<mm>\d{2})\."
                       r"(?P<num>\d{4,5})")
_MARKUP = re.compile(r"<[a-zA-Z/][^>]*>|\]\(|\*\*|__|`|\[\[|^#|\{\{|&[a-z]+;")


@dataclass(frozen=True)
class Evidence:
    """What the checks look at."""

    issue: Issue
    """The built issue."""

    report: LayoutReport
    """How its structure was read."""

    lines: list[str]
    """The body lines as the parser read them (HTML rewritten as Markdown)."""

    code: set[int]
    """0-based body lines inside code blocks."""

    offset: int
    """Front-matter lines before the body."""

    def loc(self, line0: int) -> Location:
        """The file location of body line ``line0``."""
        return Location(self.issue.path, line0 + self.offset + 1)


def _warn(where: Location, message: str, hint: str) -> Problem:
    return Problem(where, Severity.WARNING, message, hint)


def _paper_key(url: str) -> str:
    """One key per paper address: arXiv ids without version, abs/pdf/HF/alphaXiv alike."""
    m = _ARXIV_ID.search(url)
    if m:
        return f"arxiv:{m.group('yy')}{m.group('mm')}.{m.group('num')}"
    return url.rstrip("/").lower()


def stray_paper_links(ev: Evidence) -> list[Problem]:
    """Paper links written in the file that belong to no item: a paper the structure did not see."""
    owned = {_paper_key(link.url) for p in ev.issue.papers for link in p.links if link.url}
    out: list[Problem] = []
    for i, line in enumerate(ev.lines):
        if i in ev.code:
            continue
        for m in _PAPER_URL.finditer(line):
            if _paper_key(m.group(0)) not in owned:
                owned.add(_paper_key(m.group(0)))
                out.append(_warn(ev.loc(i), f"a paper link that belongs to no paper item: {m.group(0)}",
                                 "the structure may be misread: give this paper its own heading or item like the "
                                 "others (`digest parse --explain` shows how items were found)"))
    return out[:10]


def close_readings(ev: Evidence) -> list[Problem]:
    """Two candidate layouts that split the document differently and scored nearly the same."""
    other = ev.report.runner_up
    if other is None or not ev.report.candidates or ev.report.candidates[0].score <= 0:
        return []
    best = ev.report.candidates[0]
    if other.score < best.score - max(1.5, best.score * 0.05) or other.items == best.items:
        return []  # clearly behind, or only a different start of the same number of items
    line = (other.first_lines or best.first_lines or (1,))[0]
    return [_warn(Location(ev.issue.path, line),
                  f"two readings of the structure score nearly the same: {best.rule!r} with {best.items} items "
                  f"({best.score:g}) and {other.rule!r} with {other.items} items ({other.score:g})",
                  "check that every paper was found; make the items alike (same heading style, a link line each); "
                  "`digest parse --explain` shows both readings")]


def odd_titles(ev: Evidence) -> list[Problem]:
    """Titles that are very long, a section label, or still hold markup."""
    out: list[Problem] = []
    for p in ev.issue.papers:
        title = p.title_en or p.title_ko or p.heading
        if not title:
            continue
        if len(title) > 200:
            out.append(_warn(p.location, f"paper {p.position} has a {len(title)}-character title",
                             "the item's first line may be a paragraph, not a title: put the title on a line "
                             "of its own"))
        elif SECTION_LABEL.match(title.strip("*_ ")):
            out.append(_warn(p.location, f"paper {p.position} is titled {title!r}, a section name",
                             "this is probably a section of the paper before it: check the structure with "
                             "`digest parse --explain`"))
        elif _MARKUP.search(title):
            out.append(_warn(p.location, f"paper {p.position}'s title still holds markup: {title[:60]!r}",
                             "write the title as plain text (emphasis and links outside the title)"))
    return out


def no_paper_link(ev: Evidence) -> list[Problem]:
    """An item with links but no paper link where most items have one: perhaps a blog post or a launch."""
    papers = ev.issue.papers
    with_paper = [p for p in papers if any(link.url and link.kind is LinkKind.PAPER for link in p.links)]
    if len(papers) < 3 or len(with_paper) * 3 < len(papers) * 2:
        return []
    linked = {p.position for p in with_paper}
    return [_warn(p.location, f"paper {p.position} ({p.heading[:40]!r}) has links but no paper link while "
                  f"{len(with_paper)} of {len(papers)} papers have one",
                  "if it is a blog post, a launch or news, mark it (`[뉴스]`, a legend, or a news section); "
                  "otherwise add its paper link")
            for p in papers if p.position not in linked and any(link.url for link in p.links)]


def two_papers_in_one(ev: Evidence) -> list[Problem]:
    """An item with two different arXiv papers: two papers read as one (a heading taken for an ad, say)."""
    out: list[Problem] = []
    for p in ev.issue.papers:
        ids: dict[str, Location] = {}
        for link in p.links:
            m = _ARXIV_ID.search(link.url or "")
            if m:
                ids.setdefault(_paper_key(link.url or ""), link.location)
        if len(ids) >= 2:
            where = list(ids.values())[1]
            out.append(_warn(where, f"paper {p.position} ({p.heading[:40]!r}) links {len(ids)} different arXiv papers",
                             "if these are two papers, give the second its own heading like the others; if one is "
                             "related work, move its link into the text"))
    return out


_NO_PAPER = re.compile(NO_PAPER_WORDS, re.IGNORECASE)


def said_no_paper(ev: Evidence) -> list[Problem]:
    """A line inside a paper that says it is no paper: an item that is none (a book, a notice) read into it."""
    out: list[Problem] = []
    starts = sorted([(p.location.line, n, p) for n, p in enumerate(ev.issue.papers)]
                    + [(b.location.line, -1, None) for b in ev.issue.blocks])  # a block ends the paper before it
    for n, line in enumerate(ev.lines):
        if n in ev.code or not _NO_PAPER.search(line):
            continue
        where = ev.loc(n)
        owner = next((p for start, _, p in reversed(starts) if start < where.line), None)
        if owner is not None:
            out.append(_warn(where, f"this line inside paper {owner.position} ({owner.heading[:40]!r}) says it is "
                                    "no paper: an item that is no paper may have been read into it",
                             "give that part its own heading like the items, or move it below the last paper"))
    return out


def few_items(ev: Evidence) -> list[Problem]:
    """Far fewer paper items than distinct paper links."""
    keys: dict[str, int] = {}
    for i, line in enumerate(ev.lines):
        if i not in ev.code:
            for m in _PAPER_URL.finditer(line):
                keys.setdefault(_paper_key(m.group(0)), i)
    papers = len(ev.issue.papers)
    if len(keys) >= 4 and len(keys) > papers * 1.5:
        return [_warn(ev.issue.location, f"the file has {len(keys)} different paper links but only {papers} "
                      f"paper item{'s' if papers != 1 else ''} were found",
                      "the structure may be misread: `digest parse --explain` shows which rule found the items")]
    return []


def arxiv_dates(ev: Evidence) -> list[Problem]:
    """arXiv ids whose year-month is after the issue date or more than two years before it."""
    date = ev.issue.date
    if date is None:
        return []
    out: list[Problem] = []
    for p in ev.issue.papers:
        for link in p.links:
            m = _ARXIV_ID.search(link.url or "")
            if not m:
                continue
            year, month = 2000 + int(m.group("yy")), int(m.group("mm"))
            if not 1 <= month <= 12:
                out.append(_warn(link.location, f"arXiv id {m.group(0).split('/')[-1]} has no month {month:02d}",
                                 "check the paper link"))
                continue
            months = (date.year - year) * 12 + date.month - month
            if months < 0:
                out.append(_warn(link.location, f"paper {p.position}'s arXiv id {_paper_key(link.url or '')[6:]} is "
                                 f"dated {year}-{month:02d}, after the issue ({date.isoformat()})",
                                 "check the paper link: the id may be mistyped"))
            elif months > 24:
                out.append(_warn(link.location, f"paper {p.position}'s arXiv id {_paper_key(link.url or '')[6:]} is "
                                 f"from {year}-{month:02d}, more than two years before the issue",
                                 "check the paper link: an old id may belong to another paper"))
    return out


def shared_links(ev: Evidence) -> list[Problem]:
    """The same paper address or tweet on two different items of the issue."""
    out: list[Problem] = []
    seen: dict[str, tuple[int, Location]] = {}
    for p in ev.issue.papers:
        mine: set[str] = set()
        for link in p.links:
            if not link.url:
                continue
            status = STATUS_URL.search(link.url)
            key = f"tweet:{status.group('id')}" if status else (_paper_key(link.url) if _PAPER_URL.match(link.url) else "")
            if not key or key in mine:
                continue
            mine.add(key)
            if key in seen and seen[key][0] != p.position:
                what = "tweet" if key.startswith("tweet:") else "paper link"
                out.append(_warn(link.location, f"paper {p.position} has the same {what} as paper {seen[key][0]} "
                                 f"({seen[key][1]}): {link.url}", "give each item its own link"))
            else:
                seen.setdefault(key, (p.position, link.location))
    return out


def consecutive_ids(ev: Evidence) -> list[Problem]:
    """arXiv ids of the issue that form a run of three or more consecutive numbers: made-up placeholders."""
    found: dict[str, tuple[int, Location]] = {}
    for p in ev.issue.papers:
        for link in p.links:
            m = _ARXIV_ID.search(link.url or "")
            if m:
                found.setdefault(f"{m.group('yy')}{m.group('mm')}.{m.group('num')}", (int(m.group("num")), link.location))
    out: list[Problem] = []
    by_month: dict[str, list[tuple[int, str, Location]]] = {}
    for key, (number, where) in found.items():
        by_month.setdefault(key.split(".")[0], []).append((number, key, where))
    for ids in by_month.values():
        ids.sort(key=lambda v: v[0])
        run = ids[:1]
        for value in ids[1:] + [(-10, "", Location("", 0))]:
            if value[0] == run[-1][0] + 1:
                run.append(value)
                continue
            if len(run) >= 3:
                names = ", ".join(key for _, key, _ in run)
                out.append(_warn(run[0][2], f"arXiv ids {names} are consecutive numbers",
                                 "placeholder ids? check each paper's link against its arXiv page"))
            run = [value]
    return out


CHECKS: tuple[tuple[str, Callable[[Evidence], list[Problem]]], ...] = (
    ("stray_paper_links", stray_paper_links),
    ("close_readings", close_readings),
    ("odd_titles", odd_titles),
    ("no_paper_link", no_paper_link),
    ("two_papers_in_one", two_papers_in_one),
    ("said_no_paper", said_no_paper),
    ("few_items", few_items),
    ("arxiv_dates", arxiv_dates),
    ("shared_links", shared_links),
    ("consecutive_ids", consecutive_ids),
)
"""Every doubt check, in the order they run."""


def doubts(ev: Evidence) -> list[Problem]:
    """The problems of every check."""
    out: list[Problem] = []
    for _name, check in CHECKS:
        out.extend(check(ev))
    return out


def most_linked_note(linked: int, total: int, position: int) -> str:
    """The clause added to a paper's "no link line" warning when most papers have links."""
    if total < 3 or linked * 3 < total * 2:
        return ""
    return f" while {linked} of {total} papers have links" + (
        " — it may be a section of the paper before it" if position > 1 else " — it may be the issue's introduction")

