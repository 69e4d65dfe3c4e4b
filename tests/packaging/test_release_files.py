"""The release files derived from pyproject.toml: version resources, installer defines, the portable zip."""

from __future__ import annotations

import ast
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.packaging import PACKAGING, load_packaging_module

release = load_packaging_module("release_files")
PYPROJECT = PACKAGING.parent / "pyproject.toml"


def test_the_version_is_the_one_in_pyproject() -> None:
    written = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]
    assert release.project_version(PYPROJECT) == written


def test_no_version_is_written_anywhere_else_in_packaging() -> None:
    version = release.project_version(PYPROJECT)
    for path in PACKAGING.iterdir():
        if path.suffix in (".txt", ".nsi", ".spec", ".ps1") and path.name != "requirements-lock.txt":
            assert version not in path.read_text(encoding="utf-8"), path.name


@pytest.mark.parametrize(("version", "numbers"), [
    ("0.1.0", (0, 1, 0, 0)), ("2", (2, 0, 0, 0)), ("1.2.3rc1", (1, 2, 3, 0)), ("1.2.3.4", (1, 2, 3, 4)),
    ("1.0.dev2", (1, 0, 0, 0)), ("1.0+local", (1, 0, 0, 0)),
])
def test_windows_version_numbers(version: str, numbers: tuple[int, ...]) -> None:
    assert release.windows_version(version) == numbers


@pytest.mark.parametrize("version", ["70000.1", "one.two", ""])
def test_a_version_windows_cannot_store_is_refused(version: str) -> None:
    with pytest.raises(release.ReleaseError):
        release.windows_version(version)


def test_missing_version_is_refused(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(release.ReleaseError, match="no \\[project\\] version"):
        release.project_version(pyproject)


def test_version_info_is_a_python_expression_naming_the_exe() -> None:
    text = release.version_info_text("1.4.2", "muntada-cli.exe")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    tree = ast.parse(body, mode="eval")  # PyInstaller evaluates it
    assert isinstance(tree.body, ast.Call) and tree.body.func.id == "VSVersionInfo"
    assert "filevers=(1, 4, 2, 0)" in text and "'OriginalFilename', 'muntada-cli.exe'" in text
    assert "'ProductVersion', '1.4.2'" in text


def test_the_two_exes_differ_by_more_than_case() -> None:
    assert release.GUI_EXE.lower() != release.CLI_EXE.lower()


def test_nsis_defines(tmp_path: Path) -> None:
    text = release.nsis_defines("1.2.3rc1", tmp_path / "Muntada", tmp_path / "m.ico", tmp_path / "setup.exe")
    assert '!define APP_VERSION "1.2.3rc1"' in text
    assert '!define APP_VERSION_NUMBERS "1.2.3.0"' in text
    assert f'!define APP_FOLDER "{(tmp_path / "Muntada").resolve()}"' in text
    assert '!define CLI_EXE "muntada-cli.exe"' in text


def built_folder(root: Path) -> Path:
    folder = root / "Muntada"
    (folder / "_internal" / "archive").mkdir(parents=True)
    (folder / "Muntada.exe").write_bytes(b"MZ gui")
    (folder / "muntada-cli.exe").write_bytes(b"MZ cli")
    (folder / "_internal" / "archive" / "data.json").write_text("{}", encoding="utf-8")
    return folder


def test_portable_zip_holds_the_folder_and_portable_txt(tmp_path: Path) -> None:
    zip_path = release.write_portable_zip(built_folder(tmp_path), tmp_path / "dist" / "m.zip")
    with zipfile.ZipFile(zip_path) as archive:
        names = set(archive.namelist())
        assert names == {"Muntada/Muntada.exe", "Muntada/muntada-cli.exe", "Muntada/_internal/archive/data.json",
                         "Muntada/portable.txt"}
        assert "MuntadaData" in archive.read("Muntada/portable.txt").decode("utf-8")
    assert not list((tmp_path / "dist").glob("*.partial"))


def test_the_same_folder_gives_the_same_zip(tmp_path: Path) -> None:
    folder = built_folder(tmp_path)
    first = release.write_portable_zip(folder, tmp_path / "a.zip").read_bytes()
    assert release.write_portable_zip(folder, tmp_path / "b.zip").read_bytes() == first


def test_a_folder_without_the_program_is_not_zipped(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(release.ReleaseError):
        release.write_portable_zip(tmp_path / "empty", tmp_path / "m.zip")
    assert not (tmp_path / "m.zip").exists()
