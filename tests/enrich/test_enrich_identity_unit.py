"""Paper identity on hand-built issues: automatic merges, overrides, ids."""

from __future__ import annotations

from pathlib import Path

from enrich_builders import issue, paper

from generator.catalog_model import Topic
from generator.enrich import build_catalog
from generator.enrich.identity import core_name, slug_for
from generator.enrich.overrides import load_overrides
from generator.model import LinkKind, Location, Severity

TOPICS = (
    Topic("reasoning", "추론", "Reasoning", "추론.", "Reasoning.", ("reasoning", "추론"), Location("t.yml", 2)),
    Topic("memory", "메모리", "Memory", "메모리.", "Memory.", ("memory", "메모리"), Location("t.yml", 9)),
)


def ids_by_item(catalog):
    return {(issue.slug, i + 1): pid for issue in catalog.issues for i, pid in enumerate(issue.paper_ids)}


def test_core_name_drops_acronym_and_subtitle():
    assert core_name("Tiny Recursive Model (TRM): A new approach") == "tiny recursive model"
    assert core_name("Agentic Context Engineering: Evolving Contexts") == "agentic context engineering"
    assert slug_for("Tiny Recursive Model (TRM)") == "tiny-recursive-model"


def test_acronym_subtitle_and_prefix_forms_merge_automatically():
    a = issue("2025-10-12-a", "2025-10-12", [
        paper(1, "Agentic Context Engineering (ACE): 플레이북", title_en="Agentic Context Engineering (ACE)"),
        paper(2, "Artificial Hippocampus Networks (AHN)", body="memory"),
    ])
    b = issue("2025-10-13-b", "2025-10-13", [
        paper(1, "Artificial Hippocampus Networks for Efficient Long-Context Modeling", body="memory"),
        paper(2, "Agentic Context Engineering: Evolving Contexts for Self-Improving Language Models"),
    ])
    catalog, problems = build_catalog([a, b], [], TOPICS)
    ids = ids_by_item(catalog)
    assert ids[("2025-10-12-a", 1)] == ids[("2025-10-13-b", 2)] == "agentic-context-engineering"
    assert ids[("2025-10-12-a", 2)] == ids[("2025-10-13-b", 1)] == "artificial-hippocampus-networks"
    assert len(catalog.papers) == 2
    record = catalog.paper("artificial-hippocampus-networks")
    assert [a.issue_slug for a in record.appearances] == ["2025-10-12-a", "2025-10-13-b"]


def test_similar_names_with_different_words_stay_apart_and_are_reported():
    a = issue("2025-09-28-a", "2025-09-28", [paper(1, "Code World Model", body="code")])
    b = issue("2025-10-13-b", "2025-10-13", [paper(1, "Code World Models for General Game Playing")])
    catalog, problems = build_catalog([a, b], [], TOPICS)
    assert {p.id for p in catalog.papers} == {"code-world-model", "code-world-models-for-general-game-playing"}
    warnings = [p for p in problems if "may be the same paper" in p.message]
    assert len(warnings) == 1
    assert warnings[0].location == b.papers[0].location
    assert "splits:" in warnings[0].hint and "2025-09-28-a#1" in warnings[0].hint


def test_same_arxiv_id_merges_but_never_within_one_issue():
    url = "https://arxiv.org/abs/2510.04871"
    a = issue("2025-10-12-a", "2025-10-12", [paper(1, "Tiny Recursive Model", links=((LinkKind.PAPER, url),)),
                                              paper(2, "Other", links=((LinkKind.PAPER, url),))])
    b = issue("2025-10-13-b", "2025-10-13", [paper(1, "Recursive Reasoning with Tiny Networks",
                                                   links=((LinkKind.PAPER, url.replace("abs", "pdf")),))])
    catalog, _ = build_catalog([a, b], [], TOPICS)
    ids = ids_by_item(catalog)
    assert ids[("2025-10-12-a", 1)] == ids[("2025-10-13-b", 1)]
    assert ids[("2025-10-12-a", 2)] != ids[("2025-10-12-a", 1)]


def test_overrides_alias_merge_split_pinned_id_and_topics(tmp_path: Path):
    a = issue("2025-10-12-a", "2025-10-12", [paper(1, "Tiny Recursive Model (TRM)", body="reasoning"),
                                              paper(2, "Code World Model", body="memory")])
    b = issue("2025-10-13-b", "2025-10-13", [paper(1, "Recursive Reasoning with Tiny Networks", body="reasoning"),
                                              paper(2, "Memory Forcing", body="memory")])
    c = issue("2025-10-20-c", "2025-10-20", [paper(1, "Code World Model", body="memory"),
                                              paper(2, "Forcing Memory", body="memory")])
    (tmp_path / "papers.yml").write_text(
        "papers:\n"
        "  - id: trm\n"
        "    aliases: [Recursive Reasoning with Tiny Networks]\n"
        "    items: ['2025-10-12-a#1']\n"
        "    topics: [memory]\n"
        "  - items: ['2025-10-13-b#2', '2025-10-20-c#2']\n"
        "splits:\n"
        "  - ['2025-10-12-a#2', '2025-10-20-c#1']\n",
        encoding="utf-8",
    )
    overrides, problems = load_overrides(tmp_path / "papers.yml")
    assert problems == []
    catalog, problems = build_catalog([a, b, c], [], TOPICS, overrides)
    assert [p for p in problems if p.severity is Severity.ERROR] == []
    ids = ids_by_item(catalog)
    assert ids[("2025-10-12-a", 1)] == ids[("2025-10-13-b", 1)] == "trm"          # alias + pinned id
    assert catalog.paper("trm").topics[0] == "memory"                             # pinned topic first
    assert "reasoning" in catalog.paper("trm").topics                             # keywords still count
    assert ids[("2025-10-13-b", 2)] == ids[("2025-10-20-c", 2)] == "memory-forcing"  # merge
    assert ids[("2025-10-12-a", 2)] != ids[("2025-10-20-c", 1)]                   # split despite same title
    assert {ids[("2025-10-12-a", 2)], ids[("2025-10-20-c", 1)]} == {"code-world-model", "code-world-model-2"}


def test_papers_yml_errors_have_lines(tmp_path: Path):
    (tmp_path / "papers.yml").write_text(
        "papers:\n"
        "  - id: Not An Id\n"
        "    items: ['nope']\n"
        "  - id: x\n"
        "    items: ['2025-10-12-a#7', 'missing-issue#1']\n"
        "    topics: [nonexistent]\n"
        "    colour: red\n",
        encoding="utf-8",
    )
    overrides, problems = load_overrides(tmp_path / "papers.yml", "content/papers.yml")
    a = issue("2025-10-12-a", "2025-10-12", [paper(1, "Only")])
    _, more = build_catalog([a], [], TOPICS, overrides)
    formatted = sorted(p.format() for p in problems + more if p.severity is Severity.ERROR)
    assert any(f.startswith("content/papers.yml:2: error: invalid paper id") for f in formatted)
    assert any(f.startswith("content/papers.yml:3: error: invalid item reference `nope`") for f in formatted)
    assert any(f.startswith("content/papers.yml:5: error: issue `2025-10-12-a` has no paper #7") for f in formatted)
    assert any(f.startswith("content/papers.yml:5: error: no issue `missing-issue`") for f in formatted)
    assert any(f.startswith("content/papers.yml:6: error: unknown topic `nonexistent`") for f in formatted)
    assert any(f.startswith("content/papers.yml:7: error: unknown key `colour`") for f in formatted)


def test_english_title_from_translation_and_missing_translation():
    ko = issue("2025-10-12-a", "2025-10-12", [paper(1, "작은 모델", title_ko="작은 모델", title_en="Tiny Model"),
                                               paper(2, "메모리 연구", title_ko="메모리 연구")])
    en = issue("2025-10-12-a", "2025-10-12", [paper(1, "Tiny Model: small and good", title_en="Tiny Model: small and good"),
                                               paper(2, "Memory research")], lang="en")
    other = issue("2025-10-20-b", "2025-10-20", [paper(1, "Reasoning", body="reasoning")])
    catalog, _ = build_catalog([ko, other], [en], TOPICS)
    assert catalog.paper("tiny-model").title_en == "Tiny Model: small and good"
    assert catalog.paper("tiny-model").title_ko == "작은 모델"
    assert [r.slug for r in catalog.issues] == ["2025-10-20-b", "2025-10-12-a"]
    assert catalog.issues[1].en is en and catalog.issues[0].en is None
    assert catalog.issues[0].is_translated("en") is False
    assert [p.id for p in catalog.papers][0] == "reasoning"   # newest first


def test_english_title_prefers_a_translation_even_of_an_older_issue():
    ko_old = issue("2025-10-01-a", "2025-10-01", [paper(1, "Tiny Recursive Model (TRM)", body="reasoning")])
    en_old = issue("2025-10-01-a", "2025-10-01", [paper(1, "Tiny Recursive Model (TRM): small and good")], lang="en")
    ko_new = issue("2025-10-08-b", "2025-10-08", [paper(1, "Tiny Recursive Model", body="reasoning")])
    catalog, _ = build_catalog([ko_old, ko_new], [en_old], TOPICS)
    record = catalog.paper("tiny-recursive-model")
    assert len(record.appearances) == 2
    assert record.title_en == "Tiny Recursive Model (TRM): small and good"


def test_empty_or_odd_papers_yml(tmp_path: Path):
    path = tmp_path / "papers.yml"
    for text, expected in (("papers:\nsplits:\n", []), ("", []), ("# only comments\n", []),
                           ("- a\n", ["papers.yml:1: error: the file must be a mapping of `key: value` lines or empty"]),
                           ("papers: 3\n", ["papers.yml:1: error: `papers:` must be a list or empty"]),
                           ("papers:\n  - id: x\n", ["papers.yml:2: error: paper entry `x` selects no item"]),
                           ("splits:\n  - [a#1]\n", ["papers.yml:2: error: split needs at least two items"])):
        path.write_text(text, encoding="utf-8")
        overrides, problems = load_overrides(path, "papers.yml")
        assert [p.format().split(" — ")[0] for p in problems] == expected, text
        assert overrides.papers == () and overrides.splits == ()


def test_title_without_letters_still_gets_a_valid_id():
    odd = issue("2025-10-01-odd-name", "2025-10-01", [paper(1, "🤖 🚀", title_en="🤖 🚀", body="memory")])
    catalog, _ = build_catalog([odd], [], TOPICS)
    assert [p.id for p in catalog.papers] == ["paper-2025-10-01-odd-name-1"]


def test_a_paper_called_index_never_takes_the_index_page_address(tmp_path: Path):
    named = issue("2025-10-02-index", "2025-10-02", [paper(1, "Index", title_en="Index", body="memory")])
    catalog, _ = build_catalog([named], [], TOPICS)
    assert [p.id for p in catalog.papers] == ["index-2"]
    (tmp_path / "papers.yml").write_text("papers:\n  - id: index\n    items: ['2025-10-02-index#1']\n", encoding="utf-8")
    _, problems = load_overrides(tmp_path / "papers.yml", "content/papers.yml")
    assert [p.format().split(" — ")[0] for p in problems] == [
        "content/papers.yml:2: error: paper id `index` is a reserved name: /papers/index/ is the index of all papers"]
