"""Reference-style links written out inline, line for line.

Mailing lists and plain-text exports keep the body short with numbered references: ``Paper: [arXiv][1]`` in the
text, ``[1]: https://arxiv.org/abs/…`` at the end. The rules read a link line by its inline links, so before they
run each full (``[text][label]``) or collapsed (``[text][]``) reference whose label is defined becomes
``[text](address)``, and the definition lines used are emptied (they stay lines, so every line keeps its number).
Labels match as CommonMark matches them: case-folded, runs of white space as one. Only ``http(s)`` targets are
written out: any other (``javascript:…``) stays on its definition line, where the build reports it. Shortcut
references (``[1]`` alone) are left as they are: a bracketed number opens an item in many layouts. Code is left
alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["inline_references"]

_DEFINITION = re.compile(r"^ {0,3}\[([^\]\n]{1,200})\]:[ \t]*<?([^\s<>]+)>?(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$")
_REFERENCE = re.compile(r"\[([^\[\]\n]{0,500})\]\[([^\[\]\n]{0,200})\]")


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def inline_references(lines: list[str], code: Iterable[int] = ()) -> list[str] | None:
    """``lines`` with reference links made inline, or ``None`` when no reference link has a definition."""
    skip = set(code)
    definitions: dict[str, tuple[int, str]] = {}
    for n, line in enumerate(lines):
        if n in skip or "]:" not in line:
            continue
        m = _DEFINITION.match(line)
        if m and m.group(2).lower().startswith(("http://", "https://")):  # any other target stays where it is
            definitions.setdefault(_label(m.group(1)), (n, m.group(2)))  # the first definition wins
    if not definitions:
        return None
    used: set[int] = set()

    def inline(m: re.Match[str]) -> str:
        found = definitions.get(_label(m.group(2) or m.group(1)))
        if found is None:
            return m.group(0)
        used.add(found[0])
        return f"[{m.group(1)}]({found[1]})"

    out = [line if n in skip or "][" not in line else _REFERENCE.sub(inline, line) for n, line in enumerate(lines)]
    if not used:
        return None
    return ["" if n in used else line for n, line in enumerate(out)]
