"""Page planning: which pages (and extra files) one language tree of the site has.

``plan_site(catalog, settings)`` turns the :class:`~generator.catalog_model.Catalog` into a
:class:`SitePlan`: one :class:`PlannedPage` per URL of the contract, each with its language,
URL path, template, title and view object, plus :class:`ExtraFile` values written next to the
pages (the JSON data API). New page kinds are one more ``_plan_*`` function; new files one more
entry of :func:`extra_files`.

URL contract (each also under ``/en/``)::

    /                       home              templates/home.html
    /archive/               archive           templates/archive.html
    /issues/<issue-slug>/   issue             templates/issue.html
    /papers/<paper-id>/     paper             templates/paper.html
    /topics/                topics index      templates/topics.html
    /topics/<topic-id>/     topic             templates/topic.html
    /issues/                issues index      templates/archive.html (every issue by month, as the archive)
    /papers/                papers index      templates/papers.html (every paper A–Z)

The two indexes are not in ``nav``: they serve readers who trim ``/issues/<slug>/`` or ``/papers/<id>/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from babel.lists import format_list

from generator import i18n
from generator.catalog_model import Catalog
from generator.data_api import api_files
from generator.feeds import all_feeds
from generator.meta import MetaBuilder, PageMeta
from generator.cards import CardPainter
from generator.identity import Identity
from generator.markdown import is_allowed_url
from generator.notfound import NotFoundView, not_found_view
from generator.urls import LANGUAGE_NAMES, LANGUAGES, PRIMARY_LANGUAGE, PageKind, absolute_url
from generator.views import (
    ArchiveView,
    HomeView,
    IssueView,
    PapersIndexView,
    PaperView,
    TopicsView,
    TopicView,
    ViewBuilder,
    archive_path,
    home_path,
    issue_path,
    issues_index_path,
    language_href,
    paper_path,
    papers_index_path,
    relative_href,
    topic_path,
    topics_path,
)

View = Union[HomeView, ArchiveView, IssueView, PaperView, PapersIndexView, TopicsView, TopicView]


@dataclass(frozen=True)
class PlanSettings:
    """What planning needs besides the catalog."""

    lang: str
    """Language of this tree (``ko`` = site root, ``en`` = ``/en/``)."""

    root_url: str
    """Absolute URL of the Korean site root, ending with ``/`` (``https://u.github.io/repo/``)."""

    sponsors: str = "marked"
    """``marked``: sponsor blocks shown in a labelled box; ``omitted``: left out."""

    cards: CardPainter | None = None
    """Draws the social preview cards of the home, issue and paper pages; ``None``: pages claim no image."""

    identity: Identity | None = None
    """The site's name, tagline, editors and credit in this language (``None``: the defaults)."""


@dataclass(frozen=True)
class Alternate:
    """A ``<link rel="alternate" hreflang>`` of a page."""

    hreflang: str
    """``ko``, ``en`` or ``x-default``."""

    href: str
    """Absolute URL."""


@dataclass(frozen=True)
class HeadView:
    """What a page adds to ``<head>`` and to the theme chrome (extension point for feeds, OpenGraph…)."""

    lang: str
    """Language of the page."""

    canonical: str
    """Absolute URL of the page."""

    alternates: tuple[Alternate, ...]
    """hreflang links: every language plus ``x-default`` (Korean)."""

    switch_href: str
    """Relative link to the same page in the other language."""

    description: str = ""
    """Plain-text description of the page (for meta description / OpenGraph)."""

    kind: str = ""
    """Page kind (``home``, ``archive``, ``issue``, ``paper``, ``topics``, ``topic``, ``issues``, ``papers``)."""

    meta: PageMeta | None = None
    """OpenGraph/Twitter/Highwire tags, feed links and JSON-LD (:mod:`generator.meta`)."""

    footer: tuple[FooterLink, ...] = ()
    """The site footer's links from this page: the indexes, the feed and the other language."""

    colophon: tuple[FooterNote, ...] = ()
    """The footer's lines about the site: who edits it, which newsletter it is taken from."""


@dataclass(frozen=True)
class FooterLink:
    """One link of the site footer."""

    label: str
    """Its text, in the page language."""

    href: str
    """Relative link from the page."""

    lang: str = ""
    """``hreflang`` when it leads to the other language, else empty."""


@dataclass(frozen=True)
class FooterNote:
    """One line of the footer's colophon."""

    text: str
    """Plain text, in the page language."""

    href: str | None = None
    """Absolute ``http(s)`` link of the line, if any."""


@dataclass(frozen=True)
class TocEntry:
    """One entry of a page's table of contents (the right-hand column)."""

    anchor: str
    """Fragment id of the heading."""

    title: str
    """Its text, plain."""


@dataclass(frozen=True)
class PlannedPage:
    """One page of one language."""

    kind: str
    """``home``, ``archive``, ``issue``, ``paper``, ``topics``, ``topic``, ``issues`` or ``papers``."""

    lang: str
    """Language of the page."""

    path: str
    """URL path relative to the language root (``papers/tiny-recursive-model/``; ``""`` = home)."""

    template: str
    """Template name under ``templates/``."""

    title: str
    """Page title, plain text."""

    view: View
    """Everything the template shows."""

    head: HeadView
    """hreflang links, switcher target and other ``<head>`` data."""

    toc: tuple[TocEntry, ...] = ()
    """The page's table of contents (an issue's papers); empty: the page shows none."""

    @property
    def src_uri(self) -> str:
        """The virtual source file MkDocs gets (``papers/x.md`` → ``papers/x/``)."""
        if not self.path:
            return "index.md"
        stem = self.path.rstrip("/")
        return f"{stem}/index.md" if self.kind in ("topics", "issues", "papers") else f"{stem}.md"


@dataclass(frozen=True)
class ExtraFile:
    """A non-page file of the build output (``api/issues.json``)."""

    path: str
    """Path relative to the language root, ``/``-separated."""

    content: bytes
    """Exact bytes to write."""


@dataclass(frozen=True)
class NotFoundPage:
    """The 404 page of one language tree: MkDocs' theme renders ``404.html`` itself, so this is
    not a :class:`PlannedPage`; it is served at any missing address, so every link is absolute."""

    view: NotFoundView
    """What the page shows (title, message, ways out)."""

    meta: PageMeta
    """Description and feed link for ``<head>``."""

    switch_href: str
    """Absolute URL of the other language's home (target of the language switcher)."""

    elsewhere: tuple[NotFoundView, ...] = ()
    """In the primary tree, the other languages' views: GitHub Pages serves only the root ``404.html``, which shows
    the one whose tree holds the missing address."""


@dataclass(frozen=True)
class SitePlan:
    """Everything one language tree consists of."""

    lang: str
    """Language of the tree."""

    pages: tuple[PlannedPage, ...]
    """All pages, in a deterministic order."""

    files: tuple[ExtraFile, ...] = field(default=())
    """Extra files."""

    not_found: NotFoundPage | None = None
    """The 404 page (``None`` only for plans made by hand in tests)."""




def _footer(lang: str, path: str, switch_href: str, other: str) -> tuple[FooterLink, ...]:
    _ = i18n.gettext_for(lang)
    return (
        FooterLink(_("Archive"), relative_href(path, archive_path())),
        FooterLink(_("Topics"), relative_href(path, topics_path())),
        FooterLink(_("All papers"), relative_href(path, papers_index_path())),
        FooterLink(_("RSS feed"), relative_href(path, "feed.xml")),
        FooterLink(LANGUAGE_NAMES[other], switch_href, other),
    )


def colophon(identity: Identity, lang: str) -> tuple[FooterNote, ...]:
    """The footer's lines about the site, from its identity: editors, then the credit."""
    _ = i18n.gettext_for(lang)
    notes = []
    if identity.editors:
        notes.append(FooterNote(_("Edited by %(names)s") % {"names": format_list(list(identity.editors), locale=lang)}))
    if identity.credit:
        notes.append(FooterNote(identity.credit, identity.credit_url if is_allowed_url(identity.credit_url) else None))
    return tuple(notes)


def _head(settings: PlanSettings, path: str, kind: str, meta: PageMeta, notes: tuple[FooterNote, ...]) -> HeadView:
    other = next(lang for lang in LANGUAGES if lang != settings.lang)
    alternates = tuple(Alternate(lang, absolute_url(settings.root_url, lang, path)) for lang in LANGUAGES)
    switch_href = language_href(path, settings.lang, other)
    return HeadView(
        lang=settings.lang,
        canonical=absolute_url(settings.root_url, settings.lang, path),
        alternates=alternates + (Alternate("x-default", absolute_url(settings.root_url, PRIMARY_LANGUAGE, path)),),
        switch_href=switch_href,
        description=meta.description,
        kind=kind,
        meta=meta,
        footer=_footer(settings.lang, path, switch_href, other),
        colophon=notes,
    )


def plan_site(catalog: Catalog, settings: PlanSettings) -> SitePlan:
    """Plan every page of the ``settings.lang`` tree."""
    views = ViewBuilder(catalog, settings.lang, sponsors=settings.sponsors)
    metas = MetaBuilder(catalog, settings.lang, settings.root_url, cards=settings.cards, identity=settings.identity)
    _ = i18n.gettext_for(settings.lang)
    notes = colophon(metas.identity, settings.lang)
    pages: list[PlannedPage] = []

    def add(kind: str, path: str, template: str, title: str, view: View, meta: PageMeta,
            toc: tuple[TocEntry, ...] = ()) -> None:
        pages.append(PlannedPage(kind, settings.lang, path, template, title, view, _head(settings, path, kind, meta, notes),
                                 toc))

    # the header names the site: the home page's own title is "Home" (its tab, <title> "Home - <site name>")
    add("home", home_path(), "home.html", _("Home"), views.home(home_path(), metas.identity.tagline),
        metas.home(metas.identity.name))
    add("archive", archive_path(), "archive.html", _("Archive"), views.archive(archive_path()), metas.archive(_("Archive")))
    add("topics", topics_path(), "topics.html", _("Topics"), views.topics(topics_path()), metas.topics(_("Topics")))
    add("issues", issues_index_path(), "archive.html", _("All issues by month"), views.issues_index(issues_index_path()),
        metas.archive(_("All issues by month"), PageKind.ISSUES))
    add("papers", papers_index_path(), "papers.html", _("All papers"), views.papers_index(papers_index_path()),
        metas.papers_index(_("All papers")))
    for topic in catalog.topics:
        path = topic_path(topic.id)
        label = topic.label(settings.lang)
        add("topic", path, "topic.html", label, views.topic(topic, path), metas.topic(topic, label))
    for record in catalog.issues:
        path = issue_path(record.slug)
        view = views.issue(record, path)
        add("issue", path, "issue.html", view.title, view, metas.issue(record, view.title),
            tuple(TocEntry(entry.anchor, f"{entry.item.position}. {entry.item.title}") for entry in view.papers))
    for paper in catalog.papers:
        path = paper_path(paper.id)
        view = views.paper(paper, path)
        add("paper", path, "paper.html", view.title, view, metas.paper(paper, view.title))
    cards = tuple(ExtraFile(card.path, card.png) for card in metas.cards)
    return SitePlan(lang=settings.lang, pages=tuple(pages), files=extra_files(catalog, settings) + cards,
                    not_found=not_found_page(metas, settings))


def not_found_page(metas: MetaBuilder, settings: PlanSettings) -> NotFoundPage:
    """The 404 page of the ``settings.lang`` tree."""
    other = next(lang for lang in LANGUAGES if lang != settings.lang)
    return NotFoundPage(
        view=not_found_view(settings.lang, settings.root_url),
        meta=metas.not_found(),
        switch_href=absolute_url(settings.root_url, other, ""),
        elsewhere=tuple(not_found_view(lang, settings.root_url) for lang in LANGUAGES
                        if lang != settings.lang) if settings.lang == PRIMARY_LANGUAGE else (),
    )


def extra_files(catalog: Catalog, settings: PlanSettings) -> tuple[ExtraFile, ...]:
    """Non-page files of the tree: RSS feeds in every tree; the JSON data API in the primary (Korean) tree only."""
    feeds = tuple(ExtraFile(feed.path, feed.content) for feed in all_feeds(catalog, settings.lang, settings.root_url, settings.identity))
    if settings.lang != PRIMARY_LANGUAGE:
        return feeds
    return feeds + tuple(ExtraFile(api.path, api.text.encode("utf-8")) for api in api_files(catalog, settings.root_url))
