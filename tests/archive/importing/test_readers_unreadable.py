"""A file that cannot be read is said in the user's language, never with the system's English
reason ('تعذرت قراءة a.txt: No such file or directory' in the Arabic app)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from archive.errors import InputFileError
from archive.importing.readers import read_document

_LATIN_WORD = re.compile(r"\b[A-Za-z]{3,}\b")


def _arabic_message(path: Path) -> str:
    with pytest.raises(InputFileError) as caught:
        read_document(path)
    return caught.value.user_message("ar")


def _latin_words(message: str, name: str) -> list[str]:
    return _LATIN_WORD.findall(message.replace(name, ""))


def test_a_missing_file_is_said_in_arabic(tmp_path: Path) -> None:
    message = _arabic_message(tmp_path / "article.txt")
    assert "article.txt" in message
    assert _latin_words(message, "article.txt") == [], message


def test_a_folder_named_like_an_article_is_said_in_arabic(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "folder.txt" / "inside.txt").write_text("نص", encoding="utf-8")
    message = _arabic_message(tmp_path / "folder.txt")
    assert "folder.txt" in message
    assert _latin_words(message, "folder.txt") == [], message
