"""Imports from the housing and repairs systems: tenants, jobs, adjustments, warnings and check history,
and text-message survey answers (feedback).

Each import stores every row or none. Problems are collected across the whole file first, then
the import is refused with all of them (`ImportRefused.problems`, each a line, a column and a
reason that never quotes a private value). Re-importing the same file changes nothing. One audit
event per import records the counts. Formats: INTERFACES.md ("CSV formats") and the README.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from liaison_app.services.csv_files import ImportRefused, Problem
from liaison_app.services.feedback_import import import_feedback
from liaison_app.services.import_checks import import_checks
from liaison_app.services.import_common import ImportResult
from liaison_app.services.import_jobs import import_jobs
from liaison_app.services.import_needs import import_adjustments, import_warnings
from liaison_app.services.import_tenants import import_tenants
from liaison_app.store import Store

IMPORTERS: dict[str, Callable[[Store, str | Path], ImportResult]] = {
    "tenants": import_tenants,
    "jobs": import_jobs,
    "adjustments": import_adjustments,
    "warnings": import_warnings,
    "checks": import_checks,
    "feedback": import_feedback,
}


def import_file(store: Store, kind: str, path: str | Path) -> ImportResult:
    """Import `path` as `kind` (tenants, jobs, adjustments, warnings, checks or feedback)."""
    try:
        importer = IMPORTERS[kind]
    except KeyError:
        raise ValueError(f"Unknown import kind; use one of: {', '.join(IMPORTERS)}.") from None
    return importer(store, path)


__all__ = ["IMPORTERS", "ImportRefused", "ImportResult", "Problem", "import_adjustments", "import_checks",
           "import_feedback", "import_file", "import_jobs", "import_tenants", "import_warnings"]
