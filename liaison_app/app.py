"""Start-up of the desktop app: logging, an exception hook, the store, signing in, the main window.

Logs go to a rotating file in the platform log folder and never hold personal data: the
exception hook records the type and the stack, not the message (which may quote a value).
"""
from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback

log = logging.getLogger("liaison")
LOG_FILE = "liaison.log"


def setup_logging() -> logging.Handler:
    """A rotating log file (1 MB × 5) in paths.log_dir(); set up once however often it is called."""
    from liaison_app.paths import log_dir

    path = log_dir() / LOG_FILE
    for handler in log.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and handler.baseFilename == str(path):
            return handler
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    logging.getLogger("liaison_app").addHandler(handler)
    return handler


def describe(exc_type, tb) -> str:
    """The exception's type and where it happened, without its message (which may hold personal data)."""
    return exc_type.__name__ + "".join(where(tb))


def where(tb) -> list[str]:
    """Each frame as file, line and function only: source lines are left out as well as values."""
    return [f"\n  {f.filename}:{f.lineno} in {f.name}" for f in traceback.extract_tb(tb)]


def exception_hook(exc_type, exc, tb) -> None:
    """Log an unexpected error and say so calmly, instead of the app vanishing."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.error("Unexpected error: %s", describe(exc_type, tb))
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is not None:
        QMessageBox.warning(
            QApplication.activeWindow(), "Liaison",
            QApplication.translate("app", "Something went wrong (%s). Your saved records are safe; what you "
                                   "were doing may not have finished. The details are in the log file.")
            % exc_type.__name__)


def freeze_start_up_objects() -> int:
    """Keep what start-up made (modules, catalogues, widgets: some 120,000 objects that live as long
    as the app) out of the cycle collector's sight. Each full collection otherwise walks them all,
    a pause of about 110 ms at a moment nobody chose (measured by tests/bench/bench_app.py); garbage
    made afterwards is collected as before. Returns how many objects were set aside."""
    import gc

    gc.freeze()
    return gc.get_freeze_count()


def run(db: str | None = None, argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from liaison_app import APP_NAME, __version__
    from liaison_app.paths import store_path
    from liaison_app.ui.navigation import module_exists
    from liaison_app.ui.startup import close_store, open_or_restore, start_daily_backup

    setup_logging()
    sys.excepthook = exception_hook
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    log.info("Liaison %s starting", __version__)
    store = open_or_restore(store_path(db))
    if store is None:
        return 1
    app.aboutToQuit.connect(lambda: close_store(store))  # releases the lock file
    if module_exists("liaison_app.ui.sign_in"):
        from liaison_app.ui.sign_in import ensure_signed_in

        if not ensure_signed_in(store):
            store.close()
            return 0
    from liaison_app.ui.main_window import MainWindow

    window = MainWindow(store)
    if module_exists("liaison_app.ui.lock"):
        from liaison_app.ui.lock import install_auto_lock

        install_auto_lock(window, store)
    window.show()
    freeze_start_up_objects()
    start_daily_backup(store, window)
    code = app.exec()
    log.info("Liaison closed")
    return code


def main() -> int:
    """GUI entry point (`liaison`, no console window on Windows)."""
    from liaison_app.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
