"""The wording of letters to tenants: template files in resources/letters (one per letter kind and
language, plus common.LANG.txt for the parts every letter shares, and words.json), and an
administrator's saved changes to them.

A saved change is kept in the store (the Setting table, key "letter_template:NAME") so it survives an
upgrade of the app and travels with the store's backups; only an administrator may save or undo one,
each audited old → new by name (templates hold no personal data). A change is checked before it is
kept: it must parse, keep a subject and a body, and use only the placeholders a letter fills in.
The file format is in docs/LETTERS.md.
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from sqlmodel import select

from liaison_app.domain import Setting
from liaison_app.domain.enums import Role
from liaison_app.domain.letters import KINDS, TemplateError, parse_template, unknown_placeholders
from liaison_app.domain.validation import ValidationError
from liaison_app.paths import resource
from liaison_app.services.audit import record_event
from liaison_app.services.permissions import require_role
from liaison_app.store import Store

PREFIX = "letter_template:"
LANGUAGES = ("en", "cy")
NAMES = tuple(f"{kind}.{lang}" for kind in (*KINDS, "common") for lang in LANGUAGES)
MAX_CHARS = 20000
NOT_ALLOWED = "Only an administrator can change the wording of letters."


def not_allowed_message() -> str:
    """What an officer who may not change the wording is told (the same words the service refuses with)."""
    return NOT_ALLOWED


def _check_name(name: str) -> None:
    if name not in NAMES:
        raise ValidationError("Not a letter template Liaison knows.", field="name")


@lru_cache(maxsize=None)
def shipped_text(name: str) -> str:
    """The template as shipped in resources/letters."""
    _check_name(name)
    return resource("letters", f"{name}.txt").read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def words() -> dict[str, Any]:
    """resources/letters/words.json: job types and supports in tenants' words, Welsh dates, translation lines."""
    return json.loads(resource("letters", "words.json").read_text(encoding="utf-8"))


def saved_texts(session) -> dict[str, str]:
    """An administrator's saved templates, by name, read in the caller's session."""
    rows = session.exec(select(Setting).where(Setting.key.startswith(PREFIX))).all()
    return {row.key[len(PREFIX):]: row.value for row in rows if row.key[len(PREFIX):] in NAMES}


def template_text(store: Store, name: str) -> str:
    """The template in use: the saved change, else the shipped file."""
    _check_name(name)
    with store.read() as session:
        row = session.get(Setting, PREFIX + name)
    return row.value if row is not None else shipped_text(name)


def sections_in_use(saved: dict[str, str], name: str) -> dict[str, tuple[str, ...]]:
    return parse_template(saved.get(name) or shipped_text(name))


def check_template(name: str, text: str) -> None:
    """Refuse a template that would print a broken letter (ValidationError, field 'text')."""
    _check_name(name)
    if len(text) > MAX_CHARS:
        raise ValidationError(f"Keep a template to {MAX_CHARS} characters or fewer.", field="text")
    try:
        sections = parse_template(text)
    except TemplateError as exc:
        raise ValidationError(str(exc), field="text") from exc
    if not name.startswith("common.") and not {"subject", "body"} <= set(sections):
        raise ValidationError("A letter template needs a '== subject' and a '== body' section.", field="text")
    unknown = unknown_placeholders(text)
    if unknown:
        raise ValidationError("Unknown placeholders: " + ", ".join(unknown) + ".", field="text")


def save_template(store: Store, name: str, text: str) -> None:
    """Keep an administrator's change to a template (checked first); audited by name."""
    require_role(store, Role.ADMIN, message=NOT_ALLOWED)
    text = (text or "").replace("\r\n", "\n")
    check_template(name, text)
    with store.write() as session:
        row = session.get(Setting, PREFIX + name)
        if row is None:
            session.add(Setting(key=PREFIX + name, value=text))
        elif row.value == text:
            return
        else:
            row.value = text
        session.flush()
        record_event(session, store.actor, "change", "setting", PREFIX + name, ["text"],
                     f"letter template {name} changed")


def undo_template(store: Store, name: str) -> None:
    """Go back to the shipped wording of a template; audited."""
    require_role(store, Role.ADMIN, message=NOT_ALLOWED)
    _check_name(name)
    with store.write() as session:
        row = session.get(Setting, PREFIX + name)
        if row is None:
            return
        session.delete(row)
        session.flush()
        record_event(session, store.actor, "change", "setting", PREFIX + name, ["text"],
                     f"letter template {name} back to the shipped wording")
