"""Builders for realistic test inputs: rendered pages, OCR'd PDFs, image-only PDFs, bad files."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"


def seed_text(name: str, words: int | None = None) -> str:
    """A clean Azerbaijani news seed (the first ``words`` words, paragraphs kept)."""
    text = next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
    if words is None:
        return text
    out: list[str] = []
    count = 0
    for para in text.split("\n"):
        kept = para.split()[: max(words - count, 0)]
        count += len(kept)
        if kept:
            out.append(" ".join(kept))
    return "\n".join(out)


def render_page(text: str, path: Path, *, width: int = 1700, size: int = 34) -> Path:
    """Render ``text`` as a clean 200-dpi page scan (black on white, DejaVu Serif) at ``path``."""
    font = ImageFont.truetype(FONT, size)
    lines: list[str] = []
    for para in text.split("\n"):
        line: list[str] = []
        for word in para.split():
            if line and font.getlength(" ".join([*line, word])) > width - 220:
                lines.append(" ".join(line))
                line = []
            line.append(word)
        lines.append(" ".join(line))
    line_h = int(size * 1.45)
    img = Image.new("L", (width, line_h * len(lines) + 240), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((110, 120 + i * line_h), line, font=font, fill=0)
    img.save(path, dpi=(200, 200))
    return path


def tesseract_pdf(png: Path, out_base: Path, lang: str = "eng") -> Path:
    """``tesseract page.png out -l eng pdf``: the scan with an (eng-garbled) text layer."""
    subprocess.run(
        ["tesseract", str(png), str(out_base), "-l", lang, "pdf"],
        check=True,
        capture_output=True,
    )
    return out_base.with_suffix(".pdf")


def image_only_pdf(png: Path, path: Path) -> Path:
    """A PDF holding only the page image (no text layer)."""
    Image.open(png).convert("RGB").save(path, "PDF", resolution=200.0)
    return path


def encrypted_pdf(path: Path, text: str = "Gizli sənəd") -> Path:
    """A PDF that needs a user password to open."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt=StandardEncryption("secret", ownerPassword="owner"))
    c.drawString(72, 720, text)
    c.save()
    return path


def _register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSerif", FONT))


def fit_lines(words: list[str], width: float, count: int, size: float = 10) -> list[str]:
    """Greedily set ``words`` into ``count`` lines no wider than ``width`` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    _register_font()
    lines: list[str] = []
    current: list[str] = []
    for word in words:
        if current and stringWidth(" ".join([*current, word]), "DejaVuSerif", size) > width:
            lines.append(" ".join(current))
            current = []
            if len(lines) == count:
                return lines
        current.append(word)
    return [*lines, " ".join(current)][:count]


def text_pdf(path: Path, columns: list[list[str]], headline: str | None = None) -> Path:
    """A PDF whose text layer sets ``columns`` of lines side by side (DejaVu Serif 10 pt)."""
    from reportlab.pdfgen import canvas

    _register_font()
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    top = 780
    if headline:
        c.setFont("DejaVuSerif", 18)
        c.drawString(50, top, headline)
        top -= 40
    c.setFont("DejaVuSerif", 10)
    col_w = 495 / len(columns)
    for i, lines in enumerate(columns):
        for j, line in enumerate(lines):
            c.drawString(50 + i * col_w, top - 13 * j, line)
    c.save()
    return path


def unreadable_file(folder: Path, name: str = "locked.txt") -> Path:
    """A ``.txt`` entry that really cannot be read, even as root (where chmod 000 does not bite).

    As a normal user: a file with mode 000.  As root: a FIFO named ``.txt`` (opening it would
    block; the reader must refuse it instead).
    """
    path = folder / name
    if os.geteuid() != 0:
        path.write_text("gizli")
        path.chmod(0)
    else:
        os.mkfifo(path)
    return path


def render_columns(headline: str, texts: list[str], path: Path, *, width: int = 1700) -> Path:
    """A newspaper-like page scan: a headline across the page over ``texts`` set in columns."""
    font = ImageFont.truetype(FONT, 30)
    gutter = 100
    col_w = (width - 200 - gutter * (len(texts) - 1)) // len(texts)
    columns: list[list[str]] = []
    for text in texts:
        lines: list[str] = []
        line: list[str] = []
        for word in text.split():
            if line and font.getlength(" ".join([*line, word])) > col_w:
                lines.append(" ".join(line))
                line = []
            line.append(word)
        columns.append([*lines, " ".join(line)])
    img = Image.new("L", (width, 240 + 44 * max(map(len, columns))), 255)
    draw = ImageDraw.Draw(img)
    draw.text((100, 50), headline, font=ImageFont.truetype(FONT, 44), fill=0)
    for c, lines in enumerate(columns):
        for i, text_line in enumerate(lines):
            draw.text((100 + c * (col_w + gutter), 150 + i * 44), text_line, font=font, fill=0)
    img.save(path, dpi=(200, 200))
    return path
