"""Speakers named again later by title, by a shorter name or by a post's other wording (issue 10,
the first fresh set's misses).

Every sentence here is written for these tests. The forms: a weekday printed after the subject
("وأكد الوزير الجمعة، أن": agency style), a speech document as the verb's object ("ووجه الوزير رسالة
شكر"), a circumstance with its pronoun ("في تدخل له"), a "و" printed apart from its word, the head of
government named as "رئيس الحكومة" and later as "رئيس الوزراء" (with or without the country), a Gulf
name of five words without "بن" and a shorter form of it, a title that holds several posts in
apposition, titles in apposition between commas before the name.
"""

from __future__ import annotations

from archive.importing.extraction import extract
from archive.importing.people import parse_person
from archive.importing.speakers import shorter_title_of
from archive.importing.tokens import tokenize
from tests.archive.extracted import quote_speakers


def test_a_weekday_after_the_title_is_when_not_part_of_the_post() -> None:
    text = ("قال وزير الزراعة الأردني الدكتور سامر بن خليل الطراونة إن الموسم الزراعي هذا العام جيد جدا.\n"
            "وأكد وزير الزراعة الأردني الجمعة، أن أسعار الخضار ستنخفض في "
            "الأسابيع المقبلة. وشدد وزير الزراعة الأردني على أن "
            "دعم المزارعين مستمر طوال العام المقبل.")
    assert quote_speakers(text) == ["سامر بن خليل الطراونة"] * 3


def test_a_weekday_after_the_name_between_commas_stays_out_of_the_title() -> None:
    text = "أكد رئيس مجلس الشورى، خالد المرزوقي، الخميس، أن جلسة المجلس المقبلة ستكون علنية للجميع."
    [quote] = extract(text).quotes
    assert (quote.speaker, quote.speaker_title) == ("خالد المرزوقي", "رئيس مجلس الشورى")


def test_a_speech_document_after_the_title_is_what_he_sent_not_his_name() -> None:
    text = ("قال وزير الثقافة الدكتور نبيل بن سعيد الكندي إن معرض الكتاب هذا العام ناجح بكل المقاييس.\n"
            "ووجه وزير الثقافة رسالة شكر للناشرين، قائلا: «أنتم شركاء النجاح في كل دورة من دورات المعرض».")
    assert quote_speakers(text) == ["نبيل بن سعيد الكندي"] * 2


def test_a_circumstance_with_its_pronoun_ends_the_title() -> None:
    text = ("رحب الأمين العام لاتحاد المصارف العربية فادي كريم الحاج بالمشاركين.\n"
            "وأشار الأمين العام لاتحاد المصارف العربية في تدخل له خلال ندوة صحفية "
            "إلى أن الودائع في المصارف العربية ارتفعت هذا العام.")
    assert quote_speakers(text) == ["فادي كريم الحاج"]


def test_a_conjunction_printed_apart_keeps_the_title_whole() -> None:
    text = ("رحب الأمين العام للاتحاد العربي للسلكية و اللاسلكية حمدون سالم العربي بالوفود.\n"
            "وأشار الأمين العام للاتحاد العربي للسلكية واللاسلكية إلى أن شبكات الاتصال في المنطقة توسعت هذا العام.")
    assert quote_speakers(text) == ["حمدون سالم العربي"]


def test_the_head_of_government_is_the_prime_minister_with_or_without_the_country() -> None:
    government = ("قال رئيس الحكومة العراقية، نوري عادل الجبوري، إن الحوار مع الشركاء كان ناجحا وركز على السيادة.\n"
                  "وتابع رئيس الوزراء العراقي: \"لن نسمح بالفوضى في أي منفذ من المنافذ\".")
    assert quote_speakers(government) == ["نوري عادل الجبوري"] * 2
    council = ("أكد رئيس مجلس الوزراء، سعد حميد الربيعي، أن الدولة ذات سيادة على كامل أراضيها.\n"
               "واكد رئيس الوزراء العراقي، “نحن دولة ذات سيادة ونحتفظ بعلاقاتنا في المنطقة”.")
    assert quote_speakers(council) == ["سعد حميد الربيعي"] * 2


def test_a_country_named_later_goes_first_to_the_holder_printed_with_it() -> None:
    text = ("وزير الإعلام اللبناني: لدينا إرث كبير من الصحفيين والإعلاميين في كل البلاد\n"
            "قال زياد فارس النقاش، وزير الإعلام اللبناني، إن الاحتفال أجل بسبب الظروف الصعبة في البلاد.\n"
            "وأضاف أنه بعد توليه منصب وزير الإعلام لامس بشكل مباشر حب العرب للبنان.")
    speakers = quote_speakers(text)
    assert speakers and set(speakers) == {"زياد فارس النقاش"}


def test_a_gulf_name_of_five_words_and_its_shorter_form() -> None:
    text = ("أكد وزير الإعلام الكويتي، الشيخ فهد ناصر سالم الحمود الصباح، "
            "أن الاستعدادات لاستضافة المؤتمر اكتملت كلها.\n"
            "وقال الشيخ فهد الحمود إن خطة الوزارة الإعلامية جاهزة منذ أسبوع.")
    assert quote_speakers(text) == ["فهد ناصر سالم الحمود الصباح"] * 2


def test_a_spokesman_who_holds_two_posts_in_apposition() -> None:
    text = ("أكد الدكتور سالم بن علي الهاجري مستشار رئيس مجلس الوزراء المتحدث الرسمي لوزارة الخارجية، "
            "أن دعم الأشقاء مستمر في كل الظروف.\nونبه المتحدث الرسمي لوزارة "
            "الخارجية إلى أن التهدئة ضرورية لحماية المدنيين في القطاع.")
    assert quote_speakers(text) == ["سالم بن علي الهاجري"] * 2


def test_titles_in_apposition_between_commas_before_the_name() -> None:
    text = ("قال ولي العهد، نائب رئيس مجلس الوزراء، وزير الدفاع، الأمير فيصل بن خالد، إن الجوار مهم "
            "لنهضة البلاد.")
    assert quote_speakers(text) == ["فيصل بن خالد"]


def test_an_occasion_after_the_title_is_where_he_was_not_his_name() -> None:
    text = ("قال وزير الخارجية العماني الشيخ جاسم بن حمد الحارثي إن الحوار الإقليمي ضرورة للجميع.\n"
            "وجاء ذلك خلال مشاركة وزير الخارجية العماني بجلسة حوار المستقبل في المنتدى.\n"
            "وأكد وزير الخارجية العماني أن التصعيد لا يخدم أحدا في المنطقة.")
    assert quote_speakers(text) == ["جاسم بن حمد الحارثي"] * 2


def test_the_day_after_a_name_is_no_part_of_it() -> None:
    text = ("نوه الأمين العام لاتحاد الناشرين سليم توري يوم الثلاثاء بجهود الناشرين.\n"
            "وأشار الأمين العام لاتحاد الناشرين إلى أن مبيعات الكتب ارتفعت هذا العام.")
    assert quote_speakers(text) == ["سليم توري"]


def test_a_mauritanian_name_after_a_description_between_commas_holds_the_later_title() -> None:
    text = ("قال وزير الثقافة والعلاقات مع البرلمان، في الحكومة الموريتانية، الحسن ولد أحمد، إن "
            "قطاعه يستعد لتنظيم معرض نواكشوط الدولي للكتاب.\n"
            "وأضاف الوزير أن المعرض سيشهد مشاركة عشرات الناشرين من موريتانيا.")
    assert quote_speakers(text) == ["الحسن ولد أحمد"] * 2


def test_a_present_verb_after_a_title_is_what_he_does_not_his_name() -> None:
    tokens = tokenize("متحدث الحكومة يواصل الأكاذيب")
    mention, _ = parse_person("متحدث الحكومة يواصل الأكاذيب", tokens, 0, len(tokens))
    assert mention is not None
    assert (mention.kind, mention.title) == ("title", "متحدث الحكومة")


def test_a_mauritanian_name_right_after_the_title_and_a_verb_s_complement() -> None:
    text = ("قال وزير الثقافة الحسن ولد أحمد، إن قطاعه يستعد لتنظيم معرض نواكشوط الدولي للكتاب.\n\n"
            "و أشار الوزير إلى تطوير مهرجان مدائن التراث ليشمل “مكونات تنموية غير مسبوقة استفادت منها "
            "مدن كثيرة في البلاد”.")
    assert quote_speakers(text) == ["الحسن ولد أحمد"] * 2


_SAID = "الاقتصاد الوطني سيشهد نموا ملحوظا خلال العام المقبل بفضل الإصلاحات."


def test_a_king_and_a_crown_prince_with_their_regnal_number() -> None:
    assert quote_speakers(f"قال العاهل الأردني الملك فيصل الثاني إن {_SAID}") == ["فيصل الثاني"]
    [quote] = extract(f"وأكد ولي العهد الأمير هاشم بن فيصل الثاني أن {_SAID}").quotes
    assert (quote.speaker, quote.speaker_title) == ("هاشم بن فيصل الثاني", "ولي العهد")


def test_a_ministry_of_affairs_joined_by_wa_stays_in_the_title() -> None:
    [quote] = extract(f"وقال نائب رئيس الوزراء وزير الخارجية وشؤون المغتربين ناصر الحمدان إن {_SAID}").quotes
    assert quote.speaker == "ناصر الحمدان"
    assert quote.speaker_title == "نائب رئيس الوزراء وزير الخارجية وشؤون المغتربين"


def test_whom_the_words_were_said_to_is_no_part_of_the_title() -> None:
    [first] = extract(f"وقال وزير الخارجية الكندي مارك ديفيس للصحفيين إن {_SAID}").quotes
    [second] = extract(f"وصرح المدير العام لوكالة الأنباء سعيد الأحمد لـ«الرأي» بأن {_SAID}").quotes
    assert first.speaker_title == "وزير الخارجية الكندي"
    assert second.speaker_title == "المدير العام لوكالة الأنباء"


def test_a_title_joined_by_li_to_a_post_or_a_party_and_a_given_name_basim() -> None:
    [deputy] = extract(f"أكد النائب الأول لرئيس مجلس النواب فارس حميد الجبوري أن {_SAID}").quotes
    [member] = extract(f"قال عضو المكتب السياسي لحركة النهضة باسم سعيد الخطيب إن {_SAID}").quotes
    [leader] = extract(f"وقال الأمين العام لحزب العمل نبيل فؤاد الشامي إن {_SAID}").quotes
    assert (deputy.speaker, deputy.speaker_title) == ("فارس حميد الجبوري", "النائب الأول لرئيس مجلس النواب")
    assert (member.speaker, member.speaker_title) == ("باسم سعيد الخطيب", "عضو المكتب السياسي لحركة النهضة")
    assert (leader.speaker, leader.speaker_title) == ("نبيل فؤاد الشامي", "الأمين العام لحزب العمل")


def test_affairs_after_an_assistant_undersecretary_continue_the_post() -> None:
    [quote] = extract(f"أكد وكيل وزارة الإعلام المساعد لشؤون الإعلام الخارجي سعد الهاجري أن {_SAID}").quotes
    assert quote.speaker == "سعد الهاجري"


def test_the_person_before_a_relative_pronoun_speaks() -> None:
    text = (f"قال وزير الإعلام سالم الكندي إن {_SAID}\n"
            "وشارك في الجلسة الأولى الدكتور ماجد الحربي، الذي أكد أن الحكومة ماضية في تنفيذ خطتها رغم التحديات.")
    assert quote_speakers(text) == ["سالم الكندي", "ماجد الحربي"]


def test_a_dean_a_governor_and_an_envoy_are_posts() -> None:
    text = (f"وقال الدكتور سامي فهد الحمد عميد كلية الإعلام إن {_SAID}\n"
            "وأكد عميد الكلية أن الحكومة ماضية في تنفيذ خطتها رغم كل التحديات التي تواجهها.")
    assert quote_speakers(text) == ["سامي فهد الحمد"] * 2
    [governor] = extract(f"وقال حاكم مصرف لبنان كريم فؤاد سليمان إن {_SAID}").quotes
    [envoy] = extract(f"وقال مندوب فلسطين لدى الأمم المتحدة رياض حسن منصور إن {_SAID}").quotes
    assert (governor.speaker, governor.speaker_title) == ("كريم فؤاد سليمان", "حاكم مصرف لبنان")
    assert (envoy.speaker, envoy.speaker_title) == ("رياض حسن منصور", "مندوب فلسطين لدى الأمم المتحدة")


def test_the_government_s_spokesman_is_the_cabinet_s() -> None:
    assert shorter_title_of("متحدث الحكومة", "المستشار المتحدث الرسمي باسم رئاسة مجلس الوزراء")
    text = ("قال المتحدث الرسمي باسم رئاسة مجلس الوزراء سامي فؤاد الحمصاني إن المؤتمر الصحفي حمل رسائل واضحة.\n"
            "وأكد متحدث الحكومة أن الشراكة مع فرنسا استراتيجية في كل المشروعات الكبرى.")
    assert quote_speakers(text) == ["سامي فؤاد الحمصاني"] * 2


def test_a_ministry_in_construct_with_a_country() -> None:
    [minister] = extract(f"قال وزير خارجية مصر سامي حسن شكري إن {_SAID}").quotes
    assert (minister.speaker, minister.speaker_title) == ("سامي حسن شكري", "وزير خارجية مصر")
    text = (f"رئيس وزراء فلسطين: {_SAID}\n\n"
            "أكد رئيس الوزراء الفلسطيني محمد سالم اشتية، اليوم الجمعة، أن الحكومات المتعاقبة لا تريد السلام.")
    assert shorter_title_of("رئيس وزراء فلسطين", "رئيس الوزراء الفلسطيني")
    assert set(quote_speakers(text)) == {"محمد سالم اشتية"}
