"""One ``sitemap.xml`` for the whole bilingual site, with ``xhtml:link`` hreflang alternates.

MkDocs writes a sitemap per build (the English one would land at ``en/sitemap.xml`` and list
English pages only); the site publishes a single root ``sitemap.xml`` instead, listing every
page of every language, each with its alternates (``ko``, ``en``, ``x-default``), as Google
documents for localised pages. Built with :mod:`lxml.etree` (no string building);
entries sorted by address and ``lastmod`` taken from content dates, so the bytes are identical
across builds of the same content.
"""

from __future__ import annotations

import datetime as _dt
import gzip
import io
from dataclasses import dataclass
from typing import Iterable

from lxml import etree

from generator.plan import PlannedPage

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
"""Namespace of the sitemap protocol."""

XHTML_NS = "http://www.w3.org/1999/xhtml"
"""Namespace of the ``xhtml:link`` alternates."""

SITEMAP_FILE = "sitemap.xml"
"""The sitemap's path at the site root."""

SITEMAP_GZ_FILE = "sitemap.xml.gz"
"""Its gzip copy (MkDocs writes one too)."""


@dataclass(frozen=True)
class SitemapAlternate:
    """One ``<xhtml:link rel="alternate" hreflang href>``."""

    hreflang: str
    """``ko``, ``en`` or ``x-default``."""

    href: str
    """Absolute URL."""


@dataclass(frozen=True)
class SitemapEntry:
    """One ``<url>`` of the sitemap."""

    loc: str
    """Absolute URL of the page."""

    alternates: tuple[SitemapAlternate, ...] = ()
    """The same page in every language (itself included), plus ``x-default``."""

    lastmod: _dt.date | None = None
    """When the page's content last changed (an issue date), if known."""


def sitemap_xml(entries: Iterable[SitemapEntry]) -> bytes:
    """The sitemap document: one ``<url>`` per distinct address, sorted by address."""
    root = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS, "xhtml": XHTML_NS})
    unique = {entry.loc: entry for entry in entries}
    for loc in sorted(unique):
        entry = unique[loc]
        url = etree.SubElement(root, f"{{{SITEMAP_NS}}}url")
        etree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = entry.loc
        if entry.lastmod is not None:
            etree.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = entry.lastmod.isoformat()
        for alternate in entry.alternates:
            link = etree.SubElement(url, f"{{{XHTML_NS}}}link")
            link.set("rel", "alternate")
            link.set("hreflang", alternate.hreflang)
            link.set("href", alternate.href)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)


def page_entries(pages: Iterable[PlannedPage]) -> tuple[SitemapEntry, ...]:
    """One entry per planned page: its canonical URL, its hreflang alternates, its content date."""
    return tuple(
        SitemapEntry(
            loc=page.head.canonical,
            alternates=tuple(SitemapAlternate(alt.hreflang, alt.href) for alt in page.head.alternates),
            lastmod=page.head.meta.lastmod if page.head.meta else None,
        )
        for page in pages
    )


def gzipped(content: bytes) -> bytes:
    """``content`` gzip-compressed with a fixed timestamp (reproducible bytes)."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0) as handle:
        handle.write(content)
    return buffer.getvalue()
