"""What every command needs: the chosen archive, settings, language, and how to print.

Commands call ``context.open_archive()`` (opened once, closed when the command ends),
``context.print_json(data)`` for ``--json`` output (dataclasses and dates handled),
``context.say(text)`` for human output, and raise ``MuntadaError`` for anything the user must fix.
``context.locations`` says where every file is (``archive.location.Locations``, resolved once).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archive.location import Locations, resolve_locations
from archive.private_files import make_private_folder
from archive.settings import Settings, load_settings

if TYPE_CHECKING:  # loaded when a command opens the archive: 'muntada --help' and the app's start need none of it
    from archive.db.engine import Archive


@dataclass
class CliContext:
    archive_override: str | None = None
    portable: bool = False
    language_override: str | None = None
    settings: Settings = field(default_factory=Settings)
    args: argparse.Namespace | None = None
    locations: Locations | None = None
    _archive: Archive | None = None

    def __post_init__(self) -> None:
        if self.locations is None:
            self.locations = resolve_locations(self.portable, self.archive_override) \
                .with_archive(self.archive_override or self.settings.archive_path or None)

    @classmethod
    def from_argv(cls, argv: list[str]) -> CliContext:
        """Read the global options before the full parser exists (its help text needs the language)."""
        early = argparse.ArgumentParser(add_help=False)
        early.add_argument("--archive")
        early.add_argument("--portable", action="store_true")
        early.add_argument("--lang", choices=("ar", "en"))
        known, _ = early.parse_known_args(argv)
        locations = resolve_locations(known.portable, known.archive)
        settings = load_settings(locations.settings)
        if not known.archive:
            locations = locations.with_archive(settings.archive_path or None)
        return cls(
            archive_override=known.archive,
            portable=locations.portable,
            language_override=known.lang,
            settings=settings,
            locations=locations,
        )

    @property
    def language(self) -> str:
        return self.language_override or self.settings.language

    @property
    def archive_path(self) -> Path:
        """The archive file this command works on: --archive, else the saved choice, else the default."""
        return self.locations.archive

    @property
    def index_path(self) -> Path:
        """The archive's search index, in this user's data folder (never beside the archive)."""
        return self.locations.index_folder

    def ensure_default_folder(self) -> None:
        """Create the per-user data folder when the default archive is used (never a user-given folder)."""
        if self.locations.is_default_archive:
            make_private_folder(self.locations.data_folder)

    def open_archive(self, create: bool = False) -> Archive:
        """The archive, opened once per command (created only when ``create``)."""
        if self._archive is None:
            if create:
                self.ensure_default_folder()
            elif self.locations.is_default_archive and not self.archive_path.exists():
                # A first run: the data folder is Muntada's to make, so "create the folder first" misled.
                from archive.errors import ArchiveOpenError

                raise ArchiveOpenError("There is no archive at {path}. Run 'muntada init' to create one.",
                                       path=str(self.archive_path))
            from archive.db.engine import open_archive

            self._archive = open_archive(self.archive_path, create=create, officer=self.settings.officer_name)
        return self._archive

    def open_search_index(self, progress=None):
        """The archive's search index, rebuilt when missing or damaged and brought up to date.

        The caller closes it. Imported here so commands that do not search never load Whoosh.
        """
        from search.index import SearchIndex

        return SearchIndex.open(self.index_path, self.open_archive(), progress, self.locations.index_key)

    def close(self) -> None:
        if self._archive is not None:
            self._archive.close()
            self._archive = None

    def say(self, text: str = "") -> None:
        print(text)

    def error(self, text: str) -> None:
        print(text, file=sys.stderr)

    def print_json(self, data: Any) -> None:
        print(json.dumps(to_jsonable(data), ensure_ascii=False, indent=2))


def to_jsonable(value: Any) -> Any:
    """Dataclasses, tuples, paths and dates as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {item.name: to_jsonable(getattr(value, item.name)) for item in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [to_jsonable(item) for item in value]
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    return value
