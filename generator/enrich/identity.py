"""Paper identity: which featured items are the same paper, and the paper's readable id.

Automatic merges happen only when they are certain:

* the same arXiv id in the Korean item's links;
* the same normalised English title;
* the same *core name* — the title without its subtitle (``Name: subtitle``) and without an
  acronym in parentheses (``Tiny Recursive Model (TRM)``), at least two words long;
* one core name continuing into the other's title with a connecting word
  (``Artificial Hippocampus Networks`` ↔ ``Artificial Hippocampus Networks for Efficient …``).

Two items of one issue are never merged automatically, nor items that ``papers.yml`` splits,
nor titles whose parenthesised acronyms differ. Editors merge the rest in ``papers.yml``;
pairs that merely look alike are reported by :func:`likely_duplicates`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations

from slugify import slugify

from generator.catalog_model import Appearance
from generator.enrich.overrides import ItemRef, Overrides, PaperOverride
from generator.model import LinkKind, Location, Problem, Severity
from generator.urls import RESERVED_IDS

ID_MAX_LENGTH = 48
"""Longest generated paper id, in characters (cut at a word boundary, trailing small words dropped)."""

_ARXIV = re.compile(r"arxiv\.org/(?:abs|pdf|html)/(\d{4}\.\d{4,5})", re.IGNORECASE)
_PARENS = re.compile(r"\(([^()]*)\)")
_ACRONYM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]{1,11}$")
_SUBTITLE = re.compile(r"\s*(?::|\s[—–-]\s)\s*")
_CONNECTORS = frozenset("for via with in on of to from through using by as at under beyond".split())
_TRAILING = _CONNECTORS | frozenset("a an the and or".split())
_STOPWORDS = _TRAILING | frozenset(
    "is are new towards toward model language large llm ai learning".split()
)


def normalise(text: str) -> str:
    """Title text for comparison: NFKC, case-folded, punctuation to spaces, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def core_name(title: str) -> str:
    """The normalised name part of an English title: no subtitle, no parenthesised acronym."""
    head = _SUBTITLE.split(title, maxsplit=1)[0]
    return normalise(_PARENS.sub(" ", head))


def acronyms(title: str) -> frozenset[str]:
    """Acronyms written in parentheses in a title (``TRM`` in ``Tiny Recursive Model (TRM)``)."""
    found = set()
    for inner in _PARENS.findall(title):
        inner = inner.strip()
        if _ACRONYM.match(inner) and sum(ch.isupper() for ch in inner) >= 2:
            found.add(inner.upper())
    return frozenset(found)


def arxiv_ids(appearance: Appearance) -> frozenset[str]:
    """arXiv ids in the Korean item's links (the English translation is not trusted for identity)."""
    return frozenset(
        match.group(1)
        for link in appearance.ko.links
        if link.url and link.kind in (LinkKind.PAPER, LinkKind.OTHER)
        for match in [_ARXIV.search(link.url)]
        if match
    )


def english_titles(appearance: Appearance) -> tuple[str, ...]:
    """English titles of an item: the Korean item's, then the translation's; no duplicates."""
    titles = [p.title_en for p in (appearance.ko, appearance.en) if p is not None and p.title_en]
    return tuple(dict.fromkeys(t.strip() for t in titles if t.strip()))


def _tokens(text: str) -> frozenset[str]:
    words = normalise(_PARENS.sub(" ", text)).split()
    stems = {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words}
    return frozenset(w for w in stems if w not in _STOPWORDS and len(w) > 1)


@dataclass(frozen=True)
class Names:
    """Everything identity compares about one item."""

    titles: frozenset[str]
    """Normalised English titles."""

    cores: frozenset[str]
    """Core names (see :func:`core_name`) of at least two words."""

    acronyms: frozenset[str]
    """Parenthesised acronyms of the English titles."""

    other: frozenset[str]
    """Normalised Korean titles and headings (for ``aliases`` only)."""

    arxiv: frozenset[str]
    """arXiv ids of the Korean item."""

    tokens: frozenset[str]
    """Distinctive title words (stop words removed, plural ``s`` dropped)."""

    @classmethod
    def of(cls, appearance: Appearance) -> Names:
        """Names of one appearance."""
        titles = english_titles(appearance)
        cores = {core_name(t) for t in titles}
        other = {normalise(p.title_ko or "") for p in (appearance.ko, appearance.en) if p is not None}
        other |= {normalise(p.heading) for p in (appearance.ko, appearance.en) if p is not None}
        return cls(
            titles=frozenset(normalise(t) for t in titles) - {""},
            cores=frozenset(c for c in cores if len(c.split()) >= 2),
            acronyms=frozenset().union(*(acronyms(t) for t in titles)),
            other=frozenset(other) - {""},
            arxiv=arxiv_ids(appearance),
            tokens=frozenset().union(*(_tokens(t) for t in titles)),
        )

    def matches_alias(self, alias: str) -> bool:
        """True when ``alias`` names this item (English title, core name, Korean title or heading)."""
        wanted = normalise(alias)
        return bool(wanted) and (
            wanted in self.titles or wanted in self.other or core_name(alias) in self.cores
        )


def certain_reason(a: Names, b: Names) -> str | None:
    """Why two items are certainly the same paper, or ``None``."""
    if a.arxiv & b.arxiv:
        return f"same arXiv id {min(a.arxiv & b.arxiv)}"
    if a.acronyms and b.acronyms and not a.acronyms & b.acronyms:
        return None
    if a.titles & b.titles:
        return "same English title"
    if a.cores & b.cores:
        return f"same name `{min(a.cores & b.cores)}`"
    for shorter, longer in ((a, b), (b, a)):
        for core in shorter.cores:
            for title in longer.titles:
                rest = title[len(core):].split() if title.startswith(core + " ") else []
                if rest and rest[0] in _CONNECTORS:
                    return f"`{title}` extends the name `{core}`"
    return None


def likely_reason(a: Names, b: Names) -> str | None:
    """Why two items that were not merged may still be the same paper, or ``None``."""
    shared_acronyms = a.acronyms & b.acronyms
    if shared_acronyms:
        return f"both are called {', '.join(sorted(shared_acronyms))}"
    shared = a.tokens & b.tokens
    union = a.tokens | b.tokens
    if len(shared) >= 2 and len(shared) / len(union) >= 0.3:
        return f"their titles share {', '.join(sorted(shared))}"
    return None


def _certain_keys(names: Names) -> set[tuple[str, ...]]:
    """Keys two items share whenever :func:`certain_reason` can hold for them."""
    keys = {("arxiv", a) for a in names.arxiv} | {("title", t) for t in names.titles}
    keys |= {("core", c) for c in names.cores}
    for title in names.titles:  # a core name continued by a connecting word: `<core> for …`
        words = title.split()
        keys |= {("core", " ".join(words[:k])) for k in range(1, len(words)) if words[k] in _CONNECTORS}
    return keys


KEY_TOKENS = 24
"""Most distinctive title words of one item that make its word-pair keys (a longer title is no title)."""

LIKELY_KEY_ITEMS = 100
"""A word pair or acronym shared by more items than this suggests no duplicate and is not compared."""


def _likely_keys(names: Names) -> set[tuple[str, ...]]:
    """Keys two items share whenever :func:`likely_reason` can hold (an acronym or two title words)."""
    keys = {("acronym", a) for a in names.acronyms}
    return keys | {("words", *pair) for pair in combinations(sorted(names.tokens)[:KEY_TOKENS], 2)}


def _candidate_pairs(names: Sequence[Names], keys_of, issue_of: Sequence[int],
                     max_items: int | None = None) -> Iterator[tuple[int, int]]:
    """Pairs ``i < j`` of items of *different* issues sharing a key, in the order of ``combinations``
    (so results do not change). Items of one issue are never merged nor reported, so their pairs are
    never made: identity stays linear in the items of one issue, and near-linear on an archive (only
    items sharing a key across issues are compared). Pairs are made one item at a time, never all at once."""
    keys = [keys_of(item) for item in names]
    buckets: dict[tuple[str, ...], list[int]] = {}
    for i, item_keys in enumerate(keys):
        for key in item_keys:
            buckets.setdefault(key, []).append(i)
    useful = {key for key, members in buckets.items()
              if len(members) > 1 and (max_items is None or len(members) <= max_items)
              and any(issue_of[m] != issue_of[members[0]] for m in members)}
    for i, item_keys in enumerate(keys):
        partners: set[int] = set()
        for key in item_keys & useful:
            members = buckets[key]
            partners.update(j for j in members[bisect_right(members, i):] if issue_of[j] != issue_of[i])
        for j in sorted(partners):
            yield i, j


class _UnionFind:
    """Union-find over item indices that knows the issues and the ``splits:`` partners of each group,
    so that a union's conflicts are found without listing pairs."""

    def __init__(self, issue_of: Sequence[int], split_partners: dict[int, set[int]]) -> None:
        self.parent = list(range(len(issue_of)))
        self.members: dict[int, set[int]] = {i: {i} for i in range(len(issue_of))}
        self.issues: dict[int, set[int]] = {i: {issue} for i, issue in enumerate(issue_of)}
        self.split_partners = split_partners

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def split_conflict(self, i: int, j: int) -> tuple[int, int] | None:
        """Two items that ``splits:`` keeps apart which uniting ``i`` and ``j`` would join, or ``None``."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return None
        small, large = sorted((self.members[ri], self.members[rj]), key=len)
        for x in sorted(small):
            hit = sorted(self.split_partners.get(x, set()) & large)
            if hit:
                return min(x, hit[0]), max(x, hit[0])
        return None

    def issue_conflict(self, i: int, j: int) -> bool:
        """True when the groups of ``i`` and ``j`` are different and hold items of one issue."""
        ri, rj = self.find(i), self.find(j)
        return ri != rj and not self.issues[ri].isdisjoint(self.issues[rj])

    def union(self, i: int, j: int) -> None:
        ri, rj = sorted((self.find(i), self.find(j)))
        if ri != rj:
            self.parent[rj] = ri
            for table in (self.members, self.issues):
                a, b = table[ri], table.pop(rj)
                table[ri] = a | b if len(a) >= len(b) else b | a

    def groups(self) -> list[list[int]]:
        return sorted(sorted(members) for members in self.members.values())


@dataclass(frozen=True)
class PaperGroup:
    """Items found to be one paper, with its id and the ``papers.yml`` entries that apply."""

    id: str
    """The paper id."""

    members: tuple[int, ...]
    """Indices into the appearance list, in that list's order (oldest first)."""

    overrides: tuple[PaperOverride, ...]
    """``papers.yml`` entries that selected any of these items."""


@dataclass(frozen=True)
class Identification:
    """Result of :func:`identify`."""

    groups: tuple[PaperGroup, ...]
    """One group per paper, in order of first appearance."""

    problems: tuple[Problem, ...]
    """Errors and warnings about ``papers.yml`` and identity."""


def identify(appearances: Sequence[Appearance], overrides: Overrides) -> Identification:
    """Group ``appearances`` (oldest first) into papers and give each a readable, stable id."""
    names = [Names.of(a) for a in appearances]
    index = {(a.issue_slug, a.position): i for i, a in enumerate(appearances)}
    slugs = {a.issue_slug for a in appearances}
    issue_of = _issue_numbers(appearances)
    problems: list[Problem] = []

    split_partners: dict[int, set[int]] = {}
    for split in overrides.splits:
        members = set(_resolve(split.items, index, slugs, problems))
        for i in members:
            split_partners.setdefault(i, set()).update(members - {i})
    uf = _UnionFind(issue_of, split_partners)

    selected: dict[int, list[PaperOverride]] = {}
    for override in overrides.papers:
        members = _resolve(override.items, index, slugs, problems)
        for alias in override.aliases:
            hits = [i for i, n in enumerate(names) if n.matches_alias(alias)]
            if not hits:
                problems.append(_warn(override.location, f"alias `{alias}` matches no featured paper",
                                      "check the spelling against the issue, or remove the alias"))
            members.extend(hits)
        members = sorted(set(members))
        for i in members:
            selected.setdefault(i, []).append(override)
        for i in members[1:]:
            pair = uf.split_conflict(members[0], i)
            if pair is not None:
                x, y = pair
                problems.append(Problem(override.location, Severity.ERROR,
                                        f"this entry merges {_ref(appearances[x])} and {_ref(appearances[y])}, "
                                        "which `splits:` keeps apart", "remove one of the two statements"))
                continue
            uf.union(members[0], i)

    for i, j in _candidate_pairs(names, _certain_keys, issue_of):
        if uf.find(i) == uf.find(j) or uf.issue_conflict(i, j) or uf.split_conflict(i, j) is not None:
            continue
        if certain_reason(names[i], names[j]):
            uf.union(i, j)

    groups = uf.groups()
    ids = _assign_ids(groups, appearances, selected, problems)
    result = tuple(
        PaperGroup(paper_id, tuple(members), tuple(dict.fromkeys(o for i in members for o in selected.get(i, ()))))
        for paper_id, members in zip(ids, groups)
    )
    return Identification(result, tuple(problems))


def likely_duplicates(appearances: Sequence[Appearance], identification: Identification,
                      overrides: Overrides) -> list[Problem]:
    """Warnings for pairs of papers that look alike but were not merged nor split by the editors."""
    names = [Names.of(a) for a in appearances]
    index = {(a.issue_slug, a.position): i for i, a in enumerate(appearances)}
    split_pairs = {
        frozenset((index[x.key], index[y.key]))
        for split in overrides.splits
        for x, y in combinations(split.items, 2)
        if x.key in index and y.key in index
    }
    group_of = {i: g for g in identification.groups for i in g.members}
    problems = []
    for i, j in _candidate_pairs(names, _likely_keys, _issue_numbers(appearances), LIKELY_KEY_ITEMS):
        a, b = appearances[i], appearances[j]
        if group_of[i] is group_of[j] or frozenset((i, j)) in split_pairs:
            continue
        reason = likely_reason(names[i], names[j])
        if reason is None:
            continue
        problems.append(_warn(
            b.ko.location,
            f"`{preferred_title(b)}` ({_ref(b)}, id `{group_of[j].id}`) may be the same paper as `{preferred_title(a)}` "
            f"({_ref(a)}, id `{group_of[i].id}`): {reason}",
            f"if it is, list both under one `papers:` entry in content/papers.yml "
            f"(`items: [{_ref(a)}, {_ref(b)}]`); if not, add `- [{_ref(a)}, {_ref(b)}]` under `splits:`",
        ))
    return sorted(problems, key=lambda p: p.location)


def preferred_title(appearance: Appearance) -> str:
    """The title a generated id is made from: English from the Korean item, else the translation's, else Korean."""
    english = english_titles(appearance)
    if english:
        return english[0]
    return appearance.ko.title_ko or appearance.ko.heading


def slug_for(title: str) -> str:
    """A readable ASCII id for a title: its core name (or the whole title) through python-slugify."""
    head = _SUBTITLE.split(title, maxsplit=1)[0]
    for text in (_PARENS.sub(" ", head), head, title):
        words = slugify(text, max_length=ID_MAX_LENGTH, word_boundary=True, save_order=True).split("-")
        while len(words) > 1 and words[-1] in _TRAILING:
            words.pop()
        if any(words):
            return "-".join(words)
    return ""


def _assign_ids(groups: list[list[int]], appearances: Sequence[Appearance],
                selected: dict[int, list[PaperOverride]], problems: list[Problem]) -> list[str]:
    pinned: list[str | None] = []
    for members in groups:
        pins = list(dict.fromkeys(o.id for i in members for o in selected.get(i, ()) if o.id))
        if len(pins) > 1:
            problems.append(Problem(selected[members[0]][0].location, Severity.ERROR,
                                    f"one paper has several pinned ids: {', '.join(pins)}",
                                    "keep one `id:` for the paper"))
        pinned.append(pins[0] if pins else None)
    taken = {p for p in pinned if p} | RESERVED_IDS  # a paper titled "Index" gets `index-2`, not the index's URL
    ids = []
    for members, pin in zip(groups, pinned):
        if pin:
            ids.append(pin)
            continue
        first = appearances[members[0]]
        base = slug_for(preferred_title(first)) or slugify(f"paper {first.issue_slug} {first.position}")
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate)
        ids.append(candidate)
        if not first.ko.title_en:
            source = "the English translation" if english_titles(first) else "the Korean title"
            problems.append(_warn(
                first.ko.location,
                f"the id `{candidate}` of this paper is made from {source}, as its heading has no English name",
                f"pin it in content/papers.yml (`- id: {candidate}` with `items: [{_ref(first)}]`), "
                "or a better one, so that its URL never changes"))
    return ids


def _resolve(refs: Iterable[ItemRef], index: dict[tuple[str, int], int], slugs: set[str], problems: list[Problem]) -> list[int]:
    members = []
    for ref in refs:
        if ref.key in index:
            members.append(index[ref.key])
        elif ref.issue_slug not in slugs:
            problems.append(Problem(ref.location, Severity.ERROR, f"no issue `{ref.issue_slug}` in content/ko/",
                                    "use the file name of the issue without `.md`"))
        else:
            problems.append(Problem(ref.location, Severity.ERROR,
                                    f"issue `{ref.issue_slug}` has no paper #{ref.position}",
                                    "count the papers of the issue (`digest parse`) and fix the position"))
    return members


def _issue_numbers(appearances: Sequence[Appearance]) -> list[int]:
    """A number per issue slug, for each appearance (comparing ints is cheaper than slugs)."""
    numbers: dict[str, int] = {}
    return [numbers.setdefault(a.issue_slug, len(numbers)) for a in appearances]


def _ref(appearance: Appearance) -> str:
    return f"{appearance.issue_slug}#{appearance.position}"


def _warn(location: Location, message: str, hint: str) -> Problem:
    return Problem(location, Severity.WARNING, message, hint)
