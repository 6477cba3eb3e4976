"""Fixture cases: ``cases/*.md`` (one layout feature each) and ``newsletters/*.md`` (whole newsletters
in layouts different from the seeds) → the structure written in the ``.yaml`` next to them.

Expectation keys (all optional except ``papers``): ``lang``, ``title``, ``date``, ``author``,
``source_url``, ``intro``, ``highlights``, ``glossary_terms``, ``blocks`` (kinds in order),
``errors`` (substrings of error messages; without it the file must have no error) and per paper
``title_ko``, ``title_en``, ``summary``, ``sections`` (headings), ``links`` (subset of the JSON
``links`` object), ``link_labels``, ``other_kinds``, ``body_contains``, ``body_excludes``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.jsonout import result_json
from generator.parser import parse_file

HERE = Path(__file__).resolve().parent
FIXTURES = sorted((HERE / "cases").glob("*.md")) + sorted((HERE / "newsletters").glob("*.md"))


def _expected(md: Path) -> dict:
    return yaml.safe_load(md.with_suffix(".yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("md", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture(md: Path) -> None:
    want = _expected(md)
    result = parse_file(md, lang=want.get("lang", "ko"))
    got = result_json(result, str(md))
    errors = [p.message for p in result.problems if p.severity.value == "error"]

    for substring in want.get("errors", []):
        assert any(substring in e for e in errors), (substring, errors)
    if "errors" not in want:
        assert errors == []

    for key in ("title", "date", "author", "source_url", "intro"):
        if key in want:
            assert got[key] == want[key], key
    if "highlights" in want:
        assert got["highlights"] == want["highlights"]
    if "glossary_terms" in want:
        assert [e["term"] for e in got["glossary"]] == want["glossary_terms"]
    if "blocks" in want:
        assert [b["kind"] for b in got["blocks"]] == want["blocks"]

    assert len(got["papers"]) == len(want["papers"]), [p["heading"] for p in got["papers"]]
    for n, (paper, exp) in enumerate(zip(got["papers"], want["papers"]), start=1):
        assert paper["position"] == n
        for key in ("title_ko", "title_en", "summary"):
            if key in exp:
                assert paper[key] == exp[key], (n, key)
        if "sections" in exp:
            assert [s["heading"] for s in paper["sections"]] == exp["sections"], n
        for key, value in exp.get("links", {}).items():
            assert paper["links"][key] == value, (n, key)
        if "link_labels" in exp:
            assert [link["label"] for link in paper["links"]["all"]] == exp["link_labels"], n
        if "other_kinds" in exp:
            assert [link["kind"] for link in paper["links"]["other"]] == exp["other_kinds"], n
        for text in exp.get("body_contains", []):
            assert text in paper["body"], (n, text)
        for text in exp.get("body_excludes", []):
            assert text not in paper["body"], (n, text)
