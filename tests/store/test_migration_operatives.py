"""Migration 0006_operatives: an operative and a job stored before it keep their data and gain the new
fields empty (nothing recorded yet)."""
from __future__ import annotations

from alembic import command

from liaison_app.domain import Job, Operative
from liaison_app.store import migrate, open_store

ROW = "'2026-01-01 00:00:00.000000', 'x', '2026-01-01 00:00:00.000000', 'x', 1"


def test_operatives_and_jobs_from_0005_gain_empty_details(tmp_path):
    path = tmp_path / "old.db"
    store = open_store(path, migrate=False)
    try:
        command.upgrade(migrate._config(store), "0005_phone_and_search")
        with store.raw() as conn:
            conn.exec_driver_sql(f"INSERT INTO contractor (id, created_at, created_by, updated_at, updated_by, version, "
                                 f"name, phone, email, conduct_version) VALUES ('c1', {ROW}, 'Acme', '', '', '')")
            conn.exec_driver_sql(f"INSERT INTO operative (id, created_at, created_by, updated_at, updated_by, version, "
                                 f"contractor_id, name, badge_number) VALUES ('o1', {ROW}, 'c1', 'Dai', 'B-1')")
            conn.exec_driver_sql(
                f"INSERT INTO job (id, created_at, created_by, updated_at, updated_by, version, job_ref, contractor_id, "
                f"operative_id, trade, job_type, description, status, certificate_ref, complaint_ref, complainant_name, "
                f"complainant_phone, complainant_consent) VALUES ('j1', {ROW}, 'J-1', 'c1', 'o1', '', 'repair', 'Tap', "
                f"'open', '', '', '', '', 0)")
    finally:
        store.close()
    store = open_store(path)
    try:
        with store.read() as session:
            dai, job = session.get(Operative, "o1"), session.get(Job, "j1")
        assert (dai.name, dai.badge_number, dai.gender, dai.trade, dai.gas_safe_number) == ("Dai", "B-1", "", "", "")
        assert dai.gas_safe_expiry is None and dai.badge_expiry is None
        assert job.complainant_tenant_id is None and job.operative_id == "o1"
    finally:
        store.close()
