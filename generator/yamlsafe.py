"""What our YAML files may not contain, found before anything is built from them.

Front matter, ``topics.yml`` and ``papers.yml`` are plain data. An alias or anchor (``&a``/``*a``: a
650-byte "billion laughs" file expands to gigabytes), an explicit tag (``!!float abc``, ``!!timestamp nope``)
or a key written twice in one mapping is refused with the line it is on, before the loader constructs any
value. Scanning the event stream is linear in the text and builds nothing.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

__all__ = ["refusal", "duplicate_key", "timestamp_or_text", "TIMESTAMP_TAG"]

TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
"""The tag PyYAML gives a plain value that looks like a date."""


def timestamp_or_text(constructor: SafeConstructor, node: ScalarNode) -> Any:
    """A date-looking value as a date, or as its text when there is no such day (``2025-02-30``), so that
    the field's own check says what is wrong at its line instead of a traceback. Register it with
    ``add_constructor(TIMESTAMP_TAG, timestamp_or_text)``."""
    try:
        return SafeConstructor.construct_yaml_timestamp(constructor, node)
    except ValueError:
        return constructor.construct_scalar(node)


def refusal(text: str, loader: Any) -> tuple[int, str, str] | None:
    """``(0-based line, what is wrong, what to do)`` for the first construct we refuse, or ``None``.

    Syntax errors are left to the loader, which reports them with their own mark."""
    try:
        for event in yaml.parse(text, Loader=loader):
            line = event.start_mark.line if event.start_mark is not None else 0
            if isinstance(event, yaml.AliasEvent):
                return line, "YAML aliases (`*name`) are not allowed", "write the value out in full"
            if getattr(event, "anchor", None):
                return line, "YAML anchors (`&name`) are not allowed", "remove the `&name` and write values out in full"
            tag = getattr(event, "tag", None)
            if tag is not None and tag != "!" and not (isinstance(event, yaml.ScalarEvent) and event.implicit[0]):
                return line, f"explicit YAML tags (`{tag.replace('tag:yaml.org,2002:', '!!')}`) are not allowed", \
                    "write the plain value (quote it if it is text)"
    except yaml.YAMLError:
        return None
    return None


def duplicate_key(root: Node | None) -> tuple[int, str] | None:
    """``(0-based line, key)`` of the first key written twice in one mapping below ``root``."""
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                name = str(key.value)
                if name in seen:
                    return key.start_mark.line, name
                seen.add(name)
                stack.append(value)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return None
