"""A chat export: messages of a group chat pasted as they are (a KakaoTalk export's ``[닉네임] [오후 3:12] 메시지``
lines, a LINE export's tab-separated ones, a Discord or Slack paste's ``**닉네임** — 2025.11.24. 오전 10:02`` header
over each message, a Telegram channel's ``Channel, [04.03.2025 09:00]``).

One shared paper is spread over consecutive messages of one sender (its title, its address, a comment with the code),
between other people's chatter. Before the structure is read, the sender and time are taken off every message and the
line that names what a sender shares — the message with the first address of a run of messages, or the title line just
before an address that stands alone — becomes a heading at the top of the run (the lines before it move down one);
a bot's message listing several papers opens one item per paper; chatter stays as text of the item before it. A later
reply of the same sender that only adds a code link (``아침에 공유한 거 코드도 있네요 https://github.com/…``) is moved to
that sender's item after the items are found (:func:`move_replies`). Line numbers of everything else do not change.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..model import LinkKind
from .finder import ItemSpan, Layout, link_item
from .links import parse_link_line, url_kind
from .titles import is_sentence
from .tokens import Unit

__all__ = ["ChatExport", "unwrap_chat", "move_replies"]

_TIME = r"(?:오전|오후|AM|PM)?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:AM|PM))?"
_INLINE = re.compile(r"^\[(?P<nick>[^\[\]\n]{1,30})\]\s*\[(?P<time>" + _TIME + r")\]\s?(?P<text>.*)$", re.IGNORECASE)
"""A KakaoTalk PC export line: ``[닉네임] [오후 3:12] 메시지``."""
_MOBILE = re.compile(r"^(?P<time>\d{4}\s*[.년/-]\s*\d{1,2}\s*[.월/-]\s*\d{1,2}\s*일?\.?\s*" + _TIME + r")\s*,\s*"
                     r"(?P<nick>[^:：\n]{1,30}?)\s*[:：]\s(?P<text>.*)$", re.IGNORECASE)
"""A KakaoTalk mobile export line: ``2025년 8월 11일 오후 3:12, 닉네임 : 메시지``."""
_TABBED = re.compile(r"^(?P<time>(?:오전|오후|AM|PM)?\s*\d{1,2}:\d{2}(?:\s*(?:AM|PM))?)\t(?P<nick>[^\t\n]{1,30})\t(?P<text>.*)$",
                     re.IGNORECASE)
"""A LINE export line: ``09:01<TAB>닉네임<TAB>메시지``."""
_CHANNEL = re.compile(r"^(?P<nick>[^\[\]\n]{1,40}?),\s*\[(?P<time>\d{1,2}[./]\d{1,2}[./]\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?"
                      r"(?:\s*[AP]M)?)\]\s*$", re.IGNORECASE)
"""A Telegram channel post's header: ``AI Papers KR, [04.03.2025 09:00]``."""
_HEADER = re.compile(r"^(?:\*\*(?P<bold>[^*\n]{1,30})\*\*(?:\s+`[^`\n]{1,12}`)?\s*(?:[—–\-·|]\s*[^\n]{0,24}?|\[\s*[^\]\n]{0,24}?|\s)"
                     r"|(?P<nick>[^\s*_\[#>|-][^*_\n]{0,29}?)\s*(?:[—–\-·|]\s*[^\n]{0,24}?|\[\s*[^\]\n]{0,24}?))"
                     r"(?P<time>" + _TIME + r")\s*\]?\s*$", re.IGNORECASE)
"""A message header alone on its line: ``**minjun** — 2025.11.24. 오전 10:02``, ``**PaperBot** `앱`  오전 9:00``,
``minsu [오후 9:02]``."""
_STAMP = re.compile(r"오전|오후|\b[AP]M\b|\d{4}\s*[.\-/년]\s*\d{1,2}|오늘|어제|today|yesterday", re.IGNORECASE)
"""What a sent-at time says besides the hour (``오후 3:12``, ``2025.11.24.``, ``오늘``): ``Keynote — 10:30`` is no
message header."""
_SEPARATOR = re.compile(r"^\s*(?:-{3,}|={3,}|#{1,6}\s)")
"""A line that ends a message: a date separator (``------ 2024년 11월 5일 화요일 ------``), a rule, a heading."""
_URL = re.compile(r"<?(https?://[^\s<>|]+)>?")
_SLACK_LINK = re.compile(r"<(?P<url>https?://[^\s<>|]+)\|(?P<text>[^<>\n]+)>")
"""A Slack link: ``<https://…|Title>``."""
_BULLET = re.compile(r"^[•·◦▪‣\-*]\s+")
_MIN_MESSAGES = 4
_LABELLED = re.compile(r"^\s*(?:[가-힣]{1,6}(?:\s[가-힣]{1,6})?|(?:original|english|korean|paper)\s+title)\s*[:：]\s*\S",
                       re.IGNORECASE)
"""A labelled line (``원제: …``, ``Original title: …``): it names a title given on the line before it."""
_QUOTED = re.compile(r"[「『]([^「」『』\n]{2,200})[」』]")
"""A title in corner brackets inside a sentence (``논문 하나 공유해요. 「제목」``)."""
_LEAD_LABEL = re.compile(r"^(?P<label>[^\s:：/]{1,12}(?: [^\s:：/]{1,12})?)\s*[:：]?\s*(?P<url>https?://[^\s<>]+)\s+(?P<rest>\S.*)$")
"""A message opening with a short label and an address, then a comment (``데모 페이지 https://… 코드 생성에서 …``)."""
_LEAD_IN = re.compile(r"^(?P<lead>[^:：\n]{1,30}?(?:요|다|죠|해|봐|줘))\s*[:：]\s*(?P<rest>\S.*)$")
"""A spoken lead-in before what a message shares (``이것도 보세요: Title https://…``)."""
_SUPPORT = re.compile(r"코드|구현|데모|가중치|데이터셋|프로젝트\s*페이지|code|demo|weights|dataset", re.IGNORECASE)
_SAID = re.compile(r"(?:요|다|죠|네|음|임|함)[.!~ㅎㅋ^]*$")
"""A remark ending like speech (``…있어요``, ``…있네``), not a title."""
_ROOM = re.compile(r"^(?:\[LINE\]\s*)?(?P<room>\S.{0,60}?)\s*(?:님과\s*카카오톡\s*대화|의\s*대화|카카오톡\s*대화)\s*$")
"""A chat export's first line naming the room: ``AI 논문방 님과 카카오톡 대화``, ``[LINE] 스터디방의 대화``."""
_ATX = re.compile(r"^ {0,3}(#{1,6})\s")


@dataclass(frozen=True)
class _Line:
    """One line of a message."""

    n: int
    """Its body line."""

    text: str
    """The line without sender and time, Slack links written as Markdown links."""

    wrapped: bool
    """The line is indented: the wrapped end of the line before it."""


@dataclass(frozen=True)
class _Run:
    """Consecutive messages of one sender."""

    nick: str
    slot: int
    """The line where the run begins: its header line, or its first message line."""
    lines: list[_Line]
    header: tuple[int, ...] = ()
    """The lines of its header (a Discord copy spreads one over the sender, an ``APP`` badge, ``—`` and the time)."""


@dataclass(frozen=True)
class ChatExport:
    """A chat export rewritten for the structure reader."""

    lines: list[str]
    """The rewritten body lines, as many as before."""

    replies: tuple[tuple[int, int], ...]
    """``(line, heading line)``: a reply line that belongs to the item headed at that line (its sender's item)."""

    loose: tuple[int, ...]
    """Reply lines adding a code link whose sender shared no item: the paper they belong to is not said."""


def _clean(text: str) -> str:
    return _SLACK_LINK.sub(lambda m: f"[{m.group('text').strip()}]({m.group('url')})", text).strip()


_DASH_LINE = re.compile(r"^\s*[—–-]\s*$")
_BADGE = re.compile(r"^\s*(?:APP|BOT|앱|봇)\s*$", re.IGNORECASE)
_TIME_LINE = re.compile(r"^\s*(?:오늘|어제|today|yesterday|\d{4}\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]\s*\d{1,2}\s*일?\.?)?\s*(?:at\s+)?"
                        r"(?:오전|오후|AM|PM)?\s*\d{1,2}:\d{2}(?:\s*(?:AM|PM))?\s*$", re.IGNORECASE)


def _spread_headers(lines: list[str], code: set[int]) -> dict[int, tuple[str, int]]:
    """Headers a Discord copy spreads over lines (``hana`` / ``APP`` / `` — `` / ``오늘 오전 9:12``): first line →
    (sender, last line)."""
    out: dict[int, tuple[str, int]] = {}
    for n, line in enumerate(lines):
        if not _DASH_LINE.match(line) or n + 1 >= len(lines) or not _TIME_LINE.match(lines[n + 1]) or n < 1:
            continue
        start = n - 2 if n >= 2 and _BADGE.match(lines[n - 1]) else n - 1
        nick = lines[start].strip()
        if start in code or not nick or len(nick) > 30 or _URL.search(nick) or (start and lines[start - 1].strip()):
            continue
        out[start] = (nick, n + 1)
    return out


def _runs(lines: list[str], code: set[int]) -> list[_Run] | None:
    """The runs of messages, or ``None`` when too few lines are messages."""
    runs: list[_Run] = []
    nick: str | None = None
    inline = False
    count = 0
    headers = 0
    spread = _spread_headers(lines, code)
    skip = -1
    for n, line in enumerate(lines):
        if n <= skip:
            continue
        if n in code:
            nick = None
            continue
        if n in spread:  # a header over several lines
            nick, end = spread[n]
            count += 1
            headers += end - n + 1
            inline, skip = False, end
            runs.append(_Run(nick, n, [], tuple(range(n, end + 1))))
            continue
        m = _INLINE.match(line) or _MOBILE.match(line) or (_TABBED.match(line) if "\t" in line else None)
        if m:
            count += 1
            if nick != m.group("nick").strip() or not inline:
                runs.append(_Run(m.group("nick").strip(), n, []))
            nick, inline = m.group("nick").strip(), True
            runs[-1].lines.append(_Line(n, _clean(m.group("text")), False))
            continue
        h = _HEADER.match(line.strip()) if len(line) <= 80 and line.strip() else None
        if h and not (_STAMP.search(line[h.start("time") - 30 if h.start("time") > 30 else 0:])
                      and len((h.group("bold") or h.group("nick")).split()) <= 2):
            h = None
        c = _CHANNEL.match(line.strip()) if h is None and len(line) <= 80 and "[" in line else None
        if (h or c) and (n + 1 < len(lines) and lines[n + 1].strip()) and not _URL.search(line):
            count += 1
            headers += 1
            nick, inline = (c.group("nick") if c else h.group("bold") or h.group("nick")).strip(), False
            runs.append(_Run(nick, n, []))
            continue
        if not line.strip():
            if not inline:
                nick = None  # a pasted message ends at a blank line; an exported one goes on to the next sender
            continue
        if _SEPARATOR.match(line):
            nick = None
            continue
        if nick is not None:  # a message's next line (a multi-line message, or the body under a header)
            runs[-1].lines.append(_Line(n, _clean(line), line.startswith((" ", "\t"))))
    if count < _MIN_MESSAGES:
        return None
    runs = [r for r in runs if r.lines]
    if not runs:
        return None
    covered = sum(len(r.lines) for r in runs) + headers
    first, last = min(r.slot for r in runs), max(r.lines[-1].n for r in runs)
    spoken = sum(1 for i in range(first, last + 1) if lines[i].strip() and i not in code)
    return runs if covered * 10 >= spoken * 6 else None


def _link_only(text: str) -> bool:
    """A message that is an address alone, possibly labelled (``https://…``, ``👉 https://…``, ``코드: https://…``)."""
    return bool(_URL.search(text)) and not link_item(_BULLET.sub("", text)) and parse_link_line(text) is not None


def _urls(text: str) -> list[str]:
    return [u.rstrip(".,)") for u in _URL.findall(text)]


def _reply(run: _Run) -> bool:
    """A run that only adds a code link, a demo or the like in a sentence (``코드도 있어요 https://github.com/…``,
    ``아까 공유한 거 데모도 있어요 https://…``): no paper, no title."""
    urls = [u for ln in run.lines for u in _urls(ln.text)]
    if not urls or any(url_kind(u) is LinkKind.PAPER for u in urls):
        return False
    first = next(ln for ln in run.lines if _URL.search(ln.text))
    if _link_only(first.text):
        return False
    if all(url_kind(u) is LinkKind.CODE for u in urls):
        return True
    said = first.text[:_URL.search(first.text).start()].strip()
    return bool(_SUPPORT.search(said)) and bool(_SAID.search(said))


def _openers(run: _Run) -> list[list[int]]:
    """Per item the run shares, the indices in ``run.lines`` of its title lines (a wrapped title spans two): the line
    with the first address of the run, or the line before it when that address stands alone; a line that is itself a
    title link; and a later paper address after the item already has one."""
    out: list[list[int]] = []
    lines = run.lines
    has_paper = False
    for j, ln in enumerate(lines):
        urls = _urls(ln.text)
        if not urls:
            continue
        paper = any(url_kind(u) is LinkKind.PAPER for u in urls)
        titled = link_item(_BULLET.sub("", ln.text))
        if out and not (paper and has_paper) and not (titled and has_paper):
            has_paper = has_paper or paper
            continue
        taken = out[-1][-1] if out else -1
        at = j
        if _link_only(ln.text) and j - 1 > taken and not _URL.search(lines[j - 1].text):
            at = j - 1
            while at - 1 > taken and lines[at].wrapped and not _URL.search(lines[at - 1].text):
                at -= 1  # a long title wrapped onto an indented line
            if at - 1 > taken and _LABELLED.match(lines[at].text) and not _URL.search(lines[at - 1].text) \
                    and not is_sentence(lines[at - 1].text):
                at -= 1  # ``원제: English Title`` under the title line
        group = [at] + [k for k in range(at + 1, j) if lines[k].wrapped]
        out.append(group)
        has_paper = paper
    return out


_ORDINAL = re.compile(r"^\s*(?:(?P<word>첫|두|세|네|다섯)\s*번째|(?P<num>[1-9])\s*번(?!째))")
_ORDINAL_WORDS = {"첫": 1, "두": 2, "세": 3, "네": 4, "다섯": 5}


def _ordinal(text: str) -> int | None:
    """The item a reply points at by its place (``첫 번째 …``, ``2번 …``), or ``None``."""
    m = _ORDINAL.match(text)
    if m is None:
        return None
    return _ORDINAL_WORDS[m.group("word")] if m.group("word") else int(m.group("num"))


def _text(text: str) -> str:
    """A message that is not an opener: a leading labelled address becomes a Markdown link, the rest stays."""
    m = _LEAD_LABEL.match(text)
    if m and parse_link_line(f"{m.group('label')}: {m.group('url')}"):
        return f"[{m.group('label')}]({m.group('url')}) {m.group('rest')}"
    return text


def _heading(text: str, level: int) -> str:
    """An opener as a heading: ``Title https://…`` → ``#### Title [링크](https://…)``; a sentence that quotes a title
    in corner brackets is headed by that title."""
    text = _BULLET.sub("", text)
    q = _QUOTED.search(text)
    if q and (is_sentence(text[:q.start()]) or is_sentence(text[q.end():]) and not text[:q.start()].strip()):
        text = q.group(1).strip() + text[q.end():] if text[:q.start()].strip() else q.group(1).strip()
    lead = _LEAD_IN.match(text)
    if lead and _URL.search(lead.group("rest")):
        text = lead.group("rest")  # ``이것도 보세요: Title https://…``
    m = _URL.search(text)
    if m is None or link_item(text):
        return f"{'#' * level} {text}"
    before, after = text[:m.start()].strip(), text[m.end():].strip()
    if not before:
        return f"{'#' * level} {text}"
    return f"{'#' * level} {' '.join(p for p in (before.rstrip(':：-–— '), after) if p)} [링크]({m.group(1)})"


def unwrap_chat(lines: list[str], code_of: Callable[[], set[int]]) -> ChatExport | None:
    """The lines of a chat export with senders and times removed and each shared item opened by a heading, or
    ``None`` when the text is no chat export (``code_of``: the code lines, asked for only when the text reads as a
    chat, since finding them takes a parse of its own)."""
    if _runs(lines, set()) is None:
        return None
    code = code_of()
    runs = _runs(lines, code)
    if runs is None:
        return None
    levels = [len(m.group(1)) for n, line in enumerate(lines) if n not in code for m in [_ATX.match(line)] if m]
    level = min(max(levels, default=1) + 1, 6)
    out = list(lines)
    for n, line in enumerate(lines[:3]):
        room = _ROOM.match(line)
        if room:  # ``AI 논문방 님과 카카오톡 대화``: the export's first line names the chat room
            out[n] = f"# {room.group('room').strip()}"
    last_item: dict[str, int] = {}
    replies: list[tuple[int, int]] = []
    loose: list[int] = []
    last_shared: list[int] = []  # the heading lines of the items of the last run that shared any
    for run in runs:
        for n in run.header or ((run.slot,) if run.slot != run.lines[0].n else ()):
            out[n] = ""  # the header's lines
        texts = [_text(ln.text) for ln in run.lines]
        said = [f"{run.nick}: {t}" if t else t for t in texts]  # chatter keeps its sender: no title, no field
        if _reply(run):
            for ln, text in zip(run.lines, said, strict=True):
                out[ln.n] = text
            target = last_item.get(run.nick)
            nth = _ordinal(run.lines[0].text)
            if nth is not None and 0 < nth <= len(last_shared):
                target = last_shared[nth - 1]  # ``첫 번째 거 코드도 있어요 …``: the reply says which paper
            if target is None:
                loose.extend(ln.n for ln in run.lines if _URL.search(ln.text))
            else:
                replies.extend((ln.n, target) for ln in run.lines)
            continue
        groups = _openers(run)
        for j, text in enumerate(texts if groups else said):
            out[run.lines[j].n] = text
        if groups:
            last_shared = []
        for n, group in enumerate(groups):
            title = " ".join(run.lines[k].text.strip() for k in group)
            if n:  # a later paper of the same run: headed where it is written
                out[run.lines[group[0]].n] = _heading(title, level)
                last_shared.append(run.lines[group[0]].n)
                for k in group[1:]:
                    out[run.lines[k].n] = ""
                continue
            # the run's first item: its heading goes to the run's first line, the lines before the title move down
            kept = [texts[k] for k in range(group[0])]
            freed = [run.lines[k].n for k in range(group[-1] + 1)]
            out[freed[0]] = _heading(title, level)
            rest = freed[1:]
            pad = [""] * (len(rest) - len(kept))  # the wrapped end of a title joined into the heading
            for line_n, text in zip(rest, kept + pad, strict=True):
                out[line_n] = text
            last_item[run.nick] = freed[0]
            last_shared.append(freed[0])
    return ChatExport(out, tuple(replies), tuple(loose))


def move_replies(layout: Layout, replies: tuple[tuple[int, int], ...]) -> Layout:
    """The layout with each reply line taken out of the item it is written in and put under the item of its heading
    line, after the first unit of that item's text."""
    if not replies or not layout.items:
        return layout
    by_head = {item.heading_line: n for n, item in enumerate(layout.items)}
    moving = {line: target for line, target in replies if target in by_head}
    if not moving:
        return layout
    items = list(layout.items)
    taken: dict[int, list[Unit]] = {}
    for n, item in enumerate(items):
        units: list[Unit] = []
        for u in item.units:
            inside = [line for line in range(u.start, u.end) if line in moving] if u.kind == "paragraph" else []
            if not inside or (u is item.units[0]):
                units.append(u)
                continue
            start = u.start
            for line in inside:
                if line > start:
                    units.append(Unit(u.kind, start, line))
                taken.setdefault(by_head[moving[line]], []).append(Unit("paragraph", line, line + 1))
                start = line + 1
            if start < u.end:
                units.append(Unit(u.kind, start, u.end))
        items[n] = replace(item, units=tuple(units))
    for n, extra in taken.items():
        item = items[n]
        items[n] = replace(item, units=item.units[:2] + tuple(extra) + item.units[2:])
    return Layout(layout.pattern, layout.before, tuple(items), layout.notes)
