"""A column wrapped by hand (text copied from a PDF): names and quotes run over its line breaks (issue 10).

The sentences are ours, wrapped at a narrow column as a PDF's text layer prints them.
"""

from __future__ import annotations

from archive.importing.extraction import extract
from archive.importing.line_wraps import unwrap

_WRAPPED = (
    "الملتقى الإعلامي يختتم أعماله\n"
    "\n"
    "اختتم الملتقى الإعلامي الخليجي أعماله أمس في العاصمة بحضور عدد كبير من\n"
    "الإعلاميين والكتاب. وقال وزير الإعلام والثقافة الدكتور سالم بن حمد\n"
    "الراشدي إن الملتقى حقق أهدافه كلها وإن الدورة المقبلة ستعقد في الربيع\n"
    "المقبل بمشاركة أوسع من المؤسسات الإعلامية العربية والأجنبية والخاصة\n"
    "والحكومية في المنطقة.\n"
    "\n"
    "وتحدث سفير اليابان المعين لدى البلاد خلال الجلسة الختامية قائلا: «نحن\n"
    "سعداء بالمشاركة في هذا الملتقى للمرة الأولى ونتطلع إلى تعاون أوسع».\n"
)


def test_a_name_wrapped_over_a_line_break_is_whole() -> None:
    proposals = extract(_WRAPPED)
    quotes = sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)
    assert quotes[0].speaker == "سالم بن حمد الراشدي"
    assert quotes[0].text.endswith("والحكومية في المنطقة")
    assert quotes[-1].text.startswith("نحن سعداء")


def test_unwrapping_keeps_every_offset_and_the_short_lines() -> None:
    unwrapped = unwrap(_WRAPPED)
    assert len(unwrapped) == len(_WRAPPED)
    assert unwrapped.startswith("الملتقى الإعلامي يختتم أعماله\n\n")  # the headline keeps its break
    assert "والحكومية في المنطقة.\n\n" in unwrapped
    assert "\n" not in unwrapped[unwrapped.index("اختتم"):unwrapped.index("المنطقة.")]


def test_an_article_with_one_paragraph_a_line_and_no_full_stops_keeps_its_breaks() -> None:
    paragraph = "قال الوزير سالم العلي إن الملتقى ناجح وإن الدورة المقبلة ستعقد في الربيع بمشاركة أوسع"
    text = "\n".join(paragraph + " ومن المؤسسات الإعلامية" * extra for extra in (3, 3, 4, 3, 3)) + "\n"
    assert unwrap(text) == text


def test_a_list_of_items_of_one_length_keeps_its_breaks() -> None:
    items = ["- تطوير البنية التحتية للاتصالات في جميع المحافظات",
             "- تدريب الكوادر الإعلامية الوطنية على الأدوات الرقمية",
             "- إطلاق منصة موحدة للأخبار الحكومية الرسمية والعاجلة",
             "- تعزيز الشراكة مع المؤسسات الإعلامية في القطاع الخاص"]
    text = "وجاءت أبرز التوصيات كالآتي:\n" + "\n".join(items) + "\n"
    assert unwrap(text) == text
