"""The shipped channel table and the script that builds it."""

from __future__ import annotations

import importlib.util
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType

from az_ocrfix.resources import data_file
from az_ocrfix.synth.align import count_ops

ROOT = Path(__file__).resolve().parents[2]


def _build_channel() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_channel", ROOT / "lexicons/build_channel.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _table() -> dict[str, Counter[tuple[str, str]]]:
    rows = data_file("channel.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "condition\ttrue\tobserved\tcount"
    table: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for row in rows[1:]:
        cond, true, observed, count = row.split("\t")
        t, o = ("" if s == "∅" else s for s in (true, observed))
        assert len(t) <= 2 and len(o) <= 2 and (t or o)
        assert int(count) >= 2  # pruned below 2
        table[cond][(t, o)] += int(count)
    return table


def _p(table: Counter[tuple[str, str]], true: str, observed: str) -> float:
    total = sum(c for (t, _o), c in table.items() if t == true)
    return table[(true, observed)] / total


def test_shipped_channel_has_both_engines_and_the_known_confusions() -> None:
    table = _table()
    assert {"eng", "aze"} <= set(table)
    assert any(c.startswith("eng:") for c in table)
    eng, aze = table["eng"], table["aze"]
    # The English model never outputs ə; it reads it as a, e, o ... (original case kept).
    assert eng[("ə", "ə")] == 0
    assert _p(eng, "ə", "a") + _p(eng, "ə", "e") + _p(eng, "ə", "o") > 0.7
    assert eng[("Ə", "O")] > 0 and eng[("İ", "I")] > 0
    assert eng[("ü", "ii")] > 0  # multi-character confusions are learned
    # The Azerbaijani model mostly reads ə as ə.
    assert _p(aze, "ə", "ə") > 0.9


def test_pair_identities_normalize_two_char_ops() -> None:
    bc = _build_channel()
    counts = count_ops("bağlı bağlı alı", "bagh bagli ah")
    assert counts[("lı", "h")] == 2
    bc.add_pair_identities(counts, ["bağlı", "bağlı", "alı"])
    assert counts[("lı", "lı")] == 1  # three occurrences, two read as h


def test_tsv_writer_prunes_and_marks_empty(tmp_path: Path) -> None:
    bc = _build_channel()
    counts = {"eng": Counter({("ə", "a"): 5, ("", "'"): 3, ("ı", "1"): 1})}
    out = tmp_path / "channel.tsv"
    assert bc.write_tsv(out, counts, 2) == 2
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows == ["condition\ttrue\tobserved\tcount", "eng\t∅\t'\t3", "eng\tə\ta\t5"]
