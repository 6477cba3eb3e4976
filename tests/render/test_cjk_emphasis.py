"""Bold and italics next to Hangul: the CommonMark CJK-friendly amendment in our renderer, and CommonMark itself
everywhere else."""

from __future__ import annotations

import random

import pytest
from markdown_it import MarkdownIt

from generator.cjk_emphasis import cjk_emphasis, is_cjk
from generator.markdown import to_inline_html, to_plain_text

CASES = [
    # the commonest Korean pattern: a term with its English name in parentheses, then a particle
    ("**메모리 포싱(Memory Forcing)**은 좋다", "<strong>메모리 포싱(Memory Forcing)</strong>은 좋다"),
    ("*기울임(italic)*을 쓴다", "<em>기울임(italic)</em>을 쓴다"),
    ("**“인용”**이다", "<strong>“인용”</strong>이다"),
    ("**「중요」**입니다", "<strong>「중요」</strong>입니다"),
    ("이번 주는 **GPT-4o**가", "이번 주는 <strong>GPT-4o</strong>가"),
    ("모델(**Qwen3**)을", "모델(<strong>Qwen3</strong>)을"),
    ("**(주)회사**의", "<strong>(주)회사</strong>의"),
    ("~~취소(cancel)~~된", "<s>취소(cancel)</s>된"),
    ("앞**(괄호)**뒤", "앞<strong>(괄호)</strong>뒤"),
    # CommonMark's own behaviour where no CJK character is involved
    ("**foo.**bar", "**foo.**bar"),
    ("*(a)*b", "*(a)*b"),
    ("snake_case_name", "snake_case_name"),
    ("2*3*4", "2<em>3</em>4"),
    # ``_`` still does not open or close inside a word, as the amendment keeps it
    ("__강조(x)__는", "__강조(x)__는"),
]


@pytest.mark.parametrize(("source", "html"), CASES)
def test_emphasis_next_to_hangul(source: str, html: str) -> None:
    assert to_inline_html(source) == html


def test_next_to_an_emoji_commonmark_decides() -> None:
    """An emoji is no CJK character: whatever CommonMark says next to it stands (markdown-it-py 4 follows CommonMark
    0.31, where symbols count as punctuation, so this one is bold there and not in markdown-it-py 3)."""
    plain = MarkdownIt("commonmark")
    for text in ("**굵게.**😀", "😀**굵게**", "**(괄호)**🙂다"):
        assert to_inline_html(text) == plain.renderInline(text), text


def test_plain_text_drops_the_marks() -> None:
    assert to_plain_text("**메모리 포싱(Memory Forcing)**은 *새롭다(new)*고") == "메모리 포싱(Memory Forcing)은 새롭다(new)고"


def test_cjk_characters() -> None:
    assert all(is_cjk(ch) for ch in "가힣ㄱᄀ漢「」（）、。ｱ")
    assert not any(is_cjk(ch) for ch in "aZ1.,()“”😀★ ")


def test_text_without_cjk_renders_exactly_as_commonmark() -> None:
    """Random strings of letters, blanks, punctuation and delimiters: where no CJK character stands, the output is
    CommonMark's, character for character."""
    plain = MarkdownIt("commonmark").enable("strikethrough")
    amended = MarkdownIt("commonmark").enable("strikethrough").use(cjk_emphasis)
    rng = random.Random(11)
    alphabet = list("ab  .,!?()[]\"'-") + ["*", "**", "_", "__", "~~", "“", "”", "é"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14)))
        assert amended.renderInline(text) == plain.renderInline(text), text


def test_other_parsers_are_untouched() -> None:
    """The plugin changes the parser it is used on, not markdown-it-py for everyone."""
    to_inline_html("**용어(Term)**은")
    assert MarkdownIt("commonmark").renderInline("**용어(Term)**은") == "**용어(Term)**은"
