"""Words of the speaker's own printed without colon or marks after where they were said (issue 10, round 4).

"وأضاف خلال ترؤسه الجلسة، اليوم الاثنين، سنعمل على ..."، "وقال فلان في كلمة له خلال المؤتمر سنحرر ...": the
first-person future verb ("سنعمل") or "نحن" opens the speaker's words. Our own sentences.
"""

from __future__ import annotations

from archive.importing.extraction import extract


def _quote_texts(text: str) -> list[str]:
    proposals = extract(text)
    return [quote.text for quote in sorted((*proposals.quotes, *proposals.further_quotes),
                                           key=lambda quote: quote.start)]


def test_a_continuation_verb_then_its_circumstance_then_first_person_words() -> None:
    text = ("رام الله - وفا\n"
            "قال رئيس الوزراء سالم راشد العلي إن الحكومة ستبدأ عملها اليوم.\n"
            "وأضاف خلال ترؤسه الجلسة الأولى للحكومة، اليوم الاثنين، سنعمل على تنفيذ قرارات المجلس.\n")
    assert _quote_texts(text) == ["الحكومة ستبدأ عملها اليوم", "سنعمل على تنفيذ قرارات المجلس"]


def test_a_named_speaker_then_where_he_spoke_then_first_person_words() -> None:
    text = ("بغداد - واع\n"
            "أعلن رئيس الوزراء سالم راشد العلي أن البلاد مقبلة على مرحلة جديدة.\n"
            "وقال العلي في كلمة له خلال حضوره مؤتمر المصالحة الوطنية سنعيد بناء المدن المتضررة كلها،\n")
    assert _quote_texts(text)[-1] == "سنعيد بناء المدن المتضررة كلها"


def test_years_after_where_it_was_said_open_no_words() -> None:
    text = ("بغداد - واع\n"
            "وقال رئيس الوزراء سالم راشد العلي في كلمة خلال المؤتمر سنوات الحرب انتهت.\n")
    assert not any(quote.startswith("سنوات") for quote in _quote_texts(text))
