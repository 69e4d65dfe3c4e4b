"""A body's name takes the country printed after it in construct, whatever language that country's name
comes from: an embassy ("بيان من سفارة ماليزيا بالقاهرة") and a ministry's domain printed without the
article ("المكتب الإعلامي لوزارة خارجية ماليزيا") (issue 10, sixth set's round, 2 December 2026).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.archive.extracted import quote_speakers

_SAID = "إن المؤتمر سيعقد في الشهر المقبل بمشاركة واسعة من دول المنطقة."


def test_an_embassys_statement_is_the_embassys_words() -> None:
    text = (f"وقال بيان من سفارة ماليزيا بالقاهرة {_SAID}\n"
            "وأوضح البيان أن المشاركين سيناقشون التعاون في المجالات التجارية والثقافية.")
    assert quote_speakers(text) == ["سفارة ماليزيا بالقاهرة", "سفارة ماليزيا بالقاهرة"]


def test_a_ministrys_domain_in_construct_keeps_its_country() -> None:
    text = "وأفاد المكتب الإعلامي لوزارة خارجية ماليزيا بأنه من المقرر عقد المؤتمر في الشهر المقبل بمشاركة واسعة."
    assert quote_speakers(text) == ["المكتب الإعلامي لوزارة خارجية ماليزيا"]


def test_a_definite_domain_still_ends_the_name_before_a_country() -> None:
    """Guard: "وزارة الخارجية ماليزيا" is no construct (the domain has the article)."""
    text = f"وقالت وزارة الخارجية في بيان {_SAID}"
    assert quote_speakers(text) == ["وزارة الخارجية"]
