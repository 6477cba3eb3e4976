"""Item headings → plain text and (Korean title, English title).

Rules, in order (see :func:`split_title`):

* ``한국어 제목(English Title)`` — a final parenthesised group without Hangul is the English
  title; found by a balanced scan from the end so ``(GLM-4.5: Agentic … (ARC) Models)`` stays
  whole;
* ``English Name: 한국어 부제`` (also `` – `` / `` — ``) — English name before the separator,
  Korean subtitle after it;
* only Latin letters → English only; Hangul and no usable English part → Korean only; a
  Korean title with an English term in parentheses somewhere keeps that term as English title
  (not a one-token acronym like ``(ARC)``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .mdsyntax import LINK_DEST, LINK_TEXT, LINK_TITLE

__all__ = ["plain", "strip_decoration", "is_sentence", "split_title", "has_hangul", "has_latin", "NUMBER_RE",
           "number_of", "title_text", "ORG_TAGS"]

_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_LATIN = re.compile(r"[A-Za-z]")
_MD_LINK = re.compile(r"!?\[(" + LINK_TEXT + r")\]\(" + LINK_DEST + LINK_TITLE + r"\)")
_MD_IMAGE = re.compile(r"\[!\[" + LINK_TEXT + r"\]\(" + LINK_DEST + r"\)\]\(" + LINK_DEST + r"\)"
                       r"|!\[" + LINK_TEXT + r"\]\(" + LINK_DEST + LINK_TITLE + r"\)")
_AUTOLINK = re.compile(r"<(https?://[^>]+)>")
_EMPH = re.compile(r"(\*\*|__|~~|`)")
_SINGLE_EMPH = re.compile(r"(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])")

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ORDINALS = ("열두", "열한", "다섯", "여섯", "일곱", "여덟", "아홉", "첫", "두", "세", "네", "열")
"""Korean ordinals before ``번째``, longest first."""
_COUNTING = ("하나", "다섯", "여섯", "일곱", "여덟", "아홉", "둘", "셋", "넷", "열")
"""Native Korean numbers used as item marks (``하나.``, ``둘.`` …), longest first."""
NUMBER_RE = re.compile(
    r"^(?P<bold>\*\*|__)?\s*(?:#\s*)?(?:(?P<num>\d{1,3})\s*(?:[.)]|\s/|/(?=\s))\s*(?!\d)"
    r"|(?P<mark>\[(?P<bnum>\d{1,3})\]|(?P<cap>\d)\ufe0f?\u20e3|(?P<ten>\U0001f51f)|(?P<circ>[" + _CIRCLED + r"]))\s*"
    r"|(?P<ord>" + "|".join(_ORDINALS) + r")\s*번째\s*[.:：)]\s*"
    r"|(?P<count>" + "|".join(_COUNTING) + r")\s*[.:：)]\s+)"
)
"""A leading item number: ``1.``, ``1)``, ``01 /``, ``1/`` (a thread), ``**3)**``, ``**1. …``, a Korean ordinal or number (``첫 번째.``, ``하나.``), or a
number *mark* (group ``mark``): ``[1]``, keycap ``1️⃣``/``🔟``, circled ``①``."""


def number_of(m: re.Match[str]) -> int:
    """The number matched by :data:`NUMBER_RE`."""
    if m.group("num") or m.group("bnum") or m.group("cap"):
        return int(m.group("num") or m.group("bnum") or m.group("cap"))
    if m.group("ten"):
        return 10
    if m.group("count"):
        return ("하나", "둘", "셋", "넷", "다섯", "여섯", "일곱", "여덟", "아홉", "열").index(m.group("count")) + 1
    if m.group("ord"):
        return ("첫", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열", "열한", "열두").index(m.group("ord")) + 1
    return _CIRCLED.index(m.group("circ")) + 1

_SEPARATORS = (": ", "：", " – ", " — ", " - ", " | ")


def has_hangul(text: str) -> bool:
    """True when ``text`` contains a Hangul letter."""
    return bool(_HANGUL.search(text))


def has_latin(text: str) -> bool:
    """True when ``text`` contains a Latin letter."""
    return bool(_LATIN.search(text))


_WIKI_LINK = re.compile(r"\[\[([^\[\]|\n]+)(?:\|([^\[\]\n]+))?\]\](?!\()")
"""A wiki-style link (``[[Title]]``, ``[[note|Title]]``) as an Obsidian note writes headings; not ``[[Paper]](url)``."""


@lru_cache(maxsize=8192)
def plain(markdown: str) -> str:
    """Inline Markdown → plain text (links → their label, emphasis and code marks removed)."""
    text = _MD_IMAGE.sub("", markdown) if "![" in markdown else markdown  # a badge is no part of a title
    text = _WIKI_LINK.sub(lambda m: m.group(2) or m.group(1), text) if "[[" in text else text  # ``[[Title]]``
    text = _MD_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _EMPH.sub("", text)
    text = _SINGLE_EMPH.sub(r"\1", text)
    text = re.sub(r"^#{1,6}\s+", "", text.strip())
    text = text.replace("\\", "")
    return re.sub(r"\s+", " ", text).strip()


_SENTENCE_END = re.compile(r"(?:[.!?。:：]|(?:니다|세요|[어아해]요|죠)[.!?]?)$")


def is_sentence(text: str) -> bool:
    """True when ``text`` ends like a sentence or a lead-in (``…골랐습니다.``, ``Note:``): prose, not a title."""
    return bool(_SENTENCE_END.search(text.strip()))


def _is_decoration(ch: str) -> bool:
    if ch in "\u200d\ufe0f\ufe0e\u20e3":
        return True
    cat = unicodedata.category(ch)
    return cat in ("So", "Sk", "Cs", "Co", "Zs", "Cf") or (cat == "Mn")


_KEYCAP = re.compile(r"^(?:[0-9#*]\ufe0f?\u20e3\s*)+")
"""Keycap emoji (``1️⃣``, ``#️⃣``): a digit or ``#``/``*`` followed by U+20E3, used as a bullet."""


@lru_cache(maxsize=8192)
def strip_decoration(text: str) -> str:
    """Drop leading/trailing emoji and symbols (``🚀 Title ✨`` → ``Title``, ``1️⃣ Title`` → ``Title``)."""
    text = _KEYCAP.sub("", text.strip())
    i = 0
    while i < len(text) and (_is_decoration(text[i]) or text[i] in "•·-–—>|"):
        i += 1
    j = len(text)
    while j > i and _is_decoration(text[j - 1]):
        j -= 1
    return text[i:j].strip()


def _final_group(text: str) -> tuple[str, str] | None:
    """Split ``before(inner)`` at the parenthesised group that ends ``text`` (balanced)."""
    text = text.rstrip()
    if not text.endswith((")", "）")):
        return None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        ch = text[i]
        if ch in ")）":
            depth += 1
        elif ch in "(（":
            depth -= 1
            if depth == 0:
                return text[:i].rstrip(), text[i + 1:-1].strip()
    return None


def _is_acronym(term: str) -> bool:
    """``ARC``, ``RL``, ``MoE``, ``GPT-4o``: one short token glossing a word of the Korean title, not its English title."""
    return " " not in term and (len(term) <= 6 or term.upper() == term)


def _paren_english(text: str) -> str | None:
    """The first parenthesised group made of Latin text (an English term inside a Korean title)."""
    depth = 0
    start = -1
    for i, ch in enumerate(text):
        if ch in "(（":
            if depth == 0:
                start = i
            depth += 1
        elif ch in ")）" and depth:
            depth -= 1
            if depth == 0:
                inner = text[start + 1:i].strip()
                if has_latin(inner) and not has_hangul(inner) and len(inner) > 2 and not _is_acronym(inner):
                    return inner
    return None


_LEAD_IN = re.compile(r"^(?P<ko>[^A-Za-z()]*(?:[\uac00-\ud7a3](?:의|에서)|[\uac00-\ud7a3\s](?:나온|내놓은|발표한|공개한))"
                      r"|[^():：]*[\uac00-\ud7a3][^():：]*[:：]|(?:먼저|그리고|또|다음은|다음으로|마지막으로|끝으로|이번엔|이번에는)(?:\s[\uac00-\ud7a3]+){0,3})\s+"
                      r"(?P<en>[A-Z0-9][^\uac00-\ud7a3()（）]*:\s[^\uac00-\ud7a3()（）]+)$")
"""A Korean lead-in ending in a particle or modifier (``먼저 메타의``, ``같은 주에 나온``) or a colon (``그리고 딥시크가
또:``) before a full English title with its own colon; the lead-in is prose, not the title in Korean."""


_NAMED_ORIGINAL = re.compile(r"^(?P<ko>.+?)\s*(?:[—–|/·-]|[(（])\s*(?:원제|영문\s*제목|original\s+title|english\s+title)\s*[:：]?\s*"
                             r"(?P<en>[^()（）]+?)\s*[)）]?$", re.IGNORECASE)
"""A Korean title followed by its original: ``한국어 제목 — 원제 English Title``, ``한국어 제목 (원제: English Title)``."""


def split_title(heading: str, lang: str = "ko") -> tuple[str | None, str | None]:
    """A plain-text heading → ``(title_ko, title_en)``. In English files the heading is the English title."""
    text = strip_decoration(heading).strip(" :")
    if not text:
        return None, None
    if lang == "en" or not has_hangul(text):
        return None, text
    named = _NAMED_ORIGINAL.match(text)
    if named and has_hangul(named.group("ko")) and not has_hangul(named.group("en")):
        return named.group("ko").strip(), named.group("en").strip()  # ``한국어 제목 — 원제 English Title``
    lead_in = _LEAD_IN.match(text)
    if lead_in:  # ``카이밍 허 팀의 Back to Basics: …``: a Korean phrase that introduces an English title
        return None, lead_in.group("en")
    group = _final_group(text)
    if group is not None:
        before, inner = group
        if before and inner and has_latin(inner) and not has_hangul(inner) and has_hangul(before):
            return before.strip(" :-–—"), inner
        if before and inner and has_hangul(inner) and not has_hangul(before) and has_latin(before):
            return inner, before.strip(" :-–—")
    found = [(text.index(sep), sep) for sep in _SEPARATORS if sep in text]
    if found:
        at, sep = min(found)  # the first separator written (``Name – 한국어: 부제``)
        left, right = text[:at].strip(), text[at + len(sep):].strip()
        # ``DeepSeek-R1 (딥시크 R1): 부제`` — a Korean reading in parentheses does not make the name Korean
        name = re.sub(r"\s*[(（][^()（）]*[\uac00-\ud7a3][^()（）]*[)）]", "", left).strip()
        if name and right and not has_hangul(name) and has_latin(name) and has_hangul(right):
            return right, name
    return text, _paren_english(text)


_PRESENTATION = re.compile(
    r"\s*[(\[【]\s*(?:oral|spotlight|poster|highlight|best\s+paper(?:\s+award)?|outstanding\s+paper(?:\s+award)?|"
    r"award|runner[- ]up|honou?rable\s+mention|구두\s*발표|포스터|스포트라이트|최우수\s*논문(?:상)?|우수\s*논문(?:상)?|"
    r"datasets\s*(?:&|and)\s*benchmarks(?:\s+track)?|main\s+track|findings(?:\s+of\s+\w+)?|long\s+paper|"
    r"short\s+paper|workshop|position\s+paper|demo\s+track)"
    r"(?:\s*[,/·]\s*[^)\]】]{0,30})?\s*[)\]】]", re.IGNORECASE)
"""A presentation tag: ``(Oral)``, ``[Spotlight]``, ``(Poster)``, ``(Best Paper Award)``."""
ORG_TAGS = re.compile(r"^(?:\[(?P<org>[^\]\[]{1,40})\](?!\()\s*)+")
"""Leading bracketed affiliation tags (``[Google] [Meta AI] Title``), not links and not ``[3]`` numbers."""
_QUOTED = re.compile(r"[「『《〈“]([^「」『』《》〈〉“”]+)[」』》〉”]")
"""A title in corner brackets or quotes (``「추론 모델」``): the brackets are no part of it."""
_DOMAIN = re.compile(r"\s+\((?:www\.)?(?:[a-z0-9-]+\.)+[a-z]{2,}\)$", re.IGNORECASE)
"""The site a link-list item points at, written after its title (``Title (arxiv.org)``)."""
_COUNT = re.compile(r"\s*(?:[(（]\s*)?(?:👍|⭐|★|🔥|❤️?|♥|⬆️?|▲)\s*[\d.,]+\s*[kKmM]?(?:\s*[)）])?(?=\s|$)")
"""A vote or star count written after a title, bare or in parentheses (``👍 312``, ``(▲ 98)``)."""
_LEAD = re.compile(r"[^\w\s\[(【「『《〈“]*\s*")
"""Medals and emoji before a title, which may stand before its affiliation tags (``🥇 [Lab] Title``)."""


@lru_cache(maxsize=8192)
def title_text(heading: str) -> str:
    """The title part of a heading: presentation tags and vote counts removed (the heading keeps them)."""
    if "(" not in heading and "[" not in heading and "【" not in heading and heading.isascii() and "“" not in heading:
        return heading
    text = _COUNT.sub("", _PRESENTATION.sub("", heading)).strip()
    lead = _LEAD.match(text).group(0)  # always matches, possibly empty
    bare = lead + (ORG_TAGS.sub("", text[len(lead):]) or text[len(lead):])
    bare = _DOMAIN.sub("", bare) or bare
    return _QUOTED.sub(r"\1", bare)


def clear_cache() -> None:
    """Forget the cached results of :func:`plain`, :func:`strip_decoration` and :func:`title_text`."""
    for fn in (plain, strip_decoration, title_text):
        fn.cache_clear()
