"""``table``: a Markdown table whose rows are the papers (``| 1 | **Title** | 한 줄 요약 | [논문](…) · [코드](…) |``).

A row is an item when the table's rows mostly carry links; its title is the cell under a ``논문``/``제목``/``Title``
header, else the bold cell, else the first text cell
that is neither a number nor a link group; the longest other text cell is its summary. Whatever follows the
table is outside the items.
"""

from __future__ import annotations

import re

from ..finder import Finder, ItemSpan, Layout, link_item, split_heading
from ..links import RawLink, parse_link_line
from ..tokens import Unit
from . import Rule

_NUMBER = re.compile(r"^\s*(?:#\s*)?(\d{1,3})[.)]?\s*$")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]


_TITLE_HEAD = re.compile(r"^[*_\s]*(?:논문|제목|논문\s*(?:명|제목)|title|paper|papers|name)[*_\s]*$", re.IGNORECASE)
"""A header cell that names the title column (``| 날짜 | 발표자 | 논문 | 링크 |``)."""


def _row(f: Finder, line: int, rest_units: tuple[Unit, ...], title_col: int | None) -> ItemSpan | None:
    cells = _cells(f.info.lines[line])
    named = cells[title_col] if title_col is not None and title_col < len(cells) else ""
    links: list[RawLink] = []
    number: int | None = None
    texts: list[str] = []
    for cell in cells:
        if not cell:
            continue
        m = _NUMBER.match(cell)
        if m and number is None:
            number = int(m.group(1))
            continue
        found = parse_link_line(cell) if not link_item(cell) else None  # ``[Title](url)`` is a title, not links
        if found:
            links.extend(found)
        else:
            texts.append(cell)
    if not texts:
        return None
    title = named if named in texts else next((t for t in texts if t.startswith(("**", "__")) or link_item(t)),
                                              texts[0])
    heading, heading_links, rest = split_heading(title, name_style=False)
    if rest.startswith(("(", "（")) and rest.endswith((")", "）")):
        heading = f"{heading} {rest}"  # ``**한국어 제목** (English Title)``: the group is part of the title
    others = [t for t in texts if t is not title]
    summary = max(others, key=len) if others else ""
    units = (Unit("paragraph", line, line + 1),) + rest_units
    return ItemSpan("table", number, line, heading, tuple(heading_links) + tuple(links), summary, False, units)


def find(f: Finder) -> list[Layout]:
    layouts = []
    for k, u in enumerate(f.units):
        if u.kind != "table" or f.blocky[k] or u.end - u.start < 4:
            continue
        rows = [i for i in range(u.start + 2, u.end) if f.info.lines[i].strip()]
        linked = [i for i in rows if "](http" in f.info.lines[i] or "://" in f.info.lines[i]]
        if len(linked) * 2 < len(rows):
            continue
        after = (Unit("hr", u.end, u.end),) + f.units[k + 1:]  # what follows the table is no paper's text
        title_col = next((n for n, cell in enumerate(_cells(f.info.lines[u.start])) if _TITLE_HEAD.match(cell)), None)
        items = [span for n, i in enumerate(rows)
                 if (span := _row(f, i, after if n == len(rows) - 1 else (), title_col)) is not None]
        if len(items) >= 2:
            layouts.append(Layout("table", f.units[:k], tuple(items)))
    return layouts


RULE = Rule("table", 0.45, find)
