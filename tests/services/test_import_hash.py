"""An unchanged re-import is found by each row's hash (issue #15, point 4): it writes nothing and cleans no
row, yet an edit made in the app since (to the tenant, the home or the block) is put back as the file says,
and a changed cell updates that tenant only."""
from __future__ import annotations

from sqlalchemy import text as sql
from sqlmodel import select

from liaison_app.domain import AuditEvent, Home, Tenant
from liaison_app.services import import_tenants as tenant_import
from liaison_app.services import imports, subject_access, tenant_fields, tenants

HEADER = "tenancy_ref,first_name,last_name,phone,uprn,address_line1,address_line2,town,postcode,block\n"
ROWS = ("HA-1,Ann,Lee,07700 900123,100012345678,Flat 1,Elm Court,Bath,BA1 1AA,Elm Court\n"
        "HA-2,Bo,Khan,+44 1225 123456,100012345679,Flat 2,Elm Court,Bath,BA1 1AA,Elm Court\n"
        "HA-3,Cy,Ode,,,9 Mill Lane,,Bath,BA1 1AB,\n")


def _file(tmp_path, text: str, name: str = "tenants.csv"):
    path = tmp_path / name
    path.write_text(HEADER + text, encoding="utf-8")
    return path


def _state(store) -> list[tuple]:
    """Every tenant, home and block row as stored (versions and updated_at included), and the audit count."""
    with store.engine.connect() as conn:
        rows = [tuple(r) for name in ("tenant", "home", "block")
                for r in conn.execute(sql(f'SELECT * FROM "{name}" ORDER BY id'))]
        return rows + [conn.execute(sql("SELECT count(*) FROM audit_event")).scalar_one()]


def _counted_cleaning(monkeypatch) -> list[str]:
    """Record every cell the tenant cleaners see."""
    seen: list[str] = []
    for name, cleaner in list(tenant_fields.CLEANERS.items()):
        monkeypatch.setitem(tenant_fields.CLEANERS, name, lambda v, c=cleaner: seen.append(v) or c(v))
    return seen


def _tenant(store, ref: str) -> Tenant:
    with store.read() as s:
        return s.exec(select(Tenant).where(Tenant.tenancy_ref == ref)).one()


def test_an_unchanged_reimport_writes_nothing_and_cleans_no_row(store, tmp_path, monkeypatch):
    path = _file(tmp_path, ROWS)
    imports.import_tenants(store, path)
    imports.import_tenants(store, path)  # the first import already leaves every row's hash
    before = _state(store)
    seen = _counted_cleaning(monkeypatch)
    result = imports.import_tenants(store, path)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    assert seen == []
    after = _state(store)
    assert after[:-1] == before[:-1]  # no row's value, version or updated_at changed
    assert after[-1] == before[-1] + 1  # the import's one audit event
    with store.read() as s:
        assert s.exec(select(AuditEvent).order_by(AuditEvent.seq.desc())).first().summary == str(result)


def test_an_edit_in_the_app_since_is_put_back_as_the_file_says(store, tmp_path):
    path = _file(tmp_path, ROWS)
    imports.import_tenants(store, path)
    ann, cy = _tenant(store, "HA-1"), _tenant(store, "HA-3")
    tenants.change_tenant(store, ann.id, {"phone": "01225 654321"})
    tenants.change_home(store, cy.home_id, {"address_line2": "Round the back"})
    result = imports.import_tenants(store, path)
    assert (result.created, result.updated, result.unchanged) == (0, 2, 1)
    assert _tenant(store, "HA-1").phone == "07700 900123"
    with store.read() as s:
        assert s.get(Home, cy.home_id).address_line2 == ""
    assert imports.import_tenants(store, path).unchanged == 3


def test_a_block_renamed_in_the_app_is_checked_again(store, tmp_path):
    path = _file(tmp_path, ROWS)
    imports.import_tenants(store, path)
    with store.engine.begin() as conn:  # as an edit in the app would: the block's version moves on
        conn.execute(sql("UPDATE block SET name = 'Elm House', version = version + 1"))
    result = imports.import_tenants(store, path)
    assert (result.updated, result.unchanged) == (2, 1)  # both flats go back to a block named Elm Court
    block = tenants.get_tenant(store, _tenant(store, "HA-2").id)[2]
    assert block.name == "Elm Court"


def test_one_changed_cell_updates_that_tenant_only(store, tmp_path):
    imports.import_tenants(store, _file(tmp_path, ROWS))
    versions = {ref: _tenant(store, ref).version for ref in ("HA-1", "HA-2", "HA-3")}
    result = imports.import_tenants(store, _file(tmp_path, ROWS.replace("Bo,Khan", "Bo,Khan-Ode"), "again.csv"))
    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    assert _tenant(store, "HA-2").last_name == "Khan-Ode"
    assert {ref: _tenant(store, ref).version for ref in versions} == {**versions, "HA-2": versions["HA-2"] + 1}


def test_rows_sharing_a_home_are_still_applied_in_file_order(store, tmp_path):
    shared = ("HA-1,Ann,Lee,,100012345678,Flat 1,Old name,Bath,BA1 1AA,\n"
              "HA-2,Bo,Khan,,100012345678,Flat 1,New name,Bath,BA1 1AA,\n")
    path = _file(tmp_path, shared)
    imports.import_tenants(store, path)
    result = imports.import_tenants(store, path)  # as before the hashes: the first row, then the second, win
    assert (result.created, result.updated, result.unchanged) == (0, 2, 0)
    with store.read() as s:
        assert s.get(Home, _tenant(store, "HA-2").home_id).address_line2 == "New name"


def test_an_edit_made_while_the_file_is_checked_is_put_back(store, tmp_path, monkeypatch):
    path = _file(tmp_path, ROWS)
    imports.import_tenants(store, path)
    ann = _tenant(store, "HA-1")
    checked = tenant_import.check_rows

    def check_then_edit(*args):
        out = checked(*args)
        if args[1:] and args[1] is not None:  # the check made before the import's transaction
            tenants.change_tenant(store, ann.id, {"first_name": "Annie"})
        return out

    monkeypatch.setattr(tenant_import, "check_rows", check_then_edit)
    result = imports.import_tenants(store, path)
    assert (result.updated, result.unchanged) == (1, 2)
    assert _tenant(store, "HA-1").first_name == "Ann"


def test_the_hash_is_not_in_a_subject_access_export(store, tmp_path):
    imports.import_tenants(store, _file(tmp_path, ROWS))
    ann = _tenant(store, "HA-1")
    assert ann.import_hash
    exported = subject_access.export_json(store, ann.id, tmp_path / "ann.json").read_text(encoding="utf-8")
    assert "import_hash" not in exported and ann.import_hash not in exported
