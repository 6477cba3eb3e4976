"""``digest check``: every problem of some content files, cross-file ones included.

One job: find the files named (or the Markdown files under the folders named), parse each,
and add the enrichment problems (``papers.yml``, ``topics.yml``, paper identity, topics) of
every content folder involved. Nothing is printed here; the CLI prints what this returns.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from .contentfiles import LANGUAGE_DIRS, folder_files, language_files

from .enrich import catalog_problems
from .importer import draft_problems, example_item_problems
from .model import Location, Problem, Severity
from .parser import parse_file

__all__ = ["DEFAULT_CONTENT", "check_paths", "collect_files", "content_root", "list_files"]

DEFAULT_CONTENT = Path("content")
"""What ``digest check`` looks at when given no path."""

def list_files(paths: Sequence[str]) -> tuple[list[Path], list[Problem], list[Problem]]:
    """The files to check (default ``content/``), what was skipped (see :mod:`generator.contentfiles`:
    the build reads exactly the same files of a content folder) and an error per path that does not exist."""
    files: list[Path] = []
    skipped: list[Problem] = []
    missing: list[Problem] = []
    for raw in paths or [str(DEFAULT_CONTENT)]:
        path = Path(raw)
        if path.is_dir() and not path.is_symlink():
            if (path / "ko").is_dir():
                listings = [language_files(path / lang) for lang in LANGUAGE_DIRS]
            elif path.name in LANGUAGE_DIRS and content_root(path) == path.parent:
                listings = [language_files(path)]
            else:
                listings = [folder_files(path)]
            for listing in listings:
                files.extend(listing.files)
                skipped.extend(listing.skipped)
        elif os.path.lexists(path):  # a file, or a link, FIFO or device that reading will refuse
            files.append(path)
        else:
            missing.append(Problem(Location(raw, 0), Severity.ERROR, "no such file or directory",
                                   "check the path"))
    return files, skipped, missing


def collect_files(paths: Sequence[str]) -> tuple[list[Path], list[Problem]]:
    """The files to check and an error for each path that does not exist (skipped files left out)."""
    files, _, missing = list_files(paths)
    return files, missing


def content_root(path: Path) -> Path | None:
    """The content folder (the one holding ``ko/``) that ``path`` is or is inside, if any."""
    for candidate in (path, path.parent, path.parent.parent):
        if candidate.is_dir() and (candidate / "ko").is_dir():
            return candidate
    return None


def check_paths(paths: Sequence[str]) -> list[Problem]:
    """All problems of the given files/folders (default ``content/``): each file's parse problems
    (a note for a draft, a warning for an example item left over from ``digest new``), then the cross-file
    problems of each content folder they belong to (once per folder) — only those that involve one of the files
    when only files are named."""
    files, skipped, problems = list_files(paths)
    problems.extend(skipped)
    for path in files:
        result = parse_file(path)
        problems.extend(result.problems)
        if result.issue is not None:
            problems.extend(draft_problems(result.issue))
            if not any(p.severity is Severity.ERROR for p in result.problems):  # a broken front matter may
                problems.extend(example_item_problems(result.issue))           # have lost its `draft: true`
    roots: list[Path] = []
    for raw in paths or [str(DEFAULT_CONTENT)]:
        root = content_root(Path(raw))
        if root is not None and root not in roots:
            roots.append(root)
    named_files = paths and not any(Path(raw).is_dir() for raw in paths)
    checked = {os.path.abspath(path) for path in files}
    for root in roots:
        for problem in catalog_problems(root):
            if not named_files or _involves(problem, checked):
                problems.append(problem)
    return problems


def _involves(problem: Problem, checked: set[str]) -> bool:
    """True when a cross-file ``problem`` is about one of the ``checked`` files: it points there, or names one
    (``paper 2 has the same link as paper 5 (other.md:12)``)."""
    if os.path.abspath(problem.location.path) in checked:
        return True
    return any(os.path.relpath(path) in problem.message or path in problem.message for path in checked)
