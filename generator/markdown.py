"""Content Markdown → HTML, for text that came from editors (and may be hostile).

Rules:

* raw HTML in a source is never passed through: markdown-it-py runs with ``html=False``, so
  ``<script>`` in a source shows up as the text ``<script>``;
* a link keeps its ``<a href>`` only when its address is ``http(s):``, ``mailto:`` or a real
  relative path (``/x``, ``./x``, ``../x``, ``#x``). Anything else — ``javascript:``, ``data:``,
  and the placeholders editors leave behind (``[논문](Paper)``) — becomes a plain
  ``<span class="digest-unavailable">`` with the label, never a broken link;
* images are shown as their alt text (no requests to other hosts).

Only :mod:`markdown_it` is used; nothing here knows about pages or MkDocs. Results are cached
(bounded): the same summary is shown on many pages (issue, topics, related papers).
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .cjk_emphasis import cjk_emphasis

UNAVAILABLE_CLASS = "digest-unavailable"
"""CSS class of a link whose address is missing or not allowed."""

_RELATIVE = re.compile(r"^(?:/(?!/)|\./|\.\./|#)")


def is_allowed_url(url: str | None) -> bool:
    """True when ``url`` may become an ``href``: http(s), mailto or an explicit relative path."""
    if not url or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. "https://arxiv.o[rg/…": a stray bracket reads as a broken IPv6 host
        return False
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return bool(parts.netloc)
    if scheme == "mailto":
        return len(url) > len("mailto:")
    return not scheme and bool(_RELATIVE.match(url))


def _neutralise_links(state: StateCore) -> None:
    """Core rule: disallowed links become spans; images become their alt text."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        open_links: list[bool] = []
        for token in block.children:
            if token.type == "link_open":
                allowed = is_allowed_url(token.attrGet("href"))
                open_links.append(allowed)
                if allowed:
                    href = str(token.attrGet("href"))
                    if urlsplit(href).scheme in ("http", "https"):
                        token.attrSet("rel", "noopener")
                    children.append(token)
                else:
                    span = Token("html_inline", "", 0)
                    span.content = f'<span class="{UNAVAILABLE_CLASS}">'
                    children.append(span)
            elif token.type == "link_close":
                if open_links.pop() if open_links else True:
                    children.append(token)
                else:
                    close = Token("html_inline", "", 0)
                    close.content = "</span>"
                    children.append(close)
            elif token.type == "image":
                text = Token("text", "", 0)
                text.content = token.content
                children.append(text)
            else:
                children.append(token)
        block.children = children


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.use(cjk_emphasis)  # ``**용어(Term)**은``: bold next to Hangul after punctuation
    md.core.ruler.push("digest_links", _neutralise_links)
    return md


@lru_cache(maxsize=8192)
def to_html(text: str) -> str:
    """Render block Markdown (paragraphs, lists…) to safe HTML."""
    return _parser().render(text) if text.strip() else ""


@lru_cache(maxsize=8192)
def to_inline_html(text: str) -> str:
    """Render one line of Markdown (no ``<p>``) to safe HTML, for titles and one-liners."""
    return _parser().renderInline(text) if text.strip() else ""


@lru_cache(maxsize=32768)
def to_plain_text(text: str) -> str:
    """Markdown to plain text: the text of the inline tokens, emphasis and links removed."""
    tokens = _parser().parseInline(text.strip()) if text.strip() else []
    parts: list[str] = []
    for block in tokens:
        for token in block.children or ():
            if token.type in ("text", "code_inline"):
                parts.append(token.content)
            elif token.type in ("softbreak", "hardbreak"):
                parts.append(" ")
    return re.sub(r"\s+", " ", "".join(parts)).strip()
