"""A chat export: messages of a group chat pasted as they are (a KakaoTalk export's ``[닉네임] [오후 3:12] 메시지``
lines, a Discord or Slack paste's ``**닉네임** — 2025.11.24. 오전 10:02`` header over each message).

One shared paper is spread over consecutive messages of one sender (its title, its address, a comment with the code),
between other people's chatter. Before the structure is read, the sender and time are taken off every message, and the
line that names what a sender shares — the message with the first address of a run of messages, or the message just
before it when that one is an address alone — becomes a heading of its own; the chatter stays as text of the item
before it. Line numbers do not change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import LinkKind
from .links import parse_link_line, url_kind
from .titles import is_sentence

__all__ = ["unwrap_chat"]

_TIME = r"(?:오전|오후|AM|PM)?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:AM|PM))?"
_INLINE = re.compile(r"^\[(?P<nick>[^\[\]\n]{1,30})\]\s*\[(?P<time>" + _TIME + r")\]\s?(?P<text>.*)$", re.IGNORECASE)
"""A KakaoTalk PC export line: ``[닉네임] [오후 3:12] 메시지``."""
_MOBILE = re.compile(r"^(?P<time>\d{4}\s*[.년/-]\s*\d{1,2}\s*[.월/-]\s*\d{1,2}\s*일?\.?\s*" + _TIME + r")\s*,\s*"
                     r"(?P<nick>[^:：\n]{1,30}?)\s*[:：]\s(?P<text>.*)$", re.IGNORECASE)
"""A KakaoTalk mobile export line: ``2025년 8월 11일 오후 3:12, 닉네임 : 메시지``."""
_HEADER = re.compile(r"^(?:\*\*(?P<bold>[^*\n]{1,30})\*\*|(?P<nick>[^\s*_\[#>|-][^*_\n]{0,29}?))\s*"
                     r"(?:[—–\-·|]\s*[^\n]{0,24}?|\[\s*[^\]\n]{0,24}?)(?P<time>" + _TIME + r")\s*\]?\s*$", re.IGNORECASE)
"""A message header alone on its line: ``**minjun** — 2025.11.24. 오전 10:02``, ``minsu [오후 9:02]``."""
_URL = re.compile(r"<?(https?://[^\s<>]+)>?")
_MIN_MESSAGES = 4
_LABELLED = re.compile(r"^\s*(?:[가-힣]{1,6}(?:\s[가-힣]{1,6})?|(?:original|english|korean|paper)\s+title)\s*[:：]\s*\S",
                       re.IGNORECASE)
"""A labelled line (``원제: …``, ``Original title: …``): it names a title given on the line before it."""


@dataclass(frozen=True)
class _Line:
    """One line of a message."""

    n: int
    """Its body line."""

    nick: str
    """Who sent the message."""

    text: str
    """The line without sender and time."""


def _messages(lines: list[str], code: set[int]) -> tuple[list[list[_Line]], int, set[int]] | None:
    """The runs of consecutive lines of one sender (a blank line, a separator or another sender ends a run), how many
    messages there are, and the header lines; ``None`` when too few lines are messages."""
    runs: list[list[_Line]] = []
    headers: set[int] = set()
    nick: str | None = None
    inline = False
    count = 0
    for n, line in enumerate(lines):
        if n in code:
            nick = None
            continue
        m = _INLINE.match(line) or _MOBILE.match(line)
        if m:
            count += 1
            if nick != m.group("nick").strip() or not inline:
                runs.append([])
            nick, inline = m.group("nick").strip(), True
            runs[-1].append(_Line(n, nick, m.group("text").strip()))
            continue
        h = _HEADER.match(line.strip()) if len(line) <= 80 and line.strip() else None
        if h and (n + 1 < len(lines) and lines[n + 1].strip()) and not _URL.search(line):
            count += 1
            headers.add(n)
            nick, inline = (h.group("bold") or h.group("nick")).strip(), False
            runs.append([])
            continue
        if not line.strip():
            nick = None  # a blank line ends the message
            continue
        if nick is not None:  # a message's next line (a multi-line message, or the body under a header)
            runs[-1].append(_Line(n, nick, line.strip()))
    if count < _MIN_MESSAGES:
        return None
    covered = sum(len(r) for r in runs) + len(headers)
    first = min([r[0].n for r in runs if r] + list(headers))
    last = max([r[-1].n for r in runs if r] + list(headers))
    spoken = sum(1 for i in range(first, last + 1) if lines[i].strip() and i not in code)
    return (runs, count, headers) if covered * 10 >= spoken * 6 else None


def _link_only(text: str) -> bool:
    """A message that is an address alone, possibly labelled (``https://…``, ``👉 https://…``, ``코드: https://…``)."""
    return bool(_URL.search(text)) and parse_link_line(text) is not None


def _openers(run: list[_Line]) -> list[int]:
    """Indices in ``run`` of the lines that open a shared item: the first address of the run (or the line before it
    when that address stands alone), and a later paper address after the item already has one."""
    out: list[int] = []
    has_paper = False
    for j, ln in enumerate(run):
        urls = _URL.findall(ln.text)
        if not urls:
            continue
        paper = any(url_kind(u) is LinkKind.PAPER for u in urls)
        if out and not (paper and has_paper):
            has_paper = has_paper or paper
            continue
        at = j - 1 if _link_only(ln.text) and j and not _URL.search(run[j - 1].text) and (not out or j - 1 > out[-1]) else j
        if at < j and at and _LABELLED.match(run[at].text) and not _URL.search(run[at - 1].text) \
                and not is_sentence(run[at - 1].text) and (not out or at - 1 > out[-1]):
            at -= 1  # ``원제: English Title`` under the title line
        if at in out:
            continue
        out.append(at)
        has_paper = paper
    return out


_QUOTED = re.compile(r"[「『]([^「」『』\n]{2,200})[」』]")
"""A title in corner brackets inside a sentence (``논문 하나 공유해요. 「제목」``)."""
_LEAD_LABEL = re.compile(r"^(?P<label>[^\s:：/]{1,12}(?: [^\s:：/]{1,12})?)\s*[:：]?\s*(?P<url>https?://[^\s<>]+)\s+(?P<rest>\S.*)$")
"""A message opening with a short label and an address, then a comment (``데모 페이지 https://… 코드 생성에서 …``)."""


def _text(text: str) -> str:
    """A message that is not an opener: a leading labelled address becomes a Markdown link, the rest stays."""
    m = _LEAD_LABEL.match(text)
    if m and parse_link_line(f"{m.group('label')}: {m.group('url')}"):
        return f"[{m.group('label')}]({m.group('url')}) {m.group('rest')}"
    return text


def _heading(text: str, level: int) -> str:
    """An opener as a heading: ``Title https://…`` → ``#### Title [링크](https://…)``; a sentence that quotes a title
    in corner brackets is headed by that title."""
    q = _QUOTED.search(text)
    if q and is_sentence(text[:q.start()]):
        text = q.group(1).strip() + text[q.end():]
    m = _URL.search(text)
    if m is None:
        return f"{'#' * level} {text}"
    before, after = text[:m.start()].strip(), text[m.end():].strip()
    if not before:
        return f"{'#' * level} {text}"
    return f"{'#' * level} {' '.join(p for p in (before.rstrip(':：-–— '), after) if p)} [링크]({m.group(1)})"


_ATX = re.compile(r"^ {0,3}(#{1,6})\s")


def unwrap_chat(lines: list[str], code: set[int]) -> list[str] | None:
    """The lines of a chat export with senders and times removed and each shared item opened by a heading, or
    ``None`` when the text is no chat export."""
    if not any(":" in line for line in lines[:400]):
        return None
    found = _messages(lines, code)
    if found is None:
        return None
    runs, _, headers = found
    levels = [len(m.group(1)) for n, line in enumerate(lines) if n not in code for m in [_ATX.match(line)] if m]
    level = min(max(levels, default=1) + 1, 6)
    out = list(lines)
    for n in headers:
        out[n] = ""
    for run in runs:
        openers = set(_openers(run))
        for j, ln in enumerate(run):
            out[ln.n] = _heading(ln.text, level) if j in openers else _text(ln.text)
    return out
