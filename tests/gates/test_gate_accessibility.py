"""Gate (issue #5): axe-core reports 0 serious/critical violations on home, archive, an issue, a paper and a topic
page, in both languages, in Material's light and dark palette."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

KINDS = ("home", "archive", "issue", "paper", "topic")
BLOCKING = {"serious", "critical"}
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}
CHECKED_PALETTE = "document.querySelector('form[data-md-component=palette] input:checked')?.id"
PALETTE_CHANGED = f"id => {CHECKED_PALETTE} !== id"


def use_palette(page, scheme: str) -> None:
    """Switch Material's palette to ``scheme`` (``default``/``slate``) with its own header toggle, as a reader
    would; the choice is kept in localStorage for the rest of the context."""
    for _ in range(4):
        if page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme:
            return
        toggle = page.locator('form[data-md-component="palette"] label:not([hidden])').first
        assert toggle.count(), "no palette toggle in the header: the site must offer a dark scheme"
        current = page.evaluate(CHECKED_PALETTE)
        toggle.click()
        page.wait_for_function(PALETTE_CHANGED, arg=current)  # the toggle's own change, not a fixed pause
    pytest.fail(f"palette toggle never reached scheme {scheme!r}")


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_no_serious_axe_violations(axe, page_watch, served_site, site_pages, lang, scheme) -> None:
    page = page_watch.page
    page.emulate_media(color_scheme=scheme)
    pages = site_pages.one_of_each(lang)
    failures = []
    for kind in KINDS:
        url = served_site + pages[kind].lstrip("/")
        page.goto(url, wait_until="load")
        use_palette(page, MATERIAL_SCHEME[scheme])
        results = axe.run(page, options={"resultTypes": ["violations"]})
        for v in results.response["violations"]:
            if v.get("impact") in BLOCKING:
                targets = "; ".join(" ".join(n["target"]) if isinstance(n["target"], list) else str(n["target"])
                                    for n in v["nodes"][:5])
                failures.append(f"{url} [{scheme}]: {v['impact']}: {v['id']}: {v['help']} ({len(v['nodes'])}x: {targets})")
    assert not failures, "axe violations:\n" + "\n".join(failures)
    page_watch.assert_clean()
