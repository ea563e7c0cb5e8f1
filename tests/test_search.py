"""Tests for az_ocrfix.search: keys, tokens with original spans, and the SQLite FTS5 recipe."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import az_ocrfix.alphabet as alphabet
from az_ocrfix.search import _casefold, fold, fts5_query, index_text, search_key, tokens

DOCS = Path(__file__).resolve().parents[1] / "docs" / "search.md"

AZ_LETTERS = "abcçdeəfgğhxıijkqlmnoöprsştuüvyzABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ"
AZ_TO_ASCII = str.maketrans("əıöüşçğƏIİÖÜŞÇĞ", "eiouscgEIIOUSCG")
az_word = st.text(alphabet=AZ_LETTERS, min_size=1, max_size=15)
az_text = st.text(alphabet=AZ_LETTERS + " ,.;:!?()«»—-’\u00ad0123456789\n", max_size=200)
ru_text = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя АБВГДЕЁЖЗИЙ,.", max_size=80)


# --- issue 6 "done when" -------------------------------------------------------------------


def test_key_equal_for_all_spellings() -> None:
    assert (
        search_key("AZƏRBAYCAN")
        == search_key("azәrbaycan")  # Cyrillic ә
        == search_key("Azerbaycan")
        == search_key("Azərbaycan")
        == search_key("AzÉ™rbaycan")  # mojibake
        == "azerbaycan"
    )


def test_azerbaijani_lower() -> None:
    assert alphabet.lower("İSTANBUL IŞIQ") == "istanbul ışıq"


# --- the fold -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("letter", "folded"),
    [
        ("ə", "e"), ("Ə", "e"), ("ı", "i"), ("I", "i"), ("İ", "i"), ("i", "i"),
        ("ö", "o"), ("Ö", "o"), ("ü", "u"), ("Ü", "u"), ("ş", "s"), ("Ş", "s"),
        ("ç", "c"), ("Ç", "c"), ("ğ", "g"), ("Ğ", "g"), ("x", "x"), ("Q", "q"),
        ("é", "e"), ("ä", "a"), ("ñ", "n"), ("ø", "o"), ("ß", "ss"),
    ],
)  # fmt: skip
def test_fold_letters(letter: str, folded: str) -> None:
    assert search_key(letter) == folded


def test_other_scripts_not_transliterated() -> None:
    assert search_key("Москва ЙОД") == "москва йод"


@given(az_text)
def test_key_is_ascii_for_azerbaijani(text: str) -> None:
    assert search_key(text).replace("«", "").replace("»", "").replace("—", "").isascii()


@given(az_word)
def test_typed_without_diacritics_matches(word: str) -> None:
    assert search_key(word) == search_key(word.translate(AZ_TO_ASCII))
    assert search_key(word) == search_key(alphabet.upper(word))


@given(st.one_of(az_text, ru_text))
def test_key_idempotent(text: str) -> None:
    key = search_key(text)
    assert search_key(key) == key


# --- tokens ---------------------------------------------------------------------------------


def test_tokens_spans_point_into_original() -> None:
    raw = "Milli Məclisin AzÉ™rbaycan iclası"
    spans = list(tokens(raw))
    assert [key for key, _, _ in spans] == ["milli", "meclisin", "azerbaycan", "iclasi"]
    assert [raw[s:e] for _, s, e in spans] == ["Milli", "Məclisin", "AzÉ™rbaycan", "iclası"]


@given(az_text)
def test_tokens_valid_spans(text: str) -> None:
    previous_end = 0
    for key, start, end in tokens(text):
        assert previous_end <= start < end <= len(text)
        assert key == search_key(text[start:end])
        previous_end = end


# --- SQLite FTS5 recipe ---------------------------------------------------------------------

PAGES = {
    1: "Milli Məclisin iclasında Azərbaycan Respublikasının büdcəsi müzakirə olundu.",
    2: "Şəhər İcra Hakimiyyəti küçələrin təmiri barədə qərar verdi.",
    3: "Gənclər və İdman Nazirliyi yeni layihə açıqlayıb.",
    4: "Bakıda MƏCLİS üzvləri görüşdü.",
}


@pytest.fixture
def fts() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE pages USING fts5("
        "body UNINDEXED, key, tokenize='unicode61 remove_diacritics 0')"
    )
    db.executemany(
        "INSERT INTO pages(rowid, body, key) VALUES (?, ?, ?)",
        [(rowid, body, index_text(body)) for rowid, body in PAGES.items()],
    )
    return db


def _search(db: sqlite3.Connection, typed: str) -> set[int]:
    rows = db.execute("SELECT rowid FROM pages WHERE key MATCH ?", (fts5_query(typed),))
    return {rowid for (rowid,) in rows}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Məclis", {4}),  # whole words only: "Məclisin" (page 1) is another token
        ("Məclisin", {1}),
        ("meclisin", {1}),
        ("MƏCLİSİN", {1}),
        ("məclis üzvləri", {4}),
        ("şəhər", {2}),
        ("SEHER", {2}),
        ("şәhәr", {2}),  # typed with Cyrillic ә
        ("küçələrin", {2}),
        ("kucelerin", {2}),
        ("İCLASINDA", {1}),
        ("iclasinda", {1}),
        ("Gənclər", {3}),
        ("idman", {3}),
        ("istanbul", set()),
    ],
)
def test_fts5_finds_with_and_without_diacritics(
    fts: sqlite3.Connection, typed: str, expected: set[int]
) -> None:
    assert _search(fts, typed) == expected


def test_fts5_phrase_and_operator_safety(fts: sqlite3.Connection) -> None:
    rows = fts.execute(
        "SELECT rowid FROM pages WHERE key MATCH ?", (fts5_query("milli meclisin", phrase=True),)
    )
    assert {rowid for (rowid,) in rows} == {1}
    assert _search(fts, 'OR "NOT" meclisin*') == set()  # operators in user input are inert
    assert fts5_query(" -- , ") == ""


@given(st.text())
def test_fast_casefold_agrees_with_alphabet(text: str) -> None:
    assert _casefold(text) == alphabet.casefold(text)


def test_fold_of_normalized_word() -> None:
    assert fold("İÇƏRİŞƏHƏR") == "iceriseher"


# --- the docs are tested code ---------------------------------------------------------------


def test_docs_examples_run() -> None:
    blocks = re.findall(r"```python\n(.*?)```", DOCS.read_text(encoding="utf-8"), flags=re.S)
    assert len(blocks) >= 2
    for block in blocks:
        exec(compile(block, str(DOCS), "exec"), {})
