"""Figures round on every studied set with the eleventh (issue 10, helper F16): a shared currency noun.

"دينار"، "ريال"، "درهم"، "جنيه" and "ليرة" are the currencies of several states, and the press adds the state's
adjective only now and then. A bare noun was always read as one state's currency (the dinar Kuwaiti, the riyal
Omani, the dirham Emirati, the pound Egyptian): in the studied sets 31 of the 82 amounts annotated with a
currency carried a wrong code, in 16 outlets of nine sets (Tunisian, Jordanian, Iraqi and Libyan dinars, Saudi
riyals, Moroccan dirhams, Sudanese pounds). A bare noun is now the currency of the state the article names most
among those using it (its name, capital or large cities, or its adjective), the first named on a tie, and the
noun's old reading when none is named; an adjective after the noun names the state whatever the article says.
Every sentence is our own.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract
from archive.text.numbers import parse_figure


def _units(text: str) -> list[str | None]:
    return [figure.unit for figure in extract(text).statistics]


@pytest.mark.parametrize(("text", "unit"), [
    ("عمّان - قال وزير المالية إن عجز الموازنة بلغ 310 ملايين دينار العام الماضي.", "JOD"),
    ("وأكدت الحكومة التونسية أن كلفة المشروع تبلغ 45 مليون دينار.", "TND"),
    ("وأعلنت أمانة بغداد تخصيص 12 مليار دينار لإعادة تأهيل الشوارع.", "IQD"),
    ("وقعت الشركة في الرياض عقودا بقيمة 3 مليارات ريال لتوسعة الطرق.", "SAR"),
    ("وقال والي الخرطوم إن الولاية رصدت 600 مليون جنيه للمدارس.", "SDG"),
    ("وأعلن المكتب الوطني في الرباط دعما بقيمة 80 مليون درهم للفلاحين.", "MAD"),
    ("وقالت بلدية بيروت إنها صرفت 15 مليار ليرة على الإنارة.", "LBP"),
])
def test_a_bare_currency_noun_is_the_currency_of_the_state_the_article_names(text: str, unit: str) -> None:
    assert _units(text) == [unit]


def test_the_state_named_most_wins_and_an_adjective_wins_over_it() -> None:
    text = ("زار وزير الخارجية الأردني الكويت، وبحث مع نظيره في عمّان لاحقا تعاون الأردن والكويت، "
            "وقال إن التبادل التجاري بلغ 900 مليون دينار، منها 40 مليون دينار كويتي استثمارات.")
    assert _units(text) == ["JOD", "KWD"]


def test_with_no_state_named_the_noun_keeps_its_reading() -> None:
    assert _units("وبلغت قيمة الجوائز 50 ألف دينار للفائزين.") == ["KWD"]
    assert _units("وتبلغ كلفة البرنامج 7 ملايين دولار.") == ["USD"]


@pytest.mark.parametrize(("typed", "unit"), [
    ("12 مليون جنيه سوداني", "SDG"),
    ("200 درهم مغربي", "MAD"),
    ("75 ألف دينار تونسي", "TND"),
])
def test_a_figure_typed_by_an_officer_reads_every_states_adjective(typed: str, unit: str) -> None:
    """``parse_figure`` (a figure typed in a form) reads the same table of currencies as the extraction."""
    figure = parse_figure(typed)
    assert figure is not None and figure.unit == unit
