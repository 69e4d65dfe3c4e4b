"""Importing press coverage: reading files, extracting proposals, storing them for review.

Modules: ``readers`` (bytes on disk -> ``DecodedDocument``), ``extraction`` (text -> ``Proposals``,
with the rule modules ``dateline``, ``event``, ``people``, ``quotes``, ``statistics``), and
``service`` (import files into an archive, keep proposals pending review, accept them).
"""
