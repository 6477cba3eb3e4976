"""The harness's own server: serves under a sub-path, 404s outside it and for index-less folders."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import pytest


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as resp:  # noqa: S310 - loopback only
            return resp.status
    except urllib.error.HTTPError as err:
        return err.code


@pytest.fixture
def tiny_site(tmp_path: Path) -> Path:
    (tmp_path / "index.html").write_text("<!doctype html><title>home</title>", encoding="utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.html").write_text("<!doctype html><title>en</title>", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    return tmp_path


def test_serves_under_mount_and_nowhere_else(tiny_site: Path, serve_dir) -> None:
    server = serve_dir(tiny_site, "paper-digest")
    assert server.url.endswith("/paper-digest/")
    assert _status(server.url) == 200
    assert _status(server.url + "en/") == 200
    root = server.url.removesuffix("paper-digest/")
    assert _status(root) == 404
    assert _status(root + "en/") == 404


def test_index_less_folder_is_404_not_a_listing(tiny_site: Path, serve_dir) -> None:
    server = serve_dir(tiny_site)
    assert _status(server.url + "empty/") == 404
    assert _status(server.url + "missing/") == 404


def test_directory_read_per_request(tmp_path: Path, serve_dir) -> None:
    server = serve_dir(tmp_path, "/sub/")
    assert _status(server.url) == 404
    (tmp_path / "index.html").write_text("<!doctype html><title>late</title>", encoding="utf-8")
    assert _status(server.url) == 200
