"""The search's posting reader against Whoosh's own: every list, length and facet value read back alike.

``search.postings`` reads whole posting lists a block at a time and the length columns in one
read, and ``search.index`` reads facet columns in one read per segment, all through private
names of Whoosh (``search.whoosh_internals``). Here an index with every kind of segment they
meet (one written by ``BulkSegmentWriter`` with lists of several 1,024-posting blocks, one by
Whoosh's own writer with 128-posting blocks, deleted documents) is read both ways: through
those fast paths and through Whoosh's public matchers and readers, and must agree everywhere.
"""

from __future__ import annotations

import random

import pytest
from whoosh import index as whoosh_index
from whoosh.util.numeric import length_to_byte

from search.bulkwriter import BulkSegmentWriter
from search.documents import document_key
from search.postings import PostingCache
from search.schema import FACET_FIELDS, TermsField, build_schema
from search.whoosh_internals import column_strings

COMMON = ["التواصل", "الحكومي", "منتدى", "الإعلام"]  # each in most documents: lists of several blocks


def _documents(first: int, count: int, seed: int) -> list[dict]:
    """Whoosh documents of the index schema (text fields analyzed by the schema's own analyzers)."""
    rng = random.Random(seed)
    rare = [f"كلمة{index}" for index in range(3000)]
    documents = []
    for number in range(first, first + count):
        words = rng.choices(COMMON, k=6) + rng.sample(rare, 4) + [f"فريدة{number}"]
        rng.shuffle(words)
        body = " ".join(words)
        document = {"key": _key(number), "kind": _kind(number), "record_id": number + 1, "title": "عنوان",
                    "body": body, "text": body, "exact": body, "pairs": body,
                    "event_facet": f"{number % 7}\x1fمنتدى الاتصال {number % 7}"}
        if number % 5:  # some documents without a speaker, context or year
            document.update(context=f"المتحدث {number % 37} منتدى {number % 11}",
                            speaker_facet=f"{number % 37}\x1fالمتحدث {number % 37}", year=str(2015 + number % 9))
        documents.append(document)
    return documents


def _kind(number: int) -> str:
    return ("quote", "statistic", "session")[number % 3]


def _key(number: int) -> str:
    return document_key(_kind(number), number + 1)


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    directory = tmp_path_factory.mktemp("postings")
    ix = whoosh_index.create_in(str(directory), build_schema())
    bulk = BulkSegmentWriter(ix, compound=False)
    for document in _documents(0, 1500, seed=3):
        bulk.add_document(**document)
    bulk.commit()
    writer = ix.writer()  # Whoosh's own writer: its 128-posting blocks
    for document in _documents(1500, 400, seed=4):
        writer.add_document(**document)
    writer.commit(merge=False)
    writer = ix.writer()
    for number in range(0, 1900, 13):  # deletions in both segments
        writer.delete_by_term("key", _key(number))
    writer.commit(merge=False)
    opened = ix.searcher()
    assert len(opened.reader().leaf_readers()) == 2 and opened.reader().has_deletions()
    yield opened
    opened.close()


def _public_postings(reader, field: str, tbytes: bytes) -> dict[int, float]:
    matcher = reader.postings(field, tbytes)
    found = {}
    while matcher.is_active():
        found[matcher.id()] = matcher.weight()
        matcher.next()
    return found


def _term(tbytes: bytes) -> str:
    return tbytes.decode("utf-8")


def test_every_posting_list_reads_back_as_whoosh_reads_it(searcher):
    reader = searcher.reader()
    cache = PostingCache(reader)
    compared = differing = several_blocks = 0
    for field, tbytes in reader.all_terms():
        if field == "key":
            continue
        public = _public_postings(reader, field, tbytes)
        if not public:
            continue  # every document with the term is deleted
        fast = cache.postings(field, _term(tbytes))
        compared += 1
        differing += fast != public
        several_blocks += len(public) > 1024
    assert compared > 5000 and several_blocks >= len(COMMON)
    assert differing == 0


def test_document_frequencies_and_field_lengths_read_back_as_whoosh_reads_them(searcher):
    reader = searcher.reader()
    cache = PostingCache(reader)
    for term in COMMON:
        assert cache.doc_frequency("exact", term) == reader.doc_frequency("exact", term.encode("utf-8"))
    scorable = [name for name, field in reader.schema.items() if isinstance(field, TermsField) and field.scorable]
    assert "text" in scorable
    for field in scorable:
        public = bytes(length_to_byte(reader.doc_field_length(docnum, field, 0) or 0)
                       for docnum in range(reader.doc_count_all()))
        assert bytes(cache.lengths(field)) == public, field


def test_facet_columns_read_back_as_whoosh_reads_them(searcher):
    for leaf, _offset in searcher.reader().leaf_readers():
        for field in FACET_FIELDS:
            if not leaf.has_column(field):
                continue
            assert column_strings(leaf, field) == list(leaf.column_reader(field)), field
