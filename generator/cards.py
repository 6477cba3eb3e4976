"""Social preview cards: the ``og:image`` of the home page, every issue and every paper.

A card is a 1200×630 PNG drawn with Pillow: the site name, the page title wrapped to at most four lines, and a
line below it (the issue date, or the paper's latest issue). Korean pages show Korean text, so the font must cover
Hangul: a configured font, else a Korean font installed by the system (Debian ``fonts-nanum``, Noto CJK). Without
one, no cards are made and no page claims an image.

Cards are reproducible (the same text gives the same bytes: no timestamps, no metadata) and named by a hash of what
they show, so a rebuild never draws a card again when its cache folder already holds it.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

__all__ = ["Card", "CardPainter", "KOREAN_FONTS", "find_font", "covers_hangul", "WIDTH", "HEIGHT"]

WIDTH, HEIGHT = 1200, 630
"""The card size social sites ask for (1.91:1)."""

KOREAN_FONTS = (
    "/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf",
    "/usr/share/fonts/truetype/nanum/NanumBarunGothicBold.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
    "/Library/Fonts/AppleSDGothicNeo.ttc",
    "C:/Windows/Fonts/malgunbd.ttf",
)
"""Korean fonts looked for when none is configured, first found wins."""

_STYLE_VERSION = "2"
"""Part of every card's hash: bump it when the drawing changes, so cached cards are drawn again."""


@dataclass(frozen=True)
class Card:
    """One card image."""

    path: str
    """Path relative to the language tree (``assets/cards/<hash>.png``)."""

    png: bytes
    """The PNG file."""


def covers_hangul(font_path: Path) -> bool:
    """True when the font draws Hangul syllables as glyphs of their own, not as the font's missing-glyph box."""
    font = ImageFont.truetype(str(font_path), 48)

    def drawn(text: str) -> bytes:
        image = Image.new("L", (64, 64))
        ImageDraw.Draw(image).text((4, 4), text, font=font, fill=255)
        return image.tobytes()

    missing = drawn("\ue000")  # a private-use code point: no font has a glyph for it, so this is its box
    blank = drawn("")
    return all(drawn(ch) not in (missing, blank) for ch in "가힣논문")


def find_font(configured: str | None = None) -> Path | None:
    """The font cards are drawn with: ``configured`` when given and readable, else the first of
    :data:`KOREAN_FONTS` that exists and covers Hangul, else ``None``."""
    candidates = [configured] if configured else list(KOREAN_FONTS)
    for candidate in candidates:
        path = Path(candidate).expanduser()
        if path.is_file() and covers_hangul(path):
            return path
    return None


class CardPainter:
    """Draws cards with one font, reusing what the cache folder holds."""

    def __init__(self, font: Path, cache_dir: Path | None = None) -> None:
        self.font = font
        self.cache_dir = cache_dir
        self.drawn = 0
        """How many cards were drawn rather than read from the cache (for tests and the build log)."""
        self._fonts: dict[int, ImageFont.FreeTypeFont] = {}

    def card(self, title: str, line: str, site_name: str) -> Card:
        """The card of a page titled ``title`` with ``line`` below it (a date, an issue name)."""
        key = hashlib.sha256("\x1f".join((_STYLE_VERSION, self.font.name, site_name, title, line)).encode()).hexdigest()
        path = f"assets/cards/{key[:20]}.png"
        cached = self.cache_dir / f"{key[:20]}.png" if self.cache_dir else None
        if cached is not None and cached.is_file():
            return Card(path, cached.read_bytes())
        png = self._draw(title, line, site_name)
        self.drawn += 1
        if cached is not None:
            try:
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_bytes(png)
            except OSError:
                pass  # a read-only checkout still builds; it only draws again next time
        return Card(path, png)

    def _size(self, size: int) -> ImageFont.FreeTypeFont:
        if size not in self._fonts:
            self._fonts[size] = ImageFont.truetype(str(self.font), size)
        return self._fonts[size]

    def _draw(self, title: str, line: str, site_name: str) -> bytes:
        image = Image.new("RGB", (WIDTH, HEIGHT), (48, 63, 159))  # Material's indigo, a shade darker
        draw = ImageDraw.Draw(image)
        margin = 80
        draw.rectangle((0, HEIGHT - 16, WIDTH, HEIGHT), fill=(255, 193, 7))
        draw.text((margin, 64), site_name, font=self._size(40), fill=(197, 202, 233))
        size, lines = 68, _wrap(title, self._size(68), WIDTH - 2 * margin, 4)
        if len(lines) > 3:
            size = 56
            lines = _wrap(title, self._size(size), WIDTH - 2 * margin, 4)
        y = 170
        for text in lines:
            draw.text((margin, y), text, font=self._size(size), fill=(255, 255, 255))
            y += int(size * 1.3)
        if line:
            draw.text((margin, HEIGHT - 120), line, font=self._size(36), fill=(232, 234, 246))
        text = PngInfo()  # what the card says, as text (``Title``, and the site as ``Author``); no timestamp, so
        text.add_itxt("Title", title)  # the same card gives the same bytes every time
        text.add_itxt("Author", site_name)
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=False, pnginfo=text)
        return out.getvalue()


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    """``text`` broken into lines that fit ``width``: at spaces, or anywhere in a word longer than a line (Korean
    and English alike); the last line ends with ``…`` when the text does not fit."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if font.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while font.getlength(current) > width:  # a word wider than the card
            cut = max(1, next((n for n in range(len(current), 0, -1) if font.getlength(current[:n]) <= width), 1))
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and font.getlength(last + "…") > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines
