"""Checking a zipped document (.docx) before anything reads it, so a zip bomb is refused cheaply.

A .docx is a zip archive. A hostile one of 2 MB can unpack to gigabytes, and python-docx reads
every part into memory. ``check_zip_package`` first reads the zip directory: the sizes the parts
declare, in total and per part, and how much each part expands (its compression ratio). Then it
unpacks every part as a stream, a chunk at a time and throwing the bytes away, counting what
comes out: a part that yields more than it declared, or damaged data, is refused there, before
python-docx reads the package again for real. Memory stays within a chunk plus the zip itself.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from archive.errors import InputFileError

MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # an article with its pictures unpacks to far less
MAX_PART_BYTES = 30 * 1024 * 1024  # one part (the text is one XML part): beyond any article
MAX_PARTS = 5000
MAX_RATIO = 100  # XML compresses 5-20 times; a part 100 times smaller than its content is a bomb
RATIO_CHECKED_ABOVE = 1024 * 1024  # small parts may compress very well (repeated empty markup)
_CHUNK = 1024 * 1024


def check_zip_package(data: bytes, name: str) -> None:
    """Raise ``InputFileError`` unless ``data`` is a zip whose parts unpack to a sane size."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
            _check_directory(infos, name)
            for info in infos:
                _unpack_counting(package, info, name)
    except zipfile.BadZipFile as error:
        raise _damaged(name) from error


def _check_directory(infos: list[zipfile.ZipInfo], name: str) -> None:
    if len(infos) > MAX_PARTS:
        raise _damaged(name)
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        raise _bomb(name)
    for info in infos:
        too_big = info.file_size > MAX_PART_BYTES
        expands = info.file_size > RATIO_CHECKED_ABOVE and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        if too_big or expands:
            raise _bomb(name)


def _unpack_counting(package: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """Unpack one part as a stream, discarding it; refuse it when it yields more than it declared."""
    produced = 0
    try:
        with package.open(info) as part:
            while chunk := part.read(_CHUNK):
                produced += len(chunk)
                if produced > info.file_size or produced > MAX_PART_BYTES:
                    raise _bomb(name)
    except (zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError) as error:
        # damaged deflate data, a truncated part, an unknown compression method, an encrypted part
        raise _damaged(name) from error


def _damaged(name: str) -> InputFileError:
    return InputFileError("{name} is damaged or not a Word document (.docx); open it in Word and save it again.",
                          name=name)


def _bomb(name: str) -> InputFileError:
    return InputFileError("{name} would unpack to more than {limit} MB: it looks like a zip bomb, not a Word "
                          "document, and was not read. If it is a real article, open it in Word and save it again.",
                          name=name, limit=MAX_UNPACKED_BYTES // 2**20)
