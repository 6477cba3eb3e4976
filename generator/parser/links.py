"""Link lines: ``[논문](https://…) | [코드](…)``, ``논문: https://…``, ``Paper · Code``, ``논문 | 트윗``.

A *link line* is a line made only of link entries (Markdown links, autolinks, ``Label: URL``,
bare URLs or known labels without address) and separators (``|``, ``/``, ``·``, ``,``, ``•``).
A *trailing group* is such a sequence of Markdown links at the end of a heading or of a
paragraph's last line (``… 지원합니다. [논문](Paper) | [트윗](Tweet)``,
``**Title ( [논문](url) / [코드](url) )**``).

Each entry's kind comes from its label (Korean or English); an unknown label is classified by
the URL's host. A target that is not an absolute ``http(s)`` URL is a placeholder (``url`` is
``None``); ``javascript:``, ``data:``, ``vbscript:`` targets are placeholders *and* reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from ..model import LinkKind
from ..sources import is_unsafe_url
from .mdsyntax import LINK_DEST, LINK_TEXT, LINK_TITLE
from .metadata import is_header_key

__all__ = ["RawLink", "only_extras", "parse_link_line", "split_trailing_links", "kind_for", "is_link_label", "title_link", "url_kind", "names_link"]

_LABELS: dict[str, LinkKind] = {}
for _kind, _words in {
    LinkKind.PAPER: "논문 원문 페이퍼 아카이브 paper papers arxiv pdf 논문링크 preprint openreview alphaxiv 초록 abstract",
    LinkKind.CODE: "코드 깃허브 소스 저장소 code github gitlab repo repository source",
    LinkKind.TWEET: "트윗 트위터 스레드 tweet tweets twitter thread x",
    LinkKind.DATASET: "데이터셋 데이터 dataset datasets data benchmark 벤치마크",
    LinkKind.PROJECT: "프로젝트 홈페이지 웹사이트 사이트 project website homepage site page",
    LinkKind.BLOG: "블로그 게시물 blog post article 기사 글 포스트 공지 뉴스 news announcement 보도자료",
    LinkKind.DEMO: "데모 demo playground 체험",
    LinkKind.MODEL: "모델 가중치 model models weights checkpoint huggingface hf",
    LinkKind.OTHER: "링크 link links 바로가기 영상 video 발표 slides 슬라이드 발표자료 자료 메모 노트 note notes 포스터 poster",
}.items():
    for _w in _words.split():
        _LABELS.setdefault(_w.lower(), _kind)
for _phrase, _kind in {"프로젝트 페이지": LinkKind.PROJECT, "project page": LinkKind.PROJECT,
                       "데이터 세트": LinkKind.DATASET, "논문 링크": LinkKind.PAPER, "hf papers": LinkKind.PAPER,
                       "hf 논문": LinkKind.PAPER, "허깅페이스 논문": LinkKind.PAPER, "저자 트윗": LinkKind.TWEET,
                       "hf 모델": LinkKind.MODEL, "허깅페이스": LinkKind.MODEL, "논문 pdf": LinkKind.PAPER}.items():
    _LABELS[_phrase] = _kind

# Labels that may appear *without* a link; single letters are excluded on purpose.
_PLAIN = sorted((w for w in _LABELS if len(w) > 1), key=len, reverse=True)
_PLAIN_ALT = "|".join(re.escape(w) for w in _PLAIN)

_URL = r"(?:https?://|javascript:|data:|vbscript:|www\.)[^\s|<>\"']+"
_SUFFIX = r"(?:\s*(?:보기|바로\s*가기|링크|페이지|link|page))?"
"""A word that may follow a label (``논문 보기``, ``코드 링크``, ``Paper link``)."""
_SUFFIX_RE = re.compile(r"\s*(?:보기|바로\s*가기|링크|페이지|link|page)$")
_KEYED_ALT = "(?:" + _PLAIN_ALT + ")" + _SUFFIX + "|x"
"""Labels written before ``:`` and an address; single-letter ``X:`` is unambiguous there."""
_SCHEMELESS = r"(?:[a-z0-9-]+\.)+(?:org|com|net|io|ai|dev|co|kr|edu|me|app|page)/[^\s|<>\"']*"
"""An address written without ``https://`` after a label (``GitHub: github.com/a/b``)."""
_ENTRY = re.compile(
    r"\[(?P<ml>" + LINK_TEXT + r")\]\((?P<mu>" + LINK_DEST + r")" + LINK_TITLE + r"\)"
    r"|\[(?P<ul>" + LINK_TEXT + r")\]\((?P<uu>https?://[^()\s|]+)(?=\s*(?:[|·,•]|$))"  # closing ")" forgotten
    r"|<(?P<au>[a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>"
    r"|(?P<lm>" + _KEYED_ALT + r")\s*\**\s*[:：]\s*\**\s*\[(?P<lml>" + LINK_TEXT + r")\]\((?P<lmu>" + LINK_DEST + r")\)"
    r"|(?P<ll>" + _KEYED_ALT + r")\s*\**\s*[:：]\s*\**\s*<?(?P<lu>" + _URL + r"|" + _SCHEMELESS + r")>?"
    r"|(?P<lp>" + _KEYED_ALT + r")\s*[(（]\s*(?P<lpu>(?:https?://|www\.)[^\s|<>\"'()（）]+(?:\([^\s()]*\)[^\s|<>\"'()（）]*)*)\s*[)）]"
    r"|(?P<ax>arxiv\s*:\s*(?P<axid>\d{4}\.\d{4,5})(?:v\d+)?)(?![\w/])"
    r"|(?<![^\s|·•,/])(?P<gl>\d{0,2}[^\W\d_](?:[^:：|·•\[\]()<>*\n👉→]|(?<=\S)·(?=\S)){0,24}?)\s*(?:[:：]|👉|→)\s*<?(?P<gu>https?://[^\s|<>\"']+)>?"
    r"|(?<![^\s|·•,/])(?P<gm>\d{0,2}[^\W\d_][^\s:：|·•\[\]()<>*👉→]{0,12}(?:\s[^\s:：|·•\[\]()<>*👉→]{1,12}){0,2}?)"
    r"(?<![요다죠])\s*[:：]\s*\[(?P<gml>" + LINK_TEXT
    + r")\]\((?P<gmu>https?://[^()\s]+)\)"  # ``팀 리뷰: [리뷰 (노션)](https://…)``: a label of its own, kind by host
    r"|(?P<bu>" + _URL + r")"
    r"|(?<![\w])(?P<pl>(?:" + _PLAIN_ALT + r")" + _SUFFIX + r")(?![\w])",
    re.IGNORECASE,
)
_EMPHASIS = re.compile(r"\*\*|__|\[(?=\[)|(?<=\])\](?=\()")
"""Bold marks and doubled brackets around labels (``**[논문]**(…)``, ``[[Paper]](…)``), ignored in link lines."""
_LABEL_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`")
_WRAPPED_LINK = re.compile(r"\[(\[[^\[\]]*\]\([^()\s]*\))\]")
"""A link wrapped in brackets: ``[[Code](https://github.com/…)]``."""
_LABEL_JUNK = re.compile(r"[^\w\s.-]+|^[\s.-]+|[\s.-]+$")
_LINKED_IMAGE = re.compile(r"\[!\[(" + LINK_TEXT + r")\]\(" + LINK_DEST + r"\)\]\(")
_LEAD_JUNK = re.compile(r"[^\w\[<]+")
_MD_LINK = r"\[\[?[^\]\[]*\]\]?\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)"
_SEP = r"(?:\s*[|/·,•・]\s*|\s+)"
"""Between two links of a group: a separator with optional blanks, or blanks alone (one way to match each, so a
long group that fails does not backtrack exponentially)."""
_TRAILING = re.compile(
    r"(?P<group>\(\s*" + _MD_LINK + r"(?:" + _SEP + _MD_LINK + r")*\s*\)"
    r"|" + _MD_LINK + r"(?:" + _SEP + _MD_LINK + r")*)\s*$"
)
_HOSTS: tuple[tuple[str, LinkKind], ...] = (
    ("huggingface.co/papers", LinkKind.PAPER), ("alphaxiv.org", LinkKind.PAPER),
    ("huggingface.co/datasets", LinkKind.DATASET),
    ("huggingface.co/spaces", LinkKind.DEMO),
    ("arxiv.org", LinkKind.PAPER), ("openreview.net", LinkKind.PAPER), ("aclanthology.org", LinkKind.PAPER),
    ("doi.org", LinkKind.PAPER), ("papers.nips.cc", LinkKind.PAPER), ("semanticscholar.org", LinkKind.PAPER),
    ("github.com", LinkKind.CODE), ("gitlab.com", LinkKind.CODE), ("bitbucket.org", LinkKind.CODE),
    ("x.com", LinkKind.TWEET), ("twitter.com", LinkKind.TWEET),
    ("huggingface.co", LinkKind.MODEL), ("kaggle.com/datasets", LinkKind.DATASET),
    ("proceedings.neurips.cc", LinkKind.PAPER), ("proceedings.mlr.press", LinkKind.PAPER),
    ("dl.acm.org/doi", LinkKind.PAPER), ("ieeexplore.ieee.org", LinkKind.PAPER), ("biorxiv.org", LinkKind.PAPER),
    ("papers.cool", LinkKind.PAPER), ("paperswithcode.com/paper", LinkKind.PAPER),
)
_STRONG_HOST = (LinkKind.PAPER, LinkKind.TWEET, LinkKind.DATASET)
"""Hosts whose kind outweighs a vague label (``[HF](https://huggingface.co/papers/…)`` is the paper)."""
_VAGUE_LABEL = (LinkKind.MODEL, LinkKind.OTHER, LinkKind.PROJECT, LinkKind.DEMO, LinkKind.BLOG)
_NOT_PAPER = frozenset({"슬라이드", "slides", "발표자료", "포스터", "poster", "영상", "video"})
"""Labels that say what a link is even when it is a PDF or a video host (``[슬라이드](….pdf)`` is no paper)."""
_EXTRAS = re.compile(
    r"\[\[[^\[\]]*\]\](?!\()"  # a wiki link ``[[메모/논문]]``
    r"|(?:👍|⭐|★|☆|🔥|❤️?|♥|💬|⬆️?|▲|🤗)\s*(?:\*\*|__)?[\d.,]+\s*[kKmM천만]?(?:\*\*|__)?"  # ``👍 123``, ``⭐ 1.2k``
    r"(?:\s*(?:upvotes?|votes?|stars?|likes?|추천|표)(?!\w))?"
    r"|(?<![\w/])(?:\*\*|__)?[\d.,]+\s*[kKmM]?(?:\*\*|__)?\s*(?:upvotes?|votes?|stars?|likes?|추천|표)(?!\w)"
    r"|(?:upvotes?|votes?|stars?|likes?)\s*[:：]?\s*[\d.,]+[kKmM]?"
    r"|→|➡️?|⇒|⟶|->|»",  # an arrow between links
    re.IGNORECASE)
"""What may follow or separate the links of a link line without being text: counts, arrows, wiki notes."""
_LABEL_BLANK_URL = re.compile(r"(?P<label>[^\W\d_][^\s:：|·•\[\]()<>*/👉]{0,12}(?:\s[^\s:：|·•\[\]()<>*/👉]{1,12}){0,2})"
                              r"\s+<?(?P<url>https?://[^\s<>\"']+?)>?\s*$")
"""A whole line of a few words and one address with only a blank between them; a link when its last word is a
link label (``공식 블로그 https://…``, ``Author thread https://…``)."""
_EXTRA_HINT = re.compile(r"[👍⭐★☆🔥❤♥💬⬆▲🤗→➡⇒⟶»]|->|\[\[|\d\s*[kKmM]?\s*(?:upvote|vote|star|like|추천|표)", re.IGNORECASE)
"""A cheap test that a line may hold :data:`_EXTRAS` at all."""


@dataclass(frozen=True)
class RawLink:
    """One entry of a link line before it gets a file location."""

    kind: LinkKind
    """What the link points at."""

    label: str
    """The label as written (or the URL for a bare URL)."""

    url: str | None
    """Absolute http(s) address, or ``None`` for a placeholder."""

    unsafe: str | None = None
    """The rejected target when it used a dangerous scheme (``javascript:`` …)."""


STATUS_URL = re.compile(r"(?:x|twitter)\.com/\w{1,30}/status(?:es)?/(?P<id>\d{5,})", re.IGNORECASE)
"""The address of one post on X (Twitter): a tweet, whatever words stand around it."""


def _host_kind(url: str) -> LinkKind:
    try:
        parts = urlsplit(url)
    except ValueError:
        return LinkKind.OTHER
    host = (parts.hostname or "").removeprefix("www.")
    where = host + parts.path
    for prefix, kind in _HOSTS:
        if where.startswith(prefix) or host.endswith("." + prefix.split("/")[0]) and "/" not in prefix:
            return kind
    return LinkKind.OTHER


def _label_key(label: str) -> str:
    key = _LABEL_JUNK.sub(" ", label).strip().lower()
    if key not in _LABELS:
        base = _SUFFIX_RE.sub("", key).strip()
        if base in _LABELS:
            return base
    return key


def is_link_label(label: str) -> bool:
    """True when ``label`` names a kind of link (``논문``, ``Code`` …) rather than being a title."""
    return _label_key(label) in _LABELS


def names_link(label: str) -> bool:
    """True when a short label speaks of a kind of link (``논문 원문``, ``공식 코드``, ``저자 트윗``)."""
    words = _label_key(label).split()
    return is_link_label(label) or (0 < len(words) <= 3 and any(w in _LABELS and len(w) > 1 for w in words))


def url_kind(url: str) -> LinkKind:
    """Kind of a URL: a PDF is a paper wherever it is hosted, else the kind of its host."""
    if url.split("?", 1)[0].split("#", 1)[0].lower().endswith(".pdf"):
        return LinkKind.PAPER
    return _host_kind(url)


def kind_for(label: str, url: str | None) -> LinkKind:
    """Kind of a link from its label, else from its URL's host; a paper, tweet or dataset host outweighs a vague
    label (``HF``, ``링크``, ``Project``)."""
    key = _label_key(label)
    host = url_kind(url) if url else LinkKind.OTHER
    if key in _LABELS:
        kind = _LABELS[key]
        if url and kind in _VAGUE_LABEL and (host in _STRONG_HOST or kind is LinkKind.OTHER) and key not in _NOT_PAPER:
            return host if host is not LinkKind.OTHER else kind
        return kind
    return host


def _clean_url(url: str) -> str:
    url = url.strip().strip("<>")
    while url and url[-1] in ".,;:!?)]}'\"" and not (url[-1] == ")" and url.count("(") >= url.count(")")):
        url = url[:-1]
    if url.startswith("www."):
        url = "https://" + url
    return url


_PLAIN_HTTP = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d{1,5})?(?:[/?#][!-~]*)?", re.IGNORECASE)
"""An ``http(s)`` address of plain ASCII with an ordinary host: no scheme trick, entity or bracket can hide in it, so
:func:`~generator.sources.is_unsafe_url` need not be asked."""


def _make(label: str, target: str | None) -> RawLink:
    label = _LABEL_EMPHASIS.sub("", label).strip()  # ``[**Title**](…)``: the label is the text, not its marks
    if target is None:
        return RawLink(kind_for(label, None), label, None)
    target = _clean_url(target)
    if not (_PLAIN_HTTP.fullmatch(target) and "&" not in target) and is_unsafe_url(target):  # most are plainly safe
        return RawLink(kind_for(label, None), label, None, unsafe=target)
    url = target if re.match(r"^https?://[^\s/]+\.[^\s]*", target, re.IGNORECASE) else None
    return RawLink(kind_for(label, url), label or (url or ""), url)


def _entries(text: str) -> list[RawLink] | None:
    """All entries of ``text`` if it is made only of link entries and separators, else ``None``."""
    found: list[RawLink] = []
    pos = 0
    for m in _ENTRY.finditer(text):
        if any(ch.isalnum() for ch in text[pos:m.start()]):
            return None
        pos = m.end()
        if m.group("ml") is not None:
            label = m.group("ml")
            found.append(_make(label, m.group("mu")))
        elif m.group("ul") is not None:
            found.append(_make(m.group("ul"), m.group("uu")))
        elif m.group("au") is not None:
            found.append(_make(m.group("au"), m.group("au")))
        elif m.group("lm") is not None:  # ``Paper: [arxiv.org/abs/…](url)``; ``Links: [paper](url)``
            generic = _LABELS.get(_label_key(m.group("lm"))) is LinkKind.OTHER
            found.append(_make(m.group("lml") if generic else m.group("lm"), m.group("lmu")))
        elif m.group("ll") is not None:
            target = m.group("lu")
            if not re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE) and not target.startswith("www."):
                target = "https://" + target  # ``GitHub: github.com/a/b``
            found.append(_make(m.group("ll"), target))
        elif m.group("lp") is not None:
            found.append(_make(m.group("lp"), m.group("lpu")))
        elif m.group("ax") is not None:  # ``arXiv:2506.10910``
            found.append(_make("arXiv", f"https://arxiv.org/abs/{m.group('axid')}"))
        elif m.group("gl") is not None:  # ``애플 연구 페이지: https://…``: a label of its own, kind by host
            if is_header_key(m.group("gl")) and "👉" not in m.group(0) \
                    and _host_kind(m.group("gu")) not in (LinkKind.PAPER, LinkKind.CODE):
                return None  # ``URL: …``, ``출처: …``: a header line, not a link line (``출처 👉 arXiv`` is a link)
            found.append(_make(m.group("gl"), m.group("gu")))
        elif m.group("gm") is not None:
            if is_header_key(m.group("gm")) and _host_kind(m.group("gmu")) not in (LinkKind.PAPER, LinkKind.CODE):
                return None  # ``출처: [블로그](…)``: a header line, not a link line
            found.append(_make(m.group("gm"), m.group("gmu")))
        elif m.group("bu") is not None:
            found.append(_make("", m.group("bu")))
        else:
            found.append(_make(m.group("pl"), None))
    if not found or any(ch.isalnum() for ch in text[pos:]):
        return None
    return found


def _ends_in_label(text: str) -> bool:
    """True when the last word of ``text``, less a ``보기``/``링크``-like suffix, is a link label."""
    words = _SUFFIX_RE.sub("", text.strip()).split()
    return bool(words) and is_link_label(words[-1])


def parse_link_line(line: str) -> list[RawLink] | None:
    """The links of a line made only of links/labels and separators, else ``None``.

    A leading list bullet is allowed (``- 논문: https://…``).
    """
    text = re.sub(r"^\s*(?:>\s*)*(?:[-*+•]\s+)?", "", line).strip()
    if not text or len(text) > 2000:
        return None
    if len(text) > 60 and "](" not in text and "://" not in text and "www." not in text and ":" not in text[-40:] \
            and "arxiv" not in text.lower():
        return None  # long prose: a link line without addresses is a few labels (``논문 | 트윗``)
    if "[[" in text:
        text = _WRAPPED_LINK.sub(r"\1", text)

    if "![" in text:  # images are not links; a linked badge [![arXiv](badge.svg)](url) is its link
        text = _LINKED_IMAGE.sub(r"[\1](", text)
        if "![" in text:
            return None
    bare_text = _EXTRAS.sub(" ", text).strip() if _EXTRA_HINT.search(text) else text  # counts and arrows out
    bare_lead = _LEAD_JUNK.match(bare_text)
    bare = _LABEL_BLANK_URL.match(bare_text, bare_lead.end() if bare_lead else 0)
    if bare and _ends_in_label(bare.group("label")):  # ``저자 스레드 https://x.com/…``, ``▶ 논문 보기 https://… →``
        return [_make(bare.group("label"), bare.group("url"))]
    lead = _LEAD_JUNK.match(text)
    if not _ENTRY.match(text, lead.end() if lead else 0) and _EXTRA_HINT.search(text[:40]):
        text, lead = bare_text, bare_lead  # ``👍 **241** upvotes · [HF](…)``: a count before the links
    if not _ENTRY.match(text, lead.end() if lead else 0):  # fast path: prose starts with an ordinary word
        if not text.startswith(("*", "_", "[[")) and "**[" not in text[:12]:
            return None
        text = _EMPHASIS.sub("", text)
        lead = _LEAD_JUNK.match(text)
        if not _ENTRY.match(text, lead.end() if lead else 0):
            return None
    entries = _entries(_EMPHASIS.sub("", text))
    if entries is None and _EXTRA_HINT.search(text):
        entries = _entries(_EMPHASIS.sub("", _EXTRAS.sub(" ", text)))
    if entries is None:
        return None
    # A lone plain word ("Code") is a link line only when it is a label placeholder and short.
    if all(e.url is None and e.unsafe is None for e in entries) and "](" not in text:
        words = re.sub(r"[|/·,•・*_\s]+", " ", text).strip()
        if len(words) > 40:
            return None
    return entries


def only_extras(text: str) -> bool:
    """True when ``text`` holds nothing but what may follow a link without being text: vote counts, arrows, wiki-style
    notes (``⭐ 120``, ``→ [[메모/요약]]``)."""
    return bool(_EXTRA_HINT.search(text)) and not _EXTRAS.sub(" ", text).strip(" \t·|/,-–—")


def split_trailing_links(line: str, *, strict: bool) -> tuple[str, list[RawLink]] | None:
    """Split a trailing Markdown link group off ``line`` (cached: every candidate layout asks again)."""
    return _split_trailing_links(line, strict)


@lru_cache(maxsize=8192)
def _split_trailing_links(line: str, strict: bool) -> tuple[str, list[RawLink]] | None:
    """Split a trailing Markdown link group off ``line``: ``(text before, links)`` or ``None``.

    ``strict`` (for prose): every label must be a known link label or the URL a known host, so
    an ordinary inline link that ends a sentence is not taken for a link line.
    """
    if "[[" in line:
        line = _WRAPPED_LINK.sub(r"\1", line)
    if "[![" in line:
        line = _LINKED_IMAGE.sub(r"[\1](", line)  # a linked badge (``[![Star](…svg)](https://github.com/…)``)
    if len(line) > 2000:
        return None
    if not line.rstrip().endswith(")"):
        stripped = _EXTRAS.sub(" ", line).rstrip() if "](" in line and _EXTRA_HINT.search(line) else line
        if not stripped.endswith(")"):
            return None
        line = stripped
    m = _TRAILING.search(line)
    if not m:
        return None
    group = m.group("group").strip()
    if group.startswith("("):
        group = group[1:-1]
    entries = _entries(_EMPHASIS.sub("", group))  # ``[[paper]](…)``: doubled brackets around a label
    if not entries:
        return None
    known = all(is_link_label(e.label) or (e.url and _host_kind(e.url) is not LinkKind.OTHER) for e in entries)
    if strict and not known:
        return None
    if not known and not any(e.url for e in entries):
        return None
    before = line[: m.start()].rstrip()
    before = _strip_tail(before)
    return before, entries


_TAIL_CHARS = frozenset(" \t|/·,•:–—-\ufe0f")


def _strip_tail(text: str) -> str:
    """``text`` without trailing separators and emoji (a loop, not a ``[…]+$`` pattern, which is quadratic on
    a long run of such characters that does not reach the end)."""
    end = len(text)
    while end and (text[end - 1] in _TAIL_CHARS or text[end - 1].isspace()
                   or 0x1F300 <= ord(text[end - 1]) <= 0x1FAFF or 0x2600 <= ord(text[end - 1]) <= 0x27BF):
        end -= 1
    return text[:end]


def title_link(label: str, target: str) -> RawLink:
    """The link of a heading that is itself a link (``### [Title](https://arxiv.org/…)``): the paper,
    unless the host says otherwise."""
    raw = _make(label, target)
    if raw.url and raw.kind is LinkKind.OTHER:
        return RawLink(LinkKind.PAPER, raw.label, raw.url)
    return raw


def clear_cache() -> None:
    """Forget what :func:`_split_trailing_links` has cached (benchmarks time every file as new)."""
    _split_trailing_links.cache_clear()
