"""az-ocrfix: repair OCR-garbled Azerbaijani text and normalize it for search.

>>> from az_ocrfix import fix, lower, upper
>>> upper("istiqlal"), lower("İSTİQLAL IŞIQ")
('İSTİQLAL', 'istiqlal ışıq')
"""

from az_ocrfix.alphabet import capitalize, casefold, lower, title, upper
from az_ocrfix.api import explain, fix
from az_ocrfix.changes import Change
from az_ocrfix.config import FixConfig
from az_ocrfix.corrector import Corrector, FixResult
from az_ocrfix.normalize import normalize
from az_ocrfix.search import search_key, tokens

__all__ = [
    "Change",
    "Corrector",
    "FixConfig",
    "FixResult",
    "capitalize",
    "casefold",
    "explain",
    "fix",
    "lower",
    "normalize",
    "search_key",
    "title",
    "tokens",
    "upper",
]
__version__ = "0.1.0"
