"""Worn-scan effects for page images: rotation, ink spread or loss, resolution loss, blur, noise.

All effects work on grayscale ``L`` images with dark ink on a light page and use only PIL.

>>> from PIL import Image
>>> img = Image.new("L", (200, 100), 255)
>>> out = degrade(img, Wear(rotate=0.5, ink=1, scale=0.6, blur=0.8, noise=12.0), seed=1)
>>> out.mode, out.size
('L', (200, 100))
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["Wear", "degrade", "random_wear"]


class Wear(NamedTuple):
    """How worn a scan looks.  The defaults leave the page unchanged."""

    #: Skew in degrees (positive = counter-clockwise).
    rotate: float = 0.0
    #: Ink spread: +1 thickens strokes, -1 fades and thins them, 0 leaves them.
    ink: int = 0
    #: Resolution loss: shrink to this factor and scale back up (1 = none).
    scale: float = 1.0
    #: Gaussian blur radius in pixels of the original image.
    blur: float = 0.0
    #: Standard deviation of additive Gaussian noise (0-255 gray levels).
    noise: float = 0.0
    #: Binarize at this gray level after the other effects (0 = keep grayscale).
    threshold: int = 0


def random_wear(rng: random.Random, severity: float = 1.0) -> Wear:
    """Draw a worn-scan condition; ``severity`` 0 gives a clean page, 1 a typical worn one.

    >>> w = random_wear(random.Random(0))
    >>> 0.5 <= w.scale <= 1.0 and abs(w.rotate) <= 1.2
    True
    >>> random_wear(random.Random(0), severity=0.0) == Wear()
    True
    """
    if severity <= 0:
        return Wear()
    s = severity
    ink = rng.choice((-1, 0, 1)) if rng.random() < 0.5 * s else 0
    return Wear(
        rotate=round(rng.uniform(-1.2, 1.2) * s, 2),
        ink=ink,
        scale=round(max(0.5, 1.0 - rng.uniform(0.2, 0.45) * s), 2),
        blur=round(rng.uniform(0.3, 1.0) * s, 2),
        noise=round(rng.uniform(5, 25) * s, 1),
        # Binarizing a thickened page closes the counters of e/a/o and a faded one loses its
        # strokes: only binarize pages with unchanged ink.
        threshold=rng.choice((0, 0, 160)) if s >= 0.5 and ink == 0 else 0,
    )


def _noise(size: tuple[int, int], sigma: float, seed: int) -> Image.Image:
    """Zero-mean (offset 128) noise of about ``sigma`` gray levels, reproducible per seed.

    PIL's ``effect_noise`` draws from an unseeded C generator, so the noise is built from
    seeded random bytes instead: the mean of three uniform images is close to Gaussian.
    """
    from PIL import Image

    rng = random.Random(seed)
    n = size[0] * size[1]
    planes = [Image.frombytes("L", size, rng.randbytes(n)) for _ in range(3)]
    mean = Image.blend(Image.blend(planes[0], planes[1], 0.5), planes[2], 1 / 3)
    gain = sigma / 42.6  # std of the mean of three uniform(0, 255) variables
    return mean.point(lambda v: max(0, min(255, round(128 + (v - 127.5) * gain))))


def degrade(image: Image.Image, wear: Wear, seed: int = 0) -> Image.Image:
    """Apply ``wear`` to a grayscale page image; same size out as in, deterministic per seed."""
    from PIL import Image, ImageChops, ImageFilter

    img = image.convert("L")
    size = img.size
    if wear.rotate:
        img = img.rotate(wear.rotate, resample=Image.Resampling.BICUBIC, fillcolor=255)
    # Half-strength morphology: a full 3x3 min/max filter erases or blots 9 pt text at 200 dpi.
    if wear.ink > 0:
        img = Image.blend(img, img.filter(ImageFilter.MinFilter(3)), 0.6)
    elif wear.ink < 0:
        img = Image.blend(img, img.filter(ImageFilter.MaxFilter(3)), 0.5)
    if wear.scale < 1.0:
        small = (max(1, round(size[0] * wear.scale)), max(1, round(size[1] * wear.scale)))
        img = img.resize(small, Image.Resampling.BILINEAR).resize(size, Image.Resampling.BICUBIC)
    if wear.blur > 0:
        img = img.filter(ImageFilter.GaussianBlur(wear.blur))
    if wear.noise > 0:
        img = ImageChops.add(img, _noise(size, wear.noise, seed), 1.0, -128)
    if wear.threshold:
        cut = wear.threshold
        img = img.point(lambda v: 255 if v >= cut else 0)
    return img
