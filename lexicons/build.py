"""Build the shipped Azerbaijani lexicon from the permissive sources in ``../shared/corpora``.

Run from the repository root::

    .venv/bin/python lexicons/build.py [--shared ../shared] [--tessdata DIR] [--out lexicons]

Outputs (in ``--out``): ``words.tsv.gz`` (form, count, capital share), ``stems.txt.gz``,
``bigrams.tsv.gz``, ``compounds.txt.gz``, ``shadows.tsv.gz`` (the removed garbled/de-accented
forms with their diacritized twin), ``suffixes.txt`` and ``build_stats.txt`` (the figures quoted
in README.md).  Only stdlib, ``regex`` and ``az_ocrfix.alphabet`` are used.

The steps are small functions so that the tests can feed them synthetic input:

>>> clean_token("Azәrbaycan,")
('azərbaycan', 'title')
>>> is_image("ilo", "ilə"), is_image("yiiksok", "yüksək"), is_image("ilə", "ilo")
(1, 2, 0)
"""

from __future__ import annotations

import argparse
import array
import collections
import gzip
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from az_ocrfix.alphabet import LOWER_LETTERS, VOWELS, lower

# --------------------------------------------------------------------------- cleaning

LETTER_SET = frozenset(LOWER_LETTERS)
#: Characters that are not NFKC-decomposable but stand for Azerbaijani letters.
LOOKALIKES = {
    "\ue003": "ct",  # private-use ligature in tesseract's langdata
    "\u04d9": "ə",  # Cyrillic schwa
    "\u04d8": "Ə",
    "\u0259": "ə",
    "\u018f": "Ə",
    "\u01dd": "ə",  # turned e
}
#: Cyrillic homoglyphs, mapped only inside tokens that also contain Latin letters.
CYRILLIC_HOMOGLYPHS = str.maketrans("аеорсхуіјАЕОРСХУІЈКМТВН", "aeopcxyijAEOPCXYIJKMTBH")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
#: Apostrophes and quotes that attach a suffix to a name: Report"a, Semaşko”nun.
_SUFFIX_MARK = re.compile("[\"'’”“`´]")
_EDGE_JUNK = re.compile(r"^[\W_]+|[\W_]+$")


def normalize_text(raw: str) -> str:
    """NFKC, ligature repair and lookalike letters to the Azerbaijani Latin ones.

    >>> normalize_text("iﬆifadə \\ue003 Azәrbaycan")
    'istifadə ct Azərbaycan'
    """
    for bad, good in LOOKALIKES.items():
        if bad in raw:
            raw = raw.replace(bad, good)
    text = unicodedata.normalize("NFKC", raw)
    text = text.replace("i\u0307", "i").replace("I\u0307", "İ")
    if _CYRILLIC.search(text) and _LATIN.search(text):
        text = text.translate(CYRILLIC_HOMOGLYPHS)
    return text


def case_of(token: str) -> str:
    """Classify a token's capitalisation: 'lower', 'title', 'upper' or 'mixed'.

    >>> [case_of(w) for w in ("bakı", "Bakı", "BAKI", "McDonald", "B")]
    ['lower', 'title', 'upper', 'mixed', 'title']
    """
    letters = [c for c in token if c.isalpha()]
    if not letters or all(c.islower() for c in letters):
        return "lower"
    if letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return "title"
    if all(c.isupper() for c in letters):
        return "upper"
    return "mixed"


def clean_token(raw: str, keep_hyphen: bool = False) -> tuple[str, str] | None:
    """Clean one list entry; return ``(lowercase form, case)`` or None to drop it.

    Edge punctuation is stripped, a suffix after an apostrophe/quote is cut off
    (``Nar”ın`` → ``nar``), entries with digits, foreign letters or inner punctuation
    are dropped.  With ``keep_hyphen`` a single inner hyphen between letters is kept
    (compounds such as ``qeyri-hökumət``).

    >>> clean_token("ki,"), clean_token("Nar”ın"), clean_token("İSTİQLAL")
    (('ki', 'lower'), ('nar', 'title'), ('istiqlal', 'upper'))
    >>> clean_token("2005-ci") is None, clean_token("week") is None, clean_token("ab-hava")
    (True, True, None)
    >>> clean_token("ISBN") is None, clean_token("IŞIQ") is None, clean_token("İŞIQ")
    (True, True, None)
    >>> clean_token("ab-hava", keep_hyphen=True)
    ('ab-hava', 'lower')
    """
    text = _EDGE_JUNK.sub("", normalize_text(raw.strip()))
    if not text:
        return None
    mark = _SUFFIX_MARK.search(text)
    if mark and mark.start() > 0:
        text = _EDGE_JUNK.sub("", text[: mark.start()])
    if not text:
        return None
    case = case_of(text)
    if case == "upper" and "I" in text and len(text) > 1:
        return None  # ISBN, XXXI, IT: an all-caps I is ı in Azerbaijani words, i in acronyms
    form = lower(text)
    if all(c in LETTER_SET for c in form):
        return form, case
    if keep_hyphen and form.count("-") >= 1:
        parts = form.split("-")
        if all(p and all(c in LETTER_SET for c in p) for p in parts):
            return form, case
    return None


# --------------------------------------------------------------------------- shadows

#: What an English OCR model or a de-accenting writer makes of each letter.
IMAGES: dict[str, tuple[str, ...]] = {
    "ə": ("a", "o", "e", "s"),
    "ı": ("i",),
    "ü": ("u", "ii"),
    "ö": ("o",),
    "ş": ("s", "g", "sh"),
    "ç": ("c", "g", "ch"),
    "ğ": ("g", "gh"),
    "q": ("g",),
}
_FOLD_KEY = str.maketrans(
    {**dict.fromkeys("əaoeöşsçcğgq", "a"), "ı": "i", "ü": "ii", "u": "ii", "h": None}
)


def fold_key(form: str) -> str:
    """A lossy key shared by a form and all its OCR/de-accent images.

    Every letter maps to the class of all its images (ü, u → ii; h is dropped so
    that the ASCII digraphs sh, ch, gh fold like ş, ç, ğ).

    >>> fold_key("yüksək") == fold_key("yiiksok") == fold_key("yuksek")
    True
    >>> fold_key("qəbul") == fold_key("gəbul"), fold_key("düşmək") == fold_key("dushmek")
    (True, True)
    """
    return form.translate(_FOLD_KEY)


def is_image(shadow: str, twin: str) -> int:
    """Fewest letters of ``twin`` garbled to give ``shadow`` by :data:`IMAGES` (0: not an image).

    >>> is_image("azarbaycan", "azərbaycan"), is_image("olkə", "ölkə"), is_image("ana", "ona")
    (1, 1, 0)
    >>> is_image("dushmek", "düşmək"), is_image("ishal", "ishal")
    (3, 0)
    """
    best: dict[int, int] = {0: 0}  # position in shadow -> fewest changes so far
    for t in twin:
        nxt: dict[int, int] = {}
        for j, changes in best.items():
            if shadow.startswith(t, j) and nxt.get(j + 1, 99) > changes:
                nxt[j + 1] = changes
            for out in IMAGES.get(t, ()):
                k = j + len(out)
                if shadow.startswith(out, j) and nxt.get(k, 99) > changes + 1:
                    nxt[k] = changes + 1
        if not nxt:
            return 0
        best = nxt
    return best.get(len(shadow), 0)


def shadow_ratio(form: str, changes: int, protected: bool = False) -> float:
    """How many times more frequent a twin must be to make ``form`` its shadow.

    Short strings coincide with real words by chance, so they need a larger ratio;
    each further garbled letter makes a chance coincidence less likely (the ratio is
    divided by the number of changes, at most 4).  Protected forms (attested in a
    curated dictionary, or a name beside a common word) need a 20 times larger ratio.

    >>> shadow_ratio("is", 1), shadow_ratio("is", 1, protected=True)
    (500.0, 10000.0)
    >>> shadow_ratio("azarbaycan", 1), shadow_ratio("yiiksok", 2)
    (8.0, 4.0)
    """
    n = len(form)
    base = 500.0 if n <= 2 else 150.0 if n == 3 else 30.0 if n == 4 else 8.0
    return base / min(max(changes, 1), 4) * (20.0 if protected else 1.0)


def find_shadows(
    counts: dict[str, float],
    attested: Iterable[str] = (),
    caps: dict[str, float] | None = None,
    names: Iterable[str] = (),
) -> dict[str, tuple[str, int]]:
    """Map each shadow form to ``(twin, changed letters)``.

    A form f is a shadow when another form g has f among its images and
    ``count(g) >= shadow_ratio(f, changes, protected) * count(f)``; f is protected
    when it is in ``attested`` or when it is one of ``names``, mostly capitalised
    (``caps`` ≥ 0.7) while g is mostly not (≤ 0.3): a foreign name (Deniz), not a
    garbled common word (dəniz).

    >>> find_shadows({"və": 1e6, "ve": 900, "ilə": 5e5, "ilo": 3, "in": 1e5, "ən": 9e5})
    {'ve': ('və', 1), 'ilo': ('ilə', 1)}
    >>> counts, caps = {"dəniz": 7e4, "deniz": 800}, {"deniz": 0.9, "dəniz": 0.1}
    >>> find_shadows(counts, caps=caps), find_shadows(counts, caps=caps, names=["deniz"])
    ({'deniz': ('dəniz', 1)}, {})
    """
    attested_set = set(attested)
    name_set = set(names)
    cap = caps or {}
    found: dict[str, tuple[str, int]] = {}
    for f, commoner in rivals(counts, fold_key):
        floor = shadow_ratio(f, 4) * counts[f]
        for g in commoner:
            if counts[g] < floor:
                break
            changes = is_image(f, g)
            if not changes:
                continue
            protected = f in attested_set or (
                f in name_set and cap.get(f, 0.0) >= 0.7 >= cap.get(g, 0.0) + 0.4
            )
            if counts[g] >= shadow_ratio(f, changes, protected) * counts[f]:
                found[f] = (g, changes)
                break
    return found


def rivals(counts: dict[str, float], key: Callable[[str], str]) -> Iterator[tuple[str, list[str]]]:
    """Each form that shares ``key`` with another, and the forms of its group that come
    before it (more frequent, then alphabetical), most frequent first.

    >>> [(f, c) for f, c in rivals({"və": 9, "ve": 2, "ilə": 5}, lambda w: w.replace("ə", "e"))]
    [('və', []), ('ve', ['və'])]
    """
    groups: dict[str, list[str]] = collections.defaultdict(list)
    for form in counts:
        groups[key(form)].append(form)
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda w: (-counts[w], w))
        for k, f in enumerate(members):
            yield f, members[:k]


#: De-accenting that the first syllable cannot explain: ə written e, ı written i.
LATE_SWAPS = frozenset({("ə", "e"), ("ı", "i")})
#: How many times more frequent the accented twin must be (protected forms: 20 times more)
#: when a late i stands for ı: many Arabic-Persian adjectives end in a real -i beside the
#: accusative -ı of their noun (insani/insanı, mali/malı, adi/adı).
LATE_RATIO = 2.0
#: The same when every late swap is e for ə: no suffix and no native syllable past the
#: first is written with e, so a twin as frequent as the form outweighs chance.
LATE_RATIO_E = 1.0


def late_swaps(form: str, twin: str) -> int:
    """Letters where ``form`` has e for ə or i for ı of ``twin`` after its first syllable
    (0 when the two differ in any other way, or in the first syllable).

    Azerbaijani writes e only in the first syllable of native words and in no suffix, and a
    suffix vowel follows the harmony of the stem; so "vermirsen" beside "vermirsən" and
    "aparmir" beside "aparmır" are de-accented copies, while a first-syllable e ("men",
    "sen") may be a word of its own and is left to :func:`find_shadows`.

    >>> late_swaps("vermirsen", "vermirsən"), late_swaps("aparmir", "aparmır")
    (1, 1)
    >>> late_swaps("sen", "sən"), late_swaps("kitab", "kitab"), late_swaps("olsun", "olsün")
    (0, 0, 0)
    """
    if len(form) != len(twin) or form == twin:
        return 0
    first = next((i for i, ch in enumerate(twin) if ch in VOWELS), -1)
    swaps = 0
    for i, (t, f) in enumerate(zip(twin, form, strict=True)):
        if t == f:
            continue
        if (t, f) not in LATE_SWAPS or i <= first:
            return 0
        swaps += 1
    return swaps


def find_late_shadows(
    counts: dict[str, float], attested: Iterable[str] = ()
) -> dict[str, tuple[str, int]]:
    """Forms that are de-accented copies of a twin past the first syllable: a twin
    :data:`LATE_RATIO` times as frequent, or (when every swap is e for ə) one at least
    :data:`LATE_RATIO_E` times as frequent.

    >>> find_late_shadows({"kontekstdən": 1226, "kontekstden": 155, "unıx": 277, "unix": 224})
    {'kontekstden': ('kontekstdən', 1)}
    >>> find_late_shadows({"sifətləri": 410, "sifetleri": 233, "malı": 1900, "mali": 1190})
    {'sifetleri': ('sifətləri', 2)}
    """
    attested_set = set(attested)
    groups: dict[str, list[str]] = collections.defaultdict(list)
    for form in counts:
        groups[form.replace("ə", "e").replace("ı", "i")].append(form)
    found: dict[str, tuple[str, int]] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda w: (-counts[w], w))
        for f in members:
            protect = 20.0 if f in attested_set else 1.0
            for g in members:
                swaps = late_swaps(f, g)
                if not swaps:
                    continue
                only_e = all(t != "ı" or o != "i" for t, o in zip(g, f, strict=True))
                ratio = (LATE_RATIO_E if only_e else LATE_RATIO) * protect
                if counts[g] >= ratio * counts[f]:
                    found[f] = (g, swaps)
                    break
    return found


#: How many times more frequent the single-letter twin of a form with a doubled letter must
#: be to make the form its shadow (protected forms: 20 times more).
DOUBLED_RATIO = 100.0


def find_doubled_shadows(
    counts: dict[str, float], attested: Iterable[str] = ()
) -> dict[str, tuple[str, int]]:
    """Forms with one letter doubled that are typing or OCR slips of a far commoner form
    (artıqq, sonraa, müxtəllif): the twin with the letter single must be at least
    :data:`DOUBLED_RATIO` times as frequent (20 times that if the form is attested in a
    curated list, where a double across a suffix seam is real: kəs-sən, kabel-li).

    >>> find_doubled_shadows({"artıq": 9e5, "artıqq": 80, "əli": 5e5, "əlli": 9e3})
    {'artıqq': ('artıq', 1)}
    """
    attested_set = set(attested)
    found: dict[str, tuple[str, int]] = {}
    for f, n in counts.items():
        ratio = DOUBLED_RATIO * (20.0 if f in attested_set else 1.0)
        for i in range(len(f) - 1):
            if f[i] != f[i + 1] or not f[i].isalpha():
                continue
            g = f[:i] + f[i + 1 :]
            if counts.get(g, 0.0) >= ratio * n:
                found[f] = (g, 1)
                break
    return found


#: How many times more frequent a form with one more letter must be to make a form the
#: letter was dropped from its shadow.  Far above DOUBLED_RATIO: many real words are one
#: letter from a commoner one (alan / alınan); a form attested in a curated list is never
#: such a shadow.
DROPPED_RATIO = 1000.0
#: Shortest form taken for such a shadow at that ratio: short words are one letter apart
#: everywhere.  A shorter one (two letters or more) needs SHORT_DROPPED_RATIO: üçn (3) for
#: üçün (2.1 M), oan (107) for olan (1.5 M), iə (290) for ilə (3.6 M).
MIN_DROPPED_LENGTH = 4
SHORT_DROPPED_RATIO = 10000.0


def find_dropped_shadows(
    counts: dict[str, float], attested: Iterable[str] = ()
) -> dict[str, tuple[str, int]]:
    """Forms that are a far commoner form with one letter dropped, typing or OCR slips
    (müllif, halarda, diqqt, nazilər): the fuller twin must be at least
    :data:`DROPPED_RATIO` times as frequent (:data:`SHORT_DROPPED_RATIO` for a form shorter
    than :data:`MIN_DROPPED_LENGTH`), and the form attested in no curated list.
    Listed, such a slip is the reading of every print of its twin that lost the letter.

    >>> counts = {"müəllif": 4e4, "müllif": 3, "yaratmaq": 4e4, "yaramaq": 2,
    ...           "üçün": 2e6, "üçn": 3, "olan": 2e6, "ola": 9e5}
    >>> find_dropped_shadows(counts, attested=["yaramaq"])
    {'müllif': ('müəllif', 1), 'üçn': ('üçün', 1)}
    """
    attested_set = set(attested)
    found: dict[str, tuple[str, int]] = {}
    for g, n in counts.items():
        ratio = DROPPED_RATIO if len(g) > MIN_DROPPED_LENGTH else SHORT_DROPPED_RATIO
        if n < ratio or len(g) < 3:
            continue
        for i in range(len(g)):
            f = g[:i] + g[i + 1 :]
            if f in found or f in attested_set or f not in counts:
                continue
            if n >= ratio * counts[f]:
                found[f] = (g, 1)
    return found


#: Turkish progressive -(I)yor with its endings (Azerbaijani: -Ir) and the Turkish
#: infinitive -mAk(tA) (Azerbaijani: -maq/-mək).
_TURKISH_ENDINGS = re.compile(
    "[ıiuü]yor(?:um|sun|uz|sunuz|lar|du|dum|dun|duk|dunuz|lardı|muş|mu|ken|sa)?$"
    "|m(?:ek|ak)(?:te|ta)?$"
)


def looks_turkish(form: str) -> bool:
    """Cheap detector for Turkish-only forms that creep into web-crawled lists.

    >>> looks_turkish("geliyor"), looks_turkish("istiyorum"), looks_turkish("yorğun")
    (True, True, False)
    >>> looks_turkish("yapmak"), looks_turkish("gəlmək"), looks_turkish("almaq")
    (True, False, False)
    """
    return bool(_TURKISH_ENDINGS.search(form))


# --------------------------------------------------------------------------- hunspell


@dataclass
class AffixRule:
    """One hunspell SFX line: strip ``strip``, append ``add`` when ``cond`` matches."""

    strip: str
    add: str
    cond: re.Pattern[str]
    cont: tuple[str, ...] = ()


def parse_aff(lines: Iterable[str]) -> dict[str, list[AffixRule]]:
    """Parse the SFX rules of a hunspell .aff file with ``FLAG long``.

    >>> rules = parse_aff(["SFX N1 Y 2", "SFX N1 0 lar .", "SFX N1 q ğa q"])
    >>> [(r.strip, r.add) for r in rules["N1"]]
    [('', 'lar'), ('q', 'ğa')]
    """
    rules: dict[str, list[AffixRule]] = collections.defaultdict(list)
    for line in lines:
        parts = line.split("#", 1)[0].split()
        if len(parts) < 5 or parts[0] != "SFX":
            continue
        _, flag, strip, add, cond = parts[:5]
        add, _, cont = add.partition("/")
        strip = "" if strip == "0" else strip
        add = "" if add == "0" else add
        pattern = re.compile("(?:" + ("" if cond == "." else cond) + ")$")
        rules[flag].append(AffixRule(strip, add, pattern, tuple(_split_flags(cont))))
    return dict(rules)


def _split_flags(flags: str) -> list[str]:
    return [flags[i : i + 2] for i in range(0, len(flags) - 1, 2)]


def expand_hunspell(stem: str, flags: str, rules: dict[str, list[AffixRule]]) -> set[str]:
    """All forms generated from one .dic entry (one level of continuation flags).

    >>> rules = parse_aff(["SFX N1 Y 2", "SFX N1 0 lar .", "SFX N1 q ğa q"])
    >>> sorted(expand_hunspell("bayraq", "N1", rules))
    ['bayraq', 'bayraqlar', 'bayrağa']
    """
    out = {stem}
    todo = [(stem, f) for f in _split_flags(flags)]
    depth = 0
    while todo and depth < 2:
        nxt: list[tuple[str, str]] = []
        for word, flag in todo:
            harmonize = flag not in rules
            for rule in rules.get(flag) or harmonized_rules(flag, rules):
                if rule.strip and not word.endswith(rule.strip):
                    continue
                if not rule.cond.search(word):
                    continue
                base = word[: len(word) - len(rule.strip)]
                new = apply_template(base, _template_of(rule.add)) if harmonize else base + rule.add
                out.add(new)
                nxt.extend((new, c) for c in rule.cont)
        todo, depth = nxt, depth + 1
    return out


def harmonized_rules(flag: str, rules: dict[str, list[AffixRule]]) -> list[AffixRule]:
    """Rules for a flag the .aff file does not define (az.dic uses N3, O4, A1, J2, ...).

    The flag's letter gives the part of speech (V, E: verb; else nominal) and its digit
    the harmony class; the suffixes of the defined V1/E2 (verbs) or N1/O2 (nominals)
    rules are re-harmonized to the stem by :func:`expand_hunspell`, their conditions
    widened to rounded vowels.

    >>> rules = parse_aff(["SFX N1 Y 1", "SFX N1 0 ın [^aı]"])
    >>> sorted(expand_hunspell("dost", "N3", rules))
    ['dost', 'dostun']
    """
    if len(flag) != 2 or not flag[1].isdigit():
        return []
    back = flag[1] in "13"
    if flag[0] in "VE":
        base = rules.get("V1" if back else "E2", [])
    else:
        base = rules.get("N1" if back else "O2", [])
    out = []
    for rule in base:
        cond = rule.cond.pattern.replace("aı", "aıou").replace("eəi", "eəiöü")
        out.append(AffixRule(rule.strip, rule.add, re.compile(cond), ()))
    return out


def _template_of(suffix: str) -> str:
    """Turn a literal suffix into a harmony template: ları → lArI, acaq → AcAQ."""
    tpl = suffix.translate(str.maketrans("aəıiuü", "AAIIII"))
    return re.sub("(?<=A)[qk]$", "Q", tpl)


# --------------------------------------------------------------------------- verb forms

_HARMONY_A = {v: ("a" if v in "aıou" else "ə") for v in "aıoueəiöü"}
_HARMONY_I = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "ə": "i", "i": "i", "ö": "ü"}
_HARMONY_I["ü"] = "ü"


def apply_template(stem: str, template: str) -> str:
    """Attach a suffix template with vowel harmony: A = a/ə, I = ı/i/u/ü, Q = q/k, (y) buffer.

    >>> apply_template("ölçül", "(y)AbilAn"), apply_template("oxu", "(y)AcAQ")
    ('ölçüləbilən', 'oxuyacaq')
    >>> apply_template("gör", "(y)Ib"), apply_template("bil", "mAQ")
    ('görüb', 'bilmək')
    """
    word = stem
    rest = template
    if rest.startswith("(y)"):
        rest = rest[3:]
        if word[-1:] in VOWELS:
            word += "y"
    for ch in rest:
        last = next((c for c in reversed(word) if c in VOWELS), "a")
        if ch == "A":
            word += _HARMONY_A[last]
        elif ch == "I":
            word += _HARMONY_I[last]
        elif ch == "Q":
            word += "q" if _HARMONY_A[last] == "a" else "k"
        else:
            word += ch
    return word


def read_templates(path: Path) -> list[str]:
    """Suffix templates, one per line, ``#`` comments ignored."""
    return [t for t in (line.split("#", 1)[0].strip() for line in read_lines(path)) if t]


def verb_stems(hunspell: Iterable[str], dict_lines: Iterable[str], words: set[str]) -> set[str]:
    """Verb stems of the curated lists.

    From hunspell entries with a verb flag (V*, E*), az-lang-nlp dict.txt entries
    tagged V, and dictionary headwords w whose verbal noun w+mA is also a headword.

    >>> sorted(verb_stems(["gəl/E2", "ev/O2"], ["Vyaz", "Nev"], {"ölç", "ölçmə", "ev"}))
    ['gəl', 'yaz', 'ölç']
    """
    out: set[str] = set()
    for entry in hunspell:
        stem, _, flags = entry.partition("/")
        if any(f[:1] in ("V", "E") for f in _split_flags(flags)):
            out.add(lower(stem))
    out.update(lower(line[1:]) for line in dict_lines if line.startswith("V"))
    out.update(w for w in words if len(w) >= 2 and (w + "mə" in words or w + "ma" in words))
    return {w for w in out if w and all(c in LETTER_SET for c in w)}


# --------------------------------------------------------------------------- sources


@dataclass
class Evidence:
    """Everything the sources say about one lowercase form."""

    counts: dict[str, float] = field(default_factory=dict)  # source -> count on common scale
    lists: set[str] = field(default_factory=set)  # list-only sources attesting the form
    case: dict[str, float] = field(default_factory=lambda: collections.defaultdict(float))


FREQ_SOURCES = ("localdoc", "spellfreq", "tess-wordlist")
#: Curated dictionary-type sources (lemmas with diacritics): shadow protection, stems.
CURATED = ("hunspell", "stemmer-words", "nltkaz", "azlangnlp-dict")
#: Floor counts (on the final scale) for forms known only from lists.
FLOORS = {
    "hunspell": 4,
    "stemmer-words": 4,
    "nltkaz": 4,
    "azlangnlp-dict": 4,
    "tess-dawg": 3,
    "names": 2,
    "azelexicon": 2,
    "hunspell-forms": 1,
    "verb-forms": 1,
}


def read_lines(path: Path) -> Iterator[str]:
    """Lines of a UTF-8 file without BOM and line ends."""
    with open(path, encoding="utf-8-sig", errors="replace") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            if line.strip():
                yield line


def read_counts(path: Path) -> Iterator[tuple[str, int]]:
    """``word count`` lines."""
    for line in read_lines(path):
        parts = line.split()
        if len(parts) == 2 and parts[1].isdigit():
            yield parts[0], int(parts[1])


def rank_count(rank: int, by_rank: list[int]) -> float:
    """Estimate a count for a 1-based frequency rank from a reference list's counts.

    Ranks inside the reference take the reference count at the same rank; beyond
    it Zipf's law (count ∝ 1/rank) continues from the last entry.

    >>> rank_count(2, [900, 450, 300]), rank_count(6, [900, 450, 300])
    (450.0, 150.0)
    """
    if rank <= len(by_rank):
        return float(by_rank[rank - 1])
    return by_rank[-1] * len(by_rank) / rank


def extract_dawg_words(tessdata: Path) -> list[str]:
    """Unpack ``aze.traineddata`` in a temp dir and list its LSTM word dawg."""
    traineddata = tessdata / "aze.traineddata"
    with tempfile.TemporaryDirectory() as tmp:
        prefix = os.path.join(tmp, "aze.")
        subprocess.run(
            ["combine_tessdata", "-u", str(traineddata), prefix], check=True, capture_output=True
        )
        out = os.path.join(tmp, "dawg.txt")
        subprocess.run(
            ["dawg2wordlist", prefix + "lstm-unicharset", prefix + "lstm-word-dawg", out],
            check=True,
            capture_output=True,
        )
        return list(read_lines(Path(out)))


@dataclass
class Collected:
    """Cleaned evidence of all sources."""

    forms: dict[str, Evidence]
    stems: set[str]
    compounds: dict[str, Evidence]
    raw_bigrams: list[tuple[str, str]]
    suffixes: list[str]
    stats: dict[str, int]


def collect(shared: Path, tessdata: Path, log: bool = True) -> Collected:
    """Read and clean every source into per-form evidence."""
    corp = shared / "corpora"
    forms: dict[str, Evidence] = collections.defaultdict(Evidence)
    compounds: dict[str, Evidence] = collections.defaultdict(Evidence)
    stems: set[str] = set()
    stats: collections.Counter[str] = collections.Counter()

    def note(msg: str) -> None:
        if log:
            print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr)

    def add_list(source: str, entries: Iterable[str], stem_source: bool = False) -> None:
        for raw in entries:
            stats[f"{source}.raw"] += 1
            got = clean_token(raw, keep_hyphen=True)
            if got is None:
                stats[f"{source}.dropped"] += 1
                continue
            form, case = got
            ev = (compounds if "-" in form else forms)[form]
            ev.lists.add(source)
            if case in ("lower", "title"):
                ev.case[case] += 1
            if stem_source and "-" not in form:
                stems.add(form)

    # 1. LocalDoc symspell 80k: the reference frequency scale.
    localdoc: dict[str, int] = collections.Counter()
    for raw, n in read_counts(corp / "localdoc-symspell-freq80k/frequency_dictionary_az_80k.txt"):
        stats["localdoc.raw"] += 1
        got = clean_token(raw, keep_hyphen=True)
        if got is None:
            stats["localdoc.dropped"] += 1
        elif "-" in got[0]:
            compounds[got[0]].counts["localdoc"] = float(n)
        else:
            localdoc[got[0]] += n
    ld_total = sum(localdoc.values())
    ld_min = min(localdoc.values())
    for form, n in localdoc.items():
        forms[form].counts["localdoc"] = float(n)
    note(f"localdoc: {len(localdoc)} forms, {ld_total} tokens")

    # 2. az-lang-nlp spell_freq (stem-inflated counts) rescaled to the localdoc scale.
    spell: dict[str, int] = collections.Counter()
    for raw, n in read_counts(corp / "azlangnlp-spellfreq/spell_freq.txt"):
        stats["spellfreq.raw"] += 1
        got = clean_token(raw)
        if got is None:
            stats["spellfreq.dropped"] += 1
            continue
        spell[got[0]] += n
    scale = ld_total / sum(spell.values())
    for form, n in spell.items():
        forms[form].counts["spellfreq"] = n * scale
    note(f"spellfreq: {len(spell)} forms, scale x{scale:.2f}")

    # 3. tesseract langdata wordlist: frequency ordered, counts by rank matching on localdoc.
    ranked: list[tuple[str, str]] = []
    for raw in read_lines(corp / "tesseract-langdata-aze/aze.wordlist"):
        stats["tess-wordlist.raw"] += 1
        got = clean_token(raw, keep_hyphen=True)
        if got is None:
            stats["tess-wordlist.dropped"] += 1
            continue
        ranked.append(got)
    by_rank = sorted(localdoc.values(), reverse=True)
    for rank, (form, case) in enumerate(ranked, 1):
        est = rank_count(rank, by_rank)
        ev = (compounds if "-" in form else forms)[form]
        ev.counts["tess-wordlist"] = ev.counts.get("tess-wordlist", 0.0) + est
        if case in ("lower", "title"):
            ev.case[case] += 4 * est  # running-text evidence weighs more than list presence
    # 4. tesseract aze.traineddata word dawg.
    add_list("tess-dawg", extract_dawg_words(tessdata))
    note("dawg done")

    # 5. curated lemma lists.
    dic = list(read_lines(corp / "mozillaz-hunspell-az/az.dic"))[1:]
    rules = parse_aff(read_lines(corp / "mozillaz-hunspell-az/az.aff"))
    generated: list[str] = []
    stems_hun: list[str] = []
    for entry in dic:
        stem, _, flags = entry.partition("/")
        stems_hun.append(stem)
        generated.extend(f for f in expand_hunspell(stem, flags, rules) if f != stem)
    add_list("hunspell", stems_hun, stem_source=True)
    add_list("hunspell-forms", generated)
    stats["hunspell-forms.generated"] = len(generated)
    add_list("stemmer-words", read_lines(corp / "aznlp-stemmer-lexicon/words.txt"), True)
    add_list("nltkaz", read_lines(corp / "nltkaz-pypi/azwords.txt"), True)
    dict_entries_v = list(read_lines(corp / "azlangnlp-spellfreq/dict.txt"))
    dict_entries = [line[1:] for line in dict_entries_v]
    add_list("azlangnlp-dict", dict_entries, stem_source=True)
    verbs = verb_stems(
        dic, dict_entries_v, set(read_lines(corp / "aznlp-stemmer-lexicon/words.txt"))
    )
    templates = read_templates(Path(__file__).resolve().parent / "verb_suffixes.txt")
    add_list("verb-forms", (apply_template(v, t) for v in sorted(verbs) for t in templates))
    stats["verb-stems"] = len(verbs)
    names = list(read_lines(corp / "aznlp-stemmer-lexicon/names.csv"))[1:]
    add_list("names", names)
    aze_words = []
    for line in read_lines(corp / "azelexicon-words/words.txt"):
        line = re.sub(r"\(.*?\)", " ", line).strip()
        if line and " " not in line:
            aze_words.append(line)
        else:
            stats["azelexicon.multiword"] += 1
    add_list("azelexicon", aze_words)
    note(f"lists done, {len(forms)} forms")

    raw_bigrams: list[tuple[str, str]] = []
    for line in read_lines(corp / "tesseract-langdata-aze/aze.word.bigrams"):
        parts = line.split()
        stats["bigrams.raw"] += 1
        if len(parts) != 2:
            continue
        a1, a2 = clean_token(parts[0]), clean_token(parts[1])
        if a1 and a2:
            raw_bigrams.append((a1[0], a2[0]))
    suffixes = []
    for line in read_lines(corp / "aznlp-stemmer-lexicon/suffix.txt"):
        got = clean_token(line)
        if got and got[0] not in suffixes:
            suffixes.append(got[0])
    stats["localdoc.min"] = ld_min
    return Collected(dict(forms), stems, dict(compounds), raw_bigrams, suffixes, dict(stats))


# --------------------------------------------------------------------------- merging


def merge_count(ev: Evidence, ld_min: float) -> float:
    """One count on the localdoc scale from a form's evidence (0 if only list-attested).

    LocalDoc is authoritative when present.  Otherwise the geometric mean of the other
    frequency estimates, compressed above LocalDoc's smallest count (LocalDoc is a
    top-80k list, so a form missing from it should be rarer than its last entry).

    >>> merge_count(Evidence(counts={"localdoc": 500.0, "spellfreq": 9e4}), 400)
    500.0
    >>> merge_count(Evidence(counts={"spellfreq": 100.0, "tess-wordlist": 400.0}), 400)
    200.0
    >>> merge_count(Evidence(counts={"spellfreq": 6400.0}), 400)
    800.0
    """
    if "localdoc" in ev.counts:
        return ev.counts["localdoc"]
    vals = [v for k, v in ev.counts.items() if v > 0]
    if not vals:
        return 0.0
    gm = math.exp(statistics.fmean(math.log(v) for v in vals))
    if gm > ld_min:  # compress, keeping the order: ld_min * (gm / ld_min) ** 0.25
        gm = ld_min * (gm / ld_min) ** 0.25
    return round(gm, 6)


def cap_share(ev: Evidence) -> float:
    """Share of capitalised attestations (title case; all-caps carries no information).

    >>> cap_share(Evidence(case={"title": 3.0, "lower": 1.0}))
    0.75
    """
    title, low = ev.case.get("title", 0.0), ev.case.get("lower", 0.0)
    return title / (title + low) if title + low else 0.0


@dataclass
class Built:
    """The merged lexicon before writing."""

    counts: dict[str, int]
    caps: dict[str, float]
    shadows: dict[str, tuple[str, int]]
    shadow_counts: dict[str, int]
    compounds: dict[str, int]
    stats: dict[str, int]


def undot_capital_i(forms: dict[str, Evidence]) -> int:
    """Move forms seen only capitalized with a dotless initial (``Istifadə``, ``Illinois``,
    lowercased by the rules to ıstifadə, ıllinois) to the dotted form: web text types İ as I,
    foreign words start with I, and a word that really starts with ı (ışıq, ıslaq) is seen in
    lowercase too.  Returns how many forms moved.

    >>> fs = {"ıstifadə": Evidence({"localdoc": 5.0}, case=collections.defaultdict(
    ...     float, title=5.0)), "ışıq": Evidence({"localdoc": 9.0}, case=collections.defaultdict(
    ...     float, title=1.0, lower=8.0))}
    >>> undot_capital_i(fs), sorted(fs)
    (1, ['istifadə', 'ışıq'])
    """
    moved = [
        f for f, ev in forms.items() if f[:1] == "ı" and ev.case["title"] and not ev.case["lower"]
    ]
    for form in moved:
        ev = forms.pop(form)
        twin = forms.setdefault("i" + form[1:], Evidence())
        for source, n in ev.counts.items():
            twin.counts[source] = twin.counts.get(source, 0.0) + n
        twin.lists |= ev.lists
        for case, n in ev.case.items():
            twin.case[case] += n
    return len(moved)


def build(col: Collected, target_top: float = 1e7) -> Built:
    """Merge counts, apply floors, remove shadows and rescale so the top form ≈ ``target_top``."""
    col.stats["undotted_capital_i"] = undot_capital_i(col.forms)
    ld_min = float(col.stats["localdoc.min"])
    raw: dict[str, float] = {}
    for form, ev in col.forms.items():
        raw[form] = merge_count(ev, ld_min)
    top = max(raw.values())
    factor = target_top / top
    counts: dict[str, float] = {}
    for form, ev in col.forms.items():
        floor = max((FLOORS.get(s, 0) for s in ev.lists), default=0)
        if ev.lists == {"hunspell-forms"} and not ev.counts:
            continue  # generated but attested nowhere else: left to the morphology analyser
        counts[form] = max(raw[form] * factor, float(floor), 1.0)
    attested = {f for f, ev in col.forms.items() if ev.lists & {*CURATED, "hunspell-forms"}}
    turkish = {f for f in counts if looks_turkish(f) and f not in attested}
    for f in turkish:
        del counts[f]
    all_caps = {f: cap_share(col.forms[f]) for f in counts}
    names = {f for f in counts if "names" in col.forms[f].lists}
    shadows = find_shadows(counts, attested, all_caps, names)
    late = {f: t for f, t in find_late_shadows(counts, attested).items() if f not in shadows}
    shadows.update(late)
    doubled = {f: t for f, t in find_doubled_shadows(counts, attested).items() if f not in shadows}
    shadows.update(doubled)
    dropped = {f: t for f, t in find_dropped_shadows(counts, attested).items() if f not in shadows}
    shadows.update(dropped)
    stats = dict(col.stats)
    stats["forms.before_shadows"] = len(counts)
    stats["turkish"] = len(turkish)
    stats["shadows"] = len(shadows)
    stats["shadows.late_syllable"] = len(late)
    stats["shadows.doubled_letter"] = len(doubled)
    stats["shadows.dropped_letter"] = len(dropped)
    stats["shadows.tokens"] = round(sum(counts[f] for f in shadows))
    shadow_counts = {f: round(counts[f]) for f in shadows}
    final = {f: max(1, round(c)) for f, c in counts.items() if f not in shadows}
    caps = {f: round(all_caps[f], 2) for f in final}
    stats["forms"] = len(final)
    stats["tokens"] = sum(final.values())
    for src in (*FREQ_SOURCES, *FLOORS):
        have = [f for f in final if src in col.forms[f].counts or src in col.forms[f].lists]
        only = [
            f
            for f in have
            if len(col.forms[f].counts) + len(col.forms[f].lists) == 1
            or (set(col.forms[f].counts) | col.forms[f].lists) == {src}
        ]
        stats[f"contrib.{src}.forms"] = len(have)
        stats[f"contrib.{src}.only"] = len(only)
        stats[f"shadows.{src}"] = sum(
            1 for f in shadows if src in col.forms[f].counts or src in col.forms[f].lists
        )
    compounds = {
        f: max(1, round(merge_count(ev, ld_min) * factor), *(FLOORS.get(s, 0) for s in ev.lists))
        for f, ev in col.compounds.items()
        if ev.lists != {"hunspell-forms"} or ev.counts
    }
    stats["compounds"] = len(compounds)
    return Built(final, caps, shadows, shadow_counts, compounds, stats)


def bigram_counts(
    pairs: Iterable[tuple[str, str]], words: dict[str, int]
) -> collections.Counter[tuple[str, str]]:
    """Count cleaned bigrams whose two words are both in the final lexicon.

    >>> dict(bigram_counts([("bu", "gün"), ("bu", "gün"), ("ve", "bu")], {"bu": 9, "gün": 3}))
    {('bu', 'gün'): 2}
    """
    out: collections.Counter[tuple[str, str]] = collections.Counter()
    for w1, w2 in pairs:
        if w1 in words and w2 in words:
            out[w1, w2] += 1
    return out


# --------------------------------------------------------------------------- writing


def write_gz(path: Path, lines: Iterable[str]) -> None:
    """Write lines to a reproducible gzip file (no timestamp, no file name)."""
    with (
        open(path, "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz,
    ):
        for line in lines:
            gz.write((line + "\n").encode("utf-8"))


def write_fast_words(out: Path, words: dict[str, int], caps: dict[str, float]) -> None:
    """The fast-loading twin of words.tsv.gz: ``words.txt`` (sorted forms),
    ``words.txt.counts`` (uint32 little-endian) and ``words.txt.caps`` (uint8 percent)."""
    forms = sorted(words)
    (out / "words.txt").write_text("\n".join(forms) + "\n", encoding="utf-8")
    counts = array.array("I", (words[f] for f in forms))
    if sys.byteorder == "big":
        counts.byteswap()
    (out / "words.txt.counts").write_bytes(counts.tobytes())
    (out / "words.txt.caps").write_bytes(bytes(round(caps[f] * 100) for f in forms))


def write_outputs(out: Path, col: Collected, built: Built) -> None:
    """Write every shipped file."""
    words = built.counts
    write_gz(
        out / "words.tsv.gz",
        (f"{f}\t{words[f]}\t{built.caps[f]:.2f}" for f in sorted(words)),
    )
    write_fast_words(out, words, built.caps)
    write_gz(out / "stems.txt.gz", sorted(s for s in col.stems if s not in built.shadows))
    bigrams = bigram_counts(col.raw_bigrams, words)
    write_gz(out / "bigrams.tsv.gz", (f"{a}\t{b}\t{n}" for (a, b), n in sorted(bigrams.items())))
    write_gz(out / "compounds.tsv.gz", (f"{f}\t{n}" for f, n in sorted(built.compounds.items())))
    write_gz(
        out / "shadows.tsv.gz",
        (
            f"{f}\t{g}\t{built.shadow_counts[f]}\t{words.get(g, 0)}\t{k}"
            for f, (g, k) in sorted(built.shadows.items())
        ),
    )
    (out / "suffixes.txt").write_text("\n".join(col.suffixes) + "\n", encoding="utf-8")
    built.stats["bigrams"] = len(bigrams)
    built.stats["stems"] = len(col.stems)
    (out / "build_stats.txt").write_text(
        "".join(f"{k}\t{v}\n" for k, v in sorted(built.stats.items())), encoding="utf-8"
    )


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=here.parent.parent / "shared")
    parser.add_argument(
        "--tessdata", type=Path, default=Path("/usr/share/tesseract-ocr/5/tessdata")
    )
    parser.add_argument("--out", type=Path, default=here)
    args = parser.parse_args(argv)
    if not shutil.which("combine_tessdata") or not shutil.which("dawg2wordlist"):
        parser.error("combine_tessdata and dawg2wordlist (tesseract training tools) are needed")
    args.out.mkdir(parents=True, exist_ok=True)
    col = collect(args.shared, args.tessdata)
    built = build(col)
    write_outputs(args.out, col, built)
    for key in ("forms", "tokens", "shadows", "stems", "bigrams", "compounds"):
        print(f"{key}\t{built.stats[key]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
