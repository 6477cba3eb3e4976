"""topics.yml loading and topic assignment on hand-built papers."""

from __future__ import annotations

from pathlib import Path

from enrich_builders import issue, paper

from generator.enrich import build_catalog
from generator.enrich.topics import MAX_TOPICS, TopicScorer, load_topics
from generator.model import Severity

TOPICS_YML = """topics:
  - id: general
    label_ko: 일반
    label_en: General
    description_ko: 일반.
    description_en: General.
    keywords: [overview]
  - id: rl
    label_ko: 강화 학습
    label_en: Reinforcement learning
    description_ko: 강화 학습.
    description_en: Reinforcement learning.
    keywords: [RL, reward, 강화 학습, 보상]
  - id: memory
    label_ko: 메모리
    label_en: Memory
    description_ko: 메모리.
    description_en: Memory.
    keywords: [memory, 메모리]
  - id: unused
    label_ko: 미사용
    label_en: Unused
    description_ko: 미사용.
    description_en: Unused.
    keywords: [zebra]
"""


def topics(tmp_path: Path, text: str = TOPICS_YML):
    path = tmp_path / "topics.yml"
    path.write_text(text, encoding="utf-8")
    return load_topics(path, "content/topics.yml")


def test_keywords_in_titles_weigh_more_and_match_whole_english_words(tmp_path: Path):
    loaded, problems = topics(tmp_path)
    assert problems == []
    scorer = TopicScorer.of(loaded)
    assert scorer.scores(["Webscale-RL"], ["보상과 강화 학습, rewards"]) == [0, 4 + 1 + 1 + 1, 0, 0]
    assert scorer.scores(["CURL and URLs"], ["memorymemory"]) == [0, 0, 0, 0]   # no partial English words
    assert scorer.assign([paper(1, "RL with memory", body="memory memory 메모리 reward")]) == ("memory", "rl")


def test_pins_come_first_and_at_most_four_topics(tmp_path: Path):
    loaded, _ = topics(tmp_path)
    scorer = TopicScorer.of(loaded)
    item = paper(1, "RL memory overview zebra", body="")
    assert scorer.assign([item], ["unused"])[0] == "unused"
    assert len(scorer.assign([item], ["general", "rl", "memory", "unused"])) == MAX_TOPICS


def test_paper_without_keyword_falls_back_and_empty_topics_are_not_published(tmp_path: Path):
    loaded, _ = topics(tmp_path)
    ko = issue("2025-10-01-a", "2025-10-01", [paper(1, "Something else entirely", body="nothing"),
                                               paper(2, "Memory networks", body="memory")])
    catalog, problems = build_catalog([ko], [], loaded)
    assert catalog.paper("something-else-entirely").topics == ("general",)
    assert [t.id for t in catalog.topics] == ["general", "memory"]                  # rl and unused are empty
    messages = [p.format() for p in problems]
    assert any("x.md:10: warning: no topic keyword matches paper `something-else-entirely`" in m for m in messages)
    assert any(m.startswith("content/topics.yml:20: warning: topic `unused` has no paper") for m in messages)


def test_topics_yml_mistakes_are_reported_with_lines(tmp_path: Path):
    loaded, problems = topics(tmp_path, """topics:
  - id: ok
    label_ko: 좋음
    label_en: OK
    description_ko: 좋음.
    description_en: OK.
    keywords: [ok]
  - id: Bad Id
    label_ko: 나쁨
    label_en: Bad
    description_ko: 나쁨.
    description_en: Bad.
    keywords: [bad]
  - id: ok
    label_ko: 중복
    label_en: Duplicate
    description_ko: 중복.
    description_en: Duplicate.
    keywords: [dup]
  - id: partial
    label_en: Partial
    colour: red
""")
    assert [t.id for t in loaded] == ["ok"]
    formatted = [p.format() for p in problems]
    assert all(p.severity is Severity.ERROR for p in problems)
    assert any(f.startswith("content/topics.yml:8: error: invalid topic id `Bad Id`") for f in formatted)
    assert any(f.startswith("content/topics.yml:14: error: topic id `ok` is defined twice") for f in formatted)
    assert any(f.startswith("content/topics.yml:22: error: unknown key `colour`") for f in formatted)
    assert any(f.startswith("content/topics.yml:20: error: topic `partial` lacks label_ko, description_ko, "
                            "description_en, keywords") for f in formatted)
    _, broken = topics(tmp_path, "topics: [\n")
    assert broken[0].format().startswith("content/topics.yml:2: error: invalid YAML")


def test_a_topic_called_index_is_refused(tmp_path: Path):
    loaded, problems = topics(tmp_path, """topics:
  - id: index
    label_ko: 색인
    label_en: Index
    description_ko: 색인.
    description_en: Index.
    keywords: [index]
""")
    assert loaded == ()
    assert [p.format().split(" — ")[0] for p in problems] == [
        "content/topics.yml:2: error: topic id `index` is a reserved name: /topics/index/ is the index of all topics"]
