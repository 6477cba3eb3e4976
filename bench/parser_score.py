"""Parser accuracy over hand-labelled fixtures: ``python -m bench.parser_score [DIR…]``.

For every ``X.md`` with an ``X.expected.yaml`` (default: ``tests/parser/wild``, ``unseen``, ``heldout`` and
``blind``; ``blind`` is written by someone who saw neither the parser nor the other fixtures, and is never tuned on)
it compares the parse with the expectation and prints, per folder and in total:

* paper precision, recall and F1 (papers matched in order by title or paper link),
* files whose paper count is exact,
* English titles right, and paper/code/tweet links right (over the expected papers that have one),
* files the parser gets wrong that ``digest check`` leaves without any warning (silent misparses).

Figures are printed, never asserted; the tests assert exact expectations file by file.
"""

from __future__ import annotations

import argparse
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.jsonout import result_json
from generator.parser import parse_file

DEFAULT = [Path("tests/parser") / name for name in ("wild", "unseen", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8")]


@dataclass
class Tally:
    """Counts over a set of files."""

    files: int = 0
    exact_count: int = 0
    expected: int = 0
    found: int = 0
    matched: int = 0
    titles: int = 0
    titles_right: int = 0
    links: int = 0
    links_right: int = 0
    wrong_files: int = 0
    silent: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("files", "exact_count", "expected", "found", "matched", "titles", "titles_right", "links",
                     "links_right", "wrong_files"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.silent.extend(other.silent)

    def line(self, label: str) -> str:
        p = self.matched / self.found if self.found else 0.0
        r = self.matched / self.expected if self.expected else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return (f"{label:<22} files {self.files:>3}  paper P {p:.3f} R {r:.3f} F1 {f1:.3f}  "
                f"exact count {self.exact_count}/{self.files}  title_en {self.titles_right}/{self.titles} "
                f"({self.titles_right / max(self.titles, 1):.0%})  links {self.links_right}/{self.links} "
                f"({self.links_right / max(self.links, 1):.0%})  wrong {self.wrong_files}, silent {len(self.silent)}")


def _key(text: str | None) -> str:
    return "".join(ch for ch in (text or "").lower() if ch.isalnum())


def _same(got: dict[str, Any], want: dict[str, Any]) -> bool:
    g_url, w_url = got["links"]["paper"], want["links"]["paper"]
    if g_url and w_url and g_url == w_url:
        return True
    for a in (got["title_en"], got["title_ko"]):
        for b in (want["title_en"], want["title_ko"]):
            if a and b and difflib.SequenceMatcher(None, _key(a), _key(b)).ratio() >= 0.8:
                return True
    return False


def _match(got: list[dict[str, Any]], want: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Pairs (got index, want index) matched in order (longest common subsequence under :func:`_same`)."""
    n, m = len(got), len(want)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = best[i + 1][j + 1] + 1 if _same(got[i], want[j]) else max(best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if _same(got[i], want[j]) and best[i][j] == best[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def score_file(md: Path) -> tuple[Tally, bool]:
    """The tally of one file and whether the parse equals the expectation."""
    want = yaml.safe_load(md.with_name(md.stem + ".expected.yaml").read_text(encoding="utf-8"))
    result = parse_file(md, lang="ko")
    got = result_json(result, str(md))
    t = Tally(files=1, expected=len(want["papers"]), found=len(got["papers"]))
    t.exact_count = int(t.expected == t.found)
    pairs = _match(got["papers"], want["papers"])
    t.matched = len(pairs)
    right = dict(pairs)
    wrong = t.expected != t.found or t.matched != t.expected
    for gi, wi in [(g, w) for g, w in right.items()] + [(None, w) for w in range(len(want["papers"]))
                                                        if w not in right.values()]:
        exp = want["papers"][wi]
        paper = got["papers"][gi] if gi is not None else None
        if exp["title_en"]:
            t.titles += 1
            ok = paper is not None and paper["title_en"] == exp["title_en"]
            t.titles_right += ok
            wrong |= not ok
        for kind in ("paper", "code", "tweet"):
            if exp["links"][kind]:
                t.links += 1
                ok = paper is not None and paper["links"][kind] == exp["links"][kind]
                t.links_right += ok
                wrong |= not ok
    warned = any(": warning:" in p or ": error:" in p for p in got["problems"])
    t.wrong_files = int(wrong)
    if wrong and not warned:
        t.silent.append(md.name)
    return t, not wrong


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("-v", "--verbose", action="store_true", help="list the files the parser gets wrong")
    args = ap.parse_args(argv)
    total = Tally()
    for folder in args.dirs:
        if not folder.is_dir():
            continue
        tally = Tally()
        for md in sorted(folder.glob("*.md")):
            if not md.with_name(md.stem + ".expected.yaml").exists():
                continue
            t, ok = score_file(md)
            tally.add(t)
            if args.verbose and not ok:
                print(f"  wrong: {md}")
        print(tally.line(str(folder)))
        total.add(tally)
    print(total.line("total"))
    for name in total.silent:
        print(f"  silent misparse: {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
