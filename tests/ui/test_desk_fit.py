"""Issue #13.3: every window and dialog opens within the available screen at 1024×700, long dialogs
scroll inside, and their buttons stay visible."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QDialogButtonBox, QMessageBox, QPushButton

from desk_walk import world  # noqa: F401 (fixture: one store shared by the module)
from desk_walk import dialog_classes, show_dialog
from liaison_app.services import support
from liaison_app.ui import screen_fit
from liaison_app.ui.main_window import MainWindow
from liaison_app.ui.pages import page_specs
from liaison_app.ui.support_plan_form import SupportPlanDialog

SMALL = QRect(0, 0, 1024, 700)


@pytest.fixture(autouse=True)
def small_screen(monkeypatch):
    """A 1024×700 screen, and the start-up's fitting of every window to it."""
    monkeypatch.setattr(screen_fit, "available_geometry", lambda widget=None: QRect(SMALL))
    for name in ("question", "information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: QMessageBox.StandardButton.Cancel)
    fitter = screen_fit.install(QApplication.instance())
    yield
    QApplication.instance().removeEventFilter(fitter)
    fitter.setParent(None)


def _ancestors(widget, window):
    while widget is not None and widget is not window:
        widget = widget.parentWidget()
        yield widget


def within(window) -> list[str]:
    """What of `window` is off the small screen: its size, or a button cut off inside it."""
    problems = []
    if window.width() > SMALL.width() or window.height() > SMALL.height() - screen_fit.FRAME_ALLOWANCE:
        problems.append(f"{type(window).__name__} is {window.width()}×{window.height()}")
    frame = window.rect()
    for button in window.findChildren(QPushButton):
        in_scroll = any(isinstance(p, QAbstractScrollArea) for p in _ancestors(button, window))
        if button.isVisibleTo(window) and button.window() is window and not in_scroll:  # scrolled parts may hide
            corner = button.mapTo(window, button.rect().bottomRight())
            if not frame.contains(corner):
                problems.append(f"{type(window).__name__}: button {button.text()!r} is cut off")
    return problems


def test_the_main_window_and_every_page_fit_a_1024_by_700_screen(world, qtbot):
    window = MainWindow(world.store)
    qtbot.addWidget(window)
    window.show()
    problems = within(window)
    for spec in page_specs():
        window.show_page(spec.key)
        problems += within(window)
    assert window.statusBar().isVisible() and window.statusBar().geometry().bottom() <= window.height()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("dialog_class", dialog_classes(), ids=lambda c: c.__name__)
def test_every_dialog_fits_a_1024_by_700_screen(world, qtbot, dialog_class):
    dialog = show_dialog(dialog_class, world, qtbot)
    assert not within(dialog), "\n".join(within(dialog))


def test_a_support_plan_with_many_measures_scrolls_inside_and_keeps_its_buttons(world, qtbot):
    plan = support.create_plan(world.store, world.ids["tenant_id"], strain="PRIVATE", status="active")
    for i in range(30):
        support.add_measure(world.store, plan.id, f"Measure number {i}")
    dialog = SupportPlanDialog(world.store, world.ids["tenant_id"], plan.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.height() <= SMALL.height() - screen_fit.FRAME_ALLOWANCE
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.isVisible() and dialog.rect().contains(save.mapTo(dialog, save.rect().bottomRight()))
    assert dialog.form_area.verticalScrollBar().maximum() > 0 or dialog.height() < dialog.sizeHint().height() + 1
