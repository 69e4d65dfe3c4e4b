""""جمهورية" is a state's form as "دولة" and "مملكة" are (issue 10, the tenth set's speaker round, 3 December
2026): a post runs through "جمهورية" and the country's name it heads ("وزيرة خارجية جمهورية إندونيسيا"), and the
person's name starts after it, not at the country.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract


@pytest.mark.parametrize(("text", "speaker", "title"), [
    ("وأكدت وزيرة خارجية جمهورية إندونيسيا ريتنو مارسودي أن بلادها ستبقى ملتزمة بالسلام.",
     "ريتنو مارسودي", "وزيرة خارجية جمهورية إندونيسيا"),
    ("وقال رئيس وزراء جمهورية قيرغيزستان أديلبيك قاسمالييف إن بلاده تدعم مشاريع الربط الإقليمي.",
     "أديلبيك قاسمالييف", "رئيس وزراء جمهورية قيرغيزستان"),
])
def test_a_republic_and_its_name_belong_to_the_post(text: str, speaker: str, title: str) -> None:
    assert [(quote.speaker, quote.speaker_title) for quote in extract(text).quotes] == [(speaker, title)]
