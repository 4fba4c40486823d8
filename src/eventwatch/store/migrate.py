"""Schema migrations: the Alembic revisions in ``migrations/`` applied to the store's database."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import sqlalchemy as sa

from ..errors import StoreError
from .engine import PG_MIGRATION_LOCK, begin_write

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class Migrations:
    """Mixin of ``Store``: needs ``url``, ``engine``, ``dialect``, ``display_url`` and ``_errors``."""

    def _alembic_config(self):
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
        cfg.set_main_option("path_separator", "os")
        cfg.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        return cfg

    def head_revision(self) -> str:
        """The newest revision this version of eventwatch knows."""
        from alembic.script import ScriptDirectory

        return ScriptDirectory.from_config(self._alembic_config()).get_current_head()

    def migrate(self) -> str:
        """Upgrade the schema to the newest revision (a no-op when it is there); returns the revision."""
        from alembic import command
        from alembic.util import CommandError

        cfg = self._alembic_config()
        with self._errors("open and migrate"):
            try:
                with begin_write(self.engine) as conn:
                    if self.dialect == "postgresql":
                        # Two processes migrating one new database take turns.
                        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_MIGRATION_LOCK})
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, "head")
            except CommandError as exc:
                raise StoreError(
                    f"cannot migrate {self.display_url()}: {exc} "
                    "(was the database written by a newer eventwatch?)"
                ) from None
        rev = self.revision()
        return rev or ""

    def revision(self) -> Optional[str]:
        """The database's current schema revision, None when it has none."""
        from alembic.runtime.migration import MigrationContext

        with self._errors("read the revision of"):
            with self.engine.connect() as conn:
                return MigrationContext.configure(conn).get_current_revision()
