"""Punctuation and letters the OCR mistook for each other at a word's end.

An English model prints a word-final ı as ":" or "!" (aldığı → ``aldig:``, qaytardı. →
``qaytard!.``); the Azerbaijani model prints a sentence-final "!" as ``l`` (gözlə! →
``gözləl``).  Both are decided by cost: the word read through the mark (or without its last
letter) against the word as the tokenizer cut it plus the price of a real mark there.

>>> from az_ocrfix.channel import Channel
>>> ch = Channel.from_counts({("!", "l"): 80, ("!", "!"): 20, ("l", "l"): 1000})
>>> mark_readings(ch, "l")
[('!', 0.2231435513142097)]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import regex

from az_ocrfix.channel import Channel, observed_lower
from az_ocrfix.decode import Decision
from az_ocrfix.tokenize import Token

__all__ = ["extend_over_marks", "mark_readings", "split_letter_marks"]

#: Cost (nats, on the weighted prior scale) of a real colon between a word and a lowercase
#: word: −ln of its rate in news text (about 0.3 % of words in the sample articles).  A
#: colon or exclamation mark glued to a word is read as the word's last letter when that
#: explains it better.  An exclamation mark before a lowercase word, a number or another
#: mark is rarer still, so the colon's cost is a conservative bound for all of them.
COLON_COST = 5.0
#: A mark glued to a word that may be its last letter: a colon before a lowercase word or a
#: capital (group ``capital``), "!" before a number ("hücumlar! 1060-cı" is hücumları) or
#: another punctuation mark ("qaytard!." is qaytardı.).
_MARK_LETTER = regex.compile(r":\s+\p{Ll}|![ \t]+\d|(?P<capital>:[ \t]+\p{Lu})|![.,;)]")
#: A colon before a capitalized word is often real (it opens a quotation, a list or a
#: sentence), so there the real colon's cost is lower: reading it as a letter must explain
#: the word about as well as the word without it (Etimologiyas: Zaranc → Etimologiyası).
COLON_CAPITAL_COST = 2.0
#: A token's last letter is read as the sentence mark it may stand for only when that is
#: this many nats cheaper than the token as a word.
MARK_MARGIN = 2.0
#: What follows a sentence mark: a capital, or the end of the text or of the paragraph.
_SENTENCE_NEXT = regex.compile(r"[ \t]+[\p{Lu}\p{Lt}\"“«]|[ \t]*(?:\n[ \t]*\n|\Z)")

#: Decide one lowercased observed token (the corrector's memoized decoder).
Decide = Callable[[str], Decision]


def mark_readings(channel: Channel, letter: str) -> list[tuple[str, float]]:
    """Sentence marks the channel reads as ``letter`` (cheapest first), with their costs."""
    found = [(m, channel.costs[(m, letter)]) for m in "!?." if (m, letter) in channel.costs]
    return sorted(found, key=lambda mc: mc[1])


def reads_mark_as_letter(d: Decision, mark: str) -> bool:
    """Whether the chosen reading of a token ending in ``mark`` spells that mark as a
    letter (not as OCR noise dropped, nor kept)."""
    if d.form is None or not d.alternatives:
        return False
    best = d.alternatives[0]
    if best.ops:
        return any(mark in obs and true for true, obs in best.ops)
    # A fuzzy reading has no ops to show it: the colon is spelled if no letter is lost.
    return mark == ":" and len(d.form) >= len(d.observed)


def extend_over_marks(
    text: str,
    tokens: list[Token],
    decisions: dict[str, Decision],
    decide: Decide,
    freq: Counter[str],
) -> list[Token]:
    """``tokens`` with each word extended over a colon or "!" glued to it when that mark is
    more likely the word's last letter misread than punctuation (before a lowercase word,
    a colon also before a capital at a lower price, "!" before a number or another mark);
    the decisions and counts of the extended tokens are added."""
    out: list[Token] = []
    for tok in tokens:
        glued = _MARK_LETTER.match(text, tok.end) if tok.kind == "word" else None
        if glued is not None:
            mark = text[tok.end]
            cost = COLON_CAPITAL_COST if glued.group("capital") else COLON_COST
            obs = observed_lower(tok.text)
            joined = obs + mark
            d2 = decisions.get(joined) or decide(joined)
            if reads_mark_as_letter(d2, mark) and d2.best_cost < decisions[obs].best_cost + cost:
                decisions[joined] = d2
                freq[joined] += 1
                tok = Token(tok.start, tok.end + 1, tok.text + mark, "word")
        out.append(tok)
    return out


def split_letter_marks(
    text: str,
    tokens: list[Token],
    decisions: dict[str, Decision],
    decide: Decide,
    freq: Counter[str],
    channel: Channel,
) -> tuple[list[Token], list[tuple[int, str]]]:
    """``tokens`` with each word whose last letter is a sentence mark the OCR read as a
    letter shortened by that letter, and the positions of those letters with their marks.

    Only before a capital or the end of the text (the mark closed a sentence), and only
    when the shortened word plus the channel's price of the mark explains the token better
    by :data:`MARK_MARGIN` nats than the token as a word ("yel Bakını" stays)."""
    out: list[Token] = []
    marks: list[tuple[int, str]] = []
    for tok in tokens:
        # The glyph as printed: a capital (CƏBRAYIL, NƏQQAŞİ) is no mark the OCR misread.
        options = mark_readings(channel, tok.text[-1:]) if tok.kind == "word" else []
        if options and len(tok.text) > 2 and _SENTENCE_NEXT.match(text, tok.end):
            obs = observed_lower(tok.text)
            shorter = obs[:-1]
            mark, price = options[0]
            d = decisions.get(shorter) or decide(shorter)
            if d.best_cost + price + MARK_MARGIN < decisions[obs].best_cost:
                decisions[shorter] = d
                freq[shorter] += 1
                tok = Token(tok.start, tok.end - 1, tok.text[:-1], "word")
                marks.append((tok.end, mark))
        out.append(tok)
    return out, marks
