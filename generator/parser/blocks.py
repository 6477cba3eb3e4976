"""Non-paper blocks: ads/sponsor messages, glossaries, highlight lists, footers, images.

Classification is by keywords (Korean and English) and by shape. *Strong* signals (an
``[광고]`` marker, a ``**편집자 메시지**`` lead-in, a ``Sponsor`` label, a glossary title) are
trusted anywhere; *weak* ones (course/discount words, subscribe/share words) only where no
paper text is expected (before the first item, after an item's link line or rule).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import BlockKind, LinkKind
from .links import parse_link_line
from .nonpaper import is_legend_lines
from .titles import is_sentence, plain

__all__ = ["classify", "is_sign_off", "glossary_entry", "is_glossary_title", "is_highlights_lines", "is_image_only",
           "AD_OPEN", "AD_CLOSE"]

AD_OPEN = re.compile(r"^\s*[\[【(]\s*(?:광고|AD|Ad|Sponsored|스폰서|협찬|홍보)\s*[\]】)]", re.IGNORECASE)
"""An ad span opener: ``[광고]``, ``(광고)``, ``[AD]``, ``[Sponsored]``."""

AD_CLOSE = re.compile(r"[\[【]\s*/\s*(?:광고|AD|Ad|Sponsored|스폰서|협찬|홍보)\s*[\]】]\s*$", re.IGNORECASE)
"""An ad span closer: ``[/광고]``."""

_SPONSOR_LEAD = re.compile(
    r"^\s*(?:\*\*|__)?\s*(?:(?:이번\s*(?:호|주)의?|오늘의)\s*(?=광고|스폰서|후원|협찬))?"
    r"(?:편집자\s*(?:메시지|의\s*말|노트|공지)|광고|스폰서|후원|협찬|홍보|공지|"
    r"sponsor(?:ed)?(?:\s+message)?|advertisement|ad|promo(?:tion)?|editor[’']?s?\s+(?:message|note)|"
    r"from\s+(?:the\s+)?editor|a\s+word\s+from\s+our\s+sponsors?)\s*(?:\*\*|__)?\s*[:：.\-–—]?(?:\*\*|__)?(?:\s|$)",
    re.IGNORECASE,
)
@dataclass(frozen=True)
class _Keywords:
    """A lower-case keyword pattern behind a literal pre-filter: plain substring tests are C-fast, while
    a many-alternative pattern costs ~100 µs per long Hangul paragraph, and every unit is classified."""

    literals: tuple[str, ...]
    """Substrings of which every alternative of ``pattern`` contains at least one."""

    pattern: re.Pattern[str]
    """The pattern proper, searched only when a literal is present."""

    def search(self, low: str) -> bool:
        """True when ``pattern`` occurs in the lower-cased text ``low``."""
        return any(k in low for k in self.literals) and self.pattern.search(low) is not None


_SPONSOR_WEAK_RE = re.compile(
    r"코스|강의|강좌|수강|등록하|등록 ?링크|할인|환불|코호트|쿠폰|프로모션|얼리버드|부트캠프|세미나 신청|"
    r"후원(?:으로|합니다|하는|해\s*주신|사)|협찬|스폰서|광고 문의|\bsponsored\s+by|\bpresented\s+by|\bbrought\s+to\s+you\s+by|"
    r"\bcourses?\b|\bcohort\b|\benrol|\bregister\b|\bdiscount|\bcoupon|\bsign up\b|\bpromo code\b|\bbootcamp\b|\brefund",
)
_SPONSOR_WEAK = _Keywords(
    ("코스", "강의", "강좌", "수강", "등록", "할인", "환불", "코호트", "쿠폰", "프로모션", "얼리버드", "부트캠프", "세미나",
     "후원", "협찬", "스폰서", "광고", "sponsored", "presented", "brought", "course", "cohort", "enrol", "register",
     "discount", "coupon", "sign up", "promo", "bootcamp", "refund"),
    _SPONSOR_WEAK_RE,
)
_GLOSSARY = re.compile(r"용어집|용어\s*정리|용어\s*설명|주요\s*용어|핵심\s*용어|glossary|key\s+terms|terminology")
_HIGHLIGHTS = re.compile(r"하이라이트|목차|이번\s*호|이번\s*주\s*(?:요약|목록|논문\s*목록)|highlights|in\s+this\s+issue|"
                         r"table\s+of\s+contents|^contents$|tl;?dr|요약\s*목록")
_FOOTER_RE = re.compile(
    r"구독(?!자)|좋아요|팔로우\s*하|팔로우해|공유해|공유하|읽어\s*주셔서|수신\s*거부|뉴스레터를\s*받|다음\s*주에\s*만나|"
    r"다음\s*(?:주|호)에(?:서)?\s*(?:또\s*)?(?:만나|뵙)|추천해\s*주|감사합니다|"
    r"\bsubscribe|\bfollow\s+us|\bunsubscribe|\blike\b.*\bshare\b|\bshare\s+(?:this|it)|thanks\s+for\s+reading|"
    r"see\s+you\s+next\s+week|\bforward\s+(?:this|to)",
)
_FOOTER = _Keywords(
    ("구독", "좋아요", "팔로우", "공유", "읽어", "수신", "뉴스레터", "다음", "추천해", "감사합니다", "subscribe", "follow",
     "like", "share", "thanks", "see", "forward"),
    _FOOTER_RE,
)
_GLOSSARY_ENTRY = re.compile(
    r"^\s*(?:[-*+•]\s+)?(?:\*\*|__)(?P<term>[^*_]+?)(?:\*\*|__)\s*(?:[:：]|[-–—]\s)\s*(?P<def>\S.*)$"
    r"|^\s*(?:[-*+•]\s+)?(?P<term2>[^:：*]{1,60}?)\s*[:：]\s*(?P<def2>\S.*)$"
)
_ATX = re.compile(r"^\s*#{1,6}\s+")
# The keyword patterns above are lower-case and searched in lower-cased text: re.IGNORECASE makes the
# scan of long Hangul paragraphs 5-30x slower, and classification runs on every unit of every candidate layout.
_QUOTE_OR_EMOJI = re.compile(r"^\s*(?:>\s*)*(?:[^\w\s*_\[(\-+.#>]\s*)*")
"""Quote marks and emoji before a block's first word."""
_IMAGE_ONLY = re.compile(r"^\s*(?:(?:\[\s*)?!\[[^\]]*\]\([^)]*\)(?:\s*\]\([^)]*\))?\s*"
                         r"|(?:<(?:p|div|figure|center|a)\b[^>]*>\s*)*<img\b[^>]*>(?:\s*</(?:p|div|figure|center|a)>)*\s*)+$",
                         re.IGNORECASE)


_CAPTION = re.compile(r"^\s*(?:[📷📸🖼]\ufe0f?\s*)?(?:사진|이미지|그림|캡션)\s*(?:설명|출처)?\s*[:：]|^\s*[📷📸🖼]", re.IGNORECASE)
"""The caption of an image pasted from a blog (``📷 사진 설명: …``), which stands where the image was."""


def is_image_only(lines: list[str]) -> bool:
    """True when the lines hold only Markdown images — not badges linking a paper or its code
    (``[![arXiv](badge.svg)](https://arxiv.org/abs/…)`` is a link line)."""
    text = " ".join(line.strip() for line in lines if line.strip())
    if not text or not _IMAGE_ONLY.match(text):
        return False
    return not any(link.url and link.kind is not LinkKind.OTHER
                   for line in lines for link in (parse_link_line(line) or ()))


def is_glossary_title(text: str) -> bool:
    """A short line naming a glossary (``빠른 용어집 (초보자를 위한)``, ``## 용어 정리``, ``Glossary``)."""
    if len(text) > 200 or not _GLOSSARY.search(text.lower()):
        return False
    p = plain(text)
    return len(p) <= 60 and bool(_GLOSSARY.search(p.lower()))


def glossary_entry(line: str, *, loose: bool = False) -> tuple[str, str] | None:
    """``(term, definition)`` for a glossary line ``**Term**: definition`` (``Term: definition`` when ``loose``)."""
    m = _GLOSSARY_ENTRY.match(line)
    if not m:
        return None
    if m.group("term"):
        return plain(m.group("term")), m.group("def").strip()
    if loose and m.group("term2"):
        return plain(m.group("term2")), m.group("def2").strip()
    return None


def is_highlights_lines(lines: list[str]) -> bool:
    """Several short lines, none a sentence-long paragraph: a highlight / ToC list."""
    rows = [line.strip() for line in lines if line.strip()]
    return len(rows) >= 3 and all(len(r) <= 160 for r in rows)


_SIGN_OFF_RE = re.compile(
    r"구독(?!자)|수신\s*거부|읽어\s*주셔서|다음\s*(?:주|호)에\s*(?:또\s*)?만나|좋아요|"
    r"\bsubscribe|\bunsubscribe|thanks\s+for\s+reading|see\s+you\s+next\s+(?:week|issue)",
)
_SIGN_OFF = _Keywords(("구독", "수신", "읽어", "다음", "좋아요", "subscribe", "thanks", "see"), _SIGN_OFF_RE)


def is_sign_off(lines: list[str]) -> bool:
    """A short closing paragraph of the issue (subscribe/like/see-you words), safe to tell from paper prose
    even without a rule before it (``공유`` alone is not enough: papers share things)."""
    text = " ".join(line.strip() for line in lines if line.strip())
    return 0 < len(text) <= 300 and _SIGN_OFF.search(text.lower())


def classify(lines: list[str], *, weak: bool) -> BlockKind | None:
    """Kind of a block from its text (cached per text: item rules, the front matter reader and the paper builder
    all ask about the same units)."""
    return _classify(tuple(lines), weak)


@lru_cache(maxsize=8192)
def _classify(lines: tuple[str, ...], weak: bool) -> BlockKind | None:
    """Kind of a block from its text, or ``None`` when it looks like ordinary text.

    ``weak`` allows the loose keyword signals (course promotions, subscribe footers, highlight titles).
    """
    rows = [line for line in lines if line.strip()]
    if not rows:
        return None
    first = _ATX.sub("", rows[0])
    text = " ".join(r.strip() for r in rows)
    lead = _QUOTE_OR_EMOJI.sub("", first)  # "> 📣 **광고** …" leads like "**광고** …"
    if AD_OPEN.match(first) or _SPONSOR_LEAD.match(first) or _SPONSOR_LEAD.match(lead):
        return BlockKind.SPONSOR
    if is_image_only(rows) or len(rows) == 1 and _CAPTION.match(first):
        return BlockKind.IMAGE
    if is_glossary_title(first):
        return BlockKind.GLOSSARY
    if len(rows) <= 8 and ("=" in text or "|" in text or ":" in text or "—" in text or len(text) <= 80) \
            and is_legend_lines(rows):
        return BlockKind.LEGEND
    if not weak:
        return None
    low = text.lower()
    if _SPONSOR_WEAK.search(low):
        return BlockKind.SPONSOR
    if len(text) <= 600 and _FOOTER.search(low):
        return BlockKind.FOOTER
    if len(first) <= 80 and len(plain(first)) <= 40 and _HIGHLIGHTS.search(plain(first).lower()) \
            and not is_sentence(plain(first)):
        return BlockKind.HIGHLIGHTS
    return None


def clear_cache() -> None:
    """Forget what :func:`_classify` has cached (benchmarks time every file as new)."""
    _classify.cache_clear()
