"""Reading a source file: bytes → normalised text, plus its validated YAML front matter.

One job: turn whatever an editor saved into clean text the parser can trust, and say — with
``path:line`` — what was wrong with it. It never raises for bad input: every problem is a
:class:`~generator.model.Problem`.

Normalisation: UTF-8 BOM removed, CRLF/CR → LF, NUL bytes removed (error), Unicode NFC (so
decomposed Hangul jamo compare equal to precomposed syllables). Files that are not UTF-8
(typically CP949/EUC-KR from Korean Windows tools) are detected with charset-normalizer,
decoded anyway so the rest can be checked, and reported as an error.
"""

from __future__ import annotations

import datetime as _dt
import html
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from charset_normalizer import from_bytes
from markdown_it import MarkdownIt

from .model import Location, Problem, Severity, Source
from .yamlsafe import TIMESTAMP_TAG, duplicate_key, refusal, timestamp_or_text
from .yamlschema import Violation, is_valid, schema_violations

__all__ = ["FrontMatter", "SourceText", "decode", "read_source", "split_front_matter", "load_text",
           "is_unsafe_url", "unsafe_targets", "read_bytes", "MAX_BYTES"]


@dataclass(frozen=True)
class FrontMatter:
    """The YAML front matter of a content file, validated and typed."""

    date: _dt.date | None = None
    """``date:`` — the issue date."""

    title: str | None = None
    """``title:`` — the issue title."""

    author: str | None = None
    """``author:`` — who wrote the original."""

    source: Source | None = None
    """``source:`` — mapping with ``name`` and optional ``url`` of the English original."""

    slug: str | None = None
    """``slug:`` — overrides the file stem as the issue slug (optional)."""

    draft: bool = False
    """``draft: true`` — a draft: ``mkdocs serve`` shows it with a banner, ``mkdocs build`` leaves it out."""

    lines: int = 0
    """How many lines of the file the front matter block takes (delimiters included)."""


@dataclass(frozen=True)
class SourceText:
    """A source file after decoding and normalisation, with its front matter split off."""

    path: str
    """The path as given (used in messages)."""

    body: str
    """The Markdown body (front matter removed), normalised, LF line endings."""

    body_offset: int
    """Number of file lines before the body (add to a 0-based body line, plus 1, for the file line)."""

    front_matter: FrontMatter | None
    """The validated front matter, or ``None`` when the file has none."""

    problems: tuple[Problem, ...] = ()
    """Problems found while reading (encoding, front matter)."""


def _problem(path: str, line: int, message: str, hint: str, severity: Severity = Severity.ERROR) -> Problem:
    return Problem(Location(path, line), severity, message, hint)


MAX_BYTES = 2_000_000
"""Largest source file accepted (a real issue is ~30 kB; megabytes mean a pasted accident)."""

_INVISIBLE = re.compile("[\u200b\u2060\ufeff]")
"""Zero-width space, word joiner and stray BOMs: removed everywhere (editors cannot see them)."""

_FRONT_MATTER_SCHEMA = "front-matter"
"""``generator/schemas/front-matter.schema.json``: the shape of the front matter."""


def decode(data: bytes, path: str) -> tuple[str, list[Problem]]:
    """Bytes → normalised text and the problems found (never raises)."""
    problems: list[Problem] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        best = from_bytes(data).best()
        encoding = best.encoding if best is not None else None
        if encoding and encoding.replace("_", "").lower() not in {"utf8", "ascii"}:
            text = str(best)
            if encoding.replace("_", "").lower() in {"cp949", "euckr", "johab", "iso2022kr", "uhc"}:
                encoding = "cp949/EUC-KR, a Korean Windows encoding"
            problems.append(_problem(
                path, line, f"file is not UTF-8 (looks like {encoding})",
                "re-save the file as UTF-8 (in most editors: Save As… → Encoding: UTF-8)"))
        else:
            text = data.decode("utf-8", errors="replace")
            problems.append(_problem(
                path, line, "file is not valid UTF-8",
                "re-save the file as UTF-8; invalid bytes were replaced by U+FFFD"))
    text, more = normalize_text(text, path)
    return text, problems + more


def normalize_text(text: str, path: str) -> tuple[str, list[Problem]]:
    """Decoded text → NUL bytes and invisible characters removed, LF line endings, NFC; with problems."""
    problems: list[Problem] = []
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        problems.append(_problem(path, line, "file contains NUL bytes",
                                 "re-save it as plain UTF-8 text; the NUL bytes were ignored"))
        text = text.replace("\x00", "")
    text = _INVISIBLE.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    return text, problems


class _FrontMatterLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe loader whose impossible dates (``2025-11-31``) stay strings, so `_validate` reports them."""


_FrontMatterLoader.add_constructor(TIMESTAMP_TAG, timestamp_or_text)

_YAML_LOADER = _FrontMatterLoader
"""libyaml's safe loader when PyYAML was built with it (ten times faster), else the pure-Python one."""

_FM_DELIMS = ("---",)
_FM_END = ("---", "...")


def _key_line(raw_lines: list[str], key: str, first_line: int) -> int:
    for i, raw in enumerate(raw_lines):
        if raw.startswith(f"{key}:"):
            return first_line + i
    return first_line


def _text(value: object) -> str | None:
    """A schema-checked text value (string or number), stripped; ``None`` when empty."""
    return None if value is None else (str(value).strip() or None)


def _validate(data: object, raw_lines: list[str], path: str, first_line: int,
              problems: list[Problem]) -> FrontMatter:
    """Typed front matter from the loaded YAML; its shape is checked against
    ``generator/schemas/front-matter.schema.json`` and a value with a problem is left out."""
    lines = len(raw_lines) + 2
    violations: list[Violation] = []
    if not is_valid(_FRONT_MATTER_SCHEMA, data):
        root = yaml.compose("\n".join(raw_lines), Loader=_YAML_LOADER)  # nodes only to say which line
        violations = schema_violations(root, _FRONT_MATTER_SCHEMA, path, data=data, first_line=first_line)
        problems.extend(v.problem for v in violations)
    if not isinstance(data, dict):
        return FrontMatter(lines=lines)
    bad = {v.path for v in violations}

    def ok(*key: str) -> bool:
        return not any(p[:len(key)] == key for p in bad)

    def line_of(key: str) -> int:
        return _key_line(raw_lines, key, first_line)

    date: _dt.date | None = None
    raw_date = data.get("date")
    if isinstance(raw_date, _dt.datetime):
        date = raw_date.date()
    elif isinstance(raw_date, _dt.date):
        date = raw_date
    elif raw_date is not None:
        from .parser.metadata import parse_date  # local import: metadata is a leaf module

        date = parse_date(str(raw_date))
        if date is None:
            problems.append(_problem(path, line_of("date"), f"front matter `date` is not a date: {raw_date!r}",
                                     "write it as `date: YYYY-MM-DD`"))
    raw_source = data.get("source")
    source = None
    if isinstance(raw_source, dict) and ok("source"):
        source = Source(name=_text(raw_source.get("name")) or "",
                        url=_text(raw_source.get("url")) if ok("source", "url") else None)
    slug = _text(data.get("slug")) if ok("slug") else None
    title = _text(data.get("title")) if ok("title") else None
    author = _text(data.get("author")) if ok("author") else None
    for key, value in (("title", title), ("author", author), ("source", source.name if source else None)):
        for target in unsafe_targets(value or ""):
            problems.append(_problem(path, line_of(key), f"unsafe link target {target!r} in front matter `{key}`",
                                     "use an https:// address or remove the link"))
    draft = data.get("draft") is True and ok("draft")
    return FrontMatter(date=date, title=title, author=author, source=source, slug=slug, draft=draft, lines=lines)


def _missing_colon(raw_lines: list[str], index: int) -> int | None:
    """The line (0-based, before ``index``) that a "mapping values are not allowed" error really comes from: a
    top-level line without ``:`` right above the line YAML stopped at, whose text it took as a multi-line key."""
    before = index - 1
    while before >= 0 and not raw_lines[before].strip():
        before -= 1
    if before < 0 or before >= len(raw_lines):
        return None
    line = raw_lines[before]
    if ":" in line or line.startswith((" ", "\t", "#", "-")):
        return None
    return before


def split_front_matter(text: str, path: str) -> tuple[FrontMatter | None, str, int, list[Problem]]:
    """Split ``---`` YAML front matter off ``text``: (front matter, body, body line offset, problems)."""
    problems: list[Problem] = []
    lines = text.split("\n")
    if not lines or lines[0].rstrip() not in _FM_DELIMS:
        return None, text, 0, problems
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in _FM_END), None)
    if end is None:
        problems.append(_problem(path, 1, "front matter starts with `---` but never ends",
                                 "close the front matter with a `---` line"))
        return None, text, 0, problems
    raw_lines = lines[1:end]
    joined = "\n".join(raw_lines)
    refused = refusal(joined, _YAML_LOADER)
    if refused is None:
        try:
            twice = duplicate_key(yaml.compose(joined, Loader=_YAML_LOADER))
        except yaml.YAMLError:
            twice = None
        if twice is not None:
            refused = (twice[0], f"front matter key `{twice[1]}` is written twice", "keep one of them")
    if refused is not None:
        problems.append(_problem(path, 2 + refused[0], refused[1], refused[2]))
        return FrontMatter(lines=end + 1), "\n".join(lines[end + 1:]), end + 1, problems
    try:
        data = yaml.load(joined, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        index = mark.line if mark is not None else 0
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        hint = "fix the YAML (quote titles that contain `:`)"
        missing = _missing_colon(raw_lines, index) if reason.startswith("mapping values are not allowed") else None
        context = getattr(exc, "context_mark", None)
        if reason.startswith("could not find expected ':'") and context is not None:
            missing = context.line  # a last `key value` line: YAML says so on the line after it
        if missing is not None:  # YAML read `date 2025-12-07` on as text and stumbled on the next line's `:`
            index, reason, hint = missing, "this line has no `:` after its key", "write it as `key: value`"
        problems.append(_problem(path, 2 + index, f"front matter is not valid YAML: {reason}", hint))
        data = None
    fm = _validate(data, raw_lines, path, 2, problems)
    body = "\n".join(lines[end + 1:])
    return fm, body, end + 1, problems


def load_text(text: str, path: str, extra: list[Problem] | None = None) -> SourceText:
    """Split the front matter off ``text``; ``text`` is normalised first unless ``extra`` (the problems of
    an earlier :func:`decode`) is given."""
    if extra is None:
        text, extra = normalize_text(text, path)
    fm, body, offset, problems = split_front_matter(text, path)
    return SourceText(path=path, body=body, body_offset=offset, front_matter=fm,
                      problems=tuple((extra or []) + problems))


_LINK_TARGET = re.compile(
    r"\]\(\s*(?:<(?P<angle>[^<>\n]*)>|(?P<md>[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*))"
    r"|<(?P<auto>[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>"
    r"|^[ ]{0,3}\[[^\[\]\n]{1,999}\]:[ \t]*(?:<(?P<refangle>[^<>\n]*)>|(?P<ref>\S+))",  # ``[label]: target``
    re.MULTILINE,
)
_SCHEME = re.compile(r"^(?:(?P<scheme>[a-z][a-z0-9+.\-]*):|//)", re.IGNORECASE)
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_MD = MarkdownIt("commonmark")


def link_target(raw: str) -> str:
    """A link destination as a browser would get it: entities decoded, then markdown-it's normalisation."""
    return _MD.normalizeLink(html.unescape(raw.strip()))


def is_unsafe_url(target: str) -> bool:
    """True for a target the site drops: any scheme but ``http(s):``/``mailto:`` (``javascript:``,
    ``vbscript:``, ``data:``, ``file:`` …, also case-mixed or entity-encoded), ``//host``, and
    targets that do not parse as a URL at all (a ``%3A`` colon is not a scheme for browsers, so
    ``javascript%3A…`` is a harmless relative path)."""
    decoded = "".join(ch for ch in html.unescape(target) if ch.isprintable() and not ch.isspace())
    m = _SCHEME.match(decoded)
    if m is not None and (m.group("scheme") or "").lower() not in _SAFE_SCHEMES:
        return True
    try:
        urlsplit(decoded)
    except ValueError:  # "https://arxiv.o[rg/…": not an address at all, dropped by the renderer too
        return True
    return False


def unsafe_targets(text: str) -> list[str]:
    """Every Markdown link/image/autolink target in ``text`` with a dangerous scheme, normalised
    (raw HTML is not scanned: it is shown as text, never as markup)."""
    if ":" not in text and "//" not in text and "&" not in text:  # ``&#58;`` is a colon too
        return []
    found = []
    for m in _LINK_TARGET.finditer(text):
        target = m.group("angle") or m.group("md") or m.group("auto") or m.group("refangle") or m.group("ref") or ""
        if target and is_unsafe_url(target):
            found.append(link_target(target))
    return found


def read_bytes(path: str | Path, limit: int = MAX_BYTES) -> bytes | Problem:
    """The bytes of the regular file at ``path``, at most ``limit`` of them, or a :class:`Problem`.

    Only regular files are read: a symbolic link is refused (it may point outside ``content/``, at
    ``/dev/zero`` or at a secret), and so are FIFOs, devices and folders. The file is opened without
    blocking (a FIFO never hangs) and read with a bound: the size is the bytes really read, never
    ``stat``'s word for it."""
    spath = str(path)
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            return _problem(spath, 1, "file is a symbolic link, which is not read",
                            "copy the file itself into the content folder")
        if not stat.S_ISREG(info.st_mode):
            return _problem(spath, 1, f"this is not a regular file but {_kind(info.st_mode)}, which is not read",
                            "remove it from the content folder; issues are plain text files")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped between lstat and open
                return _problem(spath, 1, "this is not a regular file, which is not read",
                                "remove it from the content folder; issues are plain text files")
            data = handle.read(limit + 1)
    except OSError as exc:
        return _problem(spath, 1, f"cannot read file: {exc.strerror or exc}", "check the path and permissions")
    if len(data) > limit:
        return _problem(spath, 1, f"file is too large (over {limit / 1e6:.0f} MB, the limit)",
                        "an issue is a few dozen kB: look for pasted images or data and remove them")
    return data


def _kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "a special file"


def read_source(path: str | Path) -> SourceText | Problem:
    """Read (see :func:`read_bytes`) and normalise a file; a :class:`Problem` when it cannot be read at all."""
    data = read_bytes(path)
    if isinstance(data, Problem):
        return data
    text, problems = decode(data, str(path))
    return load_text(text, str(path), problems)  # decode() already normalised
