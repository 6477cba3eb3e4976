"""The JSON data API on a hand-built catalog, validated against the shipped schemas."""

from __future__ import annotations

import json

from enrich_builders import issue, paper

from generator.catalog_model import Topic
from generator.data_api import api_files, schema_errors
from generator.enrich import build_catalog
from generator.model import LinkKind, Location
from generator.urls import absolute_url, page_path

TOPICS = (Topic("memory", "메모리", "Memory", "메모리.", "Memory.", ("memory",), Location("t.yml", 2)),)


def test_urls_contract():
    assert page_path("home") == ""
    assert page_path("paper", "tiny-recursive-model") == "papers/tiny-recursive-model/"
    assert page_path("topic", "memory") == "topics/memory/"
    assert absolute_url("https://h.example/sub/", "en", "issues/x/") == "https://h.example/sub/en/issues/x/"
    assert absolute_url("https://h.example/sub", "ko", "") == "https://h.example/sub/"


def test_documents_validate_and_carry_the_contract_fields():
    url = "https://arxiv.org/abs/2510.00001"
    older = issue("2025-10-01-a", "2025-10-01", [
        paper(1, "Memory Forcing", body="memory", links=((LinkKind.PAPER, None), (LinkKind.TWEET, None))),
    ])
    newer = issue("2025-10-08-b", "2025-10-08", [
        paper(1, "Memory Forcing: scenes", body="memory", links=((LinkKind.PAPER, url),)),
        paper(2, "메모리 논문", title_ko="메모리 논문", body="memory"),
    ])
    catalog, _ = build_catalog([newer, older], [], TOPICS)
    files = {f.path: json.loads(f.text) for f in api_files(catalog, "https://h.example/sub/")}
    issues, papers = files["api/issues.json"], files["api/papers.json"]
    assert schema_errors(issues, "issues") == []
    assert schema_errors(papers, "papers") == []
    assert [i["slug"] for i in issues["issues"]] == ["2025-10-08-b", "2025-10-01-a"]
    assert issues["issues"][0]["papers"] == ["memory-forcing", "memori-nonmun"]  # Korean-only title: romanised
    assert issues["issues"][0]["translated"] is False
    forcing = next(p for p in papers["papers"] if p["id"] == "memory-forcing")
    assert forcing["issues"] == ["2025-10-01-a", "2025-10-08-b"]
    assert forcing["links"]["paper"] == url                  # the real address wins over the placeholder
    assert forcing["links"]["tweet"] is None
    assert [(x["kind"], x["url"]) for x in forcing["links"]["all"]] == [("paper", url), ("tweet", None)]
    assert forcing["urls"] == {"ko": "https://h.example/sub/papers/memory-forcing/",
                               "en": "https://h.example/sub/en/papers/memory-forcing/"}
    assert forcing["topics"] == ["memory"]


def test_schema_rejects_a_broken_document():
    errors = schema_errors({"version": 1, "papers": [{"id": "Bad Id", "topics": []}]}, "papers")
    assert any("papers/0" in e and "required" in e for e in errors)
    assert any("papers/0/id" in e for e in errors)
