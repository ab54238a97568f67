"""Keeping the store safe: where it may live, one user at a time, and whether its file is sound.

- `check_location(path)` refuses network shares and cloud-synced folders (SQLite locking and WAL do
  not work there; sync clients corrupt live databases).
- `quick_check(path)` runs `PRAGMA quick_check` on a read-only connection; `wal_is_damaged` looks at
  the WAL. store/opening.py uses both so a damaged store is refused and never written to.
- `StoreLock` is the lock file beside the store (`<store>.lock`, holding user, host, pid, time).
Backups (daily, rotation, restore) are store/backup.py.
"""
from __future__ import annotations

import getpass
import json
import os
import socket
import sqlite3
import struct
import sys
from datetime import datetime
from pathlib import Path, PurePath

from liaison_app.store.engine import StoreError, StoreLocked

__all__ = ["StoreLock", "check_location", "quick_check", "wal_is_damaged"]

NETWORK_FS = {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "fuse.sshfs", "afs", "9p", "davfs", "fuse.davfs2"}
CLOUD_FOLDERS = ("onedrive", "dropbox", "google drive", "googledrive", "my drive", "icloud drive", "iclouddrive",
                 "mobile documents", "box sync", "pcloud drive")
WAL_MAGIC = (0x377F0682, 0x377F0683)


# ---------------------------------------------------------------- where the store may live

def _mount_fs_type(path: Path, mounts_text: str) -> str:
    """The file-system type of the longest mount point holding `path` (from /proc/mounts text)."""
    best, fs_type = "", ""
    target = path.as_posix()
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, fs_type = mount_point, parts[2]
    return fs_type


def _windows_drive_is_remote(path: PurePath) -> bool:  # pragma: no cover - Windows only
    import ctypes

    drive = path.drive
    if not drive:
        return False
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4  # DRIVE_REMOTE


def check_location(path: str | os.PathLike, *, mounts_text: str | None = None, windows: bool | None = None) -> None:
    """Raise StoreError if `path` is on a network share or inside a cloud-synced folder."""
    windows = sys.platform == "win32" if windows is None else windows
    text = str(path)
    if windows and (text.startswith("\\\\") or text.startswith("//")):
        raise StoreError(_network_message(text))
    for part in PurePath(text).parts[:-1]:
        name = part.casefold()
        if any(name.startswith(cloud) for cloud in CLOUD_FOLDERS):
            raise StoreError(
                f"The store cannot be kept in a cloud-synced folder ({part}): sync clients damage live "
                "databases. Choose a folder on this computer that is not synced; backups may go there.")
    if windows:
        if mounts_text is None and _windows_drive_is_remote(PurePath(text)):
            raise StoreError(_network_message(text))
        return
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return
    if _mount_fs_type(Path(text), mounts_text) in NETWORK_FS:
        raise StoreError(_network_message(text))


def _network_message(text: str) -> str:
    return (f"The store cannot be kept on a network share ({text}): file locking there is not reliable "
            "and the store could be damaged. Choose a folder on this computer.")


# ---------------------------------------------------------------- is the file sound?

def _wal_checksum(data: bytes, s0: int, s1: int, big_endian: bool) -> tuple[int, int]:
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def wal_is_damaged(wal: Path) -> bool:
    """True if the write-ahead log beside a store is damaged (not merely cut short by a crash).

    A crash can leave a torn last frame, which SQLite rightly ignores. Damage is a bad header, or a
    frame of the current log whose checksum fails while later frames of the same log follow it.
    """
    try:
        data = wal.read_bytes()
    except FileNotFoundError:
        return False
    if not data:
        return False
    if len(data) < 32:
        return True
    magic, version, page_size, _seq, salt1, salt2, c0, c1 = struct.unpack(">8I", data[:32])
    if magic not in WAL_MAGIC or version != 3007000 or page_size < 512 or page_size & (page_size - 1):
        return True
    big = magic & 1 == 1
    if _wal_checksum(data[:24], 0, 0, big) != (c0, c1):
        return True
    return _frames_damaged(data, page_size, (salt1, salt2), (c0, c1), big)


def _frames_damaged(data: bytes, page_size: int, salts: tuple[int, int], start: tuple[int, int], big: bool) -> bool:
    s0, s1 = start
    frame_size = 24 + page_size
    broken = False
    for offset in range(32, len(data) - frame_size + 1, frame_size):
        head = data[offset:offset + 24]
        f_salt1, f_salt2, f_c0, f_c1 = struct.unpack(">4I", head[8:24])
        if (f_salt1, f_salt2) != salts:
            break
        if broken:
            return True  # a valid-looking frame of this log after a broken one
        s0, s1 = _wal_checksum(head[:8], s0, s1, big)
        s0, s1 = _wal_checksum(data[offset + 24:offset + frame_size], s0, s1, big)
        if (s0, s1) != (f_c0, f_c1):
            broken = True
    return False


def quick_check(path: Path) -> str:
    """'ok', or what is wrong, from PRAGMA quick_check on a read-only connection (writes nothing)."""
    try:
        conn = sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        result = "; ".join(str(r[0]) for r in rows[:3])
        return "ok" if result == "ok" else result or "no answer"
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        conn.close()


# ---------------------------------------------------------------- one user at a time

def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - Windows only; os.kill would end the process there
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class StoreLock:
    """The lock file beside a store. Re-entrant within one process (tests and in-process commands)."""

    _held: dict[str, int] = {}

    def __init__(self, store_path: Path):
        self.path = Path(store_path).with_name(Path(store_path).name + ".lock")
        self.key = str(self.path)
        self.owned = False

    def _me(self) -> dict:
        try:
            user = getpass.getuser()
        except Exception:  # pragma: no cover
            user = "unknown"
        return {"user": user, "host": socket.gethostname(), "pid": os.getpid(),
                "time": datetime.now().isoformat(timespec="seconds")}

    def acquire(self) -> None:
        if self.owned:
            return
        if self.key in StoreLock._held:
            StoreLock._held[self.key] += 1
            self.owned = True
            return
        for _attempt in range(3):
            if self._try_create():
                StoreLock._held[self.key] = 1
                self.owned = True
                return
            holder = self._read()
            if holder is not None and not self._stale(holder):
                raise StoreLocked(
                    f"This store is open on {holder.get('host', '?')} by {holder.get('user', '?')} since "
                    f"{holder.get('time', '?')}. Close Liaison there first; only one copy may use a store at once.")
            self.path.unlink(missing_ok=True)
        raise StoreLocked("Could not take the lock on this store. Try again.")

    def _try_create(self) -> bool:
        try:
            fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            return False
        except OSError as exc:
            raise StoreError(f"Cannot write beside the store ({exc.strerror}): the folder may be read-only.") from exc
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(self._me(), fh)
            fh.flush()
            os.fsync(fh.fileno())
        return True

    def _read(self) -> dict | None:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            return {}  # unreadable or half-written: treated as stale

    def _stale(self, holder: dict) -> bool:
        if not holder:
            return True
        same_host = holder.get("host") == socket.gethostname()
        return same_host and not _pid_alive(int(holder.get("pid", 0) or 0))

    def release(self) -> None:
        if not self.owned:
            return
        self.owned = False
        count = StoreLock._held.get(self.key, 0) - 1
        if count > 0:
            StoreLock._held[self.key] = count
            return
        StoreLock._held.pop(self.key, None)
        holder = self._read()
        if holder and holder.get("pid") == os.getpid() and holder.get("host") == socket.gethostname():
            self.path.unlink(missing_ok=True)

