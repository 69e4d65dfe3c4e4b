"""What the extraction proposes for a text, in the shapes the rule tests compare (our own sentences in, plain
values out): every quote's speaker in the article's order, continuations included, and the people proposed."""

from __future__ import annotations

from archive.importing.extraction import extract


def quote_speakers(text: str) -> list[str | None]:
    """The speaker of every quote proposed (``quotes`` and ``further_quotes``), in the order they are printed."""
    proposals = extract(text)
    quotes = sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)
    return [quote.speaker for quote in quotes]


def proposed_people(text: str) -> list[tuple[str | None, str | None]]:
    """(name, title) of every person proposed."""
    return [(person.name, person.title) for person in extract(text).people]
