"""``heading``: ``#``–``######`` headings of one level; one candidate per level."""

from __future__ import annotations

from ..blocks import classify
from ..filters import COMMON, run_filters
from ..finder import Finder, Layout
from . import Rule


def find(f: Finder) -> list[Layout]:
    by_level: dict[int, list[int]] = {}
    for k, u in enumerate(f.units):
        if u.kind != "heading" or f.blocky[k]:
            continue
        # a weak ad or footer word (강의, 구독) in a heading whose text carries links does not make it an ad
        if classify([f.first(k)], weak=True) is None or (k + 1 < len(f.units) and f.unit_links(k + 1)):
            by_level.setdefault(u.level, []).append(k)
    layouts = []
    for starts in by_level.values():
        starts, notes = run_filters(f, starts, COMMON)
        if starts:
            layouts.append(f.from_starts("heading", starts, notes))
        elif notes:
            layouts.append(f.rejected("heading", notes))
    return layouts


RULE = Rule("heading", 0.3, find)
