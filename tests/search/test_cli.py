"""``muntada search`` and ``muntada reindex`` on a real archive file."""

from __future__ import annotations

import json

from archive.location import index_folder_for
from desktop.cli import main

from .conftest import fill_archive


def test_search_json_hits_carry_source(archive, tmp_path, capsys) -> None:
    ids = fill_archive(archive)
    archive.close()
    path = str(archive.path)
    assert main(["--archive", path, "--lang", "en", "search", "الإعلام", "الرقمي", "--json", "--limit", "5"]) == 0
    output = json.loads(capsys.readouterr().out)
    hits = {(hit["kind"], hit["id"]): hit for hit in output["hits"]}
    quote = hits[("quote", ids.quote)]
    assert {"kind", "id", "title", "snippet", "score", "source_id", "source_file"} <= set(quote)
    assert (quote["source_id"], quote["source_file"]) == (ids.source, "khabar-2024-03-13.txt")
    assert hits[("source", ids.source)]["source_id"] == ids.source
    assert index_folder_for(archive.path).is_dir()  # in the user's data folder, not beside the archive
    assert not (tmp_path / "archive.index").exists()


def test_search_kind_filter_and_text_output(archive, capsys) -> None:
    fill_archive(archive)
    archive.close()
    assert main(["--archive", str(archive.path), "--lang", "en", "search", "الكندي", "--kind", "person"]) == 0
    out = capsys.readouterr().out
    assert "سالم بن راشد الكندي" in out and "quote" not in out.split("\n")[0]


def test_reindex_then_malformed_search(archive, capsys) -> None:
    fill_archive(archive)
    archive.close()
    assert main(["--archive", str(archive.path), "--lang", "en", "reindex"]) == 0
    assert "8 records" in capsys.readouterr().out
    assert main(["--archive", str(archive.path), "--lang", "en", "search", '"', "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["hits"] == []
