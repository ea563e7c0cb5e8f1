"""The shipped lexicon: issue 2's done-when assertions and the Lexicon API."""

from __future__ import annotations

import gzip
import itertools
import subprocess
import sys
from importlib.resources import files

import pytest

from az_ocrfix.alphabet import LOWER_LETTERS
from az_ocrfix.lexicon import Lexicon


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.default()


def test_size_and_scale(lex: Lexicon) -> None:
    assert len(lex) >= 200_000
    top = max(lex.forms, key=lex.count)
    assert top == "və"
    assert 5_000_000 <= lex.count("və") <= 20_000_000
    assert lex.total > 100_000_000


@pytest.mark.parametrize(
    "form", ["cəmiyyətinin", "təşkilatlarına", "müddəası", "ölçüləbilən", "azərbaycan", "üçün"]
)
def test_knows_required_forms(lex: Lexicon, form: str) -> None:
    assert form in lex
    assert lex.count(form) > 0


@pytest.mark.parametrize(
    ("shadow", "twin"),
    [
        ("ilo", "ilə"),
        ("edon", "edən"),
        ("yiiksok", "yüksək"),
        ("azarbaycan", "azərbaycan"),
        ("gəbul", "qəbul"),
        ("olkə", "ölkə"),
        ("va", "və"),
        ("ve", "və"),
        ("cox", "çox"),
        ("tehsil", "təhsil"),
    ],
)
def test_garbled_shadows_absent_or_negligible(lex: Lexicon, shadow: str, twin: str) -> None:
    assert lex.count(twin) > 0
    assert lex.count(shadow) * 1000 < lex.count(twin)


@pytest.mark.parametrize(
    ("copy", "form"),
    [
        # de-accented past the first syllable (no suffix has e, suffixes follow harmony)
        ("vermirsen", "vermirsən"),
        ("kontekstden", "kontekstdən"),
        ("aparmir", "aparmır"),
        # a capital I typed for İ, lowercased by the rules to ı
        ("ıstifadə", "istifadə"),
        ("ıki", "iki"),
    ],
)
def test_copies_with_lost_dots_are_absent(lex: Lexicon, copy: str, form: str) -> None:
    assert copy not in lex
    assert lex.count(form) > 100


@pytest.mark.parametrize(
    "form", ["in", "el", "adi", "sair", "is", "on", "olan", "ona", "bala", "sual", "ən", "adı"]
)
def test_genuine_ascii_looking_words_kept(lex: Lexicon, form: str) -> None:
    assert lex.count(form) > 1000


def test_count_ordering(lex: Lexicon) -> None:
    assert lex.count("və") > lex.count("ve")
    assert lex.count("çox") > lex.count("bir") / 10
    assert lex.count("bir") > lex.count("ölkə") > lex.count("ölçüləbilən")
    assert lex.count("var") > lex.count("yoxdur") > lex.count("yoxdurlar") > 0


def test_forms_sorted_clean_and_lowercase(lex: Lexicon) -> None:
    forms = lex.forms
    assert all(a < b for a, b in itertools.pairwise(forms))
    letters = set(LOWER_LETTERS)
    assert all(form and set(form) <= letters for form in forms)


def test_unknown_and_log_prob(lex: Lexicon) -> None:
    assert "qwerty" not in lex
    assert lex.count("qwerty") == 0
    assert lex.cap_share("qwerty") == 0.0
    assert lex.log_prob("və") > lex.log_prob("ölkə") > lex.log_prob("qwerty")
    assert lex.log_prob("və") < 0


def test_capital_shares(lex: Lexicon) -> None:
    for name in ("bakı", "ilham", "əliyev", "azərbaycan"):
        assert lex.cap_share(name) > 0.6, name
    for common in ("və", "ilə", "bir", "olan", "üçün"):
        assert lex.cap_share(common) < 0.3, common


def test_counts_aligned_with_forms(lex: Lexicon) -> None:
    assert len(lex.counts) == len(lex.forms)
    for i in range(0, len(lex.forms), 9973):
        assert lex.counts[i] == lex.count(lex.forms[i]) > 0


def test_prefix_search(lex: Lexicon) -> None:
    found = lex.with_prefix("cəmiyyət")
    assert "cəmiyyətinin" in found
    assert all(f.startswith("cəmiyyət") for f in found)


def test_stems_and_bigrams(lex: Lexicon) -> None:
    assert lex.is_stem("ölkə")
    assert lex.is_stem("ölçül")
    assert not lex.is_stem("ölkələrinin")
    assert lex.bigram("ilham", "əliyev") > 0
    assert lex.bigram("ilham", "qwerty") == 0


def test_tsv_matches_fast_tables(lex: Lexicon) -> None:
    raw = files("az_ocrfix").joinpath("lexicons", "words.tsv.gz").read_bytes()
    rows = gzip.decompress(raw).decode("utf-8").splitlines()
    assert len(rows) == len(lex)
    for row in rows[:: len(rows) // 500]:
        form, count, cap = row.split("\t")
        assert lex.count(form) == int(count)
        assert lex.cap_share(form) == pytest.approx(float(cap), abs=0.006)


def test_shadow_twins(lex: Lexicon) -> None:
    assert lex.shadow_twin("yiiksok") == "yüksək"
    assert lex.shadow_twin("ilo") == "ilə"
    assert lex.shadow_twin("ilə") is None
    assert all(lex.shadow_twin(f) is None for f in ("və", "olan", "sair"))


def test_default_is_cached(lex: Lexicon) -> None:
    assert Lexicon.default() is lex


def test_loads_from_package_resources_in_fresh_interpreter() -> None:
    code = (
        "from az_ocrfix.lexicon import Lexicon; L = Lexicon.default(); "
        "print(len(L), L.count('müddəası') > 0, L.is_stem('ev'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd="/"
    ).stdout.split()
    assert int(out[0]) >= 200_000
    assert out[1:] == ["True", "True"]
