"""``ident``: paragraphs that open with a paper's identifier alone on a line (``arXiv:2510.16209``, an arXiv or
Hugging Face papers address), followed by the item's fields (``Title: …``, ``Authors: …``) — an arXiv listing."""

from __future__ import annotations

import re

from ..filters import COMMON, run_filters
from ..finder import Finder, Layout
from . import Rule

_IDENT = re.compile(r"^\s*(?:[-*]\s+)?(?:\*\*)?(?:arxiv\s*:\s*\d{4}\.\d{4,5}(?:v\d+)?"
                    r"|https?://(?:www\.)?(?:arxiv\.org/(?:abs|pdf)|huggingface\.co/papers|alphaxiv\.org/abs)/\d{4}\.\d{4,5}"
                    r"(?:v\d+)?(?:\.pdf)?/?)(?:\*\*)?\s*$", re.IGNORECASE)


def _ident_line(f: Finder, k: int) -> int | None:
    """The line of unit ``k`` that holds the identifier: its first, or its second under a ``\\`` line (arXiv's own
    mailing writes one above every entry)."""
    u = f.units[k]
    if u.kind != "paragraph" or u.end - u.start < 2:
        return None
    if _IDENT.match(f.info.lines[u.start]):
        return u.start
    if f.info.lines[u.start].strip() == "\\\\" and _IDENT.match(f.info.lines[u.start + 1]):
        return u.start + 1
    return None


def find(f: Finder) -> list[Layout]:
    heads = {k: line for k in range(len(f.units)) if (line := _ident_line(f, k)) is not None}
    starts = sorted(heads)
    if len(starts) < 2:
        return []
    # no drop_labels: an identifier is no repeated label (the ``\\`` lines above them repeat, the ids do not)
    starts, notes = run_filters(f, starts, tuple(name for name in COMMON if name != "drop_labels"))
    if not starts:
        return [f.rejected("ident", notes)] if notes else []
    items = tuple(f.span("ident", f.units[k], heads[k], f.units[k:(starts[n + 1] if n + 1 < len(starts) else len(f.units))])
                  for n, k in enumerate(starts))
    return [Layout("ident", f.units[:starts[0]], items, notes)]


RULE = Rule("ident", 0.35, find)
