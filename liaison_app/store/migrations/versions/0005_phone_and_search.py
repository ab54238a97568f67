"""phone numbers in national format; tenant search key folded

Revision ID: 0005_phone_and_search
Revises: 0004_sign_in_failures

Phone numbers are now checked and formatted with `phonenumbers` (issue #11): '01614 960000', as the
old rule printed a Manchester number, becomes '0161 496 0000'. Every stored phone (tenant, contractor,
job complainant, support contact) is reformatted; a number that no longer validates is kept exactly
as typed, so nothing is lost.

`tenant.search_text` is now folded (domain.text.fold: lower case, accents spelled in ASCII), so
'celik' finds Çelik. It is rebuilt for every tenant with the domain rule; the FTS index follows through
its update trigger. Record versions are not bumped: the records' meaning is unchanged.

Downgrade leaves the data as it is: the new formats are valid phone numbers and search text for the
older code too.
"""
from types import SimpleNamespace

from alembic import op

from liaison_app.domain.homes import tenant_search_text
from liaison_app.domain.validation import reformat_phone

revision = "0005_phone_and_search"
down_revision = "0004_sign_in_failures"
branch_labels = None
depends_on = None

PHONE_COLUMNS = (("tenant", "phone"), ("contractor", "phone"), ("job", "complainant_phone"),
                 ("supportcontact", "phone"))
TENANT_FIELDS = ("first_name", "preferred_name", "last_name", "tenancy_ref")
HOME_FIELDS = ("address_line1", "address_line2", "town", "postcode", "uprn")


def _reformat_phones(conn) -> None:
    for table, column in PHONE_COLUMNS:
        rows = conn.exec_driver_sql(f"SELECT id, {column} FROM {table} WHERE {column} != ''").fetchall()
        changed = [(reformat_phone(phone), row_id) for row_id, phone in rows if reformat_phone(phone) != phone]
        if changed:
            conn.exec_driver_sql(f"UPDATE {table} SET {column} = ? WHERE id = ?", changed)


def _rebuild_search_text(conn) -> None:
    columns = ", ".join([f"t.{f}" for f in TENANT_FIELDS] + [f"h.{f}" for f in HOME_FIELDS])
    rows = conn.exec_driver_sql(
        f"SELECT t.id, t.search_text, h.id, {columns} FROM tenant AS t LEFT JOIN home AS h ON h.id = t.home_id")
    changed = []
    for row in rows:
        tenant = SimpleNamespace(**dict(zip(TENANT_FIELDS, row[3:3 + len(TENANT_FIELDS)])))
        home = None if row[2] is None else SimpleNamespace(**dict(zip(HOME_FIELDS, row[3 + len(TENANT_FIELDS):])))
        text = tenant_search_text(tenant, home)
        if text != row[1]:
            changed.append((text, row[0]))
    if changed:
        conn.exec_driver_sql("UPDATE tenant SET search_text = ? WHERE id = ?", changed)


def upgrade() -> None:
    conn = op.get_bind()
    _reformat_phones(conn)
    _rebuild_search_text(conn)


def downgrade() -> None:
    pass
