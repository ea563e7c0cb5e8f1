"""Only faces covering all 32 Azerbaijani letters (both cases) are used."""

from __future__ import annotations

from pathlib import Path

from fontTools import subset

from az_ocrfix.alphabet import LOWER_LETTERS, UPPER_LETTERS
from az_ocrfix.synth.fonts import (
    KNOWN_FACES,
    available_faces,
    covers_azerbaijani,
    face_by_name,
    missing_letters,
)


def _subset_without(src: Path, drop: str, out: Path) -> Path:
    keep = "".join(sorted(set(LOWER_LETTERS + UPPER_LETTERS + "—–“”‘’«»") - set(drop)))
    options = subset.Options()
    font = subset.load_font(str(src), options)
    sub = subset.Subsetter(options)
    sub.populate(text=keep)
    sub.subset(font)
    subset.save_font(font, str(out), options)
    return out


def test_face_lacking_schwa_is_rejected(tmp_path: Path) -> None:
    src = face_by_name("dejavu-sans").path
    assert covers_azerbaijani(src)
    broken = _subset_without(src, "əƏ", tmp_path / "no-schwa.ttf")
    assert missing_letters(broken) == {"ə", "Ə"}
    assert not covers_azerbaijani(broken)
    assert not available_faces([face_by_name("dejavu-sans")._replace(path=broken)])


def test_installed_faces_cover_the_alphabet() -> None:
    faces = available_faces()
    names = {f.name for f in faces}
    # setup-system.sh installs these; the factory needs serif and sans faces.
    assert {"dejavu-serif", "dejavu-sans", "liberation-serif", "noto-serif"} <= names
    assert {f.style for f in faces} == {"serif", "sans"}
    assert len(faces) == len([f for f in KNOWN_FACES if f.path.exists()])
