"""Vowel harmony, number and acronym readings, suffix inventories."""

from hypothesis import given
from hypothesis import strategies as st

from az_ocrfix.morphology import (
    SuffixChains,
    acronym_reading,
    harmonize,
    harmony_ok,
    host_suffixes,
    number_reading,
)


def test_number_suffix_harmony_follows_the_spoken_numeral() -> None:
    assert dict(host_suffixes(number_reading("2024")))["cü"] > 0  # dörd
    assert "cı" in dict(host_suffixes(number_reading("2026")))  # altı
    assert "ci" in dict(host_suffixes(number_reading("2025")))  # beş
    assert "cı" in dict(host_suffixes(number_reading("1990")))  # doxsan: back unrounded
    assert "də" in dict(host_suffixes(number_reading("20")))  # iyirmi
    assert "yə" in dict(host_suffixes(number_reading("20")))  # ends in a vowel → buffer y
    assert "ə" in dict(host_suffixes(number_reading("70")))  # yetmiş ends in a consonant
    assert "da" not in dict(host_suffixes(number_reading("100")))  # yüz is front
    assert "də" in dict(host_suffixes(number_reading("100")))


def test_number_reading_uses_last_spoken_word() -> None:
    assert number_reading("1990") == "doxsan"
    assert number_reading("2000") == "min"
    assert number_reading("3000000") == "milyon"
    assert number_reading("19") == "doqquz"


def test_acronym_suffix() -> None:
    assert "lərin" in dict(host_suffixes(acronym_reading("QHT")))
    assert "ların" not in dict(host_suffixes(acronym_reading("QHT")))
    assert "nin" in dict(host_suffixes(acronym_reading("BMT")))


def test_harmony_check() -> None:
    assert harmony_ok("təşkilat", "larına")
    assert not harmony_ok("təşkilat", "lərinə")
    assert harmony_ok("göz", "ü")
    assert not harmony_ok("göz", "ı")


@given(st.sampled_from("aıoueəiöü"), st.sampled_from(["lAr", "DA", "(n)In", "lArIndAn", "cI"]))
def test_harmonized_suffix_agrees_with_host(vowel: str, template: str) -> None:
    host = "x" + vowel + "z"
    assert harmony_ok(host, harmonize(template, vowel))


def test_shipped_chains_are_real_suffixes() -> None:
    chains = SuffixChains.default()
    for chain in ("lar", "lər", "ların", "lərinin", "da", "də", "sı", "si"):
        assert chain in chains, chain
    lo, hi = chains.prefix_range("lər")
    assert hi - lo > 5
    assert all(c.startswith("lər") for c in chains.forms[lo:hi])
