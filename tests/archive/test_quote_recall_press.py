"""Quote recall on press forms found in outlets never studied (issue 10, class 3), on our own sentences:
participles and verbs of speech the lexicon lacked (مذكرا، معلقا، متكهنا، زعم)."""

from __future__ import annotations

from archive.importing.extraction import extract


def _quotes(text: str) -> list:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_mudhakkiran_anna_continues_the_speaker() -> None:
    text = ("قال وزير النقل سامر فؤاد الحداد إن شبكة الطرق الجديدة تربط المدن الكبرى، "
            "مذكرا أنه من بين عشرين مشروعا أنجز خمسة هذا العام.")
    quotes = _quotes(text)
    assert [quote.text for quote in quotes] == ["شبكة الطرق الجديدة تربط المدن الكبرى",
                                                "أنه من بين عشرين مشروعا أنجز خمسة هذا العام"]
    assert quotes[1].speaker == "سامر فؤاد الحداد"


def test_muallaqan_before_a_spaced_colon_and_marks_continues_the_speaker() -> None:
    text = ("انتقد وزير الشباب ماجد صالح العتيبي ضعف الإقبال على البرامج الصيفية ، "
            "معلقا : \" علينا أن نسأل أنفسنا لماذا يغيب الشباب عن برامجهم\".")
    [quote] = _quotes(text)
    assert quote.text == "علينا أن نسأل أنفسنا لماذا يغيب الشباب عن برامجهم"
    assert quote.speaker == "ماجد صالح العتيبي"


def test_zaama_anna_is_reported_speech() -> None:
    [quote] = _quotes("وزعم المتحدث باسم الحزب سامي عادل النجار أن نتائج الانتخابات لا تعكس إرادة الناخبين.")
    assert quote.text == "نتائج الانتخابات لا تعكس إرادة الناخبين"
    assert quote.speaker == "سامي عادل النجار"


def test_a_new_participle_ends_the_reported_speech_before_it() -> None:
    text = ("وأكد وزير الخارجية فهد سالم العمري أن بلاده منفتحة على الحوار، بشرط وقف التصعيد، "
            "متكهنا أن الجولة المقبلة من المفاوضات ستكون حاسمة.")
    quotes = _quotes(text)
    assert [quote.text for quote in quotes] == ["بلاده منفتحة على الحوار، بشرط وقف التصعيد",
                                                "الجولة المقبلة من المفاوضات ستكون حاسمة"]


def test_muallaqa_after_a_comma_then_anna_continues_the_speaker() -> None:
    text = ("قالت وزيرة الإعلام ريم سعيد الخضر إن الصحفي أوقف بعد نشر مقال عن دولة شقيقة, "
            "معلقة الوزيرة أن القوانين تسمح بمساءلة من يسيء إلى العلاقات بين الدول.")
    quotes = _quotes(text)
    assert [quote.text for quote in quotes] == ["الصحفي أوقف بعد نشر مقال عن دولة شقيقة",
                                                "القوانين تسمح بمساءلة من يسيء إلى العلاقات بين الدول"]
    assert quotes[1].speaker == "ريم سعيد الخضر"
