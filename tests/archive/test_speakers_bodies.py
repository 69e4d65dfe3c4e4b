"""Bodies that speak (issue 10, half B's misses), on sentences written for these tests.

A statement of a ministry is the ministry's words ("أفاد بلاغ لوزارة ... بأن"); an agency named by its
head word alone ("وأشارت الوكالة") is the agency named in full before; a body's name runs through
"لمعرض ..." and through a king's name ("مركز الملك عبدالعزيز ..."); a government is a body.
"""

from __future__ import annotations

from archive.importing.extraction import extract


def _quotes(text: str) -> list:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_statement_of_a_ministry_is_the_ministry_speaking() -> None:
    text = "وأفاد بلاغ لوزارة الشؤون الاجتماعية، اليوم الجمعة، بأن الدعم سيصرف للأسر المستحقة الأسبوع المقبل."
    [quote] = _quotes(text)
    assert quote.speaker == "وزارة الشؤون الاجتماعية"
    assert quote.speaker_kind == "organisation"


def test_a_statement_issued_by_a_ministry_is_the_ministry_speaking() -> None:
    text = "وذكر بيان صادر عن وزارة الصحة أن الحملة ستبدأ غدا في جميع المدارس الحكومية."
    [quote] = _quotes(text)
    assert quote.speaker == "وزارة الصحة"


def test_an_agency_named_by_its_head_word_is_the_agency_named_before() -> None:
    text = ("ونقلت الوكالة الوطنية للأنباء عن الوزير سامي خليل قوله إن الطرق آمنة في كل المحافظات.\n"
            "وأشارت الوكالة، إلى أن الوزير زار المدينة ثلاث مرات خلال الشهر الماضي.")
    quotes = _quotes(text)
    assert quotes[-1].speaker == "الوكالة الوطنية للأنباء"


def test_a_committee_of_a_book_fair_keeps_the_fair_in_its_name() -> None:
    text = ("أعلنت اللجنة العليا لمعرض الشارقة الدولي للكتاب، برئاسة الدكتور سامي علي، أن المعرض "
            "استقبل ألف زائر في يومه الأول.")
    [quote] = _quotes(text)
    assert quote.speaker == "اللجنة العليا لمعرض الشارقة الدولي للكتاب"


def test_a_centre_named_after_a_king_keeps_the_king_s_name() -> None:
    text = "وأكد مركز الملك عبدالعزيز للحوار الوطني أن الندوة ستعقد في الرياض الشهر المقبل."
    [quote] = _quotes(text)
    assert quote.speaker == "مركز الملك عبدالعزيز للحوار الوطني"


def test_a_prime_minister_of_a_government_of_national_unity_keeps_his_name() -> None:
    text = ("علق رئيس وزراء حكومة الوحدة الوطنية عبدالحميد سالم الدبيبة على الانتقادات الموجهة للحكومة، "
            "وقال إن هذه إجراءات ضرورية لترسيخ وجود الدولة في المدن.")
    [quote] = _quotes(text)
    assert quote.speaker == "عبدالحميد سالم الدبيبة"



def test_the_statement_named_before_speaks_for_its_body() -> None:
    text = ("أكدت وزارة الداخلية في بيان لها اليوم، أن الأوضاع الأمنية مستقرة في جميع المناطق.\n"
            "وأشار البيان إلى أن اللجنة ستعقد اجتماعها المقبل في القاهرة الشهر المقبل.")
    proposals = extract(text)
    quotes = _quotes(text)
    assert [quote.speaker for quote in quotes] == ["وزارة الداخلية", "وزارة الداخلية"]
    assert [person.organisation for person in proposals.people] == ["وزارة الداخلية"]  # not "بيان لها"


def test_a_statement_with_no_body_before_it_has_no_speaker() -> None:
    [quote] = _quotes("وأشار البيان إلى أن اللجنة ستعقد اجتماعها المقبل في القاهرة الشهر المقبل.")
    assert quote.speaker is None and quote.confidence <= 0.4


def test_informed_sources_are_nobody_in_particular() -> None:
    [quote] = _quotes("وقالت مصادر مطلعة إن الاجتماع سيعقد الأسبوع المقبل في العاصمة الإدارية.")
    assert quote.speaker is None
    assert quote.speaker_kind == "group"


def test_a_conference_speaking_is_the_conference_named_before() -> None:
    text = ("اختتمت أمس في الفندق الكبير أعمال المؤتمر العربي للمدن المستدامة في نسخته الثانية. وأكد المؤتمر "
            "في ختام أعماله على أن المدن هي المحرك الأساسي للتنمية المستدامة في المنطقة.")
    [quote] = _quotes(text)
    assert quote.speaker == "المؤتمر العربي للمدن المستدامة"
    assert quote.speaker_kind == "organisation"


def test_a_conference_named_only_by_its_noun_speaks_as_printed() -> None:
    text = "وفي اليوم الأخير من الأعمال، أكد المؤتمر على أن المدن هي المحرك الأساسي للتنمية في المنطقة."
    [quote] = _quotes(text)
    assert quote.speaker == "المؤتمر"
