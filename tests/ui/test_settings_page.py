"""Settings are validated, saved through the service and read back."""
from __future__ import annotations

from PySide6.QtGui import QColor, QPixmap

from liaison_app.services import officers, settings
from liaison_app.ui import settings_page
from liaison_app.ui.settings_page import SettingsPage


def make_page(qtbot, store):
    page = SettingsPage(store)
    qtbot.addWidget(page)
    page.show()
    return page


def test_settings_saved_and_reloaded(qtbot, store, tmp_path, monkeypatch):
    logo = tmp_path / "logo.png"
    pixmap = QPixmap(40, 20)
    pixmap.fill(QColor("#0b3d91"))
    assert pixmap.save(str(logo))
    monkeypatch.setattr(settings_page.QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(logo), "Pictures (*.png *.jpg *.jpeg)")))
    page = make_page(qtbot, store)
    assert not page.save_button.isEnabled()
    page.inputs["landlord_name"].clear()
    qtbot.keyClicks(page.inputs["landlord_name"], "Wessex Homes")
    page.choose_logo()
    page.inputs["conduct_reminders"].setPlainText("Show your ID.\nNo toilet use.")
    page.inputs["auto_lock_minutes"].setValue(10)
    page.inputs["safeguarding_line"].setText("01225 555010 (safeguarding team)")
    assert page.save_button.isEnabled()
    with qtbot.waitSignal(page.saved):
        page.save_button.click()
    assert page.status.text() == "Settings saved."

    stored = settings.all_settings(store)
    assert stored["landlord_name"] == "Wessex Homes"
    assert stored["landlord_logo"] == str(logo)
    assert stored["conduct_reminders"] == "Show your ID.\nNo toilet use."
    assert stored["auto_lock_minutes"] == "10"

    again = make_page(qtbot, store)
    assert again.value("landlord_name") == "Wessex Homes"
    assert again.value("auto_lock_minutes") == "10"
    assert not again.logo_preview.pixmap().isNull()
    assert not again.has_unsaved_changes()


def test_bad_logo_and_empty_name_keep_save_disabled(qtbot, store, tmp_path):
    page = make_page(qtbot, store)
    page.inputs["landlord_name"].setText("Wessex Homes")
    assert page.save_button.isEnabled()
    page.inputs["landlord_logo"].setText(str(tmp_path / "logo.gif"))
    assert not page.save_button.isEnabled()
    assert "PNG or JPG" in page.errors["landlord_logo"].text()
    page.inputs["landlord_logo"].setText(str(tmp_path / "missing.png"))
    assert "no file" in page.errors["landlord_logo"].text()
    page.inputs["landlord_logo"].clear()
    page.inputs["landlord_name"].clear()
    assert not page.save_button.isEnabled()
    assert page.errors["landlord_name"].isVisible()


def test_auto_lock_stays_within_bounds(qtbot, store):
    page = make_page(qtbot, store)
    spin = page.inputs["auto_lock_minutes"]
    spin.setValue(500)
    assert spin.value() == 60  # before: 120 (and the service took 240)
    page.inputs["retention_years"].setValue(100)
    assert page.inputs["retention_years"].value() == 25
    spin.setValue(0)
    assert spin.value() == 1
    page.revert_button.click()
    assert page.value("auto_lock_minutes") == "15"


def test_officers_see_settings_read_only_with_a_note(qtbot, store):
    password = "correct horse battery"
    officers.create_officer(store, "ada", "Ada Admin", "admin", password)
    officers.sign_in(store, "ada", password)
    settings.set_setting(store, "landlord_name", "Wessex Homes")
    officers.create_officer(store, "olu", "Olu Officer", "officer", password)
    officers.sign_in(store, "olu", password)
    page = make_page(qtbot, store)
    assert page.read_only_note.isVisible() and "administrator" in page.read_only_note.text()
    assert page.value("landlord_name") == "Wessex Homes"  # shown, not editable
    assert not any(widget.isEnabled() for widget in page.inputs.values())  # before: all editable
    assert not any(button.isEnabled() for button in page.logo_buttons)
    page.inputs["emergency_procedure"].setPlainText("Just carry on.")  # even if changed programmatically
    assert not page.save_button.isEnabled() and not page.save()
    assert settings.get_setting(store, "emergency_procedure") == settings.DEFAULTS["emergency_procedure"]
    officers.sign_in(store, "ada", password)
    admin_page = make_page(qtbot, store)
    assert not admin_page.read_only_note.isVisible()
    assert all(widget.isEnabled() for widget in admin_page.inputs.values())
