"""The generator core runs without MkDocs: only the adapter module imports ``mkdocs`` or ``material``."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "generator"
ADAPTER = PACKAGE / "mkdocs_plugin.py"
ENGINE = ("mkdocs", "material")


def _imported(path: Path) -> set[str]:
    """Top-level names of every module ``path`` imports (also inside functions)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_adapter_imports_mkdocs_or_material() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert ADAPTER in modules and len(modules) > 20
    assert _imported(ADAPTER) >= {"mkdocs"}, "the scan sees the adapter's own imports"
    offenders = {str(path.relative_to(PACKAGE)): sorted(_imported(path) & set(ENGINE))
                 for path in modules if path != ADAPTER and _imported(path) & set(ENGINE)}
    assert offenders == {}, "move these imports into generator/mkdocs_plugin.py"
