"""``name``: paragraphs that open with a bold name followed by a Korean particle or prose
(``**ATOKEN**은 …``), or a bold paragraph right after a link line."""

from __future__ import annotations

from ..filters import COMMON, run_filters
from ..finder import Finder, Layout, after_lead_link, starts_with_bold_name
from . import Rule


def find(f: Finder) -> list[Layout]:
    starts = []
    for k, u in enumerate(f.units):
        if u.kind != "paragraph" or f.blocky[k]:
            continue
        text = f.first(k)
        _, text = after_lead_link(text)  # ``[2507.06261](arxiv) **Title** …``: the link leads the paragraph
        if starts_with_bold_name(text) or text.startswith(("**", "__")) and k and f.unit_links(k - 1) and not f.unit_links(k):
            starts.append(k)
    starts, notes = run_filters(f, starts, ("merge_inner_names", *COMMON))
    return [f.from_starts("name", starts, notes)] if starts else [f.rejected("name", notes)] if notes else []


RULE = Rule("name", 0.05, find)
