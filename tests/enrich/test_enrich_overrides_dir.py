"""papers.yml overrides end to end: real Markdown issues in a temporary content folder, the real parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.enrich import load_catalog
from generator.model import Severity

ISSUE_A = """---
date: 2025-10-01
title: 첫 호
---

1.  **Tiny Recursive Model (TRM): 작은 재귀 모델**
    TRM은 작은 네트워크로 추론(reasoning)을 반복합니다.

    [Paper](https://arxiv.org/abs/2510.00001) | [Tweet](Tweet)

2.  **Code World Model**
    Meta의 코드(code) 모델입니다.

    [Paper](Paper)
"""

ISSUE_B = """---
date: 2025-10-08
title: 둘째 호
---

1.  **Recursive Reasoning with Tiny Networks**
    작은 네트워크로 재귀적 추론(reasoning)을 합니다.

    [Paper](https://arxiv.org/abs/2510.00099)

2.  **Code World Models for General Game Playing**
    게임(game) 시뮬레이터를 코드(code)로 작성합니다.

    [Paper](https://arxiv.org/abs/2510.00002)
"""

ISSUE_C = """---
date: 2025-10-15
title: 셋째 호
---

1.  **CWM: 메타의 코드 모델**
    다시 소개하는 코드(code) 모델입니다.

    [Paper](https://arxiv.org/abs/2510.00003)
"""

TOPICS = """topics:
  - id: reasoning
    label_ko: 추론
    label_en: Reasoning
    description_ko: 추론 연구.
    description_en: Reasoning research.
    keywords: [reasoning, 추론]
  - id: code
    label_ko: 코드
    label_en: Code
    description_ko: 코드 연구.
    description_en: Code research.
    keywords: [code, 코드]
  - id: games
    label_ko: 게임
    label_en: Games
    description_ko: 게임 연구.
    description_en: Games research.
    keywords: [game, 게임]
"""

PAPERS = """papers:
  - id: trm                                   # pinned id
    items: ['2025-10-01-a#1']
    aliases: [Recursive Reasoning with Tiny Networks]
    topics: [games]                           # pinned topic
  - items: ['2025-10-01-a#2', '2025-10-15-c#1']   # merge
splits:
  - ['2025-10-01-a#2', '2025-10-08-b#2']
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    (root / "ko").mkdir(parents=True)
    (root / "en").mkdir()
    for name, text in (("2025-10-01-a", ISSUE_A), ("2025-10-08-b", ISSUE_B), ("2025-10-15-c", ISSUE_C)):
        (root / "ko" / f"{name}.md").write_text(text, encoding="utf-8")
    (root / "topics.yml").write_text(TOPICS, encoding="utf-8")
    return root


def ids(catalog) -> dict[str, tuple[str, ...]]:
    return {record.slug: record.paper_ids for record in catalog.issues}


def test_without_papers_yml_only_certain_merges_happen_and_the_rest_is_suggested(content: Path):
    catalog, problems = load_catalog(content)
    assert ids(catalog) == {
        "2025-10-01-a": ("tiny-recursive-model", "code-world-model"),
        "2025-10-08-b": ("recursive-reasoning-with-tiny-networks", "code-world-models-for-general-game-playing"),
        "2025-10-15-c": ("cwm",),
    }
    suggestions = [p.format() for p in problems if "may be the same paper" in p.message]
    assert any(s.startswith(f"{content}/ko/2025-10-08-b.md:6: warning: `Recursive Reasoning with Tiny Networks`")
               and "`items: [2025-10-01-a#1, 2025-10-08-b#1]`" in s for s in suggestions)
    assert any("`- [2025-10-01-a#2, 2025-10-08-b#2]` under `splits:`" in s for s in suggestions)


def test_alias_merge_split_pinned_id_and_pinned_topics(content: Path):
    (content / "papers.yml").write_text(PAPERS, encoding="utf-8")
    catalog, problems = load_catalog(content)
    assert [p.format() for p in problems] == []
    assert ids(catalog) == {
        "2025-10-01-a": ("trm", "code-world-model"),
        "2025-10-08-b": ("trm", "code-world-models-for-general-game-playing"),
        "2025-10-15-c": ("code-world-model",),
    }
    trm = catalog.paper("trm")
    assert trm.topics == ("games", "reasoning")
    assert [a.issue_slug for a in trm.appearances] == ["2025-10-01-a", "2025-10-08-b"]
    assert [(link.kind.value, link.url) for link in trm.links] == [
        ("paper", "https://arxiv.org/abs/2510.00001"), ("paper", "https://arxiv.org/abs/2510.00099"),
        ("tweet", None),
    ]
    meta = catalog.paper("code-world-model")
    assert [(link.kind.value, link.url) for link in meta.links] == [("paper", "https://arxiv.org/abs/2510.00003")]
    # newest first, ties (both last featured on 2025-10-08) by id
    assert [p.id for p in catalog.papers] == ["code-world-model", "code-world-models-for-general-game-playing", "trm"]


def test_digest_check_reports_papers_yml_mistakes_with_lines(content: Path, capsys: pytest.CaptureFixture[str]):
    (content / "papers.yml").write_text(
        "papers:\n"
        "  - id: trm\n"
        "    items: ['2025-10-01-a#1', '2025-10-08-b#9']\n"
        "    topics: [physics]\n"
        "  - items: ['2025-10-01-a#2', '2025-10-08-b#2']\n"
        "splits:\n"
        "  - ['2025-10-01-a#2', '2025-10-08-b#2']\n",
        encoding="utf-8",
    )
    assert main(["check", str(content)]) == 1
    out = capsys.readouterr().out
    shown = f"{content}/papers.yml"
    assert f"{shown}:3: error: issue `2025-10-08-b` has no paper #9" in out
    assert f"{shown}:4: error: unknown topic `physics` — use one of: code, games, reasoning" in out
    assert f"{shown}:5: error: this entry merges 2025-10-01-a#2 and 2025-10-08-b#2, which `splits:` keeps apart" in out
    catalog, problems = load_catalog(content)
    assert sum(p.severity is Severity.ERROR for p in problems) == 3
