"""Inputs that once made the parser backtrack exponentially or work quadratically, each parsed under a generous
wall-clock bound (they took from seconds to many minutes before); and two attacks on the HTML reading."""

from __future__ import annotations

import time

import pytest

from generator.parser import parse_text
from generator.parser.htmlmd import html_to_markdown

_PAPER = "[논문](https://arxiv.org/abs/2501.04417)"


def _links(n: int) -> str:
    return " ".join(f"[자료{i}](https://example.com/{i})" for i in range(n))


CASES = {
    # a trailing group of links separated only by blanks, ending in no link: 2^n ways to split the blanks
    "blank-separated-links": f"# 주간\n\n## 1. 첫 논문 (First Paper)\n요약.\n{_PAPER}\n\n참고 자료: {_links(26)} (출처)\n",
    # emoji with variation selectors before a labelled title: 2^n ways to read the selectors
    "emoji-selectors": "\n\n".join(f"### {'⭐️' * 28} 제목 {i}\n본문.\n[논문](https://arxiv.org/abs/2510.0{i}871)"
                                   for i in range(3)),
    # long runs of blanks, pipes and rule characters inside lines
    "long-runs": "\n".join(f"- --- 1. Title {' ' * 30000}x\n- 제목 {'|' * 30000} x\n\n**T** {'-' * 30000}x\n"
                           for _ in range(2)),
    # thousands of block wrappers opened and never closed in one paragraph
    "open-wrappers": f"# T\n\n## 1. 논문 (Paper)\n{_PAPER}\n\n" + "<div>" * 20000 + "</p>" * 20000 + "\n",
    # brackets and parentheses that never close a link: each failed match must stop at the next bracket
    "open-brackets": "# T\n\n## 1. " + "[" * 100_000 + "\n\n" + "# " + "[a](" * 30_000 + "\n\n- " + "![" * 50_000 + "\n",
    # tags that never end: html.parser alone scans to the end of the text for every one of them
    "unclosed-tags": "# T\n\n## 1. " + "<a href=" * 20_000 + "\n\n" + '<a href="' * 20_000 + ">\n",
    # many papers: doubt checks must not compare every paper with every other
    "many-papers": "# 주간\n\n" + "".join(
        f"## {i}. 논문 제목 {i} (Paper Title {i})\n요약 {i}.\n[논문](https://arxiv.org/abs/2401.{i:05d})\n\n"
        for i in range(1, 4000)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_pathological_input_is_parsed_in_bounded_time(name: str) -> None:
    start = time.perf_counter()
    result = parse_text(CASES[name], f"content/ko/{name}.md")
    took = time.perf_counter() - start
    assert result.issue is not None
    assert took < 20, f"{name}: {took:.1f} s"


def test_a_heading_with_a_weak_ad_word_and_its_own_paper_link_is_a_paper() -> None:
    text = "".join(f"## {title}\n{body}\n[논문](https://arxiv.org/abs/2501.{n:05d})\n\n" for n, (title, body) in enumerate((
        ("스파스 어텐션 (Sparse Attention)", "희소 어텐션."),
        ("작은 모델의 추론 (Small Reasoners)", "작은 모델."),
        ("강의 영상으로 배우는 로봇 (Robots from Lecture Videos)", "온라인 강의와 코스 영상에서 배웁니다. 할인된 비용."),
        ("에이전트 평가 (Evaluating Agents)", "벤치마크."),
    ), start=10))
    issue = parse_text(text, "content/ko/x.md").issue
    assert issue is not None
    assert [p.title_en for p in issue.papers] == ["Sparse Attention", "Small Reasoners", "Robots from Lecture Videos",
                                                  "Evaluating Agents"]


def test_an_href_cannot_close_its_link_and_open_another() -> None:
    for html in ('<a href="/x&#41;[c](https://evil.example/phish">docs</a>',
                 '<img src="/a.png&#41; [논문](https://evil.example/fake" alt="fig">'):
        out = html_to_markdown(html, set())
        assert "](https://evil.example" not in out, out
