"""Issue #12 at the desk: the operative form records trade, Gas Safe and badge expiry and gender (for requests
only); the job form warns of a double booking as the operative and times are chosen."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtWidgets import QMessageBox

from liaison_app.domain import Home, Tenant
from liaison_app.services import records, works
from liaison_app.ui.contractor_forms import OperativeDialog
from liaison_app.ui.job_detail import JobDetailDialog


def test_operative_form_records_the_new_details_and_checks_the_gas_safe_number(qtbot, store):
    acme = works.create_contractor(store, "Acme Gas")
    dialog = OperativeDialog(store, acme.id)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.fields["name"].widget, "Sarah Okonjo")
    qtbot.keyClicks(dialog.fields["badge_number"].widget, "AG-7")
    qtbot.keyClicks(dialog.fields["gas_safe_number"].widget, "12")
    assert not dialog.save_button.isEnabled() and "6 or 7 digits" in dialog.field_error("gas_safe_number")
    dialog.set_value("gas_safe_number", "512345")
    dialog.set_value("gas_safe_expiry", date(2027, 5, 31))
    dialog.set_value("gender", "female")
    qtbot.keyClicks(dialog.fields["trade"].widget, "gas")
    assert dialog.try_save()
    sarah = works.list_operatives(store, acme.id)[0]
    assert (sarah.gender, sarah.trade, sarah.gas_safe_number, sarah.gas_safe_expiry) == (
        "female", "gas", "512345", date(2027, 5, 31))


def test_job_record_shows_the_warnings_and_rechecks_a_double_booking(qtbot, store, monkeypatch):
    acme = works.create_contractor(store, "Acme Gas")
    dai = works.add_operative(store, acme.id, "Dai Evans", "AG-1", gender="male")
    home = records.create(store, Home(address_line1="1 Mill Lane", town="Bath", postcode="BA1 1AA"))
    tenant = records.create(store, Tenant(tenancy_ref="T-1", first_name="Gwen", last_name="Jones", home_id=home.id))
    start = datetime.combine(date.today() + timedelta(days=2), datetime.min.time()) + timedelta(hours=9)
    works.create_job(store, job_ref="J-1", contractor_id=acme.id, job_type="repair", description="Tap",
                     tenant_id=tenant.id, operative_id=dai.id, appointment_start=start,
                     appointment_end=start + timedelta(hours=2))
    later = works.create_job(store, job_ref="J-2", contractor_id=acme.id, job_type="repair", description="Door",
                             tenant_id=tenant.id, operative_id=dai.id, appointment_start=start + timedelta(hours=3),
                             appointment_end=start + timedelta(hours=5))
    dialog = JobDetailDialog(store, later.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.doorstep.isVisible()
    dialog.set_value("appointment_start", start + timedelta(hours=1))
    assert dialog.doorstep.isVisible() and "DOUBLE BOOKED with J-1" in dialog.doorstep.text()
    dialog.set_value("operative_id", "")
    assert not dialog.doorstep.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
