"""Atomic publish: a build writes into a staging folder next to ``site_dir`` and swaps it in only when it is complete.

MkDocs cleans ``site_dir`` and writes page after page into it, so a failure half-way (a template error, a broken
catalog, a full disk, a killed process) used to leave a half-written or empty site. Here the build's ``site_dir``
is a staging folder ``.<name>.digest-build-<pid>`` beside the real one (same file system); when both languages
are written, :func:`publish` exchanges the two folders in one ``renameat2(RENAME_EXCHANGE)`` system call (Linux),
so that at every instant ``site_dir`` is either the old complete site or the new complete one. Then the old site
is deleted. Where the exchange is not available, two renames are used and a site left aside by an interrupted
swap is put back by the next build.

A failed or interrupted build removes its staging folder (:func:`discard`); one left by a killed process is
removed by the next build (:func:`begin`). Nothing here knows MkDocs.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Staging", "begin", "publish", "discard", "exchange"]

_BUILD = ".digest-build-"
_OLD = ".digest-old-"


@dataclass(frozen=True)
class Staging:
    """Where one build writes, and where its result goes."""

    site_dir: Path
    """The published site (``site_dir`` of ``mkdocs.yml`` or ``-d``)."""

    staging: Path
    """The folder the build writes into, next to :attr:`site_dir`."""


def _sibling(site_dir: Path, kind: str, pid: int) -> Path:
    return site_dir.with_name(f".{site_dir.name}{kind}{pid}")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _leftovers(site_dir: Path, kind: str) -> list[Path]:
    """Staging (or set-aside) folders of ``site_dir`` whose build process is gone."""
    prefix = f".{site_dir.name}{kind}"
    found = []
    for path in site_dir.parent.glob(f"{prefix}*"):
        pid = path.name[len(prefix):]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)) and path.is_dir():
            found.append(path)
    return sorted(found)


def begin(site_dir: Path) -> Staging:
    """A fresh staging folder for ``site_dir``; first, what interrupted builds left is tidied: an old site set
    aside by a swap that did not finish is put back, stale staging folders are removed. Raises ``OSError``."""
    site_dir = site_dir.absolute()
    for old in _leftovers(site_dir, _OLD):
        if not site_dir.exists():
            os.rename(old, site_dir)
        else:
            shutil.rmtree(old, ignore_errors=True)
    for stale in _leftovers(site_dir, _BUILD):
        shutil.rmtree(stale, ignore_errors=True)
    staging = _sibling(site_dir, _BUILD, os.getpid())
    shutil.rmtree(staging, ignore_errors=True)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging.mkdir()
    return Staging(site_dir, staging)


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths atomically (Linux ``renameat2`` with ``RENAME_EXCHANGE``); ``False`` when the
    system or the file system cannot. Raises ``OSError`` for other failures."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    renameat2.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(a))


def publish(staging: Staging) -> None:
    """Put the complete site of ``staging`` in place of the old one, then delete the old one. Raises ``OSError``."""
    site_dir = staging.site_dir
    if site_dir.is_symlink() or (site_dir.exists() and not site_dir.is_dir()):
        raise OSError(errno.ENOTDIR, "is not a folder", str(site_dir))
    if not site_dir.exists():
        os.rename(staging.staging, site_dir)
        return
    if exchange(staging.staging, site_dir):
        shutil.rmtree(staging.staging, ignore_errors=True)  # now the old site
        return
    aside = _sibling(site_dir, _OLD, os.getpid())
    os.rename(site_dir, aside)
    os.rename(staging.staging, site_dir)
    shutil.rmtree(aside, ignore_errors=True)


def discard(staging: Staging) -> None:
    """Remove the staging folder of a build that did not finish; the published site is not touched."""
    shutil.rmtree(staging.staging, ignore_errors=True)
