"""Who appears in the sample archive: organisations and people.

The people of the two sample forums keep the names, spellings and titles the press gave them;
everyone marked "شخصية متخيلة" is invented for the sample, as are their titles over the years.
``title`` is each person's current title; the quotes keep the title printed at the time.
"""

from __future__ import annotations

from archive.demo.model import Organisation, Person

FICTIONAL = "شخصية متخيلة (بيانات تجريبية)"

ORGANISATIONS: tuple[Organisation, ...] = (
    Organisation("gcc", "مركز التواصل الحكومي", "centre", ("مركز الاتصال الحكومي",)),
    Organisation("gscc", "مركز اتصالات الخدمات الحكومية", "centre"),
    Organisation("moi", "وزارة الإعلام", "ministry"),
    Organisation("squ", "جامعة السلطان قابوس", "university", ("SQU",)),
    Organisation(
        "mtcit", "وزارة النقل والاتصالات وتقنية المعلومات", "ministry", ("وزارة النقل والاتصالات",),
        "عُرفت باسم وزارة النقل والاتصالات قبل تعديل مسماها.",
    ),
    Organisation("ita", "هيئة تقنية المعلومات", "authority"),
    Organisation("rop", "شرطة عمان السلطانية", "police"),
    Organisation("meta", "ميتا", "company", ("شركة ميتا", "Meta")),
    Organisation("omansail", "عمان للإبحار", "company"),
    Organisation("dakhiliya_edu", "المديرية العامة للتربية والتعليم بمحافظة الداخلية", "directorate"),
    Organisation("mosd", "وزارة التنمية الاجتماعية", "ministry"),
    Organisation("moh", "وزارة الصحة", "ministry"),
    Organisation("moe", "وزارة التربية والتعليم", "ministry"),
    Organisation("housing", "وزارة الإسكان والتخطيط العمراني", "ministry", ("وزارة الإسكان",)),
    Organisation("ncsi", "المركز الوطني للإحصاء والمعلومات", "centre"),
    Organisation("tra", "هيئة تنظيم الاتصالات", "authority"),
    Organisation("ona", "وكالة الأنباء العمانية", "news agency", ("العُمانية",)),
    Organisation("unizwa", "جامعة نزوى", "university"),
    Organisation("municipality", "بلدية مسقط", "municipality"),
    Organisation("tourism", "وزارة التراث والسياحة", "ministry", ("وزارة السياحة",)),
    Organisation("dhofar_gov", "مكتب محافظ ظفار", "governorate"),
    Organisation("mada", "شركة مدى للحلول الرقمية", "company", (), "شركة متخيلة (بيانات تجريبية)."),
)

_SAMPLE_PEOPLE: tuple[Person, ...] = (
    Person("salmi", "إبراهيم بن سالم السالمي", title="مدير عام مركز التواصل الحكومي", organisation="gcc"),
    Person(
        "shehadeh", "أحمد شحادة",
        title="مسؤول السياسات الحكومية في مكتب ميتا الإقليمي للشرق الأوسط وشمال أفريقيا",
        organisation="meta",
    ),
    Person("adhubi", "داود بن سليمان العذوبي", title="مساعد مدير التسويق الرقمي في عمان للإبحار",
           organisation="omansail"),
    Person("salmani", "داوود بن سليمان السلماني", title="اختصاصي مواقع التواصل الاجتماعي",
           notes="ليس هو داود بن سليمان العذوبي وإن تشابه الاسمان."),
    Person(
        "yaarubi", "عزة بنت خلفان اليعربية",
        title="رئيسة قسم التواصل والإعلام بالمديرية العامة للتربية والتعليم بمحافظة الداخلية",
        organisation="dakhiliya_edu",
    ),
    Person("rajhi", "فاطمة بنت هلال الراجحية", title="مديرة التواصل والإعلام بوزارة التنمية الاجتماعية",
           organisation="mosd"),
    Person("nabil", "دانة نبيل", notes="قدّمت عرضًا عن المؤثرين والوسوم في منتدى التواصل الحكومي الأول."),
    Person("jabri", "فلاح بن علي الجابري", organisation="mtcit"),
    Person("hashimi", "محمد الهشامي", honorific="النقيب", organisation="rop"),
)

_FICTIONAL_PEOPLE: tuple[Person, ...] = (
    Person("kalbani", "سالم بن حمد الكلباني", title="مستشار الاتصال الحكومي بوزارة الإسكان والتخطيط العمراني",
           organisation="housing", aliases=("سالم حمد الكلباني",)),
    Person("hinai", "مريم بنت سعيد الهنائية", honorific="الدكتورة", title="رئيسة قسم الإعلام بجامعة السلطان قابوس",
           organisation="squ", aliases=("مريم سعيد الهنائي",)),
    Person("rawahi", "أحمد بن خلفان الرواحي", title="مدير دائرة الإعلام الرقمي بمركز التواصل الحكومي",
           organisation="gcc", aliases=("أحمد خلفان الرواحي",)),
    Person("balushi", "شيخة بنت عبدالله البلوشية", title="مديرة دائرة الاتصال والتوعية بوزارة الصحة",
           organisation="moh", aliases=("شيخة بنت عبد الله البلوشية", "شيخة البلوشي")),
    Person("maamari", "يوسف بن علي المعمري", honorific="المهندس",
           title="مدير عام الخدمات الرقمية بوزارة النقل والاتصالات وتقنية المعلومات", organisation="mtcit"),
    Person("harthi", "عبدالرحمن بن سيف الحارثي", title="مستشار إعلامي وكاتب صحفي",
           aliases=("عبد الرحمن بن سيف الحارثي", "عبدالرحمن الحارثي")),
    Person("farsi", "ليلى بنت محمد الفارسية", title="مؤسسة شركة مدى للحلول الرقمية", organisation="mada",
           aliases=("ليلى محمد الفارسي",)),
    Person("shukaili", "سعيد بن راشد الشكيلي", honorific="المقدم",
           title="رئيس قسم الإعلام الأمني بشرطة عمان السلطانية", organisation="rop"),
    Person("zadjali", "نوال بنت أحمد الزدجالية",
           title="مديرة دائرة استطلاعات الرأي بالمركز الوطني للإحصاء والمعلومات", organisation="ncsi"),
    Person("habsi", "هلال بن عامر الحبسي", honorific="الدكتور", title="أستاذ الاتصال في الأزمات بجامعة نزوى",
           organisation="unizwa", aliases=("هلال عامر الحبسي",)),
    Person("siyabi", "منى بنت حمود السيابية", title="مديرة دائرة الإعلام التربوي بوزارة التربية والتعليم",
           organisation="moe"),
    Person("kindi", "ماجد بن سالم الكندي", title="مدير مشروع بوابة الخدمات الحكومية الموحدة",
           organisation="mtcit"),
    Person("shihhi", "نورة بنت علي الشحية", title="رئيسة قسم التواصل الرقمي ببلدية مسقط",
           organisation="municipality"),
    Person("lamki", "زينب بنت إبراهيم اللمكية", title="صانعة محتوى", aliases=("زينب اللمكي",)),
    Person("ghafri", "سعود بن محمد الغافري", honorific="الدكتور", title="أستاذ الإعلام الرقمي بجامعة نزوى",
           organisation="unizwa"),
    Person("amiriya", "هدى بنت سالم العامرية", honorific="المهندسة",
           title="مديرة دائرة حماية المستخدمين بهيئة تنظيم الاتصالات", organisation="tra"),
    Person("mahrazi", "خليفة بن سعيد المحرزي", title="رئيس تحرير الأخبار المحلية بوكالة الأنباء العمانية",
           organisation="ona"),
    Person("ruqaishi", "طلال بن ناصر الرقيشي", title="أخصائي إعلام بوزارة الإسكان والتخطيط العمراني",
           organisation="housing"),
    Person("mukhaini", "عائشة بنت سالم المخينية", title="أخصائية تواصل بوزارة التراث والسياحة",
           organisation="tourism"),
    Person("amri", "بدر بن خميس العامري", title="مصور ومنتج محتوى مرئي"),
    Person("saadi", "حمد بن سعيد السعدي", title="رئيس قسم الإعلام بمكتب محافظ ظفار", organisation="dhofar_gov"),
    Person("wahaibi", "مازن بن عبدالله الوهيبي", title="مؤسس منصة «سرد» للبودكاست",
           aliases=("مازن عبدالله الوهيبي",)),
    Person("busaidi", "رحمة بنت خالد البوسعيدية", title="أخصائية تواصل بمركز التواصل الحكومي",
           organisation="gcc"),
    Person("jahwari", "فيصل بن مبارك الجهوري", title="مدير دائرة الإعلام بوزارة التنمية الاجتماعية",
           organisation="mosd"),
)

PEOPLE: tuple[Person, ...] = _SAMPLE_PEOPLE + tuple(
    Person(p.key, p.name, p.honorific, p.title, p.organisation, p.aliases, p.notes or FICTIONAL)
    for p in _FICTIONAL_PEOPLE
)
