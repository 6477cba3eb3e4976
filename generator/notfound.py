"""The 404 page of one language: a translated, helpful view (links home, archive, topics; search hint).

Material renders ``404.html`` once per build (``/404.html`` and ``/en/404.html``); GitHub Pages
serves it at any missing address, so every link here is absolute (built from the site URL),
never relative. The theme override ``overrides/404.html`` only prints these fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from generator import i18n
from generator.urls import PageKind, absolute_url, page_path


@dataclass(frozen=True)
class NotFoundLink:
    """A way out of the 404 page."""

    label: str
    """Link text in the page language."""

    href: str
    """Absolute URL."""


@dataclass(frozen=True)
class NotFoundView:
    """What the 404 page shows."""

    title: str
    """``Page not found`` / ``페이지를 찾을 수 없습니다``."""

    message: str
    """One sentence saying what happened."""

    search_hint: str
    """Where to search, and that the links below are starting points."""

    links: tuple[NotFoundLink, ...]
    """Home, archive, topics of the same language."""

    lang: str = ""
    """The language of the view (``ko``/``en``)."""

    tree_path: str = "/"
    """URL path of the language's tree (``/``, ``/en/``, ``/repo/en/``): a missing address under it is that
    language's."""


def not_found_view(lang: str, root_url: str) -> NotFoundView:
    """The 404 view of ``lang``; ``root_url`` is the absolute URL of the Korean site root."""
    _ = i18n.gettext_for(lang)
    return NotFoundView(
        title=_("Page not found"),
        message=_("The page you asked for does not exist or has moved."),
        search_hint=_("Search with the search box at the top of the page, or start from one of these pages:"),
        links=(
            NotFoundLink(_("Home"), absolute_url(root_url, lang, page_path(PageKind.HOME))),
            NotFoundLink(_("Archive"), absolute_url(root_url, lang, page_path(PageKind.ARCHIVE))),
            NotFoundLink(_("Topics"), absolute_url(root_url, lang, page_path(PageKind.TOPICS))),
        ),
        lang=lang,
        tree_path=urlsplit(absolute_url(root_url, lang, "")).path or "/",
    )
