"""The user's settings, declared once each with a default and a translatable title.

Kept as JSON beside the default archive (see ``archive.location``) so the command line and the
desktop app share them. Window layout is the desktop app's own business (QSettings).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from archive.i18n import N_
from archive.location import settings_path
from archive.private_files import create_private_file, make_private_folder


@dataclass(frozen=True)
class Settings:
    language: str = "ar"  # "ar" or "en"
    officer_name: str = ""  # written into the audit trail
    organisation_name: str = ""  # printed on brief covers
    logo_path: str = ""  # image printed on brief covers
    archive_path: str = ""  # empty: the default archive
    paper: str = "a4"  # "a4" or "letter"
    backup_every_days: int = 7  # 0: never; else a backup at start and on close when the newest is this old
    sync_every_minutes: int = 5  # 0: only when asked; else a sync with the team server at start and this often


SETTING_TITLES = {
    "language": N_("Language"),
    "officer_name": N_("Officer's name (for the audit trail)"),
    "organisation_name": N_("Organisation name (on brief covers)"),
    "logo_path": N_("Logo (on brief covers)"),
    "archive_path": N_("Archive location"),
    "paper": N_("Paper size"),
    "backup_every_days": N_("Back up the archive every (days)"),
    "sync_every_minutes": N_("Sync with the team server every (minutes)"),
}


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings; defaults for anything missing or unreadable (a damaged file never stops the app)."""
    path = path or settings_path()
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(saved, dict):
        return Settings()
    known = {field.name: field.type for field in fields(Settings)}
    values: dict[str, Any] = {}
    for name, value in saved.items():
        default = getattr(Settings(), name, None)
        if name in known and isinstance(value, type(default)):
            values[name] = value
    return replace(Settings(), **values)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically (a crash never leaves half a file)."""
    path = path or settings_path()
    make_private_folder(path.parent)
    temporary = path.with_suffix(".tmp")
    temporary.unlink(missing_ok=True)
    create_private_file(temporary)  # for the user alone before anything is written into it
    temporary.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    temporary.replace(path)
