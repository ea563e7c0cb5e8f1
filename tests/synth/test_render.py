"""Column layout: line ends are recorded faithfully, and joining the lines gives the text back."""

from __future__ import annotations

import itertools
import json
import random

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from az_ocrfix.synth.fonts import face_by_name
from az_ocrfix.synth.hyphenate import break_points
from az_ocrfix.synth.render import (
    PageStyle,
    draw_page,
    join_lines,
    layout_lines,
    layout_to_dict,
    token_breaks,
)

WORDS = [
    "Azərbaycan",
    "Respublikasının",
    "vətəndaş",
    "cəmiyyətinin",
    "müddəası",
    "QHT-lərin",
    "qeyri-hökumət",
    "2024-cü",
    "öz-özünə",
    "ayrı-ayrı",
    "—",
    "və",
    "ki",
    "Milli",
    "Məclisdə",
    "təşkilatlarının",
    "“Forum”un",
    "ölçüləbilən",
    "əməkdaşlığının",
    "20-də",
    "il,",
    "bildirib:",
]
STYLE = PageStyle(face=face_by_name("dejavu-serif"), column_chars=32)


def test_real_hyphen_breaks_and_syllable_breaks_both_occur() -> None:
    text = " ".join(WORDS * 6)
    lines = layout_lines([text], STYLE._replace(forced_break_rate=0.8), random.Random(7))
    ends = [ln.end for ln in lines]
    assert "syllable" in ends and "real" in ends
    assert join_lines(lines) == text


def test_line_ends_match_their_kind() -> None:
    text = " ".join(WORDS * 8)
    lines = layout_lines([text], STYLE, random.Random(3))
    assert sum(ln.end == "syllable" for ln in lines) >= 3
    for ln, nxt in itertools.pairwise(lines):
        last, first = ln.text.split(" ")[-1], nxt.text.split(" ")[0]
        if ln.end == "syllable":
            assert last.endswith("-")
            head = regex.search(r"\p{L}+$", last[:-1])
            tail = regex.match(r"\p{L}+", first)
            assert head and tail and len(head[0]) >= 2 and len(tail[0]) >= 2
            word = head[0] + tail[0]
            if "-" not in last[:-1] and word.isalpha():
                assert len(head[0]) in break_points(word)
        elif ln.end == "real":
            assert last.endswith("-") and last != "-"
        else:
            assert not last.endswith("-") or last == "-"


def test_token_breaks_put_real_hyphens_first() -> None:
    assert token_breaks("öz-özünə") == [(3, "real"), (6, "syllable")]
    assert token_breaks("QHT") == []


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40), min_size=1, max_size=4),
    st.integers(0, 10_000),
    st.integers(20, 45),
    st.sampled_from(["blank", "indent"]),
)
def test_joining_lines_restores_the_text(
    pars: list[list[str]], seed: int, width: int, par_style: str
) -> None:
    paragraphs = [" ".join(p) for p in pars]
    style = STYLE._replace(column_chars=width, paragraph_style=par_style)  # type: ignore[arg-type]
    lines = layout_lines(paragraphs, style, random.Random(seed))
    assert join_lines(lines) == "\n\n".join(paragraphs)
    assert {ln.paragraph for ln in lines} == set(range(len(paragraphs)))


def test_layout_json_and_image() -> None:
    lines = layout_lines(
        ["Milli Məclisdə qeyri-hökumət təşkilatlarının forumu"], STYLE, random.Random(0)
    )
    record = json.loads(json.dumps(layout_to_dict(lines, STYLE), ensure_ascii=False))
    assert [ln["text"] for ln in record["lines"]] == [ln.text for ln in lines]
    assert record["font"] == "dejavu-serif"
    img = draw_page(lines, STYLE)
    assert img.mode == "L"
    assert img.getextrema() == (0, 255)  # black ink on white
