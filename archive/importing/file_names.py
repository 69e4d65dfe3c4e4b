"""File names as they are shown to the user: one line, every character visible.

A name on disk can hold a newline, a tab, a right-to-left override or (on Linux) bytes that are
not text at all (``os.fsdecode`` keeps them as lone surrogates). Printed as they are, they split
an output line in two, reorder it, or fail to print; ``shown_file_name`` writes each of them as
an escape instead (``\\n``, ``\\u202e``, ``\\xff``), so every result line names its file safely.
"""

from __future__ import annotations

import unicodedata

_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_HIDDEN_CATEGORIES = {"Cc", "Cs", "Zl", "Zp", "Co", "Cn"}
_DIRECTION_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def shown_file_name(name: str) -> str:
    """``name`` with control characters, direction overrides and undecodable bytes escaped."""
    if name.isprintable():
        return "".join(_escape(char) if char in _DIRECTION_CONTROLS else char for char in name)
    return "".join(_escape(char) if _hidden(char) else char for char in name)


def _hidden(char: str) -> bool:
    return char in _DIRECTION_CONTROLS or unicodedata.category(char) in _HIDDEN_CATEGORIES


def _escape(char: str) -> str:
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
