# Build the Windows app folder (dist\Muntada\Muntada.exe) on a Windows machine with Python 3.11+.
$ErrorActionPreference = "Stop"
Set-Location (Split-Path $PSScriptRoot -Parent)
python -m venv .venv-build
.\.venv-build\Scripts\python -m pip install --upgrade pip
.\.venv-build\Scripts\python -m pip install . "pyinstaller>=6.10"
.\.venv-build\Scripts\pyinstaller --noconfirm --clean packaging\muntada.spec
Write-Host "Built dist\Muntada\Muntada.exe. For a portable copy, put an empty portable.txt beside it."
