"""markdown-it-py tokens → a tree of structural *units* with line ranges.

A unit is one block of the document (heading, paragraph, list, rule, code, HTML, quote, table).
Lists keep their items, and each item its child units, so later stages can decide whether a
list is a sequence of papers or part of one paper's body. Line numbers are 0-based lines of
the Markdown body (``Token.map``); the parser adds the front matter offset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

__all__ = ["ListItem", "Unit", "to_units", "code_lines", "code_lines_of", "MARKER_RE"]

_MD = MarkdownIt("commonmark").enable("table").disable("inline")
"""Block structure only: the parser reads inline Markdown from the source lines, so the inline pass is off."""

MARKER_RE = re.compile(r"^\s*(?:(\d{1,9})[.)]|[-*+])[ \t]+")
"""A list marker at the start of a line (``1.``, ``1)``, ``-``, ``*``, ``+``)."""

_SETEXT_RULE = re.compile(r"^\s*(?:={3,}|-{3,}|\*{3,}|_{3,})\s*$")


@dataclass(frozen=True)
class ListItem:
    """One item of a list."""

    start: int
    """First line (0-based)."""

    end: int
    """Line after the last line."""

    number: int | None
    """The item's number for ordered lists (``3.`` → 3)."""

    children: tuple["Unit", ...]
    """The item's own blocks."""


@dataclass(frozen=True)
class Unit:
    """One block of the document."""

    kind: str
    """``heading``, ``paragraph``, ``list``, ``hr``, ``code``, ``html``, ``quote`` or ``table``."""

    start: int
    """First line (0-based)."""

    end: int
    """Line after the last line."""

    level: int = 0
    """Heading level (1–6)."""

    ordered: bool = False
    """For lists: ordered (``1.``) rather than bullets."""

    items: tuple[ListItem, ...] = ()
    """For lists: the items."""

    @property
    def first_number(self) -> int | None:
        """Number of an ordered list's first item."""
        return self.items[0].number if self.items else None


def _close_index(tokens: list[Token], i: int) -> int:
    """Index of the token closing the block opened at ``tokens[i]``."""
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def _span(token: Token, fallback: int) -> tuple[int, int]:
    if token.map:
        return token.map[0], token.map[1]
    return fallback, fallback + 1


def _is_paragraph_over_rule(tok: Token, inline: Token | None) -> bool:
    """A ``---`` "setext heading" that is really a paragraph followed by a rule: its text has several
    lines (a whole paper written as one paragraph) or holds links (a link line right above ``---``)."""
    if tok.markup != "-" or not tok.map or inline is None:
        return False
    content = inline.content
    return tok.map[1] - tok.map[0] > 2 or "](" in content or "://" in content


def _units(tokens: list[Token], i: int, stop: int) -> tuple[Unit, ...]:
    out: list[Unit] = []
    last = 0
    while i < stop:
        tok = tokens[i]
        if tok.nesting == -1 or tok.type == "inline":
            i += 1
            continue
        start, end = _span(tok, last)
        last = end
        close = _close_index(tokens, i) if tok.nesting == 1 else i
        t = tok.type
        if t == "heading_open" and _is_paragraph_over_rule(tok, tokens[i + 1] if i + 1 < stop else None):
            out.append(Unit("paragraph", start, end - 1))
            out.append(Unit("hr", end - 1, end))
        elif t == "heading_open":
            out.append(Unit("heading", start, end, level=int(tok.tag[1:])))
        elif t == "paragraph_open":
            out.append(Unit("paragraph", start, end))
        elif t in ("bullet_list_open", "ordered_list_open"):
            out.append(Unit("list", start, end, ordered=t == "ordered_list_open",
                            items=_items(tokens, i + 1, close, t == "ordered_list_open", tok)))
        elif t == "hr":
            out.append(Unit("hr", start, end))
        elif t in ("fence", "code_block"):
            out.append(Unit("code", start, end))
        elif t == "html_block":
            out.append(Unit("html", start, end))
        elif t == "blockquote_open":
            out.append(Unit("quote", start, end))
        elif t == "table_open":
            out.append(Unit("table", start, end))
        i = close + 1
    return tuple(out)


def _items(tokens: list[Token], i: int, stop: int, ordered: bool, list_tok: Token) -> tuple[ListItem, ...]:
    items: list[ListItem] = []
    number = int(list_tok.attrGet("start") or 1) if ordered else None
    while i < stop:
        tok = tokens[i]
        if tok.type != "list_item_open":
            i += 1
            continue
        close = _close_index(tokens, i)
        start, end = _span(tok, 0)
        info = tok.info
        if ordered and info and info.isdigit():
            number = int(info)
        items.append(ListItem(start, end, number if ordered else None, _units(tokens, i + 1, close)))
        if ordered and number is not None:
            number += 1
        i = close + 1
    return tuple(items)


def to_units(body: str) -> tuple[Unit, ...]:
    """Parse ``body`` once with markdown-it and return its top-level units.

    A paragraph made only of ``====`` (an e-mail export's separator that is not a setext
    underline because a blank line precedes it) is returned as a rule.
    """
    tokens = _MD.parse(body)
    units = _units(tokens, 0, len(tokens))
    lines = body.split("\n")
    fixed = []
    for u in units:
        if u.kind == "paragraph" and u.end - u.start == 1 and _SETEXT_RULE.match(lines[u.start]):
            u = Unit("hr", u.start, u.end)
        fixed.append(u)
    return tuple(fixed)


def code_lines(body: str) -> set[int]:
    """0-based lines of ``body`` inside fenced or indented code blocks (at any depth)."""
    out: set[int] = set()
    for tok in _MD.parse(body):
        if tok.type in ("fence", "code_block") and tok.map:
            out.update(range(tok.map[0], tok.map[1]))
    return out


def code_lines_of(units: tuple[Unit, ...]) -> set[int]:
    """0-based lines inside code blocks among ``units`` and their list items' units (no second parse)."""
    out: set[int] = set()
    for u in units:
        if u.kind == "code":
            out.update(range(u.start, u.end))
        for it in u.items:
            out |= code_lines_of(it.children)
    return out
