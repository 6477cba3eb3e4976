"""``plain``: plain title lines — a line that is no sentence and carries no markup, the first of its paragraph,
whose paragraph or the next one carries the paper's links (``Title`` / ``  • https://arxiv.org/…``; a
conference-day ``10:30 — Title (Oral)`` over its notes and ``논문: https://…``). A fallback: asked only when no
other rule explains the document."""

from __future__ import annotations

from ..filters import COMMON, run_filters
from ..finder import TIME_PREFIX, Finder, Layout, plain_title_line
from . import Rule


def _titled(f: Finder, k: int) -> bool:
    u = f.units[k]
    return u.kind == "paragraph" and not f.blocky[k] and not f.info.links(u.start) \
        and plain_title_line(f.info.lines[u.start])


def _own_links(f: Finder, k: int) -> bool:
    u = f.units[k]
    return u.end - u.start > 1 and any(f.info.links(i) for i in range(u.start + 1, u.end))


def find(f: Finder) -> list[Layout]:
    starts = []
    slots = []  # a programme's time slots (``10:30 — Title``)
    for k, u in enumerate(f.units):
        if not _titled(f, k):
            continue
        own = _own_links(f, k)
        nxt = k + 1 < len(f.units) and f.units[k + 1].kind in ("paragraph", "list", "quote") and f.unit_links(k + 1) \
            and not (_titled(f, k + 1) and _own_links(f, k + 1))  # the next title's links are its own
        if own or (u.end - u.start == 1 and nxt):
            starts.append(k)
        if TIME_PREFIX.match(f.info.lines[u.start]):
            slots.append(k)
    if sum(1 for k in slots if k in starts) >= 2:
        starts = sorted(set(starts) | set(slots))  # a slot without a paper (a break, a talk) is a slot all the same
    if len(starts) < 2:
        return []
    starts, notes = run_filters(f, starts, COMMON)
    return [f.from_starts("plain", starts, notes)] if starts else [f.rejected("plain", notes)] if notes else []


RULE = Rule("plain", 0.02, find, fallback=True)
