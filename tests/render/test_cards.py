"""Social preview cards: drawn reproducibly with a font that covers Hangul, and drawn once."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from generator.cards import HEIGHT, WIDTH, CardPainter, covers_hangul, find_font

FONT = find_font()
pytestmark = pytest.mark.skipif(FONT is None, reason="no Korean font installed (scripts/dev.sh installs fonts-nanum)")


def test_a_card_is_a_png_of_the_card_size_and_the_same_bytes_every_time(tmp_path: Path) -> None:
    assert FONT is not None
    first = CardPainter(FONT).card("작은 네트워크를 이용한 재귀적 추론", "2025년 10월 12일", "페이퍼 다이제스트")
    again = CardPainter(FONT).card("작은 네트워크를 이용한 재귀적 추론", "2025년 10월 12일", "페이퍼 다이제스트")
    assert first == again and first.path.startswith("assets/cards/") and first.path.endswith(".png")
    image = Image.open(io.BytesIO(first.png))
    assert image.format == "PNG" and image.size == (WIDTH, HEIGHT)
    other = CardPainter(FONT).card("다른 제목", "2025년 10월 12일", "페이퍼 다이제스트")
    assert other.path != first.path and other.png != first.png


def test_the_card_font_covers_hangul_and_a_latin_font_does_not() -> None:
    assert FONT is not None and covers_hangul(FONT)
    latin = next((p for p in Path("/usr/share/fonts/truetype").rglob("*.ttf") if "nanum" not in p.name.lower()), None)
    if latin is not None:
        assert not covers_hangul(latin)


def test_a_cached_card_is_not_drawn_again(tmp_path: Path) -> None:
    assert FONT is not None
    painter = CardPainter(FONT, tmp_path / "cards")
    made = painter.card("Less is More", "October 12, 2025", "Paper Digest")
    assert painter.drawn == 1 and (tmp_path / "cards").is_dir()
    later = CardPainter(FONT, tmp_path / "cards")
    assert later.card("Less is More", "October 12, 2025", "Paper Digest") == made and later.drawn == 0


def test_a_long_title_is_cut_with_an_ellipsis_not_drawn_off_the_card() -> None:
    assert FONT is not None
    title = "아주 긴 제목 " * 40
    card = CardPainter(FONT).card(title, "", "페이퍼 다이제스트")
    image = Image.open(io.BytesIO(card.png)).convert("RGB")
    right_edge = [image.getpixel((WIDTH - 40, y)) for y in range(150, 500)]
    assert all(pixel == right_edge[0] for pixel in right_edge), "no text reaches the right margin"
