"""Newsletters laid out the way other people write them: ``wild/<name>.md`` → ``<name>.expected.yaml``.

The files are raw issues as an editor brings them (no front matter): plain-text mailings with delimiter lines,
bullet lists of one-line links with a legend, daily paper logs with vote counts and repeated sub-headings,
conference round-ups with presentation tags, HTML inside Markdown, explicit ``원제:`` title lines. Each
``.expected.yaml`` says what a careful reader sees: the issue's ``title``/``date``/``author``/``source_url``,
every paper's ``title_ko``/``title_en`` and its ``paper``/``code``/``tweet``/other URLs, and ``nonpapers``, the
number of items that are laid out like papers but are not (a blog post, a product launch, a news story).

Two promises are checked: the parse equals the expectation, and whatever the parser still gets wrong on a file,
``digest check`` says so with at least one warning (no silent misparse).
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.jsonout import result_json
from generator.parser import parse_file
from generator.parser.metadata import parse_date

HERE = Path(__file__).resolve().parent / "wild"
LAYOUTS = sorted(HERE.glob("*.md"))
META_KEYS = ("title", "date", "author", "source_url")
LINK_KEYS = ("paper", "code", "tweet")


def expected(md: Path) -> dict[str, Any]:
    """The hand-written expectation of ``md``."""
    data = yaml.safe_load(md.with_name(md.stem + ".expected.yaml").read_text(encoding="utf-8"))
    data["date"] = str(data["date"]) if data.get("date") is not None else None
    return data


def _undated(title: str | None, date: str | None) -> str | None:
    """A title without a trailing dateline that repeats the issue date (``Letter #37 | 2025.06.02``): labellers
    differ on whether it belongs to the title, and the site shows the date beside the title either way."""
    if not title or not date:
        return title
    m = re.search(r"\s*(?:[|·—–-]\s*([^|·—–]+?)|[(（]([^()（）]+)[)）])\s*$", title)
    if m and parse_date(m.group(1) or m.group(2) or "") == _dt.date.fromisoformat(date):
        return title[:m.start()].strip()
    return title


def differences(got: dict[str, Any], want: dict[str, Any]) -> list[str]:
    """Every difference between the parser's JSON and the expectation, one line each."""
    diffs: list[str] = []
    for key in META_KEYS:
        if key == "title" and _undated(got[key], got["date"]) == _undated(want.get(key), got["date"]):
            continue
        if got[key] != want.get(key):
            diffs.append(f"issue {key}: got {got[key]!r}, expected {want.get(key)!r}")
    nonpapers = sum(1 for b in got["blocks"] if b["kind"] == "news")
    if nonpapers != want.get("nonpapers", 0):
        diffs.append(f"non-paper items: got {nonpapers}, expected {want.get('nonpapers', 0)}")
    return diffs + paper_differences(got["papers"], want["papers"], placeholders=False)


def paper_differences(papers: list[dict[str, Any]], wanted: list[dict[str, Any]], *,
                      placeholders: bool) -> list[str]:
    """Differences of the papers: count, titles, paper/code/tweet URLs and other links (``placeholders``: an
    other link without address counts, as ``None``)."""
    diffs: list[str] = []
    if len(papers) != len(wanted):
        diffs.append(f"paper count: got {len(papers)}, expected {len(wanted)}; headings found: "
                     + "; ".join(f"{p['line']}: {p['heading'][:50]!r}" for p in papers))
    for n, (paper, exp) in enumerate(zip(papers, wanted), start=1):
        where = f"paper {n} (line {paper['line']}, {paper['heading'][:40]!r})"
        for key in ("title_ko", "title_en"):
            if paper[key] != exp[key]:
                diffs.append(f"{where} {key}: got {paper[key]!r}, expected {exp[key]!r}")
        links = paper["links"]
        for key in LINK_KEYS:
            if links[key] != exp["links"][key]:
                diffs.append(f"{where} {key} link: got {links[key]!r}, expected {exp['links'][key]!r}")
        other = [o["url"] for o in links["other"] if placeholders or o["url"]]
        if other != exp["links"]["other"]:
            diffs.append(f"{where} other links: got {other}, expected {exp['links']['other']}")
    return diffs


def test_there_are_enough_wild_layouts() -> None:
    assert len(LAYOUTS) >= 25
    for md in LAYOUTS:
        assert expected(md)["papers"], md.name


@pytest.mark.parametrize("md", LAYOUTS, ids=lambda p: p.stem)
def test_wild_layout(md: Path) -> None:
    result = parse_file(md, lang="ko")
    diffs = differences(result_json(result, str(md)), expected(md))
    diffs += [f"unexpected error: {p.format()}" for p in result.problems if p.severity.value == "error"]
    assert not diffs, f"{md.name}:\n  " + "\n  ".join(diffs)
