"""PDFium takes turns: the brief preview's drawing and a PDF import's reading hold one lock (archive.pdfium).

PDFium is not safe from two threads at once; the brief dialog draws its preview on a background lane
while an import may be reading a PDF's text on another thread.
"""

from __future__ import annotations

import threading
from pathlib import Path

from archive.importing.pdf_text import pdf_pages_text
from archive.pdfium import PDFIUM_LOCK
from desktop.gui.brief_dialog import page_count, render_page

SAMPLE = Path(__file__).resolve().parents[1] / "archive" / "pdf_samples" / "libreoffice-writer.pdf"


def _in_thread(work) -> tuple[threading.Thread, list]:
    results: list = []
    thread = threading.Thread(target=lambda: results.append(work()), daemon=True)
    thread.start()
    return thread, results


def test_every_use_of_pdfium_waits_while_another_thread_holds_the_lock() -> None:
    data = SAMPLE.read_bytes()
    expected = (pdf_pages_text(data, 10**7), page_count(data), render_page(data, 0, 200).size())
    with PDFIUM_LOCK:
        waiting = [_in_thread(lambda: pdf_pages_text(data, 10**7)), _in_thread(lambda: page_count(data)),
                   _in_thread(lambda: render_page(data, 0, 200).size())]
        for thread, _ in waiting:
            thread.join(0.5)
            assert thread.is_alive()  # it waits for the lock instead of calling PDFium at the same time
    for thread, _ in waiting:
        thread.join(30)
    assert tuple(results[0] for _, results in waiting) == expected


def test_reading_and_drawing_on_two_threads_at_once_both_finish_correctly() -> None:
    data = SAMPLE.read_bytes()
    text, size = pdf_pages_text(data, 10**7), render_page(data, 0, 300).size()
    start = threading.Barrier(2)

    def read() -> list:
        start.wait()
        return [pdf_pages_text(data, 10**7) for _ in range(15)]

    def draw() -> list:
        start.wait()
        return [render_page(data, 0, 300).size() for _ in range(15)]

    (reader, read_results), (drawer, draw_results) = _in_thread(read), _in_thread(draw)
    reader.join(120)
    drawer.join(120)
    assert read_results == [[text] * 15] and draw_results == [[size] * 15]
