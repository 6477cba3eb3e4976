"""``section``: bold-only paragraphs that open a ``---``-separated section."""

from __future__ import annotations

from ..filters import COMMON, run_filters
from ..finder import Finder, Layout, is_whole_bold
from . import Rule


def find(f: Finder) -> list[Layout]:
    starts = []
    for k, u in enumerate(f.units):
        if u.kind != "paragraph" or f.blocky[k]:
            continue
        prev = f.units[k - 1].kind if k else "hr"
        if prev == "hr" and is_whole_bold(f.first(k)):
            starts.append(k)
    starts, notes = run_filters(f, starts, COMMON)
    return [f.from_starts("section", starts, notes)] if starts else [f.rejected("section", notes)] if notes else []


RULE = Rule("section", 0.25, find)
