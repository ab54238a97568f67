"""Alembic migration scripts for the store (run by liaison_app.store.migrate)."""
