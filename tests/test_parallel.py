"""Batch and streaming repair: same results as one-at-a-time fix, bounded read-ahead."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from az_ocrfix.api import fix
from az_ocrfix.config import FixConfig
from az_ocrfix.parallel import fix_file, fix_many, fix_stream, iter_chunks

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "milli_meclis_garbled.txt"


def paragraphs() -> list[str]:
    """The garbled example article split at blank lines (each keeps its line breaks).

    A blank line after a line-end hyphen (a column break inside a word) does not split.
    """
    text = EXAMPLE.read_text(encoding="utf-8")
    return [p.strip("\n") + "\n" for p in re.split(r"(?<![-¬])\n\n+", text) if p.strip()]


TEXTS = [
    "Prezident ilham Oliyevin 14 fevral 2024-cii ildo",
    "",
    "votondas comiy-\nyotinin yaradilmasi ilo bagh",
    "Azərbaycan Respublikası",  # clean text stays clean
    "QHT-lorin comiyyotdo yeri, rolu",
    *paragraphs()[:6],
]


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_fix_many_equals_fix_one_at_a_time(n_jobs: int) -> None:
    assert list(fix_many(TEXTS, n_jobs=n_jobs, batch_size=3)) == [fix(t) for t in TEXTS]


def test_fix_many_with_a_config_uses_it_in_the_workers() -> None:
    cfg = FixConfig(join_lines=False, adapt=False)
    texts = TEXTS[:5]
    expected = [fix(t, cfg) for t in texts]
    assert expected != [fix(t) for t in texts]  # the config makes a difference here
    assert list(fix_many(texts, n_jobs=2, batch_size=2, config=cfg)) == expected


def test_fix_many_rejects_an_empty_batch_size() -> None:
    with pytest.raises(ValueError):
        list(fix_many(["ilo"], batch_size=0))


def lines_of(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def test_fix_stream_in_one_chunk_equals_fix_of_the_whole_text() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert len(text) < 32_000  # fits one chunk
    assert "".join(fix_stream(lines_of(text))) == fix(text)


def test_fix_stream_equals_fix_on_paragraph_separated_input() -> None:
    # Every paragraph becomes its own chunk; the paragraphs are independent documents, so the
    # whole-text repair must give the same words and the same paragraph separators.
    paras = paragraphs()
    text = "\n".join(paras)
    streamed = "".join(fix_stream(lines_of(text), chunk_chars=0))
    assert streamed == "\n".join(fix(p) for p in paras)
    cfg = FixConfig(channel="eng", adapt=False)
    assert "".join(fix_stream(lines_of(text), cfg, chunk_chars=0)) == fix(text, cfg)


def test_fix_stream_joins_hyphenated_words_inside_a_chunk() -> None:
    lines = ["Azarbaycanda vatondas comiy-\n", "yotinin yaradilmasi\n", "\n", "Bu ilo bagh\n"]
    out = "".join(fix_stream(lines, chunk_chars=0))
    assert out.startswith("Azərbaycanda vətəndaş cəmiyyətinin yaradılması\n\n")
    assert out == fix("".join(lines))


def test_fix_stream_accepts_lines_without_newlines() -> None:
    assert "".join(fix_stream(["Bu ilo", "bagh", "", "miiddoasi"])) == fix(
        "Bu ilo\nbagh\n\nmiiddoasi"
    )


def test_a_paragraph_cut_after_max_lines_is_glued_back() -> None:
    lines = ["Bu ilo bagh\n"] * 7 + ["votondas comiy-\n", "yotinin\n"]
    out = "".join(fix_stream(lines, max_lines=4))
    assert out == fix("".join(lines))
    assert out.endswith("vətəndaş cəmiyyətinin\n")


class Counting:
    """An endless line (or text) source that counts how many items were pulled."""

    def __init__(self, item: str, blank_every: int = 0) -> None:
        self.item = item
        self.blank_every = blank_every
        self.pulled = 0

    def __iter__(self) -> Iterator[str]:
        while True:
            self.pulled += 1
            if self.blank_every and self.pulled % self.blank_every == 0:
                yield "\n"
            else:
                yield self.item


def test_fix_stream_reads_a_bounded_distance_ahead_of_an_endless_input() -> None:
    source = Counting("votondas comiyyotinin ilo bagh\n", blank_every=5)
    pieces = list(islice(fix_stream(source, chunk_chars=200), 12))
    assert pieces[0].startswith("vətəndaş cəmiyyətinin ilə bağlı")
    # 12 pieces (6 chunks and 6 separators) need 7 chunks of two 4-line paragraphs and their
    # blank lines (10 lines each), plus one line of lookahead
    assert source.pulled <= 7 * 10 + 2


def test_fix_stream_cuts_an_endless_paragraph() -> None:
    source = Counting("Bu ilo bagh\n")  # never a blank line
    first = next(iter(fix_stream(source, max_lines=50)))
    assert first.startswith("Bu ilə bağlı Bu ilə bağlı")
    assert 50 <= source.pulled <= 52


def test_fix_many_reads_a_bounded_distance_ahead_in_the_pool() -> None:
    source = Counting("Bu ilo bagh")
    out = list(islice(fix_many(source, n_jobs=2, batch_size=4), 10))
    assert out == ["Bu ilə bağlı"] * 10
    # the consumer took 10; at most 2 batches per worker are in flight beyond that
    assert source.pulled <= 10 + 2 * 2 * 4 + 4


def test_fix_file_streams_one_file_into_another(tmp_path: Path) -> None:
    src, dst = tmp_path / "in.txt", tmp_path / "out.txt"
    src.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    fix_file(src, dst)
    assert dst.read_text(encoding="utf-8") == fix(src.read_text(encoding="utf-8"))
    with pytest.raises(ValueError):
        fix_file(src, src)
    assert src.read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8")


_LINE = st.one_of(
    st.just("\n"),
    st.just("  \n"),
    st.text(alphabet="ab -", min_size=1, max_size=12).map(lambda s: s + "\n"),
    st.text(alphabet="ab", min_size=1, max_size=5),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINE, max_size=40), st.integers(0, 60), st.integers(1, 6))
def test_chunks_cover_the_input_and_respect_their_bounds(
    lines: list[str], chunk_chars: int, max_lines: int
) -> None:
    chunks = list(iter_chunks(lines, chunk_chars, max_lines))
    joined = "".join(ln if ln.endswith("\n") else ln + "\n" for ln in lines[:-1])
    joined += lines[-1] if lines else ""
    assert "".join(text for text, _ in chunks) == joined
    for text, cut in chunks[:-1]:
        body = text.splitlines()
        if cut:
            assert body[-1].strip()  # cut inside a paragraph
            assert len(body) >= max_lines
        else:
            assert not body[-1].strip()  # closed at a blank line ...
            filled = [ln for ln in body if ln.strip()]
            assert not filled or not filled[-1].rstrip().endswith("-")  # ... not inside a word
        run = 0
        for ln in body:
            run = run + 1 if ln.strip() else 0
            assert run <= 2 * max_lines
