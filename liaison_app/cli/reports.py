"""`report checks-due [--days N] -o FILE`, `report no-access -o FILE`, `report conduct --from --to -o FILE`,
`report you-said-we-did --from --to [--contractor NAME] -o FILE`.

FILE ends .csv or .pdf. Bad input exits 1 with the reason; nothing half-written is left behind.

Imports inside the command functions are there for start-up speed: each command loads only what it needs.
"""
from __future__ import annotations

import threading
from pathlib import Path

from liaison_app.cli.checked_later import open_checking_later
from liaison_app.cli.common import output_for_command
from liaison_app.domain.text import plural


def register(sub) -> None:
    p = sub.add_parser("report", help="export a report as CSV or PDF")
    what = p.add_subparsers(dest="report", metavar="REPORT", required=True)

    r = what.add_parser("checks-due", help="mandatory checks due, with adjustments and support-plan flag")
    r.add_argument("--days", type=int, default=30, metavar="N", help="due within N days (default 30)")
    _output(r)

    r = what.add_parser("no-access", help="mandatory checks with failed access, by stage")
    _output(r)

    r = what.add_parser("conduct", help="tenant feedback per contractor and code-of-conduct point")
    r.add_argument("--from", dest="date_from", required=True, metavar="DATE", help="first day, YYYY-MM-DD")
    r.add_argument("--to", dest="date_to", required=True, metavar="DATE", help="last day, YYYY-MM-DD")
    _output(r)

    r = what.add_parser("you-said-we-did", help="what tenants said per code point and what was done; no personal "
                                                "data: fit to publish")
    r.add_argument("--from", dest="date_from", required=True, metavar="DATE", help="first day, YYYY-MM-DD")
    r.add_argument("--to", dest="date_to", required=True, metavar="DATE", help="last day, YYYY-MM-DD")
    r.add_argument("--contractor", metavar="NAME", help="one contractor only (default: every contractor)")
    _output(r)


def _output(parser) -> None:
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.csv or FILE.pdf")
    parser.set_defaults(func=run_report)


def _build(store, args):
    from liaison_app.services import reports

    if args.report == "checks-due":
        return reports.checks_due_report(store, days=args.days)
    if args.report == "no-access":
        return reports.no_access_report(store)
    if args.report == "you-said-we-did":
        return reports.you_said_report(store, args.date_from, args.date_to, args.contractor)
    return reports.conduct_report(store, args.date_from, args.date_to)


def _load_printing() -> None:
    """ReportLab and the embedded fonts (a few hundred milliseconds of parsing)."""
    from liaison_app.printing.fonts import register_fonts  # here, not at the top: the PDF stack loads when used
    from liaison_app.printing.you_said import write_report_pdf  # noqa: F401  (the same)

    register_fonts()


class _Loading:
    """The printing stack loaded on a thread of its own once the password check has ended (its hash's 64 MB
    and the fonts never add up), while the command reads the rows: SQLite lets go of Python's lock while it
    works, so the two overlap. `wait()` raises what the loading raised."""

    def __init__(self, signing_in):
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(signing_in,), name="printing", daemon=True)
        self._thread.start()

    def _run(self, signing_in) -> None:
        try:
            signing_in.checked()
            _load_printing()
        except BaseException as exc:  # handed to the command by wait()
            self.error = exc

    def join(self) -> None:
        self._thread.join()

    def wait(self) -> None:
        self._thread.join()
        if self.error is not None:
            raise self.error


def _gathered(store, args, signing_in, pdf: bool):
    """The report's rows, read while the store is checked and the password verified; for a PDF, the printing
    stack loads meanwhile (_Loading). Reading a damaged store may fail before its check does: the check's
    verdict (naming the backup to restore) is the clearer answer, so it comes first."""
    loading = _Loading(signing_in) if pdf else None
    try:
        with signing_in.verdict_first():
            report = _build(store, args)
            if loading is not None:
                loading.wait()
    finally:  # ended before the store may be closed
        if loading is not None:
            loading.join()
    return report


def _write_pdf(store, report, target: Path, signing_in) -> None:
    """Print the report while the store is checked, under a temporary name beside `target`; it takes its name
    only once the store has passed and the sign-in is recorded (a damaged store or a refused sign-in leaves
    no file), then the export is audited, after the sign-in."""
    from liaison_app.outputs import atomic_path
    from liaison_app.printing.you_said import write_report_pdf  # loaded meanwhile (_load_printing)
    from liaison_app.services.reports import report_exported, report_for_pdf

    with signing_in.verdict_first():
        signing_in.verified()  # the PDF names the officer who produced it
        document = report_for_pdf(store, report, target)
    with atomic_path(target) as tmp:
        with signing_in.verdict_first():
            write_report_pdf(tmp, document)
        signing_in.ready()
    report_exported(store, report, target)


def run_report(args) -> int:
    from liaison_app.cli.common import CommandError
    from liaison_app.domain.validation import ValidationError, parse_date
    from liaison_app.outputs import OutputRefused
    from liaison_app.services.reports import MAX_DAYS, export_report
    from liaison_app.services.stores import StoreError

    target = Path(args.output)
    if target.suffix.lower() not in (".csv", ".pdf"):
        raise CommandError("Name the report file .csv or .pdf.")
    if not target.parent.is_dir():
        raise CommandError(f"No such folder: {target.parent}.")
    if getattr(args, "days", 0) < 0:
        raise CommandError("--days cannot be negative.")
    if getattr(args, "days", 0) > MAX_DAYS:
        raise CommandError(f"--days: at most {MAX_DAYS:,} (ten years).")
    try:
        for name in ("date_from", "date_to"):
            if hasattr(args, name):
                parse_date(getattr(args, name), required=True)
    except ValidationError as exc:
        raise CommandError(f"--{name.removeprefix('date_')}: {exc}") from exc
    output_for_command(args, target, target.suffix.lower()[1:])
    store, signing_in = open_checking_later(args)  # the store's check and the password run while rows are read
    try:
        report = _gathered(store, args, signing_in, pdf=target.suffix.lower() == ".pdf")
        if target.suffix.lower() == ".csv":
            signing_in.ready()
            export_report(store, report, target)
        else:  # services say what the PDF holds, printing writes it, services audit it
            _write_pdf(store, report, target, signing_in)
    except (ValidationError, OutputRefused, StoreError) as exc:
        raise CommandError(str(exc)) from exc
    except OSError as exc:
        raise CommandError(f"Cannot write {target}: {exc.strerror or exc}.") from exc
    finally:
        store.close()
    print(f"Report written: {target} ({plural(len(report.rows), 'row')})")
    return 0
