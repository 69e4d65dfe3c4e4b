"""The one lock every use of PDFium in the program takes.

PDFium (through ``pypdfium2``) is not safe from two threads at once: its library keeps global
state, and a document opened or closed on one thread while another draws or reads a page can
corrupt memory. Two parts of Muntada call it, on different threads: importing a PDF reads its
text (``archive.importing.pdf_text``, on an import worker) and the brief dialog draws its preview
on a background lane (``desktop.gui.brief_dialog``). Each holds ``PDFIUM_LOCK`` from opening a
document to closing it (and every page, text page and bitmap made from it), so their calls take
turns. Reentrant: a function holding it may call another that takes it.
"""

from __future__ import annotations

import threading

PDFIUM_LOCK = threading.RLock()
