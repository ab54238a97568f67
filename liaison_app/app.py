"""Start-up of the desktop app: logging, an exception hook, the store, signing in, the main window.

Logs go to a rotating file in the platform log folder and never hold personal data: the
exception hook records the type and the stack, not the message (which may quote a value).

Start-up order (issue #15): with no command named, the desktop's options are read without loading
the commands; the sign-in dialog is shown as soon as Qt is up, while the store opens and is checked on
a background thread and SQLModel, the services and the main window load (ui/opening.py). Only Qt and
the light ui helpers load before the dialog: everything else is imported inside the functions that
need it, for start-up speed.
"""
from __future__ import annotations

import argparse
import atexit
import gc
import logging
import logging.handlers
import sys
import traceback

from liaison_app import APP_NAME, __version__
from liaison_app.paths import log_dir, resource, store_path

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

    from liaison_app.services.stores import StoreError  # here, not at the top, for start-up speed

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


def _start_qt(argv: list[str] | None):
    """The QApplication with its names, icon, log file, exception hook and screen fitting."""
    from PySide6.QtGui import QIcon  # here, not at the top: headless commands never load Qt
    from PySide6.QtWidgets import QApplication

    from liaison_app.ui import screen_fit

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    setup_logging()
    sys.excepthook = exception_hook
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource("icons", "liaison.png"))))
    screen_fit.install(app)  # every window and dialog opens within the screen, its buttons in reach
    return app


def open_first(path) -> tuple[object | None, bool]:
    """Open the store, then ask who is signing in (an empty file, one a crash left with a journal, one in
    use elsewhere: anything the file alone cannot answer). Returns (store or None, signed in)."""
    from liaison_app.ui.sign_in import ensure_signed_in  # here, not at the top, for start-up speed
    from liaison_app.ui.startup import open_or_restore

    store = open_or_restore(path)
    return store, store is not None and ensure_signed_in(store)


def sign_in_first(path, has_accounts: bool = True) -> tuple[object | None, bool]:
    """Show the sign-in dialog (or, for a store with no accounts yet, the first-account setup) at once
    while the store opens behind it (ui/opening.py); a store that could not be opened closes the dialog
    and is refused or restored as ever. Returns (store or None, signed in)."""
    from PySide6.QtCore import QTimer  # here, not at the top, for start-up speed
    from PySide6.QtWidgets import QDialog

    from liaison_app.ui.opening import PendingStore
    from liaison_app.ui.sign_in import SetupDialog, SignInDialog, ensure_signed_in

    pending = PendingStore(path)
    dialog = SignInDialog(pending) if has_accounts else SetupDialog(pending)
    QTimer.singleShot(0, pending.start)  # once the dialog is on screen
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    store = pending.wait()
    if store is None:
        from liaison_app.services.stores import StoreError  # loaded by now, on the worker thread
        from liaison_app.ui.startup import recover

        if not isinstance(pending.error, StoreError):
            raise pending.error
        store = recover(pending.error, path)
        return store, store is not None and ensure_signed_in(store)
    if dialog.interrupted:  # its accounts were not as the peek said: the dialog the store asks for
        return store, ensure_signed_in(store)
    return store, accepted


def run(db: str | None = None, argv: list[str] | None = None, *, smoke_test: bool = False) -> int:
    """Open the desktop app: the store, the first-account setup or sign-in, the main window with auto-lock.

    With `smoke_test`, each dialog is answered from LIAISON_SMOKE_USER / LIAISON_SMOKE_PASSWORD and
    the app closes once the main window has shown (exit 0), so installers and CI can prove it opens."""
    from liaison_app.ui import smoke  # here, not at the top: headless commands never load Qt
    from liaison_app.ui.opening import has_accounts_hint

    app = _start_qt(argv)
    log.info("Liaison %s starting", __version__)
    path = store_path(db)
    driver = smoke.SmokeDriver(app) if smoke_test else None
    hint = has_accounts_hint(path)
    store, signed_in = open_first(path) if hint is None else sign_in_first(path, hint)
    if store is None:
        return 1
    app.aboutToQuit.connect(lambda: close_store(store))  # releases the lock file
    if not signed_in:
        store.close()
        return 1 if driver is not None else 0
    return show_main_window(app, store, driver)


def close_store(store) -> None:
    from liaison_app.ui.startup import close_store as close  # here, not at the top, for start-up speed

    close(store)


def show_main_window(app, store, driver) -> int:
    """The main window with auto-lock and today's backup; runs the app until it closes."""
    from liaison_app.ui.lock import install_auto_lock  # loaded by now, on the worker thread (ui/opening.py)
    from liaison_app.ui.main_window import MainWindow
    from liaison_app.ui.startup import start_daily_backup

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


DESKTOP_FLAGS = {"--smoke-test": "smoke_test"}
DESKTOP_VALUES = {"--db": "db", "--officer": "officer"}


def desktop_options(argv: list[str]) -> argparse.Namespace | None:
    """The desktop's options when the command line names no command (or `gui`), read without loading
    the commands (and SQLModel with them). None for anything else — a command, --help, --version, an
    abbreviation, a mistake — which the full parser (liaison_app.cli) then reads as ever."""
    options = argparse.Namespace(db=None, officer=None, smoke_test=False, command=None, func=None)
    items = iter(argv)
    for item in items:
        name, equals, value = item.partition("=")
        if options.command is not None:  # `gui` takes no options of its own
            return None
        if item in DESKTOP_FLAGS:
            setattr(options, DESKTOP_FLAGS[item], True)
        elif name in DESKTOP_VALUES and equals:
            setattr(options, DESKTOP_VALUES[name], value)
        elif item in DESKTOP_VALUES:
            value = next(items, None)
            if value is None or value.startswith("-"):
                return None
            setattr(options, DESKTOP_VALUES[item], value)
        elif item == "gui" and options.command is None:
            options.command = "gui"
        else:
            return None
    return options


def main(argv: list[str] | None = None) -> int:
    """The one entry point (`liaison-app`, `liaison`, `python -m liaison_app`, `python main.py`): a headless
    command when one is named, else the desktop app."""
    argv = sys.argv[1:] if argv is None else argv
    args = desktop_options(argv)
    if args is None:
        from liaison_app.cli import build_parser, run_command  # here, not at the top, for start-up speed

        args = build_parser().parse_args(argv)
        if args.func is not None:
            # The process ends with the command. Its modules (SQLModel's classes, fonts, ReportLab) are set
            # aside as it exits, not walked by the cycle collector during shutdown: about half a second of
            # every command, measured. Each command closes its store and files itself before it returns.
            atexit.register(gc.freeze)
            return run_command(args)
    return run(db=args.db, smoke_test=args.smoke_test)


if __name__ == "__main__":
    sys.exit(main())
