"""The package as a user installs it: a wheel in a fresh virtualenv builds a site from a folder holding only
``mkdocs.yml`` and ``content/``, with the same pages as the checkout, and a site's own files override ours.

Slow (a wheel build and a virtualenv with every dependency from the package index or pip's cache: about a minute).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SITE_URL = "https://example.org/digest/"
RUNTIME_FILES = ("templates", "theme", "locales", "schemas")
"""Package folders the plugin reads at run time: every file there must be in the wheel."""
PACKAGING_WARNING = re.compile(r"warning|deprecat", re.IGNORECASE)
MACHINE_PIP_CONFIG = re.compile(r"^WARNING: Location '[^']*' is ignored")
"""pip's word about this machine's own index settings (``pip config list``), not about the package."""


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DIGEST_CONTENT_DIR", "PYTHONPATH", "PYTHONDONTWRITEBYTECODE", "VIRTUAL_ENV")}
    env.update(SITE_URL=SITE_URL, NO_MKDOCS_2_WARNING="1", PIP_DISABLE_PIP_VERSION_CHECK="1", **extra)
    return env


def _run(cmd: list[str], cwd: Path) -> str:
    proc = subprocess.run(cmd, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=900)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"{' '.join(cmd)} failed:\n{out[-4000:]}"
    return out


def _tree(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """(the built wheel, the fresh venv's ``bin``, what building and installing printed)."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"  # a copy, so the build writes no build/ or egg-info into the checkout
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", ".venv", "site", "node_modules", "tools",
                                                                "tests", "bench", "*.egg-info", "build",
                                                                "__pycache__", ".*cache*"))
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w", str(base / "dist"), str(source)], base)
    wheel = next((base / "dist").glob("paper_digest-*.whl"))
    venv.create(base / "venv", with_pip=True, clear=True)
    bin_dir = base / "venv" / "bin"
    # the versions the checkout runs on (constraints.txt), so that both builds use the same Material
    installed_out = _run([str(bin_dir / "python"), "-m", "pip", "install", "-c", str(ROOT / "constraints.txt"),
                          str(wheel)], base)
    return wheel, bin_dir, built + installed_out


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copyfile(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "content", project / "content")
    return project


def test_the_wheel_carries_every_runtime_file_and_installs_without_warnings(installed) -> None:
    wheel, _, output = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = {str(p.relative_to(ROOT)) for folder in RUNTIME_FILES for p in (ROOT / "generator" / folder).rglob("*")
              if p.is_file() and "__pycache__" not in p.parts}
    assert len(wanted) > 25 and wanted <= names, sorted(wanted - names)
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("METADATA"))).decode()
    assert "License-Expression: MIT" in metadata and "Project-URL:" in metadata and "Classifier:" in metadata
    assert any(n.endswith("licenses/LICENSE") for n in names)
    assert [line for line in output.splitlines() if PACKAGING_WARNING.search(line)
            and not MACHINE_PIP_CONFIG.match(line)] == []


def test_an_installed_wheel_builds_the_same_site_as_the_checkout(installed, tmp_path: Path) -> None:
    _, bin_dir, _ = installed
    assert _run([str(bin_dir / "digest"), "--version"], tmp_path).startswith("digest ")
    project = _project(tmp_path)
    assert sorted(p.name for p in project.iterdir()) == ["content", "mkdocs.yml"]
    _run([str(bin_dir / "mkdocs"), "build", "--strict", "-d", str(tmp_path / "wheel-site")], project)
    _run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "checkout-site")], ROOT)
    ours, checkout = _tree(tmp_path / "wheel-site"), _tree(tmp_path / "checkout-site")
    assert sorted(ours) == sorted(checkout) and len(ours) > 100
    assert {name for name in ours if ours[name] != checkout[name]} == set()
    assert "assets/stylesheets/digest.css" in ours and "assets/favicon.svg" in ours and "en/index.html" in ours
    assert not any(name.endswith((".yml", ".po")) or name.startswith("ko/") for name in ours), "inputs stay out"


def test_a_site_overrides_our_templates_file_by_file(installed, tmp_path: Path) -> None:
    _, bin_dir, _ = installed
    project = _project(tmp_path)
    (project / "templates").mkdir()
    home = (ROOT / "generator" / "templates" / "home.html").read_text(encoding="utf-8")
    (project / "templates" / "home.html").write_text('<p class="site-own-home">ours</p>\n' + home, encoding="utf-8")
    (project / "overrides" / "partials").mkdir(parents=True)
    (project / "overrides" / "partials" / "toc.html").write_text('<nav class="site-own-toc"></nav>\n', encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"),
                                        encoding="utf-8")
    _run([str(bin_dir / "mkdocs"), "build", "--strict", "-d", str(tmp_path / "site")], project)
    site = tmp_path / "site"
    home_html = (site / "index.html").read_text(encoding="utf-8")
    issue = next((site / "issues").glob("2025-*/index.html")).read_text(encoding="utf-8")
    assert 'class="site-own-home"' in home_html and "digest-home-title" in home_html, "the site's home.html"
    assert 'class="site-own-toc"' in issue, "the site's partials/toc.html"
    assert 'class="digest-meta"' in issue and "digest-footer" in issue, "ours for everything not overridden"
    assert 'class="site-own-home"' not in issue
