"""Page metadata for ``<head>``: description, OpenGraph, Twitter card, feeds, JSON-LD, Highwire.

:class:`MetaBuilder` turns catalog objects into one :class:`PageMeta` per page; the theme
override prints its fields as they are (``overrides/partials/digest-meta.html``), so nothing is
built in Jinja. Descriptions are plain text taken from the page's content (issue introduction,
paper summary, topic description…), Markdown stripped, cut near :data:`DESCRIPTION_MAX`.

Paper pages also get a schema.org ``ScholarlyArticle`` as JSON-LD, made as a dict, serialised
with :func:`json.dumps` and made safe for ``<script type="application/ld+json">``
(:func:`script_safe_json`: ``<``, ``>`` and ``&`` escaped as ``\\u003c`` … — content is hostile),
and the Highwire ``citation_title`` / ``citation_arxiv_id`` tags read by scholarly indexers.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from generator import i18n
from generator.cards import HEIGHT, WIDTH, Card, CardPainter
from generator.catalog_model import Catalog, IssueRecord, PaperRecord, Topic
from generator.feeds import issue_title, shorten, site_identity, topic_feed_title
from generator.identity import Identity
from generator.markdown import is_allowed_url, to_plain_text
from generator.model import LinkKind
from generator.urls import LANGUAGES, PageKind, absolute_url, feed_path, page_path

DESCRIPTION_MAX = 160
"""Longest page description, in characters."""

OG_LOCALES = {"ko": "ko_KR", "en": "en_US"}
"""OpenGraph locale of each site language."""

SAME_AS_KINDS = (LinkKind.PAPER, LinkKind.CODE)
"""Link kinds listed as ``sameAs`` of a paper's JSON-LD."""

_ARXIV_ID = re.compile(r"^/(?:abs|pdf|html)/((?:\d{4}\.\d{4,5})|(?:[a-z-]+(?:\.[A-Z]{2})?/\d{7}))(?:v\d+)?(?:\.pdf)?/?$")


@dataclass(frozen=True)
class MetaTag:
    """One ``<meta>`` tag: ``<meta property|name="key" content="content">``."""

    key: str
    """``og:title``, ``twitter:card``, ``citation_title`` …"""

    content: str
    """The value, plain text (escaped by the template)."""


@dataclass(frozen=True)
class FeedLink:
    """A ``<link rel="alternate" type="application/rss+xml">`` of a page."""

    title: str
    """Title of the feed."""

    href: str
    """Link to the feed, relative to the page."""


@dataclass(frozen=True)
class PageMeta:
    """Everything a page adds to ``<head>`` besides canonical/hreflang links."""

    description: str
    """Plain-text description (``<meta name="description">``, ``og:description``)."""

    properties: tuple[MetaTag, ...] = ()
    """OpenGraph tags, printed as ``<meta property=…>``."""

    names: tuple[MetaTag, ...] = ()
    """Twitter-card and Highwire tags, printed as ``<meta name=…>``."""

    feeds: tuple[FeedLink, ...] = ()
    """RSS feeds the page advertises: its language's feed, and its topic's feed on topic pages."""

    json_ld: str = ""
    """schema.org JSON-LD, already safe inside ``<script>`` (empty when the page has none)."""

    lastmod: _dt.date | None = None
    """Date the page's content last changed (issue date, paper's latest issue), for the sitemap."""


def script_safe_json(data: Any) -> str:
    """``json.dumps(data)`` that cannot end a ``<script>`` element or open markup in it."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def describe(markdown: str, limit: int = DESCRIPTION_MAX) -> str:
    """Plain text of ``markdown``, whitespace collapsed, cut at a word near ``limit``."""
    return shorten(to_plain_text(markdown), limit)


def arxiv_id(url: str | None) -> str | None:
    """``2510.04871`` for ``https://arxiv.org/abs/2510.04871v2`` (also ``/pdf/``, ``/html/``), else ``None``."""
    if not is_allowed_url(url):
        return None
    parts = urlsplit(str(url))
    host = (parts.hostname or "").lower()
    if host != "arxiv.org" and not host.endswith(".arxiv.org"):
        return None
    match = _ARXIV_ID.match(parts.path)
    return match.group(1) if match else None


def _relative(here: str, target: str) -> str:
    return "../" * here.count("/") + target


class MetaBuilder:
    """Builds the :class:`PageMeta` of every page of one language."""

    def __init__(self, catalog: Catalog, lang: str, root_url: str, *, cards: CardPainter | None = None,
                 identity: Identity | None = None) -> None:
        self.catalog = catalog
        self.lang = lang
        self.root_url = root_url
        self.identity = site_identity(lang, identity)
        self._ = i18n.gettext_for(lang)
        self._painter = cards
        self._cards: dict[str, Card] = {}
        self._issues = {record.slug: record for record in catalog.issues}
        self._topic_ids = frozenset(topic.id for topic in catalog.topics)

    # pieces

    @property
    def cards(self) -> tuple[Card, ...]:
        """The social preview cards the pages planned so far refer to (files of this language tree)."""
        return tuple(self._cards.values())

    def _card_tags(self, title: str, line: str) -> tuple[tuple[MetaTag, ...], tuple[MetaTag, ...]]:
        """``og:image`` and Twitter large-image tags of a card showing ``title`` and ``line`` (none without cards)."""
        if self._painter is None:
            return (), ()
        card = self._painter.card(title, line, self.identity.card_name)
        self._cards[card.path] = card
        url = self.url(card.path)
        properties = (MetaTag("og:image", url), MetaTag("og:image:width", str(WIDTH)),
                      MetaTag("og:image:height", str(HEIGHT)), MetaTag("og:image:alt", title))
        return properties, (MetaTag("twitter:image", url),)

    def url(self, path: str) -> str:
        """Absolute URL of ``path`` in this language."""
        return absolute_url(self.root_url, self.lang, path)

    def _meta(
        self,
        path: str,
        title: str,
        description: str,
        *,
        og_type: str = "website",
        extra_properties: tuple[MetaTag, ...] = (),
        extra_names: tuple[MetaTag, ...] = (),
        feeds: tuple[FeedLink, ...] = (),
        json_ld: str = "",
        lastmod: _dt.date | None = None,
        card: tuple[str, str] | None = None,
    ) -> PageMeta:
        description = description or self.identity.tagline
        card_properties, card_names = self._card_tags(*card) if card else ((), ())
        properties = (
            MetaTag("og:type", og_type),
            MetaTag("og:site_name", self.identity.name),
            MetaTag("og:title", title),
            MetaTag("og:description", description),
            MetaTag("og:url", self.url(path)),
            MetaTag("og:locale", OG_LOCALES[self.lang]),
        ) + tuple(MetaTag("og:locale:alternate", OG_LOCALES[lang]) for lang in LANGUAGES if lang != self.lang)
        names = (
            MetaTag("twitter:card", "summary_large_image" if card_names else "summary"),
            MetaTag("twitter:title", title),
            MetaTag("twitter:description", description),
        )
        site_feed = FeedLink(self.identity.feed_title, _relative(path, feed_path()))
        return PageMeta(
            description=description,
            properties=properties + extra_properties + card_properties,
            names=names + card_names + extra_names,
            feeds=(site_feed,) + feeds,
            json_ld=json_ld,
            lastmod=lastmod,
        )

    # pages

    def home(self, title: str) -> PageMeta:
        """The home page: the site tagline."""
        newest = self.catalog.issues[0].date if self.catalog.issues else None
        tagline = self.identity.tagline
        latest = issue_title(self.catalog.issues[0], self.lang) if self.catalog.issues else ""
        return self._meta(page_path(PageKind.HOME), title, tagline, lastmod=newest, card=(tagline, latest))

    def archive(self, title: str, kind: PageKind = PageKind.ARCHIVE) -> PageMeta:
        """The archive (or the ``/issues/`` index, ``kind=PageKind.ISSUES``): the titles of the newest issues."""
        text = " · ".join(issue_title(record, self.lang) for record in self.catalog.issues)
        newest = self.catalog.issues[0].date if self.catalog.issues else None
        return self._meta(page_path(kind), title, shorten(text, DESCRIPTION_MAX), lastmod=newest)

    def papers_index(self, title: str) -> PageMeta:
        """The ``/papers/`` index: the titles of the newest papers."""
        text = " · ".join(record.title(self.lang) for record in self.catalog.papers[:20])
        newest = self.catalog.papers[0].latest_date if self.catalog.papers else None
        return self._meta(page_path(PageKind.PAPERS), title, shorten(text, DESCRIPTION_MAX), lastmod=newest)

    def topics(self, title: str) -> PageMeta:
        """The topics index: the topic labels."""
        text = " · ".join(topic.label(self.lang) for topic in self.catalog.topics)
        return self._meta(page_path(PageKind.TOPICS), title, shorten(text, DESCRIPTION_MAX))

    def topic(self, topic: Topic, title: str) -> PageMeta:
        """A topic page: its description; advertises the topic's feed too."""
        path = page_path(PageKind.TOPIC, topic.id)
        feed = FeedLink(topic_feed_title(topic, self.lang, self.identity), _relative(path, feed_path(topic.id)))
        return self._meta(path, title, describe(topic.description(self.lang)), feeds=(feed,))

    def issue(self, record: IssueRecord, title: str) -> PageMeta:
        """An issue page: its introduction, else the titles of its papers."""
        text = describe(record.issue(self.lang).intro)
        if not text:
            text = shorten(" · ".join(self.catalog.paper(pid).title(self.lang) for pid in record.paper_ids), DESCRIPTION_MAX)
        published = (MetaTag("article:published_time", record.date.isoformat()),) if record.date else ()
        return self._meta(
            page_path(PageKind.ISSUE, record.slug), title, text, og_type="article", extra_properties=published,
            lastmod=record.date, card=(title, i18n.format_date(record.date, self.lang)),
        )

    def paper(self, record: PaperRecord, title: str) -> PageMeta:
        """A paper page: its summary, ScholarlyArticle JSON-LD and Highwire tags."""
        path = page_path(PageKind.PAPER, record.id)
        text = describe(record.latest.paper(self.lang).summary)
        highwire = [MetaTag("citation_title", record.title_en or record.title(self.lang))]
        arxiv = next((found for link in record.links if (found := arxiv_id(link.url))), None)
        if arxiv:
            highwire.append(MetaTag("citation_arxiv_id", arxiv))
        return self._meta(
            path,
            title,
            text,
            og_type="article",
            extra_names=tuple(highwire),
            json_ld=script_safe_json(self.scholarly_article(record, text)),
            lastmod=record.latest_date,
            card=(title, self._paper_card_line(record)),
        )

    def _paper_card_line(self, record: PaperRecord) -> str:
        """The line under a paper card's title: its latest issue and that issue's date."""
        issue = self._issues.get(record.latest.issue_slug)
        date = i18n.format_date(record.latest_date, self.lang)
        return " · ".join(part for part in (issue_title(issue, self.lang) if issue else "", date) if part)

    def not_found(self) -> PageMeta:
        """The 404 page (served at any address, so its feed link is absolute)."""
        meta = self._meta(page_path(PageKind.HOME), self._("Page not found"), "")
        return PageMeta(
            description=meta.description,
            feeds=(FeedLink(self.identity.feed_title, self.url(feed_path())),),
        )

    # JSON-LD

    def scholarly_article(self, record: PaperRecord, description: str) -> dict[str, Any]:
        """schema.org ``ScholarlyArticle`` of a paper page, as a dict."""
        other = next(lang for lang in LANGUAGES if lang != self.lang)
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ScholarlyArticle",
            "name": record.title(self.lang),
            "url": self.url(page_path(PageKind.PAPER, record.id)),
            "inLanguage": self.lang,
            "description": description,
        }
        if record.title(other) != record.title(self.lang):
            data["alternateName"] = record.title(other)
        same_as = [link.url for link in record.links if link.kind in SAME_AS_KINDS and is_allowed_url(link.url)]
        if same_as:
            data["sameAs"] = list(dict.fromkeys(same_as))
        topics = [self.catalog.topic(tid) for tid in record.topics if tid in self._topic_ids]
        if topics:
            data["about"] = [
                {"@type": "Thing", "name": topic.label(self.lang), "url": self.url(page_path(PageKind.TOPIC, topic.id))}
                for topic in topics
            ]
        issues = [self._issues[a.issue_slug] for a in record.appearances if a.issue_slug in self._issues]
        if issues:
            data["isPartOf"] = [self._issue_ld(issue) for issue in issues]
        if record.first_date:
            data["datePublished"] = record.first_date.isoformat()
        return data

    def _issue_ld(self, record: IssueRecord) -> dict[str, Any]:
        data: dict[str, Any] = {
            "@type": "PublicationIssue",
            "name": issue_title(record, self.lang),
            "url": self.url(page_path(PageKind.ISSUE, record.slug)),
        }
        if record.date:
            data["datePublished"] = record.date.isoformat()
        return data
