"""``delimiter``: plain-text mailings whose items open with a delimiter line (``--- 3. Title ---``,
``=== Title ===``, ``━━ Title``), a long title possibly wrapped onto an indented continuation line."""

from __future__ import annotations

from ..filters import COMMON, run_filters
from ..finder import Finder, Layout, delimiter_inner
from . import Rule


def find(f: Finder) -> list[Layout]:
    starts = [k for k, u in enumerate(f.units)
              if u.kind == "paragraph" and not f.blocky[k] and delimiter_inner(f.info.lines[u.start]) is not None]
    starts, notes = run_filters(f, starts, COMMON)
    return [f.from_starts("delimiter", starts, notes)] if starts else [f.rejected("delimiter", notes)] if notes else []


RULE = Rule("delimiter", 0.45, find)
