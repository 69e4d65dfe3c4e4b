"""A speaker's whole name and title as the press prints them (issue 10, class 4), on our own sentences.

Names cut short, titles taken for names and datelines or times taken for speakers were the
failures seen on real press; each rule here has its own sentence.
"""

from __future__ import annotations

from archive.importing.extraction import extract


def _quotes(text: str) -> list:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_the_dot_of_an_abbreviated_doctor_does_not_end_the_sentence() -> None:
    text = "وأكدت وزيرة الصحة د. هالة سمير النعيمي أن الحملة ستشمل المدارس كلها هذا الشتاء."
    [quote] = _quotes(text)
    assert quote.text == "الحملة ستشمل المدارس كلها هذا الشتاء"
    assert quote.speaker == "هالة سمير النعيمي"
    assert quote.speaker_title == "وزيرة الصحة"


def test_a_long_title_with_lishuun_and_basm_keeps_the_name_after_it() -> None:
    text = ("قالت وزيرة الدولة لشؤون الاتصال الناطق الرسمي باسم الحكومة رنا فؤاد المصري إن الحكومة "
            "ستنشر تقريرها السنوي الأسبوع المقبل.")
    [quote] = _quotes(text)
    assert quote.speaker == "رنا فؤاد المصري"
    assert quote.speaker_title == "وزيرة الدولة لشؤون الاتصال الناطق الرسمي باسم الحكومة"


def test_a_place_name_with_allah_stays_in_the_title() -> None:
    text = ("قال محافظ رام الله والبيرة الدكتور سامي يوسف العلي إن المدينة تستعد لاستقبال المهرجان.\n"
            "وأشار المحافظ إلى أن الفرق المشاركة وصلت من عشر مدن.")
    quotes = _quotes(text)
    assert quotes[0].speaker_title == "محافظ رام الله والبيرة"
    assert [quote.speaker for quote in quotes] == ["سامي يوسف العلي", "سامي يوسف العلي"]


def test_the_day_between_commas_after_a_title_is_not_the_speaker() -> None:
    text = ("وأضاف المتحدث باسم وزارة النقل، اليوم الأحد، خلال مداخلة هاتفية، أن القطارات "
            "ستعود إلى العمل مساء الغد.")
    [quote] = _quotes(text)
    assert quote.speaker == "المتحدث باسم وزارة النقل"
    assert quote.text == "القطارات ستعود إلى العمل مساء الغد"


def test_an_honorific_pronoun_after_a_verb_is_not_a_name() -> None:
    text = ("تجول سمو وزير الثقافة الشيخ حمد بن خليفة آل ثاني في أجنحة المعرض. وتوقف سمو الوزير والحضور "
            "عند جناح المخطوطات واطلع سموه على ما فيه، وقال سموه: «هذه الكنوز ذاكرة الأمة».")
    quotes = _quotes(text)
    assert quotes[-1].text == "هذه الكنوز ذاكرة الأمة"
    assert quotes[-1].speaker == "حمد بن خليفة آل ثاني"


def test_a_family_name_that_is_a_title_word_stays_in_the_name() -> None:
    text = ("وقال الفريق نبيل الوزير، نائب رئيس الوزراء للشؤون الاقتصادية، إن المصانع الجديدة "
            "ستفتح أبوابها العام المقبل.")
    [quote] = _quotes(text)
    assert quote.speaker == "نبيل الوزير"


def test_a_name_after_bin_links_stops_before_a_noun_and_its_complement() -> None:
    text = ("استقبل الأمير سعود بن نايف بن فهد وفد الإعلاميين في مكتبه أمس.\n"
            "وقال سموه إن الإعلام شريك في التنمية.")
    proposals = extract(text)
    assert [person.name for person in proposals.people] == ["سعود بن نايف بن فهد"]
    assert proposals.quotes[0].speaker == "سعود بن نايف بن فهد"


def test_a_name_after_bin_links_keeps_a_family_name_without_the_article() -> None:
    text = "وقال الدكتور عبدالعزيز بن محيي الدين خوجة إن الصحافة شريك في التنمية."
    [quote] = _quotes(text)
    assert quote.speaker == "عبدالعزيز بن محيي الدين خوجة"
