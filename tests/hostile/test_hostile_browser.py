"""The hostile site in a real browser (Debian's Chromium): no payload of the corpus runs — no dialog
opens, no request leaves 127.0.0.1 (``<iframe src=https://evil.example>`` would), no console error —
on the issue, paper and topic pages of both languages, and in Material's search results, which are
rendered from the search index as HTML."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_cases import SAFE_CASES  # noqa: E402
from hostile_site import build_hostile  # noqa: E402

pytestmark = pytest.mark.browser

HOSTILE_SLUGS = tuple(Path(case.name).stem for case in SAFE_CASES)


@pytest.fixture(scope="module")
def hostile_served(hostile_content: Path, serve_dir) -> tuple[str, Path]:
    """The hostile site built for, and served at, a loopback URL: ``(base URL, site dir)``."""
    site = hostile_content.parent / "site-served"
    server = serve_dir(site)
    build_hostile(hostile_content, site, SITE_URL=server.url)
    return server.url, site


def _hostile_pages(site: Path) -> list[str]:
    papers = json.loads((site / "api" / "papers.json").read_text(encoding="utf-8"))["papers"]
    paths = [f"issues/{slug}/" for slug in HOSTILE_SLUGS]
    paths += [f"papers/{p['id']}/" for p in papers if set(p["issues"]) & set(HOSTILE_SLUGS)]
    paths += ["topics/hostile-text/", "", "archive/"]
    return [prefix + path for prefix in ("", "en/") for path in paths]


def _watch_dialogs(page) -> list[str]:  # noqa: ANN001 - playwright Page
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:  # noqa: ANN001
        dialogs.append(f"{page.url}: {dialog.type} {dialog.message!r}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return dialogs


def test_no_payload_runs_on_any_hostile_page(page_watch, hostile_served) -> None:
    base, site = hostile_served
    page = page_watch.page
    dialogs = _watch_dialogs(page)
    pages = _hostile_pages(site)
    assert len(pages) > 2 * len(HOSTILE_SLUGS)
    for path in pages:
        page.goto(base + path)
        page.wait_for_load_state("load")
        page.locator("article h1").first.wait_for()  # the page is still there (no script replaced the body)
        page.mouse.move(200, 300)  # hover over the content: onmouseover payloads, were they attributes
    assert dialogs == []
    page_watch.assert_clean()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_no_payload_runs_in_search_results(page_watch, hostile_served, prefix: str) -> None:
    base, _ = hostile_served
    page = page_watch.page
    dialogs = _watch_dialogs(page)
    page.goto(base + prefix)
    box = page.locator(".md-search__input")
    if not box.is_visible():
        page.locator('label.md-header__button[for="__search"]').click()
    box.click()
    box.fill("hostile")
    box.press("End")
    results = page.locator(".md-search-result__list > li")
    results.first.wait_for()
    assert results.count() >= 3
    assert "hostile" in page.locator(".md-search-result").inner_text().lower()
    assert dialogs == []
    page_watch.assert_clean()
