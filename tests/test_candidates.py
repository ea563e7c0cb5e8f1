"""Candidate search under the channel: complete within budget, pruned by the lexicon."""

from hypothesis import given
from hypothesis import strategies as st

from az_ocrfix.candidates import SuffixList, WordList, search
from az_ocrfix.channel import Channel, shipped_channel
from az_ocrfix.synth.align import align_chars

CHANNEL = Channel.from_counts(
    {
        ("ə", "o"): 40,
        ("ə", "a"): 20,
        ("ə", "ə"): 40,
        ("ü", "ii"): 30,
        ("ü", "ü"): 70,
        ("ş", "s"): 50,
        ("ş", "ş"): 50,
        ("ş", "g"): 10,
        ("ğ", "g"): 50,
        ("ğ", "ğ"): 50,
        ("g", "g"): 100,
        ("ı", "i"): 60,
        ("ı", "ı"): 40,
        ("lı", "h"): 5,
        ("a", "a"): 100,
        ("o", "o"): 100,
        ("i", "i"): 100,
        ("s", "s"): 100,
    }
)
WORDS = WordList(
    ["bağ", "bağlı", "dövlət", "iş", "is", "müddəa", "müddəası", "təşkilat", "vətəndaş"],
    {"təşkilat", "müddəa"},
)
CHAINS = SuffixList(["lar", "ları", "larına", "sı"])


def forms(observed: str, budget: float = 15.0) -> list[str]:
    return [c.form for c in search(observed, CHANNEL, WORDS, CHAINS, budget)]


def test_multi_character_confusions_are_searched() -> None:
    assert forms("miiddoasi")[0] == "müddəası"
    assert "bağlı" in forms("bagh", budget=30)


def test_stem_plus_suffix_reaches_unlisted_forms() -> None:
    cands = search("togkilatlarina", CHANNEL, WORDS, CHAINS, 40)
    assert [c.form for c in cands][:1] == ["təşkilatlarına"]
    assert cands[0].stem_len == len("təşkilat")


def test_exact_word_costs_least() -> None:
    cands = search("is", CHANNEL, WORDS, CHAINS, 15)
    assert cands[0].form == "is"
    assert {c.form for c in cands} == {"is", "iş"}


def test_ops_align_observed_with_form() -> None:
    cand = search("vatondas", CHANNEL, WORDS, CHAINS, 20)[0]
    assert cand.form == "vətəndaş"
    assert "".join(t for t, _ in cand.ops) == "vətəndaş"
    assert "".join(o for _, o in cand.ops) == "vatondas"


@given(st.text(alphabet="abcdəiıosşühlt", max_size=10))
def test_candidates_respect_budget_and_lexicon(observed: str) -> None:
    for cand in search(observed, CHANNEL, WORDS, CHAINS, 12.0):
        assert cand.channel_cost <= 12.0
        assert cand.form in WORDS.forms or cand.form[cand.stem_len :] in CHAINS.forms
        assert "".join(o for _, o in cand.ops) == observed


def test_an_unlisted_form_keeps_each_of_its_stem_and_chain_splits() -> None:
    words = WordList(["efiop", "efiopiya"], {"efiop", "efiopiya"})
    chains = SuffixList(["iyanı", "nı"])
    splits = {c.stem_len for c in search("efiopiyanı", CHANNEL, words, chains, 20) if c.stem_len}
    assert splits == {len("efiop"), len("efiopiya")}


_GLYPHS = "aeəoıiüuşsçcgğqnm1!{|é6"


@given(
    st.text(alphabet=_GLYPHS, max_size=9),
    st.text(alphabet=_GLYPHS, max_size=9),
    st.sampled_from([(11.0, None), (5.5, None), (5.5, 11.0)]),
)
def test_align_cost_is_the_cost_of_the_best_alignment(
    true: str, observed: str, prices: tuple[float, float | None]
) -> None:
    """Channel.align_cost (a cost-only dynamic programme) equals the summed step costs of
    the path align_chars finds with the same step prices, bit for bit."""
    channel = shipped_channel("eng")
    unseen, invented = prices
    more = unseen if invented is None else invented

    def step(t: str, o: str) -> float:
        return min(channel.cost(t, o), more if len(o) > len(t) else unseen)

    path = align_chars(true, observed, step)
    assert channel.align_cost(true, observed, unseen, invented) == sum(step(t, o) for t, o in path)
