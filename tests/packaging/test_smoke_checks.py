"""The smoke test's own checks can fail: fonts not embedded in a PDF, a brief preview not rendered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from reportlab.pdfgen import canvas

from tests.packaging import load_packaging_module

smoke = load_packaging_module("smoke")


def test_a_pdf_with_a_font_not_embedded_fails(tmp_path: Path) -> None:
    pdf = tmp_path / "standard-font.pdf"
    page = canvas.Canvas(str(pdf))
    page.setFont("Helvetica", 12)  # one of the 14 standard fonts: reportlab never embeds them
    page.drawString(72, 720, "Muntada")
    page.save()
    with pytest.raises(smoke.SmokeFailure, match="not embedded: /Helvetica"):
        smoke.fonts_embedded(pdf)


def test_a_real_brief_has_its_fonts_embedded(sample_archive: Path, tmp_path: Path) -> None:
    from archive.briefs.event_brief import event_brief
    from archive.briefs.options import BriefOptions
    from archive.db.engine import open_archive

    archive = open_archive(sample_archive)
    try:
        brief = event_brief(archive, 1, BriefOptions(language="ar"))
    finally:
        archive.close()
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(brief.content)
    assert "Amiri" in smoke.fonts_embedded(pdf)


def test_preview_rows_tell_a_rendered_page_from_a_message(tmp_path: Path) -> None:
    window = Image.new("RGB", (980, 720), (239, 239, 239))
    without = tmp_path / "without.png"
    window.save(without)
    window.paste((255, 255, 255), (118, 63, 538, 657))  # the preview page, 420 x 594
    window.paste((0, 0, 0), (200, 150, 450, 170))  # a line of its text
    rendered = tmp_path / "rendered.png"
    window.save(rendered)
    assert smoke.preview_rows(without) == 0
    assert smoke.preview_rows(rendered) >= smoke.PREVIEW_MIN_ROWS


def sandbox_with_outputs(tmp_path: Path):
    program = tmp_path / "Muntada"
    (program / "_internal").mkdir(parents=True)
    sandbox = smoke.Sandbox(tmp_path / "sandbox", program)
    for name in ("brief.pdf", "brief-cli.png", "brief-gui.png"):
        (sandbox.outputs / name).write_bytes(b"made")
    return sandbox, smoke.listing(program), smoke.listing(smoke.real_user_data_folder())


def test_data_beside_the_program_passes(tmp_path: Path) -> None:
    sandbox, before, user_data = sandbox_with_outputs(tmp_path)
    (sandbox.program / "MuntadaData" / "indexes").mkdir(parents=True)
    (sandbox.program / "MuntadaData" / "archive.sqlite").write_bytes(b"")
    assert "MuntadaData holds 2 entries" in smoke.check_nothing_outside(sandbox, before, user_data)


def test_a_file_in_the_home_folder_fails(tmp_path: Path) -> None:
    sandbox, before, user_data = sandbox_with_outputs(tmp_path)
    (sandbox.home / ".local" / "share" / "Muntada").mkdir(parents=True)
    with pytest.raises(smoke.SmokeFailure, match="written outside the program's folder"):
        smoke.check_nothing_outside(sandbox, before, user_data)


def test_a_file_beside_the_program_but_not_in_its_data_folder_fails(tmp_path: Path) -> None:
    sandbox, before, user_data = sandbox_with_outputs(tmp_path)
    (sandbox.program / "muntada.log").write_text("", encoding="utf-8")
    with pytest.raises(smoke.SmokeFailure, match=r"outside MuntadaData: \['muntada\.log'\]"):
        smoke.check_nothing_outside(sandbox, before, user_data)
