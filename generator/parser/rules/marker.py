"""``marker``: paragraphs whose first line opens with the same symbol, used as an item bullet in plain-text
mailings (``▶ 제목``, ``■ 제목``, ``● 제목``, ``📌 제목``); the symbol must open at least three paragraphs."""

from __future__ import annotations

import unicodedata

from ..filters import COMMON, run_filters
from ..finder import Finder, Layout
from . import Rule


def _marker(text: str) -> str:
    ch = text[:1]
    if not ch or ch.isalnum() or ch in "*_[#>|(-+`~=!<\\\"'":
        return ""
    return ch if unicodedata.category(ch) in ("So", "Sm", "Po", "Pd") and ch not in ".,:;?%&@/" else ""


def find(f: Finder) -> list[Layout]:
    by_mark: dict[str, list[int]] = {}
    for k, u in enumerate(f.units):
        if u.kind == "paragraph" and not f.blocky[k] and not f.info.links(u.start):  # ``→ 논문: …`` is a link line
            mark = _marker(f.first(k))
            if mark and len(f.first(k)) > 2:
                by_mark.setdefault(mark, []).append(k)
    layouts = []
    for starts in by_mark.values():
        if len(starts) < 3:
            continue
        starts, notes = run_filters(f, starts, COMMON)
        if starts:
            layouts.append(f.from_starts("marker", starts, notes))
    return layouts


RULE = Rule("marker", 0.2, find)
