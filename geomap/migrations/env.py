"""Alembic environment: run by `geomap.store.Store` on open, on the connection it hands over.

To write a new revision after changing the models in geomap/store.py:
    python -c "from alembic import command; from geomap.store import alembic_config, Store; \\
        s = Store('sqlite:////tmp/rev.sqlite'); \\
        command.revision(alembic_config(s.engine.connect()), 'what changed', autogenerate=True)"
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from geomap.store import Base

# Any fixed number: PostgreSQL sessions opening the store at once take turns to migrate it.
MIGRATION_LOCK = 4_607_711


def run_migrations_online() -> None:
    connection = context.config.attributes["connection"]
    context.configure(connection=connection, target_metadata=Base.metadata,
                      render_as_batch=connection.dialect.name == "sqlite")  # SQLite alters tables by copying
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        context.run_migrations()


run_migrations_online()
