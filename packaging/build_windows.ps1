# Build the Windows release (dist\Muntada\, the portable zip, the installer) and smoke-test it,
# on a Windows machine with Python 3.11+ and NSIS 3 (choco install nsis). The same as
# "python dev.py package"; see packaging\README.md.
$ErrorActionPreference = "Stop"
Set-Location (Split-Path $PSScriptRoot -Parent)
python dev.py package @args
exit $LASTEXITCODE
