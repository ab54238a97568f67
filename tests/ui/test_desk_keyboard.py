"""Issue #13.1: no two controls in one window share a mnemonic, and no label shows a literal "&".

Walks every page of the main window, every tab of the tenant record and every dialog class in
liaison_app/ui (found by walking the package: see desk_walk.py).
"""
from __future__ import annotations

import pytest

from desk_walk import quiet_boxes, world  # noqa: F401 (fixtures)
from desk_walk import clashes, dialog_classes, literal_ampersands, show_dialog
from liaison_app.ui.main_window import MainWindow
from liaison_app.ui.pages import page_specs
from liaison_app.ui.record_tabs import tab_specs

pytestmark = pytest.mark.usefixtures("quiet_boxes")


def check(window, where: str, problems: list[str]) -> None:
    for key, texts in clashes(window).items():
        problems.append(f"{where}: Alt+{key.upper()} is {' and '.join(repr(t) for t in texts)}")
    for text in literal_ampersands(window):
        problems.append(f"{where}: label shows a literal '&': {text!r}")


def test_no_page_or_record_tab_shares_a_mnemonic_or_shows_an_ampersand(world, qtbot):
    window = MainWindow(world.store)
    qtbot.addWidget(window)
    window.show()
    problems: list[str] = []
    for spec in page_specs():
        window.show_page(spec.key)
        check(window, f"page {spec.key}", problems)
    window.open_tenant(world.ids["tenant_id"])
    record = window.page("tenants").record
    for spec in tab_specs():
        record.show_tab(spec.class_name)
        check(window, f"tenant record, tab {spec.class_name}", problems)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("dialog_class", dialog_classes(), ids=lambda c: c.__name__)
def test_no_dialog_shares_a_mnemonic_or_shows_an_ampersand(world, qtbot, dialog_class):
    dialog = show_dialog(dialog_class, world, qtbot)
    problems: list[str] = []
    check(dialog, dialog_class.__name__, problems)
    assert not problems, "\n".join(problems)
