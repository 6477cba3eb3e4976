"""A digest branded from ``mkdocs.yml``: a site renamed with ``site_name`` alone carries its own name on every page,
feed and social card of both languages; the other identity options (tagline, editors, credit, feed and card
names) show where a reader looks for them, per language."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from feedcheck import read_feed
from PIL import Image

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
OURS = ("Paper Digest", "페이퍼 다이제스트")


def _build(tmp_path: Path, plugin_options: str) -> Path:
    """The checkout's content built with ``site_name: Other Lab Digest`` and ``plugin_options`` instead of our
    name (``plugin_options``: YAML lines indented for the digest plugin's mapping)."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("site_name: Paper Digest\n", "site_name: Other Lab Digest\n")
    ours = re.search(r"      # the site's name per language.*\n      name:\n(        .*\n)+", config)
    assert ours is not None, "the test replaces our name block in mkdocs.yml"
    config = config.replace(ours.group(0), plugin_options)
    project = tmp_path / "project"
    project.mkdir()
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "content", project / "content")
    env = {k: v for k, v in os.environ.items() if k != "DIGEST_CONTENT_DIR"}
    env.update(SITE_URL="https://lab.example.org/", NO_MKDOCS_2_WARNING="1")
    site = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project,
                          env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return site


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("renamed"), "")


def test_a_renamed_site_names_itself_on_every_page_feed_and_card(renamed: Path) -> None:
    pages = sorted(renamed.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not any(name in html for name in OURS), page
        if page.name != "index.html":
            continue
        doc = BeautifulSoup(html, "html.parser")
        assert doc.title is not None and doc.title.text.endswith("Other Lab Digest"), page
        assert doc.select_one('meta[property="og:site_name"]')["content"] == "Other Lab Digest", page
        assert doc.select_one(".md-header__topic").get_text(" ", strip=True) == "Other Lab Digest", page
    feeds = sorted(renamed.rglob("feed.xml"))
    assert len(feeds) >= 4 and any(f.parent == renamed / "en" for f in feeds)
    for feed in feeds:
        data = feed.read_bytes()
        assert read_feed(data, str(feed)).title.startswith("Other Lab Digest"), feed
        assert not any(name.encode() in data for name in OURS), feed
    api = [p for p in renamed.rglob("*.json") if "search" not in p.parts]
    assert api and not any(name in p.read_text(encoding="utf-8") for p in api for name in OURS)
    cards = sorted(renamed.rglob("assets/cards/*.png"))
    assert len(cards) > 50 and any(c.is_relative_to(renamed / "en") for c in cards)
    for card in cards:
        assert Image.open(io.BytesIO(card.read_bytes())).text["Author"] == "Other Lab Digest", card
    index = json.loads((renamed / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any(name in doc["text"] + doc["title"] for doc in index["docs"] for name in OURS)


def test_the_identity_options_show_per_language(tmp_path: Path) -> None:
    site = _build(tmp_path, """      name:
        ko: 연구실 논문 편지
      tagline:
        ko: 우리 연구실이 매주 고른 논문입니다.
        en: The papers our lab picked this week.
      feed_title: {ko: 연구실 논문 편지 피드, en: Lab Paper Letter}
      card_name: lab.example.org
      editors: [김하늘, Jordan Lee]
      credit: {ko: "원문: 어느 뉴스레터", en: "From: A Newsletter"}
      credit_url: https://news.example.org/
""")
    ko = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    en = BeautifulSoup((site / "en" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert ko.select_one(".md-header__topic").get_text(strip=True) == "연구실 논문 편지"
    assert en.select_one(".md-header__topic").get_text(strip=True) == "Other Lab Digest", "site_name for the rest"
    assert ko.select_one("h1.digest-home-title").text == "우리 연구실이 매주 고른 논문입니다."
    assert en.select_one("h1.digest-home-title").text == "The papers our lab picked this week."
    assert ko.select_one('meta[name="description"]')["content"] == "우리 연구실이 매주 고른 논문입니다."
    colophon = [span.get_text(" ", strip=True) for span in en.select(".digest-footer__colophon span")]
    assert colophon == ["Edited by 김하늘 and Jordan Lee", "From: A Newsletter"]
    assert ko.select_one(".digest-footer__colophon a")["href"] == "https://news.example.org/"
    assert ko.select(".digest-footer__colophon span")[1].get_text(strip=True) == "원문: 어느 뉴스레터"
    assert read_feed((site / "feed.xml").read_bytes(), "feed.xml").title == "연구실 논문 편지 피드"
    assert read_feed((site / "en" / "feed.xml").read_bytes(), "en/feed.xml").title == "Lab Paper Letter"
    card = next((site / "en" / "assets" / "cards").glob("*.png"))
    assert Image.open(card).text["Author"] == "lab.example.org"
