"""Reading articles from disk: encodings told apart, Word, web pages, PDF, and every kind of bad input."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from archive.errors import InputFileError
from archive.importing.readers import decode_text_bytes, read_document, read_pasted

ARTICLE = (
    "مسقط - الرؤية\n"
    "اختتم منتدى التواصل الحكومي أعماله، وقال المدير العام إن المنتدى حقق أهدافه في تعزيز الشراكة.\n"
    "وأكد أن أكثر من 150 مشاركا حضروا الجلسات على مدى يومين."
)
SHORT = "قال الوزير"


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("utf-16", "utf-16-le"),  # Python writes a little-endian BOM
    ("utf-16-le", "utf-16-le"),
    ("utf-16-be", "utf-16-be"),
    ("cp1256", "cp1256"),
    ("iso8859_6", "iso8859_6"),
])
@pytest.mark.parametrize("text", [ARTICLE, SHORT])
def test_each_encoding_is_detected(tmp_path: Path, encoding: str, expected: str, text: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    document = read_document(path)
    assert document.text == text
    assert document.encoding == expected
    assert document.format == "txt"


def test_utf16_with_bom_keeps_no_bom_character() -> None:
    text, encoding = decode_text_bytes(b"\xff\xfe" + ARTICLE.encode("utf-16-le"))
    assert text == ARTICLE and not text.startswith("\ufeff") and encoding == "utf-16-le"


def test_windows_line_endings_are_kept_so_offsets_match_the_file(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("cp1256"))
    assert read_document(path).text == ARTICLE.replace("\n", "\r\n")


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("مسقط - الوطن")
    document.add_paragraph("وقال الوزير إن اللقاء ناجح.")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "حضر اللقاء 85 مشاركا."
    path = tmp_path / "article.docx"
    document.save(path)
    read = read_document(path)
    assert read.format == "docx"
    assert read.text.splitlines() == ["مسقط - الوطن", "وقال الوزير إن اللقاء ناجح.", "حضر اللقاء 85 مشاركا."]


def test_truncated_docx_is_a_clear_error(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("نص " * 500)
    whole = tmp_path / "whole.docx"
    document.save(whole)
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(InputFileError, match="damaged or not a Word document"):
        read_document(truncated)


def test_html_keeps_the_article_and_drops_navigation(tmp_path: Path) -> None:
    page = """<html><head><meta charset="windows-1256"><title>خبر - موقع الجريدة</title></head><body>
    <header><div class="logo">الجريدة</div></header>
    <nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/local">محليات</a></li></ul></nav>
    <div class="sidebar"><h3>الأكثر قراءة</h3><a href="/x">خبر آخر تماما</a></div>
    <div id="content"><article><h1>اختتام المنتدى</h1>
      <p>مسقط - الرؤية</p>
      <p>وقال المدير العام إن المنتدى حقق أهدافه.</p>
      <div class="share-buttons">شارك على تويتر</div>
    </article></div>
    <div class="comments">تعليق عبر الفيس بوك</div>
    <footer>جميع الحقوق محفوظة</footer><script>var a = 1;</script></body></html>"""
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1256"))
    text = read_document(path).text
    assert text.splitlines()[0] == "اختتام المنتدى"
    assert "وقال المدير العام إن المنتدى حقق أهدافه." in text
    for clutter in ("الرئيسية", "الأكثر قراءة", "شارك", "تعليق", "الحقوق", "var a"):
        assert clutter not in text


def test_html_without_article_element_picks_the_text_block(tmp_path: Path) -> None:
    body = "".join(f"<p>فقرة رقم {n} من نص الخبر عن المنتدى.</p>" for n in range(5))
    page = f"<html><body><div class='menu'><a>أخبار</a><a>رياضة</a></div><div>{body}</div></body></html>"
    path = tmp_path / "page.htm"
    path.write_text(page, encoding="utf-8")
    text = read_document(path).text
    assert text.count("فقرة رقم") == 5 and "رياضة" not in text


def _pdf(path: Path, text: str | None) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4)
    if text:
        page.drawString(72, 720, text)
    else:
        page.rect(72, 600, 200, 100, fill=1)  # a "scan": drawing, no text
    page.save()


def test_pdf_with_a_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "article.pdf"
    _pdf(path, "Muscat - The forum closed with 150 participants.")
    document = read_document(path)
    assert document.format == "pdf" and "150 participants" in document.text


def test_pdf_without_text_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    _pdf(path, None)
    with pytest.raises(InputFileError, match="no text layer"):
        read_document(path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(InputFileError, match="is empty"):
        read_document(path)


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="is empty"):
        read_document(path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    with pytest.raises(InputFileError, match="not a text file"):
        read_document(path)


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(InputFileError, match="too large"):
        read_document(path)


def test_unknown_encoding(tmp_path: Path) -> None:
    path = tmp_path / "mystery.txt"
    path.write_bytes(bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d]) * 40)  # control bytes in every code page
    with pytest.raises(InputFileError):
        read_document(path)


def test_unsupported_kind_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="not supported"):
        read_document(tmp_path / "sheet.xlsx")
    with pytest.raises(InputFileError, match="was not found"):
        read_document(tmp_path / "missing.txt")


def test_a_zip_renamed_docx_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hello")
    with pytest.raises(InputFileError, match="not a Word document"):
        read_document(path)


def test_pasted_text() -> None:
    document = read_pasted(ARTICLE)
    assert document.text == ARTICLE and document.format == "pasted"
    with pytest.raises(InputFileError):
        read_pasted("   ")
