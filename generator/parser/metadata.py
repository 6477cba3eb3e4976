"""Issue metadata written in the body: header lines (``Author:``, ``URL:``, ``제목:``, ``발행일:``,
``보낸 사람:``, ``From:``, ``Date:``) and dates in Korean, dotted, ISO, slashed or English form."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from .titles import strip_decoration

__all__ = ["HeaderLines", "parse_date", "parse_header_lines", "merge_headers", "is_header_key"]

_KEYS: dict[str, str] = {}
for _field, _names in {
    "author": ("author", "by", "저자", "작성자", "글쓴이", "필자", "보낸 사람", "보낸사람", "발신자", "from", "sender", "에디터", "editor",
               "편집", "편집자", "편집인", "글", "글/사진", "글·사진", "발행인", "written by", "정리", "작성", "엮은이", "엮음", "큐레이션",
               "큐레이터", "기록", "curated by", "compiled by", "정리한 사람", "글·정리", "글/정리", "정리·글", "번역·정리",
               "번역", "역자", "옮긴이"),
    "url": ("url", "원문", "원문 링크", "원문 주소", "글 주소", "원문 보기", "원문보기", "원본", "출처", "source", "link", "링크", "original",
            "original post", "웹에서 보기", "웹 버전", "view online", "web version", "read online", "permalink",
            "원문 스레드", "원본 스레드", "웹에서 읽기", "원본 글", "스레드", "이 페이지", "페이지 주소", "브라우저에서 보기", "view in browser", "온라인으로 읽기", "온라인에서 보기", "온라인 버전",
            "웹으로 보기"),
    "title": ("제목", "title", "subject", "issue"),
    "date": ("발행일", "발행 일자", "날짜", "date", "게시일", "작성일", "발송일", "보낸 날짜", "published", "sent", "발행",
             "발송", "일자", "게시", "posted", "updated", "수정일", "생성 일시", "생성일", "작성 일시", "created", "일시"),
    "skip": ("태그", "tags", "상태", "status", "카테고리", "category", "분류", "시리즈", "series", "읽는 시간",
             "reading time"),
}.items():
    for _n in _names:
        _KEYS[_n] = _field

def is_header_key(label: str) -> bool:
    """True when ``label`` is the key of a header line (``URL``, ``출처``, ``보낸 사람`` …)."""
    return re.sub(r"\s+", " ", label.strip().lower()) in _KEYS


_HEADER = re.compile(r"^\s*\**(?P<key>[^:：*→]{1,20}?)\**\s*(?:[:：]|→)\**\s*(?P<value>.+?)\s*$")
_KEY_SPACE = re.compile(r"^(?P<key>발행일|발행인|발행|날짜|편집|에디터|정리|작성|작성자|글|엮은이|보낸 사람)\s+(?P<value>[^:：\s].{0,60})$")
"""A field written without a colon: ``편집 한지우``, ``발행일 2026년 4월 20일``."""

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_DATE_PATTERNS = (
    re.compile(r"(?P<y>\d{4})\s*년\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일"),
    re.compile(r"(?<!\d)(?P<y>\d{4})\s*[.\-/]\s*(?P<m>\d{1,2})\s*[.\-/]\s*(?P<d>\d{1,2})(?!\d)"),
    re.compile(r"(?P<mn>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?[,.]?\s+(?P<y>\d{4})"),
    re.compile(r"(?<!\d)(?P<d>\d{1,2})\s+(?P<mn>[A-Za-z]{3,9})\.?,?\s+(?P<y>\d{4})"),
)


def parse_date(text: str) -> _dt.date | None:
    """The first date in ``text`` (``2025년 11월 16일``, ``2025.11.23``, ``2025-11-23``,
    ``2025/11/23``, ``November 16, 2025``, ``16 Nov 2025``), or ``None``."""
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            month = int(groups["m"]) if groups.get("m") else _MONTHS.get((groups.get("mn") or "")[:3].lower())
            if not month:
                continue
            try:
                return _dt.date(int(groups["y"]), month, int(groups["d"]))
            except ValueError:
                continue
    return None


@dataclass(frozen=True)
class HeaderLines:
    """Metadata read from ``Key: value`` lines of one paragraph."""

    title: str | None = None
    """``제목:``/``Title:``/``Subject:``."""

    author: str | None = None
    """``Author:``/``보낸 사람:``/``From:`` (an e-mail address in ``<…>`` is dropped)."""

    url: str | None = None
    """``URL:``/``원문:`` — address of the original."""

    date: _dt.date | None = None
    """``발행일:``/``Date:`` parsed."""

    date_text: str | None = None
    """The date value as written (for messages when it cannot be parsed)."""


_SEGMENTS = re.compile(r"\s+[·|•/]\s+|\s+[-–—]\s+(?=\S+\s*[:：])")
"""Separators of several header fields written on one line (``2025-11-09 · 정리: 박서연``)."""
_LEAD_SYMBOLS = re.compile(r"^(?:[\u2190-\u2bff\U0001f000-\U0001faff\ufe0f\u200d>]\s*)+")
_KEY_DOT = re.compile(r"^(글|정리|편집|작성|번역|발행인|에디터)\s*·\s*(?=\S)(?![^:：]{1,6}[:：])")
_BY = re.compile(r"^(?:by|글|written by)\s+(?P<name>[^:：]{1,40})$", re.IGNORECASE)


_KEYED_LINK = re.compile(r"^\[(?P<label>[^\]\n]{1,24})\]\((?P<url>https?://[^()\s]+)\)$")
_SIGNED = re.compile(r"^(?P<name>[가-힣]{2,5})\s*(?:드림|올림)$")
"""A Korean sign-off in a byline: ``정다은 드림``."""


def _segment(text: str) -> tuple[str, str] | None:
    """One header field: ``Key: value`` with a known key, a bare date, or ``by Name`` → ``(field, value)``."""
    link = _KEYED_LINK.match(text.strip())
    if link and _KEYS.get(re.sub(r"\s+", " ", link.group("label").strip().lower())) == "url":
        return "url", link.group("url")  # ``[웹에서 읽기](https://…)`` in a byline
    text = _LEAD_SYMBOLS.sub("", text.strip())  # ``✍️ 작성자: …``, ``📅 2025-06-29``
    m = _HEADER.match(re.sub(r"^(\*\*|__)(.+)\1$", r"\2", text.strip()))
    if m and re.search(r"\d$", m.group("key")) and m.group("value")[:1].isdigit():
        m = None  # ``2025. 3. 9. 21:47``: a clock time, not ``key: value``
    if m:
        key = re.sub(r"\s+", " ", m.group("key").strip().lower())
        field = _KEYS.get(key)
        if field is not None:
            return field, m.group("value").strip()
        if not re.match(r"^https?$", key):
            return None
    spaced = _KEY_SPACE.match(text.strip())
    if spaced and (_KEYS[spaced.group("key")] != "date" or parse_date(spaced.group("value"))):
        return _KEYS[spaced.group("key")], spaced.group("value").strip()
    by = _BY.match(text.strip())
    if by:
        return "author", by.group("name").strip()
    signed = _SIGNED.match(text.strip())
    if signed:
        return "author", signed.group("name")  # ``정다은 드림``
    bare = re.sub(r"\s*[(（][^()（）]{1,6}[)）]\s*$|\s+\d{1,2}:\d{2}(?::\d{2})?$|\s*[월화수목금토일]요일$", "",
                  text.strip().strip("*_"))
    if parse_date(bare) and len(re.sub(r"[\d\s.\-/년월일]", "", bare)) <= 3:
        return "date", bare
    return None


_NAME = re.compile(r"^(?=.*[^\W\d_])[\w.@-]{2,16}(?:\s[\w.-]{1,16})?$")
"""A person's name or nickname: one or two words with a letter (``정다은``, ``밤새코딩``, ``Minsu Kim``)."""
_COUNTER = re.compile(r"^(?:조회(?:수)?\s*[\d,]+|[\d,]+\s*(?:views?|회)|\d+\s*(?:min(?:ute)?s?(?:\s+read)?|분(?:\s*(?:읽기|분량))?)|"
                      r"(?:♥|❤️?|👍|💬|⭐)\s*[\d,]+|"
                      r"읽는\s*데\s*\d+\s*분|댓글\s*\d+|[\d,]+\s*(?:likes?|좋아요))$", re.IGNORECASE)
"""A view count or reading time in a byline (``조회 214``, ``5 min read``)."""


def _byline(segments: list[str]) -> list[tuple[str, str]] | None:
    """A byline without keys — a name, then a date, perhaps a view count (``밤새코딩 · 2025년 10월 16일 · 조회 214``)
    — as ``[("author", name), ("date", …)]``, else ``None``."""
    if len(segments) < 2:
        return None
    name = re.sub(r"\s*[(（]@?[\w.]{1,30}[)）]$", "", segments[0].strip().strip("*_").strip())  # ``서도현 (@handle)``
    if not _NAME.match(name) or parse_date(name) or _segment(segments[0]) is not None:
        return None
    rest = [_segment(part) for part in segments[1:]]
    if not any(p is not None and p[0] == "date" for p in rest):
        return None
    if not all(p is not None or _COUNTER.match(part.strip()) for part, p in zip(segments[1:], rest)):
        return None
    return [("author", name)] + [p for p in rest if p is not None]


def parse_header_lines(lines: list[str], *, title_line: bool = False) -> HeaderLines | None:
    """``HeaderLines`` when the lines are a header: every line is made of known ``Key: value`` fields, bare dates
    or ``by Name`` (several may share a line, separated by ``·`` or ``|``), except short label-like lines
    (``tags: #…``) when most lines are fields. With ``title_line`` an unlabelled first line is the title."""
    found: dict[str, str] = {}
    rows = [line for line in lines if line.strip()]
    if any(len(row) > 300 for row in rows):
        return None  # header lines are short; a long line is text
    known = unknown = 0
    for n, line in enumerate(rows):
        line = _KEY_DOT.sub(r"\1: ", line.strip())  # ``글 · 박지현``
        segments = _SEGMENTS.split(line)
        parts = _byline(segments) or [_segment(part) for part in segments]
        if parts and all(parts):
            known += 1
            for field, value in parts:  # type: ignore[misc]
                found.setdefault(field, value)
        elif n == 0 and title_line and len(rows) > 1 and len(line.strip()) <= 100 and "](" not in line \
                and not re.search(r"(?:니다|세요|요)[.!?]?$", line.strip()):
            found.setdefault("title", strip_decoration(line.strip().strip("#*_ ").strip()))
        elif any(parts) and len(line) <= 120 and (len(rows) > 1 or any(
                p is not None and p[0] in ("author", "url") for p in parts)):
            known += 1
            for part in parts:
                if part:
                    found.setdefault(*part)
        elif len(line) <= 60 and re.match(r"^\s*[\w가-힣 ]{1,15}\s*[:：]", line) and "니다" not in line \
                or n and len(line) <= 120 and re.match(r"^\s*[(（][^()（）]*[)）]\s*$", line):  # ``(메시지를 옮겼습니다)``
            unknown += 1
        else:
            return None
    found.pop("skip", None)
    if not found or known == 0 or unknown > known:
        return None
    author = found.get("author")
    if author:
        author = re.sub(r"\s*<[^>]*>\s*", " ", author).strip().strip('"') or author
        author = re.sub(r"\s*[(（][^()（）]{1,20}[)）]$", "", author).strip() or author  # ``박서연 (운영진)``
        author = re.sub(r"^(\*\*|__)(?P<name>[^*_]+)\1$", r"\g<name>", author)  # ``작성자 **박준혁**``
        author = re.sub(r"^@(?=[\w.-]+$)", "", author)  # ``작성: @hyejin-k``: a handle, its ``@`` no part of the name
    url = found.get("url")
    if url:
        m = re.search(r"https?://[^\s<>)\]]+", url)
        url = m.group(0).rstrip("*_") if m else None  # ``*원문: https://…*``: the emphasis is no part of it
    date_text = found.get("date")
    return HeaderLines(
        title=found.get("title"), author=author, url=url,
        date=parse_date(date_text) if date_text else None, date_text=date_text,
    )


def merge_headers(first: HeaderLines | None, second: HeaderLines) -> HeaderLines:
    """Header lines of two paragraphs together; the first value of each field wins."""
    if first is None:
        return second
    return HeaderLines(
        title=first.title or second.title,
        author=first.author or second.author,
        url=first.url or second.url,
        date=first.date or second.date,
        date_text=first.date_text or second.date_text,
    )
