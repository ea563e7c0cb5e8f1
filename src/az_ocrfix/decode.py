"""Noisy-channel decoding of one token: channel cost + lexicon prior, with a confidence.

score(form) = −ln P(observed | form) + λ·(−ln P(form)); keeping the token as it is costs a
fixed out-of-vocabulary price, so names and loans the lexicon lacks survive unless a
lexicon word explains the observed glyphs much better.  Stem + suffix analyses pay a small
penalty and must respect vowel harmony.  The confidence of a choice is its posterior share
among the alternatives.

>>> from az_ocrfix.channel import Channel, has_initial
>>> from az_ocrfix.candidates import WordList
>>> ch = Channel.from_counts({("ə", "o"): 30, ("ə", "ə"): 70, ("o", "o"): 100, ("i", "i"): 99,
...                           ("l", "l"): 100})
>>> lex = Lexicon.from_counts({"ilə": 500000, "ilo": 1})
>>> Decoder(lex, None).decide("ilo", ch).form
'ilə'
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from az_ocrfix.alphabet import VOWELS, last_vowel
from az_ocrfix.candidates import Bounds, Candidate, Lexical, Sorted, search
from az_ocrfix.changes import Reason
from az_ocrfix.channel import UNSEEN_COST, Channel, has_initial
from az_ocrfix.charlm import CharLM, spell
from az_ocrfix.fuzzy import index_for
from az_ocrfix.morphology import boundary_ok, harmony_ok, is_roman_ivx

__all__ = [
    "Alternative",
    "Decision",
    "Decoder",
    "DecoderParams",
    "Lexicon",
    "Priors",
    "is_roman_image",
    "uncertain_variants",
]

#: The lexicon's lowercase of the letters of Roman numerals I to XXXIX, back to capitals.
_ROMAN_CAPITALS = str.maketrans("ıvx", "IVX")


class Priors(Lexical, Protocol):
    """What decoding needs from a lexicon (see :class:`az_ocrfix.lexicon.Lexicon`)."""

    @property
    def counts(self) -> Sequence[int]: ...

    @property
    def total(self) -> int: ...

    def __contains__(self, form: object) -> bool: ...

    def log_prob(self, form: str) -> float: ...


class Lexicon:
    """A small in-memory :class:`Priors` (tests and tools; the shipped one is az_ocrfix.lexicon)."""

    def __init__(self, counts: Mapping[str, int], stems: set[str] | None = None) -> None:
        self.forms = sorted(counts)
        self._counts = dict(counts)
        self.counts = [counts[f] for f in self.forms]
        self.total = sum(counts.values()) or 1
        self._stems = stems or set()

    def __contains__(self, form: object) -> bool:
        return form in self._counts

    @classmethod
    def from_counts(cls, counts: Mapping[str, int], stems: set[str] | None = None) -> Lexicon:
        """Build from a word → count mapping."""
        return cls(counts, stems)

    def is_stem(self, form: str) -> bool:
        return form in self._stems

    def log_prob(self, form: str) -> float:
        return math.log(max(self._counts.get(form, 0), 0.5) / self.total)


#: Tokens longer than this are kept as printed, unsearched: the longest listed form has 28
#: letters, and a run of thousands of letters (a table rule, OCR noise) took time and memory
#: that grew faster than its length (6,400 letters: 5.7 s and 2 GB).
MAX_TOKEN_LENGTH = 48
#: A listed word must be this common (corpus count) to replace a spelling with a double letter.
NEIGHBOUR_MIN_COUNT = 200
#: How much better (nats) a fuzzy match must explain the glyphs as letters than the
#: open-vocabulary spelling before it takes the spelling's place.
FUZZY_OVER_SPELLING = 10.0
#: An unlisted stem kept as printed needs this many letters, its suffix chain this many, for
#: the chain's vowels to be put in harmony with it.
MIN_OPEN_STEM = 4
MIN_OPEN_CHAIN = 3
#: A suffix vowel may be read as another one the channel confuses it with at this cost.
VOWEL_SWAP_LIMIT = 6.0
#: Readings costing more than the best possible choice plus this are not worth finding.
CUTOFF_MARGIN = 5.0


class DecoderParams(NamedTuple):
    """Weights of the decision; fitted on the train split (see benchmarks/tune.py)."""

    #: Weight of the lexicon prior against the channel.
    lm_weight: float = 0.9
    #: Cost of keeping an out-of-lexicon token as it is (names, loans, unknown words).
    keep_cost: float = 21.0
    #: Extra cost of a stem + suffix analysis over a listed form.
    morph_penalty: float = 2.0
    #: Listed forms this frequent (corpus count) also serve as stems for further suffixes.
    stem_count: int = 50000
    #: Extra cost when a suffix chain breaks vowel harmony.
    harmony_penalty: float = 4.0
    #: Channel budget: base + per-character allowance (nats).
    budget_base: float = 6.5
    budget_per_char: float = 1.2
    budget_max: float = 15.0
    #: Price of an alignment step the channel never saw, in the fuzzy fallback.
    fuzzy_unseen: float = 5.5
    #: Extra cost of any fuzzy reading over an exact channel reading.
    fuzzy_penalty: float = 4.0
    #: Weight of the letter model in open-vocabulary readings (0 turns them off).
    spell_weight: float = 1.0
    #: Extra cost of an open-vocabulary reading over keeping the token.
    spell_margin: float = 5.0
    #: Further extra cost when the token is capitalized (likely a name, often foreign).
    spell_name_margin: float = 4.0


def is_roman_image(form: str) -> bool:
    """Whether ``form`` is a Roman numeral of I, V and X as the lexicon lists it: lowercased
    with Azerbaijani rules, so every I became ı (a lone ı stays a reading of I or i: the
    numeral I before a name).

    >>> [is_roman_image(f) for f in ("vııı", "xıv", "vida", "xv", "ı")]
    [True, True, False, False, False]
    """
    return len(form) > 1 and "ı" in form and is_roman_ivx(form.translate(_ROMAN_CAPITALS))


class Alternative(NamedTuple):
    """One scored reading of a token."""

    form: str
    cost: float
    channel_cost: float
    stem_len: int
    ops: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Decision:
    """The decoder's choice for one observed token (lowercase ``form``; None = keep as is)."""

    observed: str
    form: str | None
    confidence: float
    reason: Reason
    alternatives: tuple[Alternative, ...] = field(default=())

    @property
    def best_cost(self) -> float:
        """Cost of the chosen reading (keep cost when kept)."""
        return self.alternatives[0].cost if self.alternatives else 0.0


def _posterior(costs: list[float]) -> list[float]:
    m = min(costs)
    weights = [math.exp(m - c) for c in costs]
    s = sum(weights)
    return [w / s for w in weights]


class Decoder:
    """Scores candidates from :func:`az_ocrfix.candidates.search` and decides per token."""

    def __init__(
        self, lexicon: Priors, suffixes: Sorted | None, params: DecoderParams | None = None
    ) -> None:
        self.lexicon = lexicon
        self.suffixes = suffixes
        self.params = params or DecoderParams()
        self._suffix_total = 0.0
        self._suffix_counts: Mapping[str, int] = {}
        self._charlm: CharLM | None = None
        self._charlm_loader: Callable[[], CharLM] | None = None

    @property
    def charlm(self) -> CharLM | None:
        """The letter model for open-vocabulary readings (loaded on first use), if any."""
        if self._charlm is None and self._charlm_loader is not None:
            self._charlm = self._charlm_loader()
        return self._charlm

    @charlm.setter
    def charlm(self, model: CharLM | Callable[[], CharLM] | None) -> None:
        """Set the letter model, or a function that loads it when first needed."""
        if model is None or isinstance(model, CharLM):
            self._charlm, self._charlm_loader = model, None
        else:
            self._charlm, self._charlm_loader = None, model

    def set_suffix_counts(self, counts: Mapping[str, int]) -> None:
        """Give the decoder the chain frequencies (for the prior of stem + suffix analyses)."""
        self._suffix_counts = counts
        self._suffix_total = float(sum(counts.values()) or 1)
        best = max(counts.values(), default=1)
        self._morph_floor = self.params.morph_penalty + math.log(self._suffix_total / best)

    def bounds(self, observed: str) -> Bounds:
        """Pruning bounds for the search: nothing costing more than keep (or the word itself,
        when it is listed) plus the context margin can matter."""
        p = self.params
        cutoff = self.keep_cost(observed)
        if observed in self.lexicon:
            identity = 0.05 * len(observed) - p.lm_weight * self.lexicon.log_prob(observed)
            cutoff = max(cutoff, identity)
        return Bounds(
            self.lexicon.counts,
            float(self.lexicon.total),
            p.lm_weight,
            cutoff + CUTOFF_MARGIN,
            getattr(self, "_morph_floor", p.morph_penalty),
            p.stem_count,
        )

    def chain_cost(self, chain: str) -> float:
        """−ln P(chain) among suffix chains, plus the morphology penalty: what a stem + suffix
        analysis pays on top of its stem."""
        n = self._suffix_counts.get(chain, 1)
        return -math.log(n / self._suffix_total) + self.params.morph_penalty

    def _prior(self, cand: Candidate) -> float:
        p = self.params
        if not cand.stem_len:
            return -self.lexicon.log_prob(cand.form)
        stem, chain = cand.form[: cand.stem_len], cand.form[cand.stem_len :]
        cost = -self.lexicon.log_prob(stem) + self.chain_cost(chain)
        if not harmony_ok(stem, chain):
            cost += p.harmony_penalty
        if not boundary_ok(stem, chain) or (
            # A lone consonant (-m, -n, -ş) follows a bare stem, not an inflected word: no
            # "ildə" + ş.  Common inflected forms stand as stems only for longer chains.
            len(chain) == 1 and chain not in VOWELS and not self.lexicon.is_stem(stem)
        ):
            cost += 2 * p.harmony_penalty
        return cost

    def budget(self, observed: str) -> float:
        """Channel-cost budget for a token of this length."""
        p = self.params
        return min(p.budget_max, p.budget_base + p.budget_per_char * len(observed))

    def alternatives(self, observed: str, channel: Channel) -> list[Alternative]:
        """All scored readings of a lowercased observed token, best first (keep not included)."""
        lam = self.params.lm_weight
        cands = search(
            observed,
            channel,
            self.lexicon,
            self.suffixes,
            self.budget(observed),
            bounds=self.bounds(observed),
        )
        alts = [
            Alternative(
                c.form, c.channel_cost + lam * self._prior(c), c.channel_cost, c.stem_len, c.ops
            )
            for c in cands
        ]
        if len(observed) == 1:
            # A lone letter is an initial or a list mark far more often than a damaged word.
            alts = [a for a in alts if len(a.form) == 1]
        alts.sort(key=lambda a: a.cost)
        # One reading per form: the cheapest of its stem + chain splits.
        cheapest: dict[str, Alternative] = {}
        for alt in alts:
            cheapest.setdefault(alt.form, alt)
        return list(cheapest.values())[:6]

    def keep_cost(self, observed: str) -> float:
        """Cost of leaving an out-of-lexicon token unchanged."""
        # A trailing "!" may be plain punctuation; other glyphs inside a word are damage.
        junk = sum(1 for c in observed.removesuffix("!") if not c.isalpha())
        # A token full of non-letter glyphs (6, ¢, {) is unlikely to be a genuine word.
        return (
            self.params.keep_cost
            + 4.0 * junk
            + (0.0 if any(c in VOWELS for c in observed) else 2.0)
        )

    def fuzzy_alternatives(self, observed: str, channel: Channel) -> list[Alternative]:
        """Readings of a badly damaged token from the rapidfuzz fallback (stem_len = -2)."""
        p = self.params
        index = index_for(self.lexicon.forms, self.lexicon.counts)
        out = []
        for form in index.nearest(observed):
            ch = channel.align_cost(form, observed, unseen=p.fuzzy_unseen)
            out.append(Alternative(form, self.fuzzy_cost(form, ch), ch, -2, ()))
        return out

    def fuzzy_cost(self, form: str, channel_cost: float) -> float:
        """Cost of a fuzzy reading: its alignment cost, the weighted lexicon prior and the
        fuzzy penalty."""
        p = self.params
        return channel_cost - p.lm_weight * self.lexicon.log_prob(form) + p.fuzzy_penalty

    def spelling_alternative(
        self, observed: str, channel: Channel, rival: Alternative
    ) -> Alternative | None:
        """The open-vocabulary reading (stem_len = -3): the best spelling under the channel
        and the letter model, costed against ``rival``, the best unlisted reading (keeping the
        token, or a stem + suffix analysis), by how much better it explains the glyphs."""
        p = self.params
        lm = self.charlm if p.spell_weight > 0 and len(observed) >= 3 else None
        if lm is None:
            return None
        found = spell(observed, channel, lm, p.spell_weight)
        if found is None or found.form in (observed, rival.form):
            return None
        letters = found.channel_cost + p.spell_weight * found.lm_cost
        cost = rival.cost - self.letter_cost(observed, channel, rival) + letters + p.spell_margin
        return Alternative(found.form, cost, found.channel_cost, -3, found.ops)

    def letter_cost(self, observed: str, channel: Channel, alt: Alternative) -> float:
        """How well ``alt`` explains the glyphs as a string of letters, whether listed or not:
        its channel cost plus the weighted letter-model cost of its form (keeping the token
        pays the channel's price of reading each glyph as itself)."""
        lm = self.charlm
        glyphs = (
            sum(channel.cost(c, c) for c in observed) if alt.stem_len == -1 else alt.channel_cost
        )
        return glyphs + (self.params.spell_weight * lm.cost(alt.form) if lm is not None else 0.0)

    def harmonized_reading(self, observed: str, channel: Channel) -> Alternative | None:
        """The token as an unlisted stem, kept as printed, plus a suffix chain whose vowels
        the OCR broke (stem_len > 0): numidiyanin → numidiya + nın, helmdaki → helm + dəki.

        Azerbaijani suffixes follow the last vowel of any stem, a foreign name's too, so a
        chain that breaks harmony where the channel readily confuses its vowels (ı/i, ə/a/o)
        is damage.  The stem is kept as printed; only the chain's vowels change, to the
        cheapest listed chain in harmony with the stem.

        >>> ch = Channel.from_counts({("ı", "i"): 30, ("ı", "ı"): 70, ("i", "i"): 99,
        ...                           ("n", "n"): 99, ("d", "d"): 99, ("r", "r"): 99})
        >>> decoder = Decoder(Lexicon.from_counts({"kitab": 50}), None)
        >>> decoder.set_suffix_counts({"dır": 40, "dir": 40, "nın": 30, "nin": 30})
        >>> decoder.harmonized_reading("konkavdir", ch).form
        'konkavdır'
        >>> decoder.harmonized_reading("berlindir", ch) is None  # already in harmony
        True
        """
        chains = self._suffix_counts
        lam = self.params.lm_weight
        base = self.keep_cost(observed) - self.params.harmony_penalty
        best: tuple[float, Alternative] | None = None
        for cut in range(MIN_OPEN_STEM, len(observed) - MIN_OPEN_CHAIN + 1):
            stem, printed = observed[:cut], observed[cut:]
            if not stem.isalpha() or last_vowel(stem) is None or printed[0] in VOWELS:
                continue  # a vowel before the cut stays the stem's (anakopiya + nı)
            if printed in chains and harmony_ok(stem, printed) and boundary_ok(stem, printed):
                return None  # the token already reads as stem + a well-formed chain
            for chain, cost in self._vowel_variants(printed, channel):
                if chain not in chains or not harmony_ok(stem, chain):
                    continue
                if not boundary_ok(stem, chain):
                    continue
                # Splits compete by glyphs and chain frequency (anakopiya + nı, not
                # anakopi + yəni), and a stem the lexicon lists beats one it does not
                # (italiyadan + dırlar, not italiyadandir + lər); the winner is priced
                # against keeping the token.
                rank = cost + lam * (self.chain_cost(chain) - self._listed_bonus(stem))
                if best is None or rank < best[0]:
                    ops = tuple(zip(chain, printed, strict=True))
                    best = rank, Alternative(stem + chain, base + cost, cost, cut, ops)
        return best[1] if best is not None else None

    def _listed_bonus(self, stem: str) -> float:
        """How much likelier the lexicon makes ``stem`` than an unlisted word (nats, ≥ 0)."""
        return self.lexicon.log_prob(stem) - self.lexicon.log_prob("")

    @staticmethod
    def _vowel_variants(printed: str, channel: Channel) -> list[tuple[str, float]]:
        """Spellings of ``printed`` with its vowels read as other vowels the channel allows
        (within :data:`VOWEL_SWAP_LIMIT` nats each), with their channel costs."""
        variants = [("", 0.0)]
        for ch in printed:
            options = [(ch, channel.cost(ch, ch))]
            if ch in VOWELS:
                options += [
                    (v, c)
                    for v in VOWELS
                    if v != ch and (c := channel.cost(v, ch)) <= VOWEL_SWAP_LIMIT
                ]
            variants = [(s + v, c + vc) for s, c in variants for v, vc in options]
        return variants

    def decide(
        self, observed: str, channel: Channel, fuzzy: bool = False, spelling: bool = True
    ) -> Decision:
        """Choose the reading of one lowercased observed token.

        With ``fuzzy``, a token the channel search cannot explain also gets readings from the
        rapidfuzz fallback (:mod:`az_ocrfix.fuzzy`); with ``spelling``, an unlisted token
        also gets an open-vocabulary reading (:meth:`with_spelling`).
        """
        if len(observed) > MAX_TOKEN_LENGTH:
            return Decision(observed, None, 1.0, "keep")
        alts = self.alternatives(observed, channel)
        in_lexicon = any(a.form == observed and not a.stem_len for a in alts)
        options = list(alts)
        if not in_lexicon:
            keep = self.keep_cost(observed)
            options.append(Alternative(observed, keep, 0.0, -1, ()))
            if not alts or alts[0].cost > keep:
                harmonized = self.harmonized_reading(observed, channel)
                if harmonized is not None:
                    options.append(harmonized)
            if fuzzy and (not alts or alts[0].cost > keep) and len(observed) >= 4:
                options += self.fuzzy_alternatives(observed, channel)
        # A Roman numeral lowercased (VIII → vııı) is listed so that VIII stays as printed; it
        # is no reading of another token (vidi, vici).
        options = [a for a in options if a.form == observed or not is_roman_image(a.form)]
        decision = self._conclude(observed, options)
        return self.with_spelling(decision, channel) if spelling else decision

    def with_spelling(self, decision: Decision, channel: Channel) -> Decision:
        """Add the open-vocabulary reading to a decision that keeps the token or settled on a
        stem + suffix analysis (listed words and fuzzy matches stand as they are)."""
        if not decision.alternatives:
            return decision
        best = decision.alternatives[0]
        if best.stem_len != -1 and best.stem_len <= 0:
            return decision
        spelled = self.spelling_alternative(decision.observed, channel, best)
        if spelled is None:
            return decision
        listed = self.listed_neighbour(spelled.form)
        if listed is not None:
            # A double letter away from a common listed word (olaraqq / olaraq): the listed
            # word, whose prior far outweighs one glyph printed twice.  The spelling's ops
            # stay, so re-costing under a document's channel prices the same glyphs.
            spelled = spelled._replace(form=listed)
        options = self.against_spelling(decision.observed, channel, decision.alternatives, spelled)
        return self._conclude(decision.observed, [*options, spelled])

    def against_spelling(
        self,
        observed: str,
        channel: Channel,
        options: Sequence[Alternative],
        spelled: Alternative,
    ) -> list[Alternative]:
        """``options`` with each fuzzy match that explains the glyphs as letters
        (:meth:`letter_cost`) at least :data:`FUZZY_OVER_SPELLING` nats better than the
        open-vocabulary ``spelled`` reading made cheaper than that reading by the difference.

        A fuzzy match is a spelling too, of a listed word: when the letter model finds it far
        more plausible than the best coinage the channel allows (əməkdaşlığının against
        omaokdaşlığımın, from "omaokdagligimin"), the listed word wins.
        """
        if self.charlm is None:
            return list(options)
        spelled_letters = self.letter_cost(observed, channel, spelled)
        # Listed words equally good as letters are told apart by the lexicon: each pays its
        # prior's distance from the most frequent fuzzy match's.
        lex, lam = self.lexicon, self.params.lm_weight
        top = max((lex.log_prob(a.form) for a in options if a.stem_len == -2), default=0.0)
        out = []
        for alt in options:
            if alt.stem_len == -2:
                rarer = lam * (top - lex.log_prob(alt.form))
                base = spelled.cost - spelled_letters + FUZZY_OVER_SPELLING + rarer
                if base + self.letter_cost(observed, channel, alt) >= alt.cost:
                    out.append(alt)  # no cheaper even at the fuzzy search's glyph prices
                    continue
                # As letters, a glyph the OCR would have had to invent (Bodxisatva read as
                # the shorter Baxışov) costs what the channel charges for the unseen, not
                # the fuzzy search's lenient rate for a damaged glyph.
                glyphs = channel.align_cost(
                    alt.form, observed, self.params.fuzzy_unseen, invented=UNSEEN_COST
                )
                letters = self.letter_cost(observed, channel, alt._replace(channel_cost=glyphs))
                alt = alt._replace(cost=min(alt.cost, base + letters))
            out.append(alt)
        return out

    def listed_neighbour(self, spelled: str) -> str | None:
        """The most frequent common listed word (≥ :data:`NEIGHBOUR_MIN_COUNT`) that an
        open-vocabulary spelling becomes with one doubled letter made single.

        OCR prints one letter as two similar glyphs (olaragq, kkamança) more often than the
        channel learned; the letter model then spells the pair as a double letter.

        >>> lex = Lexicon.from_counts({"olaraq": 5000, "haqq": 900, "məsələrlə": 3})
        >>> decoder = Decoder(lex, None)
        >>> decoder.listed_neighbour("olaraqq"), decoder.listed_neighbour("məsəllərlə")
        ('olaraq', None)
        """
        undoubled = {
            spelled[:i] + spelled[i + 1 :]
            for i in range(len(spelled) - 1)
            if spelled[i] == spelled[i + 1]
        }
        floor = math.log(NEIGHBOUR_MIN_COUNT / self.lexicon.total)
        near = [f for f in undoubled if f in self.lexicon and self.lexicon.log_prob(f) >= floor]
        return max(near, key=self.lexicon.log_prob) if near else None

    def as_name(self, decision: Decision) -> Decision:
        """The decision for a capitalized token: open-vocabulary spellings and fuzzy matches
        pay the name margin (a capitalized unknown word is often a foreign name, right as
        printed: Vayden, Hipert, Dakotaya, not vətən, hiper, dəstəyə)."""
        if decision.reason not in ("spelling", "fuzzy"):
            return decision
        extra = self.params.spell_name_margin
        options = [
            a._replace(cost=a.cost + extra) if a.stem_len in (-2, -3) else a
            for a in decision.alternatives
        ]
        return self._conclude(decision.observed, options)

    def rescore(self, decision: Decision, channel: Channel) -> Decision:
        """The same readings re-costed under another channel (the document's adapted one).

        Each reading keeps its alignment, so only the channel part of its cost changes; no
        new search is needed.
        """
        options = []
        first = has_initial(decision.observed)  # word-initial costs, as in the search
        spelled: Alternative | None = None
        for alt in decision.alternatives:
            if alt.stem_len >= 0 or alt.stem_len == -3:
                new = _channel_cost(channel, alt.ops, first)
                alt = alt._replace(cost=alt.cost - alt.channel_cost + new, channel_cost=new)
            elif alt.stem_len == -2:
                # Re-aligned under the new channel, at its own cost; a place it took from the
                # spelling is taken again below, against the re-costed spelling.
                ch = channel.align_cost(alt.form, decision.observed, self.params.fuzzy_unseen)
                alt = alt._replace(cost=self.fuzzy_cost(alt.form, ch), channel_cost=ch)
            if alt.stem_len == -3:
                spelled = alt
            options.append(alt)
        if spelled is not None:
            options = self.against_spelling(decision.observed, channel, options, spelled)
        return self._conclude(decision.observed, options)

    def _conclude(self, observed: str, options: list[Alternative]) -> Decision:
        options.sort(key=lambda a: a.cost)
        if not options:
            return Decision(observed, None, 1.0, "keep")
        post = _posterior([a.cost for a in options])
        best = options[0]
        if best.stem_len == -1 or best.form == observed:
            return Decision(observed, None, post[0], "keep", tuple(options))
        reason: Reason = "channel"
        if best.stem_len > 0:
            reason = "morphology"
        elif best.stem_len == -2:
            reason = "fuzzy"
        elif best.stem_len == -3:
            reason = "spelling"
        return Decision(observed, best.form, post[0], reason, tuple(options))


#: Words decided with less confidence than this keep their runner-up readings as variants.
VARIANT_CONFIDENCE = 0.9
#: Runner-up readings within this many nats of the choice are variants.
VARIANT_MARGIN = 3.0


def uncertain_variants(decisions: Iterable[Decision]) -> list[str]:
    """The likely readings of words decided with less than :data:`VARIANT_CONFIDENCE`.

    The decoder's own choice is listed too: word context may have picked another reading
    for the text (``on il`` → ``on``), and then the decoder's choice (``ən``) is the one an
    index lacks.

    >>> d = Decision("is", "iş", 0.6, "channel", (Alternative("iş", 7.0, 1.0, 0, ()),
    ...                                          Alternative("is", 7.5, 0.1, 0, ())))
    >>> uncertain_variants([d])
    ['iş', 'is']
    """
    out: list[str] = []
    for d in decisions:
        if d.confidence >= VARIANT_CONFIDENCE or len(d.alternatives) < 2:
            continue
        best = d.alternatives[0].cost
        out += [
            a.form
            for a in d.alternatives[:3]
            if a.stem_len != -1 and a.cost - best <= VARIANT_MARGIN
        ]
    return out


def _channel_cost(channel: Channel, ops: Sequence[tuple[str, str]], positional: bool) -> float:
    """The cost of a reading's ops under ``channel``, as the search prices them: with
    ``positional`` (not for a lone letter), the first op that reads a glyph at word-initial
    costs, the last one and any letters dropped after it at word-final costs."""
    last = (
        max((k for k, (_t, o) in enumerate(ops) if o), default=len(ops)) if positional else len(ops)
    )
    return sum(
        channel.initial_cost(t, o)
        if k == 0 and o and positional
        else channel.final_cost(t, o)
        if k >= last
        else channel.cost(t, o)
        for k, (t, o) in enumerate(ops)
    )
