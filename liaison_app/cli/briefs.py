"""Briefings from the command line: `brief JOB_REF -o FILE.pdf` and
`pack --contractor NAME --date YYYY-MM-DD -o FILE.pdf`.

An unknown job or contractor, a day with no jobs, or an output that is the store, a backup or a
file of another kind, is refused with one clear line and exit 1, and no file is written. Each
briefing written is audited as printed (record: the job).

Imports inside the command functions are there for start-up speed: each command loads only what it needs.
"""
from __future__ import annotations

from pathlib import Path

from liaison_app.cli.common import open_for_command, output_for_command
from liaison_app.outputs import check_output


def register(sub) -> None:
    p = sub.add_parser("brief", help="print one job's contractor briefing to PDF")
    p.add_argument("job_ref", metavar="JOB_REF", help="the job's reference")
    p.add_argument("-o", "--output", metavar="FILE.pdf", required=True, help="where to write the PDF")
    p.set_defaults(func=run_brief)

    p = sub.add_parser("pack", help="print a contractor's day pack (cover sheet and one briefing per job)")
    p.add_argument("--contractor", metavar="NAME", required=True, help="the contractor's name")
    p.add_argument("--date", metavar="YYYY-MM-DD", required=True, help="the day of the appointments")
    p.add_argument("-o", "--output", metavar="FILE.pdf", required=True, help="where to write the PDF")
    p.set_defaults(func=run_pack)


def _refused(exc: Exception) -> Exception:
    from liaison_app.cli.common import CommandError
    from liaison_app.outputs import OutputRefused

    if isinstance(exc, OutputRefused):
        return CommandError(str(exc))
    if isinstance(exc, OSError):
        return CommandError(f"Could not write the PDF: {exc.strerror or exc}.")
    return CommandError(str(exc))


def write_briefing(store, job_ref: str, output) -> Path:
    """The job's briefing (services) as a PDF (printing) at `output`, audited as printed."""
    # Here, not at the top: the command line starts without loading ReportLab or the store (start-up speed).
    from liaison_app.printing import render_briefing_pdf
    from liaison_app.services.briefing import briefing_for_ref, printed_jobs, record_printed

    check_output(output, store.path, "pdf")  # never over the store, a backup, or a file of another kind
    briefing = briefing_for_ref(store, job_ref)
    path = render_briefing_pdf(briefing, output)
    record_printed(store, printed_jobs(briefing))
    return path


def write_pack(store, contractor: str, day, output) -> Path:
    """The contractor's day pack (services) as a PDF (printing) at `output`, each briefing audited as printed."""
    from liaison_app.printing import render_pack_pdf  # start-up speed, as above
    from liaison_app.services.briefing import pack_for_day, printed_jobs, record_printed

    check_output(output, store.path, "pdf")
    pack = pack_for_day(store, contractor, day)
    path = render_pack_pdf(pack, output)
    record_printed(store, printed_jobs(pack))
    return path


def run_brief(args) -> int:
    from liaison_app.services.briefing import NothingToPrint
    from liaison_app.services.stores import StoreDamaged

    output_for_command(args, args.output, "pdf")
    store = open_for_command(args)
    try:
        try:
            path = write_briefing(store, args.job_ref, args.output)
        except (NothingToPrint, OSError, StoreDamaged) as exc:  # damaged: "This record is damaged — restore …"
            raise _refused(exc) from exc
        print(f"Briefing written: {path}")
        return 0
    finally:
        store.close()


def run_pack(args) -> int:
    from liaison_app.cli.common import CommandError
    from liaison_app.domain.validation import ValidationError, parse_date
    from liaison_app.services.briefing import NothingToPrint
    from liaison_app.services.stores import StoreDamaged

    try:
        day = parse_date(args.date, required=True)
    except ValidationError as exc:
        raise CommandError(f"--date: {exc}") from exc
    output_for_command(args, args.output, "pdf")
    store = open_for_command(args)
    try:
        try:
            path = write_pack(store, args.contractor, day, args.output)
        except (NothingToPrint, OSError, StoreDamaged) as exc:
            raise _refused(exc) from exc
        print(f"Day pack written: {path}")
        return 0
    finally:
        store.close()
