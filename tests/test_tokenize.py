"""Tokenizer: words with OCR glyphs, protected spans, suffix hosts."""

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from az_ocrfix import fix
from az_ocrfix.tokenize import Tokenizer, case_pattern

TOK = Tokenizer(frozenset("6¢{1"))


def spans(text: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.kind, t.host) for t in TOK.tokens(text)]


def test_garbled_words_stay_whole() -> None:
    assert spans("6l¢iilabilon {izorinds 6na") == [
        ("6l¢iilabilon", "word", "none"),
        ("{izorinds", "word", "none"),
        ("6na", "word", "none"),
    ]


def test_a_glyph_read_as_a_letter_only_at_a_word_start_separates_words_further_in() -> None:
    """An English model prints İ as "I[" and the Azerbaijani one a capital J as "/": such
    glyphs stand for a letter right after a word's first letter, not deeper in (ad/soyad)."""
    tok = Tokenizer(frozenset("[/!"), initial=frozenset("[/"))
    texts = [t.text for t in tok.tokens("I[kinci ad/soyad km/saat qaytard!q")]
    assert texts == ["I[kinci", "ad", "soyad", "km", "saat", "qaytard!q"]


def test_numbers_are_not_words_but_host_suffixes() -> None:
    assert spans("2024-cii ildo 19-20-də") == [
        ("cii", "suffix", "number"),
        ("ildo", "word", "none"),
        ("də", "suffix", "number"),
    ]


def test_acronym_and_apostrophe_suffixes() -> None:
    assert spans("QHT-lorin Nizamnamosi’nin qeyri-hokumat") == [
        ("QHT", "word", "none"),
        ("lorin", "suffix", "acronym"),
        ("Nizamnamosi", "word", "none"),
        ("nin", "suffix", "word"),
        ("qeyri", "word", "none"),
        ("hokumat", "word", "none"),
    ]


def test_urls_emails_domains_are_protected() -> None:
    text = "bax https://qht.gov.az/xeber?id=5 və info@mia.az, QHT.az-a"
    words = [t.text for t in TOK.tokens(text)]
    assert words == ["bax", "və", "a"]


def test_case_patterns() -> None:
    assert [case_pattern(w) for w in ("ilə", "İlham", "QHT", "iPhone", "A")] == [
        "lower",
        "title",
        "upper",
        "mixed",
        "title",
    ]


@given(st.text())
def test_tokens_are_exact_slices_in_order(text: str) -> None:
    last = 0
    for tok in TOK.tokens(text):
        assert text[tok.start : tok.end] == tok.text
        assert tok.start >= last
        assert regex.search(r"\p{L}", tok.text)
        last = tok.end


def test_brace_read_for_u_umlaut_stays_inside_the_word() -> None:
    """ü printed as "{i" by an English model: one garbled word, repaired as a whole."""
    assert fix("Kitab masanin {izerinde idi.") == "Kitab masanın üzərində idi."


@pytest.mark.parametrize("text", ["Bu {test} qalır.", "Şablon {ad} və {foo bar} yazılır."])
def test_braces_around_words_are_left_alone(text: str) -> None:
    assert fix(text) == text


def test_a_debris_symbol_between_lowercase_letters_stays_inside_the_word() -> None:
    """A symbol no channel table lists (&, ~, §, *) is debris for a letter between lowercase
    letters with three of them on one side, or after a word's opening capital before three
    lowercase letters; between capitals or short letter runs it is what it looks like (AT&T,
    R&D, S&P, a*b)."""
    text = "m&mkundur tələ§ə om~akdaş D&vlat AT&T R&D S&P a*b Procter&Gamble"
    texts = [t.text for t in TOK.tokens(text)]
    assert texts == [
        "m&mkundur",
        "tələ§ə",
        "om~akdaş",
        "D&vlat",
        "AT",
        "T",
        "R",
        "D",
        "S",
        "P",
        "a",
        "b",
        "Procter",
        "Gamble",
    ]


@pytest.mark.parametrize(
    ("garbled", "expected"),
    [
        ("Bu m&mkundur ve", "Bu mümkündür və"),
        ("onun tərk+bində", "onun tərkibində"),
        ("QHT-lərə D&vlat Dəstəyi Agentliyi", "QHT-lərə Dövlət Dəstəyi Agentliyi"),
        ("AT&T və R&D, Procter&Gamble, C++", "AT&T və R&D, Procter&Gamble, C++"),
        # "|" is a glyph the English model's table lists (for l); on a clean page it stays.
        ("thumb|200px|left|Şəkil", "thumb|200px|left|Şəkil"),
    ],
)
def test_a_symbol_no_channel_lists_may_stand_for_a_letter(garbled: str, expected: str) -> None:
    assert fix(garbled) == expected


@pytest.mark.parametrize(
    ("garbled", "expected"),
    [
        # An English model prints a word-initial İ as "[" (the train pages' word-initial table).
        ("Roma ve [taliya arasinda", "Roma və İtaliya arasında"),
        ("Bu gun geldi. [ki il sonra", "Bu gün gəldi. İki il sonra"),
        # A bracket that closes later on the line is a bracket.
        ("Bu [redaktə] linki və [1] istinad", "Bu [redaktə] linki və [1] istinad"),
        ("bu [qeyd: bax] və", "bu [qeyd: bax] və"),
    ],
)
def test_an_opening_bracket_may_open_a_word_for_a_capital_i(garbled: str, expected: str) -> None:
    assert fix(garbled) == expected
