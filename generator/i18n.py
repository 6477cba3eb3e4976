"""UI strings, dates and numbers of the generated pages, in Korean and English.

UI strings live in gettext catalogs ``generator/locales/<lang>/LC_MESSAGES/messages.po``;
they are compiled in memory on every build (no ``.mo`` file is committed). To refresh them
after changing a template or a ``_()`` call in Python::

    .venv/bin/pybabel extract -F babel.cfg -o generator/locales/messages.pot --no-location --sort-output --omit-header .
    .venv/bin/pybabel update -i generator/locales/messages.pot -d generator/locales --no-fuzzy-matching --ignore-obsolete

then translate the new ``msgstr`` entries of both ``.po`` files.

Dates and numbers go through Babel (``2025년 10월 12일`` / ``October 12, 2025``).
"""

from __future__ import annotations

import datetime as _dt
import gettext
import io
from functools import lru_cache
from pathlib import Path

from babel.dates import format_date as _babel_format_date
from babel.dates import format_skeleton
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.numbers import format_decimal

from generator.urls import LANGUAGES, PRIMARY_LANGUAGE  # noqa: F401  (re-exported)

PRIMARY = PRIMARY_LANGUAGE

LOCALES_DIR = Path(__file__).parent / "locales"
"""Where the ``.po`` catalogs are."""


class CatalogError(ValueError):
    """A ``.po`` catalog that cannot be read; the text is one ``path:line: error: … — …`` message."""


def translations(lang: str) -> gettext.NullTranslations:
    """The compiled gettext translations of ``lang`` (compiled in memory from the ``.po`` file, again only when the
    file has changed: an edit under ``mkdocs serve`` shows on the next rebuild, an unchanged catalog is reused).
    Raises :class:`CatalogError` for a broken or unreadable catalog (never a half-translated site)."""
    po_path = LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po"
    try:
        stat = po_path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = (0, 0)
    return _compiled(lang, str(po_path), stamp)


@lru_cache(maxsize=16)
def _compiled(lang: str, po_file: str, stamp: tuple[int, int]) -> gettext.NullTranslations:
    """:func:`translations` of the catalog ``po_file`` as it was at ``stamp`` (modification time, size)."""
    po_path = Path(po_file)
    try:
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=lang, domain="messages", abort_invalid=True)
    except PoFileError as exc:
        raise CatalogError(f"{po_path}:{exc.lineno}: error: the message catalog is broken ({exc}) — fix the "
                           "entry (every msgid and msgstr a quoted string), or restore the file from git") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{po_path}:1: error: cannot read the message catalog ({exc}) — restore the file "
                           "from git") from None
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def gettext_for(lang: str):
    """``_`` for Python code: ``_("Archive")`` in ``lang``."""
    return translations(lang).gettext


def ngettext_for(lang: str):
    """``ngettext`` for Python code."""
    return translations(lang).ngettext


@lru_cache(maxsize=4096)
def format_date(date: _dt.date | None, lang: str) -> str:
    """``2025년 10월 12일`` / ``October 12, 2025``; empty when the date is unknown."""
    return _babel_format_date(date, format="long", locale=lang) if date else ""


@lru_cache(maxsize=1024)
def format_month(date: _dt.date, lang: str) -> str:
    """``2025년 10월`` / ``October 2025``."""
    return format_skeleton("yMMMM", date, locale=lang)


def format_number(number: int, lang: str) -> str:
    """``1,234`` in the conventions of ``lang``."""
    return format_decimal(number, locale=lang)


def with_count(template: str, number: int, lang: str) -> str:
    """Fill ``%(num)s`` of an already translated ``ngettext`` message with a Babel-formatted number.

    Call sites keep literal strings so that ``pybabel extract`` finds them::

        with_count(ngettext("%(num)s paper", "%(num)s papers", n), n, lang)
    """
    return template % {"num": format_number(number, lang)}
