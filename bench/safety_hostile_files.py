"""Hostile files for the data-safety benchmark, generated into a temp folder (never committed).

Each maker writes one case into an empty folder and returns what to import (the file, or the
folder) and the marker word whose article must (or must not) be found afterwards. The
expectation of each kind is in ``HOSTILE_KINDS``: "import" (stored, marker found), "refuse" (a
clear one-line refusal, nothing stored) or "either" (one of the two, clearly).
"""

from __future__ import annotations

import os
import random
import shutil
import struct
import threading
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from safety_common import article_text, marker

_DOCX_CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.'
                       'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="'
                       'application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
                       'ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="'
                       'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
_DOCX_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
              'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
              'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
              '</Relationships>')
_DOCX_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.'
              'openxmlformats.org/wordprocessingml/2006/main"><w:body>')
_DOCX_TAIL = "</w:body></w:document>"
_BOMBS: dict[int, Path] = {}
_BOMB_LOCK = threading.Lock()


@dataclass
class HostileCase:
    """What to import for one hostile case, and how to judge it."""

    paths: list[Path]
    marker: str | None = None  # an article's marker that must be found when the case imports
    good_names: list[str] = field(default_factory=list)  # files of a folder that must all be stored
    forbidden_marker: str | None = None  # must never be found (a file outside the folder)
    files: int = 1  # files the import reports on (one output line each)
    unreported: int = 0  # of those, how many it may pass over in silence (a link, a FIFO)


def _text(folder: Path, name: str | bytes, data: bytes) -> HostileCase:
    path = Path(os.fsdecode(name)) if isinstance(name, bytes) else Path(name)
    target = folder / path
    target.write_bytes(data)
    return HostileCase([target])


def _article(number: int, paragraphs: int = 6) -> str:
    return article_text(number, random.Random(number), paragraphs)


def _sized_article(number: int, size: int) -> str:
    """An article of about ``size`` UTF-8 bytes: a short article, then its body paragraphs repeated."""
    text = _article(number, 2)
    paragraph = _article(number + 1, 1).split("\n", 4)[-1]
    repeats = max(0, size - len(text.encode("utf-8"))) // len(paragraph.encode("utf-8")) + 1
    return text + paragraph * repeats


def _docx_bytes(xml_body: str) -> bytes:
    from io import BytesIO

    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _DOCX_CONTENT_TYPES)
        archive.writestr("_rels/.rels", _DOCX_RELS)
        archive.writestr("word/document.xml", _DOCX_HEAD + xml_body + _DOCX_TAIL)
    return buffer.getvalue()


def _paragraphs_xml(text: str) -> str:
    from xml.sax.saxutils import escape

    return "".join(f"<w:p><w:r><w:t>{escape(line)}</w:t></w:r></w:p>" for line in text.splitlines() if line)


def make_zip_bomb(path: Path, expanded: int = 2 * 1024 ** 3) -> None:
    """A .docx whose document.xml expands to ``expanded`` bytes of spaces (about 2 MB on disk).

    Writing it takes seconds, so it is written once per run and copied after that.
    """
    with _BOMB_LOCK:
        made = _BOMBS.get(expanded)
        if made is not None and made.exists():
            shutil.copyfile(made, path)
            return
        _write_zip_bomb(path, expanded)
        keep = next((parent for parent in path.parents if parent.name == "cases"), path.parent).parent
        _BOMBS[expanded] = keep / f"bomb-{expanded}.docx"
        shutil.copyfile(path, _BOMBS[expanded])


def _write_zip_bomb(path: Path, expanded: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _DOCX_CONTENT_TYPES)
        archive.writestr("_rels/.rels", _DOCX_RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write((_DOCX_HEAD + "<w:p><w:r><w:t>").encode())
            block = b" " * (16 * 1024 * 1024)
            for _ in range(expanded // len(block)):
                member.write(block)
            member.write(("</w:t></w:r></w:p>" + _DOCX_TAIL).encode())


def _png() -> bytes:
    raw = b"".join(b"\x00" + bytes(random.Random(1).randrange(256) for _ in range(300)) for _ in range(100))
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 100, 100, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _elf() -> bytes:
    return Path("/bin/ls").read_bytes()[:200_000] if Path("/bin/ls").exists() else b"\x7fELF\x02\x01\x01" + bytes(4000)


def _utf8_one_bad_byte(number: int) -> bytes:
    data = _article(number).encode("utf-8")
    cut = data.index(b"\n") + 40
    return data[:cut] + b"\xff" + data[cut:]


def _html(number: int, head: str = '<meta charset="utf-8">') -> bytes:
    body = "".join(f"<p>{line}</p>" for line in _article(number).splitlines())
    page = f"<!DOCTYPE html><html><head>{head}<title>خبر</title></head><body><article>{body}</article></body></html>"
    return page.encode()


def _nested_html(number: int, depth: int = 200_000) -> bytes:
    body = "".join(f"<p>{line}</p>" for line in _article(number).splitlines())
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + "<div>" * depth + body
            + "</div>" * depth + "</body></html>").encode()


def _broken_pdf() -> bytes:
    head = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R"
    return head + os.urandom(3000)


def _encoded(name: str, encoding: str, bom: bytes = b""):
    def build(folder: Path, number: int) -> HostileCase:
        case = _text(folder, name, bom + _article(number).encode(encoding))
        case.marker = marker(number)
        return case
    return build


def _importable(name: str, data_of):
    def build(folder: Path, number: int) -> HostileCase:
        case = _text(folder, name, data_of(number))
        case.marker = marker(number)
        return case
    return build


def _refused(name: str, data_of):
    def build(folder: Path, number: int) -> HostileCase:
        return _text(folder, name, data_of(number))
    return build


def _zip_bomb(folder: Path, number: int) -> HostileCase:
    make_zip_bomb(folder / "bomb.docx")
    return HostileCase([folder / "bomb.docx"])


def _symlink_outside(folder: Path, number: int) -> HostileCase:
    articles, outside = folder / "articles", folder / "outside"
    articles.mkdir()
    outside.mkdir()
    (articles / "good.txt").write_text(_article(number), encoding="utf-8")
    (outside / "secret.txt").write_text(_article(number + 1), encoding="utf-8")
    (articles / "link.txt").symlink_to(outside / "secret.txt")
    return HostileCase([articles], marker=marker(number), good_names=["good.txt"], forbidden_marker=marker(number + 1),
                       files=2, unreported=1)


def _symlink_device(folder: Path, number: int) -> HostileCase:
    articles = folder / "articles"
    articles.mkdir()
    (articles / "good.txt").write_text(_article(number), encoding="utf-8")
    (articles / "zero.txt").symlink_to("/dev/zero")
    return HostileCase([articles], marker=marker(number), good_names=["good.txt"], files=2, unreported=1)


def _fifo(folder: Path, number: int) -> HostileCase:
    articles = folder / "articles"
    articles.mkdir()
    (articles / "good.txt").write_text(_article(number), encoding="utf-8")
    os.mkfifo(articles / "pipe.txt")
    return HostileCase([articles], marker=marker(number), good_names=["good.txt"], files=2, unreported=1)


def _mixed(bad_name: str, bad_data_of):
    def build(folder: Path, number: int) -> HostileCase:
        articles = folder / "articles"
        articles.mkdir()
        good = []
        for offset in range(5):
            name = f"good-{offset}.txt"
            (articles / name).write_text(_article(number + offset), encoding="utf-8")
            good.append(name)
        if bad_name == "bomb.docx":
            make_zip_bomb(articles / bad_name)
        else:
            (articles / bad_name).write_bytes(bad_data_of(number + 10))
        return HostileCase([articles], marker=marker(number), good_names=good, files=6)
    return build


def _docx_of(number: int) -> bytes:
    return _docx_bytes(_paragraphs_xml(_article(number)))


# kind -> (maker(folder, number) -> HostileCase, expectation: "import" | "refuse" | "either")
HOSTILE_KINDS = {
    "empty .txt": (_refused("empty.txt", lambda n: b""), "refuse"),
    "blank .txt": (_refused("blank.txt", lambda n: b" \n\t\r\n   \n"), "refuse"),
    "PNG named .txt": (_refused("image.txt", lambda n: _png()), "refuse"),
    "ELF named .txt": (_refused("program.txt", lambda n: _elf()), "refuse"),
    "random bytes .txt": (_refused("noise.txt", lambda n: random.Random(n).randbytes(64_000)), "refuse"),
    "UTF-8 one bad byte": (_importable("bad-byte.txt", _utf8_one_bad_byte), "import"),
    "UTF-8 with BOM": (_encoded("bom.txt", "utf-8", b"\xef\xbb\xbf"), "import"),
    "UTF-8 CRLF": (_importable("crlf.txt", lambda n: _article(n).replace("\n", "\r\n").encode()), "import"),
    "UTF-8 with NUL bytes": (_importable("nul.txt", lambda n: _article(n).replace("\n", "\n\x00", 1).encode()),
                             "either"),
    "Windows-1256": (_encoded("cp1256.txt", "cp1256"), "import"),
    "ISO-8859-6": (_importable("iso.txt", lambda n: _article(n).replace("%", " ").encode("iso8859_6", "replace")),
                   "import"),
    "UTF-16 LE BOM": (_encoded("u16le-bom.txt", "utf-16-le", b"\xff\xfe"), "import"),
    "UTF-16 BE BOM": (_encoded("u16be-bom.txt", "utf-16-be", b"\xfe\xff"), "import"),
    "UTF-16 LE no BOM": (_encoded("u16le.txt", "utf-16-le"), "import"),
    "UTF-16 BE no BOM": (_encoded("u16be.txt", "utf-16-be"), "import"),
    "UTF-32 LE BOM": (_encoded("u32le-bom.txt", "utf-32-le", b"\xff\xfe\x00\x00"), "import"),
    "UTF-32 BE BOM": (_encoded("u32be-bom.txt", "utf-32-be", b"\x00\x00\xfe\xff"), "import"),
    "UTF-32 LE no BOM": (_encoded("u32le.txt", "utf-32-le"), "either"),
    "Latin-1 noise": (_refused("latin.txt", lambda n: bytes(random.Random(n).choice(range(0xA0, 0x100)) if i % 5 else 32
                                                            for i in range(20_000))), "either"),
    "25 MB text": (_importable("huge.txt", lambda n: _sized_article(n, 25 * 1024 * 1024).encode()), "refuse"),
    "0.25 MB article": (_importable("quarter.txt", lambda n: _sized_article(n, 256 * 1024).encode()), "import"),
    "0.5 MB article": (_importable("half.txt", lambda n: _sized_article(n, 512 * 1024).encode()), "import"),
    "1 MB article": (_importable("one-mb.txt", lambda n: _sized_article(n, 1024 * 1024).encode()), "import"),
    "good .docx": (_importable("good.docx", _docx_of), "import"),
    ".docx zip bomb": (_zip_bomb, "refuse"),
    "corrupt .docx": (_refused("corrupt.docx", lambda n: _docx_of(n)[: len(_docx_of(n)) // 2]), "refuse"),
    ".docx not a zip": (_refused("text.docx", lambda n: _article(n).encode()), "refuse"),
    "empty .docx": (_refused("empty.docx", lambda n: b""), "refuse"),
    "broken PDF": (_refused("broken.pdf", lambda n: _broken_pdf()), "refuse"),
    "good HTML": (_importable("page.html", _html), "import"),
    "HTML charset undefined": (_importable("undefined.html", lambda n: _html(n, '<meta charset="undefined">')),
                               "either"),
    "HTML 200,000 nested": (_importable("nested.html", _nested_html), "either"),
    "name with newline": (_importable("line\nbreak.txt", lambda n: _article(n).encode()), "import"),
    "name with undecodable bytes": (_importable(b"bad-\xff\xfe-name.txt", lambda n: _article(n).encode()), "either"),
    "symlink outside the folder": (_symlink_outside, "import"),
    "symlink to /dev/zero": (_symlink_device, "import"),
    "FIFO named .txt": (_fifo, "import"),
    "folder: binary + 5 good": (_mixed("noise.txt", lambda n: random.Random(n).randbytes(5000)), "import"),
    "folder: corrupt .docx + 5 good": (_mixed("corrupt.docx", lambda n: _docx_of(n)[:300]), "import"),
    "folder: nested HTML + 5 good": (_mixed("nested.html", _nested_html), "import"),
    "folder: zip bomb + 5 good": (_mixed("bomb.docx", None), "import"),
    "folder: undecodable name + 5 good": (_mixed(os.fsdecode(b"odd-\xff.txt"), lambda n: _article(n).encode()),
                                          "import"),
}
