"""The harness's site map and builder: a build for a GitHub project site (SITE_URL with a sub-path) carries that
URL, and the page map read from its JSON API points at pages that exist, in both languages."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from sitemap import LANGS, load_site_pages

PROJECT_SITE = "https://example.github.io/paper-digest/"


@pytest.fixture(scope="module")
def project_site(build_site):
    return build_site(site_url=PROJECT_SITE)


@pytest.mark.slow
def test_site_url_reaches_canonical_links(project_site) -> None:
    for index in (project_site / "index.html", project_site / "en" / "index.html"):
        canonical = BeautifulSoup(index.read_text(encoding="utf-8"), "lxml").select_one('link[rel="canonical"]')
        assert canonical is not None and canonical["href"].startswith(PROJECT_SITE), f"{index}: {canonical}"


@pytest.mark.slow
def test_page_map_points_at_built_pages(project_site) -> None:
    pages = load_site_pages(project_site)
    for lang in LANGS:
        listed = pages.all_pages(lang)
        assert len(pages.issues[lang]) >= 5 and len(pages.papers[lang]) >= 40 and pages.topic_pages[lang]
        assert all(p.startswith("/en/") == (lang == "en") for p in listed), listed
        missing = [p for p in listed if not (project_site / p.lstrip("/") / "index.html").is_file()]
        assert not missing, f"{lang}: listed but not built: {missing}"
