"""Synthetic training data: render clean Azerbaijani as newspaper columns, degrade, OCR, align.

The factory behind the learned confusion channel (``lexicons/channel.tsv``) and the dev pairs
used by the benchmarks.  Needs the optional extra ``synth`` (pillow, fonttools, pytesseract) and
the tesseract binary with the ``eng`` and ``aze`` models.

Modules, one job each:

- :mod:`~az_ocrfix.synth.fonts`: find faces that cover all 32 Azerbaijani letters.
- :mod:`~az_ocrfix.synth.hyphenate`: syllable boundaries for line-end hyphenation.
- :mod:`~az_ocrfix.synth.render`: lay text out as a narrow column and draw it; record the layout.
- :mod:`~az_ocrfix.synth.degrade`: worn-scan effects (blur, noise, erosion, rotation ...).
- :mod:`~az_ocrfix.synth.ocr`: a thin pytesseract wrapper (``eng`` / ``aze``).
- :mod:`~az_ocrfix.synth.align`: character alignment of OCR output to the source; op counts.
- :mod:`~az_ocrfix.synth.pairs`: read the pairs written by ``benchmarks/make_pairs.py``.
"""
