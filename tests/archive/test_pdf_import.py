"""Importing Arabic PDFs reads their text in logical order, whoever made them (issue 10's QA finding).

The same four lines of our own writing (Arabic, digits, a percentage, a date, a Latin word, a hashtag,
harakat, LAM-ALEF) are printed by ReportLab through our own brief paragraphs (made here), by pango/cairo
and by LibreOffice Writer (made once and kept in ``pdf_samples/``: see its README). Each must read
back line for line. ``muntada extract`` on a brief Muntada printed must propose no figure made of a
page number or a header.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from archive.importing.readers import read_document

SAMPLES = Path(__file__).parent / "pdf_samples"
LINES = (SAMPLES / "text.txt").read_text(encoding="utf-8").splitlines()
REPO = Path(__file__).resolve().parents[2]


def _lines_read(path: Path) -> list[str]:
    return [" ".join(line.split()) for line in read_document(path).text.splitlines() if line.strip()]


def _reportlab_pdf(path: Path) -> None:
    from reportlab.platypus import SimpleDocTemplate

    from archive.briefs.fonts import register_fonts
    from archive.briefs.paragraph import TextBlock, TextStyle

    register_fonts()
    SimpleDocTemplate(str(path)).build([TextBlock(line, TextStyle(font_size=12, direction="rtl")) for line in LINES])


def test_our_own_brief_paragraphs_read_back_in_logical_order(tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    _reportlab_pdf(path)
    assert _lines_read(path) == LINES


@pytest.mark.parametrize("sample", ["pango-cairo.pdf", "libreoffice-writer.pdf"])
def test_pdfs_of_other_producers_read_back_in_logical_order(sample: str) -> None:
    assert _lines_read(SAMPLES / sample) == LINES


def test_numbers_dates_and_lam_alef_come_out_as_written(tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    _reportlab_pdf(path)
    text = read_document(path).text
    for written in ("1500 مشارك", "35%", "12/05/2024", "Meta", "#ملتقى_الإعلام", "الإعلام", "الاتصالُ", "يوميًا",
                    "صفحة 1 من 3"):
        assert written in text


def _muntada(home: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "MUNTADA_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "desktop.cli", "--lang", "ar", *arguments], cwd=REPO,
                          env=environment, capture_output=True, text=True, encoding="utf-8", timeout=120, check=True)


def test_extract_on_a_printed_brief_proposes_no_page_number_or_header(tmp_path: Path) -> None:
    home = tmp_path / "home"
    brief = tmp_path / "brief.pdf"
    _muntada(home, "demo")
    _muntada(home, "brief", "--event", "1", "-o", str(brief))
    figures = json.loads(_muntada(home, "extract", "--json", str(brief)).stdout)["statistics"]
    shown = [figure["text"] for figure in figures]
    assert "أكثر من 15 مليون وصول" in shown  # the brief's own figure, read in order
    assert not [text for text in shown if "صفحة" in text], shown  # "صفحة 1 من 3" in the footer
    assert not [text for text in shown if "أكثر" in text and "من" not in text], shown  # "15 أكثر", visual order
    assert not [text for text in shown if "وسم" in text], shown  # "15 وسم" from a header read backwards


def test_a_mark_on_a_lam_alef_ligature_reads_after_its_lam(tmp_path: Path) -> None:
    """One glyph draws LAM-ALEF and the mark over it: the mark is the lam's ("لَا", "دليلًا"), never the alef's."""
    from reportlab.platypus import SimpleDocTemplate

    from archive.briefs.fonts import register_fonts
    from archive.briefs.paragraph import TextBlock, TextStyle

    register_fonts()
    path = tmp_path / "marks.pdf"
    written = ["لَا تهاون في الحقيقة", "قدّم دليلًا واضحًا", "فضلًا عن ذلك", "علّمه الكتابة والقراءة إلَّا قليلًا"]
    SimpleDocTemplate(str(path)).build([TextBlock(line, TextStyle(font_size=14, direction="rtl")) for line in written])
    assert _lines_read(path) == written


def test_a_percentage_opening_an_arabic_paragraph_reads_number_first(tmp_path: Path) -> None:
    """Drawn "35%" at a paragraph's start (a figure in a brief's table) and "%35" after Arabic words."""
    from reportlab.platypus import SimpleDocTemplate

    from archive.briefs.fonts import register_fonts
    from archive.briefs.paragraph import TextBlock, TextStyle

    register_fonts()
    path = tmp_path / "figures.pdf"
    written = ["35% من الخدمات الحكومية متاحة إلكترونيًا", "بلغت النسبة 62.5% من المتابعين", "62% من المتابعين"]
    SimpleDocTemplate(str(path)).build([TextBlock(line, TextStyle(font_size=14, direction="rtl")) for line in written])
    assert _lines_read(path) == written


def test_a_lam_alef_alone_in_its_run_reads_lam_first(tmp_path: Path) -> None:
    """In an English line, "لا" is a run of one glyph whose letters PDFium lists alef first ("ال"): an alef
    never joins the letter after it, so one glyph of both is LAM-ALEF."""
    from reportlab.platypus import SimpleDocTemplate

    from archive.briefs.fonts import register_fonts
    from archive.briefs.paragraph import TextBlock, TextStyle

    register_fonts()
    path = tmp_path / "poll.pdf"
    written = ["The answer in the poll was نعم-لا for most readers", "Headline words such as لا and الإعلام-لا stay"]
    SimpleDocTemplate(str(path)).build([TextBlock(line, TextStyle(font_size=14, direction="ltr")) for line in written])
    assert _lines_read(path) == written
