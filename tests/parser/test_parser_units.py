"""Unit tables for the parser's small parts: titles, link lines, dates, header lines, reading files."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from generator.model import LinkKind, Severity
from generator.parser import parse_file, parse_text
from generator.parser.links import parse_link_line, split_trailing_links
from generator.parser.metadata import parse_date, parse_header_lines
from generator.parser.titles import split_title
from generator.sources import decode, read_source


@pytest.mark.parametrize(("heading", "ko", "en"), [
    ("자기 성찰적 인식(Introspective Awareness)", "자기 성찰적 인식", "Introspective Awareness"),
    ("Tiny Recursive Model (TRM): 효율적인 추론을 위한 새로운 접근", "효율적인 추론을 위한 새로운 접근", "Tiny Recursive Model (TRM)"),
    ("K2-Think: 고성능 수학 모델의 새로운 지평", "고성능 수학 모델의 새로운 지평", "K2-Think"),
    ("GLM 소개(GLM-4.5: Agentic, Reasoning, and Coding (ARC) Foundation Models)", "GLM 소개",
     "GLM-4.5: Agentic, Reasoning, and Coding (ARC) Foundation Models"),
    ("GLM-4.5: Agentic, Reasoning, and Coding (ARC) Foundation Models", None,
     "GLM-4.5: Agentic, Reasoning, and Coding (ARC) Foundation Models"),
    ("🚀 ✨ AgentFold", None, "AgentFold"),
    ("LLM에게 계획하는 법 가르치기", "LLM에게 계획하는 법 가르치기", None),
    ("파운데이션 모델로 인공 생명체 탐색 자동화", "파운데이션 모델로 인공 생명체 탐색 자동화", None),
    ("적을수록 좋다: 작은 네트워크를 이용한 재귀적 추론(Recursive Reasoning with Tiny Networks)",
     "적을수록 좋다: 작은 네트워크를 이용한 재귀적 추론", "Recursive Reasoning with Tiny Networks"),
    ("Long-Context Retrieval – 긴 문맥 검색의 새로운 기준", "긴 문맥 검색의 새로운 기준", "Long-Context Retrieval"),
    ("Sparse Attention (희소 어텐션)", "희소 어텐션", "Sparse Attention"),
    ("DeepSeek-R1 (딥시크 R1): 강화학습으로 추론 유도", "강화학습으로 추론 유도", "DeepSeek-R1"),
    ("Kimi K2 – Kimi K2: 개방형 에이전트 지능", "Kimi K2: 개방형 에이전트 지능", "Kimi K2"),
    ("AI 연구 동향 업데이트 (2025년 버전)", "AI 연구 동향 업데이트 (2025년 버전)", None),
])
def test_split_title(heading: str, ko: str | None, en: str | None) -> None:
    assert split_title(heading) == (ko, en)


def test_split_title_english_file_keeps_whole_heading() -> None:
    assert split_title("Emergent Misalignment: The LLM alignment problem deepens", "en") == (
        None, "Emergent Misalignment: The LLM alignment problem deepens")


@pytest.mark.parametrize(("line", "expected"), [
    ("[논문](Paper) | [트윗](Tweet)", [(LinkKind.PAPER, "논문", None), (LinkKind.TWEET, "트윗", None)]),
    ("논문 | 트윗", [(LinkKind.PAPER, "논문", None), (LinkKind.TWEET, "트윗", None)]),
    ("    [Paper](https://arxiv.org/pdf/1) | [Tweet](https://x.com/a/status/1)",
     [(LinkKind.PAPER, "Paper", "https://arxiv.org/pdf/1"), (LinkKind.TWEET, "Tweet", "https://x.com/a/status/1")]),
    ("논문: https://arxiv.org/abs/1 · 코드: https://github.com/a/b",
     [(LinkKind.PAPER, "논문", "https://arxiv.org/abs/1"), (LinkKind.CODE, "코드", "https://github.com/a/b")]),
    ("[데이터셋](https://huggingface.co/datasets/a/b) / [프로젝트](https://example.org/p)",
     [(LinkKind.DATASET, "데이터셋", "https://huggingface.co/datasets/a/b"),
      (LinkKind.PROJECT, "프로젝트", "https://example.org/p")]),
    ("[링크](https://github.com/a/b) · https://arxiv.org/abs/2",
     [(LinkKind.CODE, "링크", "https://github.com/a/b"),
      (LinkKind.PAPER, "https://arxiv.org/abs/2", "https://arxiv.org/abs/2")]),
    ("- Code: <https://gitlab.com/a/b>", [(LinkKind.CODE, "Code", "https://gitlab.com/a/b")]),
    ("📄 Paper: arxiv.org/abs/2501.00001 | 💻 GitHub: github.com/a/b",
     [(LinkKind.PAPER, "Paper", "https://arxiv.org/abs/2501.00001"), (LinkKind.CODE, "GitHub", "https://github.com/a/b")]),
    ("[[Paper]](https://arxiv.org/abs/2) **[코드]**(https://github.com/c/d)",
     [(LinkKind.PAPER, "Paper", "https://arxiv.org/abs/2"), (LinkKind.CODE, "코드", "https://github.com/c/d")]),
    ("Links: [paper](https://arxiv.org/abs/3), [tweet](https://twitter.com/g/status/1)",
     [(LinkKind.PAPER, "paper", "https://arxiv.org/abs/3"), (LinkKind.TWEET, "tweet", "https://twitter.com/g/status/1")]),
    ("[Paper](https://arxiv.org/abs/1), [Dataset](#)",
     [(LinkKind.PAPER, "Paper", "https://arxiv.org/abs/1"), (LinkKind.DATASET, "Dataset", None)]),
])
def test_link_lines(line: str, expected: list) -> None:
    links = parse_link_line(line)
    assert links is not None
    assert [(link.kind, link.label, link.url) for link in links] == expected


@pytest.mark.parametrize("line", [
    "이 논문은 새로운 방법을 제안합니다.",
    "자세한 내용은 [블로그](https://example.com/post)를 보세요.",
    "Paper-level results improve by 3%.",
    "",
])
def test_not_link_lines(line: str) -> None:
    assert parse_link_line(line) is None


def test_unsafe_link_is_a_placeholder() -> None:
    (link,) = parse_link_line("[Paper](JaVaScRiPt:alert(1))")
    assert link.url is None and link.unsafe == "JaVaScRiPt:alert(1)"


def test_trailing_group_in_prose_and_heading() -> None:
    before, links = split_trailing_links("GUI를 지원합니다. [논문](Paper) | [트윗](Tweet)", strict=True)
    assert before == "GUI를 지원합니다." and [link.label for link in links] == ["논문", "트윗"]
    before, links = split_trailing_links("제목(Title) ( [논문](https://arxiv.org/abs/1) / [코드](https://github.com/a/b) )",
                                         strict=False)
    assert before == "제목(Title)" and [link.url for link in links] == ["https://arxiv.org/abs/1", "https://github.com/a/b"]
    assert split_trailing_links("자세한 내용은 [여기](https://example.com)", strict=True) is None


@pytest.mark.parametrize(("text", "date"), [
    ("2025년 11월 16일", dt.date(2025, 11, 16)),
    ("발행: 2025.11.23.", dt.date(2025, 11, 23)),
    ("2025-11-23", dt.date(2025, 11, 23)),
    ("2025/11/23", dt.date(2025, 11, 23)),
    ("November 16, 2025", dt.date(2025, 11, 16)),
    ("Sun, 16 Nov 2025 09:00:00 +0900", dt.date(2025, 11, 16)),
    ("2025-13-40", None),
    ("no date here", None),
])
def test_parse_date(text: str, date: dt.date | None) -> None:
    assert parse_date(text) == date


def test_header_lines() -> None:
    header = parse_header_lines(["보낸 사람: AI 위클리 <w@example.com>", "URL: https://example.com/p/1",
                                 "발행일: 2025년 11월 16일"])
    assert header is not None
    assert (header.author, header.url, header.date) == ("AI 위클리", "https://example.com/p/1", dt.date(2025, 11, 16))
    assert parse_header_lines(["지도: 디스코드를 통한 강사 지원"]) is None


ISSUE = "1.  **첫 번째 논문(First Paper)**\n    본문입니다.\n\n    [논문](https://arxiv.org/abs/1)\n\n" \
        "2.  **두 번째 논문(Second Paper)**\n    본문입니다.\n\n    [논문](https://arxiv.org/abs/2)\n"


def test_bom_crlf_and_nfd_are_normalised(tmp_path: Path) -> None:
    raw = "\ufeff---\r\ndate: 2025-11-16\r\n---\r\n\r\n" + unicodedata.normalize("NFD", ISSUE).replace("\n", "\r\n")
    path = tmp_path / "a.md"
    path.write_bytes(raw.encode("utf-8"))
    result = parse_file(path)
    assert result.ok and result.issue is not None
    assert [p.title_ko for p in result.issue.papers] == ["첫 번째 논문", "두 번째 논문"]
    assert result.issue.papers[0].location.line == 5
    assert result.issue.date == dt.date(2025, 11, 16)


def test_cp949_is_an_error_with_line(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(("---\ndate: 2025-11-16\n---\n\n" + ISSUE).encode("cp949"))
    result = parse_file(path)
    (error,) = [p for p in result.problems if p.severity is Severity.ERROR]
    assert error.location.line == 5 and "not UTF-8" in error.message and "cp949" in error.message
    assert "re-save" in error.hint
    assert result.issue is not None and len(result.issue.papers) == 2


def test_nul_bytes_reported() -> None:
    text, problems = decode(b"a\nb\x00c\n", "x.md")
    assert text == "a\nbc\n"
    assert [(p.location.line, p.message) for p in problems] == [(2, "file contains NUL bytes")]


@pytest.mark.parametrize(("front", "line", "message"), [
    ("date: tomorrow", 2, "front matter `date` is not a date: 'tomorrow'"),
    ("date: 2025-11-16\ntitle: [a, b]", 3, "front matter `title` must be a text or a number or empty"),
    ("date: 2025-11-16\nsource: DAIR", 3, "front matter `source` must be a mapping"),
    ("date: 2025-11-16\nsource:\n  name: X\n  url: ftp://x", 5, "front matter `source.url` is not an http(s) address"),
    ("date: 2025-11-16\nslug: Bad Slug", 3, "front matter `slug` may contain only lowercase letters"),
    ("date: 2025-11-16\nsource:\n  url: https://x.example", 4, "front matter `source` lacks name"),
    ("title: a: b: c", 2, "front matter is not valid YAML"),
    ("- just\n- a list", 2, "front matter must be a mapping"),
])
def test_front_matter_errors(tmp_path: Path, front: str, line: int, message: str) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"---\n{front}\n---\n\n{ISSUE}", encoding="utf-8")
    src = read_source(path)
    assert not isinstance(src, type(None))
    errors = [(p.location.line, p.message) for p in parse_file(path).problems if p.severity is Severity.ERROR]
    assert any(ln == line and message in msg for ln, msg in errors), errors


def test_empty_and_front_matter_only(tmp_path: Path) -> None:
    (tmp_path / "e.md").write_text("\n\n", encoding="utf-8")
    (tmp_path / "f.md").write_text("---\ndate: 2025-11-16\n---\n", encoding="utf-8")
    assert [p.message for p in parse_file(tmp_path / "e.md").problems] == ["file is empty"]
    (problem,) = parse_file(tmp_path / "f.md").problems
    assert (problem.location.line, problem.message) == (4, "file has front matter but no body")


def test_numbering_gap_and_missing_links_are_warnings() -> None:
    text = "1.  **A**\n    body\n\n    [논문](https://arxiv.org/abs/1)\n\n" \
           "3.  **B**\n    body\n\n    [논문](https://arxiv.org/abs/2)\n\n" \
           "4.  **C**\n    body without links\n"
    result = parse_text(text, "x.md")
    assert result.ok
    messages = [(p.location.line, p.severity, p.message) for p in result.problems]
    assert (6, Severity.WARNING, "item number 3 where 2 was expected") in messages
    assert any(line == 11 and sev is Severity.WARNING and "has no link line" in msg for line, sev, msg in messages)


def test_problem_format_names_path_and_line() -> None:
    result = parse_text("# 제목\n\n문단.\n", "content/ko/x.md")
    assert [p.format() for p in result.problems] == [
        "content/ko/x.md:1: error: no paper items found — write each paper as a numbered item (`1. **Title**`) "
        "or a heading, followed by its text and a link line such as `[논문](https://…)`"]
