"""Importing articles into an archive, and turning reviewed proposals into records.

``import_files(archive, paths)`` reads each file (folders are walked), stores the article as a
Source at once and keeps its extraction proposals in the ``import_review`` table, pending the
officer's review: the source and its proposals are written in one transaction, so a file is
either fully imported or not at all. The same text imported again changes nothing and says so
(the sources' content hash). ``accept_proposals`` creates the event, sessions, people, quotes and
figures the officer accepted, through the archive services, linking people already known across
spellings, in one transaction with the closing of the review: all of them or none. With
``accept_all`` the source itself joins that transaction, so a file whose proposals cannot be
accepted leaves nothing behind and is reported as skipped, with the reason; the other files go on.

One file never stops the others: whatever goes wrong with it (unreadable, hostile, refused by
the archive, the archive busy) is one result saying so, and the batch goes on. Folders are walked
without following links out of them (``find_files``): a link to a file or folder elsewhere is
reported as skipped. Two processes importing the same text at the same moment: the one that
stores it second reports it as already in the archive, as any duplicate.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DatabaseError, IntegrityError

from archive.db import models as m
from archive.db.engine import Archive
from archive.db.models import ImportReview
from archive.errors import ArchiveBusyError, InputFileError, MuntadaError, RecordNotFoundError, ValidationError
from archive.i18n import tr
from archive.importing.extraction import extract, proposals_to_json
from archive.importing.file_names import shown_file_name
from archive.importing.readers import SUPPORTED_SUFFIXES, DecodedDocument, read_document
from archive.services import convert
from archive.services.sources import content_hash
from archive.services.unit import WriteUnit, clean_text, write_unit

Progress = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]
_COUNTED = ("quotes", "statistics", "people", "sessions", "further_quotes")
BUSY_ATTEMPTS = 2  # tries to store one file while another process keeps the archive busy


@dataclass(frozen=True)
class ImportResult:
    """What happened to one file: imported (``source_id``), already there (``duplicate``) or skipped."""

    file: str
    source_id: int | None
    duplicate: bool = False
    skipped: str | None = None  # why the file was not imported, in the user's language
    counts: dict[str, int] = field(default_factory=dict)
    accepted: bool = False
    records: AcceptedRecords | None = None  # what accepting created or linked (with ``accept_all``)
    warnings: tuple[str, ...] = ()  # what was lost reading it (damaged bytes), in the user's language
    concurrent: bool = False  # a duplicate because another process stored the same text at the same moment


@dataclass(frozen=True)
class FoundFile:
    """A file to import, or a link that was not followed (``refused`` says why)."""

    path: Path
    refused: str | None = None

    @property
    def name(self) -> str:
        return shown_file_name(self.path.name)


@dataclass(frozen=True)
class PendingReview:
    source_id: int
    file_name: str | None
    title: str | None
    outlet: str | None
    created_at: datetime
    counts: dict[str, int]
    proposals: dict[str, Any]


@dataclass(frozen=True)
class ReviewChoices:
    """The officer's decisions on one article's proposals.

    Each mapping goes from a proposal's index in its list to the fields the officer corrected
    (an empty mapping accepts it as proposed); an index left out is rejected. ``None`` accepts
    every proposal of that list. ``event`` is None (accept), False (reject) or the corrected fields.
    """

    event: Mapping[str, object] | bool | None = None
    quotes: Mapping[int, Mapping[str, object]] | None = None
    statistics: Mapping[int, Mapping[str, object]] | None = None
    further_quotes: Mapping[int, Mapping[str, object]] | None = None  # continuations are quotes like any other
    sessions: Mapping[int, Mapping[str, object]] | None = None  # kept only with an accepted event


@dataclass(frozen=True)
class AcceptedRecords:
    source_id: int
    event_id: int | None
    person_ids: tuple[int, ...]
    quote_ids: tuple[int, ...]
    statistic_ids: tuple[int, ...]
    session_ids: tuple[int, ...] = ()


def import_files(archive: Archive, paths: Iterable[Path | str], accept_all: bool = False,
                 progress: Progress | None = None, cancel: CancelCheck | None = None) -> list[ImportResult]:
    """Import every supported file of ``paths`` (folders included); one result per file, in order.

    ``progress(done, total, file_name)`` is called after each file; when ``cancel()`` turns true the
    remaining files are left untouched (files already imported stay, each complete).
    """
    archive.require_writable()
    files = find_files(paths)
    results: list[ImportResult] = []
    for done, found in enumerate(files, start=1):
        if cancel is not None and cancel():
            break
        if found.refused is not None:
            results.append(ImportResult(found.name, None, skipped=found.refused))
        else:
            results.append(_import_one(archive, found.path, accept_all))
        if progress is not None:
            progress(done, len(files), found.name)
    return results


def import_document(archive: Archive, document: DecodedDocument, accept_all: bool = False) -> ImportResult:
    """Import an already decoded document (e.g. pasted text).

    With ``accept_all`` the source and every record made from its proposals are stored in one
    transaction: when one of them cannot be stored, nothing of the document is, and the error
    (a ``MuntadaError``, or the database's own) is raised.
    """
    return _import_extracted(archive, document, proposals_to_json(extract(document.text)), accept_all)


def _import_extracted(archive: Archive, document: DecodedDocument, proposals: dict[str, Any],
                      accept_all: bool) -> ImportResult:
    counts = _counts(proposals)
    with write_unit(archive) as unit:
        source_id, duplicate = _store(unit, document, proposals)
        if duplicate:
            return ImportResult(document.file_name, source_id, duplicate=True, counts=counts,
                                warnings=document.warnings)
        records = _accept_all(archive, unit, source_id) if accept_all else None
    return ImportResult(document.file_name, source_id, counts=counts, accepted=accept_all, records=records,
                        warnings=document.warnings)


def collect_files(paths: Iterable[Path | str]) -> list[Path]:
    """The files to import: given files as they are, folders walked for supported files (sorted)."""
    return [found.path for found in find_files(paths) if found.refused is None]


def find_files(paths: Iterable[Path | str]) -> list[FoundFile]:
    """Given files as they are; folders walked for supported files (sorted), links out of them refused."""
    files: list[FoundFile] = []
    for given in paths:
        path = Path(given)
        files.extend(_walk_folder(path) if path.is_dir() else [FoundFile(path)])
    return files


def _walk_folder(folder: Path) -> list[FoundFile]:
    """Supported files under ``folder``; a link (file or folder) resolving outside it is refused, not followed."""
    inside = folder.resolve()
    shown_folder = shown_file_name(str(folder))
    found: list[FoundFile] = []
    for directory, subfolders, names in os.walk(folder):  # os.walk does not enter symbolic links to folders
        for subfolder in list(subfolders):
            linked = Path(directory, subfolder)
            if not _resolves_inside(linked, inside):  # a symbolic link, or a Windows junction (os.walk enters those)
                subfolders.remove(subfolder)
                found.append(FoundFile(linked, tr("it is a link to a folder outside {folder}; links out of the "
                                                  "folder imported are not followed.", folder=shown_folder)))
        for name in names:
            path = Path(directory, name)
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            if not _resolves_inside(path, inside):
                found.append(FoundFile(path, tr("it is a link to a file outside {folder}; links out of the "
                                                "folder imported are not followed.", folder=shown_folder)))
            elif path.is_file():
                found.append(FoundFile(path))
    return sorted(found, key=lambda item: item.path)


def _resolves_inside(link: Path, folder: Path) -> bool:
    try:
        return link.resolve().is_relative_to(folder)
    except (OSError, RuntimeError):  # a loop of links
        return False


def pending_reviews(archive: Archive) -> list[PendingReview]:
    """Imported articles whose proposals wait for review, oldest first."""
    with archive.session() as session:
        rows = session.execute(
            select(ImportReview, m.Source).join(m.Source, m.Source.id == ImportReview.source_id)
            .where(ImportReview.status == "pending").order_by(ImportReview.id)).all()
        return [PendingReview(source.id, source.file_name, source.title, source.outlet, review.created_at,
                              _counts(review.proposals), review.proposals) for review, source in rows]


def get_review(archive: Archive, source_id: int) -> PendingReview:
    """The proposals kept for one imported source (pending or already decided)."""
    with archive.session() as session:
        review = session.scalar(select(ImportReview).where(ImportReview.source_id == source_id))
        source = session.get(m.Source, source_id)
        if review is None or source is None:
            raise RecordNotFoundError("No proposals are kept for source {id}.", id=source_id)
        return PendingReview(source.id, source.file_name, source.title, source.outlet, review.created_at,
                             _counts(review.proposals), review.proposals)


def accept_proposals(archive: Archive, source_id: int, choices: ReviewChoices | None = None) -> AcceptedRecords:
    """Create the records the officer accepted from a source's proposals, and close its review.

    One transaction: when any record cannot be stored (a ``ValidationError`` for a corrected field,
    say), nothing is, the review stays pending and the error is raised. A review already decided
    is refused, so the same proposals never make records twice.
    """
    with write_unit(archive) as unit:
        return _accept(archive, unit, source_id, choices or ReviewChoices())


def reject_proposals(archive: Archive, source_id: int) -> None:
    """Close a source's review without creating anything (the source itself stays)."""
    with write_unit(archive) as unit:
        _close_review(archive, unit, source_id, None)


def _import_one(archive: Archive, path: Path, accept_all: bool) -> ImportResult:
    """Read, extract and store one file; whatever goes wrong is this file's result, never the batch's end."""
    name = shown_file_name(path.name)
    try:
        document = read_document(path)
        proposals = proposals_to_json(extract(document.text))
    except MuntadaError as error:
        return ImportResult(name, None, skipped=error.user_message())
    except (RecursionError, MemoryError):
        return ImportResult(name, None, skipped=tr("it is too large or too deeply nested to be read safely; "
                                                   "nothing of it was stored."))
    try:
        return _store_retrying_when_busy(archive, document, proposals, accept_all)
    except ArchiveBusyError:
        return ImportResult(name, None, skipped=tr("the archive was busy (another program was writing to it), "
                                                   "so nothing of it was stored; import it again."),
                            warnings=document.warnings)
    except IntegrityError as error:
        existing = _source_with_text(archive, document)
        if existing is not None:  # stored by another process between our check and our write
            return ImportResult(name, existing, duplicate=True, concurrent=True, warnings=document.warnings)
        return _refused(name, error)
    except MuntadaError as error:
        return ImportResult(name, None, skipped=error.user_message(), warnings=document.warnings)
    except DatabaseError as error:  # e.g. a constraint the archive enforces; the transaction was rolled back
        return _refused(name, error)


def _store_retrying_when_busy(archive: Archive, document: DecodedDocument, proposals: dict[str, Any],
                              accept_all: bool) -> ImportResult:
    # Another process importing at the same time holds the write lock file after file; the
    # engine already waited for it, and one more wait usually gets in (the transaction was rolled back).
    for _ in range(BUSY_ATTEMPTS - 1):
        try:
            return _import_extracted(archive, document, proposals, accept_all)
        except ArchiveBusyError:
            continue
    return _import_extracted(archive, document, proposals, accept_all)


def _refused(name: str, error: DatabaseError) -> ImportResult:
    reason = str(error.orig) if error.orig is not None else type(error).__name__
    return ImportResult(name, None, skipped=tr("the archive refused it, so nothing of it was stored: {reason}",
                                               reason=reason))


def _source_with_text(archive: Archive, document: DecodedDocument) -> int | None:
    with archive.session() as session:
        return session.scalar(select(m.Source.id).where(m.Source.content_hash == content_hash(document.text)))


def _accept(archive: Archive, unit: WriteUnit, source_id: int, choices: ReviewChoices) -> AcceptedRecords:
    """Create the accepted records and close the review, all inside ``unit``'s transaction."""
    from archive.importing import acceptance

    review = _pending_review(unit, source_id)
    records = acceptance.create_records(unit, source_id, review.proposals, choices)
    _close_review(archive, unit, source_id, records)
    return records


def _accept_all(archive: Archive, unit: WriteUnit, source_id: int) -> AcceptedRecords:
    try:
        return _accept(archive, unit, source_id, ReviewChoices())
    except MuntadaError as error:  # raised on, so the whole file's transaction is rolled back
        raise ValidationError("its proposals could not be accepted, so nothing of it was stored: {reason}",
                              reason=error.user_message()) from error


def _pending_review(unit: WriteUnit, source_id: int) -> ImportReview:
    review = unit.session.scalar(select(ImportReview).where(ImportReview.source_id == source_id))
    if review is None:
        raise RecordNotFoundError("No proposals are kept for source {id}.", id=source_id)
    if review.status != "pending":
        raise ValidationError("The proposals of source {id} were already reviewed.", id=source_id)
    return review


def _store(unit: WriteUnit, document: DecodedDocument, proposals: dict[str, Any]) -> tuple[int, bool]:
    """Store the source and its pending proposals in ``unit``; (source id, already there)."""
    digest = content_hash(document.text)
    existing = unit.session.scalar(select(m.Source.id).where(m.Source.content_hash == digest))
    if existing is not None:
        return existing, True
    row = m.Source(full_text=document.text, content_hash=digest, kind="article",
                   outlet=clean_text(proposals.get("outlet")), title=_title(proposals),
                   dateline=_dateline(proposals), file_name=clean_text(document.file_name))
    unit.session.add(row)
    unit.session.flush()
    audit_form = convert.to_source_input(row).__dict__ | {"full_text": None, "content_hash": digest}
    unit.record("create", "source", row.id, after=audit_form)
    unit.session.add(ImportReview(source_id=row.id, status="pending", proposals=proposals,
                                  proposal_count=sum(_counts(proposals).values())))
    unit.session.flush()
    return row.id, False


def _close_review(archive: Archive, unit: WriteUnit, source_id: int, records: AcceptedRecords | None) -> None:
    review = _pending_review(unit, source_id)
    review.status = "done"
    review.decided_at = datetime.now(UTC).replace(tzinfo=None)
    review.decisions = {"officer": archive.officer, "accepted": _decisions(records)}


def _decisions(records: AcceptedRecords | None) -> dict[str, object]:
    if records is None:
        return {"event": None, "quotes": [], "statistics": []}
    return {"event": records.event_id, "quotes": list(records.quote_ids), "statistics": list(records.statistic_ids),
            "people": list(records.person_ids), "sessions": list(records.session_ids)}


def _counts(proposals: Mapping[str, Any]) -> dict[str, int]:
    counts = {name: len(proposals.get(name) or ()) for name in _COUNTED}
    counts["event"] = 1 if proposals.get("event") else 0
    return counts


def _title(proposals: Mapping[str, Any]) -> str | None:
    headline = proposals.get("headline")
    title = clean_text(headline["text"]) if headline else None
    return title[:600] if title else None


def _dateline(proposals: Mapping[str, Any]) -> str | None:
    dateline = proposals.get("dateline")
    if not dateline:
        return None
    return clean_text(" - ".join(part for part in (dateline.get("city"), dateline.get("outlet")) if part))


__all__ = [
    "AcceptedRecords",
    "FoundFile",
    "ImportResult",
    "InputFileError",
    "PendingReview",
    "ReviewChoices",
    "ValidationError",
    "accept_proposals",
    "collect_files",
    "find_files",
    "get_review",
    "import_document",
    "import_files",
    "pending_reviews",
    "reject_proposals",
]
