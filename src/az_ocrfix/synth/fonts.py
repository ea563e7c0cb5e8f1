"""Font faces that can render Azerbaijani: every one of the 32 letters, upper and lower case.

Several common faces lack ``ə``/``Ə`` (Debian's fonts-liberation 1.x, Caladea, Nimbus Roman) or
``Ə`` alone (TeX Gyre); they draw a box or nothing, and OCR of a box is not an OCR channel.  So
every face is checked against its cmap before use.

>>> from az_ocrfix.synth.fonts import missing_letters, KNOWN_FACES
>>> face = KNOWN_FACES[0]
>>> face.name, face.style
('dejavu-serif', 'serif')
>>> missing_letters(face.path) if face.path.exists() else set()
set()
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Literal, NamedTuple

from az_ocrfix.alphabet import LOWER_LETTERS, UPPER_LETTERS

__all__ = [
    "FAR_FACES",
    "FONT_DIRS",
    "KNOWN_FACES",
    "REQUIRED_CHARS",
    "STYLE_FACES",
    "WIDE_FACES",
    "Face",
    "available_faces",
    "covers_azerbaijani",
    "face_by_name",
    "missing_letters",
]

Style = Literal["serif", "sans"]

#: Every character a page may contain besides ASCII: the 64 letter forms plus typographic
#: punctuation used by Azerbaijani news text.
REQUIRED_CHARS: frozenset[str] = frozenset(LOWER_LETTERS + UPPER_LETTERS + "—–“”‘’«»")

FONT_DIRS: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype"),
    Path("/usr/share/fonts/opentype"),
)


class Face(NamedTuple):
    """A regular-weight font file with a short stable name used in condition names."""

    name: str
    path: Path
    style: Style


_T = Path("/usr/share/fonts/truetype")

#: Faces known to cover Azerbaijani when installed by ``scripts/setup-system.sh``.
KNOWN_FACES: tuple[Face, ...] = (
    Face("dejavu-serif", _T / "dejavu/DejaVuSerif.ttf", "serif"),
    Face("dejavu-sans", _T / "dejavu/DejaVuSans.ttf", "sans"),
    Face("liberation-serif", _T / "liberation2/LiberationSerif-Regular.ttf", "serif"),
    Face("liberation-sans", _T / "liberation2/LiberationSans-Regular.ttf", "sans"),
    Face("noto-serif", _T / "noto/NotoSerif-Regular.ttf", "serif"),
    Face("noto-sans", _T / "noto/NotoSans-Regular.ttf", "sans"),
    Face("freeserif", _T / "freefont/FreeSerif.ttf", "serif"),
    Face("freesans", _T / "freefont/FreeSans.ttf", "sans"),
    Face("charis", _T / "charis/CharisSIL-Regular.ttf", "serif"),
    Face("gentium", _T / "gentium/Gentium-R.ttf", "serif"),
    Face("ebgaramond", _T / "ebgaramond/EBGaramond12-Regular.ttf", "serif"),
)

#: Bold, italic and condensed faces: styles the channel is never trained on, rendered only to
#: check that the repair generalizes (the ``stress`` pages of ``benchmarks/make_pairs.py``).
STYLE_FACES: tuple[Face, ...] = (
    Face("noto-serif-italic", _T / "noto/NotoSerif-Italic.ttf", "serif"),
    Face("gentium-italic", _T / "gentium/Gentium-I.ttf", "serif"),
    Face("dejavu-sans-bold", _T / "dejavu/DejaVuSans-Bold.ttf", "sans"),
    Face("liberation-serif-bold", _T / "liberation2/LiberationSerif-Bold.ttf", "serif"),
    Face("freesans-oblique", _T / "freefont/FreeSansOblique.ttf", "sans"),
    Face("charis-bold-italic", _T / "charis/CharisSIL-BoldItalic.ttf", "serif"),
    Face("dejavu-serif-condensed", _T / "dejavu/DejaVuSerifCondensed.ttf", "serif"),
)

#: Faces far from the book faces above (monospaced, extra light), rendered for train documents
#: only so the channel also knows the confusions of typewriter-like and thin type.
WIDE_FACES: tuple[Face, ...] = (
    Face("freemono", _T / "freefont/FreeMono.ttf", "serif"),
    Face("dejavu-sans-extralight", _T / "dejavu/DejaVuSans-ExtraLight.ttf", "sans"),
)

#: Faces no channel is fitted on, far from the train faces too (two more monospaced faces, an
#: alternate Gentium): evaluation pages only, to check that the repair generalizes.
FAR_FACES: tuple[Face, ...] = (
    Face("liberation-mono", _T / "liberation2/LiberationMono-Regular.ttf", "serif"),
    Face("dejavu-sans-mono", _T / "dejavu/DejaVuSansMono.ttf", "sans"),
    Face("gentiumalt", _T / "gentium/GentiumAlt-R.ttf", "serif"),
)


@lru_cache(maxsize=64)
def _cmap(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True, fontNumber=0) as font:
        best = font.getBestCmap() or {}
        return frozenset(best)


def missing_letters(path: Path | str, chars: Iterable[str] = REQUIRED_CHARS) -> set[str]:
    """The characters of ``chars`` that the font at ``path`` has no glyph for.

    >>> import pathlib
    >>> p = pathlib.Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    >>> sorted(missing_letters(p, "əƏx")) if p.exists() else []
    []
    """
    cmap = _cmap(Path(path))
    return {ch for ch in chars if ord(ch) not in cmap}


def covers_azerbaijani(path: Path | str) -> bool:
    """True when the font has a glyph for all 64 Azerbaijani letter forms and our punctuation.

    >>> covers_azerbaijani("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    True
    """
    return not missing_letters(path)


def available_faces(faces: Iterable[Face] = KNOWN_FACES) -> list[Face]:
    """The faces that are installed and pass the coverage check, in the given order.

    >>> all(covers_azerbaijani(f.path) for f in available_faces())
    True
    """
    return [f for f in faces if f.path.exists() and covers_azerbaijani(f.path)]


def face_by_name(name: str) -> Face:
    """Look a known face up by its short name.

    >>> face_by_name("gentium").style, face_by_name("dejavu-sans-bold").style
    ('serif', 'sans')
    """
    for face in (*KNOWN_FACES, *STYLE_FACES, *WIDE_FACES, *FAR_FACES):
        if face.name == name:
            return face
    raise KeyError(name)
