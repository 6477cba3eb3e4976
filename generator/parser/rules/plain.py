"""``plain``: plain title lines — a line that is no sentence and carries no markup, the first of its paragraph,
whose paragraph or the next one carries the paper's links (``Title`` / ``  • https://arxiv.org/…``; a
conference-day ``10:30 — Title (Oral)`` over its notes and ``논문: https://…``). A fallback: asked only when no
other rule explains the document."""

from __future__ import annotations

from ..filters import COMMON, run_filters
from ..finder import Finder, Layout, plain_title_line
from . import Rule


def find(f: Finder) -> list[Layout]:
    starts = []
    for k, u in enumerate(f.units):
        if u.kind != "paragraph" or f.blocky[k] or f.info.links(u.start):
            continue
        if not plain_title_line(f.info.lines[u.start]):
            continue
        own = u.end - u.start > 1 and any(f.info.links(i) for i in range(u.start + 1, u.end))
        nxt = k + 1 < len(f.units) and f.units[k + 1].kind in ("paragraph", "list", "quote") and f.unit_links(k + 1)
        if own or (u.end - u.start == 1 and nxt):
            starts.append(k)
    if len(starts) < 2:
        return []
    starts, notes = run_filters(f, starts, COMMON)
    return [f.from_starts("plain", starts, notes)] if starts else [f.rejected("plain", notes)] if notes else []


RULE = Rule("plain", 0.02, find, fallback=True)
