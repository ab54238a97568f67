"""`liaison-app officer add|reset|list`: accounts for IT, with the first admin needing no sign-in."""
from __future__ import annotations

import pytest

from liaison_app.cli import main
from liaison_app.services import officers
from liaison_app.store import open_store

ADMIN_PW, OFFICER_PW = "admin-password-1", "officer-password-1"


@pytest.fixture
def db(tmp_path, monkeypatch):
    """A store that exists (made by opening it once, as `demo`, `import` or the first start would)."""
    path = tmp_path / "office.db"
    open_store(path, create=True).close()
    return str(path)


def officer(db, *args, capsys=None):
    code = main(["--db", db, *args])
    out = capsys.readouterr() if capsys is not None else None
    return code, out


def test_first_admin_needs_no_sign_in_and_then_signs_in(db, monkeypatch, capsys):
    monkeypatch.setenv("LIAISON_NEW_PASSWORD", ADMIN_PW)
    code, out = officer(db, "officer", "add", "JBloggs", "--name", "Jo Bloggs", "--role", "admin", capsys=capsys)
    assert code == 0 and "Added Jo Bloggs (jbloggs) as administrator." in out.out
    store = open_store(db)
    try:
        assert officers.sign_in(store, "jbloggs", ADMIN_PW).role == "admin"
    finally:
        store.close()


def test_the_first_account_must_be_an_admin(db, monkeypatch, capsys):
    monkeypatch.setenv("LIAISON_NEW_PASSWORD", OFFICER_PW)
    code, out = officer(db, "officer", "add", "asmith", "--name", "Ali Smith", "--role", "officer", capsys=capsys)
    assert code == 1 and "The first account must be an administrator." in out.err


def test_later_accounts_need_a_signed_in_admin(db, monkeypatch, capsys):
    monkeypatch.setenv("LIAISON_NEW_PASSWORD", ADMIN_PW)
    assert officer(db, "officer", "add", "jbloggs", "--name", "Jo Bloggs", "--role", "admin")[0] == 0
    monkeypatch.setenv("LIAISON_NEW_PASSWORD", OFFICER_PW)
    code, out = officer(db, "officer", "add", "asmith", "--name", "Ali Smith", "--role", "officer", capsys=capsys)
    assert code == 1 and "--officer" in out.err  # nobody signed in
    monkeypatch.setenv("LIAISON_PASSWORD", ADMIN_PW)
    code, out = officer(db, "--officer", "jbloggs", "officer", "add", "asmith", "--name", "Ali Smith",
                        "--role", "officer", capsys=capsys)
    assert code == 0 and "as officer" in out.out
    # an officer may not add, list or reset accounts
    monkeypatch.setenv("LIAISON_PASSWORD", OFFICER_PW)
    for args in (("officer", "list"), ("officer", "reset", "jbloggs"),
                 ("officer", "add", "x", "--name", "X", "--role", "admin")):
        code, out = officer(db, "--officer", "asmith", *args, capsys=capsys)
        assert code == 1 and "Only an administrator" in out.err, args


def test_list_and_reset(db, monkeypatch, capsys):
    monkeypatch.setenv("LIAISON_NEW_PASSWORD", ADMIN_PW)
    officer(db, "officer", "add", "jbloggs", "--name", "Jo Bloggs", "--role", "admin")
    monkeypatch.setenv("LIAISON_PASSWORD", ADMIN_PW)
    monkeypatch.setenv("LIAISON_NEW_PASSWORD", OFFICER_PW)
    officer(db, "--officer", "jbloggs", "officer", "add", "pkaur", "--name", "Priya Kaur", "--role",
            "safeguarding_lead")
    capsys.readouterr()
    code, out = officer(db, "--officer", "jbloggs", "officer", "list", capsys=capsys)
    assert code == 0
    lines = out.out.splitlines()
    assert any("jbloggs" in line and "administrator" in line and "Jo Bloggs" in line for line in lines)
    assert any("pkaur" in line and "safeguarding lead" in line for line in lines)
    monkeypatch.setenv("LIAISON_NEW_PASSWORD", "a-brand-new-password")
    code, out = officer(db, "--officer", "jbloggs", "officer", "reset", "PKaur", capsys=capsys)
    assert code == 0 and "New password set for pkaur" in out.out
    store = open_store(db)
    try:
        assert officers.sign_in(store, "pkaur", "a-brand-new-password").role == "safeguarding_lead"
    finally:
        store.close()
    code, out = officer(db, "--officer", "jbloggs", "officer", "reset", "nobody", capsys=capsys)
    assert code == 1 and "No officer has the user name 'nobody'" in out.err


def test_a_short_new_password_is_refused_and_nothing_is_made(db, monkeypatch, capsys):
    monkeypatch.setenv("LIAISON_NEW_PASSWORD", "short")
    code, out = officer(db, "officer", "add", "jbloggs", "--name", "Jo Bloggs", "--role", "admin", capsys=capsys)
    assert code == 1 and "at least 10 characters" in out.err
    store = open_store(db)
    try:
        assert not officers.has_accounts(store)
    finally:
        store.close()
