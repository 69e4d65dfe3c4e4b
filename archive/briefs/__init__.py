"""Printed PDF briefs in Arabic and English (ReportLab, no Qt).

``rtl`` shapes and orders right-to-left text, ``fonts`` ships Amiri with a searchable
ToUnicode map, ``paragraph`` is the bidi-correct Flowable, ``document`` the page machinery
(cover, header, "صفحة 1 من N"), ``tables`` and ``charts`` lay out figures right to left, and
the ``*_brief`` modules build the event, speaker and selection briefs from the services.
"""
