"""Translation parity on hand-built issues (the real files are covered in test_enrich_content.py)."""

from __future__ import annotations

from enrich_builders import issue, paper

from generator.enrich.translations import TranslationState, figures, missing_figures, statuses, titles_agree
from generator.model import LinkKind, Severity


def test_figures_keep_numbers_and_model_names_next_to_korean_particles():
    text = "TRM은 Maze-Hard에서 85.3%, ARC-AGI-1에서 44.6%를 달성, 1,320개 작업, GPT-4o와 24K 예산"
    assert figures(text) == ["85.3%", "ARC-AGI-1", "44.6%", "1,320", "GPT-4o", "24K"]
    assert missing_figures(text, "85.3% on Maze-Hard, 44.6% on ARC-AGI-1, 1,320 tasks, GPT-4o") == ["24K"]
    assert missing_figures("최대 2.9배, 2,700만 개", "up to 2.9x, 27M in total") == []   # Korean units converted
    assert missing_figures("최대 2.9배", "up to 2.09x") == ["2.9"]


def test_titles_agree_with_subtitles_and_acronyms_but_not_other_papers():
    assert titles_agree("Tiny Recursive Model (TRM)", "Tiny Recursive Model (TRM): A new approach")
    assert titles_agree("Recursive Reasoning with Tiny Networks", "Less is More: Recursive Reasoning with Tiny Networks")
    assert not titles_agree("Memory Forcing", "Taming Imperfect Process Verifiers")


def test_statuses_translated_missing_orphan_and_out_of_parity():
    url = "https://arxiv.org/abs/2510.00001"
    ko_ok = issue("a", "2025-10-01", [paper(1, "Memory Forcing", body="85.3% 향상", links=((LinkKind.PAPER, url),))])
    en_ok = issue("a", "2025-10-01", [paper(1, "Memory Forcing: consistent scenes", body="up 85.3%",
                                            links=((LinkKind.PAPER, url),))], lang="en")
    ko_missing = issue("b", "2025-10-02", [paper(1, "X")])
    en_orphan = issue("c", "2025-10-03", [paper(1, "Y")], lang="en")
    ko_bad = issue("d", "2025-10-04", [
        paper(1, "Memory Forcing", body="GPT-4o가 7.8% 향상", links=((LinkKind.PAPER, url),)),
        paper(2, "Second"),
    ])
    en_bad = issue("d", "2025-10-04", [
        paper(1, "Taming Imperfect Process Verifiers", body="improved a lot",
              links=((LinkKind.PAPER, "https://arxiv.org/abs/2510.99999"),), path="content/en/d.md"),
    ], lang="en")
    result = {s.slug: s for s in statuses([ko_ok, ko_missing, ko_bad], [en_ok, en_orphan, en_bad])}
    assert result["a"].state is TranslationState.TRANSLATED and result["a"].problems == ()
    assert result["b"].state is TranslationState.MISSING and result["b"].en_path is None
    assert result["c"].state is TranslationState.ORPHAN
    bad = result["d"]
    assert bad.state is TranslationState.OUT_OF_PARITY
    messages = [p.format() for p in bad.problems]
    assert messages[0].startswith("content/en/d.md:1: error: the English issue has 1 papers, the Korean one 2")
    assert any("content/en/d.md:10: warning: paper #1 is `Taming Imperfect Process Verifiers` here" in m
               for m in messages)
    assert any("links of paper #1 differ" in m and "missing https://arxiv.org/abs/2510.00001" in m
               and "extra https://arxiv.org/abs/2510.99999" in m for m in messages)
    assert any("lacks figures" in m and "GPT-4o, 7.8%" in m for m in messages)
    assert [p.severity for p in bad.problems].count(Severity.ERROR) == 1
