"""Letter-by-letter comparison of az_ocrfix.search_key with other folds; writes docs/search.md.

    .venv/bin/python benchmarks/fold_table.py            # print the markdown table
    .venv/bin/python benchmarks/fold_table.py --write    # refresh the table in docs/search.md

Columns computed by running the library: az_ocrfix ``search_key``, Python ``str.lower``,
Unidecode, anyascii, ICU ``Any-Latin; Latin-ASCII`` (PyICU; the column is marked missing when
PyICU is not installed).  The Lucene column is NOT executed (no JVM here): it is written from
the documented behaviour of TurkishLowerCaseFilter (I → ı, İ → i, else Character.toLowerCase)
followed by ASCIIFoldingFilter (its source lists U+018F Ə under "A", U+0259 ə under "a",
U+01DD ǝ under "e", U+0131 ı under "i"; it folds Latin only, so Cyrillic passes through).
"""

from __future__ import annotations

import argparse
import unicodedata
from collections.abc import Callable
from pathlib import Path

from anyascii import anyascii
from docs_section import replace_section
from unidecode import unidecode

from az_ocrfix.search import search_key

DOC = Path(__file__).resolve().parents[1] / "docs" / "search.md"

#: Rows: the letters where folds disagree, look-alikes, and two words.
ROWS = [
    *"əƏıIİiöÖüÜşŞçÇğĞxqQ",
    "ә",  # Cyrillic schwa U+04D9
    "Ә",  # Cyrillic capital schwa U+04D8
    "ǝ",  # U+01DD turned e
    "ä",
    "AZƏRBAYCAN",
    "az\u04d9rbaycan",  # Cyrillic ә inside a Latin word
    "İŞIQLI",
]

#: Lucene TurkishLowerCaseFilter → ASCIIFoldingFilter, from their documented mappings.
_LUCENE_LOWER = {"I": "ı", "İ": "i"}
_LUCENE_FOLD = {
    "ə": "a", "ǝ": "e", "ı": "i", "ö": "o", "ü": "u", "ş": "s", "ç": "c", "ğ": "g", "ä": "a",
}  # fmt: skip


def lucene(text: str) -> str:
    lowered = "".join(_LUCENE_LOWER.get(ch, ch.lower()) for ch in text)
    return "".join(_LUCENE_FOLD.get(ch, ch) for ch in lowered)


def _icu() -> Callable[[str], str] | None:
    try:
        import icu  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        return None
    transliterator = icu.Transliterator.createInstance("Any-Latin; Latin-ASCII")
    return lambda text: str(transliterator.transliterate(text))


def _show(value: str) -> str:
    """A table cell: the value, with code points when it holds a combining mark."""
    extras = []
    marks = [f"U+{ord(ch):04X}" for ch in value if unicodedata.combining(ch)]
    if marks:
        extras.append("with combining " + ", ".join(marks))
    if any("CYRILLIC" in unicodedata.name(ch, "") for ch in value):
        extras.append("Cyrillic")
    cell = f"`{value}`" if value else "(empty)"
    return cell + (f" ({'; '.join(extras)})" if extras else "")


def table() -> str:
    icu = _icu()
    columns: list[tuple[str, Callable[[str], str] | None]] = [
        ("az_ocrfix search_key", search_key),
        ("str.lower", str.lower),
        ("Lucene TurkishLowerCase+ASCIIFolding (documented)", lucene),
        ("Unidecode", unidecode),
        ("anyascii", anyascii),
        ("ICU Any-Latin; Latin-ASCII", icu),
    ]
    header = "| input | " + " | ".join(name for name, _ in columns) + " |"
    lines = [header, "|" + "---|" * (len(columns) + 1)]
    for row in ROWS:
        cells = [_show(row)]
        for _, fn in columns:
            cells.append("(PyICU not installed)" if fn is None else _show(fn(row)))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"update the table in {DOC}")
    args = parser.parse_args()
    text = table()
    if not args.write:
        print(text)
        return
    try:
        replace_section(DOC, "fold-table", text.removesuffix("\n"), create=False)
    except ValueError as err:
        raise SystemExit(str(err)) from None
    print(f"updated {DOC}")


if __name__ == "__main__":
    main()
