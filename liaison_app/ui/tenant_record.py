"""The tenant record: who they are, how to reach them, the badges an officer takes in at a glance,
and a tab for each kind of record held on them.

Back (Esc or Alt+Left) returns to the tenant list. Edit details… (Ctrl+Shift+E) opens the tenant form.
The tabs are listed in ui/record_tabs.py.

Building and first laying out the record's widgets costs far more than reading a tenant, so the Tenants
page keeps one record and `switch_to` another tenant: the header is blanked, every tab is emptied (a tab
that can, `forget_tenant`, is kept and shows the new tenant's rows when it is next shown; any other is
built again) and the tenant is read as on a first open.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from shiboken6 import isValid

from liaison_app.domain.enums import PreferredContact
from liaison_app.services import tenants
from liaison_app.services.record_screens import TenantHeader, tenant_header
from liaison_app.services.flag_notes import legend
from liaison_app.services.records import Change
from liaison_app.ui.actions import shortcut_action
from liaison_app.ui.record_tab import tool_button
from liaison_app.ui.record_tabs import tab_specs
from liaison_app.ui.tab_keys import TabKeys
from liaison_app.ui.tenant_admin_actions import admin_actions
from liaison_app.ui.tenant_form import TenantForm
from liaison_app.ui.widgets import BadgeRow, SectionHeader, discard, hline, muted, risk_flags
from liaison_app.ui.workers import load, shown_at_once


def _value(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class TenantRecord(QWidget):
    """Signals: back() to return to the list; open_job(job_id) from the Jobs tab; erased(tenant_id) after an
    admin erased the tenant (the record must then close)."""

    back = Signal()
    open_job = Signal(str)
    erased = Signal(str)
    loaded = Signal()  # the header of a read is shown

    def __init__(self, store, tenant_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.tenant_id = tenant_id
        self.built_for = store.actor_id  # the officer whose role chose the actions (admins: export, erase)
        self.form = None
        self.last_change: Change | None = None
        self.back_action = shortcut_action(self, "", self.back.emit, "Esc")
        self.back_action.setShortcuts(["Esc", "Alt+Left"])
        self.set_back_to("")
        self.edit_action = shortcut_action(self, self.tr("Edit details…"), self.edit_details, "Ctrl+Shift+E")
        self.undo_edit_action = shortcut_action(self, self.tr("Undo details edit"), self.undo_details, "Ctrl+Shift+Z")
        self.admin_actions = admin_actions(self)  # export everything held / erase: admins only
        lay = QVBoxLayout(self)
        lay.addLayout(self._build_header())
        self.badges = BadgeRow(self)
        self.badges.set_legend([(tone, self.tr(words)) for tone, words in legend()])
        lay.addWidget(self.badges)
        lay.addWidget(hline(self))
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Records held on this tenant"))
        self.tab_pages: dict[str, QWidget] = {}
        self._add_tabs()
        self.tab_keys = TabKeys(self, self.current_tab)  # Ctrl+N etc. act on the tab in view, wherever the cursor is
        self.tabs.currentChanged.connect(lambda _i: self.tab_keys.update())
        lay.addWidget(self.tabs, 1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.refresh_header()

    def _build_header(self) -> QVBoxLayout:
        top = QHBoxLayout()
        self.back_button = tool_button(self, self.back_action)
        self.name_label = SectionHeader("", self, scale=1.5)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = tool_button(self, self.edit_action)
        self.undo_edit_button = tool_button(self, self.undo_edit_action)
        self.loading = muted("", self)  # says "Loading…" quietly while the header is read
        top.addWidget(self.back_button)
        top.addWidget(self.name_label)
        top.addWidget(self.loading, 1)
        top.addWidget(self.edit_button)
        top.addWidget(self.undo_edit_button)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.facts: dict[str, QLabel] = {}
        rows = [("address", self.tr("Address")), ("ref", self.tr("Reference")), ("phone", self.tr("Phone")),
                ("contact", self.tr("Prefers")), ("language", self.tr("Language")), ("email", self.tr("Email"))]
        for i, (key, caption) in enumerate(rows):
            r, c = i // 2, (i % 2) * 2
            title = QLabel(caption + ":")
            title.setStyleSheet("color: #5f6368;")
            grid.addWidget(title, r, c, Qt.AlignmentFlag.AlignTop)
            self.facts[key] = _value("")
            self.facts[key].setAccessibleName(caption)
            grid.addWidget(self.facts[key], r, c + 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        box = QVBoxLayout()
        box.addLayout(top)
        box.addLayout(grid)
        return box

    def _add_tabs(self) -> None:
        """One holder per tab; a tab is built the first time it is shown, so the record opens fast."""
        self.specs = {spec.class_name: spec for spec in tab_specs()}
        self.holders: dict[str, QWidget] = {}
        self.kept: dict[str, QWidget] = {}  # tabs emptied of the last tenant, to show the next one
        for name, spec in self.specs.items():
            holder = QWidget(self.tabs)
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.holders[name] = holder
            self.tabs.addTab(holder, spec.label)
        self.tabs.currentChanged.connect(self._tab_shown)
        self._tab_shown(self.tabs.currentIndex())

    def _tab_shown(self, index: int) -> None:
        holder = self.tabs.widget(index)
        name = next((n for n, h in self.holders.items() if h is holder), None)
        if name is not None:
            with shown_at_once():  # painted with its rows rather than "Loading…" then the rows
                self.tab(name)

    def tab(self, class_name: str) -> QWidget:
        """The tab named by its class (built now if it was not shown yet)."""
        if class_name not in self.tab_pages and class_name in self.kept:
            tab = self.kept.pop(class_name)
            self.tab_pages[class_name] = tab
            tab.show_tenant(self.tenant_id)
        elif class_name not in self.tab_pages:
            spec = self.specs[class_name]
            tab = spec.tab_class(self.store, self.tenant_id, self)
            if hasattr(tab, "changed"):
                tab.changed.connect(self.refresh_header)
            if hasattr(tab, "open_job"):
                tab.open_job.connect(self.open_job)
            self.holders[class_name].layout().addWidget(tab)
            self.tab_pages[class_name] = tab
        return self.tab_pages[class_name]

    def current_tab(self) -> QWidget | None:
        holder = self.tabs.currentWidget()
        return next((self.tab_pages.get(n) for n, h in self.holders.items() if h is holder), None)

    def show_tab(self, class_name: str) -> QWidget:
        self.tabs.setCurrentWidget(self.holders[class_name])
        return self.tab(class_name)

    # ----- another tenant in the same record
    def set_back_to(self, label: str) -> None:
        """Back's words: "Back to the list", or "Back to Today" when the record was opened from a page."""
        text = self.tr("Back to %s") % label.replace("&", "") if label else self.tr("Back to the list")
        self.back_action.setText(text)
        self.back_action.setIconText("◀ " + text if label else self.tr("◀ Back"))

    def can_switch(self) -> bool:
        """Whether this record may show another tenant: the same officer is signed in (the admin actions
        follow the role) and no form of this record is open."""
        forms = [self.form, *(getattr(t, "form", None) for t in self.tab_pages.values())]
        open_forms = [f for f in forms if f is not None and isValid(f) and f.isVisible()]
        return self.store.actor_id == self.built_for and not open_forms

    def clear(self) -> None:
        """Show nobody: the header blank and every tab closed (nothing of the last tenant stays on screen)."""
        self.last_change = None
        self.name_label.setText("")
        self.name_label.setAccessibleName("")
        for label in self.facts.values():
            label.setText("")
        self.badges.set_badges([])
        for name, tab in list(self.tab_pages.items()):
            form = getattr(tab, "form", None)
            if hasattr(tab, "forget_tenant") and (form is None or not isValid(form) or not form.isVisible()):
                tab.forget_tenant()  # its widgets are kept: building a tab costs more than reading its rows
                self.kept[name] = tab
            else:
                self.holders[name].layout().removeWidget(tab)
                discard(tab)
        self.tab_pages.clear()

    def switch_to(self, tenant_id: str, tab: str = "") -> None:
        """Show `tenant_id` in this record, on the tab class named `tab` (else the first), as a new record would."""
        self.clear()
        self.tenant_id = tenant_id
        holder = self.holders.get(tab) or self.tabs.widget(0)
        if self.tabs.currentWidget() is holder:
            self._tab_shown(self.tabs.currentIndex())
        else:
            self.tabs.setCurrentWidget(holder)  # builds the tab through currentChanged
        self.tab_keys.update()
        self.refresh_header()

    # ----- showing
    def refresh_header(self) -> None:
        """Read the header off the UI thread; the name says "Loading…" until the first read arrives."""
        self.undo_edit_action.setEnabled(self.last_change is not None)
        self.undo_edit_button.setVisible(self.last_change is not None)
        load(self, tenant_header, self.store, self.tenant_id, on_done=self._show_header, key="header",
             status=self.loading)

    def _show_header(self, t: TenantHeader) -> None:
        self.loading.clear()
        name = t.display_name
        if t.full_name and t.preferred_name:
            name += "  " + self.tr("(%s)") % t.full_name
        self.name_label.setText(name)
        self.name_label.setAccessibleName(name)
        address = t.address or self.tr("No home recorded")
        if t.block_name:
            address += "  ·  " + self.tr("Block: %s") % t.block_name
        contact = PreferredContact(t.preferred_contact).label if t.preferred_contact in PreferredContact.values() \
            else self.tr("Not said")
        language = t.language or self.tr("Not recorded")
        if t.interpreter_needed:
            language += " — " + self.tr("interpreter needed")
        for key, text in (("ref", t.tenancy_ref), ("address", address), ("phone", t.phone or self.tr("Not recorded")),
                          ("contact", contact), ("language", language), ("email", t.email or self.tr("Not recorded"))):
            self.facts[key].setText(text)
        risks = risk_flags()
        notes = {b: self.tr(n) for b, n in getattr(t, "badge_notes", ())}  # tooltips: meaning and severity
        self.badges.set_badges(sorted(t.badges, key=lambda b: b not in risks), notes)  # risks to operatives first
        self.loaded.emit()

    def refresh(self) -> None:
        self.refresh_header()
        for tab in self.tab_pages.values():
            if hasattr(tab, "refresh"):
                tab.refresh()

    def menu_actions(self) -> list[QAction]:
        actions = [self.back_action, self.edit_action, self.undo_edit_action, *self.admin_actions]
        holder = self.tabs.currentWidget()
        tab = next((self.tab_pages[n] for n, h in self.holders.items() if h is holder and n in self.tab_pages), None)
        if hasattr(tab, "menu_actions"):
            actions += tab.menu_actions()
        else:
            actions += [a for a in (tab.actions() if tab else []) if a.text()]
        return actions

    # ----- editing details
    def edit_details(self) -> TenantForm:
        form = TenantForm(self.store, self.tenant_id, self)
        self.form = form
        form.accepted.connect(lambda: self._details_saved(form.result_value))
        form.finished.connect(lambda _r: form.deleteLater())
        form.open()
        return form

    def _details_saved(self, change: Change) -> None:
        if change is not None and change.after:
            self.last_change = change
        self.form = None
        self.refresh_header()

    def undo_details(self) -> bool:
        if self.last_change is None:
            return False
        change, self.last_change = self.last_change, None
        tenants.undo_tenant_change(self.store, change)
        self.refresh_header()
        return True
