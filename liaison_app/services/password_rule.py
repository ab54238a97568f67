"""The password rule, in a module that imports nothing, so the first-account dialog can say it before
SQLModel and the services load (ui/sign_in.py, issue #15 start-up)."""

MIN_PASSWORD = 10  # characters


def password_minimum() -> int:
    """The fewest characters a password may have."""
    return MIN_PASSWORD
