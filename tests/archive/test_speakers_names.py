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


def test_his_royal_highness_keeps_royal_in_the_honorific_not_in_the_title() -> None:
    text = "وقال صاحب السمو الملكي الأمير منصور بن خالد بن سعد أمير المنطقة إن المنتدى منبر للحوار."
    [quote] = _quotes(text)
    assert quote.speaker == "منصور بن خالد بن سعد"
    assert quote.honorific == "صاحب السمو الملكي الأمير"
    assert quote.speaker_title == "أمير المنطقة"


def test_an_indefinite_noun_with_tanween_ends_a_name() -> None:
    proposals = extract("استقبل وزير الإعلام المحامي نادر سليم وفدًا من نقابة الصحفيين في مكتبه.")
    assert [person.name for person in proposals.people] == ["نادر سليم"]


def test_a_family_name_with_abu_resolves_to_the_full_name_printed_before() -> None:
    text = ("استقبل الوزير وفدا برئاسة رئيس المكتب السياسي الدكتور خليل أبو حمدان أمس.\n"
            "وأوضح أبو حمدان بعد اللقاء أن البحث تناول قضايا الشباب والتعليم.")
    [quote] = _quotes(text)
    assert quote.speaker == "خليل أبو حمدان"
    assert quote.speaker_title != "بعد اللقاء"


def test_a_body_named_before_kanat_qad_speaks_as_an_organisation() -> None:
    text = ("قال رئيس الهيئة الدكتور ماهر سعيد الغامدي إن المعرض حقق رقما قياسيا.\n"
            "وكانت هيئة المعارض - الجهة المنظمة - قد أعلنت أن الزوار بلغوا مليون زائر في أسبوع.")
    quotes = _quotes(text)
    assert quotes[1].speaker == "هيئة المعارض"
    assert quotes[1].organisation == "هيئة المعارض"


def test_a_title_alone_after_a_detached_conjunction_is_the_speaker_of_the_participle() -> None:
    text = ("افتتح المنتدى الاقتصادي أعماله صباح اليوم.\n"
            "و القى وزير الخارجية كلمة عن العلاقات مع دول الجوار، مشيرا إلى أن التعاون يتسع عاما بعد عام.")
    [quote] = _quotes(text)
    assert quote.speaker == "وزير الخارجية"


def test_a_sentence_opening_with_a_place_and_a_comma_keeps_the_subject_after_the_verb() -> None:
    text = ("في مؤتمر صحفي عقب اجتماع المجلس، أكد رئيس الوزراء عادل نبيل الحكيم أن الميزانية متوازنة للعام الثالث، "
            "محذرا من أن الأسعار العالمية قد ترتفع.")
    quotes = _quotes(text)
    assert [quote.speaker for quote in quotes] == ["عادل نبيل الحكيم", "عادل نبيل الحكيم"]


def test_a_shortened_title_in_a_later_attribution_keeps_the_full_title_printed_first() -> None:
    text = ("قالت وزيرة الدولة لشؤون الاتصال رنا فؤاد المصري إن الحكومة ستنشر تقريرها السنوي قريبا.\n"
            "وبينت الوزيرة المصري خلال رعايتها الحفل، أن التقرير يصدر بالعربية والإنجليزية معا.")
    quotes = _quotes(text)
    assert [quote.speaker_title for quote in quotes] == ["وزيرة الدولة لشؤون الاتصال"] * 2


def test_a_rank_after_a_title_opens_the_name_and_stays_out_of_the_title() -> None:
    [quote] = _quotes("وقال المتحدث باسم وزارة الدفاع العميد نبيل فارس الحسن في بيان، إن التمرين انتهى بنجاح كامل.")
    assert quote.speaker == "نبيل فارس الحسن"
    assert quote.speaker_title == "المتحدث باسم وزارة الدفاع"


def test_the_event_opened_is_not_part_of_the_title() -> None:
    proposals = extract("افتتح معالي الدكتور ماجد بن سالم العامري وزير الثقافة المهرجان صباح اليوم في المدينة.")
    assert [person.title for person in proposals.people] == ["وزير الثقافة"]


def test_al_amin_after_a_given_name_is_part_of_the_name_unless_a_title_follows() -> None:
    [first] = _quotes("وقال محمد الأمين الحسني إن الندوة ناقشت قضايا الإعلام الرقمي في المنطقة.")
    assert first.speaker == "محمد الأمين الحسني"
    [second] = _quotes("وقال محمد الأمين العام للجامعة إن الندوة ناقشت قضايا الإعلام الرقمي في المنطقة.")
    assert second.speaker_title == "الأمين العام للجامعة"


def test_a_feminine_spokeswoman_title_before_a_name_between_commas() -> None:
    [quote] = _quotes("وأكدت الناطقة الرسمية باسم الحكومة، سارة فؤاد الدوري، أن القرار اتخذ بالإجماع أمس.")
    assert quote.speaker == "سارة فؤاد الدوري"
    assert quote.speaker_title == "الناطقة الرسمية باسم الحكومة"


def test_a_family_name_quoted_before_the_full_name_is_printed_takes_the_full_name() -> None:
    text = ("وأكد بلقاسمي أن المهرجان سيستمر عشرة أيام في ساحات المدينة القديمة.\n"
            "وقال سامر فؤاد بلقاسمي إن الدورة المقبلة ستقام في الربيع.")
    proposals = extract(text)
    assert [quote.speaker for quote in proposals.quotes] == ["سامر فؤاد بلقاسمي", "سامر فؤاد بلقاسمي"]
    assert [person.name for person in proposals.people] == ["سامر فؤاد بلقاسمي"]


def test_a_second_title_after_the_comma_then_the_name() -> None:
    [quote] = _quotes("وقال المدير العام للمهرجان، الفنان أحمد سالم، إن العروض ستبدأ مساء الخميس المقبل.")
    assert quote.speaker == "أحمد سالم"
    assert quote.speaker_title == "المدير العام للمهرجان"
