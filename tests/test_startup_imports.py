"""Start-up (issue #15, point 2): the sign-in dialog is on screen before SQLModel loads, Alembic loads only
for a store whose revision is not the code's, and the store's checks keep every safety promise.

These test behaviour, not timing: which modules were loaded at which moment, what was called, which
files exist. The desktop runs in a subprocess (a fresh interpreter, so `sys.modules` means something).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from alembic import command

from liaison_app.app import desktop_options
from liaison_app.cli import build_parser
from liaison_app.services import officers
from liaison_app.store import migrate, open_store
from liaison_app.store.peek import code_heads, peek

PASSWORD = "a long enough password"

# Run in a fresh interpreter: note what is loaded when the sign-in dialog is first shown, then run the
# real entry point with --smoke-test (which signs in and closes once the main window has shown).
DESKTOP = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

seen = {}

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Show and type(obj).__name__ in ("SignInDialog", "SetupDialog") and not seen:
            seen["dialog"] = type(obj).__name__
            seen.update({name: name in sys.modules for name in
                         ("sqlmodel", "alembic", "liaison_app.store.engine", "liaison_app.services.officers")})
        return False

app = QApplication(sys.argv[:1])
watch = Watch()
app.installEventFilter(watch)
from liaison_app.app import main
code = main(["--db", sys.argv[1], "--smoke-test"])
print("RESULT " + json.dumps({"code": code, "at_dialog": seen, "alembic_ever": "alembic" in sys.modules,
                             "sqlmodel_by_end": "sqlmodel" in sys.modules}), flush=True)
"""


@pytest.fixture
def signed_up(store_path):
    """A current store with one officer, closed (as the desktop finds it on a normal morning)."""
    store = open_store(store_path)
    officers.create_officer(store, "ada", "Ada Admin", "admin", PASSWORD)
    store.close()
    return store_path


def _run_desktop(path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LIAISON_SMOKE_USER="ada", LIAISON_SMOKE_PASSWORD=PASSWORD)
    proc = subprocess.run([sys.executable, "-c", DESKTOP, str(path)], env=env, capture_output=True, text=True,
                          timeout=120)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, proc.stdout + proc.stderr
    return json.loads(lines[-1][len("RESULT "):])


def test_the_sign_in_dialog_shows_before_sqlmodel_and_alembic_never_loads(signed_up):
    result = _run_desktop(signed_up)
    assert result["code"] == 0  # signed in, the main window showed, closed cleanly
    assert result["at_dialog"] == {"dialog": "SignInDialog", "sqlmodel": False, "alembic": False,
                                   "liaison_app.store.engine": False, "liaison_app.services.officers": False}
    assert result["sqlmodel_by_end"] is True  # it did load: behind the dialog
    assert result["alembic_ever"] is False  # the store was current: Alembic was never needed


def test_a_new_store_gets_the_first_account_dialog_before_sqlmodel_and_is_made_behind_it(tmp_path):
    path = tmp_path / "new" / "liaison.db"
    path.parent.mkdir()
    result = _run_desktop(path)
    assert result["code"] == 0  # the first account was made, signed in, and the main window showed
    assert result["at_dialog"] == {"dialog": "SetupDialog", "sqlmodel": False, "alembic": False,
                                   "liaison_app.store.engine": False, "liaison_app.services.officers": False}
    store = open_store(path)
    try:
        assert officers.has_accounts(store) and [o.username for o in officers.list_officers(store)] == ["ada"]
    finally:
        store.close()


def test_code_heads_read_from_the_files_equal_alembics_heads():
    assert code_heads() == migrate.known_heads()


def test_a_current_store_opens_without_running_alembic(store_path, monkeypatch):
    open_store(store_path).close()
    called = []
    monkeypatch.setattr(migrate, "_upgrade_with_alembic", lambda *a: called.append(a))
    open_store(store_path).close()
    assert called == []


def _store_one_revision_behind(store_path) -> tuple[str, str]:
    """A closed store at the revision before the code's head; returns (head, that revision)."""
    (head,) = code_heads()
    behind = migrate._script(migrate._config()).get_revision(head).down_revision
    store = open_store(store_path, migrate=False)
    command.upgrade(migrate._config(store), behind)
    store.close()
    return head, behind


def test_a_store_one_revision_behind_still_migrates_with_its_backup(store_path):
    head, behind = _store_one_revision_behind(store_path)
    store = open_store(store_path)
    try:
        assert migrate.current_revisions(store) == {head}
    finally:
        store.close()
    backups = list(store_path.parent.glob(f"{store_path.stem}-before-migration-{behind}*"))
    assert len(backups) == 1


def test_a_store_from_a_newer_liaison_is_still_refused_untouched(store_path):
    from liaison_app.store import StoreTooNew

    open_store(store_path).close()
    import sqlite3

    with sqlite3.connect(store_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999_from_the_future'")
    conn.close()
    before = store_path.read_bytes()
    with pytest.raises(StoreTooNew):
        open_store(store_path)
    assert store_path.read_bytes() == before


def test_peek_answers_from_the_file_and_leaves_nothing_beside_it(signed_up, store_path, tmp_path):
    empty = tmp_path / "empty.db"
    open_store(empty).close()
    before = sorted(p.name for p in tmp_path.iterdir())
    assert peek(signed_up) is True
    assert peek(empty) is False
    assert peek(tmp_path / "missing.db") is None
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no -wal, -shm or lock made by a peek


def test_peek_does_not_guess_while_the_store_is_open_or_left_with_a_journal(signed_up):
    store = open_store(signed_up)
    try:
        with store.raw() as conn:  # a write, so the journal beside the store holds something
            conn.exec_driver_sql("CREATE TABLE scratch (x)")
        assert peek(signed_up) is None  # the desktop then opens the store first, as before
    finally:
        store.close()


def test_peek_does_not_guess_about_a_store_behind_the_code(store_path):
    _store_one_revision_behind(store_path)
    assert peek(store_path) is None


@pytest.mark.parametrize("argv", [[], ["--db", "x.db"], ["--db=x.db", "--smoke-test"], ["gui"],
                                  ["--smoke-test", "--db", "x.db", "gui"], ["--officer", "ada"]])
def test_desktop_options_read_as_the_full_parser_reads_them(argv):
    fast, full = desktop_options(argv), build_parser().parse_args(argv)
    assert fast is not None and full.func is None
    assert (fast.db, fast.smoke_test) == (full.db, full.smoke_test)


@pytest.mark.parametrize("argv", [["demo"], ["--help"], ["--version"], ["--db"], ["--smoke"], ["gui", "--db", "x"],
                                  ["--db", "x.db", "backup"]])
def test_anything_else_goes_to_the_full_parser(argv):
    assert desktop_options(argv) is None
