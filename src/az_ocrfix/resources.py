"""Access to the data files shipped in ``lexicons/`` (inside the installed package).

>>> data_file("README.md").is_file()
True
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

__all__ = ["data_file"]


def data_file(name: str) -> Traversable:
    """Return the shipped data file ``lexicons/<name>`` as an importlib resource."""
    return files("az_ocrfix").joinpath("lexicons", name)
