"""Read a small YAML configuration file as YAML *nodes*, so that every value keeps its line.

``papers.yml`` and ``topics.yml`` are edited by hand; every message about them must start
``path:line:``. PyYAML's composer gives nodes with start marks, which
:mod:`generator.yamlschema` checks against the file's JSON Schema
(``generator/schemas/*-yml.schema.json``), reporting each violation at the line of the offending value.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.nodes import Node

from generator.model import Location, Problem
from generator.yamlschema import error


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
