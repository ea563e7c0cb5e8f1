"""End to end: render a short paragraph, OCR it with tesseract eng and aze (not skipped)."""

from __future__ import annotations

import regex

from az_ocrfix.synth.align import count_ops
from az_ocrfix.synth.fonts import face_by_name
from az_ocrfix.synth.ocr import ocr_image
from az_ocrfix.synth.render import PageStyle, page_text, render_page

PARAGRAPH = (
    "Azərbaycan Respublikasının Konstitusiyasında vətəndaş cəmiyyətinin bərqərar edilməsinə "
    "nail olmaq müddəası xüsusi vurğulanıb. Bu gün ölkədə əməkdaşlıq genişlənir."
)


def test_eng_loses_schwa_aze_keeps_it() -> None:
    img, lines = render_page([PARAGRAPH], PageStyle(face_by_name("dejavu-serif"), dpi=300))
    printed = page_text(lines)
    n_schwa = printed.count("ə")
    assert n_schwa >= 15

    eng = ocr_image(img, "eng")
    aze = ocr_image(img, "aze")
    assert eng.count("ə") == 0  # the English model has no ə
    assert aze.count("ə") >= 0.8 * n_schwa
    assert not regex.search(r"\p{Cyrillic}", aze)  # aze_cyrl sub-language not loaded

    ops = count_ops(printed, eng)
    schwa_as = {o: c for (t, o), c in ops.items() if t == "ə"}
    assert sum(schwa_as.values()) >= 0.8 * n_schwa  # aligned, and every one garbled
    assert "ə" not in schwa_as
