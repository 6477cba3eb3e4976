"""Enrichment: parsed issues of both languages → one :class:`~generator.catalog_model.Catalog`.

* :func:`load_catalog` parses ``content/ko/*.md`` and ``content/en/*.md``, reads
  ``content/topics.yml`` and ``content/papers.yml``, and returns the catalog with every problem
  (parse problems included): what a site build needs.
* :func:`parse_content` reads and parses both languages (phases 1–2 of the build);
  :func:`enrich_content` turns the parsed issues into the catalog (phase 3).
* :func:`catalog_problems` returns only the enrichment problems (``papers.yml``, ``topics.yml``,
  identity, likely duplicates, empty topics): what ``digest check`` adds to the parse problems.
* :func:`build_catalog` does the work on already parsed issues (tests use it directly).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from pathlib import Path

from generator.contentfiles import language_files
from generator.catalog_model import Appearance, Catalog, IssueRecord, PaperRecord, Topic
from generator.enrich.identity import PaperGroup, identify, likely_duplicates
from generator.enrich.overrides import Overrides, load_overrides
from generator.enrich.topics import TopicScorer, load_topics
from generator.enrich.translations import mismatch, mismatch_problem
from generator.model import Issue, Link, ParseResult, Problem, Severity
from generator.parser import parse_file

__all__ = ["build_catalog", "catalog_problems", "enrich_content", "load_catalog", "parse_content"]


def load_catalog(content_dir: Path) -> tuple[Catalog, list[Problem]]:
    """The catalog of ``content_dir`` and every problem found on the way (parse problems first)."""
    ko, en, problems = parse_content(content_dir)
    catalog, enrich_problems = enrich_content(content_dir, ko, en)
    return catalog, problems + enrich_problems


def catalog_problems(content_dir: Path) -> list[Problem]:
    """Problems of enrichment only (the parse problems of each file are not repeated)."""
    ko, en, _ = parse_content(content_dir)
    return enrich_content(content_dir, ko, en)[1]


ParseCache = dict[tuple[str, str, int, int], ParseResult]
"""Parse results by (language, path, modification time, size): a preview parses again only the files saved."""


def parse_content(content_dir: Path, cache: ParseCache | None = None) -> tuple[list[Issue], list[Issue], list[Problem]]:
    """Parse the issues of ``content_dir/ko/`` and ``content_dir/en/`` (sorted by name; see
    :mod:`generator.contentfiles` for which files are issues — what is skipped is reported). With ``cache``, a
    file whose modification time and size are those of an earlier parse is not parsed again."""
    issues: dict[str, list[Issue]] = {"ko": [], "en": []}
    problems: list[Problem] = []
    for lang, found in issues.items():
        listing = language_files(content_dir / lang)  # the same list `digest check` reads
        problems.extend(listing.skipped)
        for path in listing.files:
            result = _parse(path, lang, cache)  # never raises: a parser bug is an error Problem
            problems.extend(result.problems)
            if result.issue is not None:
                found.append(result.issue)
    return issues["ko"], issues["en"], problems


def _parse(path: Path, lang: str, cache: ParseCache | None) -> ParseResult:
    if cache is None:
        return parse_file(path, lang=lang)
    try:
        stat = path.stat()
    except OSError:
        return parse_file(path, lang=lang)  # reading it reports the problem
    key = (lang, str(path), stat.st_mtime_ns, stat.st_size)
    if key not in cache:
        if len(cache) > 4096:
            cache.clear()
        cache[key] = parse_file(path, lang=lang)
    return cache[key]


def enrich_content(content_dir: Path, ko: list[Issue], en: list[Issue]) -> tuple[Catalog, list[Problem]]:
    """The catalog of parsed issues with ``content_dir``'s ``topics.yml`` and ``papers.yml``, and the
    enrichment problems (those files' own, paper identity, topics)."""
    topics, problems = load_topics(content_dir / "topics.yml")
    overrides, override_problems = load_overrides(content_dir / "papers.yml")
    catalog, build_problems = build_catalog(ko, en, topics, overrides)
    return catalog, problems + override_problems + build_problems


def _date_key(date: _dt.date | None) -> _dt.date:
    return date or _dt.date.min


def build_catalog(ko_issues: Sequence[Issue], en_issues: Sequence[Issue], topics: Sequence[Topic],
                  overrides: Overrides = Overrides()) -> tuple[Catalog, list[Problem]]:
    """Pair the languages, identify papers across issues, assign topics; report what is wrong."""
    problems: list[Problem] = []
    ko_issues, en_issues = _unique(ko_issues, problems), _unique(en_issues, problems)
    korean = sorted(ko_issues, key=lambda issue: (_date_key(issue.date), issue.slug))
    korean_slugs = {issue.slug for issue in korean}
    english = _translations(korean, en_issues, problems)
    for issue in en_issues:
        if issue.slug not in korean_slugs:
            problems.append(Problem(issue.location, Severity.WARNING,
                                    f"English issue `{issue.slug}` has no Korean original and is not published",
                                    f"add content/ko/{issue.slug}.md or rename the English file to match it"))

    appearances = [
        Appearance(issue.slug, issue.date, paper.position, paper, _english_item(english.get(issue.slug), i))
        for issue in korean
        for i, paper in enumerate(issue.papers)
    ]
    identification = identify(appearances, overrides)
    problems.extend(identification.problems)
    problems.extend(likely_duplicates(appearances, identification, overrides))

    topic_ids = {t.id for t in topics}
    for override in overrides.papers:
        for topic_id, location in zip(override.topics, override.topic_locations or
                                      (override.location,) * len(override.topics)):
            if topic_id not in topic_ids:
                problems.append(Problem(location, Severity.ERROR, f"unknown topic `{topic_id}`",
                                        f"use one of: {', '.join(sorted(topic_ids))}"))

    scorer = TopicScorer.of(topics)
    papers = [_record(group, appearances, scorer, topic_ids, problems) for group in identification.groups]
    ids_by_item = {(a.issue_slug, a.position): record.id for record in papers for a in record.appearances}

    used = {topic_id for record in papers for topic_id in record.topics}
    for topic in topics:
        if topic.id not in used:
            problems.append(Problem(topic.location, Severity.WARNING, f"topic `{topic.id}` has no paper",
                                    "add keywords that occur in paper titles or bodies, or remove the topic"))

    issues = [
        IssueRecord(issue.slug, issue, english.get(issue.slug),
                    tuple(ids_by_item[(issue.slug, p.position)] for p in issue.papers))
        for issue in korean
    ]
    issues.sort(key=lambda r: r.slug)
    issues.sort(key=lambda r: _date_key(r.date), reverse=True)
    papers.sort(key=lambda r: r.id)
    papers.sort(key=lambda r: _date_key(r.latest_date), reverse=True)
    catalog = Catalog(tuple(issues), tuple(papers), tuple(t for t in topics if t.id in used))
    return catalog, problems


SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""What an issue slug (file stem or ``slug:``) may be: it is the page's web address."""
RESERVED_SLUGS = frozenset({"index", "feed", "api", "assets", "search", "en", "ko", "issues", "papers", "topics",
                            "404", "sitemap", "stylesheets", "javascripts"})
"""Names the site uses itself."""

MAX_ITEMS_PER_ISSUE = 1000
"""Most paper items one issue may have (a real issue has 5–30; thousands are pasted data)."""


def _unique(issues: Sequence[Issue], problems: list[Problem]) -> list[Issue]:
    """The issues of one language without copies: a second issue with the slug (web address) of
    another, or with its date and title, is an error and is left out."""
    by_slug: dict[str, Issue] = {}
    by_date_title: dict[tuple[_dt.date, str], Issue] = {}
    for issue in sorted(issues, key=lambda issue: issue.path):
        key = (issue.date, " ".join(issue.title.split()).casefold()) if issue.date and issue.title else None
        if not SLUG.fullmatch(issue.slug) or issue.slug in RESERVED_SLUGS:
            problems.append(Problem(issue.location, Severity.ERROR,  # format() escapes control characters
                                    f"the issue slug '{issue.slug[:80]}' (from the file name) is not a valid web address"
                                    + (" — it is a reserved name" if issue.slug in RESERVED_SLUGS else ""),
                                    "rename the file to lowercase letters, digits and hyphens, e.g. "
                                    "`2025-10-12-weekly-papers.md`, or set `slug:` in the front matter"))
        elif len(issue.papers) > MAX_ITEMS_PER_ISSUE:
            problems.append(Problem(issue.location, Severity.ERROR,
                                    f"the issue has {len(issue.papers)} paper items; the limit is {MAX_ITEMS_PER_ISSUE}",
                                    "split it into several issues, or remove pasted lists that are not papers"))
        elif issue.slug in by_slug:
            problems.append(Problem(issue.location, Severity.ERROR,
                                    f"issue slug `{issue.slug}` is also used by {by_slug[issue.slug].path}",
                                    "give one of the two another file name or `slug:` (the slug is the web address)"))
        elif key is not None and key in by_date_title:
            problems.append(Problem(issue.location, Severity.ERROR,
                                    f"issue has the same date and title as {by_date_title[key].path}",
                                    "delete the copy, or correct the date or title of one of them"))
        else:
            by_slug[issue.slug] = issue
            if key is not None:
                by_date_title[key] = issue
    return list(by_slug.values())


def _translations(korean: Sequence[Issue], en_issues: Sequence[Issue], problems: list[Problem]) -> dict[str, Issue]:
    """The English issue of each Korean slug, when it is provably a translation of it (same papers, see
    :func:`generator.enrich.translations.mismatch`); a mismatched one is left out with a warning, so that
    issue's English pages show the Korean text under the "not yet translated" notice."""
    english = {issue.slug: issue for issue in en_issues}
    for ko in korean:
        en = english.get(ko.slug)
        reason = mismatch(ko, en) if en is not None else None
        if en is not None and reason is not None:
            problems.append(mismatch_problem(ko, en, reason))
            del english[ko.slug]
    return english


def _english_item(issue: Issue | None, index: int):
    if issue is None or index >= len(issue.papers):
        return None
    return issue.papers[index]


def _topic_hint(topics_yml: Path) -> str:
    """What to do about a paper no topic keyword matches, naming the real ``topics.yml``/``papers.yml``."""
    return f"add keywords to {topics_yml} or pin `topics:` in {topics_yml.with_name('papers.yml')}"


def _record(group: PaperGroup, appearances: list[Appearance], scorer: TopicScorer, topic_ids: set[str],
            problems: list[Problem]) -> PaperRecord:
    items = tuple(appearances[i] for i in group.members)
    latest = items[-1]
    pinned = [t for o in group.overrides for t in o.topics if t in topic_ids]
    topics = scorer.assign([p for a in items for p in (a.ko, a.en) if p is not None], pinned)
    if not topics and scorer.topics:
        fallback = scorer.topics[0]
        problems.append(Problem(latest.ko.location, Severity.WARNING,
                                f"no topic keyword matches paper `{group.id}`; filed under `{fallback.id}`",
                                _topic_hint(Path(fallback.location.path))))
        topics = (fallback.id,)
    return PaperRecord(
        id=group.id,
        title_ko=_title_ko(latest),
        title_en=_title_en(items),
        topics=topics,
        links=merge_links(link for a in items for link in a.ko.links),
        appearances=items,
    )


def _title_ko(appearance: Appearance) -> str:
    """The Korean title; the whole heading when it is ``English Name: 한국어 부제`` (the name is part of it)."""
    item = appearance.ko
    if item.title_en and item.title_ko and item.heading.startswith(item.title_en):
        return item.heading
    return item.title_ko or item.title_en or item.heading


def _title_en(items: Sequence[Appearance]) -> str:
    """The newest English translation's title, else the newest English name of a Korean heading, else Korean."""
    for appearance in reversed(items):
        if appearance.en is not None and (appearance.en.title_en or appearance.en.heading):
            return appearance.en.title_en or appearance.en.heading
    named = [a.ko.title_en for a in items if a.ko.title_en]
    return named[-1] if named else items[-1].ko.title_ko or items[-1].ko.heading


def merge_links(links) -> tuple[Link, ...]:
    """One link per (kind, url), first seen first; placeholders only for kinds without a real link."""
    real: dict[tuple[str, str], Link] = {}
    placeholders: dict[str, Link] = {}
    for link in links:
        if link.url is None:
            placeholders.setdefault(link.kind.value, link)
        else:
            real.setdefault((link.kind.value, link.url), link)
    kinds = {kind for kind, _ in real}
    return tuple(real.values()) + tuple(link for kind, link in placeholders.items() if kind not in kinds)


