"""Newsletters in layouts the parser was not written against: ``unseen/<layout>.md`` → ``<layout>.expected.yaml``.

Each file mixes the layout families of issue #2 in combinations the seeds do not have (see the comment at the top
of each ``.expected.yaml``). The comparison is exact for what the site depends on: the number of papers, every
paper's ``title_ko``/``title_en``, its ``paper``/``code``/``tweet`` URLs and the URLs of its other links, the issue's
``title``/``date``/``author``/``source_url`` and the kinds of its non-paper blocks in order (``other`` blocks are
ignored: they are the parser's "not a paper, not a known block"). All differences of a file are listed together.

The files must also pass ``digest check`` without errors. Last, each English translation in ``content/en`` must
parse to the papers of its Korean original, titled by the English headings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from test_wild_layouts import paper_differences

from generator.cli import main as digest_main
from generator.jsonout import result_json
from generator.parser import parse_file

HERE = Path(__file__).resolve().parent / "unseen"
ROOT = Path(__file__).resolve().parents[2]
PAIRS = sorted((ROOT / "content" / "ko").glob("*.md"))
LAYOUTS = sorted(HERE.glob("*.md"))
META_KEYS = ("title", "date", "author", "source_url")
LINK_KEYS = ("paper", "code", "tweet")


def _expected(md: Path) -> dict[str, Any]:
    return yaml.safe_load(md.with_name(md.stem + ".expected.yaml").read_text(encoding="utf-8"))


def _differences(got: dict[str, Any], want: dict[str, Any]) -> list[str]:
    diffs: list[str] = []
    for key in META_KEYS:
        if got[key] != want[key]:
            diffs.append(f"issue {key}: got {got[key]!r}, expected {want[key]!r}")
    kinds = [b["kind"] for b in got["blocks"] if b["kind"] != "other"]
    if kinds != want["blocks"]:
        diffs.append(f"block kinds: got {kinds}, expected {want['blocks']}")
    return diffs + paper_differences(got["papers"], want["papers"], placeholders=True)


def test_there_are_enough_layouts() -> None:
    assert len(LAYOUTS) >= 12
    for md in LAYOUTS:
        want = _expected(md)
        assert 7 <= len(want["papers"]) <= 10, md.name


@pytest.mark.parametrize("md", LAYOUTS, ids=lambda p: p.stem)
def test_unseen_layout(md: Path) -> None:
    want = _expected(md)
    result = parse_file(md, lang="ko")
    got = result_json(result, str(md))
    diffs = _differences(got, want)
    errors = [p.format() for p in result.problems if p.severity.value == "error"]
    diffs += [f"unexpected error: {e}" for e in errors]
    assert not diffs, f"{md.name}:\n  " + "\n  ".join(diffs)


@pytest.mark.parametrize("md", LAYOUTS, ids=lambda p: p.stem)
def test_unseen_layout_checks_clean(md: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = digest_main(["check", str(md)])
    out = capsys.readouterr()
    assert code == 0, out.out + out.err
    assert ": error:" not in out.out + out.err


@pytest.mark.parametrize("ko", PAIRS, ids=lambda p: p.stem)
def test_translation_parses_like_the_original(ko: Path) -> None:
    """``content/en/X.md`` has the papers of ``content/ko/X.md`` in the same order, each titled by its English
    heading (no Korean title), with the same link addresses."""
    en = ko.parent.parent / "en" / ko.name
    if not en.exists():
        pytest.skip(f"{ko.name} is not translated yet")
    ko_issue, en_issue = parse_file(ko).issue, parse_file(en).issue
    assert ko_issue is not None and en_issue is not None
    assert len(en_issue.papers) == len(ko_issue.papers), [p.heading for p in en_issue.papers]
    for k, e in zip(ko_issue.papers, en_issue.papers):
        where = f"{en.name}:{e.location.line}"
        assert e.title_ko is None, where
        assert e.title_en == e.heading.strip() and e.title_en, where
        assert [link.url for link in e.links] == [link.url for link in k.links], where
