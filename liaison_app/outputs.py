"""Every file Liaison writes for an officer (briefings, packs, reports, exports, backups, letters) goes
through here: one guard on where it may go, and one atomic writer.

- `check_output(path, store_path, kind)` refuses an output that is the store, its journal (`-wal`,
  `-shm`, `-journal`), its lock file or another file of its own beside it, anything in its backups
  folder (or a before-migration copy or a replaced store beside it), a folder, or an existing file
  of another kind (a PDF over a database,
  a CSV report over a PDF, …). The error (`OutputRefused`, an OSError so every caller that already
  reports a failed write reports it too) is one line naming the path.
- `atomic_path(target)` / `atomic_write(target, write)`: the content is written to a temporary file
  in the same folder (owner-only, 0o600 on POSIX), flushed and fsynced, then moved over the target
  with `os.replace`. On any failure, or an interruption, the temporary file is removed and the target
  is left exactly as it was: a failed write leaves nothing behind.

Imports only the standard library and liaison_app.paths (no floor of the app), so store/, services/,
briefing/ and cli/ may all use it.
"""
from __future__ import annotations

import os
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

KINDS = ("pdf", "csv", "json", "sqlite")
_SUFFIX_KINDS = {".pdf": "pdf", ".csv": "csv", ".json": "json", ".db": "sqlite", ".sqlite": "sqlite",
                 ".sqlite3": "sqlite"}
_KIND_NAMES = {"pdf": "a PDF", "csv": "a CSV file", "json": "a JSON file", "sqlite": "a database",
               "text": "a text file", "other": "a file of another kind"}
# Files beside the store that belong to it: SQLite's journal, the lock (store/safety.py), the audit
# checkpoint (store/checkpoint.py) and the copy of the erasure ledger (store/backup.py).
_SIDE_FILES = ("-wal", "-shm", "-journal", ".lock", ".audit-head", ".erasures")
_SNIFF = 8192


class OutputRefused(OSError):
    """The output path would destroy something (or is not a file): nothing was written. One line."""

    def __init__(self, message: str):
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


def kind_for(path: str | os.PathLike, default: str | None = None) -> str | None:
    """The kind of file a name asks for, by its suffix ('pdf', 'csv', 'json', 'sqlite'), else `default`."""
    return _SUFFIX_KINDS.get(Path(path).suffix.lower(), default)


def file_kind(path: str | os.PathLike) -> str:
    """What an existing file holds, from its first bytes: 'empty', 'pdf', 'sqlite', 'json', 'text' or 'other'."""
    with open(path, "rb") as fh:
        head = fh.read(_SNIFF)
    if not head:
        return "empty"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"SQLite format 3\x00"):
        return "sqlite"
    text = _as_text(head)
    if text is None:
        return "other"
    return "json" if text.lstrip("\ufeff \t\r\n")[:1] in ("{", "[") else "text"


def _as_text(head: bytes) -> str | None:
    """The bytes as text (UTF-8, else Windows-1252), or None if they are binary."""
    if b"\x00" in head:
        return None
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3 and exc.reason == "unexpected end of data":
            text = head[:exc.start].decode("utf-8")  # a character cut at the end of the sample
        else:
            try:
                text = head.decode("cp1252")
            except UnicodeDecodeError:
                return None
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\r\n\f")
    return None if controls > len(text) // 100 else text


def _accepts(kind: str, found: str) -> bool:
    if found == "empty":
        return True
    if kind == "csv":
        return found == "text"
    return found == kind


def _same(a: Path, b: Path) -> bool:
    """The same file: the same path (as the OS compares names), or the same file on disk (links)."""
    if os.path.normcase(str(a)) == os.path.normcase(str(b)):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return os.path.normcase(str(path)).startswith(os.path.normcase(str(folder)) + os.sep)
    return True


def check_output(path: str | os.PathLike, store_path: str | os.PathLike | None, kind: str, *,
                 allow_backups: bool = False) -> Path:
    """Raise OutputRefused if writing `kind` ('pdf', 'csv', 'json' or 'sqlite') at `path` would
    overwrite the store, its journal or lock, a backup (unless `allow_backups`, for the backup code
    itself), a folder, or an existing file of another kind. Returns the resolved path."""
    if kind not in KINDS:
        raise ValueError(f"Unknown output kind {kind!r}; use one of {', '.join(KINDS)}.")
    target = Path(path).expanduser().resolve()
    shown = Path(path)
    if store_path is not None:
        _check_store_files(target, shown, Path(store_path).expanduser().resolve(), allow_backups)
    if target.is_dir():
        raise OutputRefused(f"{shown} is a folder, not a file: give a file name.")
    if target.exists():
        try:
            found = file_kind(target)
        except OSError as exc:
            raise OutputRefused(f"{shown} exists and cannot be read ({exc.strerror or exc}): choose another "
                                "file name.") from exc
        if not _accepts(kind, found):
            raise OutputRefused(f"{shown} already exists and is {_KIND_NAMES[found]}, not {_KIND_NAMES[kind]}: "
                                "choose another file name; it was left as it was.")
        if found == "sqlite" and any(Path(f"{target}{s}").exists() for s in ("-wal", ".lock")):
            raise OutputRefused(f"{shown} is a store in use: choose another file name; it was left as it was.")
    return target


def _check_store_files(target: Path, shown: Path, store: Path, allow_backups: bool) -> None:
    if _same(target, store):
        raise OutputRefused(f"{shown} is the store itself: choose another file name; nothing was written.")
    for side in _SIDE_FILES:
        if _same(target, Path(f"{store}{side}")):
            raise OutputRefused(f"{shown} belongs to the store (its {side.lstrip('-.')} file): choose another "
                                "file name; nothing was written.")
    name = os.path.normcase(target.name)
    stem = re.escape(os.path.normcase(store.stem))
    beside = _same(target.parent, store.parent)
    if beside and re.fullmatch(rf"{stem}-replaced-.*", name):
        raise OutputRefused(f"{shown} is an earlier copy of the store kept after a restore: choose another "
                            "file name; nothing was written.")
    if allow_backups:
        return
    backups = store.parent / f"{store.stem}-backups"
    if _inside(target, backups) or (beside and re.fullmatch(rf"{stem}-before-migration-.*", name)):
        raise OutputRefused(f"{shown} is in the store's backups: choose a file outside {backups}; "
                            "nothing was written.")


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open a folder this way and needs nothing."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(tmp: Path) -> None:
    for leftover in (tmp, *(Path(f"{tmp}{s}") for s in ("-journal", "-wal", "-shm"))):
        try:
            leftover.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass  # nothing more can be done; the name starts with a dot and ends .part


@contextmanager
def atomic_path(target: str | os.PathLike, *, make_folder: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside `target` (an empty owner-only file) to write the content to;
    when the block ends, flush it to disk and move it over `target`. On any exception (or Ctrl+C)
    the temporary file is removed, `target` is untouched, and the exception goes on."""
    target = Path(target)
    folder = target.parent
    if make_folder:
        folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name[:80]}.", suffix=".part", dir=folder)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        _remove(tmp)
        raise
    _fsync_folder(folder)


def atomic_write(target: str | os.PathLike, write: Callable[[Path], object], *, make_folder: bool = False) -> Path:
    """Write `target` whole or not at all: `write(tmp)` fills a temporary file beside it (see `atomic_path`)."""
    with atomic_path(target, make_folder=make_folder) as tmp:
        write(tmp)
    return Path(target)


@contextmanager
def atomic_text(target: str | os.PathLike, *, encoding: str = "utf-8", newline: str | None = None) -> Iterator:
    """An open text file whose content replaces `target` atomically when the block ends."""
    with atomic_path(target) as tmp:
        with open(tmp, "w", encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
