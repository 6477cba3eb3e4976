"""The MkDocs adapter: hands the pages of :mod:`generator.build` to MkDocs (the only module
that knows MkDocs).

* ``on_config``  — reads the plugin options; the site URL (``site_url``) becomes the root of
  the absolute hreflang URLs;
* ``on_pre_build`` — loads the content (phases 1–3) before MkDocs cleans ``site_dir``, so content
  errors stop the build with nothing written and the previous site untouched;
* ``on_files``   — runs :func:`generator.build.build` and adds every page as an in-memory
  file (``File.generated``) whose Markdown is empty; generated pages are never in ``nav``;
* ``on_page_markdown`` / ``on_page_content`` — set the page title and swap in the HTML that the
  Jinja templates rendered, so content text never goes through Python-Markdown;
* ``on_page_context`` — gives the theme overrides ``digest`` (a :class:`~generator.plan.HeadView`:
  hreflang links, language switcher target);
* ``on_template_context`` — gives Material's ``404.html`` its translated view and head metadata;
* ``on_post_build`` — writes the extra files (RSS feeds, JSON API) and, in the primary (Korean)
  build, runs the English build of the same ``mkdocs.yml`` into ``<site_dir>/en/`` with
  ``theme.language: en`` — so each language gets Material's own strings and its own search
  index — then replaces MkDocs' sitemap with one listing both languages with hreflang
  alternates (the English build leaves none of its own);
* ``on_serve``   — watches ``content/``, ``templates/`` and the message catalogs;
* atomic publish (:mod:`generator.publish`): ``on_config`` points ``site_dir`` at a staging folder beside
  it, the end of the Korean ``on_post_build`` (both languages written) swaps it in, ``on_build_error`` and
  SIGTERM discard it — the old site stays as it was, and the build says so (``mkdocs serve`` keeps its own
  temporary folder). An unexpected exception (a full disk, a template error) becomes one
  ``path:line: error:`` message.
"""

from __future__ import annotations

import html
from dataclasses import replace
from html import escape
import logging
import os
import signal
import tempfile
import threading
import traceback
from pathlib import Path
from urllib.parse import urlsplit

from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.exceptions import BuildError as MkDocsBuildError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import CountHandler

from generator import i18n, publish
from generator.contentfiles import LANGUAGE_DIRS
from generator.identity import Identity, identity_for
from generator.errorpage import errors_view
from generator.preview import CachedPage, PreviewCache, context_signature, page_signature
from generator.render import TEMPLATES_DIR, Renderer
from generator.cards import find_font
from generator.markdown import is_allowed_url
from generator.model import Problem, Severity, visible
from generator.sitemap import SITEMAP_FILE, SITEMAP_GZ_FILE, gzipped, page_entries, sitemap_xml
from generator.enrich import ParseCache
from generator.build import BuildError, BuildSettings, RenderedPage, SiteBuild, build, load
from generator.catalog_model import Catalog
from generator.urls import LANGUAGE_NAMES
from generator.views import language_href

log = logging.getLogger("mkdocs.plugins.digest")

_PREVIEWS: dict[tuple[str, str], PreviewCache] = {}
"""Under ``mkdocs serve``: per ``mkdocs.yml`` and language, the pages of the last rebuild (see
:mod:`generator.preview`), so that a save renders again only the pages it changed."""

_PARSED: ParseCache = {}
"""Under ``mkdocs serve``: the parse of every content file, by modification time and size (a save parses again
only the file saved)."""

_LAST_PAGES: dict[str, tuple[str, ...]] = {}
"""Under ``mkdocs serve`` (one process, a new plugin per rebuild): the pages of both languages of the last good
build, per ``mkdocs.yml`` — where the error page goes when a save breaks the content."""

NAV_KINDS = frozenset({"home", "archive", "topics"})
"""Page kinds that may appear in ``nav``; every other generated page is ``not_in_nav``."""


THEME_DIR = Path(__file__).parent / "theme"
"""Our Material overrides and static files (stylesheets, favicon): a theme folder put between a site's own
``theme.custom_dir`` and Material's, so that a site overrides them file by file."""

STYLESHEETS = ("assets/stylesheets/digest.css", "assets/stylesheets/a11y.css")
"""Our stylesheets (in :data:`THEME_DIR`), put before a site's own ``extra_css``."""

FAVICON = "assets/favicon.svg"
"""Our favicon (in :data:`THEME_DIR`), used unless ``theme.favicon`` names another."""

MATERIAL_FAVICON = "assets/images/favicon.png"
"""Material's default ``theme.favicon``."""


class Localised(c.OptionallyRequired[object]):
    """A text for every language, or a mapping ``{ko: …, en: …}``."""

    def run_validation(self, value: object) -> object:
        if isinstance(value, str):
            return value
        if isinstance(value, dict) and all(isinstance(k, str) and k in i18n.LANGUAGES and isinstance(v, str)
                                           for k, v in value.items()):
            return dict(value)
        raise base.ValidationError(f"expected a text or a mapping of {', '.join(i18n.LANGUAGES)} to texts, "
                                   f"got {value!r}")


class Names(c.OptionallyRequired[object]):
    """A list of names, or a mapping of languages to lists of names."""

    def run_validation(self, value: object) -> object:
        def names(item: object) -> bool:
            return isinstance(item, list) and all(isinstance(name, str) for name in item)
        if isinstance(value, str):
            return [value]
        if names(value):
            return value
        if isinstance(value, dict) and all(k in i18n.LANGUAGES and (names(v) or isinstance(v, str))
                                           for k, v in value.items()):
            return {k: [v] if isinstance(v, str) else v for k, v in value.items()}
        raise base.ValidationError(f"expected a list of names or a mapping of {', '.join(i18n.LANGUAGES)} to "
                                   f"lists of names, got {value!r}")


class DigestConfig(base.Config):
    """Options of the ``digest`` plugin in ``mkdocs.yml``."""

    content_dir = c.Optional(c.Type(str))
    """Content directory, relative to ``mkdocs.yml``; default: ``docs_dir`` (whose issue folders and ``.yml``
    files are then inputs, never copied into the site)."""

    templates_dir = c.Type(str, default="templates")
    """A site's own page-body templates, relative to ``mkdocs.yml``, looked up before ours file by file (used when
    the folder exists)."""

    name = c.Optional(Localised())
    """The site's name per language; default: ``site_name``."""

    tagline = c.Optional(Localised())
    """One sentence about the site (home heading, feeds' description); default: a generic sentence."""

    feed_title = c.Optional(Localised())
    """Title of the site feed (topic feeds add the topic); default: the name."""

    card_name = c.Optional(Localised())
    """The line at the top of every social preview card; default: the name."""

    editors = c.Optional(Names())
    """Who edits the digest, shown in the footer; default: nobody named."""

    credit = c.Optional(Localised())
    """Credit to the newsletter the issues come from, shown in the footer; default: none."""

    credit_url = c.Optional(Localised())
    """Where the credit links to (``http(s)``); default: no link."""

    lang = c.Choice(i18n.LANGUAGES, default=i18n.PRIMARY)
    """Language of this build (set to ``en`` by the primary build for the nested one)."""

    drafts = c.Optional(c.Type(bool))
    """Build issues marked ``draft: true``; default: under ``mkdocs serve`` only. ``DIGEST_DRAFTS=1`` (or ``0``)
    in the environment decides over both."""

    sponsors = c.Choice(("marked", "omitted"), default="marked")
    """``marked``: sponsor blocks in a labelled "Sponsored" box; ``omitted``: left out."""

    root_url = c.Optional(c.Type(str))
    """Absolute URL of the Korean root (internal: set for the nested build; default ``site_url``)."""

    languages = c.Type(bool, default=True)
    """Build the other language under ``<site_dir>/<lang>/`` after the primary build."""

    social_cards = c.Type(bool, default=True)
    """Draw a social preview card (``og:image``) for the home page, every issue and every paper."""

    social_font = c.Optional(c.Type(str))
    """The font the cards are drawn with (it must cover Hangul); default: an installed Korean font (fonts-nanum)."""

    cards_cache = c.Optional(c.Type(str))
    """Folder (relative to ``mkdocs.yml``) where drawn cards are kept so that a rebuild does not draw them again;
    default: ``paper-digest/cards`` in the user's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``), never the
    checkout."""


class _ProcessBytecodeCache(BytecodeCache):
    """Compiled theme templates kept for the life of the process (bench #7): the nested English
    build and every ``mkdocs serve`` rebuild reuse Material's compiled templates instead of
    compiling them again. Entries are checked against the template source's checksum, so an
    edited template is compiled afresh."""

    def __init__(self) -> None:
        self._code: dict[str, tuple[str, object]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        checksum, code = self._code.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code  # type: ignore[assignment]

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = (bucket.checksum, bucket.code)


_THEME_BYTECODE = _ProcessBytecodeCache()


class DigestPlugin(BasePlugin[DigestConfig]):
    """``plugins: [digest]`` — generated issue/paper/topic pages in two languages."""

    def __init__(self) -> None:
        self.catalog: Catalog | None = None
        """Catalog handed over by the primary build to the nested one (skips re-parsing)."""
        self.serving: bool | None = None
        """Set by the primary build for the nested one: whether this is ``mkdocs serve`` (``None``: find out)."""
        self._preview: PreviewCache | None = None
        """Under serve: this tree's pages of the last rebuild."""
        self._context = ""
        """Under serve: :func:`~generator.preview.context_signature` of this rebuild."""
        self._reused: dict[str, CachedPage] = {}
        """Under serve: pages not handed to MkDocs because they cannot have changed (put back in on_post_build)."""
        self._fresh: dict[str, tuple[str, str]] = {}
        """Under serve: pages rendered this time → (signature, file)."""
        self._search: dict[str, list[dict]] = {}
        """Under serve: the search entries each page rendered this time added, in order."""
        self._search_seen = 0
        self._loaded: Catalog | None = None
        """Catalog of this build's content, loaded in ``on_pre_build``."""
        self._site: SiteBuild | None = None
        self._files: Files | None = None
        self._pages: dict[str, RenderedPage] = {}
        self._settings: BuildSettings | None = None
        self._staging: publish.Staging | None = None
        """Where this build writes (``mkdocs build``: a folder beside ``site_dir``, swapped in when complete)."""
        self._sigterm = None
        """The SIGTERM handler to restore once the staging folder is published or discarded."""
        self._project = Path(".")
        """The folder of ``mkdocs.yml``: messages name files relative to it."""
        self._serving = False
        """True under ``mkdocs serve`` (it builds into a temporary folder and shows drafts)."""
        self._failed: tuple[Problem, ...] = ()
        """Under ``mkdocs serve``: the problems of content with errors, shown as the error page."""

    # --- atomic publish ------------------------------------------------------------------
    # No on_startup/on_shutdown here: MkDocs keeps a plugin defining them as one instance per process, which
    # the nested English build would then share with the Korean one.

    def _stage(self, config: MkDocsConfig) -> None:
        """Point ``site_dir`` at a fresh staging folder beside it (not under ``mkdocs serve``)."""
        site_dir = Path(config.site_dir)
        if _is_serve_dir(site_dir):
            return
        try:
            self._staging = publish.begin(site_dir)
        except OSError as exc:
            raise PluginError(f"{visible(str(site_dir))}:1: error: cannot write the site next to this folder "
                              f"({exc.strerror or exc}) — choose a writable site_dir (-d) or fix its permissions; "
                              "the site there was left as it was") from None
        config.site_dir = str(self._staging.staging)
        if threading.current_thread() is threading.main_thread():
            self._sigterm = signal.signal(signal.SIGTERM, self._terminate)

    def _terminate(self, signum: int, frame) -> None:  # type: ignore[no-untyped-def]
        self._discard()
        raise SystemExit(128 + signum)

    def _discard(self) -> None:
        """Forget the staging folder of a build that did not finish, and say that nothing was published."""
        staging, self._staging = self._staging, None
        self._restore_signal()
        if staging is not None:
            publish.discard(staging)
            log.error(f"{visible(str(staging.site_dir))}:1: error: the build did not finish, so nothing was "
                      "published — the site there was left exactly as it was")

    def _restore_signal(self) -> None:
        if self._sigterm is not None and threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, self._sigterm)
        self._sigterm = None

    def _publish(self, config: MkDocsConfig) -> None:
        """Both languages are written: swap them in (unless ``--strict`` will abort on a warning)."""
        staging = self._staging
        if staging is None:
            return
        if config.strict and _strict_warnings():
            self._discard()
            return
        try:
            publish.publish(staging)
        except OSError as exc:
            self._discard()
            raise PluginError(f"{visible(str(staging.site_dir))}:1: error: cannot put the new site in place "
                              f"({exc.strerror or exc}) — check the folder's permissions and build again") from None
        self._staging = None
        self._restore_signal()
        config.site_dir = str(staging.site_dir)  # `gh-deploy` deploys what is now there
        log.info("Published both languages to %s", staging.site_dir)

    def on_build_error(self, error: Exception) -> None:
        site_dir = str(self._staging.site_dir) if self._staging is not None else "site"
        self._discard()
        if isinstance(error, (MkDocsBuildError, Abort)):
            return  # MkDocs prints these itself, without a traceback
        raise Abort(_failure_message(error, site_dir)) from None

    # --- configuration ------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project = Path(config.config_file_path or ".").resolve().parent
        self._project = project
        self._serving = self.serving if self.serving is not None else _is_serve_dir(Path(config.site_dir))
        if self.config.lang == i18n.PRIMARY and self.catalog is None:
            self._stage(config)
        identity = self.identity(self.config.lang, config.site_name)
        if identity.credit_url and not (identity.credit_url.lower().startswith(("http://", "https://"))
                                        and is_allowed_url(identity.credit_url)):
            raise PluginError(f"{config.config_file_path}: the digest plugin's `credit_url` must be an http(s) "
                              f"address, not {identity.credit_url!r} — write e.g. https://news.example.org/")
        config.site_name = identity.name
        _add_theme(config)
        site_url = config.site_url or "http://127.0.0.1:8000/"
        if not site_url.endswith("/"):
            site_url += "/"
            config.site_url = site_url
        root_url = self.config.root_url or site_url
        font = find_font(self.config.social_font) if self.config.social_cards else None
        if self.config.social_cards and font is None and self.config.social_font:
            log.warning(f"{config.config_file_path}: the digest plugin's `social_font` "
                        f"{self.config.social_font!r} is no readable font file covering Hangul, so pages get no "
                        "social preview card — give the path of a Korean font, e.g. "
                        "/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf")
        elif self.config.social_cards and font is None:
            log.info("no font covering Hangul found, so pages get no social preview card: install fonts-nanum "
                     "(Debian) or set the digest plugin's `social_font`")
        local_templates = project / self.config.templates_dir
        self._settings = BuildSettings(
            content_dir=project / self.config.content_dir if self.config.content_dir else Path(config.docs_dir),
            local_templates=local_templates if local_templates.is_dir() else None,
            lang=self.config.lang,
            root_url=root_url if root_url.endswith("/") else root_url + "/",
            sponsors=self.config.sponsors,
            card_font=font,
            card_cache=project / self.config.cards_cache if self.config.cards_cache else _user_cache() / "cards",
            identity=identity,
        )
        if "scope" not in config.extra:  # one scope for both trees: the palette chosen on /… is kept on /en/…
            config.extra["scope"] = urlsplit(self._settings.root_url).path or "/"
        return config

    @property
    def reused_pages(self) -> int:
        """Under ``mkdocs serve``: how many pages of this rebuild were put back as the last one wrote them."""
        return len(self._reused)

    def _drafts(self, config: MkDocsConfig) -> bool:
        """Whether this build shows drafts: ``DIGEST_DRAFTS``, else the ``drafts`` option, else under serve only."""
        env = os.environ.get("DIGEST_DRAFTS", "").strip().lower()
        if env:
            return env in ("1", "true", "yes", "on")
        if self.config.drafts is not None:
            return self.config.drafts
        return _is_serve_dir(Path(config.site_dir))

    def identity(self, lang: str, site_name: str) -> Identity:
        """The site's identity in ``lang``, from this plugin's options (``site_name``: ``mkdocs.yml``'s)."""
        return identity_for(lang, site_name=site_name, name=self.config.name, tagline=self.config.tagline,
                            feed_title=self.config.feed_title, card_name=self.config.card_name,
                            editors=self.config.editors or (), credit=self.config.credit,
                            credit_url=self.config.credit_url)

    def on_env(self, env, config: MkDocsConfig, files: Files):
        env.bytecode_cache = _THEME_BYTECODE
        return env

    # --- pages ---------------------------------------------------------------------------

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # Phases 1–3 (read, parse, enrich) run before MkDocs cleans site_dir: content with errors
        # stops the build with every message at once, writes nothing and leaves the old site as it was.
        assert self._settings is not None
        self._loaded = None
        if self.catalog is None:
            try:
                self._loaded, warnings = load(self._settings.content_dir, drafts=self._drafts(config),
                                              parse_cache=_PARSED if self._serving else None)
            except BuildError as error:
                self._fail(error)
                return
            for problem in warnings:
                log.info(self._shown(problem).format())

    def _shown(self, problem: Problem) -> Problem:
        """``problem`` with its path relative to the project folder (as the editor opened the file)."""
        path = Path(problem.location.path)
        if path.is_absolute() and path.is_relative_to(self._project):
            return replace(problem, location=replace(problem.location, path=str(path.relative_to(self._project))))
        return problem

    def _fail(self, error: BuildError) -> None:
        """Content with errors: ``mkdocs build`` stops; ``mkdocs serve`` shows the errors in the browser."""
        shown = tuple(self._shown(problem) for problem in error.problems)
        if not self._serving or self.config.lang != i18n.PRIMARY:
            raise PluginError(str(BuildError(shown))) from None
        self._failed = shown
        for problem in shown:
            (log.error if problem.severity is Severity.ERROR else log.info)(problem.format())
        log.error("The preview shows these errors in the browser until they are fixed")

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self._settings is not None
        if Path(config.docs_dir).resolve() == self._settings.content_dir.resolve():
            for file in [f for f in files if _is_content_source(f.src_uri)]:
                files.remove(file)  # the issues and their data are inputs, not pages of the site
        if not self._failed:
            try:
                self._site = build(self._settings, catalog=self.catalog or self._loaded)
            except BuildError as error:
                self._fail(error)
        if self._failed:  # no page and no theme file: on_post_build writes the error page, which needs none
            return Files([])
        assert self._site is not None
        for problem in self._site.warnings:
            log.info(self._shown(problem).format())
        self._pages = {}
        self._files = files
        # Under serve, pages that cannot have changed are put back instead of rendered — unless the site has
        # hand-written pages: MkDocs renders those every time, and their links and nav titles need every file.
        if self._serving and not files.documentation_pages():
            self._preview = _PREVIEWS.setdefault((str(config.config_file_path), self.config.lang), PreviewCache())
            self._context = _context(config, self._site.pages)
        for rendered in self._site.pages:
            src_uri = rendered.page.src_uri
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(
                    f"{config.docs_dir}/{src_uri}: this file hides a generated page — "
                    "remove it from docs_dir (docs_dir holds static assets only)."
                )
            nav_page = rendered.page.kind in NAV_KINDS
            file = File.generated(config, src_uri, content="",
                                  inclusion=InclusionLevel.UNDEFINED if nav_page else InclusionLevel.NOT_IN_NAV)
            if self._preview is not None:
                signature = page_signature(rendered)
                cached = None if nav_page else self._preview.reusable(self._context, src_uri, signature)
                if cached is not None:  # unchanged since the last rebuild: put back as it was, not rendered again
                    self._reused[src_uri] = cached
                    continue
                self._fresh[src_uri] = (signature, file.dest_uri)
            files.append(file)
            self._pages[src_uri] = rendered
        return files

    def _write_error_pages(self, config: MkDocsConfig) -> None:
        """The error page at every address of the last good preview (the home page and 404 at least)."""
        html = Renderer(i18n.PRIMARY).render_view("errors.html", errors_view(self._failed, i18n.PRIMARY)).encode()
        site_dir = Path(config.site_dir)
        addresses = {File.generated(config, src_uri, content="").dest_uri
                     for src_uri in (*_LAST_PAGES.get(str(config.config_file_path), ()), "index.md")}
        for dest_uri in sorted(addresses | {"404.html"}):
            target = site_dir / dest_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(html)

    def _rendered(self, page: Page) -> RenderedPage | None:
        return self._pages.get(page.file.src_uri)

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        rendered = self._rendered(page)
        if rendered is None:
            return markdown
        # MkDocs themes print titles unescaped (`<title>{{ page.meta.title }}`): hand them HTML.
        page.meta["title"] = html.escape(rendered.page.title, quote=True)
        page.meta["digest_kind"] = rendered.page.kind
        # a reading column: no left sidebar (the header tabs are the navigation), the right one only with a toc
        page.meta.setdefault("hide", ["navigation"] + ([] if rendered.page.toc else ["toc"]))
        return ""

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        rendered = self._rendered(page)
        if rendered is None:
            return html
        if rendered.page.toc:  # MkDocs' toc titles are HTML, as its Markdown extension makes them
            page.toc = get_toc([{"level": 2, "id": entry.anchor, "name": escape(entry.title, quote=False),
                                 "children": []} for entry in rendered.page.toc])
        return rendered.html

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        index = _search_index(config)
        if self._preview is not None and index is not None:  # what Material's search added for this page
            self._search[page.file.src_uri] = index.entries[self._search_seen:]
            self._search_seen = len(index.entries)
        return output

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        rendered = self._rendered(page)
        if rendered is not None:
            context["digest"] = rendered.page.head
        else:  # a hand-written page in docs_dir: switch to the other language's root
            other = next(lang for lang in i18n.LANGUAGES if lang != self.config.lang)
            context["digest"] = None
            context["digest_switch"] = language_href(page.url, self.config.lang, other)
        return context

    def on_template_context(self, context, template_name: str, config: MkDocsConfig):
        not_found = self._site.not_found if self._site is not None else None
        if template_name == "404.html" and not_found is not None:
            context["digest_notfound"] = not_found.view
            context["digest_notfound_elsewhere"] = not_found.elsewhere
            context["digest_meta"] = not_found.meta
            context["digest_switch"] = not_found.switch_href
        return context

    # --- output ------------------------------------------------------------------------

    @event_priority(50)  # before Material's search writes its index
    def _put_back_search_entries(self, config: MkDocsConfig) -> None:
        """Under serve: the search index as a clean build makes it — hand-written pages first, then ours in plan
        order, each with the entries it was indexed with (this rebuild's, or the last one's when not rendered)."""
        index = _search_index(config)
        if self._preview is None or self._site is None or index is None:
            return
        ours = {rendered.page.src_uri for rendered in self._site.pages}
        entries = [entry for src_uri, found in self._search.items() if src_uri not in ours for entry in found]
        for rendered in self._site.pages:
            src_uri = rendered.page.src_uri
            cached = self._reused.get(src_uri)
            entries.extend(cached.search if cached is not None else self._search.get(src_uri, ()))
        index.entries = entries

    def _remember_pages(self, config: MkDocsConfig) -> None:
        """Under serve: put back the pages not rendered this time, and remember every page for the next rebuild."""
        preview = self._preview
        if preview is None:
            return
        site_dir = Path(config.site_dir)
        preview.restore(site_dir, self._reused.values())
        pages = dict(self._reused)
        for src_uri, (signature, dest_uri) in self._fresh.items():
            target = site_dir / dest_uri
            if target.is_file():
                pages[src_uri] = CachedPage(signature, dest_uri, target.read_bytes(),
                                            tuple(self._search.get(src_uri, ())))
        preview.pages, preview.context = pages, self._context

    @event_priority(-50)  # after Material's search has written its index
    def _post_build(self, config: MkDocsConfig) -> None:
        if self._failed:
            _PREVIEWS.pop((str(config.config_file_path), self.config.lang), None)
            self._write_error_pages(config)  # under serve: the errors instead of the site
            return
        assert self._site is not None
        self._remember_pages(config)
        site_dir = Path(config.site_dir)
        for extra in self._site.files:
            target = site_dir / extra.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(extra.content)
        if self.config.lang != i18n.PRIMARY:  # the root sitemap lists this language's pages
            for name in (SITEMAP_FILE, SITEMAP_GZ_FILE):
                (site_dir / name).unlink(missing_ok=True)
        elif self.config.languages:
            entries = list(page_entries(page.page for page in self._site.pages))
            addresses = [page.page.src_uri for page in self._site.pages]
            catalog = self._site.catalog
            self._release_pages()
            for lang in i18n.LANGUAGES[1:]:
                pages = self._build_language(config, lang, catalog).pages
                entries.extend(page_entries(page.page for page in pages))
                addresses.extend(f"{lang}/{page.page.src_uri}" for page in pages)
            if self._serving:  # where the error page goes should the next save break the content
                handwritten = [f.src_uri for f in (self._files or Files([])).documentation_pages() if not f.generated_by]
                _LAST_PAGES[str(config.config_file_path)] = tuple(handwritten + addresses)
            sitemap = sitemap_xml(tuple(entries))
            (site_dir / SITEMAP_FILE).write_bytes(sitemap)
            (site_dir / SITEMAP_GZ_FILE).write_bytes(gzipped(sitemap))
            self._publish(config)

    on_post_build = CombinedEvent(_put_back_search_entries, _post_build)

    def _release_pages(self) -> None:
        """Forget this build's page HTML (ours and MkDocs' ``page.content``, the same strings) once
        written, before the nested build: holding both languages' pages at once made the peak
        memory of a large archive grow by a third (bench #7)."""
        for file in self._files.documentation_pages() if self._files is not None else ():
            if file.page is not None:
                file.page.content = None
        self._pages = {}
        self._site = None

    def _build_language(self, config: MkDocsConfig, lang: str, catalog: Catalog) -> SiteBuild:
        """Build ``lang`` from the same ``mkdocs.yml`` into ``<site_dir>/<lang>/``."""
        from mkdocs.commands.build import build as mkdocs_build
        from mkdocs.config import load_config

        assert self._settings is not None
        root_url = self._settings.root_url
        nested = load_config(
            config.config_file_path,
            site_dir=os.path.join(config.site_dir, lang),
            site_url=f"{root_url}{lang}/",
            strict=config.strict,
        )
        nested.theme["language"] = lang
        plugin = nested.plugins["digest"]
        if not isinstance(plugin, DigestPlugin):
            raise PluginError("the nested build has no digest plugin")
        plugin.config.lang = lang
        plugin.config.root_url = root_url
        plugin.config.languages = False
        plugin.catalog = catalog
        plugin.serving = self._serving
        log.info("Building the '%s' pages into %s", lang, nested.site_dir)
        mkdocs_build(nested)
        if plugin._site is None:
            raise PluginError(f"the '{lang}' build produced no pages")
        return plugin._site

    def on_serve(self, server, config: MkDocsConfig, builder):
        assert self._settings is not None
        custom = Path(config.theme.custom_dir) if config.theme.custom_dir else None
        watched = (self._settings.content_dir, self._settings.local_templates, custom, TEMPLATES_DIR, THEME_DIR,
                   i18n.LOCALES_DIR)
        for path in dict.fromkeys(p for p in watched if p is not None and p.exists()):
            if path.resolve() != Path(config.docs_dir).resolve():  # MkDocs watches docs_dir itself
                server.watch(str(path))
        return server


DEFAULT_NAV = ("index.md", "archive.md", "topics/index.md")
"""The navigation of a site whose ``mkdocs.yml`` has none: home, archive, topics (never the generated pages)."""


def _add_theme(config: MkDocsConfig) -> None:
    """Put our theme folder after the site's ``custom_dir`` and before Material's, our stylesheets before the
    site's own, and our favicon unless the site names one; a site without ``nav`` or ``extra.alternate`` gets
    ours (home, archive, topics; the language selector of both trees)."""
    if config.nav is None:
        config.nav = list(DEFAULT_NAV)
    if not config.extra.get("alternate"):
        config.extra["alternate"] = [{"name": LANGUAGE_NAMES[lang], "link": "/" if lang == i18n.PRIMARY else
                                      f"/{lang}/", "lang": lang} for lang in i18n.LANGUAGES]
    theme = config.theme
    if str(THEME_DIR) not in theme.dirs:
        theme.dirs.insert(1 if theme.custom_dir else 0, str(THEME_DIR))
    config.extra_css[:0] = [sheet for sheet in STYLESHEETS if sheet not in config.extra_css]
    if theme["favicon"] == MATERIAL_FAVICON:
        theme["favicon"] = FAVICON


def _is_content_source(src_uri: str) -> bool:
    """True for what the content folder holds as input: the language folders, its ``.yml`` data and its
    README (when ``docs_dir`` is the content folder, everything else in it is a file of the site)."""
    top, _, rest = src_uri.partition("/")
    if rest:
        return top in LANGUAGE_DIRS
    return top.lower().endswith((".yml", ".yaml")) or top.lower() == "readme.md" or top.startswith(".")


def _search_index(config: MkDocsConfig):  # noqa: ANN202 - Material's SearchIndex, which has no public type
    """Material's search index of this build, when its search plugin is on."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)
    return index if isinstance(getattr(index, "entries", None), list) else None


def _context(config: MkDocsConfig, pages) -> str:  # noqa: ANN001 - RenderedPage sequence
    """What every page of this tree depends on besides itself (:func:`~generator.preview.context_signature`)."""
    try:
        config_text = Path(config.config_file_path).read_text(encoding="utf-8", errors="replace")
    except (OSError, TypeError):
        config_text = ""
    nav_titles = [f"{p.page.src_uri}={p.page.title}" for p in pages if p.page.kind in NAV_KINDS]
    environment = [f"{k}={v}" for k, v in sorted(os.environ.items()) if k.startswith(("DIGEST_", "SITE_URL"))]
    search = config.plugins.get("material/search") or config.plugins.get("search")
    return context_signature(config.theme.dirs, (config_text, config.site_url or "", config.theme["language"],
                                                 repr(sorted(dict(getattr(search, "config", None) or {}).items())), *nav_titles, *environment))


def _user_cache() -> Path:
    """This project's folder in the user's cache (``$XDG_CACHE_HOME/paper-digest`` or ``~/.cache/paper-digest``)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "paper-digest"


def _is_serve_dir(site_dir: Path) -> bool:
    """True for the temporary folder ``mkdocs serve`` builds into (also with ``--clean``): it is not published."""
    return site_dir.parent == Path(tempfile.gettempdir()) and site_dir.name.startswith("mkdocs_")


def _strict_warnings() -> bool:
    """True when MkDocs' ``--strict`` counter has seen a warning (the build will abort after ``on_post_build``)."""
    return any(isinstance(h, CountHandler) and h.get_counts() for h in logging.getLogger("mkdocs").handlers)


def _failure_message(error: BaseException, site_dir: str) -> str:
    """One ``path:line: error:`` line for an exception MkDocs would print as a traceback (``site_dir``: the
    published folder, named when nothing better is known)."""
    unchanged = "the site was left as it was"
    if isinstance(error, i18n.CatalogError):
        return visible(f"{error}; {unchanged}")
    if isinstance(error, OSError):
        where = error.filename or site_dir
        return visible(f"{where}:1: error: cannot write the site ({error.strerror or error}) — free some disk "
                       f"space or fix the permissions and build again; {unchanged}")
    lineno = getattr(error, "lineno", None)
    filename = getattr(error, "filename", None)
    if filename is None:  # a template's runtime error: Jinja puts the template's frame into the traceback
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith((".html", ".xml"))]
        if frames:
            filename, lineno = frames[-1].filename, frames[-1].lineno
    where = f"{filename or site_dir}:{lineno or 1}"
    return visible(f"{where}: error: the build failed: {type(error).__name__}: {error} — fix it and build again "
                   f"(a template or message catalog error names its file); {unchanged}")
