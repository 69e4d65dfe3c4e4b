"""A scanned PDF (pictures of pages, no text to read) is refused with a message saying what to do.

Scanning apps often print a line of their own on each picture ("Scanned with …", a page number): that
line is not the article, so such a PDF is refused like one with no text at all, and in a PDF mixing
typed pages with scanned ones only the typed pages are read. The PDFs are built here: the "scan" is a
picture drawn with Pillow (dark bars where a page's lines would be).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from archive.importing.readers import InputFileError, read_document

REPO = Path(__file__).resolve().parents[2]
SCANNER_LINE = "Scanned with DocScan Pro"
ARTICLE = "Muscat - The Government Communication Forum closed today with 150 participants from eleven countries."


def _picture_of_a_page(path: Path) -> Path:
    image = Image.new("L", (620, 877), 255)
    draw = ImageDraw.Draw(image)
    for top in range(80, 800, 24):
        draw.rectangle((60, top, 560, top + 10), fill=30)
    image.save(path)
    return path


def _pdf(path: Path, pages: list[tuple[bool, list[str]]]) -> Path:
    """Each page: whether a picture covers it, and the lines of text drawn on it."""
    picture = _picture_of_a_page(path.with_suffix(".png"))
    document = canvas.Canvas(str(path), pagesize=A4)
    for scanned, lines in pages:
        if scanned:
            document.drawImage(str(picture), 0, 0, *A4)
        document.setFont("Helvetica", 8)
        for index, line in enumerate(lines):
            document.drawString(40, 20 + 12 * (len(lines) - index), line)
        document.showPage()
    document.save()
    return path


def test_pictures_of_pages_with_no_text_are_refused(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "scan.pdf", [(True, []), (True, [])])
    with pytest.raises(InputFileError, match="no text layer"):
        read_document(path)


def test_pictures_of_pages_with_only_the_scanners_line_are_refused(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "scan.pdf", [(True, [SCANNER_LINE]), (True, [SCANNER_LINE, ]), (True, ["3"])])
    with pytest.raises(InputFileError, match="no text layer"):
        read_document(path)


def test_typed_pages_are_read_and_the_scanned_ones_left_out(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "release.pdf", [(False, [ARTICLE]), (True, [SCANNER_LINE])])
    text = read_document(path).text
    assert ARTICLE in text and SCANNER_LINE not in text


def test_a_photograph_with_its_caption_keeps_the_caption(tmp_path: Path) -> None:
    caption = ["The minister opens the forum at the Oman Convention Centre.", "Photo: Oman News Agency"]
    text = read_document(_pdf(tmp_path / "photo.pdf", [(True, caption)])).text
    assert all(line in text for line in caption)


def _muntada(home: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "MUNTADA_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "desktop.cli", "--lang", "en", *arguments], cwd=REPO,
                          env=environment, capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_importing_a_scan_stores_nothing_and_says_what_to_do(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "scan.pdf", [(True, [SCANNER_LINE])])
    home, archive = tmp_path / "home", str(tmp_path / "archive.sqlite")
    assert _muntada(home, "--archive", archive, "init").returncode == 0
    done = _muntada(home, "--archive", archive, "import", str(path))
    said = done.stdout + done.stderr
    assert done.returncode == 1 and "no text layer" in said and "OCR" in said and "Traceback" not in said, said
    assert "scan" not in _muntada(home, "--archive", archive, "review").stdout
