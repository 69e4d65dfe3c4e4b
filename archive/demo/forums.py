"""The sample series «منتدى التواصل الحكومي»: five editions and their programmes.

The first edition is retold from press coverage (its date is approximate); editions two to five,
their sessions and speakers are invented for the sample.
"""

from __future__ import annotations

from archive.demo.model import SAMPLE_NOTE, Event, Series, Session

FORUM_TAGS = ("التواصل الحكومي", "وسائل التواصل الاجتماعي")

SERIES: tuple[Series, ...] = (
    Series(
        "forum", "منتدى التواصل الحكومي",
        description="منتدى يجمع مسؤولي الإعلام والتواصل في المؤسسات الحكومية والناشطين في الشبكات الاجتماعية. "
        f"الدورة الأولى مروية من تغطية صحفية، والدورات التالية متخيلة {SAMPLE_NOTE}.",
    ),
)

_FIRST = Event(
    "forum1", "منتدى التواصل الحكومي الأول", "forum", "2014", series="forum", edition=1, edition_label="الأول",
    venue="القاعة الكبرى بمركز جامعة السلطان قابوس الثقافي",
    description="منتدى امتد يومين ناقش التحديات التي تواجه دوائر الإعلام في المؤسسات الحكومية ودور الناشطين "
    "في الشبكات الاجتماعية، وأطلق خلاله مركز اتصالات الخدمات الحكومية حساباته على الشبكات الاجتماعية. "
    f"السنة تقريبية {SAMPLE_NOTE}.",
    hashtags=("#منتدى_التواصل_الحكومي_الأول",),
    partners=(("gscc", "partner"), ("squ", "partner")),
    tags=FORUM_TAGS,
    sessions=(
        Session("challenges", "discussion", "التحديات التي تواجه دوائر الإعلام في المؤسسات الحكومية",
                summary="راجعت الجلسة توصيات ندوة نظمتها وزارة الإعلام في العام السابق، وحللت العقبات "
                "التي تواجه القائمين على دوائر الإعلام الحكومية."),
        Session("study", "presentation", "دليل الوحدات الحكومية في استخدام قنوات التواصل الاجتماعي",
                presenter_organisations=("squ",),
                summary="نتائج دراسة لأكاديميين من جامعة السلطان قابوس انتهت إلى إعداد الدليل."),
        Session("influencers", "panel", "لقاء الناشطين في الشبكات الاجتماعية", presenter_organisations=("gscc",),
                attendance=150, attendance_text="نحو 150 من الناشطين في منصات التواصل الاجتماعي",
                summary="حلقة نقاشية نظمها مركز اتصالات الخدمات الحكومية عن دور الناشطين في تكوين الرأي العام، "
                "بحضور معالي الأمين العام لمجلس الوزراء ومعالي وزير الإعلام."),
        Session("hashtags", "presentation", "دور وسائل التواصل الاجتماعي وصناعة الوسم الفعّال",
                presenters=("nabil",),
                summary="عرض عن أثر المنصات في زمن الهواتف الذكية وعن اختيار الوسوم ودور المؤثرين في الحملات الرقمية."),
    ),
)

_SECOND = Event(
    "forum2", "منتدى التواصل الحكومي الثاني", "forum", "2016-10-11", series="forum", edition=2,
    edition_label="الثاني", end_date="2016-10-12", venue="القاعة الكبرى بمركز جامعة السلطان قابوس الثقافي",
    organiser="moi",
    description=f"دورة تحت شعار «من الإعلان إلى الحوار» عن الخدمات الإلكترونية وكتابة الخبر الحكومي {SAMPLE_NOTE}.",
    hashtags=("#منتدى_التواصل_الحكومي_الثاني", "#التواصل_الحكومي"),
    partners=(("gscc", "partner"), ("ita", "partner"), ("squ", "partner")),
    tags=(*FORUM_TAGS, "الخدمات الإلكترونية"),
    sessions=(
        Session("dialogue", "keynote", "التواصل الحكومي: من الإعلان إلى الحوار", "2016-10-11", "09:30", "10:15",
                presenters=("habsi",)),
        Session("eservices", "panel", "الخدمات الحكومية الإلكترونية: ماذا ينتظر المواطن؟", "2016-10-11",
                "10:30", "12:00", moderator="harthi", presenters=("maamari", "kindi", "shukaili")),
        Session("writing", "workshop", "كتابة الخبر الحكومي لمنصات التواصل", "2016-10-12", "09:00", "11:00",
                presenters=("farsi",), attendance=60, attendance_text="60 متدربًا"),
        Session("survey", "presentation", "ماذا يقول المتابعون عن الحسابات الحكومية؟", "2016-10-12",
                "11:30", "12:15", presenters=("hinai",)),
        Session("closing", "discussion", "جلسة التوصيات الختامية", "2016-10-12", "12:30", "13:30",
                moderator="kalbani"),
    ),
)

_THIRD = Event(
    "forum3", "منتدى التواصل الحكومي الثالث", "forum", "2018-11-06", series="forum", edition=3,
    edition_label="الثالث", end_date="2018-11-07", venue="مركز عمان للمؤتمرات والمعارض", organiser="moi",
    description=f"دورة عن الثقة والشائعات والتوعية الصحية والمحتوى المرئي القصير {SAMPLE_NOTE}.",
    hashtags=("#منتدى_التواصل_الحكومي_الثالث", "#التواصل_الحكومي"),
    partners=(("gscc", "partner"), ("ita", "partner"), ("moh", "partner")),
    tags=(*FORUM_TAGS, "الشائعات"),
    sessions=(
        Session("trust", "keynote", "الثقة أولًا: التواصل الحكومي في زمن الشائعات", "2018-11-06", "09:30", "10:15",
                presenters=("kalbani",)),
        Session("health", "panel", "التوعية الصحية عبر المنصات الرقمية", "2018-11-06", "10:30", "12:00",
                moderator="hinai", presenters=("balushi", "shihhi")),
        Session("services", "panel", "الخدمات الرقمية: أرقام وتحديات", "2018-11-06", "12:15", "13:30",
                moderator="harthi", presenters=("maamari", "kindi")),
        Session("video", "workshop", "المحتوى المرئي القصير للحسابات الحكومية", "2018-11-07", "09:00", "11:30",
                presenters=("farsi",), attendance=80, attendance_text="80 مشاركًا"),
        Session("rumours", "discussion", "كيف نرد على الشائعة؟", "2018-11-07", "12:00", "13:00",
                moderator="habsi", presenters=("shukaili", "balushi")),
    ),
)

_FOURTH = Event(
    "forum4", "منتدى التواصل الحكومي الرابع", "forum", "2021-03-23", series="forum", edition=4,
    edition_label="الرابع", end_date="2021-03-24", venue="عبر الاتصال المرئي", city=None, organiser="moi",
    description=f"دورة افتراضية عن دروس الجائحة في التواصل مع المجتمع والخدمات عن بُعد {SAMPLE_NOTE}.",
    hashtags=("#منتدى_التواصل_الحكومي_الرابع", "#التواصل_الحكومي"),
    partners=(("gcc", "partner"), ("ncsi", "partner"), ("moh", "partner")),
    tags=(*FORUM_TAGS, "إدارة الأزمات"),
    sessions=(
        Session("pandemic", "keynote", "دروس الجائحة في التواصل مع المجتمع", "2021-03-23", "10:00", "10:45",
                presenters=("balushi",)),
        Session("data", "panel", "البيانات المفتوحة وقياس الرأي العام", "2021-03-23", "11:00", "12:15",
                moderator="harthi", presenters=("zadjali", "hinai")),
        Session("services", "panel", "عام من الخدمات عن بُعد", "2021-03-23", "12:30", "13:30",
                moderator="rawahi", presenters=("maamari", "kindi")),
        Session("crisis", "workshop", "إدارة الحسابات الرسمية في الأزمات", "2021-03-24", "10:00", "12:00",
                presenters=("habsi",), attendance=220, attendance_text="220 مشاركًا عن بُعد"),
        Session("education", "presentation", "التعليم عن بعد: كيف تواصلنا مع الأسر؟", "2021-03-24",
                "12:15", "13:00", presenters=("siyabi",)),
    ),
)

_FIFTH = Event(
    "forum5", "منتدى التواصل الحكومي الخامس", "forum", "2024-02-20", series="forum", edition=5,
    edition_label="الخامس", end_date="2024-02-21", venue="مركز عمان للمؤتمرات والمعارض", organiser="gcc",
    description=f"دورة عن الذكاء الاصطناعي في صناعة المحتوى وقياس أثر الحملات والشراكة مع صناع المحتوى {SAMPLE_NOTE}.",
    hashtags=("#منتدى_التواصل_الحكومي_الخامس", "#التواصل_الحكومي"),
    partners=(("moi", "partner"), ("squ", "partner"), ("tra", "sponsor")),
    tags=(*FORUM_TAGS, "الذكاء الاصطناعي"),
    sessions=(
        Session("future", "keynote", "التواصل الحكومي في عصر الذكاء الاصطناعي", "2024-02-20", "09:30", "10:15",
                presenters=("maamari",)),
        Session("ai", "panel", "الذكاء الاصطناعي في صناعة المحتوى الحكومي", "2024-02-20", "10:30", "12:00",
                moderator="rawahi", presenters=("farsi", "ghafri", "kalbani")),
        Session("measure", "panel", "قياس أثر الحملات الحكومية", "2024-02-20", "12:15", "13:30",
                moderator="hinai", presenters=("zadjali", "jahwari")),
        Session("creators", "workshop", "الشراكة مع صناع المحتوى", "2024-02-21", "09:00", "11:00",
                presenters=("lamki",), attendance=120, attendance_text="120 مشاركًا"),
        Session("youth", "discussion", "حوار مفتوح مع الشباب", "2024-02-21", "11:30", "12:30",
                moderator="harthi", presenters=("wahaibi", "busaidi")),
    ),
)

EVENTS: tuple[Event, ...] = (_FIRST, _SECOND, _THIRD, _FOURTH, _FIFTH)
