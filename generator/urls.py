"""The URL contract of the site, in one place.

Paths are site-relative and language-independent (``issues/<slug>/``, ``""`` for home); the
Korean pages live at the site root and the English ones under ``en/``. Page planning, feeds and
the JSON data API build every address through these functions.
"""

from __future__ import annotations

from enum import Enum

LANGUAGES: tuple[str, ...] = ("ko", "en")
"""Languages of the site; the first is the primary one, published at the site root."""

PRIMARY_LANGUAGE = LANGUAGES[0]
"""The language published at the site root."""

LANGUAGE_NAMES: dict[str, str] = {"ko": "한국어", "en": "English"}
"""Each language by its own name, as a language switch names it."""

RESERVED_IDS = frozenset({"index"})
"""Paper and topic ids the site uses itself: ``papers/index`` and ``topics/index`` are the index pages."""


class PageKind(str, Enum):
    """Kinds of pages, each with its path pattern."""

    HOME = "home"
    ARCHIVE = "archive"
    ISSUE = "issue"
    PAPER = "paper"
    TOPICS = "topics"
    TOPIC = "topic"
    ISSUES = "issues"
    PAPERS = "papers"


_PATTERNS = {
    PageKind.HOME: "",
    PageKind.ARCHIVE: "archive/",
    PageKind.ISSUE: "issues/{}/",
    PageKind.PAPER: "papers/{}/",
    PageKind.TOPICS: "topics/",
    PageKind.TOPIC: "topics/{}/",
    PageKind.ISSUES: "issues/",
    PageKind.PAPERS: "papers/",
}


def page_path(kind: PageKind | str, ident: str | None = None) -> str:
    """Site-relative path of a page: ``page_path("paper", "tiny-recursive-model")`` → ``papers/tiny-recursive-model/``."""
    pattern = _PATTERNS[PageKind(kind)]
    if ("{}" in pattern) != (ident is not None):
        raise ValueError(f"page kind {PageKind(kind).value!r} {'needs' if '{}' in pattern else 'takes no'} id")
    return pattern.format(ident) if ident is not None else pattern


FEED_FILE = "feed.xml"
"""File name of every RSS feed (see :mod:`generator.feeds`)."""


def feed_path(topic_id: str | None = None) -> str:
    """Site-relative path of an RSS feed: ``feed.xml``, or ``topics/<topic-id>/feed.xml``."""
    return FEED_FILE if topic_id is None else page_path(PageKind.TOPIC, topic_id) + FEED_FILE


def language_path(lang: str, path: str) -> str:
    """``path`` in the tree of ``lang``: unchanged for Korean, under ``en/`` for English."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    return path if lang == PRIMARY_LANGUAGE else f"{lang}/{path}"


def absolute_url(site_url: str, lang: str, path: str) -> str:
    """Absolute address of ``path`` in ``lang``: ``https://host/sub/`` + ``en/`` + ``papers/x/``."""
    return site_url.rstrip("/") + "/" + language_path(lang, path)


def language_urls(site_url: str, path: str) -> dict[str, str]:
    """``{"ko": …, "en": …}``: the absolute addresses of one page in every language."""
    return {lang: absolute_url(site_url, lang, path) for lang in LANGUAGES}
