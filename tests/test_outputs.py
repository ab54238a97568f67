"""liaison_app.outputs: the one atomic writer and the output-path guard (issue #10, items 1 and 2)."""
from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from liaison_app.outputs import OutputRefused, atomic_text, atomic_write, check_output, file_kind


def _leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


def test_a_failed_write_leaves_the_target_as_it_was_and_nothing_beside_it(tmp_path):
    target = tmp_path / "report.csv"
    target.write_text("old\n", encoding="utf-8")

    def half_then_fail(tmp):
        tmp.write_text("half of the new", encoding="utf-8")
        raise RuntimeError("the disk went away")

    with pytest.raises(RuntimeError):
        atomic_write(target, half_then_fail)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert _leftovers(tmp_path) == []
    with pytest.raises(KeyboardInterrupt):
        with atomic_text(target) as fh:
            fh.write("new")
            raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "old\n" and _leftovers(tmp_path) == []


def test_a_sqlite_temporary_and_its_journal_are_removed_on_failure(tmp_path):
    def half_database(tmp):
        conn = sqlite3.connect(tmp)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE t (x)")
        raise RuntimeError("check failed")

    folder = tmp_path / "backups"
    folder.mkdir()
    with pytest.raises(RuntimeError):
        atomic_write(folder / "copy.db", half_database)
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_written_files_are_owner_only(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "a.pdf", lambda tmp: tmp.write_bytes(b"%PDF-1.4"))
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "a.pdf").st_mode) == 0o600


def test_the_guard_names_what_it_protects(tmp_path):
    store = tmp_path / "live.db"
    conn = sqlite3.connect(store)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    refused = {
        store: "the store itself", tmp_path / "live.db-wal": "its wal file", tmp_path / "live.db.lock": "its lock",
        tmp_path / "live.db.audit-head": "belongs to the store",
        tmp_path / "live-backups" / "live-2026-01-01.db": "store's backups",
        tmp_path / "live-before-migration-0001.db": "store's backups",
        tmp_path / "live-replaced-20260101-101010.db": "earlier copy of the store",
        tmp_path: "is a folder",
    }
    for path, words in refused.items():
        with pytest.raises(OutputRefused, match=words):
            check_output(path, store, "pdf")
    link = tmp_path / "innocent.pdf"
    link.symlink_to(store)
    with pytest.raises(OutputRefused, match="the store itself"):
        check_output(link, store, "pdf")
    check_output(tmp_path / "live-backups" / "live-2026-01-02.db", store, "sqlite", allow_backups=True)
    check_output(tmp_path / "new.pdf", store, "pdf")


def test_an_existing_file_must_be_of_the_same_kind(tmp_path):
    files = {"a.pdf": b"%PDF-1.7\n", "a.db": b"SQLite format 3\x00" + bytes(100), "a.csv": "ref,name\nT-1,Siân\n".encode(),
             "a.json": b'{\n "x": 1}', "a.bin": bytes(range(256)), "empty": b"", "a1252": "caf\xe9,\x80\n".encode("latin-1")}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    assert {n: file_kind(tmp_path / n) for n in files} == {
        "a.pdf": "pdf", "a.db": "sqlite", "a.csv": "text", "a.json": "json", "a.bin": "other", "empty": "empty",
        "a1252": "text"}
    allowed = {("a.pdf", "pdf"), ("a.db", "sqlite"), ("a.csv", "csv"), ("a1252", "csv"), ("a.json", "json")}
    for name in files:
        for kind in ("pdf", "csv", "json", "sqlite"):
            if name == "empty" or (name, kind) in allowed:
                check_output(tmp_path / name, None, kind)
            else:
                with pytest.raises(OutputRefused, match="already exists"):
                    check_output(tmp_path / name, None, kind)
