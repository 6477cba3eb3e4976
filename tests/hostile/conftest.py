"""Fixtures shared by the hostile tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_cases import SAFE_CASES, case_files  # noqa: E402
from hostile_site import build_hostile, make_content, mkdocs_build  # noqa: E402

HOSTILE_TOPIC = """
  - id: hostile-text
    label_ko: '<script>alert("hostile-topic-label")</script> 주제'
    label_en: '<img src=x onerror=alert("hostile-topic-label-en")> topic'
    description_ko: '" onmouseover="alert(1)" x=" 설명입니다.'
    description_en: '</title><script>alert(1)</script> description.'
    keywords: [hostile corpus, Hostile]
"""
"""A topic whose labels and descriptions (page titles, meta tags, feed titles) are hostile."""


@pytest.fixture(scope="session")
def baseline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content, built with ``--strict`` from a copy: its inline scripts are the templates' own."""
    base = tmp_path_factory.mktemp("hostile-baseline")
    proc = mkdocs_build(make_content(base / "content"), base / "site")
    assert proc.returncode == 0, proc.stderr[-4000:]
    return base / "site"


@pytest.fixture(scope="session")
def hostile_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content plus every case that must render safely — also as its own English
    translation — and a topic with hostile labels."""
    files = case_files(SAFE_CASES)
    content = make_content(tmp_path_factory.mktemp("hostile-safe") / "content", files)
    for name, data in files.items():
        (content / "en" / name).write_bytes(data)
    with (content / "topics.yml").open("a", encoding="utf-8") as topics:
        topics.write(HOSTILE_TOPIC)
    return content


@pytest.fixture(scope="session")
def hostile_site(hostile_content: Path) -> Path:
    """:func:`hostile_content`, built with the configured ``site_url``."""
    return build_hostile(hostile_content, hostile_content.parent / "site")
