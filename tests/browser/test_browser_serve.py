"""``mkdocs serve`` as an editor sees it, in Chromium: a draft shows with its banner, a broken file turns the page
into the list of errors (the preview does not hang), and the next good save brings the site back by itself."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from generator.importer import new_issue

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SLUG = "2025-12-07-dec-1-7"
WAIT_MS = 60_000
"""How long a test waits for the preview to change (the latency itself is measured by the benchmark)."""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Preview:
    """A running ``mkdocs serve`` of a copy of the content, with one draft made by ``digest new``."""

    def __init__(self, content: Path, url: str, proc: subprocess.Popen[str], log: Path) -> None:
        self.content, self.url, self.proc, self.log = content, url, proc, log

    @property
    def draft(self) -> Path:
        return self.content / "ko" / f"{SLUG}.md"


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    written, problems = new_issue(content, __import__("datetime").date(2025, 12, 7), "12월 첫째 주 AI 논문",
                                  slug="dec-1-7")
    assert written is not None, problems
    port = _free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "DIGEST_CONTENT_DIR": str(content), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("DIGEST_DRAFTS", None)
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-strict", "-a", f"127.0.0.1:{port}"],
                                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 180
        while "Serving on" not in log.read_text(encoding="utf-8"):
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text(encoding="utf-8")[-3000:]
            time.sleep(0.2)
        yield Preview(content, f"http://127.0.0.1:{port}/", proc, log)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_a_draft_shows_in_the_preview_and_errors_show_in_the_browser(page, preview: Preview) -> None:
    page.goto(f"{preview.url}issues/{SLUG}/")
    expect(page.locator(".digest-draft")).to_be_visible()
    expect(page.locator(".digest-draft code")).to_have_text("draft: true")
    expect(page.locator("h1#issue-title")).to_have_text("12월 첫째 주 AI 논문")

    good = preview.draft.read_text(encoding="utf-8")
    preview.draft.write_text(good.replace("date: 2025-12-07", "date 2025-12-07", 1), encoding="utf-8")
    # the open page reloads by itself (the preview's reload script) and lists the error, relative to nothing
    # else than the file the editor opened, at the line of the mistake
    errors = page.locator("ol.digest-errors li")
    expect(errors).to_have_count(1, timeout=WAIT_MS)
    expect(errors.first).to_contain_text(f"{preview.draft}:2")
    expect(errors.first).to_contain_text("no `:` after its key")
    expect(page.locator("h1#content-errors")).to_have_text(re.compile("오류가 1개"))
    english = page.context.new_page()
    english.goto(f"{preview.url}en/papers/")
    expect(english.locator("h1#content-errors")).to_be_visible()

    preview.draft.write_text(good, encoding="utf-8")
    expect(page.locator(".digest-draft")).to_be_visible(timeout=WAIT_MS)
    expect(page.locator("h1#issue-title")).to_have_text("12월 첫째 주 AI 논문")
    english.reload()
    expect(english.locator("h1")).not_to_have_text(re.compile("error"))
    assert preview.proc.poll() is None, "the preview keeps running"
