"""Alignment of OCR output with its source: words first, then characters with 1:2 / 2:1 ops."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from az_ocrfix.synth.align import align_chars, align_texts, align_words, count_ops

AZ = "abcçdeəfgğhxıijkqlmnoöprsştuüvyzƏİÖÜŞÇĞ"


def test_garbled_word_yields_multichar_and_vowel_confusions() -> None:
    ops = align_chars("müddəası", "miiddoasi")
    assert ("ü", "ii") in ops
    assert ("ə", "o") in ops
    assert ("ı", "i") in ops
    assert ops.count(("d", "d")) == 2


def test_two_to_one_ops() -> None:
    assert ("lı", "h") in align_chars("bağlı", "bagh")
    assert ("ın", "m") in align_chars("Azərbaycanın", "Azarbaycam")


def test_case_is_kept() -> None:
    assert ("İ", "I") in align_chars("İlham", "Ilham")
    assert ("Ə", "O") in align_chars("Əliyev", "Oliyev")


def test_word_alignment_handles_split_and_merged_words() -> None:
    pairs = align_words("bu gün Milli Məclisdə", "bugiin Milli Mo aclisdo")
    assert pairs[0] == ("bu gün", "bugiin")
    assert ("Milli", "Milli") in pairs
    assert ("Məclisdə", "Mo aclisdo") in pairs


def test_lost_word_is_skipped_not_counted() -> None:
    a = align_texts("vətəndaş cəmiyyəti üçün", "vatandas camiyyati")
    assert a.words_skipped == 1
    assert ("ü", "") not in a.ops
    assert a.ops[("ə", "a")] == 4


def test_counts_include_identities() -> None:
    counts = count_ops("Milli Məclis", "Milli Moclis")
    assert counts[("l", "l")] == 3
    assert counts[("M", "M")] == 2
    assert counts[("ə", "o")] == 1


@given(st.text(alphabet=AZ, max_size=14), st.text(alphabet=AZ + "i16é¢", max_size=14))
def test_alignment_is_lossless(true: str, observed: str) -> None:
    ops = align_chars(true, observed)
    assert "".join(t for t, _ in ops) == true
    assert "".join(o for _, o in ops) == observed
    assert all(len(t) <= 2 and len(o) <= 2 and (t or o) for t, o in ops)


@given(st.text(alphabet=AZ, min_size=1, max_size=14))
def test_identical_strings_align_to_identities(word: str) -> None:
    assert all(t == o for t, o in align_chars(word, word))
