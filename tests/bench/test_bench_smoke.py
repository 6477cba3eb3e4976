"""Smoke test of the benchmark (issue #7): ``python -m bench.run`` at N=50, one run, works end to end.

Figures are not judged here (no timing thresholds): the test checks that the run completes, that the
scale corpus and both sites were really built, and that the summary line has the agreed shape with
positive numbers.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SUMMARY = re.compile(
    r"^bench: N=(?P<n>\d+) ours=(?P<ours>[\d.]+) bare=(?P<bare>[\d.]+) ratio=(?P<ratio>[\d.]+) peak_mb=(?P<peak>\d+)$",
    re.MULTILINE,
)


@pytest.mark.slow
def test_benchmark_runs_at_n50(tmp_path: Path) -> None:
    out = tmp_path / "bench"
    proc = subprocess.run(
        [sys.executable, "-m", "bench.run", "--sizes", "50", "--runs", "1", "--serve-sizes", "50",
         "--edits", "1", "--out", str(out)],
        cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True, timeout=1200,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-5000:]

    lines = SUMMARY.findall(proc.stdout)
    assert len(lines) == 1, proc.stdout
    match = SUMMARY.search(proc.stdout)
    assert match["n"] == "50"
    for key in ("ours", "bare", "ratio", "peak"):
        assert float(match[key]) > 0, match.group(0)

    # The corpus has 50 featured papers per language, in both languages, with the same files.
    ko = sorted(p.name for p in (out / "corpus-50" / "ko").glob("*.md"))
    en = sorted(p.name for p in (out / "corpus-50" / "en").glob("*.md"))
    assert ko and ko == en
    # Both sides built the same pages: every Korean and English page of ours exists in bare.
    ours = {p.relative_to(out / "ours-50" / "site") for p in (out / "ours-50" / "site").rglob("index.html")}
    bare = {p.relative_to(out / "bare-50" / "site") for p in (out / "bare-50" / "site").rglob("index.html")}
    assert len(ours) > 50 and ours == bare
    assert any(p.parts[0] == "en" for p in ours)
    # The serve measurement ran on the real site and at N=50, with one edit and its revert of each kind.
    for name in ("real", "N=50"):
        for kind in ("issue", "topics", "template"):
            assert re.search(rf"^serve reload {re.escape(name)} {kind} edit: median [\d.]+ s, max [\d.]+ s "
                             r"\(2 edits\)$", proc.stdout, re.MULTILINE), proc.stdout
