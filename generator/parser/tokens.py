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

__all__ = ["ListItem", "Unit", "block_tokens", "to_units", "code_lines", "code_lines_of", "MARKER_RE"]

_MD = MarkdownIt("commonmark").enable("table").disable(["inline", "code"])
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

    children: tuple[Unit, ...]
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


def _closers(tokens: list[Token]) -> list[int]:
    """Per token index, the index of the token that closes it (itself for a token that opens nothing)."""
    close = list(range(len(tokens)))
    stack: list[int] = []
    for n, tok in enumerate(tokens):
        if tok.nesting == 1:
            stack.append(n)
        elif tok.nesting == -1 and stack:
            close[stack.pop()] = n
    return close


def _is_paragraph_over_rule(tokens: list[Token], n: int) -> bool:
    """A ``---`` "setext heading" that is really a paragraph followed by a rule: its text has several
    lines (a whole paper written as one paragraph) or holds links (a link line right above ``---``)."""
    tok = tokens[n]
    if tok.markup != "-" or not tok.map or n + 1 >= len(tokens) or tokens[n + 1].type != "inline":
        return False
    content = tokens[n + 1].content
    return tok.map[1] - tok.map[0] > 2 or "](" in content or "://" in content


_KINDS = {"paragraph_open": "paragraph", "hr": "hr", "fence": "code", "code_block": "code", "html_block": "html",
          "blockquote_open": "quote", "table_open": "table"}
"""markdown-it block token type → unit kind (headings and lists are built below)."""


def _units(tokens: list[Token], close: list[int], start: int, stop: int) -> tuple[Unit, ...]:
    """The units of the blocks among ``tokens[start:stop]`` (a flat token stream, read as the tree it encodes)."""
    out: list[Unit] = []
    last = 0
    n = start
    while n < stop:
        tok = tokens[n]
        nxt = close[n] + 1
        if tok.nesting == -1 or tok.type == "inline":
            n += 1
            continue
        begin, end = (tok.map[0], tok.map[1]) if tok.map else (last, last + 1)
        last = end
        if tok.type == "heading_open" and _is_paragraph_over_rule(tokens, n):
            out.append(Unit("paragraph", begin, end - 1))
            out.append(Unit("hr", end - 1, end))
        elif tok.type == "heading_open":
            out.append(Unit("heading", begin, end, level=int(tok.tag[1:])))
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            ordered = tok.type == "ordered_list_open"
            out.append(Unit("list", begin, end, ordered=ordered, items=_items(tokens, close, n, ordered)))
        elif tok.type in _KINDS:
            out.append(Unit(_KINDS[tok.type], begin, end))
        n = nxt
    return tuple(out)


def _items(tokens: list[Token], close: list[int], n: int, ordered: bool) -> tuple[ListItem, ...]:
    items: list[ListItem] = []
    number = int(tokens[n].attrs.get("start") or 1) if ordered else None  # type: ignore[arg-type]
    k = n + 1
    while k < close[n]:
        item = tokens[k]
        if item.type != "list_item_open":
            k = close[k] + 1
            continue
        begin, end = (item.map[0], item.map[1]) if item.map else (0, 1)
        if ordered and item.info and item.info.isdigit():
            number = int(item.info)
        items.append(ListItem(begin, end, number if ordered else None, _units(tokens, close, k + 1, close[k])))
        if ordered and number is not None:
            number += 1
        k = close[k] + 1
    return tuple(items)


def block_tokens(body: str) -> list[Token]:
    """markdown-it's block tokens of ``body`` (no inline pass): the first step of every parse."""
    return _MD.parse(body)


def to_units(body: str) -> tuple[Unit, ...]:
    """Parse ``body`` once with markdown-it and return its top-level units.

    A paragraph made only of ``====`` (an e-mail export's separator that is not a setext
    underline because a blank line precedes it) is returned as a rule.
    """
    tokens = block_tokens(body)
    units = _units(tokens, _closers(tokens), 0, len(tokens))
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
