"""The JSON data API: ``/api/issues.json`` and ``/api/papers.json`` from a :class:`Catalog`.

A paper's ``links`` have the shape ``digest parse --json`` gives an item's links
(:func:`generator.jsonout.links_json`), over the links merged from every appearance; a link's
``line`` is its line in the first issue that gave it.

Both documents are plain JSON built only from the catalog and the site's address, so they are
identical from build to build; their JSON Schemas are ``generator/schemas/*.schema.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from generator.catalog_model import Catalog, IssueRecord, PaperRecord
from generator.jsonout import links_json
from generator.urls import PageKind, language_urls, page_path

SCHEMA_VERSION = 1
"""Version of the documents' layout; raised on incompatible changes."""

SCHEMA_DIR = Path(__file__).parent / "schemas"
"""Where ``issues.schema.json`` and ``papers.schema.json`` are."""

ISSUES_PATH = "api/issues.json"
"""Site-relative path of the issues document (published once, in the primary tree)."""

PAPERS_PATH = "api/papers.json"
"""Site-relative path of the papers document."""


@dataclass(frozen=True)
class ApiFile:
    """One file of the data API, ready to write."""

    path: str
    """Site-relative path (``api/issues.json``)."""

    text: str
    """The JSON text (UTF-8, two-space indentation, final newline)."""


def issue_titles(record: IssueRecord) -> tuple[str, str]:
    """``(title_ko, title_en)`` of an issue: its own titles, else the English original's name, else the slug."""
    source_name = record.ko.source.name if record.ko.source else None
    title_ko = record.ko.title or source_name or record.slug
    title_en = (record.en.title if record.en else None) or source_name or title_ko
    return title_ko, title_en


def issue_data(record: IssueRecord, site_url: str) -> dict[str, Any]:
    """One entry of ``issues.json``."""
    title_ko, title_en = issue_titles(record)
    source = record.ko.source
    return {
        "slug": record.slug,
        "date": record.date.isoformat() if record.date else None,
        "title_ko": title_ko,
        "title_en": title_en,
        "translated": record.en is not None,
        "source": {"name": source.name, "url": source.url} if source else None,
        "papers": list(record.paper_ids),
        "urls": language_urls(site_url, page_path(PageKind.ISSUE, record.slug)),
    }


def paper_data(record: PaperRecord, site_url: str) -> dict[str, Any]:
    """One entry of ``papers.json``."""
    return {
        "id": record.id,
        "title_ko": record.title_ko,
        "title_en": record.title_en,
        "topics": list(record.topics),
        "links": links_json(record.links),
        "issues": list(dict.fromkeys(a.issue_slug for a in record.appearances)),
        "first_date": record.first_date.isoformat() if record.first_date else None,
        "latest_date": record.latest_date.isoformat() if record.latest_date else None,
        "urls": language_urls(site_url, page_path(PageKind.PAPER, record.id)),
    }


def issues_document(catalog: Catalog, site_url: str) -> dict[str, Any]:
    """The whole ``issues.json``: issues newest first."""
    return {"version": SCHEMA_VERSION, "issues": [issue_data(r, site_url) for r in catalog.issues]}


def papers_document(catalog: Catalog, site_url: str) -> dict[str, Any]:
    """The whole ``papers.json``: papers newest first, then by id."""
    return {"version": SCHEMA_VERSION, "papers": [paper_data(r, site_url) for r in catalog.papers]}


def api_files(catalog: Catalog, site_url: str) -> tuple[ApiFile, ...]:
    """Both files of the API for a site published at ``site_url``."""
    return (
        ApiFile(ISSUES_PATH, _dump(issues_document(catalog, site_url))),
        ApiFile(PAPERS_PATH, _dump(papers_document(catalog, site_url))),
    )


@lru_cache(maxsize=None)
def schema(name: str) -> dict[str, Any]:
    """The JSON Schema ``issues`` or ``papers``."""
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def schema_errors(document: Any, name: str) -> list[str]:
    """Every way ``document`` breaks schema ``name``, as ``path: message`` lines (empty when valid)."""
    validator = jsonschema.Draft202012Validator(schema(name), format_checker=jsonschema.FormatChecker())
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
        for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    ]


def _dump(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
