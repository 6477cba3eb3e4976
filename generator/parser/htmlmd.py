"""HTML written inside Markdown → the Markdown it means, line for line.

Blog exports (Tistory, Velog, Notion, Substack) mix HTML into Markdown: ``## <a href="…"><b>Title</b></a>``
headings, ``<a href>`` links in the body, ``<details>``/``<summary>`` groups, ``<figure>`` blocks. The
parser reads structure from Markdown, so before the block pass every HTML tag is read with the standard
library's HTML parser (not regular expressions) and replaced by its Markdown equivalent: a link by
``[text](href)``, bold by ``**``, a summary by a bold line, an image by ``![alt](src)``, a heading tag by
``#`` marks; wrappers such as ``<details>``, ``<div>``, ``<figure>`` vanish. Line breaks are kept, so every
line number still points at the editor's line, and a heading written right after ``</details>`` is a
heading again. Only paragraphs of plain structural HTML are rewritten: a paragraph holding any other tag
(``<script>``, ``<iframe>``, ``<style>``), an event handler (``onclick``), an unsafe address, a comment or an
unclosed inline tag is kept exactly as written, and the Markdown renderer shows it escaped, as text. Nothing here
is rendered.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import quote

__all__ = ["html_to_markdown", "has_html"]

_TAG_HINT = re.compile(r"</?(?:a|b|strong|i|em|u|s|del|code|br|img|p|div|span|details|summary|figure|figcaption|"
                       r"h[1-6]|ul|ol|li|aside|section|article|blockquote|sup|sub|mark|small|center|font|hr|table|"
                       r"thead|tbody|tr|td|th|picture|source|video|iframe|script|style|header|footer|nav|main)\b",
                       re.IGNORECASE)
_WRAPPERS = {"div", "span", "details", "figure", "p", "ul", "ol", "aside", "section", "article", "center", "font",
             "u", "sup", "sub", "mark", "small", "picture", "source", "header", "footer", "nav", "main",
             "thead", "tbody", "table", "tr", "video", "iframe", "blockquote"}
_DROP_CONTENT = {"script", "style"}
_INLINE = {"b": "**", "strong": "**", "i": "*", "em": "*", "s": "~~", "del": "~~", "code": "`"}


def has_html(text: str) -> bool:
    """True when ``text`` contains a tag this module rewrites."""
    return "<" in text and _TAG_HINT.search(text) is not None


def _url(value: str) -> str:
    """An ``href``/``src`` value as a Markdown link target: trimmed, and the characters that would end the target
    or start new Markdown (``( ) < >``, blanks) percent-encoded, so ``/x)[c](https://…`` stays one address."""
    return quote(value.strip(), safe="/:?#[]@!$&'*+,;=%~.-_")


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.links: list[tuple[int, str]] = []  # (position in out, href) of open <a>
        self.drop = 0

    def _newlines(self) -> str:
        raw = self.get_starttag_text() or ""
        return "\n" * raw.count("\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        keep = self._newlines()
        if tag in _DROP_CONTENT:
            self.drop += 1
        elif tag == "a":
            self.links.append((len(self.out), _url(a.get("href", ""))))
            self.out.append("[" + keep)
        elif tag in _INLINE:
            self.out.append(_INLINE[tag] + keep)
        elif tag == "summary":
            self.out.append("**" + keep)
        elif tag == "img":
            alt = a.get("alt", "").replace("]", "").replace("[", "")
            self.out.append(f"![{alt}]({_url(a.get('src', ''))})" + keep)
        elif tag == "br":
            self.out.append(" " + keep)
        elif tag == "hr":
            self.out.append("---" + keep)
        elif tag == "li":
            self.out.append("- " + keep)
        elif re.fullmatch(r"h[1-6]", tag):
            self.out.append("#" * int(tag[1]) + " " + keep)
        elif tag in ("td", "th"):
            self.out.append(" " + keep)
        elif tag in _WRAPPERS or tag == "figcaption":
            self.out.append(keep)
        else:
            self.out.append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("img", "br", "hr"):
            self.handle_starttag(tag, attrs)
        elif tag in _WRAPPERS:
            self.out.append(self._newlines())
        else:
            self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP_CONTENT:
            self.drop = max(0, self.drop - 1)
        elif tag == "a" and self.links:
            _, href = self.links.pop()
            self.out.append(f"]({href})")
        elif tag in _INLINE:
            self.out.append(_INLINE[tag])
        elif tag == "summary":
                self.out.append("**")
        elif tag in _WRAPPERS or tag in ("figcaption", "li", "td", "th") or re.fullmatch(r"h[1-6]", tag):
            pass
        else:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.drop:
            self.out.append(data)
        else:
            self.out.append("\n" * data.count("\n"))

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append("\n" * data.count("\n"))

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")


def _convert(text: str) -> str:
    conv = _Converter()
    conv.feed(text)
    conv.close()
    out = "".join(conv.out)
    # Keep line numbers: the result has exactly as many lines as the input.
    want, got = text.count("\n"), out.count("\n")
    if got < want:
        out += "\n" * (want - got)
    elif got > want:
        lines = out.split("\n")
        out = "\n".join(lines[:want] + [" ".join(lines[want:])])
    return re.sub(r"\*\*\s*\*\*", "", out)


_SAFE_TAGS = {"a", "b", "strong", "i", "em", "code", "br", "img", "p", "div", "span", "details", "summary", "figure",
              "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "aside", "section", "article", "sup",
              "sub", "mark", "small", "u", "s", "del", "hr", "blockquote", "picture", "source", "center", "header",
              "footer", "main", "table", "thead", "tbody", "tr", "td", "th"}
"""Tags whose meaning is structure or emphasis; a chunk holding any other tag is left exactly as written."""
_VOID = {"br", "img", "hr", "source"}
_BLOCK_WRAPPERS = {"details", "div", "section", "aside", "figure", "article", "center", "header", "footer", "main",
                   "blockquote", "ul", "ol", "table", "thead", "tbody", "tr", "p", "li", "td", "th", "picture"}
"""Wrappers that may open in one paragraph and close in a later one (``<details>`` … blank line … ``</details>``)."""
_SAFE_URL = re.compile(r"^\s*(?:https?://|#|/|\.|$)", re.IGNORECASE)


class _Audit(HTMLParser):
    """Whether a chunk of text is plain structural HTML: only :data:`_SAFE_TAGS`, no event handlers or unsafe
    addresses, no comments, and its inline tags closed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ok = True
        self.open: list[str] = []
        self.counts: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _SAFE_TAGS:
            self.ok = False
            return
        for name, value in attrs:
            if name.startswith("on") or (name in ("href", "src") and not _SAFE_URL.match(value or "")):
                self.ok = False
        if tag not in _VOID:
            self.open.append(tag)
            self.counts[tag] = self.counts.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.open and self.open[-1] == tag:
            self._pop()

    def _pop(self) -> str:
        tag = self.open.pop()
        self.counts[tag] -= 1
        return tag

    def handle_endtag(self, tag: str) -> None:
        if tag not in _SAFE_TAGS:
            self.ok = False
        elif self.counts.get(tag):  # a count, not a scan of the stack: no quadratic time on many open tags
            while self.open and self._pop() != tag:
                pass
        elif tag not in _BLOCK_WRAPPERS:
            self.ok = False

    def handle_comment(self, data: str) -> None:
        self.ok = False

    def handle_decl(self, decl: str) -> None:
        self.ok = False

    def handle_pi(self, data: str) -> None:
        self.ok = False

    def unknown_decl(self, data: str) -> None:
        self.ok = False


_TAG_START = re.compile(r"<[/!?a-zA-Z]")
_LONGEST_TAG = 4096
"""A tag longer than this is no structure we read: html.parser would scan to the end of the text for every ``<``
that never closes (quadratic time on ``<a href=`` repeated)."""


def _tags_close(chunk: str) -> bool:
    """True when every tag opened in ``chunk`` ends within :data:`_LONGEST_TAG` characters (one linear scan)."""
    gt = -1
    for m in _TAG_START.finditer(chunk):
        if gt < m.start():
            gt = chunk.find(">", m.start())
        if gt < 0 or gt - m.start() > _LONGEST_TAG:
            return False
    return True


def _plain_structure(chunk: str) -> bool:
    if not _tags_close(chunk):
        return False
    audit = _Audit()
    try:
        audit.feed(chunk)
        audit.close()
    except (AssertionError, ValueError):  # html.parser gives up on some malformed declarations: not plain HTML
        return False
    return audit.ok and all(tag in _BLOCK_WRAPPERS for tag in audit.open)


def html_to_markdown(body: str, code_lines: set[int]) -> str:
    """``body`` with the HTML of every line outside ``code_lines`` (0-based) rewritten as Markdown; the number
    of lines does not change. Inline code spans are left alone."""
    if not has_html(body):
        return body
    lines = body.split("\n")
    out: list[str] = []
    chunk: list[str] = []

    def flush() -> None:
        if chunk:
            text = "\n".join(chunk)
            converted = _convert_outside_code_spans(text) if has_html(text) and _plain_structure(text) else text
            out.extend(converted.split("\n") if converted.count("\n") == len(chunk) - 1 else chunk)
            chunk.clear()

    for i, line in enumerate(lines):
        if i in code_lines or not line.strip():
            flush()
            out.append(line)
        else:
            chunk.append(line)
    flush()
    if not _HEADED.search(body):
        for i, line in enumerate(lines):
            if i not in code_lines and _BOLD_BLOCK.match(line) and _WHOLE_BOLD.match(out[i].strip()):
                out[i] = "#### " + out[i].strip()[2:-2].strip()  # ``<p><b>1. Title</b></p>``: a title of its own
    return "\n".join(out)


_HEADED = re.compile(r"<h[1-6]\b|^ {0,3}#{1,6}\s", re.IGNORECASE | re.MULTILINE)
_BOLD_BLOCK = re.compile(r"^\s*(?:<(?:p|div)\b[^>]*>\s*)+<(b|strong)\b[^>]*>[^<]{2,200}</\1>\s*(?:</(?:p|div)>\s*)+$",
                         re.IGNORECASE)
"""A line that is one HTML paragraph holding only bold text: in an export without headings, its section title.
Markdown would run it into the paragraphs around it (an export puts no blank line between its ``<p>`` lines)."""
_WHOLE_BOLD = re.compile(r"^\*\*[^*]+\*\*$")


_CODE_SPAN = re.compile(r"(`+)[^`]*?\1")


def _convert_outside_code_spans(text: str) -> str:
    parts: list[str] = []
    pos = 0
    for m in _CODE_SPAN.finditer(text):
        if "\n" in m.group(0):
            continue
        parts.append(_convert(text[pos:m.start()]) if has_html(text[pos:m.start()]) else text[pos:m.start()])
        parts.append(m.group(0))
        pos = m.end()
    rest = text[pos:]
    parts.append(_convert(rest) if has_html(rest) else rest)
    return "".join(parts)
