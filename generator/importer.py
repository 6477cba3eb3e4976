"""``digest import`` and ``digest new``: put a raw newsletter into ``content/<lang>/`` with front matter.

``import`` keeps the body exactly as written (only decoded and normalised: BOM, CRLF, NFC) and
adds YAML front matter on top — ``date``; ``title`` only when the body has no title of its
own; ``author`` when given and the body does not name one; ``source`` (name and URL of the
English original) when known from options or from a ``URL:`` line. This is the shape of the
hand-made seed files in ``content/ko/``.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from slugify import slugify

from .model import Issue, Location, Problem, Severity, Source
from .parser import parse_source
from .sources import FrontMatter, SourceText, decode, read_bytes, split_front_matter

__all__ = ["ImportRequest", "import_issue", "new_issue", "target_path", "ascii_slug", "readable_slug",
           "front_matter_text", "EXAMPLE_URL", "example_item_problems"]


@dataclass(frozen=True)
class ImportRequest:
    """What ``digest import`` was asked to do."""

    source: Path
    """The raw newsletter file."""

    date: _dt.date
    """Issue date (``--date``)."""

    content_dir: Path
    """The content root (``content``); the file goes to ``content_dir/lang/``."""

    slug: str | None = None
    """``--slug``; derived from the title or source name when missing."""

    lang: str = "ko"
    """Language folder."""

    title: str | None = None
    """``--title``: used when the body has no title line."""

    author: str | None = None
    """``--author``: used when the body names no author."""

    source_name: str | None = None
    """``--source-name``: the English original's newsletter name."""

    source_url: str | None = None
    """``--source-url``: the English original's address (else from a ``URL:`` line)."""

    force: bool = False
    """Overwrite an existing target file."""


def ascii_slug(text: str, fallback: str = "issue") -> str:
    """An ASCII, lowercase, hyphenated slug (Hangul is transliterated), at most 60 characters."""
    return slugify(text or "", max_length=60, word_boundary=True) or fallback


def readable_slug(text: str, fallback: str = "issue") -> str:
    """A slug of the ASCII words of ``text`` only (``"11월 다섯째 주 AI 논문"`` → ``ai``); ``fallback`` when it has
    none. Hangul is left out rather than transliterated into something no editor can read."""
    words = [w for w in (text or "").split() if w.isascii() and any(c.isalnum() for c in w)]
    return ascii_slug(" ".join(words), fallback)


def target_path(content_dir: Path, lang: str, date: _dt.date, slug: str) -> Path:
    """``content/<lang>/YYYY-MM-DD-<slug>.md``."""
    slug = re.sub(rf"^{date.isoformat()}-", "", slug)
    return content_dir / lang / f"{date.isoformat()}-{ascii_slug(slug)}.md"


def front_matter_text(fm: FrontMatter) -> str:
    """``fm`` as the YAML front matter block of a content file (only the fields that are set)."""
    data: dict[str, object] = {"date": fm.date}
    if fm.title:
        data["title"] = fm.title
    if fm.author:
        data["author"] = fm.author
    if fm.source is not None:
        data["source"] = {"name": fm.source.name, **({"url": fm.source.url} if fm.source.url else {})}
    if fm.draft:
        data["draft"] = True
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def _error(path: Path | str, line: int, message: str, hint: str) -> Problem:
    return Problem(Location(str(path), line), Severity.ERROR, message, hint)


def import_issue(req: ImportRequest) -> tuple[Path | None, list[Problem]]:
    """Write the imported file; returns its path (``None`` on failure) and the problems."""
    data = read_bytes(req.source)
    if isinstance(data, Problem):
        return None, [data]
    text, problems = decode(data, str(req.source))
    fm, body, offset, fm_problems = split_front_matter(text, str(req.source))
    problems += fm_problems
    if fm is not None:
        problems.append(_error(req.source, 1, "the source already has front matter",
                               "import raw newsletters only; edit files in content/ directly"))
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    result = parse_source(SourceText(str(req.source), body, offset, None), lang=req.lang)
    issue = result.issue
    if issue is None or not issue.papers:
        return None, problems + [p for p in result.problems if p.severity is Severity.ERROR]
    fm = _front_matter_for(req, issue, problems)
    named = req.title or issue.title or (fm.source.name if fm.source else "") or req.source.stem
    target = target_path(req.content_dir, req.lang, req.date, req.slug or readable_slug(named))
    if not req.slug:
        problems.extend(_slug_hint(target, named))
    return _write(target, front_matter_text(fm) + body, req.force, problems)


def _front_matter_for(req: ImportRequest, issue: Issue, problems: list[Problem]) -> FrontMatter:
    """What the imported file's front matter says: the options, where the body does not say it itself."""
    title = None
    if not issue.title:
        title = req.title
        if not req.title:
            problems.append(Problem(Location(str(req.source), 1), Severity.WARNING,
                                    "the body has no title line and no --title was given",
                                    "pass --title \"…\" so the issue gets a title"))
    url = req.source_url or issue.source_url
    name = req.source_name or (issue.source.name if issue.source and issue.source.name else None) or issue.author
    return FrontMatter(
        date=req.date,
        title=title,
        author=req.author if req.author and not issue.author else None,
        source=Source(name=name or "", url=url) if name or url else None,
    )


def _write(target: Path, text: str, force: bool, problems: list[Problem]) -> tuple[Path | None, list[Problem]]:
    """Write ``text`` to ``target`` unless it exists and ``force`` is off (then an error)."""
    if target.exists() and not force:
        problems.append(_error(target, 0, "this file already exists",
                               "pass --force to overwrite it, or choose another --slug"))
        return None, problems
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        blocker = next((p for p in (target.parent, *target.parent.parents) if p.exists() and not p.is_dir()), None)
        why = f"{blocker} is a file, not a folder" if blocker is not None else (exc.strerror or str(exc))
        problems.append(_error(target, 0, f"cannot write this file: {why}",
                               "give --content the content folder (the one holding ko/ and en/), writable"))
        return None, problems
    return target, problems


def _slug_hint(target: Path, named: str) -> list[Problem]:
    """A warning suggesting ``--slug`` when ``named`` has no ASCII word to name the file after."""
    if readable_slug(named, ""):
        return []
    return [Problem(Location(str(target), 0), Severity.WARNING, "the title has no ASCII words to name the file after",
                    "pass --slug (e.g. --slug week-48) for a file name that says what the issue is")]


EXAMPLE_URL = "https://arxiv.org/abs/0000.00000"
"""The paper link of the example item that ``digest new`` writes: :func:`example_item_problems` finds it."""

_NEW_BODY = """이번 호 소개 문단을 여기에 씁니다.

---

1.  **예시 논문 제목(Example Paper Title)**
    논문의 핵심을 한두 문장으로 요약합니다.

    **핵심 아이디어**: 무엇이 새로운지 설명합니다.

    [논문]({example_url}) | [코드](https://github.com/example/example)
"""


def new_issue(content_dir: Path, date: _dt.date, title: str, *, lang: str = "ko", slug: str | None = None,
              force: bool = False) -> tuple[Path | None, list[Problem]]:
    """Scaffold ``content/<lang>/YYYY-MM-DD-<slug>.md`` with front matter and one example item."""
    target = target_path(content_dir, lang, date, slug or readable_slug(title))
    body = _NEW_BODY.format(example_url=EXAMPLE_URL)
    hints = [] if slug else _slug_hint(target, title)
    return _write(target, front_matter_text(FrontMatter(date=date, title=title, draft=True)) + body, force, hints)


def draft_problems(issue: Issue) -> list[Problem]:
    """An ``info`` naming ``issue`` a draft (``draft: true``), which ``mkdocs build`` leaves out."""
    if not issue.draft:
        return []
    return [Problem(Location(issue.path, 1), Severity.INFO,
                    "this issue is a draft (`draft: true`): `mkdocs serve` shows it, `mkdocs build` and the deploy "
                    "leave it out", "delete the `draft: true` line when the issue is ready to publish")]


def example_item_problems(issue: Issue) -> list[Problem]:
    """A problem for each paper of ``issue`` that is still the example item from ``digest new`` (recognised by its
    link :data:`EXAMPLE_URL`): a warning in a draft, which can still be previewed; an error in an issue to
    publish, so that no placeholder reaches the site."""
    severity = Severity.WARNING if issue.draft else Severity.ERROR
    hint = ("replace it with a real paper or delete it" if issue.draft
            else "replace it with a real paper or delete it, or put `draft: true` back until the issue is ready")
    return [Problem(paper.location, severity, "the example item from 'digest new' is still here", hint)
            for paper in issue.papers if any(link.url == EXAMPLE_URL for link in paper.links)]
