"""``list``: the items of consecutive ordered lists whose numbering continues (``1.``…``10.``, ``1)``…), of
bullet lists whose items open with a bold name or a title link (``- 🔬 [Lab] [Title](url)``), and — when the
numbering restarts per category — of every ordered list whose items mostly carry links."""

from __future__ import annotations

import re

from ..finder import Finder, Layout, link_item, titled_item
from ..tokens import Unit
from . import Rule


def _resumes_at(f: Finder, u: Unit, last_number: int) -> int:
    """Index of the item of ``u`` that resumes a numbering ending at ``last_number`` when the items
    before it restart at 1 and do not open with links: a step list written without indentation inside the
    previous paper (``1) … 2) …``), which Markdown merges with the next papers' ``4) …``."""
    for j, it in enumerate(u.items):
        if j and it.number == last_number + 1:
            before = u.items[:j]
            resumed = u.items[j:]
            paper_like = any(len(it.children) > 1 or any(f.info.unit_has_links(c) for c in it.children) for it in resumed)
            if u.first_number == 1 and paper_like \
                    and not any(f.info.unit_has_links(c) for b in before for c in b.children[:1]):
                return j
            return 0
    return 0


def _indent(f: Finder, u: Unit) -> int:
    line = f.info.lines[u.start]
    return len(line) - len(line.lstrip())


def chains(f: Finder) -> tuple[list[list[int]], dict[int, int]]:
    """Runs of list units that continue one another's numbering (or bullet lists of titled items), and per list
    unit how many leading items belong to the last paper of the list before it (a step list that Markdown merged
    with the next papers)."""
    out: list[list[int]] = []
    leads: dict[int, int] = {}
    bullets: list[list[int]] = []
    last_number: int | None = None
    ordered = [u for u in f.units if u.kind == "list" and u.ordered and u.items]
    min_indent = min((_indent(f, u) for u in ordered), default=0)
    for k, u in enumerate(f.units):
        if u.kind != "list" or not u.items or f.blocky[k]:
            continue
        if not u.ordered:
            if (len(u.items) >= 2 or bullets) and all(titled_item(it, f.info) for it in u.items):
                if bullets and bullets[-1] is out[-1]:
                    bullets[-1].append(k)  # bullet papers interrupted by an ad, an image or a section heading
                else:
                    out.append([k])
                    bullets.append(out[-1])
            continue  # a bullet list between numbered items (their link list) does not end the numbering
        lead = _resumes_at(f, u, last_number) if out and last_number is not None else 0
        if out and last_number is not None and not lead and u.first_number == 1 and last_number >= 1 \
                and (_indent(f, u) > min_indent or not any(f.info.unit_has_links(c) for it in u.items for c in it.children)) \
                and not _next_first_number(f, k) == (u.items[-1].number or 0) + 1 != last_number + 1:
            continue  # steps 1) 2) 3) inside a paper: the numbering of the papers goes on after them
            # (unless the next list goes on from this one: after a table of contents ``1)``…``7)`` the papers)
        if out and last_number is not None and (u.first_number == last_number + 1 or lead):
            out[-1].append(k)
            if lead:
                leads[k] = lead
        else:
            out.append([k])
        last_number = u.items[-1].number
    return out, leads


def _next_first_number(f: Finder, k: int) -> int | None:
    """The first number of the next ordered list after unit ``k``."""
    return next((v.first_number for v in f.units[k + 1:] if v.kind == "list" and v.ordered and v.items), None)


def _linked_share(f: Finder, unit: Unit) -> float:
    hits = sum(1 for it in unit.items if any(f.info.unit_has_links(c) for c in it.children))
    return hits / len(unit.items) if unit.items else 0.0


_URL = re.compile(r"\]\((https?://[^()\s]+)\)")


def _is_contents(f: Finder, chain: list[int]) -> bool:
    """A bullet list of title links whose addresses come again later in the document: a table of contents
    of the papers written out below it, not the papers."""
    units = [f.units[k] for k in chain]
    if any(u.ordered for u in units):
        return False
    heads = [f.info.text(it.start) for u in units for it in u.items]
    if not all(link_item(h) for h in heads):
        return False
    urls = [m.group(1) for h in heads for m in [_URL.search(h)] if m]
    later = "\n".join(f.info.lines[units[-1].end:])
    return bool(urls) and sum(1 for url in urls if url in later) * 2 >= len(urls)


def find(f: Finder) -> list[Layout]:
    runs, leads = chains(f)
    found = [chain for chain in runs if not _is_contents(f, chain)]
    layouts = [f.from_chain(chain, leads) for chain in found]
    linked_lists = [k for chain in found for k in chain if f.units[k].ordered and _linked_share(f, f.units[k]) >= 0.5]
    if len(linked_lists) > 1 and linked_lists not in found:
        layouts.append(f.from_chain(linked_lists, leads))  # numbering restarts per category
    return layouts


RULE = Rule("list", 0.5, find)
