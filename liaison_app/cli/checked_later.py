"""Opening the store for a command that reads much before it writes (a report): the store's check
(`PRAGMA quick_check`, two seconds on a landlord-sized store) runs on a thread while the command
reads, and the officer's password is checked (read only: its hash alone takes a third of a second)
on another.

Nothing waits for either until the command needs it. `verified()` waits for the password: once it is
known good the officer acts on the store for reading, so the command can prepare its output (name
them on it) while the check goes on. `ready()` waits for the check's verdict and only then records the
sign-in (audited; a refused one too), and raises what stopped either. Every write waits for the verdict
(store/opening.py `check_later`), so a damaged store is never written to, and the command gives its
file its name only after `ready()`, so no file appears from a damaged store or for a refused sign-in.
What was read before it stays inside the command.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterator

from liaison_app.cli.common import CommandError, credentials_for_command
from liaison_app.paths import store_path
from liaison_app.services.officers import SignInAttempt, SignInError, act_as_verified, record_sign_in, \
    verify_sign_in
from liaison_app.services.stores import Store, StoreError, open_store


def _verdict(store: Store) -> None:
    """Wait for the store's check; CommandError (naming the backup to restore) if it failed."""
    if store.before_commit is not None:
        try:
            store.before_commit()
        except StoreError as exc:
            raise CommandError(str(exc)) from None


class SigningIn:
    """The command's sign-in, checked on a thread of its own and recorded once the store has passed."""

    def __init__(self, store: Store, credentials: tuple[str, str] | None):
        self.store = store
        self._attempt: SignInAttempt | None = None
        self._error: BaseException | None = None
        self._done = False  # ready() has run; _outcome is what it raised, if anything
        self._outcome: BaseException | None = None
        self._thread = None
        if credentials is not None:
            self._thread = threading.Thread(target=self._verify, args=credentials, name="sign-in", daemon=True)
            self._thread.start()

    def _verify(self, name: str, password: str) -> None:
        try:
            self._attempt = verify_sign_in(self.store, name, password)
        except BaseException as exc:  # handed to the command by verified() or ready()
            self._error = exc

    def _joined(self) -> SignInAttempt | None:
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error
        return self._attempt

    def checked(self) -> None:
        """Wait until the password check has ended (whatever its answer): its 64 MB of hashing memory is free."""
        if self._thread is not None:
            self._thread.join()

    def verified(self) -> None:
        """Wait for the password check. Known good: the officer acts on the store for reading. Refused (or
        the check failed): what `ready()` raises (the store's verdict first, then the audited refusal)."""
        if self._thread is None:  # no accounts yet: the command acts as the operating-system user
            return
        self._thread.join()
        attempt = self._attempt
        if self._error is None and attempt is not None and attempt.passed:
            act_as_verified(self.store, attempt)
            return
        self.ready()

    def ready(self) -> None:
        """Call before the command writes or shows anything: waits for the store's verdict (CommandError if it
        failed), then records the sign-in (CommandError if it was refused)."""
        if not self._done:
            self._done = True
            try:
                self._record()
            except BaseException as exc:
                self._outcome = exc
        if self._outcome is not None:
            raise self._outcome

    def _record(self) -> None:
        try:
            _verdict(self.store)
        finally:  # the password check (a read) has ended before the store may be closed
            if self._thread is not None:
                self._thread.join()
        attempt = self._joined()
        if attempt is not None:
            try:
                record_sign_in(self.store, attempt)
            except SignInError as exc:
                raise CommandError(str(exc)) from exc

    @contextmanager
    def verdict_first(self) -> Iterator[None]:
        """A failure inside the block gives way to what `ready()` raises: reading a damaged store can fail
        before its check ends, and the check's verdict (naming the backup to restore) is the clearer answer."""
        try:
            yield
        except BaseException:
            self.ready()
            raise


def open_checking_later(args) -> tuple[Store, SigningIn]:
    """The store named by --db / LIAISON_DB, opened with its check on a thread, and the command's sign-in
    (see SigningIn). A password that must be typed is asked for at once, before anything is read."""
    try:
        store = open_store(store_path(getattr(args, "db", None)), create=False, check_later=True)
    except StoreError as exc:
        raise CommandError(str(exc)) from exc
    store.had_file = True
    try:
        return store, SigningIn(store, credentials_for_command(store, args))
    except BaseException:
        try:
            _verdict(store)
        finally:
            store.close()
        raise
