"""Which files are issues: the one file list that ``digest check`` and the site build both read.

An issue is a ``.md`` entry directly inside ``content/ko/`` or ``content/en/``. Everything else in those
folders is skipped, and every skip is reported (``info`` for what is never content, ``warning`` for what
looks like content but is not read):

* ``README.md`` — notes for editors (info);
* editor lock and backup files: ``.#x.md``, ``#x.md#``, ``x.md~``, ``.x.md.swp``, any hidden file (info);
* a folder, also one named ``x.md`` — issues are not read from sub-folders (warning);
* a file that does not end in ``.md`` (warning).

An entry that is kept but is no regular file (a symbolic link, a FIFO, a device) is still listed: reading it
(:func:`generator.sources.read_bytes`) refuses it with a ``path:line:`` error, in the check as in the build.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .model import Location, Problem, Severity

__all__ = ["FileList", "LANGUAGE_DIRS", "language_files", "folder_files", "skip_reason"]

LANGUAGE_DIRS = ("ko", "en")
"""The folders of ``content/`` that hold issues."""

_BACKUP_SUFFIXES = ("~", ".swp", ".swo", ".swx", ".bak", ".orig", ".tmp")


@dataclass(frozen=True)
class FileList:
    """The issue files of a folder and what was skipped there."""

    files: tuple[Path, ...]
    """Files to read as issues, sorted by name."""

    skipped: tuple[Problem, ...]
    """One ``info`` or ``warning`` per entry that is not read, saying why."""


def skip_reason(path: Path) -> tuple[Severity, str, str] | None:
    """``(severity, why it is not read, what to do)`` for an entry of a language folder, ``None`` for an issue."""
    name = path.name
    try:
        is_dir = stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        is_dir = False
    if name.startswith((".", "#")) or name.endswith(_BACKUP_SUFFIXES):
        return (Severity.INFO, "an editor's lock, swap or backup file is not read",
                "nothing to do; delete it once the editor is closed")
    if is_dir:
        return (Severity.WARNING, "this is a folder; issues are not read from sub-folders",
                "move the issues it holds up into the language folder, or move the folder out of content/")
    if name.lower() == "readme.md":
        return Severity.INFO, "README.md is a note for editors, not an issue", "nothing to do"
    if not name.endswith(".md"):
        return (Severity.WARNING, "only `.md` files are issues; this file is not read",
                "rename it to `<date>-<slug>.md` if it is an issue, or move it out of content/")
    return None


def _skipped(path: Path, reason: tuple[Severity, str, str]) -> Problem:
    return Problem(Location(str(path), 1), reason[0], reason[1], reason[2])


def language_files(folder: Path) -> FileList:
    """The issues directly inside ``folder`` (``content/ko`` or ``content/en``) and the skipped entries."""
    try:
        entries = sorted(folder.iterdir())
    except FileNotFoundError:
        return FileList((), ())
    except OSError as exc:
        return FileList((), (Problem(Location(str(folder), 1), Severity.ERROR,
                                     f"cannot list the folder: {exc.strerror or exc}", "check its permissions"),))
    files, skipped = [], []
    for path in entries:
        reason = skip_reason(path)
        if reason is None:
            files.append(path)
        else:
            skipped.append(_skipped(path, reason))
    return FileList(tuple(files), tuple(skipped))


def folder_files(folder: Path) -> FileList:
    """``.md`` files anywhere below a folder that is not a content folder (e.g. a folder of drafts), by
    the same naming rules; other files are not content and are passed over in silence. Links to folders
    are not followed."""
    files, skipped = [], []
    for root, dirs, names in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in sorted(names):
            path = Path(root) / name
            reason = skip_reason(path)
            if reason is None:
                files.append(path)
            elif ".md" in name:
                skipped.append(_skipped(path, reason))
    return FileList(tuple(files), tuple(skipped))
