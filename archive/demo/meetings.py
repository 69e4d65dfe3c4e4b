"""The sample series «لقاءات مركز التواصل الحكومي»: meetings 27 to 31, each hosting a guest organisation.

The 29th meeting, hosting Meta, is retold from press coverage (its year is approximate); the other
meetings and their programmes are invented for the sample.
"""

from __future__ import annotations

from archive.demo.model import SAMPLE_NOTE, Event, Series, Session

SERIES: tuple[Series, ...] = (
    Series(
        "meetings", "لقاءات مركز التواصل الحكومي", organiser="gcc",
        description="لقاءات دورية يعقدها مركز التواصل الحكومي مع مسؤولي التواصل والإعلام في الوحدات الحكومية، "
        "ويستضيف كل منها جهة شريكة. اللقاء التاسع والعشرون مروي من تغطية صحفية، وبقية اللقاءات متخيلة "
        f"{SAMPLE_NOTE}.",
    ),
)

_THEATRE = "مسرح وزارة الإعلام"
_TAGS = ("التواصل الحكومي", "مسؤولو التواصل")


def _meeting(
    key: str, number: int, ordinal: tuple[str, str], date: str, guest: str, topic: str, sessions: tuple[Session, ...]
) -> Event:
    """``ordinal``: the edition as named ("السابع والعشرون") and as printed in the coverage ("السابع والعشرين")."""
    name, label = ordinal
    return Event(
        key, f"اللقاء {name} لمركز التواصل الحكومي", "meeting", date, series="meetings", edition=number,
        edition_label=label, venue=_THEATRE, organiser="gcc", description=f"{topic} {SAMPLE_NOTE}",
        partners=((guest, "guest"),), tags=_TAGS, sessions=sessions,
    )


def _opening(presenter: str) -> Session:
    return Session("opening", "keynote", "كلمة مركز التواصل الحكومي", presenters=(presenter,))


EVENTS: tuple[Event, ...] = (
    _meeting("m27", 27, ("السابع والعشرون", "السابع والعشرين"), "2024-10-16", "tra",
             "لقاء استضاف هيئة تنظيم الاتصالات للحديث عن توعية الجمهور بالاحتيال الإلكتروني.",
             (_opening("rawahi"),
              Session("talk", "presentation", "التوعية بالاحتيال الإلكتروني عبر المنصات", presenters=("amiriya",),
                      presenter_organisations=("tra",)))),
    _meeting("m28", 28, ("الثامن والعشرون", "الثامن والعشرين"), "2024-12-11", "ncsi",
             "لقاء استضاف المركز الوطني للإحصاء والمعلومات عن توظيف البيانات في الرسائل الإعلامية.",
             (_opening("rawahi"),
              Session("workshop", "workshop", "قراءة المؤشرات الإحصائية في الرسائل الإعلامية",
                      presenters=("zadjali",), presenter_organisations=("ncsi",), attendance=60,
                      attendance_text="60 مشاركًا"))),
    Event(
        "m29", "اللقاء التاسع والعشرون لمركز التواصل الحكومي", "meeting", "2025", series="meetings", edition=29,
        edition_label="التاسع والعشرين", venue=_THEATRE, organiser="gcc",
        description="لقاء استضاف شركة ميتا عن الحضور الرقمي للمؤسسات الحكومية وأدوات الذكاء الاصطناعي. "
        f"السنة تقريبية {SAMPLE_NOTE}.",
        partners=(("meta", "guest"),), tags=(*_TAGS, "الذكاء الاصطناعي"),
        sessions=(
            Session("opening", "keynote", "كلمة مركز التواصل الحكومي", presenters=("salmi",)),
            Session("workshop", "workshop", "الحضور الرقمي في منصات التواصل الاجتماعي", presenters=("shehadeh",),
                    presenter_organisations=("meta",),
                    summary="أحدث ممارسات التفاعل مع الجمهور وأدوات الذكاء الاصطناعي في إدارة المنصات الرقمية."),
        ),
    ),
    _meeting("m30", 30, ("الثلاثون", "الثلاثين"), "2025-09-17", "ona",
             "لقاء استضاف وكالة الأنباء العمانية عن البيان الصحفي والعلاقة مع غرف الأخبار.",
             (_opening("rawahi"),
              Session("workshop", "workshop", "كتابة البيان الصحفي في زمن المنصات", presenters=("mahrazi",),
                      presenter_organisations=("ona",)))),
    _meeting("m31", 31, ("الحادي والثلاثون", "الحادي والثلاثين"), "2025-11-19", "squ",
             "لقاء استضاف جامعة السلطان قابوس لعرض دراسة عن الشباب والمعلومة الحكومية.",
             (_opening("rawahi"),
              Session("study", "presentation", "الشباب والمعلومة الحكومية: نتائج دراسة ميدانية",
                      presenters=("hinai",), presenter_organisations=("squ",)),
              Session("discussion", "discussion", "نقاش مفتوح مع مسؤولي التواصل", moderator="rawahi"))),
)
