"""The page machinery every brief shares: cover, header, footer with "صفحة 1 من N", build to bytes.

A brief kind hands ``build_pdf`` a ``Cover`` and its body flowables; this module lays them on
A4 or Letter pages, mirrors the header for Arabic, numbers the pages once the total is known
(the canvas keeps each page until ``save``), and returns the PDF bytes with any warnings
(a logo that could not be used is skipped, never fatal).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
)

from archive.briefs.fonts import BOLD, REGULAR, register_fonts, string_width
from archive.briefs.formatting import display_date
from archive.briefs.options import BriefOptions
from archive.briefs.paragraph import TextBlock
from archive.briefs.rtl import isolated_in, visual_text
from archive.briefs.styles import ACCENT, MUTED, PAPER_SIZES, RULE, BriefStyles
from archive.errors import InputFileError
from archive.i18n import tr

MARGIN = 18 * mm
HEADER_GAP = 10 * mm
LOGO_MAX = (45 * mm, 30 * mm)


@dataclass(frozen=True)
class Cover:
    """The first page: a title, an optional subtitle, and labelled facts (e.g. "Venue", "Muscat")."""

    title: str
    subtitle: str | None = None
    facts: Sequence[tuple[str, str]] = ()


@dataclass(frozen=True)
class BriefPdf:
    """A rendered brief: the PDF bytes, its page count, and notes about anything skipped."""

    content: bytes
    page_count: int
    warnings: tuple[str, ...] = ()

    def write(self, path: Path) -> None:
        """Save the PDF to ``path``; a place it cannot go is an ``InputFileError`` saying what to do."""
        try:
            Path(path).write_bytes(self.content)
        except OSError as error:
            raise _unwritable(error, Path(path)) from error


def _unwritable(error: OSError, path: Path) -> InputFileError:
    """Why the brief cannot be saved, in words the user can act on (the system's own reason is
    English on most machines). On Windows a PDF still open in a viewer is refused as PermissionError."""
    if isinstance(error, FileNotFoundError):
        return InputFileError("Cannot save the brief as {path}: that folder does not exist. Choose another folder.",
                              path=str(path))
    if isinstance(error, IsADirectoryError):
        return InputFileError("{path} is a folder: give the brief a file name ending in .pdf.", path=str(path))
    if isinstance(error, PermissionError):
        return InputFileError("Cannot save the brief as {path}: the file is open in another program or the "
                              "folder is protected. Close the file, or choose another name or folder.",
                              path=str(path))
    return InputFileError("Cannot write {path}: {reason}", path=str(path), reason=error.strerror or str(error))


@dataclass
class _Build:
    options: BriefOptions
    styles: BriefStyles
    header_title: str
    warnings: list[str] = field(default_factory=list)
    page_count: int = 0

    def tr(self, message: str, **params: object) -> str:
        return tr(message, language=self.options.language, **params)


def build_pdf(cover: Cover, body: Sequence[Flowable], options: BriefOptions) -> BriefPdf:
    """Lay out a brief (cover page when ``options`` shows it, then the body) and return its PDF."""
    register_fonts()
    styles = BriefStyles.for_language(options.language)
    build = _Build(options, styles, header_title=cover.title)
    buffer = io.BytesIO()
    document = _document(buffer, build)
    story: list[Flowable] = []
    if options.shows("cover"):
        story += [*_cover_flowables(cover, build), NextPageTemplate("body"), PageBreak()]
    else:
        story.append(NextPageTemplate("body"))
    story += list(body) or [TextBlock(build.tr("Nothing to show in this brief."), styles.body)]
    document.build(story, canvasmaker=_numbered_canvas(build))
    return BriefPdf(buffer.getvalue(), build.page_count, tuple(build.warnings))


def _document(buffer: io.BytesIO, build: _Build) -> BaseDocTemplate:
    page_size = PAPER_SIZES[build.options.paper]
    width, height = page_size
    frame = Frame(MARGIN, MARGIN + 4 * mm, width - 2 * MARGIN, height - 2 * MARGIN - HEADER_GAP, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    cover_frame = Frame(MARGIN, MARGIN, width - 2 * MARGIN, height - 2 * MARGIN, id="cover",
                        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    document = BaseDocTemplate(
        buffer, pagesize=page_size, title=build.header_title, author=build.options.organisation_name or "Muntada",
        creator="Muntada", lang=build.options.language, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN, bottomMargin=MARGIN,
    )
    document.addPageTemplates([
        PageTemplate(id="cover", frames=[cover_frame]),
        PageTemplate(id="body", frames=[frame], onPage=lambda canvas, doc: _draw_header(canvas, doc, build)),
    ])
    return document


def _cover_flowables(cover: Cover, build: _Build) -> list[Flowable]:
    styles, options = build.styles, build.options
    flowables: list[Flowable] = [Spacer(1, 25 * mm)]
    logo = _logo(options.logo_path, build)
    if logo is not None:
        flowables += [logo, Spacer(1, 8 * mm)]
    if options.organisation_name:
        flowables.append(TextBlock(options.organisation_name, styles.cover_line.but(font_name=BOLD, space_after=14)))
    flowables.append(TextBlock(cover.title, styles.cover_title))
    if cover.subtitle:
        flowables.append(TextBlock(cover.subtitle, styles.cover_line.but(space_after=14)))
    flowables.append(Spacer(1, 10 * mm))
    for label, value in cover.facts:
        # The value keeps its own order: "Hashtags: #منتدى_…" keeps its '#' at the word's start.
        line = f"{label}: {isolated_in(value, styles.direction)}"
        flowables.append(TextBlock(line, styles.cover_line.but(direction=styles.direction)))
    printed_on = display_date(options.printed_on or date.today(), options.language)
    prepared = TextBlock(build.tr("Prepared on {date}", date=printed_on), styles.small.but(alignment="center"))
    flowables += [Spacer(1, 12 * mm), prepared]
    return flowables


def _logo(path: Path | None, build: _Build) -> Image | None:
    """The logo as a flowable, or None with a warning when the file is missing or not an image."""
    if path is None:
        return None
    try:
        reader = ImageReader(str(path))
        pixel_width, pixel_height = reader.getSize()
        scale = min(LOGO_MAX[0] / pixel_width, LOGO_MAX[1] / pixel_height)
        return Image(str(path), width=pixel_width * scale, height=pixel_height * scale)
    except Exception:  # noqa: BLE001 (ReportLab/Pillow raise many kinds for unreadable images; the brief goes on)
        build.warnings.append(build.tr("The logo file {path} could not be read; the brief has no logo.",
                                       path=str(path)))
        return None


def _draw_header(canvas: Canvas, document: BaseDocTemplate, build: _Build) -> None:
    width, height = document.pagesize
    top = height - MARGIN
    start_x, end_x = (width - MARGIN, MARGIN) if build.styles.is_rtl else (MARGIN, width - MARGIN)
    canvas.saveState()
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD, 9.5)
    organisation = visual_text(build.options.organisation_name or "", build.styles.direction)
    _draw_aligned(canvas, start_x, top, organisation, build.styles.is_rtl)
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 9.5)
    title = _fit(build.header_title, REGULAR, 9.5, (width - 2 * MARGIN) * 0.6)
    _draw_aligned(canvas, end_x, top, visual_text(title, build.styles.direction), not build.styles.is_rtl)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, top - 4, width - MARGIN, top - 4)
    canvas.restoreState()


def _draw_aligned(canvas: Canvas, x: float, y: float, text: str, at_right: bool) -> None:
    if at_right:
        canvas.drawRightString(x, y, text)
    else:
        canvas.drawString(x, y, text)


def _fit(text: str, font_name: str, font_size: float, width: float) -> str:
    """The text, cut at a word with an ellipsis when wider than ``width`` (a header line)."""
    words = text.split()
    while len(words) > 1 and string_width(" ".join(words) + " …", font_name, font_size) > width:
        words.pop()
    shortened = " ".join(words)
    return shortened if shortened == text else shortened + " …"


def _numbered_canvas(build: _Build) -> Callable[..., Canvas]:
    """A canvas class that keeps each page until ``save`` so footers can say "page i of N"."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            # else an unembedded Helvetica is listed
            kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, object]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            build.page_count = len(self._pages)
            for number, page_state in enumerate(self._pages, start=1):
                self.__dict__.update(page_state)
                _draw_footer(self, number, build)
                super().showPage()
            super().save()

    return NumberedCanvas


def _draw_footer(canvas: Canvas, number: int, build: _Build) -> None:
    width, _height = canvas._pagesize
    label = build.tr("Page {number} of {total}", number=number, total=build.page_count)
    canvas.saveState()
    canvas.setFont(REGULAR, 9)
    canvas.setFillColor(MUTED)
    canvas.drawCentredString(width / 2, MARGIN - 6, visual_text(label, build.styles.direction))
    canvas.restoreState()
