"""An :class:`~generator.model.Issue` → the JSON object printed by ``digest parse --json``.

The shape is a contract for later tooling; it is described by
``generator/schemas/parse.schema.json`` (tests validate real output against it).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from .model import Block, Issue, Link, LinkKind, Paper, ParseResult

__all__ = ["issue_json", "result_json", "load_schema", "links_json"]

_MAIN_KINDS = (LinkKind.PAPER, LinkKind.CODE, LinkKind.TWEET)


def _link(link: Link) -> dict[str, Any]:
    return {"kind": link.kind.value, "label": link.label, "url": link.url, "line": link.location.line}


def links_json(links: tuple[Link, ...]) -> dict[str, Any]:
    """``{"paper": url|null, "code": url|null, "tweet": url|null, "other": [...], "all": [...]}``.

    ``paper``/``code``/``tweet`` hold the URL of the first link of that kind that has one (``null``
    when there are only placeholders or none); ``other`` lists the links of every other kind.
    """
    out: dict[str, Any] = {}
    for kind in _MAIN_KINDS:
        out[kind.value] = next((link.url for link in links if link.kind is kind and link.url), None)
    out["other"] = [_link(link) for link in links if link.kind not in _MAIN_KINDS]
    out["all"] = [_link(link) for link in links]
    return out


def _paper(paper: Paper) -> dict[str, Any]:
    return {
        "position": paper.position,
        "line": paper.location.line,
        "heading": paper.heading,
        "title_ko": paper.title_ko,
        "title_en": paper.title_en,
        "summary": paper.summary,
        "body": paper.body,
        "sections": [{"heading": s.heading, "text": s.text, "line": s.location.line} for s in paper.sections],
        "links": links_json(paper.links),
    }


def _block(block: Block) -> dict[str, Any]:
    return {
        "kind": block.kind.value,
        "line": block.location.line,
        "title": block.title,
        "text": block.text,
        "items": list(block.items),
        "entries": [{"term": e.term, "definition": e.definition, "line": e.location.line} for e in block.entries],
    }


def issue_json(issue: Issue) -> dict[str, Any]:
    """The JSON object of one issue."""
    return {
        "slug": issue.slug,
        "lang": issue.lang,
        "path": issue.path,
        "title": issue.title,
        "date": issue.date.isoformat() if issue.date else None,
        "author": issue.author,
        "source_url": issue.source_url,
        "source": {"name": issue.source.name, "url": issue.source.url} if issue.source else None,
        "intro": issue.intro,
        "highlights": list(issue.highlights),
        "glossary": [{"term": e.term, "definition": e.definition, "line": e.location.line} for e in issue.glossary],
        "papers": [_paper(p) for p in issue.papers],
        "blocks": [_block(b) for b in issue.blocks],
    }


def result_json(result: ParseResult, path: str = "") -> dict[str, Any]:
    """The issue object plus ``problems`` (formatted ``path:line: severity: message — hint`` strings).

    When the file could not be parsed at all, every field is empty/null (``path`` names the file).
    """
    if result.issue is not None:
        out = issue_json(result.issue)
    else:
        out = {"slug": Path(path).stem or "unknown", "lang": "ko", "path": path, "title": None, "date": None,
               "author": None, "source_url": None, "source": None, "intro": "", "highlights": [],
               "glossary": [], "papers": [], "blocks": []}
    out["problems"] = [p.format() for p in result.problems]
    return out


def load_schema() -> dict[str, Any]:
    """The JSON Schema of :func:`result_json` output."""
    text = resources.files("generator").joinpath("schemas/parse.schema.json").read_text(encoding="utf-8")
    return json.loads(text)
