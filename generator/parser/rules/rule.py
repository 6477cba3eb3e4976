"""``rule``: whatever paragraph or heading opens a ``---``-separated section."""

from __future__ import annotations

from ..filters import COMMON, run_filters
from ..finder import Finder, Layout
from . import Rule


def find(f: Finder) -> list[Layout]:
    starts = [k for k, u in enumerate(f.units)
              if k and f.units[k - 1].kind == "hr" and u.kind in ("paragraph", "heading") and not f.blocky[k]]
    starts, notes = run_filters(f, starts, COMMON)
    return [f.from_starts("rule", starts, notes)] if starts else [f.rejected("rule", notes)] if notes else []


RULE = Rule("rule", 0.15, find)
