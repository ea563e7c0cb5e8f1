"""The letter model and open-vocabulary readings of words the lexicon lacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from az_ocrfix import explain, fix
from az_ocrfix.channel import Channel
from az_ocrfix.charlm import CharLM, shipped_charlm, spell
from az_ocrfix.lexicon import Lexicon

WORDS = ["kitablar", "qapılar", "dəftərlər", "evlər", "atlar", "gözlər", "otaqlar", "günlər"]


def test_model_prefers_words_spelled_like_its_training_words() -> None:
    lm = CharLM.train(WORDS, order=4, min_count=1)
    assert lm.cost("kitablar") < lm.cost("kitablər")
    assert lm.cost("günlər") < lm.cost("günlar")
    assert lm.cost("evlər") < lm.cost("vlər")  # the start of a word is modelled too


def test_dump_and_load_give_the_same_costs(tmp_path: Path) -> None:
    lm = CharLM.train(WORDS, order=4, min_count=1)
    path = tmp_path / "lm.txt.gz"
    lm.dump(path)
    again = CharLM.load(str(path))
    for word in ["kitablar", "qələmlər", "xyz", ""]:
        assert again.cost(word) == pytest.approx(lm.cost(word), abs=0.01)
    lm.dump(tmp_path / "second.txt.gz")
    assert (tmp_path / "second.txt.gz").read_bytes() == path.read_bytes()


def test_spell_restores_harmony_under_the_channel() -> None:
    lm = CharLM.train(WORDS, order=4, min_count=1)
    ch = Channel.from_counts({("ə", "o"): 40, ("ə", "ə"): 60, ("o", "o"): 90, ("a", "a"): 99})
    found = spell("dəftorlor", ch, lm)
    assert found is not None and found.form == "dəftərlər"


@pytest.mark.parametrize(
    ("garbled", "truth"),
    [
        ("nanostrukturlarinin", "nanostrukturlarının"),
        ("dehistanliqlarindadir", "dehistanlıqlarındadır"),
    ],
)
def test_shipped_model_repairs_words_the_lexicon_lacks(garbled: str, truth: str) -> None:
    assert truth not in Lexicon.default()  # else this would test the lexicon, not the model
    text = f"Alimlor {garbled} tarixini yazdilar."  # an English-model page
    assert fix(text) == f"Alimlər {truth} tarixini yazdılar."
    assert [c.reason for c in explain(text)] == ["channel", "spelling", "channel"]


def test_shipped_model_knows_azerbaijani_spelling() -> None:
    lm = shipped_charlm()
    assert lm.cost("hidrodinamikanın") < lm.cost("hidrodinamikənin")
    assert lm.cost("postpozitivistlər") < lm.cost("postpozitivistlar")


@pytest.mark.parametrize("name", ["Sobibor", "Basileios", "Zelenski", "Maydanek"])
def test_foreign_names_are_kept(name: str) -> None:
    text = f"Hesabatda {name} adı çəkilir."
    assert fix(text) == text
