"""The signature of an index folder (``search.signature``): what ``verify`` hashes now and what it puts off."""

from __future__ import annotations

import pytest

from search.signature import SignatureError, file_digest, sign, verify


def _folder(tmp_path):
    folder = tmp_path / "index"
    folder.mkdir()
    (folder / "_MAIN_1.toc").write_bytes(b"table of contents")
    (folder / "MAIN_a.pst").write_bytes(b"postings" * 1000)
    return folder


def test_a_put_off_file_is_not_hashed_but_must_be_signed(tmp_path):
    folder, key = _folder(tmp_path), b"k" * 32
    signed = sign(folder, key)
    (folder / "MAIN_a.pst").write_bytes(b"changed" * 1000)
    later = lambda name: name.endswith(".pst")  # noqa: E731
    digests = verify(folder, key, defer=later)
    assert digests == signed  # the recorded digest, for the caller to hash against later
    assert file_digest(folder / "MAIN_a.pst", key) != digests["MAIN_a.pst"]
    with pytest.raises(SignatureError, match="differs"):
        verify(folder, key)
    (folder / "MAIN_b.pst").write_bytes(b"planted")
    with pytest.raises(SignatureError, match="not signed"):
        verify(folder, key, defer=later)


def test_a_file_not_put_off_is_hashed(tmp_path):
    folder, key = _folder(tmp_path), b"k" * 32
    sign(folder, key)
    (folder / "_MAIN_1.toc").write_bytes(b"table of contentz")
    with pytest.raises(SignatureError, match="differs"):
        verify(folder, key, defer=lambda name: name.endswith(".pst"))
