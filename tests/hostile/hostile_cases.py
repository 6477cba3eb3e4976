"""The hostile corpus as a table: every broken or hostile source file and what the site does with it.

Committed files live in ``tests/hostile/corpus/<what-it-tests>.md``. Cases that cannot be committed
sensibly (bytes in another encoding, NUL bytes, a 10 MB issue, invisible characters that editors
"fix" on save) are generated here, at test time, from :data:`KOREAN_ISSUE`.

Each :class:`Case` says either

* ``errors``: the ``(line, message substring)`` pairs that ``digest check`` and the build must report
  for that file as ``path:line: error: …``, or
* ``visible``: the case *renders safely* — no error, and the hostile text shows on the issue page as
  plain text (raw HTML is escaped, never executed, never dropped silently).
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

CORPUS = Path(__file__).resolve().parent / "corpus"
"""Committed hostile source files."""

KOREAN_ISSUE = """---
date: 2024-03-05
title: '인코딩 시험: 한국어 제목'
---

한국어 소개 문단입니다. 이 파일은 편집기에서 다른 형식으로 저장되었습니다.

1.  **첫 번째 논문: 한국어 부제**
    본문 내용입니다. 대규모 언어 모델의 추론을 다룹니다.

    [논문](https://arxiv.org/abs/2405.00001) | [코드](https://github.com/example/encoding-a)

2.  **두 번째 논문**
    두 번째 본문입니다.

    [논문](https://arxiv.org/abs/2405.00002)
"""
"""A small, valid Korean issue; the generated cases are this text saved in hostile ways."""

KOREAN_TITLE = "인코딩 시험: 한국어 제목"
"""The title of :data:`KOREAN_ISSUE` (precomposed, NFC)."""

KOREAN_HEADINGS = ("첫 번째 논문: 한국어 부제", "두 번째 논문")
"""The paper headings of :data:`KOREAN_ISSUE` (NFC, no invisible characters)."""


def _dated(text: str, date: str) -> str:
    return text.replace("date: 2024-03-05", f"date: {date}").replace("encoding-a", f"encoding-{date}")


def _huge_issue() -> bytes:
    """A 10 MB issue: a valid head followed by megabytes of pasted base64 (a typical accident)."""
    head = _dated(KOREAN_ISSUE, "2024-03-11").encode("utf-8")
    line = b"    iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\n"
    return head + line * (10_000_000 // len(line) + 1)


MANY_ITEMS = 5000
"""Paper items of the ``many-items`` case: five times the limit, about 0.6 MB (under the size limit)."""


def _many_items(count: int = MANY_ITEMS) -> bytes:
    """An issue of ``count`` numbered items: identity used to compare every pair of them (165 s, 3.9 GB)."""
    items = "".join(f"{i}.  **Many Items Paper Number {i}**\n    본문 {i}입니다.\n\n"
                    f"    [논문](https://arxiv.org/abs/2405.{i:05d})\n\n" for i in range(1, count + 1))
    return f"---\ndate: 2024-03-14\ntitle: 항목이 너무 많은 호\n---\n\n소개 문단입니다.\n\n{items}".encode("utf-8")


CONTROL_NAME = "name-\x1b[2J\x1b]0;owned\x07.md"
"""A file name with terminal escape sequences (clear screen, set the window title)."""

GENERATED: dict[str, Callable[[], bytes]] = {
    "encoding-cp949.md": lambda: _dated(KOREAN_ISSUE, "2024-03-05").encode("cp949"),
    "encoding-euc-kr.md": lambda: _dated(KOREAN_ISSUE, "2024-03-06").encode("euc-kr"),
    "nul-bytes.md": lambda: _dated(KOREAN_ISSUE, "2024-03-07").replace("본문 내용", "본문\x00 내용").encode("utf-8"),
    "crlf-and-bom.md": lambda: b"\xef\xbb\xbf" + _dated(KOREAN_ISSUE, "2024-03-08").replace("\n", "\r\n").encode("utf-8"),
    "nfd-hangul.md": lambda: unicodedata.normalize("NFD", _dated(KOREAN_ISSUE, "2024-03-09")).encode("utf-8"),
    "zero-width-spaces.md": lambda: (
        _dated(KOREAN_ISSUE, "2024-03-10")
        .replace("date:", "\u200bdate:")
        .replace("첫 번째 논문", "첫\u200b 번째\u2060 논문")
        .replace("두 번째", "\ufeff두 번째")
        .encode("utf-8")
    ),
    "huge-10mb-issue.md": _huge_issue,
    'name-x"><img src=x onerror=alert(1)>.md': lambda: _dated(KOREAN_ISSUE, "2024-03-12").encode("utf-8"),
    "index.md": lambda: _dated(KOREAN_ISSUE, "2024-03-13").encode("utf-8"),
    CONTROL_NAME: lambda: _dated(KOREAN_ISSUE, "2024-03-15").encode("utf-8"),
    "many-items.md": _many_items,
}
"""Generated cases: file name → bytes."""


@dataclass(frozen=True)
class Case:
    """One hostile source file and the expected outcome."""

    name: str
    """File name under ``content/ko/`` (also the issue slug)."""

    errors: tuple[tuple[int, str], ...] = ()
    """``(line, substring)`` of every error expected for this file; empty = renders safely."""

    visible: tuple[str, ...] = ()
    """Text that must appear, as text, on the issue page (safe cases)."""

    companions: tuple[str, ...] = field(default=())
    """Other corpus files that must be present for the case (cross-file problems)."""

    def data(self) -> bytes:
        """The file's bytes (committed or generated)."""
        if self.name in GENERATED:
            return GENERATED[self.name]()
        return (CORPUS / self.name).read_bytes()

    @property
    def safe(self) -> bool:
        """True when the file must build, with its hostile text shown as text."""
        return not self.errors


CASES: tuple[Case, ...] = (
    # --- raw HTML: escaped as text, never executed ------------------------------------------------
    Case("script-block.md", visible=('<script>alert("hostile-script-block-intro")</script>',)),
    Case("script-inline.md", visible=('inline <script>alert("hostile-inline-intro")</script> in the middle',
                                      'Inline Script <script>alert("hostile-inline-title")</script> Paper')),
    Case("img-onerror.md", visible=('<img src=x onerror=alert("hostile-onerror-intro")>',)),
    Case("a-onclick.md", visible=('<a href="#" onclick="alert(\'hostile-onclick-intro\')">a clickable link</a>',)),
    Case("iframe.md", visible=('<iframe src="https://evil.example/hostile-iframe-intro"></iframe>',)),
    Case("style-block.md", visible=("<style>body { display: none } /* hostile-style-intro */</style>",)),
    Case("html-comment.md", visible=("<!-- hostile-comment-intro",)),
    Case("unclosed-tags.md", visible=('unclosed <div class="md-content"><b>bold and <i>italic',)),
    Case("html-in-front-matter.md", visible=('<script>alert("hostile-fm-title")</script> Front matter with HTML',)),
    Case("attribute-and-title-breakout.md", visible=(
        '</title><script>alert("hostile-title-breakout")</script> Breakout',
        '" onmouseover="alert(\'hostile-attr-intro\')" x="',
        '<script>alert("hostile-entity-body")</script>',
    )),
    # --- text encodings and invisible characters: normalised, or reported -------------------------
    Case("crlf-and-bom.md", visible=(KOREAN_TITLE, *KOREAN_HEADINGS)),
    Case("nfd-hangul.md", visible=(KOREAN_TITLE, *KOREAN_HEADINGS)),
    Case("zero-width-spaces.md", visible=(KOREAN_TITLE, *KOREAN_HEADINGS)),
    Case("encoding-cp949.md", errors=((3, "file is not UTF-8 (looks like cp949"),)),
    Case("encoding-euc-kr.md", errors=((3, "file is not UTF-8 (looks like cp949"),)),
    Case("nul-bytes.md", errors=((9, "file contains NUL bytes"),)),
    Case("huge-10mb-issue.md", errors=((1, "file is too large"),)),
    # --- empty and front matter ----------------------------------------------------------------------
    Case("empty-file.md", errors=((1, "file is empty"),)),
    Case("front-matter-only.md", errors=((5, "file has front matter but no body"),)),
    Case("broken-yaml-front-matter.md", errors=((3, "front matter is not valid YAML"),)),
    Case("unclosed-front-matter.md", errors=((1, "front matter starts with `---` but never ends"),)),
    Case("front-matter-date-tomorrow.md", errors=((2, "front matter `date` is not a date: 'tomorrow'"),)),
    Case("front-matter-title-list.md", errors=((3, "front matter `title` must be a text or a number or empty"),)),
    Case("front-matter-not-mapping.md", errors=((2, "front matter must be a mapping"),)),
    Case("front-matter-bad-slug.md", errors=((4, "front matter `slug` may contain only"),)),
    Case('name-x"><img src=x onerror=alert(1)>.md', errors=((1, "is not a valid web address"),)),
    Case("index.md", errors=((1, "it is a reserved name"),)),
    Case(CONTROL_NAME, errors=((1, "'name-\\x1b[2J\\x1b]0;owned\\x07' (from the file name) is not a valid web address"),)),
    Case("many-items.md", errors=((1, "the issue has 5000 paper items; the limit is 1000"),)),
    Case("front-matter-date-feb-30.md", errors=((2, "front matter `date` is not a date: '2025-02-30'"),)),
    # --- YAML that expands, constructs or overrides: refused before anything is built -------------------
    Case("yaml-alias-bomb.md", errors=((3, "YAML anchors (`&name`) are not allowed"),)),
    Case("yaml-explicit-tag.md", errors=((3, "explicit YAML tags (`!!float`) are not allowed"),)),
    Case("yaml-timestamp-tag.md", errors=((2, "explicit YAML tags (`!!timestamp`) are not allowed"),)),
    Case("yaml-duplicate-key.md", errors=((4, "front matter key `title` is written twice"),)),
    # --- URLs with dangerous schemes: never an href/src, always reported -----------------------------
    Case("javascript-link-body.md", errors=((7, "unsafe link target \"javascript:alert('hostile-js-body')"),)),
    Case("vbscript-link-body.md", errors=((7, "unsafe link target 'vbscript:msgbox("),)),
    Case("data-url-body.md", errors=((7, "unsafe link target 'data:text/html;base64,"),
                                     (9, "unsafe link target 'data:image/svg+xml;base64,"))),
    Case("javascript-link-line.md", errors=((9, "unsafe link target \"javascript:alert('hostile-js-linkline')"),
                                            (9, "unsafe link target 'vbscript:msgbox(1)'"),
                                            (9, "unsafe link target 'data:text/html,hi'"))),
    Case("javascript-reference-link.md", errors=((7, "unsafe link target \"javascript:alert('hostile-entity-colon')"),
                                                (16, "unsafe link target \"javascript:alert('hostile-reference')"))),
    Case("javascript-link-title.md", errors=((6, "unsafe link target \"javascript:alert('hostile-js-title')"),)),
    Case("javascript-in-front-matter.md", errors=((3, "unsafe link target 'javascript:alert(%22hostile-js-fm-title%22)'"),
                                                  (6, "front matter `source.url` is not an http(s) address"))),
    Case("javascript-obfuscated.md", errors=((7, "unsafe link target 'JaVaScRiPt:alert(1)'"),
                                             (7, "unsafe link target 'javascript:alert(2)'"),
                                             (8, "unsafe link target 'javascript:alert(4)'"))),
    Case("other-schemes.md", errors=((7, "unsafe link target 'file:///etc/passwd'"),
                                     (7, "unsafe link target 'ftp://ftp.example.org/x'"),
                                     (7, "unsafe link target '//evil.example/x'"),
                                     (9, "unsafe link target 'ftp://ftp.example.org/code'"))),
    Case("malformed-url.md", errors=((9, "unsafe link target 'https://arxiv.o"), (14, "unsafe link target 'http://"))),
    # --- two issues that are one --------------------------------------------------------------------
    Case("duplicate-slug-b.md", errors=((1, "issue slug `hostile-duplicate-slug` is also used by"),), companions=("duplicate-slug-a.md",)),
    Case("duplicate-date-title-b.md", errors=((1, "has the same date and title as"),), companions=("duplicate-date-title-a.md",)),
)
"""Every hostile case, in the order of the README table."""

SAFE_CASES = tuple(case for case in CASES if case.safe)
ERROR_CASES = tuple(case for case in CASES if not case.safe)


def case_files(cases: tuple[Case, ...]) -> dict[str, bytes]:
    """File name → bytes of ``cases`` and their companions."""
    files: dict[str, bytes] = {}
    for case in cases:
        files[case.name] = case.data()
        for companion in case.companions:
            files[companion] = (CORPUS / companion).read_bytes()
    return files


# --- entries that are not plain issue files: links, pipes, folders, editors' leftovers ---------------


def _link_to(target: str) -> Callable[[Path], None]:
    return lambda path: os.symlink(target, path)


def _folder_with_issue(path: Path) -> None:
    path.mkdir()
    (path / "inside.md").write_bytes(_dated(KOREAN_ISSUE, "2024-03-16").encode("utf-8"))


def _file(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


SECRET = "hostile-secret-outside-content"
"""Text of a file outside ``content/`` that a symbolic link points at: it must never be read."""


@dataclass(frozen=True)
class Entry:
    """An entry of ``content/ko/`` that is no plain issue file, and what check and build both say about it."""

    name: str
    """Entry name under ``content/ko/``."""

    make: Callable[[Path], None]
    """Creates the entry at the path given."""

    severity: str
    """``error`` (refused, nothing built), ``warning`` or ``info`` (skipped, reported)."""

    text: str
    """Substring of the ``path:1: severity: …`` message."""


ENTRIES: tuple[Entry, ...] = (
    Entry("zero-link.md", _link_to("/dev/zero"), "error", "file is a symbolic link, which is not read"),
    Entry("outside-link.md", lambda path: os.symlink(path.parents[2] / "secret.md", path), "error",
          "file is a symbolic link, which is not read"),
    Entry("fifo.md", lambda path: os.mkfifo(path), "error", "this is not a regular file but a named pipe (FIFO)"),
    Entry("folder.md", _folder_with_issue, "warning", "this is a folder; issues are not read from sub-folders"),
    Entry(".#lock.md", _link_to("editor@host.4242:1700000000"), "info", "an editor's lock, swap or backup file"),
    Entry("backup.md~", _file(_dated(KOREAN_ISSUE, "2024-03-17").encode("utf-8")), "info",
          "an editor's lock, swap or backup file"),
    Entry(".swap.md.swp", _file(b"b0VIM 8.2\x00\x00"), "info", "an editor's lock, swap or backup file"),
    Entry("README.md", _file(b"# Notes for editors\n"), "info", "README.md is a note for editors, not an issue"),
    Entry("notes.txt", _file(_dated(KOREAN_ISSUE, "2024-03-18").encode("utf-8")), "warning",
          "only `.md` files are issues; this file is not read"),
)
"""Every special entry, in the order of the README table."""
