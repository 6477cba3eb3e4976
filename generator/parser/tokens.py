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
from markdown_it.tree import SyntaxTreeNode

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


def _span(node: SyntaxTreeNode, fallback: int) -> tuple[int, int]:
    if node.map:
        return node.map[0], node.map[1]
    return fallback, fallback + 1


def _is_paragraph_over_rule(node: SyntaxTreeNode) -> bool:
    """A ``---`` "setext heading" that is really a paragraph followed by a rule: its text has several
    lines (a whole paper written as one paragraph) or holds links (a link line right above ``---``)."""
    if node.markup != "-" or not node.map or not node.children:
        return False
    content = node.children[0].content
    return node.map[1] - node.map[0] > 2 or "](" in content or "://" in content


_KINDS = {"paragraph": "paragraph", "hr": "hr", "fence": "code", "code_block": "code", "html_block": "html",
          "blockquote": "quote", "table": "table"}
"""markdown-it block node type → unit kind (headings and lists are built below)."""


def _units(nodes: list[SyntaxTreeNode]) -> tuple[Unit, ...]:
    out: list[Unit] = []
    last = 0
    for node in nodes:
        start, end = _span(node, last)
        last = end
        if node.type == "heading" and _is_paragraph_over_rule(node):
            out.append(Unit("paragraph", start, end - 1))
            out.append(Unit("hr", end - 1, end))
        elif node.type == "heading":
            out.append(Unit("heading", start, end, level=int(node.tag[1:])))
        elif node.type in ("bullet_list", "ordered_list"):
            ordered = node.type == "ordered_list"
            out.append(Unit("list", start, end, ordered=ordered, items=_items(node, ordered)))
        elif node.type in _KINDS:
            out.append(Unit(_KINDS[node.type], start, end))
    return tuple(out)


def _items(node: SyntaxTreeNode, ordered: bool) -> tuple[ListItem, ...]:
    items: list[ListItem] = []
    number = int(node.attrs.get("start") or 1) if ordered else None  # type: ignore[arg-type]
    for item in node.children:
        if item.type != "list_item":
            continue
        start, end = _span(item, 0)
        if ordered and item.info and item.info.isdigit():
            number = int(item.info)
        items.append(ListItem(start, end, number if ordered else None, _units(item.children)))
        if ordered and number is not None:
            number += 1
    return tuple(items)


def block_tokens(body: str) -> list[Token]:
    """markdown-it's block tokens of ``body`` (no inline pass): the first step of every parse."""
    return _MD.parse(body)


def to_units(body: str) -> tuple[Unit, ...]:
    """Parse ``body`` once with markdown-it and return its top-level units.

    A paragraph made only of ``====`` (an e-mail export's separator that is not a setext
    underline because a blank line precedes it) is returned as a rule.
    """
    units = _units(SyntaxTreeNode(block_tokens(body)).children)
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
