"""Opening the store for a command that reads much before it writes (a report): the store's check
(`PRAGMA quick_check`, two seconds on a landlord-sized store) runs on a thread while the command reads,
and the sign-in (its password hash alone takes a third of a second) on another.

Nothing waits for either until the command has something to write or show: `ready()` then waits for
both, and raises what stopped them. Every write waits for the check's verdict (store/opening.py
`check_later`), so a damaged store is never written to, and the command writes its file only after
`ready()`, so no file appears from a damaged store or for a refused sign-in. What was read before it
stays inside the command.
"""
from __future__ import annotations

import os
import threading
from typing import Callable

from liaison_app.cli.common import CommandError, sign_in_for_command
from liaison_app.paths import store_path
from liaison_app.services.stores import Store, StoreError, open_store


class _SigningIn:
    """The command's sign-in on a thread of its own; `wait()` raises what it raised."""

    def __init__(self, store: Store, args):
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(store, args), name="sign-in", daemon=True)
        self._thread.start()

    def _run(self, store: Store, args) -> None:
        try:
            sign_in_for_command(store, args)
        except BaseException as exc:  # handed to the command by wait()
            self.error = exc

    def join(self) -> None:
        self._thread.join()

    def wait(self) -> None:
        self._thread.join()
        if self.error is not None:
            raise self.error


def _verdict(store: Store) -> None:
    """Wait for the store's check; CommandError (naming the backup to restore) if it failed."""
    if store.before_commit is not None:
        try:
            store.before_commit()
        except StoreError as exc:
            raise CommandError(str(exc)) from None


def open_checking_later(args) -> tuple[Store, Callable[[], None]]:
    """The store named by --db / LIAISON_DB, opened with its check on a thread, and `ready`: call it before
    the command writes or shows anything; it waits for the check and the sign-in, raising CommandError (the
    store failed its check, or the sign-in was refused). A damaged store can make a read fail before its
    check ends: the check's verdict comes first, as the clearer answer. A password that must be typed is
    asked for at once, before anything is read."""
    try:
        store = open_store(store_path(getattr(args, "db", None)), create=False, check_later=True)
    except StoreError as exc:
        raise CommandError(str(exc)) from exc
    store.had_file = True
    try:
        if os.environ.get("LIAISON_PASSWORD") is None:  # a prompt (or no accounts): signed in here
            sign_in_for_command(store, args)
            signing_in = None
        else:
            signing_in = _SigningIn(store, args)
    except BaseException:
        try:
            _verdict(store)
        finally:
            store.close()
        raise

    def ready() -> None:
        try:
            _verdict(store)
        finally:  # the sign-in has ended (its commit waited for the verdict) before the store may be closed
            if signing_in is not None:
                signing_in.join()
        if signing_in is not None:
            signing_in.wait()

    return store, ready
