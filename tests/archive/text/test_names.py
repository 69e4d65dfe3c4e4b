"""Names: honorifics, matching keys across spellings, same-person scores, organisation keys."""

from __future__ import annotations

import itertools

import pytest

from archive.text.names import (
    HONORIFICS,
    name_key,
    name_tokens,
    organisation_key,
    same_person_score,
    split_honorific,
)

from .samples import ARTICLE_NAMES, load_sample


@pytest.mark.parametrize(
    ("written", "honorific", "name"),
    [
        ("معالي الدكتور عبدالله بن ناصر الحراصي", "معالي الدكتور", "عبدالله بن ناصر الحراصي"),
        ("سعادة الشيخ سالم العامري", "سعادة الشيخ", "سالم العامري"),
        ("النقيب محمد الهشامي", "النقيب", "محمد الهشامي"),
        ("د. إبراهيم السالمي", "د.", "إبراهيم السالمي"),
        ("د.إبراهيم السالمي", "د.", "إبراهيم السالمي"),
        ("أ.د. سالم الكندي", "أ.د.", "سالم الكندي"),
        ("الأستاذة عزة اليعربية", "الأستاذة", "عزة اليعربية"),
        ("الاستاذ خالد", "الاستاذ", "خالد"),
        ("م. فهد البلوشي", "م.", "فهد البلوشي"),
        ("المهندس فهد البلوشي", "المهندس", "فهد البلوشي"),
        ("العميد الركن سالم الغافري", "العميد الركن", "سالم الغافري"),
        ("الفريق أول سالم", "الفريق أول", "سالم"),
        ("صاحب السمو السيد فهد بن محمود", "صاحب السمو السيد", "فهد بن محمود"),
        ("صاحبة السمو الأميرة ريم", "صاحبة السمو الأميرة", "ريم"),
        ("حضرة صاحب الجلالة السلطان هيثم بن طارق", "حضرة صاحب الجلالة السلطان", "هيثم بن طارق"),
        ("الشيخة عائشة السيابية", "الشيخة", "عائشة السيابية"),
        ("مَعالي الدّكتور أحمد", "مَعالي الدّكتور", "أحمد"),
        ("فلاح بن علي الجابري", "", "فلاح بن علي الجابري"),
        ("دانة نبيل", "", "دانة نبيل"),  # "دانة" starts like "د" but is a name
        ("السيدات والسادة", "", "السيدات والسادة"),
        ("معالي الشيخ", "معالي الشيخ", ""),
        ("  النقيب  محمد  ", "النقيب", "محمد"),
    ],
)
def test_split_honorific(written: str, honorific: str, name: str) -> None:
    assert split_honorific(written) == (honorific, name)


def test_every_honorific_is_recognised() -> None:
    for title in HONORIFICS:
        assert split_honorific(f"{title} سالم الحارثي")[1] == "سالم الحارثي", title


SAME_NAME_SPELLINGS = [
    ("داود بن سليمان العذوبي", "داوود بن سليمان العذوبي"),
    ("إبراهيم بن سالم السالمي", "ابراهيم بن سالم السالمي"),
    ("أحمد شحادة", "احمد شحاده"),
    ("محمد الهشامي", "محمد هشامي"),
    ("محمد الهشامي", "النقيب محمد الهشامي"),
    ("عبدالله الحراصي", "معالي الدكتور عبد الله الحراصي"),
    ("عبد الرحمن الكندي", "عبدالرحمن الكندي"),
    ("نور الدين العبري", "نورالدين العبري"),
    ("مصطفى الرواحي", "مصطفي الرواحي"),
    ("عزة بنت خلفان اليعربية", "عزه بنت خلفان اليعربيه"),
    ("فاطمة بنت هلال الراجحية", "سعادة فاطمة بنت هلال الراجحية"),
    ("إبراهيم بن سالم السالمي", "إبراهيم سالم السالمي"),
    ("هاني الزدجالي", "هانئ الزدجالي"),
    ("عائشة السيابية", "عايشة السيابية"),
    ("مُحَمَّد الهِشامي", "محمد الهشامي"),
    ("فهد آل سعيد", "فهد السعيد"),
    ("أبو بكر الرواحي", "أبوبكر الرواحي"),
    ("سالم الغافري،", "«سالم الغافري»"),
]


@pytest.mark.parametrize(("first", "second"), SAME_NAME_SPELLINGS)
def test_name_key_makes_spellings_equal(first: str, second: str) -> None:
    assert name_key(first) == name_key(second)
    assert same_person_score(first, second) == 1.0


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("داود بن سليمان العذوبي", "داوود بن سليمان السلماني"),
        ("محمد الهشامي", "محمد الهاشمي"),
        ("عزة اليعربية", "فاطمة اليعربية"),
        ("علا الحارثي", "علاء الحارثي"),
        ("عبدالله الحراصي", "عبدالرحمن الحراصي"),
    ],
)
def test_name_key_keeps_different_names_apart(first: str, second: str) -> None:
    assert name_key(first) != name_key(second)
    assert same_person_score(first, second) < 0.5


def test_name_tokens() -> None:
    assert name_tokens("معالي الدكتور عبد الله بن ناصر الحراصي") == ["عبدالله", "ناصر", "حراصي"]
    assert name_tokens("عزة بنت خلفان اليعربية") == ["عزه", "خلفان", "يعربيه"]
    assert name_tokens("") == []
    assert name_tokens("معالي الشيخ") == []


@pytest.mark.parametrize(
    ("first", "second", "low", "high"),
    [
        ("إبراهيم بن سالم السالمي", "إبراهيم السالمي", 0.8, 0.95),  # shortened, same first and family
        ("إبراهيم بن سالم السالمي", "ابراهيم السالمى", 0.8, 0.95),
        ("إبراهيم بن سالم بن علي السالمي", "إبراهيم بن علي السالمي", 0.8, 0.95),
        ("إبراهيم بن سالم", "إبراهيم بن سالم السالمي", 0.5, 0.8),  # family name missing
        ("السالمي", "إبراهيم بن سالم السالمي", 0.5, 0.7),  # "وأكد السالمي": the family name alone
        ("إبراهيم", "إبراهيم بن سالم السالمي", 0.3, 0.5),
        ("محمد بن علي الهشامي", "محمد بن سالم الهشامي", 0.0, 0.49),  # different fathers
        ("داود بن سليمان العذوبي", "داوود بن سليمان السلماني", 0.0, 0.49),  # different families
        ("فاطمة الراجحية", "أحمد الراجحية", 0.0, 0.2),
        ("أحمد شحادة", "فلاح الجابري", 0.0, 0.0),
        ("", "أحمد", 0.0, 0.0),
    ],
)
def test_same_person_score(first: str, second: str, low: float, high: float) -> None:
    score = same_person_score(first, second)
    assert low <= score <= high
    assert same_person_score(second, first) == score


@pytest.mark.parametrize(
    ("written", "key_of"),
    [
        ("بمسرح وزارة الإعلام", "مسرح وزارة الاعلام"),
        ("بوزارة الإعلام", "وزارة الإعلام"),
        ("لوزارة الإعلام", "وزارة الاعلام"),
        ("من شرطة عمان السلطانية", "شرطة عُمان السلطانية"),
        ("لشركة ميتا", "شركة «ميتا»"),
        ("بالمديرية العامة للتربية والتعليم بمحافظة الداخلية", "المديرية العامة للتربية والتعليم بمحافظة الداخلية"),
        ("للمديرية العامة للتربية والتعليم بمحافظة الداخلية", "المديرية العامة للتربية والتعليم بمحافظة الداخلية"),
        ("بوزارة التنمية الاجتماعية", "وزارة التنمية الاجتماعية"),
        ("من وزارة النقل والاتصالات", "وزارة النقل و الاتصالات"),
        ("وبجامعة السلطان قابوس", "جامعة السلطان قابوس"),
        ("في مركز التواصل الحكومي", "مركز التواصل الحكومى"),
        ("مركز اتصالات الخدمات الحكوميّة", "مركز اتصالات الخدمات الحكومية"),
    ],
)
def test_organisation_key_makes_press_forms_equal(written: str, key_of: str) -> None:
    assert organisation_key(written) == organisation_key(key_of)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("بلدية مسقط", "لدية مسقط"),  # "بلدية" starts with ب but is the head noun itself
        ("بنك مسقط", "نك مسقط"),
        ("ولاية صحار", "لاية صحار"),
        ("وزارة الإعلام", "وزارة الصحة"),
        ("لجنة الإعلام", "جنة الإعلام"),
    ],
)
def test_organisation_key_does_not_cut_real_words(first: str, second: str) -> None:
    assert organisation_key(first) != organisation_key(second)


@pytest.mark.parametrize("name", ARTICLE_NAMES)
def test_sample_people_are_distinct_and_quotes_match_them(name: str) -> None:
    _article, gold = load_sample(name)
    people = gold["people"]
    for first, second in itertools.combinations(people, 2):
        assert same_person_score(first, second) < 0.5, (first, second)
    for quote in gold["quotes"]:
        assert max(same_person_score(quote["speaker"], person) for person in people) == 1.0


def test_sample_honorifics_split_off() -> None:
    _article, gold = load_sample("alroya-first-government-communication-forum")
    police_quote = next(quote for quote in gold["quotes"] if quote["speaker_title"] == "النقيب")
    assert split_honorific(f"{police_quote['speaker_title']} {police_quote['speaker']}") == (
        "النقيب", police_quote["speaker"])


def test_sample_organisations_match_as_printed_in_the_article() -> None:
    article, gold = load_sample("alwatan-gcc-29th-meeting-meta")
    assert organisation_key(gold["event"]["venue"]) == organisation_key("مسرح وزارة الإعلام")
    for quote in gold["quotes"]:
        organisation = quote["organisation"]
        if organisation:
            assert organisation_key(organisation) in organisation_key(article.replace("\n", " ")), organisation


def test_fadila_is_a_first_name_unless_it_introduces_a_sheikh_or_a_title() -> None:
    from archive.text.names import name_tokens, split_honorific

    assert split_honorific("فضيلة الراشدي") == ("", "فضيلة الراشدي")
    assert name_tokens("فضيلة الراشدي") == ["فضيله", "راشدي"]
    assert split_honorific("فضيلة الشيخ أحمد بن علي") == ("فضيلة الشيخ", "أحمد بن علي")
    assert split_honorific("صاحب الفضيلة الدكتور حمد الكندي") == ("صاحب الفضيلة الدكتور", "حمد الكندي")
    assert split_honorific("فضيلة المفتي سالم العبري") == ("فضيلة المفتي", "سالم العبري")
