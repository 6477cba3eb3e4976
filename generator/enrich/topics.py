"""Topics: read ``content/topics.yml`` and give every paper 1–4 topics.

A paper's topics are its pinned topics (``papers.yml``) followed by the best-scoring topics
of its keywords: a keyword counts :data:`TITLE_WEIGHT` times in a title, once per occurrence
in a body (at most :data:`BODY_CAP` per keyword). Topics scoring at least
:data:`RELATIVE_THRESHOLD` of the best score (and at least :data:`MIN_SCORE`) are kept.
A paper that matches no keyword gets the first topic of ``topics.yml`` and a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.catalog_model import Topic
from generator.enrich.yamlsource import load_nodes
from generator.model import Location, Paper, Problem
from generator.urls import RESERVED_IDS
from generator.yamlschema import data_of, error, node_at, schema_violations, where

MAX_TOPICS = 4
"""Most topics a paper gets."""

TITLE_WEIGHT = 4
"""How much a keyword in a title counts compared with one in a body."""

BODY_CAP = 4
"""Most body occurrences of one keyword that count."""

MIN_SCORE = 3
"""Lowest score a topic needs to be kept (unless it is the paper's best)."""

RELATIVE_THRESHOLD = 0.35
"""Fraction of the best score a further topic needs to be kept."""


def load_topics(path: Path, shown_path: str | None = None) -> tuple[tuple[Topic, ...], list[Problem]]:
    """Read ``topics.yml``, checked against ``generator/schemas/topics-yml.schema.json``; every problem
    is reported with its line, and topics with problems are left out."""
    shown = shown_path or str(path)
    root, problems = load_nodes(path, shown)
    if root is None:
        if not problems:
            problems.append(error(Location(shown, 0), "topics.yml is missing or empty",
                                  "create it with a `topics:` list (see the README, Content layout)"))
        return (), problems
    violations = schema_violations(root, "topics-yml", shown)
    problems.extend(v.problem for v in violations)
    if any(len(v.path) < 2 and v.fatal for v in violations):  # no `topics:` list at all
        return (), problems
    broken = {v.path[1] for v in violations if v.fatal and len(v.path) > 1}
    topics: list[Topic] = []
    for index, node in enumerate(node_at(root, ["topics"]).value):
        if index in broken:
            continue
        topic = _topic(data_of(node), where(shown, node))
        if any(t.id == topic.id for t in topics):
            problems.append(error(topic.location, f"topic id `{topic.id}` is defined twice", "rename one of them"))
            continue
        if topic.id in RESERVED_IDS:
            problems.append(error(topic.location, f"topic id `{topic.id}` is a reserved name: /topics/{topic.id}/ is "
                                  "the index of all topics", "choose another id, e.g. `index-topic`"))
            continue
        topics.append(topic)
    return tuple(topics), problems


def _topic(data: dict[str, Any], location: Location) -> Topic:
    """A topic from an entry the schema accepted."""
    keywords = data["keywords"] if isinstance(data["keywords"], list) else [data["keywords"]]
    return Topic(
        id=data["id"],
        label_ko=data["label_ko"].strip(),
        label_en=data["label_en"].strip(),
        description_ko=data["description_ko"].strip(),
        description_en=data["description_en"].strip(),
        keywords=tuple(dict.fromkeys(k.strip() for k in keywords if k.strip())),
        location=location,
    )


def _pattern(keyword: str) -> re.Pattern[str]:
    """Case-insensitive pattern of a keyword: whole words (plural allowed) for ASCII, substring otherwise."""
    escaped = re.escape(keyword.casefold())
    if keyword.isascii():
        # The word-start check is a lookbehind *after* the keyword (same matches as one before it),
        # so that the pattern starts with a literal and `re` scans with its fast literal search.
        return re.compile(rf"{escaped}(?<![a-z0-9]{escaped})(?:s|es)?(?![a-z0-9])")
    return re.compile(escaped)


def _count(keyword: str, pattern: re.Pattern[str], text: str) -> int:
    """Matches of ``pattern`` in ``text``; the plain substring test first skips most regex scans
    (a keyword absent from a text cannot match), which keeps scoring fast on a large archive."""
    return len(pattern.findall(text)) if keyword in text else 0


@dataclass(frozen=True)
class TopicScorer:
    """Keyword patterns of all topics, compiled once."""

    topics: tuple[Topic, ...]
    """The topics, in ``topics.yml`` order."""

    patterns: tuple[tuple[tuple[str, re.Pattern[str]], ...], ...]
    """One tuple of ``(casefolded keyword, pattern)`` per topic."""

    @classmethod
    def of(cls, topics: Sequence[Topic]) -> TopicScorer:
        """Compile the keywords of ``topics``."""
        return cls(tuple(topics), tuple(tuple((k.casefold(), _pattern(k)) for k in t.keywords) for t in topics))

    def scores(self, titles: Iterable[str], bodies: Iterable[str]) -> list[int]:
        """Score of every topic for a paper with these titles and bodies."""
        title = "\n".join(titles).casefold()
        body = "\n".join(bodies).casefold()
        return [
            sum(TITLE_WEIGHT * _count(k, p, title) + min(BODY_CAP, _count(k, p, body)) for k, p in patterns)
            for patterns in self.patterns
        ]

    def assign(self, items: Sequence[Paper], pinned: Sequence[str] = ()) -> tuple[str, ...]:
        """1–:data:`MAX_TOPICS` topic ids for the paper featured as ``items``; pins first. Empty if none fit."""
        titles = [p.heading for p in items] + [p.title_en or "" for p in items]
        scores = self.scores(titles, (p.body for p in items))
        chosen = list(dict.fromkeys(pinned))[:MAX_TOPICS]
        best = max(scores, default=0)
        ranked = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
        for i in ranked:
            if len(chosen) >= MAX_TOPICS or scores[i] == 0:
                break
            keep = scores[i] == best or scores[i] >= max(MIN_SCORE, RELATIVE_THRESHOLD * best)
            if keep and self.topics[i].id not in chosen:
                chosen.append(self.topics[i].id)
        return tuple(chosen)
