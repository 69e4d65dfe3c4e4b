"""The rebuild's segment writer against Whoosh's own: the same index, read back through Whoosh.

``BulkSegmentWriter`` writes Whoosh 3 segments itself (posting blocks, term infos, the term
table's hash buckets, length columns). Here the same documents go through both writers and
every term, posting, length and stored value read back must be equal. The corpus is built so
that every path of the bulk writer is taken: terms with one posting, short uncompressed
lists, compressed lists, lists of several blocks, documents without some fields, and enough
terms for collisions in the term table's hash buckets.
"""

from __future__ import annotations

import random

import pytest
from whoosh import index as whoosh_index

from search.bulkwriter import BulkSegmentWriter
from search.documents import IndexDocument, whoosh_fields
from search.schema import build_schema

COMMON = ["التواصل", "الحكومي", "منتدى", "الإعلام", "الرقمي", "المنصات", "مليون", "مستخدم"]


def _documents(count: int) -> list[IndexDocument]:
    rng = random.Random(7)
    rare = [f"كلمة{index}" for index in range(4000)]
    documents = []
    for number in range(count):
        words = rng.choices(COMMON, k=6) + rng.sample(rare, 4) + [f"فريدة{number}"]
        rng.shuffle(words)
        speaker = f"المتحدث {number % 37}" if number % 5 else ""
        documents.append(IndexDocument(
            kind=("quote", "statistic", "session")[number % 3], record_id=number + 1,
            title=speaker or "عنوان", body=" ".join(words), context=f"{speaker} منتدى {number % 11}" if speaker else "",
            speaker_name=speaker, year=str(2015 + number % 9) if number % 4 else "",
        ))
    return documents


def _read_back(directory) -> dict:
    reader = whoosh_index.open_dir(str(directory)).reader()
    terms = {}
    for field, term in reader.all_terms():
        info = reader.term_info(field, term)
        matcher = reader.postings(field, term)
        postings = []
        while matcher.is_active():
            postings.append((matcher.id(), matcher.weight(), matcher.value()))
            matcher.next()
        terms[field, term] = ((info.weight(), info.doc_frequency(), info.min_length(), info.max_length(),
                               info.max_weight(), info.min_id(), info.max_id()), postings)
    scorable = [name for name, field in reader.schema.items() if field.scorable]
    lengths = {name: (reader.field_length(name),
                      [reader.doc_field_length(docnum, name, 0) for docnum in range(reader.doc_count_all())])
               for name in scorable}
    stored = [reader.stored_fields(docnum) for docnum in range(reader.doc_count_all())]
    return {"terms": terms, "lengths": lengths, "stored": stored}


@pytest.fixture(scope="module")
def both_writers(tmp_path_factory):
    documents = _documents(1300)
    written = {}
    for name in ("whoosh", "bulk"):
        directory = tmp_path_factory.mktemp(name)
        ix = whoosh_index.create_in(str(directory), build_schema())
        writer = BulkSegmentWriter(ix, compound=False) if name == "bulk" else ix.writer()
        for document in documents:
            writer.add_document(**whoosh_fields(document))
        writer.commit(merge=False) if name == "whoosh" else writer.commit()
        written[name] = _read_back(directory)
    return written


def test_every_term_and_posting_reads_back_as_whoosh_wrote_it(both_writers):
    whoosh_terms, bulk_terms = both_writers["whoosh"]["terms"], both_writers["bulk"]["terms"]
    assert list(bulk_terms) == list(whoosh_terms)
    differing = [key for key in whoosh_terms if bulk_terms[key] != whoosh_terms[key]]
    assert differing == []
    # The corpus reaches every path of the bulk writer.
    list_sizes = {len(postings) for _info, postings in bulk_terms.values()}
    assert 1 in list_sizes and any(1 < size < 16 for size in list_sizes)
    assert any(16 <= size <= 1024 for size in list_sizes) and max(list_sizes) > 1024


def test_field_lengths_and_stored_values_read_back_as_whoosh_wrote_them(both_writers):
    assert both_writers["bulk"]["lengths"] == both_writers["whoosh"]["lengths"]
    assert both_writers["bulk"]["stored"] == both_writers["whoosh"]["stored"]
    # Some documents have no context: no length there, and the column still reads.
    context_lengths = both_writers["bulk"]["lengths"]["context"][1]
    assert any(not length for length in context_lengths) and any(context_lengths)
