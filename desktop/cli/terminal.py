"""How the command line shows a search hit: in reverse video on a terminal, unmarked elsewhere.

Hits used to be wrapped in «…», which in Arabic are quotation marks: an officer who copied a
result into a brief quoted a word the speaker never set apart. Terminal emphasis (an ANSI
escape) is not copied with the text; output sent to a file or another program gets the plain
text, as ``grep --color=auto`` does (``--json`` gives the hits' spans). ``NO_COLOR`` turns the
emphasis off (https://no-color.org).
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

REVERSE_VIDEO = ("\x1b[7m", "\x1b[27m")
NO_MARKS = ("", "")


def hit_marks(stream: TextIO) -> tuple[str, str]:
    """What to write before and after a hit on ``stream``: reverse video, or nothing."""
    if os.environ.get("NO_COLOR") or not _is_terminal(stream):
        return NO_MARKS
    if sys.platform == "win32" and not _windows_console_takes_escapes(stream):
        return NO_MARKS
    return REVERSE_VIDEO


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stream
        return False


def _windows_console_takes_escapes(stream: TextIO) -> bool:
    """Turn on the Windows console's escape sequences (Windows 10 and later); False when it cannot."""
    import ctypes
    import msvcrt
    from ctypes import wintypes

    enable_virtual_terminal_processing = 0x0004
    try:
        handle = msvcrt.get_osfhandle(stream.fileno())
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
        # Declared, so that a handle is passed whole on 64-bit Windows (ctypes assumes a C int)
        kernel32.GetConsoleMode.argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD))
        kernel32.SetConsoleMode.argtypes = (wintypes.HANDLE, wintypes.DWORD)
        mode = wintypes.DWORD()
        if not kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
            return False
        if mode.value & enable_virtual_terminal_processing:
            return True
        return bool(kernel32.SetConsoleMode(handle, mode.value | enable_virtual_terminal_processing))
    except (OSError, ValueError, AttributeError):
        return False
