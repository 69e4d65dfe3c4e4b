"""Machine checks of rendered PDFs shared by the brief tests: text extraction, word recovery, fonts, char order."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

# Controls pdftotext wraps around right-to-left runs, and Arabic harakat (an extractor puts a
# mark beside the letter its glyph is drawn after, not always the one it belongs to).
_EXTRACTION_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u064b-\u0652\u0670]")
_PUNCTUATION = re.compile(r"^[\s\"'()\[\]{}.,:;!?،؛؟«»%]+|[\s\"'()\[\]{}.,:;!?،؛؟«»%]+$")
# pdftotext puts the space around a left-to-right run inside Arabic on one side ("من  120ألف")
# and reads "35%" there as "%35": words are compared split at script changes, "%" aside.
_SCRIPT_CHANGE = re.compile(r"(?<=[\u0600-\u06ff])(?=[0-9A-Za-z\u0660-\u0669])"
                            r"|(?<=[0-9A-Za-z\u0660-\u0669])(?=[\u0600-\u06ff])")
_LAM_ALEF = re.compile("ل[اأإآ]")


def pdftotext(path: Path) -> str:
    """The text poppler extracts (skips the test when poppler-utils is not installed)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return _EXTRACTION_MARKS.sub("", result.stdout.decode("utf-8"))


def words_of(text: str) -> list[str]:
    """Words without surrounding punctuation or harakat."""
    text = _SCRIPT_CHANGE.sub(" ", _EXTRACTION_MARKS.sub("", text))
    words = (_PUNCTUATION.sub("", word) for word in text.split())
    return [word for word in words if word]


def word_recovery(quotes: list[str], extracted: str) -> tuple[float, list[str]]:
    """Share of the quotes' words (LAM-ALEF words aside) found among the extracted words, and the missing ones."""
    expected = [word for quote in quotes for word in words_of(quote) if not _LAM_ALEF.search(word)]
    found = set(words_of(extracted))
    missing = [word for word in expected if word not in found]
    return 1 - len(missing) / max(len(expected), 1), missing


def unembedded_fonts(path: Path) -> list[str]:
    """Names of fonts used in the PDF without an embedded font file."""
    missing: list[str] = []
    for page in PdfReader(str(path)).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for reference in fonts.values():
            font = reference.get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.append(str(font.get("/BaseFont")))
    return missing


def visual_tokens(chars: list[dict]) -> list[tuple[str, list[float]]]:
    """Space-separated runs of one line's characters, left to right: (text in drawing order, x0 per char)."""
    tokens: list[tuple[str, list[float]]] = []
    current_text, current_x = "", []
    for char in sorted(chars, key=lambda char: char["x0"]):
        if char["text"].isspace():
            if current_text:
                tokens.append((current_text, current_x))
            current_text, current_x = "", []
        else:
            current_text += char["text"]
            current_x.append(char["x0"])
    if current_text:
        tokens.append((current_text, current_x))
    return tokens


def lines_of(page) -> list[list[dict]]:
    """A pdfplumber page's characters grouped into lines (top to bottom)."""
    lines: dict[int, list[dict]] = {}
    for char in page.chars:
        lines.setdefault(round(char["top"]), []).append(char)
    return [lines[top] for top in sorted(lines)]


def to_unicode_targets(path: Path) -> set[str]:
    """Every text the embedded fonts' ToUnicode maps give for their codes. (poppler and pdfminer
    fold presentation forms themselves, so this is what tells whether the PDF itself is right.)"""
    targets: set[str] = set()
    for page in PdfReader(str(path)).pages:
        for font in page.get("/Resources", {}).get("/Font", {}).values():
            cmap = font.get_object().get("/ToUnicode")
            if cmap is not None:
                data = cmap.get_object().get_data().decode("latin-1")
                for hex_text in re.findall(r"<[0-9A-F]{2}> <((?:[0-9A-F]{4})+)>", data):
                    targets.add(bytes.fromhex(hex_text).decode("utf-16-be"))
    return targets
