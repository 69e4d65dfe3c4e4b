"""Where reported speech ends: the reporter's next clause is not the speaker's words (issue 10, round 4).

"أكد فلان أن ...، فيما تحدث عن ..." / "...، كما حذر وزير ... من ...": a clause joined by فيما/كما/بينما
whose verb is a past verb of speaking reports another act of speech; the quote ends before it. A
participle with a topic ("، متوقعا استمرار ...") reports no words of its own: the sentence's quote runs
across it, as the corpus is annotated. Our own sentences.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract


def _quote_texts(text: str) -> list[str]:
    proposals = extract(text)
    return [quote.text for quote in sorted((*proposals.quotes, *proposals.further_quotes),
                                           key=lambda quote: quote.start)]


@pytest.mark.parametrize("clause", [
    "فيما تحدث عن جهود بلاده في دعم الحوار بين الفرقاء",
    "فيما طالب المجتمع الدولي بأن يتحمل مسؤولياته كاملة",
    "بينما دعا الأطراف كافة إلى ضبط النفس",
    "كما حذر وزير الداخلية، من التهاون في تطبيق الإجراءات",
    "فيما أشاد بدور الشباب في المبادرة",
])
def test_reported_speech_ends_before_a_joined_clause_of_speech(clause: str) -> None:
    text = ("عمّان - بترا\n"
            "وأكد وزير الخارجية سالم راشد العلي أن المنطقة بحاجة إلى تعاون جميع الأطراف لتجاوز الأزمة، "
            f"{clause}.\n")
    assert _quote_texts(text)[0] == "المنطقة بحاجة إلى تعاون جميع الأطراف لتجاوز الأزمة"


@pytest.mark.parametrize("clause", [
    "فيما ارتفعت في المحافظات الجنوبية",
    "كما أن الصادرات تجاوزت المليار دولار",
    "فيما تجاوز حجم الصادرات حاجز المليار",
    "كما نأمل أن تتحسن الأرقام العام المقبل",
])
def test_a_joined_clause_of_the_speaker_s_own_stays_in_the_quote(clause: str) -> None:
    text = ("عمّان - بترا\n"
            f"وقال وزير التخطيط سالم راشد العلي إن معدلات البطالة انخفضت في الشمال، {clause}.\n")
    assert _quote_texts(text)[0] == f"معدلات البطالة انخفضت في الشمال، {clause}"


@pytest.mark.parametrize("participle", [
    "متوقعا استمرار التراجع خلال الأسابيع المقبلة",
    "مشددا على أهمية الحوار مع الأطراف المعنية",
    "داعيا المواطنين للالتزام بالإجراءات",
])
def test_reported_speech_runs_across_a_participle_with_a_topic(participle: str) -> None:
    text = ("الرياض - واس\n"
            f"وشدد وزير الصحة سالم راشد العلي على أن الإصابات تراجعت إلى 20% هذا الشهر، {participle}.\n")
    assert _quote_texts(text)[0] == f"الإصابات تراجعت إلى 20% هذا الشهر، {participle}"


def test_a_participle_with_its_own_words_still_starts_a_continuation() -> None:
    text = ("الرياض - واس\n"
            "وشدد وزير الصحة سالم راشد العلي على أن الإصابات تراجعت إلى 20% هذا الشهر، "
            "مشيرا إلى أن الوزارة ستفتح مراكز جديدة.\n")
    assert _quote_texts(text) == ["الإصابات تراجعت إلى 20% هذا الشهر", "الوزارة ستفتح مراكز جديدة"]


@pytest.mark.parametrize("participle", [
    "واصفا إياه بالإنجاز الكبير للبلاد",
    "منوها بالحرص على المضي في الإصلاح",
    "مذكرا، في هذا الصدد، بمواد الدستور",
])
def test_a_participle_of_description_praise_or_reminder_ends_the_quote(participle: str) -> None:
    text = ("الرياض - واس\n"
            f"وأكد وزير الصحة سالم راشد العلي أن الإصابات تراجعت إلى 20% هذا الشهر، {participle}.\n")
    assert _quote_texts(text)[0] == "الإصابات تراجعت إلى 20% هذا الشهر"


@pytest.mark.parametrize("clause", [
    "وبشّر المواطنين بأن الأسعار ستنخفض قريبا",
    "وقال خلال زيارته للمعرض إن الوزارة تدعم الصناع",
    "ودعا الشركات إلى المشاركة في المعرض",
])
def test_reported_speech_ends_before_the_reporter_s_clause_after_wa(clause: str) -> None:
    text = ("الكويت - كونا\n"
            "قال وزير التجارة سالم راشد العلي إن بلاده \"تواجه حملة من الشائعات حول الأسعار\"، "
            f"{clause}.\n")
    # the marked words are the quote (bench/corpus/README.md: marks opening after reported speech's first words)
    assert _quote_texts(text)[0] == "تواجه حملة من الشائعات حول الأسعار"


def test_a_statement_s_next_point_with_a_bare_noun_stays_in_its_words() -> None:
    text = ("تونس - وات\n"
            "وأفاد بلاغ لوزارة الخارجية بأن الوزيرين تباحثا في التنسيق بين البلدين، "
            "وأكد عمق العلاقات التي تجمع الشعبين.\n")
    assert _quote_texts(text)[0] == ("الوزيرين تباحثا في التنسيق بين البلدين، "
                                     "وأكد عمق العلاقات التي تجمع الشعبين")
