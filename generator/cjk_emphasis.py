"""Emphasis next to Korean (and Chinese/Japanese) text, as the CommonMark CJK-friendly amendment defines it.

CommonMark does not close ``**메모리 포싱(Memory Forcing)**은``: the closing ``**`` follows punctuation and precedes
a letter, so it is not "right-flanking". Korean writers bold a term and attach the particle this way all the time.
The amendment (https://github.com/tats-u/markdown-cjk-friendly, ``specification.md``) changes only the flanking
rules: punctuation next to a delimiter run no longer blocks it when the other side is a CJK character, and CJK
punctuation (``「」（）、。``) no longer counts as the blocking kind. Text without CJK characters is parsed exactly as
by CommonMark.

``mdit-py-cjk-friendly`` implements the idea for Chinese and Japanese only (no Hangul, and it joins soft line
breaks between CJK characters, which is wrong for Korean, written with spaces), and it patches markdown-it-py for
every parser in the process. This plugin follows the amendment, Hangul included, for the parser it is used on.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import partial

from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.rules_inline import emphasis, strikethrough
from markdown_it.rules_inline.state_inline import Scanned, StateInline

__all__ = ["cjk_emphasis", "is_cjk"]

_HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7AF), (0xD7B0, 0xD7FF), (0xFFA0, 0xFFDC))
"""Code point ranges of the Hangul script (Jamo, compatibility Jamo, extended Jamo, syllables, half-width)."""
_EMOJI = ((0x2300, 0x23FF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF))
"""Ranges where wide characters are emoji, which the amendment does not count as CJK."""
_VARIATION = (0xFE00, 0xFE0E)
"""Non-emoji variation selectors: a delimiter after ``X`` + selector sees ``X``."""


def is_cjk(ch: str) -> bool:
    """True for a CJK character: East Asian Width wide, full-width or half-width and not an emoji, or Hangul."""
    cp = ord(ch)
    if any(a <= cp <= b for a, b in _HANGUL):
        return True
    if unicodedata.east_asian_width(ch) not in ("W", "F", "H"):
        return False
    return not (unicodedata.category(ch) == "So" and any(a <= cp <= b for a, b in _EMOJI))


def _punct(ch: str) -> bool:
    return isMdAsciiPunct(ord(ch)) or isPunctChar(ch)


def _scan(state: StateInline, start: int, can_split_word: bool) -> Scanned:
    """``StateInline.scanDelims`` with the amended left- and right-flanking rules."""
    src, maximum = state.src, state.posMax
    marker = src[start]
    pos = start
    while pos < maximum and src[pos] == marker:
        pos += 1
    before = start - 1
    if before > 0 and _VARIATION[0] <= ord(src[before]) <= _VARIATION[1]:
        before -= 1
    last = src[before] if before >= 0 else " "  # the start and the end of the line count as whitespace
    nxt = src[pos] if pos < maximum else " "

    last_space, next_space = isWhiteSpace(ord(last)), isWhiteSpace(ord(nxt))
    last_cjk, next_cjk = is_cjk(last), is_cjk(nxt)
    last_punct, next_punct = _punct(last), _punct(nxt)
    last_plain_punct = last_punct and not last_cjk  # "non-CJK punctuation"
    next_plain_punct = next_punct and not next_cjk

    left = not next_space and (not next_plain_punct or last_space or last_plain_punct or last_cjk)
    right = not last_space and (not last_plain_punct or next_space or next_plain_punct or next_cjk)
    if can_split_word:
        can_open, can_close = left, right
    else:  # ``_``: not inside a word, unless punctuation stands on that side
        can_open = left and (not right or last_punct)
        can_close = right and (not left or next_punct)
    return Scanned(can_open, can_close, pos - start)


def _amended(rule: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
    """``rule`` run with the amended delimiter scan on its own inline state (no other parser is touched)."""

    def run(state: StateInline, silent: bool) -> bool:
        state.scanDelims = partial(_scan, state)  # type: ignore[method-assign]
        return rule(state, silent)

    return run


def cjk_emphasis(md: MarkdownIt) -> None:
    """markdown-it-py plugin: ``MarkdownIt(…).use(cjk_emphasis)`` — emphasis and strikethrough per the amendment."""
    md.inline.ruler.at("emphasis", _amended(emphasis.tokenize))
    md.inline.ruler.at("strikethrough", _amended(strikethrough.tokenize))
