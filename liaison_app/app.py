"""Start-up of the desktop app: Qt application, logging, store, main window."""
from __future__ import annotations

import sys


def run(db: str | None = None, argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from liaison_app import APP_NAME, __version__
    from liaison_app.paths import store_path
    from liaison_app.store import StoreError, open_store

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    try:
        store = open_store(store_path(db))
    except StoreError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    from liaison_app.ui.main_window import MainWindow

    window = MainWindow(store)
    window.show()
    return app.exec()


def main() -> int:
    """GUI entry point (`liaison`, no console window on Windows)."""
    from liaison_app.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
