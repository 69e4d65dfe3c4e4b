"""Render Muntada's icon (``muntada-icon.svg``) to a multi-size Windows ``.ico`` (16 to 256 pixels).

Each size is drawn from the SVG by Qt's SVG renderer (small sizes stay sharp rather than being
scaled down from the largest), then Pillow writes them into one ``.ico``.

    python packaging/icon.py OUT.ico
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

SVG = Path(__file__).resolve().parents[1] / "desktop" / "gui" / "muntada-icon.svg"  # also the window icon
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn at ``size`` x ``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _application = QGuiApplication.instance() or QGuiApplication([])  # kept alive while painting
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def write_ico(svg: Path, output: Path) -> Path:
    """Write ``output`` (.ico) with every size in ``SIZES`` drawn from ``svg``; returns ``output``."""
    from PIL import Image

    images = [Image.open(io.BytesIO(render_png(svg, size))) for size in SIZES]
    output.parent.mkdir(parents=True, exist_ok=True)
    largest = images[-1]
    largest.save(output, format="ICO", sizes=[(size, size) for size in SIZES], append_images=images[:-1])
    return output


if __name__ == "__main__":
    print(write_ico(SVG, Path(sys.argv[1])))
