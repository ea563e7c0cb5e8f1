"""Worn-scan effects are deterministic per seed and keep the page size."""

from __future__ import annotations

import random

from PIL import ImageChops

from az_ocrfix.synth.degrade import Wear, degrade, random_wear
from az_ocrfix.synth.fonts import face_by_name
from az_ocrfix.synth.render import PageStyle, render_page


def _page():  # type: ignore[no-untyped-def]
    img, _ = render_page(["Azərbaycan Respublikası"], PageStyle(face_by_name("freeserif")))
    return img


def test_no_wear_is_identity() -> None:
    img = _page()
    assert ImageChops.difference(degrade(img, Wear()), img).getbbox() is None


def test_same_seed_same_result_and_size() -> None:
    img = _page()
    wear = random_wear(random.Random(4), severity=1.5)
    a, b = degrade(img, wear, seed=9), degrade(img, wear, seed=9)
    assert a.size == img.size
    assert ImageChops.difference(a, b).getbbox() is None
    assert ImageChops.difference(a, img).getbbox() is not None


def test_severity_scales_the_wear() -> None:
    mild = [random_wear(random.Random(i), 0.5) for i in range(30)]
    hard = [random_wear(random.Random(i), 1.5) for i in range(30)]
    assert sum(w.blur for w in mild) < sum(w.blur for w in hard)
    assert all(w.scale >= 0.5 for w in hard)
