"""Quote forms of real press that were not found at all (issue 10, class 3), on our own sentences."""

from __future__ import annotations

from archive.importing.extraction import extract
from archive.text.names import name_tokens


def _quotes(text: str) -> list:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_family_name_in_guillemets_right_after_the_verb_is_the_speaker() -> None:
    text = ("عقد وزير المالية الدكتور حسام فريد البنا مؤتمرا صحفيا اليوم.\n"
            "وأوضح «البنا» أن العجز تراجع إلى أدنى مستوى منذ عشر سنوات.")
    [quote] = _quotes(text)
    assert quote.text == "العجز تراجع إلى أدنى مستوى منذ عشر سنوات"
    assert quote.speaker == "حسام فريد البنا"


def test_a_compound_family_name_in_double_quotes_then_a_circumstance_then_ila_anna() -> None:
    text = ("قال الخبير الاقتصادي الدكتور عبد الرحيم عبد الباسط إن الأسواق مستقرة منذ بداية العام.\n"
            "وأشار \"عبد الباسط\"، خلال اتصال هاتفي ببرنامج \"صباح الخير\"، اليوم الأحد، إلى أن "
            "الاستثمار في القارة يفتح أسواقا جديدة للصناعة.")
    quotes = _quotes(text)
    assert quotes[1].text == "الاستثمار في القارة يفتح أسواقا جديدة للصناعة"
    assert {"عبدالرحيم", "عبدالباسط"} <= set(name_tokens(quotes[1].speaker))


def test_a_profession_before_a_plain_name_is_a_title() -> None:
    [quote] = _quotes("قال الناشر كريم فتحي، إن الإقبال على الجناح فاق كل التوقعات هذا العام.")
    assert quote.speaker == "كريم فتحي" and quote.speaker_title == "الناشر"


def test_the_feminine_bayyanat_without_shadda_is_a_verb_before_a_title() -> None:
    text = ("وبينت الوزيرة سهى منير العبادي خلال رعايتها احتفال الجامعة بعيد تأسيسها، أن التعليم "
            "الرقمي أصبح ضرورة لا ترفا.")
    [quote] = _quotes(text)
    assert quote.text == "التعليم الرقمي أصبح ضرورة لا ترفا"
    assert quote.speaker == "سهى منير العبادي"


def test_a_headline_with_a_family_name_a_colon_and_quotation_marks() -> None:
    text = ("الزعابي: “المعرض يستقبل عارضين من ثلاث قارات هذا العام”\n"
            "افتتح وزير السياحة كريم عادل الزعابي معرض السفر أمس في العاصمة.")
    [quote] = _quotes(text)
    assert quote.text == "المعرض يستقبل عارضين من ثلاث قارات هذا العام"
    assert quote.speaker == "كريم عادل الزعابي"


def test_a_headline_without_marks_is_a_quote_and_a_byline_is_not() -> None:
    text = ("وزير السياحة: المعرض يستقبل عارضين من ثلاث قارات\n"
            "كتب - محمد عاطف:\n"
            "افتتح وزير السياحة كريم عادل الزعابي معرض السفر أمس في العاصمة.")
    [quote] = _quotes(text)  # the headline's words (test_quote_headlines.py); the byline quotes nobody
    assert quote.text == "المعرض يستقبل عارضين من ثلاث قارات"


def test_a_quote_before_bihasab_and_its_person() -> None:
    [quote] = _quotes("«المعرض يضم مئتي دار نشر من ثلاثين دولة»، بحسب مدير المعرض سالم بن راشد الفارسي.")
    assert quote.text == "المعرض يضم مئتي دار نشر من ثلاثين دولة"
    assert quote.speaker == "سالم بن راشد الفارسي"


def test_a_family_name_in_guillemets_met_nowhere_else_is_still_a_speaker() -> None:
    [quote] = _quotes("وأشار «الفارسي» إلى أننا نعمل على توسيع الشبكة في كل المحافظات.")
    assert quote.text == "أننا نعمل على توسيع الشبكة في كل المحافظات"
    assert quote.speaker == "الفارسي"


def test_wasifan_ends_reported_speech_and_quotes_what_follows_bi() -> None:
    text = ("وقال وزير الإسكان سالم راشد الفارسي إن الخطة جاهزة للتنفيذ، "
            "واصفًا المشروع بـ\"أكبر استثمار في تاريخ الولاية\".")
    quotes = _quotes(text)
    assert [quote.text for quote in quotes] == ["الخطة جاهزة للتنفيذ", "أكبر استثمار في تاريخ الولاية"]
    assert quotes[1].speaker == "سالم راشد الفارسي"


def test_a_verb_then_a_comma_then_the_words_said() -> None:
    text = ("قال وزير الشباب سالم راشد الفارسي إن البطولة تنطلق في الربيع المقبل.\n"
            "واضاف، ستكون هناك تغطية مباشرة لكل المباريات على القنوات الرسمية.")
    quotes = _quotes(text)
    assert quotes[1].text == "ستكون هناك تغطية مباشرة لكل المباريات على القنوات الرسمية"
    assert quotes[1].speaker == "سالم راشد الفارسي" and quotes[1].kind == "direct"


def test_a_long_attribution_with_guests_before_anna() -> None:
    text = ("وبينت مديرة الجمعية سعاد نبيل الخطيب خلال الاجتماع التحضيري الذي عقد في مقر الجمعية بحضور رئيس "
            "البلدية سامر عادل النمر ومدير الشرطة العقيد فادي سليم حداد ومدير الدفاع المدني المقدم نزار "
            "كمال عيسى ومدير الصحة الدكتور وائل فؤاد سلامة وممثلين عن المؤسسات الأهلية والخاصة في المدينة، أن "
            "المؤتمر يسلط الضوء على قضايا المغتربين.")
    [quote] = _quotes(text)
    assert quote.text == "المؤتمر يسلط الضوء على قضايا المغتربين"
    assert quote.speaker == "سعاد نبيل الخطيب"


def test_a_headline_names_by_family_name_the_person_the_article_names_in_full_later() -> None:
    text = ("الحمداني: “الاجتماع جرى في ظروف عادية وإيجابية”\n"
            "أكد عادل سالم الحمداني الوزير المكلف بالعلاقات مع البرلمان أن قادة الأغلبية اجتمعوا أمس.")
    quotes = _quotes(text)
    assert quotes[0].text == "الاجتماع جرى في ظروف عادية وإيجابية"
    assert quotes[0].speaker == "عادل سالم الحمداني"


def test_zada_with_a_colon_and_nabbaha_ila_anna_are_speech() -> None:
    text = ("قال نقيب الصحفيين مؤيد سالم الجبوري إن النقابة ستفتح فروعا جديدة في المحافظات.\n"
            "وزاد: «سنطالب البرلمان بتشريع يحمي الصحفيين».\n"
            "ونبه إلى أن عدد الصحفيين المسجلين تجاوز عشرين ألفا.")
    quotes = _quotes(text)
    assert [quote.text for quote in quotes] == ["النقابة ستفتح فروعا جديدة في المحافظات",
                                                "سنطالب البرلمان بتشريع يحمي الصحفيين",
                                                "عدد الصحفيين المسجلين تجاوز عشرين ألفا"]
    assert {quote.speaker for quote in quotes} == {"مؤيد سالم الجبوري"}


def test_zada_without_a_colon_is_not_speech() -> None:
    assert _quotes("وزاد عدد الزوار على مئة ألف بعد أن فتحت القاعات الجديدة أبوابها للجمهور.") == []


def test_interview_answers_are_the_interviewees_words_up_to_the_next_question() -> None:
    text = ("حاوره: سامي نبيل\n"
            "في هذا الحوار تحدث وزير الثقافة الدكتور فارس سالم الحمدان عن المهرجان.\n"
            "س1: ما الجديد في دورة هذا العام؟\n"
            "ج1: الجديد أن المهرجان يستضيف فرقا من عشرين دولة لأول مرة.\n"
            "وسيكون الافتتاح في المسرح الوطني.\n"
            "س2: وماذا عن التمويل والرعاة؟\n"
            "ج2: التمويل مضمون من الوزارة والقطاع الخاص معا.\n")
    quotes = _quotes(text)
    assert [quote.text for quote in quotes] == [
        "الجديد أن المهرجان يستضيف فرقا من عشرين دولة لأول مرة.\nوسيكون الافتتاح في المسرح الوطني",
        "التمويل مضمون من الوزارة والقطاع الخاص معا"]
    assert {quote.speaker for quote in quotes} == {"فارس سالم الحمدان"}
    assert all(quote.kind == "direct" for quote in quotes)


def test_a_present_tense_verb_after_two_name_words_is_not_part_of_the_name() -> None:
    proposals = extract("حصري: وزير الاتصال عمار سعيد يتحدث في حوار خاص عن خطط الوزارة.")
    assert [person.name for person in proposals.people] == ["عمار سعيد"]


def test_a_too_short_reported_clause_is_not_proposed_as_direct_speech_with_its_inna() -> None:
    assert [quote.text for quote in _quotes("قال الوزير سالم الحربي إن المعرض ناجح.")] == []


def test_words_in_a_persons_speech_after_jaa_fi() -> None:
    text = ("افتتح المنتدى صباح اليوم في قاعة المؤتمرات الكبرى.\n"
            "وجاء في كلمة وزير الإعلام الدكتور سالم بن ناصر الهنائي: «الإعلام شريك أساسي في مسيرة التنمية».\n"
            "وجاء في كلمته أن الوزارة ستطلق برنامجا للتدريب الإعلامي.")
    quotes = _quotes(text)
    assert [quote.text for quote in quotes] == ["الإعلام شريك أساسي في مسيرة التنمية",
                                                "الوزارة ستطلق برنامجا للتدريب الإعلامي"]
    assert {quote.speaker for quote in quotes} == {"سالم بن ناصر الهنائي"}
    assert [quote.kind for quote in quotes] == ["direct", "indirect"]


def test_a_ministrys_statement_after_jaa_fi_is_the_ministrys() -> None:
    [quote] = _quotes("وجاء في بيان وزارة الصحة أن حملة التطعيم تشمل المدارس كلها هذا الشتاء.")
    assert quote.speaker == "وزارة الصحة"


def test_kataba_with_a_colon_and_a_quotation_mark_is_speech_and_without_marks_is_not() -> None:
    text = ("قال وزير الإعلام سالم ناصر الهنائي إن الملتقى منصة للحوار بين المؤسسات.\n"
            "وكتب الوزير: «شكرا لكل من ساهم في نجاح المعرض هذا العام».\n"
            "وكتب الشاعر قصيدة: عن الوطن والحب والحنين.")
    quotes = _quotes(text)
    assert [quote.speaker for quote in quotes] == ["سالم ناصر الهنائي", "سالم ناصر الهنائي"]
    assert quotes[1].text == "شكرا لكل من ساهم في نجاح المعرض هذا العام"


def test_words_relayed_from_a_person_with_qawlahu() -> None:
    text = "ونقلت وكالة الأنباء عن وزير الإعلام سالم ناصر الحربي قوله إن الوزارة ستطلق منصة رقمية جديدة."
    [quote] = _quotes(text)
    assert quote.text == "الوزارة ستطلق منصة رقمية جديدة"
    assert quote.speaker == "سالم ناصر الحربي" and quote.speaker_title == "وزير الإعلام"


def test_a_rank_word_used_as_a_title_before_a_sector() -> None:
    text = ("ونقل البيان عن الوكيل المساعد لقطاع الصحافة في الوزارة خالد سعيد الرشيدي تأكيده أن "
            "الصحف الأجنبية متداولة في الأسواق ولم يتم منعها.")
    [quote] = _quotes(text)
    assert quote.speaker == "خالد سعيد الرشيدي"
    assert quote.speaker_title == "الوكيل المساعد لقطاع الصحافة في الوزارة"


def test_relaying_greetings_is_not_a_quote() -> None:
    assert _quotes("ونقل الوزير تحيات الرئيس إلى المشاركين في المؤتمر الدولي للإعلام.") == []


def test_said_then_where_then_the_words_in_marks() -> None:
    text = ("وقال الأمين العام سالم العلي، في ندوة صحفية الأربعاء الماضي، بالقاهرة، على هامش أشغال الدورة العادية "
            "لمجلس الجامعة \"أستشعر الحماس الشديد جدا من قبل الجزائر لانعقاد القمة\"، مشيرا إلى أن الاستعدادات "
            "جيدة في كل المدن.")
    quotes = sorted((*extract(text).quotes, *extract(text).further_quotes), key=lambda quote: quote.start)
    assert quotes[0].text == "أستشعر الحماس الشديد جدا من قبل الجزائر لانعقاد القمة"
    assert quotes[0].speaker == "سالم العلي"


def test_a_relative_clause_inside_where_it_was_said_does_not_stop_the_quote() -> None:
    text = ("قال وزير الإعلام سالم العلي إن الحكومة تعمل على تطوير القطاع كله.\n"
            "وأضاف خلال مداخلة هاتفية مع برنامج «على مسؤوليتي» الذي يقدمه الإعلامي أحمد موسى، مساء الأربعاء، أن "
            "رئيس الوزراء يتلقى أسئلة صعبة للغاية في بعض الأحيان.")
    proposals = extract(text)
    quotes = sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)
    assert quotes[-1].text == "رئيس الوزراء يتلقى أسئلة صعبة للغاية في بعض الأحيان"
    assert quotes[-1].speaker == "سالم العلي"
    assert all("يتلقى" not in (person.name or "") for person in proposals.people)


def test_expressing_then_a_colon_ends_the_reported_speech() -> None:
    text = ("وأضاف وزير الإعلام سالم العلي أنه لمس حب العرب للبلد وسعيهم إلى استقراره، معبرا: \"نلمس محبة "
            "واحترام الأشقاء العرب في كل مكان\".")
    quotes = sorted((*extract(text).quotes, *extract(text).further_quotes), key=lambda quote: quote.start)
    assert quotes[0].text == "أنه لمس حب العرب للبلد وسعيهم إلى استقراره"
    assert quotes[1].text == "نلمس محبة واحترام الأشقاء العرب في كل مكان"


def test_an_that_completes_a_noun_is_a_topic_not_speech() -> None:
    text = ("وأشاد الوزير سالم العلي بعراقة المؤسسة وكوادرها، لافتا إلى أهمية أن يكون لها دور في مواجهة "
            "الشائعات، معربا عن أمله في أن تواصل جهودها في خدمة الوطن والمواطن.")
    proposals = extract(text)
    # "أهمية أن" is a topic; hope expressed reports words (bench/corpus/README.md, test_rules_quotes10_hope)
    assert [quote.text for quote in (*proposals.quotes, *proposals.further_quotes)] == [
        "تواصل جهودها في خدمة الوطن والمواطن"]
