"""A system error reaches the officer in their language: the reason the system gives
('No such file or directory', 'Permission denied') is English on most machines."""

from __future__ import annotations

import errno
import re

import pytest

_LATIN_WORD = re.compile(r"\b[A-Za-z]{3,}\b")


@pytest.mark.parametrize("error", [
    FileNotFoundError(errno.ENOENT, "No such file or directory", "/data/brief.pdf"),
    PermissionError(errno.EACCES, "Permission denied", "/data/brief.pdf"),
    IsADirectoryError(errno.EISDIR, "Is a directory", "/data/brief.pdf"),
    OSError(errno.ENOSPC, "No space left on device", "/data/brief.pdf"),
])
def test_system_errors_are_said_in_arabic(qt_language, error) -> None:
    from desktop.gui.errors import error_text

    text = error_text(error)
    assert "/data/brief.pdf" in text
    assert _LATIN_WORD.findall(text.replace("/data/brief.pdf", "")) == [], text
