"""View objects: everything a page template shows, fully prepared.

Templates only print fields and loop over tuples; all sorting, filtering, grouping by month,
date and number formatting (Babel), Markdown rendering and URL building happen here.
Every URL in a view is *relative to the page that shows it*, so the site works under any
sub-path (``https://user.github.io/repo/``) and in both language trees.

:class:`ViewBuilder` builds the views of one language from a :class:`Catalog`; it prepares its
indexes (issues by slug, papers by topic) once, so that building every page is linear.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import groupby

from generator import i18n
from generator.data_api import issue_titles
from generator.catalog_model import Catalog, IssueRecord, PaperRecord, Topic
from generator.markdown import is_allowed_url, to_html, to_plain_text
from generator.model import BlockKind, Link, LinkKind, Paper
from generator.urls import PRIMARY_LANGUAGE, PageKind, feed_path, page_path

RELATED_LIMIT = 6
"""How many related papers a paper page lists."""

RELATED_CANDIDATES_PER_TOPIC = 60
"""How many of a topic's newest papers are considered as related (bounds the work per page)."""

RECENT_ISSUES = 6
"""How many issues the home page lists under "recent issues" (the latest one excluded)."""

ONE_LINE_MAX = 220
"""Longest one-line summary, in characters, before it is cut with an ellipsis."""


# --- URLs (paths come from generator.urls, the URL contract) -------------------------------


def _is_draft(record: IssueRecord, lang: str) -> bool:
    """True when the issue (or the text of it this page shows) is a draft."""
    return record.ko.draft or record.issue(lang).draft


def home_path() -> str:
    return page_path(PageKind.HOME)


def archive_path() -> str:
    return page_path(PageKind.ARCHIVE)


def topics_path() -> str:
    return page_path(PageKind.TOPICS)


def issues_index_path() -> str:
    return page_path(PageKind.ISSUES)


def papers_index_path() -> str:
    return page_path(PageKind.PAPERS)


def topic_path(topic_id: str) -> str:
    return page_path(PageKind.TOPIC, topic_id)


def issue_path(slug: str) -> str:
    return page_path(PageKind.ISSUE, slug)


def paper_path(paper_id: str) -> str:
    return page_path(PageKind.PAPER, paper_id)


def relative_href(from_path: str, to_path: str) -> str:
    """Relative link between two site paths of one language tree (``../../papers/x/``)."""
    depth = from_path.count("/")
    return ("../" * depth + to_path) or "./"


def language_href(here: str, from_lang: str, to_lang: str) -> str:
    """Relative link from page ``here`` of ``from_lang`` to the same page in ``to_lang``.

    The primary language (Korean) is the site root; the other one lives under ``<lang>/``.
    """
    depth = here.count("/") + (0 if from_lang == PRIMARY_LANGUAGE else 1)
    prefix = "" if to_lang == PRIMARY_LANGUAGE else f"{to_lang}/"
    return "../" * depth + prefix + here or "./"


# --- view dataclasses ----------------------------------------------------------------------


@dataclass(frozen=True)
class LinkView:
    """One link of a paper: a real address, or a placeholder shown as unavailable."""

    label: str
    """The label as written (``논문``, ``Paper`` …); a Korean label on an English page becomes the kind's name."""

    kind: str
    """Link kind (``paper``, ``code`` …), for styling."""

    href: str
    """The address, a real http(s)/mailto URL (placeholders are no links, see ``missing`` of the views)."""


@dataclass(frozen=True)
class TopicTag:
    """A topic shown next to a paper."""

    label: str
    """Topic label in the page language."""

    href: str
    """Relative link to the topic page."""


@dataclass(frozen=True)
class PaperItem:
    """A paper in a list (issue, topic, home, related papers)."""

    title: str
    """Title in the page language."""

    other_title: str
    """Title in the other language when it differs, else empty."""

    other_lang: str
    """Language of ``other_title`` (``ko``/``en``)."""

    summary: str
    """One-line plain-text summary."""

    topics: tuple[TopicTag, ...]
    """Its topics."""

    href: str
    """Relative link to the paper page."""

    date_text: str
    """Date of its latest issue, formatted (empty when unknown)."""

    date_iso: str
    """The same date as ``YYYY-MM-DD`` (empty when unknown)."""

    position: int
    """Position in the issue (1-based) in issue lists; 0 elsewhere."""

    summary_lang: str = ""
    """``ko`` when the summary is Korean text on a page of another language (no translation yet), else empty."""


@dataclass(frozen=True)
class IssueItem:
    """An issue in a list."""

    title: str
    """Issue title in the page language (Korean when not translated)."""

    href: str
    """Relative link to the issue page."""

    date_text: str
    """Formatted date, empty when unknown."""

    date_iso: str
    """``YYYY-MM-DD``, empty when unknown."""

    count_text: str
    """``10 papers`` / ``논문 10편``."""

    translated: bool
    """False when the issue has no text in the page language."""

    draft: bool = False
    """A draft (``draft: true``), in a preview that shows drafts."""


@dataclass(frozen=True)
class TopicItem:
    """A topic in a list, with its paper count."""

    label: str
    """Label in the page language."""

    description: str
    """Description in the page language."""

    href: str
    """Relative link to the topic page."""

    count: int
    """Number of papers."""

    count_text: str
    """``3 papers`` / ``논문 3편``."""


@dataclass(frozen=True)
class MonthGroup:
    """The issues of one month, in the archive."""

    label: str
    """``October 2025`` / ``2025년 10월``, or "undated"."""

    anchor: str
    """Fragment id (``2025-10``)."""

    issues: tuple[IssueItem, ...]
    """Newest first."""


@dataclass(frozen=True)
class GlossaryItem:
    """One glossary term."""

    term: str
    """The term, plain text."""

    definition_html: str
    """The definition, safe HTML."""


@dataclass(frozen=True)
class NewsItem:
    """An item of the issue that is no paper (a blog post, a launch, news), listed after the papers."""

    title: str
    """Its heading, plain text."""

    href: str | None
    """Its first link, when that is an allowed address."""

    html: str
    """Its text, safe HTML (may be empty)."""


@dataclass(frozen=True)
class SponsorBlock:
    """A sponsor/advertising block, shown marked as sponsored."""

    title: str
    """Its heading, if any."""

    html: str
    """Its text, safe HTML."""


@dataclass(frozen=True)
class SectionView:
    """A lead-in section of a paper (``핵심 아이디어`` …)."""

    heading: str
    """The lead-in, plain text."""

    anchor: str
    """Fragment id."""

    html: str
    """The text, safe HTML."""


@dataclass(frozen=True)
class Coverage:
    """What one issue wrote about a paper (a paper featured twice has two write-ups)."""

    issue: IssueItem
    """The issue."""

    summary_html: str
    """Summary paragraph, safe HTML."""

    sections: tuple[SectionView, ...]
    """Lead-in sections."""

    body_html: str
    """The body after the summary, safe HTML, used when the item has no lead-in sections."""

    untranslated: bool
    """True when this text is Korean on an English page (the issue has no translation)."""

    text_lang: str = ""
    """``ko`` when ``untranslated`` (the ``lang`` of the text), else empty."""


@dataclass(frozen=True)
class IssueEntry:
    """One paper on its issue page, written out in full as the issue gave it."""

    anchor: str
    """Fragment id of the entry (``paper-3``), listed in the page's table of contents."""

    item: PaperItem
    """Titles, topics, position and the permalink to the paper's page."""

    links: tuple[LinkView, ...]
    """The item's real links, as buttons (placeholders are not among them)."""

    missing: str
    """Labels of links the issue names without an address (``논문, 트윗``), shown once; empty when none."""

    summary_html: str
    """Summary paragraph, safe HTML."""

    sections: tuple[SectionView, ...]
    """Lead-in sections (ids unique on the page)."""

    body_html: str
    """The body after the summary, safe HTML, when the item has no lead-in sections."""

    text_lang: str = ""
    """``ko`` when the text is Korean on a page of another language (no translation yet), else empty."""


@dataclass(frozen=True)
class Neighbour:
    """Previous or next paper of the same issue."""

    title: str
    """Title in the page language."""

    href: str
    """Relative link to its page."""


@dataclass(frozen=True)
class HomeView:
    """The home page."""

    tagline: str
    """The site's tagline: the page's heading."""

    latest: IssueItem | None
    """The newest issue, if any."""

    latest_intro_html: str
    """Introduction of the newest issue, safe HTML."""

    latest_papers: tuple[PaperItem, ...]
    """Papers of the newest issue."""

    recent: tuple[IssueItem, ...]
    """The next most recent issues."""

    topics: tuple[TopicItem, ...]
    """Topics with papers, most papers first."""

    archive_href: str
    """Relative link to the archive."""

    topics_href: str
    """Relative link to the topics index."""

    feed_href: str = ""
    """Relative link to this language's RSS feed of all issues (the "Subscribe" box)."""


@dataclass(frozen=True)
class ArchiveView:
    """All issues grouped by month (the archive, and the ``/issues/`` index)."""

    months: tuple[MonthGroup, ...]
    """Newest month first; undated issues last."""

    count_text: str
    """``5 issues`` / ``호 5개``."""

    heading: str = ""
    """The page heading (``Archive`` / ``All issues by month``)."""

    heading_id: str = "archive"
    """Fragment id of the heading."""


@dataclass(frozen=True)
class LetterGroup:
    """The papers whose title starts with one letter (``A``, ``ㄱ``, or ``#`` for digits and signs)."""

    label: str
    """The letter as shown."""

    anchor: str
    """Fragment id (``letter-a``, ``hangul-g``, ``other``)."""

    papers: tuple[PaperItem, ...]
    """Its papers, A–Z (가나다) by title in the page language."""


@dataclass(frozen=True)
class PapersIndexView:
    """Every paper, A–Z by title in the page language (``/papers/``)."""

    groups: tuple[LetterGroup, ...]
    """Digits and signs first, then Latin letters, then Hangul initial consonants."""

    count_text: str
    """``40 papers`` / ``논문 40편``."""


@dataclass(frozen=True)
class IssueView:
    """One issue page."""

    title: str
    """Issue title."""

    date_text: str
    """Formatted date."""

    date_iso: str
    """``YYYY-MM-DD``."""

    author: str
    """Author, empty when unknown."""

    source_name: str
    """Name of the English original, empty when unknown."""

    source_href: str | None
    """Address of the English original, only when it is a real URL."""

    intro_html: str
    """Introduction, safe HTML."""

    highlights: tuple[str, ...]
    """Highlight lines, plain text."""

    glossary: tuple[GlossaryItem, ...]
    """Glossary entries."""

    papers: tuple[IssueEntry, ...]
    """The papers with their full text, in issue order."""

    previous: IssueItem | None
    """The issue before this one (by date), if any."""

    next: IssueItem | None
    """The issue after this one (by date), if any."""

    sponsors: tuple[SponsorBlock, ...]
    """Sponsor blocks (empty when the ``sponsors`` setting is ``omitted``)."""

    news: tuple[NewsItem, ...]
    """Items of the issue that are no papers, in order."""

    untranslated: bool
    """True when the page shows the Korean text because no translation exists."""

    original_href: str
    """Relative link to the Korean page (used by the untranslated notice)."""

    draft: bool = False
    """A draft (``draft: true``), in a preview that shows drafts: the page says so at the top."""

    text_lang: str = ""
    """``ko`` when ``untranslated`` (the ``lang`` of intro, highlights, glossary and sponsor text), else empty."""


@dataclass(frozen=True)
class PaperView:
    """One paper page."""

    title: str
    """Title in the page language."""

    other_title: str
    """The title in the other language, shown once under the heading; empty when it is the same text."""

    other_lang: str
    """Language of ``other_title`` (``ko``/``en``)."""

    coverage: tuple[Coverage, ...]
    """Every issue's write-up, newest first (the first one is the main text)."""

    links: tuple[LinkView, ...]
    """Its real links, as buttons."""

    missing: str
    """Labels of links an issue names without an address, shown once; empty when none."""

    topics: tuple[TopicTag, ...]
    """Its topics."""

    featured_in: tuple[IssueItem, ...]
    """Every issue that featured it, newest first."""

    related: tuple[PaperItem, ...]
    """Papers sharing topics, most shared topics first, then newest."""

    issue_title: str
    """Title of the issue whose neighbours are shown (its latest issue)."""

    issue_href: str
    """Relative link to that issue."""

    previous: Neighbour | None
    """Previous paper of that issue."""

    next: Neighbour | None
    """Next paper of that issue."""

    untranslated: bool
    """True when the text is Korean because the issue has no translation."""

    original_href: str
    """Relative link to the Korean page."""


@dataclass(frozen=True)
class TopicsView:
    """The topics index."""

    topics: tuple[TopicItem, ...]
    """All topics, in ``topics.yml`` order."""


@dataclass(frozen=True)
class TopicView:
    """One topic page."""

    label: str
    """Label in the page language."""

    description: str
    """Description in the page language."""

    count_text: str
    """``3 papers`` / ``논문 3편``."""

    papers: tuple[PaperItem, ...]
    """Its papers, newest first."""

    topics_href: str
    """Relative link to the topics index."""

    feed_href: str = ""
    """Relative link to the topic's RSS feed (one item per paper)."""


# --- helpers -------------------------------------------------------------------------------

_HANGUL_INITIALS = "ㄱㄱㄴㄷㄷㄹㅁㅂㅂㅅㅅㅇㅈㅈㅊㅋㅌㅍㅎ"
"""Initial consonant of each of the 19 Hangul leads, doubled ones filed under the plain one (ㄲ → ㄱ)."""

_HANGUL_ANCHORS = {"ㄱ": "g", "ㄴ": "n", "ㄷ": "d", "ㄹ": "r", "ㅁ": "m", "ㅂ": "b", "ㅅ": "s", "ㅇ": "ng", "ㅈ": "j",
                   "ㅊ": "ch", "ㅋ": "k", "ㅌ": "t", "ㅍ": "p", "ㅎ": "h"}
"""Readable ASCII fragment ids of the Hangul index letters."""

_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+")
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_NOT_ANCHOR = re.compile(r"[^\w-]+")


@lru_cache(maxsize=32768)
def one_line(markdown: str) -> str:
    """First sentence of a Markdown paragraph as plain text, cut at :data:`ONE_LINE_MAX`."""
    text = to_plain_text(markdown)
    first = _SENTENCE_END.split(text, maxsplit=1)[0]
    if len(first) > ONE_LINE_MAX:
        first = first[: ONE_LINE_MAX - 1].rstrip() + "…"
    return first


def anchor(text: str, index: int) -> str:
    """A fragment id for a heading: readable when possible, always unique by ``index``."""
    slug = _NOT_ANCHOR.sub("-", text.lower()).strip("-")[:40]
    return f"s{index}-{slug}" if slug else f"s{index}"


def sort_title(title: str) -> str:
    """Key that files a title A–Z (가나다): case folded, leading quotes and signs ignored."""
    folded = title.casefold()
    return folded.lstrip("\"'“”‘’«»「」『』([{<*_-—–·.,:;!?¡¿ ") or folded


def index_letter(title: str) -> tuple[int, str, str]:
    """``(rank, label, anchor)`` of the index group of a title: ``(1, "A", "letter-a")``, ``(2, "ㄱ", "hangul-g")``,
    ``(0, "#", "other")`` for digits and signs; groups are shown by rank, then label."""
    first = sort_title(title)[:1]
    if "가" <= first <= "힣":
        initial = _HANGUL_INITIALS[(ord(first) - ord("가")) // 588]
        return 2, initial, f"hangul-{_HANGUL_ANCHORS[initial]}"
    first = unicodedata.normalize("NFKD", first)[:1]
    if "a" <= first <= "z":
        return 1, first.upper(), f"letter-{first}"
    return 0, "#", "other"


def _iso(date: _dt.date | None) -> str:
    return date.isoformat() if date else ""


def _issue_title(record: IssueRecord, lang: str) -> str:
    """The issue's own title in ``lang``, else the English original's name, else the slug."""
    title_ko, title_en = issue_titles(record)
    return to_plain_text(title_ko if lang == PRIMARY_LANGUAGE else title_en)


def _after_summary(paper: Paper) -> str:
    """The body without its first paragraph when that paragraph is the summary."""
    body = paper.body.strip()
    summary = paper.summary.strip()
    return body[len(summary) :] if summary and body.startswith(summary) else body


# --- the builder ---------------------------------------------------------------------------


class ViewBuilder:
    """Builds the view of every page of one language from one catalog."""

    def __init__(self, catalog: Catalog, lang: str, *, sponsors: str = "marked") -> None:
        self.catalog = catalog
        self.lang = lang
        self.sponsors = sponsors
        self._ = i18n.gettext_for(lang)
        self.ngettext = i18n.ngettext_for(lang)
        self._issues = {record.slug: record for record in catalog.issues}
        self._issue_rank = {record.slug: rank for rank, record in enumerate(catalog.issues)}
        by_topic: dict[str, list[PaperRecord]] = {topic.id: [] for topic in catalog.topics}
        for record in catalog.papers:  # newest first already
            for topic_id in record.topics:
                by_topic.setdefault(topic_id, []).append(record)
        self._by_topic = {key: tuple(value) for key, value in by_topic.items()}
        self._topics = {topic.id: topic for topic in catalog.topics}
        order = sorted(catalog.topics, key=lambda topic: -len(self._by_topic.get(topic.id, ())))  # stable: yml order
        self._topic_rank = {topic.id: rank for rank, topic in enumerate(order)}  # one topic order everywhere
        self._rank = {record.id: rank for rank, record in enumerate(catalog.papers)}
        _ = self._
        self._link_labels = {
            LinkKind.PAPER: _("Paper"),
            LinkKind.CODE: _("Code"),
            LinkKind.TWEET: _("Tweet"),
            LinkKind.DATASET: _("Dataset"),
            LinkKind.PROJECT: _("Project page"),
            LinkKind.BLOG: _("Blog post"),
            LinkKind.DEMO: _("Demo"),
            LinkKind.MODEL: _("Model"),
            LinkKind.OTHER: _("Link"),
        }

    # small pieces

    def papers_count(self, number: int) -> str:
        return i18n.with_count(self.ngettext("%(num)s paper", "%(num)s papers", number), number, self.lang)

    def issues_count(self, number: int) -> str:
        return i18n.with_count(self.ngettext("%(num)s issue", "%(num)s issues", number), number, self.lang)

    def topic_tags(self, topic_ids: tuple[str, ...], here: str) -> tuple[TopicTag, ...]:
        return tuple(
            TopicTag(self._topics[tid].label(self.lang), relative_href(here, topic_path(tid)))
            for tid in sorted(topic_ids, key=lambda tid: self._topic_rank.get(tid, len(self._topic_rank)))
            if tid in self._topics
        )

    def paper_item(self, record: PaperRecord, here: str, *, position: int = 0, paper: Paper | None = None,
                   korean_text: bool | None = None) -> PaperItem:
        """A paper in a list; ``paper`` is the item text to summarise (default: its latest issue's, in the page
        language), ``korean_text`` whether that text is Korean on a page of another language (default: derived)."""
        text = paper if paper is not None else record.latest.paper(self.lang)
        if korean_text is None:
            korean_text = self.lang != PRIMARY_LANGUAGE and paper is None and record.latest.en is None
        title = record.title(self.lang)
        other_lang = "en" if self.lang == "ko" else "ko"
        other = record.title(other_lang)
        return PaperItem(
            title=title,
            other_title="" if other == title else other,
            other_lang=other_lang,
            summary=one_line(text.summary),
            topics=self.topic_tags(record.topics, here),
            href=relative_href(here, paper_path(record.id)),
            date_text=i18n.format_date(record.latest_date, self.lang),
            date_iso=_iso(record.latest_date),
            position=position,
            summary_lang=PRIMARY_LANGUAGE if korean_text else "",
        )

    def link_label(self, link: Link) -> str:
        """The label as written, unless it is Korean on a page of another language, an address, or a title (the
        heading's own link, ``[Title](https://arxiv.org/…)``): then the kind's name."""
        if self.lang != PRIMARY_LANGUAGE and _HANGUL.search(link.label):
            return self._link_labels[link.kind]
        if "://" in link.label or len(link.label) > 32:
            return self._link_labels[link.kind]
        return link.label

    def issue_item(self, record: IssueRecord, here: str) -> IssueItem:
        return IssueItem(
            title=_issue_title(record, self.lang),
            href=relative_href(here, issue_path(record.slug)),
            date_text=i18n.format_date(record.date, self.lang),
            date_iso=_iso(record.date),
            count_text=self.papers_count(len(record.paper_ids)),
            translated=record.is_translated(self.lang),
            draft=_is_draft(record, self.lang),
        )

    def topic_item(self, topic: Topic, here: str) -> TopicItem:
        count = len(self._by_topic.get(topic.id, ()))
        return TopicItem(
            label=topic.label(self.lang),
            description=topic.description(self.lang),
            href=relative_href(here, topic_path(topic.id)),
            count=count,
            count_text=self.papers_count(count),
        )

    def issue_papers(self, record: IssueRecord, here: str) -> tuple[PaperItem, ...]:
        issue = record.issue(self.lang)
        untranslated = not record.is_translated(self.lang)
        items = []
        for index, paper_id in enumerate(record.paper_ids):
            translated = index < len(issue.papers) and not untranslated
            paper = issue.papers[index] if index < len(issue.papers) else record.ko.papers[index]
            items.append(self.paper_item(self.catalog.paper(paper_id), here, position=index + 1, paper=paper,
                                         korean_text=self.lang != PRIMARY_LANGUAGE and not translated))
        return tuple(items)

    def issue_entries(self, record: IssueRecord, here: str) -> tuple[IssueEntry, ...]:
        """Every paper of the issue with its write-up and links, as the issue page shows them."""
        issue = record.issue(self.lang)
        entries = []
        counter = 0
        for item in self.issue_papers(record, here):
            index = item.position - 1
            paper = issue.papers[index] if index < len(issue.papers) else record.ko.papers[index]
            sections = []
            for section in paper.sections:
                counter += 1
                sections.append(SectionView(heading=to_plain_text(section.heading),
                                            anchor=anchor(section.heading, counter), html=to_html(section.text)))
            links, missing = self.link_views(paper.links)
            entries.append(IssueEntry(
                anchor=f"paper-{item.position}",
                item=item,
                links=links,
                missing=missing,
                summary_html=to_html(paper.summary),
                sections=tuple(sections),
                body_html="" if paper.sections else to_html(_after_summary(paper)),
                text_lang=item.summary_lang,
            ))
        return tuple(entries)

    def _neighbour_issue(self, record: IssueRecord, here: str, step: int) -> IssueItem | None:
        """The issue ``step`` places away in date order (the catalog lists issues newest first)."""
        issues = self.catalog.issues
        index = self._issue_rank[record.slug] - step
        return self.issue_item(issues[index], here) if 0 <= index < len(issues) else None

    def neighbour(self, paper_id: str, here: str) -> Neighbour:
        record = self.catalog.paper(paper_id)
        return Neighbour(record.title(self.lang), relative_href(here, paper_path(record.id)))

    def issue_title(self, record: IssueRecord) -> str:
        return _issue_title(record, self.lang)

    # pages

    def home(self, here: str, tagline: str) -> HomeView:
        issues = self.catalog.issues
        latest = issues[0] if issues else None
        ranked = [self.topic_item(topic, here) for topic in self._ranked_topics()]
        return HomeView(
            tagline=tagline,
            latest=self.issue_item(latest, here) if latest else None,
            latest_intro_html=to_html(latest.issue(self.lang).intro) if latest else "",
            latest_papers=self.issue_papers(latest, here) if latest else (),
            recent=tuple(self.issue_item(record, here) for record in issues[1 : 1 + RECENT_ISSUES]),
            topics=tuple(item for item in ranked if item.count),
            archive_href=relative_href(here, archive_path()),
            topics_href=relative_href(here, topics_path()),
            feed_href=relative_href(here, feed_path()),
        )

    def archive(self, here: str) -> ArchiveView:
        def month(record: IssueRecord) -> _dt.date | None:
            return record.date.replace(day=1) if record.date else None

        dated = [record for record in self.catalog.issues if record.date]
        undated = [record for record in self.catalog.issues if not record.date]
        dated.sort(key=lambda record: (record.date, record.slug), reverse=True)
        months = [
            MonthGroup(
                label=i18n.format_month(key, self.lang),
                anchor=key.strftime("%Y-%m"),
                issues=tuple(self.issue_item(record, here) for record in group),
            )
            for key, group in groupby(dated, key=month)
        ]
        if undated:
            months.append(
                MonthGroup(
                    label=self._("Undated"),
                    anchor="undated",
                    issues=tuple(self.issue_item(record, here) for record in undated),
                )
            )
        return ArchiveView(
            months=tuple(months),
            count_text=self.issues_count(len(self.catalog.issues)),
            heading=self._("Archive"),
            heading_id="archive",
        )

    def issues_index(self, here: str) -> ArchiveView:
        """``/issues/``: every issue, by month like the archive, for readers who trim an issue URL."""
        return replace(self.archive(here), heading=self._("All issues by month"), heading_id="all-issues")

    def papers_index(self, here: str) -> PapersIndexView:
        """``/papers/``: every paper A–Z by its title in the page language, grouped by first letter."""
        keyed = sorted(
            (index_letter(title), sort_title(title), record.id, record)
            for record in self.catalog.papers
            for title in (record.title(self.lang),)
        )
        groups = [
            LetterGroup(label=label, anchor=anchor, papers=tuple(self.paper_item(entry[3], here) for entry in group))
            for (_rank, label, anchor), group in groupby(keyed, key=lambda entry: entry[0])
        ]
        return PapersIndexView(groups=tuple(groups), count_text=self.papers_count(len(self.catalog.papers)))

    def issue(self, record: IssueRecord, here: str) -> IssueView:
        issue = record.issue(self.lang)
        source = issue.source or record.ko.source
        sponsors: tuple[SponsorBlock, ...] = ()
        if self.sponsors == "marked":
            sponsors = tuple(
                SponsorBlock(title=to_plain_text(block.title), html=to_html(block.text))
                for block in issue.blocks
                if block.kind is BlockKind.SPONSOR
            )
        news = tuple(
            NewsItem(title=to_plain_text(block.title),
                     href=next((link.url for link in block.links if link.url and is_allowed_url(link.url)), None),
                     html=to_html(block.text))
            for block in issue.blocks if block.kind is BlockKind.NEWS)
        return IssueView(
            news=news,
            title=_issue_title(record, self.lang),
            date_text=i18n.format_date(record.date, self.lang),
            date_iso=_iso(record.date),
            author=issue.author or record.ko.author or "",
            source_name=source.name if source else "",
            source_href=source.url if source and is_allowed_url(source.url) else None,
            intro_html=to_html(issue.intro),
            highlights=tuple(to_plain_text(line) for line in issue.highlights),
            glossary=tuple(
                GlossaryItem(term=to_plain_text(entry.term), definition_html=to_html(entry.definition))
                for entry in issue.glossary
            ),
            papers=self.issue_entries(record, here),
            previous=self._neighbour_issue(record, here, -1),
            next=self._neighbour_issue(record, here, +1),
            sponsors=sponsors,
            untranslated=not record.is_translated(self.lang),
            original_href=language_href(here, self.lang, "ko"),
            text_lang="" if record.is_translated(self.lang) else PRIMARY_LANGUAGE,
            draft=_is_draft(record, self.lang),
        )

    def link_views(self, links: tuple[Link, ...]) -> tuple[tuple[LinkView, ...], str]:
        """The real links as buttons, and the labels of those named without an address (said once)."""
        real = [link for link in links if link.url and is_allowed_url(link.url)]
        missing = dict.fromkeys(self.link_label(link) for link in links if link not in real)
        return tuple(LinkView(self.link_label(link), link.kind.value, link.url) for link in real), ", ".join(missing)

    def paper(self, record: PaperRecord, here: str) -> PaperView:
        untranslated = self.lang != PRIMARY_LANGUAGE and record.latest.en is None
        other_lang = "en" if self.lang == "ko" else "ko"
        other = record.title(other_lang)
        links, missing = self.link_views(record.links)
        appearance = record.latest
        issue_record = self._issues.get(appearance.issue_slug)
        previous = following = None
        if issue_record is not None:
            ids = issue_record.paper_ids
            index = appearance.position - 1
            if 0 < index <= len(ids):
                previous = self.neighbour(ids[index - 1], here)
            if 0 <= index < len(ids) - 1:
                following = self.neighbour(ids[index + 1], here)
        return PaperView(
            title=record.title(self.lang),
            other_title=other if other.strip().casefold() != record.title(self.lang).strip().casefold() else "",
            other_lang=other_lang,
            coverage=self.coverage(record, here),
            links=links,
            missing=missing,
            topics=self.topic_tags(record.topics, here),
            featured_in=tuple(
                self.issue_item(self._issues[a.issue_slug], here)
                for a in reversed(record.appearances)
                if a.issue_slug in self._issues
            ),
            related=self.related(record, here),
            issue_title=self.issue_title(issue_record) if issue_record else "",
            issue_href=relative_href(here, issue_path(appearance.issue_slug)) if issue_record else "",
            previous=previous,
            next=following,
            untranslated=untranslated,
            original_href=language_href(here, self.lang, "ko"),
        )

    def coverage(self, record: PaperRecord, here: str) -> tuple[Coverage, ...]:
        """One write-up per issue that featured the paper, newest first; section ids stay unique."""
        items: list[Coverage] = []
        counter = 0
        for appearance in reversed(record.appearances):
            issue_record = self._issues.get(appearance.issue_slug)
            if issue_record is None:
                continue
            text = appearance.paper(self.lang)
            sections = []
            for section in text.sections:
                counter += 1
                sections.append(
                    SectionView(
                        heading=to_plain_text(section.heading),
                        anchor=anchor(section.heading, counter),
                        html=to_html(section.text),
                    )
                )
            items.append(
                Coverage(
                    issue=self.issue_item(issue_record, here),
                    summary_html=to_html(text.summary),
                    sections=tuple(sections),
                    body_html="" if text.sections else to_html(_after_summary(text)),
                    untranslated=self.lang != PRIMARY_LANGUAGE and appearance.en is None,
                    text_lang=PRIMARY_LANGUAGE if self.lang != PRIMARY_LANGUAGE and appearance.en is None else "",
                )
            )
        return tuple(items)

    def related(self, record: PaperRecord, here: str) -> tuple[PaperItem, ...]:
        """Papers sharing the most topics with ``record``, then newest (bounded work per page)."""
        shared: dict[str, int] = {}
        for topic_id in record.topics:
            for other in self._by_topic.get(topic_id, ())[:RELATED_CANDIDATES_PER_TOPIC]:
                if other.id != record.id:
                    shared[other.id] = shared.get(other.id, 0) + 1
        best = sorted(shared, key=lambda pid: (-shared[pid], self._rank[pid]))[:RELATED_LIMIT]
        return tuple(self.paper_item(self.catalog.paper(pid), here) for pid in best)

    def topics(self, here: str) -> TopicsView:
        return TopicsView(topics=tuple(self.topic_item(topic, here) for topic in self._ranked_topics()))

    def _ranked_topics(self) -> list[Topic]:
        """Every topic in the site's one topic order (see ``_topic_rank``)."""
        return sorted(self.catalog.topics, key=lambda topic: self._topic_rank[topic.id])

    def topic(self, topic: Topic, here: str) -> TopicView:
        papers = self._by_topic.get(topic.id, ())
        return TopicView(
            label=topic.label(self.lang),
            description=topic.description(self.lang),
            count_text=self.papers_count(len(papers)),
            papers=tuple(self.paper_item(record, here) for record in papers),
            topics_href=relative_href(here, topics_path()),
            feed_href=relative_href(here, feed_path(topic.id)),
        )
