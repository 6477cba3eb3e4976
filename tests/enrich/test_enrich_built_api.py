"""The data API as the built site publishes it: schemas, contract fields, addresses of real pages."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.data_api import schema_errors

pytestmark = pytest.mark.slow


def test_published_json_validates_and_points_at_built_pages(built_site: Path):
    issues = json.loads((built_site / "api" / "issues.json").read_text(encoding="utf-8"))
    papers = json.loads((built_site / "api" / "papers.json").read_text(encoding="utf-8"))
    assert schema_errors(issues, "issues") == []
    assert schema_errors(papers, "papers") == []
    assert len(issues["issues"]) == 5 and len(papers["papers"]) == 44
    known = {p["id"] for p in papers["papers"]}
    for entry in issues["issues"]:
        assert set(entry["papers"]) <= known
    root = urlsplit(issues["issues"][0]["urls"]["ko"]).path.split("/issues/")[0]
    for entry in issues["issues"] + papers["papers"]:
        for lang, url in entry["urls"].items():
            path = urlsplit(url).path[len(root):].lstrip("/")
            assert (built_site / path / "index.html").is_file(), f"{lang}: {url} has no page"
    trm = next(p for p in papers["papers"] if p["id"] == "tiny-recursive-model")
    assert trm["issues"] == ["2025-10-12-dair-top-ai-papers-oct-6-12", "2025-10-13-llm-watch-7-papers-you-should-know"]
