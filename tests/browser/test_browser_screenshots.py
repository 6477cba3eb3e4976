"""Screenshots of home, an issue and a paper page in Korean and English at phone (390 px) and desktop (1280 px)
width, written to tests/artifacts/screenshots/ for people to look at; and Korean text must really be drawn with
a Korean font (fonts-nanum on Debian), not with tofu boxes or a fallback that lacks Hangul."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WIDTHS = {390: 844, 1280: 800}
KINDS = ("home", "issue", "paper")
# marks the first element in the article whose own text has Hangul syllables, for fonts_drawing
MARK_HANGUL = """() => {
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (/[\uac00-\ud7a3]/.test(n.textContent)) { n.parentElement.setAttribute('data-hangul-probe', ''); return; }
  }
  throw new Error('no Hangul text in the article');
}"""
KOREAN_FONTS = ("nanum", "noto sans kr", "noto sans cjk", "apple sd gothic", "malgun")


def fonts_drawing(page, selector: str) -> dict[str, int]:
    """The platform fonts Chromium actually used to draw the text of ``selector`` -> glyph count (DevTools CSS)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, f"{page.url}: nothing matches {selector}"
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    cdp.detach()
    return {f["familyName"]: f["glyphCount"] for f in fonts}


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_screenshots(page_watch, served_site, site_pages, screenshot_dir, lang, width) -> None:
    page = page_watch.page
    page.set_viewport_size({"width": width, "height": WIDTHS[width]})
    pages = site_pages.one_of_each(lang)
    for kind in KINDS:
        page.goto(served_site + pages[kind].lstrip("/"), wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        target = screenshot_dir / f"{lang}-{kind}-{width}.png"
        page.screenshot(path=str(target), full_page=False)
        assert target.stat().st_size > 10_000, f"{target} is suspiciously small"
        if lang == "ko":
            page.evaluate(MARK_HANGUL)
            used = fonts_drawing(page, "[data-hangul-probe]")
            korean = {name: n for name, n in used.items() if any(k in name.lower() for k in KOREAN_FONTS)}
            assert korean, f"{page.url}: the Korean heading is drawn with {used}, no Korean font (apt-get install fonts-nanum)"
    page_watch.assert_clean()
