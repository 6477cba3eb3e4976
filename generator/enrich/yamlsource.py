"""Read a small YAML configuration file as YAML *nodes*, so that every value keeps its line.

``papers.yml`` and ``topics.yml`` are edited by hand; every message about them must start
``path:line:``. PyYAML's composer gives nodes with start marks, which
:mod:`generator.yamlschema` checks against the file's JSON Schema
(``generator/schemas/*-yml.schema.json``), reporting each violation at the line of the offending value.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import yaml
from yaml.nodes import Node

from generator.model import Location, Problem
from generator.sources import read_bytes
from generator.yamlschema import error
from generator.yamlsafe import duplicate_key, refusal

MAX_YAML_BYTES = 1_000_000
"""Largest ``topics.yml``/``papers.yml`` read (real ones are a few kB)."""


def load_nodes(path: Path, shown_path: str) -> tuple[Node | None, list[Problem]]:
    """The root node of the YAML file at ``path`` (``None`` when missing or empty), and problems."""
    if not os.path.lexists(path):
        return None, []
    data = read_bytes(path, MAX_YAML_BYTES)
    if isinstance(data, Problem):
        return None, [replace(data, location=Location(shown_path, 1))]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [error(Location(shown_path, line), "the file is not UTF-8", "save it as UTF-8 text")]
    refused = refusal(text, yaml.SafeLoader)
    if refused is not None:
        return None, [error(Location(shown_path, refused[0] + 1), refused[1], refused[2])]
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        twice = duplicate_key(root)
        if twice is not None:
            return None, [error(Location(shown_path, twice[0] + 1), f"the key `{twice[1]}` is written twice in one "
                                "mapping", "keep one of them")]
        return root, []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        reason = getattr(exc, "problem", None) or str(exc)
        return None, [error(Location(shown_path, line), f"invalid YAML: {reason}", "fix the indentation or quoting")]
