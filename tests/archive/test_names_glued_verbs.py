"""A verb of speech glued to the word before it (issue 10, speakers): a byline run into the first sentence
when a line break was lost ("أحمد عبد الناصرقال سامح شكري"). Our own sentences.
"""

from __future__ import annotations

from archive.importing.extraction import extract
from archive.importing.tokens import tokenize


def test_a_byline_run_into_the_first_sentence_leaves_the_speaker_and_the_quote_whole() -> None:
    text = ("- سامي عبد الرحيمقال خالد الفهد وزير الإعلام، إن الحملة الوطنية ستبدأ الأسبوع المقبل في المدارس.\n"
            "وأضاف الفهد أن الوزارة أعدت لها مئة متطوع.")
    proposals = extract(text)
    quotes = sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)
    assert [quote.text for quote in quotes] == ["الحملة الوطنية ستبدأ الأسبوع المقبل في المدارس",
                                                "الوزارة أعدت لها مئة متطوع"]
    assert [quote.speaker for quote in quotes] == ["خالد الفهد", "خالد الفهد"]


def test_the_glued_verb_is_its_own_token_with_its_span() -> None:
    text = "كتب المحررأضاف سامي"
    assert [token.text for token in tokenize(text)] == ["كتب", "المحرر", "أضاف", "سامي"]
    assert [(token.start, token.end) for token in tokenize(text)][1:3] == [(4, 10), (10, 14)]


def test_words_that_only_end_like_a_verb_stay_whole() -> None:
    # a derived form (after ت or ث), or no speaker after it
    for text in ("بعد الانتقال سامح", "واستقال سامح", "برتقال سامح", "الاعتقال التعسفي", "التأكد من الأرقام",
                 "الناصرقال إلى"):
        assert len(tokenize(text)) == len(text.split())
