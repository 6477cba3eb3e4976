"""The five seed issues: paper counts, titles and link URLs, a snapshot of the whole parsed model,
and JSON Schema validation of ``digest parse --json`` output.

``content/ko/*.md`` are the seeds with front matter added; their bodies are the raw seed files
exactly, so the raw layout is tested by parsing the body alone (no front matter → no date).

Regenerate the snapshot after an intended parser change, then review the diff::

    UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/parser/test_parser_seeds.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from generator.jsonout import load_schema, result_json
from generator.parser import lang_of, parse_text
from generator.sources import split_front_matter

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = ROOT / "tests" / "snapshots" / "seeds.json"
SEEDS = {  # file stem → (papers, date)
    "2025-09-21-dair-top-ai-papers-sep-15-21": (10, "2025-09-21"),
    "2025-09-28-dair-top-ai-papers-sep-22-28": (10, "2025-09-28"),
    "2025-10-12-dair-top-ai-papers-oct-6-12": (10, "2025-10-12"),
    "2025-10-13-llm-watch-7-papers-you-should-know": (7, "2025-10-13"),
    "2025-11-02-dair-top-ai-papers-oct-27-nov-2": (10, "2025-11-02"),
}


def _parse(stem: str, *, raw: bool = False, lang: str = "ko") -> dict:
    rel = f"content/{lang}/{stem}.md"
    text = (ROOT / rel).read_text(encoding="utf-8")
    if raw:
        _, text, _, _ = split_front_matter(text, rel)
    return result_json(parse_text(text, rel, lang=lang_of(rel)), rel)


@pytest.mark.parametrize("stem", SEEDS)
@pytest.mark.parametrize("raw", [False, True], ids=["content", "raw"])
def test_seed_counts_and_dates(stem: str, raw: bool) -> None:
    count, date = SEEDS[stem]
    got = _parse(stem, raw=raw)
    assert len(got["papers"]) == count
    assert got["date"] == (None if raw else date)
    assert not [p for p in got["problems"] if ": error: " in p]


def _titles(stem: str) -> list[tuple[str | None, str | None]]:
    return [(p["title_ko"], p["title_en"]) for p in _parse(stem, raw=True)["papers"]]


def test_seed_000_list_items_with_placeholders() -> None:
    got = _parse("2025-10-12-dair-top-ai-papers-oct-6-12", raw=True)
    assert got["title"] == "AI 연구 동향 업데이트 (2025년 버전)"
    assert [p["title_en"] for p in got["papers"]] == [
        "Tiny Recursive Model (TRM)", "Emergent Misalignment", "Agentic Context Engineering (ACE)",
        "Inoculation Prompting (IP)", "Reasoning over Longer Horizons via RL", "The Markovian Thinker (Delethink)",
        "Abstract Reasoning Composition (ArcMemo)", "mem-agent", "Artificial Hippocampus Networks (AHN)", "Webscale-RL"]
    assert all(p["links"]["paper"] is None and p["links"]["tweet"] is None for p in got["papers"])
    assert [link["label"] for link in got["papers"][8]["links"]["all"]] == ["논문"]
    assert got["papers"][1]["sections"][1]["heading"] == "성능은 향상되었지만, 정렬은 저하되었습니다"
    assert "*   **판매**" in got["papers"][1]["body"]


def test_seed_001_substack_export() -> None:
    got = _parse("2025-10-13-llm-watch-7-papers-you-should-know", raw=True)
    assert (got["title"], got["author"]) == ("꼭 알아야 할 7가지 논문", "Pascal Biese")
    assert got["source_url"] == "https://www.llmwatch.com/p/7-papers-you-should-know-about-986"
    assert [b["kind"] for b in got["blocks"]] == ["highlights", "footer", "sponsor", "glossary", "footer"]
    assert len(got["highlights"]) == 7 and len(got["glossary"]) == 7
    papers = got["papers"]
    assert [p["title_en"] for p in papers] == [
        "Artificial Hippocampus Networks for Efficient Long-Context Modeling",
        "In-the-Flow Agentic System Optimization for Effective Planning and Tool Use",
        "Recursive Reasoning with Tiny Networks",
        "Agentic Context Engineering: Evolving Contexts for Self-Improving Language Models",
        "Code World Models for General Game Playing",
        "Memory Forcing: Spatio-Temporal Memory for Consistent Scene Generation on Minecraft",
        "Taming Imperfect Process Verifiers: A Sampling Perspective on Backtracking"]
    assert papers[0]["links"]["paper"] == "https://arxiv.org/abs/2405.18917"
    assert papers[0]["links"]["code"] == "https://github.com/microsoft/AHNs"
    assert papers[2]["title_ko"] == "적을수록 좋다: 작은 네트워크를 이용한 재귀적 추론"
    assert "2.  **전략적 깊이(Strategic Depth)**" in papers[4]["body"]  # the list inside paper 5 is body
    assert "구독" not in papers[6]["body"]


def test_seed_002_real_links_and_ad_between_items() -> None:
    got = _parse("2025-11-02-dair-top-ai-papers-oct-27-nov-2", raw=True)
    papers = got["papers"]
    assert [p["links"]["paper"] for p in papers] == [f"https://arxiv.org/pdf/2406.1950{n}" for n in (2, 0, 1, 3, 4, 5, 6, 7, 8, 9)]
    assert papers[6]["links"]["tweet"] == "https://x.com/StressTesting/status/1806370487042048035"  # missing ")"
    assert [b["kind"] for b in got["blocks"]] == ["sponsor"]
    assert "편집자 메시지" not in papers[2]["body"]
    assert (papers[1]["title_ko"], papers[1]["title_en"]) == ("자기 성찰적 인식", "Introspective Awareness")


def test_seed_003_bold_name_paragraphs() -> None:
    assert _titles("2025-09-28-dair-top-ai-papers-sep-22-28") == [
        ("ARE 메탈 슈퍼인텔리전스 랩스", "ARE Metal SuperIntelligence Labs"), (None, "ATOKEN"),
        ("코드 월드 모델", "Code World Model"), ("LLM에게 계획하는 법 가르치기", None), (None, "LLM-JEPA"),
        (None, "ARK-V1"), ("생각하고 더 잘 채팅하는 언어 모델", None), ("체화된 AI: LLM에서 월드 모델까지", None),
        (None, "GDPval"), ("파운데이션 모델로 인공 생명체 탐색 자동화", None)]


def test_seed_004_bold_numbered_headings() -> None:
    got = _parse("2025-09-21-dair-top-ai-papers-sep-15-21", raw=True)
    assert got["title"] is None
    assert [p["title_en"] for p in got["papers"]][:3] == ["Unstable Singularities", "K2-Think", "DeepDive"]
    assert all([link["label"] for link in p["links"]["all"]] == ["논문", "트윗"] for p in got["papers"])
    assert [s["heading"] for s in got["papers"][0]["sections"]][0] == "주요 성과"


def _snapshot() -> dict:
    return {stem: _parse(stem) for stem in SEEDS}


def test_snapshot_of_parsed_seeds() -> None:
    current = _snapshot()
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(json.dumps(current, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    stored = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    for stem in SEEDS:
        assert current[stem] == stored[stem], f"{stem} differs from {SNAPSHOT.name}; see the module docstring"


@pytest.mark.parametrize("path", sorted(str(p.relative_to(ROOT)) for p in (ROOT / "content").glob("*/*.md"))
                         + sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests/parser").glob("*/*.md")))
def test_json_output_matches_schema(path: str) -> None:
    text = (ROOT / path).read_text(encoding="utf-8")
    jsonschema.validate(result_json(parse_text(text, path, lang=lang_of(path)), path), load_schema())


def test_schema_accepts_unreadable_file_and_rejects_bad_links() -> None:
    from generator.model import ParseResult

    schema = load_schema()
    jsonschema.validate(result_json(ParseResult(None, ()), "x.md"), schema)
    bad = _parse("2025-11-02-dair-top-ai-papers-oct-27-nov-2")
    bad["papers"][0]["links"]["paper"] = "javascript:alert(1)"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
