"""A page set in two columns is read one column after the other (issue 10: PDFs as officers receive them).

Each PDF is built here with ReportLab and our shipped fonts (the briefs' own ``TextBlock``), then read
back with our reader. The words read must be the words written, in the order written: the headline that
runs over both columns first, then the column read first (the right one on an Arabic page, the left
one on a Latin page), then the other. A page in one column whose few lines have a gap at the same
place (a small table of two cells) is still read line by line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, FrameBreak, PageTemplate, SimpleDocTemplate, Table

from archive.briefs.fonts import BOLD, register_fonts
from archive.briefs.paragraph import TextBlock, TextStyle
from archive.importing.extraction import extract
from archive.importing.readers import read_document

ARABIC = (
    "افتتح وزير الإعلام صباح اليوم أعمال الملتقى الإعلامي في دورته الثالثة بحضور عدد كبير من الإعلاميين.",
    "وقال الوزير في كلمته إن الملتقى يمثل منصة للحوار بين المؤسسات الحكومية ووسائل الإعلام المحلية والدولية.",
    "وناقشت الجلسة الأولى دور المتحدث الرسمي في إدارة الأزمات وبناء الثقة مع الجمهور عبر المنصات الرقمية.",
    "وأكدت رئيسة اللجنة المنظمة أن عدد المشاركين تجاوز 1500 مشارك من أحد عشر بلدًا عربيًا هذا العام.",
    "وتناولت الجلسة الثانية تجارب الوحدات الحكومية في كتابة الأخبار القصيرة ونشرها على الشبكات الاجتماعية.",
    "وعرض مركز الاتصال الحكومي دليلًا جديدًا لاستخدام الوسوم الرسمية في تغطية الفعاليات الكبرى.",
    "وشهد اليوم الثاني ورشة تدريبية عن التحقق من الصور والمقاطع قبل نشرها في الحسابات الرسمية.",
    "واختتم الملتقى أعماله بتوصيات أبرزها إنشاء شبكة للمتحدثين الرسميين وتبادل الخبرات بينهم سنويًا.",
)
LATIN = (
    "The Minister of Information opened the third Media Forum this morning before a large audience.",
    "In his speech the minister said the forum is a place for dialogue between ministries and the press.",
    "The first session discussed how an official spokesperson handles a crisis and keeps public trust.",
    "The chair of the organising committee said more than 1500 people from eleven countries took part.",
    "The second session looked at how government units write short news items for social networks.",
    "The Government Communication Centre presented a new guide to official hashtags at large events.",
    "On the second day a workshop showed officers how to check photographs and videos before posting.",
    "The forum closed with recommendations, among them a network of spokespersons meeting every year.",
)
ARABIC_HEADLINE = "الملتقى الإعلامي يختتم أعماله بتوصيات لتعزيز التواصل الحكومي"
LATIN_HEADLINE = "The Media Forum closes with recommendations on government communication"


def _words(text: str) -> list[str]:
    return text.split()


def _read(path: Path) -> str:
    return read_document(path).text


def _two_column_pdf(path: Path, headline: str, paragraphs: tuple[str, ...], *, rtl: bool, columns: int = 2,
                    furniture: tuple[tuple[str, str], ...] = ()) -> None:
    """A page with a headline over justified columns; an Arabic page fills its right column first.
    ``furniture``: lines in small type, each with where it goes ("top left", "top right", "bottom right")."""
    register_fonts()
    width, height = A4
    margin, gutter, head = 50.0, 24.0 if columns == 2 else 18.0, 80.0
    column = (width - 2 * margin - (columns - 1) * gutter) / columns
    body = height - 2 * margin - head
    top = Frame(margin, height - margin - head, width - 2 * margin, head, id="headline")
    frames = [Frame(margin + index * (column + gutter), margin, column, body) for index in range(columns)]
    def draw_furniture(canvas: Canvas, _document: BaseDocTemplate) -> None:
        for text, place in furniture:
            block = TextBlock(text, TextStyle(font_size=8, direction="rtl"))
            block.wrap(150, 20)
            block.drawOn(canvas, margin if "left" in place else width - margin - 150,
                         height - 30 if "top" in place else 25)

    document = BaseDocTemplate(str(path), pagesize=A4)
    document.addPageTemplates([PageTemplate(frames=[top, *(frames[::-1] if rtl else frames)], onPage=draw_furniture)])
    size = 12 if columns == 2 else 10
    style = TextStyle(font_size=size, leading=1.5 * size, direction="rtl" if rtl else "ltr", alignment="justify",
                      space_after=size / 2)
    story: list[Flowable] = [
        TextBlock(headline, TextStyle(font_name=BOLD, font_size=16, leading=24, alignment="center")), FrameBreak()]
    story += [TextBlock(paragraph, style) for paragraph in paragraphs]
    document.build(story)


def test_an_arabic_page_in_two_columns_reads_headline_then_right_column_then_left(tmp_path: Path) -> None:
    path = tmp_path / "programme.pdf"
    _two_column_pdf(path, ARABIC_HEADLINE, ARABIC * 3, rtl=True)
    assert _words(_read(path)) == _words(ARABIC_HEADLINE + " " + " ".join(ARABIC * 3))


def test_a_latin_page_in_two_columns_reads_headline_then_left_column_then_right(tmp_path: Path) -> None:
    path = tmp_path / "release.pdf"
    _two_column_pdf(path, LATIN_HEADLINE, LATIN * 2, rtl=False)
    assert _words(_read(path)) == _words(LATIN_HEADLINE + " " + " ".join(LATIN * 2))


@pytest.mark.parametrize("rtl", [True, False])
def test_a_page_in_three_columns_reads_column_after_column(tmp_path: Path, rtl: bool) -> None:
    """The Latin headline wraps: its short last line sits over the middle column alone."""
    headline, paragraphs = (ARABIC_HEADLINE, ARABIC * 4) if rtl else (LATIN_HEADLINE, LATIN * 3)  # into the third
    numbered = tuple(f"({number}) {paragraph}" for number, paragraph in enumerate(paragraphs, 1))
    path = tmp_path / "bulletin.pdf"
    _two_column_pdf(path, headline, numbered, rtl=rtl, columns=3)
    assert _words(_read(path)) == _words(" ".join([headline, *numbered]))


def test_a_running_header_and_a_page_number_in_a_corner_stay_out_of_the_columns(tmp_path: Path) -> None:
    """In a smaller type: the header on both sides over the columns, the page number under the right one."""
    path = tmp_path / "bulletin.pdf"
    furniture = (("نشرة التواصل الحكومي", "top right"), ("العدد 12", "top left"), ("صفحة 1", "bottom right"))
    _two_column_pdf(path, ARABIC_HEADLINE, ARABIC * 3, rtl=True, furniture=furniture)
    expected = " ".join(["نشرة التواصل الحكومي العدد 12", ARABIC_HEADLINE, *(ARABIC * 3), "صفحة 1"])
    assert _words(_read(path)) == _words(expected)


def test_sentences_of_a_column_stay_whole_across_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "programme.pdf"
    _two_column_pdf(path, ARABIC_HEADLINE, ARABIC * 3, rtl=True)
    running = " ".join(_words(_read(path)))
    for sentence in ARABIC:
        assert sentence in running


ROWS = (("التاريخ:", "11 أكتوبر 2026"), ("المكان:", "مركز المؤتمرات"), ("الجهة المنظمة:", "وزارة الإعلام"))


def test_a_page_in_one_column_with_a_short_gap_is_read_line_by_line(tmp_path: Path) -> None:
    """Three rows of a small table leave a gap at one place; the paragraphs around them cross it."""
    register_fonts()
    path = tmp_path / "bulletin.pdf"
    style = TextStyle(font_size=12, direction="rtl", alignment="justify", space_after=6)
    cell = TextStyle(font_size=12, direction="rtl")
    # ReportLab's first column is on the left: the label goes on the right, where an Arabic row starts.
    table = Table([[TextBlock(value, cell), TextBlock(label, cell)] for label, value in ROWS],
                  colWidths=[200, 200])
    story: list[Flowable] = [TextBlock(paragraph, style) for paragraph in ARABIC[:4]]
    story += [table, *(TextBlock(paragraph, style) for paragraph in ARABIC[4:])]
    SimpleDocTemplate(str(path)).build(story)
    rows = " ".join(f"{label} {value}" for label, value in ROWS)
    assert _words(_read(path)) == _words(" ".join([*ARABIC[:4], rows, *ARABIC[4:]]))


DATELINE_PARAGRAPHS = (
    ("مسقط - العمانية: نظمت وزارة الإعلام صباح اليوم الملتقى الإعلامي الخليجي في دورته الرابعة بمركز عمان "
     "للمؤتمرات والمعارض، بمشاركة أكثر من 400 إعلامي من دول مجلس التعاون."),
    *ARABIC[1:],
)


def test_the_headline_over_the_columns_is_proposed_as_the_headline(tmp_path: Path) -> None:
    """Set in a larger type above the columns, it is a paragraph of its own, not the first line of the first one."""
    path = tmp_path / "release.pdf"
    headline = "الملتقى الإعلامي الخليجي يفتتح دورته الرابعة في مسقط"
    _two_column_pdf(path, headline, DATELINE_PARAGRAPHS * 2, rtl=True)
    proposals = extract(_read(path))
    assert proposals.headline is not None and proposals.headline.text == headline
    dateline = proposals.dateline
    assert dateline is not None and (dateline.city, dateline.outlet) == ("مسقط", "العمانية")
    assert dateline.start < len(headline) + 3  # the first paragraph's, under the headline


def test_a_libreoffice_page_in_two_justified_columns_reads_in_order() -> None:
    """Made by LibreOffice Writer (``pdf_samples/README.md``): its gutter is 0.6 em wide, narrower than some
    gaps of its justified lines; it stretches words with kashidas it maps to U+0004, and lists the letters
    of «لًا» apart."""
    numbered = [f"({number}) {paragraph}" for number, paragraph in enumerate(ARABIC * 2, 1)]
    sample = Path(__file__).parent / "pdf_samples" / "libreoffice-two-columns.pdf"
    assert _words(_read(sample)) == _words(" ".join([ARABIC_HEADLINE, *numbered]))


def test_a_libreoffice_page_of_justified_arabic_reads_its_words_whole() -> None:
    """LibreOffice stretches justified words with kashidas (U+0004, U+0006 in its text layer) and leaves room
    beside some of them; its 248 words were read as 332 before, words cut in two ("أعم ال", "عربيً ا")."""
    paragraphs = [f"{first} {second}" for first, second in zip(ARABIC, ARABIC[::-1], strict=True)]
    sample = Path(__file__).parent / "pdf_samples" / "libreoffice-justified.pdf"
    assert _words(_read(sample)) == _words(" ".join([ARABIC_HEADLINE, *paragraphs]))


SESSIONS = (
    ("09:00 - 09:30", "الجلسة الافتتاحية وكلمة راعي الحفل", "معالي وزير الإعلام"),
    ("09:30 - 10:30", "الإعلام الحكومي في زمن المنصات الرقمية", "الدكتورة مريم بنت سعيد البلوشية"),
    ("10:30 - 11:00", "استراحة", ""),
    ("11:00 - 12:00", "دور المتحدث الرسمي في إدارة الأزمات والطوارئ", "سالم بن راشد الحارثي ونخبة من المتحدثين"),
    ("12:00 - 13:00", "صحافة البيانات وأدوات التحقق من الأخبار", "خالد بن علي المعمري"),
    ("13:00 - 14:00", "غداء", ""),
    ("14:00 - 15:00", "ورشة كتابة الخبر الحكومي القصير", "فريق مركز التواصل الحكومي"),
    ("15:00 - 15:30", "الجلسة الختامية وإعلان التوصيات", "رئيس اللجنة المنظمة"),
)


@pytest.mark.parametrize("with_times", [True, False])
def test_a_programme_in_a_table_is_read_row_by_row(tmp_path: Path, with_times: bool) -> None:
    """Its cells line up like columns, but they end where their text does: each row is one line."""
    register_fonts()
    cell = TextStyle(font_size=11, direction="rtl")
    rows = [[TextBlock(speaker, cell), TextBlock(title, cell), *([TextBlock(time, cell)] if with_times else [])]
            for time, title, speaker in SESSIONS * 2]
    path = tmp_path / "programme.pdf"
    SimpleDocTemplate(str(path)).build([
        TextBlock("برنامج الملتقى الإعلامي الخليجي", TextStyle(font_name=BOLD, font_size=16, alignment="center")),
        Table(rows, colWidths=[170, 230, 80] if with_times else [240, 240])])
    read = [" ".join(line.split()) for line in _read(path).splitlines() if line.strip()]
    rows_read = [" ".join(part for part in ((time,) if with_times else ()) + (title, speaker) if part)
                 for time, title, speaker in SESSIONS * 2]
    assert read == ["برنامج الملتقى الإعلامي الخليجي", *rows_read]


def test_a_headline_over_two_lines_stays_one_paragraph() -> None:
    """Its lines are further apart than the body's, as its type is larger: that is no paragraph break."""
    text = _read(Path(__file__).parent / "pdf_samples" / "libreoffice-two-columns.pdf").strip()
    assert text.startswith("الملتقى الإعلامي يختتم أعماله بتوصيات لتعزيز\nالتواصل الحكومي\n\n(1) "), text[:120]


def test_a_libreoffice_page_in_amiri_reads_its_stacked_letters_in_order() -> None:
    """Amiri sets «لح», «مح», «لج» one letter over the other: the second glyph's box reaches past the first's,
    so ordering glyphs by the middle of their boxes read «للحوار» as «لحلوار»; the pen's position orders them."""
    paragraphs = [f"{first} {second}" for first, second in zip(ARABIC, ARABIC[::-1], strict=True)]
    sample = Path(__file__).parent / "pdf_samples" / "libreoffice-amiri-justified.pdf"
    assert _words(_read(sample)) == _words(" ".join([ARABIC_HEADLINE, *paragraphs]))


def test_a_word_file_in_two_right_to_left_columns_reads_in_order() -> None:
    """A Word file (its columns in a right-to-left section) turned into PDF by LibreOffice: right column
    first; its kashidas, mapped to commas ("وزي,,ر"), are left out."""
    numbered = [f"({number}) {paragraph}" for number, paragraph in enumerate(ARABIC * 2, 1)]
    sample = Path(__file__).parent / "pdf_samples" / "libreoffice-word-two-columns.pdf"
    assert _words(_read(sample)) == _words(" ".join([ARABIC_HEADLINE, *numbered]))


def test_a_word_article_with_a_programme_table_reads_paragraph_by_paragraph_and_row_by_row() -> None:
    """A Word file (three paragraphs of ``text.txt``'s kind, then the programme in a right-to-left table
    with wrapped cells) turned into PDF by LibreOffice: a blank line between paragraphs and between rows,
    none inside a row whose cell wraps (a letter's box, not the font, made some lines look taller)."""
    sample = Path(__file__).parent / "pdf_samples" / "libreoffice-word-article.pdf"
    paragraphs = [" ".join(paragraph.split()) for paragraph in _read(sample).split("\n\n")]
    article = (Path(__file__).parent / "pdf_samples" / "text.txt").read_text(encoding="utf-8").splitlines()[:3]
    assert paragraphs[:3] == ["مسقط - العمانية: " + article[0], *article[1:3]]
    rows = [f"{time} {title} {speaker}" for time, title, speaker in SESSIONS]
    assert [sorted(paragraph.split()) for paragraph in paragraphs[3:]] == [sorted(row.split()) for row in rows]
