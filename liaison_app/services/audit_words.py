"""The audit trail in an officer's words: what each event code and record kind means.

The trail itself keeps short codes (they are hashed into the chain and must never change); screens
and exports for people show these words instead. A code missing here is shown tidied ("new_code" →
"New code"), never hidden.
"""
from __future__ import annotations

from datetime import datetime, timezone

ACTIONS = {
    "create": "Created",
    "change": "Changed",
    "end": "Ended",
    "undo": "Undid a change",
    "done": "Marked done",
    "view": "Viewed",
    "print": "Printed",
    "printed_jobs": "Printed briefings",
    "export": "Exported",
    "import": "Imported",
    "import_file": "Imported a file",
    "import_tenants": "Imported tenants",
    "import_jobs": "Imported jobs",
    "import_adjustments": "Imported adjustments",
    "import_warnings": "Imported safety warnings",
    "erase": "Erased",
    "restore": "Restored a backup",
    "backup": "Made a backup",
    "demo": "Filled with demo data",
    "report": "Ran a report",
    "sign_in": "Signed in",
    "sign_in_failed": "Sign-in failed",
    "sign_out": "Signed out",
    "lock": "Locked",
    "unlock": "Unlocked",
}

RECORDS = {
    "tenant": "Tenant",
    "home": "Home",
    "block": "Block",
    "adjustment": "Wish or adjustment",
    "riskwarning": "Safety warning",
    "visit": "Visit",
    "followup": "Follow-up",
    "job": "Job",
    "contractor": "Contractor",
    "operative": "Operative",
    "accessattempt": "Access attempt",
    "safetycheck": "Mandatory check",
    "supportplan": "Support plan",
    "supportmeasure": "Support plan measure",
    "supportcontact": "Support plan contact",
    "supportplanjob": "Job linked to a support plan",
    "conductfeedback": "Conduct feedback",
    "safeguardingconcern": "Safeguarding concern",
    "officer": "Officer account",
    "setting": "Setting",
    "backup": "Backup",
    "report": "Report",
    "briefing": "Briefing",
    "pack": "Day pack",
    "demo": "Demo data",
    "store": "Store",
}


def _tidy(code: str) -> str:
    text = code.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def action_words(code: str) -> str:
    """'sign_in_failed' → 'Sign-in failed'."""
    return ACTIONS.get(code, _tidy(code))


def record_kinds() -> dict[str, str]:
    """Every kind of record the trail names: its code and its words."""
    return dict(RECORDS)


def record_words(code: str) -> str:
    """'accessattempt' → 'Access attempt'."""
    return RECORDS.get(code, _tidy(code))


def local_time(at: datetime) -> datetime:
    """An audit time (stored in UTC, without a zone) in the computer's local time."""
    aware = at if at.tzinfo else at.replace(tzinfo=timezone.utc)
    return aware.astimezone()
