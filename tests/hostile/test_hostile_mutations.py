"""Mutated sources never crash the generator: the seed issues and the corpus, cut, spliced and
sprinkled with Markdown punctuation (a fixed random seed, so every run checks the same inputs),
go through the parser and the renderer, and some through the whole page build, without an exception.
(A run of this kind found ``https://arxiv.o[rg/…`` crashing page planning.)"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_cases import CORPUS  # noqa: E402
from hostile_site import CONTENT, ROOT  # noqa: E402

from generator.build import BuildSettings, build  # noqa: E402
from generator.enrich import build_catalog, parse_content  # noqa: E402
from generator.enrich.overrides import load_overrides  # noqa: E402
from generator.enrich.topics import load_topics  # noqa: E402
from generator.markdown import to_html, to_inline_html, to_plain_text  # noqa: E402
from generator.parser import parse_text  # noqa: E402

PIECES = [*"*_[]()<>!#-|:`\\\n \t1.가나다/\"'&;=~{}", "**", "](", "\n\n", "    ", "1.  ", "---\n", "```",
          "javascript:", "http://", "[", "\u200b", "\r", "\x00", "&#", "<!--"]
"""What the mutations insert: Markdown and HTML punctuation, list/rule markers, schemes, odd characters."""


def _sources() -> list[str]:
    paths = sorted((CONTENT / "ko").glob("*.md")) + sorted(CORPUS.glob("*.md"))
    return [text for text in (p.read_text(encoding="utf-8") for p in paths) if text.strip()]


def mutants(seed: int, count: int) -> list[str]:
    """``count`` mutated copies of the seed issues and the corpus, the same for the same ``seed``."""
    rng = random.Random(seed)
    sources = _sources()
    found = []
    for _ in range(count):
        text = rng.choice(sources)
        for _ in range(rng.randint(1, 25)):
            i, op = rng.randrange(len(text) + 1), rng.random()
            if op < 0.45:
                text = text[:i] + rng.choice(PIECES) + text[i:]
            elif op < 0.75:
                text = text[:i] + text[i + rng.randint(1, 60):]
            else:
                j = rng.randrange(len(text) + 1)
                text = text[:i] + text[j:j + rng.randint(1, 200)] + text[i:]
        found.append(text)
    return found


@pytest.mark.parametrize("seed", range(4))
def test_parser_and_renderer_survive_mutations(seed: int) -> None:
    for n, text in enumerate(mutants(seed, 250)):
        result = parse_text(text, f"content/ko/mutant-{seed}-{n}.md")
        assert all(p.format().startswith(f"content/ko/mutant-{seed}-{n}.md:") for p in result.problems)
        for paper in result.issue.papers if result.issue else ():
            to_html(paper.body), to_inline_html(paper.heading), to_plain_text(paper.summary)
            for section in paper.sections:
                to_html(section.text)


@pytest.mark.slow
def test_page_build_survives_mutations() -> None:
    ko, en, _ = parse_content(CONTENT)
    topics, _ = load_topics(CONTENT / "topics.yml")
    overrides, _ = load_overrides(CONTENT / "papers.yml")
    for n, text in enumerate(mutants(99, 20)):
        result = parse_text(text, f"content/ko/mutant-{n}.md")
        if result.issue is None:
            continue
        as_english = n % 3 == 0  # also as the translation of an existing issue's slug
        catalog, _ = build_catalog(ko + ([] if as_english else [result.issue]),
                                   en + ([result.issue] if as_english else []), topics, overrides)
        for lang in ("ko", "en"):
            site = build(BuildSettings(content_dir=CONTENT, lang=lang), catalog=catalog)
            assert site.pages
