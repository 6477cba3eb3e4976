"""generator.meta and generator.sitemap on a hand-made catalog."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET

import pytest
from publish_catalog import HOSTILE, ROOT_URL, publish_catalog

from generator.meta import MetaBuilder, arxiv_id, describe, script_safe_json
from generator.sitemap import SitemapAlternate, SitemapEntry, gzipped, sitemap_xml


@pytest.fixture(scope="module")
def catalog():
    return publish_catalog()


def tags(meta) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for tag in meta.properties + meta.names:
        found.setdefault(tag.key, []).append(tag.content)
    return found


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://arxiv.org/abs/2510.04871v2", "2510.04871"),
        ("https://arxiv.org/pdf/2510.04871", "2510.04871"),
        ("https://arxiv.org/pdf/2510.04871v1.pdf", "2510.04871"),
        ("https://www.arxiv.org/html/2406.19507v3", "2406.19507"),
        ("http://arxiv.org/abs/hep-th/9901001", "hep-th/9901001"),
        ("https://evil.example/arxiv.org/abs/2510.04871", None),
        ("https://arxiv.org/list/cs.AI/recent", None),
        ("javascript:alert(1)", None),
        (None, None),
    ],
)
def test_arxiv_id(url, expected):
    assert arxiv_id(url) == expected


def test_script_safe_json_cannot_close_the_script():
    text = script_safe_json({"name": HOSTILE})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": HOSTILE}


def test_describe_strips_markdown_and_cuts():
    assert describe("**Bold** and [a link](https://x.org) and `code`.") == "Bold and a link and code."
    long = describe("word " * 100)
    assert len(long) <= 160 and long.endswith("…")


@pytest.mark.parametrize(("lang", "locale", "other"), [("ko", "ko_KR", "en_US"), ("en", "en_US", "ko_KR")])
def test_every_page_kind_has_opengraph_twitter_and_feed(catalog, lang, locale, other):
    builder = MetaBuilder(catalog, lang, ROOT_URL)
    prefix = ROOT_URL if lang == "ko" else ROOT_URL + "en/"
    pages = {
        "": builder.home("Home"),
        "archive/": builder.archive("Archive"),
        "topics/": builder.topics("Topics"),
        "topics/agents/": builder.topic(catalog.topic("agents"), "Agents"),
        "issues/2025-10-12-c/": builder.issue(catalog.issues[0], "Third"),
        "papers/tiny-recursive-model/": builder.paper(catalog.paper("tiny-recursive-model"), "TRM"),
    }
    for path, meta in pages.items():
        found = tags(meta)
        assert meta.description and len(meta.description) <= 160, path
        assert found["og:url"] == [prefix + path], path
        assert found["og:locale"] == [locale] and found["og:locale:alternate"] == [other], path
        assert found["og:description"] == [meta.description] == found["twitter:description"], path
        assert found["twitter:card"] == ["summary"], path
        assert meta.feeds[0].href == "../" * path.count("/") + "feed.xml", path
    assert pages["topics/agents/"].feeds[1].href == "../../topics/agents/feed.xml"
    assert pages["issues/2025-10-12-c/"].lastmod == dt.date(2025, 10, 12)


def test_descriptions_come_from_content(catalog):
    en = MetaBuilder(catalog, "en", ROOT_URL)
    assert en.paper(catalog.paper("tiny-recursive-model"), "x").description.startswith("A tiny model beats large ones.")
    assert en.topic(catalog.topic("agents"), "x").description == "Agent research."
    assert en.issue(catalog.issues[1], "x").description == "RL Reasoning"  # no intro: its papers
    assert en.issue(catalog.issues[0], "x").description.startswith("Intro Evil")
    assert "Third issue" in en.archive("x").description


def test_paper_json_ld_and_highwire(catalog):
    meta = MetaBuilder(catalog, "ko", ROOT_URL).paper(catalog.paper("tiny-recursive-model"), "작은 재귀 모델")
    found = tags(meta)
    assert found["citation_title"] == ["Tiny Recursive Model"]
    assert found["citation_arxiv_id"] == ["2510.04871"]
    data = json.loads(meta.json_ld)
    assert data["@type"] == "ScholarlyArticle" and data["@context"] == "https://schema.org"
    assert data["name"] == "작은 재귀 모델" and data["alternateName"] == "Tiny Recursive Model"
    assert data["url"] == ROOT_URL + "papers/tiny-recursive-model/"
    assert data["sameAs"] == ["https://arxiv.org/abs/2510.04871v2", "https://github.com/x/trm"]
    assert [t["url"] for t in data["about"]] == [ROOT_URL + "topics/agents/", ROOT_URL + "topics/reinforcement-learning/"]
    assert [i["url"] for i in data["isPartOf"]] == [ROOT_URL + "issues/2025-09-21-a/", ROOT_URL + "issues/2025-10-12-c/"]


def test_hostile_paper_json_ld_is_script_safe(catalog):
    meta = MetaBuilder(catalog, "en", ROOT_URL).paper(catalog.paper("hostile"), HOSTILE)
    assert "</script" not in meta.json_ld.lower() and "<" not in meta.json_ld
    assert "citation_arxiv_id" not in tags(meta)
    assert json.loads(meta.json_ld)["name"] == HOSTILE


def test_sitemap_lists_entries_with_alternates_sorted():
    alternates = (SitemapAlternate("ko", "https://h/r/a/"), SitemapAlternate("en", "https://h/r/en/a/"))
    entries = [
        SitemapEntry("https://h/r/en/a/", alternates, dt.date(2025, 10, 12)),
        SitemapEntry("https://h/r/a/", alternates),
        SitemapEntry("https://h/r/a/", alternates),
    ]
    content = sitemap_xml(entries)
    assert content == sitemap_xml(reversed(entries))
    root = ET.fromstring(content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = root.findall("s:url", ns)
    assert [u.findtext("s:loc", namespaces=ns) for u in urls] == ["https://h/r/a/", "https://h/r/en/a/"]
    assert urls[1].findtext("s:lastmod", namespaces=ns) == "2025-10-12"
    assert [(l.get("hreflang"), l.get("href")) for l in urls[0].findall("x:link", ns)] == [
        ("ko", "https://h/r/a/"),
        ("en", "https://h/r/en/a/"),
    ]
    assert gzipped(content) == gzipped(content)
