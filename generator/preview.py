"""The preview's memory between rebuilds: pages whose output cannot have changed are not rendered again.

``mkdocs serve`` rebuilds the whole site on every save, although an edit to one issue changes a handful of pages.
Within one serve process the adapter keeps, per language tree, each page's finished HTML file, its search index
entries and a signature of everything it was made from; on the next rebuild a page whose signature and whose
*context* (the theme's files, ``mkdocs.yml``, the navigation) are unchanged is not handed to the engine again: its
file and its search entries are put back as they were. A clean build gives the same bytes (tested).
"""

from __future__ import annotations

import hashlib
import os
import sysconfig
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from generator.build import RenderedPage

__all__ = ["CachedPage", "PreviewCache", "context_signature", "page_signature"]


def page_signature(rendered: RenderedPage) -> str:
    """A hash of everything the page's output is made from on our side: its HTML body, title, head metadata
    (hreflang, feeds, cards, footer) and table of contents (frozen dataclasses: their ``repr`` is their value)."""
    page = rendered.page
    text = "\x1f".join((page.kind, page.lang, page.path, page.title, repr(page.head), repr(page.toc), rendered.html))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


_INSTALLED = tuple(sorted({os.path.realpath(p) for p in (sysconfig.get_path("purelib"), sysconfig.get_path("platlib"))
                            if p}))
"""Where installed packages live: a theme folder there (Material's) does not change while a preview runs."""


@lru_cache(maxsize=64)
def _installed_folder_signature(folder: str) -> str:
    return _folder_signature(folder)


def _folder_signature(folder: str) -> str:
    """A hash of the names, sizes and modification times of every file under ``folder``."""
    digest = hashlib.sha256()
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            digest.update(f"{path}\x1f{stat.st_size}\x1f{stat.st_mtime_ns}\x1e".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def context_signature(theme_dirs: Sequence[str | Path], texts: Iterable[str]) -> str:
    """A hash of what every page's output depends on besides the page: the files of the theme folders (name, size,
    modification time; an installed package's folder is read once per process) and ``texts`` (``mkdocs.yml``, the
    navigation's titles, the search settings)."""
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8", "surrogatepass") + b"\x1e")
    for folder in map(str, theme_dirs):
        installed = os.path.realpath(folder).startswith(_INSTALLED) if _INSTALLED else False
        digest.update((_installed_folder_signature(folder) if installed else _folder_signature(folder)).encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class CachedPage:
    """A page as the last rebuild wrote it."""

    signature: str
    """:func:`page_signature` of the page it was made from."""

    dest_uri: str
    """Its file, relative to the site folder (``issues/x/index.html``)."""

    content: bytes
    """The file's bytes, as the engine wrote them."""

    search: tuple[dict, ...]
    """Its entries in the search index, in order."""


@dataclass
class PreviewCache:
    """What one language tree of one ``mkdocs.yml`` looked like after the last rebuild of the preview."""

    context: str = ""
    """:func:`context_signature` of that rebuild."""

    pages: dict[str, CachedPage] = field(default_factory=dict)
    """Source name (``issues/x.md``) → the page."""

    def reusable(self, context: str, src_uri: str, signature: str) -> CachedPage | None:
        """The cached page, when neither it nor its context has changed since."""
        cached = self.pages.get(src_uri)
        if context != self.context or cached is None or cached.signature != signature:
            return None
        return cached

    def restore(self, site_dir: Path, pages: Iterable[CachedPage]) -> None:
        """Write the files of ``pages`` back into ``site_dir`` (the engine cleaned it)."""
        for page in pages:
            target = site_dir / page.dest_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(page.content)
