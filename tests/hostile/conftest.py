"""Fixtures shared by the hostile tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_site import make_content, mkdocs_build  # noqa: E402


@pytest.fixture(scope="session")
def baseline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content, built with ``--strict`` from a copy: its inline scripts are the templates' own."""
    base = tmp_path_factory.mktemp("hostile-baseline")
    proc = mkdocs_build(make_content(base / "content"), base / "site")
    assert proc.returncode == 0, proc.stderr[-4000:]
    return base / "site"
