"""``digest check``: every problem of some content files, cross-file ones included.

One job: find the files named (or the Markdown files under the folders named), parse each,
and add the enrichment problems (``papers.yml``, ``topics.yml``, paper identity, topics) of
every content folder involved. Nothing is printed here; the CLI prints what this returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .enrich import catalog_problems
from .importer import example_item_problems
from .model import Location, Problem, Severity
from .parser import parse_file

__all__ = ["DEFAULT_CONTENT", "check_paths", "collect_files", "content_root"]

DEFAULT_CONTENT = Path("content")
"""What ``digest check`` looks at when given no path."""

_SUFFIXES = (".md", ".txt")


def collect_files(paths: Sequence[str]) -> tuple[list[Path], list[Problem]]:
    """Markdown/text files named or found under the given paths (default ``content/``), and an error
    for each path that does not exist. ``README.md`` files are not issues and are left out."""
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths or [str(DEFAULT_CONTENT)]:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*")
                                if p.suffix in _SUFFIXES and p.name.lower() != "readme.md" and p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(Location(raw, 0), Severity.ERROR, "no such file or directory",
                                    "check the path"))
    return files, problems


def content_root(path: Path) -> Path | None:
    """The content folder (the one holding ``ko/``) that ``path`` is or is inside, if any."""
    for candidate in (path, path.parent, path.parent.parent):
        if candidate.is_dir() and (candidate / "ko").is_dir():
            return candidate
    return None


def check_paths(paths: Sequence[str]) -> list[Problem]:
    """All problems of the given files/folders (default ``content/``): each file's parse problems
    (and a warning for an example item left over from ``digest new``), then the cross-file problems
    of each content folder they belong to (once per folder)."""
    files, problems = collect_files(paths)
    for path in files:
        result = parse_file(path)
        problems.extend(result.problems)
        if result.issue is not None:
            problems.extend(example_item_problems(result.issue))
    roots: list[Path] = []
    for raw in paths or [str(DEFAULT_CONTENT)]:
        root = content_root(Path(raw))
        if root is not None and root not in roots:
            roots.append(root)
    for root in roots:
        problems.extend(catalog_problems(root))
    return problems
