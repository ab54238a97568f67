"""What every headless command shares: opening the store named by --db / LIAISON_DB, and checking
where a command may write its output (never over the store, its journal, lock or backups).

Imports inside the command functions are there for start-up speed: each command loads only what it needs.
"""
from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from liaison_app.outputs import OutputRefused, check_output
from liaison_app.paths import store_path
from liaison_app.services.stores import Store, StoreDamaged, StoreError, open_store


class CommandError(Exception):
    """Refused input: the message (one line per problem) goes to stderr and the exit code is 1."""


def open_for_command(args, *, create: bool = False) -> Store:
    """Open the store for a headless command, or raise CommandError with a clear message.

    Only `demo` and `import` pass `create=True`: every other command refuses a store that does not
    exist (a mistyped --db must not start a new, empty store). They say so once their work is done
    (`announce_if_created`), or remove the store again if it was refused (`discard_if_created`)."""
    path = store_path(getattr(args, "db", None))
    had_file = path.is_file()  # an empty file, when `created`: emptied again, never deleted, if refused
    try:
        store = open_store(path, create=create)
    except StoreError as exc:
        raise CommandError(str(exc)) from exc
    store.had_file = had_file
    try:
        sign_in_for_command(store, args)
    except BaseException:
        store.close()
        raise
    return store


def announce_if_created(store: Store) -> None:
    if store.created:
        print(f"Created a new empty store at {store.path}")


def discard_if_created(store: Store) -> None:
    """After a refused `demo` or `import` into a store the command itself made: close it and remove it
    (and its journal and an empty backups folder), so a refused command leaves nothing behind."""
    store.close()
    if not store.created:
        return
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{store.path}{suffix}").unlink(missing_ok=True)
    if getattr(store, "had_file", False):
        store.path.write_bytes(b"")  # it was an empty file of the officer's: leave it as it was
    else:
        store.path.unlink(missing_ok=True)
    backups = store.path.parent / f"{store.path.stem}-backups"
    if backups.is_dir() and not any(backups.iterdir()):
        shutil.rmtree(backups, ignore_errors=True)


def output_for_command(args, path: str | Path, kind: str) -> Path:
    """The output path of a command, checked before anything is done: CommandError (one line naming the
    path) if it is the store, its journal or lock, a backup, a folder, or an existing file of another kind."""
    try:
        check_output(path, store_path(getattr(args, "db", None)), kind)
    except OutputRefused as exc:
        raise CommandError(str(exc)) from exc
    return Path(path)


def sign_in_for_command(store: Store, args) -> None:
    """Once a store has accounts, commands need --officer and the password (LIAISON_PASSWORD or a prompt).
    Before the first account, they act as the operating-system user."""
    from liaison_app.services.officers import SignInError, sign_in

    credentials = credentials_for_command(store, args)
    if credentials is None:
        return
    try:
        sign_in(store, *credentials)
    except SignInError as exc:
        raise CommandError(str(exc)) from exc


def credentials_for_command(store: Store, args) -> tuple[str, str] | None:
    """The user name and password a command signs in with (--officer; LIAISON_PASSWORD, else a prompt), or
    None before the store's first account. CommandError if either is missing."""
    import getpass
    import os

    from liaison_app.services.officers import has_accounts

    if not has_accounts(store):
        return None
    name = getattr(args, "officer", None)
    if not name:
        raise CommandError("This store has officer accounts: give your user name with --officer NAME.")
    password = os.environ.get("LIAISON_PASSWORD")
    if password is None:
        try:
            password = getpass.getpass(f"Password for {name}: ")
        except (EOFError, OSError) as exc:
            raise CommandError("No password given: set LIAISON_PASSWORD or run the command in a terminal.") from exc
    return name, password


@contextmanager
def refusing_damage() -> Iterator[None]:
    """A record that cannot be read back (StoreDamaged: bytes damaged on disk) ends the command with its
    one-line message naming the backup to restore, exit 1 — not a traceback."""
    try:
        yield
    except StoreDamaged as exc:
        raise CommandError(str(exc)) from None
