"""A quote with its citation, as an officer pastes it into a memo (no Qt).

"«النص» — معالي الدكتور فلان، وزير الإعلام، منتدى التواصل الحكومي، 2024-05-12، جريدة عمان"
The speaker's title is the one printed with the quote; the date is when it was said, else
when the source was published. Only words said as they are (``speech == "direct"``) go in
quotation marks; reported speech is cited as such ("نقلًا بالمعنى"), as the briefs print it:
pasted in «…», a paraphrase read as the speaker's own words.
"""

from __future__ import annotations

from archive.i18n import is_rtl, tr
from archive.services.records import PersonRecord, QuoteRecord

LEFT_TO_RIGHT_MARK = "\u200e"


def quote_with_citation(quote: QuoteRecord, speaker: PersonRecord | None = None, language: str | None = None) -> str:
    """The quote (in quotation marks when said directly) followed by speaker, title, event, date and outlet."""
    rtl = is_rtl(language)
    opening, closing = ("«", "»") if rtl else ("“", "”")
    comma = "، " if rtl else ", "
    name = speaker.display_name if speaker is not None else (quote.speaker.name if quote.speaker else None)
    source = quote.source
    date = quote.said_on or (source.published_on if source else None)
    if date and rtl:  # marked left to right: after Arabic words "2024-05-12" would be laid out "12-05-2024"
        date = LEFT_TO_RIGHT_MARK + date
    parts = [
        name,
        quote.speaker_title or (speaker.title if speaker is not None else None),
        quote.organisation_text if not quote.speaker_title else None,
        quote.event.name if quote.event else None,
        date,
        source.outlet if source else None,
        tr("reported speech", language) if quote.speech != "direct" else None,
    ]
    citation = comma.join(part.strip() for part in parts if part and part.strip())
    text = f"{opening}{quote.text.strip()}{closing}" if quote.speech == "direct" else quote.text.strip()
    return f"{text} — {citation}" if citation else text
