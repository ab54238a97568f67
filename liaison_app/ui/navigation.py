"""The pages of the main window, in the order the navigation list shows them, and the list itself.

Pages written by other parts of the app are looked up by module: a page whose module is not
installed is left out (found with importlib.util.find_spec, so a real error inside a page that
exists is never hidden).
"""
from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem


def _tr(text: str) -> str:
    return QCoreApplication.translate("navigation", text)


@dataclass(frozen=True)
class PageSpec:
    key: str
    label: str
    module: str
    class_name: str

    def available(self) -> bool:
        return module_exists(self.module)

    def load(self) -> type:
        return getattr(importlib.import_module(self.module), self.class_name)


def module_exists(name: str) -> bool:
    """True if `name` can be imported (without importing it)."""
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:  # a parent package is missing
        return False


def page_specs() -> list[PageSpec]:
    """Every page the app knows, in navigation order (Ctrl+1 is the first)."""
    return [
        PageSpec("today", _tr("Today"), "liaison_app.ui.today_page", "TodayPage"),
        PageSpec("tenants", _tr("Tenants"), "liaison_app.ui.tenants_page", "TenantsPage"),
        PageSpec("jobs", _tr("Jobs"), "liaison_app.ui.jobs_page", "JobsPage"),
        PageSpec("contractors", _tr("Contractors"), "liaison_app.ui.contractors_page", "ContractorsPage"),
        PageSpec("settings", _tr("Settings"), "liaison_app.ui.settings_page", "SettingsPage"),
        PageSpec("reports", _tr("Reports"), "liaison_app.ui.reports_page", "ReportsPage"),
    ]


def available_pages() -> list[PageSpec]:
    return [spec for spec in page_specs() if spec.available()]


class NavigationList(QListWidget):
    """The list of pages on the left. Emits `page_chosen(key)`."""

    page_chosen = Signal(str)

    def __init__(self, specs: list[PageSpec], parent=None):
        super().__init__(parent)
        self.setAccessibleName(_tr("Pages"))
        self.setObjectName("navigation")
        for i, spec in enumerate(specs):
            item = QListWidgetItem(spec.label, self)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(_tr("%s (Ctrl+%d)") % (spec.label, i + 1))
        width = max((self.fontMetrics().horizontalAdvance(s.label) for s in specs), default=80)
        self.setMaximumWidth(width + 6 * self.fontMetrics().averageCharWidth() + 24)
        self.currentItemChanged.connect(self._changed)

    def _changed(self, current: QListWidgetItem | None, _previous) -> None:
        if current is not None:
            self.page_chosen.emit(current.data(Qt.ItemDataRole.UserRole))

    def select_key(self, key: str) -> None:
        for i in range(self.count()):
            if self.item(i).data(Qt.ItemDataRole.UserRole) == key:
                self.setCurrentRow(i)
                return

    def current_key(self) -> str | None:
        item = self.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None
