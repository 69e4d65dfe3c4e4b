"""Who a continuation keeps (issue 10, class 4), on sentences we wrote ourselves.

A participle or a verb without a subject of its own continues the subject of its sentence, else
the last speaker; a guest named after "بحضور" never takes over; a person named by a shortened title
or a family name is the one printed in full earlier.
"""

from __future__ import annotations

from archive.importing.extraction import extract
from archive.text.names import name_tokens


def _quotes(text: str) -> list:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def _holds(speaker: str | None, first: str, last: str) -> bool:
    return speaker is not None and {first, last} <= set(name_tokens(speaker))


def test_a_participle_continues_the_subject_named_after_the_sentences_first_verb() -> None:
    text = ("التقى وزير الزراعة حامد سالم البدري وفد المزارعين برئاسة الدكتور عماد يوسف الخطيب أمس.\n"
            "وقدم وزير الزراعة، في بداية اللقاء، عرضا عن موسم الحصاد، مبينا أن المحصول تضاعف هذا العام.")
    [quote] = _quotes(text)
    assert quote.text == "المحصول تضاعف هذا العام"
    assert _holds(quote.speaker, "حامد", "بدري")
    assert quote.kind == "indirect" and quote.attribution == "continuation"


def test_a_guest_named_after_bihudur_does_not_take_over_the_continuations() -> None:
    text = ("قالت وزيرة الثقافة نورة خالد الهاجري إن المكتبات العامة ستفتح أبوابها مساء.\n"
            "وأضافت بحضور مدير المكتبة الوطنية الدكتور ماجد سعيد العتيبي أن الكتب النادرة ستعرض للجمهور.\n"
            "وأوضحت أن الدخول سيكون مجانيا طوال الشهر المقبل.")
    quotes = _quotes(text)
    assert [quote.text for quote in quotes] == ["المكتبات العامة ستفتح أبوابها مساء",
                                                "الكتب النادرة ستعرض للجمهور",
                                                "الدخول سيكون مجانيا طوال الشهر المقبل"]
    assert all(_holds(quote.speaker, "نوره", "هاجري") for quote in quotes)


def test_a_later_sentences_subject_takes_over_from_the_last_speaker() -> None:
    text = ("قال رئيس الجمعية الدكتور سامر عادل النجار إن الجمعية تضم ألف عضو.\n"
            "والتقى وزير الشباب فهد ناصر المري أعضاء الجمعية بعد الجلسة.\n"
            "وأكد أن الوزارة ستدعم أنشطة الجمعية في المحافظات كلها.")
    quotes = _quotes(text)
    assert _holds(quotes[0].speaker, "سامر", "نجار")
    assert _holds(quotes[1].speaker, "فهد", "مري")
    assert quotes[1].attribution == "continuation"


def test_a_shortened_title_resolves_to_the_person_printed_with_the_full_title_after_a_comma() -> None:
    text = ("عقد الدكتور كمال حسن الشافعي، رئيس مجلس الوزراء، مؤتمرا صحفيا اليوم في مقر الحكومة.\n"
            "وأعلن رئيس الوزراء أن الحكومة ستطلق برنامجا للإسكان الشهر المقبل.")
    [quote] = _quotes(text)
    assert _holds(quote.speaker, "كمال", "شافعي")


def test_a_shortened_title_keeps_its_head_word_a_deputy_is_not_the_minister() -> None:
    text = ("استقبل نائب رئيس الوزراء سعيد خالد الراشد الوفد، بحضور رئيس الوزراء منير عادل الحسن.\n"
            "وقال نائب رئيس الوزراء إن الزيارة تفتح صفحة جديدة من التعاون.")
    [quote] = _quotes(text)
    assert _holds(quote.speaker, "سعيد", "راشد")


def test_a_title_and_family_name_resolve_to_the_full_name_for_the_continuations() -> None:
    text = ("افتتحت وزيرة الإعلام سلوى أحمد القاسمي الملتقى صباح اليوم في العاصمة.\n"
            "وقالت الوزيرة القاسمي إن الملتقى يجمع الصحفيين من عشرين دولة.\n"
            "وأضافت أن الدورة المقبلة ستعقد في الربيع.")
    quotes = _quotes(text)
    assert len(quotes) == 2
    assert all(_holds(quote.speaker, "سلوي", "قاسمي") for quote in quotes)


def test_a_prince_named_after_his_title_is_the_speaker_of_a_coordinated_said() -> None:
    text = ("استقبل أمير المنطقة الشرقية الأمير ناصر بن سلطان بن فيصل وفد الإعلاميين في مكتبه أمس.\n"
            "ورحب أمير المنطقة الشرقية بالحضور، وقال: «الإعلام شريك أساسي في مسيرة التنمية».")
    [quote] = _quotes(text)
    assert quote.text == "الإعلام شريك أساسي في مسيرة التنمية"
    assert _holds(quote.speaker, "ناصر", "فيصل")


def test_the_minister_is_the_person_whose_family_name_is_alwazir() -> None:
    text = ("وقال الفريق نبيل الوزير، نائب رئيس الوزراء للشؤون الاقتصادية، إن المصانع الجديدة تفتح قريبا.\n"
            "وقال الوزير إن الصادرات ارتفعت خلال الربع الأول من العام.")
    quotes = _quotes(text)
    assert [quote.speaker for quote in quotes] == ["نبيل الوزير", "نبيل الوزير"]


def test_a_title_with_its_complement_is_no_family_name() -> None:
    text = ("حضر الملتقى وزير التجارة سامي فهد الخارجية، إضافة لوزيرا الخارجية والعمل.\n"
            "وألقى وزير الخارجية كلمة عن التعاون الإقليمي، مشيرا إلى أن الشراكة تتسع عاما بعد عام.")
    quote = _quotes(text)[-1]
    assert quote.speaker == "وزير الخارجية"


def test_his_highness_is_the_speaker_he_fits_not_the_last_prince_thanked() -> None:
    text = ("رعى صاحب السمو الأمير فارس بن سلطان بن ماجد أمير المنطقة حفل افتتاح المنتدى مساء أمس.\n"
            "وشكر سموه صاحب السمو الأمير نايف بن خالد بن ماجد على دعمه، مشيرا إلى أن المنتدى يجمع الخبراء.\n"
            "وقال سموه: «الشباب هم ثروة هذا الوطن».")
    quotes = _quotes(text)
    assert [quote.speaker for quote in quotes] == ["فارس بن سلطان بن ماجد", "فارس بن سلطان بن ماجد"]


def test_a_title_after_a_preposition_is_not_a_name() -> None:
    text = ("التقى وزير الإعلام ماجد سالم الحربي وفد الصحفيين أمس.\n"
            "ورحب الوزير الحربي برئيس الوفد في مكتبه.\n"
            "وقال: «الصحافة شريك أساسي في التنمية».")
    quotes = _quotes(text)
    assert [quote.speaker for quote in quotes] == ["ماجد سالم الحربي"]


def test_a_title_resolves_to_the_holder_printed_before_not_to_one_printed_later() -> None:
    text = ("افتتح رئيس مجلس الوزراء الدكتور هشام سامي العدل، صباح اليوم، المعرض الدولي للكتاب.\n"
            "وأكد رئيس الوزراء أن المعرض يستقبل مئة ألف زائر.\n"
            "وفي المساء زار رئيس مجلس الوزراء السابق الدكتور فريد نبيل الصباغ الأجنحة.")
    [quote] = _quotes(text)
    assert quote.speaker == "هشام سامي العدل"


def test_a_feminine_continuation_keeps_the_woman_who_spoke_not_the_man_who_spoke_after_her() -> None:
    text = ("قالت وزيرة التعليم هدى سالم الراشد إن المدارس الجديدة تفتح في سبتمبر.\n"
            "وقال مدير المنطقة التعليمية فهد علي السالم إن النقل المدرسي جاهز.\n"
            "وأضافت أن الوزارة ستعين ألف معلم جديد هذا العام.")
    quotes = _quotes(text)
    assert [quote.speaker for quote in quotes] == ["هدى سالم الراشد", "فهد علي السالم", "هدى سالم الراشد"]


def test_a_masculine_participle_keeps_the_man_when_a_woman_spoke_last() -> None:
    text = ("قال رئيس البلدية ماجد سعيد الحربي إن الحدائق الجديدة تفتح الشهر المقبل.\n"
            "وقالت مديرة الحدائق ليلى فؤاد النمر إن الأشجار زرعت في الربيع.\n"
            "وأوضح أن البلدية خصصت ميزانية لصيانة الحدائق طوال العام.")
    quotes = _quotes(text)
    assert quotes[-1].speaker == "ماجد سعيد الحربي"


def test_min_janibihi_gives_the_turn_to_the_person_just_named() -> None:
    text = ("قال وزير الثقافة سالم ناصر الحربي إن المعرض يضم مئتي دار نشر هذا العام.\n"
            "وتفقد الوزير جناح الجمعية برفقة رئيسها الدكتور فهد علي السالم.\n"
            "من جانبه، أكد أن الجمعية تشارك بأكثر من خمسين عنوانا جديدا.")
    quotes = _quotes(text)
    assert [quote.speaker for quote in quotes] == ["سالم ناصر الحربي", "فهد علي السالم"]


def test_a_title_then_a_noun_as_a_sentences_subject_is_the_title_holder() -> None:
    text = ("قال وزير الثقافة سالم ناصر الحربي إن المعرض يضم مئتي دار نشر هذا العام.\n"
            "وقالت مديرة المعرض هالة سعيد النمر إن الزوار تجاوزوا مئة ألف.\n"
            "وتفقد الوزير جناح الطفل في الصباح، مشيرا إلى أن كتب الأطفال الأكثر مبيعا.")
    quotes = _quotes(text)
    assert quotes[-1].speaker == "سالم ناصر الحربي"


def test_a_person_holding_two_posts_is_named_by_the_second_one() -> None:
    text = ("أكد نبيل سعيد الحمداني الوزير المكلف بالعلاقات مع البرلمان والناطق الرسمي باسم الحكومة أن "
            "الاجتماع جرى في ظروف جيدة.\n"
            "وقالت رئيسة الكتلة النيابية هدى فؤاد سالم إن الكتلة تدعم المشروع.\n"
            "وشدد الناطق الرسمي باسم الحكومة على أن القانون سيعرض على البرلمان الشهر المقبل.")
    quotes = _quotes(text)
    assert quotes[-1].speaker == "نبيل سعيد الحمداني"


def test_a_number_inside_a_bodys_name_stays_in_the_title() -> None:
    text = ("التقى وزير الإعلام سالم ناصر الحربي رئيس مجلس إدارة مؤسسة 14 أكتوبر للصحافة محمد علي سعد.\n"
            "فيما عبر رئيس مجلس إدارة مؤسسة 14 أكتوبر عن امتنانه للوزير، وقال: «جئت لأخدم وطني وصحيفتي».")
    [quote] = _quotes(text)
    assert quote.speaker == "محمد علي سعد"


def test_a_feminine_verb_continues_the_woman_named_before_not_the_man_named_after_her() -> None:
    text = ("احتفلت جمعية الصحفيين بعيد الاتحاد بحضور أعضاء مجلس الإدارة.\n\n"
            "ورفعت فضيلة المعيني، رئيسة جمعية الصحفيين، أسمى آيات التهاني إلى صاحب السمو الشيخ محمد بن زايد "
            "آل نهيان، رئيس الدولة، وإلى شعب دولة الإمارات والمقيمين على أرضها.\n\n"
            "وأكدت أن عيد الاتحاد يمثل محطة وطنية بارزة في تاريخ الدولة.\n")
    proposals = extract(text)
    [quote] = [*proposals.quotes, *proposals.further_quotes]
    assert quote.speaker == "فضيلة المعيني"
    assert "شعب دولة الإمارات" not in {person.name for person in proposals.people}  # "وإلى" is no governor


def test_a_participle_after_an_envoy_named_by_title_alone_is_his() -> None:
    text = ("وناقش المجلس قضايا المرأة والاقتصاد.\n"
            "من جانب آخر تحدث السفير البريطاني المعين لدى البلاد بمجلس «الأيام» الرمضاني قائلا: «أنا سعيد جدا "
            "لحضوري المجلس الذي أعتبره فرصة للقاء الشخصيات الرسمية».")
    proposals = extract(text)
    [quote] = [*proposals.quotes, *proposals.further_quotes]
    assert quote.speaker == "السفير البريطاني المعين لدى البلاد"
