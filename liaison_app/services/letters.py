"""Letters to tenants (issue #14): the appointment for a mandatory check, the first, second and final
no-access letters, and what a support plan offers. docs/LETTERS.md.

`letter_for_job` decides what a letter says (letters_rules.build_letter, from one short read); callers
(ui/, cli/) hand the `Letter` to `liaison_app.printing.letters`, then call `record_letter_sent`, which
in one transaction logs the letter as a contact on the tenant's record (a Visit of type "letter") and,
for a no-access letter, an access attempt by letter at its stage — the written notice the no-access
rules count (domain/access_rules.py R5). `letters_due` lists the week's letters for the post room.
"""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Sequence

from sqlmodel import select

from liaison_app.domain import AccessAttempt, Job, Officer, Tenant, Visit, utcnow
from liaison_app.domain import letters as rules
from liaison_app.domain.enums import AccessMethod, AccessOutcome, JobStatus
from liaison_app.domain.letters import Letter, LetterBatch
from liaison_app.domain.validation import ValidationError, clean_phone
from liaison_app.outputs import atomic_text, check_output
from liaison_app.services.audit import record_event
from liaison_app.services.catalogues import mandatory_check_kinds
from liaison_app.services.letters_load import find_job, letter_records
from liaison_app.services.letters_rules import NothingToSend, build_letter
from liaison_app.services.records import add_new
from liaison_app.services.reports import neutralise_cell
from liaison_app.store import Store

__all__ = ["KINDS", "DueLetter", "Letter", "LetterBatch", "NothingToSend", "letter_for_job", "letters_due",
           "letters_due_batch", "post_room_rows", "record_letter_sent", "record_letters_sent",
           "my_direct_line", "set_my_direct_line", "suggested_kind", "write_post_room_csv"]

KINDS = rules.KINDS
LABELS = {rules.APPOINTMENT: "Appointment letter", rules.NO_ACCESS_1: "First no-access letter",
          rules.NO_ACCESS_2: "Second no-access letter", rules.NO_ACCESS_FINAL: "Final no-access letter",
          rules.SUPPORT_OFFER: "Support offer letter"}
APPOINTMENT_NOTICE_DAYS = 14  # an appointment letter goes out for checks booked in the next two weeks
STAGE_GAP_DAYS = 7  # no-access letters about a week apart (REFERENCE.md)
POST_ROOM_HEADERS = ("job_ref", "tenancy_ref", "letter", "name_and_address", "postcode", "large_print",
                     "languages", "honours")


def letter_for_job(store: Store, kind: str, job_ref_or_id: str, *, on: date | None = None) -> Letter:
    """The letter `kind` for a job (by reference or id); NothingToSend says why it cannot be written."""
    with store.read() as session:
        job = find_job(session, job_ref_or_id)
        if job is None:
            raise NothingToSend(f"No job with reference {job_ref_or_id}.", field="job_ref")
        return build_letter(kind, letter_records(session, store, job), on or date.today())


def _log_letter(session, store: Store, letter: Letter, on: date) -> None:
    summary = f"letter {letter.kind} {letter.job_ref}"
    visit = Visit(tenant_id=letter.tenant_id, visit_type="letter", at=datetime.now().replace(microsecond=0),
                  outcome=f"{LABELS[letter.kind]} sent (job {letter.job_ref})", officer_id=store.actor_id,
                  job_id=letter.job_id)
    add_new(session, store, visit, summary=summary)
    stage = rules.LETTER_STAGES.get(letter.kind)
    if stage:
        attempt = AccessAttempt(job_id=letter.job_id, attempted_on=on, method=AccessMethod.LETTER.value,
                                outcome=AccessOutcome.NO_ANSWER.value, letter_stage=stage)
        add_new(session, store, attempt, summary=summary)


def record_letter_sent(store: Store, letter: Letter, *, on: date | None = None) -> None:
    """Log a printed letter on the tenant's record (and, for a no-access letter, as a written notice)."""
    record_letters_sent(store, (letter,), on=on)


def record_letters_sent(store: Store, letters: Sequence[Letter], *, on: date | None = None) -> None:
    """Log every letter of a batch in one transaction."""
    when = on or date.today()
    with store.write() as session:
        for letter in letters:
            if session.get(Tenant, letter.tenant_id) is None or session.get(Job, letter.job_id) is None:
                raise ValidationError("The tenant or job of this letter no longer exists.", field="job_ref")
            _log_letter(session, store, letter, when)


@dataclass(frozen=True)
class DueLetter:
    kind: str
    job_id: str
    job_ref: str


def _letters_sent(session, job_id: str) -> tuple[set[str], date | None]:
    """The letter stages a job has reached (any attempt marked with a stage, as the access panel records
    them; withdrawn ones not counted), and the last such attempt's date."""
    query = select(AccessAttempt).where(AccessAttempt.job_id == job_id, AccessAttempt.letter_stage != "",
                                        AccessAttempt.withdrawn_on.is_(None))
    sent = list(session.exec(query))
    return {a.letter_stage for a in sent}, max((a.attempted_on for a in sent), default=None)


def _appointment_sent(session, job_id: str) -> bool:
    query = select(Visit.id).where(Visit.job_id == job_id, Visit.visit_type == "letter",
                                   Visit.outcome.startswith(LABELS[rules.APPOINTMENT]))
    return session.exec(query).first() is not None


def _next_no_access(stages: set[str], last: date | None, on: date) -> str:
    """The letter after the furthest stage reached ("" once the final one is sent, or within a week of the last)."""
    if last is not None and (on - last).days < STAGE_GAP_DAYS:
        return ""
    kinds = list(rules.LETTER_STAGES)
    reached = [n for n, kind in enumerate(kinds) if rules.LETTER_STAGES[kind] in stages]
    following = max(reached) + 1 if reached else 0
    return kinds[following] if following < len(kinds) else ""


def suggested_kind(store: Store, job_id: str, *, on: date | None = None) -> str:
    """The letter an officer most likely wants for a job: the next no-access letter once access failed,
    else the appointment letter."""
    with store.read() as session:
        job = session.get(Job, job_id)
        if job is None or job.status != JobStatus.NO_ACCESS.value:
            return rules.APPOINTMENT
        stages, _last = _letters_sent(session, job_id)
    return _next_no_access(stages, None, on or date.today()) or rules.NO_ACCESS_FINAL


def letters_due(store: Store, *, on: date | None = None) -> list[DueLetter]:
    """The letters due this week: an appointment letter for each mandatory check booked in the next two
    weeks that has none yet, and the next no-access letter for each job with no access (about a week
    after the last one, up to the final letter). Tenanted jobs only, in job reference order."""
    today = on or date.today()
    checks = [k.code for k in mandatory_check_kinds()]
    due: list[DueLetter] = []
    with store.read() as session:
        soon = datetime.combine(today + timedelta(days=APPOINTMENT_NOTICE_DAYS), datetime.min.time())
        booked = session.exec(select(Job).where(
            Job.tenant_id.is_not(None), Job.job_type.in_(checks), Job.status == JobStatus.BOOKED.value,
            Job.appointment_start >= datetime.combine(today, datetime.min.time()), Job.appointment_start < soon))
        due += [DueLetter(rules.APPOINTMENT, j.id, j.job_ref) for j in booked if not _appointment_sent(session, j.id)]
        for job in session.exec(select(Job).where(Job.tenant_id.is_not(None),
                                                  Job.status == JobStatus.NO_ACCESS.value)):
            kind = _next_no_access(*_letters_sent(session, job.id), today)
            if kind:
                due.append(DueLetter(kind, job.id, job.job_ref))
    return sorted(due, key=lambda d: (d.job_ref, d.kind))


def letters_due_batch(store: Store, *, on: date | None = None) -> tuple[LetterBatch, list[str]]:
    """The letters due this week, built; and one line for each that could not be written (and why)."""
    today = on or date.today()
    letters, skipped = [], []
    for item in letters_due(store, on=today):
        try:
            letters.append(letter_for_job(store, item.kind, item.job_id, on=today))
        except NothingToSend as exc:
            skipped.append(f"{item.job_ref} ({item.kind}): {exc}")
    return LetterBatch(title=f"Letters due in the week of {today:%d %B %Y}", letters=tuple(letters)), skipped


def post_room_rows(batch: LetterBatch) -> list[list[str]]:
    """The post room's list: one row per letter, in the order the PDF prints them (no private data)."""
    return [[letter.job_ref, letter.tenancy_ref, LABELS[letter.kind], " / ".join(letter.recipient), letter.postcode,
             "yes" if letter.large_print else "no", " and ".join(t.language for t in letter.texts),
             "; ".join(letter.honours)]
            for letter in batch.letters]


def write_post_room_csv(store: Store, batch: LetterBatch, path: str | os.PathLike) -> None:
    """The post room's list as CSV (never over the store or a backup; cells safe in a spreadsheet), audited
    as an export of the letters' jobs."""
    check_output(path, store.path, "csv")
    with atomic_text(path, encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(POST_ROOM_HEADERS)
        writer.writerows([neutralise_cell(c) for c in row] for row in post_room_rows(batch))
    with store.write() as session:
        for letter in batch.letters:
            record_event(session, store.actor, "export", "job", letter.job_id, (), f"post room list {letter.job_ref}")


def my_direct_line(store: Store) -> str | None:
    """The signed-in officer's direct line, printed on their letters ("" none yet); None with no account."""
    if store.actor_id is None:
        return None
    with store.read() as session:
        officer = session.get(Officer, store.actor_id)
        return officer.direct_line if officer is not None else None


def set_my_direct_line(store: Store, phone: str) -> str:
    """Keep the signed-in officer's direct line (a UK number, or "" for none); audited by field name."""
    try:
        line = clean_phone(phone)
    except ValidationError as exc:
        raise ValidationError(str(exc), field="direct_line") from exc
    with store.write() as session:
        officer = session.get(Officer, store.actor_id) if store.actor_id else None
        if officer is None:
            raise ValidationError("Sign in with your own account to keep a direct line.", field="direct_line")
        if officer.direct_line != line:
            officer.direct_line, officer.updated_at, officer.updated_by = line, utcnow(), store.actor
            session.add(officer)
            session.flush()
            record_event(session, store.actor, "change", "officer", officer.id, ["direct_line"], officer.username)
    return line
