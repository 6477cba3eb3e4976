"""The site built from hostile sources: nothing executable in any page, feed or JSON file; hostile
text shown as text; a build with bad files names them all, prints no traceback and writes nothing."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_cases import ERROR_CASES, SAFE_CASES, case_files  # noqa: E402
from hostile_site import TRACEBACK, Scanner, baseline_scanner, make_content, mkdocs_build, page_text  # noqa: E402

from generator.model import visible  # noqa: E402

pytestmark = pytest.mark.slow


def test_scanner_finds_what_it_looks_for(baseline_site: Path, tmp_path: Path) -> None:
    """The scanner is clean on the shipped site and catches each kind of planted payload."""
    assert baseline_scanner(baseline_site).scan_site(baseline_site) == []
    page = next(baseline_site.glob("issues/*/index.html")).read_text(encoding="utf-8")
    planted = {
        "inline script": "<script>alert(1)</script>",
        "event handler": '<img src="x" onerror="alert(1)">',
        "javascript: href": '<a href=" JaVaScript:alert(1)">x</a>',
        "data: src": '<iframe src="data:text/html,x"></iframe>',
        "attribute breakout": '<meta name="description" content="a" onmouseover="alert(1)" x="">',
        "style attribute": '<span style="position:fixed;inset:0">x</span>',
    }
    for what, payload in planted.items():
        site = tmp_path / what.replace(" ", "-")
        (site / "issues" / "x").mkdir(parents=True)
        (site / "issues" / "x" / "index.html").write_text(page.replace("</article>", payload + "</article>", 1),
                                                         encoding="utf-8")
        assert baseline_scanner(baseline_site).scan_site(site), f"{what} not found"
    feed = tmp_path / "feed"
    feed.mkdir()
    (feed / "feed.xml").write_text("<rss><channel><item><description>&lt;script&gt;x&lt;/script&gt;</description>"
                                   "<link>javascript:alert(1)</link></item></channel></rss>", encoding="utf-8")
    assert len(Scanner().scan_site(feed)) == 2


def test_no_executable_content_anywhere(baseline_site: Path, hostile_site: Path) -> None:
    """Every HTML page, feed (also gzipped sitemap), search index and JSON file of both languages."""
    checked = [p for p in hostile_site.rglob("*") if p.suffix in (".html", ".xml", ".json", ".gz")]
    assert any(p.name == "feed.xml" for p in checked) and any(p.name == "search_index.json" for p in checked)
    assert baseline_scanner(baseline_site).scan_site(hostile_site) == []


@pytest.mark.parametrize("case", SAFE_CASES, ids=lambda case: case.name)
@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_hostile_text_is_shown_as_text(case, lang_prefix: str, hostile_site: Path) -> None:
    """Raw HTML is escaped, not dropped: each page shows exactly what the source says."""
    text = page_text(hostile_site, f"{lang_prefix}issues/{Path(case.name).stem}")
    for visible in case.visible:
        assert visible in text


def test_hostile_topic_is_shown_as_text(hostile_site: Path) -> None:
    assert '<script>alert("hostile-topic-label")</script> 주제' in page_text(hostile_site, "topics/hostile-text")
    assert '<img src=x onerror=alert("hostile-topic-label-en")> topic' in page_text(hostile_site, "en/topics/hostile-text")


def test_build_with_errors_names_every_file_and_writes_nothing(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", case_files(ERROR_CASES))
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the site published before", encoding="utf-8")
    proc = mkdocs_build(content, site)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert TRACEBACK not in output
    for case in ERROR_CASES:
        for line, text in case.errors:
            expected = visible(f"{content / 'ko' / case.name}:{line}: error: ")  # control characters escaped
            assert any(row.startswith(expected) and text in row for row in output.splitlines()), expected + text
    assert sorted(p.name for p in site.iterdir()) == ["index.html"], "nothing written, nothing removed"
    assert (site / "index.html").read_text(encoding="utf-8") == "the site published before"


def test_build_of_a_single_bad_file_fails_the_same_way(tmp_path: Path) -> None:
    """One error among good content is enough to stop the build (no partial publication)."""
    content = make_content(tmp_path / "content", case_files(ERROR_CASES[:1]))
    proc = mkdocs_build(content, tmp_path / "site")
    assert proc.returncode != 0 and TRACEBACK not in proc.stdout + proc.stderr
    assert not (tmp_path / "site").exists() or not any((tmp_path / "site").iterdir())


def test_content_copy_is_what_the_build_reads(tmp_path: Path) -> None:
    """Guard of the helpers above: DIGEST_CONTENT_DIR really selects the content folder."""
    content = make_content(tmp_path / "content")
    shutil.rmtree(content / "ko")
    (content / "ko").mkdir()
    (content / "ko" / "empty-file.md").write_bytes(b"")
    proc = mkdocs_build(content, tmp_path / "site")
    assert proc.returncode != 0 and "empty-file.md:1: error: file is empty" in proc.stdout + proc.stderr
