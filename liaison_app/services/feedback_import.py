"""`import feedback`: text-message survey answers (feedback.csv) into conduct feedback.

One row per answer: the day it came (date), the job it is about (job_ref: the answer goes to the job's
contractor, operative and tenant), the score (1 to 5), the tenant's words (comment, optional) and the
code-of-conduct point the survey asked about (code_point, optional). Each answer becomes a ConductFeedback
with its score; it feeds "You said, we did" (services/you_said.py). All rows or none; every bad row is named
by line, column and reason, and a reason never quotes the comment. The same answer (job, day, score, point
and comment) already stored changes nothing, so re-importing the same file changes nothing. One audit event
records the counts. Format: INTERFACES.md ("feedback.csv") and docs/FEEDBACK.md.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from liaison_app.domain import ConductFeedback, Job
from liaison_app.domain.validation import ValidationError, parse_date
from liaison_app.services.catalogues import conduct_points
from liaison_app.services.csv_files import read_rows
from liaison_app.services.import_common import (
    unique_rows,
    ImportResult,
    Problems,
    Stamper,
    audit_import,
    insert_rows,
)
from liaison_app.services.records import text
from liaison_app.store import Store

COLUMNS = ("date", "job_ref", "score", "comment", "code_point")
REQUIRED = ("date", "job_ref", "score")
MAX_COMMENT = 2000


class _Known:
    """Jobs by reference (id, contractor, tenant) and the survey answers already stored."""

    def __init__(self, conn):
        j, f = Job.__table__, ConductFeedback.__table__
        self.jobs = {r.job_ref: (r.id, r.contractor_id, r.tenant_id)
                     for r in conn.execute(select(j.c.job_ref, j.c.id, j.c.contractor_id, j.c.tenant_id))}
        self.answers = {(r.job_id, r.received_on, r.score, r.point, r.what_was_said)
                        for r in conn.execute(select(f.c.job_id, f.c.received_on, f.c.score, f.c.point,
                                                     f.c.what_was_said).where(f.c.score.is_not(None)))}


def _date(line: int, value: str | None, problems: Problems) -> date | None:
    try:
        day = parse_date(value, required=True)
    except ValidationError as exc:
        problems.add(line, "date", str(exc))
        return None
    if day > date.today():
        problems.add(line, "date", "The answer's date is in the future.")
        return None
    return day


def _score(line: int, value: str | None, problems: Problems) -> int | None:
    raw = text(value)
    if raw not in {"1", "2", "3", "4", "5"}:
        problems.add(line, "score", "Give a whole number from 1 to 5." if raw else "The score is missing.")
        return None
    return int(raw)


def _point(line: int, value: str | None, problems: Problems) -> str | None:
    code = text(value).lower()
    if code and code not in conduct_points():
        problems.add(line, "code_point", "Not a code-of-conduct point; use one of: "
                     + ", ".join(conduct_points().codes()) + ".")
        return None
    return code


def _answer(line: int, row: dict[str, str], known: _Known, problems: Problems) -> dict[str, Any] | None:
    ref = text(row.get("job_ref"))
    job = known.jobs.get(ref)
    if not ref:
        problems.add(line, "job_ref", "The job reference is missing.")
    elif job is None:
        problems.add(line, "job_ref", "No job with this reference.")
    day = _date(line, row.get("date"), problems)
    score = _score(line, row.get("score"), problems)
    point = _point(line, row.get("code_point"), problems)
    comment = " ".join(text(row.get("comment")).split())
    if len(comment) > MAX_COMMENT:
        problems.add(line, "comment", f"A comment is at most {MAX_COMMENT:,} characters.")
    if job is None or day is None or score is None or point is None:
        return None
    return {"job_id": job[0], "contractor_id": job[1], "tenant_id": job[2], "point": point, "received_on": day,
            "what_was_said": comment, "action_taken": "", "score": score}


def feedback_rows(path: str | Path, known: _Known) -> list[dict[str, Any]]:
    """Every answer in the file, or ImportRefused naming every bad row."""
    problems = Problems()
    csv_rows = read_rows(path, COLUMNS, REQUIRED, problems)
    return unique_rows(csv_rows, problems, lambda line, row: _answer(line, row, known, problems),
                       lambda a: (a["job_id"], a["received_on"], a["score"], a["point"], a["what_was_said"]),
                       "job_ref", "answer about the same job on the same day")


def import_feedback(store: Store, path: str | Path) -> ImportResult:
    """Import feedback.csv: all rows or none. Raises ImportRefused listing every problem."""
    result = ImportResult("survey answer")
    stamp = Stamper(store.actor)
    with store.raw() as conn:
        known = _Known(conn)
        new_rows = []
        for answer in feedback_rows(path, known):
            key = (answer["job_id"], answer["received_on"], answer["score"], answer["point"],
                   answer["what_was_said"])
            if key in known.answers:
                result.unchanged += 1
                continue
            new_rows.append({**stamp(), **answer})
            result.created += 1
        insert_rows(conn, ConductFeedback.__table__, new_rows)
        audit_import(conn, store, "conductfeedback", result)
    return result
