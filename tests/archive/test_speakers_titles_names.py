"""Speakers named after long titles, and names the press glues or splits (issue 10, half B's misses).

Each rule has its own sentence, written for these tests: a family name ending in «الله», an
honorific glued to the name, a title that runs through a government's or a newspaper's name before
the person, and a body's name that runs through «لمعرض …» or a king's name.
"""

from __future__ import annotations

from archive.importing.extraction import extract
from archive.importing.tokens import tokenize


def _quotes(text: str) -> list:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_family_name_ending_in_allah_after_a_title_is_whole() -> None:
    text = ("أكد وكيل وزارة الثقافة سالم العبد الله أن المعرض سيفتح أبوابه الشهر المقبل. "
            "وأوضح العبد الله أن عدد الناشرين تضاعف.")
    quotes = _quotes(text)
    assert [quote.speaker for quote in quotes] == ["سالم العبد الله", "سالم العبد الله"]
    assert quotes[0].speaker_title == "وكيل وزارة الثقافة"


def test_an_honorific_glued_to_the_name_is_split_from_it() -> None:
    text = "قال معالي الدكتورحمدان بن سالم الراشدي رئيس هيئة الإعلام إن البث سيبدأ غدا."
    [quote] = _quotes(text)
    assert quote.speaker == "حمدان بن سالم الراشدي"


def test_words_that_only_start_like_an_honorific_are_not_split() -> None:
    words = "الشيخوخة الدكتوراه السيدتين المهندسون الدكتوراحمد"
    assert [token.text for token in tokenize(words)] == [
        "الشيخوخة", "الدكتوراه", "السيدتين", "المهندسون", "الدكتور", "احمد"]


def test_a_title_through_a_government_s_description_then_a_title_word_and_the_name() -> None:
    text = "قال وزير الزراعة في حكومة تسيير الأعمال النائب فادي خليل نجار إن المحصول تحسن هذا العام."
    [quote] = _quotes(text)
    assert quote.speaker == "فادي خليل نجار"
    assert quote.speaker_title.startswith("وزير الزراعة في حكومة تسيير الأعمال")


def test_a_newspaper_s_name_in_the_title_before_a_name_with_bin() -> None:
    text = "وقال رئيس تحرير مجلة آفاق عربية الثقافية سالم بن حمد الريامي، إن المجلة ستصدر شهريا."
    [quote] = _quotes(text)
    assert quote.speaker == "سالم بن حمد الريامي"


def test_an_acronym_in_parentheses_inside_the_title_before_the_doctor() -> None:
    text = ("وأوضح رئيس مجلس إدارة جمعية الرعاية الأسرية (رعاية) الدكتور ماجد بن سعد العتيبي، أن الجمعية "
            "تخدم ألف أسرة.")
    [quote] = _quotes(text)
    assert quote.speaker == "ماجد بن سعد العتيبي"
    assert quote.confidence >= 0.85


def test_a_body_s_name_in_guillemets_inside_the_title() -> None:
    text = "أعلن رئيس حكومة «الإنقاذ الوطني» مراد سالم الفيتوري أن الموازنة جاهزة للتصويت."
    [quote] = _quotes(text)
    assert quote.speaker == "مراد سالم الفيتوري"


def test_a_description_after_the_title_then_the_name_between_commas() -> None:
    text = "قال رئيس الحكومة المكلفة بتسيير الأعمال، عماد فهد الزين، إن الانتخابات ستجري في موعدها."
    [quote] = _quotes(text)
    assert quote.speaker == "عماد فهد الزين"
    text = "قال رئيس الحكومة منتهية الولاية، عماد فهد الزين، إن الانتخابات ستجري في موعدها."
    [quote] = _quotes(text)
    assert quote.speaker == "عماد فهد الزين"


def test_a_name_then_another_person_s_title_is_not_read_through() -> None:
    text = ("قال وزير الإعلام سالم العلي رئيس اللجنة العليا إن التغطية شملت كل المحافظات، "
            "بحضور الدكتور ماجد بن سعد العتيبي.")
    [quote] = _quotes(text)
    assert quote.speaker == "سالم العلي"


def test_a_sentence_opening_with_wa_and_a_verb_is_not_a_name() -> None:
    text = ("قال وزير الإعلام سالم بن خالد الحارثي إن البث سيبدأ غدا في كل المحافظات.\n"
            "وتحدث الحارثي عن التدريب فقال: «التدريب أولويتنا في هذا العام وفي الأعوام المقبلة».")
    quotes = _quotes(text)
    assert [quote.speaker for quote in quotes] == ["سالم بن خالد الحارثي", "سالم بن خالد الحارثي"]


def test_a_spokesman_s_shortened_title_is_the_counsellor_who_holds_it() -> None:
    text = ("وصرح المستشار أحمد سالم زيد المتحدث الرسمي باسم وزارة الخارجية بأن اللقاء شمل مراسلي عدد كبير "
            "من الصحف.\nوأضاف المتحدث باسم الخارجية، بأن اللقاء يأتي في إطار التواصل الدائم مع وسائل الإعلام.")
    quotes = _quotes(text)
    assert [quote.speaker for quote in quotes] == ["أحمد سالم زيد", "أحمد سالم زيد"]


def test_a_president_of_a_region_keeps_the_region_in_his_title() -> None:
    text = ("قال رئيس إقليم كردفان سالم العلي إن الاستفتاء قرار جميع شعب كردفان ولن نتراجع عنه.\n"
            "وتابع رئيس إقليم كردفان، أن الدستور واضح في هذه المسألة ولا يحتمل تأويلا آخر.")
    quotes = _quotes(text)
    assert quotes[0].speaker_title == "رئيس إقليم كردفان"
    assert [quote.speaker for quote in quotes] == ["سالم العلي", "سالم العلي"]


def test_a_person_named_again_by_the_first_word_of_the_name() -> None:
    text = ("نفى الناطق الرسمي باسم الحكومة د. جراهام عبد القادر الخبر المتداول عن نقل العاصمة.\n"
            "وأشار جراهام إلى أن الوزارات تعمل من مقارها المعتادة في جميع الولايات.")
    quotes = _quotes(text)
    assert quotes[-1].speaker == "جراهام عبد القادر"


def test_a_sentence_opening_with_wa_a_verb_and_a_title_keeps_the_holder() -> None:
    text = ("استقبل أمير منطقة الشمال الأمير فهد بن سالم بن عبدالعزيز، في مجلسه أمس، عددا من المواطنين.\n"
            "ورحب أمير منطقة الشمال بالحضور، وقال: «هذا اللقاء فرصة لتبادل الآراء حول خدمة المنطقة وأهلها».")
    [quote] = _quotes(text)
    assert quote.speaker == "فهد بن سالم بن عبدالعزيز"


def test_a_subheading_above_a_continuation_is_not_its_subject() -> None:
    text = ("وأضاف وزير الإعلام سالم الدوسري، خلال المؤتمر الصحفي، أن الزيارة حققت أصداء إعلامية واسعة.\n\n"
            "توطين الإنفاق العسكري:\n\n"
            "وتابع أن المملكة الأولى عالميا في إمدادات المياه بأكثر من 16 مليون متر مكعب.\n")
    quotes = _quotes(text)
    assert [quote.speaker for quote in quotes] == ["سالم الدوسري", "سالم الدوسري"]


def test_an_envoy_s_title_runs_through_lada_and_a_visit_is_not_his_name() -> None:
    text = ("قام سفير الولايات المتحدة لدى البلاد جاستين سيبيريل بزيارة إلى مركز الاتصال الوطني، في بادرة تؤكد "
            "متانة العلاقات العميقة بين البلدين، موضحا أن زيارته لهذا المركز خطوة مهمة لتعزيز التعاون.")
    [quote] = _quotes(text)
    assert quote.text.startswith("زيارته لهذا المركز")
    assert quote.speaker == "جاستين سيبيريل"
    assert quote.speaker_title == "سفير الولايات المتحدة لدى البلاد"


def test_a_foreign_name_shaped_like_a_participle_stays_a_name() -> None:
    text = "قالت مديرة المعرض ماريا لوبيز إن الأجنحة الأوروبية ستشارك هذا العام بعدد أكبر من الناشرين."
    [quote] = _quotes(text)
    assert quote.speaker == "ماريا لوبيز"


def test_a_french_rank_as_the_maghreb_press_writes_it_opens_the_name() -> None:
    text = ("قال ليوتنون كولونيل عادل العلوي، رئيس قسم حماية أنظمة المعلومات بالقيادة العليا، إن الندوة "
            "تعد جزءا من التعاون الدفاعي بين البلدين.")
    [quote] = _quotes(text)
    assert quote.speaker == "عادل العلوي"


def test_a_journalist_named_after_a_profession_speaks_after_haythu() -> None:
    text = ("وشارك في الندوة علي عبيد الهاملي مدير تلفزيون دبي الذي عمل أيام المغفور له الشيخ زايد بن سلطان "
            "آل نهيان، والإعلامي حمدي سالم تمام الذي بكى أثناء تقديم مداخلته أكثر من مرة، حيث قال في كلمته: "
            "«كان الإعلام منذ البداية العون الكبير للإرادة السياسية».")
    proposals = extract(text)
    [quote] = _quotes(text)
    assert quote.speaker == "حمدي سالم تمام"
    titles = {person.name: person.title for person in proposals.people}
    assert titles["زايد بن سلطان آل نهيان"] is None  # "، والإعلامي": the next person's title, not his


def test_the_same_official_is_the_person_met_before() -> None:
    text = ("وأكد وزير الشباب والثقافة محمد مهدي بنسعيد، في كلمة بالمناسبة، أن المعرض يشكل موعدا ثقافيا "
            "بارزا. وسجل المسؤول الحكومي ذاته أن عدد العارضين ارتفع هذه السنة بشكل ملحوظ.\n"
            "قال الناطق الرسمي باسم الحكومة مصطفى سالم بايتاس إن الحكومة ستواصل الإصلاحات كلها. وأضاف المتحدث "
            "نفسه أن الحكومة ملتزمة بتنفيذ برنامجها الاجتماعي كاملا.")
    quotes = _quotes(text)
    assert [quote.speaker for quote in quotes] == ["محمد مهدي بنسعيد", "محمد مهدي بنسعيد",
                                                   "مصطفى سالم بايتاس", "مصطفى سالم بايتاس"]


def test_the_name_right_before_the_verb_is_its_subject_not_the_noun_opening_the_sentence() -> None:
    text = ("وحضر الاحتفال عدد كبير من الشخصيات الدينية والثقافية.\n\n"
            "بداية النشيد الوطني ثم كلمات بالمناسبة مع عرض لفيلم وثائقي عن الاستقلال وكلمة لرئيس نادي الخيام "
            "الثقافي الاجتماعي أحمد سالم عطوي قال فيها: نؤكد اليوم شكرنا وامتناننا لما قدمتموه من خلال مؤسستكم.")
    [quote] = _quotes(text)
    assert quote.speaker == "أحمد سالم عطوي"


def test_a_subject_first_name_then_her_title_after_a_comma_keeps_the_name() -> None:
    text = ("أما عزة خلفان اليعربية، رئيسة قسم التواصل بالمديرية العامة للتربية بمحافظة الداخلية أوضحت أن اللقاء "
            "فرصة للتعرف على أحدث الأدوات الرقمية.")
    [quote] = _quotes(text)
    assert quote.speaker == "عزة خلفان اليعربية"
