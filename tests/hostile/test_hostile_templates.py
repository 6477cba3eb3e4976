"""Every page template and theme override, rendered with a hostile string in every field, injects nothing.

The view types come from a real plan of the shipped content (one per template). Each is rebuilt field by
field — every text a hostile string that closes attributes and opens elements, every ``*_html`` field what
the Markdown renderer makes of it, JSON-LD what ``script_safe_json`` makes of it — and rendered twice: with
the hostile string and with a plain word. Python's HTML parser then lists the elements and attribute names
of both outputs: they must be the same (a quote that broke out of an attribute, or a ``<script>`` or
``<img onerror>`` that became markup, changes that list). The theme overrides (``main.html``,
``partials/alternate.html``, ``partials/digest-meta.html``, ``404.html``) are rendered the way MkDocs does
— without autoescape — over a stub of Material's ``base.html``. ``partials/palette.html`` and
``partials/search.html`` print only ``mkdocs.yml`` settings and Material's own strings, not content.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import enum
import sys
import types
import typing
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader, StrictUndefined

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_site import ROOT  # noqa: E402

from generator.build import BuildSettings, build  # noqa: E402
from generator.errorpage import ErrorsView  # noqa: E402
from generator.markdown import to_html  # noqa: E402
from generator.meta import PageMeta, script_safe_json  # noqa: E402
from generator.notfound import NotFoundView  # noqa: E402
from generator.plan import HeadView  # noqa: E402
from generator.mkdocs_plugin import THEME_DIR  # noqa: E402
from generator.render import TEMPLATES_DIR, Renderer  # noqa: E402

HOSTILE = "x\"' onmouseover=alert(1) x='\"><script>alert(2)</script><img src=x onerror=alert(3)>{{ 7*7 }}&amp;"
"""Breaks out of double- and single-quoted attributes, opens a script and an image, tries Jinja syntax."""

PLAIN = "plain"


class _Structure(HTMLParser):
    """The elements and attribute names of a document, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, tuple[str, ...]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.items.append((tag, tuple(name for name, _ in attrs)))

    handle_startendtag = handle_starttag


def structure(html: str) -> list[tuple[str, tuple[str, ...]]]:
    parser = _Structure()
    parser.feed(html)
    parser.close()
    return parser.items


def _fill(kind: object, text: str, name: str = "") -> object:
    """A value of type ``kind`` whose every string is ``text`` (two entries in every tuple)."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [k for k in typing.get_args(kind) if k is not type(None)]
        return _fill(options[0], text, name)
    if origin is tuple:
        args = typing.get_args(kind)
        inner = args[0]
        return tuple(_fill(inner, text, name) for _ in range(2)) if args[-1] is Ellipsis else \
            tuple(_fill(a, text, name) for a in args)
    if origin is typing.Literal:
        return typing.get_args(kind)[0]
    if kind is str:
        if name == "html" or name.endswith("_html"):  # HTML made by generator.markdown
            return to_html(text)
        if name == "json_ld":
            return script_safe_json({"name": text})
        return text
    if kind is bool:
        return True
    if kind is int:
        return 1
    if kind is float:
        return 1.0
    if kind is _dt.date:
        return _dt.date(2024, 3, 5)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return next(iter(kind))
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        return kind(**{f.name: _fill(hints[f.name], text, f.name) for f in dataclasses.fields(kind) if f.init})
    raise TypeError(f"no filler for {kind!r} ({name})")


def _views() -> dict[tuple[str, str], type]:
    """(language, template) → the view type the plan hands it."""
    found: dict[tuple[str, str], type] = {}
    for lang in ("ko", "en"):
        site = build(BuildSettings(content_dir=ROOT / "content", lang=lang))
        for page in site.pages:
            found.setdefault((lang, page.page.template), type(page.page.view))
    return found


VIEWS = {**_views(), **{(lang, "errors.html"): ErrorsView for lang in ("ko", "en")}}
"""Every page template with its view type; the preview's error page is not planned, so it is named here."""


def test_every_page_template_is_covered() -> None:
    templates = {p.name for p in TEMPLATES_DIR.glob("*.html") if not p.name.startswith("_")}
    assert {template for _, template in VIEWS} == templates


@pytest.mark.parametrize(("lang", "template"), sorted(VIEWS), ids=lambda v: str(v))
def test_page_template_with_hostile_fields(lang: str, template: str) -> None:
    renderer = Renderer(lang)
    outputs = {}
    for text in (PLAIN, HOSTILE):
        view = _fill(VIEWS[(lang, template)], text)
        outputs[text] = renderer.env.get_template(template).render(view=view, lang=lang)
    assert "<script>alert(2)" not in outputs[HOSTILE]
    assert "alert(2)" in outputs[HOSTILE] or "alert(2)" in outputs[HOSTILE].replace("&#34;", '"'), \
        "the hostile text is shown, as text"
    assert structure(outputs[HOSTILE]) == structure(outputs[PLAIN])


BASE = """<!doctype html><html><head>{% block site_meta %}{% endblock %}</head><body>
{% include "partials/alternate.html" %}{% block content %}{% endblock %}</body></html>"""


def _theme_env() -> Environment:
    loader = ChoiceLoader([FileSystemLoader(str(THEME_DIR)),
                           DictLoader({"base.html": BASE, ".icons/material/translate.svg": "<svg></svg>"})])
    env = Environment(loader=loader, undefined=StrictUndefined)  # MkDocs' theme environment: no autoescape
    env.filters["url"] = lambda value: value
    return env


def _theme_context(text: str) -> dict[str, object]:
    return {
        "config": SimpleNamespace(site_description=text, site_author=text, extra={"alternate": [
            SimpleNamespace(lang="ko", name=text), SimpleNamespace(lang=text, name=text)]},
            theme={"favicon": "assets/favicon.png", "language": "ko", "icon": SimpleNamespace(alternate=None)}),
        "page": SimpleNamespace(canonical_url=text),
        "mkdocs_version": "1.6",
        "lang": SimpleNamespace(t=lambda key: key),
        "digest": _fill(HeadView, text),
        "digest_meta": _fill(PageMeta, text),
        "digest_notfound": _fill(NotFoundView, text),
        "digest_notfound_elsewhere": (_fill(NotFoundView, text),),
        "digest_switch": text,
    }


@pytest.mark.parametrize("template", ["main.html", "404.html"])
def test_theme_overrides_with_hostile_fields(template: str) -> None:
    env = _theme_env()
    outputs = {text: env.get_template(template).render(**_theme_context(text)) for text in (PLAIN, HOSTILE)}
    hostile = outputs[HOSTILE]
    assert "<script>alert(2)" not in hostile and "onerror=alert(3)>" not in hostile
    assert structure(hostile) == structure(outputs[PLAIN])
    tags = [tag for tag, _ in structure(hostile)]
    assert "link" in tags and "meta" in tags and "a" in tags, "canonical, hreflang, meta tags and the switcher"


def test_footer_override_with_hostile_fields() -> None:
    """The footer prints the page's footer links (labels and relative addresses built from content): escaped."""
    loader = ChoiceLoader([FileSystemLoader(str(THEME_DIR)),
                           DictLoader({"partials/copyright.html": "<div class=\"md-copyright\"></div>"})])
    env = Environment(loader=loader, undefined=StrictUndefined)
    outputs = {text: env.get_template("partials/footer.html").render(**_theme_context(text)) for text in (PLAIN, HOSTILE)}
    assert "<script>alert(2)" not in outputs[HOSTILE] and "onerror=alert(3)>" not in outputs[HOSTILE]
    assert structure(outputs[HOSTILE]) == structure(outputs[PLAIN])
    assert [tag for tag, _ in structure(outputs[PLAIN])].count("a") >= 2
