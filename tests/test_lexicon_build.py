"""The cleaning, shadow and merging steps of lexicons/build.py on small synthetic inputs."""

from __future__ import annotations

import collections
import gzip
import itertools
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from az_ocrfix.alphabet import LOWER_LETTERS
from az_ocrfix.lexicons import build


def test_clean_token_normalizes_and_lowercases() -> None:
    assert build.clean_token("İSTİQLAL") == ("istiqlal", "upper")
    assert build.clean_token("Işıq") == ("ışıq", "title")
    assert build.clean_token("azәrbaycan") == ("azərbaycan", "lower")  # Cyrillic schwa
    assert build.clean_token("tərəﬁndən") == ("tərəfindən", "lower")  # fi ligature
    assert build.clean_token("ii\ue003mai") == ("iictmai", "lower")
    assert build.clean_token("(UTC)") == ("utc", "upper")
    assert build.clean_token("“Bakı”,") == ("bakı", "title")
    assert build.clean_token("Nar”ın") == ("nar", "title")


def test_clean_token_drops_noise() -> None:
    for raw in ("2005-ci", "Kateqoriya:Ərəb", "www", "Привет", "tv3", "a.b", "", "--"):
        assert build.clean_token(raw) is None, raw
    assert build.clean_token("qeyri-hökumət") is None
    assert build.clean_token("qeyri-hökumət", keep_hyphen=True) == ("qeyri-hökumət", "lower")


def test_cyrillic_homoglyphs_only_in_mixed_tokens() -> None:
    assert build.clean_token("biomüхtəliflik") == ("biomüxtəliflik", "lower")  # Cyrillic х
    assert build.clean_token("хорошо") is None


def test_is_image_recognizes_ocr_and_deaccent_garbling() -> None:
    assert build.is_image("yiiksok", "yüksək") == 2
    assert build.is_image("azerbaycan", "azərbaycan") == 1
    assert build.is_image("gəbul", "qəbul") == 1
    assert build.is_image("olkə", "ölkə") == 1
    assert build.is_image("ölkə", "ölkə") == 0  # identity is not an image
    assert build.is_image("ona", "ana") == 0  # a is never garbled
    assert build.is_image("və", "ve") == 0  # direction matters


az_words = st.text(alphabet=LOWER_LETTERS, min_size=1, max_size=12)


@given(az_words)
def test_images_share_the_fold_key(word: str) -> None:
    image = word
    for letter, outs in build.IMAGES.items():
        image = image.replace(letter, outs[-1])
    assert build.fold_key(image) == build.fold_key(word)
    assert (build.is_image(image, word) > 0) == (image != word)


def test_find_shadows_uses_frequency_ratio_and_length() -> None:
    counts = {
        "və": 10_000_000.0,
        "ve": 7_000.0,  # ratio 1400 > 500: shadow
        "iş": 260_000.0,
        "is": 2_000.0,  # ratio 130 < 500 for a 2-letter form: kept
        "təhsil": 370_000.0,
        "tehsil": 19_000.0,  # ratio 19 > 8 for a long form: shadow
        "adı": 160_000.0,
        "adi": 36_000.0,  # ratio 4: kept
        "edən": 650_000.0,
        "edon": 3.0,
    }
    assert build.find_shadows(counts) == {
        "ve": ("və", 1),
        "tehsil": ("təhsil", 1),
        "edon": ("edən", 1),
    }


def test_dictionary_attestation_protects() -> None:
    counts = {"şair": 50_000.0, "sair": 1_000.0}
    assert "sair" in build.find_shadows(counts)
    assert build.find_shadows(counts, attested={"sair"}) == {}


def test_merge_count_prefers_localdoc_and_caps_others() -> None:
    ev = build.Evidence(counts={"localdoc": 900.0, "spellfreq": 50_000.0})
    assert build.merge_count(ev, ld_min=410) == 900.0
    ev = build.Evidence(counts={"spellfreq": 100.0, "tess-wordlist": 10_000.0})
    merged = build.merge_count(ev, ld_min=410)  # geometric mean 1000, compressed
    assert 410 < merged < 1000
    lower = build.merge_count(build.Evidence(counts={"spellfreq": 900.0}), ld_min=410)
    assert 410 < lower < merged  # the order is kept
    assert build.merge_count(build.Evidence(lists={"names"}), ld_min=410) == 0.0


def test_rank_count_is_monotone() -> None:
    ref = [1000, 400, 300, 100]
    est = [build.rank_count(r, ref) for r in range(1, 20)]
    assert est[:4] == [1000.0, 400.0, 300.0, 100.0]
    assert all(a >= b for a, b in itertools.pairwise(est))


def test_cap_share_ignores_all_caps() -> None:
    ev = build.Evidence(case=collections.Counter(title=9, lower=1, upper=50))
    assert build.cap_share(ev) == 0.9


def test_hunspell_expansion() -> None:
    rules = build.parse_aff(
        ["FLAG long", "SFX N1 Y 3", "SFX N1 0 lar .", "SFX N1 0 a [^aıq]", "SFX N1 q ğa q"]
    )
    assert build.expand_hunspell("kitab", "N1", rules) == {"kitab", "kitablar", "kitaba"}
    assert build.expand_hunspell("bayraq", "N1", rules) == {"bayraq", "bayraqlar", "bayrağa"}


def test_verb_templates_follow_harmony() -> None:
    assert build.apply_template("ölçül", "(y)AbilAn") == "ölçüləbilən"
    assert build.apply_template("oxu", "(y)Ir") == "oxuyur"
    assert build.apply_template("yaz", "mAQ") == "yazmaq"
    assert build.apply_template("gül", "mIş") == "gülmüş"


def test_build_on_tiny_collection(tmp_path: Path) -> None:
    forms = {
        "və": build.Evidence(counts={"localdoc": 2000.0}, case=collections.Counter(lower=5)),
        "ve": build.Evidence(counts={"localdoc": 1.0}),
        "bakı": build.Evidence(counts={"localdoc": 500.0}, case=collections.Counter(title=9)),
        "ölkə": build.Evidence(lists={"stemmer-words"}),
    }
    col = build.Collected(
        forms=forms,
        stems={"ölkə"},
        compounds={},
        raw_bigrams=[("bakı", "və"), ("ve", "bakı")],
        suffixes=["lar"],
        stats={"localdoc.min": 1},
    )
    built = build.build(col, target_top=10_000)
    assert built.counts["və"] == 10_000
    assert "ve" not in built.counts and built.shadows["ve"] == ("və", 1)
    assert built.caps["bakı"] == 1.0
    assert built.counts["ölkə"] == build.FLOORS["stemmer-words"]
    build.write_outputs(tmp_path, col, built)
    rows = gzip.decompress((tmp_path / "words.tsv.gz").read_bytes()).decode().splitlines()
    assert rows == ["bakı\t2500\t1.00", "və\t10000\t0.00", "ölkə\t4\t0.00"]  # code point order
    bigrams = gzip.decompress((tmp_path / "bigrams.tsv.gz").read_bytes()).decode()
    assert bigrams == "bakı\tvə\t1\n"


def test_digraph_and_s_images() -> None:
    assert build.is_image("dushmek", "düşmək") == 3  # ASCII transliteration sh for ş
    assert build.is_image("csmiyyst", "cəmiyyət") == 2  # eng-OCR ə → s
    assert build.fold_key("csmiyyst") == build.fold_key("cəmiyyət")
    assert build.is_image("ishal", "işal") == 1
    counts = {"cəmiyyət": 33_000.0, "csmiyyst": 3.0, "düşmək": 900.0, "dushmek": 200.0}
    assert set(build.find_shadows(counts)) == {"csmiyyst", "dushmek"}


def test_turkish_only_forms_dropped_unless_curated() -> None:
    forms = {
        "və": build.Evidence(counts={"localdoc": 2000.0}),
        "geliyor": build.Evidence(counts={"localdoc": 50.0}),
        "yapmak": build.Evidence(counts={"localdoc": 40.0}),
        "qamak": build.Evidence(counts={"localdoc": 5.0}, lists={"stemmer-words"}),
    }
    col = build.Collected(forms, set(), {}, [], [], {"localdoc.min": 1})
    built = build.build(col, target_top=2000)
    assert set(built.counts) == {"və", "qamak"}
    assert built.stats["turkish"] == 2
