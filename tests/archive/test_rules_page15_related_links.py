"""A related-article link is no one's words: "اقرأ أيضا: «...»", "اقرأ المزيد: ...", "شاهد أيضا: ...", "ذات صلة:
..." on a line of a page copied whole point the reader to another article (``line_quotes._page_label``, the
reader's imperatives in ``lexicon.READER_IMPERATIVES``). Issue 10, page round of 3 December 2026.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract

_HEADLINE = "الملتقى الإعلامي يختتم أعماله في العاصمة\n"
_BODY = "قال وزير الإعلام سالم العبدلي إن الملتقى يفتح آفاقا جديدة للتعاون بين المؤسسات.\n"
_MORE = "وأكد العبدلي أن الملتقى مستمر في دوراته المقبلة بدعم كامل من الحكومة.\n"
_SAID = [("الملتقى يفتح آفاقا جديدة للتعاون بين المؤسسات", "سالم العبدلي"),
         ("الملتقى مستمر في دوراته المقبلة بدعم كامل من الحكومة", "سالم العبدلي")]


def _quotes(text: str) -> list[tuple[str, str | None]]:
    proposals = extract(text)
    quotes: list[QuoteProposal] = sorted((*proposals.quotes, *proposals.further_quotes), key=lambda q: q.start)
    return [(quote.text, quote.speaker) for quote in quotes]


def test_read_more_is_no_speaker() -> None:
    assert _quotes(_HEADLINE + _BODY + "اقرأ المزيد: «الملتقى يفتح أبوابه للزوار غدا»\n" + _MORE) == _SAID
    assert _quotes(_HEADLINE + _BODY + "إقرأ أيضاً : «الملتقى يفتح أبوابه للزوار غدا»\n" + _MORE) == _SAID


def test_related_is_no_speaker() -> None:
    assert _quotes(_HEADLINE + _BODY + "ذات صلة: «الملتقى يفتح أبوابه للزوار غدا»\n" + _MORE) == _SAID
    assert _quotes(_HEADLINE + _BODY + "مواضيع ذات صلة: «الملتقى يفتح أبوابه للزوار غدا»\n" + _MORE) == _SAID


def test_watch_also_is_no_speaker() -> None:
    assert _quotes(_HEADLINE + _BODY + "شاهد أيضا: «الملتقى يفتح أبوابه للزوار غدا»\n" + _MORE) == _SAID


def test_a_witness_still_speaks() -> None:
    """The guard: "شاهد عيان" is a witness, a person, not the reader's imperative."""
    text = _HEADLINE + _BODY + "شاهد عيان: «رأينا الوفود تدخل القاعة منذ الصباح الباكر»\n"
    assert ("رأينا الوفود تدخل القاعة منذ الصباح الباكر", "شاهد عيان") in _quotes(text)


_QUOTING = ("قال وزير الإعلام سالم العبدلي إن الملتقى يفتح آفاقا جديدة للتعاون بين المؤسسات، مؤكدا أن «الإعلام شريك "
            "أساسي في التنمية الشاملة للبلاد».\n")
_QUOTED = [("الملتقى يفتح آفاقا جديدة للتعاون بين المؤسسات", "سالم العبدلي"),
           ("الإعلام شريك أساسي في التنمية الشاملة للبلاد", "سالم العبدلي")]


def test_a_related_title_after_a_partial_quote_is_no_quote() -> None:
    """A link's title in marks after "ذات صلة:" or "اقرأ أيضا:" below a paragraph that quotes someone is no partial
    quote of his (nor of a speaker "ذات صلة")."""
    for label in ("ذات صلة", "اقرأ أيضا", "اقرأ المزيد", "شاهد أيضا"):
        text = _HEADLINE + _QUOTING + label + ": «وزير الإعلام يستقبل الوفود العربية المشاركة في الملتقى»\n"
        assert _quotes(text) == _QUOTED, label


def test_a_label_before_words_in_marks_later_is_no_quote() -> None:
    text = _HEADLINE + _QUOTING + "آخر تحديث: «وزير الإعلام يستقبل الوفود العربية المشاركة في الملتقى»\n"
    assert _quotes(text) == _QUOTED


def test_a_sentence_holding_a_label_word_still_quotes() -> None:
    """The guard: a paragraph's sentence that holds "تحديث" before its colon is no label."""
    text = _HEADLINE + _QUOTING + ("وتحدث العبدلي عن تحديث المنصة الرقمية وعن أهدافها: «الإعلام الجديد مسؤولية "
                                   "الجميع في هذه المرحلة».\n")
    assert _quotes(text)[2:] == [("الإعلام الجديد مسؤولية الجميع في هذه المرحلة", "سالم العبدلي")]


def test_a_short_title_below_read_also_is_no_quote() -> None:
    """ "اقرأ أيضا:" alone on its line and the linked article's title in marks on the next: not the quote of the verb
    on the line after it."""
    text = _HEADLINE + _BODY + "اقرأ أيضا:\n«الملتقى يفتح أبوابه»\n" + _MORE
    assert _quotes(text) == _SAID


def test_a_longer_title_below_read_also_is_no_paragraph_of_the_speaker() -> None:
    """A title of five words in marks under "اقرأ أيضا:" fills its line as a paragraph in marks does, but it is the
    linked article's title, not more of the last speaker's words."""
    text = _HEADLINE + _BODY + "اقرأ أيضا:\n«الملتقى يفتح أبوابه أمام الشباب غدا»\n" + _MORE
    assert _quotes(text) == _SAID
