"""OCR slips that are not letter confusions: digits read as letters, VV for W, l for I in Roman
numerals, stray dots."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from az_ocrfix import explain, fix
from az_ocrfix.lexicon import Lexicon
from az_ocrfix.slips import apply_slips, find_slips


@pytest.mark.parametrize(
    ("garbled", "mended"),
    [
        ("zozo-ci ildə seçkilər keçirildi.", "2020-ci ildə seçkilər keçirildi."),
        ("Ölkəmizdə zoz4-cü il uğurlu oldu.", "Ölkəmizdə 2024-cü il uğurlu oldu."),
        ("zozo ildə seçkilər keçirildi.", "2020 ildə seçkilər keçirildi."),
        ("Ayın l5-də görüş olacaq.", "Ayın 15-də görüş olacaq."),
        # -ı after a consonant-final numeral: qırx-ı (40), only a number takes it here.
        ("Onların 4O-ı yoxlanıldı.", "Onların 40-ı yoxlanıldı."),
        ("VVUF forumu başladı.", "WUF forumu başladı."),
        ("Bu dövlət.proqramı ilə bağlıdır.", "Bu dövlət proqramı ilə bağlıdır."),
        # A sans face's I printed l, 1 or ] in a Roman numeral before a name or əsr.
        ("Bu titulu Ill Romana verdi.", "Bu titulu III Romana verdi."),
        ("QHT-lərinin II] Əməkdaşlıq Forumu", "QHT-lərinin III Əməkdaşlıq Forumu"),
        ("Bu, XIl əsrdə tikilib.", "Bu, XII əsrdə tikilib."),
    ],
)
def test_slips_of_the_azerbaijani_model_are_mended(garbled: str, mended: str) -> None:
    assert fix(garbled) == mended
    assert any(c.reason == "normalize" for c in explain(garbled))


@pytest.mark.parametrize(
    "text",
    [
        "Sayt QHT.az və www.gov.az, yazın: info@qht.gov.az.",
        "Hesabat plan.pdf faylındadır.",
        "Bakı.Gəncə yolu; HƏVVA xanım; ol-da; so.",
        "Saat 20:00-da, 2020-ci ildə, 1.000.000 manat.",
    ],
)
def test_text_without_slips_is_left_alone(text: str) -> None:
    assert fix(text) == text


def test_roman_numeral_needs_a_name_or_century_after_it() -> None:
    """Ill / Il are mended only where a Roman numeral stands: before a capitalized word or əsr."""
    lexicon = Lexicon.default()
    assert find_slips("XIX əsrdə II Nikolay; Ill be there, Il faut partir. Vl", lexicon) == []
    assert find_slips("Il Forum", lexicon) == [(0, 2, "II")]


def test_digits_that_stand_for_letters_do_not_make_a_number() -> None:
    """An English model prints 6 for ö: "6zol" is özəl, not 6201."""
    assert fix("Agentlik dövlət—6zol-QHT əlaqəsini qurdu.") == (
        "Agentlik dövlət—özəl-QHT əlaqəsini qurdu."
    )


def test_offsets_follow_the_mended_text() -> None:
    lexicon = Lexicon.default()
    text = "zozo-ci ildə VVUF və dövlət.proqramı"
    mended, offsets, slips = apply_slips(text, lexicon)
    assert len(offsets) == len(mended) + 1
    assert [text[s:e] for s, e, _ in slips] == ["zozo", "VVUF", "."]
    # "WUF" is one letter shorter than "VVUF": everything after it still maps home.
    i = mended.index("dövlət")
    assert text[offsets[i] : offsets[i] + 6] == "dövlət"


@given(st.text(alphabet="zoOlI0123456789 -.aəVUFcidəil", max_size=40))
def test_slips_are_disjoint_and_in_order(text: str) -> None:
    slips = find_slips(text, Lexicon.default())
    for (_, end, _), (start, _, _) in pairwise(slips):
        assert end <= start
    mended, offsets, _ = apply_slips(text, Lexicon.default())
    assert len(offsets) == len(mended) + 1
    assert all(0 <= o <= len(text) for o in offsets)
