"""The 404 page is planned by the generator (MkDocs' theme only renders it): links and the language
switcher are absolute, because the page is served at any missing address."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import BuildSettings, build

from site_sample_catalog import sample_catalog

ROOT = Path(__file__).resolve().parents[2]
SITE = "https://example.org/digest/"


@pytest.mark.parametrize(("lang", "title", "home", "switch"), [
    ("ko", "페이지를 찾을 수 없습니다", SITE, SITE + "en/"),
    ("en", "Page not found", SITE + "en/", SITE),
])
def test_not_found_page_is_planned_with_absolute_links(lang: str, title: str, home: str, switch: str) -> None:
    settings = BuildSettings(content_dir=ROOT / "content", lang=lang, root_url=SITE)
    not_found = build(settings, catalog=sample_catalog()).not_found
    assert not_found is not None
    assert not_found.view.title == title
    assert [link.href for link in not_found.view.links] == [home, home + "archive/", home + "topics/"]
    assert not_found.switch_href == switch
    assert [feed.href for feed in not_found.meta.feeds] == [home + "feed.xml"]
