"""Counts of the things Muntada keeps, as words: "3 quotes", in Arabic "3 اقتباسات" (six forms).

Each function takes a number and gives the count in the current (or given) language, to be put
into a longer message: ``tr("{name} ({quotes})", name=name, quotes=counts.quotes(4))``. Arabic
reads "لا اقتباسات" (0), "اقتباس واحد" (1), "اقتباسان" (2), "3 اقتباسات", "11 اقتباسًا",
"100 اقتباس". A message that is one sentence about one count uses ``ntr`` itself.
"""

from __future__ import annotations

from archive.i18n import ntr


def quotes(n: int, language: str | None = None) -> str:
    return ntr("{n} quote", "{n} quotes", n, language)


def figures(n: int, language: str | None = None) -> str:
    return ntr("{n} figure", "{n} figures", n, language)


def people(n: int, language: str | None = None) -> str:
    return ntr("{n} person", "{n} people", n, language)


def sessions(n: int, language: str | None = None) -> str:
    return ntr("{n} session", "{n} sessions", n, language)


def events(n: int, language: str | None = None) -> str:
    return ntr("{n} event", "{n} events", n, language)


def pages(n: int, language: str | None = None) -> str:
    return ntr("{n} page", "{n} pages", n, language)
