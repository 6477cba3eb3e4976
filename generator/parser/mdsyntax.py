"""Regular-expression pieces for Markdown link syntax, shared by the modules that read links out of a line.

Every piece stops at the bracket or parenthesis that could open another link, so a failed match gives up at the next
``[`` or ``(`` instead of scanning to the end of the line: a line of 100,000 ``[`` is read in linear time.
"""

from __future__ import annotations

LINK_TEXT = r"(?:[^\[\]\n]|\[[^\[\]\n]*\])*"
"""Link text: anything but brackets, with at most one level of nested ``[…]`` (``[[Org] Title](url)``)."""

LINK_DEST = r"[^()\s]*(?:\([^()\s]*\)[^()\s]*)*"
"""A link destination without blanks, with balanced parentheses one level deep (Wikipedia-style URLs)."""

LINK_TITLE = r"(?:\s+\"[^\"\n]*\")?"
"""An optional ``"title"`` after the destination."""
