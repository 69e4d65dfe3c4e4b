"""Words in quotation marks that are no speech (issue 10, round 4): an epithet, a name, a figure headline.

Our own sentences.
"""

from __future__ import annotations

from archive.importing.extraction import extract


def _quote_texts(text: str) -> list[str]:
    proposals = extract(text)
    return [quote.text for quote in sorted((*proposals.quotes, *proposals.further_quotes),
                                           key=lambda quote: quote.start)]


def test_marks_before_a_name_and_its_verb_are_the_subject_s_epithet() -> None:
    text = ("“صديق الصحفيين” سالم راشد العلي وزير الإعلام يكشف خطط وزارته للعام المقبل\n"
            "\n"
            "أكد وزير الإعلام سالم راشد العلي أن الوزارة ستفتح مكاتبها للصحفيين طوال الأسبوع.\n")
    assert "صديق الصحفيين" not in _quote_texts(text)


def test_a_quotation_before_its_attribution_still_is_one() -> None:
    text = ("مسقط - العمانية\n"
            "«المعرض يضم مئتي دار نشر من ثلاثين دولة»، كما قال مدير المعرض سالم بن راشد الفارسي.\n")
    assert _quote_texts(text) == ["المعرض يضم مئتي دار نشر من ثلاثين دولة"]


def test_a_name_in_marks_after_an_honorific_is_no_partial_quote() -> None:
    text = ("دبي - وام\n"
            "قال وزير الإعلام سالم راشد العلي إن المنتدى يجمع الإعلاميين العرب كل عام.\n"
            "وخلال الجلسة الافتتاحية، تطرق معالي الشيخ “حمد بن خالد بن محمد آل سالم”، وزير الخارجية، "
            "إلى عمق العلاقات بين البلدين.\n")
    assert _quote_texts(text) == ["المنتدى يجمع الإعلاميين العرب كل عام"]


def test_a_byline_label_is_no_participle_of_speech() -> None:
    text = ("متابعة – سالم العلي:\n"
            "شهد نائب رئيس الدولة افتتاح منتدى الإعلام العربي بحضور الوفود المشاركة من الدول العربية.\n"
            "وقال وزير الإعلام حمد خالد السالم إن المنتدى يجمع الإعلاميين العرب كل عام.\n")
    assert _quote_texts(text) == ["المنتدى يجمع الإعلاميين العرب كل عام"]


def test_a_place_before_a_headline_s_colon_is_no_speaker_even_when_a_name_ends_with_it() -> None:
    text = ("الكويت: أكثر من 500 مشارك في معرض الكتاب هذا العام\n"
            "شارك سالم الكويت في افتتاح المعرض أمس.\n"
            "وقال وزير الإعلام حمد خالد السالم إن المعرض يستقبل الزوار يوميا.\n")
    assert _quote_texts(text) == ["المعرض يستقبل الزوار يوميا"]
