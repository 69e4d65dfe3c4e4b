"""A clause of reported speech joined by و after the verb's topic is the speaker's words: "وأكد فلان اعتزازه
بالجالية وأن بابه مفتوح ..." quotes what follows "وأن" (the topic before it is no quote: bench/corpus/README.md,
"a report of a topic rather than of words"). Issue 10, round of 3 December 2026 (`quote_openings.opening_at`).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_that_clause_joined_after_the_topic_is_the_quote() -> None:
    text = "أكد وزير الدولة لشؤون الإعلام ماجد الكعبي دور الإعلام الحكومي ،وأن الوزارة تعمل على برمجة لقاء أسبوعي.\n"
    assert [(quote.text, quote.speaker) for quote in _quotes(text)] == [
        ("الوزارة تعمل على برمجة لقاء أسبوعي", "ماجد الكعبي")]


def test_a_that_clause_with_its_pronoun_joined_after_the_topic() -> None:
    text = "وأكد وزير الاتصال ماجد الكعبي على توحيد الجهود الإعلامية وأنه لا فرق بين الإعلام العمومي والخاص.\n"
    assert [quote.text for quote in _quotes(text)] == ["لا فرق بين الإعلام العمومي والخاص"]


def test_a_joined_that_clause_after_a_verb_of_no_speech_is_no_quote() -> None:
    """The guard: only a verb of speech reports words; "وأن" after "افتتح" opens nothing."""
    text = "افتتح وزير الثقافة ماجد الكعبي المعرض الدولي للكتاب اليوم وأن الزوار بالآلاف في أروقته.\n"
    assert [quote.text for quote in _quotes(text)] == []


def test_a_joined_that_clause_inside_words_in_marks_stays_in_them() -> None:
    """The guard: 'وقال فلان "... كما وأنه ..."': the marks opened before it hold the quote."""
    text = ("وقال الأمين العام ماجد الكعبي في كلمته \"لقد أنجز المجلس خطوات مهمة في العمل المشترك، "
            "كما وأنه أمسى من أنجح المنظمات الإقليمية\".\n")
    assert [quote.text for quote in _quotes(text)] == [
        "لقد أنجز المجلس خطوات مهمة في العمل المشترك، كما وأنه أمسى من أنجح المنظمات الإقليمية"]
