"""The main window: the pages on the left, the chosen page on the right, menus and a status bar.

Pages are built the first time they are shown, so start-up stays fast on a large store.
Window size and layout are remembered (QSettings; an ini file under LIAISON_HOME when it is set).
"""
from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QMenu, QStackedWidget, QWidget

from liaison_app import APP_NAME
from liaison_app.ui import file_actions
from liaison_app.ui.about import show_about
from liaison_app.services import tenants
from liaison_app.services.officers import signed_in_name
from liaison_app.ui.job_detail import JobDetailDialog, open_job_detail
from liaison_app.ui.navigation import NavigationList
from liaison_app.ui.pages import officer_dialogs, page_specs
from liaison_app.ui.tab_keys import TabKeys
from liaison_app.ui.remembered import app_settings  # noqa: F401  (also imported from here by tests)
from liaison_app.ui.workers import shown_at_once


class MainWindow(QMainWindow):
    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(APP_NAME)
        self.specs = {spec.key: spec for spec in page_specs()}
        self.pages: dict[str, QWidget] = {}
        self.job_dialog = None
        self.dialog = None
        self.nav = NavigationList(list(self.specs.values()), self)
        self.stack = QStackedWidget(self)
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_status_bar()
        self.nav.page_chosen.connect(self.show_page)
        self.page_keys = TabKeys(self, self.stack.currentWidget)  # Ctrl+N etc. from the sidebar: the page in view
        self.stack.currentChanged.connect(lambda _i: self.page_keys.update())
        self._restore()
        self._open_start_page()

    # ----- building
    def _action(self, menu: QMenu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        for kind, label in file_actions.IMPORT_KINDS:
            self._action(file_menu, label, lambda _=False, k=kind: file_actions.import_csv(self, self.store, k))
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Fill with &demo data…"), lambda: file_actions.fill_demo(self, self.store))
        file_menu.addSeparator()
        self.quit_action = self._action(file_menu, self.tr("&Quit"), self.close, "Ctrl+Q")
        go = bar.addMenu(self.tr("&Go"))
        self.go_actions = {}
        for i, spec in enumerate(self.specs.values()):
            self.go_actions[spec.key] = self._action(go, spec.label, lambda _=False, k=spec.key: self.show_page(k),
                                                     f"Ctrl+{i + 1}" if i < 9 else None)
        go.addSeparator()
        self.find_action = self._action(go, self.tr("&Find tenant"), self.find_tenant, "Ctrl+F")
        self.page_menu = bar.addMenu(self.tr("&Actions"))
        self.page_menu.aboutToShow.connect(self._fill_page_menu)
        self._build_officer_menu(bar)
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About Liaison"), lambda: show_about(self, str(self.store.path)))

    def _build_officer_menu(self, bar) -> None:
        """Lock now, change my password, and for admins the officers and the audit trail."""
        menu = bar.addMenu(self.tr("&Officer"))
        self._action(menu, self.tr("&Lock now"), self.lock_now, "Ctrl+L")
        role, signed_in = self.store.actor_role, bool(self.store.actor_id)
        for spec in officer_dialogs():
            if (spec.admin_only and role != "admin") or (spec.needs_account and not signed_in):
                continue
            self._action(menu, spec.label, lambda _=False, c=spec.dialog_class: self.open_dialog(c))

    def open_dialog(self, dialog_class: type):
        """Open one of the app's dialogs taking (store, parent), window-modal, keeping it alive while open."""
        dialog = dialog_class(self.store, self)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def lock_now(self) -> None:
        lock = getattr(self, "_auto_lock", None)
        if lock is not None:
            lock.lock()

    def _fill_page_menu(self) -> None:
        """The shown page's own actions (with their shortcuts), so every one is in a menu."""
        self.page_menu.clear()
        page = self.stack.currentWidget()
        actions = page.actions() if page is not None else []
        if hasattr(page, "menu_actions"):
            actions = page.menu_actions()
        for action in actions:
            self.page_menu.addAction(action)
        if not actions:
            self.page_menu.addAction(self.tr("(nothing to do on this page)")).setEnabled(False)

    def _build_status_bar(self) -> None:
        self.store_label = QLabel(self.tr("Store: %s") % self.store.path, self)
        self.store_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.officer_label = QLabel(self)
        self.statusBar().addWidget(self.store_label, 1)
        self.statusBar().addPermanentWidget(self.officer_label)
        self.update_officer()

    def update_officer(self) -> None:
        name = self.store.actor or self.tr("nobody")
        if self.store.actor_id:
            name = signed_in_name(self.store)
        self.officer_label.setText(self.tr("Signed in: %s") % name)

    # ----- pages
    def page(self, key: str) -> QWidget:
        """The page named `key`, built the first time it is asked for."""
        if key not in self.pages:
            page = self.specs[key].page_class(self.store, self)
            for signal, slot in (("open_tenant", self.open_tenant), ("open_job", self.open_job),
                                 ("open_tenant_tab", self.open_tenant), ("return_to", self.show_page)):
                if hasattr(page, signal):
                    getattr(page, signal).connect(slot)
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def show_page(self, key: str, refresh: bool = True) -> QWidget:
        """Show the page named `key`; a page shown before reads its data again unless `refresh` is False."""
        built = key in self.pages and refresh
        current = self.stack.currentWidget()
        if current is not None and self.current_key() != key and hasattr(current, "can_leave") \
                and not current.can_leave():  # e.g. unsaved settings: the officer chose to stay
            self.nav.blockSignals(True)
            self.nav.select_key(self.current_key())
            self.nav.blockSignals(False)
            return current
        page = self.page(key)
        if self.stack.currentWidget() is not page:
            self.stack.setCurrentWidget(page)
            if built and hasattr(page, "refresh"):
                page.refresh()
        self.nav.select_key(key)
        self.setWindowTitle(f"{self.specs[key].label} — {APP_NAME}")
        return page

    def current_key(self) -> str | None:
        page = self.stack.currentWidget()
        return next((k for k, p in self.pages.items() if p is page), None)

    def find_tenant(self) -> None:
        page = self.show_page("tenants")
        if page is self.pages.get("tenants"):
            page.focus_search()

    def open_tenant(self, tenant_id: str, tab: str = "") -> None:
        """Open the tenant's record (on `tab`, a tab class name, if given); Back returns to the page it came from."""
        origin = self.current_key()
        page = self.show_page("tenants", refresh=not tenant_id)  # not the record it is about to replace
        if page is not self.pages.get("tenants"):  # the officer stayed on a page with unsaved changes
            return
        with shown_at_once():  # the record's first paint shows its header and first tab, not "Loading…"
            page.show_tenant(tenant_id, tab=tab, came_from=origin if origin != "tenants" else "",
                             came_from_label=self.specs[origin].label if origin in self.specs else "")

    def open_job(self, job_id: str) -> None:
        """Read the job off the UI thread (the status bar says so), then open its record."""
        self.statusBar().showMessage(self.tr("Loading…"))
        open_job_detail(self, self.store, job_id, self._show_job, on_error=self._job_not_opened)

    def _job_not_opened(self, exc: BaseException) -> None:
        self.statusBar().showMessage(self.tr("This job could not be opened: %s") % exc)

    def _show_job(self, dialog: JobDetailDialog) -> None:
        self.statusBar().clearMessage()
        dialog.open_tenant.connect(self._tenant_from_job)
        dialog.finished.connect(self._job_closed)
        self.job_dialog = dialog
        dialog.open()

    def _tenant_from_job(self, tenant_id: str) -> None:
        if self.job_dialog is not None:
            self.job_dialog.reject()
        self.open_tenant(tenant_id)

    def _job_closed(self, _result: int) -> None:
        self.job_dialog = None
        page = self.stack.currentWidget()
        if hasattr(page, "refresh"):
            page.refresh()

    def _open_start_page(self) -> None:
        """LIAISON_START_PAGE (a page key) and LIAISON_OPEN_TENANT (a tenancy reference) help screenshots."""
        key = os.environ.get("LIAISON_START_PAGE", "today")
        self.show_page(key if key in self.specs else next(iter(self.specs)))
        ref = os.environ.get("LIAISON_OPEN_TENANT")
        if ref and "tenants" in self.specs:
            tenant = tenants.find_tenant(self.store, ref)
            if tenant is not None:
                self.open_tenant(tenant.id)

    # ----- remembering the window
    def _restore(self) -> None:
        settings = app_settings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)

    def save_window(self) -> None:
        settings = app_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self.pages.values():
            if hasattr(page, "can_close") and not page.can_close():
                event.ignore()
                return
        self.save_window()
        super().closeEvent(event)

