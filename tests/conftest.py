"""Fixtures shared by every test module.

``db_url`` runs a test once on SQLite and once on PostgreSQL. The PostgreSQL
case needs ``EVENTWATCH_TEST_PG_URL`` (``.ci/run`` starts a throwaway server
and sets it); without it that case is skipped, saying why.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"

PG_URL = os.environ.get("EVENTWATCH_TEST_PG_URL")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` (CI has it; a user's clone does not)."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent: this test reads the shared corpus/eval sets, which only CI has")
    return SHARED


def _pg_database() -> str:
    """A new, empty PostgreSQL database; dropped at the end of the test."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = make_url(PG_URL)
    name = f"ew_{uuid.uuid4().hex[:12]}"
    eng = create_engine(admin, isolation_level="AUTOCOMMIT")
    with eng.connect() as con:
        con.execute(text(f'CREATE DATABASE "{name}"'))
    eng.dispose()
    return admin.set(database=name).render_as_string(hide_password=False)


def _pg_drop(url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    import time

    name = make_url(url).database
    eng = create_engine(make_url(PG_URL), isolation_level="AUTOCOMMIT")
    try:
        # An autovacuum worker may still be on the new database; FORCE cannot
        # signal it without superuser, so retry until it has gone.
        for attempt in range(20):
            try:
                with eng.connect() as con:
                    con.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                return
            except Exception:
                if attempt == 19:
                    raise
                time.sleep(0.25)
    finally:
        eng.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    """A fresh, empty database URL: SQLite file under tmp_path, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ew.db'}"
        return
    if not PG_URL:
        pytest.skip("EVENTWATCH_TEST_PG_URL is not set: no PostgreSQL server to test against (.ci/run starts one)")
    url = _pg_database()
    try:
        yield url
    finally:
        from sqlalchemy.engine import make_url  # noqa: F401  (dispose of pools before dropping)
        import gc

        gc.collect()
        _pg_drop(url)


@pytest.fixture(scope="session")
def annotated():
    """``annotated(text, published=...)``: the text and annotate stages on one plain text."""
    from eventwatch.annotate.pipeline import annotate
    from eventwatch.models import RawDoc
    from eventwatch.text.extract import to_article

    def make(text: str, published: str | None = "2024-05-06"):
        return annotate(to_article(RawDoc(id="t", content=text, kind="text", source="test",
                                          publication_date=published)))
    return make


class FakeEventModel:
    """An event model that labels only the words in ``types`` (word -> (type, probability));
    every other word is NONE, every status occurred, and nobody holds a role."""

    def __init__(self, types: dict):
        self.types = types

    def predict(self, units):
        import numpy as np

        from eventwatch.coding.examples import STATUSES, TYPES
        from eventwatch.coding.model import Prediction

        out = []
        for u in units:
            t = np.zeros((len(u.words), len(TYPES)))
            t[:, 0] = 1.0
            for k, w in enumerate(u.words):
                if w in self.types:
                    typ, p = self.types[w]
                    t[k] = (1 - p) / (len(TYPES) - 1)
                    t[k, TYPES.index(typ)] = p
            s = np.zeros((len(u.words), len(STATUSES)))
            s[:, 0] = 1.0
            out.append(Prediction(t, s, None))
        return out

    def roles(self, pred, trigger, unit=None):
        import numpy as np

        r = np.zeros((len(pred.types), 3))
        r[:, 0] = 1.0
        return r

    def roles_many(self, pred, triggers, unit=None):
        import numpy as np

        return np.stack([self.roles(pred, t, unit) for t in triggers]) if triggers else np.zeros((0, 0, 3))


def make_event(i: int, *, mentions: int = 2) -> dict:
    """One resolved event as ``Store.iter_events`` yields it (the contract of issue 10), numbered ``i``."""
    types = [("COERCE", "arrest", "173"), ("PROTEST", "demo", "141"), ("REJECT", None, "12"), ("AID", None, None)]
    typ, mode, cameo = types[i % len(types)]
    ms = []
    for k in range(mentions):
        start = 40 * k + i % 7
        ms.append({"mention_id": f"m{i}-{k}", "article_id": f"art-{i}-{k}", "url": f"https://news-{k}.example/{i}",
                   "title": f"Story {i} <b>{k}</b>", "publisher": f"news-{k}.example",
                   "publication_date": "2020-01-13", "trigger": "arrested",
                   "evidence": f"Police arrested activist {i}, the group said.\tTab, \"quote\"\nnext line",
                   "evidence_start": start, "evidence_end": start + 38, "attribution": "the group",
                   "dup_group": f"art-{i}-0"})
    return {
        "event_id": f"ev{i}", "type": typ, "mode": mode, "status": "occurred",
        "context": ["human_rights", "repression"] if i % 2 else [],
        "date": ["2020-01-13", "2020-01", "2020", None][i % 4], "date_precision": ["day", "month", "year", None][i % 4],
        "place": {"name": "Hong Kong", "country": "HKG", "lat": 22.28, "lon": 114.16} if i % 3 else None,
        "actor": [{"name": "Hong Kong Police Force", "text": "police", "country": "HKG", "sector": "COP",
                   "actor_id": "Q1056358"}],
        "recipient": [{"name": "Kenneth Roth", "text": "Roth", "country": "USA", "sector": "NGO", "actor_id": None},
                      {"name": None, "text": "two aides", "country": None, "sector": None, "actor_id": None}][: 1 + i % 2],
        "cameo": cameo, "confidence": 0.5 + (i % 5) / 10, "num_mentions": mentions, "num_articles": mentions,
        "num_sources": mentions, "first_seen": "2026-12-01T12:00:00+00:00", "last_seen": "2026-12-01T12:30:00+00:00",
        "coder_version": "0.1.0+model-abc", "mentions": ms,
    }


@pytest.fixture
def fake_events():
    """``fake_events(n)``: an iterator of ``n`` event dicts of the ``Store.iter_events`` contract."""
    def make(n: int, *, mentions: int = 2):
        return (make_event(i, mentions=mentions) for i in range(n))
    return make


def pytest_collection_modifyitems(config, items):
    """Long fuzz runs (marker ``fuzz``) only when asked for: ``pytest -m fuzz`` (``.ci/run`` does)."""
    if "fuzz" in (config.getoption("-m") or ""):
        return
    skip = pytest.mark.skip(reason="long fuzz run: pytest -m fuzz (.ci/run runs it)")
    for item in items:
        if item.get_closest_marker("fuzz") is not None:
            item.add_marker(skip)


def article_count(url: str) -> int:
    """Articles stored at ``url`` right now; 0 while the database is not created yet or busy."""
    from eventwatch.store import Store

    try:
        with Store(url, migrate=False) as store:
            return int(store.stats()["articles"])
    except Exception:
        return 0


@pytest.fixture
def workbench(db_url):
    """The workbench app over a fresh store (SQLite, and PostgreSQL when set): ``.client`` (an in-process
    ``TestClient``), ``.store``, and a write token in ``.token`` / ``.headers``."""
    from types import SimpleNamespace

    from fastapi.testclient import TestClient

    from eventwatch.serve.app import create_app
    from eventwatch.serve.auth import create_token
    from eventwatch.store import Store

    store = Store(db_url)
    try:
        token = create_token(store, "research-desk")
        with TestClient(create_app(store=store)) as client:
            yield SimpleNamespace(client=client, store=store, token=token,
                                  headers={"Authorization": f"Bearer {token}"})
    finally:
        store.close()
