"""``topics.yml`` and ``papers.yml`` are checked against their JSON Schemas (``generator/schemas/*-yml``):
each violation is one ``path:line:`` message with a hint, and the entries with problems are left out."""

from __future__ import annotations

from pathlib import Path

from generator.enrich.topics import load_topics

TOPICS = """topics:
  - id: ok
    label_ko: 좋음
    label_en: OK
    description_ko: 좋음.
    description_en: OK.
    keywords: 좋은
  - id: 2024
    label_ko: 숫자
    label_en: Number
    description_ko: 숫자.
    description_en: Number.
    keywords: [number]
  - id: empty
    label_ko: 빈
    label_en: Empty
    description_ko: 빈.
    description_en: ""
    keywords: {a: 1}
  - just a line
"""


def _messages(problems) -> list[str]:
    return [p.format() for p in problems]


def test_topics_schema_violations_name_the_line_and_say_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "topics.yml").write_text(TOPICS, encoding="utf-8")
    topics, problems = load_topics(tmp_path / "topics.yml", "content/topics.yml")
    assert [(t.id, t.keywords) for t in topics] == [("ok", ("좋은",))]  # a single keyword may be a text
    assert _messages(problems) == [
        "content/topics.yml:8: error: topic id must be a text — use lowercase ASCII letters, digits and single hyphens",
        "content/topics.yml:18: error: `description_en` is empty — write one line of text",
        "content/topics.yml:19: error: keywords must be a list or a text — write `keywords: [agent, 에이전트]`",
        "content/topics.yml:20: error: topic must be a mapping of `key: value` lines — every topic needs an id, "
        "Korean and English labels and descriptions, and keywords",
    ]


def test_topics_file_without_a_topics_list(tmp_path: Path) -> None:
    (tmp_path / "topics.yml").write_text("topic:\n  - id: typo\n", encoding="utf-8")
    topics, problems = load_topics(tmp_path / "topics.yml", "content/topics.yml")
    assert topics == ()
    assert _messages(problems) == [
        "content/topics.yml:1: error: content/topics.yml lacks topics — write `topics:` followed by `- id: …` entries",
        "content/topics.yml:1: error: unknown key `topic` in content/topics.yml — use only topics",
    ]
