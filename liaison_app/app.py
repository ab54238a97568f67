"""Start-up of the desktop app: logging, an exception hook, the store, signing in, the main window.

Logs go to a rotating file in the platform log folder and never hold personal data: the
exception hook records the type and the stack, not the message (which may quote a value).
"""
from __future__ import annotations

import gc
import logging
import logging.handlers
import sys
import traceback

from liaison_app import APP_NAME, __version__
from liaison_app.cli import build_parser, run_command
from liaison_app.paths import log_dir, resource, store_path
from liaison_app.services.stores import StoreError

log = logging.getLogger("liaison")
LOG_FILE = "liaison.log"


def setup_logging() -> logging.Handler:
    """A rotating log file (1 MB × 5) in paths.log_dir(); set up once however often it is called."""
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
    from PySide6.QtWidgets import QApplication, QMessageBox  # only the desktop app installs this hook

    if QApplication.instance() is None:
        return
    if issubclass(exc_type, StoreError):  # its message is written for an officer: a damaged record, a full disk
        text = str(exc)
    else:
        text = QApplication.translate("app", "Something went wrong (%s). Your saved records are safe; what you "
                                      "were doing may not have finished. The details are in the log file.") \
            % exc_type.__name__
    QMessageBox.warning(QApplication.activeWindow(), "Liaison", text)


def freeze_start_up_objects() -> int:
    """Keep what start-up made (modules, catalogues, widgets: some 120,000 objects that live as long
    as the app) out of the cycle collector's sight. Each full collection otherwise walks them all,
    a pause of about 110 ms at a moment nobody chose (measured by tests/bench/bench_app.py); garbage
    made afterwards is collected as before. Returns how many objects were set aside."""
    gc.freeze()
    return gc.get_freeze_count()


def run(db: str | None = None, argv: list[str] | None = None, *, smoke_test: bool = False) -> int:
    """Open the desktop app: the store, the first-account setup or sign-in, the main window with auto-lock.

    With `smoke_test`, each dialog is answered from LIAISON_SMOKE_USER / LIAISON_SMOKE_PASSWORD and
    the app closes once the main window has shown (exit 0), so installers and CI can prove it opens."""
    # Imported here, not at the top, for start-up speed: headless commands never load Qt.
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from liaison_app.ui import screen_fit, smoke
    from liaison_app.ui.lock import install_auto_lock
    from liaison_app.ui.main_window import MainWindow
    from liaison_app.ui.sign_in import ensure_signed_in
    from liaison_app.ui.startup import close_store, open_or_restore, start_daily_backup

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    setup_logging()
    sys.excepthook = exception_hook
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource("icons", "liaison.png"))))
    screen_fit.install(app)  # every window and dialog opens within the screen, its buttons in reach
    log.info("Liaison %s starting", __version__)
    store = open_or_restore(store_path(db))
    if store is None:
        return 1
    app.aboutToQuit.connect(lambda: close_store(store))  # releases the lock file
    driver = smoke.SmokeDriver(app) if smoke_test else None
    if not ensure_signed_in(store):
        store.close()
        return 1 if driver is not None else 0
    window = MainWindow(store)
    install_auto_lock(window, store)
    window.show()
    freeze_start_up_objects()
    start_daily_backup(store, window)
    if driver is not None:
        driver.main_window_shown(window)
    code = app.exec()
    log.info("Liaison closed")
    return code if driver is None else driver.exit_code(code)


def main(argv: list[str] | None = None) -> int:
    """The one entry point (`liaison-app`, `liaison`, `python -m liaison_app`, `python main.py`): a headless
    command when one is named, else the desktop app."""
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.func is None:
        return run(db=args.db, smoke_test=args.smoke_test)
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
