"""Editor commands' rough edges: the ``digest new`` example item, whole-file messages, default slugs,
and the topic hint naming the real ``topics.yml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check import check_paths
from generator.cli import main
from generator.model import Location, Problem, Severity

from test_check_api import _content


def _new(content: Path, *extra: str) -> int:
    return main(["new", "--date", "2025-11-30", "--title", "11월 다섯째 주 AI 논문", "--content", str(content), *extra])


def test_check_warns_about_the_example_item_left_from_new(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = _content(tmp_path)
    assert _new(content, "--slug", "week-48") == 0
    path = content / "ko" / "2025-11-30-week-48.md"
    capsys.readouterr()
    assert main(["check", str(path)]) == 0  # a warning: the editor can still preview
    line = path.read_text(encoding="utf-8").splitlines().index("1.  **예시 논문 제목(Example Paper Title)**") + 1
    assert [m for m in capsys.readouterr().out.splitlines() if "example item" in m] == [
        f"{path}:{line}: warning: the example item from 'digest new' is still here"
        " — replace it with a real paper or delete it"]
    path.write_text(path.read_text(encoding="utf-8").replace("0000.00000", "2511.01234"), encoding="utf-8")
    assert not [p for p in check_paths([str(path)]) if "example item" in p.message]


def test_existing_file_is_a_whole_file_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    assert _new(content, "--slug", "week-48") == 0
    capsys.readouterr()
    assert _new(content, "--slug", "week-48") == 1
    path = content / "ko" / "2025-11-30-week-48.md"
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:1: error: this file already exists — pass --force to overwrite it, or choose another --slug"]
    assert _new(content, "--slug", "week-48", "--force") == 0


def test_whole_file_location_prints_line_1() -> None:
    assert Problem(Location("a.md", 0), Severity.ERROR, "m", "h").format() == "a.md:1: error: m — h"
    assert Problem(Location("a.md", 3), Severity.WARNING, "m").format() == "a.md:3: warning: m"


def test_default_slug_keeps_ascii_words_and_drops_transliteration(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    assert _new(content) == 0
    assert capsys.readouterr().out.splitlines() == [f"wrote {content / 'ko' / '2025-11-30-ai.md'}"]
    assert main(["new", "--date", "2025-12-07", "--title", "12월 첫째 주 논문", "--content", str(content)]) == 0
    path = content / "ko" / "2025-12-07-issue.md"
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:1: warning: the title has no ASCII words to name the file after"
        " — pass --slug (e.g. --slug week-48) for a file name that says what the issue is",
        f"wrote {path}"]
    assert sorted(p.name for p in (content / "ko").iterdir()) == ["2025-11-30-ai.md", "2025-12-07-issue.md"]


def test_topic_hint_names_the_content_folders_own_files(tmp_path: Path) -> None:
    root = _content(tmp_path)
    hints = {p.hint for p in check_paths([str(root)]) if "no topic keyword matches" in p.message}
    assert hints == {f"add keywords to {root / 'topics.yml'} or pin `topics:` in {root / 'papers.yml'}"}


def test_new_writes_a_draft_and_check_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = _content(tmp_path)
    assert _new(content, "--slug", "week-48") == 0
    path = content / "ko" / "2025-11-30-week-48.md"
    assert "\ndraft: true\n" in path.read_text(encoding="utf-8").split("\n---\n")[0] + "\n"
    capsys.readouterr()
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"{path}:1: info: this issue is a draft (`draft: true`): `mkdocs serve` shows it, `mkdocs build` and " \
           "the deploy leave it out — delete the `draft: true` line when the issue is ready to publish" in out
    assert any("example item" in line for line in out), "the example item keeps its warning"
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    assert not [p for p in check_paths([str(path)]) if "draft" in p.message]


def test_check_of_one_file_reports_that_files_problems_only(tmp_path: Path) -> None:
    content = _content(tmp_path)
    assert _new(content, "--slug", "week-48") == 0  # its example item matches no topic: a cross-file warning
    draft = content / "ko" / "2025-11-30-week-48.md"
    other = content / "ko" / "2025-11-16-test.md"
    whole = check_paths([str(content)])
    assert any(p.location.path == str(draft) and "topic" in p.message for p in whole)
    alone = check_paths([str(other)])
    assert [p for p in alone if str(draft) in p.location.path or str(draft) in p.message] == []
    assert any(p.location.path == str(draft) and "topic" in p.message for p in check_paths([str(draft)]))


@pytest.mark.parametrize(("front", "line", "says"), [
    ("date 2025-11-30\ntitle: 제목", 2, "this line has no `:` after its key"),
    ("date: 2025-11-30\ntitle: 제목: 부제", 3, "mapping values are not allowed"),
    ("date: 2025-11-30\nauthor: 김\ntitle 제목\n", 4, "this line has no `:` after its key"),
])
def test_a_front_matter_mistake_points_at_its_own_line(tmp_path: Path, front: str, line: int, says: str) -> None:
    path = tmp_path / "ko" / "2025-11-30-x.md"
    path.parent.mkdir()
    path.write_text(f"---\n{front}\n---\n\n1. **제목**\n   [논문](https://arxiv.org/abs/2511.01234)\n", encoding="utf-8")
    errors = [p for p in check_paths([str(path)]) if p.severity is Severity.ERROR]
    assert [(p.location.line, says in p.message) for p in errors] == [(line, True)]
