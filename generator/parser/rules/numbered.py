"""``numbered``: paragraphs whose first line is a bold number or a number mark (``**1. Title**``,
``**3)** Title``, ``[3] Title``, ``1️⃣ Title``, ``① Title``), or a number Markdown does not read as a list
(``2/ Title`` in a pasted thread, ``01 / Title``, ``하나. Title``)."""

from __future__ import annotations

import re

from ..filters import run_filters
from ..finder import Finder, Layout
from ..titles import NUMBER_RE, strip_decoration
from . import Rule


_LIST_MARK = re.compile(r"\d{1,9}[.)]")
"""A Markdown list marker: a paragraph opening with one is a list item that Markdown did not take."""


def find(f: Finder) -> list[Layout]:
    starts = []
    for k, u in enumerate(f.units):
        if u.kind == "paragraph" and not f.blocky[k]:
            text = f.first(k)
            bare = strip_decoration(text)
            m = NUMBER_RE.match(text) or NUMBER_RE.match(bare)
            if m and (text.startswith(("**", "__")) or m.group("mark") or m.group("bold")
                      or (bare != text and m.group("num"))  # **1. Title**, [3] Title, 🥇 1. Title
                      or m.group("count") or m.group("ord")  # 하나. Title, 첫 번째. Title
                      or m.group("num") and not _LIST_MARK.match(text)):  # 2/ Title (a thread), 01 / Title
                starts.append(k)
    starts, notes = run_filters(f, starts, ("trim",))  # a thread's opening and closing posts
    return [f.from_starts("numbered", starts, notes)] if starts else []


RULE = Rule("numbered", 0.4, find)
