"""Particles that order, qualify or except clauses are never a name's words (issue 10, the tenth set's
speaker round, 3 December 2026): "وأشار فلان كذلك إلى"، "ثم تحدث الوزير"، "إنما يعد"، "حسبما نقلت".

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract
from tests.archive.extracted import quote_speakers


def test_also_after_a_family_name_is_no_part_of_it() -> None:
    text = ("قال الرئيس الكازاخستاني قاسم جومارت توكاييف إن العلاقات مع جيرانه تمر بمرحلة جيدة جدا.\n"
            "وأشار توكاييف كذلك إلى أنه \"تم التوقيع على اتفاقيات مهمة خلال الزيارة، ويجري تنفيذها الآن\".")
    assert quote_speakers(text) == ["قاسم جومارت توكاييف", "قاسم جومارت توكاييف"]


@pytest.mark.parametrize("text", [
    "ويرى الوزير أن نجاح التغطية الإعلامية إنما يعد نجاحا مشتركا بين المؤسسات كلها.",
    "وشارك في المعرض نحو ستمائة دار نشر مقارنة مع نحو مئتي دار في دورة العام الماضي، حسبما نقلت مواقع إخبارية.",
    "وقال مكتب الرئاسة إن الرئيس كان ينوي منذ مدة عقد مؤتمر صحفي بمشاركة صحفيين إلا أن الظروف حالت دون ذلك.",
    "وتحدث المشاركون عن واقع الإعلامي في المحافظة ولاسيما أداء الإعلام الرسمي خلال الأزمة.",
])
def test_a_particle_opens_no_person(text: str) -> None:
    names = [person.name or "" for person in extract(text).people]
    assert not any(word in name for name in names for word in ("إنما", "حسبما", "إلا", "لاسيما"))
