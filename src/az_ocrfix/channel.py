"""The learned OCR confusion channel: P(observed glyphs | true glyphs).

``lexicons/channel.tsv`` holds counts of aligned (true, observed) substring pairs per OCR
condition, learned from rendered pages OCR'd with tesseract (see ``lexicons/CHANNEL.md``).
This module turns counts into costs (negative natural log-probabilities) and indexes them by
the *observed* side, which is what the candidate search walks over.

Case: the true side is lowercased with Azerbaijani rules (İ → i).  On the observed side, the
only letter kept apart is ``I``, because an English OCR model writes ``I`` for both ``İ`` and
``I``; everything else is lowercased, so ``O`` (for Ə) and ``o`` (for ə) share their counts.

>>> ch = Channel.from_counts({("ə", "o"): 60, ("ə", "ə"): 40, ("o", "o"): 100})
>>> round(ch.cost("ə", "o"), 2)
0.51
>>> [t for t, _ in ch.readings("o")]
['o', 'ə']
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache

from az_ocrfix.alphabet import LOWER_LETTERS
from az_ocrfix.alphabet import lower as az_lower
from az_ocrfix.resources import data_file
from az_ocrfix.tokenize import is_debris

__all__ = [
    "Channel",
    "has_initial",
    "initial_glyph_cases",
    "initial_glyphs",
    "load_counts",
    "observed_lower",
    "shipped_channel",
]

EMPTY = "∅"
#: Suffix of the channel.tsv conditions that hold only the ops printing a word's first letter.
INITIAL = "^"
#: Suffix of the channel.tsv conditions that hold only the ops printing a word's last letter.
FINAL = "$"
#: Cost of a substitution never seen in training (about e^-11).
UNSEEN_COST = 11.0
#: Floor on identity probability for letters the training data never showed.
DEFAULT_IDENTITY_P = 0.995
#: Ops rarer than this are dropped from the search index (still scored by UNSEEN_COST).
MIN_P = 1e-3
#: OCR deletions (true text with no observed glyph) enter the search only above this.
MIN_DELETION_P = 5e-3
#: A confusion the whole-word table lacks enters the word-final costs only when it was seen
#: this often at a word's end (ə printed "es" 18 times does, l printed "!" 4 times does not).
MIN_POSITION_COUNT = 10
#: Cost of a debris glyph (:func:`~az_ocrfix.tokenize.is_debris`) the training never showed
#: standing for any one letter: as dear as the rarest confusion the search index keeps.
DEBRIS_COST = -math.log(MIN_P)


_DEBRIS_READINGS = [(letter, DEBRIS_COST) for letter in LOWER_LETTERS]


# "I" is parked on a private-use character while the rest is lowercased; "İ" → "i" directly.
_OBSERVED_FOLD = str.maketrans({"I": "\ue000", "İ": "i"})


def observed_lower(text: str) -> str:
    """Lowercase an OCR token for lookup in the channel, keeping ``I`` apart.

    >>> observed_lower("Oliyevin"), observed_lower("IŞIQ"), observed_lower("İlham")
    ('oliyevin', 'IşIq', 'ilham')
    """
    if text.islower():
        return text
    return text.translate(_OBSERVED_FOLD).lower().replace("\ue000", "I")


def has_initial(observed: str) -> bool:
    """Whether a token's first glyphs are read with the word-initial costs: not for a lone
    letter, which is as often an initial or a list mark as a word.

    >>> has_initial("fran"), has_initial("O")
    (True, False)
    """
    return len(observed) > 1


def load_counts(condition: str) -> dict[tuple[str, str], int]:
    """The (true, observed) → count table of one condition of ``lexicons/channel.tsv`` (a
    copy: the caller may change it)."""
    return dict(_tables().get(condition, {}))


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[tuple[str, str], int]]:
    """Every condition's table, ``channel.tsv`` read once (the channels and the tokenizer's
    glyph sets ask for up to ten of them)."""
    tables: dict[str, dict[tuple[str, str], int]] = defaultdict(lambda: defaultdict(int))
    for condition, true, obs, n in _rows():
        tables[condition][(az_lower(true), observed_lower(obs))] += n
    return {condition: dict(counts) for condition, counts in tables.items()}


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, str, str, int], ...]:
    """The rows of ``channel.tsv`` as printed (condition, true, observed, count; ∅ → "")."""
    rows = []
    with data_file("channel.tsv").open("r", encoding="utf-8") as f:
        next(f, None)  # header
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 4:
                true, obs = (p.replace(EMPTY, "") for p in parts[1:3])
                rows.append((parts[0], true, obs, int(parts[3])))
    return tuple(rows)


@lru_cache(maxsize=1)
def initial_glyph_cases() -> dict[str, str]:
    """The case of the letter a non-letter glyph opening a word stands for, where the train
    pages' word-initial tables show one case at least nine times in ten (and five times):
    "[" stands for a capital İ, "¢" for a lowercase ç.

    >>> initial_glyph_cases()["["]
    'upper'
    """
    seen: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for condition, true, obs, n in _rows():
        glyph = obs[:1]
        if condition.endswith(INITIAL) and true[:1].isalpha() and glyph and not glyph.isalnum():
            seen[glyph][0 if true[0].isupper() else 1] += n
    cases = {}
    for glyph, (up, low) in seen.items():
        if up + low >= 5 and max(up, low) >= 0.9 * (up + low):
            cases[glyph] = "upper" if up > low else "lower"
    return cases


@lru_cache(maxsize=1)
def _listed_glyphs() -> frozenset[str]:
    """Every non-letter glyph some table of ``channel.tsv`` lists in an observed string."""
    return frozenset(
        c
        for table in _tables().values()
        for _true, obs in table
        for c in obs
        if not c.isalnum() and not c.isspace()
    )


@lru_cache(maxsize=4096)
def _unlisted_debris(glyph: str) -> bool:
    """A debris symbol no table lists (one that some table lists, such as "|" for l in the
    English model's pages, is priced by the page's channel alone, as before)."""
    return is_debris(glyph) and glyph not in _listed_glyphs()


@lru_cache(maxsize=8)
def initial_glyphs(*conditions: str) -> frozenset[str]:
    """Non-letter glyphs that stand for a letter only at a word start in the train pages of
    every given condition: the Azerbaijani model's "/" for a capital J, the English model's
    "[" for İ.  Inside a word such a glyph is what it looks like (ad/soyad).

    >>> {"/", "["} <= initial_glyphs("eng", "aze"), "!" in initial_glyphs("eng", "aze")
    (True, False)
    """
    anywhere: set[str] = set()
    first: set[str] = set()
    for condition in conditions:
        initial = load_counts(condition + INITIAL)
        for (true, obs), n in load_counts(condition).items():
            if not any(c.isalpha() for c in true):
                continue
            for glyph in {c for c in obs if not c.isalpha() and not c.isspace()}:
                (first if initial.get((true, obs), 0) >= n else anywhere).add(glyph)
    return frozenset(first - anywhere)


@dataclass
class Channel:
    """Costs of observed substrings given true substrings, indexed for the search.

    ``by_observed[obs]`` lists ``(true, cost)`` pairs sorted by cost; ``obs`` has 0–2 chars
    (``""`` means the OCR dropped the true text).
    """

    costs: dict[tuple[str, str], float]
    by_observed: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    #: Non-letter glyphs the OCR writes in place of letters (allowed inside words).
    glyphs: frozenset[str] = frozenset()
    #: Longest observed substring with an entry (1 or 2).
    max_observed: int = 2
    #: Costs of the ops that print a word's first letter, where they differ from ``costs``
    #: (an English model reads a word-initial İ as ``f`` or ``[``, almost never inside words).
    initial_costs: dict[tuple[str, str], float] = field(default_factory=dict)
    _initial_index: dict[str, list[tuple[str, float]]] | None = field(default=None, repr=False)
    #: Costs of the ops that print a word's last letter, where they differ from ``costs`` (an
    #: English model drops a final ı six times as often as one inside a word).
    final_costs: dict[tuple[str, str], float] = field(default_factory=dict)
    _final_index: dict[str, list[tuple[str, float]]] | None = field(default=None, repr=False)

    @classmethod
    def from_counts(
        cls,
        counts: Mapping[tuple[str, str], float],
        prior: Channel | None = None,
        strength: float = 0.0,
    ) -> Channel:
        """Estimate costs from counts; with ``prior``, blend in its probabilities (MAP)."""
        totals: dict[str, float] = defaultdict(float)
        for (true, _obs), n in counts.items():
            totals[true] += n
        probs: dict[tuple[str, str], float] = {}
        keys: set[tuple[str, str]] = set(counts)
        if prior is not None and strength > 0:
            keys |= set(prior.costs)
        for true, obs in keys:
            n = counts.get((true, obs), 0.0)
            total = totals.get(true, 0.0)
            p_prior = (
                math.exp(-prior.costs[(true, obs)]) if prior and (true, obs) in prior.costs else 0.0
            )
            denom = total + (strength if prior else 0.0)
            p = p_prior if denom <= 0 else (n + (strength * p_prior if prior else 0.0)) / denom
            if p > 0:
                probs[(true, obs)] = p
        for letter in LOWER_LETTERS:
            probs.setdefault((letter, letter), DEFAULT_IDENTITY_P)
        costs = {k: -math.log(p) for k, p in probs.items()}
        return cls._indexed(costs)

    @classmethod
    def _indexed(cls, costs: dict[tuple[str, str], float]) -> Channel:
        by_obs: dict[str, list[tuple[str, float]]] = defaultdict(list)
        glyphs: set[str] = set()
        for (true, obs), cost in costs.items():
            if cost > _search_limit(obs) or len(obs) > 2 or len(true) > 2 or (not obs and not true):
                continue
            if not true and any(c.isalnum() for c in obs):
                continue  # stray letters: better explained by 1:2 ops (ç → cg) than insertions
            if not _spells_letters(true):
                continue  # we only search for letters
            by_obs[obs].append((true, cost))
            if true and obs and any(t.isalpha() for t in true):
                glyphs.update(c for c in obs if not c.isalpha() and not c.isspace())
        for lst in by_obs.values():
            lst.sort(key=lambda tc: tc[1])
        # identity for any letter-like observed char the table lacks (foreign letters etc.)
        return cls(costs=costs, by_observed=dict(by_obs), glyphs=frozenset(glyphs))

    def cost(self, true: str, observed: str) -> float:
        """Cost (−ln P) of reading ``observed`` where ``true`` was printed."""
        if (true, observed) in self.costs:
            return self.costs[(true, observed)]
        if true == observed and len(true) == 1:
            return -math.log(DEFAULT_IDENTITY_P)
        if len(true) == 1 and _unlisted_debris(observed):
            return DEBRIS_COST
        return UNSEEN_COST

    def readings(self, observed: str) -> list[tuple[str, float]]:
        """The true substrings an observed substring may stand for, cheapest first."""
        found = self.by_observed.get(observed)
        if found is not None:
            return found
        if len(observed) == 1 and observed.isalpha():
            return [(observed, -math.log(DEFAULT_IDENTITY_P))]
        if _unlisted_debris(observed):
            return _DEBRIS_READINGS
        return []

    def with_initial(self, counts: Mapping[tuple[str, str], float]) -> Channel:
        """This channel with word-initial costs estimated from ``counts`` of initial ops.

        >>> ch = Channel.from_counts({("i", "i"): 1999, ("i", "f"): 1, ("f", "f"): 50})
        >>> init = ch.with_initial({("i", "i"): 90, ("i", "f"): 10})
        >>> [t for t, _ in init.readings("f")], [t for t, _ in init.initial_readings("f")]
        (['f'], ['f', 'i'])
        """
        return replace(self, initial_costs=_position_costs(counts), _initial_index=None)

    def with_final(self, counts: Mapping[tuple[str, str], float]) -> Channel:
        """This channel with word-final costs estimated from ``counts`` of final ops; an op the
        search index lacks needs :data:`MIN_POSITION_COUNT` of them.

        >>> ch = Channel.from_counts({("ı", "ı"): 998, ("ı", ""): 2, ("n", "n"): 50})
        >>> end = ch.with_final({("ı", "ı"): 90, ("ı", ""): 10})
        >>> round(end.cost("ı", ""), 1), round(end.final_cost("ı", ""), 1)
        (6.2, 2.3)
        >>> [t for t, _ in end.final_readings("")], [t for t, _ in end.readings("")]
        (['ı'], [])
        """
        costs = {
            (true, obs): cost
            for (true, obs), cost in _position_costs(counts).items()
            if _spells_letters(true)
            and (counts[(true, obs)] >= MIN_POSITION_COUNT or self._indexed_op(true, obs))
        }
        return replace(self, final_costs=costs, _final_index=None)

    def _indexed_op(self, true: str, observed: str) -> bool:
        """Whether the search index holds the op (it drops the rarest)."""
        return self.costs.get((true, observed), math.inf) <= _search_limit(observed)

    def initial_cost(self, true: str, observed: str) -> float:
        """Cost of ``observed`` printing ``true`` as the first letter of a word."""
        found = self.initial_costs.get((true, observed))
        return found if found is not None else self.cost(true, observed)

    def final_cost(self, true: str, observed: str) -> float:
        """Cost of ``observed`` printing ``true`` as the last letter of a word."""
        found = self.final_costs.get((true, observed))
        return found if found is not None else self.cost(true, observed)

    def initial_readings(self, observed: str) -> list[tuple[str, float]]:
        """Like :meth:`readings`, for the first glyph(s) of a token."""
        if not self.initial_costs:
            return self.readings(observed)
        if self._initial_index is None:
            self._initial_index = self._position_index(self.initial_costs, deletions=False)
        found = self._initial_index.get(observed)
        return found if found is not None else self.readings(observed)

    def final_readings(self, observed: str) -> list[tuple[str, float]]:
        """Like :meth:`readings`, for the last glyph(s) of a token, and for ``""``: the
        letters the OCR may have dropped after them."""
        if not self.final_costs:
            return self.readings(observed)
        if self._final_index is None:
            self._final_index = self._position_index(self.final_costs, deletions=True)
        found = self._final_index.get(observed)
        return found if found is not None else self.readings(observed)

    def _position_index(
        self, position_costs: dict[tuple[str, str], float], deletions: bool
    ) -> dict[str, list[tuple[str, float]]]:
        """``by_observed`` with a word position's own costs where it has them."""
        merged: dict[str, dict[str, float]] = defaultdict(dict)
        for obs, readings in self.by_observed.items():
            merged[obs].update(readings)
        for (true, obs), cost in position_costs.items():
            merged[obs][true] = cost
        index: dict[str, list[tuple[str, float]]] = {}
        for obs, options in merged.items():
            if not obs and not deletions:
                continue
            limit = _search_limit(obs)
            index[obs] = sorted(
                ((t, c) for t, c in options.items() if c <= limit and t), key=lambda tc: tc[1]
            )
        return index

    def align_cost(
        self,
        true: str,
        observed: str,
        unseen: float = UNSEEN_COST,
        invented: float | None = None,
    ) -> float:
        """Cheapest cost of printing ``true`` and reading ``observed`` (1:1, 1:2, 2:1, 1:0, 0:1),
        each step priced at most ``unseen``; with ``invented``, a step that reads more glyphs
        than it prints letters (the OCR inventing a glyph) at most that instead.

        >>> ch = Channel.from_counts({("ü", "ii"): 30, ("ü", "ü"): 70, ("c", "c"): 100})
        >>> round(ch.align_cost("cü", "cii"), 2)
        1.2
        >>> ch.align_cost("c", "cx", unseen=5.0), ch.align_cost("c", "cx", 5.0, invented=11.0)
        (5.0, 11.0)
        """
        more = unseen if invented is None else invented
        cost = self.cost
        priced: dict[tuple[str, str], float] = {}

        def price(t: str, o: str, invents: bool) -> float:
            # Each distinct step priced once per call.
            c = priced.get((t, o))
            if c is None:
                c = min(cost(t, o), more if invents else unseen)
                priced[(t, o)] = c
            return c

        # The alignment's cost only (no path).  From each cell the 1:1, 1:0, 0:1, 1:2 and
        # 2:1 steps are taken in the order align_chars (az_ocrfix.synth.align) takes them,
        # so the sum is the one its path gives, to the last bit.
        n, m = len(true), len(observed)
        inf = math.inf
        best = [[inf] * (m + 1) for _ in range(n + 1)]
        best[0][0] = 0.0
        for i in range(n + 1):
            row = best[i]
            below = best[i + 1] if i < n else None  # one true letter on
            below2 = best[i + 2] if i + 1 < n else None  # two true letters on
            t1, t2 = true[i : i + 1], true[i : i + 2]
            for j in range(m + 1):
                here = row[j]
                if here == inf:
                    continue
                o1 = observed[j : j + 1]
                if below is not None:
                    if j < m and (c := here + price(t1, o1, False)) < below[j + 1]:
                        below[j + 1] = c
                    if (c := here + price(t1, "", False)) < below[j]:
                        below[j] = c
                if j < m and (c := here + price("", o1, True)) < row[j + 1]:
                    row[j + 1] = c
                if (
                    below is not None
                    and j + 1 < m
                    and (c := here + price(t1, observed[j : j + 2], True)) < below[j + 2]
                ):
                    below[j + 2] = c
                if (
                    below2 is not None
                    and j < m
                    and (c := here + price(t2, o1, False)) < below2[j + 1]
                ):
                    below2[j + 1] = c
        return best[n][m]

    def ops_counts_to_channel(
        self, counts: Iterable[tuple[str, str, float]], strength: float
    ) -> Channel:
        """Re-estimate with document counts, this channel acting as the Dirichlet prior."""
        agg: dict[tuple[str, str], float] = defaultdict(float)
        for true, obs, n in counts:
            agg[(true, obs)] += n
        adapted = Channel.from_counts(agg, prior=self, strength=strength)
        adapted.initial_costs = self._moved(self.initial_costs, adapted)
        adapted.final_costs = self._moved(self.final_costs, adapted)
        return adapted

    def _moved(
        self, position_costs: dict[tuple[str, str], float], adapted: Channel
    ) -> dict[tuple[str, str], float]:
        """A word position's costs made as much dearer as ``adapted`` (this channel
        re-estimated on a document) made the same op anywhere in a word: a page that never
        prints t as r makes a word-initial r for t as much rarer as an inner one.  A page's
        counts never make a position's op cheaper than shipped: the word-final ı printed t
        (3 % at a word's end) would then have read "sayt" as sayı on a real scan whose
        words show that confusion a few times.

        >>> ch = Channel.from_counts({("t", "t"): 990, ("t", "r"): 10, ("r", "r"): 500})
        >>> ch = ch.with_initial({("t", "t"): 90, ("t", "r"): 10})
        >>> page = ch.ops_counts_to_channel([("t", "t", 200.0)], strength=20.0)
        >>> [round(c, 1) for c in (ch.initial_cost("t", "r"), ch.cost("t", "r"))]
        [2.3, 4.6]
        >>> [round(c, 1) for c in (page.initial_cost("t", "r"), page.cost("t", "r"))]
        [4.7, 7.0]
        """
        return {
            (t, o): cost + max(adapted.cost(t, o) - self.cost(t, o), 0.0)
            for (t, o), cost in position_costs.items()
        }


@lru_cache(maxsize=8)
def shipped_channel(condition: str) -> Channel:
    """The channel of one OCR condition as shipped (``eng`` or ``aze``), cached, with its
    word-initial costs (condition ``eng^`` / ``aze^`` of ``channel.tsv``).

    Tables joined by ``+`` are pooled, their counts summed: ``eng+caps`` is the English
    model's table with that of the all-capital pages added, for a page mostly in capitals.

    >>> shipped_channel("eng+caps").cost("ə", "®") < shipped_channel("eng").cost("ə", "®")
    True
    """
    parts = condition.split("+")
    return (
        Channel.from_counts(_pooled(load_counts(p) for p in parts))
        .with_initial(_pooled(load_counts(p + INITIAL) for p in parts))
        .with_final(_pooled(load_counts(p + FINAL) for p in parts))
    )


def _search_limit(observed: str) -> float:
    """The dearest op the search index keeps: −ln MIN_P, or −ln MIN_DELETION_P for a letter
    the OCR dropped (``observed`` empty)."""
    return -math.log(MIN_P if observed else MIN_DELETION_P)


def _spells_letters(true: str) -> bool:
    """Whether a true substring is letters (or a hyphen or apostrophe) only: what the search
    reads; a sentence mark on the true side ("ı." → "i") is no reading."""
    return all(c.isalpha() or c in "'’-" for c in true)


def _position_costs(counts: Mapping[tuple[str, str], float]) -> dict[tuple[str, str], float]:
    """Costs -ln P(observed | true) of the ops counted at one word position."""
    totals: dict[str, float] = defaultdict(float)
    for (true, _obs), n in counts.items():
        totals[true] += n
    return {(true, obs): -math.log(n / totals[true]) for (true, obs), n in counts.items() if n > 0}


def _pooled(tables: Iterable[dict[tuple[str, str], int]]) -> dict[tuple[str, str], int]:
    out: dict[tuple[str, str], int] = defaultdict(int)
    for table in tables:
        for key, n in table.items():
            out[key] += n
    return dict(out)
