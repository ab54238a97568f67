"""The Tenants page: one search box that answers as you type, the results, and the tenant record.

The record opens in place of the list (Enter or double-click); Back (Esc) returns to the list with
the search and selection as they were.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from liaison_app.domain.text import plural
from liaison_app.ui.row_models import RecordTableView
from liaison_app.ui.tenant_new import NewTenantForm
from liaison_app.ui.tenant_record import TenantRecord
from liaison_app.ui.workers import shown_at_once
from liaison_app.ui.tenant_table import ADDRESS, NAME, POSTCODE, REFERENCE, TenantTableModel
from liaison_app.ui.widgets import SectionHeader, muted

SEARCH_DELAY_MS = 150


class TenantsPage(QWidget):
    """Signals: open_tenant(tenant_id) is handled here; open_job(job_id) comes from the record's Jobs tab."""

    open_tenant = Signal(str)
    open_job = Signal(str)
    return_to = Signal(str)  # Back from a record opened from another page (Today, Jobs…) goes back there

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.record = None
        self.spare = None  # a closed record, blank, kept to show the next tenant (see TenantRecord.switch_to)
        self.came_from = ""
        self._sized = False
        self.stack = QStackedWidget(self)
        QVBoxLayout(self).addWidget(self.stack)
        self.layout().setContentsMargins(0, 0, 0, 0)
        self.list_view = self._build_list()
        self.stack.addWidget(self.list_view)
        self.timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(lambda _text: self.timer.start())  # search once typing pauses
        self.open_action = QAction(self.tr("Open tenant"), self)
        self.open_action.setShortcut("Return")
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_action.triggered.connect(self.open_selected)
        self.new_action = QAction(self.tr("New tenant…"), self.list_view)  # Ctrl+N while the list shows
        self.new_action.setShortcut("Ctrl+N")
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_action.triggered.connect(self.new_tenant)
        self.list_view.addAction(self.new_action)
        self.run_search()

    def _build_list(self) -> QWidget:
        box = QWidget(self)
        lay = QVBoxLayout(box)
        head = QHBoxLayout()
        head.addWidget(SectionHeader(self.tr("Tenants"), box))
        self.count_label = muted("", box)
        self.count_label.setWordWrap(False)
        head.addWidget(self.count_label, 1, Qt.AlignmentFlag.AlignRight)
        self.new_button = QPushButton(self.tr("&New tenant…"), box)
        self.new_button.setToolTip(self.tr("Add a tenancy that is not in the housing system's import yet (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_tenant)
        head.addWidget(self.new_button)
        lay.addLayout(head)
        self.search_box = QLineEdit(box)
        self.search_box.setPlaceholderText(
            self.tr("Find a tenant: part of a name, a reference, an address or a postcode (Ctrl+F)"))
        self.search_box.setAccessibleName(self.tr("Find a tenant"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.installEventFilter(self)
        lay.addWidget(self.search_box)
        self.model = TenantTableModel(self.store, self)
        self.model.modelReset.connect(self._show_count)  # also when it counts again after a change elsewhere
        self.model.rowsInserted.connect(self._show_count)  # the rest of a long list, counted at its end
        self.table = RecordTableView(self.model, self.tr("Tenants found"), box)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        self.table.open_id.connect(self.show_tenant)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        lay.addWidget(self.table, 1)
        self.hint = muted(self.tr("Enter or double-click opens a tenant. Down arrow moves from the search "
                                  "box to the list."), box)
        lay.addWidget(self.hint)
        return box

    # ----- searching
    def run_search(self) -> None:
        self.timer.stop()
        self.model.search(self.search_box.text().strip())
        self.table.select_first()
        self._show_count()
        if not self._sized:
            self._size_columns()
            self._sized = True

    def _size_columns(self) -> None:
        fm = self.table.fontMetrics()
        for column, chars in ((NAME, 24), (REFERENCE, 13), (ADDRESS, 44)):
            self.table.setColumnWidth(column, fm.averageCharWidth() * chars)
        # The widest postcode shape in capitals, whole: the column an officer scans by postcode.
        self.table.setColumnWidth(POSTCODE, fm.horizontalAdvance("WW99 9WW") + 3 * fm.averageCharWidth())

    def _show_count(self) -> None:
        n = self.model.rowCount()  # every match (or the first COUNT_CAP): the model counts once per search
        text = self.model.text
        if self.model.capped:
            self.count_label.setText(self.tr("More than %s found: type more to narrow the list, or scroll to its "
                                             "end to count them all") % f"{n:,}")
        elif n == 0:
            self.count_label.setText(self.tr("No tenant matches “%s”") % text if text else self.tr("No tenants yet"))
        elif not text:
            self.count_label.setText(plural(n, self.tr("tenant")))
        else:
            self.count_label.setText(self.tr("%s found") % f"{n:,}")

    def focus_search(self) -> None:
        if self.record is not None:
            self.came_from = ""  # finding a tenant stays on this page
            self.back_to_list()
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Down:
                self.table.setFocus()
                self.table.select_first()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.timer.isActive():
                    self.run_search()
                self.open_selected()
                return True
        return super().eventFilter(watched, event)

    def open_selected(self) -> None:
        self.table.select_first()
        tenant_id = self.table.current_id()
        if tenant_id:
            with shown_at_once():  # the record's first paint shows its header and first tab, not "Loading…"
                self.show_tenant(tenant_id)

    # ----- the record
    def show_tenant(self, tenant_id: str, tab: str = "", came_from: str = "", came_from_label: str = "") -> None:
        """Open the record (on the tab class named `tab`); `came_from`, a page key, is where Back returns."""
        if not tenant_id:  # a row whose tenant left the store as it was shown
            return
        self.came_from = came_from
        record = self.record or self.spare
        self.record, self.spare = None, None
        if record is not None and record.can_switch():  # building a record costs far more than reading one
            record.switch_to(tenant_id, tab)
        else:
            if record is not None:
                self._drop(record)
            record = self._new_record(tenant_id, tab)
        self.record = record
        record.set_back_to(came_from_label if came_from else "")
        self.stack.setCurrentWidget(record)
        record.setFocus()

    def _new_record(self, tenant_id: str, tab: str) -> TenantRecord:
        record = TenantRecord(self.store, tenant_id, self)
        if tab in record.specs:
            record.show_tab(tab)
        record.back.connect(self.back_to_list)
        record.open_job.connect(self.open_job)
        record.erased.connect(self._tenant_erased)
        self.stack.addWidget(record)
        return record

    def back_to_list(self) -> None:
        if self.record is None:
            return
        self._drop_record()
        self.stack.setCurrentWidget(self.list_view)
        self.model.reload()  # flags may have changed; rows keep their place however far down
        self.table.setFocus()
        origin, self.came_from = self.came_from, ""
        if origin:
            self.return_to.emit(origin)

    def _tenant_erased(self, _tenant_id: str) -> None:
        """The open tenant was erased: close the record and search again so the list no longer shows them."""
        self.back_to_list()
        self.run_search()

    def _drop_record(self) -> None:
        """Close the record: nothing of the tenant stays on screen; its widgets are kept for the next one."""
        record, self.record = self.record, None
        self.stack.setCurrentWidget(self.list_view)
        record.clear()
        if self.spare is not None:
            self._drop(self.spare)
        self.spare = record

    def _drop(self, record: TenantRecord) -> None:
        self.stack.removeWidget(record)
        record.deleteLater()

    def refresh(self) -> None:
        if self.record is not None:
            self.record.refresh()
        else:
            self.model.reload()
            self._show_count()

    def menu_actions(self) -> list[QAction]:
        if self.record is not None:
            return self.record.menu_actions()
        return [self.open_action, self.new_action]

    def new_tenant(self) -> str | None:
        """Add a tenant (the same rules as the import) and open their record; the new id, or None."""
        form = NewTenantForm(self.store, self)
        if not form.exec() or form.result_value is None:
            return None
        tenant_id = form.result_value.id
        self.run_search()  # the list counts them too, once Back returns to it
        self.show_tenant(tenant_id)
        return tenant_id
