"""The newsletter parser: Markdown source → :class:`~generator.model.ParseResult`.

It recognises *structure*, not particular files: see :mod:`.items` for how the repeating
"one paper" pattern is chosen, :mod:`.links` for link lines, :mod:`.blocks` for ads,
glossaries, highlights and footers, :mod:`.titles` for Korean/English titles and
:mod:`.metadata` for header lines and dates. Reading and front matter are in
:mod:`generator.sources`.

Public API::

    parse_text(text, path, *, slug=None, lang="ko") -> ParseResult
    parse_file(path, *, lang=None) -> ParseResult
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..model import Location, ParseResult, Problem, Severity
from ..sources import SourceText, load_text, read_source
from .assemble import build_issue

__all__ = ["parse_text", "parse_file", "parse_source", "lang_of", "clear_caches"]


def clear_caches() -> None:
    """Forget the per-text caches of block classification and trailing link groups (benchmarks call this so
    that a file parsed again is timed as new)."""
    from . import blocks, links, titles
    blocks.clear_cache()
    links.clear_cache()
    titles.clear_cache()


def lang_of(path: str | Path, default: str = "ko") -> str:
    """``ko``/``en`` from the parent folder name of ``path`` (``content/en/…`` → ``en``)."""
    parent = Path(path).parent.name.lower()
    return parent if parent in ("ko", "en") else default


def parse_source(src: SourceText, *, slug: str | None = None, lang: str = "ko") -> ParseResult:
    """Parse an already read :class:`SourceText`."""
    problems = list(src.problems)
    if not src.body.strip():
        problems.append(Problem(Location(src.path, src.body_offset + 1 if src.body_offset else 1), Severity.ERROR,
                                "file is empty" if not src.body_offset else "file has front matter but no body",
                                "write the issue's papers, or start from `digest new`"))
        return ParseResult(None, tuple(problems))
    fm_slug = src.front_matter.slug if src.front_matter else None
    issue, more, report = build_issue(src, slug or fm_slug or Path(src.path).stem, lang)
    if issue is not None and src.front_matter is not None and src.front_matter.draft:
        issue = replace(issue, draft=True)
    problems.extend(more)
    problems.sort(key=lambda p: p.location.line)
    return ParseResult(issue, tuple(problems), report)


def parse_text(text: str, path: str, *, slug: str | None = None, lang: str = "ko") -> ParseResult:
    """Parse newsletter ``text`` (front matter optional); ``path`` is used in locations and for the slug."""
    return parse_source(load_text(text, path), slug=slug, lang=lang)


def parse_file(path: str | Path, *, lang: str | None = None) -> ParseResult:
    """Read and parse one file; the language defaults to the parent folder (``ko``/``en``).

    Never raises: a parser bug on some input becomes an error naming the file, so that neither
    ``digest check`` nor the site build shows an editor a traceback."""
    src = read_source(path)
    if isinstance(src, Problem):
        return ParseResult(None, (src,))
    try:
        return parse_source(src, lang=lang or lang_of(path))
    except Exception as exc:  # noqa: BLE001 - a parser bug must not become a traceback for editors
        return ParseResult(None, (Problem(Location(str(path), 0), Severity.ERROR,
                                          f"the parser failed on this file ({type(exc).__name__}: {exc})",
                                          "report this as a bug, with the file attached"),))
