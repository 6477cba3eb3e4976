"""Hand-built parsed issues for enrichment tests (no parser involved)."""

from __future__ import annotations

import datetime as dt

from generator.model import Issue, Link, LinkKind, Location, Paper


def paper(position: int, heading: str, *, title_en: str | None = None, title_ko: str | None = None,
          body: str = "", links: tuple[tuple[LinkKind, str | None], ...] = (), path: str = "x.md") -> Paper:
    """A paper item; ``title_en`` defaults to the heading."""
    location = Location(path, position * 10)
    return Paper(
        position=position,
        heading=heading,
        title_ko=title_ko,
        title_en=title_en if title_en is not None else (None if title_ko else heading),
        summary=body,
        body=body,
        sections=(),
        links=tuple(Link(kind, kind.value, url, location) for kind, url in links),
        location=location,
    )


def issue(slug: str, date: str, papers: list[Paper], *, lang: str = "ko") -> Issue:
    """An issue of ``papers`` at ``content/<lang>/<slug>.md``."""
    path = f"content/{lang}/{slug}.md"
    return Issue(
        slug=slug, lang=lang, path=path, date=dt.date.fromisoformat(date), title=f"Issue {slug}",
        author=None, source=None, intro="", highlights=(), glossary=(), papers=tuple(papers), blocks=(),
        location=Location(path, 1),
    )
