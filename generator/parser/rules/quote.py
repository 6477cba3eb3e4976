"""``quote``: paper cards written as block quotes whose first line is a bold title (``> **제목**`` / ``> 요약`` /
``> 🔗 링크``); a card that reads as an ad is no start."""

from __future__ import annotations

from ..filters import COMMON, run_filters
from ..finder import Finder, Layout
from . import Rule


def find(f: Finder) -> list[Layout]:
    starts = [k for k, u in enumerate(f.units)
              if u.kind == "quote" and f.first(k).lstrip("> ").startswith(("**", "__"))
              and f.info.unit_block_kind(u) is None]
    if len(starts) < 2:
        return []
    starts, notes = run_filters(f, starts, COMMON)
    return [f.from_starts("quote", starts, notes)] if starts else [f.rejected("quote", notes)] if notes else []


RULE = Rule("quote", 0.2, find)
