"""The shipped Azerbaijani lexicon: word forms with corpus counts, capital shares, stems, bigrams.

Data is built by ``lexicons/build.py`` and read from the package resources.  The word
table loads from its fast twin (``words.txt`` + ``words.txt.counts`` + ``words.txt.caps``);
stems, bigrams and the removed shadows load on first use.  Forms are lowercase
(Azerbaijani rules).  Capital shares come from web text with headlines, so sentence-initial
words reach 0.5–0.8; names (Bakı, İlham, Əliyev) are above 0.9.

>>> lex = Lexicon.default()
>>> "azərbaycan" in lex, "azarbaycan" in lex
(True, False)
>>> lex.count("və") > lex.count("ve")
True
>>> lex.cap_share("bakı") > 0.5
True
"""

from __future__ import annotations

import array
import gzip
import math
import sys
import threading
from bisect import bisect_left
from collections.abc import Sequence
from importlib.resources import files
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from importlib.abc import Traversable


__all__ = ["Lexicon"]


class Lexicon:
    """Word forms with counts (most frequent form ``və`` ≈ 10 million) and capital shares.

    Build one with :meth:`default` (shipped data, cached) or from plain sequences:

    >>> tiny = Lexicon(["bakı", "və"], [50, 1000], [0.98, 0.0])
    >>> tiny.count("bakı"), tiny.count("baki"), tiny.total
    (50, 0, 1050)
    >>> tiny.cap_share("bakı")
    0.98
    """

    _default: ClassVar[Lexicon | None] = None
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(
        self,
        forms: Sequence[str],
        counts: Sequence[int],
        caps: Sequence[float] | None = None,
        *,
        stems: frozenset[str] | None = None,
        bigrams: dict[str, int] | None = None,
        source: Traversable | None = None,
        presorted: bool = False,
    ) -> None:
        if not presorted and list(forms) != sorted(forms):
            order = sorted(range(len(forms)), key=forms.__getitem__)
            forms = [forms[i] for i in order]
            counts = [counts[i] for i in order]
            caps = None if caps is None else [caps[i] for i in order]
        self._forms: Sequence[str] = forms
        self._counts: Sequence[int] = counts
        self._caps: Sequence[float] | None = caps
        self._members = frozenset(forms)
        self._total = sum(counts)
        self._stems = stems
        self._bigrams = bigrams
        self._shadows: dict[str, str] | None = None
        self._compounds: dict[str, int] | None = None
        self._source = source

    # ------------------------------------------------------------------ loading
    @classmethod
    def default(cls) -> Lexicon:
        """The shipped lexicon, loaded once (thread-safe) and cached.

        >>> Lexicon.default() is Lexicon.default()
        True
        """
        if cls._default is None:
            with cls._lock:
                if cls._default is None:
                    cls._default = cls.load()
        return cls._default

    @classmethod
    def load(cls, directory: Traversable | None = None) -> Lexicon:
        """Load the word table from ``directory`` (default: the package's ``lexicons/``)."""
        base = directory if directory is not None else files("az_ocrfix").joinpath("lexicons")
        forms = base.joinpath("words.txt").read_text(encoding="utf-8").split("\n")
        if forms and not forms[-1]:
            forms.pop()
        counts = array.array("I")
        counts.frombytes(base.joinpath("words.txt.counts").read_bytes())
        if sys.byteorder == "big":
            counts.byteswap()
        caps = _Percent(base.joinpath("words.txt.caps").read_bytes())
        if not (len(forms) == len(counts) == len(caps)):
            raise ValueError("lexicon files words.txt* disagree in length")
        return cls(forms, counts, caps, source=base, presorted=True)

    # ------------------------------------------------------------------ word table
    def __contains__(self, form: object) -> bool:
        return form in self._members

    def _position(self, form: str) -> int | None:
        if form not in self._members:
            return None
        return bisect_left(self._forms, form)

    def __len__(self) -> int:
        return len(self._forms)

    @property
    def forms(self) -> Sequence[str]:
        """All forms in Python string order (use :meth:`with_prefix` or ``bisect``)."""
        return self._forms

    @property
    def counts(self) -> Sequence[int]:
        """Counts aligned with :attr:`forms` (``counts[i]`` is the count of ``forms[i]``).

        >>> lex = Lexicon(["ev", "su"], [7, 3])
        >>> list(zip(lex.forms, lex.counts))
        [('ev', 7), ('su', 3)]
        """
        return self._counts

    @property
    def total(self) -> int:
        """Sum of all counts."""
        return self._total

    def count(self, form: str) -> int:
        """Corpus-scale count of ``form``; 0 when unknown.

        >>> Lexicon.default().count("cəmiyyətinin") > 1000
        True
        """
        i = self._position(form)
        return 0 if i is None else int(self._counts[i])

    def log_prob(self, form: str) -> float:
        """Natural-log unigram probability; unknown forms get ``log(0.5 / total)``.

        >>> tiny = Lexicon(["a", "b"], [3, 1])
        >>> round(tiny.log_prob("a"), 3), round(tiny.log_prob("zz"), 3)
        (-0.288, -2.079)
        """
        return math.log(max(self.count(form), 0.5) / self._total)

    def cap_share(self, form: str) -> float:
        """Share (0–1) of capitalised attestations of ``form``; 0.0 when unknown.

        >>> Lexicon.default().cap_share("əliyev") > 0.5 > Lexicon.default().cap_share("və")
        True
        """
        i = self._position(form)
        if i is None or self._caps is None:
            return 0.0
        return float(self._caps[i])

    def with_prefix(self, prefix: str) -> Sequence[str]:
        """All forms starting with ``prefix`` (a slice of :attr:`forms`).

        >>> Lexicon(["ev", "evdə", "evlər", "ək"], [5, 2, 3, 1]).with_prefix("ev")
        ['ev', 'evdə', 'evlər']
        """
        lo = bisect_left(self._forms, prefix)
        hi = bisect_left(self._forms, prefix + "\U0010ffff", lo)
        return self._forms[lo:hi]

    # ------------------------------------------------------------------ stems, bigrams
    def is_stem(self, form: str) -> bool:
        """True when ``form`` is a lemma/stem of the curated dictionaries (stems.txt.gz).

        >>> Lexicon.default().is_stem("ölçül"), Lexicon.default().is_stem("ölçüləbilən")
        (True, False)
        """
        if self._stems is None:
            stems = self._read_gz("stems.txt.gz")
            # Verbs are listed as infinitives (yanaşmaq, xərcləmək); their roots take the suffixes.
            roots = [s[:-3] for s in stems if len(s) >= 6 and s.endswith(("maq", "mək"))]
            self._stems = frozenset(stems + roots)
        return form in self._stems

    def bigram(self, w1: str, w2: str) -> int:
        """Number of attestations of the pair ``w1 w2`` (0 when unseen).

        >>> Lexicon.default().bigram("ilham", "əliyev") > 0
        True
        """
        if self._bigrams is None:
            table: dict[str, int] = {}
            for line in self._read_gz("bigrams.tsv.gz"):
                a, b, n = line.split("\t")
                table[a + " " + b] = int(n)
            self._bigrams = table
        return self._bigrams.get(w1 + " " + w2, 0)

    def compound(self, form: str) -> int:
        """Count of a hyphenated form (compounds.tsv.gz; 0 when not listed).

        >>> Lexicon.default().compound("şimal-şərq") > 0, Lexicon.default().compound("a-zz")
        (True, 0)
        """
        if self._compounds is None:
            table: dict[str, int] = {}
            for line in self._read_gz("compounds.tsv.gz"):
                hyphenated, _, n = line.partition("\t")
                if n:
                    table[hyphenated] = int(n)
            self._compounds = table
        return self._compounds.get(form, 0)

    def shadow_twin(self, form: str) -> str | None:
        """The form a removed garbled/de-accented shadow is an image of (shadows.tsv.gz).

        >>> Lexicon.default().shadow_twin("azarbaycan"), Lexicon.default().shadow_twin("və")
        ('azərbaycan', None)
        """
        if self._shadows is None:
            table: dict[str, str] = {}
            for line in self._read_gz("shadows.tsv.gz"):
                shadow, twin = line.split("\t", 2)[:2]
                table[shadow] = twin
            self._shadows = table
        return self._shadows.get(form)

    def _read_gz(self, name: str) -> list[str]:
        if self._source is None:
            return []
        raw = gzip.decompress(self._source.joinpath(name).read_bytes()).decode("utf-8")
        return [line for line in raw.split("\n") if line]


class _Percent(Sequence[float]):
    """Read-only view of a bytes object of percentages as floats 0.0–1.0."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def __len__(self) -> int:
        return len(self._data)

    def __getitem__(self, i: int) -> float:  # type: ignore[override]
        return self._data[i] / 100
