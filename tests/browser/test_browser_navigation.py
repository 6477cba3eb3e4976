"""Browser tests (issue #3 point 12, issue #5 point 5): a reader clicks through home -> issue -> paper -> topic in
both languages, switches language on a paper page, and no page logs an error or requests anything off 127.0.0.1."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

HOME = {"ko": "", "en": "en/"}


def _lang_prefix(lang: str) -> str:
    return "" if lang == "ko" else "en/"


def _expect_page(page, base: str, lang: str, kind: str) -> str:
    """Assert the current page is a ``kind`` page of ``lang`` (URL shape, <html lang>, a heading); return its id."""
    pattern = re.escape(base + _lang_prefix(lang)) + (kind + r"/([^/#?]+)/$" if kind else "$")
    match = re.match(pattern, page.url)
    assert match, f"expected a {kind or 'home'} page in {lang}, landed on {page.url}"
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("article h1").first.inner_text().strip(), f"{page.url}: no page heading"
    return match.group(1) if kind else ""


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_click_home_issue_paper_topic(page_watch, served_site, lang) -> None:
    page = page_watch.page
    page.goto(served_site + HOME[lang])
    _expect_page(page, served_site, lang, "")

    page.locator("article .digest-latest__title a").first.click()
    _expect_page(page, served_site, lang, "issues")

    paper_link = page.locator("article .digest-entry__title a").first
    paper_title = paper_link.inner_text().strip()
    paper_link.click()
    _expect_page(page, served_site, lang, "papers")
    assert paper_title in page.locator("article h1").first.inner_text()

    page.locator("article a.digest-tag").first.click()
    topic = _expect_page(page, served_site, lang, "topics")
    assert topic

    # the topic page lists papers, and one click leads back to a paper
    page.locator("article a.digest-paper__title").first.click()
    _expect_page(page, served_site, lang, "papers")

    # and the archive, from the header tabs, leads to every issue
    page.locator('.md-tabs a[href$="archive/"]').first.click()
    page.locator("article ul.digest-issues a").first.click()
    _expect_page(page, served_site, lang, "issues")
    page_watch.assert_clean()


@pytest.mark.parametrize(("src", "dst"), [("ko", "en"), ("en", "ko")])
def test_language_switcher_keeps_the_paper(page_watch, served_site, site_pages, src, dst) -> None:
    page = page_watch.page
    for path in (site_pages.papers[src][0], site_pages.issues[src][0], site_pages.topic_pages[src][0]):
        page.goto(served_site + path.lstrip("/"))
        page.locator(".md-header .md-select").first.hover()
        page.locator(f'.md-header a.md-select__link[hreflang="{dst}"]').first.click()
        expected = path.removeprefix("/en/").lstrip("/")
        expected = served_site + _lang_prefix(dst) + expected
        page.wait_for_url(expected)
        assert page.locator("html").get_attribute("lang") == dst
    page_watch.assert_clean()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_page_kind_is_offline_and_error_free(page_watch, served_site, site_pages, lang) -> None:
    """Every page kind loads with no console error and no request leaving 127.0.0.1 (fonts, scripts, APIs)."""
    page = page_watch.page
    for kind, path in site_pages.one_of_each(lang).items():
        response = page.goto(served_site + path.lstrip("/"), wait_until="networkidle")
        assert response is not None and response.ok, f"{kind} {path}: HTTP {response.status if response else '?'}"
    assert len(page_watch.requests) > 10
    page_watch.assert_clean()


@pytest.mark.parametrize(("src", "dst"), [("ko", "en"), ("en", "ko")])
def test_switcher_and_links_stay_under_a_subpath(page_watch, served_subpath_site, site_pages, src, dst) -> None:
    """Deployed as a GitHub project site (``/<repo>/``), the switcher and the header tabs stay inside it."""
    page = page_watch.page
    base = served_subpath_site.url
    path = site_pages.papers[src][0]
    page.goto(base + path.lstrip("/"))
    page.locator(".md-header .md-select").first.hover()
    page.locator(f'.md-header a.md-select__link[hreflang="{dst}"]').first.click()
    page.wait_for_url(base + _lang_prefix(dst) + path.removeprefix("/en/").lstrip("/"))
    page.locator('.md-tabs a[href$="archive/"]').first.click()
    page.wait_for_url(base + _lang_prefix(dst) + "archive/")
    page.locator("article ul.digest-issues a").first.click()
    _expect_page(page, base, dst, "issues")
    page_watch.assert_clean()


@pytest.mark.parametrize(("path", "lang", "title"), [("en/does-not-exist/", "en", "Page not found"),
                                                     ("does-not-exist/", "ko", "페이지를 찾을 수 없습니다")])
def test_missing_page_speaks_the_language_of_its_address(page_watch, served_subpath_site, path, lang, title) -> None:
    """The static server serves only the root 404.html (as GitHub Pages does, here under a sub-path); a missing
    English address still shows English text."""
    page = page_watch.page
    response = page.goto(served_subpath_site.url + path)
    assert response is not None and response.status == 404
    visible = page.locator(".digest-notfound:visible")
    assert visible.count() == 1
    assert visible.get_attribute("lang") == lang and page.locator("html").get_attribute("lang") == lang
    assert visible.locator("h1").inner_text().strip() == title
    home = visible.locator("a").first.get_attribute("href")
    assert home == served_subpath_site.url + ("en/" if lang == "en" else "")
    # clean, except the browser's own note that the document itself came with status 404
    assert not page_watch.external and not page_watch.page_errors
    assert all(e.startswith(served_subpath_site.url + path) and "404" in e for e in page_watch.console_errors)
    page_watch.checked = True


@pytest.mark.parametrize(("src", "dst"), [("ko", "en"), ("en", "ko")])
def test_palette_survives_the_language_switch(page_watch, served_subpath_site, site_pages, src, dst) -> None:
    """Dark mode chosen on a page of one language is the palette of the same page in the other language (both trees
    keep Material's preferences under the site root, also under a sub-path)."""
    page = page_watch.page
    base = served_subpath_site.url
    page.goto(base + site_pages.papers[src][0].lstrip("/"))
    assert page.locator('form[data-md-component="palette"] input').count() == 3  # automatic, light, dark
    for _ in range(4):  # the header toggle cycles automatic → light → dark
        if page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate":
            break
        page.locator('form[data-md-component="palette"] label:not([hidden])').first.click()
        page.wait_for_timeout(100)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    page.locator(".md-header .md-select").first.hover()
    page.locator(f'.md-header a.md-select__link[hreflang="{dst}"]').first.click()
    page.wait_for_function(f"document.documentElement.lang === '{dst}'")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    page_watch.assert_clean()


@pytest.mark.parametrize(("lang", "name"), [("ko", "페이퍼 다이제스트"), ("en", "Paper Digest")])
@pytest.mark.parametrize("width", [390, 1280])
def test_home_names_the_site_once(page_watch, served_site, lang, name, width) -> None:
    """The header names the site; the home page's tab, heading and lead do not repeat it."""
    page = page_watch.page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(served_site + _lang_prefix(lang))
    visible = page.evaluate("name => [...document.querySelectorAll('body *')].filter(e => e.childElementCount === 0"
                            " && e.checkVisibility() && e.textContent.includes(name)).length", name)
    assert visible == 1
    assert page.locator("article h1").inner_text().strip()
    page_watch.assert_clean()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_issue_page_reads_as_the_whole_issue(page_watch, served_site, lang) -> None:
    """In the browser, an issue page shows every paper's write-up with its outbound links as buttons, and its
    table of contents leads to each paper."""
    page = page_watch.page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(served_site + _lang_prefix(lang) + "issues/2025-10-13-llm-watch-7-papers-you-should-know/")
    entries = page.locator("article.digest-entry")
    assert entries.count() == 7
    for n in range(entries.count()):
        entry = entries.nth(n)
        assert len(entry.locator(".digest-entry__text").inner_text().strip()) > 80
        buttons = entry.locator("ul.digest-links a.digest-link")
        assert buttons.count() >= 1 and buttons.first.is_visible()
        assert all(buttons.nth(i).get_attribute("href").startswith("https://") for i in range(buttons.count()))
    toc = page.locator("nav.md-nav--secondary a.md-nav__link")
    assert toc.count() == 7 and toc.nth(3).is_visible()
    toc.nth(3).click()
    page.wait_for_url("**#paper-4")
    page_watch.assert_clean()
