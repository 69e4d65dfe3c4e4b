"""A medium is nobody: words read as a speaker that name where the words were carried ("وسائل الإعلام"،
"سلسلة تغريدات"، an outlet's "... أونلاين"/"... نيوز") go to the person the sentence is about, or to the
previous speaker (issue 10, fifth set's round, 2 December 2026).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.archive.extracted import quote_speakers


def test_the_media_a_minister_called_on_are_not_the_speaker() -> None:
    text = ("وقال معالي السيد سالم الحربي وزير الإعلام إن الصحافة ركن من أركان الدولة.\n"
            "ودعا معالي الوزير وسائل الإعلام إلى تحري الدقة في الأخبار، مؤكدا أن الحكومة ملتزمة بحرية التعبير.")
    assert quote_speakers(text) == ["سالم الحربي", "سالم الحربي"]


def test_an_outlet_whose_name_reads_like_a_verb_and_its_subject_is_not_the_speaker() -> None:
    """An outlet named with a verb ("أكد نيوز") after the statement it received reads as "verb, subject،
    أن"; its loanword shows it is an outlet (seen failing with the outlet words left out)."""
    text = ("وذكر المتحدث باسم الأمانة سالم الحربي في بيان، تلقته أكد نيوز، ان \"القرار المتداول قديم وصادر "
            "في العام الماضي\".\nواضاف، انه \"تم استغلال تشابه التاريخ لإشغال الناس\".")
    assert quote_speakers(text) == ["سالم الحربي", "سالم الحربي"]
