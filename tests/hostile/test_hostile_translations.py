"""Translations are paired by identity, not position: an English issue whose papers are not the Korean
ones (a paper skipped, the order changed, other links) is not published as a translation. That issue's
English pages show the Korean text under the "Not yet translated" notice, and ``digest check`` and the
build say why, with ``path:line`` — never another paper's English text on a paper's page."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_site import CONTENT, ROOT, TRACEBACK, digest  # noqa: E402

from generator.build import BuildSettings, build  # noqa: E402

PAPERS = (("Alpha Sparse Routing", "2501.00011"), ("Beta Curriculum Replay", "2501.00012"),
          ("Gamma Tool Planning", "2501.00013"))
"""Three papers of one issue: English name and arXiv id."""


def _issue(order: tuple[int, ...], lang: str) -> str:
    items = []
    for n, i in enumerate(order, start=1):
        name, arxiv = PAPERS[i]
        text = f"English write-up of {name}." if lang == "en" else f"{name}에 대한 한국어 설명입니다."
        label = "Paper" if lang == "en" else "논문"
        items.append(f"{n}.  **{name}**\n    {text}\n\n    [{label}](https://arxiv.org/abs/{arxiv})\n")
    return "---\ndate: 2025-01-05\ntitle: 'Pairing test'\n---\n\nIntro.\n\n" + "\n".join(items)


def _content(tmp_path: Path, english: tuple[int, ...]) -> Path:
    content = tmp_path / "content"
    for lang in ("ko", "en"):
        (content / lang).mkdir(parents=True)
    shutil.copyfile(CONTENT / "topics.yml", content / "topics.yml")
    (content / "ko" / "2025-01-05-pairing.md").write_text(_issue((0, 1, 2), "ko"), encoding="utf-8")
    (content / "en" / "2025-01-05-pairing.md").write_text(_issue(english, "en"), encoding="utf-8")
    return content


def _english_pages(content: Path) -> dict[str, str]:
    site = build(BuildSettings(content_dir=content, lang="en"))
    return {page.page.path: page.html for page in site.pages}


@pytest.mark.parametrize(("english", "reason"), [
    ((0, 2), "it has 2 papers, the Korean issue 3"),
    ((0, 2, 1), "paper #2 links to other addresses than the Korean paper #2"),
    ((2, 1, 0), "paper #1 links to other addresses than the Korean paper #1"),
], ids=["skips-one", "swaps-two", "reversed"])
def test_a_mismatched_translation_falls_back_to_korean(english: tuple[int, ...], reason: str, tmp_path: Path) -> None:
    content = _content(tmp_path, english)
    pages = _english_pages(content)
    papers = {path: html for path, html in pages.items() if path.startswith("papers/")}
    assert len(papers) == 4, sorted(papers)  # three papers and the index
    for name, _ in PAPERS:
        page = next(html for path, html in papers.items() if path != "papers/" and name.split()[0].lower() in path)
        assert "Not yet translated" in page
        assert "English write-up of" not in page, f"{name}: an English text is shown on its page"
        assert f"{name}에 대한 한국어 설명입니다." in page
    proc = digest("check", "content", cwd=tmp_path)
    assert TRACEBACK not in proc.stdout + proc.stderr
    expected = ("content/en/2025-01-05-pairing.md:1: warning: the English issue does not list the papers of "
                f"content/ko/2025-01-05-pairing.md ({reason}); its English pages show the Korean text")
    assert expected in proc.stdout, proc.stdout


def test_a_matching_translation_is_published(tmp_path: Path) -> None:
    """The control: the same papers in the same order are the translation, each on its own paper's page."""
    pages = _english_pages(_content(tmp_path, (0, 1, 2)))
    for name, _ in PAPERS:
        page = next(html for path, html in pages.items() if path.startswith("papers/") and path != "papers/"
                    and name.split()[0].lower() in path)
        assert f"English write-up of {name}." in page and "Not yet translated" not in page
        assert not [other for other, _ in PAPERS if other != name and f"English write-up of {other}." in page]
