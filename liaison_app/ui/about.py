"""Help ▸ About: the app's name, version, the store in use and the licences of what it ships."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from liaison_app import APP_NAME, __version__


def about_text(store_path: str) -> str:
    tr = lambda s: QCoreApplication.translate("about", s)  # noqa: E731
    return "<br>".join([
        f"<b>{APP_NAME} {__version__}</b>",
        tr("Tenants' wishes, adjustments, risks and support plans, and contractor briefings."),
        "",
        tr("Store: %s") % store_path,
        tr("Qt %s. Fonts: DejaVu (free licence) and Noto Naskh Arabic (SIL Open Font Licence).") % qVersion(),
    ])


def show_about(parent: QWidget | None, store_path: str) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("about", "About %s") % APP_NAME)
    box.setText(about_text(store_path))
    box.setIcon(QMessageBox.Icon.Information)
    box.open()
