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

from generator.catalog_model import Topic
from generator.enrich.overrides import ID_PATTERN
from generator.enrich.yamlsource import error, load_nodes, mapping, scalar, sequence, strings, where
from generator.model import Location, Paper, Problem

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

_TEXT_FIELDS = ("label_ko", "label_en", "description_ko", "description_en")


def load_topics(path: Path, shown_path: str | None = None) -> tuple[tuple[Topic, ...], list[Problem]]:
    """Read ``topics.yml``; every problem is reported with its line."""
    shown = shown_path or str(path)
    root, problems = load_nodes(path, shown)
    if root is None:
        if not problems:
            problems.append(error(Location(shown, 0), "topics.yml is missing or empty",
                                  "create it with a `topics:` list (see the README, Content layout)"))
        return (), problems
    fields = mapping(root)
    entries = None
    for key, _, value in fields or []:
        if key == "topics":
            entries = sequence(value)
    if entries is None:
        return (), [error(where(shown, root), "topics.yml must have a `topics:` list",
                          "write `topics:` followed by `- id: …` entries")]
    topics: list[Topic] = []
    for node in entries:
        topic = _topic(shown, node, problems)
        if topic is None:
            continue
        if any(t.id == topic.id for t in topics):
            problems.append(error(topic.location, f"topic id `{topic.id}` is defined twice", "rename one of them"))
            continue
        topics.append(topic)
    return tuple(topics), problems


def _topic(shown: str, node, problems: list[Problem]) -> Topic | None:
    location = where(shown, node)
    fields = mapping(node)
    if fields is None:
        problems.append(error(location, "a topic must be a mapping", "give it id, labels, descriptions, keywords"))
        return None
    values: dict[str, str] = {}
    keywords: list[str] = []
    for key, key_node, value in fields:
        if key == "keywords":
            items = strings(value)
            if items is None:
                problems.append(error(where(shown, value), "`keywords` must be a list of texts",
                                      "write `keywords: [agent, 에이전트]`"))
            else:
                keywords.extend(text for text, _ in items if text)
        elif key in ("id", *_TEXT_FIELDS):
            text = scalar(value)
            if text:
                values[key] = text
        else:
            problems.append(error(where(shown, key_node), f"unknown key `{key}` in a topic",
                                  f"use id, {', '.join(_TEXT_FIELDS)}, keywords"))
    missing = [key for key in ("id", *_TEXT_FIELDS) if key not in values]
    if not keywords:
        missing.append("keywords")
    if missing:
        problems.append(error(location, f"topic `{values.get('id', '?')}` lacks {', '.join(missing)}",
                              "every topic needs an id, Korean and English labels and descriptions, and keywords"))
        return None
    if not ID_PATTERN.match(values["id"]):
        problems.append(error(location, f"invalid topic id `{values['id']}`",
                              "use lowercase ASCII letters, digits and single hyphens"))
        return None
    return Topic(
        id=values["id"],
        label_ko=values["label_ko"],
        label_en=values["label_en"],
        description_ko=values["description_ko"],
        description_en=values["description_en"],
        keywords=tuple(dict.fromkeys(keywords)),
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
