"""Access to the data files shipped in ``lexicons/`` (inside the installed package).

>>> data_file("README.md").is_file()
True
"""

from __future__ import annotations

import sys
from importlib.resources import files

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable

__all__ = ["Traversable", "data_file"]


def data_file(name: str) -> Traversable:
    """Return the shipped data file ``lexicons/<name>`` as an importlib resource."""
    return files("az_ocrfix").joinpath("lexicons").joinpath(name)
