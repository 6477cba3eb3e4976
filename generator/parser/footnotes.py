"""Footnotes: ``제목[^1]`` in an item and ``[^1]: English Title — https://arxiv.org/abs/…`` at the end.

Some writers keep the English title and the link of each paper in footnotes. Before the structure is read,
each reference takes the text of its definition in place — the title in parentheses, the address as a link
(``제목 (English Title) [링크](https://…)``) — and the definition lines are emptied, so the paper's own line
carries what belongs to it. Line numbers do not change.
"""

from __future__ import annotations

import re

__all__ = ["inline_footnotes"]

_DEF = re.compile(r"^\s{0,3}\[\^(?P<id>[^\]\s]{1,20})\]:\s*(?P<text>.*\S)\s*$")
_REF = re.compile(r"\[\^(?P<id>[^\]\s]{1,20})\](?!:)")
_URL = re.compile(r"<?(https?://[^\s<>]+)>?")


def _inline(text: str) -> str:
    found = list(_URL.finditer(text))
    m = found[-1] if found else None  # the last address is the paper's
    if m is None:
        return f" ({text.strip()})"
    url = m.group(1).rstrip(".,;)")
    title = (text[:m.start()] + text[m.end():]).strip(" \t-–—:·|,.")
    label = "링크"
    if title and re.search(r"[\uac00-\ud7a3]", title) and len(title) <= 20:
        label, title = title, ""
    return (f" ({title})" if title else "") + f" [{label}]({url})"


def inline_footnotes(lines: list[str], code: set[int]) -> list[str]:
    """``lines`` with every footnote reference replaced by its definition, and the definitions emptied."""
    defs: dict[str, tuple[int, str]] = {}
    for i, line in enumerate(lines):
        if i not in code and line.startswith(("[^", " [^", "  [^", "   [^")):
            m = _DEF.match(line)
            if m:
                defs.setdefault(m.group("id"), (i, m.group("text")))
    if not defs:
        return lines
    out = list(lines)
    used: set[str] = set()
    for i, line in enumerate(lines):
        if i in code or "[^" not in line or _DEF.match(line):
            continue

        def repl(m: re.Match[str]) -> str:
            found = defs.get(m.group("id"))
            if found is None:
                return m.group(0)
            used.add(m.group("id"))
            return _inline(found[1])

        out[i] = _REF.sub(repl, line)
    for key in used:
        out[defs[key][0]] = ""
    return out
