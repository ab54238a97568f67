"""What every headless command shares: opening the store named by --db / LIAISON_DB."""
from __future__ import annotations

from liaison_app.paths import store_path
from liaison_app.store import Store, StoreError, open_store


def open_for_command(args) -> Store:
    """Open the store for a headless command, or raise CommandError with a clear message."""
    from liaison_app.cli import CommandError

    try:
        store = open_store(store_path(getattr(args, "db", None)))
    except StoreError as exc:
        raise CommandError(str(exc)) from exc
    try:
        _sign_in_for_command(store, args)
    except BaseException:
        store.close()
        raise
    return store


def _sign_in_for_command(store: Store, args) -> None:
    """Once a store has accounts, commands need --officer and the password (LIAISON_PASSWORD or a prompt).
    Before the first account, they act as the operating-system user."""
    import getpass
    import os

    from liaison_app.cli import CommandError
    from liaison_app.services.officers import SignInError, has_accounts, sign_in

    if not has_accounts(store):
        return
    name = getattr(args, "officer", None)
    if not name:
        raise CommandError("This store has officer accounts: give your user name with --officer NAME.")
    password = os.environ.get("LIAISON_PASSWORD")
    if password is None:
        try:
            password = getpass.getpass(f"Password for {name}: ")
        except (EOFError, OSError) as exc:
            raise CommandError("No password given: set LIAISON_PASSWORD or run the command in a terminal.") from exc
    try:
        sign_in(store, name, password)
    except SignInError as exc:
        raise CommandError(str(exc)) from exc
