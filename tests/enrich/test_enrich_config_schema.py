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
        "content/topics.yml:1: error: the file lacks topics — write `topics:` followed by `- id: …` entries",
        "content/topics.yml:1: error: unknown key `topic` in the file — use only topics",
    ]


def test_papers_yml_entries_with_an_unknown_key_stay_and_texts_may_be_single(tmp_path: Path) -> None:
    from generator.enrich.overrides import load_overrides

    (tmp_path / "papers.yml").write_text(
        "papers:\n"
        "  - id: trm\n"
        "    items: 2025-10-12-a#1\n"
        "    aliases: Tiny Recursive Model\n"
        "    topics: reasoning\n"
        "    note: merged by hand\n"
        "  - id: broken\n"
        "    items: [2025-10-12-a#0]\n"
        "splits:\n"
        "  - [2025-10-12-a#2, 2025-10-20-c#1]\n",
        encoding="utf-8",
    )
    overrides, problems = load_overrides(tmp_path / "papers.yml", "content/papers.yml")
    assert _messages(problems) == [
        "content/papers.yml:6: error: unknown key `note` in paper entry `trm` — use only id, items, aliases, topics",
        "content/papers.yml:8: error: invalid item reference `2025-10-12-a#0` — write `<issue-slug>#<position>`, "
        "e.g. `2025-10-12-dair-top-ai-papers-oct-6-12#1`",
    ]
    (trm,) = overrides.papers  # the broken entry is left out, the one with an unknown key is kept
    assert (trm.id, [str(ref) for ref in trm.items], trm.aliases, trm.topics) == \
        ("trm", ["2025-10-12-a#1"], ("Tiny Recursive Model",), ("reasoning",))
    assert [loc.line for loc in trm.topic_locations] == [5]
    assert [[str(ref) for ref in split.items] for split in overrides.splits] == [["2025-10-12-a#2", "2025-10-20-c#1"]]
