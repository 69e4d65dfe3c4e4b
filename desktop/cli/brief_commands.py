"""``muntada brief``: write an event, speaker or selection brief as a PDF file.

    muntada brief (--event ID | --speaker ID | --quotes 1,2,3 [--statistics 4,5] | --query "…")
                  [--lang ar|en] [--paper a4|letter] [--group-by session|speaker]
                  [--sections cover,statistics,…] [--organisation NAME] [--logo FILE] [--title TEXT]
                  -o FILE.pdf

The brief language defaults to the language of messages. ``--query`` prints the quotes and
figures the search finds (best first, up to ``QUERY_LIMIT`` of each).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from archive.briefs.event_brief import event_brief, event_sections
from archive.briefs.options import PAPERS, QUOTE_GROUPINGS, SECTIONS, BriefOptions
from archive.briefs.sections import Layout
from archive.briefs.selection_brief import selection_brief
from archive.briefs.speaker_brief import speaker_brief, speaker_sections
from archive.errors import MuntadaError, ValidationError
from archive.i18n import counts, tr
from archive.kinds import KIND_LABELS
from archive.services import events, people, quotes, statistics
from desktop.cli.context import CliContext

QUERY_LIMIT = 200


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("brief", help=tr("write a brief as a PDF file"))
    chosen = parser.add_mutually_exclusive_group(required=True)
    chosen.add_argument("--event", type=int, metavar="ID", help=tr("brief of the event with this id"))
    chosen.add_argument("--speaker", type=int, metavar="ID", help=tr("brief of the speaker (person) with this id"))
    chosen.add_argument("--query", metavar="TEXT", help=tr("brief of the quotes found by this search"))
    chosen.add_argument("--quotes", metavar="IDS", help=tr("brief of these quotes (ids separated by commas)"))
    parser.add_argument("--statistics", metavar="IDS", help=tr("brief of these figures (ids separated by commas)"))
    # --lang is also the global option (language of messages); here it sets the brief's language too.
    parser.add_argument("--lang", dest="brief_language", choices=("ar", "en"),
                        help=tr("language of the brief's headings (default: the message language)"))
    parser.add_argument("--paper", choices=PAPERS, default="a4", help=tr("paper size (default: a4)"))
    parser.add_argument("--group-by", choices=QUOTE_GROUPINGS, default="session",
                        help=tr("group the event's quotes by session or by speaker"))
    parser.add_argument("--sections", metavar="NAMES", help=tr("sections to print, separated by commas (default: all)"))
    parser.add_argument("--organisation", metavar="NAME", help=tr("organisation name on the cover"))
    parser.add_argument("--logo", type=Path, metavar="FILE", help=tr("logo image file for the cover"))
    parser.add_argument("--title", metavar="TEXT", help=tr("title on the cover instead of the default one"))
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf",
                        help=tr("the PDF file to write"))
    parser.set_defaults(handler=run_brief)


def run_brief(args: argparse.Namespace, context: CliContext) -> int:
    options = BriefOptions(
        language=args.brief_language or context.language,
        paper=args.paper,
        sections=frozenset(_names(args.sections)) if args.sections else None,
        organisation_name=args.organisation,
        logo_path=args.logo,
        title=args.title,
        group_quotes_by=args.group_by,
    )
    _check_choice(args)
    archive = context.open_archive()
    if args.query is not None:
        quote_ids, statistic_ids = _search_ids(context, args.query)
        _check_sections(options, quote_ids, statistic_ids)
        brief = selection_brief(archive, quote_ids, statistic_ids, options,
                                subtitle=tr("Search: {query}", query=args.query))
    elif args.event is not None:
        _check_record_sections(options, "event", args.event, _printing(event_sections(
            archive, events.get_event(archive, args.event), Layout.for_options(options))))
        brief = event_brief(archive, args.event, options)
    elif args.speaker is not None:
        person = people.get_person(archive, args.speaker)
        _check_record_sections(options, "person", args.speaker, _printing(speaker_sections(
            person, quotes.list_quotes(archive, speaker_id=person.id),
            statistics.list_statistics(archive, speaker_id=person.id), Layout.for_options(options))))
        brief = speaker_brief(archive, args.speaker, options)
    else:
        _check_sections(options, _ids(args.quotes), _ids(args.statistics))
        brief = selection_brief(archive, _ids(args.quotes), _ids(args.statistics), options)
    brief.write(args.output)  # a place it cannot go is said in the user's words (BriefPdf.write)
    for warning in brief.warnings:
        context.error(warning)
    context.say(tr("Wrote {path} ({pages}).", path=str(args.output), pages=counts.pages(brief.page_count)))
    return 0


def _check_choice(args: argparse.Namespace) -> None:
    """Refuse what would not be printed: figures beside an event, speaker or search brief, or a
    selection of nothing."""
    if args.statistics and args.quotes is None:
        raise ValidationError("--statistics goes with --quotes (a selection of quotes and figures); "
                              "an event, speaker or search brief chooses its own figures.")
    if args.quotes is not None and not _ids(args.quotes) and not _ids(args.statistics):
        raise ValidationError("Give the ids of the quotes (--quotes) or figures (--statistics) to print.")


def _check_sections(options: BriefOptions, quote_ids: list[int], statistic_ids: list[int]) -> None:
    """Refuse a selection none of whose records the chosen sections print (it made a PDF of nothing)."""
    fitting = [name for name, ids in (("statistics", statistic_ids), ("quotes", quote_ids)) if ids]
    if options.sections is not None and not options.sections & set(fitting):
        raise ValidationError("Nothing you chose prints in the sections {sections}: give --sections {fitting} "
                              "(or leave --sections out).", sections=",".join(sorted(options.sections)),
                              fitting=",".join(fitting))


def _printing(sections: dict[str, list]) -> tuple[str, ...]:
    """The sections of a brief that print something (the brief's own builders say: ``archive.briefs``)."""
    return tuple(name for name, flowables in sections.items() if flowables)


def _check_record_sections(options: BriefOptions, kind: str, record_id: int, printing: tuple[str, ...]) -> None:
    """Refuse an event or speaker brief none of whose chosen sections (the cover aside) prints anything.

    It made a cover and a page saying "Nothing to show in this brief.", where a selection in the same
    case is refused (``_check_sections``). ``printing``: the sections that would print something.
    """
    if options.sections is None or options.sections & set(printing):
        return
    record = tr(KIND_LABELS[kind])
    chosen = [name for name in SECTIONS if name in options.sections and name != "cover"]
    if not printing:
        raise ValidationError("{kind} {id} has nothing to print in any section but the cover: add quotes or figures "
                              "to it first, or choose another.", kind=record, id=record_id)
    if not chosen:
        raise ValidationError("The cover alone is not a brief: give --sections cover,{fitting} "
                              "(or leave --sections out).", fitting=",".join(printing))
    raise ValidationError("{kind} {id} has nothing to print in the sections {sections}: give --sections {fitting} "
                          "(or leave --sections out).", kind=record, id=record_id, sections=",".join(chosen),
                          fitting=",".join(printing))


def _search_ids(context: CliContext, query: str) -> tuple[list[int], list[int]]:
    """Ids of the quotes and figures a search finds, best first."""
    search_index = context.open_search_index()
    try:
        found = {
            kind: [hit.id for hit in search_index.search(query, kind=kind, limit=QUERY_LIMIT, with_facets=False).hits]
            for kind in ("quote", "statistic")
        }
    finally:
        search_index.close()
    if not found["quote"] and not found["statistic"]:
        raise MuntadaError("The search {query} found no quotes or figures to print.", query=query)
    return found["quote"], found["statistic"]


def _names(value: str) -> list[str]:
    return [name.strip() for name in value.split(",") if name.strip()]


def _ids(value: str | None) -> list[int]:
    if not value:
        return []
    try:
        return [int(part) for part in _names(value)]
    except ValueError:
        raise ValidationError("{value} is not a list of record numbers; write them with commas, like 4,9,15.",
                              value=value) from None
