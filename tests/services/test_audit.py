"""The audit trail: a hash chain that shows tampering; an admin-only, filterable listing."""
from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from liaison_app.services import officers
from liaison_app.services.audit import AuditFilter, audit, audit_actions, list_audit, verify_chain
from liaison_app.services.officers import NotAllowed


def _fill(store, n=5):
    for i in range(n):
        audit(store, "view", "tenant", f"id-{i}", summary=f"{i}")


def _tamper(store_path, statement: str) -> None:
    """Change the file as someone with access to it could: drop the triggers that refuse it, then write."""
    conn = sqlite3.connect(store_path)
    conn.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
    conn.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
    conn.execute(statement)
    conn.commit()
    conn.close()


def test_chain_verifies_and_an_altered_row_fails(store, store_path):
    _fill(store)
    report = verify_chain(store)
    assert report.ok and report.events == 5
    _tamper(store_path, "UPDATE audit_event SET action = 'nothing' WHERE seq = 3")
    report = verify_chain(store)
    assert not report.ok and report.first_bad_seq == 3


def test_a_deleted_row_breaks_the_chain(store, store_path):
    _fill(store)
    _tamper(store_path, "DELETE FROM audit_event WHERE seq = 2")
    report = verify_chain(store)
    assert not report.ok and report.first_bad_seq == 3


def test_cli_audit_verify(store_path, capsys):
    from liaison_app.cli import main
    from liaison_app.store import open_store

    s = open_store(store_path)
    _fill(s)
    s.close()
    assert main(["--db", str(store_path), "audit", "verify"]) == 0
    assert capsys.readouterr().out.startswith("OK")
    _tamper(store_path, "UPDATE audit_event SET officer = 'someone else' WHERE seq = 4")
    assert main(["--db", str(store_path), "audit", "verify"]) == 1
    assert "FAILED at event 4" in capsys.readouterr().out


def test_list_audit_filters_pages_and_is_admin_only(store):
    _fill(store, 30)
    audit(store, "print", "job", "job-1")
    assert [e.record_id for e in list_audit(store, limit=2)] == ["job-1", "id-29"]
    assert len(list_audit(store, limit=10, offset=25)) == 6
    assert [e.action for e in list_audit(store, AuditFilter(action="print"))] == ["print"]
    assert len(list_audit(store, AuditFilter(record="tenant"))) == 30
    assert len(list_audit(store, AuditFilter(record="id-7"))) == 1
    today = date.today()
    assert len(list_audit(store, AuditFilter(date_from=today, date_to=today), limit=100)) == 31
    assert list_audit(store, AuditFilter(date_to=today - timedelta(days=2))) == []
    assert list_audit(store, AuditFilter(officer="nobody")) == []
    assert {"view", "print"} <= set(audit_actions(store))
    officers.create_officer(store, "ada", "Ada", "admin", "ten chars or more")
    officers.sign_in(store, "ada", "ten chars or more")
    assert list_audit(store, AuditFilter(officer="ada"))[0].action == "sign_in"
    store.actor_role = "officer"
    with pytest.raises(NotAllowed):
        list_audit(store)


def test_events_written_together_chain_as_one_at_a_time(store):
    """A pack's prints are appended in one flush (record_events): in order, each chained to the one
    before, the chain still verifying, and after them an event written alone chains on."""
    from liaison_app.services.audit import record_event, record_events

    audit(store, "view", "tenant", "before")
    with store.write() as session:
        assert record_events(session, store.actor, "print", [("job", f"id-{i}", f"J-{i:03d}") for i in range(30)]) == 30
    with store.write() as session:
        record_event(session, store.actor, "view", "tenant", "after")
    rows = list_audit(store, AuditFilter())
    printed = [r for r in rows if r.action == "print"]
    assert sorted(r.summary for r in printed) == [f"J-{i:03d}" for i in range(30)]
    assert [r.summary for r in sorted(printed, key=lambda r: r.seq)] == [f"J-{i:03d}" for i in range(30)]
    report = verify_chain(store)
    assert report.ok and report.events == 32
