"""Tampering the hash chain cannot hide: the audit table refuses UPDATE and DELETE, and `audit verify`
compares the chain with the newest checkpoint of its head kept outside the store (a file beside it, and
one inside every backup), saying whether the tail was deleted, the table emptied or the chain rewritten."""
from __future__ import annotations

import json
import os
import sqlite3
import stat
from datetime import datetime, timedelta, timezone

import pytest

from liaison_app.cli import main
from liaison_app.services.audit import GENESIS, _digest, audit, verify_chain
from liaison_app.services.erasure import restore_backup
from liaison_app.services.tenants import create_tenant
from liaison_app.store import open_store
from liaison_app.store import backup as backups


def _fill(store, n):
    for i in range(n):
        audit(store, "view", "tenant", f"id-{i}", summary=f"{i}")


def _store_with_events(path, n):
    """A store closed after `n` audit events (closing writes the checkpoint beside it)."""
    s = open_store(path)
    _fill(s, n)
    s.close()


def _tamper(path, *statements, params=()):
    """Change the file as someone with access to it could: drop the triggers that refuse it, then write."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
    conn.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
    for statement in statements:
        conn.execute(statement)
    for row in params:
        conn.execute("INSERT INTO audit_event (seq, at, officer, action, record_type, record_id, fields, summary, "
                     "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
    conn.commit()
    conn.close()


def _verify(path, capsys):
    code = main(["--db", str(path), "audit", "verify"])
    return code, capsys.readouterr().out


def test_the_audit_table_refuses_update_and_delete(store_path):
    _store_with_events(store_path, 3)
    conn = sqlite3.connect(store_path)
    with pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
        conn.execute("UPDATE audit_event SET officer = 'someone else' WHERE seq = 2")
    with pytest.raises(sqlite3.IntegrityError, match="cannot be deleted"):
        conn.execute("DELETE FROM audit_event")
    assert conn.execute("SELECT count(*), min(officer) = max(officer) FROM audit_event").fetchone() == (3, 1)
    conn.close()


@pytest.mark.parametrize("deleted, said", [
    (10, "FAILED at event 1: emptied table — the trail holds none of the 10 events"),
    (1, "FAILED at event 10: missing tail — the trail ends at event 9, but the checkpoint of"),
    (5, "FAILED at event 6: missing tail — the trail ends at event 5, but the checkpoint of"),
])
def test_verify_reports_a_deleted_tail_or_an_emptied_table(store_path, capsys, deleted, said):
    _store_with_events(store_path, 10)
    _tamper(store_path, f"DELETE FROM audit_event WHERE seq > {10 - deleted}")
    code, out = _verify(store_path, capsys)
    assert code == 1 and out.startswith(said) and "(beside the store)" in out
    if deleted < 10:
        assert f"the last {deleted} event{'s were' if deleted > 1 else ' was'} deleted" in out


def test_verify_reports_a_chain_rewritten_from_the_start(store_path, capsys):
    _store_with_events(store_path, 4)
    prev, rows = GENESIS, []
    day_before = datetime.now(timezone.utc).replace(tzinfo=None) - timedelta(days=1)
    for seq in range(1, 5):  # a chain that holds together, of other events, dated before the checkpoint
        at = day_before + timedelta(minutes=seq)
        digest = _digest(prev, at, "someone", "view", "tenant", f"other-{seq}", "", "")
        rows.append((seq, at.isoformat(" ", "microseconds"), "someone", "view", "tenant", f"other-{seq}", "", "",
                     prev, digest))
        prev = digest
    _tamper(store_path, "DELETE FROM audit_event", params=rows)
    code, out = _verify(store_path, capsys)
    assert code == 1 and out.startswith("FAILED at event 4: rewritten chain — event 4 is not the event the checkpoint")


def test_the_checkpoint_beside_the_store_is_owner_only_and_holds_no_personal_data(store_path):
    s = open_store(store_path)
    create_tenant(s, tenancy_ref="WX-0042", first_name="Zebedee", last_name="Quixotlewski",
                  address_line1="7 Quarry Lane", postcode="BA12 9AB")
    s.close()
    side = store_path.with_name(store_path.name + ".audit-head")
    data = json.loads(side.read_text(encoding="utf-8"))
    assert set(data) == {"seq", "hash", "at"} and data["seq"] >= 1 and len(data["hash"]) == 64
    assert "Quixotlewski" not in side.read_text(encoding="utf-8") and "WX-0042" not in side.read_text(encoding="utf-8")
    if os.name == "posix":
        assert stat.S_IMODE(side.stat().st_mode) == 0o600


def test_with_the_file_beside_the_store_deleted_a_backup_still_tells(store_path, capsys):
    s = open_store(store_path)
    _fill(s, 6)
    backup = backups.backup_if_due(s)
    s.close()
    store_path.with_name(store_path.name + ".audit-head").unlink()
    _tamper(store_path, "DELETE FROM audit_event WHERE seq > 4")
    code, out = _verify(store_path, capsys)
    assert code == 1 and "missing tail" in out and f"(in backup {backup.name})" in out


def test_closing_and_backing_up_after_tampering_keep_the_evidence(store_path, capsys):
    _store_with_events(store_path, 5)
    _tamper(store_path, "DELETE FROM audit_event WHERE seq > 2")
    s = open_store(store_path)  # the app carries on: new events, a backup, a close
    _fill(s, 4)
    backups.backup_if_due(s)
    s.close()
    code, out = _verify(store_path, capsys)
    assert code == 1
    assert "missing tail — events 3 to 5, recorded by the checkpoint of" in out
    assert "were deleted and other events written after them" in out


def test_an_intact_trail_matches_its_checkpoint(store_path, capsys):
    _store_with_events(store_path, 3)
    code, out = _verify(store_path, capsys)
    assert code == 0 and out.startswith("OK: 3 audit events, chain intact; it matches the checkpoint of")


def test_restoring_a_backup_is_not_mistaken_for_tampering(store_path, capsys):
    s = open_store(store_path)
    _fill(s, 3)
    backup = backups.backup_if_due(s)
    _fill(s, 4)
    s.close()
    restore_backup(backup, store_path).store.close()
    code, out = _verify(store_path, capsys)
    assert code == 0 and "chain intact" in out
    assert list(store_path.parent.glob("store-replaced-*.db.audit-head"))  # the old checkpoint kept aside


def test_the_erasure_ledger_refuses_update_and_delete(store):
    from liaison_app.domain import ErasureLedger

    with store.write() as session:
        session.add(ErasureLedger(record_type="tenant", record_id="t-1"))
    conn = sqlite3.connect(store.path)
    with pytest.raises(sqlite3.IntegrityError, match="cannot be deleted"):
        conn.execute("DELETE FROM erasure_ledger")
    with pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
        conn.execute("UPDATE erasure_ledger SET record_id = 'x'")
    conn.close()
    assert verify_chain(store).ok
