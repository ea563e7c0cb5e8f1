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

__all__ = ["Traversable", "data_file", "data_rows"]


def data_file(name: str) -> Traversable:
    """Return the shipped data file ``lexicons/<name>`` as an importlib resource."""
    return files("az_ocrfix").joinpath("lexicons").joinpath(name)


def data_rows(name: str, header: bool = False) -> list[list[str]]:
    """Tab-separated rows of a shipped data file; blank and ``#`` lines skipped, and the
    first row dropped when the file has a ``header``.

    >>> data_rows("number_words.tsv")[0]
    ['unit', '0', 'sıfır']
    """
    lines = data_file(name).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return rows[1:] if header else rows
