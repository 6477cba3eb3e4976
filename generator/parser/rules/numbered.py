"""``numbered``: paragraphs whose first line is a bold number or a number mark (``**1. Title**``,
``**3)** Title``, ``[3] Title``, ``1️⃣ Title``, ``① Title``)."""

from __future__ import annotations

from ..finder import Finder, Layout
from ..titles import NUMBER_RE, strip_decoration
from . import Rule


def find(f: Finder) -> list[Layout]:
    starts = []
    for k, u in enumerate(f.units):
        if u.kind == "paragraph" and not f.blocky[k]:
            text = f.first(k)
            bare = strip_decoration(text)
            m = NUMBER_RE.match(text) or NUMBER_RE.match(bare)
            if m and (text.startswith(("**", "__")) or m.group("mark") or m.group("bold")
                      or (bare != text and m.group("num"))):  # **1. Title**, [3] Title, 🥇 1. Title
                starts.append(k)
    return [f.from_starts("numbered", starts)] if starts else []


RULE = Rule("numbered", 0.4, find)
