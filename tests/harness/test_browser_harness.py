"""The harness's browser: Debian's Chromium launches, and page_watch catches external requests and errors."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def test_page_watch_records_and_blocks_external_requests(tmp_path: Path, serve_dir, page_watch) -> None:
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><title>t</title><img src="https://example.invalid/x.png" alt="x">'
        "<script>console.error('boom')</script>",
        encoding="utf-8",
    )
    server = serve_dir(tmp_path)
    page_watch.page.goto(server.url)
    assert server.url in page_watch.requests
    assert page_watch.external == ["https://example.invalid/x.png"]
    assert any("boom" in e for e in page_watch.console_errors)
    with pytest.raises(AssertionError, match="example.invalid"):
        page_watch.assert_clean()
    # this test expected the failure: reset so teardown does not fail it again
    page_watch.external.clear()
    page_watch.console_errors.clear()
    page_watch.assert_clean()
