"""Search keys: one form for every way a user may type (or an OCR engine may spell) a word.

``search_key(text)`` = :func:`~az_ocrfix.normalize.normalize` → Azerbaijani casefold
(``I`` → ``ı``, ``İ`` → ``i``, see :mod:`az_ocrfix.alphabet`) → ASCII fold:

=====  =====  =====================================================
from   to     why
=====  =====  =====================================================
ə      e      users without an Azerbaijani keyboard type e
ı      i      (after casefold, so I → ı → i and İ → i → i)
ö ü    o u
ş ç ğ  s c g
x q    x q    kept: they are ASCII letters of the alphabet
é ä …  e a …  other Latin letters lose their combining marks (NFD)
æ ø …  ae o … a few letters without a decomposition (``lexicons/norm_fold.tsv``)
=====  =====  =====================================================

Letters of other scripts are casefolded but not transliterated: a Russian word
stays Cyrillic.  The fold table lives in ``lexicons/norm_fold.tsv``.

>>> search_key("AZƏRBAYCAN") == search_key("azәrbaycan") == search_key("Azerbaycan")
True
>>> search_key("İSTANBUL IŞIQ Şəhər")
'istanbul isiq seher'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import regex

from az_ocrfix.normalize import normalize, normalize_with_offsets
from az_ocrfix.resources import data_rows

__all__ = ["fold", "fts5_query", "index_text", "ocr_index_text", "search_key", "tokens"]

#: A token: a run of letters, combining marks and digits (the same split as SQLite FTS5's
#: unicode61 tokenizer, so apostrophes and hyphens separate tokens).
_TOKEN_RE = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_LATIN_RE = regex.compile(r"\p{Latin}")
_MARK_RE = regex.compile(r"\p{M}")


class _FoldTable(dict[int, str]):
    """``str.translate`` table: fixed entries from the TSV, other chars computed once."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = ch
        if code > 0x7F and _LATIN_RE.match(ch):
            folded = _MARK_RE.sub("", unicodedata.normalize("NFD", ch))
            folded = unicodedata.normalize("NFC", folded) or ch
        self[code] = folded
        return folded


@lru_cache(maxsize=1)
def _fold_table() -> _FoldTable:
    table = _FoldTable()
    for source, target, *_ in data_rows("norm_fold.tsv", header=True):
        src = "".join(chr(int(cp[2:], 16)) for cp in source.split())
        table[ord(src)] = "".join(chr(int(cp[2:], 16)) for cp in target.split())
    return table


def _casefold(text: str) -> str:
    """``alphabet.casefold`` in three C-level passes (tests check they agree)."""
    return text.replace("I", "ı").replace("İ", "i").casefold()


def fold(text: str) -> str:
    """Casefold (Azerbaijani rules) and ASCII-fold text that is already normalized.

    >>> fold("Ölkə Şuşa İÇƏRİŞƏHƏR")
    'olke susa iceriseher'
    """
    folded = _casefold(text)
    return folded if folded.isascii() else folded.translate(_fold_table())


def search_key(text: str) -> str:
    """The search form of ``text``: normalize, casefold, fold to ASCII (see module doc).

    Spaces and punctuation are kept; use :func:`tokens` or :func:`index_text` for
    word keys.

    >>> search_key("AZƏRBAYCAN")
    'azerbaycan'
    >>> search_key("AzÉ™rbaycan")
    'azerbaycan'
    >>> search_key("Он сказал")
    'он сказал'
    """
    return fold(normalize(text))


def tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield ``(key, start, end)`` for every word; the span is in the ORIGINAL text.

    Characters removed by normalization (a soft hyphen inside a word) fall inside
    the span, so ``text[start:end]`` is what a highlighter should mark.

    >>> list(tokens("Bakı’da Azər\\u00adbaycan"))
    [('baki', 0, 4), ('da', 5, 7), ('azerbaycan', 8, 19)]
    """
    normalized, offsets = normalize_with_offsets(text)
    for m in _TOKEN_RE.finditer(normalized):
        yield fold(m.group()), offsets[m.start()], offsets[m.end()]


def index_text(text: str) -> str:
    """The value to store in a full-text column: word keys joined by spaces.

    Store it in an FTS5 table with ``tokenize="unicode61 remove_diacritics 0"``
    (the keys are already folded) and query it with :func:`fts5_query`.

    >>> index_text("Milli Məclisin İCLASI, 2024-cü il")
    'milli meclisin iclasi 2024 cu il'
    """
    return " ".join(key for key, _, _ in tokens(text))


def ocr_index_text(ocr_text: str) -> str:
    """Index value for raw OCR text: keys of the repaired text plus keys of the other likely
    readings of the words the repair was unsure of (n-best indexing, so a search still finds
    a word the repair got wrong; phrase queries should use :func:`index_text` of the repair).

    >>> ocr_index_text("Azarbaycan Respublikasi").split()[:2]
    ['azerbaycan', 'respublikasi']
    """
    from az_ocrfix.corrector import Corrector  # the repair engine loads only when needed

    result = Corrector.default().fix_document(ocr_text)
    keys = [index_text(result.text)]
    keys += [search_key(v) for v in dict.fromkeys(result.variants)]
    return " ".join(k for k in keys if k)


def fts5_query(query: str, *, phrase: bool = False) -> str:
    """Turn what a user typed into an FTS5 MATCH expression over :func:`index_text` keys.

    Each word becomes a quoted term (so FTS5 operators in user input are inert);
    terms are ANDed, or form one phrase with ``phrase=True``.  Returns ``""`` when
    the query has no words (do not run MATCH then).

    >>> fts5_query("ŞƏHƏR meclis")
    '"seher" "meclis"'
    >>> fts5_query("Milli Məclis", phrase=True)
    '"milli meclis"'
    """
    keys = [key for key, _, _ in tokens(query)]
    if not keys:
        return ""
    return f'"{" ".join(keys)}"' if phrase else " ".join(f'"{key}"' for key in keys)
