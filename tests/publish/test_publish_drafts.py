"""Drafts (``draft: true``, written by ``digest new``): ``mkdocs build`` leaves them out of every page, feed,
sitemap, API file and search index; ``DIGEST_DRAFTS=1`` builds them, with a banner on the issue and a badge in
the lists."""

from __future__ import annotations

import datetime as _dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.importer import new_issue

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SLUG = "2025-12-07-draft-week"
TITLE = "초안 주간 논문 모음"


def _build(content: Path, site: Path, **env: str) -> str:
    environ = {k: v for k, v in os.environ.items() if k != "DIGEST_DRAFTS"}
    environ.update(DIGEST_CONTENT_DIR=str(content), NO_MKDOCS_2_WARNING="1", **env)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=ROOT,
                          env=environ, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("drafts") / "content"
    shutil.copytree(ROOT / "content", root)
    written, problems = new_issue(root, _dt.date(2025, 12, 7), TITLE, slug="draft-week")
    assert written is not None and written.name == f"{SLUG}.md", problems
    return root


def _everything(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(site.rglob("*"))
                     if p.is_file() and p.suffix in (".html", ".xml", ".json"))


def test_a_build_leaves_drafts_out_of_everything(content: Path, tmp_path: Path) -> None:
    out = _build(content, tmp_path / "site")
    site = tmp_path / "site"
    assert not (site / "issues" / SLUG).exists() and not (site / "en" / "issues" / SLUG).exists()
    text = _everything(site)
    assert SLUG not in text and TITLE not in text and "example-paper-title" not in text
    assert "Example Paper Title" not in text, "its paper has no page either"
    assert (site / "issues").is_dir() and "feed.xml" in {p.name for p in site.iterdir()}
    assert f"ko/{SLUG}.md:1: info: a draft, left out of this build" in out


def test_drafts_asked_for_are_built_with_a_banner(content: Path, tmp_path: Path) -> None:
    _build(content, tmp_path / "site", DIGEST_DRAFTS="1")
    site = tmp_path / "site"
    page = BeautifulSoup((site / "issues" / SLUG / "index.html").read_text(encoding="utf-8"), "html.parser")
    banner = page.select_one(".digest-draft")
    assert banner is not None and banner.select_one("code").text == "draft: true"
    assert page.select_one("h1#issue-title").text == TITLE
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one(".digest-latest .digest-badge--draft").text == "초안"
    english = BeautifulSoup((site / "en" / "issues" / SLUG / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert english.select_one(".digest-draft .admonition-title").text == "Draft"
    others = [p for p in (site / "issues").glob("*/index.html") if p.parent.name != SLUG]
    assert others and not any("digest-draft" in p.read_text(encoding="utf-8") for p in others)
