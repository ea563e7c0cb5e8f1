"""The repair pipeline, stage by stage: normalize → layout → tokenize → decode → render.

A :class:`Corrector` loads the lexicon, suffix inventory and channels once; create one per
process and call :meth:`Corrector.fix_document` for each document.  Per document it

1. normalizes Unicode (lookalikes, mojibake, soft hyphens) keeping an offset map;
2. picks the OCR channel (``eng`` when the page has almost no Azerbaijani letters, else ``aze``);
3. reflows newspaper columns, joining hyphenated words when the repaired join is the better word;
4. decodes every distinct word under the channel, re-estimates the channel from the document's own
   confident corrections (one EM step) and decodes again;
5. settles close calls with context (word bigrams, clitic harmony), repairs number and acronym
   suffixes, restores case, and renders the text with a record of every change.

>>> c = Corrector.default()
>>> c.fix_document("Prezident ilham Oliyevin comiyyotinin miiddoasi ilo").text
'Prezident İlham Əliyevin cəmiyyətinin müddəası ilə'
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice, pairwise

import regex

from az_ocrfix.alphabet import DIACRITIC_LETTERS, last_vowel, upper
from az_ocrfix.alphabet import lower as az_lower
from az_ocrfix.casing import CaseModel, capital_prior, is_acronym, position
from az_ocrfix.changes import Change, Reason
from az_ocrfix.channel import (
    Channel,
    initial_glyph_cases,
    initial_glyphs,
    observed_lower,
    shipped_channel,
)
from az_ocrfix.charlm import shipped_charlm
from az_ocrfix.config import FixConfig
from az_ocrfix.context import ContextModel
from az_ocrfix.decode import Alternative, Decision, Decoder, DecoderParams, uncertain_variants
from az_ocrfix.foreign import foreign_sentences, inside
from az_ocrfix.layout import LayoutOptions, reflow
from az_ocrfix.lexicon import Lexicon
from az_ocrfix.marks import extend_over_marks, split_letter_marks
from az_ocrfix.morphology import (
    SuffixChains,
    acronym_reading,
    host_suffixes,
    number_reading,
    unit_abbreviations,
    unit_reading,
)
from az_ocrfix.normalize import normalize_with_offsets
from az_ocrfix.resources import data_rows
from az_ocrfix.sentence_ends import full_stops_for_commas
from az_ocrfix.slips import apply_slips
from az_ocrfix.tokenize import Token, Tokenizer, case_pattern, underscore_debris

__all__ = ["Corrector", "FixResult"]

#: Share of all-capital words from which an English-model page is read with the channel of
#: the all-capital train pages added (``eng+caps``).
CAPITAL_PAGE_SHARE = 0.5
_WORDS = regex.compile(r"\p{L}{2,}")
#: Share of Azerbaijani-only letters below which a page is taken for English-model OCR output.
ENG_DIACRITIC_RATE = 0.03
#: Confidence an inflected reading needs to be repaired inside an English sentence.
FOREIGN_INFLECTED_CONFIDENCE = 0.9
#: Confidence a decision needs to teach the per-document channel and case flip rates
#: (0.6/0.7/0.8/0.9 on the train pages: eng-OCR 3.92/3.91/3.93/3.96 %, worn
#: 7.46/7.46/7.48/7.47).
EM_MIN_CONFIDENCE = 0.7
#: A word teaches the document's case flip rates only if the lexicon writes it lowercase
#: (or capitalized) with at least 1 − this probability.
CASE_EVIDENCE_PRIOR = 0.05
#: A capitalized word after a comma marks a sentence start unless the lexicon writes it
#: capitalized more often than this: a name, which may be a vocative ("sevirəm, Tom").
NAME_CAP_SHARE = 0.9
#: Pseudo-count strength of the shipped channel when re-estimating on a document.
EM_PRIOR_STRENGTH = 20.0
#: After the EM step, a word whose re-costed reading is less certain than this, or that is
#: left unexplained (kept, spelled, fuzzy) although a listed reading was found for it, is
#: searched again under the document's channel.
RESEARCH_CONFIDENCE = 0.6
#: Roman numerals (IV Baqrat, XX əsr): printed as they are meant.
_ROMAN = regex.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
#: An all-capital word is re-read only as a form at least this frequent (ABS → ABŞ).
ACRONYM_MIN_COUNT = 10_000
#: Case evidence is weighed only between readings this close (nats); ln(1/0.001) bounds it.
CASE_MARGIN = 7.0
#: Bound on the cross-document decision memo (entries).
MEMO_SIZE = 150_000
#: Confidence given to mended OCR slips (zozo-ci → 2020-ci, VVUF → WUF, a.b → a b).
SLIP_CONFIDENCE = 0.9
#: Weight of the lexicon prior in the word scores the layout compares (its join prior, pair
#: cost and compound margin were fitted on train renders at this weight).
LAYOUT_LM_WEIGHT = 0.8
#: Shortest second part of a compound left when a suffix chain is cut off (şimal-şər|q…).
MIN_COMPOUND_PART = 2


@dataclass
class FixResult:
    """The repaired text, every change made, and summary figures."""

    text: str
    changes: list[Change] = field(default_factory=list)
    n_words: int = 0
    mean_confidence: float = 1.0
    channel: str = ""
    #: Other likely readings of the words the repair was unsure of (lowercase forms), for
    #: indexing OCR text with its alternatives (see :func:`az_ocrfix.search.ocr_index_text`).
    variants: list[str] = field(default_factory=list)


def capital_share(text: str) -> float:
    """Share of the words (two letters or more) printed in capitals.

    >>> capital_share("SON XƏBƏRLƏR: Bakıda yağış"), capital_share("")
    (0.5, 0.0)
    """
    words = _WORDS.findall(text)
    if not words:
        return 0.0
    return sum(1 for w in words if w.isupper()) / len(words)


def diacritic_rate(text: str) -> float:
    """Share of letters that only Azerbaijani-aware OCR can produce (ə ı ö ü ş ç ğ …).

    >>> diacritic_rate("Azərbaycan"), diacritic_rate("Azarbaycan")
    (0.1, 0.0)
    """
    letters = sum(1 for c in text if c.isalpha())
    if not letters:
        return 0.0
    return sum(1 for c in text if c in DIACRITIC_LETTERS) / letters


@dataclass(slots=True)
class _Memo:
    """The memoized decisions of one token: plain, and with a spelling once asked for."""

    base: Decision
    spelled: Decision | None = None


class Corrector:
    """Holds the loaded models; ``fix_document`` repairs one document."""

    def __init__(
        self, config: FixConfig | None = None, params: DecoderParams | None = None
    ) -> None:
        self.config = config or FixConfig()
        self.lexicon = Lexicon.default()
        self.chains = chains = SuffixChains.default()
        self.decoder = Decoder(self.lexicon, chains, params or DecoderParams())
        self.decoder.set_suffix_counts({c: chains.count(c) for c in chains.forms})
        self.decoder.charlm = shipped_charlm  # loaded when the first unknown word needs it
        self.context = ContextModel(self.lexicon)
        self._memo: dict[tuple[int, bool, str], _Memo] = {}

    @classmethod
    def default(cls) -> Corrector:
        """A shared corrector with the default configuration."""
        return _default_corrector()

    # -- stages -------------------------------------------------------------------------
    def pick_channel(self, text: str) -> tuple[str, Channel]:
        """The starting channel for a document (config or diacritic-rate evidence)."""
        name = self.config.channel
        if name == "auto":
            name = "eng" if diacritic_rate(text) < ENG_DIACRITIC_RATE else "aze"
        if name == "eng" and capital_share(text) >= CAPITAL_PAGE_SHARE:
            # Capital letters inside words have confusions of their own (Ə printed ®, 8, @).
            return name, shipped_channel("eng+caps")
        return name, shipped_channel(name)

    def decide(
        self, observed: str, channel: Channel, fuzzy: bool = False, spelling: bool = True
    ) -> Decision:
        """Decode one lowercased observed token (memoized per channel); see Decoder.decide.

        One memo entry per token holds both the plain decision (what layout scoring uses)
        and, once asked for, the one with an open-vocabulary spelling.
        """
        key = (id(channel), fuzzy, observed)
        entry = self._memo.get(key)
        if entry is None:
            if len(self._memo) >= MEMO_SIZE:
                # Forget the older half (dicts keep insertion order); frequent words come back.
                for old in list(islice(self._memo, MEMO_SIZE // 2)):
                    del self._memo[old]
            base = self.decoder.decide(observed, channel, fuzzy, spelling=False)
            entry = self._memo[key] = _Memo(base)
        if not spelling:
            return entry.base
        if entry.spelled is None:
            entry.spelled = self.decoder.with_spelling(entry.base, channel)
        return entry.spelled

    def word_score(self, raw: str, channel: Channel | None = None) -> float:
        """Goodness (−cost) of the best repaired reading of a raw token; used by layout."""
        ch = channel or shipped_channel("eng")
        observed = observed_lower(raw)
        if not any(c.isalpha() for c in observed):
            return -30.0
        parts = observed.strip("-").split("-")
        if len(parts) == 2 and all(parts):
            # A hyphenated compound (alış-veriş): readings of the halves, looked up as one form.
            halves = [self.decide(p, ch, spelling=False) for p in parts]
            best: float | None = None
            lam = LAYOUT_LM_WEIGHT
            for left, left_channel in _readings(halves[0]):
                for right, right_channel in _readings(halves[1]):
                    cost = self._compound_cost(left, right)
                    if cost is not None:
                        total = left_channel + right_channel + lam * cost
                        best = total if best is None else min(best, total)
            if best is not None:
                return -best
        # Open-vocabulary spellings would make any fragment look like a word: not evidence here.
        d = self.decide(observed, ch, spelling=False)
        if not d.alternatives:
            return -self.decoder.keep_cost(observed)
        best_alt = d.alternatives[0]
        if best_alt.stem_len == -1:
            return -best_alt.cost
        # The prior part on the scale the layout's constants were fitted at.
        prior = (best_alt.cost - best_alt.channel_cost) / self.decoder.params.lm_weight
        return -(best_alt.channel_cost + LAYOUT_LM_WEIGHT * prior)

    def _compound_cost(self, left: str, right: str) -> float | None:
        """−ln P of a hyphenated compound: listed as it is (``şimal-şərq``), or a listed
        compound whose second part takes a suffix chain (``şimal-şərq`` + ``indəki``)."""
        total = self.lexicon.total
        n = self.lexicon.compound(f"{left}-{right}")
        if n:
            return -math.log(n / total)
        for cut in range(len(right) - 1, MIN_COMPOUND_PART - 1, -1):
            chain = right[cut:]
            if chain not in self.chains:
                continue
            n = self.lexicon.compound(f"{left}-{right[:cut]}")
            if n:
                return -math.log(n / total) + self.decoder.chain_cost(chain)
        return None

    def adapt(
        self, channel: Channel, decisions: dict[str, Decision], freq: Counter[str]
    ) -> Channel:
        """One EM step: re-estimate the channel from this document's confident decisions."""
        counts: Counter[tuple[str, str]] = Counter()
        for obs, d in decisions.items():
            if d.confidence < EM_MIN_CONFIDENCE or not d.alternatives:
                continue
            best = d.alternatives[0]
            if best.stem_len < 0:
                continue  # kept as unknown word: no evidence about the channel
            for op in best.ops:
                counts[op] += freq[obs]
        if not counts:
            return channel
        return channel.ops_counts_to_channel(
            ((t, o, n) for (t, o), n in counts.items()), EM_PRIOR_STRENGTH
        )

    def research(self, decision: Decision, channel: Channel, fuzzy: bool) -> Decision:
        """A re-costed decision, or a new search under the document's channel when the word
        is uncertain or unexplained although a listed reading was found for it, and the new
        search finds a cheaper reading.

        Re-costing keeps the readings found under the shipped channel; when the document's
        channel makes them dearer than keeping the token (musigqilerden lost musiqilərdən
        that way), a search under the document's channel finds the readings it prices best.
        A word with no listed reading at all (a name) is not searched again: that costs
        time and rarely finds one.  Not memoized: each document has its own channel.
        """
        alts = decision.alternatives
        if not alts or not any(a.stem_len >= 0 for a in alts):
            return decision
        if alts[0].stem_len >= 0 and decision.confidence >= RESEARCH_CONFIDENCE:
            return decision
        observed = decision.observed
        fresh = self.decoder.decide(observed, channel, _fuzzy_for(observed, fuzzy))
        if fresh.alternatives and fresh.alternatives[0].cost < alts[0].cost:
            return fresh
        return decision

    # -- the whole document -------------------------------------------------------------------
    def fix_document(self, text: str) -> FixResult:
        """Repair one document; see the module docstring for the stages."""
        cfg = self.config
        if cfg.normalize:
            norm, offsets = normalize_with_offsets(text)
        else:
            norm, offsets = text, list(range(len(text) + 1))
        channel_name, channel = self.pick_channel(norm)
        if cfg.dehyphenate or cfg.join_lines or cfg.drop_page_furniture:
            opts = LayoutOptions(cfg.dehyphenate, cfg.join_lines, cfg.drop_page_furniture)
            laid = reflow(norm, lambda w: self.word_score(w, channel), opts)
            work = laid.text
            offsets = [offsets[i] for i in laid.offsets]
        else:
            work = norm
        slip_changes: list[Change] = []
        if cfg.repair:
            # Digits read as letters (zozo-ci), VV for W, a stray dot between two words.
            fixed, fixed_offsets, slips = apply_slips(work, self.lexicon, offsets)
            for start, end, after in slips:
                a, b = offsets[start], offsets[end - 1] + 1
                slip_changes.append(Change(a, b, text[a:b], after, SLIP_CONFIDENCE, "normalize"))
            work, offsets = fixed, fixed_offsets
        # One tokenizer for every channel, so a fixed text is cut into the same words again.
        tokenizer = _tokenizer(shipped_channel("eng+caps").glyphs | shipped_channel("aze").glyphs)
        tokens = list(tokenizer.tokens(work))
        if not cfg.repair:
            return self._render(text, work, offsets, [], channel_name, len(tokens))
        words = [t for t in tokens if t.kind == "word"]
        # The fuzzy fallback is for pages from an English model, or tokens with glyph debris.
        fuzzy = channel_name == "eng"
        freq = Counter(observed_lower(t.text) for t in words)
        # Decode every distinct word under the shipped channel (memoized across documents) ...
        decisions = {obs: self.decide(obs, channel, _fuzzy_for(obs, fuzzy)) for obs in freq}

        def decide(obs: str) -> Decision:
            return self.decide(obs, channel, fuzzy)

        tokens = extend_over_marks(work, tokens, decisions, decide, freq)
        tokens, marks = split_letter_marks(work, tokens, decisions, decide, freq, channel)
        if cfg.adapt and freq:
            # ... then one EM step: re-estimate the channel from the page's confident decisions
            # and re-cost every word's readings under it.
            adapted = self.adapt(channel, decisions, freq)
            decisions = {
                obs: self.research(self.decoder.rescore(d, adapted), adapted, fuzzy)
                for obs, d in decisions.items()
            }
            channel = adapted
        case = CaseModel.shipped(channel_name)
        if cfg.adapt:
            case = case.adapted(self._case_flips_seen(work, tokens, decisions))
        edits = self._word_edits(work, tokens, decisions, channel, case)
        edits += [
            (Token(at, at + 1, work[at], "word"), mark, SLIP_CONFIDENCE, "channel")
            for at, mark in marks
        ]
        edits = sorted(edits + self._full_stops(work, tokens, edits), key=lambda e: e[0].start)
        if channel_name == "eng":
            debris: list[tuple[Token, str, float, Reason]] = [
                (Token(s, e, work[s:e], "word"), after, 0.9, "layout")
                for s, e, after in underscore_debris(work)
            ]
            edits = sorted(edits + debris, key=lambda e: e[0].start)
        foreign = foreign_sentences(work)
        if foreign:  # English sentences stay as printed, but for inflected Azerbaijani words
            edits = [
                e
                for e in edits
                if not inside(e[0].start, foreign)
                or self._reads_inflected(decisions.get(observed_lower(e[0].text)))
            ]
        result = self._render(text, work, offsets, edits, channel_name, len(words))
        if slip_changes:
            result.changes = sorted([*result.changes, *slip_changes], key=lambda c: c.start)
        result.variants = uncertain_variants(decisions.values())
        return result

    def _reads_inflected(self, d: Decision | None) -> bool:
        """Whether ``d`` confidently reads its token as a listed word made of a stem (3 letters
        or more) and a suffix chain of two letters or more (kitabinda → kitab + ında):
        Azerbaijani even inside an English sentence ("… Persons kitabinda yazir."), where
        English words are bare (dog, not doğ)."""
        if d is None or not d.alternatives or d.confidence < FOREIGN_INFLECTED_CONFIDENCE:
            return False
        best = d.alternatives[0]
        if best.stem_len < 0:
            return False  # a name kept, a fuzzy match or a spelling: no evidence of Azerbaijani
        form = best.form
        return any(
            form[k:] in self.chains and self.lexicon.is_stem(form[:k])
            for k in range(3, len(form) - 1)
        )

    def _word_edits(
        self,
        text: str,
        tokens: list[Token],
        decisions: dict[str, Decision],
        channel: Channel,
        case: CaseModel,
    ) -> list[tuple[Token, str, float, Reason]]:
        edits: list[tuple[Token, str, float, Reason]] = []
        chosen: list[str] = []  # repaired lowercase words so far (context for the next)
        prev_word = ""
        acronym = ""  # the last acronym as repaired (SSRI → SSRİ), host of a following suffix
        # A page repeats its suffixes (2024-cü, QHT-lərin): each one is weighed once per host.
        suffixes: dict[tuple[str, str, str, str, str], tuple[str, float] | None] = {}
        headlines = _among_capitals(tokens)
        for i, tok in enumerate(tokens):
            if tok.kind == "suffix":
                key = (tok.host, tok.host_text, prev_word, acronym, tok.text)
                if key not in suffixes:
                    suffixes[key] = self._fix_suffix(tok, channel, prev_word, acronym)
                fixed = suffixes[key]
                if fixed is not None:
                    edits.append(
                        (
                            tok,
                            fixed[0],
                            fixed[1],
                            "number" if tok.host == "number" else "morphology",
                        )
                    )
                continue
            obs = observed_lower(tok.text)
            d = decisions[obs]
            acronym = ""
            if tok.text[:1].isupper():
                d = self.decoder.as_name(d)
            if is_acronym(tok.text) and (
                not _in_capital_line(tokens, i) or _ROMAN.fullmatch(tok.text)
            ):
                chosen.append(obs)
                prev_word = obs
                acronym = self._fix_acronym(tok.text, d, case)
                if acronym != tok.text:
                    why: Reason = "case" if d.form is None else "channel"
                    edits.append((tok, acronym, d.confidence, why))
                continue
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            next_obs = observed_lower(nxt.text) if nxt is not None and nxt.kind == "word" else ""
            next_d = decisions.get(next_obs)
            where = position(text, tok.start)
            caps = self._neighbour_caps(text, tokens, i) if where == "inside" else (False, False)
            if where == "inside":
                d = self._case_evidence(d, tok.text, case)
            elif case_pattern(tok.text) == "title" and len(obs) > 1:
                d = self.context.opening_sentence(d)  # all capitals say nothing of the word
            form, conf, reason = self.context.choose(d, chosen[-1] if chosen else "", next_d)
            word = form or obs
            chosen.append(word)
            prev_word = word
            headline = headlines[i]
            if form is None:
                if obs in self.lexicon:  # a known word: its case may still need restoring
                    share, count = self._capitalization(obs, d)
                    printed = _printed_case(tok.text)
                    cased = case.restore(obs, printed, capital_prior(share, where, count, caps))
                    if headline:
                        cased = upper(obs)
                    if cased != tok.text and az_lower(cased) == az_lower(tok.text):
                        edits.append((tok, cased, conf, "case"))
                continue
            share, count = self._capitalization(form, d)
            prior = capital_prior(share, where, count, caps)
            cased = upper(form) if headline else case.restore(form, _printed_case(tok.text), prior)
            if cased != tok.text:
                edits.append((tok, cased, conf, reason))
        return edits

    def _full_stops(
        self, text: str, tokens: list[Token], edits: list[tuple[Token, str, float, Reason]]
    ) -> list[tuple[Token, str, float, Reason]]:
        """Edits that turn a comma after a verb form and before a capitalized word that is
        not a name into the full stop the OCR misread (:mod:`az_ocrfix.sentence_ends`)."""
        fixed = {tok.start: after for tok, after, _, _ in edits}
        words = [fixed.get(tok.start, tok.text) for tok in tokens]
        gaps = [text[a.end : b.start] for a, b in pairwise(tokens)]
        lex = self.lexicon
        out: list[tuple[Token, str, float, Reason]] = []
        for i in full_stops_for_commas(
            words, gaps, lambda w: w in lex and lex.cap_share(w) <= NAME_CAP_SHARE
        ):
            comma = tokens[i].end + gaps[i].index(",")
            out.append((Token(comma, comma + 1, ",", "word"), ".", SLIP_CONFIDENCE, "context"))
        return out

    def _case_flips_seen(
        self, text: str, tokens: list[Token], decisions: dict[str, Decision]
    ) -> dict[str, tuple[int, int]]:
        """Word-initial case flips of this document: for each first letter, how many
        confidently read words inside a sentence that the lexicon nearly always writes
        lowercase were printed with a capital (and capitalized words printed lowercase),
        out of how many such words."""
        seen: dict[str, list[int]] = {}
        for tok in tokens:
            if tok.kind != "word" or case_pattern(tok.text) not in ("lower", "title"):
                continue
            d = decisions[observed_lower(tok.text)]
            form = d.form if d.form is not None else d.observed
            if d.confidence < EM_MIN_CONFIDENCE or form not in self.lexicon:
                continue
            if position(text, tok.start) != "inside":
                continue
            share, count = self.lexicon.cap_share(form), self.lexicon.count(form)
            prior = capital_prior(share, "inside", count)
            if prior <= CASE_EVIDENCE_PRIOR:
                letter, flipped = form[0], tok.text[0].isupper()
            elif prior >= 1.0 - CASE_EVIDENCE_PRIOR:
                letter, flipped = upper(form[0]), tok.text[0].islower()
            else:
                continue
            counts = seen.setdefault(letter, [0, 0])
            counts[0] += flipped
            counts[1] += 1
        return {letter: (f, n) for letter, (f, n) in seen.items()}

    def _capitalization(self, form: str, d: Decision) -> tuple[float, int]:
        """The lexicon's capital share and count for a reading; an unlisted stem + suffix
        reading takes its stem's (İspaniya-dır is capitalized as İspaniya is)."""
        alt = next((a for a in d.alternatives if a.form == form), None)
        return self._cap_stats(alt if alt is not None else Alternative(form, 0.0, 0.0, 0, ()))

    def _cap_stats(self, alt: Alternative) -> tuple[float, int]:
        """Capital share and count of a reading's form, or of its stem when the form is an
        unlisted stem + suffix analysis."""
        lex = self.lexicon
        form = alt.form
        if alt.stem_len > 0 and form not in lex:
            form = form[: alt.stem_len]
        return lex.cap_share(form), lex.count(form)

    @staticmethod
    def _neighbour_caps(text: str, tokens: list[Token], i: int) -> tuple[bool, bool]:
        """Whether the next and the previous word, both inside the sentence, are capitalized
        as printed (a name of several words: "Ortaq Dəyərlər" İctimai Birliyi)."""

        def capitalized(j: int) -> bool:
            if not 0 <= j < len(tokens):
                return False
            tok = tokens[j]
            return (
                tok.kind == "word"
                and tok.text[:1].isupper()
                and position(text, tok.start) == "inside"
            )

        return capitalized(i + 1), capitalized(i - 1)

    def _fix_acronym(self, raw: str, d: Decision, case: CaseModel) -> str:
        """An acronym changes only into a common listed form, confidently (ABS → ABŞ), or
        regains an İ the OCR read as i (KiV → KİV); a Roman numeral (IV, XX) stays."""
        if _ROMAN.fullmatch(raw):
            return raw
        if (
            d.form is not None
            and d.confidence >= 0.9
            and self.lexicon.count(d.form) >= ACRONYM_MIN_COUNT
        ):
            return upper(d.form)
        if "i" in raw and case.down_flip.get("İ", 0.0) > 0.2:
            return raw.replace("i", "İ")
        return raw

    def _case_evidence(self, d: Decision, raw: str, case: CaseModel) -> Decision:
        """Re-rank readings of a mid-sentence word by how well each explains its printed case.

        A capitalized word inside a sentence is evidence for a name: a reading the lexicon
        rarely capitalizes pays −ln P(capital | reading), an unknown word (kept) pays ln 2.
        An all-capital word (a headline) says nothing about names.
        """
        alts = d.alternatives
        if len(alts) < 2 or not raw[:1].isalpha() or alts[1].cost - alts[0].cost > CASE_MARGIN:
            return d
        if case_pattern(raw) == "upper":
            return d
        titled = raw[:1].isupper()
        rescored = []
        for alt in d.alternatives:
            if alt.stem_len == -1:
                p = 0.5
            else:
                share, count = self._cap_stats(alt)
                prior = capital_prior(share, "inside", count)
                p_title = case.p_title(alt.form, prior)
                p = p_title if titled else 1.0 - p_title
            rescored.append(alt._replace(cost=alt.cost - math.log(max(p, 1e-3))))
        rescored.sort(key=lambda a: a.cost)
        best = rescored[0]
        form = None if best.stem_len == -1 or best.form == d.observed else best.form
        reason: Reason = d.reason if form == d.form else "context"
        return Decision(d.observed, form, d.confidence, reason, tuple(rescored))

    def _fix_suffix(
        self, tok: Token, channel: Channel, host_word: str, acronym: str = ""
    ) -> tuple[str, float] | None:
        """Repair a suffix after a number, an acronym or an apostrophe by harmony with its host.

        An acronym is read as repaired (SSRI → SSRİ: -nin); a printed ``I`` may also be an
        İ the OCR lost, so a suffix in harmony with İ is left alone (SSRI-nin).
        """
        host = acronym if tok.host == "acronym" and acronym else tok.host_text
        alternatives: tuple[str, ...] = ()
        if tok.host == "number":
            reading = number_reading(host)
        elif tok.host == "unit":
            reading = unit_reading(host) or host
        elif tok.host == "acronym":
            reading = acronym_reading(host)
            if "I" in host:
                alternatives = (acronym_reading(host.replace("I", "İ")),)
        else:
            reading = host_word or host
        if not last_vowel(reading):
            return None
        observed = observed_lower(tok.text)
        options = host_suffixes(reading)
        if any(form == observed for r in (reading, *alternatives) for form, _ in host_suffixes(r)):
            return None
        scored = sorted(
            (channel.align_cost(form, observed) - math.log(share), form) for form, share in options
        )
        best_cost, best = scored[0]
        if best_cost > self.decoder.budget(observed):
            return None
        second = scored[1][0] if len(scored) > 1 else best_cost + 10
        conf = 1.0 / (1.0 + math.exp(best_cost - second))
        cased = upper(best) if case_pattern(tok.text) == "upper" else best
        return (cased, conf) if cased != tok.text else None

    def _render(
        self,
        original: str,
        work: str,
        offsets: list[int],
        edits: list[tuple[Token, str, float, Reason]],
        channel_name: str,
        n_words: int,
    ) -> FixResult:
        min_conf = self.config.min_confidence
        out: list[str] = []
        changes: list[Change] = []
        pos = 0
        confs: list[float] = []
        for tok, after, conf, reason in edits:
            confs.append(conf)
            if conf < min_conf:
                continue
            out.append(work[pos : tok.start])
            out.append(after)
            pos = tok.end
            start, end = offsets[tok.start], offsets[tok.end - 1] + 1
            changes.append(Change(start, end, original[start:end], after, round(conf, 4), reason))
        out.append(work[pos:])
        mean_conf = (sum(confs) + (n_words - len(confs))) / n_words if n_words else 1.0
        return FixResult("".join(out), changes, n_words, mean_conf, channel_name)


def _readings(d: Decision, top: int = 4) -> list[tuple[str, float]]:
    """A half of a compound as it may read: its best listed or inflected readings and the
    token itself, with their channel costs."""
    out = [(a.form, a.channel_cost) for a in d.alternatives[:top] if a.stem_len >= 0]
    return out if any(f == d.observed for f, _ in out) else [*out, (d.observed, 0.0)]


def _words_from(tokens: list[Token], i: int, step: int) -> Iterator[str]:
    """The words beside ``tokens[i]``, nearest first, going back (step -1) or on (step 1)."""
    j = i + step
    while 0 <= j < len(tokens):
        if tokens[j].kind == "word":
            yield tokens[j].text
        j += step


def _letters(word: str) -> int:
    return sum(c.isalpha() for c in word)


def _capitals(word: str, min_letters: int) -> bool:
    return case_pattern(word) == "upper" and _letters(word) >= min_letters


def _in_capital_line(tokens: list[Token], i: int) -> bool:
    """Whether the word ``tokens[i]`` stands in an all-capital run of words (a headline),
    next to an all-capital word of five letters or more: there a short capital word
    ("EVIM BURADADIR", "SON XƏBƏRLƏR") is a word like the others, not an acronym.

    >>> toks = [Token(0, 4, "EVIM", "word"), Token(5, 15, "BURADADIR.", "word")]
    >>> _in_capital_line(toks, 0), _in_capital_line(toks[:1], 0)
    (True, False)
    """
    return any(_capitals(w, 5) for step in (-1, 1) for w in islice(_words_from(tokens, i, step), 1))


def _among_capitals(tokens: list[Token], reach: int = 3) -> list[bool]:
    """For each token, whether it is a word inside text set in capitals: of the words (two
    letters or more) up to ``reach`` on each side, at least three are in capitals, three times
    as many as the others.  There a word the OCR printed in mixed or lower case (Ve for VƏ, Ki
    for Kİ, iki for İKİ) is in capitals too; a word or two emphasized in capitals inside
    running text do not make their neighbours capitals.

    >>> text = "SON XƏBƏR Ve HAVA DURUMU"
    >>> words = [Token(k, k + 1, w, "word") for k, w in enumerate(text.split())]
    >>> _among_capitals(words)[2], _among_capitals(words[:3])[2]
    (True, False)
    """
    # The token indexes of the words that count as neighbours (two letters or more), in order.
    at = [k for k, t in enumerate(tokens) if t.kind == "word" and _letters(t.text) >= 2]
    seen = [0]  # seen[q]: capitals among the first q of them
    for k in at:
        seen.append(seen[-1] + _capitals(tokens[k].text, 2))
    out = [False] * len(tokens)
    for i, tok in enumerate(tokens):
        if tok.kind != "word":
            continue
        q = bisect_left(at, i)  # neighbours before i: at[q - reach : q]
        r = q + 1 if q < len(at) and at[q] == i else q  # after i: at[r : r + reach]
        lo, hi = max(q - reach, 0), min(r + reach, len(at))
        near = (q - lo) + (hi - r)
        capitals = (seen[q] - seen[lo]) + (seen[hi] - seen[r])
        out[i] = capitals >= 3 and capitals >= 3 * (near - capitals)
    return out


def _printed_case(raw: str) -> str:
    """``raw`` with a glyph opening it that stands for a letter of one case (channel
    .initial_glyph_cases: "[" for İ) written as a letter of that case, so that case
    restoration reads "[kinci" as a word printed with a capital.

    >>> _printed_case("[kinci"), _printed_case("kinci")
    ('Xkinci', 'kinci')
    """
    case = initial_glyph_cases().get(raw[:1])
    if case is None:
        return raw
    return ("X" if case == "upper" else "x") + raw[1:]


def _fuzzy_for(observed: str, fuzzy: bool) -> bool:
    """Whether a token gets the fuzzy fallback: on a page from an English model (``fuzzy``),
    or when it holds glyph debris (non-letters) on any page."""
    return fuzzy or not observed.isalpha()


@lru_cache(maxsize=16)
def _tokenizer(glyphs: frozenset[str]) -> Tokenizer:
    openers = {row[0]: row[1] for row in data_rows("letter_glyphs.tsv", header=True)}
    return Tokenizer(glyphs, openers, unit_abbreviations(), initial_glyphs("eng", "aze"))


@lru_cache(maxsize=1)
def _default_corrector() -> Corrector:
    return Corrector()
