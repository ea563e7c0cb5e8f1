"""Fixtures for the input tests (the builders live in io_builders.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from io_builders import render_page, seed_text


@pytest.fixture(scope="session")
def page_png(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A rendered page scan of seed 000 (first 120 words) and its text."""
    text = seed_text("000", 120)
    path = render_page(text, tmp_path_factory.mktemp("page") / "page.png")
    return path, text
