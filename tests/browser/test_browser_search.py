"""Browser tests (issue #3 point 12): Material's search UI, typed into like a reader, finds Korean words, split
Korean phrases, model names and figures, and each language's search only ever returns that language's pages."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

pytestmark = pytest.mark.browser


META = ".md-search-result__meta"
META_CHANGED = "t => document.querySelector('.md-search-result__meta').innerText.trim() !== t"
# Material's "search.result.initializer" strings (ko, en): shown until the search worker has loaded the index
INITIALIZING = ["검색 초기화", "Initializing search"]
WORKER_READY = "ts => !ts.includes(document.querySelector('.md-search-result__meta').innerText.trim())"
MORE_RESULTS = "n => document.querySelectorAll('.md-search-result__list > li').length > n"


def search(page, home_url: str, query: str) -> list[str]:
    """Open ``home_url``, type ``query`` into Material's search box and return the result pages' URL paths
    (fragments dropped, de-duplicated, in ranking order), after scrolling until every result is rendered."""
    page.goto(home_url)
    box = page.locator(".md-search__input")
    if not box.is_visible():
        page.locator('label.md-header__button[for="__search"]').click()
    box.click()
    meta = page.locator(META)
    # wait for the search worker: the header leaves "Initializing search" for "Type to start searching"
    page.wait_for_function(WORKER_READY, arg=INITIALIZING)
    ready = meta.inner_text().strip()
    # Material runs the query on keyup. Typing key by key would race intermediate queries ("A", "AR", ...)
    # against the final one, and Hangul is inserted without key events; so put the whole query in, then
    # press a harmless key, as the last key release of a person's typing (or IME commit) would.
    box.fill(query)
    box.press("End")
    page.wait_for_function(META_CHANGED, arg=ready)
    total = int(m.group()) if (m := re.search(r"\d+", meta.inner_text())) else 0
    # Material renders 10 results, then 4 more each time the pane is scrolled to its end
    items = page.locator(".md-search-result__list > li")
    pane = page.locator(".md-search__scrollwrap")
    stalled = 0
    while items.count() < total and stalled < 5:
        before = items.count()
        pane.evaluate("el => el.scrollTo(0, 0)")
        pane.evaluate("el => el.scrollTo(0, el.scrollHeight)")
        try:  # wait for the next batch itself rather than for a fixed pause; a scroll it missed is repeated
            page.wait_for_function(MORE_RESULTS, arg=before, timeout=1000)
            stalled = 0
        except PlaywrightTimeoutError:
            stalled += 1
    assert items.count() == total, f"{query!r}: {total} results announced, {items.count()} rendered"
    paths: list[str] = []
    for href in items.evaluate_all("els => els.map(li => li.querySelector('a').href)"):
        path = urlsplit(href).path
        if path not in paths:
            paths.append(path)
    return paths


def _page_text(site: Path, url_path: str, base_path: str) -> str:
    rel = url_path[len(base_path):] if url_path.startswith(base_path) else url_path.lstrip("/")
    return (site / rel / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def base_path(served_site) -> str:
    return urlsplit(served_site).path


def test_korean_word_finds_agentfold_and_other_agent_papers(page_watch, served_site, base_path) -> None:
    paths = search(page_watch.page, served_site, "에이전트")
    papers = [p for p in paths if p.startswith(base_path + "papers/")]
    assert base_path + "papers/agentfold/" in papers, f"AgentFold not found by 에이전트: {paths}"
    assert len(papers) >= 3, f"에이전트 should find several agent papers, found {papers}"
    page_watch.assert_clean()


def test_korean_phrase_finds_reinforcement_learning_papers(page_watch, served_site, base_path, built_site) -> None:
    paths = search(page_watch.page, served_site, "강화 학습")
    papers = [p for p in paths if p.startswith(base_path + "papers/")]
    assert len(papers) >= 2, f"강화 학습 should find reinforcement-learning papers, found {paths}"
    for path in papers[:5]:
        text = _page_text(built_site, path, base_path)
        assert "강화" in text or "RL" in text, f"{path} found by 강화 학습 does not mention it"
    page_watch.assert_clean()


@pytest.mark.parametrize("query", ["GPT-4o", "ARC-AGI", "85.3"])
def test_model_names_and_figures_are_found(page_watch, served_site, base_path, built_site, query) -> None:
    paths = search(page_watch.page, served_site, query)
    assert paths, f"{query!r} found nothing"
    containing = [p for p in paths if query in _page_text(built_site, p, base_path)]
    assert containing, f"none of the pages found for {query!r} contains it: {paths}"
    assert containing[0] == paths[0], f"the best result for {query!r} ({paths[0]}) does not contain it"
    page_watch.assert_clean()


@pytest.mark.parametrize(("lang", "queries"), [("ko", ["에이전트", "agent", "reasoning"]),
                                               ("en", ["agent", "reasoning", "에이전트"])])
def test_search_stays_in_its_language(page_watch, served_site, base_path, lang, queries) -> None:
    home = served_site + ("en/" if lang == "en" else "")
    found_any = False
    for query in queries:
        paths = search(page_watch.page, home, query)
        found_any = found_any or bool(paths)
        english = [p for p in paths if p.startswith(base_path + "en/")]
        if lang == "en":
            assert english == paths, f"English search for {query!r} returned Korean pages: {set(paths) - set(english)}"
        else:
            assert not english, f"Korean search for {query!r} returned English pages: {english}"
    assert found_any, f"{lang} search found nothing for {queries}"
    page_watch.assert_clean()
