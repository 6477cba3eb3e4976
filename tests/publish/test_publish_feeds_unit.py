"""generator.feeds on a hand-made catalog: valid RSS 2.0, complete, safe, reproducible."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from feedcheck import read_feed
from publish_catalog import ROOT_URL, publish_catalog

from generator.feeds import all_feeds, site_feed, topic_feed, topic_papers


@pytest.fixture(scope="module")
def catalog():
    return publish_catalog()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_site_feed_has_one_item_per_issue_newest_first(catalog, lang):
    feed = site_feed(catalog, lang, ROOT_URL)
    prefix = ROOT_URL if lang == "ko" else ROOT_URL + "en/"
    assert feed.path == "feed.xml"
    checked = read_feed(feed.content, f"{lang}/feed.xml")
    assert checked.language == lang
    assert checked.self_link == prefix + "feed.xml"
    assert checked.link == prefix
    assert [item.link for item in checked.items] == [prefix + f"issues/{r.slug}/" for r in catalog.issues]
    assert [item.guid for item in checked.items] == [item.link for item in checked.items]
    assert all(item.guid_is_permalink == "true" for item in checked.items)
    dates = [item.pub_date.date() for item in checked.items]
    assert dates == sorted(dates, reverse=True) == [r.date for r in catalog.issues]
    assert checked.last_build.date() == catalog.issues[0].date  # never "now"


def test_site_feed_titles_follow_the_language(catalog):
    ko = read_feed(site_feed(catalog, "ko", ROOT_URL).content)
    en = read_feed(site_feed(catalog, "en", ROOT_URL).content)
    assert [item.title for item in ko.items] == ["셋째 호", "둘째 호", "첫 호"]
    assert [item.title for item in en.items][:2] == ["Third issue", "Second issue"]


def test_issue_content_is_full_safe_html(catalog):
    checked = read_feed(site_feed(catalog, "en", ROOT_URL).content)
    html = checked.items[0].content
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None, "raw HTML from the source must be escaped"
    assert "<script>alert(1)</script>" in soup.get_text()  # shown as text
    hrefs = [a["href"] for a in soup.find_all("a")]
    assert ROOT_URL + "en/papers/tiny-recursive-model/" in hrefs
    assert "https://arxiv.org/abs/2510.04871v2" in hrefs and "https://github.com/x/trm" in hrefs
    assert not any(href.startswith("javascript:") for href in hrefs)
    assert [h.get_text() for h in soup.find_all("h2")][0] == "1. Tiny Recursive Model"
    assert "\x01" not in html and "\x0b" not in html


def test_topic_feed_has_one_item_per_paper(catalog):
    topic = catalog.topic("reinforcement-learning")
    feed = topic_feed(catalog, topic, "en", ROOT_URL)
    assert feed.path == "topics/reinforcement-learning/feed.xml"
    checked = read_feed(feed.content, feed.path)
    assert checked.self_link == ROOT_URL + "en/topics/reinforcement-learning/feed.xml"
    assert checked.link == ROOT_URL + "en/topics/reinforcement-learning/"
    assert checked.description == "RL research."
    links = [item.link for item in checked.items]
    assert links == [ROOT_URL + "en/papers/rl-reasoning/", ROOT_URL + "en/papers/tiny-recursive-model/"]
    # pubDate is the first issue that featured the paper (TRM: 2025-09-21, not its latest 2025-10-12)
    assert [item.pub_date.date().isoformat() for item in checked.items] == ["2025-09-28", "2025-09-21"]
    assert checked.items[1].title == "Tiny Recursive Model"
    assert "A tiny model beats" in checked.items[1].description


def test_topic_papers_are_the_topic_s_papers(catalog):
    assert {p.id for p in topic_papers(catalog, "agents")} == {"tiny-recursive-model", "hostile"}
    assert topic_papers(catalog, "nothing") == ()


def test_all_feeds_and_reproducible_bytes(catalog):
    first = all_feeds(catalog, "ko", ROOT_URL)
    assert [f.path for f in first] == ["feed.xml", "topics/agents/feed.xml", "topics/reinforcement-learning/feed.xml"]
    assert first == all_feeds(publish_catalog(), "ko", ROOT_URL)
    for feed in first:
        read_feed(feed.content, feed.path)


def test_empty_catalog_gives_a_valid_empty_feed():
    from generator.catalog_model import Catalog

    checked = read_feed(site_feed(Catalog((), (), ()), "ko", ROOT_URL).content)
    assert checked.items == ()
    assert checked.last_build.year == 1970
