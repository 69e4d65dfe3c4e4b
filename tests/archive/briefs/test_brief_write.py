"""Saving a brief where it cannot go is said in the user's language with what to do (before:
'تعذّرت كتابة /x/brief.pdf: No such file or directory' and '...: Is a directory')."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from archive.briefs.document import BriefPdf
from archive.errors import InputFileError

_LATIN_WORD = re.compile(r"\b[A-Za-z]{3,}\b")


def _arabic_message(path: Path) -> str:
    with pytest.raises(InputFileError) as caught:
        BriefPdf(b"%PDF-1.4\n%%EOF\n", 1).write(path)
    return caught.value.user_message("ar")


def test_a_folder_that_does_not_exist_is_said_in_arabic(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "brief.pdf"
    message = _arabic_message(target)
    assert str(target) in message
    assert _LATIN_WORD.findall(message.replace(str(target), "")) == [], message


def test_a_folder_given_as_the_file_is_said_in_arabic(tmp_path: Path) -> None:
    message = _arabic_message(tmp_path)
    assert _LATIN_WORD.findall(message.replace(str(tmp_path), "").replace(".pdf", "")) == [], message


def test_a_brief_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    BriefPdf(b"%PDF-1.4\n%%EOF\n", 1).write(target)
    assert target.read_bytes() == b"%PDF-1.4\n%%EOF\n"
