"""Enrichment of the shipped content (real parser, real content/ files) and of temporary copies of it."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from generator.data_api import api_files, schema_errors
from generator.enrich import catalog_problems, load_catalog
from generator.enrich.topics import MAX_TOPICS, load_topics
from generator.enrich.translations import TranslationState, report
from generator.model import Severity

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
OCT12 = "2025-10-12-dair-top-ai-papers-oct-6-12"
OCT13 = "2025-10-13-llm-watch-7-papers-you-should-know"
SEP28 = "2025-09-28-dair-top-ai-papers-sep-22-28"


@pytest.fixture(scope="module")
def shipped():
    return load_catalog(CONTENT)


def paper_id(catalog, slug: str, position: int) -> str:
    record = next(r for r in catalog.issues if r.slug == slug)
    return record.paper_ids[position - 1]


def test_shipped_content_has_no_enrichment_error(shipped):
    _, problems = shipped
    errors = [p.format() for p in problems if p.severity is Severity.ERROR]
    assert errors == []


@pytest.mark.parametrize(("a", "b", "expected"), [
    ((OCT12, 1), (OCT13, 3), "tiny-recursive-model"),
    ((OCT12, 3), (OCT13, 4), "agentic-context-engineering"),
    ((OCT12, 9), (OCT13, 1), "artificial-hippocampus-networks"),
])
def test_known_pairs_are_one_paper_featured_in_two_issues(shipped, a, b, expected):
    catalog, _ = shipped
    assert paper_id(catalog, *a) == paper_id(catalog, *b) == expected
    assert [x.issue_slug for x in catalog.paper(expected).appearances] == [OCT12, OCT13]


def test_the_two_code_world_models_stay_two_papers(shipped):
    catalog, _ = shipped
    game, meta = paper_id(catalog, OCT13, 5), paper_id(catalog, SEP28, 3)
    assert game != meta
    assert "game" in catalog.paper(game).title_en.lower()
    assert len(catalog.paper(meta).appearances) == 1


def test_paper_count_ids_and_issue_order(shipped):
    catalog, _ = shipped
    featured = sum(len(r.paper_ids) for r in catalog.issues)
    assert featured == 47
    assert len(catalog.papers) == 44
    ids = [p.id for p in catalog.papers]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", i) and len(i) <= 60 for i in ids)
    dates = [r.date for r in catalog.issues]
    assert dates == sorted(dates, reverse=True)


def test_every_paper_has_one_to_four_topics_and_no_topic_is_empty(shipped):
    catalog, problems = shipped
    defined, _ = load_topics(CONTENT / "topics.yml")
    assert [t.id for t in catalog.topics] == [t.id for t in defined]      # every topic is used
    for record in catalog.papers:
        assert 1 <= len(record.topics) <= MAX_TOPICS, record.id
        assert set(record.topics) <= {t.id for t in defined}
    for topic in catalog.topics:
        assert any(topic.id in p.topics for p in catalog.papers), topic.id
    assert not [p for p in problems if "no topic keyword matches" in p.message]


def test_topics_fit_the_papers(shipped):
    catalog, _ = shipped
    assert "reasoning" in catalog.paper("tiny-recursive-model").topics
    assert "memory-long-context" in catalog.paper("artificial-hippocampus-networks").topics
    assert "agents" in catalog.paper("agentic-context-engineering").topics
    assert "code" in catalog.paper(paper_id(catalog, SEP28, 3)).topics


def test_ids_are_stable_from_build_to_build(shipped):
    again, _ = load_catalog(CONTENT)
    assert [p.id for p in again.papers] == [p.id for p in shipped[0].papers]
    assert [f.text for f in api_files(again, "https://x.example/")] == \
        [f.text for f in api_files(shipped[0], "https://x.example/")]


def test_json_data_of_the_shipped_content_validates(shipped):
    catalog, _ = shipped
    files = {f.path: json.loads(f.text) for f in api_files(catalog, "https://example.github.io/paper-digest/")}
    assert schema_errors(files["api/issues.json"], "issues") == []
    assert schema_errors(files["api/papers.json"], "papers") == []
    trm = next(p for p in files["api/papers.json"]["papers"] if p["id"] == "tiny-recursive-model")
    assert trm["issues"] == [OCT12, OCT13]
    assert trm["urls"]["en"] == "https://example.github.io/paper-digest/en/papers/tiny-recursive-model/"
    assert trm["links"]["paper"] == "https://arxiv.org/abs/2405.18909"


def test_check_reports_likely_duplicates_with_the_lines_to_write(tmp_path: Path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "papers.yml").write_text("papers: []\n", encoding="utf-8")
    warnings = [p for p in catalog_problems(content) if "may be the same paper" in p.message]
    text = "\n".join(p.format() for p in warnings)
    assert f"content/ko/{OCT13}.md:" in text or f"ko/{OCT13}.md:" in text
    assert f"{OCT12}#1, {OCT13}#3" in text              # TRM: not certain, so suggested
    assert f"{SEP28}#3, {OCT13}#5" in text              # Code World Model(s): suggested, not merged
    catalog, _ = load_catalog(content)
    assert paper_id(catalog, OCT12, 1) != paper_id(catalog, OCT13, 3)
    assert paper_id(catalog, OCT12, 3) == paper_id(catalog, OCT13, 4)   # automatic without papers.yml
    assert paper_id(catalog, OCT12, 9) == paper_id(catalog, OCT13, 1)


def test_korean_issue_without_english_file_still_has_english_data(tmp_path: Path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "en" / f"{SEP28}.md").unlink()
    catalog, problems = load_catalog(content)
    record = next(r for r in catalog.issues if r.slug == SEP28)
    assert record.en is None and not record.is_translated("en")
    assert record.issue("en") is record.ko
    issues = json.loads(api_files(catalog, "https://x.example/")[0].text)["issues"]
    entry = next(i for i in issues if i["slug"] == SEP28)
    assert entry["translated"] is False and entry["urls"]["en"] == f"https://x.example/en/issues/{SEP28}/"
    assert all(p.title_en for p in catalog.papers)
    statuses = {s.slug: s for s in report(content)}
    assert statuses[SEP28].state is TranslationState.MISSING


def test_translations_report_finds_a_broken_english_file(tmp_path: Path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    english = content / "en" / f"{OCT12}.md"
    text = english.read_text(encoding="utf-8")
    text = text.replace("85.3%", "85%", 1)                                  # a figure lost
    english.write_text(text, encoding="utf-8")
    english13 = content / "en" / f"{OCT13}.md"
    text13 = english13.read_text(encoding="utf-8")
    english13.write_text(text13.replace("https://arxiv.org/abs/2405.18917", "https://arxiv.org/abs/2405.99999"),
                         encoding="utf-8")                                     # a link changed
    statuses = {s.slug: s for s in report(content)}
    broken = statuses[OCT12]
    assert broken.state is TranslationState.OUT_OF_PARITY
    assert any("85.3%" in p.message and p.location.path.endswith(f"en/{OCT12}.md") and p.location.line > 1
               for p in broken.problems)
    link = [p for p in statuses[OCT13].problems if "links of paper #1 differ" in p.message]
    assert link and "2405.99999" in link[0].message and link[0].location.path.endswith(f"en/{OCT13}.md")


def test_digest_translations_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    from generator.cli import main

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "en" / f"{SEP28}.md").unlink()
    assert main(["translations", str(content)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"missing        {SEP28}" in out
    assert out[-1] == "digest translations: 5 issues — 4 translated, 1 missing, 0 out of parity, 0 orphan"
    assert main(["translations", "--strict", str(content)]) == 1
    capsys.readouterr()
    english = content / "en" / f"{OCT12}.md"
    lines = english.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("10. "))
    english.write_text("".join(lines[:start]), encoding="utf-8")          # the last paper not translated
    assert main(["translations", str(content)]) == 1
    out = capsys.readouterr().out
    assert f"out of parity  {OCT12}" in out
    assert "error: the English issue has 9 papers, the Korean one 10" in out
