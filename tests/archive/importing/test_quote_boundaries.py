"""Quote boundaries as Arabic press punctuates them (issue 10), on sentences we wrote ourselves."""

from __future__ import annotations

from archive.importing.extraction import extract


def _quotes(text: str) -> list:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_reported_speech_runs_across_commas_to_the_full_stop() -> None:
    text = ("وقال الدكتور سامر بن خالد العتيبي رئيس اللجنة المنظمة إن الدورة الجديدة، التي تستمر ثلاثة أيام، "
            "تجمع الصحفيين والباحثين (من داخل البلاد وخارجها)، وتفتح بابا للحوار. وانتهى اللقاء بجولة في المعرض.")
    [quote] = _quotes(text)
    assert quote.text == ("الدورة الجديدة، التي تستمر ثلاثة أيام، تجمع الصحفيين والباحثين (من داخل البلاد وخارجها)، "
                          "وتفتح بابا للحوار")


def test_reported_speech_ends_where_a_participle_continues() -> None:
    text = ("وأكدت الدكتورة هالة بنت سعيد المعمرية أن المنصة الرقمية، بعد عام من إطلاقها، خدمت آلاف المراجعين، "
            "مشيرة إلى أن المرحلة الثانية تبدأ في الربيع المقبل.")
    quotes = _quotes(text)
    assert [quote.text for quote in quotes] == ["المنصة الرقمية، بعد عام من إطلاقها، خدمت آلاف المراجعين",
                                                "المرحلة الثانية تبدأ في الربيع المقبل"]
    assert quotes[1].speaker == quotes[0].speaker


def test_reported_speech_ends_at_a_new_attribution_without_a_full_stop() -> None:
    text = "وقال المهندس وليد بن ناصر الشامسي إن العمل في الموقع يسير حسب الخطة وأضاف أن الافتتاح سيكون في الصيف\n"
    quotes = _quotes(text)
    assert [quote.text for quote in quotes] == ["العمل في الموقع يسير حسب الخطة", "الافتتاح سيكون في الصيف"]


def test_two_dots_do_not_end_reported_speech() -> None:
    text = "وأوضح الأستاذ مازن بن علي الكعبي أن الإقبال كان كبيرا .. والقاعات امتلأت منذ الصباح. وبعدها بدأت الجلسة."
    [quote] = _quotes(text)
    assert quote.text == "الإقبال كان كبيرا .. والقاعات امتلأت منذ الصباح"


def test_direct_quote_runs_over_sentences_and_a_name_in_marks_to_its_closing_mark() -> None:
    text = ("وقالت الدكتورة نوال بنت حمد الراشدية: «نظمنا «ملتقى الكتّاب الشباب» للمرة الثالثة. "
            "وقد تضاعف عدد المشاركين… ونأمل المزيد». ثم كرمت الفائزين.")
    [quote] = _quotes(text)
    assert quote.text == "نظمنا «ملتقى الكتّاب الشباب» للمرة الثالثة. وقد تضاعف عدد المشاركين… ونأمل المزيد"
    assert quote.kind == "direct"


def test_direct_quote_with_curly_marks_and_a_nested_name() -> None:
    text = "وقال الأستاذ فهد بن سالم الحبسي: “أطلقنا تطبيق “دليلي” هذا العام. وسيتبعه تطبيق آخر”. وشكر الحضور."
    [quote] = _quotes(text)
    assert quote.text == "أطلقنا تطبيق “دليلي” هذا العام. وسيتبعه تطبيق آخر"


def test_reversed_marks_close_a_quote() -> None:
    text = "وقال المهندس خالد بن عمر الزدجالي: ”الموسم المقبل يحمل مفاجآت كثيرة للجمهور“. وغادر القاعة."
    [quote] = _quotes(text)
    assert quote.text == "الموسم المقبل يحمل مفاجآت كثيرة للجمهور"


def test_unclosed_quote_runs_to_its_paragraph_end_with_less_confidence() -> None:
    closed = "وقال الدكتور ياسر بن حمود الهاشمي: «سنفتح باب التسجيل الأسبوع المقبل. والمقاعد محدودة».\nوانتهى اللقاء."
    unclosed = "وقال الدكتور ياسر بن حمود الهاشمي: «سنفتح باب التسجيل الأسبوع المقبل. والمقاعد محدودة\nوانتهى اللقاء."
    [sure] = _quotes(closed)
    [unsure] = _quotes(unclosed)
    assert sure.text == unsure.text == "سنفتح باب التسجيل الأسبوع المقبل. والمقاعد محدودة"
    assert unsure.confidence < sure.confidence


def test_quotation_mark_right_after_the_verb_reversed_or_straight() -> None:
    text = ("قال الدكتور حامد بن علي الشكيلي إن البرنامج يتوسع هذا العام.\n"
            "وأضاف” سنفتح فرعين جديدين في الشمال والجنوب“.\n"
            "مضيفا \"الطلب على التدريب يتضاعف كل عام\".")
    quotes = _quotes(text)
    assert [quote.text for quote in quotes] == ["البرنامج يتوسع هذا العام", "سنفتح فرعين جديدين في الشمال والجنوب",
                                                "الطلب على التدريب يتضاعف كل عام"]
    assert {quote.speaker for quote in quotes} == {"حامد بن علي الشكيلي"}


def test_participle_with_words_before_its_complementiser() -> None:
    text = ("وأكدت الدكتورة سعاد بنت ناصر البلوشية أن الحملة وصلت إلى كل المحافظات "
            "مشيرة في الوقت نفسه إلى أن المرحلة المقبلة تركز على القرى.")
    quotes = _quotes(text)
    assert [quote.text for quote in quotes] == ["الحملة وصلت إلى كل المحافظات", "المرحلة المقبلة تركز على القرى"]
    assert quotes[1].kind == "indirect" and quotes[1].attribution == "continuation"


def test_more_verbs_and_participles_of_speech() -> None:
    text = ("وأوضح المهندس طارق بن سالم العامري أن الطريق يفتح في الصيف، مبرزا أن العمل يسير بوتيرة سريعة.\n"
            "وختم كلامه بالقول: «نشكر كل من ساهم في هذا الإنجاز».\n"
            "وبين العامري أن الكلفة بقيت ضمن الميزانية.")
    quotes = _quotes(text)
    assert [quote.text for quote in quotes] == ["الطريق يفتح في الصيف", "العمل يسير بوتيرة سريعة",
                                                "نشكر كل من ساهم في هذا الإنجاز", "الكلفة بقيت ضمن الميزانية"]
    assert {quote.speaker for quote in quotes} == {"طارق بن سالم العامري"}


def test_continuation_with_nobody_named_before_keeps_the_quote_with_low_confidence() -> None:
    text = "وقال في ختام اللقاء إن الأبواب مفتوحة أمام الجميع."
    [quote] = _quotes(text)
    assert quote.text == "الأبواب مفتوحة أمام الجميع"
    assert quote.speaker is None and quote.confidence <= 0.3


def test_that_after_how_or_can_is_not_what_was_said() -> None:
    text = ("وقال الدكتور هشام بن عمر الريامي إن الدورة تناولت التسويق الرقمي.\n"
            "كما أوضح كيف يمكن أن تصل الحملات إلى جمهور أوسع.\n"
            "أبرز ما خرج به المشاركون هو التأكيد على أن التدريب مستمر.")
    assert [quote.text for quote in _quotes(text)] == ["الدورة تناولت التسويق الرقمي"]
