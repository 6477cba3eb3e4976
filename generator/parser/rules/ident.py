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


def find(f: Finder) -> list[Layout]:
    starts = [k for k, u in enumerate(f.units)
              if u.kind == "paragraph" and u.end - u.start >= 2 and _IDENT.match(f.info.lines[u.start])]
    if len(starts) < 2:
        return []
    starts, notes = run_filters(f, starts, COMMON)
    return [f.from_starts("ident", starts, notes)] if starts else [f.rejected("ident", notes)] if notes else []


RULE = Rule("ident", 0.35, find)
