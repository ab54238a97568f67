"""The form base: a message under each field, Save only when valid, Ctrl+S, asking before discarding."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from liaison_app.domain.validation import ValidationError, clean_postcode
from liaison_app.services.records import StaleRecord
from liaison_app.ui.forms import FormDialog


class PostcodeForm(FormDialog):
    def __init__(self, fail=None):
        super().__init__("Test form")
        self.fail = fail
        self.saved = []
        self.add_line("name", "Name")
        self.add_line("postcode", "Postcode")
        self.add_text("notes", "Notes")
        self.mark_private("notes")
        self.add_date("review", "Review", None, optional=True, default=date(2027, 1, 1))
        self.add_combo("kind", "Kind", [("a", "Apple"), ("b", "Banana")], "b")
        self.add_checkbox("share", "Share", True)
        self.ready()

    def validate(self):
        errors = {}
        if not self.value("name"):
            errors["name"] = "Enter a name."
        try:
            clean_postcode(self.value("postcode"))
        except ValidationError as exc:
            errors["postcode"] = str(exc)
        return errors

    def save(self):
        if self.fail:
            raise self.fail
        self.saved.append(self.values())
        return "done"


@pytest.fixture(autouse=True)
def _never_block(monkeypatch):
    """A real modal question would hang an offscreen run: tests that care patch it again."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


@pytest.fixture
def form(qtbot):
    f = PostcodeForm()
    qtbot.addWidget(f)
    f.show()
    return f


def test_save_disabled_until_valid_with_messages_under_fields(form, qtbot):
    assert not form.save_button.isEnabled()
    assert form.field_error("name") == "Enter a name."
    qtbot.keyClicks(form.fields["name"].widget, "Ada")
    qtbot.keyClicks(form.fields["postcode"].widget, "BA12 9Z")
    assert form.field_error("name") == ""
    assert "postcode" in form.field_error("postcode").lower()
    assert not form.save_button.isEnabled()
    qtbot.keyClicks(form.fields["postcode"].widget, "Z")
    assert form.field_error("postcode") == ""
    assert form.save_button.isEnabled()


def test_ctrl_s_saves_and_returns_values(form, qtbot):
    qtbot.keyClicks(form.fields["name"].widget, "Ada")
    qtbot.keyClicks(form.fields["postcode"].widget, "ba129ab")
    qtbot.keyClick(form.fields["name"].widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.result_value == "done"
    assert form.saved[0]["kind"] == "b" and form.saved[0]["share"] is True
    assert form.saved[0]["review"] is None
    assert form.result() == form.DialogCode.Accepted


def test_optional_date_tick_gives_default(form):
    form.fields["review"].widget.check.setChecked(True)
    assert form.value("review") == date(2027, 1, 1)
    form.fields["review"].widget.check.setChecked(False)
    assert form.value("review") is None


def test_inputs_have_accessible_names(qtbot):
    f = PostcodeForm()
    qtbot.addWidget(f)
    f.add_line("town", "&Town:")
    assert f.fields["town"].widget.accessibleName() == "Town"
    assert f.fields["review"].widget.edit.accessibleName() == "Review"


def test_private_field_is_marked(form):
    tags = [w.text() for w in form.findChildren(type(form.message)) if w.objectName() == "privateTag"]
    assert tags == ["Private — never printed"]


def test_field_error_from_service_shows_under_field(qtbot):
    f = PostcodeForm(fail=ValidationError("That reference is taken.", field="name"))
    qtbot.addWidget(f)
    f.set_value("name", "Ada")
    f.set_value("postcode", "BA12 9AB")
    assert f.try_save() is False
    assert f.field_error("name") == "That reference is taken."
    assert not f.save_button.isEnabled()
    f.set_value("name", "Ada B")  # changing the field clears the service's message
    assert f.save_button.isEnabled()


@pytest.mark.parametrize("exc,expected", [(StaleRecord(), "changed by someone else"),
                                          (OSError("disk full"), "could not be saved")])
def test_other_errors_give_a_calm_message_and_keep_the_form(qtbot, exc, expected):
    f = PostcodeForm(fail=exc)
    qtbot.addWidget(f)
    f.set_value("name", "Ada")
    f.set_value("postcode", "BA12 9AB")
    assert f.try_save() is False
    assert expected in f.message.text()
    assert f.value("name") == "Ada"


def test_closing_a_dirty_form_asks(form, qtbot, monkeypatch):
    asked = []

    def answer(*args, **kwargs):
        asked.append(args)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    qtbot.keyClicks(form.fields["name"].widget, "Ada")
    qtbot.keyClick(form.fields["name"].widget, Qt.Key.Key_Escape)
    assert len(asked) == 1 and form.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    form.close()
    assert not form.isVisible()
    assert form.result() == form.DialogCode.Rejected


def test_closing_a_clean_form_does_not_ask(form, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("asked"))
    form.reject()
    assert not form.isVisible()
