"""Rewrite one marked section of a markdown file under docs/ (where the benchmarks report).

A section is everything between the two lines ``<!-- NAME:begin -->`` and ``<!-- NAME:end -->``.
The scripts in benchmarks/ regenerate their own section and leave the rest of the file as it
is, so rerunning a script changes the docs only between its markers.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["markers", "replace_section"]


def markers(name: str) -> tuple[str, str]:
    """The begin and end markers of the section ``name``.

    >>> markers("quality")
    ('<!-- quality:begin -->', '<!-- quality:end -->')
    """
    return f"<!-- {name}:begin -->", f"<!-- {name}:end -->"


def replace_section(
    path: Path, name: str, body: str, *, create: bool = True, heading: str | None = None
) -> None:
    """Write ``body`` between the markers of section ``name`` in the markdown file ``path``.

    The block written is the begin marker, ``body`` and the end marker, each starting a line
    (no blank line added inside); the first section of that name is replaced and nothing
    outside it changes.  When the file has no such section (or does not exist) and
    ``create`` is true, the block is appended after one blank line, under a ``## heading``
    when one is given; a missing file starts with a title made from its name
    (``benchmarks.md`` → ``# Benchmarks``).  With ``create`` false a missing section raises
    ``ValueError`` (and a missing file ``FileNotFoundError``).

    >>> import tempfile
    >>> tmp = tempfile.TemporaryDirectory()
    >>> doc = Path(tmp.name) / "benchmarks.md"
    >>> replace_section(doc, "speed", "| words/s |\\n| 10 |")
    >>> replace_section(doc, "speed", "| words/s |\\n| 12 |")
    >>> replace_section(doc, "size", "3 MB", heading="Size")
    >>> print(doc.read_text(encoding="utf-8"), end="")
    # Benchmarks
    <BLANKLINE>
    <!-- speed:begin -->
    | words/s |
    | 12 |
    <!-- speed:end -->
    <BLANKLINE>
    ## Size
    <BLANKLINE>
    <!-- size:begin -->
    3 MB
    <!-- size:end -->
    >>> replace_section(doc, "quality", "-", create=False)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: markers <!-- quality:begin --> / <!-- quality:end --> not found in .../benchmarks.md
    >>> tmp.cleanup()
    """
    begin, end = markers(name)
    block = f"{begin}\n{body}\n{end}"
    if create and not path.exists():
        text = f"# {path.stem.capitalize()}\n"
    else:
        text = path.read_text(encoding="utf-8")
    start = text.find(begin)
    stop = text.find(end, start + len(begin)) if start >= 0 else -1
    if stop >= 0:
        text = text[:start] + block + text[stop + len(end) :]
    elif create:
        title = f"## {heading}\n\n" if heading else ""
        text = text.rstrip("\n") + f"\n\n{title}{block}\n"
    else:
        raise ValueError(f"markers {begin} / {end} not found in {path}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
