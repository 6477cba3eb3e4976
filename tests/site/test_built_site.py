"""The built bilingual site (``mkdocs build --strict`` of the real content), read back with BeautifulSoup."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
LANGS = {"ko": "", "en": "en/"}
TRM = "tiny-recursive-model"
ISSUE_1012 = "2025-10-12-dair-top-ai-papers-oct-6-12"


def soup(site: Path, lang: str, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / LANGS[lang] / path / "index.html").read_text(encoding="utf-8"), "lxml")


def article(page: BeautifulSoup):
    return page.select_one("article.md-content__inner")


def issue_slugs() -> list[str]:
    return sorted(p.stem for p in (CONTENT / "ko").glob("*.md"))


def topic_ids() -> list[str]:
    data = yaml.safe_load((CONTENT / "topics.yml").read_text(encoding="utf-8"))
    topics = data["topics"] if isinstance(data, dict) else data
    return [t["id"] for t in topics]


def paper_ids(site: Path) -> list[str]:
    return [p["id"] for p in json.loads((site / "api" / "papers.json").read_text(encoding="utf-8"))["papers"]]


def html_pages(tree: Path, *, exclude: tuple[str, ...] = ()) -> set[str]:
    pages = set()
    for path in tree.rglob("index.html"):
        rel = path.parent.relative_to(tree).as_posix()
        rel = "" if rel == "." else rel + "/"
        if not any(rel.startswith(prefix) for prefix in exclude):
            pages.add(rel)
    return pages


# --- URL contract ------------------------------------------------------------------------------


@pytest.mark.slow
def test_url_contract_in_both_languages(built_site: Path) -> None:
    expected = {"", "archive/", "topics/"}
    expected |= {f"issues/{slug}/" for slug in issue_slugs()}
    expected |= {f"topics/{tid}/" for tid in topic_ids()}
    expected |= {f"papers/{pid}/" for pid in paper_ids(built_site)}
    assert len(expected) > 50
    for lang, prefix in LANGS.items():
        missing = sorted(p for p in expected if not (built_site / prefix / p / "index.html").is_file())
        assert not missing, f"{lang}: missing pages {missing[:10]}"


@pytest.mark.slow
def test_same_pages_at_same_paths_in_both_languages(built_site: Path) -> None:
    korean = html_pages(built_site, exclude=("en/", "search/", "assets/"))
    english = html_pages(built_site / "en")
    assert korean == english
    for path in korean:
        assert re.fullmatch(r"[a-z0-9/-]*", path), f"not readable ASCII: {path!r}"


@pytest.mark.slow
def test_html_lang_and_titles(built_site: Path) -> None:
    ko, en = soup(built_site, "ko", f"papers/{TRM}"), soup(built_site, "en", f"papers/{TRM}")
    assert ko.html["lang"] == "ko" and en.html["lang"] == "en"
    assert "페이퍼 다이제스트" in ko.title.text
    assert en.title.text.endswith("Paper Digest")


# --- navigation, switcher, hreflang ------------------------------------------------------------


@pytest.mark.slow
def test_nav_lists_no_generated_page(built_site: Path) -> None:
    for lang in LANGS:
        page = soup(built_site, lang, f"issues/{ISSUE_1012}")
        targets = set()
        for link in page.select("nav.md-nav--primary a.md-nav__link[href], nav.md-tabs a[href]"):
            target = urljoin(f"http://x/{LANGS[lang]}issues/{ISSUE_1012}/", link["href"])
            targets.add(urlsplit(target).path)
        prefix = "/" + LANGS[lang]
        assert targets <= {prefix, prefix + "archive/", prefix + "topics/"}, targets
        assert targets, "the nav should still list home, archive and topics"


def _switch_target(page: BeautifulSoup, lang: str, path: str) -> str:
    links = page.select("a.digest-lang:not(.digest-lang--current)")
    assert len(links) == 1
    base = f"http://x/{LANGS[lang]}{path}"
    return urlsplit(urljoin(base, links[0]["href"])).path


@pytest.mark.slow
def test_language_switcher_goes_to_the_same_page(built_site: Path) -> None:
    pages = html_pages(built_site, exclude=("en/", "search/", "assets/"))
    for path in sorted(pages):
        for lang, other in (("ko", "en"), ("en", "ko")):
            page = soup(built_site, lang, path.rstrip("/"))
            assert _switch_target(page, lang, path) == "/" + LANGS[other] + path


@pytest.mark.slow
def test_hreflang_alternates_are_absolute_and_exist(built_site: Path) -> None:
    for path in ("", "archive/", f"issues/{ISSUE_1012}/", f"papers/{TRM}/", "topics/agents/"):
        for lang in LANGS:
            page = soup(built_site, lang, path.rstrip("/"))
            links = {link["hreflang"]: link["href"] for link in page.select("link[hreflang]") if "alternate" in link["rel"]}
            assert set(links) == {"ko", "en", "x-default"}
            assert links["x-default"] == links["ko"]
            for hreflang, href in links.items():
                parts = urlsplit(href)
                assert parts.scheme in ("http", "https") and parts.netloc, href
                assert href.endswith("/" + ("en/" if hreflang == "en" else "") + path)
            canonical = page.select_one("link[rel=canonical]")["href"]
            assert canonical == links[lang]


# --- page content ------------------------------------------------------------------------------


@pytest.mark.slow
def test_issue_page(built_site: Path) -> None:
    ko = article(soup(built_site, "ko", f"issues/{ISSUE_1012}"))
    en = article(soup(built_site, "en", f"issues/{ISSUE_1012}"))
    assert ko.select_one("time.digest-date").text == "2025년 10월 12일"
    assert en.select_one("time.digest-date").text == "October 12, 2025"
    assert "DAIR.AI" in ko.select_one(".digest-source").text
    for page in (ko, en):
        papers = page.select("article.digest-entry")
        assert len(papers) == 10
        assert papers[0].select_one("a.digest-entry__permalink")["href"] == f"../../papers/{TRM}/"
        assert papers[0].select("a.digest-tag")
        assert [p.select_one("h2")["id"] for p in papers] == [f"paper-{n}" for n in range(1, 11)]
        # every paper's whole write-up, as its paper page shows it
        for entry in papers:
            paper_page = article(soup(built_site, "ko" if page is ko else "en",
                                      urljoin(f"issues/{ISSUE_1012}/", entry.select_one("a.digest-entry__permalink")["href"])))
            coverage = next(c for c in paper_page.select(".digest-coverage")
                            if ISSUE_1012 in c.select_one(".digest-coverage__source a")["href"])
            written = " ".join(coverage.select_one(".digest-coverage__text").get_text(" ").split())
            assert written and written in " ".join(entry.select_one(".digest-entry__text").get_text(" ").split())
        # this issue names its links without addresses: said once per paper, never a dead chip
        assert all(p.select_one(".digest-link-missing") for p in papers) and not page.select("a.digest-link[href='']")
    assert "Tiny Recursive Model" in en.text


@pytest.mark.slow
def test_issue_page_lists_its_papers_in_the_toc_and_links_out(built_site: Path) -> None:
    issue = "2025-10-13-llm-watch-7-papers-you-should-know"
    for lang in LANGS:
        page = soup(built_site, lang, f"issues/{issue}")
        toc = [a["href"] for a in page.select("nav.md-nav--secondary a.md-nav__link")]
        entries = page.select("article.digest-entry")
        assert toc == [f"#{e.select_one('h2')['id']}" for e in entries] and len(entries) == 7
        for entry in entries:
            outbound = [a["href"] for a in entry.select("ul.digest-links a.digest-link")]
            assert outbound and all(href.startswith("https://") for href in outbound)
            assert any("arxiv.org" in href for href in outbound)
        nav = page.select_one("nav.digest-issue-nav")
        assert nav is not None and nav.select_one("a[rel=prev]") is not None


@pytest.mark.slow
def test_paper_page(built_site: Path) -> None:
    for lang in LANGS:
        page = article(soup(built_site, lang, f"papers/{TRM}"))
        h1, subtitle = page.select_one("h1").text.strip(), page.select_one("p.digest-subtitle")
        other = "en" if lang == "ko" else "ko"
        assert subtitle is not None and subtitle["lang"] == other and subtitle.text.strip() != h1
        # each title once, as the heading and the subtitle: no label/value pairs repeating them above the text
        head = page.select_one(".digest-paper-head")
        assert not page.select("dl.digest-titles") and h1 not in head.get_text(" ")
        assert page.select_one(".digest-paper-head ul.digest-links a.digest-link--paper")["href"].startswith("https://")
        featured = page.select("#featured-in + ul li.digest-issue")
        assert len(featured) == 2, "TRM was featured in two issues"
        assert page.select(".digest-neighbours a[rel=prev], .digest-neighbours a[rel=next]")
        assert page.select("a.digest-tag")
        assert page.select("#related ~ ol li.digest-paper")
        assert len(page.select("section.digest-coverage")) == 2
    ko = article(soup(built_site, "ko", f"papers/{TRM}"))
    assert "85.3" in ko.text and "2025년 10월 12일" in ko.text
    # AgentFold has one name in both languages: the heading alone, no repeated title list
    same = article(soup(built_site, "ko", "papers/agentfold"))
    assert same.select_one("h1").text.strip() == "AgentFold"
    assert not same.select("p.digest-subtitle")


@pytest.mark.slow
def test_placeholders_are_never_links(built_site: Path) -> None:
    checked = 0
    for lang in LANGS:
        tree = built_site / LANGS[lang] / "papers"
        for path in sorted(tree.glob("*/index.html")):
            page = article(BeautifulSoup(path.read_text(encoding="utf-8"), "lxml"))
            for link in page.select("a[href]"):
                href = link["href"]
                scheme = urlsplit(href).scheme
                if scheme:
                    assert scheme in ("http", "https", "mailto"), href
                else:
                    target = (path.parent / href.split("#")[0]).resolve()
                    assert (target / "index.html").is_file() or target.is_file(), f"{path}: broken {href}"
                checked += 1
    assert checked > 100
    # the 2025-10-12 issue lost its links: its only paper says so once, with no dead button
    page = article(soup(built_site, "ko", "papers/emergent-misalignment"))
    assert page.select_one(".digest-paper-head .digest-link-missing").text.strip() == "링크 없음: 논문, 트윗"
    assert not page.select(".digest-links a")


@pytest.mark.slow
def test_topic_pages(built_site: Path) -> None:
    for lang in LANGS:
        index = article(soup(built_site, lang, "topics"))
        assert len(index.select("li.digest-topic")) == len(topic_ids())
        page = article(soup(built_site, lang, "topics/agents"))
        dates = [t["datetime"] for t in page.select("li.digest-paper time")]
        assert len(dates) >= 3 and dates == sorted(dates, reverse=True)


@pytest.mark.slow
def test_home_and_archive(built_site: Path) -> None:
    home = article(soup(built_site, "ko", ""))
    assert home.select_one(".digest-latest__title a")["href"] == "issues/2025-11-02-dair-top-ai-papers-oct-27-nov-2/"
    assert len(home.select("#recent-issues + ul li")) == 4
    assert home.select(".digest-topic-counts li")
    archive = article(soup(built_site, "en", "archive"))
    months = [h.text for h in archive.select("h2")]
    assert months == ["November 2025", "October 2025", "September 2025"]
    ko_archive = article(soup(built_site, "ko", "archive"))
    assert [h.text for h in ko_archive.select("h2")][0] == "2025년 11월"


# --- search and data --------------------------------------------------------------------------


@pytest.mark.slow
def test_one_search_index_per_language(built_site: Path) -> None:
    ko = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((built_site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert all(not d["location"].startswith("en/") for d in ko["docs"])
    ko_text = " ".join(d["text"] for d in ko["docs"])
    en_text = " ".join(d["text"] for d in en["docs"])
    for needle in ("에이전트", "강화 학습", "GPT-4o", "ARC-AGI", "85.3"):
        assert needle in ko_text
    for needle in ("agent", "reinforcement learning", "GPT-4o", "ARC-AGI", "85.3"):
        assert needle in en_text
    korean_body, english_body = "단일의 작은 2계층 네트워크", "iterative self-refinement"
    assert korean_body in ko_text and korean_body not in en_text
    assert english_body in en_text and english_body not in ko_text
    separator = re.compile(ko["config"]["separator"])
    assert "85.3%" in separator.split("달성한 85.3%를")[1]


@pytest.mark.slow
def test_data_api_published_once(built_site: Path) -> None:
    issues = json.loads((built_site / "api" / "issues.json").read_text(encoding="utf-8"))
    assert [i["slug"] for i in issues["issues"]] == sorted(issue_slugs(), reverse=True)
    assert not (built_site / "en" / "api").exists()


@pytest.mark.slow
def test_no_external_requests_in_html(built_site: Path) -> None:
    page = (built_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in page and "fonts.gstatic" not in page
    parsed = BeautifulSoup(page, "lxml")
    for tag in parsed.select("script[src], link[rel=stylesheet]"):
        assert not urlsplit(tag.get("src") or tag.get("href")).netloc


@pytest.mark.slow
def test_site_under_a_sub_path(build_site) -> None:
    site = build_site(site_url="https://example.github.io/paper-digest/")
    page = soup(site, "en", f"papers/{TRM}")
    hrefs = {link["hreflang"]: link["href"] for link in page.select("link[hreflang]")}
    assert hrefs["ko"] == f"https://example.github.io/paper-digest/papers/{TRM}/"
    assert hrefs["en"] == f"https://example.github.io/paper-digest/en/papers/{TRM}/"
    assert _switch_target(page, "en", f"papers/{TRM}/") == f"/papers/{TRM}/"


@pytest.mark.slow
def test_sponsor_blocks_are_marked(built_site: Path) -> None:
    slug = "2025-10-13-llm-watch-7-papers-you-should-know"
    for lang, label in (("ko", "광고"), ("en", "Sponsored")):
        boxes = article(soup(built_site, lang, f"issues/{slug}")).select("aside.digest-sponsored")
        assert boxes and all(box.select_one(".digest-sponsored__label").text == label for box in boxes)
        assert "Towards AI" in " ".join(box.text for box in boxes) or lang == "ko"


@pytest.mark.slow
def test_korean_issue_without_english_file_gets_english_pages(tmp_path: Path) -> None:
    """A full ``mkdocs build --strict`` of a content folder where one issue has no English file."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    slug = "2025-10-13-llm-watch-7-papers-you-should-know"
    (content / "en" / f"{slug}.md").unlink()
    site = tmp_path / "site"
    env = dict(os.environ, DIGEST_CONTENT_DIR=str(content))
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    page = article(soup(site, "en", f"issues/{slug}"))
    notice = page.select_one(".digest-untranslated")
    assert notice is not None and "Korean" in notice.text
    assert "Artificial Hippocampus Networks" in page.text  # English titles where known
    assert "인공 해마 네트워크" in page.text  # the Korean text itself
    paper = article(soup(site, "en", "papers/artificial-hippocampus-networks"))
    assert paper.select(".digest-coverage")
    assert (site / "en" / "papers" / "agentfold" / "index.html").is_file()


def _no_stars(where: str, text: str, found: list[str]) -> None:
    at = text.find("**")
    if at >= 0:
        found.append(f"{where}: …{text[max(0, at - 40):at + 40]}…")


def test_no_literal_bold_marks_anywhere(built_site: Path) -> None:
    """Korean bold (``**용어(Term)**은``) is rendered everywhere a reader or a machine sees the text: page text
    outside code, meta and social descriptions, JSON-LD, feeds, the search index and the JSON API."""
    import feedparser

    found: list[str] = []
    for page in sorted(built_site.rglob("*.html")):
        doc = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        where = str(page.relative_to(built_site))
        for tag in doc.select("meta[content]"):
            _no_stars(f"{where} <meta {tag.get('name') or tag.get('property')}>", tag["content"], found)
        for script in doc.select('script[type="application/ld+json"]'):
            _no_stars(f"{where} JSON-LD", json.dumps(json.loads(script.string or "null"), ensure_ascii=False), found)
        for tag in doc.select("script, style, pre, code"):
            tag.decompose()
        _no_stars(where, doc.get_text(" "), found)
    feeds = sorted(built_site.rglob("feed.xml"))
    assert feeds
    for feed in feeds:
        parsed = feedparser.parse(feed.read_bytes())
        assert parsed.entries, feed
        for entry in parsed.entries:
            texts = [entry.get("title", ""), entry.get("summary", "")] + [c.value for c in entry.get("content", [])]
            for text in texts:
                _no_stars(f"{feed.relative_to(built_site)} entry {entry.get('id')}",
                          BeautifulSoup(text, "lxml").get_text(" ") if "<" in text else text, found)
    for index in sorted(built_site.rglob("search_index.json")) + sorted((built_site / "api").rglob("*.json")):
        _no_stars(str(index.relative_to(built_site)), json.dumps(json.load(index.open(encoding="utf-8")),
                                                                 ensure_ascii=False), found)
    assert not found, "\n".join(found[:20])


@pytest.mark.slow
def test_footer_links_the_indexes_the_feed_and_the_other_language(built_site: Path) -> None:
    """Every generated page's footer leads to the archive, the topics, the paper index (linked from nowhere else),
    the feed and the same page in the other language, by links that resolve from the page itself."""
    checked = 0
    for lang, prefix in LANGS.items():
        for path in sorted((built_site / prefix / "papers").glob("*/index.html"))[:20] + \
                [built_site / prefix / f"issues/{ISSUE_1012}/index.html", built_site / prefix / "index.html"]:
            doc = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
            links = doc.select("footer nav.digest-footer__nav a")
            assert len(links) == 5, path
            targets = {}
            for a in links:
                target = (path.parent / a["href"]).resolve()
                assert (target / "index.html").is_file() or target.is_file(), f"{path}: {a['href']}"
                targets[a.get("hreflang") or a.get_text(strip=True)] = target
            other = "en" if lang == "ko" else "ko"
            page_dir = path.parent.relative_to(built_site / prefix) if prefix else path.parent.relative_to(built_site)
            assert targets[other] == (built_site / LANGS[other] / page_dir).resolve()
            assert any(t.name == "feed.xml" for t in targets.values())
            assert any(t == (built_site / prefix / "papers").resolve() for t in targets.values())
            checked += 1
    assert checked >= 40


@pytest.mark.slow
def test_topics_appear_in_one_order_everywhere(built_site: Path) -> None:
    """Chips on issue and paper pages, the home list and the topics index all follow one order: most papers first
    (the index's counts say how many), ties in ``topics.yml`` order."""
    for lang in LANGS:
        index = article(soup(built_site, lang, "topics"))
        order = [a["href"].strip("./").split("/")[-1] for a in index.select("li.digest-topic > a")]
        counts = [int(re.sub(r"\D", "", c.text)) for c in index.select("li.digest-topic > .digest-count")]
        assert order and counts == sorted(counts, reverse=True)
        rank = {topic: n for n, topic in enumerate(order)}
        home = article(soup(built_site, lang, ""))
        home_order = [a["href"].strip("./").split("/")[-1] for a in home.select("ul.digest-topic-counts a")]
        assert home_order == [t for t in order if t in home_order]
        chip_lists = 0
        for page in [f"issues/{ISSUE_1012}"] + [f"papers/{p.parent.name}" for p in
                                                sorted((built_site / LANGS[lang] / "papers").glob("*/index.html"))[:30]]:
            for tags in article(soup(built_site, lang, page)).select("ul.digest-tags"):
                ids = [a["href"].rstrip("/").split("/")[-1] for a in tags.select("a.digest-tag")]
                assert [rank[i] for i in ids] == sorted(rank[i] for i in ids), (page, ids)
                chip_lists += len(ids) > 1
        assert chip_lists > 5


@pytest.mark.slow
def test_english_search_index_holds_no_korean_title(built_site: Path) -> None:
    """English pages show a paper's Korean title as a subtitle for readers, but the English search index leaves it
    out, so an English page is never found by its Korean subtitle."""
    papers = json.loads((built_site / "api" / "papers.json").read_text(encoding="utf-8"))["papers"]
    korean = {p["title_ko"] for p in papers if re.search("[가-힣]", p["title_ko"] or "")}
    assert len(korean) > 20
    index = json.loads((built_site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc.get("title", "") + " " + doc.get("text", "") for doc in index["docs"])
    assert not [title for title in korean if title in text]
    # and the Korean subtitle is still on the English page, marked as Korean
    page = article(soup(built_site, "en", f"papers/{TRM}"))
    assert page.select_one('p.digest-subtitle[lang="ko"][data-search-exclude]') is not None


@pytest.mark.slow
def test_home_issues_and_papers_have_a_social_card(built_site: Path) -> None:
    """Every home, issue and paper page names an og:image that exists in the built site, a 1200×630 PNG, with a
    large-image Twitter card; on Korean pages the card shows the Korean title (its alt text)."""
    from PIL import Image

    from generator.cards import covers_hangul, find_font

    font = find_font()
    if font is None:
        pytest.skip("no Korean font installed (scripts/dev.sh installs fonts-nanum)")
    assert covers_hangul(font)
    checked = 0
    for lang, prefix in LANGS.items():
        root = built_site / prefix
        pages = [root / "index.html"] + sorted((root / "issues").glob("*/index.html")) + \
            sorted((root / "papers").glob("*/index.html"))
        for page in pages:
            if page.parent.name in ("issues", "papers"):
                continue  # the indexes have no card
            doc = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
            image = doc.select_one('meta[property="og:image"]')
            assert image is not None, page
            assert doc.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"
            path = urlsplit(image["content"]).path
            base = urlsplit(os.environ.get("SITE_URL") or "http://127.0.0.1:8000/").path
            file = built_site / path[len(base):]
            with Image.open(file) as png:
                assert png.format == "PNG" and png.size == (1200, 630), file
            alt = doc.select_one('meta[property="og:image:alt"]')["content"]
            h1 = doc.select_one("article h1").get_text(strip=True)
            if page.parent.parent.name in ("issues", "papers"):
                assert alt == h1
            if lang == "ko" and re.search("[가-힣]", h1):
                assert re.search("[가-힣]", alt)
            checked += 1
    assert checked >= 90
