"""Finding the paper items: which repeating structure of the document is "one paper".

Every rule of :data:`.rules.RULES` proposes candidate layouts (a rule's starts pass its declared
:mod:`.filters`); each candidate is scored by named terms (:mod:`.score`) and the best one wins. Whatever
the winner does not claim (a numbered list inside a paper's body, an ad between items) stays with the item
before it or outside all items. :class:`Choice` keeps every candidate with its score, so that
``digest parse --explain`` can say why the winner won and what came close.
"""

from __future__ import annotations

from dataclasses import dataclass

from .finder import Finder, ItemSpan, Layout, LineInfo, split_runs
from .rules import RULES
from .score import Score, score
from .tokens import Unit

__all__ = ["ItemSpan", "Layout", "LineInfo", "Candidate", "Choice", "find_items"]


@dataclass(frozen=True)
class Candidate:
    """One layout a rule proposed, with its score."""

    rule: str
    """The rule that proposed it."""

    layout: Layout
    """The items it would make."""

    score: Score
    """Its score terms."""


@dataclass(frozen=True)
class Choice:
    """The outcome of item finding."""

    layout: Layout
    """The winning layout (no items when no rule found any)."""

    candidates: tuple[Candidate, ...]
    """Every candidate that was considered, best first."""

    rejected: tuple[str, ...] = ()
    """Why rules that saw starts proposed nothing (``heading: drop_labels dropped line 12 '요약', …``)."""

    @property
    def runner_up(self) -> Candidate | None:
        """The best candidate that splits the document differently from the winner, if any."""
        mine = [i.heading_line for i in self.layout.items]
        return next((c for c in self.candidates[1:] if [i.heading_line for i in c.layout.items] != mine), None)


def find_items(units: tuple[Unit, ...], info: LineInfo, offset: int = 0) -> Choice:
    """Choose the item layout that best explains ``units`` and split the document by it."""
    f = Finder(split_runs(units, info), info, offset)
    candidates: list[Candidate] = []
    rejected: list[str] = []
    for rule in RULES:
        if rule.fallback and any(c.score.linked >= 2 for c in candidates):
            continue
        for layout in rule.find(f):
            if not layout.items:
                rejected.extend(f"{rule.name}: {note}" for note in layout.notes)
                continue
            s = score(f, layout, rule.bonus)
            # A single item counts only when it carries links (a one-paper issue); otherwise items repeat.
            if len(layout.items) >= 2 or s.total - s.rule_bonus > 0:
                candidates.append(Candidate(rule.name, layout, s))
    candidates.sort(key=lambda c: -c.score.total)  # stable: ties keep the declared rule order
    if not candidates:
        return Choice(Layout(None, f.units, ()), (), tuple(rejected))
    return Choice(candidates[0].layout, tuple(candidates), tuple(rejected))
