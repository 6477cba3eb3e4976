"""``content/papers.yml``: the editors' word on paper identity, read and checked.

Schema (every key optional; see the file itself for a commented example)::

    papers:                       # one entry per paper the editors want to say something about
      - id: tiny-recursive-model  # pinned id (the URL /papers/<id>/); readable ASCII, a-z 0-9 -
        items:                    # featured items that are this paper: "<issue-slug>#<position>"
          - 2025-10-12-dair-top-ai-papers-oct-6-12#1
        aliases:                  # other titles of the paper (any language); items titled so join it
          - Recursive Reasoning with Tiny Networks
        topics: [reasoning]       # pinned topic ids, placed first
    splits:                       # groups of items that are *different* papers, never merged
      - [2025-10-13-llm-watch-7-papers-you-should-know#5, 2025-09-28-dair-top-ai-papers-sep-22-28#3]

Only the shape of the file is checked here; whether slugs, positions and topic ids exist is
checked by :mod:`generator.enrich` against the content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.enrich.yamlsource import error, is_null, load_nodes, mapping, scalar, sequence, strings, where
from generator.model import Location, Problem

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""What a paper or topic id must look like."""

_REF_PATTERN = re.compile(r"^(?P<slug>[^\s#]+)#(?P<position>[1-9][0-9]*)$")
_PAPER_KEYS = ("id", "items", "aliases", "topics")


@dataclass(frozen=True)
class ItemRef:
    """A reference to one featured item: ``<issue-slug>#<position>``."""

    issue_slug: str
    """Slug (file stem) of the Korean issue."""

    position: int
    """1-based position of the paper in that issue."""

    location: Location
    """Where the reference is written in ``papers.yml``."""

    @property
    def key(self) -> tuple[str, int]:
        """``(issue_slug, position)``, for lookups."""
        return (self.issue_slug, self.position)

    def __str__(self) -> str:
        return f"{self.issue_slug}#{self.position}"


@dataclass(frozen=True)
class PaperOverride:
    """One ``papers:`` entry: items and titles that make one paper, its pinned id and topics."""

    id: str | None
    """Pinned paper id, or ``None`` to derive it from the title."""

    items: tuple[ItemRef, ...]
    """Items that are this paper (merged into one)."""

    aliases: tuple[str, ...]
    """Other titles of the paper; any item with such a title joins it."""

    topics: tuple[str, ...]
    """Pinned topic ids, most relevant first."""

    location: Location
    """Where the entry starts."""

    topic_locations: tuple[Location, ...] = ()
    """Where each pinned topic id is written (parallel to :attr:`topics`)."""


@dataclass(frozen=True)
class Split:
    """One ``splits:`` group: items that are different papers even if they look alike."""

    items: tuple[ItemRef, ...]
    """The items, at least two."""

    location: Location
    """Where the group is written."""


@dataclass(frozen=True)
class Overrides:
    """Everything ``papers.yml`` says."""

    papers: tuple[PaperOverride, ...] = ()
    """The ``papers:`` entries, in file order."""

    splits: tuple[Split, ...] = ()
    """The ``splits:`` groups, in file order."""


def load_overrides(path: Path, shown_path: str | None = None) -> tuple[Overrides, list[Problem]]:
    """Read ``papers.yml`` (a missing file means no overrides) and report every shape problem."""
    shown = shown_path or str(path)
    root, problems = load_nodes(path, shown)
    if root is None:
        return Overrides(), problems
    entries = mapping(root)
    if entries is None:
        return Overrides(), [error(where(shown, root), "papers.yml must be a mapping", "start it with `papers:`")]
    papers: list[PaperOverride] = []
    splits: list[Split] = []
    for key, key_node, value in entries:
        if key in ("papers", "splits") and is_null(value):
            continue  # left empty
        if key == "papers":
            papers.extend(_papers(shown, value, problems))
        elif key == "splits":
            splits.extend(_splits(shown, value, problems))
        else:
            problems.append(error(where(shown, key_node), f"unknown key `{key}`", "use `papers:` or `splits:`"))
    _check_unique_ids(papers, problems)
    return Overrides(tuple(papers), tuple(splits)), problems


def _papers(shown: str, node, problems: list[Problem]) -> list[PaperOverride]:
    items = sequence(node)
    if items is None:
        problems.append(error(where(shown, node), "`papers:` must be a list", "write each paper as `- id: …`"))
        return []
    result = []
    for entry in items:
        override = _paper(shown, entry, problems)
        if override is not None:
            result.append(override)
    return result


def _paper(shown: str, node, problems: list[Problem]) -> PaperOverride | None:
    location = where(shown, node)
    fields = mapping(node)
    if fields is None:
        problems.append(error(location, "a `papers:` entry must be a mapping", f"use the keys {', '.join(_PAPER_KEYS)}"))
        return None
    paper_id: str | None = None
    refs: list[ItemRef] = []
    aliases: list[str] = []
    topics: list[tuple[str, Location]] = []
    for key, key_node, value in fields:
        if key == "id":
            paper_id = _id(shown, value, problems)
        elif key == "items":
            refs.extend(_refs(shown, value, problems))
        elif key == "aliases":
            aliases.extend(text for text, _ in _strings(shown, value, "aliases", problems) if text)
        elif key == "topics":
            for text, text_node in _strings(shown, value, "topics", problems):
                topics.append((text, where(shown, text_node)))
        else:
            problems.append(error(where(shown, key_node), f"unknown key `{key}` in a paper entry",
                                  f"use {', '.join(_PAPER_KEYS)}"))
    if not refs and not aliases:
        problems.append(error(location, "this paper entry selects no item",
                              "add `items: [<issue-slug>#<position>]` or `aliases: [<title>]`"))
        return None
    return PaperOverride(paper_id, tuple(refs), tuple(aliases), tuple(t for t, _ in topics), location,
                         tuple(loc for _, loc in topics))


def _splits(shown: str, node, problems: list[Problem]) -> list[Split]:
    groups = sequence(node)
    if groups is None:
        problems.append(error(where(shown, node), "`splits:` must be a list of lists",
                              "write `- [<issue-slug>#<position>, <issue-slug>#<position>]`"))
        return []
    result = []
    for group in groups:
        refs = _refs(shown, group, problems)
        if len(refs) < 2:
            problems.append(error(where(shown, group), "a split needs at least two items",
                                  "list the items that are different papers"))
            continue
        result.append(Split(tuple(refs), where(shown, group)))
    return result


def _id(shown: str, node, problems: list[Problem]) -> str | None:
    text = scalar(node)
    if not text or not ID_PATTERN.match(text):
        problems.append(error(where(shown, node), f"invalid paper id `{text}`",
                              "use lowercase ASCII letters, digits and single hyphens (`tiny-recursive-model`)"))
        return None
    return text


def _refs(shown: str, node, problems: list[Problem]) -> list[ItemRef]:
    refs = []
    for text, text_node in _strings(shown, node, "items", problems):
        match = _REF_PATTERN.match(text)
        if match is None:
            problems.append(error(where(shown, text_node), f"invalid item reference `{text}`",
                                  "write `<issue-slug>#<position>`, e.g. `2025-10-12-dair-top-ai-papers-oct-6-12#1`"))
            continue
        refs.append(ItemRef(match["slug"], int(match["position"]), where(shown, text_node)))
    return refs


def _strings(shown: str, node, key: str, problems: list[Problem]):
    values = strings(node)
    if values is None:
        problems.append(error(where(shown, node), f"`{key}` must be a text or a list of texts",
                              f"write `{key}: [a, b]`"))
        return []
    return values


def _check_unique_ids(papers: list[PaperOverride], problems: list[Problem]) -> None:
    first: dict[str, PaperOverride] = {}
    for override in papers:
        if override.id is None:
            continue
        if override.id in first:
            problems.append(error(override.location, f"paper id `{override.id}` is pinned twice "
                                  f"(first at {first[override.id].location})",
                                  "merge the two entries into one"))
        else:
            first[override.id] = override
