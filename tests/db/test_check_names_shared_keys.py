"""``muntada check`` names the records whose names read alike after migration 0009 (issue 10): both stay, the
officer decides (``archive.services.maintenance.check_archive`` adds
``archive.services.name_keys.shared_key_notes`` to its notes)."""

from __future__ import annotations

from pathlib import Path

from archive.services import people
from archive.services.records import PersonInput
from desktop.cli import main


def test_check_names_two_people_spelled_alike_and_stays_sound(archive, capsys) -> None:
    first = people.create_person(archive, PersonInput(name="هشام الكندي"))
    second = people.create_person(archive, PersonInput(name="ھشام الڪندی"))
    path = Path(archive.path)
    archive.close()
    assert main(["--archive", str(path), "--lang", "en", "check"]) == 0
    out = capsys.readouterr().out
    assert f"Person: {first.id} «هشام الكندي», {second.id} «ھشام الڪندی» are spelled alike." in out
    assert "The archive is sound." in out
    assert main(["--archive", str(path), "--lang", "ar", "check"]) == 0
    assert f"{first.id} «هشام الكندي»، {second.id} «ھشام الڪندی»" in capsys.readouterr().out
