"""n-best indexing of OCR text: the repair plus the other likely readings of unsure words."""

import sqlite3

from az_ocrfix import fix
from az_ocrfix.search import fts5_query, index_text, ocr_index_text


def test_index_holds_the_repair_then_runner_up_readings() -> None:
    text = "Bu on il sonra vatandas comiyyatinin"
    value = ocr_index_text(text)
    assert value.startswith(index_text(fix(text)))
    extra = value[len(index_text(fix(text))) :].split()
    assert extra, "an ambiguous short word (on/ən/ön) should leave a runner-up reading"
    assert set(extra) <= {"en", "on"}


def test_confident_repairs_add_nothing() -> None:
    text = "vatandas comiyyatinin"
    assert ocr_index_text(text) == index_text(fix(text))


def test_fts5_finds_a_word_under_either_reading() -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 0')")
    db.execute("INSERT INTO t(body) VALUES (?)", (ocr_index_text("Bu on il sonra"),))
    for typed in ("ən", "on", "ON"):
        hits = db.execute("SELECT count(*) FROM t WHERE t MATCH ?", (fts5_query(typed),))
        assert hits.fetchone()[0] == 1, typed
