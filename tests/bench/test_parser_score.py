"""``python -m bench.parser_score`` scores the parser against hand-labelled newsletters: a file it gets right
and a file whose expectation is deliberately wrong must give the matching figures."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
WILD = ROOT / "tests" / "parser" / "wild"


def test_scores_a_right_and_a_wrong_file(tmp_path: Path) -> None:
    good = "links-lab-tags-korean-link-titles"
    for name in (good, "mail-dash-numbered-wrapped-orig"):
        shutil.copy(WILD / f"{name}.md", tmp_path / f"{name}.md")
        shutil.copy(WILD / f"{name}.expected.yaml", tmp_path / f"{name}.expected.yaml")
    bad = tmp_path / "mail-dash-numbered-wrapped-orig.expected.yaml"
    want = yaml.safe_load(bad.read_text(encoding="utf-8"))
    want["papers"] = want["papers"][:-1]  # one paper fewer than the file has
    want["papers"][0]["title_en"] = "Not The Title"
    bad.write_text(yaml.safe_dump(want, allow_unicode=True), encoding="utf-8")
    n_good = len(yaml.safe_load((tmp_path / f"{good}.expected.yaml").read_text(encoding="utf-8"))["papers"])

    proc = subprocess.run([sys.executable, "-m", "bench.parser_score", str(tmp_path), "-v"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    total = next(line for line in out.splitlines() if line.startswith("total"))
    assert "files   2" in total and "exact count 1/2" in total and "wrong 1," in total
    expected, found = n_good + len(want["papers"]), n_good + len(want["papers"]) + 1
    assert "R 1.000" in total and f"P {expected / found:.3f}" in total
    assert f"wrong: {tmp_path / 'mail-dash-numbered-wrapped-orig.md'}" in out
