"""Translation parity: is every Korean issue translated, and does the English file say the same?

Issues are paired by file name (``content/ko/<slug>.md`` ↔ ``content/en/<slug>.md``), papers by
position. For each pair the report checks the paper count, the English titles (when both files
give one), the set of link addresses, and that the figures of the Korean text (``85.3%``,
``7M``, ``GPT-4o``, ``1,320``…) appear in the English text too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import Enum
from pathlib import Path

from generator.enrich.identity import core_name, normalise
from generator.model import Issue, Location, Paper, Problem, Severity

TITLE_SIMILARITY = 0.6
"""Lowest similarity (0–1) of two English titles of one paper before they are reported."""

MAX_FIGURES_SHOWN = 8
"""Most missing figures named in one message."""

_FIGURE = re.compile(
    r"(?<![A-Za-z0-9.])(?:"
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"            # 1,320  18,282
    r"|\d+\.\d+%?"                             # 85.3  85.3%  0.57
    r"|\d+%"                                   # 75%
    r"|\d+(?:\.\d+)?[KMBT]\b"                  # 24K  7M  32B
    r"|[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*-?\d[A-Za-z0-9.]*(?:-[A-Za-z0-9.]+)*"  # GPT-4o Qwen3-8B ARC-AGI-1
    r")(?![A-Za-z0-9]|[십백천만억조])"  # 2,700만 is written 27M in English: not a figure to keep
)


class TranslationState(str, Enum):
    """Where an issue stands."""

    TRANSLATED = "translated"
    """The English file exists and matches the Korean one."""
    MISSING = "missing"
    """No English file: the English pages show the Korean text with a notice."""
    OUT_OF_PARITY = "out of parity"
    """The English file exists but differs from the Korean one."""
    ORPHAN = "orphan"
    """An English file without a Korean original (not published)."""


@dataclass(frozen=True)
class TranslationStatus:
    """The translation state of one issue, with every difference found."""

    slug: str
    """File stem shared by both files."""

    state: TranslationState
    """Translated, missing, out of parity, or orphan."""

    ko_path: str | None
    """The Korean file (``None`` for an orphan)."""

    en_path: str | None
    """The English file (``None`` when missing)."""

    problems: tuple[Problem, ...] = ()
    """Differences, each with ``path:line``."""


def report(content_dir: Path) -> list[TranslationStatus]:
    """The translation status of every issue of ``content_dir``, in file-name order."""
    from generator.enrich import parse_content

    ko, en, _ = parse_content(content_dir)
    return statuses(ko, en)


def statuses(ko_issues: Sequence[Issue], en_issues: Sequence[Issue]) -> list[TranslationStatus]:
    """Pair the issues of both languages by slug and compare each pair."""
    korean = {issue.slug: issue for issue in ko_issues}
    english = {issue.slug: issue for issue in en_issues}
    result = []
    for slug in sorted(korean.keys() | english.keys()):
        ko, en = korean.get(slug), english.get(slug)
        if ko is None:
            result.append(TranslationStatus(slug, TranslationState.ORPHAN, None, en.path, (Problem(
                en.location, Severity.ERROR, f"English issue `{slug}` has no Korean original",
                f"add content/ko/{slug}.md, or rename this file to the Korean issue's file name"),)))
        elif en is None:
            result.append(TranslationStatus(slug, TranslationState.MISSING, ko.path, None, (Problem(
                ko.location, Severity.WARNING, "no English translation; the English pages show the Korean text",
                f"translate it into content/en/{slug}.md (same papers, order, figures and links)"),)))
        else:
            problems = tuple(compare(ko, en))
            state = TranslationState.OUT_OF_PARITY if problems else TranslationState.TRANSLATED
            result.append(TranslationStatus(slug, state, ko.path, en.path, problems))
    return result


def compare(ko: Issue, en: Issue) -> list[Problem]:
    """Every difference between a Korean issue and its English translation."""
    problems = []
    if len(ko.papers) != len(en.papers):
        problems.append(Problem(
            en.location, Severity.ERROR,
            f"the English issue has {len(en.papers)} papers, the Korean one {len(ko.papers)} ({ko.path})",
            "translate every paper of the Korean issue, in the same order, and nothing else"))
    for ko_paper, en_paper in zip(ko.papers, en.papers):
        problems.extend(compare_papers(ko_paper, en_paper, ko.path))
    return problems


def mismatch(ko: Issue, en: Issue) -> str | None:
    """Why the English issue cannot be published as the translation of the Korean one, or ``None``.

    Papers are paired by position only when the positions are provably the same papers: the same count, and
    at each position no link addresses that share nothing and no English titles that disagree. Otherwise the
    English pages of one paper would show another paper's text."""
    if len(ko.papers) != len(en.papers):
        return f"it has {len(en.papers)} papers, the Korean issue {len(ko.papers)}"
    for ko_paper, en_paper in zip(ko.papers, en.papers):
        ko_urls = {link.url for link in ko_paper.links if link.url}
        en_urls = {link.url for link in en_paper.links if link.url}
        if ko_urls and en_urls and ko_urls.isdisjoint(en_urls):
            return f"paper #{en_paper.position} links to other addresses than the Korean paper #{ko_paper.position}"
        if ko_paper.title_en and en_paper.title_en and not titles_agree(ko_paper.title_en, en_paper.title_en):
            return f"paper #{en_paper.position} is `{en_paper.title_en}`, the Korean one `{ko_paper.title_en}`"
    return None


def mismatch_problem(ko: Issue, en: Issue, reason: str) -> Problem:
    """The warning for an English issue that is not published as a translation (see :func:`mismatch`)."""
    return _warn(en.location, f"the English issue does not list the papers of {ko.path} ({reason}); its English "
                 "pages show the Korean text with the \"not yet translated\" notice",
                 "translate every paper of the Korean issue, in the same order, with the same links "
                 "(`digest translations` lists the differences)")


def compare_papers(ko: Paper, en: Paper, ko_path: str) -> list[Problem]:
    """Differences between the Korean and the English item at one position."""
    where = f"{ko.location}"
    problems = []
    if ko.title_en and en.title_en and not titles_agree(ko.title_en, en.title_en):
        problems.append(_warn(en.location,
                              f"paper #{en.position} is `{en.title_en}` here but `{ko.title_en}` in {where}",
                              "check that both files list the same paper at this position"))
    ko_urls = {link.url for link in ko.links if link.url}
    en_urls = {link.url for link in en.links if link.url}
    if ko_urls != en_urls:
        parts = []
        if ko_urls - en_urls:
            parts.append(f"missing {', '.join(sorted(ko_urls - en_urls))}")
        if en_urls - ko_urls:
            parts.append(f"extra {', '.join(sorted(en_urls - ko_urls))}")
        problems.append(_warn(en.location or Location(ko_path, 0),
                              f"links of paper #{en.position} differ from {where}: {'; '.join(parts)}",
                              "copy the link line of the Korean item"))
    missing = missing_figures(f"{ko.heading}\n{ko.body}", f"{en.heading}\n{en.body}")
    if missing:
        shown = ", ".join(missing[:MAX_FIGURES_SHOWN]) + (" …" if len(missing) > MAX_FIGURES_SHOWN else "")
        problems.append(_warn(en.location,
                              f"paper #{en.position} lacks figures of the Korean text ({where}): {shown}",
                              "translate every number, model name and result of the Korean item"))
    return problems


def titles_agree(a: str, b: str) -> bool:
    """True when two English titles of one paper name it alike (same name, one inside the other, or close)."""
    na, nb = normalise(a), normalise(b)
    if not na or not nb or core_name(a) == core_name(b) or na in nb or nb in na:
        return True
    return SequenceMatcher(None, na, nb).ratio() >= TITLE_SIMILARITY


def figures(text: str) -> list[str]:
    """Numbers and model names of ``text`` that a translation must keep, in order, without repeats."""
    return list(dict.fromkeys(match.group(0).rstrip(".") for match in _FIGURE.finditer(text)))


def missing_figures(ko_text: str, en_text: str) -> list[str]:
    """Figures of the Korean text that do not occur in the English text (case-insensitively)."""
    english = en_text.casefold()
    return [
        figure for figure in figures(ko_text)
        if not re.search(rf"(?<![a-z0-9.]){re.escape(figure.casefold())}[x×]?(?![a-z0-9])", english)
    ]


def _warn(location: Location, message: str, hint: str) -> Problem:
    return Problem(location, Severity.WARNING, message, hint)


def format_report(statuses_: Sequence[TranslationStatus]) -> list[str]:
    """The lines ``digest translations`` prints: one per issue, its problems indented, a summary."""
    width = max((len(state.value) for state in TranslationState), default=0)
    lines = []
    for status in statuses_:
        lines.append(f"{status.state.value:<{width}}  {status.slug}")
        lines.extend(f"  {problem.format()}" for problem in status.problems)
    counts = ", ".join(
        f"{sum(s.state is state for s in statuses_)} {state.value}" for state in TranslationState
    )
    lines.append(f"digest translations: {len(statuses_)} issues — {counts}")
    return lines


def exit_status(statuses_: Sequence[TranslationStatus], *, strict: bool = False) -> int:
    """1 when a problem is an error (paper count, orphan file), or with ``strict`` when any issue is not translated."""
    if any(p.severity is Severity.ERROR for s in statuses_ for p in s.problems):
        return 1
    return int(strict and any(s.state is not TranslationState.TRANSLATED for s in statuses_))
