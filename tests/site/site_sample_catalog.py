"""A small hand-made Catalog for tests of planning and rendering that need no parser.

Two issues (the older one without English translation), three papers (one featured twice),
two topics, a sponsor block, a glossary, a placeholder link and a hostile ``<script>``.
"""

from __future__ import annotations

import datetime as dt

from generator.catalog_model import Appearance, Catalog, IssueRecord, PaperRecord, Topic
from generator.model import (
    Block,
    BlockKind,
    GlossaryEntry,
    Issue,
    Link,
    LinkKind,
    Location,
    Paper,
    Section,
    Source,
)


def _loc(path: str, line: int = 1) -> Location:
    return Location(path, line)


def _paper(path: str, position: int, ko: str | None, en: str | None, summary: str, links: tuple[Link, ...]) -> Paper:
    return Paper(
        position=position,
        heading=f"{en or ''}: {ko or ''}",
        title_ko=ko,
        title_en=en,
        summary=summary,
        body=summary + "\n\n**핵심 아이디어**: 작은 네트워크.",
        sections=(Section("핵심 아이디어", "작은 네트워크가 85.3%를 달성.", _loc(path, position * 10 + 2)),),
        links=links,
        location=_loc(path, position * 10),
    )


def _issue(slug: str, lang: str, date: dt.date, title: str, papers: tuple[Paper, ...], blocks=()) -> Issue:
    path = f"content/{lang}/{slug}.md"
    return Issue(
        slug=slug,
        lang=lang,
        path=path,
        date=date,
        title=title,
        author="DAIR.AI",
        source=Source("DAIR.AI — Top AI Papers of the Week", "https://example.org/original"),
        intro="소개 <script>alert(1)</script> 문단.",
        highlights=("하이라이트 하나",),
        glossary=(GlossaryEntry("에이전트(agent)", "스스로 행동하는 **시스템**.", _loc(path, 3)),),
        papers=papers,
        blocks=tuple(blocks),
        location=_loc(path),
    )


def sample_catalog() -> Catalog:
    """The catalog described in the module docstring."""
    real = Link(LinkKind.PAPER, "논문", "https://arxiv.org/abs/2510.04871", _loc("content/ko/new.md", 12))
    placeholder = Link(LinkKind.TWEET, "트윗", None, _loc("content/ko/new.md", 12))
    new_ko_papers = (
        _paper("content/ko/new.md", 1, "작은 재귀 모델", "Tiny Recursive Model", "TRM은 에이전트는 작다. 두 번째 문장.", (real, placeholder)),
        _paper("content/ko/new.md", 2, "에이전트 폴드", "AgentFold", "AgentFold는 GPT-4o와 ARC-AGI를 다룬다.", ()),
    )
    new_en_papers = (
        _paper("content/en/new.md", 1, None, "Tiny Recursive Model", "TRM is small. Second sentence.", (real,)),
        _paper("content/en/new.md", 2, None, "AgentFold", "AgentFold handles GPT-4o and ARC-AGI.", ()),
    )
    sponsor = Block(BlockKind.SPONSOR, "**Sponsor** text", _loc("content/ko/new.md", 30), title="편집자 메시지")
    new_ko = _issue("2025-10-12-new", "ko", dt.date(2025, 10, 12), "새 호", new_ko_papers, (sponsor,))
    new_en = _issue("2025-10-12-new", "en", dt.date(2025, 10, 12), "New issue", new_en_papers, (sponsor,))
    old_ko_papers = (
        _paper("content/ko/old.md", 1, "강화 학습 추론", "RL Reasoning", "강화 학습으로 추론한다.", ()),
        _paper("content/ko/old.md", 2, "작은 재귀 모델", "Tiny Recursive Model", "TRM 다시.", ()),
    )
    old_ko = _issue("2025-09-21-old", "ko", dt.date(2025, 9, 21), "옛 호", old_ko_papers)
    topics = (
        Topic("agents", "에이전트", "Agents", "에이전트 연구.", "Agent research.", ("agent",), _loc("content/topics.yml", 1)),
        Topic("reinforcement-learning", "강화 학습", "Reinforcement learning", "강화 학습.", "RL.", ("rl",), _loc("content/topics.yml", 8)),
    )
    trm = PaperRecord(
        id="tiny-recursive-model",
        title_ko="작은 재귀 모델",
        title_en="Tiny Recursive Model",
        topics=("agents", "reinforcement-learning"),
        links=(real, placeholder),
        appearances=(
            Appearance("2025-09-21-old", dt.date(2025, 9, 21), 2, old_ko_papers[1], None),
            Appearance("2025-10-12-new", dt.date(2025, 10, 12), 1, new_ko_papers[0], new_en_papers[0]),
        ),
    )
    fold = PaperRecord(
        id="agentfold",
        title_ko="에이전트 폴드",
        title_en="AgentFold",
        topics=("agents",),
        links=(),
        appearances=(Appearance("2025-10-12-new", dt.date(2025, 10, 12), 2, new_ko_papers[1], new_en_papers[1]),),
    )
    rl = PaperRecord(
        id="rl-reasoning",
        title_ko="강화 학습 추론",
        title_en="RL Reasoning",
        topics=("reinforcement-learning",),
        links=(),
        appearances=(Appearance("2025-09-21-old", dt.date(2025, 9, 21), 1, old_ko_papers[0], None),),
    )
    return Catalog(
        issues=(
            IssueRecord("2025-10-12-new", new_ko, new_en, ("tiny-recursive-model", "agentfold")),
            IssueRecord("2025-09-21-old", old_ko, None, ("rl-reasoning", "tiny-recursive-model")),
        ),
        papers=(trm, fold, rl),
        topics=topics,
    )
