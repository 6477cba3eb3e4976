"""RSS 2.0 feeds of one language tree, made with feedgen (never XML built from strings).

* ``feed.xml`` — one item per issue, newest first (the latest :data:`FEED_MAX_ISSUES`): the
  issue page as permalink and ``guid``, the issue date as ``pubDate``, a plain-text summary as
  ``description`` and the full issue (introduction and every paper with its links) as HTML in
  ``content:encoded``;
* ``topics/<topic-id>/feed.xml`` — one item per paper of the topic, newest first (the latest
  :data:`FEED_MAX_PAPERS`): the paper page as permalink and ``guid``, the date of the first issue
  that featured it as ``pubDate``, its summary as HTML ``description``.

Paths are relative to the language root (the English tree lives under ``en/``). All HTML comes
from :mod:`generator.markdown` (raw HTML escaped, unsafe URLs dropped) and is composed with
:class:`markupsafe.Markup`, which escapes every plain string. Output is deterministic: items
sorted, ``lastBuildDate`` is the newest item date, never the build time, so two builds of the
same content give identical bytes.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from feedgen.feed import FeedGenerator
from markupsafe import Markup, escape

from generator import __version__
from generator.identity import Identity, identity_for
from generator.catalog_model import Catalog, IssueRecord, PaperRecord, Topic
from generator.data_api import issue_titles
from generator.markdown import is_allowed_url, to_html, to_plain_text
from generator.model import Paper
from generator.urls import PRIMARY_LANGUAGE, PageKind, absolute_url, feed_path, page_path

DESCRIPTION_MAX = 300
"""Longest plain-text item ``description`` of the issue feed, in characters."""

FEED_MAX_ISSUES = 50
"""Newest issues in ``feed.xml`` (about a year): readers poll feeds often, so a feed stays the same
size however long the archive grows; older issues remain on the archive page."""

FEED_MAX_PAPERS = 100
"""Newest papers in each topic feed, for the same reason."""

EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)
"""``lastBuildDate`` of a feed without any dated item (keeps empty feeds reproducible)."""

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Feed:
    """One RSS document of one language tree."""

    path: str
    """Path relative to the language root, ``/``-separated (``feed.xml``, ``topics/x/feed.xml``)."""

    title: str
    """Channel title (also the ``title`` of the page's ``<link rel="alternate">``)."""

    content: bytes
    """The RSS 2.0 document, UTF-8."""


def clean_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry (control characters, lone surrogates)."""
    return _NOT_XML.sub("", text)


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,.;:") + "…"


def _datetime(date: _dt.date | None) -> _dt.datetime | None:
    return _dt.datetime.combine(date, _dt.time(0, 0), tzinfo=_dt.timezone.utc) if date else None


def site_identity(lang: str, identity: Identity | None) -> Identity:
    """``identity``, or the default one of ``lang`` (a site that names itself nothing)."""
    return identity if identity is not None else identity_for(lang)


def issue_title(record: IssueRecord, lang: str) -> str:
    """Plain-text title of an issue in ``lang`` (its own title, else the original's name, else the slug)."""
    title_ko, title_en = issue_titles(record)
    return to_plain_text(title_ko if lang == PRIMARY_LANGUAGE else title_en)


def topic_feed_title(topic: Topic, lang: str, identity: Identity | None = None) -> str:
    """Title of a topic feed: the site feed's title, then the topic (``Lab Digest — Agents``)."""
    return f"{site_identity(lang, identity).feed_title} — {topic.label(lang)}"


def _links_html(paper: Paper) -> Markup:
    links = [Markup('<a href="{}">{}</a>').format(link.url, link.label) for link in paper.links if is_allowed_url(link.url)]
    return Markup("<p>{}</p>").format(Markup(" | ").join(links)) if links else Markup()


def issue_html(record: IssueRecord, catalog: Catalog, lang: str, root_url: str) -> str:
    """The full issue as safe HTML: introduction, then every paper (linked title, body, links)."""
    issue = record.issue(lang)
    parts = [Markup(to_html(issue.intro))]
    for index, paper_id in enumerate(record.paper_ids):
        paper = issue.papers[index] if index < len(issue.papers) else record.ko.papers[index]
        url = absolute_url(root_url, lang, page_path(PageKind.PAPER, paper_id))
        title = catalog.paper(paper_id).title(lang)
        parts.append(Markup('<h2><a href="{}">{}. {}</a></h2>').format(url, index + 1, title))
        parts.append(Markup(to_html(paper.body or paper.summary)))
        parts.append(_links_html(paper))
    return clean_text(str(Markup("\n").join(part for part in parts if part)))


def _generator(title: str, home_url: str, self_url: str, description: str, lang: str, updated: _dt.datetime) -> FeedGenerator:
    fg = FeedGenerator()
    fg.title(clean_text(title))
    fg.link(href=self_url, rel="self", type="application/rss+xml")
    fg.link(href=home_url, rel="alternate")  # the last link becomes the channel's <link>
    fg.description(str(escape(clean_text(description) or clean_text(title))))  # HTML to readers: escaped text
    fg.language(lang)
    fg.lastBuildDate(updated)
    fg.generator(f"paper-digest {__version__} (python-feedgen)")
    return fg


def _rss(fg: FeedGenerator) -> bytes:
    return fg.rss_str(pretty=True, xml_declaration=True, encoding="UTF-8")


def site_feed(catalog: Catalog, lang: str, root_url: str, identity: Identity | None = None) -> Feed:
    """``feed.xml`` of ``lang``: one item per issue, newest first, full content as HTML."""
    identity = site_identity(lang, identity)
    title = identity.feed_title
    dates = [record.date for record in catalog.issues if record.date]
    fg = _generator(
        title,
        absolute_url(root_url, lang, page_path(PageKind.HOME)),
        absolute_url(root_url, lang, feed_path()),
        identity.tagline,
        lang,
        _datetime(max(dates)) if dates else EPOCH,
    )
    for record in catalog.issues[:FEED_MAX_ISSUES]:  # newest first, ties by slug: the catalog's order
        title = issue_title(record, lang)
        url = absolute_url(root_url, lang, page_path(PageKind.ISSUE, record.slug))
        issue = record.issue(lang)
        summary = to_plain_text(issue.intro) or " · ".join(catalog.paper(pid).title(lang) for pid in record.paper_ids)
        entry = fg.add_entry(order="append")
        entry.title(clean_text(title))
        entry.link(href=url)
        entry.guid(url, permalink=True)
        # <description> is HTML to feed readers: the plain-text summary is escaped (a source's
        # literal `<script>` must stay text there too).
        entry.description(str(escape(clean_text(shorten(summary, DESCRIPTION_MAX)) or clean_text(title))))
        entry.content(issue_html(record, catalog, lang, root_url))
        if record.date:
            entry.pubDate(_datetime(record.date))
    return Feed(feed_path(), title, _rss(fg))


def topic_papers(catalog: Catalog, topic_id: str) -> tuple[PaperRecord, ...]:
    """Papers of a topic for its feed: newest first by first appearance, then by id; undated last."""
    papers = [record for record in catalog.papers if topic_id in record.topics]
    papers.sort(key=lambda record: record.id)
    papers.sort(key=lambda record: record.first_date or _dt.date.min, reverse=True)
    return tuple(papers)


def topic_feed(catalog: Catalog, topic: Topic, lang: str, root_url: str, identity: Identity | None = None) -> Feed:
    """``topics/<id>/feed.xml`` of ``lang``: one item per paper of ``topic``."""
    title = topic_feed_title(topic, lang, identity)
    papers = topic_papers(catalog, topic.id)
    dates = [record.first_date for record in papers if record.first_date]
    newest_issue = [record.date for record in catalog.issues if record.date]
    updated = max(dates) if dates else (max(newest_issue) if newest_issue else None)
    fg = _generator(
        title,
        absolute_url(root_url, lang, page_path(PageKind.TOPIC, topic.id)),
        absolute_url(root_url, lang, feed_path(topic.id)),
        topic.description(lang),
        lang,
        _datetime(updated) or EPOCH,
    )
    for record in papers[:FEED_MAX_PAPERS]:
        url = absolute_url(root_url, lang, page_path(PageKind.PAPER, record.id))
        paper = record.latest.paper(lang)
        entry = fg.add_entry(order="append")
        name = clean_text(record.title(lang)) or record.id  # a paper whose title is all markup still has its id
        entry.title(name)
        entry.link(href=url)
        entry.guid(url, permalink=True)
        entry.description(clean_text(to_html(paper.summary)) or name)
        if record.first_date:
            entry.pubDate(_datetime(record.first_date))
    return Feed(feed_path(topic.id), title, _rss(fg))


def all_feeds(catalog: Catalog, lang: str, root_url: str, identity: Identity | None = None) -> tuple[Feed, ...]:
    """Every feed of the ``lang`` tree: the site feed, then one per topic (``topics.yml`` order)."""
    return (site_feed(catalog, lang, root_url, identity),) + tuple(
        topic_feed(catalog, topic, lang, root_url, identity) for topic in catalog.topics)
