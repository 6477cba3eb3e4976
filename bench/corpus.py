"""Scale corpus: N realistic issues recombined from the seed issues, for the benchmark.

``python -m bench.corpus OUT --papers 1000 [--seed 1] [--source content]`` writes into ``OUT``
(never into ``content/``)::

    OUT/ko/<date>-<newsletter>.md    Korean issues, one a week from 2016-01-03
    OUT/en/<date>-<newsletter>.md    their English counterparts (same papers, same order)
    OUT/topics.yml                   copy of the source's topics
    OUT/papers.yml                   a few pinned ids (exercises the overrides)

How an issue is made: each seed issue (``content/ko/*.md`` with its ``content/en/`` translation,
whose paragraphs line up one to one) is a *layout*. Issue ``i`` takes layout ``i mod 5`` and
keeps its head (front matter, title, intro, glossary…) and tail (footer), then fills its item
slots, in shuffled order, from that layout's items: each item keeps its heading paragraph and
link line, gets a new paper name (a coined English name, unique in the corpus, so that paper
identity sees distinct papers), a new arXiv id when it had one, and body paragraphs recombined
from all items of the layout. About one slot in eight repeats a paper featured in a recent issue
of the same layout (same name and arXiv id), so that papers appear in several issues. The whole
corpus is a function of ``(papers, seed)``.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"

FIRST_DATE = _dt.date(2016, 1, 3)
"""Date of the first generated issue; one issue a week follows."""

REPEAT_SHARE = 0.12
"""Share of item slots that feature a paper again (from a recent issue of the same layout)."""

REPEAT_WINDOW = 40
"""How many earlier issues of the layout a repeated paper may come from."""

SWAP_SHARE = 0.5
"""Share of an item's body paragraphs replaced by a body paragraph of another item."""

# Item headings, by layout (checked in this order on the Korean text's paragraph starts).
_ITEM_STARTS = (
    re.compile(r"^\d+\.\s+\*\*"),  # 1.  **Name: 부제**
    re.compile(r"^\*\*\d+\.\s"),  # **1. 제목**
    re.compile(r"^\*\*[^*\n]+\(\s*\["),  # **한국어 제목(English) ( [논문](…) )**
    re.compile(r"^\*\*[^*\n]+\*\*"),  # **Name**는 …
)
_TAIL = re.compile(r"^(❤️|구독하기)")
_SEPARATOR = re.compile(r"^\s*(---+|===+)\s*$")
_LINKS = re.compile(r"\]\(|^\s*논문\s*\||^\s*Paper\s*\||\*\*편집자 메시지\*\*|\*\*Editor", re.MULTILINE)
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_NUMBER = re.compile(r"^(\s*)(\d+)\.(\s+)")
_BOLD_NUMBER = re.compile(r"^(\*\*)(\d+)\.\s")
_LINK_PARENS = re.compile(r"\s*\(\s*\[.*$", re.DOTALL)
_LATIN_PARENS = re.compile(r"\(([^()가-힣]*[A-Za-z][^()가-힣]*)\)")
_LATIN_NAME = re.compile(r"^[^가-힣:]*[A-Za-z][^가-힣:]*(?=:\s)")
_ARXIV = re.compile(r"(arxiv\.org/(?:abs|pdf|html)/)\d{4}\.\d{4,5}", re.IGNORECASE)
_HANGUL = re.compile(r"[가-힣]")

_SYLLABLES = (
    "ka ve lo ri tan mor sel quin dra vex ul bri cor dav el fen gal hob ix jor ken lum mir nal "
    "or pel ros sab tor ud vin wes yar zel ar bel cin dor esk fal gri hal isk jun"
).split()
_SUFFIXES = (
    "Net Former Agent Bench RL LM Search Planner Memory Reasoner Coder Vision Flow Mixer "
    "Tuner Judge Router Align Distill Scale"
).split()


@dataclass(frozen=True)
class Pair:
    """One paragraph in both languages (the seeds' paragraphs line up one to one)."""

    ko: str
    """Korean paragraph, lines as written."""

    en: str
    """English paragraph, lines as written."""


@dataclass(frozen=True)
class Item:
    """One paper item of a seed: its paragraphs, heading first."""

    paragraphs: tuple[Pair, ...]
    """Heading paragraph, body paragraphs, link line, separators — in order."""

    swappable: tuple[int, ...]
    """Indices of the body paragraphs that may be replaced by another item's."""


@dataclass(frozen=True)
class Layout:
    """One seed issue, cut into head, items and tail."""

    stem: str
    """Seed file name without its date and ``.md`` (``dair-top-ai-papers-oct-6-12``)."""

    newsletter: str
    """Slug part naming the newsletter of generated issues (``dair-top-ai-papers``)."""

    front_ko: dict
    """Korean front matter."""

    front_en: dict
    """English front matter."""

    head: tuple[Pair, ...]
    """Paragraphs before the first item."""

    items: tuple[Item, ...]
    """Paper items."""

    tail: tuple[Pair, ...]
    """Paragraphs after the last item (footer)."""

    pool: tuple[Pair, ...]
    """All swappable body paragraphs of the layout."""


@dataclass
class Paper:
    """A paper of the corpus (featured once or more)."""

    name: str
    """Coined English name, unique in the corpus."""

    arxiv: str
    """Synthetic arXiv id (used when the item had an arXiv link)."""

    item: int
    """Index of the layout item it is written with."""

    appearances: list[str] = field(default_factory=list)
    """``<slug>#<position>`` of every time it is featured."""


@dataclass(frozen=True)
class CorpusStats:
    """What :func:`generate` wrote."""

    issues: int
    """Issues per language."""

    items: int
    """Featured paper items per language (the benchmark's N)."""

    papers: int
    """Distinct papers."""

    source_bytes: int
    """Bytes of Markdown written, both languages."""


class CorpusError(Exception):
    """The seeds cannot be cut into a corpus, or the output folder is not allowed."""


# --------------------------------------------------------------------------------------------- reading seeds


def _split_front(text: str, path: Path) -> tuple[dict, str]:
    if not text.startswith("---\n"):
        raise CorpusError(f"{path}:1: error: no front matter — the seeds in content/ start with `---`")
    end = text.index("\n---\n", 4)
    return yaml.safe_load(text[4:end]) or {}, text[end + 5 :]


def _paragraphs(body: str) -> list[str]:
    found, current = [], []
    for line in body.split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            found.append("\n".join(current))
            current = []
    if current:
        found.append("\n".join(current))
    return found


def _item_start(paragraphs: list[Pair]) -> re.Pattern[str]:
    for pattern in _ITEM_STARTS:
        if sum(1 for p in paragraphs if pattern.match(p.ko)) >= 5:
            return pattern
    raise CorpusError("no layout found: fewer than 5 item headings")


def read_layout(ko_path: Path, en_path: Path) -> Layout:
    """Cut one seed (both languages) into head, items and tail."""
    front_ko, body_ko = _split_front(ko_path.read_text(encoding="utf-8"), ko_path)
    front_en, body_en = _split_front(en_path.read_text(encoding="utf-8"), en_path)
    ko, en = _paragraphs(body_ko), _paragraphs(body_en)
    if len(ko) != len(en):
        raise CorpusError(f"{en_path}:1: error: {len(en)} paragraphs, the Korean issue has {len(ko)} — "
                          "the corpus needs translations whose paragraphs line up")
    pairs = [Pair(k, e) for k, e in zip(ko, en)]
    start = _item_start(pairs)
    starts = [i for i, p in enumerate(pairs) if start.match(p.ko)]
    tail_at = next((i for i in range(starts[-1] + 1, len(pairs)) if _TAIL.match(pairs[i].ko)), len(pairs))
    bounds = starts + [tail_at]
    items = []
    for a, b in zip(bounds, bounds[1:]):
        paragraphs = tuple(pairs[a:b])
        content = [i for i in range(1, len(paragraphs)) if not _SEPARATOR.match(paragraphs[i].ko)]
        swappable = tuple(i for i in content[:-1] if not _LINKS.search(paragraphs[i].ko + paragraphs[i].en))
        items.append(Item(paragraphs, swappable))
    stem = ko_path.stem[11:] if re.match(r"\d{4}-\d{2}-\d{2}-", ko_path.stem) else ko_path.stem
    newsletter = "llm-watch" if stem.startswith("llm-watch") else "-".join(stem.split("-")[:4])
    return Layout(
        stem=stem,
        newsletter=newsletter,
        front_ko=front_ko,
        front_en=front_en,
        head=tuple(pairs[: starts[0]]),
        items=tuple(items),
        tail=tuple(pairs[tail_at:]),
        pool=tuple(item.paragraphs[i] for item in items for i in item.swappable),
    )


def read_layouts(source: Path) -> list[Layout]:
    """Every seed of ``source/ko`` that has an English counterpart, as a layout (sorted by name)."""
    layouts = [read_layout(ko, source / "en" / ko.name) for ko in sorted((source / "ko").glob("*.md"))
               if (source / "en" / ko.name).exists()]
    if not layouts:
        raise CorpusError(f"{source}/ko: error: no issue with an English counterpart — nothing to recombine")
    return layouts


# --------------------------------------------------------------------------------------------- rewriting


def _coined(rng: random.Random, taken: set[str]) -> str:
    while True:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        name = f"{word} {rng.choice(_SUFFIXES)}"
        if word not in taken:
            taken.add(word)
            return name


def _rename_ko(title: str, name: str) -> str:
    """Korean heading text with the English name replaced by ``name``."""
    if _LATIN_NAME.match(title):
        return _LATIN_NAME.sub(name, title, count=1)
    if _LATIN_PARENS.search(title):
        last = list(_LATIN_PARENS.finditer(title))[-1]
        return f"{title[:last.start()]}({name}){title[last.end():]}"
    if not _HANGUL.search(title):
        return name
    return f"{title}({name})"


def _rename(text: str, name: str, lang: str) -> str:
    """The heading paragraph with the first bold span's title replaced (links kept)."""
    match = _BOLD.search(text)
    if match is None:
        return text
    inner = match.group(1)
    number = _BOLD_NUMBER.match("**" + inner)
    prefix = inner[: number.end() - 2] if number else ""
    title = inner[len(prefix):]
    links = _LINK_PARENS.search(title)
    suffix = title[links.start():] if links else ""
    title = title[: links.start()] if links else title
    new_title = _rename_ko(title, name) if lang == "ko" else name
    return f"{text[:match.start()]}**{prefix}{new_title}{suffix}**{text[match.end():]}"


def _renumber(text: str, position: int) -> str:
    match = _NUMBER.match(text)
    if match and not text.lstrip().startswith("**"):
        mark = f"{position}."
        return f"{match.group(1)}{mark}{' ' * max(1, 4 - len(mark))}{text[match.end():]}"
    match = _BOLD_NUMBER.match(text)
    if match:
        return f"**{position}. {text[match.end():]}"
    return text


def _item_text(layout: Layout, paper: Paper, position: int, rng: random.Random) -> list[Pair]:
    item = layout.items[paper.item]
    out = []
    for i, pair in enumerate(item.paragraphs):
        if i in item.swappable and rng.random() < SWAP_SHARE:
            pair = rng.choice(layout.pool)
        if i == 0:
            pair = Pair(_renumber(_rename(pair.ko, paper.name, "ko"), position),
                        _renumber(_rename(pair.en, paper.name, "en"), position))
        out.append(Pair(_ARXIV.sub(rf"\g<1>{paper.arxiv}", pair.ko), _ARXIV.sub(rf"\g<1>{paper.arxiv}", pair.en)))
    return out


def _front(front: dict, date: _dt.date, number: int, lang: str) -> str:
    data = dict(front)
    data["date"] = date
    if "title" in data:
        data["title"] = f"{data['title']} ({number}호)" if lang == "ko" else f"{data['title']} (No. {number})"
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


# --------------------------------------------------------------------------------------------- generating


def _check_out(out: Path, source: Path) -> None:
    out, content = out.resolve(), CONTENT.resolve()
    for forbidden in (content, source.resolve()):
        if out == forbidden or forbidden in out.parents:
            raise CorpusError(f"{out}: error: the corpus never goes into {forbidden} — choose a scratch folder "
                              "such as bench/out/corpus")


def generate(out: Path, papers: int, seed: int = 1, source: Path = CONTENT) -> CorpusStats:
    """Write a corpus of ``papers`` featured items per language into ``out`` (replacing its ko/ and en/)."""
    _check_out(out, source)
    layouts = read_layouts(source)
    rng = random.Random(seed)
    for lang in ("ko", "en"):
        shutil.rmtree(out / lang, ignore_errors=True)
        (out / lang).mkdir(parents=True)
    shutil.copyfile(source / "topics.yml", out / "topics.yml")

    taken: set[str] = set()
    recent: list[list[list[Paper]]] = [[] for _ in layouts]  # per layout: papers of each past issue
    every: list[Paper] = []
    items = issues = written = 0
    while items < papers:
        layout_no = issues % len(layouts)
        layout = layouts[layout_no]
        date = FIRST_DATE + _dt.timedelta(weeks=issues)
        slug = f"{date.isoformat()}-{layout.newsletter}"
        order = rng.sample(range(len(layout.items)), len(layout.items))[: papers - items]
        window = [p for past in recent[layout_no][-REPEAT_WINDOW:] for p in past]
        featured: list[Paper] = []
        body: list[Pair] = list(layout.head)
        for position, item_no in enumerate(order, start=1):
            again = [p for p in window if p.item == item_no and p not in featured]
            if again and rng.random() < REPEAT_SHARE:
                paper = rng.choice(again)
            else:
                number = len(every)
                paper = Paper(_coined(rng, taken), f"{24 + number // 90000:02d}{1 + number // 7500 % 12:02d}."
                              f"{number % 100000:05d}", item_no)
                every.append(paper)
            paper.appearances.append(f"{slug}#{position}")
            featured.append(paper)
            body.extend(_item_text(layout, paper, position, rng))
        body.extend(layout.tail)
        recent[layout_no].append(featured)
        for lang, front in (("ko", layout.front_ko), ("en", layout.front_en)):
            text = _front(front, date, issues + 1, lang) + "\n\n".join(getattr(p, lang) for p in body) + "\n"
            data = text.encode("utf-8")
            (out / lang / f"{slug}.md").write_bytes(data)
            written += len(data)
        items += len(order)
        issues += 1
    (out / "papers.yml").write_text(_papers_yml(every), encoding="utf-8")
    return CorpusStats(issues=issues, items=items, papers=len(every), source_bytes=written)


def _papers_yml(papers: list[Paper]) -> str:
    """Pinned ids for one repeated paper in 25 (the way editors pin ids before renaming)."""
    entries = [
        {"id": f"pinned-{p.name.lower().replace(' ', '-')}", "items": p.appearances}
        for p in papers if len(p.appearances) > 1
    ][::25]
    return "# Generated by bench/corpus.py: pinned ids of some repeated papers.\n" + yaml.safe_dump(
        {"papers": entries}, allow_unicode=True, sort_keys=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="scratch folder to write (never content/)")
    parser.add_argument("--papers", type=int, default=1000, help="featured paper items per language")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same corpus)")
    parser.add_argument("--source", type=Path, default=CONTENT, help="content folder with the seed issues")
    args = parser.parse_args(argv)
    try:
        stats = generate(args.out, args.papers, args.seed, args.source)
    except CorpusError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"corpus: {args.out}: {stats.issues} issues, {stats.items} items, {stats.papers} papers, "
          f"{stats.source_bytes / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
