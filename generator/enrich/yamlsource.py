"""Read a small YAML configuration file as YAML *nodes*, so that every value keeps its line.

``papers.yml`` and ``topics.yml`` are edited by hand; every message about them must start
``path:line:``. PyYAML's composer gives nodes with start marks; the helpers here turn them
into plain values while remembering where each one was written.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.model import Location, Problem, Severity


def load_nodes(path: Path, shown_path: str) -> tuple[Node | None, list[Problem]]:
    """The root node of the YAML file at ``path`` (``None`` when missing or empty), and problems."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, []
    except (OSError, UnicodeDecodeError) as exc:
        return None, [error(Location(shown_path, 0), f"cannot read the file ({exc})", "save it as UTF-8 text")]
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader), []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        reason = getattr(exc, "problem", None) or str(exc)
        return None, [error(Location(shown_path, line), f"invalid YAML: {reason}", "fix the indentation or quoting")]


def where(shown_path: str, node: Node) -> Location:
    """The location of ``node`` in the file."""
    return Location(shown_path, node.start_mark.line + 1)


def error(location: Location, message: str, hint: str = "") -> Problem:
    """An error about a configuration file."""
    return Problem(location, Severity.ERROR, message, hint)


def mapping(node: Node) -> list[tuple[str, Node, Node]] | None:
    """``(key, key node, value node)`` for a mapping node, or ``None`` when it is not a mapping."""
    if not isinstance(node, MappingNode):
        return None
    return [(str(key.value), key, value) for key, value in node.value if isinstance(key, ScalarNode)]


def sequence(node: Node) -> list[Node] | None:
    """The items of a sequence node, or ``None`` when it is not a sequence."""
    return list(node.value) if isinstance(node, SequenceNode) else None


def is_null(node: Node) -> bool:
    """True for an empty value (``key:`` with nothing after it, ``~``, ``null``)."""
    return node.tag == "tag:yaml.org,2002:null"


def scalar(node: Node) -> str | None:
    """The text of a scalar node, stripped, or ``None`` when it is not a scalar."""
    if not isinstance(node, ScalarNode) or is_null(node):
        return None
    return str(node.value).strip()


def strings(node: Node) -> list[tuple[str, Node]] | None:
    """A scalar or a sequence of scalars as ``(text, node)`` pairs; ``None`` when it is neither."""
    if isinstance(node, ScalarNode):
        text = scalar(node)
        return [] if text is None else [(text, node)]
    items = sequence(node)
    if items is None:
        return None
    result = []
    for item in items:
        text = scalar(item)
        if text is None:
            return None
        result.append((text, item))
    return result
