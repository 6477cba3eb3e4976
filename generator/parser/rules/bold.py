"""``bold``: any paragraph whose first line is bold only (``**Title**``)."""

from __future__ import annotations

from ..filters import COMMON, run_filters
from ..finder import Finder, Layout, is_whole_bold
from . import Rule


def find(f: Finder) -> list[Layout]:
    starts = [k for k, u in enumerate(f.units)
              if u.kind == "paragraph" and not f.blocky[k] and f.first(k).startswith(("**", "__"))
              and is_whole_bold(f.first(k))]
    starts, notes = run_filters(f, starts, COMMON)
    return [f.from_starts("bold", starts, notes)] if starts else [f.rejected("bold", notes)] if notes else []


RULE = Rule("bold", 0.1, find)
