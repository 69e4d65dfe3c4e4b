"""A «و» printed apart from its word inside a title (issue 10, speakers): «وزير الخارجية السابق و السفير
الأسبق فلان» is read as the glued «والسفير»: one person with two posts, the name after them. Our own sentences.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract

_SAID = "قال {who} إن العلاقات بين البلدين متينة وتاريخية.\nوأضاف أن التعاون الاقتصادي سيتواصل خلال العام المقبل."


def _speakers(text: str) -> list[tuple[str, str | None, str | None]]:
    proposals = extract(text)
    quotes = sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)
    return [(quote.kind, quote.speaker, quote.speaker_title) for quote in quotes]


@pytest.mark.parametrize("who", [
    "وزير الخارجية السابق و السفير الأسبق حسان الورتاني",
    "وزير النقل و الرئيس السابق لهيئة الموانئ حسان الورتاني",
])
def test_a_lone_and_before_a_second_post_reads_like_the_glued_one(who: str) -> None:
    glued = who.replace("و ال", "وال")
    apart = _speakers(_SAID.format(who=who))
    # the title as printed keeps the space after «و»
    assert [(kind, speaker, (title or "").replace("و ال", "وال")) for kind, speaker, title in apart] \
        == _speakers(_SAID.format(who=glued))
    title = who.removesuffix(" حسان الورتاني")
    assert [(speaker, printed) for _kind, speaker, printed in apart] == [("حسان الورتاني", title)] * 2
