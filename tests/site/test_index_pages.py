"""``/issues/`` and ``/papers/``: readers who trim an issue or paper URL land on an index, not a 404."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.build import BuildSettings, build
from generator.views import index_letter, sort_title

from site_sample_catalog import sample_catalog

ROOT = Path(__file__).resolve().parents[2]
LANGS = {"ko": "", "en": "en/"}
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def read(site: Path, lang: str, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / LANGS[lang] / path / "index.html").read_text(encoding="utf-8"), "lxml")


def linked_paths(page: BeautifulSoup, lang: str, here: str) -> set[str]:
    """Site paths (``/issues/x/``) the article links to, resolved from the page's own address."""
    base = f"http://x/{LANGS[lang]}{here}"
    return {urlsplit(urljoin(base, a["href"])).path for a in page.select("article a[href]")}


def api(site: Path, name: str) -> list[dict]:
    return json.loads((site / "api" / f"{name}.json").read_text(encoding="utf-8"))[name]


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_issues_index_links_to_every_issue(built_site: Path, lang: str) -> None:
    page = read(built_site, lang, "issues")
    heading = page.select_one("article h1").text
    assert heading == {"ko": "월별 모든 호", "en": "All issues by month"}[lang]
    slugs = [issue["slug"] for issue in api(built_site, "issues")]
    assert len(slugs) >= 5
    links = linked_paths(page, lang, "issues/")
    assert {f"/{LANGS[lang]}issues/{slug}/" for slug in slugs} <= links
    assert len(page.select("article li.digest-issue")) == len(slugs)
    months = [h2["id"] for h2 in page.select("article h2")]
    assert months == sorted(months, reverse=True), "newest month first"


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_papers_index_links_to_every_paper_a_to_z(built_site: Path, lang: str) -> None:
    page = read(built_site, lang, "papers")
    assert page.select_one("article h1").text == {"ko": "모든 논문", "en": "All papers"}[lang]
    ids = [paper["id"] for paper in api(built_site, "papers")]
    assert len(ids) >= 40
    links = linked_paths(page, lang, "papers/")
    assert {f"/{LANGS[lang]}papers/{pid}/" for pid in ids} <= links
    titles = [a.text for a in page.select("article ul.digest-paper-index a.digest-paper__title")]
    assert len(titles) == len(ids)
    keys = [(index_letter(title)[0], sort_title(title)) for title in titles]
    assert keys == sorted(keys), "A–Z (가나다) within each script, digits and signs first"
    # every letter heading is reachable from the jump list, and every id is unique
    anchors = [h2["id"] for h2 in page.select("article h2")]
    assert len(anchors) == len(set(anchors)) > 3
    assert [a["href"] for a in page.select("article .digest-index-jump a")] == [f"#{a}" for a in anchors]
    if lang == "en":
        assert not HANGUL.search(page.select_one("article h1").text + page.select_one("article .digest-count").text)


@pytest.mark.slow
def test_index_pages_are_not_in_nav_but_switch_language(built_site: Path) -> None:
    for lang, other in (("ko", "en"), ("en", "ko")):
        for path in ("issues/", "papers/"):
            page = read(built_site, lang, path)
            nav = {urlsplit(urljoin(f"http://x/{LANGS[lang]}{path}", a["href"])).path
                   for a in page.select("nav.md-nav--primary a.md-nav__link[href], nav.md-tabs a[href]")}
            assert f"/{LANGS[lang]}{path}" not in nav
            switch = page.select_one("a.digest-lang:not(.digest-lang--current)")["href"]
            assert urlsplit(urljoin(f"http://x/{LANGS[lang]}{path}", switch)).path == f"/{LANGS[other]}{path}"


def test_papers_index_on_a_small_catalog() -> None:
    for lang in LANGS:
        result = build(BuildSettings(content_dir=ROOT / "content", lang=lang),
                       catalog=sample_catalog())
        pages = {rendered.page.path: BeautifulSoup(rendered.html, "lxml") for rendered in result.pages}
        assert {"issues/", "papers/"} <= set(pages)
        papers = pages["papers/"]
        hrefs = [a["href"] for a in papers.select("a.digest-paper__title")]
        assert sorted(hrefs) == sorted(f"../papers/{record.id}/" for record in sample_catalog().papers)
        issues = pages["issues/"]
        assert len(issues.select("li.digest-issue")) == len(sample_catalog().issues)


@pytest.mark.parametrize(
    ("title", "group"),
    [
        ("AgentFold", (1, "A", "letter-a")),
        ("\u201cQuoted\u201d title", (1, "Q", "letter-q")),
        ("Élan", (1, "E", "letter-e")),
        ("까치", (2, "ㄱ", "hangul-g")),
        ("효율적인 모델", (2, "ㅎ", "hangul-h")),
        ("3D 세계 모델", (0, "#", "other")),
    ],
)
def test_index_letter(title: str, group: tuple[int, str, str]) -> None:
    assert index_letter(title) == group
