"""Where the team server's address and password are kept between commands.

The address, without its password, is saved in ``team.json`` in the data folder, beside
``settings.json`` (the user's alone, like it). The password goes to the operating system's
credential store through ``keyring`` (Windows Credential Manager, macOS Keychain, the Secret
Service on Linux), under the service ``Muntada team server`` and the key ``USER@HOST/DATABASE``.
It is never written into a file of ours. Where no credential store is available, the password
works for the command it was given to, and the caller is told it could not be kept.
"""

from __future__ import annotations

import json
from pathlib import Path

import keyring
from keyring.errors import KeyringError

from archive.private_files import create_private_file, make_private_folder
from archive.team.errors import TeamAddressError
from archive.team.server import TeamAddress, parse_address

TEAM_FILE = "team.json"
KEYRING_SERVICE = "Muntada team server"


def save_address(data_folder: Path, address: TeamAddress) -> Path:
    """Remember ``address`` (never a password) as this desktop's team server; returns the file written."""
    make_private_folder(data_folder)
    path = data_folder / TEAM_FILE
    temporary = path.with_suffix(".tmp")
    temporary.unlink(missing_ok=True)
    create_private_file(temporary)
    temporary.write_text(json.dumps({"server": address.display}, ensure_ascii=False, indent=2), encoding="utf-8")
    temporary.replace(path)
    return path


def saved_address(data_folder: Path) -> TeamAddress | None:
    """The team server this desktop was set up with (``team init``/``team push``), or None."""
    try:
        saved = json.loads((data_folder / TEAM_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    server = saved.get("server") if isinstance(saved, dict) else None
    if not isinstance(server, str) or not server:
        return None
    try:
        return parse_address(server)[0]
    except TeamAddressError:
        return None


def address_to_use(data_folder: Path, given: str | None) -> tuple[TeamAddress, str | None]:
    """The address given on the command line (with any password in it), else the saved one.

    Raises ``TeamAddressError`` when neither is there.
    """
    if given:
        return parse_address(given)
    address = saved_address(data_folder)
    if address is None:
        raise TeamAddressError(
            "No team server is set up on this computer. Give its address: to join a team archive, "
            "muntada sync postgresql://USER@HOST/DATABASE; to prepare a new one, muntada team init "
            "postgresql://USER@HOST/DATABASE")
    return address, None


def store_password(address: TeamAddress, password: str) -> bool:
    """Keep ``password`` in the credential store; False when there is no usable store."""
    try:
        keyring.set_password(KEYRING_SERVICE, address.credential_name, password)
    except KeyringError:
        return False
    return True


def credential_store_available() -> bool:
    """Whether this computer has a credential store that keyring can use (Windows always has one)."""
    try:
        keyring.get_password(KEYRING_SERVICE, "")
    except KeyringError:
        return False
    return True


def stored_password(address: TeamAddress) -> str | None:
    """The password kept for ``address``, or None (none kept, or no usable store: libpq's own
    ``PGPASSWORD`` and ``.pgpass`` still apply then)."""
    try:
        return keyring.get_password(KEYRING_SERVICE, address.credential_name)
    except KeyringError:
        return None
