"""Words in marks inside the narrative are the speaker's (issue 10, half B's misses), on our own sentences.

Agency style quotes a speaker by putting part of a sentence in marks without a verb of saying before it:
'وتحدث الوزير عن "..."', 'التزام الدولة بـ"..."'. Six words or more in marks, opened as marks open (not a
closing mark read the wrong way), are proposed as the sentence's speaker's words with low confidence; a
title after "بعنوان"/"شعار" or a document's name ("دليل ...") is not speech, and nor are marked words
nobody in the article could have said.
"""

from __future__ import annotations

from archive.importing import speaker_choice
from archive.importing.extraction import extract
from archive.importing.quote_confidence import rule_records


def _quotes(text: str) -> list:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_marked_words_after_a_noun_are_the_speaker_s_partial_quote() -> None:
    text = ("قال وزير الاتصال سالم العلي إن القطاع يشهد تحولا كبيرا هذا العام.\n"
            "وجدد الوزير في رسالة بمناسبة اليوم الوطني للصحافة التزام الدولة بـ\"ضمان حرية الصحافة والتعبير "
            "في إطار القوانين السارية\".")
    quotes = _quotes(text)
    assert quotes[-1].text == "ضمان حرية الصحافة والتعبير في إطار القوانين السارية"
    assert quotes[-1].speaker == "سالم العلي"
    assert quotes[-1].kind == "direct"
    # its confidence is how often such partial quotes were right on the studied press, less than a verb's quote
    # (the rules' shares: without the speaker model's chance, which multiplies their share of matching words)
    with speaker_choice.scoring(None):
        quotes = _quotes(text)
    measured = rule_records()[quotes[-1].reason].cases[0.4]
    assert quotes[-1].confidence == round(measured.share, 2) < quotes[0].confidence


def test_a_title_after_bianwan_or_a_slogan_is_not_a_quote() -> None:
    text = ("قال وزير الاتصال سالم العلي إن القطاع يشهد تحولا كبيرا هذا العام.\n"
            "ونظمت الوزارة ندوة بعنوان \"الإعلام الوطني في مواجهة تحديات العصر الرقمي الجديد\" تحت شعار "
            "«معا من أجل إعلام مسؤول يخدم المجتمع كله».")
    assert len(_quotes(text)) == 1


def test_a_document_s_name_in_marks_is_not_a_quote() -> None:
    text = ("قال وزير الاتصال سالم العلي إن القطاع يشهد تحولا كبيرا هذا العام.\n"
            "واستعرض الباحثون \"دليل الوحدات الحكومية في استخدام قنوات التواصل الاجتماعي\" أمام الحضور.")
    assert len(_quotes(text)) == 1


def test_text_between_a_closing_and_an_opening_mark_is_not_a_quote() -> None:
    text = ("قال وزير الاتصال سالم العلي إن القطاع يشهد تحولا كبيرا هذا العام.\n"
            "واستقبلت صحيفة \"الأيام\" في مجلسها الرمضاني مساء أمس عددا من كبار المسؤولين في \"الوزارة\".")
    assert len(_quotes(text)) == 1


def test_marked_words_with_nobody_to_say_them_are_not_a_quote() -> None:
    text = "وتحمل الدورة الجديدة للمعرض \"ذاكرة المدينة وحكايات أهلها عبر قرن كامل من الزمن\" في أجنحتها."
    assert _quotes(text) == []


def test_an_event_s_name_in_marks_is_not_a_quote() -> None:
    text = ("قال وزير الاتصال سالم العلي إن القطاع يشهد تحولا كبيرا هذا العام.\n"
            "وأعلن المكتب عن انطلاق أول اللقاءات الشهرية التي سبق الإعلان عنها \"لقاء مع الإعلام الأجنبي في "
            "العاصمة كل شهر\" بحضور عدد من المراسلين.")
    assert len(_quotes(text)) == 1
