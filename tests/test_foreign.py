"""English sentences inside Azerbaijani text (or English pages) are left as printed."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from az_ocrfix import fix
from az_ocrfix.foreign import foreign_sentences

# English words the decoder, left to itself, reads as garbled Azerbaijani (brown → bran,
# World → Vvərlə, dog → doğ, Ill → İl, were → vərə) among plain ones.
_CONTENT = st.sampled_from(
    [
        "brown",
        "world",
        "dog",
        "ill",
        "man",
        "people",
        "story",
        "city",
        "river",
        "letter",
        "paper",
        "report",
        "music",
        "house",
        "water",
        "market",
        "window",
        "garden",
        "winter",
        "summer",
        "teacher",
        "student",
        "country",
        "history",
        "science",
        "money",
        "power",
        "answer",
        "question",
        "morning",
        "evening",
        "picture",
        "museum",
        "village",
        "doctor",
    ]
)
_FUNCTION = st.sampled_from(
    [
        "the",
        "of",
        "and",
        "was",
        "for",
        "that",
        "with",
        "from",
        "this",
        "are",
        "we",
        "you",
        "they",
        "have",
        "which",
        "there",
        "their",
        "were",
        "would",
        "could",
        "should",
        "been",
        "into",
        "about",
        "over",
        "after",
        "before",
        "between",
        "through",
        "because",
        "when",
    ]
)


@st.composite
def _english_sentence(draw: st.DrawFn) -> str:
    pairs = draw(st.lists(st.tuples(_FUNCTION, _CONTENT), min_size=2, max_size=8))
    words = [w for pair in pairs for w in pair]
    return " ".join(words).capitalize() + "."


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_english_sentence())
def test_english_sentences_are_left_alone(sentence: str) -> None:
    assert fix(sentence) == sentence
    page = "Azarbaycan Respublikasinin Konstitusiyasinda. " + sentence + " Bu gun hava yaxsidir."
    assert fix(page) == (
        "Azərbaycan Respublikasının Konstitusiyasında. " + sentence + " Bu gün hava yaxşıdır."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Without the guard: "The quick bran fox jumps over the lazy doğ."
        (
            "The quick brown fox jumps over the lazy dog.",
            "The quick brown fox jumps over the lazy dog.",
        ),
        ("Hello World from Baku: we love Python.", "Hello World from Baku: we love Python."),
        # Inflected Azerbaijani words inside a sentence dense with English are still mended.
        (
            "The Lord of the Rings filmi Bakida gosterildi.",
            "The Lord of the Rings filmi Bakıda göstərildi.",
        ),
    ],
)
def test_english_in_azerbaijani_pages(text: str, expected: str) -> None:
    assert fix(text) == expected


def test_an_english_title_inside_an_azerbaijani_sentence_does_not_make_it_english() -> None:
    text = "Bu kitab The Art of War adlanir ve Bakida cap olunub, her kes oxuyur."
    assert foreign_sentences(text) == []
    assert fix(text).endswith("adlanır və Bakıda çap olunub, hər kəs oxuyur.")
