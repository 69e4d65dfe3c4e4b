"""bench/corpus/marked_words_audit.py: the marks it finds inside a quote's span (our own sentences)."""

from __future__ import annotations

import sys
from pathlib import Path

CORPUS_TOOLS = Path(__file__).resolve().parents[2] / "bench" / "corpus"
if str(CORPUS_TOOLS) not in sys.path:
    sys.path.insert(0, str(CORPUS_TOOLS))

import corpus_layout  # noqa: E402
import marked_words_audit  # noqa: E402


def test_a_mark_opening_after_the_first_words_is_found_with_its_close() -> None:
    text = 'وأكد الوزير أن المعرض "سيستقبل آلاف الزوار" هذا العام.'
    start = text.index("المعرض")
    end = text.index(" هذا")
    found = marked_words_audit.marked_segments(text, start, end)
    assert [text[opened + 1:closed] for opened, closed in found] == ["سيستقبل آلاف الزوار"]


def test_a_span_opening_at_its_words_and_guillemets_are_read_alike() -> None:
    text = "وأكد الوزير أن الملتقى «يفتح صفحة جديدة» و«يجمع المؤسسات» كلها."
    start = text.index("الملتقى")
    found = marked_words_audit.marked_segments(text, start, len(text))
    assert [text[opened + 1:closed] for opened, closed in found] == ["يفتح صفحة جديدة", "يجمع المؤسسات"]


def test_the_held_out_set_is_never_among_the_studied_sets() -> None:
    held_out = corpus_layout.read_fresh(CORPUS_TOOLS / corpus_layout.HELD_OUT_SETS[-1].file_name)
    assert held_out and not held_out & set(marked_words_audit.studied_sets())
