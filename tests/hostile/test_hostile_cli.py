"""Every message a message: the ``digest`` commands print ``path:line:`` lines, never a traceback, for a bad
environment (a CP949 terminal, ``--content`` naming a file, bad arguments), and show control characters and
terminal escape sequences of a file escaped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_cases import KOREAN_ISSUE  # noqa: E402
from hostile_site import TRACEBACK, clean_env, digest  # noqa: E402

ESCAPES = KOREAN_ISSUE.replace("첫 번째 논문", "첫 번째 \x1b[2J\x1b]0;owned\x07 논문 😀").replace(
    "date: 2024-03-05", "date: 2024-03-05\nauthor: \"\\e[31mred\\u202e\"")
"""An issue whose title, author and text carry terminal escapes, a bidi override and an emoji."""


@pytest.fixture
def issue(tmp_path: Path) -> Path:
    path = tmp_path / "ko" / "2024-03-05-escapes.md"
    path.parent.mkdir()
    path.write_text(ESCAPES, encoding="utf-8")
    return path


@pytest.mark.parametrize("args", [("parse",), ("parse", "--explain"), ("check",)])
def test_control_characters_are_shown_escaped(args: tuple[str, ...], issue: Path) -> None:
    proc = digest(*args, str(issue), cwd=issue.parent)
    output = proc.stdout + proc.stderr
    assert TRACEBACK not in output
    assert "\x1b" not in output and "\x07" not in output and "\u202e" not in output
    if args == ("parse",):
        assert "\\x1b[2J\\x1b]0;owned\\x07" in proc.stdout and "\\x1b[31mred\\u202e" in proc.stdout


def test_a_cp949_terminal_gets_escapes_instead_of_a_traceback(issue: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "generator.cli", "parse", str(issue)], capture_output=True,
                          env=clean_env(PYTHONIOENCODING="cp949"), timeout=120)
    out, err = proc.stdout.decode("cp949"), proc.stderr.decode("cp949")
    assert proc.returncode == 0 and TRACEBACK not in err, err
    assert "첫 번째 \\x1b[2J\\x1b]0;owned\\x07 논문 \\U0001f600" in out, "Hangul in CP949, the emoji escaped"


def test_new_into_a_file_is_a_message(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x\n", encoding="utf-8")
    proc = digest("new", "--content", "afile", "--date", "2025-01-01", "--title", "x y", cwd=tmp_path)
    assert proc.returncode == 1 and TRACEBACK not in proc.stderr
    assert proc.stdout.startswith("afile/ko/2025-01-01-x-y.md:1: error: cannot write this file: afile is a file, "
                                  "not a folder — give --content the content folder")


@pytest.mark.parametrize("args", [("check", "--bogus"), ("new", "--date", "2025-02-30", "--title", "x"), ("nope",)])
def test_bad_arguments_are_a_usage_message(args: tuple[str, ...], tmp_path: Path) -> None:
    proc = digest(*args, cwd=tmp_path)
    assert proc.returncode == 2 and TRACEBACK not in proc.stderr and "usage: digest" in proc.stderr
