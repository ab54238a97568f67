"""Work around a reference-count bug in PySide6 6.12's `SignalInstance.emit` on Python < 3.12.

Each Python-side `signal.emit(...)` returns `True` without taking a reference to it, so every emit
drops one reference from the `True` singleton. After a few hundred emits (a progress bar, a day of
clicks) CPython aborts with "Fatal Python error: bool_dealloc". From Python 3.12 `True` is immortal
and the bug is harmless.

`apply()` measures whether this PySide6 has the bug and, only then, wraps `emit` so the lost
reference is given back. It is idempotent; importing this module applies it.
"""
from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance

_APPLIED = False


class _Probe(QObject):
    ping = Signal()


def emit_loses_a_reference() -> bool:
    """True when one emit lowers the reference count of `True` (the PySide6 bug is present)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    probe.ping.emit()
    after = sys.getrefcount(True)
    if after < before:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))  # give back what the probe took
        return True
    return False


def apply() -> bool:
    """Install the fix if needed. Returns True when emit is (now) wrapped."""
    global _APPLIED
    if _APPLIED:
        return True
    if not emit_loses_a_reference():
        return False
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]

    def emit(self, *args):
        result = original(self, *args)
        if result is True or result is False:
            incref(result)
        return result

    SignalInstance.emit = emit
    _APPLIED = True
    return True


apply()
