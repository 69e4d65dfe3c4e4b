"""Import safety on big inputs: time linear in size, the speaker index agreeing with a plain scan.

The long articles are our own annotated paragraphs (``bench/annotations``), numbered so that no
two paragraphs are the same text.
"""

from __future__ import annotations

import random
import time

from archive.importing.extraction import extract
from archive.importing.spans import SpanSet
from archive.importing.speakers import KnownPerson, PeopleBook


def long_article(own_articles: list[tuple[str, str, dict]], size: int) -> str:
    """About ``size`` characters of our own paragraphs, each numbered."""
    paragraphs = [part.strip() for _, text, _ in own_articles for part in text.split("\n\n") if part.strip()]
    parts: list[str] = []
    total = 0
    while total < size:
        part = f"{paragraphs[len(parts) % len(paragraphs)]} (الفقرة {len(parts) + 1})"
        parts.append(part)
        total += len(part) + 2
    return "\n\n".join(parts)


def test_a_long_article_is_extracted_in_time_linear_in_its_size(own_articles) -> None:
    # 100,000 characters took 14 s when every token scanned every mention against every quote.
    text = long_article(own_articles, 100_000)
    began = time.perf_counter()
    proposals = extract(text)
    elapsed = time.perf_counter() - began
    assert len(proposals.quotes) > 100
    assert elapsed < 3.0, f"extracting 100,000 characters took {elapsed:.1f} s"


def test_the_long_article_gives_each_article_its_own_proposals_again(own_articles) -> None:
    # Two copies of the same articles: the second copy's quotes are the first's, shifted.
    single = "\n\n".join(text for _, text, _ in own_articles)
    doubled = single + "\n\n" + single
    once, twice = extract(single), extract(doubled)
    shift = len(single) + 2
    assert [(q.text, q.speaker) for q in twice.quotes[len(once.quotes):]] == [(q.text, q.speaker) for q in once.quotes]
    assert [q.start + shift for q in once.quotes] == [q.start for q in twice.quotes[len(once.quotes):]]


def _scan_latest(people: list[KnownPerson], before: int, outside: list[tuple[int, int]]) -> KnownPerson | None:
    """The plain scan the book's index replaces: every mention of every person, in order."""
    best: tuple[int, KnownPerson] | None = None
    for person in people:
        for start, _ in person.mentions:
            if start < before and not any(s <= start < e for s, e in outside) and (best is None or start > best[0]):
                best = (start, person)
    return best[1] if best else None


def test_latest_mentioned_agrees_with_a_plain_scan() -> None:
    rng = random.Random(5)
    for _ in range(200):
        book = PeopleBook()
        people = [KnownPerson(f"person {n}", None, None, None) for n in range(rng.randint(1, 6))]
        for person in people:
            book._order[id(person)] = len(book.people)  # noqa: SLF001 - registering as add() does
            book.people.append(person)
        spans: list[tuple[int, int]] = []
        span_set = SpanSet()
        for _ in range(rng.randint(0, 30)):
            if rng.random() < 0.3:
                start = rng.randint(0, 200)
                spans.append((start, start + rng.randint(0, 30)))
                span_set.add(*spans[-1])
            else:
                start = rng.randint(0, 200)  # mentions come in any order, several at one place
                book.note_mention(rng.choice(people), start, start + 5)
        for before in range(0, 240, 7):
            assert book.latest_mentioned(before, span_set) is _scan_latest(book.people, before, spans)
