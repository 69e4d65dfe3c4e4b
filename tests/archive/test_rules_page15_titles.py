"""A title ends where the words saying to whom he spoke begin: "وزير الخارجية لوسائل الإعلام في أروقة منتدى ..." is
the minister speaking to the press, not a post "وزير الخارجية لوسائل الإعلام ..." (``titles._ends_title``: لـ glued
to a noun in construct with a definite noun after a complete title, unless it names a post, a party or a body).
Issue 10, page round of 3 December 2026.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract

_HEADLINE = "الملتقى الإعلامي يختتم أعماله في العاصمة\n"


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda q: q.start)


def test_a_title_stops_before_the_press_it_spoke_to() -> None:
    text = _HEADLINE + ("وقال سالم العبدلي وزير الخارجية لوسائل الإعلام في أروقة منتدى الدوحة إن الحوار هو السبيل "
                        "الوحيد لحل الأزمات.\n")
    [quote] = _quotes(text)
    assert (quote.speaker, quote.speaker_title) == ("سالم العبدلي", "وزير الخارجية")


def test_a_title_still_runs_over_its_ministry() -> None:
    """The guard: "المستشار الإعلامي لوزارة الخارجية" and "النائب الأول لرئيس مجلس النواب" are posts."""
    text = _HEADLINE + ("وقال سالم العبدلي المستشار الإعلامي لوزارة الخارجية إن الحوار هو السبيل الوحيد لحل "
                        "الأزمات.\n")
    [quote] = _quotes(text)
    assert quote.speaker_title == "المستشار الإعلامي لوزارة الخارجية"
    text = _HEADLINE + ("وقال سالم العبدلي النائب الأول لرئيس مجلس النواب إن الحوار هو السبيل الوحيد لحل "
                        "الأزمات.\n")
    [quote] = _quotes(text)
    assert quote.speaker_title == "النائب الأول لرئيس مجلس النواب"


def test_an_adjective_rais_before_a_verbal_noun_names_no_holder() -> None:
    """ "الأداة الرئيس في تكريس قيم الحوار": الرئيس is the tool's adjective ("main") and في opens what it does (a
    verbal noun of the form تفعيل), no post: "قيم الحوار" is no president for a later "وقال الرئيس"."""
    text = _HEADLINE + ("قال وزير الإعلام سالم العبدلي إن الملتقى يفتح آفاقا جديدة للتعاون بين المؤسسات.\n"
                        "ويمثل الإعلام الأداة الرئيس في تكريس قيم الحوار.\n"
                        "وقال الرئيس إن الحوار ضرورة للجميع في هذه المرحلة.\n")
    speakers = [quote.speaker for quote in _quotes(text)]
    assert "قيم الحوار" not in speakers


def test_a_post_still_runs_over_a_place_after_fi() -> None:
    """The guard: "سفير ماليزيا في عمان" and "عضو في مجلس النواب" are posts."""
    text = _HEADLINE + "وقال سالم العبدلي سفير ماليزيا في عمان إن الحوار هو السبيل الوحيد لحل الأزمات.\n"
    [quote] = _quotes(text)
    assert quote.speaker_title == "سفير ماليزيا في عمان"
