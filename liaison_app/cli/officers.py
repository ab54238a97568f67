"""`liaison-app officer add|reset|list`: officer accounts from the command line, for IT.

The new account's password comes from LIAISON_NEW_PASSWORD or is asked for twice at a prompt; the
signing-in administrator (--officer) gives theirs as for every command (LIAISON_PASSWORD or a prompt).
The first account of a store needs no sign-in and must be an administrator; everything after needs one.
"""
from __future__ import annotations

import getpass
import os

from liaison_app.cli.common import CommandError, open_for_command
from liaison_app.domain.enums import Role
from liaison_app.domain.validation import ValidationError
from liaison_app.services import officers

ROLE_WORDS = {Role.OFFICER.value: "officer", Role.SAFEGUARDING_LEAD.value: "safeguarding lead",
              Role.ADMIN.value: "administrator"}


def register(sub) -> None:
    p = sub.add_parser("officer", help="officer accounts, for IT: add, reset a password, list")
    what = p.add_subparsers(dest="what", metavar="ACTION", required=True)
    a = what.add_parser("add", help="add an account (the first account of a store must be an admin)")
    a.add_argument("username", metavar="USERNAME")
    a.add_argument("--name", required=True, metavar='"Full Name"', help="the officer's name as others see it")
    a.add_argument("--role", required=True, choices=Role.values(), help="what the account may do")
    a.set_defaults(func=run_add)
    r = what.add_parser("reset", help="set a new password for an account and clear its sign-in back-off")
    r.add_argument("username", metavar="USERNAME")
    r.set_defaults(func=run_reset)
    what.add_parser("list", help="every account with its role and whether it is active").set_defaults(func=run_list)


def new_password(username: str) -> str:
    """LIAISON_NEW_PASSWORD, else asked twice at a terminal."""
    password = os.environ.get("LIAISON_NEW_PASSWORD")
    if password is not None:
        return password
    try:
        first = getpass.getpass(f"New password for {username}: ")
        again = getpass.getpass("The same password again: ")
    except (EOFError, OSError) as exc:
        raise CommandError("No new password given: set LIAISON_NEW_PASSWORD or run the command in a terminal.") \
            from exc
    if first != again:
        raise CommandError("The two passwords are not the same; nothing was changed.")
    return first


def _refused(exc: Exception) -> CommandError:
    if isinstance(exc, ValidationError):
        return CommandError(str(exc))
    return CommandError("Only an administrator can manage officer accounts: sign in with --officer as one.")


def _with_store(store, action):
    """Run `action(store)`, turning a refusal into one clear line, and close the store whatever happens."""
    try:
        return action(store)
    except (ValidationError, PermissionError) as exc:
        raise _refused(exc) from exc
    finally:
        store.close()


def run_add(args) -> int:
    row = _with_store(open_for_command(args), lambda store: officers.create_officer(
        store, args.username, args.name, args.role, new_password(args.username)))
    print(f"Added {row.display_name} ({row.username}) as {ROLE_WORDS.get(row.role, row.role)}.")
    return 0


def _admin_store(args):
    """The store, signed in as an administrator (the only role that may see or change accounts)."""
    store = open_for_command(args)
    if officers.has_accounts(store) and store.actor_role != Role.ADMIN.value:
        store.close()
        raise _refused(PermissionError())
    return store


def _reset(store, username: str) -> str:
    wanted = username.strip().casefold()
    match = next((o for o in officers.list_officers(store) if o.username == wanted), None)
    if match is None:
        raise CommandError(f"No officer has the user name {username!r}.")
    officers.admin_reset_password(store, match.id, new_password(match.username))
    return match.username


def run_reset(args) -> int:
    name = _with_store(_admin_store(args), lambda store: _reset(store, args.username))
    print(f"New password set for {name}; they can sign in with it now.")
    return 0


def run_list(args) -> int:
    rows = _with_store(_admin_store(args), officers.list_officers)
    if not rows:
        print("No officer accounts yet: the first start of the app, or `officer add`, makes the first admin.")
    width = max((len(r.username) for r in rows), default=8)
    for r in rows:
        state = "" if r.active else "  (switched off)"
        print(f"{r.username:<{width}}  {ROLE_WORDS.get(r.role, r.role):<17}  {r.display_name}{state}")
    return 0
