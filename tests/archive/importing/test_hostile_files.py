"""Hostile and damaged files: each is one clear per-file result, and the files after it are imported.

Every hostile file is made here, in tmp_path, from our own text (no binaries are committed).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from archive.db.engine import open_archive
from archive.errors import InputFileError
from archive.i18n import current_language, set_language
from archive.importing.readers import read_document
from archive.importing.service import import_files
from archive.services import sources
from tests.conftest import copy_archive

ARTICLE = (
    "مسقط - الرؤية\n\n"
    "نظمت وزارة الإعلام ملتقى الإعلام الرقمي الثاني بمشاركة 120 إعلاميا من مختلف المؤسسات.\n\n"
    "وقال المهندس سالم بن راشد الحارثي إن الملتقى يفتح آفاقا جديدة للتعاون بين المؤسسات الإعلامية.\n"
)


def numbered_article(number: int) -> str:
    return ARTICLE + f"\nوأكد المنظمون أن الدورة رقم {number} ستعقد في موعدها.\n"


def good_articles(folder: Path, count: int = 5, prefix: str = "z-good") -> list[Path]:
    """``count`` distinct good articles, named to sort after the hostile file."""
    paths = []
    for number in range(count):
        path = folder / f"{prefix}-{number}.txt"
        path.write_text(numbered_article(number), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(autouse=True)
def english():
    previous = current_language()
    set_language("en")
    yield
    set_language(previous)


@pytest.fixture()
def archive(empty_archive_master: Path, tmp_path: Path):
    opened = open_archive(copy_archive(empty_archive_master, tmp_path / "archive.sqlite"))
    yield opened
    opened.close()


# --- one bad byte (item 6) ------------------------------------------------------------------

def test_one_bad_byte_keeps_the_article_utf8_with_a_replacement_character(tmp_path: Path) -> None:
    data = ARTICLE.encode("utf-8")
    cut = data.index("الملتقى".encode())  # a character boundary
    path = tmp_path / "damaged.txt"
    path.write_bytes(data[:cut] + b"\xff" + data[cut:])
    document = read_document(path)
    assert document.encoding == "utf-8"
    assert document.text == ARTICLE[:len(data[:cut].decode("utf-8"))] + "\ufffd" + data[cut:].decode("utf-8")
    assert document.warnings == ("1 byte could not be read and was replaced with \ufffd",)


def test_bad_bytes_are_counted_and_reported_on_the_import_result(tmp_path: Path, archive) -> None:
    data = ARTICLE.encode("utf-8")
    damaged = data[:40] + b"\xfe\xff" + data[40:]
    (tmp_path / "damaged.txt").write_bytes(damaged)
    [result] = import_files(archive, [tmp_path / "damaged.txt"])
    assert result.source_id is not None and not result.skipped
    assert result.warnings == ("2 bytes could not be read and were replaced with \ufffd",)
    stored = sources.get_source(archive, result.source_id).full_text
    assert stored.count("\ufffd") == 2 and "الإعلام الرقمي" in stored  # the bad bytes cut one word only


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6", "utf-16-le", "utf-16"])
def test_single_byte_and_utf16_articles_are_still_read_right(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(ARTICLE.encode(encoding))
    document = read_document(path)
    assert document.text == ARTICLE and document.warnings == ()


# --- one odd file does not stop the folder (item 10) ----------------------------------------

def test_an_undefined_charset_is_ignored_and_the_folder_goes_on(tmp_path: Path, archive) -> None:
    page = ('<html><head><meta charset="undefined"><title>ملتقى</title></head><body><article>'
            + "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines() if line) + "</article></body></html>")
    (tmp_path / "a-odd.html").write_bytes(page.encode("utf-8"))
    good = good_articles(tmp_path)
    results = import_files(archive, [tmp_path])
    assert [result.file for result in results] == ["a-odd.html", *[path.name for path in good]]
    assert all(result.source_id is not None and not result.skipped for result in results)


@pytest.mark.parametrize("charset", ["base64", "rot13", "x-no-such-charset", "utf-32"])
def test_other_odd_charset_names_fall_back_to_detection(tmp_path: Path, charset: str) -> None:
    page = f'<html><head><meta charset="{charset}"></head><body><p>{ARTICLE}</p></body></html>'
    (tmp_path / "page.html").write_bytes(page.encode("utf-8"))
    assert "وزارة الإعلام" in read_document(tmp_path / "page.html").text


@pytest.mark.skipif(sys.platform == "win32", reason="Windows file names are always text")
def test_an_undecodable_file_name_is_imported_under_an_escaped_name(tmp_path: Path, archive) -> None:
    odd = tmp_path / os.fsdecode(b"a-\xff\xfe-article.txt")
    odd.write_text(numbered_article(99), encoding="utf-8")
    good_articles(tmp_path)
    results = import_files(archive, [tmp_path])
    assert results[0].file == "a-\\xff\\xfe-article.txt"
    assert all(result.source_id is not None and not result.skipped for result in results)
    assert sources.get_source(archive, results[0].source_id).file_name == "a-\\xff\\xfe-article.txt"


def test_a_file_name_with_a_newline_is_shown_on_one_line(tmp_path: Path, archive) -> None:
    if sys.platform == "win32":
        pytest.skip("Windows file names cannot hold a newline")
    (tmp_path / "two\nlines.txt").write_text(ARTICLE, encoding="utf-8")
    [result] = import_files(archive, [tmp_path])
    assert result.file == "two\\nlines.txt" and "\n" not in result.file


def _docx_bytes(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return buffer.getvalue()


def _real_docx(tmp_path: Path) -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph(ARTICLE)
    document.save(tmp_path / "real.docx")
    return (tmp_path / "real.docx").read_bytes()


def _with_part(docx: bytes, name: str, data: bytes) -> bytes:
    parts = {}
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        for info in package.infolist():
            parts[info.filename] = package.read(info)
    parts[name] = data
    return _docx_bytes(parts)


def test_broken_word_documents_are_per_file_messages(tmp_path: Path, archive) -> None:
    real = _real_docx(tmp_path)
    broken = {
        "a-truncated.docx": real[: len(real) // 2],
        "a-not-xml.docx": _with_part(real, "word/document.xml", b"<w:document><w:body>"),
        "a-no-document.docx": _docx_bytes({"[Content_Types].xml": b"<Types/>"}),
        "a-bad-types.docx": _with_part(real, "[Content_Types].xml", b"\x00\x01 not xml"),
    }
    for name, data in broken.items():
        (tmp_path / name).write_bytes(data)
    good = good_articles(tmp_path)
    results = import_files(archive, [tmp_path])
    by_file = {result.file: result for result in results}
    for name in broken:
        assert by_file[name].skipped and name in by_file[name].skipped, name
    assert all(by_file[path.name].source_id is not None for path in good)


def test_broken_pdfs_are_per_file_messages(tmp_path: Path, archive) -> None:
    broken = {
        "a-header-only.pdf": b"%PDF-1.7\n" + b"garbage " * 100,
        "a-self-parent.pdf": (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj\n"
                              b"trailer << /Root 1 0 R >>\n%%EOF"),
        "a-kids.pdf": (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                       b"2 0 obj << /Type /Pages /Kids 5 /Count 1 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"),
    }
    for name, data in broken.items():
        (tmp_path / name).write_bytes(data)
    good = good_articles(tmp_path)
    results = import_files(archive, [tmp_path])
    by_file = {result.file: result for result in results}
    for name in broken:
        assert by_file[name].skipped and name in by_file[name].skipped, name
    assert all(by_file[path.name].source_id is not None for path in good)


# --- deep nesting (item 11) ------------------------------------------------------------------

def test_a_page_nested_200000_deep_says_it_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 200_000 + ARTICLE + "</div>" * 200_000 + "</body></html>",
                    encoding="utf-8")
    with pytest.raises(InputFileError) as raised:
        read_document(path)
    assert "nested too deeply" in raised.value.user_message("en")


# --- zip bombs (item 9) ----------------------------------------------------------------------

def _zip_with_zeros(path: Path, member: str, size: int, real_docx: bytes | None = None) -> None:
    """A zip whose ``member`` is ``size`` zero bytes, written a chunk at a time (small on disk)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        if real_docx is not None:
            with zipfile.ZipFile(io.BytesIO(real_docx)) as real:
                for info in real.infolist():
                    if info.filename != member:
                        package.writestr(info.filename, real.read(info))
        with package.open(member, "w", force_zip64=size >= 2**31) as part:
            chunk = bytes(2**20)
            for _ in range(size // len(chunk)):
                part.write(chunk)


def test_a_zip_bomb_is_refused_from_its_directory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    _zip_with_zeros(bomb, "word/media/image1.png", 300 * 2**20, _real_docx(tmp_path))
    assert bomb.stat().st_size < 2 * 2**20
    with pytest.raises(InputFileError) as raised:
        read_document(bomb)
    assert "zip bomb" in raised.value.user_message("en")


def _claim_size(data: bytearray, member: str, claimed: int) -> None:
    """Rewrite ``member``'s uncompressed size in the zip directory (what readers trust) to ``claimed``."""
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_length = int.from_bytes(data[at + 28:at + 30], "little")
        if data[at + 46:at + 46 + name_length] == member.encode():
            data[at + 24:at + 28] = claimed.to_bytes(4, "little")
            return
        at = data.find(b"PK\x01\x02", at + 4)
    raise AssertionError(f"{member} not in the zip directory")


def test_a_part_that_lies_about_its_size_is_refused_while_unpacking(tmp_path: Path) -> None:
    lying = tmp_path / "lying.docx"
    _zip_with_zeros(lying, "word/media/image1.png", 8 * 2**20, _real_docx(tmp_path))
    data = bytearray(lying.read_bytes())
    _claim_size(data, "word/media/image1.png", 1024)
    lying.write_bytes(bytes(data))
    with pytest.raises(InputFileError) as raised:
        read_document(lying)
    assert "lying.docx" in raised.value.user_message("en")


@pytest.mark.skipif(sys.platform == "win32", reason="peak memory is read with the resource module")
def test_a_bomb_of_one_gigabyte_never_takes_500_mb(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    _zip_with_zeros(bomb, "word/document.xml", 1024 * 2**20, _real_docx(tmp_path))
    probe = (
        "import resource, sys\n"
        "from archive.errors import InputFileError\n"
        "from archive.importing.readers import read_document\n"
        "try:\n"
        "    read_document(sys.argv[1])\n"
        "    print('read')\n"
        "except InputFileError as error:\n"
        "    print('refused', error)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n"
    )
    run = subprocess.run([sys.executable, "-c", probe, str(bomb)], capture_output=True, text=True, timeout=120)
    outcome, peak_mb = run.stdout.splitlines()
    assert outcome.startswith("refused"), run.stdout + run.stderr
    assert int(peak_mb) <= 500


def test_a_small_real_word_document_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "article.docx"
    path.write_bytes(_real_docx(tmp_path))
    assert "وزارة الإعلام" in read_document(path).text


def test_zlib_damage_inside_a_part_is_a_damaged_file(tmp_path: Path) -> None:
    real = _real_docx(tmp_path)
    data = bytearray(real)
    with zipfile.ZipFile(io.BytesIO(real)) as package:
        info = package.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + 10:start + 40] = os.urandom(30)
    (tmp_path / "damaged.docx").write_bytes(bytes(data))
    with pytest.raises(InputFileError):  # the damage is in the deflate stream of the text part
        read_document(tmp_path / "damaged.docx")


# --- links out of the folder (item 19) -------------------------------------------------------

@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_links_out_of_the_folder_are_skipped_with_a_reason(tmp_path: Path, archive) -> None:
    folder = tmp_path / "articles"
    elsewhere = tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    (elsewhere / "secret.txt").write_text(numbered_article(1), encoding="utf-8")
    (elsewhere / "inner.txt").write_text(numbered_article(2), encoding="utf-8")
    (folder / "own.txt").write_text(numbered_article(3), encoding="utf-8")
    (folder / "link-to-secret.txt").symlink_to(elsewhere / "secret.txt")
    (folder / "linked-folder").symlink_to(elsewhere, target_is_directory=True)
    (folder / "z-link-to-own.txt").symlink_to(folder / "own.txt")
    results = import_files(archive, [folder])
    by_file = {result.file: result for result in results}
    assert set(by_file) == {"own.txt", "link-to-secret.txt", "linked-folder", "z-link-to-own.txt"}
    assert by_file["own.txt"].source_id is not None
    assert by_file["z-link-to-own.txt"].duplicate  # a link inside the folder is followed: the same article
    assert "outside" in by_file["link-to-secret.txt"].skipped and by_file["link-to-secret.txt"].source_id is None
    assert "outside" in by_file["linked-folder"].skipped
    stored = [source.file_name for source in sources.list_sources(archive)]
    assert stored == ["own.txt"]


def test_a_text_too_long_for_one_article_is_refused_before_extraction(tmp_path: Path) -> None:
    from archive.importing.readers import MAX_ARTICLE_CHARACTERS, read_document, read_pasted

    words = "قال الوزير إن المنتدى ناجح. "
    longest = (words * (MAX_ARTICLE_CHARACTERS // len(words) + 1))[:MAX_ARTICLE_CHARACTERS]
    accepted = tmp_path / "longest.txt"
    accepted.write_text(longest, encoding="utf-8")
    assert len(read_document(accepted).text) == MAX_ARTICLE_CHARACTERS
    refused = tmp_path / "too-long.txt"
    refused.write_text(longest + "ا", encoding="utf-8")
    for read in (lambda: read_document(refused), lambda: read_pasted(longest + "ا")):
        with pytest.raises(InputFileError) as raised:
            read()
        assert "too long for one article" in str(raised.value)
