"""`import feedback`: text-message survey answers (INTERFACES.md feedback.csv), all or nothing, feeding the summary."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from checks_world import contractor, job, tenant
from sqlmodel import select

from liaison_app.domain import AuditEvent
from liaison_app.services import conduct, reports, works
from liaison_app.services.imports import ImportRefused, import_file
from liaison_app.services.you_said import you_said_summary

DAY = (date.today() - timedelta(days=2)).isoformat()


@pytest.fixture
def survey_job(store):
    acme = contractor(store, "Acme Gas")
    op = works.add_operative(store, acme.id, "Dan Evans", "AG-1")
    t = tenant(store, "T-1")
    j = job(store, "J-1", acme.id, tenant_id=t.id)
    works.change_job(store, j.id, {"operative_id": op.id})
    return acme, op, t, j


def _csv(tmp_path, text: str):
    path = tmp_path / "feedback.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_answers_go_to_the_jobs_contractor_and_tenant_and_a_reimport_changes_nothing(store, survey_job, tmp_path):
    acme, op, t, j = survey_job
    path = _csv(tmp_path, f"job_ref,date,score,comment,code_point\nJ-1,{DAY},2,Left a mess,cleared_up\n"
                          f"J-1,{DAY},5,,\n")
    result = import_file(store, "feedback", path)
    assert (result.created, result.unchanged) == (2, 0)
    stored = conduct.list_feedback(store)
    assert {(f.contractor_id, f.tenant_id, f.job_id, f.score, f.point) for f in stored} == {
        (acme.id, t.id, j.id, 2, "cleared_up"), (acme.id, t.id, j.id, 5, "")}
    assert works.get_job(store, j.id).operative_id == op.id  # the operative is the job's
    again = import_file(store, "feedback", path)
    assert (again.created, again.unchanged) == (0, 2) and len(conduct.list_feedback(store)) == 2
    with store.read() as session:
        events = session.exec(select(AuditEvent).where(AuditEvent.record_type == "conductfeedback")).all()
    assert [e.action for e in events] == ["import", "import"]


def test_survey_answers_feed_the_summary_low_scores_raise_their_point(store, survey_job, tmp_path):
    path = _csv(tmp_path, f"date,job_ref,score,comment,code_point\n{DAY},J-1,2,No badge,id_shown\n"
                          f"{DAY},J-1,5,Badge shown,id_shown\n{DAY},J-1,4,Fine,\n")
    import_file(store, "feedback", path)
    summary = you_said_summary(store, DAY, DAY)
    point = {p.code: p for p in summary.overall.points}["id_shown"]
    assert (point.raised, point.quotes) == (1, ("No badge",))
    assert summary.overall.score_line() == "average score 3.7 of 5 from 3 text-message answers"
    conduct_rows = reports.conduct_report(store, DAY, DAY).rows  # the conduct report counts every answer
    assert ["Acme Gas", "Text-message survey, no point named", "1", "0", DAY, DAY] in conduct_rows


def test_every_bad_row_is_named_and_nothing_is_stored(store, survey_job, tmp_path):
    future = (date.today() + timedelta(days=3)).isoformat()
    path = _csv(tmp_path, "date,job_ref,score,comment,code_point\n"
                          f"{DAY},J-1,4,ok,\n"
                          f"{DAY},NOPE,3,,\n"
                          f"{future},J-1,6,PRIVATE-COMMENT,\n"
                          f"not a date,J-1,3,,smiling\n"
                          f"{DAY},J-1,4,ok,\n")
    with pytest.raises(ImportRefused) as info:
        import_file(store, "feedback", path)
    found = {(p.line, p.column) for p in info.value.problems}
    assert found == {(3, "job_ref"), (4, "date"), (4, "score"), (5, "date"), (5, "code_point"), (6, "job_ref")}
    assert all("PRIVATE-COMMENT" not in str(p) for p in info.value.problems)
    assert conduct.list_feedback(store) == []


def test_an_unknown_column_refuses_the_file(store, survey_job, tmp_path):
    with pytest.raises(ImportRefused) as info:
        import_file(store, "feedback", _csv(tmp_path, f"date,job_ref,score,phone\n{DAY},J-1,3,07700900123\n"))
    assert [(p.line, p.column) for p in info.value.problems] == [(1, "phone")]
