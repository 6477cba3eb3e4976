"""The site generator without MkDocs: markdown safety, views, plan, build phases, i18n catalogs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from generator import i18n
from generator.build import BuildError, BuildSettings, build, load
from generator.markdown import is_allowed_url, to_html, to_inline_html
from generator.views import language_href, relative_href

from site_sample_catalog import sample_catalog

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"


def settings(content: Path = CONTENT, **kwargs) -> BuildSettings:
    return BuildSettings(content_dir=content, **kwargs)


def pages_by_path(site) -> dict[str, BeautifulSoup]:
    return {r.page.path: BeautifulSoup(r.html, "lxml") for r in site.pages}


# --- markdown ---------------------------------------------------------------------------------


def test_raw_html_in_content_is_text() -> None:
    html = to_html('Hi <script>alert(1)</script> <img src=x onerror="alert(1)">')
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    ("markdown", "kept"),
    [
        ("[a](https://arxiv.org/abs/1)", True),
        ("[a](http://example.org)", True),
        ("[a](mailto:ed@example.org)", True),
        ("[a](../papers/x/)", True),
        ("[a](#glossary)", True),
        ("[a](javascript:alert(1))", False),
        ("[a](JaVaScRiPt:alert(1))", False),
        ("[a](data:text/html;base64,PHNjcmlwdD4=)", False),
        ("[a](Paper)", False),
        ("[a](Tweet)", False),
        ("[a](//evil.example/x)", False),
        ("[a](vbscript:x)", False),
    ],
)
def test_only_safe_link_addresses_become_links(markdown: str, kept: bool) -> None:
    parsed = BeautifulSoup(to_inline_html(markdown), "lxml")
    assert bool(parsed.select("a[href]")) is kept
    if not kept:
        assert "javascript" not in str(parsed.select("a"))
        assert parsed.text.strip()  # the label (or the literal text) is still shown


def test_placeholder_link_shows_label_as_unavailable() -> None:
    parsed = BeautifulSoup(to_html("[논문](Paper) | [트윗](Tweet)"), "lxml")
    assert [s.text for s in parsed.select("span.digest-unavailable")] == ["논문", "트윗"]
    assert not parsed.select("a")


def test_images_never_load() -> None:
    parsed = BeautifulSoup(to_html("![chart](https://example.org/x.png)"), "lxml")
    assert not parsed.select("img") and "chart" in parsed.text


def test_url_policy() -> None:
    assert is_allowed_url("https://a.b/c") and not is_allowed_url("https://")
    assert not is_allowed_url(None) and not is_allowed_url("java\nscript:x")


# --- relative URLs -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("here", "target", "expected"),
    [("", "papers/x/", "papers/x/"), ("papers/x/", "", "../../"), ("archive/", "issues/a/", "../issues/a/"), ("", "", "./")],
)
def test_relative_href(here: str, target: str, expected: str) -> None:
    assert relative_href(here, target) == expected


@pytest.mark.parametrize(
    ("here", "src", "dst", "expected"),
    [
        ("", "ko", "en", "en/"),
        ("", "en", "ko", "../"),
        ("papers/x/", "ko", "en", "../../en/papers/x/"),
        ("papers/x/", "en", "ko", "../../../papers/x/"),
    ],
)
def test_language_href(here: str, src: str, dst: str, expected: str) -> None:
    assert language_href(here, src, dst) == expected


# --- build phases on a hand-made catalog -------------------------------------------------------


def test_sponsor_blocks_marked_or_omitted() -> None:
    marked = pages_by_path(build(settings(sponsors="marked"), catalog=sample_catalog()))
    omitted = pages_by_path(build(settings(sponsors="omitted"), catalog=sample_catalog()))
    box = marked["issues/2025-10-12-new/"].select("aside.digest-sponsored")
    assert len(box) == 1 and box[0].select_one(".digest-sponsored__label").text == "광고"
    assert not omitted["issues/2025-10-12-new/"].select("aside.digest-sponsored")
    assert "Sponsor" not in omitted["issues/2025-10-12-new/"].text


def test_untranslated_issue_gets_english_pages_with_notice() -> None:
    english = pages_by_path(build(settings(lang="en"), catalog=sample_catalog()))
    issue = english["issues/2025-09-21-old/"]
    notice = issue.select_one(".digest-untranslated")
    assert notice is not None and "Korean" in notice.text
    assert notice.select_one("a")["href"] == "../../../issues/2025-09-21-old/"
    titles = [h2.get_text(" ", strip=True).split(" ", 1)[1] for h2 in issue.select("article.digest-entry h2")]
    assert titles == ["RL Reasoning", "Tiny Recursive Model"]  # English titles where known
    assert "강화 학습으로 추론한다" in issue.text  # the Korean text itself
    assert english["papers/rl-reasoning/"].select_one(".digest-untranslated")
    assert not english["issues/2025-10-12-new/"].select_one(".digest-untranslated")


def test_every_language_has_the_same_pages() -> None:
    ko = build(settings(lang="ko"), catalog=sample_catalog())
    en = build(settings(lang="en"), catalog=sample_catalog())
    assert [r.page.path for r in ko.pages] == [r.page.path for r in en.pages]
    assert {"api/issues.json", "api/papers.json"} <= {f.path for f in ko.files}
    assert not any(f.path.startswith("api/") for f in en.files)


def test_hostile_intro_is_escaped_in_pages() -> None:
    page = pages_by_path(build(settings(), catalog=sample_catalog()))["issues/2025-10-12-new/"]
    assert not page.select("script") and "<script>alert(1)</script>" in page.text


def test_build_is_reproducible() -> None:
    first = build(settings(lang="en"), catalog=sample_catalog())
    second = build(settings(lang="en"), catalog=sample_catalog())
    assert [r.html for r in first.pages] == [r.html for r in second.pages]


# --- build phases on real content --------------------------------------------------------------


@pytest.mark.slow
def test_real_content_untranslated_issue(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    slug = "2025-10-13-llm-watch-7-papers-you-should-know"
    (content / "en" / f"{slug}.md").unlink()
    site = build(settings(content, lang="en"))
    pages = pages_by_path(site)
    issue = pages[f"issues/{slug}/"]
    assert issue.select_one(".digest-untranslated")
    assert "Artificial Hippocampus Networks" in issue.text
    assert "papers/agentfold/" in pages  # every paper page still exists in English


@pytest.mark.slow
def test_content_errors_fail_once_with_every_location(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "ko" / "2025-12-01-broken.md").write_text("---\ndate: [\n---\n", encoding="utf-8")
    (content / "ko" / "2025-12-08-broken.md").write_text("---\ndate: 2025-13-45\n---\n", encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        load(content)
    message = str(caught.value)
    assert "2025-12-01-broken.md:" in message and "2025-12-08-broken.md:" in message


# --- i18n --------------------------------------------------------------------------------------


def _messages(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def test_po_catalogs_are_complete_and_match_the_templates(tmp_path: Path) -> None:
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-o", str(pot), "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    extracted = {m.id if isinstance(m.id, str) else m.id[0] for m in _messages(pot) if m.id}
    assert {"Archive", "Sponsored", "%(num)s paper"} <= extracted
    for lang in ("ko", "en"):
        catalog = _messages(i18n.LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po")
        ids = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
        assert extracted <= ids, f"{lang}: run pybabel update (see generator/i18n.py): {sorted(extracted - ids)}"
        untranslated = [m.id for m in catalog if m.id and not all(m.string if isinstance(m.string, tuple) else [m.string])]
        assert not untranslated, f"{lang}: untranslated {untranslated}"


def test_dates_and_counts_through_babel() -> None:
    import datetime as dt

    assert i18n.format_date(dt.date(2025, 10, 12), "ko") == "2025년 10월 12일"
    assert i18n.format_date(dt.date(2025, 10, 12), "en") == "October 12, 2025"
    ko = i18n.ngettext_for("ko")("%(num)s paper", "%(num)s papers", 1200)
    assert i18n.with_count(ko, 1200, "ko") == "논문 1,200편"
    en = i18n.ngettext_for("en")("%(num)s paper", "%(num)s papers", 1)
    assert i18n.with_count(en, 1, "en") == "1 paper"


def test_paper_view_neighbours_related_and_coverage() -> None:
    from generator.views import ViewBuilder

    views = ViewBuilder(sample_catalog(), "en")
    trm = views.paper(sample_catalog().paper("tiny-recursive-model"), "papers/tiny-recursive-model/")
    assert trm.previous is None and trm.next is not None and trm.next.title == "AgentFold"
    assert trm.next.href == "../../papers/agentfold/"
    assert [c.issue.date_iso for c in trm.coverage] == ["2025-10-12", "2025-09-21"]
    assert [c.untranslated for c in trm.coverage] == [False, True]
    assert [item.title for item in trm.related] == ["AgentFold", "RL Reasoning"]
    assert [f.date_iso for f in trm.featured_in] == ["2025-10-12", "2025-09-21"]
    assert [link.href for link in trm.links] == ["https://arxiv.org/abs/2510.04871"]
    assert trm.missing == "Tweet"  # a placeholder is said once, never a button
    fold = views.paper(sample_catalog().paper("agentfold"), "papers/agentfold/")
    assert fold.previous is not None and fold.previous.title == "Tiny Recursive Model" and fold.next is None


def test_archive_groups_by_month_newest_first() -> None:
    from generator.views import ViewBuilder

    archive = ViewBuilder(sample_catalog(), "ko").archive("archive/")
    assert [(m.label, m.anchor) for m in archive.months] == [("2025년 10월", "2025-10"), ("2025년 9월", "2025-09")]
    assert archive.months[0].issues[0].href == "../issues/2025-10-12-new/"


def test_items_that_are_no_papers_are_listed_after_the_papers(tmp_path: Path) -> None:
    """A newsletter with a legend: its 📰/📝 items get no paper page and are listed, linked, under their own heading."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    wild = ROOT / "tests" / "parser" / "wild" / "links-emoji-legend-subbullets.md"
    slug = "2025-11-09-links"
    (content / "ko" / f"{slug}.md").write_text("---\ndate: 2025-11-09\n---\n" + wild.read_text(encoding="utf-8"),
                                               encoding="utf-8")
    site = build(settings(content))
    page = pages_by_path(site)[f"issues/{slug}/"]
    news = page.select(".digest-news > ul > li")
    assert page.select_one(".digest-news h2").get_text(strip=True) == "그 밖의 소식"
    titles = [li.select_one(".digest-news__title").get_text(strip=True) for li in news]
    assert "OpenAI, AWS와 7년짜리 대형 클라우드 계약 체결" in titles and len(titles) == 4
    link = news[titles.index("OpenAI, AWS와 7년짜리 대형 클라우드 계약 체결")].select_one("a")
    assert link["href"] == "https://www.reuters.com/technology/openai-aws-cloud-deal-2025-11-03/"
    papers = [h2.get_text(strip=True) for h2 in page.select("article.digest-entry h2")]
    assert not any("OpenAI, AWS" in text for text in papers) and papers
