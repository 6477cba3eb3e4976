"""Reproducible builds: two clean builds of the same content are byte-identical — every page, feed,
sitemap (also gzipped), search index and JSON file — whatever the file-creation order,
``PYTHONHASHSEED``, time zone, locale and clock of the machine."""

from __future__ import annotations

import datetime as _dt
import hashlib
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_cases import SAFE_CASES, case_files  # noqa: E402
from hostile_site import clean_env, make_content, mkdocs_build  # noqa: E402

pytestmark = pytest.mark.slow

SETTINGS = (
    {"PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
    {"PYTHONHASHSEED": "4242", "TZ": "Pacific/Kiritimati", "LC_ALL": "C", "LANG": "C"},
)
"""The two machines: hash seed, time zone (UTC+14 is another calendar day most of the time) and locale."""


def _tree(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    extra = case_files(SAFE_CASES)  # hostile but valid files too: escaping must be stable as well
    trees = []
    for i, (settings, reverse) in enumerate(zip(SETTINGS, (False, True))):
        content = make_content(tmp_path / f"content-{i}", extra, reverse=reverse)
        site = tmp_path / f"site-{i}"
        proc = mkdocs_build(content, site, env=clean_env(DIGEST_CONTENT_DIR=str(content), **settings))
        assert proc.returncode == 0, proc.stderr[-4000:]
        trees.append(_tree(site))
        time.sleep(1.1)  # a different second on the clock for the second build
    first, second = trees
    assert sorted(first) == sorted(second), "the same files"
    assert any(name.endswith("sitemap.xml.gz") for name in first) and any(name.endswith("feed.xml") for name in first)
    differing = sorted(name for name in first if first[name] != second[name])
    assert differing == [], f"{len(differing)} files differ, e.g. {differing[:10]}"


def test_output_does_not_carry_the_build_date(baseline_site: Path) -> None:
    """No build timestamp anywhere (sitemap lastmod, feed lastBuildDate… come from the content)."""
    site = baseline_site
    now = _dt.datetime.now(_dt.timezone.utc)
    stamps = {now.strftime("%Y-%m-%d"), now.strftime("%a, %d %b %Y"), (now - _dt.timedelta(days=1)).strftime("%Y-%m-%d")}
    for path in site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".txt"):
            text = path.read_text(encoding="utf-8")
            assert not [s for s in stamps if s in text], f"{path.relative_to(site)} carries the build date"
