"""Sources are read-only: the build and every command but ``import``/``new`` leave the checkout as it
was. The copy of the checkout is also made read-only (``chmod a-w``), but tests run as root in CI,
and root ignores permissions: what is asserted is that nothing under the checkout changed
(paths, sizes, modification times and hashes before and after)."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import sys
from pathlib import Path
from typing import Iterator

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_site import ROOT, TRACEBACK, clean_env, digest, mkdocs_build  # noqa: E402

pytestmark = pytest.mark.slow

PROJECT_FILES = ("mkdocs.yml", "content")
"""What a build reads from a site's folder (templates, theme and catalogs come with the installed package)."""


def _snapshot(root: Path) -> dict[str, tuple[int, int, str]]:
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
            if p.is_file() else (0, p.stat().st_mtime_ns, "dir")
            for p in [root, *sorted(root.rglob("*"))]}


def _chmod_tree(root: Path, writable: bool) -> None:
    for path in [root, *root.rglob("*")]:
        mode = path.stat().st_mode
        path.chmod(mode | stat.S_IWUSR if writable else mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


@pytest.fixture
def readonly_checkout(tmp_path: Path) -> Iterator[Path]:
    """A read-only copy of what the build reads from the checkout."""
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, checkout / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, checkout / name)
    _chmod_tree(checkout, writable=False)
    yield checkout
    _chmod_tree(checkout, writable=True)


def test_build_from_a_read_only_checkout_changes_nothing(readonly_checkout: Path, tmp_path: Path) -> None:
    before = _snapshot(readonly_checkout)
    env = clean_env(PYTHONDONTWRITEBYTECODE="1")
    proc = mkdocs_build(readonly_checkout / "content", tmp_path / "site", cwd=readonly_checkout, env=env)
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert (tmp_path / "site" / "index.html").is_file() and (tmp_path / "site" / "en" / "index.html").is_file()
    assert _snapshot(readonly_checkout) == before


@pytest.mark.parametrize("args", [
    ("check",),
    ("check", "content/ko"),
    ("parse", "content/ko/2025-10-12-dair-top-ai-papers-oct-6-12.md"),
    ("parse", "--json", "content/ko/2025-10-12-dair-top-ai-papers-oct-6-12.md"),
    ("translations",),
    ("translations", "--strict", "content"),
], ids=" ".join)
def test_read_only_commands_write_nothing(args: tuple[str, ...], readonly_checkout: Path) -> None:
    before = _snapshot(readonly_checkout)
    proc = digest(*args, cwd=readonly_checkout, env=clean_env(PYTHONDONTWRITEBYTECODE="1"))
    assert TRACEBACK not in proc.stdout + proc.stderr
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    assert _snapshot(readonly_checkout) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions; the snapshot tests above cover it")
def test_content_is_really_read_only_for_an_editor(readonly_checkout: Path) -> None:
    """As a normal user the copy's content/ cannot be written: the tests above ran on a real read-only tree."""
    with pytest.raises(PermissionError):
        (readonly_checkout / "content" / "ko" / "new.md").write_text("x", encoding="utf-8")
