"""Words glued to a preposition are no speaker's name (issue 10, the ninth set's speaker round, 3 December
2026): a title's holder is not read from the prepositional phrase printed after the title.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.archive.extracted import quote_speakers


def test_a_possessed_noun_after_a_preposition_is_no_name_after_a_title() -> None:
    text = ("قال وزير الإعلام خالد العمري إن الحملة نجحت في تحقيق أهدافها كاملة.\n"
            "جاء ذلك خلال تغريدات نشرها الوزير العمري بحسابه بموقع التواصل، تابعها محرر الموقع.\n"
            "وأردف الوزير العمري قائلا ، الحقيقة أنه لولا الحملة لما تحقق شيء من هذه الأهداف في المنطقة.")
    assert quote_speakers(text) == ["خالد العمري", "خالد العمري"]


def test_a_maghreb_name_in_bo_or_bel_stays_a_name() -> None:
    text = "وقال وزير الداخلية بلقاسم بوزيده إن الانتخابات ستجري في موعدها المحدد دون أي تأجيل."
    assert quote_speakers(text) == ["بلقاسم بوزيده"]
