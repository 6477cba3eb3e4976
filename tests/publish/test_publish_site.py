"""Feeds, head metadata, sitemap and 404 pages of the built bilingual site (``mkdocs build --strict``)."""

from __future__ import annotations

import gzip
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from feedcheck import read_feed

from mkdocs.config import load_config

from generator.enrich import load_catalog
from generator.feeds import all_feeds

ROOT = Path(__file__).resolve().parents[2]
LANG_DIRS = {"ko": "", "en": "en/"}
OG_LOCALE = {"ko": "ko_KR", "en": "en_US"}
SM = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
SUB_PATH_URL = "https://example.github.io/paper-digest/"


# --- helpers ---------------------------------------------------------------------------------


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def root_url(site: Path) -> str:
    """The site URL the build used: the canonical URL of the Korean home page."""
    return soup(site / "index.html").find("link", rel="canonical")["href"]


def url_to_file(site: Path, root: str, url: str) -> Path:
    """The built file an absolute URL of the site points at (asserts the URL is inside the site)."""
    assert url.startswith(root), f"{url} is not under the site URL {root}"
    rel = url[len(root) :].split("#")[0]
    return site / (rel + "index.html" if rel.endswith("/") or not rel else rel)


def pages(site: Path, lang: str) -> dict[str, Path]:
    """Every HTML page of one language tree, by URL path relative to the language root (``papers/x/``)."""
    base = site / LANG_DIRS[lang] if LANG_DIRS[lang] else site
    found = {}
    for path in sorted(base.rglob("index.html")):
        rel = path.parent.relative_to(base).as_posix()
        if lang == "ko" and (rel == "en" or rel.startswith("en/")):
            continue
        found["" if rel == "." else rel + "/"] = path
    return found


def kind_of(rel: str) -> str:
    if rel == "":
        return "home"
    head = rel.split("/")[0]
    if rel.count("/") == 1:
        return {"issues": "issue-index", "papers": "paper-index"}.get(head, head)
    return {"issues": "issue", "papers": "paper", "topics": "topic"}[head]


def meta(page: BeautifulSoup, **attrs: str) -> list[str]:
    return [tag.get("content", "") for tag in page.find_all("meta", attrs=attrs)]


def feed_links(page: BeautifulSoup) -> list[str]:
    return [link["href"] for link in page.find_all("link", type="application/rss+xml") if "alternate" in link.get("rel", [])]


# --- feeds -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_language_feed_is_valid_and_lists_every_issue(built_site: Path, lang: str):
    root = root_url(built_site)
    prefix = root + LANG_DIRS[lang]
    feed_file = built_site / LANG_DIRS[lang] / "feed.xml"
    checked = read_feed(feed_file.read_bytes(), str(feed_file))
    assert checked.language == lang
    assert checked.self_link == prefix + "feed.xml"
    assert checked.link == prefix
    issue_pages = {p for p in pages(built_site, lang) if kind_of(p) == "issue"}
    assert issue_pages, "the built site has no issue pages"
    assert len(checked.items) == len(issue_pages)
    assert {item.link[len(prefix) :] for item in checked.items} == issue_pages
    for item in checked.items:
        assert url_to_file(built_site, root, item.link).is_file(), item.link
        assert item.guid == item.link and item.guid_is_permalink == "true"
        assert item.content, f"{item.link}: no full content"
        assert BeautifulSoup(item.content, "html.parser").find(["script", "iframe", "style"]) is None
    dates = [item.pub_date for item in checked.items]
    assert dates == sorted(dates, reverse=True), "items must be newest first"
    assert checked.last_build == dates[0]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_topic_feeds_list_the_papers_of_their_topic(built_site: Path, lang: str):
    root = root_url(built_site)
    prefix = root + LANG_DIRS[lang]
    topic_pages = {rel: path for rel, path in pages(built_site, lang).items() if kind_of(rel) == "topic"}
    assert topic_pages
    for rel, page_file in topic_pages.items():
        feed_file = page_file.parent / "feed.xml"
        checked = read_feed(feed_file.read_bytes(), str(feed_file))
        assert checked.self_link == prefix + rel + "feed.xml"
        assert checked.link == prefix + rel and checked.language == lang
        page = soup(page_file)
        listed = {
            urljoin(prefix + rel, a["href"])
            for a in page.select("article a[href]")
            if "/papers/" in urljoin(prefix + rel, a["href"])
        }
        assert {item.link for item in checked.items} == listed, f"{rel}: feed items differ from the papers on the page"
        for item in checked.items:
            assert url_to_file(built_site, root, item.link).is_file(), item.link


def test_built_feeds_are_exactly_what_the_generator_makes(built_site: Path):
    """Same bytes as a fresh generation from the content: no build time, nothing random."""
    catalog, _ = load_catalog(ROOT / "content")
    root = root_url(built_site)
    config = load_config(str(ROOT / "mkdocs.yml"))
    for lang in ("ko", "en"):
        for feed in all_feeds(catalog, lang, root, config.plugins["digest"].identity(lang, config.site_name)):
            assert (built_site / LANG_DIRS[lang] / feed.path).read_bytes() == feed.content, feed.path


# --- head metadata ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_page_has_description_opengraph_twitter_and_feed(built_site: Path, lang: str):
    root = root_url(built_site)
    kinds = set()
    for rel, path in pages(built_site, lang).items():
        kinds.add(kind_of(rel))
        page = soup(path)
        canonical = page.find("link", rel="canonical")["href"]
        what = f"{lang}:/{rel}"
        [description] = meta(page, name="description")
        assert description.strip(), what
        assert meta(page, property="og:title") and meta(page, property="og:title")[0].strip(), what
        assert meta(page, property="og:description") == [description], what
        assert meta(page, property="og:url") == [canonical] and canonical.startswith(root), what
        assert meta(page, property="og:locale") == [OG_LOCALE[lang]], what
        assert meta(page, property="og:locale:alternate") == [OG_LOCALE["en" if lang == "ko" else "ko"]], what
        # a page with a social card (home, issue, paper) asks for the large image; the indexes for the summary card
        card = "summary_large_image" if meta(page, property="og:image") else "summary"
        assert meta(page, name="twitter:card") == [card], what
        feeds = [urljoin(canonical, href) for href in feed_links(page)]
        assert feeds[0] == root + LANG_DIRS[lang] + "feed.xml", what
        if kind_of(rel) == "topic":
            assert feeds[1:] == [canonical + "feed.xml"], what
        for feed in feeds:
            assert url_to_file(built_site, root, feed).is_file(), f"{what}: {feed}"
    assert {"home", "archive", "topics", "topic", "issue", "paper"} <= kinds


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_paper_pages_have_scholarly_article_and_highwire(built_site: Path, lang: str):
    root = root_url(built_site)
    papers = {rel: path for rel, path in pages(built_site, lang).items() if kind_of(rel) == "paper"}
    assert papers
    with_arxiv = 0
    for rel, path in papers.items():
        page = soup(path)
        canonical = page.find("link", rel="canonical")["href"]
        scripts = page.find_all("script", type="application/ld+json")
        assert len(scripts) == 1, rel
        data = json.loads(scripts[0].string)
        assert data["@context"] == "https://schema.org" and data["@type"] == "ScholarlyArticle", rel
        assert data["name"] == meta(page, property="og:title")[0] and data["url"] == canonical, rel
        assert data["about"] and all(url_to_file(built_site, root, t["url"]).is_file() for t in data["about"]), rel
        assert data["isPartOf"] and all(url_to_file(built_site, root, i["url"]).is_file() for i in data["isPartOf"]), rel
        for same in data.get("sameAs", []):
            assert same.startswith(("http://", "https://")), rel
        [citation] = meta(page, name="citation_title")
        assert citation.strip(), rel
        arxiv_links = [a["href"] for a in page.select("article a[href*='arxiv.org/']") if "/abs/" in a["href"] or "/pdf/" in a["href"]]
        if arxiv_links:
            with_arxiv += 1
            [arxiv_id] = meta(page, name="citation_arxiv_id")
            assert any(arxiv_id in href for href in arxiv_links), rel
            assert any(arxiv_id in same for same in data["sameAs"]), rel
    assert with_arxiv, "no paper page with an arXiv link: the citation_arxiv_id check never ran"


def test_home_page_shows_how_to_subscribe(built_site: Path):
    for lang in ("ko", "en"):
        page = soup(built_site / LANG_DIRS[lang] / "index.html")
        links = [a for a in page.select("article a[href]") if a["href"].endswith("feed.xml")]
        assert links, f"{lang}: the home page does not link its feed"
        assert links[0]["href"] == "feed.xml"


# --- sitemap ---------------------------------------------------------------------------------


def test_one_sitemap_lists_every_page_of_both_languages_with_alternates(built_site: Path):
    root = root_url(built_site)
    content = (built_site / "sitemap.xml").read_bytes()
    assert gzip.decompress((built_site / "sitemap.xml.gz").read_bytes()) == content
    assert not (built_site / "en" / "sitemap.xml").exists() and not (built_site / "en" / "sitemap.xml.gz").exists()
    urls = ET.fromstring(content).findall("s:url", SM)
    locs = [u.findtext("s:loc", namespaces=SM) for u in urls]
    assert locs == sorted(set(locs))
    expected = {root + LANG_DIRS[lang] + rel for lang in ("ko", "en") for rel in pages(built_site, lang)}
    assert set(locs) == expected
    for url in urls:
        loc = url.findtext("s:loc", namespaces=SM)
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", SM)}
        assert set(alternates) == {"ko", "en", "x-default"}, loc
        assert loc in alternates.values() and alternates["x-default"] == alternates["ko"], loc
        for href in alternates.values():
            assert href in expected, f"{loc}: alternate {href} is not a page of the site"


# --- 404 and favicon -------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "heading"), [("ko", "페이지를 찾을 수 없습니다"), ("en", "Page not found")])
def test_404_page_is_translated_and_helpful(built_site: Path, lang: str, heading: str):
    root = root_url(built_site)
    page = soup(built_site / LANG_DIRS[lang] / "404.html")
    assert page.html["lang"] == lang
    assert page.find("h1").get_text(strip=True) == heading
    links = [a["href"] for a in page.select(".digest-notfound-links a")]
    assert links[0] == root + LANG_DIRS[lang]
    for href in links:
        assert url_to_file(built_site, root, href).is_file(), href
    assert [urljoin(root, href) for href in feed_links(page)] == [root + LANG_DIRS[lang] + "feed.xml"]


def test_favicon_is_an_svg_linked_from_every_language(built_site: Path):
    for lang in ("ko", "en"):
        page_file = built_site / LANG_DIRS[lang] / "index.html"
        href = soup(page_file).find("link", rel="icon")["href"]
        icon = (page_file.parent / href).resolve()
        assert icon.suffix == ".svg" and icon.is_file(), href
        assert ET.fromstring(icon.read_bytes()).tag == "{http://www.w3.org/2000/svg}svg"


# --- under a sub-path ------------------------------------------------------------------------


def test_absolute_urls_follow_a_site_url_with_a_sub_path(build_site):
    site = build_site(site_url=SUB_PATH_URL)
    assert root_url(site) == SUB_PATH_URL
    en_feed = read_feed((site / "en" / "feed.xml").read_bytes())
    assert en_feed.self_link == SUB_PATH_URL + "en/feed.xml"
    for item in en_feed.items:
        assert url_to_file(site, SUB_PATH_URL, item.link).is_file(), item.link
    page = soup(next(p for rel, p in pages(site, "en").items() if kind_of(rel) == "paper"))
    assert meta(page, property="og:url")[0].startswith(SUB_PATH_URL + "en/papers/")
    locs = [u.findtext("s:loc", namespaces=SM) for u in ET.fromstring((site / "sitemap.xml").read_bytes()).findall("s:url", SM)]
    assert locs and all(loc.startswith(SUB_PATH_URL) for loc in locs)
