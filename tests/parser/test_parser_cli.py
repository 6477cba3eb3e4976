"""``digest parse|check|import|new``: exit codes, messages and written files (run in-process and, once,
as a real subprocess to prove bad input never prints a traceback)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.parser import parse_file
from generator.sources import split_front_matter

ROOT = Path(__file__).resolve().parents[2]
SEED_KO = ROOT / "content/ko/2025-09-21-dair-top-ai-papers-sep-15-21.md"
SEED_001 = ROOT / "content/ko/2025-10-13-llm-watch-7-papers-you-should-know.md"


def _raw_seed(tmp_path: Path, content_file: Path) -> Path:
    """The raw seed behind a ``content/ko`` file: its body without front matter."""
    _, body, _, _ = split_front_matter(content_file.read_text(encoding="utf-8"), str(content_file))
    raw = tmp_path / "seed.txt"
    raw.write_text(body.removeprefix("\n"), encoding="utf-8")  # the blank line after the front matter
    return raw


def test_parse_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--json", str(SEED_KO)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["date"], len(data["papers"])) == ("2025-09-21", 10)
    assert data["papers"][1]["title_en"] == "K2-Think"
    assert data["papers"][1]["links"] == {"paper": None, "code": None, "tweet": None, "other": [],
                                          "all": data["papers"][1]["links"]["all"]}


def test_parse_text_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED_001)]) == 0
    out = capsys.readouterr().out
    assert "7 papers" in out and "Pascal Biese" in out
    assert " 1. 효율적인 긴 문맥 모델링을 위한 인공 해마 네트워크 | Artificial Hippocampus Networks" in out


def test_parse_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--json", "no/such/file.md"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["papers"] == []
    assert captured.err.startswith("no/such/file.md:1: error: cannot read file")


def test_check_shipped_content_is_clean(in_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "content/ko"])
    out = capsys.readouterr().out
    assert ": error: " not in out
    assert code == 0


def test_check_broken_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.md").write_text("---\ndate: someday\n---\n\n# 제목\n\n문단뿐입니다.\n", encoding="utf-8")
    (tmp_path / "good.md").write_text(SEED_KO.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "cp949.md").write_bytes("1.  **논문(Paper)**\n    본문\n".encode("cp949"))
    assert main(["check", str(tmp_path / "bad.md"), str(tmp_path / "good.md"), str(tmp_path / "cp949.md")]) == 1
    lines = capsys.readouterr().out.splitlines()
    bad = str(tmp_path / "bad.md")
    assert f"{bad}:2: error: front matter `date` is not a date: 'someday' — write it as `date: YYYY-MM-DD`" in lines
    assert any(line.startswith(f"{bad}:5: error: no paper items found — ") for line in lines)
    assert any(line.startswith(f"{tmp_path / 'cp949.md'}:1: error: file is not UTF-8 (looks like cp949") for line in lines)
    assert not any(line.startswith(str(tmp_path / "good.md")) and ": error: " in line for line in lines)


def test_check_missing_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "nowhere/at/all"]) == 1
    assert "nowhere/at/all:1: error: no such file or directory" in capsys.readouterr().out


def test_no_traceback_on_binary_garbage(tmp_path: Path) -> None:
    path = tmp_path / "garbage.md"
    path.write_bytes(bytes(range(256)) * 40)
    for args in (["parse", "--json", str(path)], ["check", str(path)]):
        proc = subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=ROOT)
        assert "Traceback" not in proc.stderr + proc.stdout
        assert proc.returncode == 1
        assert f"{path}:" in proc.stdout + proc.stderr


def test_import_reproduces_hand_made_content(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = _raw_seed(tmp_path, SEED_KO)
    content = tmp_path / "content"
    args = ["import", str(raw), "--date", "2025-09-21", "--slug", "dair-top-ai-papers-sep-15-21",
            "--title", "이번 주 주요 AI 논문: 9월 셋째 주", "--author", "DAIR.AI",
            "--source-name", "DAIR.AI — Top AI Papers of the Week (Sep 15–21, 2025)", "--content", str(content)]
    assert main(args) == 0
    written = content / "ko" / SEED_KO.name
    assert capsys.readouterr().out.strip() == f"wrote {written}"
    assert written.read_text(encoding="utf-8") == SEED_KO.read_text(encoding="utf-8")
    assert main(args) == 1
    assert "error: this file already exists — pass --force" in capsys.readouterr().out
    assert main([*args, "--force"]) == 0


def test_import_takes_source_url_from_body_and_makes_ascii_slug(tmp_path: Path) -> None:
    raw = _raw_seed(tmp_path, SEED_001)
    content = tmp_path / "content"
    assert main(["import", str(raw), "--date", "2025-10-13", "--source-name", "LLM Watch — 7 Papers You Should Know About",
                 "--slug", "llm-watch-7-papers-you-should-know", "--content", str(content)]) == 0
    assert (content / "ko" / SEED_001.name).read_text(encoding="utf-8") == SEED_001.read_text(encoding="utf-8")
    assert main(["import", str(raw), "--date", "2025-10-14", "--content", str(content)]) == 0
    (made,) = (content / "ko").glob("2025-10-14-*.md")
    assert made.stem.isascii() and made.stem.startswith("2025-10-14-")


def test_import_refuses_bad_date_and_non_newsletter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["import", str(SEED_KO), "--date", "21.09.2025"])
    assert exc.value.code == 2
    assert "is not a date; write YYYY-MM-DD" in capsys.readouterr().err
    text = tmp_path / "note.txt"
    text.write_text("그냥 메모입니다.\n", encoding="utf-8")
    assert main(["import", str(text), "--date", "2025-01-01", "--content", str(tmp_path / "c")]) == 1
    assert "error: no paper items found" in capsys.readouterr().out
    assert not (tmp_path / "c").exists()


def test_new_scaffold_parses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    assert main(["new", "--date", "2025-12-07", "--title", "12월 첫째 주 AI 논문", "--slug", "week-49",
                 "--content", str(content)]) == 0
    path = content / "ko" / "2025-12-07-week-49.md"
    assert capsys.readouterr().out.strip() == f"wrote {path}"
    result = parse_file(path)
    assert result.ok and result.issue is not None
    assert (result.issue.title, str(result.issue.date), len(result.issue.papers)) == ("12월 첫째 주 AI 논문", "2025-12-07", 1)
    assert main(["new", "--date", "2025-12-07", "--title", "x", "--slug", "week-49", "--content", str(content)]) == 1
