"""Reading an RSS feed back, strictly: feedparser (``bozo == 0``) plus the raw XML for what it forgives."""

from __future__ import annotations

import datetime as dt
import email.utils
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import feedparser

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"


@dataclass(frozen=True)
class FeedItem:
    """One ``<item>`` as read from the raw XML."""

    title: str
    link: str
    guid: str
    guid_is_permalink: str
    pub_date: dt.datetime
    description: str
    content: str


@dataclass(frozen=True)
class CheckedFeed:
    """A feed that passed :func:`read_feed`."""

    title: str
    link: str
    description: str
    language: str
    self_link: str
    last_build: dt.datetime
    items: tuple[FeedItem, ...]
    parsed: feedparser.FeedParserDict


def rfc822(text: str | None, what: str) -> dt.datetime:
    """``text`` as an RFC-822 date with a time zone, or an assertion error naming ``what``."""
    assert text, f"{what}: missing date"
    try:
        value = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError) as error:
        raise AssertionError(f"{what}: {text!r} is not an RFC-822 date ({error})") from None
    assert value.tzinfo is not None, f"{what}: {text!r} has no time zone"
    return value


def _text(element: ET.Element, tag: str, what: str) -> str:
    child = element.find(tag)
    assert child is not None and (child.text or "").strip(), f"{what}: <{tag}> missing or empty"
    return child.text or ""


def read_feed(content: bytes, name: str = "feed") -> CheckedFeed:
    """Parse ``content`` with feedparser and the raw XML; assert everything RSS 2.0 requires."""
    parsed = feedparser.parse(content)
    assert parsed.bozo == 0, f"{name}: feedparser bozo: {parsed.get('bozo_exception')!r}"
    assert parsed.version == "rss20", f"{name}: version {parsed.version!r}"
    root = ET.fromstring(content)
    assert root.tag == "rss" and root.get("version") == "2.0", f"{name}: not RSS 2.0"
    channel = root.find("channel")
    assert channel is not None, f"{name}: no <channel>"
    selfs = [link for link in channel.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert len(selfs) == 1 and selfs[0].get("href"), f"{name}: needs exactly one atom:link rel=self"
    items = []
    for index, item in enumerate(channel.findall("item")):
        what = f"{name} item {index + 1}"
        guid = item.find("guid")
        assert guid is not None and guid.text, f"{what}: no <guid>"
        content_el = item.find(f"{CONTENT}encoded")
        items.append(
            FeedItem(
                title=_text(item, "title", what),
                link=_text(item, "link", what),
                guid=guid.text,
                guid_is_permalink=guid.get("isPermaLink", "true"),
                pub_date=rfc822(item.findtext("pubDate"), what),
                description=_text(item, "description", what),
                content=content_el.text or "" if content_el is not None else "",
            )
        )
    guids = [item.guid for item in items]
    assert len(guids) == len(set(guids)), f"{name}: duplicate guids"
    assert len(parsed.entries) == len(items), f"{name}: feedparser saw {len(parsed.entries)} items, XML has {len(items)}"
    return CheckedFeed(
        title=_text(channel, "title", name),
        link=_text(channel, "link", name),
        description=_text(channel, "description", name),
        language=_text(channel, "language", name),
        self_link=selfs[0].get("href", ""),
        last_build=rfc822(channel.findtext("lastBuildDate"), f"{name} lastBuildDate"),
        items=tuple(items),
        parsed=parsed,
    )
