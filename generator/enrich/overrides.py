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

The shape of the file is checked with ``generator/schemas/papers-yml.schema.json``; whether slugs, positions and topic ids exist is
checked by :mod:`generator.enrich` against the content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import Node, ScalarNode, SequenceNode

from generator.enrich.yamlsource import load_nodes
from generator.model import Location, Problem
from generator.urls import RESERVED_IDS
from generator.yamlschema import data_of, error, node_at, schema_violations, where

_REF_PATTERN = re.compile(r"^(?P<slug>[^\s#]+)#(?P<position>[1-9][0-9]*)$")
"""``<issue-slug>#<position>`` (the schema checks the same pattern)."""


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
    """Read ``papers.yml`` (a missing file means no overrides), checked against
    ``generator/schemas/papers-yml.schema.json``; entries with problems are left out."""
    shown = shown_path or str(path)
    root, problems = load_nodes(path, shown)
    if root is None:
        return Overrides(), problems
    violations = schema_violations(root, "papers-yml", shown)
    problems.extend(v.problem for v in violations)
    if any(len(v.path) < 2 and v.fatal for v in violations):
        return Overrides(), problems
    broken = {v.path[:2] for v in violations if v.fatal}
    papers = [_paper(shown, node) for node in _entries(root, "papers", broken)]
    splits = [Split(_refs(shown, node), where(shown, node)) for node in _entries(root, "splits", broken)]
    _check_unique_ids(papers, problems)
    return Overrides(tuple(papers), tuple(splits)), problems


def _entries(root: Node, key: str, broken: set[tuple[str | int, ...]]) -> list[Node]:
    """The nodes of the ``key:`` list that passed the schema."""
    node = node_at(root, [key])
    if node is root or not isinstance(node, SequenceNode):  # absent or left empty
        return []
    return [entry for i, entry in enumerate(node.value) if (key, i) not in broken]


def _paper(shown: str, node: Node) -> PaperOverride:
    """A ``papers:`` entry the schema accepted."""
    data = data_of(node)
    topics = _texts(node, "topics") if "topics" in data else []
    return PaperOverride(
        id=data.get("id"),
        items=_refs(shown, node_at(node, ["items"])) if "items" in data else (),
        aliases=tuple(text for text, _ in _texts(node, "aliases")) if "aliases" in data else (),
        topics=tuple(text for text, _ in topics),
        location=where(shown, node),
        topic_locations=tuple(where(shown, text_node) for _, text_node in topics),
    )


def _scalars(node: Node) -> list[ScalarNode]:
    """A text or a list of texts (as the schema allows) as its scalar nodes."""
    return list(node.value) if isinstance(node, SequenceNode) else [node]  # type: ignore[list-item]


def _texts(entry: Node, key: str) -> list[tuple[str, ScalarNode]]:
    """The non-empty texts of ``key`` in ``entry``, with their nodes."""
    pairs = ((str(n.value).strip(), n) for n in _scalars(node_at(entry, [key])))
    return [(text, n) for text, n in pairs if text]


def _refs(shown: str, node: Node) -> tuple[ItemRef, ...]:
    refs = []
    for text_node in _scalars(node):
        match = _REF_PATTERN.match(str(text_node.value).strip())
        assert match is not None  # the schema's pattern
        refs.append(ItemRef(match["slug"], int(match["position"]), where(shown, text_node)))
    return tuple(refs)


def _check_unique_ids(papers: list[PaperOverride], problems: list[Problem]) -> None:
    first: dict[str, PaperOverride] = {}
    for override in papers:
        if override.id is None:
            continue
        if override.id in RESERVED_IDS:
            problems.append(error(override.location, f"paper id `{override.id}` is a reserved name: /papers/{override.id}/ "
                                  "is the index of all papers", "pin another id, e.g. `index-paper`"))
        elif override.id in first:
            problems.append(error(override.location, f"paper id `{override.id}` is pinned twice "
                                  f"(first at {first[override.id].location})",
                                  "merge the two entries into one"))
        else:
            first[override.id] = override
