"""A family name alone resolves to the full name printed earlier when that name has a definite middle name
after the given name ("محمد المهدي العلوي"; issue 10, leftovers). Every sentence is written for these tests."""

from __future__ import annotations

from archive.importing import lexicon as lx
from archive.importing.earlier_names import EarlierNames
from archive.importing.extraction import extract
from archive.importing.tokens import tokenize

_SAID = "الحوار الوطني هو الطريق الوحيد للخروج من الأزمة الحالية في البلاد"


def _full_name(text: str, family: str) -> str | None:
    tokens = tokenize(text)
    mention = EarlierNames(text, tokens).full_name(lx.key(family), len(tokens))
    return mention.name if mention is not None else None


def test_a_definite_middle_name_after_a_given_name_belongs_to_the_full_name() -> None:
    assert _full_name("استقبل الوزير محمد المهدي العلوي الوفد في مكتبه.", "العلوي") == "محمد المهدي العلوي"


def test_the_family_name_alone_later_is_the_speaker_with_the_full_name() -> None:
    text = (f"حضر وزير الثقافة محمد المهدي العلوي الحفل مساء أمس.\n"
            f"وأكد العلوي أن {_SAID}.")
    assert [quote.speaker for quote in extract(text).quotes] == ["محمد المهدي العلوي"]


def test_a_definite_noun_before_a_word_spelled_as_a_given_name_is_no_name() -> None:
    # «على» folds onto «علي»: a noun, its definite complement and a preposition are no name.
    assert _full_name("وتحدث عن إقبال الزائرين على الأجنحة.", "علي") is None


def test_a_title_with_its_definite_complement_stays_out_of_the_name() -> None:
    assert _full_name("وشاركت وزيرة الدولة للإعلام جمانة غنيمات في الحفل.", "غنيمات") == "جمانة غنيمات"
