"""Atomic publish: ``mkdocs build`` swaps a complete two-language site in, or leaves the old one exactly as it was.

A tiny site (one issue) is built, then builds that fail — bad content, a template error, a broken English
``.po`` catalog, a full disk, ``kill`` (SIGTERM) — must each leave the site folder byte for byte as it was, say
so in one ``path:line: error:`` line without a traceback, and leave no staging folder behind. Then builds
killed with SIGKILL at random moments must always leave either the old complete site or the new one.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_cases import KOREAN_ISSUE  # noqa: E402
from hostile_site import CONTENT, ROOT, TRACEBACK, clean_env  # noqa: E402

from generator.render import TEMPLATES_DIR  # noqa: E402

pytestmark = pytest.mark.slow

MKDOCS = """
import errno, os, sys
from pathlib import Path
if os.environ.get("TEST_LOCALES"):
    import generator.i18n as i18n
    i18n.LOCALES_DIR = Path(os.environ["TEST_LOCALES"])
if os.environ.get("TEST_DISK_FULL_AFTER"):
    import mkdocs.utils
    left, write = [int(os.environ["TEST_DISK_FULL_AFTER"])], mkdocs.utils.write_file
    def full(content, path):
        left[0] -= 1
        if left[0] < 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)
        write(content, path)
    mkdocs.utils.write_file = full
from mkdocs.__main__ import cli
sys.exit(cli())
"""
"""``mkdocs`` with two test hooks: another locales folder, and a disk that is full after N pages."""

TRIALS = 24
"""Builds killed at random moments (at least 20)."""

UNCHANGED = "error: the build did not finish, so nothing was published — the site there was left exactly as it was"


def _content(tmp_path: Path, title: str) -> Path:
    content = tmp_path / f"content-{title}"
    (content / "ko").mkdir(parents=True)
    (content / "en").mkdir()
    shutil.copyfile(CONTENT / "topics.yml", content / "topics.yml")
    (content / "ko" / "2024-03-05-tiny.md").write_text(KOREAN_ISSUE.replace("인코딩 시험", title), encoding="utf-8")
    return content


def _start(content: Path, site: Path, *, config: Path = ROOT / "mkdocs.yml", **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", MKDOCS, "build", "--strict", "-f", str(config), "-d", str(site)],
                            cwd=ROOT, env=clean_env(DIGEST_CONTENT_DIR=str(content), PYTHONPATH=str(ROOT), **env),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _build(content: Path, site: Path, **kwargs) -> tuple[int, str]:
    proc = _start(content, site, **kwargs)
    out, _ = proc.communicate(timeout=300)
    return proc.returncode, out


def snapshot(site: Path) -> dict[str, str]:
    """Every file of ``site`` (relative path → SHA-256); ``{}`` when there is no site."""
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def _leftovers(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.glob(f".{site.name}.digest-*"))


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str], dict[str, str]]:
    """Two contents (old, new) and their complete sites' snapshots."""
    base = tmp_path_factory.mktemp("publish")
    old, new = _content(base, "옛 제목"), _content(base, "새 제목")
    refs = []
    for content in (old, new):
        code, out = _build(content, base / f"ref-{content.name}" / "site")
        assert code == 0, out[-3000:]
        refs.append(snapshot(base / f"ref-{content.name}" / "site"))
    assert refs[0] != refs[1] and any(name.startswith("en/") for name in refs[0])
    return old, new, refs[0], refs[1]


def _project_with_broken_template(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    (project / "templates").mkdir(parents=True)
    shutil.copyfile(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    issue = (TEMPLATES_DIR / "issue.html").read_text(encoding="utf-8")  # a site's own copy of ours, broken
    (project / "templates" / "issue.html").write_text(issue + "\n{{ view.no_such_field.nope }}\n", encoding="utf-8")
    return project / "mkdocs.yml"


def _broken_locales(tmp_path: Path) -> Path:
    locales = tmp_path / "locales"
    shutil.copytree(ROOT / "generator" / "locales", locales)
    po = locales / "en" / "LC_MESSAGES" / "messages.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Not yet translated"', 'msgstr "Not yet\nmsgid x', 1),
                  encoding="utf-8")
    return locales


def _broken_line() -> int:
    """The line :func:`_broken_locales` breaks: the English catalog's ``msgstr "Not yet translated"``."""
    po = (ROOT / "generator" / "locales" / "en" / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
    return po.split("\n").index('msgstr "Not yet translated"') + 1


FAILURES = {
    "content error": (lambda tmp, new: ({}, "front matter starts with `---` but never ends")),
    "template error": (lambda tmp, new: ({"config": _project_with_broken_template(tmp)}, "templates/issue.html:")),
    "broken .po": (lambda tmp, new: ({"TEST_LOCALES": str(_broken_locales(tmp))},
                                     f"messages.po:{_broken_line()}: error: the message catalog is broken")),
    "disk full": (lambda tmp, new: ({"TEST_DISK_FULL_AFTER": "3"}, "error: cannot write the site (No space left on device)")),
}


@pytest.mark.parametrize("failure", list(FAILURES))
def test_a_failed_build_leaves_the_old_site_exactly(failure: str, sites, tmp_path: Path) -> None:
    old, new, old_ref, _ = sites
    site = tmp_path / "site"
    assert _build(old, site)[0] == 0 and snapshot(site) == old_ref
    options, expected = FAILURES[failure](tmp_path, new)
    if failure == "content error":
        (new / "ko" / "2024-03-06-broken.md").write_text("---\ndate: 2024-03-06\n", encoding="utf-8")
    try:
        code, out = _build(new, site, **options)
    finally:
        (new / "ko" / "2024-03-06-broken.md").unlink(missing_ok=True)
    assert code != 0 and TRACEBACK not in out, out[-3000:]
    assert expected in out, out[-3000:]
    assert f"{site}:1: {UNCHANGED}" in out, out[-3000:]
    assert snapshot(site) == old_ref, "the old site is exactly as it was"
    assert _leftovers(site) == []


def test_a_terminated_build_leaves_the_old_site_and_says_so(sites, tmp_path: Path) -> None:
    old, new, old_ref, _ = sites
    site = tmp_path / "site"
    assert _build(old, site)[0] == 0
    proc = _start(new, site)
    assert proc.stdout is not None
    for line in proc.stdout:  # wait until it writes pages
        if "Building documentation to directory" in line:
            break
    proc.send_signal(signal.SIGTERM)
    out = proc.communicate(timeout=120)[0]
    assert proc.returncode != 0 and TRACEBACK not in out, out
    assert f"{site}:1: {UNCHANGED}" in out
    assert snapshot(site) == old_ref and _leftovers(site) == []


def test_builds_killed_at_random_moments_leave_a_complete_site(sites, tmp_path: Path) -> None:
    old, new, old_ref, new_ref = sites
    site = tmp_path / "site"
    assert _build(old, site)[0] == 0
    start = time.monotonic()
    assert _build(new, site)[0] == 0
    full = time.monotonic() - start
    rng = random.Random(20240305)
    outcomes = {"old": 0, "new": 0}
    for trial in range(TRIALS):
        content = new if trial % 2 == 0 else old  # alternate, so that swaps in both directions are cut short
        proc = _start(content, site)
        time.sleep(rng.uniform(0.0, full * 1.1))
        proc.kill()
        proc.communicate(timeout=60)
        now = snapshot(site)
        assert now in (old_ref, new_ref), f"trial {trial}: a half-built site ({len(now)} files)"
        outcomes["old" if now == old_ref else "new"] += 1
    assert _build(new, site)[0] == 0 and snapshot(site) == new_ref
    assert _leftovers(site) == [], "the next build removes what killed builds left"
    print(f"{TRIALS} killed builds (full build {full:.1f} s): {outcomes}")


def test_an_unwritable_site_folder_is_a_message(sites, tmp_path: Path) -> None:
    old = sites[0]
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    code, out = _build(old, blocker / "site")
    assert code != 0 and TRACEBACK not in out, out[-3000:]
    assert f"{blocker / 'site'}:1: error: cannot write the site next to this folder" in out
    if os.path.isdir("/proc/self"):
        code, out = _build(old, Path("/proc/digest-site"))
        assert code != 0 and TRACEBACK not in out and "/proc/digest-site:1: error: cannot write the site" in out


def test_the_plugin_is_not_kept_across_builds() -> None:
    """MkDocs keeps one instance per process of a plugin with ``on_startup``/``on_shutdown``; the nested
    English build and every ``mkdocs serve`` rebuild would then share it (a stale catalog under serve)."""
    from generator.mkdocs_plugin import DigestPlugin

    assert not hasattr(DigestPlugin, "on_startup") and not hasattr(DigestPlugin, "on_shutdown")
