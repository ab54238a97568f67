"""One Alembic revision per file, in order; each is tested from a store of the revision before."""
