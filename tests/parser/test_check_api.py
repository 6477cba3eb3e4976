""":mod:`generator.check`: which files ``digest check`` reads and which problems it returns."""

from __future__ import annotations

from pathlib import Path

from generator.check import check_paths, collect_files, content_root

ISSUE = """---
date: 2025-11-16
title: 테스트 호
---

## 1. 첫 논문 (First Paper)

첫 논문은 무언가를 보인다.

[논문](https://arxiv.org/abs/2501.00001)

## 2. 둘째 논문 (Second Paper)

둘째 논문도 무언가를 보인다.

[논문](https://arxiv.org/abs/2501.00002)
"""

TOPICS = """topics:
  - id: agents
    label_ko: 에이전트
    label_en: Agents
    description_ko: 에이전트.
    description_en: Agents.
    keywords: [agent]
"""


def _content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    (root / "ko").mkdir(parents=True)
    (root / "ko" / "2025-11-16-test.md").write_text(ISSUE, encoding="utf-8")
    (root / "ko" / "README.md").write_text("# not an issue\n", encoding="utf-8")
    (root / "topics.yml").write_text(TOPICS, encoding="utf-8")
    return root


def test_collect_files_skips_readme_and_reports_missing_paths(tmp_path: Path) -> None:
    root = _content(tmp_path)
    files, problems = collect_files([str(root), str(tmp_path / "nope.md")])
    assert files == [root / "ko" / "2025-11-16-test.md"]
    assert [p.format() for p in problems] == [f"{tmp_path / 'nope.md'}:1: error: no such file or directory — check the path"]


def test_content_root_is_found_from_a_file_or_a_language_folder(tmp_path: Path) -> None:
    root = _content(tmp_path)
    assert content_root(root / "ko" / "2025-11-16-test.md") == root
    assert content_root(root / "ko") == root
    assert content_root(tmp_path / "elsewhere") is None


def test_check_paths_adds_cross_file_problems_once_per_content_folder(tmp_path: Path) -> None:
    root = _content(tmp_path)
    problems = check_paths([str(root / "ko"), str(root / "ko" / "2025-11-16-test.md")])
    messages = [p.format() for p in problems]
    # neither paper mentions an agent: both are filed under the only topic, each warned about once
    filed = [m for m in messages if "no topic keyword matches" in m]
    assert len(filed) == 2 and all(m.startswith(f"{root / 'ko' / '2025-11-16-test.md'}:") for m in filed)
    assert not [m for m in messages if ": error: " in m]
