"""The preview renders again only what a save changed, and what it does not render is exactly what a clean build
makes: after each of a series of edits (an issue, ``topics.yml``, ``papers.yml``, a site template, a message
catalog) the preview's folder equals a clean ``mkdocs build`` byte for byte, and the preview reused pages."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator import i18n
from generator.render import TEMPLATES_DIR

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def _tree(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "project"
    shutil.copytree(ROOT / "content", folder / "content")
    shutil.copyfile(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    (folder / "templates").mkdir()
    shutil.copyfile(TEMPLATES_DIR / "paper.html", folder / "templates" / "paper.html")
    shutil.copytree(ROOT / "generator" / "locales", folder / "locales")
    monkeypatch.setattr(i18n, "LOCALES_DIR", folder / "locales")
    for name in ("DIGEST_CONTENT_DIR", "DIGEST_DRAFTS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:8000/")
    yield folder


def _edits(project: Path) -> list[tuple[str, Callable[[], None]]]:
    content = project / "content"
    issue = content / "ko" / "2025-10-13-llm-watch-7-papers-you-should-know.md"
    return [
        ("an issue", lambda: _replace(issue, "인공 해마 네트워크", "인공 해마 네트워크(편집)")),
        ("topics.yml", lambda: _replace(content / "topics.yml", "label_ko: AI 에이전트", "label_ko: AI 에이전트들")),
        ("papers.yml", lambda: _replace(content / "papers.yml", "topics: [reasoning, efficiency]",
                                        "topics: [reasoning]")),
        ("a template", lambda: _replace(project / "templates" / "paper.html", "\n", "\n<!-- edited -->\n")),
        ("a new template", lambda: (project / "templates" / "issue.html").write_text(
            "<!-- the site's own -->\n" + (TEMPLATES_DIR / "issue.html").read_text(encoding="utf-8"), encoding="utf-8")),
        ("a catalog", lambda: _replace(project / "locales" / "ko" / "LC_MESSAGES" / "messages.po",
                                       'msgstr "아카이브"', 'msgstr "지난 호"')),
    ]


@pytest.mark.parametrize("first", ["search", "digest"])
def test_every_preview_rebuild_equals_a_clean_build(project: Path, tmp_path: Path, first: str) -> None:
    """``first``: the plugin listed first in ``plugins:`` (the search entries must not depend on the order)."""
    config_file = str(project / "mkdocs.yml")
    if first == "digest":
        text = (project / "mkdocs.yml").read_text(encoding="utf-8")
        search = text[text.index("  - search:"):text.index("  - digest:")]
        digest = text[text.index("  - digest:"):text.index("\n\n", text.index("  - digest:")) + 1]
        (project / "mkdocs.yml").write_text(text.replace(search + digest, digest + search), encoding="utf-8")
        assert text != (project / "mkdocs.yml").read_text(encoding="utf-8")
    preview = Path(tempfile.mkdtemp(prefix="mkdocs_"))  # where `mkdocs serve` builds: the plugin knows it
    try:
        build(load_config(config_file, site_dir=str(preview)))
        for step, (what, edit) in enumerate(_edits(project)):
            edit()
            config = load_config(config_file, site_dir=str(preview))
            build(config)
            reused = config.plugins["digest"].reused_pages
            clean = tmp_path / f"clean-{step}"
            build(load_config(config_file, site_dir=str(clean)))
            ours, theirs = _tree(preview), _tree(clean)
            assert sorted(ours) == sorted(theirs), what
            assert [name for name in ours if ours[name] != theirs[name]] == [], f"after editing {what}"
            if what == "an issue":
                assert reused > 50, "an edit to one issue leaves most pages as they were"
        assert "지난 호" in (preview / "index.html").read_text(encoding="utf-8"), "the catalog edit shows"
        assert "<!-- edited -->" in next((preview / "papers").glob("*/index.html")).read_text(encoding="utf-8")
        assert "<!-- the site's own -->" in next((preview / "issues").glob("2025-*/index.html")).read_text(
            encoding="utf-8"), "a template added to the site's folder is used at once"
    finally:
        shutil.rmtree(preview, ignore_errors=True)
