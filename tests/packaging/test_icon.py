"""The icon: the SVG rendered to a Windows .ico holding every size from 16 to 256 pixels."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

from tests.packaging import PACKAGING


def test_icon_holds_every_size(tmp_path: Path) -> None:
    ico = tmp_path / "muntada.ico"
    # In its own process: it makes a QGuiApplication, which must not be this test process's QApplication.
    subprocess.run([sys.executable, str(PACKAGING / "icon.py"), str(ico)], check=True, timeout=120,
                   env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True)
    with Image.open(ico) as image:
        assert image.format == "ICO"
        sizes = image.info["sizes"]
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(sizes)
    with Image.open(ico) as image:
        image.size = (16, 16)
        small = image.convert("RGBA")
        data = small.tobytes()
    pixels = [data[start:start + 4] for start in range(0, len(data), 4)]
    teal = sum(1 for pixel in pixels if pixel[3] > 200 and abs(pixel[0] - 0x2E) < 20 and abs(pixel[1] - 0x7D) < 20)
    assert teal > 40  # the 16-pixel icon is drawn, in the app's teal, not blank
