"""The editor's round trip on a copy of the content: ``digest new`` → ``digest check`` → ``mkdocs build --strict``."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
MESSAGE = re.compile(r"^\S+?(:\d+)?: (error|warning): .+ — .+$")  # whole-file messages have no line


def digest(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    return copy


def problem_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if re.match(r"^\S+: (error|warning): ", line)]


@pytest.mark.slow
def test_new_issue_is_checked_and_published(content: Path, tmp_path: Path) -> None:
    made = digest("new", "--date", "2025-11-30", "--title", "11월 다섯째 주 AI 논문", "--slug", "week-48", "--content", str(content))
    assert made.returncode == 0, made.stderr
    path = content / "ko" / "2025-11-30-week-48.md"
    assert path.is_file()

    checked = digest("check", str(content))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Traceback" not in checked.stderr
    for line in problem_lines(checked.stdout + checked.stderr):
        assert MESSAGE.match(line), line
    assert f"{path}:1: info: this issue is a draft" in checked.stdout

    # ready: the editor deletes the `draft: true` line that `digest new` wrote, and the build publishes it
    text = path.read_text(encoding="utf-8")
    assert "\ndraft: true\n" in text
    path.write_text(text.replace("\ndraft: true\n", "\n", 1), encoding="utf-8")
    refused = digest("check", str(path))  # ... but not with the placeholder item still in it
    assert refused.returncode == 1 and ": error: the example item from 'digest new' is still here" in refused.stdout
    path.write_text(path.read_text(encoding="utf-8").replace("0000.00000", "2511.01234"), encoding="utf-8")
    site = tmp_path / "site"
    env = {**os.environ, "DIGEST_CONTENT_DIR": str(content)}
    built = subprocess.run(
        [str(Path(sys.executable).with_name("mkdocs")), "build", "--strict", "-q", "-d", str(site)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )
    assert built.returncode == 0, built.stderr
    for prefix in ("", "en/"):
        assert (site / prefix / "issues" / "2025-11-30-week-48" / "index.html").is_file()
        home = BeautifulSoup((site / prefix / "index.html").read_text(encoding="utf-8"), "lxml")
        assert home.select_one(".digest-latest__title a").text == "11월 다섯째 주 AI 논문"
        assert bool(home.select(".digest-latest .digest-badge")) == (prefix == "en/"), "English: marked Korean only"
    notice = BeautifulSoup((site / "en" / "issues" / "2025-11-30-week-48" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert notice.select_one(".digest-untranslated") and notice.select_one('.digest-intro[lang="ko"]')


def test_impossible_front_matter_date_is_a_message_not_a_traceback(content: Path) -> None:
    path = content / "ko" / "2025-11-31-impossible.md"
    path.write_text(
        "---\ndate: 2025-11-31\ntitle: 불가능한 날짜\n---\n\n1. **논문(A Paper)**\n   요약.\n\n   [논문](https://arxiv.org/abs/2501.00001)\n",
        encoding="utf-8",
    )
    checked = digest("check", str(path))
    assert checked.returncode == 1
    assert "Traceback" not in checked.stderr
    errors = [line for line in problem_lines(checked.stdout + checked.stderr) if ": error: " in line]
    assert errors == [f"{path}:2: error: front matter `date` is not a date: '2025-11-31' — write it as `date: YYYY-MM-DD`"]
