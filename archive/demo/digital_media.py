"""The sample series «ملتقى الإعلام الرقمي» (four editions in four cities) and two events outside any series.

All of it is invented for the sample: editions, programmes, speakers and figures.
"""

from __future__ import annotations

from archive.demo.model import SAMPLE_NOTE, Event, Series, Session

SERIES: tuple[Series, ...] = (
    Series(
        "media_forum", "ملتقى الإعلام الرقمي", organiser="moi",
        description="ملتقى يتنقل بين المحافظات ويجمع صناع المحتوى والإعلاميين ومسؤولي التواصل الحكومي "
        f"{SAMPLE_NOTE}.",
    ),
)

_HASHTAG = "#ملتقى_الإعلام_الرقمي"
_TAGS = ("الإعلام الرقمي", "صناع المحتوى")


def _edition(key: str, number: int, label: str, dates: tuple[str, str], place: tuple[str, str], topic: str,
             partners: tuple[tuple[str, str], ...], sessions: tuple[Session, ...]) -> Event:
    venue, city = place
    return Event(
        key, f"ملتقى الإعلام الرقمي {label}", "forum", dates[0], series="media_forum", edition=number,
        edition_label=label, end_date=dates[1], venue=venue, city=city, organiser="moi",
        description=f"{topic} {SAMPLE_NOTE}", hashtags=(_HASHTAG,), partners=partners, tags=_TAGS,
        sessions=sessions,
    )


EVENTS: tuple[Event, ...] = (
    _edition(
        "dm1", 1, "الأول", ("2017-04-18", "2017-04-19"), ("قاعة المؤتمرات بجامعة نزوى", "نزوى"),
        "الدورة الأولى عن انتقال الإعلام من الصحيفة إلى الهاتف وعلاقة المدونين بالمؤسسات.",
        (("unizwa", "partner"),),
        (
            Session("screen", "keynote", "من الصحيفة إلى الشاشة الصغيرة", "2017-04-18", "09:30", "10:15",
                    presenters=("harthi",)),
            Session("bloggers", "panel", "المدونون والمؤسسات: علاقة جديدة", "2017-04-18", "10:30", "12:00",
                    moderator="ghafri", presenters=("farsi", "amri")),
            Session("phone", "workshop", "التصوير بالهاتف للمحتوى الإعلامي", "2017-04-19", "09:00", "12:00",
                    presenters=("amri",), attendance=45, attendance_text="45 متدربًا"),
        ),
    ),
    _edition(
        "dm2", 2, "الثاني", ("2019-11-12", "2019-11-13"),
        ("قاعة المؤتمرات بمجمع السلطان قابوس الشبابي للثقافة والترفيه", "صلالة"),
        "الدورة الثانية عن المحتوى المحلي وتسويق المحافظات والبودكاست.",
        (("dhofar_gov", "partner"), ("tourism", "partner")),
        (
            Session("tourism", "keynote", "السياحة تُروى بالصورة", "2019-11-12", "09:30", "10:15",
                    presenters=("saadi",)),
            Session("local", "panel", "المحتوى المحلي وتسويق المحافظات", "2019-11-12", "10:30", "12:00",
                    moderator="harthi", presenters=("lamki", "mukhaini")),
            Session("podcast", "workshop", "البودكاست للمؤسسات", "2019-11-13", "09:00", "11:30",
                    presenters=("wahaibi",), attendance=50, attendance_text="50 مشاركًا"),
        ),
    ),
    _edition(
        "dm3", 3, "الثالث", ("2022-03-08", "2022-03-09"), ("جامعة صحار", "صحار"),
        "الدورة الثالثة عن صناعة المحتوى بعد الجائحة ومسؤولية المؤثرين.",
        (("squ", "partner"),),
        (
            Session("after", "keynote", "صناعة المحتوى بعد الجائحة", "2022-03-08", "09:30", "10:15",
                    presenters=("hinai",)),
            Session("influencers", "panel", "المؤثرون والمسؤولية", "2022-03-08", "10:30", "12:00",
                    moderator="ghafri", presenters=("lamki", "shukaili")),
            Session("editing", "workshop", "المونتاج السريع بالهاتف", "2022-03-09", "09:00", "11:30",
                    presenters=("amri",), attendance=70, attendance_text="70 متدربًا"),
        ),
    ),
    _edition(
        "dm4", 4, "الرابع", ("2024-11-05", "2024-11-06"), ("مركز عمان للمؤتمرات والمعارض", "مسقط"),
        "الدورة الرابعة عن الذكاء الاصطناعي والتحقق من المعلومات في زمن التزييف العميق.",
        (("tra", "sponsor"), ("ona", "partner")),
        (
            Session("ai", "keynote", "الإعلام الرقمي والذكاء الاصطناعي: فرص ومخاطر", "2024-11-05", "09:30",
                    "10:15", presenters=("ghafri",)),
            Session("factcheck", "panel", "التحقق من المعلومات في زمن التزييف العميق", "2024-11-05", "10:30",
                    "12:00", moderator="hinai", presenters=("mahrazi", "shukaili")),
            Session("tools", "workshop", "أدوات الذكاء الاصطناعي لصناع المحتوى", "2024-11-06", "09:00", "11:30",
                    presenters=("farsi",), attendance=90, attendance_text="90 متدربًا"),
            Session("voices", "discussion", "أصوات جديدة: جلسة مع صناع المحتوى الشباب", "2024-11-06", "12:00",
                    "13:00", moderator="harthi", presenters=("lamki", "wahaibi")),
        ),
    ),
    Event(
        "crisis2020", "ورشة التواصل في أوقات الأزمات", "workshop", "2020-06-10", venue="عبر الاتصال المرئي",
        city=None, organiser="gcc",
        description=f"ورشة عن بُعد لمسؤولي الحسابات الحكومية في الأسابيع الأولى لجائحة كورونا {SAMPLE_NOTE}.",
        tags=("إدارة الأزمات", "التواصل الحكومي"),
        sessions=(
            Session("health", "presentation", "تجربة الاتصال الصحي في الأسابيع الأولى للجائحة", "2020-06-10",
                    "10:00", "10:45", presenters=("balushi",)),
            Session("drill", "workshop", "تمرين محاكاة: إدارة أزمة على المنصات", "2020-06-10", "11:00", "13:00",
                    presenters=("habsi",), attendance=85, attendance_text="85 مشاركًا"),
        ),
    ),
    Event(
        "rumours2022", "مؤتمر الشائعات والأخبار المضللة", "conference", "2022-10-04",
        venue="قاعة المؤتمرات بجامعة السلطان قابوس", organiser="squ",
        description=f"مؤتمر علمي عن انتشار الشائعات والتحقق منها في غرف الأخبار والجهات الحكومية {SAMPLE_NOTE}.",
        partners=(("moi", "partner"),), tags=("الشائعات",),
        sessions=(
            Session("why", "keynote", "لماذا نصدّق الشائعة؟", "2022-10-04", "09:30", "10:15", presenters=("hinai",)),
            Session("newsrooms", "panel", "التحقق في غرف الأخبار", "2022-10-04", "10:30", "12:00",
                    moderator="harthi", presenters=("mahrazi", "zadjali")),
        ),
    ),
)
