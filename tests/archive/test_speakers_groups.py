"""Groups, bodies and outlets as the apparent subject of speech (issue 10, class 4), on our own sentences.

A group ("منظمو الملتقى", "المشاركون") is no person: its words are proposed without a speaker and
with low confidence, so accepting them never creates a person called "منظمو الملتقى". A ministry
speaks as an organisation. An outlet named in guillemets inside the attribution ("في تصريح
لـ«الصحيفة»") is neither the quote nor the speaker.
"""

from __future__ import annotations

from archive.importing.extraction import extract


def _quotes(text: str) -> list:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_organisers_as_a_group_are_not_a_person() -> None:
    proposals = extract("وأكد منظمو المعرض أن الدورة المقبلة ستشهد مشاركة أوسع من الجامعات.")
    [quote] = proposals.quotes
    assert quote.text == "الدورة المقبلة ستشهد مشاركة أوسع من الجامعات"
    assert quote.speaker is None and quote.confidence < 0.5
    assert proposals.people == ()


def test_participants_and_their_plural_participle_have_no_person() -> None:
    text = ("وقال المشاركون في الورشة إن التدريب العملي يجب أن يستمر طوال العام، "
            "مؤكدين أن المنصات الرقمية تحتاج إلى قواعد مهنية واضحة.")
    quotes = _quotes(text)
    assert [quote.text for quote in quotes] == ["التدريب العملي يجب أن يستمر طوال العام",
                                                "المنصات الرقمية تحتاج إلى قواعد مهنية واضحة"]
    assert [quote.speaker for quote in quotes] == [None, None]


def test_a_plural_participle_after_a_named_speaker_is_not_given_to_a_titled_person() -> None:
    text = ("التقى وفد الصحفيين بالمدير العام للهيئة الدكتور ياسر حمد الشمري أمس، "
            "مؤكدين أن اللقاء فتح بابا جديدا للتعاون بين الطرفين.")
    [quote] = _quotes(text)
    assert quote.speaker is None


def test_a_ministry_speaks_as_an_organisation() -> None:
    [quote] = _quotes("أكدت وزارة الداخلية أن الطرق الجبلية ستغلق مساء الجمعة أمام الشاحنات.")
    assert quote.speaker == "وزارة الداخلية" and quote.organisation == "وزارة الداخلية"


def test_an_outlet_in_guillemets_inside_the_attribution_is_passed_over() -> None:
    text = ("قال وزير النقل المهندس سالم بن راشد الفارسي إن الطريق الساحلي يفتح الشهر المقبل.\n"
            "وأوضح في تصريح لـ«الوطن» أن الجسر الجديد يختصر الرحلة إلى النصف.")
    quotes = _quotes(text)
    assert [quote.text for quote in quotes] == ["الطريق الساحلي يفتح الشهر المقبل",
                                                "الجسر الجديد يختصر الرحلة إلى النصف"]
    assert quotes[1].speaker == "سالم بن راشد الفارسي"


def test_a_ministry_named_again_by_its_head_alone_is_the_same_ministry() -> None:
    text = ("أكدت وزارة الصحة أن حملة التطعيم تشمل المدارس كلها هذا الشتاء.\n"
            "وقالت مديرة المركز الصحي الدكتورة نبيلة سعيد الراشد إن الإقبال فاق التوقعات.\n"
            "وذكرت الوزارة، في بيان لها، أن اللقاحات وصلت إلى جميع المراكز الصحية.")
    quotes = _quotes(text)
    assert [quote.speaker for quote in quotes] == ["وزارة الصحة", "نبيلة سعيد الراشد", "وزارة الصحة"]


def test_a_particle_ends_the_name_of_a_body_that_speaks() -> None:
    text = ("قالت مديرة القطاع الدكتورة منى سالم الحربي إن اللجان الاحتياطية جاهزة.\n"
            "وكانت الوزارة قد أعلنت في بيان أمس أن النتائج تعلن في أغسطس المقبل.")
    quotes = _quotes(text)
    assert quotes[1].speaker == "الوزارة" and quotes[1].organisation == "الوزارة"


def test_each_quote_says_whether_a_person_a_body_or_a_group_speaks() -> None:
    text = ("أكدت وزارة الداخلية أن الطرق الجبلية ستغلق مساء الجمعة أمام الشاحنات.\n"
            "وأكد منظمو المعرض أن الدورة المقبلة ستشهد مشاركة أوسع من الجامعات.\n"
            "وقال وزير النقل سالم راشد الفارسي إن الطريق الساحلي يفتح الشهر المقبل.")
    assert [quote.speaker_kind for quote in _quotes(text)] == ["organisation", "group", "person"]
