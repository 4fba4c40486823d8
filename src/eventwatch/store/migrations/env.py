"""Alembic environment for the eventwatch store.

``Store.migrate()`` runs this with ``config.attributes["connection"]`` set to
a connection that is already inside a transaction (BEGIN IMMEDIATE on SQLite,
with a transaction-scoped advisory lock on PostgreSQL), so concurrent
migrations of one database serialise and the whole upgrade commits or rolls
back as one. Run from the alembic command line (``migrations/alembic.ini``),
it opens its own engine on ``sqlalchemy.url`` or ``EVENTWATCH_DB``.
"""
from __future__ import annotations

from alembic import context

from eventwatch.store.engine import begin_write, make_engine, normalise_url
from eventwatch.store.schema import metadata

config = context.config
target_metadata = metadata

if config.attributes.get("connection") is None and config.config_file_name:
    # The alembic command line: log as alembic.ini says. Store.migrate() leaves logging alone.
    from logging.config import fileConfig

    fileConfig(config.config_file_name, disable_existing_loggers=False)


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        render_as_batch=connection.dialect.name == "sqlite",
    )


def run_migrations_offline() -> None:
    url = config.get_main_option("sqlalchemy.url") or normalise_url(None)
    context.configure(url=normalise_url(url), target_metadata=target_metadata, literal_binds=True,
                      dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = normalise_url(config.get_main_option("sqlalchemy.url") or None)
    engine = make_engine(url)
    try:
        with begin_write(engine) as conn:
            _configure(conn)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
