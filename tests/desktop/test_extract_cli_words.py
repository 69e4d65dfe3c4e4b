"""``muntada extract`` names each quote's kind in the user's language ('indirect 0.90' and
'continuation 0.50' were printed in English in the Arabic command line)."""

from __future__ import annotations

import re

from desktop.cli import main

ARTICLE = ("مسقط - العمانية\n"
           "قال معالي الدكتور عبدالله بن ناصر الحراصي وزير الإعلام إن الشفافية أساس الثقة بين المؤسسات والمجتمع، "
           "وذلك خلال افتتاح المنتدى. وأضاف أن الوزارة أطلقت 12 مبادرة خلال العام.\n"
           "وقالت مريم بنت سعيد الهنائية: «الشائعة تنتشر في تطبيقات المراسلة أسرع من غيرها».\n")


def test_extract_prints_quote_kinds_in_arabic(tmp_path, capsys):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["--lang", "ar", "extract", str(path)]) == 0
    quote_lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("  [") and "«" in line]
    assert len(quote_lines) >= 2
    for line in quote_lines:
        assert not re.search(r"\b(direct|indirect|continuation)\b", line), line
        assert "اقتباس" in line
