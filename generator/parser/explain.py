"""How the structure of a file was read: the :class:`~generator.model.LayoutReport` and its text form.

The report lists every candidate layout with its score terms, the winner, and for every item the rule
and line that opened it; ``digest parse --explain`` prints it. Its ``confidence`` (0–1) combines how
clearly the winner beat the best different reading with how many of the winner's items carry links.
"""

from __future__ import annotations

from ..model import CandidateReport, ItemOrigin, LayoutReport, Location, Paper
from .items import Candidate, Choice

__all__ = ["layout_report", "explain_lines"]


def _confidence(choice: Choice) -> float:
    if not choice.candidates:
        return 0.0
    best = choice.candidates[0].score
    share = best.linked / max(best.linked + best.unlinked, 1)
    other = choice.runner_up
    if other is None:
        margin = 1.0
    else:
        gap = best.total - other.score.total
        margin = max(0.0, min(1.0, gap / max(abs(best.total) * 0.25, 1.0)))
    return round(0.5 * share + 0.5 * margin, 2)


def layout_report(choice: Choice, path: str, offset: int, papers: tuple[Paper, ...],
                  news: tuple[str, ...] = ()) -> LayoutReport:
    """The report of one parse: ``offset`` is the number of front-matter lines before the body; ``news`` says
    which items were found to be no papers, and why."""
    def report(c: Candidate) -> CandidateReport:
        return CandidateReport(c.rule, len(c.layout.items), tuple(i.heading_line + offset + 1 for i in c.layout.items[:4]),
                               round(c.score.total, 2), c.score.explain(), c.layout.notes)

    candidates = tuple(report(c) for c in choice.candidates)
    if candidates and choice.layout.notes != choice.candidates[0].layout.notes:  # what the steps after scoring did
        best = candidates[0]
        candidates = (CandidateReport(best.rule, best.items, best.first_lines, best.score, best.terms,
                                      choice.layout.notes),) + candidates[1:]
    other = choice.runner_up
    kept = {p.location.line for p in papers}
    items = tuple(ItemOrigin(i.pattern, Location(path, i.heading_line + offset + 1), i.heading)
                  for i in choice.layout.items if i.heading_line + offset + 1 in kept)
    return LayoutReport(choice.layout.pattern, _confidence(choice), candidates, items,
                        report(other) if other else None, choice.rejected, news)


def explain_lines(report: LayoutReport) -> list[str]:
    """The report as lines of text for a terminal."""
    out = [f"layout: {report.rule or 'none'} (confidence {report.confidence:.2f})", "candidates (best first):"]
    for n, c in enumerate(report.candidates):
        mark = "*" if n == 0 else " "
        lines = ", ".join(str(x) for x in c.first_lines) + (", …" if c.items > len(c.first_lines) else "")
        out.append(f" {mark} {c.rule:<10} {c.items:>3} items  {c.terms}   (items at lines {lines})")
        out.extend(f"      {note}" for note in c.notes)
    if report.rejected:
        out.append("rejected (every start dropped):")
        out.extend(f"    {note}" for note in report.rejected)
    out.append("items:")
    for n, item in enumerate(report.items, start=1):
        out.append(f"  {n:>2}. {item.location}: opened by rule '{item.rule}': {item.heading[:70]!r}")
    if report.news:
        out.append("not papers (kept as news blocks):")
        out.extend(f"  {line}" for line in report.news)
    return out
