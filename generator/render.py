"""Rendering planned pages to HTML with Jinja2.

One :class:`Renderer` per language holds one Jinja environment (created once) over the page
templates: a site's own folder first, when it has one, then ours (:data:`TEMPLATES_DIR`), so a site
overrides them file by file, with ``jinja2.ext.i18n`` and that language's gettext translations installed
(:func:`generator.i18n.translations`, compiled from the ``.po`` files in memory).
Templates get one variable, ``view`` (the page's view object), and print it; autoescaping is
on, so only fields named ``*_html`` (safe HTML made by :mod:`generator.markdown`) are marked
``|safe`` in templates.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator import i18n
from generator.plan import PlannedPage


TEMPLATES_DIR = Path(__file__).parent / "templates"
"""The page-body templates that ship with the package."""


_ENVIRONMENTS: dict[tuple[str, tuple[str, ...], tuple[tuple[str, int], ...], int], Environment] = {}
"""Jinja environments by (language, template folders, catalog): one per process, so that a rebuild under
``mkdocs serve`` reuses the compiled templates (Jinja compiles a template again when its file has changed)."""


def _listing(folders: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """Every template file of ``folders`` with its modification time: a template added to a site's folder (which
    Jinja's own check, per file it already loaded, would not see) or changed makes a new environment."""
    found = []
    for folder in folders:
        for path in sorted(Path(folder).glob("*.html")) if Path(folder).is_dir() else ():
            try:
                found.append((str(path), path.stat().st_mtime_ns))
            except OSError:
                continue
    return tuple(found)


class Renderer:
    """Renders pages of one language."""

    def __init__(self, lang: str, local_dirs: Sequence[Path] = ()) -> None:
        self.lang = lang
        folders = tuple(str(path) for path in (*local_dirs, TEMPLATES_DIR))
        catalog = i18n.translations(lang)
        key = (lang, folders, _listing(folders), id(catalog))
        if key in _ENVIRONMENTS:
            self.env = _ENVIRONMENTS[key]
            return
        self.env = Environment(
            loader=FileSystemLoader(list(folders)),
            autoescape=True,
            undefined=StrictUndefined,
            extensions=["jinja2.ext.i18n"],
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.install_gettext_translations(catalog, newstyle=True)  # type: ignore[attr-defined]
        if len(_ENVIRONMENTS) >= 8:  # edited catalogs, other sites: the oldest are not used again
            del _ENVIRONMENTS[next(iter(_ENVIRONMENTS))]
        _ENVIRONMENTS[key] = self.env

    def render(self, page: PlannedPage) -> str:
        """The HTML body of ``page`` (what goes inside Material's content area)."""
        return self.env.get_template(page.template).render(view=page.view, lang=page.lang)

    def render_view(self, template: str, view: object) -> str:
        """The HTML body of ``template`` showing ``view`` (a page that is not planned, such as the error page)."""
        return self.env.get_template(template).render(view=view, lang=self.lang)
