"""Page map of a built Paper Digest site: which URL paths exist per page kind and language.

Used by the test fixtures (``site_pages``) and by ``scripts/lighthouse.sh``
(``python tests/sitemap.py SITE_DIR`` prints one representative page per kind and language).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

LANGS = ("ko", "en")
LANG_PREFIX = {"ko": "/", "en": "/en/"}


@dataclass(frozen=True)
class SitePages:
    """URL paths (relative to the site root, starting with ``/``) of the built site's pages, per language."""

    home: dict[str, str]
    """Home page per language code: ``{"ko": "/", "en": "/en/"}``."""
    archive: dict[str, str]
    """Archive page per language."""
    topics: dict[str, str]
    """Topic index per language."""
    issues: dict[str, list[str]]
    """Every issue page per language, in the order ``/api/issues.json`` lists them."""
    papers: dict[str, list[str]]
    """Every paper page per language, in the order ``/api/papers.json`` lists them."""
    topic_pages: dict[str, list[str]]
    """Every topic page per language (``/topics/<id>/``), found in the built tree."""

    def all_pages(self, lang: str) -> list[str]:
        """Every page of one language: home, archive, topic index, issues, papers, topics."""
        return [self.home[lang], self.archive[lang], self.topics[lang], *self.issues[lang], *self.papers[lang],
                *self.topic_pages[lang]]

    def one_of_each(self, lang: str) -> dict[str, str]:
        """One page of every kind in ``lang``: home, archive, issue, paper, topics, topic."""
        return {
            "home": self.home[lang],
            "archive": self.archive[lang],
            "issue": self.issues[lang][0],
            "paper": self.papers[lang][0],
            "topics": self.topics[lang],
            "topic": self.topic_pages[lang][0],
        }


def _urls_of(entry: dict, lang: str) -> str | None:
    """The path of ``entry`` in ``lang`` from its ``urls`` member (a {lang: url} mapping), as ``/...``."""
    urls = entry.get("urls") or {}
    url = urls.get(lang) if isinstance(urls, dict) else None
    if not url:
        return None
    path = urlsplit(url).path if "://" in url else url
    return path if path.startswith("/") else "/" + path


def load_site_pages(site: Path) -> SitePages:
    """Read the page map of a built site from its JSON API and its ``topics/`` folders."""
    issues_doc = json.loads((site / "api" / "issues.json").read_text(encoding="utf-8"))
    papers_doc = json.loads((site / "api" / "papers.json").read_text(encoding="utf-8"))
    issue_entries = issues_doc["issues"] if isinstance(issues_doc, dict) else issues_doc
    paper_entries = papers_doc["papers"] if isinstance(papers_doc, dict) else papers_doc
    prefix = _api_prefix([e for e in issue_entries], site)

    def strip(path: str) -> str:
        return "/" + path[len(prefix) :] if prefix != "/" and path.startswith(prefix) else path

    issues = {lang: [strip(p) for e in issue_entries if (p := _urls_of(e, lang))] for lang in LANGS}
    papers = {lang: [strip(p) for e in paper_entries if (p := _urls_of(e, lang))] for lang in LANGS}
    topic_pages = {
        lang: sorted(
            f"{LANG_PREFIX[lang]}topics/{d.name}/"
            for d in (site / LANG_PREFIX[lang].strip("/") / "topics").iterdir()
            if (d / "index.html").is_file()
        )
        for lang in LANGS
    }
    return SitePages(
        home={lang: LANG_PREFIX[lang] for lang in LANGS},
        archive={lang: f"{LANG_PREFIX[lang]}archive/" for lang in LANGS},
        topics={lang: f"{LANG_PREFIX[lang]}topics/" for lang in LANGS},
        issues=issues,
        papers=papers,
        topic_pages=topic_pages,
    )


def _api_prefix(entries: list[dict], site: Path) -> str:
    """The site_url path prefix the API's URLs carry (``/`` or e.g. ``/paper-digest/``), found by matching a
    listed issue URL against the built tree."""
    for entry in entries:
        path = _urls_of(entry, "ko")
        if not path:
            continue
        parts = path.strip("/").split("/")
        for cut in range(len(parts)):
            if (site.joinpath(*parts[cut:]) / "index.html").is_file():
                return "/" + "/".join(parts[:cut]) + "/" if cut else "/"
    return "/"


def main(argv: list[str]) -> int:
    """Print ``<lang> <kind> <path>`` for home, one issue and one paper per language (for Lighthouse)."""
    if len(argv) != 2:
        print("usage: python tests/sitemap.py SITE_DIR", file=sys.stderr)
        return 2
    pages = load_site_pages(Path(argv[1]))
    for lang in LANGS:
        each = pages.one_of_each(lang)
        for kind in ("home", "issue", "paper"):
            print(lang, kind, each[kind])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
