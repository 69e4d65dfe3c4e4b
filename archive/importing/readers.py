"""Reading press coverage from disk: plain text in any usual Arabic encoding, Word, web pages, PDF
(its text in reading order: ``pdf_text``).

``read_document(path)`` returns a ``DecodedDocument`` whose ``text`` is what every later step
(extraction spans, the stored source, the content hash) refers to. ``read_pasted(text)`` wraps text
copied from elsewhere. Everything a user can meet (empty, binary, too large, truncated, unknown
encoding, a scanned PDF) is an ``InputFileError`` with a message saying what to do.

Encodings are detected, not guessed blindly: a byte-order mark wins; then UTF-16 without a mark
(told by where the zero and 0x06 bytes fall); then UTF-8; then the single-byte Arabic code pages
(Windows-1256, ISO-8859-6) and charset-normalizer's best guess are each decoded and scored for how
much the result reads like Arabic (or plain Latin) text.

A file that is overwhelmingly valid UTF-8 (at most one bad byte for every 20 well-formed multi-byte
characters) is UTF-8 even with a few damaged bytes: each bad byte becomes U+FFFD and the document
carries a warning saying how many, instead of the whole article being read as Windows-1256
mojibake. Arabic in a single-byte code page almost never forms a valid multi-byte sequence, so the
two cannot be confused.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from archive.errors import InputFileError
from archive.i18n import ntr
from archive.importing import html_text
from archive.importing.file_names import shown_file_name
from archive.importing.zip_guard import check_zip_package

MAX_TEXT_FILE_BYTES = 20 * 1024 * 1024  # far beyond any article; protects memory and the archive
MAX_PACKED_FILE_BYTES = 40 * 1024 * 1024  # .docx and .pdf carry images, so they may be larger
# Extraction holds about 90 bytes of working data a character (measured: 53 MB for a 593,000-character
# article), so a text this long stays well under 500 MB; it is some 800 pages, far beyond any article.
MAX_ARTICLE_CHARACTERS = 2_000_000
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".mht"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".docx", ".pdf"}

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"%PDF", b"\x7fELF", b"MZ", b"\xd0\xcf\x11\xe0")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
_COMMON_ARABIC = re.compile(r"(?:^|\s)(?:ال|في|من|على|إلى|الى|أن|و)")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_ODD_LATIN = re.compile(r"[\u00C0-\u00FF\u00D7\u00F7]")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # a byte that was not UTF-8, as surrogateescape keeps it
_NON_ASCII = re.compile("[^\x00-\x7f]")
_PRESENTATION_FORMS = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF]")


REPLACEMENT_CHARACTER = "\ufffd"
_MULTIBYTE_PER_BAD_BYTE = 20  # "overwhelmingly UTF-8": at least this many good multi-byte characters per bad byte


@dataclass(frozen=True)
class DecodedDocument:
    """An article's text as decoded from a file; ``format`` is txt, docx, html, pdf or pasted.

    ``warnings`` are messages for the user (already in their language) about a file that was read
    with a loss, such as damaged bytes replaced with U+FFFD.
    """

    text: str
    file_name: str
    encoding: str | None
    format: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from bytes: the encoding used, and how many bytes could not be read (now U+FFFD)."""

    text: str
    encoding: str
    replaced_bytes: int = 0


def replaced_bytes_warning(count: int) -> str:
    """The user's message for ``count`` damaged bytes replaced with U+FFFD."""
    return ntr("{n} byte could not be read and was replaced with \ufffd",
               "{n} bytes could not be read and were replaced with \ufffd", count)


def read_document(path: Path | str) -> DecodedDocument:
    """Read one file of a supported kind, or raise ``InputFileError`` saying why it cannot be used."""
    path = Path(path)
    name = shown_file_name(path.name)  # every message and the stored name: one visible line
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputFileError("{name}: this kind of file is not supported (use .txt, .docx, .html, .htm or .pdf).",
                             name=name)
    data = _read_bytes(path, name, MAX_PACKED_FILE_BYTES if suffix in {".docx", ".pdf"} else MAX_TEXT_FILE_BYTES)
    if suffix == ".docx":
        document = DecodedDocument(_docx_text(data, name), name, None, "docx")
    elif suffix == ".pdf":
        document = DecodedDocument(_pdf_text(data, name), name, None, "pdf")
    elif suffix in HTML_SUFFIXES:
        markup = html_text.decode_html_bytes(data, name)
        document = DecodedDocument(html_text.article_text(markup.text, name), name, markup.encoding, "html",
                                   _warnings(markup))
    else:
        decoded = decode_text(data, name)
        document = DecodedDocument(decoded.text, name, decoded.encoding, "txt", _warnings(decoded))
    _require_article_length(document.text, name)
    _require_words(document.text, name)
    return document


def _require_article_length(text: str, name: str) -> None:
    if len(text) > MAX_ARTICLE_CHARACTERS:
        raise InputFileError(
            "{name} is too long for one article ({count} characters; at most {limit}). Split it into smaller files.",
            name=name, count=f"{len(text):,}", limit=f"{MAX_ARTICLE_CHARACTERS:,}")


def _warnings(decoded: DecodedText) -> tuple[str, ...]:
    return (replaced_bytes_warning(decoded.replaced_bytes),) if decoded.replaced_bytes else ()


def read_pasted(text: str, name: str = "pasted text") -> DecodedDocument:
    """Wrap text pasted by the user (already a string) as a document."""
    if len(text) > MAX_TEXT_FILE_BYTES:
        raise InputFileError("{name} is too large to be an article ({size} MB); the limit is {limit} MB.",
                             name=name, size=len(text) // 2**20, limit=MAX_TEXT_FILE_BYTES // 2**20)
    _require_article_length(text, name)
    _require_words(text, name)
    return DecodedDocument(text, name, None, "pasted")


def decode_text_bytes(data: bytes, name: str = "text") -> tuple[str, str]:
    """Decode the bytes of a plain-text file; returns (text, encoding name) or raises ``InputFileError``."""
    decoded = decode_text(data, name)
    return decoded.text, decoded.encoding


def decode_text(data: bytes, name: str = "text") -> DecodedText:
    """Decode the bytes of a plain-text file, or raise ``InputFileError`` saying why it cannot be read."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding == "utf-8-sig":
                return _utf8_with_damage(data[len(bom):], name, encoding) or DecodedText(
                    _strict_decode(data[len(bom):], encoding, name), encoding)
            return DecodedText(_strict_decode(data[len(bom):], encoding, name), encoding)
    utf16 = _utf16_without_bom(data)  # before UTF-8: Arabic UTF-16 bytes are all valid ASCII
    if utf16:
        return DecodedText(_strict_decode(data, utf16, name), utf16)
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data or data.startswith(_BINARY_MAGIC):
        raise InputFileError("{name} is not a text file (it looks like binary data).", name=name)
    return _utf8_with_damage(data, name) or DecodedText(*_best_single_byte(data, name))


def _utf8_with_damage(data: bytes, name: str, encoding: str = "utf-8") -> DecodedText | None:
    """UTF-8 with a few bad bytes, each replaced with U+FFFD; None when the text is not mostly UTF-8."""
    escaped = data.decode("utf-8", errors="surrogateescape")  # each bad byte becomes one lone surrogate
    text, bad = _ESCAPED_BYTE.subn(REPLACEMENT_CHARACTER, escaped)
    multibyte = len(_NON_ASCII.findall(escaped)) - bad
    if bad == 0 or multibyte < bad * _MULTIBYTE_PER_BAD_BYTE:
        return None
    return DecodedText(text, encoding, bad)


def _unreadable(error: OSError, name: str) -> InputFileError:
    """The reason a file cannot be read, in words the user can act on: the system's own reason
    (strerror) is English on most machines, so the common cases are named here."""
    if isinstance(error, FileNotFoundError):
        return InputFileError("{name} was not found: check that the file is still there and import it again.",
                              name=name)
    if isinstance(error, IsADirectoryError):
        return InputFileError("{name} is a folder: import the folder itself to read the articles in it.", name=name)
    if isinstance(error, PermissionError):
        return InputFileError("You are not allowed to read {name}: copy it to your own folder and import the copy.",
                              name=name)
    return InputFileError("Cannot read {name}: {reason}", name=name, reason=error.strerror or str(error))


def _read_bytes(path: Path, name: str, limit: int) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as error:
        raise _unreadable(error, name) from error
    if size == 0:
        raise InputFileError("{name} is empty.", name=name)
    if size > limit:
        raise InputFileError("{name} is too large to be an article ({size} MB); the limit is {limit} MB.",
                             name=name, size=size // 2**20, limit=limit // 2**20)
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)  # a file growing after stat() is still cut at the limit
    except OSError as error:
        raise _unreadable(error, name) from error
    if len(data) > limit:
        raise InputFileError("{name} is too large to be an article ({size} MB); the limit is {limit} MB.",
                             name=name, size=len(data) // 2**20, limit=limit // 2**20)
    return data


def _strict_decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputFileError("{name} is damaged: it is not valid {encoding} text.",
                             name=name, encoding=encoding) from error


def _utf16_without_bom(data: bytes) -> str | None:
    # Arabic and Latin text in UTF-16 puts 0x00 or 0x06 in the high byte of almost every character;
    # which half of each pair holds it tells little- from big-endian.
    sample = data[:20000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    pairs = len(even)
    high_in_odd = sum(1 for byte in odd if byte in (0x00, 0x06, 0x20)) / pairs
    high_in_even = sum(1 for byte in even if byte in (0x00, 0x06, 0x20)) / pairs
    if high_in_odd > 0.9 and odd.count(0) + odd.count(6) > pairs * 0.5:
        encoding = "utf-16-le"
    elif high_in_even > 0.9 and even.count(0) + even.count(6) > pairs * 0.5:
        encoding = "utf-16-be"
    else:
        return None
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return encoding


def _best_single_byte(data: bytes, name: str) -> tuple[str, str]:
    candidates = ["cp1256", "iso8859_6"]
    guessed = _charset_normalizer_guess(data)
    if guessed and guessed not in candidates:
        candidates.append(guessed)
    scored: list[tuple[float, str, str]] = []
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((_readability_score(text), encoding, text))
    if not scored:
        raise InputFileError("Cannot tell the encoding of {name}; save it as UTF-8 and import it again.", name=name)
    score, encoding, text = max(scored)
    if score < 0.5:
        raise InputFileError("Cannot tell the encoding of {name}; save it as UTF-8 and import it again.", name=name)
    return text, encoding


def _charset_normalizer_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200000]).best()
    return best.encoding if best is not None else None


def _readability_score(text: str) -> float:
    """Share of the text that reads as Arabic or Latin prose, with a bonus for common Arabic words."""
    if not text:
        return 0.0
    letters = len(_ARABIC_LETTER.findall(text))
    latin = sum(len(word) for word in _LATIN_WORD.findall(text))
    odd = len(_ODD_LATIN.findall(text))
    controls = sum(1 for char in text if unicodedata.category(char) == "Cc" and char not in "\r\n\t")
    spaces = text.count(" ") + text.count("\n")
    plausible = (letters + latin + spaces + sum(char.isdigit() for char in text) - 4 * odd - 4 * controls) / len(text)
    words = max(1, len(text.split()))
    common = len(_COMMON_ARABIC.findall(text)) / words if letters else 0.0
    return plausible + common


def _require_words(text: str, name: str) -> None:
    if not text.strip():
        raise InputFileError("{name} is empty.", name=name)
    visible = sum(1 for char in text[:5000] if char.isprintable() or char in "\r\n\t")
    if visible < 0.95 * min(len(text), 5000):
        raise InputFileError("{name} is not a text file (it looks like binary data).", name=name)


def _docx_text(data: bytes, name: str) -> str:
    import io

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    check_zip_package(data, name)  # sizes and ratios first: a zip bomb is refused before it is unpacked
    try:
        document = Document(io.BytesIO(data))
        return "\n".join(_docx_blocks(document))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, OSError, TypeError, AttributeError,
            IndexError, etree.LxmlError, zlib.error) as error:  # what a damaged package raises inside python-docx
        raise InputFileError("{name} is damaged or not a Word document (.docx); open it in Word and save it again.",
                             name=name) from error


def _docx_blocks(document: object) -> list[str]:
    """Paragraph texts in reading order, table cells included (press layouts put text in tables)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    blocks: list[str] = []
    for item in document.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(item, Paragraph):
            blocks.append(item.text)
        elif isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    blocks.extend(paragraph.text for paragraph in cell.paragraphs)
    return blocks


def _pdf_text(data: bytes, name: str) -> str:
    import pypdfium2

    from archive.importing.pdf_text import PdfTextTooLong, pdf_pages_text

    try:
        pages = pdf_pages_text(data, MAX_TEXT_FILE_BYTES)
    except PdfTextTooLong as error:
        raise InputFileError("{name} holds more text than an article ({size} MB); the limit is {limit} MB.",
                             name=name, size=error.size // 2**20, limit=MAX_TEXT_FILE_BYTES // 2**20) from error
    except pypdfium2.PdfiumError as error:  # PDFium's one error for a damaged, encrypted or non-PDF file
        raise InputFileError("{name} is damaged or not a PDF file.", name=name) from error
    text = "\n\n".join(page.strip("\n") for page in pages)
    if not text.strip():
        raise InputFileError("{name} has no text layer (it is a scanned image); "
                             "run it through text recognition (OCR) or paste the article text instead.", name=name)
    if _PRESENTATION_FORMS.search(text):
        # Some PDF producers store Arabic as contextual glyph forms; NFKC folds them back into letters.
        text = unicodedata.normalize("NFKC", text)
    return text
