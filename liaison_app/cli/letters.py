"""Letters to tenants from the command line: `letter KIND JOB_REF -o FILE.pdf` (docs/LETTERS.md).

KIND is appointment, no-access-1, no-access-2, no-access-final or support-offer. The letter honours the
tenant's adjustments (large print, call ahead, their language, an interpreter, Welsh first). A letter
written is logged as a contact on the tenant's record, and a no-access letter as a written notice.
An unknown job, a letter that cannot be written for it, or an output that is the store, a backup or a
file of another kind, is refused with one clear line and exit 1, and nothing is written or logged.

Imports inside the command function are there for start-up speed: the command line starts without
loading ReportLab or the store.
"""
from __future__ import annotations

from liaison_app.cli.common import CommandError, open_for_command, output_for_command
from liaison_app.domain.letters import KINDS


def register(sub) -> None:
    p = sub.add_parser("letter", help="print a letter to the tenant of a job (honours their adjustments)")
    p.add_argument("kind", metavar="KIND", choices=KINDS, help="one of: " + ", ".join(KINDS))
    p.add_argument("job_ref", metavar="JOB_REF", help="the job's reference")
    p.add_argument("-o", "--output", metavar="FILE.pdf", required=True, help="where to write the PDF")
    p.set_defaults(func=run_letter)


def run_letter(args) -> int:
    # Here, not at the top: start-up speed (see the module's docstring).
    from liaison_app.domain.validation import ValidationError
    from liaison_app.outputs import check_output
    from liaison_app.printing.letters import render_letter_pdf
    from liaison_app.services.letters import letter_for_job, record_letter_sent
    from liaison_app.services.stores import StoreDamaged

    output_for_command(args, args.output, "pdf")
    store = open_for_command(args)
    try:
        try:
            check_output(args.output, store.path, "pdf")
            letter = letter_for_job(store, args.kind, args.job_ref)
            path = render_letter_pdf(letter, args.output)
        except (ValidationError, StoreDamaged) as exc:
            raise CommandError(str(exc)) from exc
        except OSError as exc:
            raise CommandError(str(exc) if not exc.strerror else f"Could not write the PDF: {exc.strerror}.") from exc
        record_letter_sent(store, letter)
        print(f"Letter written: {path}")
        return 0
    finally:
        store.close()
