"""Where a quote ends in real press layouts (issue 10, classes 1-2), on sentences we wrote ourselves."""

from __future__ import annotations

from archive.importing.extraction import extract


def _quotes(text: str) -> list:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_quote_wrapped_by_hand_over_two_lines_runs_to_its_closing_mark() -> None:
    text = ("وتحدث سفير اليابان المعين لدى البلاد خلال المجلس الرمضاني قائلا: «أنا سعيد بحضوري هذا المجلس\n"
            "الذي أعتبره فرصة للقاء الشخصيات الرسمية». وأشار السفير إلى أنه سيزور الجامعات الأسبوع المقبل.")
    quote = _quotes(text)[0]
    assert quote.text == "أنا سعيد بحضوري هذا المجلس\nالذي أعتبره فرصة للقاء الشخصيات الرسمية"


def test_a_mark_left_open_at_a_full_line_end_does_not_swallow_the_next_line() -> None:
    text = ("وقال الوزير سالم راشد الفارسي: «المعرض يفتح أبوابه غدا للجمهور.\n"
            "وتستمر العروض «الليلية» حتى نهاية الشهر في الساحة الكبرى».")
    quote = _quotes(text)[0]
    assert quote.text == "المعرض يفتح أبوابه غدا للجمهور"


def test_a_present_tense_verb_inside_reported_speech_does_not_end_it() -> None:
    text = ("وقال الأمين العام للاتحاد ناصر محمد العثمان إن الاستجابة الكبيرة للمؤتمر تؤكد أهميته، "
            "وتشير إلى ارتباط الأعضاء بقضايا المهنة.")
    [quote] = _quotes(text)
    assert quote.text == "الاستجابة الكبيرة للمؤتمر تؤكد أهميته، وتشير إلى ارتباط الأعضاء بقضايا المهنة"


def test_a_past_tense_continuation_verb_still_starts_a_new_quote() -> None:
    text = "وقال رئيس الاتحاد ناصر محمد العثمان إن المؤتمر يبدأ غدا في العاصمة، وتابع أن الوفود وصلت كلها."
    quotes = _quotes(text)
    assert [quote.text for quote in quotes] == ["المؤتمر يبدأ غدا في العاصمة", "الوفود وصلت كلها"]


def test_participles_of_expecting_calling_and_adding_a_reservation_start_a_continuation() -> None:
    for participle, opening in (("متوقعا أن", "يكون"), ("داعيا المجتمع الدولي إلى أن", "يتخذ"),
                                ("مستدركا أن", "الدعم")):
        text = (f"وقال الوزير سالم العلي إن الحكومة ستدعم الصحافة المحلية هذا العام، {participle} "
                f"{opening} الخطوة التالية مشروطة بالقوانين.")
        quotes = _quotes(text)
        assert quotes[0].text == "الحكومة ستدعم الصحافة المحلية هذا العام", participle
        assert quotes[1].text.startswith(opening) and quotes[1].speaker == "سالم العلي", participle


def test_a_suspended_matter_is_no_participle_of_speech() -> None:
    text = "وحذر الوزير سالم العلي من أن تبقى القضية معلقة من دون حل عادل لسنوات أخرى."
    [quote] = _quotes(text)
    assert quote.text == "تبقى القضية معلقة من دون حل عادل لسنوات أخرى"


def test_a_second_attribution_joined_by_fima_ends_the_first_quote() -> None:
    text = ("أكد وزير الخارجية سالم العلي، اليوم السبت، أن إعلان العاصمة يتضمن ثلاثة أجزاء رئيسية، فيما أشار "
            "إلى أن القمة تمخضت عنها جملة من القرارات المهمة.")
    quotes = _quotes(text)
    assert [quote.text for quote in quotes] == ["إعلان العاصمة يتضمن ثلاثة أجزاء رئيسية",
                                                "القمة تمخضت عنها جملة من القرارات المهمة"]
    assert quotes[1].speaker == "سالم العلي"


def test_a_closing_verb_then_a_colon_and_a_mark_ends_the_reported_speech() -> None:
    text = ("وقال رئيس الحكومة سالم العلي إن حكومته عملت على دعم الاستثمار وحل مشكلات مزمنة أصبحت من الماضي، "
            "وختم متوجها إلى المواطنين: \"استبشروا خيرا في هذا العام الجديد\".")
    quotes = _quotes(text)
    assert quotes[0].text == "حكومته عملت على دعم الاستثمار وحل مشكلات مزمنة أصبحت من الماضي"
    assert quotes[1].text == "استبشروا خيرا في هذا العام الجديد"
    assert quotes[1].speaker == "سالم العلي"


def test_a_name_in_ascii_marks_at_the_first_level_of_an_ascii_marked_quote_does_not_end_it() -> None:
    text = ('وأوضح رئيس الوزراء سالم راشد العلي أن الحكومة تتابع ملف المياه.\n'
            'وتابع: "يناقش مجلس الوزراء العطاء المتعلق بمشروع "وادي النور" بالشمال ويتخذ القرار المناسب".\n')
    assert _quotes(text)[-1].text == ('يناقش مجلس الوزراء العطاء المتعلق بمشروع "وادي النور" بالشمال '
                                      'ويتخذ القرار المناسب')


def test_speech_after_a_colon_without_marks_runs_to_the_end_of_its_paragraph() -> None:
    text = ("وأكد وزير الإعلام سالم راشد العلي أن العلاقات بين البلدين راسخة، قائلا: عندما نزور هذا البلد نشعر "
            "أننا في بيتنا. كما أن شعبه كريم مع كل ضيوفه.\n"
            "وحضر اللقاء عدد من الإعلاميين.\n")
    assert _quotes(text)[-1].text == "عندما نزور هذا البلد نشعر أننا في بيتنا. كما أن شعبه كريم مع كل ضيوفه"


def test_speech_after_a_colon_ends_where_the_next_sentence_reports_again() -> None:
    text = ("وقال وزير الإعلام سالم راشد العلي: لدينا جميعا رسالة واحدة نخدم بها البلاد. "
            "وأضاف معاليه يقول: الإعلام شبكة واسعة من الصحف والقنوات.\n")
    assert [quote.text for quote in _quotes(text)] == ["لدينا جميعا رسالة واحدة نخدم بها البلاد",
                                                      "الإعلام شبكة واسعة من الصحف والقنوات"]


def test_a_marked_quote_goes_on_into_the_next_line_that_closes_it() -> None:
    text = ("وأكد وزير الإعلام سالم راشد العلي أن الزيارة ناجحة.\n"
            "وزاد: “العلاقات مع الجيران ستنعكس على عدد من القطاعات.\n"
            "تجمعنا معهم روابط تاريخية مشتركة يجب أن نبني عليها”.\n")
    assert _quotes(text)[-1].text == ("العلاقات مع الجيران ستنعكس على عدد من القطاعات.\n"
                                      "تجمعنا معهم روابط تاريخية مشتركة يجب أن نبني عليها")


def test_a_quote_closed_the_wrong_way_round_does_not_take_the_next_line() -> None:
    text = ("استقبل الرئيس وزير الإعلام سالم راشد العلي، مؤكدا أنّ” البلد سيبقى مركزا إعلاميا رائدا في المنطقة”.\n"
            "وقد وجه الوزير دعوة للرئيس لرعاية “الملتقى الإعلامي” في دورته المقبلة.\n")
    assert _quotes(text)[0].text == "البلد سيبقى مركزا إعلاميا رائدا في المنطقة"


def test_a_participle_typed_with_persian_letters_still_ends_the_quote() -> None:
    text = "وأكد وزیر الإعلام سالم راشد العلي أن الملتقى نجح هذا العام، مشیرًا إلى أن الدورة المقبلة ستكون في الربيع."
    assert [quote.text for quote in _quotes(text)] == ["الملتقى نجح هذا العام", "الدورة المقبلة ستكون في الربيع"]
