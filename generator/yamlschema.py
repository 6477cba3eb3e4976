"""JSON Schema checks of hand-edited YAML, reported at the line of the offending value.

Content front matter (:mod:`generator.sources`), ``papers.yml`` and ``topics.yml``
(:mod:`generator.enrich`) are written by people; their shapes are JSON Schemas in
``generator/schemas/`` checked with jsonschema. PyYAML's composer keeps a start mark on every
node, so each violation becomes one ``path:line:`` :class:`~generator.model.Problem` whose hint is
the schema's ``x-hint`` (``x-name`` and ``x-messages`` word the message).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, SequenceNode

from generator.model import Location, Problem, Severity
from generator.yamlsafe import TIMESTAMP_TAG, timestamp_or_text

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
"""Where the JSON Schemas live."""

_FROM_NODES = object()


def where(shown_path: str, node: Node, first_line: int = 1) -> Location:
    """The location of ``node`` in the file, whose YAML starts at line ``first_line``."""
    return Location(shown_path, node.start_mark.line + first_line)


def error(location: Location, message: str, hint: str = "") -> Problem:
    """An error about a configuration file."""
    return Problem(location, Severity.ERROR, message, hint)


@dataclass(frozen=True)
class Violation:
    """A schema violation of a configuration file, as a problem for a person."""

    path: tuple[str | int, ...]
    """Where in the document (``("topics", 3, "id")``); ``()`` is the whole document."""

    problem: Problem
    """The message, at the line of the offending value."""

    fatal: bool = True
    """False for an unknown key: the entry is still usable once the key is ignored."""


@cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def is_valid(schema: str, data: Any) -> bool:
    """True when ``data`` has the shape of ``generator/schemas/<schema>.schema.json`` (a fast check
    before locating violations)."""
    return _validator(schema).is_valid(data)


class _Constructor(SafeConstructor):
    """``yaml.safe_load``'s constructor, except that an impossible date (``2025-02-30``) stays text."""


_Constructor.add_constructor(TIMESTAMP_TAG, timestamp_or_text)


def data_of(node: Node) -> Any:
    """The plain Python value of ``node`` (what ``yaml.safe_load`` would give, impossible dates kept as text)."""
    return _Constructor().construct_document(node)


def node_at(root: Node, path: Sequence[str | int]) -> Node:
    """The node at ``path`` below ``root`` (the deepest one that exists)."""
    node = root
    for step in path:
        if isinstance(node, MappingNode):
            found = next((value for key, value in node.value if key.value == step), None)
        elif isinstance(node, SequenceNode) and isinstance(step, int) and step < len(node.value):
            found = node.value[step]
        else:
            found = None
        if found is None:
            break
        node = found
    return node


def _key_node(node: Node, key: str) -> Node:
    return next((k for k, _ in node.value if k.value == key), node) if isinstance(node, MappingNode) else node


def _subject(error: jsonschema.ValidationError) -> str:
    """How a message names the value: ``topic `agents```, ``topic id``, ``keywords`` …"""
    schema = error.schema if isinstance(error.schema, dict) else {}
    title = schema.get("x-name") or schema.get("title")
    name = title or (str(error.path[-1]) if error.path and isinstance(error.path[-1], str) else "this entry")
    if isinstance(error.instance, dict) and isinstance(error.instance.get("id"), str):
        return f"{name} `{error.instance['id']}`"
    return f"`{name}`" if not title else name


def _messages(error: jsonschema.ValidationError, root: Node) -> list[tuple[Node, str]]:
    node = node_at(root, error.path)
    kind = error.validator
    worded = error.schema.get("x-messages", {}).get(kind) if isinstance(error.schema, dict) else None
    if worded:
        return [(node, f"{_subject(error)} {worded}")]
    if kind == "required":
        missing = [key for key in error.validator_value if key not in error.instance]
        return [(node, f"{_subject(error)} lacks {', '.join(missing)}")]
    if kind == "additionalProperties":
        known = error.schema.get("properties", {})
        return [(_key_node(node, key), f"unknown key `{key}` in {_subject(error)}") for key in error.instance
                if key not in known]
    if kind == "pattern":
        return [(node, f"invalid {_subject(error)} `{error.instance}`")]
    if kind in ("minLength", "minItems"):
        return [(node, f"{_subject(error)} is empty")]
    if kind == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        words = {"array": "a list", "object": "a mapping of `key: value` lines", "string": "a text",
                 "number": "a number", "null": "empty"}
        return [(node, f"{_subject(error)} must be {' or '.join(words.get(w, w) for w in wanted)}")]
    return [(node, error.message)]


def schema_violations(root: Node, schema: str, shown_path: str, *, data: Any = _FROM_NODES,
                      first_line: int = 1) -> list[Violation]:
    """Check the document under ``root`` against ``generator/schemas/<schema>.schema.json``: one
    violation per problem, at the line of the offending value, with the schema's ``x-hint``.
    Missing required keys of one mapping make one message, not one per key. ``data`` is the
    document as already loaded (default: built from ``root``); ``first_line`` is the file line
    the YAML starts at (front matter starts at line 2)."""
    violations: list[Violation] = []
    seen_required: set[tuple[str | int, ...]] = set()
    for err in _validator(schema).iter_errors(data_of(root) if data is _FROM_NODES else data):
        path = tuple(err.absolute_path)
        if err.validator == "required":
            if path in seen_required:
                continue
            seen_required.add(path)
        hint = err.schema.get("x-hint", "") if isinstance(err.schema, dict) else ""
        if err.validator == "additionalProperties":
            hint = f"use only {', '.join(err.schema.get('properties', {}))}"
        for node, message in _messages(err, root):
            violations.append(Violation(path, error(where(shown_path, node, first_line), message, hint),
                                        fatal=err.validator != "additionalProperties"))
    violations.sort(key=lambda v: v.problem.location.line)
    return violations
