"""Items laid out like papers that are not papers: a blog post, a product launch, a news story.

Evidence, strongest first (:func:`news_reason`):

1. a **legend** that says what each marker means (``🔬 = 논문, 📰 = 뉴스``, ``범례: 📄 논문 / ✍️ 블로그``, a
   two-column table) and the item's leading marker;
2. a **tag** in front of the heading (``[뉴스]``, ``(번외)``, ``소식:``, ``[Blog]``);
3. the item's **own paper link** (arXiv, OpenReview, a Hugging Face paper page …) — then it is a paper;
4. the **section** it stands in (``## 뉴스``, ``## 업계 소식``, ``## 오픈소스``);
5. without a paper link or code link: launch **wording** in the heading (``출시``, ``발표``, ``Introducing``),
   a disclaimer in the text (``논문은 아니고``, ``블로그 글``), or links that all go to news or blog sites.

An item without any link stays a paper (its links may just be missing; ``digest check`` says so).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..model import LinkKind, Paper
from .links import is_link_label, url_kind
from .titles import NUMBER_RE

__all__ = ["Legend", "find_legend", "is_legend_lines", "news_reason", "lead_marker"]

_PAPER_WORDS = re.compile(r"^(?:논문|연구|페이퍼|paper|papers|research|preprint|arxiv)", re.IGNORECASE)
_ANY_PAPER_WORD = re.compile(r"논문|연구|페이퍼|paper|research|preprint|arxiv", re.IGNORECASE)
_OTHER_WORDS = re.compile(r"블로그|뉴스|소식|기사|발표|출시|제품|오픈\s*소스|릴리스|릴리즈|도구|툴|행사|공지|읽을거리|영상|"
                          r"blog|news|release|product|tool|event|announce|open[- ]?source|video|post", re.IGNORECASE)
_PAIR = re.compile(r"(?P<mark>(?:[\u2600-\u27bf\U0001f000-\U0001faff])[\ufe0f\u200d\U0001f3fb-\U0001f3ff"
                   r"\u2600-\u27bf\U0001f000-\U0001faff]*)\s*(?:[=:：→\-–—]\s*)?(?P<word>[가-힣A-Za-z][가-힣A-Za-z·/ ]{0,20})")
_LEGEND_WORD = re.compile(r"^\s*(?:\*\*)?\s*(?:범례|표시|기호|legend|key)\s*(?:\*\*)?\s*[:：—–-]?", re.IGNORECASE)
_TAG = re.compile(r"^\s*(?:[\[(【]\s*(?P<tag>[^\]\)】]{1,12})\s*[\])】]|(?P<colon>소식|뉴스|블로그|번외|공지|읽을거리|행사|news|blog)\s*[:：])",
                  re.IGNORECASE)
_TAG_WORDS = re.compile(r"^(?:뉴스|소식|블로그|읽을거리|번외|행사|공지|업계\s*소식|출시|제품|릴리스|이벤트|광고|"
                        r"news|blog|event|product|release|announcement|off[- ]topic|bonus)$", re.IGNORECASE)
_SECTION_WORDS = re.compile(r"뉴스|소식|블로그|읽을거리|업계|행사|제품|출시|릴리스|오픈\s*소스|도구|툴|이벤트|공지|안내|"
                            r"\bnews\b|\bblog|industry|products?\b|releases?\b|\btools?\b|open[- ]?source|events?\b",
                            re.IGNORECASE)
_LAUNCH = re.compile(r"출시|발표|정식\s*공개|공개$|계약|체결|인수|투자\s*유치|런칭|론칭|업데이트|서비스\s*시작|채용|구인|"
                     r"\bhiring\b|\bjob\s+opening|"
                     r"\blaunch(?:es|ed)?\b|\breleases?\b|\bannounc|\bintroducing\b|\bnow available\b|\bunveil",
                     re.IGNORECASE)
NO_PAPER_WORDS = r"논문(?:은|이)\s*아[니닌]|논문(?:은|이)?\s*아님|논문\s*(?:이야기|얘기)(?:는|가)?\s*아[니닌]|\bnot\s+a\s+paper\b"
"""Words that say the text around them is no paper (``논문은 아니지만 …``)."""
_DISCLAIMER = re.compile(NO_PAPER_WORDS + r"|블로그\s*(?:글|포스트)|뉴스\s*기사|보도\s*자료|blog\s+post", re.IGNORECASE)
_WRITE_UP = re.compile(r"(?:정리한|작성한|쓴|긴|읽을\s*만한)\s*(?:긴\s*)?(?:글|포스트|에세이)(?=[\s.,!이을은입]|$)|\blong\s+(?:read|post|essay)\b",
                       re.IGNORECASE)
"""Words of a text that calls its item a write-up (``…를 정리한 긴 글``), said of an item without a paper link."""
_NEWS_HOST = re.compile(r"(?:^|\.)(?:theverge|techcrunch|reuters|bloomberg|wired|zdnet|venturebeat|cnbc|nytimes|wsj|ft|"
                        r"theinformation|arstechnica|engadget|etnews|zdnet\.co|yna|hani|chosun|joongang|donga|aitimes|"
                        r"bloter|itworld|news\.hada|geeknews)\.", re.IGNORECASE)


def _base(mark: str) -> str:
    return "".join(ch for ch in mark if unicodedata.category(ch) == "So")[:1]


@dataclass(frozen=True)
class Legend:
    """What each item marker means."""

    marks: dict[str, bool]
    """Marker (first symbol, without variation selector) → True when it means a paper."""

    line: int
    """0-based body line of the legend."""


def _pairs(text: str) -> dict[str, bool]:
    text = text.replace("|", " ")
    out: dict[str, bool] = {}
    for m in _PAIR.finditer(text):
        word = m.group("word").strip()
        mark = _base(m.group("mark"))
        if not mark:
            continue
        if _PAPER_WORDS.match(word):
            out[mark] = True
        elif _OTHER_WORDS.search(word):
            out[mark] = False
    return out


def is_legend_lines(lines: list[str]) -> bool:
    """True when ``lines`` are a legend: at least two marker–meaning pairs, a paper one among them, and no
    link (``🔬 = 논문, 📰 = 뉴스``; ``범례: …``; a ``| 🔬 | 논문 |`` table)."""
    text = " ".join(lines)
    if "](" in text or "://" in text or len(text) > 400 or not _ANY_PAPER_WORD.search(text):
        return False  # a paper pair needs a paper word: most blocks have none
    pairs = _pairs(text)
    return len(pairs) >= 2 and True in pairs.values() and False in pairs.values() and (
        bool(_LEGEND_WORD.match(lines[0])) or len(re.sub(r"[\s|:=,·/\-–—]", "", text)) <= 12 * len(pairs) + 12)


def find_legend(lines: list[str]) -> Legend | None:
    """The document's legend: the first paragraph or table of legend lines."""
    n = 0
    while n < len(lines):
        if not lines[n].strip():
            n += 1
            continue
        end = n
        while end < len(lines) and lines[end].strip():
            end += 1
        block = lines[n:end]
        if len(block) <= 8 and is_legend_lines(block):
            return Legend(_pairs(" ".join(block)), n)
        n = end
    return None


def lead_marker(line: str) -> str:
    """The first symbol of an item's heading line (``- 🔬 [Title](…)`` → ``🔬``), or ``""``."""
    text = re.sub(r"^\s*(?:#{1,6}\s+|[-*+•]\s+|\d{1,3}[.)]\s+|>\s*)*", "", line.replace("\u00a0", " "))
    number = NUMBER_RE.match(text)  # ``**01 /** 🗞️ …``
    if number:
        text = text[number.end():]
    text = re.sub(r"^(?:\*\*|__)", "", text).lstrip()
    return _base(text[:3]) if text else ""


def _heading_tag(heading: str) -> bool:
    m = _TAG.match(heading)
    if not m:
        return False
    return bool(m.group("colon")) or bool(_TAG_WORDS.match(m.group("tag").strip()))


def _news_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:  # ``https://[x`` is no address of a news site
        return False
    path = parts.path.lower()
    return bool(_NEWS_HOST.search(host)) or "blog" in host or host.startswith("news.") \
        or re.search(r"/(?:blog|news|press|newsroom|index)/", path + "/") is not None


def news_reason(paper: Paper, raw_heading: str, legend: Legend | None, section: str | None, *,
                slot: bool = False) -> str | None:
    """Why the item is not a paper (``legend marker 📰``, ``tag``, ``section '뉴스'``, ``wording``,
    ``news or blog hosts``, a programme slot without links), or ``None`` when it is one (``slot``: the item is a time
    slot of a programme whose other slots carry papers)."""
    if slot and not any(link.url for link in paper.links):
        return "a programme slot without any link"
    mark = lead_marker(raw_heading)
    if legend is not None and mark in legend.marks:
        return None if legend.marks[mark] else f"legend marker {mark}"
    heading = re.sub(r"^\s*(?:#{1,6}\s+|[-*+•]\s+|[-=~━─═]{2,}\s*|\d{1,3}[.)]\s*|\[\d{1,3}\]\s*|>\s*)*", "",
                     raw_heading).lstrip("*_ ")
    if _heading_tag(heading) or _heading_tag(paper.heading):
        return "a tag before its heading"
    urls = [link for link in paper.links if link.url]
    if any(link.kind is LinkKind.PAPER and (url_kind(link.url or "") is LinkKind.PAPER
                                            or (is_link_label(link.label) and not _news_url(link.url or "")))
           for link in urls):
        return None
    if section and _SECTION_WORDS.search(section):
        return f"in section {section[:30]!r}"
    if _DISCLAIMER.search(paper.body) or _DISCLAIMER.search(paper.heading):  # with links or none at all
        return "its text says it is no paper"
    if not urls or any(link.kind is LinkKind.CODE for link in urls):
        return None
    if _WRITE_UP.search(paper.body):
        return "its text calls it a write-up, no paper link"
    if _LAUNCH.search(paper.heading):
        return "launch wording in its heading, no paper link"
    return "only news or blog links" if all(_news_url(link.url or "") for link in urls) else None
