"""A small hand-made Catalog for feed and metadata unit tests (no parser involved).

Three issues (the oldest has no English translation), three papers (one featured twice), two
topics; hostile text everywhere a reader could notice it: ``<script>``, ``"``, ``]]>``,
control characters, a ``javascript:`` link, a placeholder link; real arXiv and code links.
"""

from __future__ import annotations

import datetime as dt

from generator.catalog_model import Appearance, Catalog, IssueRecord, PaperRecord, Topic
from generator.model import Issue, Link, LinkKind, Location, Paper

ROOT_URL = "https://user.github.io/repo/"
"""Site URL with a sub-path, as on GitHub Pages."""

HOSTILE = 'Evil "quote" </script><script>alert(1)</script> ]]> \x01\x0b end'
"""Text that must come out escaped (and without control characters) everywhere."""


def _paper(path: str, position: int, title_en: str, summary: str, links: tuple[Link, ...] = ()) -> Paper:
    location = Location(path, position * 10)
    return Paper(
        position=position, heading=title_en, title_ko=None, title_en=title_en, summary=summary,
        body=summary + "\n\nMore **detail** with [a bad link](javascript:alert(1)).", sections=(),
        links=links, location=location,
    )


def _issue(slug: str, lang: str, date: dt.date, title: str, intro: str, papers: tuple[Paper, ...]) -> Issue:
    path = f"content/{lang}/{slug}.md"
    return Issue(
        slug=slug, lang=lang, path=path, date=date, title=title, author=None, source=None, intro=intro,
        highlights=(), glossary=(), papers=papers, blocks=(), location=Location(path, 1),
    )


def publish_catalog() -> Catalog:
    """The catalog described in the module docstring."""
    arxiv = Link(LinkKind.PAPER, "논문", "https://arxiv.org/abs/2510.04871v2", Location("content/ko/c.md", 12))
    code = Link(LinkKind.CODE, "코드", "https://github.com/x/trm", Location("content/ko/c.md", 12))
    evil = Link(LinkKind.BLOG, "블로그", "javascript:alert(1)", Location("content/ko/c.md", 12))
    placeholder = Link(LinkKind.TWEET, "트윗", None, Location("content/ko/c.md", 12))
    trm_ko = _paper("content/ko/c.md", 1, "Tiny Recursive Model", "작은 모델이 **큰** 모델을 이긴다. 두 번째 문장.", (arxiv, code, evil, placeholder))
    trm_en = _paper("content/en/c.md", 1, "Tiny Recursive Model", "A tiny model beats **large** ones. Second sentence.", (arxiv, code))
    evil_ko = _paper("content/ko/c.md", 2, HOSTILE, HOSTILE)
    evil_en = _paper("content/en/c.md", 2, HOSTILE, HOSTILE)
    old_trm = _paper("content/ko/a.md", 1, "Tiny Recursive Model", "TRM 다시.")
    rl_ko = _paper("content/ko/b.md", 1, "RL Reasoning", "강화 학습으로 추론한다.")
    rl_en = _paper("content/en/b.md", 1, "RL Reasoning", "Reasoning with RL.")
    c_ko = _issue("2025-10-12-c", "ko", dt.date(2025, 10, 12), "셋째 호", "소개 " + HOSTILE, (trm_ko, evil_ko))
    c_en = _issue("2025-10-12-c", "en", dt.date(2025, 10, 12), "Third issue", "Intro " + HOSTILE, (trm_en, evil_en))
    b_ko = _issue("2025-09-28-b", "ko", dt.date(2025, 9, 28), "둘째 호", "", (rl_ko,))
    b_en = _issue("2025-09-28-b", "en", dt.date(2025, 9, 28), "Second issue", "", (rl_en,))
    a_ko = _issue("2025-09-21-a", "ko", dt.date(2025, 9, 21), "첫 호", "첫 호 소개.", (old_trm,))
    topics = (
        Topic("agents", "에이전트", "Agents", "에이전트 연구.", "Agent research.", ("agent",), Location("content/topics.yml", 1)),
        Topic("reinforcement-learning", "강화 학습", "Reinforcement learning", "강화 학습 연구.", "RL research.", ("rl",),
              Location("content/topics.yml", 8)),
    )
    trm = PaperRecord(
        id="tiny-recursive-model", title_ko="작은 재귀 모델", title_en="Tiny Recursive Model",
        topics=("agents", "reinforcement-learning"), links=(arxiv, code, evil, placeholder),
        appearances=(
            Appearance("2025-09-21-a", dt.date(2025, 9, 21), 1, old_trm, None),
            Appearance("2025-10-12-c", dt.date(2025, 10, 12), 1, trm_ko, trm_en),
        ),
    )
    hostile = PaperRecord(
        id="hostile", title_ko=HOSTILE, title_en=HOSTILE, topics=("agents",), links=(),
        appearances=(Appearance("2025-10-12-c", dt.date(2025, 10, 12), 2, evil_ko, evil_en),),
    )
    rl = PaperRecord(
        id="rl-reasoning", title_ko="강화 학습 추론", title_en="RL Reasoning", topics=("reinforcement-learning",), links=(),
        appearances=(Appearance("2025-09-28-b", dt.date(2025, 9, 28), 1, rl_ko, rl_en),),
    )
    return Catalog(
        issues=(
            IssueRecord("2025-10-12-c", c_ko, c_en, ("tiny-recursive-model", "hostile")),
            IssueRecord("2025-09-28-b", b_ko, b_en, ("rl-reasoning",)),
            IssueRecord("2025-09-21-a", a_ko, None, ("tiny-recursive-model",)),
        ),
        papers=(trm, hostile, rl),
        topics=topics,
    )
