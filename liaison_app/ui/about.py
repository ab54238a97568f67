"""Help ▸ About: the app's name, version, the store in use and the licences of what it ships."""
from __future__ import annotations

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from liaison_app import APP_NAME, __version__
from liaison_app.ui.i18n import tr


def about_text(store_path: str) -> str:
    return "<br>".join([
        f"<b>{APP_NAME} {__version__}</b>",
        tr("about", "Tenants' wishes, adjustments, risks and support plans, and contractor briefings."),
        "",
        tr("about", "Store: %s") % store_path,
        tr("about", "Qt %s. Fonts: DejaVu (free licence) and Noto Naskh Arabic (SIL Open Font Licence).") % qVersion(),
    ])


def show_about(parent: QWidget | None, store_path: str) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(tr("about", "About %s") % APP_NAME)
    box.setText(about_text(store_path))
    box.setIcon(QMessageBox.Icon.Information)
    box.open()
