"""Store opening and migrations: head revision, schema == metadata, URLs, SQLite pragmas, errors."""
from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from eventwatch.errors import StoreError
from eventwatch.store import Store
from eventwatch.store.schema import metadata


def test_migrate_creates_head(db_url):
    with Store(db_url) as store:
        head = store.head_revision()
        assert head
        assert store.revision() == head
        assert store.migrate() == head  # a second upgrade is a no-op
        names = set(sa.inspect(store.engine).get_table_names())
    assert set(metadata.tables) <= names
    assert "alembic_version" in names


def test_migrate_second_store_same_url(db_url):
    first = Store(db_url)
    second = Store(db_url)
    try:
        assert first.revision() == second.revision() == first.head_revision()
        assert second.stats()["articles"] == 0
    finally:
        first.close()
        second.close()


def test_migrate_false_leaves_database_empty(db_url):
    with Store(db_url, migrate=False) as store:
        assert store.revision() is None
        with pytest.raises(StoreError, match="migrate"):
            store.stats()
        assert store.migrate() == store.head_revision()
        assert store.stats()["articles"] == 0


def test_schema_head_matches_metadata(db_url):
    with Store(db_url) as store:
        with store.engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    assert diffs == []


def test_schema_cascade_deletes_children(db_url):
    from test_store_support import hk_extraction

    from eventwatch.store import schema as S

    with Store(db_url) as store:
        store.add(hk_extraction())
        with store.engine.begin() as conn:
            conn.execute(sa.delete(S.articles))
        with store.engine.connect() as conn:
            for table in (S.entities, S.places, S.dates, S.quotes, S.mentions, S.lsh_bands):
                assert conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one() == 0, table.name


def test_sqlite_wal_and_pragmas(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'a.db'}") as store:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_sqlite_plain_path_creates_parent_dir(tmp_path):
    path = tmp_path / "deep" / "er" / "ew.db"
    with Store(str(path)) as store:
        assert store.url == f"sqlite:///{path}"
        assert store.stats()["articles"] == 0
    assert path.exists()


def test_url_default_from_setting(tmp_path, monkeypatch):
    path = tmp_path / "env.db"
    monkeypatch.setenv("EVENTWATCH_DB", f"sqlite:///{path}")
    with Store() as store:
        assert store.url == f"sqlite:///{path}"
    assert path.exists()


def test_url_memory_sqlite():
    with Store("sqlite://") as store:
        assert store.revision() == store.head_revision()


def test_url_display_hides_password(monkeypatch):
    store = Store("postgresql://ew:s3cret@127.0.0.1:1/ew", migrate=False)
    try:
        assert store.url.startswith("postgresql+psycopg://")
        assert "s3cret" not in store.display_url()
        assert "127.0.0.1" in store.display_url()
    finally:
        store.close()


@pytest.mark.parametrize("url", ["nosuchdialect://x/y", "postgresql+psycopg://ew:pw@127.0.0.1:bad/ew", "   "])
def test_url_bad_raises_store_error(url):
    with pytest.raises(StoreError) as info:
        Store(url)
    assert "Traceback" not in str(info.value)


def test_url_unreachable_raises_store_error():
    with pytest.raises(StoreError) as info:
        Store("postgresql+psycopg://ew:topsecret@127.0.0.1:1/ew")
    msg = str(info.value)
    assert "127.0.0.1" in msg and "topsecret" not in msg
    assert "\n" not in msg


def test_url_not_a_database_raises_store_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not a database file at all" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        Store(str(path))


def test_migrate_concurrent_openers(db_url):
    """Workers opening one new database at once: every one ends at head, the schema once."""
    import threading

    errors: list = []
    revisions: list = []
    barrier = threading.Barrier(4)

    def work():
        try:
            barrier.wait()
            with Store(db_url) as store:
                revisions.append(store.revision())
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    with Store(db_url, migrate=False) as store:
        assert revisions == [store.head_revision()] * 4


def test_migrate_downgrade_and_upgrade_again(db_url):
    from alembic import command

    with Store(db_url) as store:
        cfg = store._alembic_config()
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "base")
        assert store.revision() is None
        assert set(sa.inspect(store.engine).get_table_names()) <= {"alembic_version"}
        assert store.migrate() == store.head_revision()
        assert store.stats()["articles"] == 0
