"""Newsletters written in every mix of the layout families, with the answer known by construction.

:func:`write_issue` composes one issue from :data:`PAPERS` (``unseen/pool.yaml``: realistic Korean write-ups) and a
:class:`Mix` — how paper headings are written, the title form, the link-line style and position, which non-paper
blocks appear where, the header, and the file encoding — and returns the bytes plus what the parser must find.
``test_layout_matrix.py`` parses a seeded sample of mixes; run this module to try many more::

    .venv/bin/python tests/parser/unseen_matrix.py 3000 7    # 3000 mixes, seed 7 → failures by family
"""

from __future__ import annotations

import random
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

POOL = Path(__file__).resolve().parent / "unseen" / "pool.yaml"
PAPERS: list[dict[str, Any]] = yaml.safe_load(POOL.read_text(encoding="utf-8"))
"""Paper write-ups: ``en``/``ko`` titles, a short ``name`` and its Korean particle ``pa``, prose, arXiv id,
GitHub repo, x.com status, extra ``[label, url]`` links."""

HEADS = ("h2", "h3", "h2num", "boldnum", "boldparen", "list_dot", "list_paren", "section", "name", "bold",
         "h3_link", "keycap", "circled", "bullet_bold", "bullet_bracket", "h1", "hr_plain",
         "delim_dash", "delim_eq", "bullet_link", "h3_html", "h3_tag", "medal")
"""How a paper starts: ``## T``, ``### T``, ``## 1. T``, ``**1. T**``, ``**1)** T``, ``1. **T**``, ``1) T``,
``---`` + ``**T**``, a ``**Name**는 …`` paragraph, ``**T**``, ``### [T](arxiv)``, ``1️⃣ **T**``, ``#### ① T``,
``- **T**``, ``- [1] T``, ``# T``, ``---`` + a plain line, ``--- 1. T ---``, ``=== T ===``,
``- 🔬 [Lab] [T](arxiv)``, ``### <a href="arxiv"><b>T</b></a>``, ``### 1. T (Oral)``, ``### 🥇 1. T``."""
TITLES = ("ko_en", "en_colon_ko", "en", "ko", "emoji_ko_en", "en_dash_ko", "en_paren_ko", "ko_wonje")
LINKS = ("md_kr_pipe", "md_en_slash", "bare_kr_dot", "placeholder_md", "placeholder_plain", "emoji_md", "trailing",
         "bare_en_pipe", "label_paren", "bullets", "view_suffix", "mixed_placeholder", "bare_only", "votes",
         "quote_links", "hf_papers")
POSITIONS = ("end", "start")
BLOCKS = ("none", "ad_mid", "img_mid", "footer", "gloss_end", "hl_front", "adspan_mid", "sponsored_mid",
          "course_after", "toc_num_front", "gloss_front", "footer_hr", "inner_list", "hl_heading", "ad_link_mid",
          "legend_front")
ENCODINGS = ("utf8", "crlf_bom", "nfd")
FRONTS = ("h1", "fm", "email", "bold", "substack", "h2title", "quoted")
BODIES = ("plain", "plain", "bullets", "leadin", "leadline", "quote", "single", "numbered")
"""Paper body: two paragraphs, a paragraph + bullet points, ``**Lead**: text`` paragraphs, a bold-only lead line
over its paragraph, a block quote, one paragraph, a paragraph + numbered points."""
MISSING = (-1, -1, 0, 3, 6)
"""Paper (0-based) written without any link line, -1 for none."""

ISSUE_TITLE = "주간 AI 논문 테스트 호"
ISSUE_DATE = "2025-11-16"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_KEYCAPS = ("1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟")


@dataclass(frozen=True)
class Mix:
    """One combination of layout choices."""

    head: str
    """Paper heading style (:data:`HEADS`)."""
    title: str
    """Title form (:data:`TITLES`)."""
    links: str
    """Link-line style (:data:`LINKS`)."""
    position: str
    """Link line at the ``end`` or ``start`` of the paper."""
    blocks: str
    """Non-paper blocks added (:data:`BLOCKS`)."""
    encoding: str
    """File encoding (:data:`ENCODINGS`)."""
    offset: int
    """First paper of the pool."""
    front: str
    """How the issue's title and date are written (:data:`FRONTS`)."""
    missing: int = -1
    """The paper written without a link line (:data:`MISSING`)."""
    body: str = "plain"
    """How each paper's text is written (:data:`BODIES`)."""


@dataclass(frozen=True)
class Expected:
    """What the parser must find in a written issue."""

    papers: tuple[tuple[str | None, str | None, str | None, str | None, str | None], ...]
    """Per paper: ``(title_ko, title_en, paper URL, code URL, tweet URL)``."""
    blocks: tuple[str, ...]
    """Kinds of the non-paper blocks (``other`` left out), in order."""


def _urls(p: dict[str, Any]) -> tuple[str, str | None, str | None]:
    return (f"https://arxiv.org/abs/{p['arxiv']}", f"https://github.com/{p['gh']}" if p["gh"] else None,
            f"https://x.com/{p['tw']}" if p["tw"] else None)


def _has_hangul(text: str) -> bool:
    return any("\uac00" <= c <= "\ud7a3" for c in text)


def _title(p: dict[str, Any], form: str) -> tuple[str, str | None, str | None]:
    """(heading text, title_ko, title_en) of a paper in a title form."""
    en_name = p["en"].split(":")[0] if ":" in p["en"] else (p["en"] if _has_hangul(p["name"]) else p["name"])
    ko_sub = p["ko"].split(":", 1)[1].strip() if ":" in p["ko"] else p["ko"]
    return {
        "ko_en": (f"{p['ko']}({p['en']})", p["ko"], p["en"]),
        "emoji_ko_en": (f"🔥 {p['ko']}({p['en']})", p["ko"], p["en"]),
        "en_colon_ko": (f"{en_name}: {ko_sub}", ko_sub, en_name),
        "en_dash_ko": (f"{en_name} – {ko_sub}", ko_sub, en_name),
        "en_paren_ko": (f"{p['en']}({p['ko']})", p["ko"], p["en"]),
        "en": (p["en"], None, p["en"]),
        "ko": (ko_sub, ko_sub, None),
        "ko_wonje": (ko_sub, ko_sub, p["en"]),  # the English title on a ``원제:`` line under the heading
    }[form]


def _link_line(p: dict[str, Any], style: str) -> tuple[str, tuple[str | None, str | None, str | None]]:
    """(link line Markdown, (paper, code, tweet) URLs it gives)."""
    a, g, t = _urls(p)
    code, tweet = [g] if g else [], [t] if t else []
    lines = {
        "md_kr_pipe": (" | ".join([f"[논문]({a})"] + [f"[코드]({u})" for u in code] + [f"[트윗]({u})" for u in tweet]),
                       (a, g, t)),
        "md_en_slash": (" / ".join([f"[Paper]({a})"] + [f"[Code]({u})" for u in code]), (a, g, None)),
        "bare_kr_dot": (" · ".join([f"논문: {a}"] + [f"코드: {u}" for u in code] + [f"트윗: {u}" for u in tweet]),
                        (a, g, t)),
        "placeholder_md": ("[논문](Paper) | [트윗](Tweet)", (None, None, None)),
        "placeholder_plain": ("논문 | 트윗", (None, None, None)),
        "emoji_md": (" · ".join([f"📄 [논문]({a})"] + [f"💻 [코드]({u})" for u in code]), (a, g, None)),
        "trailing": (" | ".join([f"[논문]({a})"] + [f"[코드]({u})" for u in code]), (a, g, None)),
        "bare_en_pipe": (" | ".join([f"Paper: {a}"] + [f"Code: {u}" for u in code] + [f"Tweet: {u}" for u in tweet]),
                         (a, g, t)),
        "label_paren": (" · ".join([f"논문({a})"] + [f"코드({u})" for u in code]), (a, g, None)),
        "bullets": ("\n".join([f"- [논문]({a})"] + [f"- [코드]({u})" for u in code] + [f"- [트윗]({u})" for u in tweet]),
                    (a, g, t)),
        "view_suffix": (" / ".join([f"논문 보기: {a}"] + [f"코드 보기: {u}" for u in code]), (a, g, None)),
        "mixed_placeholder": (f"[논문]({a}) | 트윗", (a, None, None)),
        "bare_only": (" | ".join([a] + code), (a, g, None)),
        "votes": (" · ".join([f"[논문]({a}) 👍 123"] + [f"[코드]({u}) ⭐ 1.2k" for u in code]), (a, g, None)),
        "quote_links": ("> " + " | ".join([f"📄 [arXiv]({a})"] + [f"[GitHub]({u})" for u in code]), (a, g, None)),
        "hf_papers": (" · ".join([f"[HF]({a.replace('arxiv.org/abs', 'huggingface.co/papers')})"]
                                 + [f"[코드]({u})" for u in code]), (a.replace("arxiv.org/abs", "huggingface.co/papers"), g, None)),
    }
    return lines[style]


def _body(p: dict[str, Any], body: str) -> list[str]:
    """The paragraphs (Markdown blocks) of a paper's text."""
    if body == "bullets":
        return [p["desc"], f"- {p['lead']}: {p['lead_text']}\n- 코드와 모델 가중치를 함께 공개했습니다."]
    if body == "numbered":
        return [p["desc"], f"1. {p['lead']}: {p['lead_text']}\n2. 코드와 모델 가중치를 함께 공개했습니다."]
    if body == "leadin":
        return [p["desc"], f"**{p['lead']}**: {p['lead_text']}"]
    if body == "leadline":
        return [p["desc"], f"**{p['lead']}**", p["lead_text"]]
    if body == "quote":
        return [p["desc"], f"> {p['lead_text']}"]
    if body == "single":
        return [p["desc"]]
    return [p["desc"], p["lead_text"]]


def _front(front: str) -> list[str]:
    intro = "이번 주에 주목할 만한 논문을 소개합니다."
    return {
        "fm": ["---", f"title: {ISSUE_TITLE}", f"date: {ISSUE_DATE}", "---", "", intro, ""],
        "email": [f"제목: {ISSUE_TITLE}", "보낸 사람: 테스트 레터 <letter@example.com>", "발행일: 2025년 11월 16일", "", intro, ""],
        "bold": [f"**{ISSUE_TITLE}**", "", "2025.11.16", "", intro, ""],
        "h1": [f"# {ISSUE_TITLE}", "", "발행일: 2025년 11월 16일", "", intro, ""],
        "quoted": [f"> 제목: {ISSUE_TITLE}", "> 보낸 사람: 테스트 레터 <letter@example.com>", "> 발행일: 2025. 11. 16.", "",
                   "- 원문 보기: https://letter.example.com/p/16", "", intro, ""],
        "h2title": [f"## {ISSUE_TITLE}", "", "발행일: 2025년 11월 16일", "", intro, ""],
        "substack": [f"# **{ISSUE_TITLE}**", "", "Author: 테스트 에디터", "URL: https://letter.example.com/p/16",
                     "Date: 2025-11-16", "", "=" * 40, "", intro, ""],
    }[front]


def _heading(mix: Mix, n: int, text: str, p: dict[str, Any]) -> str | None:
    return {
        "h2": f"## {text}", "h3": f"### {text}", "h2num": f"## {n}. {text}", "boldnum": f"**{n}. {text}**",
        "boldparen": f"**{n})** {text}", "list_dot": f"{n}. **{text}**", "list_paren": f"{n}) {text}",
        "section": f"**{text}**", "bold": f"**{text}**", "h3_link": f"### [{text}](https://arxiv.org/abs/{p['arxiv']})",
        "keycap": f"{_KEYCAPS[n - 1]} **{text}**", "circled": f"#### {_CIRCLED[n - 1]} {text}",
        "bullet_bold": f"- **{text}**", "bullet_bracket": f"- [{n}] {text}", "h1": f"# {text}", "hr_plain": text,
        "name": None, "delim_dash": f"--- {n}. {text} ---", "delim_eq": f"=== {text} ===",
        "bullet_link": f"- 🔬 [Lab] [{text}](https://arxiv.org/abs/{p['arxiv']})",
        "h3_html": f'### <a href="https://arxiv.org/abs/{p["arxiv"]}"><b>{text}</b></a>',
        "h3_tag": f"### {n}. {text} (Oral)", "medal": f"### {'🥇🥈🥉'[n - 1] if n <= 3 else '🏅'} {n}. {text}",
    }[mix.head]


def _between(mix: Mix) -> tuple[list[str], list[str]]:
    """Lines and block kinds inserted after the third paper."""
    ads = {
        "ad_mid": (["**편집자 메시지**", "", "AI 엔지니어링 코스 등록이 시작되었습니다. 할인 코드 AI30으로 30% 할인.", ""], ["sponsor"]),
        "sponsored_mid": (["**Sponsored** — 벡터DB 클라우드, 첫 달 무료로 시작하세요.", ""], ["sponsor"]),
        "adspan_mid": (["[광고]", "", "**GPU 클라우드 특가**", "", "H100을 시간당 2달러에 사용하세요.", "", "[/광고]", ""],
                       ["sponsor"]),
        "img_mid": (["![](https://img.example.com/x.png)", ""], ["image"]),
        "ad_link_mid": (["[광고] 논문 읽기 모임 5기 모집 — [신청하기](https://study.example.com/5) | [자세히](https://study.example.com)",
                         ""], ["sponsor"]),
    }
    if mix.blocks == "course_after" and mix.position == "end" and mix.links != "trailing":
        return ["LLM 실전 강의 4기 모집 중! 할인 코드 PAPER로 등록하면 20% 할인됩니다.", ""], ["sponsor"]
    return ads.get(mix.blocks, ([], []))


def write_issue(mix: Mix, n_papers: int = 7) -> tuple[bytes, Expected]:
    """The file bytes of an issue in ``mix`` and what parsing it must give."""
    ps = [PAPERS[(mix.offset + i) % len(PAPERS)] for i in range(n_papers)]
    out = _front("fm" if mix.head == "h1" and mix.front == "h1" else mix.front)
    kinds: list[str] = []
    if mix.blocks == "hl_front":
        out += ["**이번 호 하이라이트**", ""] + [f"- {p['name']}" for p in ps] + [""]
        kinds.append("highlights")
    if mix.blocks == "toc_num_front":
        out += ["목차", ""] + [f"{i}. {p['name']}" for i, p in enumerate(ps, 1)] + [""]
        kinds.append("highlights")
    if mix.blocks == "hl_heading":
        out += ["## 이번 주 하이라이트", ""] + [f"- {p['name']}: {_title(p, 'ko')[0]}" for p in ps] + [""]
        kinds.append("highlights")
    if mix.blocks == "legend_front":
        out += ["🔬 = 논문, 📰 = 뉴스, 📝 = 블로그", ""]
        kinds.append("legend")
    if mix.blocks == "gloss_front":
        out += ["**용어 정리**", "", "**MoE**: 전문가 혼합 구조", "**RL**: 강화학습", ""]
        kinds.append("glossary")
    ruled = mix.head in ("section", "hr_plain")
    if ruled:
        out += ["---", ""]
    indent = "   " if mix.head.startswith("list") else ("  " if mix.head.startswith("bullet") else "")
    expected = []
    for n, p in enumerate(ps, 1):
        text, ko, en = _title(p, mix.title)
        line, (a, g, t) = _link_line(p, mix.links)
        linked_head = mix.head in ("h3_link", "bullet_link", "h3_html")
        if linked_head:
            a = _urls(p)[0]  # the heading itself links the paper
        paras = _body(p, mix.body)
        if mix.head == "name":
            ko, en = None, p["name"]
            if _has_hangul(p["name"]):  # 확산 언어 모델(DLM) → (확산 언어 모델, DLM); OpenAI 연구진 → Korean only
                ko, _, rest = p["name"].partition("(")
                en = rest.rstrip(")") or None
            paras[0] = f"**{p['name']}**{p['pa']} {paras[0]}"
            if n == (2 if mix.missing != 1 else 5):  # a paragraph inside the paper that opens with a bold term
                paras.insert(1, "**HumanEval**에서의 결과도 눈에 띕니다. 복잡한 입력에서도 높은 정확도를 보였습니다.")
        if mix.blocks == "inner_list" and n == 2:  # a numbered list inside the paper's body
            paras.insert(1, "저자들이 밝힌 절차는 다음과 같습니다.\n\n1. 데이터를 모읍니다.\n2. 모델을 학습합니다.\n3. 결과를 검증합니다.")
        if n - 1 == mix.missing:
            a, g, t = (_urls(p)[0] if linked_head else None), None, None
        elif mix.links == "trailing" and not (paras[-1].startswith(("-", "1.", ">")) or "\n1." in paras[-1]):
            paras[-1] += " " + line  # a trailing group ends the paper's last paragraph
        elif mix.position == "start" and mix.head != "name":
            paras.insert(0, line)
        else:
            paras.append(line)
        if mix.title == "ko_wonje":
            paras.insert(0, f"원제: {p['en']}")
        heading = _heading(mix, n, text, p)
        if heading is not None:
            out += [heading, ""]
        for chunk in paras:
            out += ["\n".join(indent + x for x in chunk.split("\n")), ""]
        expected.append((ko, en, a, g, t))
        if n == 3:
            lines, more = _between(mix)
            out += lines
            kinds += more
        if ruled:
            out += ["---", ""]
    if mix.blocks == "gloss_end":
        out += ["**용어 정리**", "", "**MoE**: 전문가 혼합 구조", "**RL**: 강화학습", ""]
        kinds.append("glossary")
    if mix.blocks == "footer":
        out += ["구독과 좋아요 부탁드립니다!", ""]
        kinds.append("footer")
    if mix.blocks == "footer_hr":
        out += ([] if ruled else ["---", ""]) + ["읽어 주셔서 감사합니다. 다음 주에 만나요!", ""]
        kinds.append("footer")
    return _encode("\n".join(out), mix.encoding), Expected(tuple(expected), tuple(kinds))


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "nfd":
        text = unicodedata.normalize("NFD", text)
    if encoding == "crlf_bom":
        return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    return text.encode("utf-8")


def mixes(count: int, seed: int, head: str | None = None) -> list[Mix]:
    """``count`` mixes drawn with ``random.Random(seed)`` (all with ``head`` when given)."""
    rnd = random.Random(seed)
    out = []
    while len(out) < count:
        mix = Mix(head or rnd.choice(HEADS), rnd.choice(TITLES), rnd.choice(LINKS), rnd.choice(POSITIONS),
                  rnd.choice(BLOCKS), rnd.choice(ENCODINGS), rnd.randrange(len(PAPERS)), rnd.choice(FRONTS),
                  rnd.choice(MISSING), rnd.choice(BODIES))
        if mix.head == "name" and mix.title != "ko_en":
            continue  # a bold-name paragraph has no title form
        if mix.missing >= 0 and (mix.body in ("single", "quote") or (mix.head, mix.body) == ("name", "leadin")):
            continue  # a paper without links whose text is one paragraph or bold lead lines is ambiguous to a reader too
        out.append(mix)
    return out


def differences(data: bytes, want: Expected) -> list[str]:
    """What the parser gets wrong on ``data`` (empty when it is all right)."""
    from generator.jsonout import result_json
    from generator.parser import parse_source
    from generator.sources import decode, load_text

    text, problems = decode(data, "issue.md")
    got = result_json(parse_source(load_text(text, "issue.md", problems)), "issue.md")
    diffs = [f"{key} {got[key]!r}" for key, value in (("title", ISSUE_TITLE), ("date", ISSUE_DATE)) if got[key] != value]
    kinds = tuple(b["kind"] for b in got["blocks"] if b["kind"] != "other")
    if kinds != want.blocks:
        diffs.append(f"blocks {list(kinds)} != {list(want.blocks)}")
    if len(got["papers"]) != len(want.papers):
        return diffs + [f"count {len(got['papers'])} != {len(want.papers)}: "
                        + " ; ".join(p["heading"][:30] for p in got["papers"])]
    for n, (paper, (ko, en, a, g, t)) in enumerate(zip(got["papers"], want.papers), start=1):
        if (paper["title_ko"], paper["title_en"]) != (ko, en):
            diffs.append(f"paper {n} titles {(paper['title_ko'], paper['title_en'])} != {(ko, en)}")
        links = paper["links"]
        if (links["paper"], links["code"], links["tweet"]) != (a, g, t):
            diffs.append(f"paper {n} links {(links['paper'], links['code'], links['tweet'])} != {(a, g, t)}")
    return diffs


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    total, seed = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) > 2 else (1000, 1)
    failing = Counter()
    for mix in mixes(total, seed):
        data, want = write_issue(mix)
        for diff in differences(data, want):
            failing[(mix.head, diff.split(" ")[0])] += 1
            print(mix, diff[:200])
    print(f"{total} mixes (seed {seed}); failures by heading style and field: {dict(failing)}")
