"""Every state of the world is a place: a headline that opens with a country and a colon ("اليابان: ...",
"السويد : ...") is that country's news, not a speaker's words, whichever country it is (``lexicon.PLACES``, read
from ``countries.json`` beside ``cities.json``). Issue 10, review round of 3 December 2026.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import json
from importlib import resources

from archive.importing import lexicon as lx
from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_far_country_before_the_headline_colon_is_no_speaker() -> None:
    text = ("اليابان: الحكومة ستواصل متابعة التجارب الصاروخية فوق اليابان عن كثب\n"
            "قال رئيس الوزراء الياباني هيروشي تاناكا، إن حكومته ستواصل متابعة التجارب عن كثب.\n")
    quotes = _quotes(text)
    assert [(quote.text, quote.speaker) for quote in quotes] == [
        ("حكومته ستواصل متابعة التجارب عن كثب", "هيروشي تاناكا")]


def test_a_country_with_a_space_before_the_colon_is_no_speaker() -> None:
    text = ("السويد : الوزيرة تدعو طالبي اللجوء إلى بلدان أخرى غير السويد\n"
            "قالت وزيرة الهجرة السويدية كارين لندبرغ إن الاندماج في البلاد يحتاج إلى وقت أطول.\n")
    assert [quote.speaker for quote in _quotes(text)] == ["كارين لندبرغ"]


def test_a_country_of_several_words_and_a_press_spelling() -> None:
    for country in ("كوريا الجنوبية", "الولايات المتحدة الأمريكية", "أميركا", "البرازيل"):
        text = (f"{country}: ارتفاع الصادرات خلال الربع الأول من العام الحالي\n"
                "قال وزير التجارة سامي الراشد إن الأرقام تبشر بعام جيد للمصدرين.\n")
        assert [quote.speaker for quote in _quotes(text)] == ["سامي الراشد"], country


def test_a_person_before_the_headline_colon_still_speaks() -> None:
    """The guard: a person's name above the article is still the headline's speaker."""
    text = ("تاناكا: لن نقبل أي تهديد لأمن المنطقة\n"
            "قال رئيس الوزراء الياباني هيروشي تاناكا، إن حكومته ستواصل متابعة التجارب عن كثب.\n")
    assert _quotes(text)[0].text == "لن نقبل أي تهديد لأمن المنطقة"
    assert _quotes(text)[0].speaker == "هيروشي تاناكا"


def test_the_data_file_names_every_member_state_once() -> None:
    data = json.loads(resources.files("archive.importing").joinpath("countries.json").read_text(encoding="utf-8"))
    assert data["_about"]
    first_names = [lx.key(names[0]) for names in data["states"]]
    assert len(first_names) == len(set(first_names)) >= 193
    assert all(name in lx.PLACES for name in first_names)
