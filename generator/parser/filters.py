"""Named filters over a rule's item starts, run in a declared order (:data:`FILTERS`).

A rule proposes the units that may open items; the filters take back the ones that are not papers:
section labels inside a paper, an introduction or closing section at the level of the papers, the second
line of a title/lead-line pair. Each filter has one signature, ``(finder, starts) -> starts``, and every
start it drops is told in the layout's notes, so ``digest parse --explain`` can say who dropped what.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .finder import BOLD_OPEN, Finder, plain_head, starts_with_bold_name
from .metadata import parse_header_lines
from ..model import LinkKind
from .links import url_kind
from .titles import NUMBER_RE, is_sentence, number_of, plain, strip_decoration

__all__ = ["Filter", "FILTERS", "COMMON", "run_filters", "SECTION_LABEL"]

_LEAD_WORDS = re.compile(
    r"^(?:핵심|요약|결과|주요|방법|의의|한계|장점|단점|요점|배경|문제|기여|실험|성과|특징|아이디어|시사점|왜|무엇|어떻게|"
    r"why|what|how|key|results?|methods?|takeaways?|summary|tl;?dr|limitations?|highlights?|background|contributions?)",
    re.IGNORECASE)
SECTION_LABEL = re.compile(
    r"^(?:[^\w]*\s*)?(?:abstract|summary|tl;?\s*dr|overview|key\s+(?:points|ideas|findings|takeaways)|"
    r"초록|요약|한\s*줄\s*요약|세\s*줄\s*요약|핵심|핵심\s*(?:내용|요약|포인트|아이디어)|주요\s*(?:내용|기여|결과)|"
    r"방법론?|결과|실험\s*결과|의의|시사점|한계|코멘트|에디터\s*코멘트|한\s*줄\s*평|개요|배경|논문\s*정보|링크)"
    r"\s*[:：.]?\s*$", re.IGNORECASE)
"""A heading that names a section of a paper (``#### 요약``, ``### Abstract``, ``**한 줄 요약**``), never a paper."""

_EDGE_WORDS = re.compile(
    r"(?:들어가며|들어가기|시작하며|마치며|마무리|맺음말|맺으며|끝으로|나가며|서론|결론|인사말|에필로그|프롤로그|"
    r"편집|지난\s*호|다음\s*호|오늘의|이번\s*주|이번\s*호|introduction|intro\b|closing|conclusion|wrap|"
    r"final\s+thoughts|outro|editor|before\s+we|that'?s\s+(?:it|all))",
    re.IGNORECASE)
"""Names of the introduction and closing sections of an issue."""
_RELATED = re.compile(
    r"(?:함께\s*(?:읽으면|보면)\s*좋은|같이\s*(?:읽으면|보면)\s*좋은|관련\s*(?:글|포스트|자료)|더\s*읽을\s*거리|추천\s*(?:글|포스트)|"
    r"이전\s*(?:글|포스트)|지난\s*(?:글|포스트)|related\s+(?:posts?|reading|articles?)|further\s+reading|more\s+from\b|"
    r"you\s+might\s+also)", re.IGNORECASE)
"""Names of a closing list of the writer's other posts, which has links but no paper."""


def _is_lead_label(text: str) -> bool:
    """A short lead-in label (``왜 중요한가?``, ``How it works``), not a title that opens with the same word
    (``Why Language Models Hallucinate``)."""
    m = BOLD_OPEN.match(text)
    label = plain_head(m.group("inner") if m else text)
    return bool(_LEAD_WORDS.match(label)) and len(label.split()) <= 3 and len(label) <= 24


def drop_labels(f: Finder, starts: list[int]) -> list[int]:
    """Drop starts that are section labels inside a paper, not papers: a heading that names a paper
    section (``요약``, ``Abstract``), a bold line whose text repeats (``**핵심 아이디어**`` in every paper), or a
    lead-in word right after a paper start that has no link of its own while the label's section has one."""
    texts = [plain_head(f.first(k)) for k in starts]
    counts: dict[str, int] = {}
    for text in texts:
        counts[text] = counts.get(text, 0) + 1
    linked = f.section_linked(starts)
    kept: list[int] = []
    for n, k in enumerate(starts):
        label = counts[texts[n]] > 1 or bool(SECTION_LABEL.match(f.head_text(k).strip("*_ "))) or (
            n > 0 and kept and not linked[n - 1] and linked[n] and _is_lead_label(f.first(k)))
        if not label:
            kept.append(k)
    return kept


def _subtitle_and_header(f: Finder, starts: list[int], n: int) -> bool:
    """Start ``n`` is a heading right under the issue's title heading whose section holds the issue's header lines
    (``류하은 · 7분 분량 · 2025년 2월 2일``, ``원문: …``): the issue's subtitle, not a paper."""
    k = starts[n]
    if n or k == 0 or f.units[k].kind != "heading" or f.units[k - 1].kind != "heading" or f.units[k - 1].level != 1:
        return False
    stop = starts[1] if len(starts) > 1 else len(f.units)
    return any(u.kind == "paragraph" and parse_header_lines(f.info.lines[u.start:u.end]) is not None
               for u in f.units[k + 1:stop])


def strip_named_edges(f: Finder, starts: list[int]) -> list[int]:
    """Drop a linkless first start that is the issue title (nothing but blocks before it) or named like an
    introduction (``이번 호 하이라이트``, ``들어가며``), and a linkless last start named like closing words."""
    if len(starts) < 3:
        return starts
    linked = f.section_linked(starts)

    def named(n: int) -> bool:
        return bool(_EDGE_WORDS.match(re.sub(r"^[*_\s]+", "", f.head_text(starts[n]))))

    first, last = 0, len(starts) - 1
    while first < last - 1 and (not linked[first] and (named(first) or all(f.blocky[j] for j in range(starts[first])))
                                or _subtitle_and_header(f, starts, first)):
        first += 1
    while last > first + 1 and (not linked[last] and named(last)
                                or _RELATED.search(f.head_text(starts[last])) and len(f.head_text(starts[last])) <= 40):
        last -= 1
    return starts[first:last + 1]


def merge_pairs(f: Finder, starts: list[int]) -> list[int]:
    """Merge starts that come in pairs — a title whose section has no link, then a lead line whose section
    has the paper's links (or the other way round when links open each paper): when at least three pairs
    and most of the document pair up like this, the second start of each pair is a label inside a paper."""
    if len(starts) < 6:
        return starts
    linked = f.section_linked(starts)
    best, best_key = starts, (0, False, 0)
    for first_linked in (False, True):
        kept: list[int] = []
        pairs = n = stray = 0  # stray: unpaired starts after the first pair (the phase is off)
        while n < len(starts):
            kept.append(starts[n])
            if n + 1 < len(starts) and linked[n] == first_linked and linked[n + 1] != first_linked:
                pairs += 1
                n += 2
            elif n + 1 < len(starts) and not linked[n] and not linked[n + 1] \
                    and (n + 2 == len(starts) or linked[n + 2] == first_linked):
                n += 2  # a paper whose links are missing: its title and lead line are both linkless
            else:
                stray += pairs > 0
                n += 1
        key = (pairs, bool(linked[0] == first_linked and len(linked) > 1 and linked[1] != first_linked), -stray)
        if pairs >= 3 and pairs * 3 >= len(kept) * 2 and key > best_key:
            best, best_key = kept, key
    return best


def merge_inner_names(f: Finder, starts: list[int]) -> list[int]:
    """Drop bold-name starts that open a paragraph *inside* a paper (``**MuonClip**은 …`` after the
    paper's first paragraph): the section before it has no link while its own has one, and that section
    is only the paper's opening paragraph or already mentions the bold term."""
    kept: list[int] = []
    for n, k in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(f.units)
        if kept:
            prev = range(kept[-1], k)
            m = BOLD_OPEN.match(f.first(k))
            term = (m.group("inner") if m else "").strip().lower()
            before = " ".join(line for j in prev for line in f.info.lines[f.units[j].start:f.units[j].end])
            if not any(f.unit_links(j) for j in prev) and any(f.unit_links(j) for j in range(k, stop)) \
                    and (len(prev) == 1 or (len(term) >= 3 and term in before.lower())):
                continue
        kept.append(k)
    return kept


def _edge_is_paper(f: Finder, starts: list[int], n: int, stop: int, numbered: bool) -> bool:
    """Whether the linkless first/last section ``n`` is a paper whose links are missing rather than the
    issue title, an introduction or closing words: numbered like the papers when they are numbered,
    not named like an intro/outro, not at the very top, and with a body of its own."""
    k = starts[n]
    head = f.head_text(k)
    if numbered:  # numbered like the papers, unless it reads as a sentence (a thread's first or last post)
        number = NUMBER_RE.match(head)
        return bool(number) and not is_sentence(strip_decoration(plain(head[number.end():])))
    if _EDGE_WORDS.match(re.sub(r"^[*_\s]+", "", head)) or (n == 0 and all(f.blocky[j] for j in range(k))):
        return False
    end = next((j for j in range(k + 1, stop) if f.blocky[j]), stop)  # a glossary/ad after it is no body
    body = [u for u in f.units[k + 1:end] if u.kind not in ("hr", "heading")]
    own = f.units[k].end - f.units[k].start > 1 or starts_with_bold_name(head)  # heading + text
    return len(body) + own >= (1 if len(plain_head(head)) >= 12 else 2)  # a title-long heading needs less


def trim(f: Finder, starts: list[int]) -> list[int]:
    """Drop leading and trailing starts whose section has no link when most sections have one:
    an issue title, an "introduction" or "closing words" heading at the level of the papers."""
    if len(starts) < 3:
        return starts
    bounds = starts[1:] + [len(f.units)]
    linked = f.section_linked(starts)
    if sum(linked) * 2 <= len(starts):
        return starts
    numbered = sum(1 for k, has in zip(starts, linked, strict=True) if has and NUMBER_RE.match(f.head_text(k))) * 2 > sum(linked)
    first, last = 0, len(starts) - 1
    while first < last and not linked[first] and not _edge_is_paper(f, starts, first, bounds[first], numbered):
        first += 1
    while last > first and not linked[last] and not _edge_is_paper(f, starts, last, bounds[last], numbered):
        last -= 1
    return starts[first:last + 1]


def unnumbered_lead(f: Finder, starts: list[int]) -> list[int]:
    """Drop a first start without a number when every other start is numbered from 1 on and its section has no
    paper link: the post's subtitle or a section over its byline (``## 도구를 쓰는 에이전트에서 …`` above
    ``## 1. [Title](…)``), whose only links are the writer's profile."""
    if len(starts) < 3 or NUMBER_RE.match(f.head_text(starts[0])):
        return starts
    numbers = [NUMBER_RE.match(f.head_text(k)) for k in starts[1:]]
    if not all(numbers) or [number_of(m) for m in numbers if m] != list(range(1, len(starts))):
        return starts
    lines = range(f.units[starts[0]].start, f.units[starts[1]].start)
    papers = any(link.url and url_kind(link.url) is LinkKind.PAPER for i in lines for link in f.info.links(i) or ())
    return starts if papers else starts[1:]


@dataclass(frozen=True)
class Filter:
    """One named filter over item starts."""

    name: str
    """How ``--explain`` names it."""

    run: Callable[[Finder, list[int]], list[int]]
    """``(finder, starts) -> the starts it keeps``."""


FILTERS: tuple[Filter, ...] = (
    Filter("merge_inner_names", merge_inner_names),
    Filter("drop_labels", drop_labels),
    Filter("strip_named_edges", strip_named_edges),
    Filter("merge_pairs", merge_pairs),
    Filter("trim", trim),
    Filter("unnumbered_lead", unnumbered_lead),
)
"""Every filter, in the order they run when a rule asks for several."""

COMMON: tuple[str, ...] = ("drop_labels", "strip_named_edges", "merge_pairs", "trim", "unnumbered_lead")
"""The filters most start-based rules run."""


def run_filters(f: Finder, starts: list[int], names: tuple[str, ...]) -> tuple[list[int], tuple[str, ...]]:
    """Run the named filters (in :data:`FILTERS` order) and say what each dropped."""
    notes: list[str] = []
    for flt in FILTERS:
        if flt.name not in names or not starts:
            continue
        kept = flt.run(f, starts)
        keep = set(kept)
        dropped = [k for k in starts if k not in keep]
        if dropped:
            notes.append(f"{flt.name} dropped " + ", ".join(
                f"line {f.line(k)} {f.head_text(k)[:40]!r}" for k in dropped))
        starts = kept
    return starts, tuple(notes)
