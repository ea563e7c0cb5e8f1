"""Line-end hyphenation happens at Azerbaijani syllable boundaries only."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from az_ocrfix.alphabet import is_vowel
from az_ocrfix.synth.hyphenate import break_points, split_at, syllables

LOWER = "abcçdeəfgğhxıijkqlmnoöprsştuüvyz"


def hyphenated(word: str) -> str:
    return "-".join(split_at(word, break_points(word)))


def test_known_words() -> None:
    assert hyphenated("cəmiyyətinin") == "cə-miy-yə-ti-nin"
    assert hyphenated("Azərbaycan") == "Azər-bay-can"  # never a single letter on a side
    assert hyphenated("təşkilatlarının") == "təş-ki-lat-la-rı-nın"
    assert hyphenated("müddəası") == "müd-də-a-sı"
    assert hyphenated("türklər") == "türk-lər"  # VCC-CV: the last consonant opens the syllable


def test_what_is_never_broken() -> None:
    assert break_points("QHT") == []  # acronym
    assert break_points("2024") == []
    assert break_points("ana") == []  # a break would leave one letter
    assert break_points("QHT-lər") == []  # not a pure letter run (render.token_breaks handles it)


@given(st.text(alphabet=LOWER, min_size=1, max_size=20))
def test_syllables_have_one_vowel_each(word: str) -> None:
    parts = syllables(word)
    assert "".join(parts) == word
    if any(is_vowel(c) for c in word):
        assert all(sum(is_vowel(c) for c in p) == 1 for p in parts)


@given(st.text(alphabet=LOWER, min_size=1, max_size=20))
def test_breaks_leave_two_letters_and_precede_a_vowel_onset(word: str) -> None:
    for p in break_points(word):
        assert 2 <= p <= len(word) - 2
        # The next syllable starts with one consonant then a vowel, or with a vowel (V-V).
        assert is_vowel(word[p]) or is_vowel(word[p + 1])
        assert any(is_vowel(c) for c in word[:p])
