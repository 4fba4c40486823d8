"""Reads under load while an ingest writes: a real uvicorn server on 127.0.0.1 over a store
(SQLite, and PostgreSQL when ``EVENTWATCH_TEST_PG_URL`` is set), a few hundred requests from
concurrent clients (the mix of ``benchmarks/serve_load_plan.py``) while ``eventwatch ingest``
runs in another process, fed new articles as the requests go. Zero errors: every answer has the
status its route should give and is well-formed (JSON parses to the route's shape; pages are
whole and show article markup as text). And a writer holding the database (an open write
transaction) never turns a read into an error: SQLite in WAL mode and PostgreSQL let readers on.

Bounded by the number of requests, never by time; each request has a timeout only so that a
hang fails instead of blocking. Speed is not judged here: ``benchmarks/bench_serve_load.py``.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import pytest

from conftest import ROOT, SAMPLES, article_count

sys.path.insert(0, str(ROOT / "benchmarks"))
import serve_load_plan as plan_mod  # noqa: E402

httpx = pytest.importorskip("httpx")

pytestmark = pytest.mark.slow

EW = str(ROOT / ".venv" / "bin" / "eventwatch") if (ROOT / ".venv" / "bin" / "eventwatch").exists() else "eventwatch"
PRELOAD = [SAMPLES / "articles" / n for n in ("thailand-entry-ban.txt", "nairobi-journalist-arrest.txt",
                                              "peru-road-blockade.txt")]
REQUESTS = 320
CLIENTS = 8
FEED_EVERY = 20  # one more article to the writer per this many answers
REQUEST_TIMEOUT = 120.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def live(db_url, tmp_path, monkeypatch):
    """A store with three sample articles and the hostile one, served by uvicorn on a free port."""
    import uvicorn

    from eventwatch.runner import ingest
    from eventwatch.serve.app import create_app
    from eventwatch.store import Store

    # The rule coder alone: the load is on the server, not on coding quality, and it keeps the fixture short.
    monkeypatch.setenv("EVENTWATCH_CODERS", "pattern")
    hostile = tmp_path / "hostile.jsonl"
    hostile.write_text(json.dumps(plan_mod.hostile_article()) + "\n", encoding="utf-8")
    with Store(db_url) as store:
        summary = ingest([str(p) for p in PRELOAD] + [str(hostile)], store, published="2024-05-06")
    assert summary.added == len(PRELOAD) + 1, summary
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db_url), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(600):  # startup only: the app is built, uvicorn binds
        if server.started or not thread.is_alive():
            break
        time.sleep(0.05)
    assert server.started, "the test server did not start"
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT) as client:
            plan = plan_mod.plan_from(lambda path: client.get(path).raise_for_status().json())
        assert plan["hostile_articles"] and plan["hostile_events"], plan
        yield SimpleNamespace(base=base, url=db_url, plan=plan)
    finally:
        server.should_exit = True
        thread.join(30)


def _run(live, requests: list[tuple[str, str]], *, clients: int = CLIENTS, after_each=None) -> list[str]:
    """Send ``requests`` from ``clients`` threads, one HTTP client each; the errors found."""
    errors: list[str] = []
    lock = threading.Lock()
    local = threading.local()
    opened: list = []

    def one(item: tuple[int, tuple[str, str]]) -> None:
        k, (name, path) = item
        if not hasattr(local, "client"):
            local.client = httpx.Client(base_url=live.base, timeout=REQUEST_TIMEOUT)
            with lock:
                opened.append(local.client)
        try:
            r = local.client.get(path, headers={"Accept": "text/html" if not path.startswith("/api/")
                                                else "application/json"})
            why = plan_mod.check(name, path, r.status_code, r.headers.get("content-type", ""), r.text, live.plan)
        except Exception as exc:  # a refused connection or a timeout is an error like a 500
            why = f"{name} {path}: {type(exc).__name__}: {exc}"
        with lock:
            if why:
                errors.append(why)
        if after_each is not None:
            after_each(k)

    try:
        with ThreadPoolExecutor(max_workers=clients) as pool:
            list(pool.map(one, enumerate(requests)))
    finally:
        for c in opened:
            c.close()
    return errors


def test_reliability_load_reads_while_ingest_writes(live, tmp_path):
    before = article_count(live.url)
    docs = plan_mod.synthetic_articles(REQUESTS // FEED_EVERY + 1)
    env = {**os.environ, "EVENTWATCH_CODERS": "pattern", "EVENTWATCH_BATCH_SIZE": "1", "HF_HUB_OFFLINE": "1"}
    log = tmp_path / "writer.log"
    with open(log, "wb") as out:
        writer = subprocess.Popen([EW, "ingest", "-", "--db", live.url, "--quiet"], stdin=subprocess.PIPE,
                                  stdout=out, stderr=subprocess.STDOUT, env=env)
    feed_lock = threading.Lock()
    fed = [0]

    def feed() -> None:
        with feed_lock:
            if fed[0] < len(docs):
                writer.stdin.write((json.dumps(docs[fed[0]]) + "\n").encode())
                writer.stdin.flush()
                fed[0] += 1

    try:
        feed()
        # Start the load once the writer has committed its first article: from then on it is writing.
        for _ in range(6000):  # the writer loads spaCy first: minutes on a busy machine
            if article_count(live.url) > before or writer.poll() is not None:
                break
            time.sleep(0.1)
        assert writer.poll() is None, log.read_text(errors="replace")[-2000:]
        during = article_count(live.url)
        assert during > before, "the writer committed nothing before the load"
        errors = _run(live, plan_mod.requests_for(live.plan, REQUESTS, seed=3),
                      after_each=lambda k: feed() if k % FEED_EVERY == FEED_EVERY - 1 else None)
        while fed[0] < len(docs):
            feed()
    finally:
        writer.stdin.close()
        try:
            writer.wait(timeout=600)
        except subprocess.TimeoutExpired:
            writer.kill()
            writer.wait()
    assert writer.returncode == 0, log.read_text(errors="replace")[-2000:]
    assert errors == [], f"{len(errors)} of {REQUESTS} requests failed:\n" + "\n".join(errors[:20])
    assert article_count(live.url) == before + len(docs)


class _Rollback(Exception):
    """Leaves the write transaction without committing it."""


@pytest.mark.parametrize("clients", [1, CLIENTS])
def test_reliability_load_writer_lock_never_fails_a_read(live, clients):
    """An open write transaction (SQLite: BEGIN IMMEDIATE, the write lock, with an uncommitted
    update of every article; PostgreSQL: the same update, rows locked) while every kind of read runs."""
    import sqlalchemy as sa

    from eventwatch.store import Store
    from eventwatch.store.engine import begin_write

    reads = plan_mod.requests_for(live.plan, 3 * len(plan_mod.MIX), seed=5)
    errors: list[str] = []
    with Store(live.url, migrate=False) as store:
        try:
            with begin_write(store.engine) as conn:
                changed = conn.execute(sa.text("UPDATE articles SET title = title")).rowcount
                assert changed >= len(PRELOAD)
                errors = _run(live, reads, clients=clients)
                raise _Rollback
        except _Rollback:
            pass
    assert errors == [], "\n".join(errors[:20])
