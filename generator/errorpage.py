"""The page ``mkdocs serve`` shows while the content has errors: every ``path:line: error`` with its hint.

The preview never hangs on a broken file: the adapter puts this page at every address the last good build had,
so the page the editor is looking at turns into the list of errors, and the next good save brings the site back
(the preview reloads by itself). ``mkdocs build`` still fails on errors, writing nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator import i18n
from generator.model import Problem, Severity

__all__ = ["ErrorEntry", "ErrorsView", "errors_view"]


@dataclass(frozen=True)
class ErrorEntry:
    """One problem, as the page lists it."""

    where: str
    """``path:line`` (the path relative to the project folder when it is inside it)."""

    severity: str
    """``error`` or ``warning``."""

    message: str
    """What is wrong."""

    hint: str
    """What to do."""


@dataclass(frozen=True)
class ErrorsView:
    """The error page."""

    title: str
    """``The content has 2 errors``, in the page language."""

    errors: tuple[ErrorEntry, ...]
    """The errors, in the order the build found them."""

    warnings: tuple[ErrorEntry, ...]
    """The warnings found with them."""


def _entry(problem: Problem) -> ErrorEntry:
    return ErrorEntry(str(problem.location), problem.severity.value, problem.message, problem.hint)


def errors_view(problems: Sequence[Problem], lang: str) -> ErrorsView:
    """The view of ``problems`` (their paths already as the editor should read them) in ``lang``."""
    count = sum(1 for p in problems if p.severity is Severity.ERROR)
    title = i18n.ngettext_for(lang)("The content has %(num)d error", "The content has %(num)d errors", count)
    return ErrorsView(
        title=title % {"num": count},
        errors=tuple(_entry(p) for p in problems if p.severity is Severity.ERROR),
        warnings=tuple(_entry(p) for p in problems if p.severity is Severity.WARNING),
    )
