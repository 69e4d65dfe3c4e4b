"""The event an article covers, as an officer files it: name, edition, series and dates (issue 10).

Every sentence here is our own.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract


def _event(text: str):
    event = extract(text).event
    assert event is not None
    return event


@pytest.mark.parametrize(("text", "name", "edition", "label"), [
    ("مسقط - الرؤية\nنظم مركز الإعلام الرقمي لقاءه الحادي عشر بحضور عدد من مسؤولي الإعلام في الوزارات.",
     "اللقاء الحادي عشر", 11, "الحادي عشر"),
    ("مسقط - الرؤية\nنظم مركز الإعلام الرقمي لقائه التاسع والعشرين بحضور عدد من مسؤولي الإعلام.",
     "اللقاء التاسع والعشرون", 29, "التاسع والعشرين"),
    ("مسقط - الرؤية\nاستضاف مركز الإعلام الرقمي في لقائه الـ12 وزارة النقل بحضور عدد من مسؤولي الإعلام.",
     "اللقاء الثاني عشر", 12, "الـ12"),
])
def test_a_series_meeting_is_named_by_its_edition_and_filed_under_its_series(text, name, edition, label) -> None:
    event = _event(text)
    assert (event.name, event.edition, event.edition_label) == (name, edition, label)
    assert event.organiser == "مركز الإعلام الرقمي"
    assert event.series == "لقاءات مركز الإعلام الرقمي"


@pytest.mark.parametrize(("text", "name"), [
    ("وقال المدير إن معرض المدينة الدولي للكتاب يشهد إقبالا كبيرا هذا العام.", "معرض المدينة الدولي للكتاب"),
    ("أصبح الملتقى الإعلامي الخليجي علامة بارزة في المنطقة منذ انطلاقه.", "الملتقى الإعلامي الخليجي"),
    ("وأكد الأمين العام أن الملتقى الإعلامي الخليجي لهذا العام سينطلق في موعده.", "الملتقى الإعلامي الخليجي"),
    ("وعقد الوزير المؤتمر الصحفي الأسبوعي نظرا لأهمية الملفات المطروحة.", "المؤتمر الصحفي الأسبوعي"),
    ("ونظمت الجمعية لقاء حواريا لمعالي وزير الإعلام مع طلبة الجامعة.", "لقاء حواريا"),
])
def test_an_event_name_stops_where_the_sentence_goes_on(text: str, name: str) -> None:
    assert _event(text).name == name


@pytest.mark.parametrize(("text", "name", "edition"), [
    ("انطلقت اليوم أعمال القمة العربية الـ33 في العاصمة بحضور القادة.", "القمة العربية الـ33", 33),
    ("وتشهد الدورة 57 من معرض المدينة الدولي للكتاب إقبالا كبيرا.", "معرض المدينة الدولي للكتاب", 57),
    ("انطلقت الدورة الرابعة عشرة من ملتقى الإعلام الخليجي في المنامة.", "ملتقى الإعلام الخليجي", 14),
    ("أعلن الأمين العام انطلاق فعاليات الدورة الـ 14 للملتقى الإعلامي العربي في الكويت.",
     "الملتقى الإعلامي العربي", 14),
])
def test_the_edition_is_read_before_or_after_the_name(text: str, name: str, edition: int) -> None:
    event = _event(text)
    assert (event.name, event.edition) == (name, edition)


@pytest.mark.parametrize(("text", "start", "end"), [
    ("ينطلق ملتقى الإعلام الخليجي في الفترة 22- 24 أبريل 2025 في المنامة.", "2025-04-22", "2025-04-24"),
    ("ينطلق ملتقى الإعلام الخليجي يومي 10 و11 سبتمبر 2024 في المنامة.", "2024-09-10", "2024-09-11"),
    ("ينطلق ملتقى الإعلام الخليجي من 3 إلى 6 فبراير 2026 في المنامة.", "2026-02-03", "2026-02-06"),
    ("انطلق ملتقى الإعلام الخليجي يوم 5 مارس 2025 في المنامة.", "2025-03-05", None),
])
def test_the_dates_of_an_event_are_its_range(text: str, start: str, end: str | None) -> None:
    event = _event(text)
    assert (event.start_date, event.end_date) == (start, end)


def test_a_year_named_in_passing_is_not_the_event_date() -> None:
    text = ("انطلق ملتقى الإعلام الخليجي يوم 5 مارس 2025 في المنامة.\n"
            "وناقش المشاركون خطط القطاع حتى عام 2030 وما تحقق منذ 2011.")
    event = _event(text)
    assert (event.start_date, event.end_date) == ("2025-03-05", None)


def test_an_event_without_a_date_has_none() -> None:
    event = _event("انطلق ملتقى الإعلام الخليجي في المنامة، ويناقش خطط القطاع حتى عام 2030.")
    assert (event.start_date, event.end_date) == (None, None)


def test_an_edition_printed_before_another_event_belongs_to_that_event() -> None:
    event = _event("انطلقت على أرض معرض المدينة الدولي فعاليات الدورة السادسة من معرض الخليج للكتاب اليوم.")
    assert (event.name, event.edition) == ("معرض الخليج للكتاب", 6)


def test_an_event_noun_after_a_glued_preposition_is_an_event() -> None:
    event = _event("وصل الوزير لحضور حفل افتتاح الدورة التاسعة والأربعين لمعرض المدينة الدولي للكتاب.")
    assert (event.name, event.edition) == ("معرض المدينة الدولي للكتاب", 49)


def test_the_venue_may_be_printed_before_the_event() -> None:
    event = _event("افتتحت بفندق النخيل الكبير أعمال الملتقى الخليجي الأول للإعلام برعاية الوزير.")
    assert event.venue == "فندق النخيل الكبير"


def test_the_organiser_after_the_event_stops_at_the_clause_end() -> None:
    event = _event("انطلق مهرجان المدينة الثقافي للكتاب الذي تقيمه مؤسسة الأنوار للنشر بعد أن دشنه رئيس مجلس الوزراء.")
    assert event.organiser == "مؤسسة الأنوار للنشر"


@pytest.mark.parametrize(("text", "city"), [
    ("صدى الخليج - المنامة\nانطلقت أعمال الملتقى الخليجي للإعلام بحضور الوزير.", "المنامة"),
    ("المنامة - صدى الخليج\nانطلقت أعمال الملتقى الخليجي للإعلام بحضور الوزير.", "المنامة"),
])
def test_the_dateline_city_is_the_city_whichever_side_it_is_printed(text: str, city: str) -> None:
    assert _event(text).city == city


def test_a_range_of_dates_joined_by_and_until() -> None:
    event = _event("أقيم معرض المدينة للكتاب من 25 يناير وحتى 6 فبراير 2025 بمركز المعارض.")
    assert (event.start_date, event.end_date) == ("2025-01-25", "2025-02-06")


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("افتتحت أعمال الملتقى الخليجي الأول للإعلام الرقمي بحضور الوزير.", "الملتقى الخليجي الأول للإعلام الرقمي",
     "forum"),
    ("احتشد الحضور في القاعة الرئيسية لمؤتمر \"دعم الاقتصاد الوطني\" في المدينة.", "مؤتمر \"دعم الاقتصاد الوطني\"",
     "conference"),
    ("نظم المركز ملتقى «معا نحو المستقبل» بمشاركة الشباب.", "ملتقى «معا نحو المستقبل»", "forum"),
    ("نظمت وزارة الإعلام حلقة عمل بعنوان «المحتوى الرقمي» بمشاركة 60 موظفا.",
     "حلقة عمل بعنوان «المحتوى الرقمي»", "workshop"),
])
def test_a_name_runs_over_its_field_its_quoted_title_and_its_subject(text: str, name: str, kind: str) -> None:
    event = _event(text)
    assert (event.name, event.kind) == (name, kind)


def test_a_meeting_of_someone_without_an_edition_is_a_plain_meeting() -> None:
    text = ("دمشق - سانا\nأكد وزير الإعلام خلال لقائه الوفود الإعلامية المشاركة أهمية التعاون. "
            "وافتتح الوزير معرض المدينة الدولي للكتاب بحضور الوفود.")
    assert _event(text).name == "معرض المدينة الدولي للكتاب"


def test_a_possessed_meeting_alone_is_named_by_its_noun() -> None:
    assert _event("أكد وزير الإعلام خلال لقائه الوفود الإعلامية أهمية التعاون.").name == "لقاء"


def test_a_dateline_with_outlet_city_and_reporter() -> None:
    text = "صدى الخليج – المنامة – سالم الحسني\nانطلقت أعمال الملتقى الخليجي للإعلام بحضور الوزير."
    event = _event(text)
    assert event.city == "المنامة"


def test_a_month_named_in_another_sentence_is_not_the_event_date() -> None:
    text = ("عقد رئيس الوزراء المؤتمر الصحفي الأسبوعي في مقر الحكومة.\n"
            "وأشار إلى تراجع التضخم إلى 20% في ديسمبر 2024 بحسب البيانات.")
    assert _event(text).start_date is None


def test_a_month_in_the_event_sentence_is_its_date() -> None:
    assert _event("ينطلق ملتقى الإعلام الخليجي في مارس 2026 بالمنامة.").start_date == "2026-03"


@pytest.mark.parametrize(("text", "city"), [
    ("انطلقت اليوم في المنامة أعمال الملتقى الخليجي للإعلام بحضور الوزير.", "المنامة"),
    ("انطلقت أعمال الملتقى الخليجي للإعلام بالدار البيضاء بحضور الوزير.", "الدار البيضاء"),
    ("انطلقت أعمال الملتقى الخليجي للإعلام بحضور الوزير.", None),
])
def test_without_a_dateline_the_city_is_the_one_named_with_the_event(text: str, city: str | None) -> None:
    assert _event(text).city == city


@pytest.mark.parametrize(("text", "series"), [
    ("انطلقت أعمال الملتقى الخليجي الأول للإعلام الرقمي بحضور الوزير.", "الملتقى الخليجي للإعلام الرقمي"),
    ("انطلقت اليوم أعمال القمة العربية الـ33 في العاصمة بحضور القادة.", "القمة العربية"),
    ("انطلقت فعاليات منتدى المدينة الاقتصادي في دورته الثانية بحضور الوزير.", "منتدى المدينة الاقتصادي"),
    ("انطلقت فعاليات منتدى المدينة الاقتصادي بحضور الوزير.", None),
])
def test_an_event_with_an_edition_belongs_to_the_series_of_its_editions(text: str, series: str | None) -> None:
    assert _event(text).series == series


@pytest.mark.parametrize("text", [
    "وقال الوزير في كلمته خلال المؤتمر «إن الحكومة ماضية في خططها» أمام الحضور.",
    "وأضاف الوزير خلال المؤتمر \"نحن نعمل على تطوير الإعلام، ونرحب بكل الأفكار\" أمام الحضور.",
])
def test_speech_in_quotation_marks_after_an_event_noun_is_not_its_name(text: str) -> None:
    assert _event(text).name == "المؤتمر"
