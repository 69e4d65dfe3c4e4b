"""None outlives the Qt calls that return nothing (PySide6 6.12 on Python 3.11).

PySide6 6.12.0 returns None from a method that returns nothing (``QLabel.setText``,
``QWidget.resize``, ``QPainter.fillRect``, ``QStyle.drawControl``...) without taking a reference
to it. From Python 3.12 None is immortal and this is harmless; on Python 3.11, which the Windows
build ships, each such call takes one of None's references away, and when they are used up the
process aborts ("Fatal Python error: none_dealloc: deallocating None"), losing the window and
whatever the officer was typing. Measured on 2026-12-02 with the sample archive: the main window
started with 78,674 references to None and lost 565 per search typed and shown with the browse
page drawn, so the app aborted after about 140 searches; the search results' delegate loses two
per row drawn.

``keep_none_alive`` gives None, once, as many references as a long session could ever take (what
Python 3.12 does for every immortal object): a debt of ``NONE_RESERVE`` calls. It does nothing on
Python 3.12 and later, on a debug build (whose objects start with other fields) or off CPython.
"""

from __future__ import annotations

import ctypes
import sys

NONE_RESERVE = 1 << 40  # references given to None: a trillion calls that return nothing


def keep_none_alive() -> None:
    """Give None ``NONE_RESERVE`` more references, once per process, where Python 3.11 needs them."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or hasattr(sys, "gettotalrefcount"):
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt: the first field of every object
    if refcount.value < NONE_RESERVE:
        refcount.value += NONE_RESERVE
