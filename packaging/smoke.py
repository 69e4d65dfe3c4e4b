"""Smoke test of a built Muntada (the frozen program, not the source), on Windows or Linux.

    python packaging/smoke.py dist/Muntada                         a built folder
    python packaging/smoke.py dist/Muntada-<version>-portable-win64.zip   unzipped first, then tested
    python packaging/smoke.py --keep out/ dist/Muntada    keep the brief PDF and screenshots in out/

Runs the folder's console program (``muntada-cli.exe``; ``muntada-cli`` on Linux) as a user would,
each command in portable mode, with the user's folders (HOME, XDG_*, APPDATA, LOCALAPPDATA,
USERPROFILE, TEMP) pointing into an empty sandbox and MUNTADA_HOME unset:

``--help``; ``demo``; ``info --json`` (the sample's counts); ``search``; the app started on the
sample in start-up probe mode (``packaging/startup_probe.py``, its data folder in ``MuntadaData``):
its window icon, an SVG, is drawn (Qt's SVG plugins are in the build), its search process
answers a first query, and the start-up times are printed; ``brief`` (a PDF whose
fonts are all embedded); ``show`` of a missing record (a one-line error and a non-zero exit code
must reach the terminal); ``gui --screenshot`` of the brief view with both programs (the windowed
one included) whose PDF preview is rendered; then nothing may have appeared outside the program's
folder but what the test itself asked for (nor in the user's real data folder, which on Windows
does not follow LOCALAPPDATA), and inside it nothing outside ``MuntadaData``.
Prints one line per check; exits 1 when any fails. The test leaves the folder as it found it
(a folder is copied to a temporary place first).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

CLI_NAMES = ("muntada-cli.exe", "muntada-cli")
GUI_NAMES = ("Muntada.exe", "Muntada")
DATA_FOLDER = "MuntadaData"  # archive.location.PORTABLE_FOLDER
SEARCH_WORD = "التواصل"  # found in the sample archive
PREVIEW_MIN_WIDTH = 400  # the preview page is 420 pixels wide (desktop/gui/brief_dialog.py)
PREVIEW_MIN_ROWS = 300  # of its ~594 rows, those without text are white from edge to edge
TIMEOUT_S = 300


class SmokeFailure(Exception):
    """One check of the smoke test failed (its message says which and why)."""


@dataclass
class Sandbox:
    """An empty home for the program, the folder under test, and a place for the files asked for."""

    root: Path
    program: Path
    outputs: Path = field(init=False)
    home: Path = field(init=False)

    def __post_init__(self) -> None:
        self.outputs = self.root / "outputs"
        self.home = self.root / "home"
        for folder in (self.outputs, self.home):
            folder.mkdir(parents=True)

    def environment(self) -> dict[str, str]:
        environment = {name: value for name, value in os.environ.items()
                       if not name.startswith(("XDG_", "MUNTADA_"))}
        home = str(self.home)
        environment.update(HOME=home, USERPROFILE=home, APPDATA=str(self.home / "AppData" / "Roaming"),
                           LOCALAPPDATA=str(self.home / "AppData" / "Local"), TEMP=home, TMP=home, TMPDIR=home,
                           XDG_DATA_HOME=str(self.home / ".local" / "share"),
                           XDG_CONFIG_HOME=str(self.home / ".config"),
                           XDG_CACHE_HOME=str(self.home / ".cache"), XDG_STATE_HOME=str(self.home / ".local" / "state"),
                           QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
        return environment

    def executable(self, names: tuple[str, ...]) -> Path:
        for name in names:
            if (self.program / name).is_file():
                return self.program / name
        raise SmokeFailure(f"none of {', '.join(names)} in {self.program}")

    def run(self, *arguments: str, names: tuple[str, ...] = CLI_NAMES) -> subprocess.CompletedProcess:
        """Run the program with ``--portable`` and ``arguments`` from the outputs folder."""
        command = [str(self.executable(names)), "--portable", *arguments]
        return subprocess.run(command, cwd=self.outputs, env=self.environment(), capture_output=True,
                              timeout=TIMEOUT_S, encoding="utf-8", errors="replace", check=False)


def succeeded(result: subprocess.CompletedProcess, what: str) -> str:
    if result.returncode != 0:
        raise SmokeFailure(f"{what} exited {result.returncode}: {(result.stderr or result.stdout).strip()[-800:]}")
    return result.stdout


def check_help(sandbox: Sandbox) -> str:
    output = succeeded(sandbox.run("--help"), "--help")
    if "brief" not in output or "search" not in output:
        raise SmokeFailure(f"--help does not list the commands: {output[:300]}")
    return f"{len(output.splitlines())} lines"


def check_demo_and_info(sandbox: Sandbox) -> str:
    succeeded(sandbox.run("demo"), "demo")
    info = json.loads(succeeded(sandbox.run("--lang", "en", "info", "--json"), "info --json"))
    counts = info["counts"]
    if not info.get("is_sample") or counts.get("quote", 0) < 10 or counts.get("event", 0) < 1:
        raise SmokeFailure(f"info shows no sample archive: {info}")
    archive = Path(info["path"]).resolve()
    if archive.parent != (sandbox.program / DATA_FOLDER).resolve():
        raise SmokeFailure(f"the portable archive is at {archive}, not in {sandbox.program / DATA_FOLDER}")
    return f"{counts['quote']} quotes, {counts['event']} events, schema {info['schema_version']}"


def check_search(sandbox: Sandbox) -> str:
    output = succeeded(sandbox.run("search", "--json", SEARCH_WORD), "search")
    hits = json.loads(output)
    hits = hits.get("hits", hits) if isinstance(hits, dict) else hits
    if not hits:
        raise SmokeFailure(f"search {SEARCH_WORD} found nothing in the sample archive")
    return f"{len(hits)} results for {SEARCH_WORD}"


def check_app_start(sandbox: Sandbox) -> str:
    """The app (console exe, probe mode) starts on the sample, draws its icon and answers a first search."""
    data = sandbox.program / DATA_FOLDER
    environment = {**sandbox.environment(), "MUNTADA_STARTUP_PROBE": str(data / "archive.sqlite"),
                   "MUNTADA_STARTUP_PROBE_QUERY": SEARCH_WORD, "MUNTADA_HOME": str(data)}
    result = subprocess.run([str(sandbox.executable(CLI_NAMES))], cwd=sandbox.outputs, env=environment,
                            capture_output=True, timeout=TIMEOUT_S, encoding="utf-8", errors="replace", check=False)
    lines = [line for line in succeeded(result, "start-up probe").splitlines() if line.startswith("{")]
    if not lines:
        raise SmokeFailure(f"the start-up probe printed no times: {(result.stdout + result.stderr).strip()[-800:]}")
    times = json.loads(lines[-1])
    if not times.get("window_icon_drawn"):
        raise SmokeFailure("the window icon (desktop/gui/muntada-icon.svg) cannot be drawn: Qt's SVG plugins "
                           "(iconengines, imageformats) or the icon file are missing from the build")
    if not times.get("first_search_hits"):
        raise SmokeFailure(f"the app's search process answered no first search for {SEARCH_WORD}: {times}")
    return (f"icon drawn; window shown {times['window_shown']:.2f} s, first search answered "
            f"{times['first_search']:.2f} s ({times['first_search_hits']} results) after start")


def check_brief(sandbox: Sandbox) -> str:
    pdf = sandbox.outputs / "brief.pdf"
    succeeded(sandbox.run("brief", "--event", "1", "-o", str(pdf)), "brief")
    return fonts_embedded(pdf)


def fonts_embedded(pdf: Path) -> str:
    """Check every font of ``pdf`` carries its font file; returns their names."""
    from pypdf import PdfReader

    names: set[str] = set()
    missing: set[str] = set()
    for page in PdfReader(pdf).pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font", {})
        for reference in fonts.get_object().values():
            font = reference.get_object()
            descriptor = font
            if "/DescendantFonts" in font:  # a Type0 (CID) font: the descriptor is its descendant's
                descriptor = font["/DescendantFonts"][0].get_object()
            descriptor = descriptor.get("/FontDescriptor")
            name = str(font.get("/BaseFont"))
            names.add(name)
            descriptor = descriptor.get_object() if descriptor is not None else {}
            if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.add(name)
    if not names:
        raise SmokeFailure(f"{pdf.name} uses no fonts at all")
    if missing:
        raise SmokeFailure(f"{pdf.name}: fonts not embedded: {', '.join(sorted(missing))}")
    return f"{pdf.stat().st_size // 1024} KB, fonts embedded: {', '.join(sorted(names))}"


def check_missing_record(sandbox: Sandbox) -> str:
    result = sandbox.run("--lang", "en", "show", "quote", "999999")
    message = (result.stderr or "").strip()
    if result.returncode == 0 or not message or "Traceback" in message or len(message.splitlines()) != 1:
        raise SmokeFailure(f"show of a missing quote: exit {result.returncode}, message {message!r}")
    return f"exit {result.returncode}: {message}"


def check_team_server_unreachable(sandbox: Sandbox) -> str:
    """The team commands load PostgreSQL's client (psycopg and its compiled part) in the frozen build."""
    result = sandbox.run("--lang", "en", "team", "init", "postgresql://muntada@127.0.0.1:9/muntada")
    message = (result.stderr or "").strip()
    if result.returncode != 3 or "Traceback" in message or "module" in message or len(message.splitlines()) != 1:
        raise SmokeFailure(f"team init against no server: exit {result.returncode}, message {message!r}")
    return f"exit 3: {message}"


def check_screenshot(sandbox: Sandbox, names: tuple[str, ...], file_name: str) -> str:
    png = sandbox.outputs / file_name
    succeeded(sandbox.run("gui", "--screenshot", str(png), "--view", "brief", names=names),
              f"{names[0]} gui --screenshot")
    if not png.is_file():
        raise SmokeFailure(f"{names[0]} gui --screenshot wrote no {png.name}")
    rows = preview_rows(png)
    if rows < PREVIEW_MIN_ROWS:
        raise SmokeFailure(f"{png.name}: the brief preview is not rendered (a white page row found {rows} times)")
    return f"{png.name}: preview page rendered ({rows} white page rows)"


def preview_rows(png: Path) -> int:
    """How many rows of the image hold a run of pure white at least as wide as the preview page."""
    from PIL import Image

    image = Image.open(png).convert("RGB")
    width, height = image.size
    pixels = image.load()
    rows = 0
    for y in range(height):
        run = 0
        for x in range(width):
            run = run + 1 if pixels[x, y] == (255, 255, 255) else 0
            if run >= PREVIEW_MIN_WIDTH:
                rows += 1
                break
    return rows


def listing(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*")}


def real_user_data_folder() -> Path:
    """This user's own Muntada data folder (as archive.location finds it when not portable).

    On Windows, platformdirs asks the shell for the folder rather than reading LOCALAPPDATA, so
    the sandbox's variables do not move it: it is watched as well.
    """
    import platformdirs

    return Path(platformdirs.user_data_dir("Muntada", appauthor=False, roaming=False))


def check_nothing_outside(sandbox: Sandbox, before: set[str], user_data_before: set[str]) -> str:
    """Nothing in the sandboxed home nor in the user's real data folder; in the program folder
    nothing new outside MuntadaData."""
    written_home = sorted(listing(sandbox.home))
    if written_home:
        raise SmokeFailure(f"written outside the program's folder: {written_home[:10]}")
    user_data = real_user_data_folder()
    written_user_data = sorted((listing(user_data) if user_data.is_dir() else set()) - user_data_before)
    if written_user_data:
        raise SmokeFailure(f"written into the user's data folder {user_data}: {written_user_data[:10]}")
    new = sorted(name for name in listing(sandbox.program) - before
                 if name != DATA_FOLDER and not name.startswith(DATA_FOLDER + "/"))
    if new:
        raise SmokeFailure(f"written into the program's folder outside {DATA_FOLDER}: {new[:10]}")
    expected = {"brief.pdf", "brief-cli.png", "brief-gui.png"}
    outputs = {path.name for path in sandbox.outputs.iterdir()}
    if outputs != expected:
        raise SmokeFailure(f"the outputs folder holds {sorted(outputs)}, not {sorted(expected)}")
    data = listing(sandbox.program / DATA_FOLDER)
    return f"home empty; {DATA_FOLDER} holds {len(data)} entries"


def prepare(target: Path, root: Path) -> Path:
    """The program folder to test: ``target`` copied, or unzipped when it is a zip."""
    if target.suffix.lower() == ".zip":
        with zipfile.ZipFile(target) as archive:
            archive.extractall(root / "unzipped")
        for member in zipfile.ZipFile(target).infolist():  # zipfile drops the executable bits
            mode = member.external_attr >> 16
            if mode & 0o111:
                os.chmod(root / "unzipped" / member.filename, mode & 0o777)
        folders = [path for path in (root / "unzipped").iterdir() if path.is_dir()]
        if len(folders) != 1:
            raise SmokeFailure(f"{target.name} should hold one folder, not {len(folders)}")
        return folders[0]
    if not target.is_dir():
        raise SmokeFailure(f"{target} is neither a built folder nor a zip")
    return Path(shutil.copytree(target, root / target.name, symlinks=True))


def run_checks(target: Path, keep: Path | None = None) -> int:
    """Run every check against ``target``; returns the exit code (0: all passed).

    ``keep``: a folder to copy the files the checks made into (the brief and the screenshots).
    """
    with tempfile.TemporaryDirectory(prefix="muntada-smoke-") as temporary:
        root = Path(temporary)
        sandbox = Sandbox(root, prepare(target, root))
        before = listing(sandbox.program)
        user_data = real_user_data_folder()
        user_data_before = listing(user_data) if user_data.is_dir() else set()
        checks = [
            ("--help", check_help),
            ("demo, info", check_demo_and_info),
            ("search", check_search),
            ("app start-up: icon and first search", check_app_start),
            ("brief", check_brief),
            ("error message and exit code", check_missing_record),
            ("team server unreachable", check_team_server_unreachable),
            ("console gui --screenshot", lambda box: check_screenshot(box, CLI_NAMES, "brief-cli.png")),
            ("windowed gui --screenshot", lambda box: check_screenshot(box, GUI_NAMES, "brief-gui.png")),
            ("--portable writes nothing outside", lambda box: check_nothing_outside(box, before, user_data_before)),
        ]
        failures = 0
        for name, check in checks:
            started = time.perf_counter()
            try:
                detail = check(sandbox)
            except (SmokeFailure, subprocess.TimeoutExpired, OSError, ValueError, KeyError) as error:
                failures += 1
                print(f"FAIL {name}: {error}", flush=True)
            else:
                print(f"ok   {name} ({time.perf_counter() - started:.1f} s): {detail}", flush=True)
        print(f"{len(checks) - failures} passed, {failures} failed")
        if keep is not None:
            shutil.copytree(sandbox.outputs, keep, dirs_exist_ok=True)
        return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, help="the built folder (dist/Muntada) or the portable zip")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="copy the brief PDF and the screenshots into DIR")
    args = parser.parse_args(argv)
    try:
        return run_checks(args.target, args.keep)
    except SmokeFailure as error:
        print(f"FAIL {error}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
