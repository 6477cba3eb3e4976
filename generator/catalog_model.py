"""The enriched model: issues of both languages paired, papers identified across issues, topics.

Produced by :mod:`generator.enrich` from parsed :class:`~generator.model.Issue` values;
consumed by page planning (:mod:`generator.plan`), feeds and the JSON data API.
Frozen and typed like :mod:`generator.model`.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import cached_property

from generator.model import Issue, Link, Location, Paper


@dataclass(frozen=True)
class Topic:
    """A research topic from ``content/topics.yml``."""

    id: str
    """Readable ASCII id, used in URLs (``reinforcement-learning``)."""

    label_ko: str
    """Korean label (``강화 학습``)."""

    label_en: str
    """English label (``Reinforcement learning``)."""

    description_ko: str
    """One-sentence Korean description."""

    description_en: str
    """One-sentence English description."""

    keywords: tuple[str, ...]
    """Keywords in both languages; matched case-insensitively against titles and bodies."""

    location: Location
    """Where the topic is defined in ``topics.yml``."""

    def label(self, lang: str) -> str:
        """The label in ``lang`` (``ko`` or ``en``)."""
        return self.label_ko if lang == "ko" else self.label_en

    def description(self, lang: str) -> str:
        """The description in ``lang``."""
        return self.description_ko if lang == "ko" else self.description_en


@dataclass(frozen=True)
class Appearance:
    """One time a paper was featured in an issue."""

    issue_slug: str
    """Slug of the issue."""

    issue_date: _dt.date | None
    """Date of the issue."""

    position: int
    """1-based position of the paper in that issue."""

    ko: Paper
    """The Korean item."""

    en: Paper | None
    """The English item (``None`` when the issue has no English translation)."""

    def paper(self, lang: str) -> Paper:
        """The item in ``lang``, falling back to Korean."""
        return self.en if lang == "en" and self.en is not None else self.ko


@dataclass(frozen=True)
class PaperRecord:
    """One paper across all issues: one paper page."""

    id: str
    """Readable ASCII id, stable across builds, used in URLs (``tiny-recursive-model``)."""

    title_ko: str
    """Korean title (from the newest appearance; English name when no Korean title exists)."""

    title_en: str
    """English title (from the English translation, else from the Korean heading, else the id)."""

    topics: tuple[str, ...]
    """Topic ids, 1–4, most relevant first."""

    links: tuple[Link, ...]
    """Links gathered from every appearance, real URLs preferred, one per kind+url."""

    appearances: tuple[Appearance, ...]
    """Every issue that featured it, oldest first."""

    @property
    def latest(self) -> Appearance:
        """The newest appearance."""
        return self.appearances[-1]

    @property
    def first_date(self) -> _dt.date | None:
        """Date of the first issue that featured it."""
        return self.appearances[0].issue_date

    @property
    def latest_date(self) -> _dt.date | None:
        """Date of the latest issue that featured it."""
        return self.appearances[-1].issue_date

    def title(self, lang: str) -> str:
        """Title in ``lang``."""
        return self.title_ko if lang == "ko" else self.title_en


@dataclass(frozen=True)
class IssueRecord:
    """One issue in both languages."""

    slug: str
    """File stem shared by ``content/ko/<slug>.md`` and ``content/en/<slug>.md``."""

    ko: Issue
    """The Korean issue (the source of truth)."""

    en: Issue | None
    """The English translation, or ``None`` when missing."""

    paper_ids: tuple[str, ...]
    """Ids of its papers, in issue order (index i ↔ ``ko.papers[i]``)."""

    @property
    def date(self) -> _dt.date | None:
        """The issue date."""
        return self.ko.date

    def issue(self, lang: str) -> Issue:
        """The issue in ``lang``, falling back to Korean."""
        return self.en if lang == "en" and self.en is not None else self.ko

    def is_translated(self, lang: str) -> bool:
        """False when ``lang`` pages must show the Korean text with a notice."""
        return lang == "ko" or self.en is not None


@dataclass(frozen=True)
class Catalog:
    """Everything the site is built from."""

    issues: tuple[IssueRecord, ...]
    """All issues, newest first (ties broken by slug, for reproducible builds)."""

    papers: tuple[PaperRecord, ...]
    """All papers, newest first then by id."""

    topics: tuple[Topic, ...]
    """All topics, in ``topics.yml`` order."""

    @cached_property
    def _papers_by_id(self) -> dict[str, PaperRecord]:
        return {record.id: record for record in self.papers}

    @cached_property
    def _topics_by_id(self) -> dict[str, Topic]:
        return {topic.id: topic for topic in self.topics}

    def paper(self, paper_id: str) -> PaperRecord:
        """The paper with that id (KeyError if none)."""
        return self._papers_by_id[paper_id]

    def topic(self, topic_id: str) -> Topic:
        """The topic with that id (KeyError if none)."""
        return self._topics_by_id[topic_id]
