"""A ministry named by its short name speaks with its state's adjective (issue 10, the speakers round pooled
over every studied set with the eleventh, 3 December 2026): "وقالت الخارجية الإيرانية في بيان" is the Iranian
foreign ministry, not a body "الخارجية"; a time or a circumstance after the short name is no part of it.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.archive.extracted import quote_speakers


def test_a_short_ministry_name_with_its_states_adjective() -> None:
    text = "وقالت الخارجية البرتغالية في بيان لها مساء أمس إن السفارة ستفتح أبوابها الأسبوع المقبل."
    assert quote_speakers(text) == ["الخارجية البرتغالية"]


def test_a_short_ministry_name_alone() -> None:
    text = "وقالت الخارجية في بيان لها مساء أمس إن السفارة ستفتح أبوابها الأسبوع المقبل."
    assert quote_speakers(text) == ["الخارجية"]


def test_a_time_after_the_short_name_is_no_part_of_it() -> None:
    text = "وقالت الخارجية الليلة الماضية إن السفارة ستفتح أبوابها الأسبوع المقبل."
    assert quote_speakers(text) == ["الخارجية"]
