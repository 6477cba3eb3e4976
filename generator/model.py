"""The parsed model: what one newsletter source file says, as typed, frozen values.

Every object remembers where it came from (:class:`Location`), so that any message
about it can start ``path:line:``. Nothing here knows about pages, MkDocs or Jinja.

Text fields that hold *Markdown* (``body``, ``text``, ``intro`` …) are Markdown source
exactly as the editor wrote it (list-item indentation removed). They are rendered later,
with raw HTML disabled, by :mod:`generator.markdown`.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from enum import Enum

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""Control characters, terminal escape sequences' ESC/CSI, line separators and bidi overrides."""


def visible(text: str) -> str:
    """``text`` safe to print on a terminal: every control character (``ESC``, ``CSI``, tab, newline, a bidi
    override …) shown escaped, ``\\x1b`` style, so content can neither drive the terminal nor hide text."""
    return _CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file."""

    path: str
    """Path of the source file as given to the parser (relative to the project when possible)."""

    line: int
    """1-based line number (0 when the problem concerns the whole file)."""

    def __str__(self) -> str:
        """``path:line``; a whole-file location (line 0) is shown as line 1, so that every message
        keeps the ``path:line:`` form editors' tools (and editors) jump to."""
        return f"{self.path}:{max(self.line, 1)}"


class Severity(str, Enum):
    """How bad a :class:`Problem` is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    """Something skipped on purpose (a README, an editor's backup file): said, never counted."""


@dataclass(frozen=True)
class Problem:
    """Something an editor must know about a source file."""

    location: Location
    """Where the problem is."""

    severity: Severity
    """``error`` stops the build; ``warning`` is reported only."""

    message: str
    """What is wrong, in one sentence."""

    hint: str = ""
    """What to do about it, in one sentence."""

    def format(self) -> str:
        """``path:line: error: message — hint``"""
        text = f"{self.location}: {self.severity.value}: {self.message}"
        return visible(f"{text} — {self.hint}" if self.hint else text)


class LinkKind(str, Enum):
    """What a link points at."""

    PAPER = "paper"
    CODE = "code"
    TWEET = "tweet"
    DATASET = "dataset"
    PROJECT = "project"
    BLOG = "blog"
    DEMO = "demo"
    MODEL = "model"
    OTHER = "other"


@dataclass(frozen=True)
class Link:
    """One entry of a paper's link line (``[논문](https://…) | [코드](…)``)."""

    kind: LinkKind
    """What the link points at, from its label (or its URL when the label says nothing)."""

    label: str
    """The label as written (``논문``, ``Paper``, ``코드`` …)."""

    url: str | None
    """The address, or ``None`` for a placeholder (``[논문](Paper)``, plain ``논문 | 트윗``)."""

    location: Location
    """Where the link was written."""

    @property
    def is_placeholder(self) -> bool:
        """True when the editor named the link but no address survived."""
        return self.url is None


@dataclass(frozen=True)
class Section:
    """A lead-in section of a paper body: ``**핵심 아이디어**: text…`` or ``**Lead.** text``."""

    heading: str
    """The bold lead-in as plain text, without trailing ``:``/``.`` (``핵심 아이디어``)."""

    text: str
    """Markdown of the rest of the section (the lead-in itself removed)."""

    location: Location
    """Line of the lead-in."""


@dataclass(frozen=True)
class Paper:
    """One paper item of an issue."""

    position: int
    """1-based position among the papers of the issue."""

    heading: str
    """The item heading as written, as plain text (Markdown emphasis removed)."""

    title_ko: str | None
    """Korean title (``None`` when the heading has only an English name)."""

    title_en: str | None
    """English title or name (``None`` when the heading is Korean only)."""

    summary: str
    """Markdown of the first body paragraph: the one-line/one-paragraph summary."""

    body: str
    """Markdown of the whole body, heading and link line excluded."""

    sections: tuple[Section, ...]
    """Lead-in sections found in the body, in order."""

    links: tuple[Link, ...]
    """Links of the item's link line(s), in order."""

    location: Location
    """Line of the item heading."""

    def link(self, kind: LinkKind) -> Link | None:
        """The first link of that kind, or ``None``."""
        return next((link for link in self.links if link.kind == kind), None)


class BlockKind(str, Enum):
    """Kinds of non-paper blocks."""

    SPONSOR = "sponsor"
    """Ads, sponsor messages, editor's promotions, course promotions."""
    GLOSSARY = "glossary"
    HIGHLIGHTS = "highlights"
    """Highlight or table-of-contents lists."""
    FOOTER = "footer"
    """Subscribe/like/share footers."""
    IMAGE = "image"
    NEWS = "news"
    """An item laid out like a paper that is not one: a blog post, a product launch, a news story."""
    LEGEND = "legend"
    """A legend saying what the item markers mean (``🔬 = 논문, 📰 = 뉴스``)."""
    OTHER = "other"


@dataclass(frozen=True)
class GlossaryEntry:
    """One term of a glossary block."""

    term: str
    """The term as plain text (``KV-캐시(KV-cache) (단기 기억)``)."""

    definition: str
    """Markdown of the definition."""

    location: Location
    """Line of the entry."""


@dataclass(frozen=True)
class Block:
    """A non-paper block of an issue: ad, glossary, highlights, footer, image…"""

    kind: BlockKind
    """What the block is."""

    text: str
    """Markdown of the block as written."""

    location: Location
    """First line of the block."""

    title: str = ""
    """The block's own heading if it had one (``빠른 용어집 (초보자를 위한)``), plain text."""

    items: tuple[str, ...] = ()
    """For highlights: the listed lines, plain text."""

    entries: tuple[GlossaryEntry, ...] = ()
    """For glossaries: the entries."""

    links: tuple[Link, ...] = ()
    """For news items: the item's links (as a paper's would be)."""


@dataclass(frozen=True)
class Source:
    """Name and address of the English original a translated issue is based on."""

    name: str
    """The newsletter's name (``DAIR.AI — Top AI Papers of the Week``)."""

    url: str | None = None
    """Address of the original issue, when known."""


@dataclass(frozen=True)
class Issue:
    """One newsletter issue, parsed."""

    slug: str
    """File stem of the source (``2025-10-12-top-ai-papers-oct-6-12``)."""

    lang: str
    """``ko`` or ``en``: the language of the text."""

    path: str
    """The source file's path."""

    date: _dt.date | None
    """Issue date, from front matter or a date line in the body."""

    title: str | None
    """Issue title, from front matter or the body's title line."""

    author: str | None
    """Author, from front matter or an ``Author:``/``보낸 사람:`` line."""

    source: Source | None
    """English original, from front matter (``source:``) or a ``URL:`` line."""

    intro: str
    """Markdown of the introduction (between title and first item, minus other blocks)."""

    highlights: tuple[str, ...]
    """Highlight lines (from a highlights block), plain text."""

    glossary: tuple[GlossaryEntry, ...]
    """Glossary entries, from all glossary blocks."""

    papers: tuple[Paper, ...]
    """The paper items, in order."""

    blocks: tuple[Block, ...]
    """Non-paper blocks (sponsor, glossary, highlights, footer, image, other), in order."""

    location: Location
    """Line 1 of the file, or the title line."""

    draft: bool = False
    """``draft: true`` in front matter: ``mkdocs serve`` shows the issue with a banner, ``mkdocs build`` leaves it
    out (unless drafts are asked for)."""

    @property
    def source_url(self) -> str | None:
        """Address of the English original, when known."""
        return self.source.url if self.source else None


@dataclass(frozen=True)
class CandidateReport:
    """One candidate layout the parser considered (for ``digest parse --explain``)."""

    rule: str
    """The item rule that proposed it (``heading``, ``list``, ``delimiter`` …)."""

    items: int
    """How many items it would make."""

    first_lines: tuple[int, ...]
    """File lines of its first few item headings."""

    score: float
    """Its total score."""

    terms: str
    """Its score terms, spelled out (``linked 3×8 + unlinked -0.75×1 + … = 23.75``)."""

    notes: tuple[str, ...]
    """What the rule's filters dropped."""


@dataclass(frozen=True)
class ItemOrigin:
    """Why one paper is an item: the rule and source line that opened it."""

    rule: str
    """The item rule."""

    location: Location
    """The line that opened the item."""

    heading: str
    """The heading as read."""


@dataclass(frozen=True)
class LayoutReport:
    """How the parser read the structure of a file, and how sure it is."""

    rule: str | None
    """The winning item rule, ``None`` when no item was found."""

    confidence: float
    """0–1: how clearly the winner beat the other readings and how many of its items carry links."""

    candidates: tuple[CandidateReport, ...]
    """Every candidate layout, best first."""

    items: tuple[ItemOrigin, ...]
    """Per item of the winner: the rule and line that opened it."""

    runner_up: CandidateReport | None = None
    """The best candidate that splits the document differently from the winner, if any."""

    rejected: tuple[str, ...] = ()
    """Rules that saw item starts but whose filters dropped them all, and why."""

    news: tuple[str, ...] = ()
    """Items of the winner that are no papers (a blog post, a launch, news), with where and why."""


@dataclass(frozen=True)
class ParseResult:
    """What the parser returns: the issue (unless the file is unusable) and every problem found."""

    issue: Issue | None
    """The parsed issue, or ``None`` when the file could not be read at all."""

    problems: tuple[Problem, ...] = field(default=())
    """Errors and warnings, in file order."""

    layout: LayoutReport | None = None
    """How the structure was read (``None`` when the file could not be parsed)."""

    @property
    def ok(self) -> bool:
        """True when no problem is an error."""
        return not any(p.severity is Severity.ERROR for p in self.problems)
