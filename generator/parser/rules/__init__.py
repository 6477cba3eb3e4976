"""Item rules: each names one way a newsletter may open its paper items, in a declared order.

Like markdown-it's ``Ruler``, a rule is a named value with one signature: ``find(finder)`` returns the
candidate layouts the rule sees in the document (usually one, none when the pattern is absent). The
parser scores every candidate (:mod:`..score`) and keeps the best; ``digest parse --explain`` prints them
all. A new layout is a new module here, added to :data:`RULES`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..finder import Finder, Layout

__all__ = ["Rule", "RULES"]


@dataclass(frozen=True)
class Rule:
    """One item pattern."""

    name: str
    """The rule's name, as ``--explain`` and :attr:`ItemSpan.pattern` show it."""

    bonus: float
    """A small preference added to the score, so that ties go to the more explicit layout."""

    find: Callable[[Finder], list[Layout]]
    """The candidate layouts of the document under this rule."""

    fallback: bool = False
    """Asked only when no other rule found a layout with at least two linked items."""


def _rules() -> tuple[Rule, ...]:
    from . import (bold, delimiter, heading, ident, list_items, marker, name, numbered, plain, quote, rule, section,
                   table)
    return (list_items.RULE, numbered.RULE, delimiter.RULE, ident.RULE, table.RULE, heading.RULE, section.RULE,
            rule.RULE, marker.RULE, quote.RULE, bold.RULE, name.RULE, plain.RULE)


RULES: tuple[Rule, ...] = _rules()
"""Every item rule, in the order candidates are listed."""
