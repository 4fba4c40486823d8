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

    def roles(self, pred, trigger):
        import numpy as np

        r = np.zeros((len(pred.types), 3))
        r[:, 0] = 1.0
        return r
