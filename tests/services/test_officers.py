"""Officer accounts: first admin, Argon2id, generic failure, back-off, audit, roles, headless sign-in."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlmodel import select

from liaison_app.domain import AuditEvent, Officer, SignInFailure
from liaison_app.domain.validation import ValidationError
from liaison_app.services import officers
from liaison_app.services.officers import FAILED_MESSAGE, NotAllowed, SignInError

PASSWORD = "correct horse battery"


def _admin(store):
    officers.create_officer(store, "Ada", "Ada Admin", "admin", PASSWORD)
    return officers.sign_in(store, "ada", PASSWORD)


def _let_the_wait_run_out(store, seconds):
    with store.write() as session:
        for row in session.exec(select(SignInFailure)).all():
            row.locked_until = row.locked_until - timedelta(seconds=seconds)
            session.add(row)


def _events(store, action):
    with store.read() as session:
        return session.exec(select(AuditEvent).where(AuditEvent.action == action)).all()


def test_first_account_must_be_admin_and_later_ones_need_an_admin(store):
    assert not officers.has_accounts(store)
    with pytest.raises(ValidationError) as err:
        officers.create_officer(store, "bob", "Bob", "officer", PASSWORD)
    assert err.value.field == "role"
    officers.create_officer(store, "ada", "Ada", "admin", PASSWORD)
    assert officers.has_accounts(store)
    with pytest.raises(NotAllowed):  # nobody signed in yet
        officers.create_officer(store, "bob", "Bob", "officer", PASSWORD)
    officers.sign_in(store, "ada", PASSWORD)
    officers.create_officer(store, "bob", "Bob", "officer", PASSWORD)
    officers.sign_in(store, "bob", PASSWORD)
    with pytest.raises(NotAllowed):
        officers.create_officer(store, "cy", "Cy", "officer", PASSWORD)
    assert [o.username for o in officers.list_officers(store)] == ["ada", "bob"]


def test_password_rules_and_duplicate_names(store):
    with pytest.raises(ValidationError) as err:
        officers.create_officer(store, "ada", "Ada", "admin", "short")
    assert err.value.field == "password"
    with pytest.raises(ValidationError) as err:
        officers.create_officer(store, "two words", "Ada", "admin", PASSWORD)
    assert err.value.field == "username"
    _admin(store)
    with pytest.raises(ValidationError) as err:
        officers.create_officer(store, "ADA", "Ada again", "officer", PASSWORD)
    assert err.value.field == "username"


def test_hash_is_argon2id_and_sign_in_sets_the_actor(store):
    row = _admin(store)
    with store.read() as session:
        stored = session.get(Officer, row.id).password_hash
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert (store.actor, store.actor_id, store.actor_role) == ("ada", row.id, "admin")


def test_failure_message_is_the_same_for_either_half(store):
    _admin(store)
    with pytest.raises(SignInError) as wrong_password:
        officers.sign_in(store, "ada", "not the password")
    with pytest.raises(SignInError) as wrong_name:
        officers.sign_in(store, "nobody", PASSWORD)
    assert str(wrong_password.value) == str(wrong_name.value) == FAILED_MESSAGE


def test_five_failures_back_off_and_the_wait_doubles(store):
    _admin(store)
    for _ in range(4):
        with pytest.raises(SignInError) as err:
            officers.sign_in(store, "ada", "wrong password!")
        assert err.value.retry_after == 0
    with pytest.raises(SignInError) as err:
        officers.sign_in(store, "ada", "wrong password!")
    assert err.value.retry_after == 30
    with pytest.raises(SignInError) as err:  # even the right password is refused while backing off
        officers.sign_in(store, "ada", PASSWORD)
    assert 0 < err.value.retry_after <= 30
    _let_the_wait_run_out(store, 31)
    with pytest.raises(SignInError) as err:
        officers.sign_in(store, "ada", "wrong again!!")
    assert err.value.retry_after == 60
    _let_the_wait_run_out(store, 61)
    officers.sign_in(store, "ada", PASSWORD)
    with store.read() as session:
        assert session.exec(select(SignInFailure)).all() == []  # a good sign-in starts the count afresh


def test_unknown_names_back_off_too(store):
    _admin(store)
    waits = []
    for _ in range(5):
        with pytest.raises(SignInError) as err:
            officers.sign_in(store, "ghost-user-x", PASSWORD)
        waits.append(err.value.retry_after)
    assert waits == [0, 0, 0, 0, 30]


def test_every_attempt_is_audited_without_the_password(store):
    _admin(store)
    typed = "hunter2-secret-typed"
    with pytest.raises(SignInError):
        officers.sign_in(store, "ada", typed)
    with pytest.raises(SignInError):
        officers.sign_in(store, typed, typed)  # a password typed into the user-name box
    ok, failed = _events(store, "sign_in"), _events(store, "sign_in_failed")
    assert len(ok) == 1 and len(failed) == 2
    assert failed[1].officer == "(unknown)"
    for ev in ok + failed:
        assert typed not in f"{ev.officer}{ev.fields}{ev.summary}{ev.record_id}"


def test_rehash_when_parameters_change(store, monkeypatch):
    row = _admin(store)
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    with store.write() as session:
        o = session.get(Officer, row.id)
        o.password_hash = weak.hash(PASSWORD)
        session.add(o)
    officers.sign_in(store, "ada", PASSWORD)
    with store.read() as session:
        stored = session.get(Officer, row.id).password_hash
    assert "m=8192" not in stored and PasswordHasher().verify(stored, PASSWORD)


def test_change_and_reset_password(store):
    _admin(store)
    officers.create_officer(store, "bob", "Bob", "officer", PASSWORD)
    bob = officers.sign_in(store, "bob", PASSWORD)
    with pytest.raises(ValidationError) as err:
        officers.change_password(store, "not it at all", "a new password 1")
    assert err.value.field == "old_password"
    officers.change_password(store, PASSWORD, "a new password 1")
    with pytest.raises(NotAllowed):
        officers.admin_reset_password(store, bob.id, "reset by bob 12")
    officers.sign_in(store, "ada", PASSWORD)
    officers.admin_reset_password(store, bob.id, "reset by ada 12")
    assert officers.sign_in(store, "bob", "reset by ada 12").id == bob.id
    with pytest.raises(SignInError):
        officers.sign_in(store, "bob", "a new password 1")


def test_inactive_officer_cannot_sign_in_and_last_admin_stays(store):
    admin = _admin(store)
    officers.create_officer(store, "bob", "Bob", "officer", PASSWORD)
    bob = [o for o in officers.list_officers(store) if o.username == "bob"][0]
    officers.set_active(store, bob.id, False)
    with pytest.raises(SignInError):
        officers.sign_in(store, "bob", PASSWORD)
    with pytest.raises(ValidationError):
        officers.set_active(store, admin.id, False)


def test_auto_lock_minutes_default_and_setting(store):
    from liaison_app.domain import Setting

    assert officers.auto_lock_minutes(store) == 15
    with store.write() as session:
        session.add(Setting(key="auto_lock_minutes", value="5"))
    assert officers.auto_lock_minutes(store) == 5


def test_headless_commands_need_officer_and_password(store_path, monkeypatch):
    from types import SimpleNamespace

    from liaison_app.cli import CommandError
    from liaison_app.cli.common import open_for_command
    from liaison_app.store import open_store

    args = SimpleNamespace(db=str(store_path), officer=None)
    open_store(store_path).close()  # headless commands other than demo and import never make a store
    s = open_for_command(args)  # no accounts yet: the OS user
    assert s.actor_id is None
    officers.create_officer(s, "ada", "Ada", "admin", PASSWORD)
    s.close()
    with pytest.raises(CommandError, match="--officer"):
        open_for_command(args)
    args.officer = "ada"
    monkeypatch.setenv("LIAISON_PASSWORD", "wrong password here")
    with pytest.raises(CommandError, match="Sign-in failed"):
        open_for_command(args)
    monkeypatch.setenv("LIAISON_PASSWORD", PASSWORD)
    s = open_for_command(args)
    assert s.actor == "ada" and s.actor_role == "admin"
    s.close()
    monkeypatch.delenv("LIAISON_PASSWORD")
    monkeypatch.setattr("getpass.getpass", lambda prompt="": PASSWORD)
    s = open_for_command(args)
    assert s.actor == "ada"
    s.close()
    open_store(store_path).close()


def _attempt_in_a_new_process(store_path, name, tmp_path):
    """One sign-in by a fresh `liaison-app` process, as a second terminal (or a script) would try it."""
    env = dict(os.environ, LIAISON_HOME=str(tmp_path / "home"), LIAISON_PASSWORD="not the password!",
               QT_QPA_PLATFORM="offscreen")
    env.pop("LIAISON_DB", None)
    proc = subprocess.run([sys.executable, "-m", "liaison_app", "--db", str(store_path), "--officer", name,
                           "audit", "verify"], capture_output=True, text=True, env=env, timeout=180,
                          encoding="utf-8")
    assert proc.returncode == 1, proc.stderr
    return proc.stderr


def test_real_and_unknown_names_answer_alike_across_processes(store, store_path, tmp_path):
    _admin(store)
    for name in ("ada", "ghost-user-y"):
        for _ in range(4):
            with pytest.raises(SignInError):
                officers.sign_in(store, name, "wrong password!")
    store.close()
    real = _attempt_in_a_new_process(store_path, "ada", tmp_path)
    unknown = _attempt_in_a_new_process(store_path, "ghost-user-y", tmp_path)
    assert "wait 30 seconds" in real
    assert unknown == real  # before: the unknown name's count lived in the first process and was lost


def test_failures_are_kept_in_the_store_without_the_typed_name(store, store_path):
    from liaison_app.store import open_store

    _admin(store)
    typed = "Hunter2-typed-in-the-name-box"
    for _ in range(5):
        with pytest.raises(SignInError):
            officers.sign_in(store, typed, "whatever was typed")
    with store.read() as session:
        rows = session.exec(select(SignInFailure)).all()
    assert [r.failures for r in rows] == [5] and rows[0].locked_until is not None
    store.close()
    held = b"".join(f.read_bytes() for f in store_path.parent.glob(store_path.name + "*") if f.is_file())
    assert typed.casefold().encode() not in held and typed.encode() not in held
    again = open_store(store_path)
    try:
        assert typed not in "".join(f"{e.officer}{e.summary}{e.record_id}" for e in _events(again, "sign_in_failed"))
    finally:
        again.close()


def test_admin_reset_clears_the_back_off(store):
    _admin(store)
    officers.create_officer(store, "bob", "Bob", "officer", PASSWORD)
    for _ in range(5):
        with pytest.raises(SignInError):
            officers.sign_in(store, "bob", "wrong password!")
    with pytest.raises(SignInError) as err:
        officers.sign_in(store, "bob", PASSWORD)
    assert err.value.retry_after > 0
    officers.sign_in(store, "ada", PASSWORD)
    bob = [o for o in officers.list_officers(store) if o.username == "bob"][0]
    officers.admin_reset_password(store, bob.id, "reset by ada 12")
    assert officers.sign_in(store, "bob", "reset by ada 12").username == "bob"


def test_the_dummy_hash_is_made_on_first_use_not_at_import():
    import subprocess
    import sys

    code = ("import liaison_app.services.officers as o; assert o._dummy_hash.cache_info().currsize == 0; "
            "h = o._dummy_hash(); assert h.startswith('$argon2id$') and o._dummy_hash() is h")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
