"""Bounded work: pathological inputs finish under a wall-clock and memory bound, with a message.

Each run is a child process whose address space is capped with ``resource.setrlimit`` (a run that needs
gigabytes dies with ``MemoryError`` and a traceback) and which is killed after a time limit (a FIFO that
blocks a read, a quadratic stage). ``digest check`` and the build's loader must say the same thing about
the same entries: they read one file list (:mod:`generator.contentfiles`).
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_cases import ENTRIES, KOREAN_ISSUE, SECRET, Entry, _many_items  # noqa: E402
from hostile_site import CONTENT, ROOT, TRACEBACK, clean_env  # noqa: E402

from generator.enrich import MAX_ITEMS_PER_ISSUE  # noqa: E402

SECONDS = 90
"""Wall-clock bound of one run (the 5,000-item issue took 165 s before; ~6 s now, most of it parsing)."""

MEMORY_MB = 1024
"""Address-space bound of one run (the 5,000-item issue took 3.9 GB before; ~70 MB of memory now)."""

LOAD = "from pathlib import Path; import sys\n" \
       "from generator.build import BuildError, load\n" \
       "try:\n    _, problems = load(Path(sys.argv[1]))\nexcept BuildError as error:\n    problems = error.problems\n" \
       "print('\\n'.join(p.format() for p in problems))\n"
"""The build's phases 1–3 (read, parse, enrich), printing every problem as the build does."""


def _limit_memory() -> None:
    limit = MEMORY_MB * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def bounded(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``python args…`` under :data:`SECONDS` and :data:`MEMORY_MB`; a time-out fails the test."""
    try:
        return subprocess.run([sys.executable, *args], cwd=cwd, env=clean_env(PYTHONPATH=str(ROOT)),
                              capture_output=True, text=True, timeout=SECONDS, preexec_fn=_limit_memory)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(args)} ran over {SECONDS} s")


def _content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    (content / "ko").mkdir(parents=True)
    shutil.copyfile(CONTENT / "topics.yml", content / "topics.yml")
    return content


def _both(tmp_path: Path) -> tuple[str, str]:
    """``digest check content`` and the build loader's output, each run bounded."""
    check = bounded("-m", "generator.cli", "check", "content", cwd=tmp_path)
    build = bounded("-c", LOAD, "content", cwd=tmp_path)
    for proc in (check, build):
        assert TRACEBACK not in proc.stdout + proc.stderr, proc.stderr[-3000:]
    return check.stdout, build.stdout


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry.name)
def test_check_and_build_say_the_same_about_every_entry(entry: Entry, tmp_path: Path) -> None:
    content = _content(tmp_path)
    (tmp_path / "secret.md").write_text(KOREAN_ISSUE.replace("한국어 소개 문단", SECRET), encoding="utf-8")
    (content / "ko" / "2024-03-05-plain.md").write_text(KOREAN_ISSUE, encoding="utf-8")
    entry.make(content / "ko" / entry.name)
    check, build = _both(tmp_path)
    expected = f"content/ko/{entry.name}:1: {entry.severity}: {entry.text}"
    assert expected in check, check
    assert expected in build, build
    assert SECRET not in check + build, "a link out of content/ is never read"
    assert "2024-03-05-plain.md:1: error" not in check, "the plain issue beside it is read as usual"
    if entry.name == "folder.md":
        assert "inside.md" not in check.replace(expected, ""), "nothing is read from a sub-folder"


def test_five_thousand_items_in_one_issue_are_refused_in_bounds(tmp_path: Path) -> None:
    content = _content(tmp_path)
    (content / "ko" / "2024-03-14-many.md").write_bytes(_many_items())
    check, build = _both(tmp_path)
    message = f"content/ko/2024-03-14-many.md:1: error: the issue has 5000 paper items; the limit is {MAX_ITEMS_PER_ISSUE}"
    assert message in check and message in build


def test_an_issue_at_the_item_limit_builds_in_bounds(tmp_path: Path) -> None:
    """Items of one issue are never compared pairwise: 1,000 alike items (one bucket of one word pair,
    one title each) are identified in linear time."""
    content = _content(tmp_path)
    (content / "ko" / "2024-03-14-many.md").write_bytes(_many_items(MAX_ITEMS_PER_ISSUE))
    check, build = _both(tmp_path)
    assert ": error: " not in check and ": error: " not in build, check[-2000:]


def test_a_bomb_in_topics_yml_is_refused_in_bounds(tmp_path: Path) -> None:
    content = _content(tmp_path)
    (content / "ko" / "2024-03-05-plain.md").write_text(KOREAN_ISSUE, encoding="utf-8")
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    (content / "topics.yml").write_text("\n".join(lines) + "\ntopics: *a9\n", encoding="utf-8")
    check, build = _both(tmp_path)
    expected = "content/topics.yml:1: error: YAML anchors (`&name`) are not allowed"
    assert expected in check and expected in build


def test_a_device_named_on_the_command_line_is_refused(tmp_path: Path) -> None:
    proc = bounded("-m", "generator.cli", "check", "/dev/zero", cwd=tmp_path)
    assert "/dev/zero:1: error: this is not a regular file but a character device" in proc.stdout
    assert proc.returncode == 1 and TRACEBACK not in proc.stderr
