"""Defence in depth: even when the content check is bypassed (its errors ignored), the renderer itself
turns no hostile source text into executable output — every page body, feed and JSON file of both
languages, rendered by :mod:`generator.build` from the whole corpus, javascript:/data: links included."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_cases import CASES, case_files  # noqa: E402
from hostile_site import ROOT, Scanner, make_content  # noqa: E402

from generator import i18n  # noqa: E402
from generator.build import BuildSettings, build  # noqa: E402
from generator.enrich import load_catalog  # noqa: E402
from generator.markdown import to_html, to_inline_html  # noqa: E402
from generator.model import Severity  # noqa: E402


@pytest.fixture(scope="module")
def catalog_with_errors(tmp_path_factory: pytest.TempPathFactory):
    content = make_content(tmp_path_factory.mktemp("hostile-render") / "content", case_files(CASES))
    catalog, problems = load_catalog(content)
    assert any(p.severity is Severity.ERROR for p in problems), "the corpus has errors; they are ignored here"
    return content, catalog


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_renderer_alone_makes_nothing_executable(lang: str, catalog_with_errors) -> None:
    content, catalog = catalog_with_errors
    site = build(BuildSettings(content_dir=content, lang=lang), catalog=catalog)
    scanner = Scanner()
    for rendered in site.pages:
        scanner.scan_fragment(f"{lang}/{rendered.page.path}", rendered.html)
    for extra in site.files:
        if extra.path.endswith(".json"):
            scanner.scan_json(extra.path, json.loads(extra.content))
        elif extra.path.endswith(".xml"):
            scanner.scan_xml(extra.path, extra.content)
    assert len(site.pages) > len(CASES)
    assert scanner.problems == []


@pytest.mark.parametrize("source", [
    "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](&#106;avascript:alert(1))",
    "[x]( javascript:alert(1))", "<javascript:alert(1)>", "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)", "![x](data:image/svg+xml;base64,PHN2Zz4=)", "![x](https://evil.example/t.png)",
    "[x](//evil.example/)", "[x](file:///etc/passwd)", '<a href="javascript:alert(1)">x</a>', "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>", "[x](java\tscript:alert(1))", "[x](https://arxiv.o[rg/abs/1)", "[x](http://[::1)", "[x][r]\n\n[r]: javascript:alert(1)",
])
def test_markdown_renderer_never_emits_a_dangerous_link(source: str) -> None:
    for rendered in (to_html(source), to_inline_html(source)):
        scanner = Scanner()
        scanner.scan_fragment("markdown", rendered)
        assert scanner.problems == [], rendered
        assert "<img" not in rendered and "<script" not in rendered
