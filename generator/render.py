"""Rendering planned pages to HTML with Jinja2.

One :class:`Renderer` per language holds one Jinja environment over ``templates/`` (created
once), with ``jinja2.ext.i18n`` and that language's gettext translations installed
(:func:`generator.i18n.translations`, compiled from the ``.po`` files in memory).
Templates get one variable, ``view`` (the page's view object), and print it; autoescaping is
on, so only fields named ``*_html`` (safe HTML made by :mod:`generator.markdown`) are marked
``|safe`` in templates.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator import i18n
from generator.plan import PlannedPage


class Renderer:
    """Renders pages of one language."""

    def __init__(self, templates_dir: Path, lang: str) -> None:
        self.lang = lang
        self.env = Environment(
            loader=FileSystemLoader(str(templates_dir)),
            autoescape=True,
            undefined=StrictUndefined,
            extensions=["jinja2.ext.i18n"],
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.install_gettext_translations(i18n.translations(lang), newstyle=True)  # type: ignore[attr-defined]

    def render(self, page: PlannedPage) -> str:
        """The HTML body of ``page`` (what goes inside Material's content area)."""
        return self.env.get_template(page.template).render(view=page.view, lang=page.lang)
