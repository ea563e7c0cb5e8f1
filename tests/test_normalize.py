"""Tests for az_ocrfix.normalize: the done-when cases of issue 6 and hypothesis properties."""

from __future__ import annotations

import itertools
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from az_ocrfix.normalize import normalize, normalize_with_offsets

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
CLEAN_SEEDS = ["000_cb814f566ff9d0fa.txt", "001_0dd871ad92a7c3f9.txt", "003_7f69ff3c855ba16b.txt"]

AZ_LETTERS = "abcçdeəfgğhxıijkqlmnoöprsştuüvyzABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ"
RU_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
#: Cyrillic letters with no Latin look-alike: a word holding one is unmistakably Cyrillic.
RU_DISTINCT = "бгджзилпфцчшщъыьэюяБГДЖЗИЛПФЦЧШЩЪЫЬЭЮЯ"
PUNCT = " ,.;:!?()«»“”—–-\n0123456789"

az_text = st.text(alphabet=AZ_LETTERS + PUNCT, max_size=200)
ru_word = st.text(alphabet=RU_LETTERS, min_size=1, max_size=12)


# --- issue 6 "done when" -------------------------------------------------------------------


def test_mojibake_repaired() -> None:
    assert normalize("AzÉ™rbaycan") == "Azərbaycan"
    assert normalize("AzÉ™rbaycan RespublikasÄ±nÄ±n") == "Azərbaycan Respublikasının"


def test_cyrillic_schwa_in_latin_word() -> None:
    assert normalize("azәrbaycan") == "azərbaycan"
    assert normalize("AZӘRBAYCAN") == "AZƏRBAYCAN"


def test_russian_quotation_survives() -> None:
    text = "Nazir bildirdi: «Мы поддерживаем Азербайджан, а он согласен» və çıxdı."
    assert normalize(text) == text


def test_azerbaijani_cyrillic_stays_cyrillic() -> None:
    text = "Азәрбајҹан Республикасы"
    assert normalize(text) == text


# --- single steps ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ǝhali", "əhali"),
        ("ƎLİYEV", "ƏLİYEV"),
        ("Bu \u043e qədər", "Bu o qədər"),  # Cyrillic о between Latin words
        ("S\u0435çki", "Seçki"),  # Cyrillic е inside a Latin word
        ("\u0421\u0430mal", "Camal"),  # Cyrillic С and а
        ("B\u0430k\u0131", "Bakı"),  # only look-alikes, no context: most letters are Latin
        ("\u043fp\u0438\u0432\u0435\u0442", "привет"),  # Latin p inside a Russian word
        ("qɪz", "qız"),
        ("i\u0307stanbul", "istanbul"),  # what str.lower makes of İstanbul
        ("ı\u0307", "i"),
        ("ﬁkir ﬂora", "fikir flora"),
        ("a\ue003", "act"),
        ("Azər\u00adbaycan", "Azərbaycan"),
        ("mil\u200bli", "milli"),
        ("\ufeffBakı", "Bakı"),
        ("Bakı’da Bakı‘da Bakıʼda Bakı`da", "Bakı'da Bakı'da Bakı'da Bakı'da"),
        ("sosial‐iqtisadi", "sosial-iqtisadi"),
        ("e\u0301", "é"),  # NFC
        ("ə\u200b\u0308", "ə\u0308"),  # nothing to compose: stays decomposed
        ("Azärbaycan Respublikası, qızıl", "Azərbaycan Respublikası, qızıl"),  # 1991 alphabet
    ],
)
def test_steps(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Händel und Müller",  # German ä is not the 1991 Azerbaijani ä
        "Azərbaycan və Händel",  # ə present: not a 1991 text
        "“Dırnaq” və «bucaq» — tire – aralıq",  # double quotes, em and en dash kept
        "ب\u200cب 👩\u200d💻",  # Persian ZWNJ and emoji ZWJ kept
        "Он сказал: «а»",
        "ɘ ĳ",
    ],
)
def test_left_alone(text: str) -> None:
    assert normalize(text) == text


@pytest.mark.parametrize("name", CLEAN_SEEDS)
def test_clean_seed_changes_only_quotes(name: str) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8")
    assert normalize(text) == text.replace("’", "'").replace("‘", "'")


def test_offsets_map_mojibake_back() -> None:
    out, offsets = normalize_with_offsets("AzÉ™rbaycan")
    assert out == "Azərbaycan"
    i = out.index("ə")
    assert (offsets[i], offsets[i + 1]) == (2, 4)  # ə came from "É™"
    assert offsets[-1] == len("AzÉ™rbaycan")


def test_offsets_skip_deleted() -> None:
    raw = "Azər\u00adbaycan ﬁlm"
    out, offsets = normalize_with_offsets(raw)
    assert out == "Azərbaycan film"
    assert raw[offsets[4]] == "b"
    assert raw[offsets[out.index("film")] : offsets[out.index("film") + 4]] == "ﬁlm"


# --- properties -----------------------------------------------------------------------------


@settings(max_examples=400)
@given(st.text())
@example("i\u00ad\u0307")
@example("ɪ\u0307\u0307")
@example("і\u0307 qız")
def test_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=400)
@given(st.text())
def test_length_bounded(text: str) -> None:
    # only ligatures (ﬃ → ffi) and NFC of a few rare characters lengthen text
    ligatures = sum(len(unicodedata.name(c, "").split("LIGATURE")) > 1 for c in text)
    bound = len(unicodedata.normalize("NFC", text)) + 2 * ligatures + 1 * text.count("\ue003")
    assert len(normalize(text)) <= bound


@settings(max_examples=400)
@given(st.text())
def test_offsets_valid_and_monotone(text: str) -> None:
    out, offsets = normalize_with_offsets(text)
    assert out == normalize(text)
    assert len(offsets) == len(out) + 1
    assert offsets[-1] == len(text)
    assert all(0 <= o < len(text) for o in offsets[:-1])
    assert all(a <= b for a, b in itertools.pairwise(offsets))


@given(az_text)
def test_clean_azerbaijani_unchanged(text: str) -> None:
    assert normalize(text) == text
    _out, offsets = normalize_with_offsets(text)
    assert offsets == list(range(len(text) + 1))


@given(st.lists(ru_word, min_size=1, max_size=20))
def test_russian_unchanged(words: list[str]) -> None:
    text = " ".join(words) + "."
    assert normalize(text) == text


@given(
    az_text,
    st.lists(ru_word, min_size=1, max_size=8),
    st.sampled_from(RU_DISTINCT),
    az_text,
)
def test_russian_quotation_in_azerbaijani_unchanged(
    before: str, words: list[str], distinct: str, after: str
) -> None:
    # a real quotation has at least one letter that only Cyrillic has
    quote = " ".join([*words, distinct + words[0]])
    text = f"{before} «{quote}» {after}"
    assert normalize(text) == text
