"""``digest check`` on every hostile case: ``path:line: error: what — what to do`` for each bad file,
exit code 1, no traceback; the safe cases pass. Plus the parser's view of the normalised cases."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_cases import CASES, KOREAN_HEADINGS, KOREAN_TITLE, Case, case_files  # noqa: E402
from hostile_site import CONTENT, TRACEBACK, digest, problem_lines  # noqa: E402

from generator.model import visible  # noqa: E402
from generator.parser import parse_file  # noqa: E402


def _content_with(tmp_path: Path, case: Case) -> Path:
    """A content folder with the shipped topics, no paper overrides and only this case's files."""
    content = tmp_path / "content"
    (content / "ko").mkdir(parents=True)
    shutil.copyfile(CONTENT / "topics.yml", content / "topics.yml")
    (content / "papers.yml").write_text("papers: []\n", encoding="utf-8")
    for name, data in case_files((case,)).items():
        (content / "ko" / name).write_bytes(data)
    return content


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_digest_check_says_where_and_what(case: Case, tmp_path: Path) -> None:
    _content_with(tmp_path, case)
    proc = digest("check", "content", cwd=tmp_path)
    output = proc.stdout + proc.stderr
    assert TRACEBACK not in output
    errors = problem_lines(proc.stdout)
    if case.safe:
        assert proc.returncode == 0, output
        assert errors == []
        return
    assert proc.returncode == 1, output
    path = visible(f"content/ko/{case.name}")  # control characters in a name are shown escaped
    for line, text in case.errors:
        prefix = f"{path}:{line}: error: "
        matching = [e for e in errors if e.startswith(prefix) and text in e]
        assert matching, f"expected `{prefix}…{text}…` in:\n" + "\n".join(errors)
        assert all(" — " in e for e in matching), "every message says what to do after ' — '"


def test_check_names_every_bad_file_at_once(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    bad = [case for case in CASES if not case.safe]
    for name, data in case_files(tuple(bad)).items():
        (content / "ko" / name).write_bytes(data)
    proc = digest("check", "content", cwd=tmp_path)
    assert proc.returncode == 1 and TRACEBACK not in proc.stdout + proc.stderr
    errors = problem_lines(proc.stdout)
    for case in bad:
        for line, text in case.errors:
            assert any(e.startswith(visible(f"content/ko/{case.name}:{line}: error: ")) and text in e
                       for e in errors), case.name
    shipped = {p.name for p in (CONTENT / "ko").glob("*.md")}
    assert not [e for e in errors if e.split(":")[0].split("/")[-1] in shipped], "the shipped issues stay clean"


@pytest.mark.parametrize("name", ["crlf-and-bom.md", "nfd-hangul.md", "zero-width-spaces.md"])
def test_normalised_text_parses_like_the_clean_file(name: str, tmp_path: Path) -> None:
    case = next(case for case in CASES if case.name == name)
    path = tmp_path / "ko" / name
    path.parent.mkdir()
    path.write_bytes(case.data())
    result = parse_file(path)
    assert result.ok, [p.format() for p in result.problems]
    issue = result.issue
    assert issue is not None and issue.date is not None, "the date survives a BOM or a zero-width space before it"
    assert issue.title == KOREAN_TITLE
    assert tuple(paper.heading for paper in issue.papers) == KOREAN_HEADINGS
    text = issue.intro + "".join(paper.body for paper in issue.papers)
    assert not {"\r", "\ufeff", "\u200b", "\u2060"} & set(text)


def test_a_parser_bug_names_the_file_instead_of_a_traceback(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """``parse_file`` (used by ``digest check`` and the build) turns an exception into a path error."""
    import generator.parser as parser

    def broken(*args, **kwargs):
        raise IndexError("simulated parser bug")

    monkeypatch.setattr(parser, "parse_source", broken)
    path = tmp_path / "ko" / "issue.md"
    path.parent.mkdir()
    path.write_bytes(CASES[0].data())
    result = parser.parse_file(path)
    assert result.issue is None and not result.ok
    assert result.problems[0].format().startswith(f"{path}:1: error: the parser failed on this file (IndexError")
