"""The site build of one language, as a story of numbered phases (like MkDocs' ``build``).

1. read sources  — ``content/ko/*.md``, ``content/en/*.md`` (:mod:`generator.sources`)
2. parse         — every issue into :mod:`generator.model` values, collecting problems
   (phases 1–2 are :func:`generator.enrich.parse_content`)
3. enrich        — :func:`generator.enrich.enrich_content`: with ``topics.yml`` and ``papers.yml``,
   pair languages, identify papers across issues, assign topics
4. plan pages    — :func:`generator.plan.plan_site`: pages, views and extra files
5. render        — :class:`generator.render.Renderer`: one template render per page

:func:`build` returns a :class:`SiteBuild` that the MkDocs adapter
(:mod:`generator.mkdocs_plugin`) hands to MkDocs, or that tests inspect directly; MkDocs is not
needed here. Problems are collected across phases; when any is an error the build fails once,
with :class:`BuildError` listing every ``path:line:`` message.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator import i18n
from generator.catalog_model import Catalog
from generator.enrich import ParseCache, enrich_content, parse_content
from generator.model import Issue, Location, Problem, Severity
from generator.cards import CardPainter
from generator.identity import Identity
from generator.importer import example_item_problems
from generator.plan import ExtraFile, NotFoundPage, PlannedPage, PlanSettings, plan_site
from generator.render import Renderer


@dataclass(frozen=True)
class BuildSettings:
    """What a build needs to know."""

    content_dir: Path
    """The ``content/`` directory."""

    local_templates: Path | None = None
    """A site's own page-body templates, looked up before ours file by file (``None``: ours only)."""

    lang: str = i18n.PRIMARY
    """Language tree to build."""

    root_url: str = "http://127.0.0.1:8000/"
    """Absolute URL of the Korean site root, ending with ``/``."""

    sponsors: str = "marked"
    """``marked`` or ``omitted``: what happens to sponsor blocks."""

    card_font: Path | None = None
    """The font social preview cards are drawn with (one covering Hangul); ``None``: no cards."""

    card_cache: Path | None = None
    """Folder of drawn cards kept between builds (``None``: draw every card)."""

    identity: Identity | None = None
    """The site's name, tagline, editors and credit in :attr:`lang` (``None``: the defaults)."""


@dataclass(frozen=True)
class RenderedPage:
    """A planned page and its HTML body."""

    page: PlannedPage
    """The plan of the page (path, title, head data, view)."""

    html: str
    """The rendered body."""


@dataclass(frozen=True)
class SiteBuild:
    """The result of a build: what the adapter hands to MkDocs."""

    lang: str
    """Language tree."""

    catalog: Catalog
    """The enriched catalog (reusable by the build of the other language)."""

    pages: tuple[RenderedPage, ...]
    """Every page, rendered."""

    files: tuple[ExtraFile, ...]
    """Extra files to write into the output."""

    warnings: tuple[Problem, ...]
    """Non-fatal problems found while loading the content."""

    not_found: NotFoundPage | None = None
    """The 404 page, which the theme renders (the adapter hands it to ``404.html``)."""


class BuildError(Exception):
    """The content has errors; the message lists every one, ``path:line:`` first."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        self.problems = problems
        errors = sum(1 for p in problems if p.severity is Severity.ERROR)
        lines = [p.format() for p in problems]
        super().__init__(f"{errors} error(s) in the content; fix them and build again:\n" + "\n".join(lines))


def load(content_dir: Path, *, drafts: bool = False,
         parse_cache: ParseCache | None = None) -> tuple[Catalog, tuple[Problem, ...]]:
    """Phases 1–3: read, parse and enrich the content (drafts only when ``drafts``; files unchanged since an earlier
    parse kept in ``parse_cache`` are not parsed again). Raises :class:`BuildError` on errors."""
    # 1–2. Read and parse every issue of both languages; leave drafts out unless asked for them.
    ko, en, parse_problems = parse_content(content_dir, parse_cache)
    if not drafts:
        ko, en, left_out = without_drafts(ko, en)
        parse_problems.extend(left_out)
    broken = {p.location.path for p in parse_problems if p.severity is Severity.ERROR}
    for issue in (*ko, *en):  # the placeholder of `digest new`: an error once the issue is to be published
        if issue.path not in broken:  # (a file whose front matter is broken may have lost its `draft: true`)
            parse_problems.extend(example_item_problems(issue))
    # 3. Enrich: pair the languages, identify papers, assign topics.
    catalog, enrich_problems = enrich_content(content_dir, ko, en)
    # Fail once, with every problem of phases 1–3.
    problems = (*parse_problems, *enrich_problems)
    if any(p.severity is Severity.ERROR for p in problems):
        raise BuildError(problems)
    return catalog, problems


def without_drafts(ko: list[Issue], en: list[Issue]) -> tuple[list[Issue], list[Issue], list[Problem]]:
    """The issues that are no drafts, and an ``info`` per draft left out. A Korean draft takes its English
    translation with it; an English draft alone leaves the Korean issue untranslated."""
    drafted = {issue.slug for issue in ko if issue.draft}
    kept_en = [issue for issue in en if not issue.draft and issue.slug not in drafted]
    left_out = [issue for issue in (*ko, *en) if issue.draft or (issue.lang == "en" and issue.slug in drafted)]
    notes = [Problem(Location(issue.path, 1), Severity.INFO, "a draft, left out of this build",
                     "set DIGEST_DRAFTS=1 (or the digest plugin's `drafts: true`) to build drafts too, or delete "
                     "`draft: true` to publish it") for issue in left_out]
    return [issue for issue in ko if not issue.draft], kept_en, notes


def build(settings: BuildSettings, catalog: Catalog | None = None) -> SiteBuild:
    """Build one language tree. Pass ``catalog`` to skip phases 1–3 (already loaded)."""
    warnings: tuple[Problem, ...] = ()
    # 1–3. Read sources, parse, enrich.
    if catalog is None:
        catalog, warnings = load(settings.content_dir)
    # 4. Plan pages.
    cards = CardPainter(settings.card_font, settings.card_cache) if settings.card_font else None
    plan = plan_site(catalog, PlanSettings(lang=settings.lang, root_url=settings.root_url, sponsors=settings.sponsors,
                                           cards=cards, identity=settings.identity))
    # 5. Render.
    renderer = Renderer(settings.lang, (settings.local_templates,) if settings.local_templates else ())
    pages = tuple(RenderedPage(page, renderer.render(page)) for page in plan.pages)
    return SiteBuild(lang=settings.lang, catalog=catalog, pages=pages, files=plan.files, warnings=warnings,
                     not_found=plan.not_found)
