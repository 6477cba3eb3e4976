"""How well a candidate layout explains the document: a sum of named terms.

Items that own links count most, items without links count against, consecutive numbering helps; empty
headings, items that run over a heading of the document and items whose links sit in the middle of their
text (they have swallowed the start of the next paper) cost. Each rule adds a small fixed preference so
that ties go to the more explicit layout (a numbered list over bold lines). ``--explain`` prints the terms.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from .finder import Finder, ItemSpan, Layout

__all__ = ["Score", "score"]

WEIGHTS = {"linked": 3.0, "unlinked": -0.75, "consecutive": 1.5, "empty_heads": -2.0, "crossing": -1.0,
           "links_inside": -0.5, "rule_bonus": 1.0}
"""Weight of each term."""


@dataclass(frozen=True)
class Score:
    """The terms of one layout's score."""

    linked: int
    """Items that carry a link."""

    unlinked: int
    """Items without any link."""

    consecutive: int
    """1 when every item is numbered and the numbers follow each other."""

    empty_heads: int
    """Items whose heading is empty."""

    crossing: int
    """Items of a non-heading rule that run over a heading of the document."""

    links_inside: int
    """Items whose links are followed by more of their text."""

    rule_bonus: float
    """The rule's own preference (:attr:`.rules.Rule.bonus`)."""

    @property
    def total(self) -> float:
        """The weighted sum of the terms."""
        return sum(WEIGHTS[fl.name] * getattr(self, fl.name) for fl in fields(self))

    def explain(self) -> str:
        """``linked 3×8 + unlinked -0.75×2 + … = 22.5``: the non-zero terms and the total."""
        terms = [f"{fl.name} {WEIGHTS[fl.name]:g}×{getattr(self, fl.name):g}" for fl in fields(self)
                 if getattr(self, fl.name)]
        return " + ".join(terms) + f" = {self.total:.2f}"


def _crosses(f: Finder, item: ItemSpan) -> bool:
    """The item runs over a heading of the document and on into text with links: it has taken in a section
    that is not its own (a heading followed only by linkless text is a section of the issue after the item)."""
    units = item.units
    return any(u.kind == "heading" and any(f.info.unit_has_links(v) for v in units[j + 1:])
               for j, u in enumerate(units[1:], start=1))


def score(f: Finder, layout: Layout, bonus: float) -> Score:
    """The terms of ``layout``'s score."""
    items = layout.items
    linked = sum(1 for item in items if f.item_linked(item))
    numbers = [i.number for i in items if i.number is not None]
    consecutive = bool(numbers) and len(numbers) == len(items) and \
        numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    crossing = 0 if layout.pattern == "heading" else sum(1 for i in items if _crosses(f, i))
    return Score(
        linked=linked,
        unlinked=len(items) - linked,
        consecutive=int(consecutive),
        empty_heads=sum(1 for i in items if not i.heading.strip()),
        crossing=crossing,
        links_inside=sum(1 for i in items if f.links_inside(i)),
        rule_bonus=bonus,
    )
