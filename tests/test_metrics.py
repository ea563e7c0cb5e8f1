"""CER / WER: known values and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from az_ocrfix.metrics import cer, char_errors, normalize_space, wer, word_errors

WORDS = st.lists(st.sampled_from(["ilə", "ilo", "Məclis", "bu", "gün", "1998-ci"]), max_size=30)
SPACE = st.sampled_from([" ", "  ", "\n", "\n\n", "\t", "\n\f\n"])


def test_known_values() -> None:
    assert wer("bu gün Milli Məclisdə", "bu gun Milli Moaclisdo") == 0.5
    assert cer("ilə", "ilo") == pytest.approx(1 / 3)
    assert wer("a b c", "a c") == pytest.approx(1 / 3)  # a deletion
    assert wer("a b", "a x b") == 0.5  # an insertion
    assert char_errors("ab", "ba") == (2, 2)


def test_empty_reference() -> None:
    assert (cer("", ""), wer("", ""), cer(" \n", "")) == (0.0, 0.0, 0.0)
    assert (cer("", "x"), wer("", "x y")) == (1.0, 1.0)


@given(WORDS, st.lists(SPACE, min_size=31, max_size=31))
def test_whitespace_does_not_count(words: list[str], spaces: list[str]) -> None:
    text = " ".join(words)
    spaced = "".join(w + s for w, s in zip(words, spaces, strict=False))
    assert cer(text, spaced) == 0.0
    assert wer(text, spaced) == 0.0
    assert normalize_space(spaced) == text


@given(WORDS, WORDS)
def test_rates_are_bounded_and_zero_only_for_equal_texts(ref: list[str], hyp: list[str]) -> None:
    r, h = " ".join(ref), " ".join(hyp)
    edits, n = word_errors(r, h)
    assert max(len(ref), len(hyp)) >= edits >= abs(len(ref) - len(hyp))
    assert (wer(r, h) == 0.0) == (ref == hyp)
    assert (cer(r, h) == 0.0) == (r == h)
    assert char_errors(r, h)[0] == char_errors(h, r)[0]  # the distance is symmetric
    if n:
        assert wer(r, h) == edits / n
