"""Who the site is: its name, tagline, editors and credit, per language.

A digest is branded from ``mkdocs.yml`` (the adapter reads the ``digest`` plugin's options); each option is one
text for every language or a mapping ``{ko: …, en: …}``. What is not given falls back to ``site_name`` (the name)
or to the catalog's generic sentence (the tagline), so a site renamed with ``site_name`` alone carries its own name
on every page, feed and card.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator import i18n

__all__ = ["Identity", "Localised", "identity_for", "localised"]

Localised = str | Mapping[str, str] | None
"""An option's value: one text for every language, one per language, or nothing (the default)."""

DEFAULT_NAME = "Paper Digest"
"""The name of a site that gives no ``site_name`` (MkDocs requires one, so only code outside a build sees it)."""


@dataclass(frozen=True)
class Identity:
    """The site's identity in one language."""

    name: str
    """The site's name: the header, every ``<title>``, ``og:site_name``."""

    tagline: str
    """One sentence about the site: the home page's heading, the feeds' and pages' default description."""

    feed_title: str
    """Title of the site feed (``feed.xml``); a topic feed is ``<feed_title> — <topic>``."""

    card_name: str
    """The line at the top of every social preview card."""

    editors: tuple[str, ...] = ()
    """Who edits the digest: the footer's "Edited by" line (none when empty)."""

    credit: str = ""
    """Credit to the newsletter the issues are taken from, in the footer (none when empty)."""

    credit_url: str | None = None
    """Where :attr:`credit` links to (``None``: plain text)."""

    def __post_init__(self) -> None:
        for name in ("name", "tagline", "feed_title", "card_name"):
            if not getattr(self, name).strip():
                raise ValueError(f"the site's {name} is empty")


def localised(value: Localised, lang: str) -> str | None:
    """``value`` in ``lang``: the text itself, the mapping's entry for ``lang``, or ``None`` when not given."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    text = value.get(lang)
    return text.strip() or None if isinstance(text, str) else None


def identity_for(
    lang: str,
    *,
    site_name: str = DEFAULT_NAME,
    name: Localised = None,
    tagline: Localised = None,
    feed_title: Localised = None,
    card_name: Localised = None,
    editors: Sequence[str] | Mapping[str, Sequence[str]] = (),
    credit: Localised = None,
    credit_url: Localised = None,
) -> Identity:
    """The identity of the ``lang`` tree from the site's options (see the module docstring for the defaults)."""
    _ = i18n.gettext_for(lang)
    own_name = localised(name, lang) or site_name.strip() or DEFAULT_NAME
    people = editors.get(lang, ()) if isinstance(editors, Mapping) else editors
    return Identity(
        name=own_name,
        tagline=localised(tagline, lang) or _("Weekly AI research papers, summarised."),
        feed_title=localised(feed_title, lang) or own_name,
        card_name=localised(card_name, lang) or own_name,
        editors=tuple(person.strip() for person in ([people] if isinstance(people, str) else people) if person.strip()),
        credit=localised(credit, lang) or "",
        credit_url=localised(credit_url, lang),
    )
