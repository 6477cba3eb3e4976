"""Helpers shared by the parser tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
"""The repository root."""


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the test with the repository root as working directory (paths like ``content/ko/…``)."""
    monkeypatch.chdir(ROOT)
    return ROOT
