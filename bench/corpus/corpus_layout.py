"""Where the real-press corpus lives and how its files are read and written.

Owns the layout shared by ``annotate.py``, ``check.py`` and ``bench/extraction.py``:

- the local copy (never committed, the texts are third-party): ``<corpus>/texts/<id>.txt``
  (UTF-8, LF line ends, the article as published) and ``<corpus>/work/<id>.json`` (working
  annotations holding quoted strings); ``<corpus>`` is ``--corpus DIR``, else the environment
  variable ``MUNTADA_CORPUS``, else ``~/.cache/muntada-corpus``;
- the committed facts: ``bench/corpus/manifest.tsv`` (one row per article),
  ``bench/corpus/annotations/<id>.json`` (spans as character offsets with the sha256 of each
  span's UTF-8 bytes) and the lists of the fresh sets, ``HELD_OUT_SETS`` (``fresh.tsv``,
  ``fresh2.tsv``, ``fresh3.tsv``, ``fresh4.tsv``, ``fresh5.tsv``, ``fresh6.tsv``, ``fresh7.tsv``,
  ``fresh8.tsv``, ``fresh9.tsv``, ``fresh10.tsv``, ``fresh11.tsv``, ``fresh12.tsv``: the ids of articles
  from outlets new to the manifest, each held out of every table until it is studied; the last one is the measure now).

Offsets count Python characters (code points) of the decoded text, as ``text[start:end]``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.tsv"
ANNOTATIONS = HERE / "annotations"
FRESH = HERE / "fresh.tsv"
HALVES = "halves.tsv"  # beside the manifest: the ids of halves A and B
MANIFEST_COLUMNS = ("id", "address", "outlet", "country", "genre", "complete", "chars", "sha256")
GENRES = ("forum", "summit", "press-conference", "ministerial", "release", "interview", "feature")
QUOTE_KINDS = ("direct", "indirect", "continuation")
SPEAKER_KINDS = ("person", "organisation", "group", "none")


@dataclass(frozen=True)
class HeldOutSet:
    """A fresh set: the ids listed in ``<name>.tsv`` beside the manifest, left out of every table
    unless asked for by ``--<name>``. ``studied``: its misses have been read to change rules, so it
    no longer measures unseen outlets (its table is still printed, to compare round to round)."""

    name: str
    ordinal: str
    studied_since: str | None

    @property
    def file_name(self) -> str:
        return f"{self.name}.tsv"

    @property
    def label(self) -> str:
        return f"{self.name.upper()} ({'studied' if self.studied_since else 'held out'})"

    @property
    def heading(self) -> str:
        if self.studied_since is None:
            return f"{self.ordinal.capitalize()} fresh held-out set (bench/corpus/{self.file_name}; never tuned on)"
        return (f"{self.ordinal.capitalize()} fresh set (bench/corpus/{self.file_name}; studied from "
                f"{self.studied_since} on, no longer held out: {HELD_OUT_SETS[-1].name} is the measure now)")


HELD_OUT_SETS = (  # oldest first; the last one is the measure now (never studied)
    HeldOutSet("fresh", "first", "2026-12-02's fourth session"),
    HeldOutSet("fresh2", "second", "2026-12-02 18:00"),
    HeldOutSet("fresh3", "third", "2026-12-02 20:00"),
    HeldOutSet("fresh4", "fourth", "2026-12-02 21:00"),
    HeldOutSet("fresh5", "fifth", "2026-12-02 21:15"),
    HeldOutSet("fresh6", "sixth", "2026-12-02 21:35"),
    HeldOutSet("fresh7", "seventh", "2026-12-02 21:50"),
    HeldOutSet("fresh8", "eighth", "2026-12-02 22:40"),
    HeldOutSet("fresh9", "ninth", "2026-12-03 00:25"),
    HeldOutSet("fresh10", "tenth", "2026-12-03 04:45"),
    HeldOutSet("fresh11", "eleventh", "2026-12-03 07:00"),
    HeldOutSet("fresh12", "twelfth", None),
)
HELD_OUT_NAMES = tuple(held_out.name for held_out in HELD_OUT_SETS)


class CorpusError(Exception):
    """A corpus file that is missing, unreadable or disagrees with the facts recorded about it."""


@dataclass(frozen=True)
class CorpusPaths:
    """The local copy's folders."""

    root: Path

    @property
    def texts(self) -> Path:
        return self.root / "texts"

    @property
    def work(self) -> Path:
        return self.root / "work"

    def text_path(self, article_id: str) -> Path:
        return self.texts / f"{article_id}.txt"

    def work_path(self, article_id: str) -> Path:
        return self.work / f"{article_id}.json"


def corpus_paths(option: str | None = None) -> CorpusPaths:
    """The local copy named on the command line, else by MUNTADA_CORPUS, else the default one."""
    chosen = option or os.environ.get("MUNTADA_CORPUS") or Path.home() / ".cache" / "muntada-corpus"
    return CorpusPaths(Path(chosen).expanduser())


def sha256_hex(data: bytes | str) -> str:
    """The sha256 of bytes, or of a string's UTF-8 bytes."""
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def read_text(path: Path) -> str:
    """An article's text, decoded strictly as UTF-8 with no newline translation."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise CorpusError(f"{path}: no such text") from error
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorpusError(f"{path}: not UTF-8 ({error.reason} at byte {error.start})") from error


def span_record(text: str, start: int, end: int) -> dict:
    """The committed form of a span: its offsets and the sha256 of its UTF-8."""
    return {"start": start, "end": end, "sha256": sha256_hex(text[start:end])}


def span_text(text: str, record: dict) -> str:
    """The article's words a committed span points at; CorpusError when its hash disagrees."""
    start, end = record["start"], record["end"]
    if not 0 <= start < end <= len(text):
        raise CorpusError(f"span {start}-{end} outside the text ({len(text)} characters)")
    words = text[start:end]
    if sha256_hex(words) != record["sha256"]:
        raise CorpusError(f"span {start}-{end} no longer holds the annotated words")
    return words


def find_occurrence(text: str, snippet: str, occurrence: int = 1) -> int:
    """Offset of the n-th occurrence (1-based) of an exact snippet, or -1."""
    start = -1
    for _ in range(occurrence):
        start = text.find(snippet, start + 1)
        if start < 0:
            return -1
    return start


def read_manifest(path: Path = MANIFEST) -> dict[str, dict[str, str]]:
    """The manifest's rows by id (empty when there is no manifest yet)."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        if tuple(reader.fieldnames or ()) != MANIFEST_COLUMNS:
            raise CorpusError(f"{path}: the header is not {' '.join(MANIFEST_COLUMNS)}")
        return {row["id"]: row for row in reader}


def write_manifest(rows: dict[str, dict[str, str]], path: Path = MANIFEST) -> None:
    """Write the manifest sorted by id (written beside it and renamed into place)."""
    partial = path.with_suffix(".tsv.partial")
    with partial.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        writer.writerow(MANIFEST_COLUMNS)
        for article_id in sorted(rows):
            writer.writerow([rows[article_id][column] for column in MANIFEST_COLUMNS])
    partial.replace(path)


def read_fresh(path: Path = FRESH) -> set[str]:
    """The ids of a fresh set (``fresh.tsv``, ``fresh2.tsv``...; empty when there is no list): one
    ``id`` column under a header, lines starting with ``#`` being comments."""
    if not path.exists():
        return set()
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    rows = [line for line in lines if line and not line.startswith("#")]
    if not rows or rows[0] != "id":
        raise CorpusError(f"{path}: the header is not id")
    return set(rows[1:])


def held_out_ids(manifest: Path = MANIFEST, lists: dict[str, Path] | None = None) -> dict[str, set[str]]:
    """Each fresh set's ids by name, read from ``lists[name]`` when given, else from the list beside
    the manifest."""
    lists = lists or {}
    return {held_out.name: read_fresh(lists.get(held_out.name) or manifest.with_name(held_out.file_name))
            for held_out in HELD_OUT_SETS}


def halves_ids(manifest: Path = MANIFEST, lists: dict[str, Path] | None = None) -> set[str] | None:
    """The ids of halves A and B, read from ``lists["halves"]`` when given, else from ``halves.tsv``
    beside the manifest; None when there is no such list (every row in no fresh set is then a half's).

    With the list, a manifest row is scored only once a list names it: a row added while its fresh
    set is being made, before that set's list holds it, never enters the halves' tables.
    """
    path = (lists or {}).get("halves") or manifest.with_name(HALVES)
    return read_fresh(path) if path.exists() else None


def read_annotation(article_id: str, folder: Path = ANNOTATIONS) -> dict:
    """One committed annotation."""
    return json.loads((folder / f"{article_id}.json").read_text(encoding="utf-8"))


def annotation_ids(folder: Path = ANNOTATIONS) -> list[str]:
    """The ids of every committed annotation."""
    return sorted(path.stem for path in folder.glob("*.json")) if folder.is_dir() else []
