"""The one-call functions: :func:`fix` and :func:`explain`.

>>> fix("Milli Moaclisdo votondas comiyyotinin")
'Milli Məclisdə vətəndaş cəmiyyətinin'
>>> [(c.before, c.after) for c in explain("ilo bagh")]
[('ilo', 'ilə'), ('bagh', 'bağlı')]
"""

from __future__ import annotations

from az_ocrfix.changes import Change
from az_ocrfix.config import FixConfig
from az_ocrfix.corrector import Corrector

__all__ = ["explain", "fix"]


def _corrector(config: FixConfig | None) -> Corrector:
    if config is None or config == FixConfig():
        return Corrector.default()
    return Corrector(config)


def fix(text: str, config: FixConfig | None = None) -> str:
    """Repair OCR-garbled Azerbaijani text: layout, diacritics, glyph confusions, case.

    Correct Azerbaijani, numbers, URLs and foreign words are left alone.

    >>> fix("Azarbaycan Respublikasinin Konstitusiyasinda")
    'Azərbaycan Respublikasının Konstitusiyasında'
    >>> fix("Azərbaycan Respublikası")
    'Azərbaycan Respublikası'
    """
    return _corrector(config).fix_document(text).text


def explain(text: str, config: FixConfig | None = None) -> list[Change]:
    """Every change :func:`fix` would make, with span, before, after, confidence and reason.

    >>> ch = explain("yiiksok")[0]
    >>> (ch.start, ch.end, ch.before, ch.after, ch.reason)
    (0, 7, 'yiiksok', 'yüksək', 'channel')
    """
    return _corrector(config).fix_document(text).changes
