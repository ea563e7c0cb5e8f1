"""Text inputs: encodings, mojibake, bad files, streaming in bounded memory."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from io_builders import seed_text, unreadable_file

from az_ocrfix.io import InputError
from az_ocrfix.io.txt import TextStream, decode_bytes, detect_encoding, open_text

AZ = seed_text("003", 200)
RU = "Президент подписал указ о проведении выборов. Граждане страны приняли участие в голосовании."


def read(path: Path) -> tuple[str, str]:
    with open_text(path) as stream:
        return "".join(stream), stream.encoding


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (AZ.encode("utf-8"), "utf-8"),
        (AZ.encode("utf-8-sig"), "utf-8-sig"),
        (AZ.encode("utf-16"), "utf-16"),
        (AZ.encode("utf-16-be"), "utf-16-be"),
        (AZ.encode("utf-16-le"), "utf-16-le"),
        (RU.encode("cp1251"), "cp1251"),
        (RU.encode("koi8-r"), "koi8-r"),
    ],
)
def test_encodings_are_found_and_text_is_exact(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    text, found = read(path)
    assert found == encoding
    assert text == (AZ if encoding.startswith("utf") else RU)


def test_cp1254_azerbaijani_with_a_umlaut_for_schwa(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(AZ.replace("ə", "ä").replace("Ə", "Ä").encode("cp1254"))
    with open_text(path) as stream:
        text = "".join(stream)
        assert stream.encoding in ("cp1254", "iso8859-9")
        assert any("ä read as ə" in note for note in stream.notes)
    assert text == AZ


def test_iso8859_9_and_cp1254_turkish_letters(tmp_path: Path) -> None:
    words = "Şəki ağac ılıq görüş çay Ğ İ ı"
    path = tmp_path / "latin5.txt"
    path.write_bytes(words.replace("ə", "e").encode("iso8859-9"))
    text, found = read(path)
    assert text == words.replace("ə", "e")
    assert found in ("cp1254", "iso8859-9")


def test_cp1254_not_taken_for_cyrillic() -> None:
    sample = "Qarabağ, Şuşa, İsmayıllı, Gəncə, Şəki və Göyçay".replace("ə", "e").encode("cp1254")
    assert detect_encoding(sample) == "cp1254"


def test_mojibake_is_repaired(tmp_path: Path) -> None:
    garbled = "Azərbaycan Respublikası".encode().decode("cp1252")
    assert garbled.startswith("AzÉ™rbaycan")
    path = tmp_path / "moji.txt"
    path.write_text(garbled, encoding="utf-8")
    with open_text(path) as stream:
        assert "".join(stream) == "Azərbaycan Respublikası"
        assert "mojibake repaired" in stream.notes


def test_invalid_utf8_bytes_are_read_as_cp1254(tmp_path: Path) -> None:
    data = AZ.encode("utf-8") + b"\nK\xf6hn\xe4 m\xfcd\xfcr\n"  # a latin-5 line in a UTF-8 file
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    with open_text(path) as stream:
        text = "".join(stream)
        assert stream.encoding == "utf-8"
        assert any("not valid UTF-8" in note for note in stream.notes)
    assert text == AZ + "\nKöhnä müdür\n"


def test_zero_byte_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="empty file"):
        open_text(path)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        bytes((i * 7919) % 256 for i in range(5000)),
        b"%PDF-1.4\n" + bytes(range(32)) * 50,
    ],
)
def test_binary_file_named_txt_is_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match="binary data"):
        open_text(path)


def test_unreadable_entries_are_clear_errors(tmp_path: Path) -> None:
    locked = unreadable_file(tmp_path)
    with pytest.raises(InputError, match=r"not a regular file|permission denied"):
        open_text(locked)
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(InputError, match="broken symbolic link"):
        open_text(dangling)
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(InputError, match="is a directory"):
        open_text(folder)


def test_crlf_split_across_reads_becomes_one_newline() -> None:
    data = ("bir" + " " * 9 + "\r\n") * 3000
    stream = TextStream(io.BytesIO(data.encode()), chunk_chars=1000)
    assert "".join(stream) == data.replace("\r\n", "\n")


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("abcəğış ıİ\n\t-“”çöüÇÖÜŞĞ«»—…"), max_size=3000),
    st.integers(min_value=8, max_value=400),
)
def test_chunks_reassemble_exactly_and_end_at_whitespace(text: str, size: int) -> None:
    chunks = list(TextStream(io.BytesIO(text.encode()), chunk_chars=size))
    assert "".join(chunks) == text
    for chunk in chunks[:-1]:
        assert chunk[-1].isspace() or len(chunk) > 4 * size


def test_decode_bytes_matches_file_reading() -> None:
    assert decode_bytes(RU.encode("koi8-r")) == (RU, "koi8-r")
