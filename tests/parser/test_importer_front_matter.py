"""``digest import``/``new`` write front matter from a typed :class:`~generator.sources.FrontMatter`,
and reading it back gives the same values."""

from __future__ import annotations

import dataclasses
import datetime as dt

from generator.importer import front_matter_text
from generator.model import Source
from generator.sources import FrontMatter, split_front_matter


def test_front_matter_round_trips_through_the_reader() -> None:
    written = FrontMatter(date=dt.date(2025, 11, 16), title="AI 논문: 이번 주", author="Elvis",
                          source=Source(name="AI Newsletter", url="https://nlp.elvissaravia.com/p/x"))
    text = front_matter_text(written) + "본문\n"
    read, body, offset, problems = split_front_matter(text, "x.md")
    assert problems == [] and body == "\n본문\n" and offset == 8
    assert dataclasses.replace(read, lines=0) == written


def test_front_matter_leaves_out_what_is_unknown() -> None:
    text = front_matter_text(FrontMatter(date=dt.date(2025, 11, 16), source=Source(name="Digest", url=None)))
    assert text == "---\ndate: 2025-11-16\nsource:\n  name: Digest\n---\n\n"
