"""Quote spans on press forms found in outlets never studied (issue 10, classes 1-2), on our own sentences:
reported speech that ran over the reporter's source, a participle then "بالقول", quotation marks after where the
words were said."""

from __future__ import annotations

from archive.importing.extraction import extract


def _quotes(text: str) -> list:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_the_reporters_source_after_the_words_is_not_quoted() -> None:
    text = ("قال رئيس الوزراء خالد منصور الراشد، إن المحادثات تسير في الاتجاه الصحيح، حسبما أفادت "
            "وكالة الأنباء الرسمية.\n"
            "وأكدت وزيرة الإعلام سلمى حسن الزين أن الحكومة ستعلن خطتها الأسبوع المقبل كما أوردت قناة الأخبار.\n"
            "وأوضح الراشد أن الوفود ستلتقي مجددا في العاصمة، على حد تعبيره.")
    assert [quote.text for quote in _quotes(text)] == ["المحادثات تسير في الاتجاه الصحيح",
                                                       "الحكومة ستعلن خطتها الأسبوع المقبل",
                                                       "الوفود ستلتقي مجددا في العاصمة"]


def test_a_participle_then_bilqawl_opens_a_new_quote() -> None:
    text = ("وقال وزير الثقافة نادر يوسف الخطيب إن الحكومة ستبقى داعمة للكتاب والناشرين "
            "مردفا بالقول إن دعم الثقافة جزء من البرنامج الحكومي.")
    quotes = _quotes(text)
    assert [quote.text for quote in quotes] == ["الحكومة ستبقى داعمة للكتاب والناشرين",
                                                "دعم الثقافة جزء من البرنامج الحكومي"]
    assert quotes[1].speaker == "نادر يوسف الخطيب"


def test_words_in_double_quotes_after_where_they_were_said_are_the_quote() -> None:
    text = ("أوضح وزير الاتصال كمال أحمد بلقاسم أن القرار اتخذ بعد التشاور مع ممثلي المهنة. "
            "وقال في هذا الصدد \"أمر جيد أن تكون هناك أصوات معارضة فهذا يدل على حيوية المهنة\".")
    quotes = _quotes(text)
    assert quotes[1].text == "أمر جيد أن تكون هناك أصوات معارضة فهذا يدل على حيوية المهنة"
    assert quotes[1].kind == "direct"


def test_a_seminars_name_in_double_quotes_after_the_verb_is_not_the_quote() -> None:
    text = ("قال وزير الإعلام عادل سعيد المنصوري إن خطة الوزارة للعام المقبل جاهزة.\n"
            "وقال خلال ندوة \"الإعلام والتنمية المستدامة\" إن الإعلام شريك في التنمية.")
    quotes = _quotes(text)
    assert quotes[1].text == "الإعلام شريك في التنمية"


def test_a_mark_left_open_ends_where_a_new_attribution_opens() -> None:
    text = ("ولفت وزير الخارجية سالم فهد العلي إلى أن “هناك توافقا واسعا بشأن المبادرة العربية للسلام، "
            "معتبرا أن “اتهام “الصحيفة” للحكومة جزء من حملة تضليل منظمة”.")
    quotes = _quotes(text)
    assert [quote.text for quote in quotes] == ["هناك توافقا واسعا بشأن المبادرة العربية للسلام",
                                                "اتهام “الصحيفة” للحكومة جزء من حملة تضليل منظمة"]
    assert quotes[1].speaker == "سالم فهد العلي"


def test_wa_adafa_a_comma_then_anna_is_reported_speech_after_anna() -> None:
    text = ("قال وزير الثقافة نادر يوسف الخطيب إن المعرض ناجح بكل المقاييس.\n"
            "وأضاف، أن الحكومة ستمنح دور النشر قروضا بلا فوائد.")
    quotes = _quotes(text)
    assert quotes[1].text == "الحكومة ستمنح دور النشر قروضا بلا فوائد"
    assert quotes[1].kind == "indirect"
