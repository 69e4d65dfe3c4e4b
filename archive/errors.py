"""The errors Muntada reports to its users.

Every error a user can meet is a ``MuntadaError``: it carries an English message (translated
when shown, through ``archive.i18n``) that says what happened and what to do. The command line
prints it as one line; the desktop app shows it in a dialog. Anything else is a bug.
"""

from __future__ import annotations

from archive.i18n import tr

LABEL_PARAMS = ("kind", "field")  # the parameters that hold a label marked for translation


class MuntadaError(Exception):
    """A failure to report to the user: ``message`` is English with ``{params}``, translated on display."""

    exit_code = 2

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message.format(**params) if params else message)
        self.message = message
        self.params = params

    def user_message(self, language: str | None = None) -> str:
        """The message in the user's language."""
        params = {  # a record kind or field label is a message; every other parameter is data, shown as is
            key: tr(value, language=language) if key in LABEL_PARAMS and isinstance(value, str) else value
            for key, value in self.params.items()
        }
        return tr(self.message, language=language, **params)


class ArchiveOpenError(MuntadaError):
    """The archive file cannot be opened (not SQLite, too new, missing folder, ...)."""


class ArchiveReadOnlyError(MuntadaError):
    """A change was asked of an archive that can only be read."""


class ArchiveBusyError(MuntadaError):
    """Another program holds the archive locked for longer than we wait."""


class ArchiveDiskFullError(MuntadaError):
    """The disk (or the file system's largest file size) holding the archive left no room for a change."""


class EditConflictError(MuntadaError):
    """An edit of fields that someone else changed, to other values, since the form was filled.

    ``stored`` (a parameter, not shown) holds the record's input as it is now.
    """


class RecordNotFoundError(MuntadaError):
    """A record asked for by kind and id does not exist."""


class ValidationError(MuntadaError):
    """Input that cannot be stored as given; the message says which field and why."""


class InputFileError(MuntadaError):
    """A file given to import or read cannot be used (empty, binary, unknown encoding, ...)."""
