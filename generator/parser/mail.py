"""A newsletter forwarded by e-mail: the forwarder's headers and note, a ``Forwarded message`` line, the original's
headers, then the newsletter itself behind ``>`` quote marks. The newsletter is the document: the lines before it
are set aside and its quote marks removed, line for line, so that every location still names the file's line."""

from __future__ import annotations

import re

__all__ = ["unwrap_forward"]

_MARKER = re.compile(r"^\s*(?:-{2,}\s*)?(?:forwarded\s+message|begin\s+forwarded\s+message|original\s+message|"
                     r"전달된\s*메시지|전달\s*메일|원본\s*메시지|원래\s*메시지)\s*:?\s*(?:-{2,})?\s*$", re.IGNORECASE)
"""The line a mail client writes where a forwarded message begins."""
_QUOTE = re.compile(r"^\s*>\s?")


def unwrap_forward(lines: list[str]) -> list[str] | None:
    """The lines with a forwarded newsletter unwrapped, or ``None`` when the text is no forwarded mail.

    Everything up to the forward marker and the original's header lines after it becomes blank; when most of the
    rest is quoted, one level of ``>`` is removed."""
    marker = next((n for n, line in enumerate(lines[:80]) if _MARKER.match(line)), None)
    if marker is None:
        return None
    start = marker + 1
    while start < len(lines) and lines[start].strip() and not _QUOTE.match(lines[start]):
        start += 1  # the original's ``From:``/``Date:``/``Subject:`` lines
    rest = [line for line in lines[start:] if line.strip()]
    quoted = sum(1 for line in rest if _QUOTE.match(line))
    unquote = bool(rest) and quoted >= 0.8 * len(rest)
    body = [_QUOTE.sub("", line, count=1) if unquote else line for line in lines[start:]]
    return [""] * start + body
