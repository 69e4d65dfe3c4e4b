"""The sample archive, built for real into SQLite files: what it holds, and that every span is exact."""

from __future__ import annotations

import re
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from archive.db.engine import open_archive
from archive.demo import SampleArchiveExistsError, create_sample_archive
from archive.demo.model import REACH, SAMPLE_NOTE, SERVICES_ONLINE
from archive.services import audit, events, maintenance, people, quotes, sources, statistics
from archive.text.normalize import normalize_arabic

MINIMUM_COUNTS = {
    "event": 12, "session": 40, "person": 30, "organisation": 15,
    "quote": 120, "statistic": 50, "source": 20, "series": 3,
}
# A run of this many words shared with a third-party sample article would be copying, not retelling.
LONGEST_SHARED_RUN = 12


@pytest.fixture(scope="module")
def sample(sample_archive_file: Path, tmp_path_factory: pytest.TempPathFactory):
    """A copy of the run's one sample archive (built by create_sample_archive, officer "ضابط الاختبار")."""
    path = Path(shutil.copy(sample_archive_file, tmp_path_factory.mktemp("sample") / "sample.sqlite"))
    opened = open_archive(path, create=False)
    yield opened
    opened.close()


def source_texts(archive) -> dict[int, str]:
    return {record.id: sources.get_source(archive, record.id).full_text for record in sources.list_sources(archive)}


def test_the_archive_is_created_closed_and_marked_as_sample(sample):
    info = maintenance.archive_info(sample)
    assert info.is_sample
    assert info.schema_version == info.newest_schema_version
    for kind, minimum in MINIMUM_COUNTS.items():
        assert info.counts[kind] >= minimum, kind
    assert info.counts["event"] <= 20
    assert all(SAMPLE_NOTE in (event.description or "") for event in events.list_events(sample))


def test_every_quote_span_is_exactly_its_text_in_its_source(sample):
    texts = source_texts(sample)
    every_quote = quotes.list_quotes(sample)
    for quote in every_quote:
        full_text = texts[quote.source.id]
        assert full_text.find(quote.text) != -1
        assert full_text[quote.source_start:quote.source_end] == quote.text
    assert len({quote.source.id for quote in every_quote}) == len(texts)


def test_every_figure_span_is_exactly_its_text_and_parses_to_a_value(sample):
    texts = source_texts(sample)
    for figure in statistics.list_statistics(sample):
        assert texts[figure.source.id][figure.source_start:figure.source_end] == figure.figure_text
        assert figure.value is not None and figure.value > 0, figure.figure_text
        assert figure.unit and figure.subject


def test_titles_and_organisations_are_as_printed_in_the_article(sample):
    texts = source_texts(sample)
    for quote in quotes.list_quotes(sample):
        for printed in (quote.speaker_title, quote.organisation_text):
            if printed is not None:
                assert printed in texts[quote.source.id], printed


def test_every_series_has_three_or_more_dated_editions(sample):
    for series in events.list_series(sample):
        editions = events.list_events(sample, series_id=series.id)
        dated = [event for event in editions if event.start_date and event.edition]
        assert len(dated) >= 3, series.name
        assert len({event.edition for event in dated}) == len(dated)
        assert all(event.session_count > 0 and event.source_count > 0 for event in editions)


def test_speakers_recur_across_events_with_the_title_of_the_day(sample):
    events_by_speaker: dict[int, set[int]] = defaultdict(set)
    titles_by_speaker: dict[int, set[str]] = defaultdict(set)
    for quote in quotes.list_quotes(sample):
        events_by_speaker[quote.speaker.id].add(quote.event.id)
        if quote.speaker_title:
            titles_by_speaker[quote.speaker.id].add(quote.speaker_title)
    recurring = [speaker for speaker, seen in events_by_speaker.items() if len(seen) >= 2]
    assert len(recurring) >= 5
    assert sum(1 for titles in titles_by_speaker.values() if len(titles) >= 2) >= 5


def test_spelling_variants_lead_to_the_same_person(sample):
    everyone = people.list_people(sample)
    assert sum(1 for person in everyone if person.aliases) >= 5
    matches = people.find_people(sample, "شيخة البلوشي")
    assert matches and matches[0].person.name == "شيخة بنت عبدالله البلوشية"


def test_figures_repeat_across_editions_so_a_chart_has_a_line(sample):
    forum = next(series for series in events.list_series(sample) if series.name == "منتدى التواصل الحكومي")
    for subject in (REACH, SERVICES_ONLINE):
        in_series = statistics.list_statistics(sample, series_id=forum.id)
        figures = [figure for figure in in_series if figure.subject == subject]
        assert len({figure.event.id for figure in figures}) >= 4, subject
        values = [figure.value for figure in sorted(figures, key=lambda figure: figure.stated_on or "")]
        assert values == sorted(values), subject


def test_some_quotes_are_verified_and_some_are_not(sample):
    verified = [quote.verified for quote in quotes.list_quotes(sample)]
    assert 0 < sum(verified) < len(verified)


def test_the_archive_checks_clean_and_has_an_audit_trail(sample):
    report = maintenance.check_archive(sample)
    assert report.ok, report.problems
    changes = audit.recent_changes(sample, limit=5)
    assert changes and all(change.action == "create" and change.officer == "ضابط الاختبار" for change in changes)
    first_quote = quotes.list_quotes(sample)[0]
    assert [entry.action for entry in audit.record_history(sample, "quote", first_quote.id)] == ["create"]


def test_the_sample_retells_the_shared_articles_without_copying_them(sample, samples_folder: Path):
    ours = set()
    for text in source_texts(sample).values():
        ours |= word_runs(text, LONGEST_SHARED_RUN)
    for article in sorted((samples_folder / "articles").glob("*.txt")):
        shared = word_runs(article.read_text(encoding="utf-8"), LONGEST_SHARED_RUN) & ours
        assert not shared, (article.name, sorted(shared)[:3])


def word_runs(text: str, length: int) -> set[tuple[str, ...]]:
    words = re.findall(r"[0-9\u0621-\u064a%]+", normalize_arabic(text))
    return {tuple(words[index:index + length]) for index in range(len(words) - length + 1)}


def test_creating_twice_gives_the_same_archive(tmp_path: Path, sample_archive: Path):
    create_sample_archive(tmp_path / "again.sqlite")  # the run's sample archive was the first
    contents = []
    for path in (sample_archive, tmp_path / "again.sqlite"):
        archive = open_archive(path, create=False)
        try:
            info = maintenance.archive_info(archive)
            quoted = [(quote.text, quote.speaker.name, quote.source_start) for quote in quotes.list_quotes(archive)]
            hashes = sorted(source.content_hash for source in sources.list_sources(archive))
            contents.append((info.counts, info.is_sample, quoted, hashes))
        finally:
            archive.close()
    assert contents[0] == contents[1]


def test_an_existing_file_is_never_touched(tmp_path: Path):
    existing = tmp_path / "mine.sqlite"
    existing.write_bytes(b"not empty")
    with pytest.raises(SampleArchiveExistsError):
        create_sample_archive(existing)
    assert existing.read_bytes() == b"not empty"
