"""Faults (issue "Reliability and security", part "faults as tests"): repeated kill -9 at random
points, a full database, a locked database, a PostgreSQL restart mid-ingest. After each, every
committed document is intact and a resumed ingest ends with every document exactly once.

The single kill -9 case lives in test_cli_interrupt.py; these extend it."""
from __future__ import annotations

import io
import json
import os
import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from conftest import article_count

ROOT = Path(__file__).resolve().parent.parent
EW = ROOT / ".venv" / "bin" / "eventwatch"
PLACES = ["Dhaka", "Nairobi", "Lima", "Quito", "Manila", "Minsk", "Kampala", "Tunis", "Bogota", "Jakarta"]


def _records(n: int) -> list[dict]:
    return [{"id": f"r{i}", "publication_date": "2022-02-02",
             "text": f"Police in {PLACES[i % 10]} arrested {i + 3} demonstrators on Tuesday, witness number {i} said. "
                     f"The interior ministry threatened to ban further marches in district {i}."} for i in range(n)]


def _expected_events(recs: list[dict]) -> dict[str, int]:
    from eventwatch.models import RawDoc
    from eventwatch.pipeline import process

    raws = [RawDoc(id=r["id"], content=r["text"], kind="text", source="x", publication_date=r["publication_date"])
            for r in recs]
    return {res.article.id: len(res.events) for res in process(raws)}


def _check_exactly_once(url: str, recs: list[dict]) -> None:
    """Every record stored once, each with all its events (a whole document, never half of one)."""
    from eventwatch.store import Store

    with Store(url) as store:
        arts = store.articles()
    assert sorted(arts["id"]) == sorted(r["id"] for r in recs)
    assert arts["id"].is_unique and arts["content_hash"].is_unique
    assert {i: int(k) for i, k in zip(arts["id"], arts["n_events"])} == _expected_events(recs)


@pytest.mark.slow
def test_reliability_repeated_kill9_at_random_points(db_url, tmp_path):
    """Five kill -9s at random moments (start-up, then mid-ingest), then a resume."""
    if not EW.exists():
        pytest.skip(f"{EW} is not installed (make install)")
    recs = _records(30)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in recs))
    env = {**os.environ, "EVENTWATCH_BATCH_SIZE": "4", "HF_HUB_OFFLINE": "1"}
    cmd = [str(EW), "ingest", str(src), "--db", db_url, "--quiet"]
    rng = random.Random(int(os.environ.get("EW_KILL_SEED", "13")))
    figures = []
    for k in range(5):
        before = article_count(db_url)
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # the first kill lands at a random moment of start-up (model loading, migration);
        # the others a random time after a random number of further commits: mid-batch, mid-write
        target = before + (0 if k == 0 else rng.randint(1, 4))
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None and article_count(db_url) < target:
            time.sleep(0.05)
        # an unloaded machine commits these short records at 10-20 a second: a short wait after
        # the target keeps the kill inside the ingest
        delay = rng.uniform(0.0, 4.0 if k == 0 else 0.2)
        time.sleep(delay)
        finished = proc.poll() is not None
        if not finished:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        figures.append({"kill": k + 1, "articles_before": before, "killed_at": article_count(db_url),
                        "delay_s": round(delay, 2), "finished_first": finished})
        if finished:
            break
    counts = [f["killed_at"] for f in figures]
    assert counts == sorted(counts), figures  # nothing committed is ever lost
    assert sum(not f["finished_first"] and 0 < f["killed_at"] < len(recs) for f in figures) >= 3, figures
    again = subprocess.run([*cmd[:-1], "--json"], env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr[-600:]
    summary = json.loads(again.stdout)
    assert summary["added"] + summary["unchanged"] == len(recs) and summary["skipped"] == 0
    (tmp_path / "kill-figures.json").write_text(json.dumps(figures))
    print("kill -9 figures:", json.dumps(figures), "resume:", summary["added"], "added", summary["unchanged"], "unchanged")
    _check_exactly_once(db_url, recs)


def _ingest(url: str, recs: list[dict]):
    from eventwatch import runner
    from eventwatch.store import Store

    stdin = io.BytesIO("".join(json.dumps(r) + "\n" for r in recs).encode())
    with Store(url) as store:
        return runner.ingest(["-"], store, stdin=stdin)


@pytest.mark.slow
def test_reliability_full_database_clear_errors_nothing_lost(tmp_path):
    """SQLite's max_page_count stands for a full disk: the write fails with SQLITE_FULL."""
    from sqlalchemy import event

    from eventwatch import runner
    from eventwatch.store import Store

    url = f"sqlite:///{tmp_path / 'ew.db'}"
    recs = _records(12)
    with Store(url) as store:
        pass
    pages = sqlite3.connect(tmp_path / "ew.db").execute("PRAGMA page_count").fetchone()[0]
    with Store(url) as store:
        @event.listens_for(store.engine, "connect")
        def _cap(dbapi_connection, record):  # noqa: ARG001
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 8}")

        store.engine.dispose()  # the pooled connections predate the cap

        summary = runner.ingest(["-"], store, stdin=io.BytesIO(
            "".join(json.dumps(r) + "\n" for r in recs).encode()))
    assert 0 < summary.added < len(recs) and summary.skipped == len(recs) - summary.added
    assert all(s.stage == "store" and "full" in s.reason for s in summary.skips), summary.skips[:2]
    # the disk has room again: the same ingest completes the set, each document once
    again = _ingest(url, recs)
    assert again.unchanged == summary.added and again.added == len(recs) - summary.added
    _check_exactly_once(url, recs)


@pytest.mark.slow
@pytest.mark.parametrize("when", ["open", "after-open"])
def test_reliability_locked_database_clear_errors_nothing_lost(tmp_path, monkeypatch, when):
    """Another process holds the write lock past busy_timeout: the ingest stops saying so.

    (A lock met by one document's write is a per-document skip: test_pipeline_ingest.py.)"""
    from eventwatch import runner
    from eventwatch.errors import StoreError
    from eventwatch.store import Store, engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)
    url = f"sqlite:///{tmp_path / 'ew.db'}"
    recs = _records(8)
    assert _ingest(url, recs[:3]).added == 3
    holder = sqlite3.connect(tmp_path / "ew.db", isolation_level=None)
    try:
        with pytest.raises(StoreError, match="locked"):
            if when == "open":
                holder.execute("BEGIN IMMEDIATE")
                _ingest(url, recs)
            else:
                with Store(url) as store:
                    holder.execute("BEGIN IMMEDIATE")
                    runner.ingest(["-"], store, stdin=io.BytesIO(
                        "".join(json.dumps(r) + "\n" for r in recs).encode()))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert article_count(url) == 3
    again = _ingest(url, recs)
    assert again.added == 5 and again.unchanged == 3
    _check_exactly_once(url, recs)


def _pg_ctl(*args: str) -> subprocess.CompletedProcess:
    pg = Path(os.environ["EW_PG_DIR"])
    # The server it starts keeps inherited descriptors open: no pipes, or run() waits for it to exit.
    return subprocess.run(["runuser", "-u", "postgres", "--", "/usr/lib/postgresql/15/bin/pg_ctl", "-D", str(pg / "data"),
                           "-l", str(pg / "log"), "-w", *args], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, timeout=120)


@pytest.mark.slow
@pytest.mark.postgres
def test_reliability_postgres_restart_mid_ingest_resumes(db_url, tmp_path):
    if not db_url.startswith("postgresql"):
        pytest.skip("a PostgreSQL server restart: PostgreSQL only")
    if not os.environ.get("EW_PG_DIR") or os.geteuid() != 0 or not EW.exists():
        pytest.skip("needs the throwaway server of .ci/pg-start (EW_PG_DIR), root to restart it, and make install")
    recs = _records(20)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in recs))
    env = {**os.environ, "EVENTWATCH_BATCH_SIZE": "2", "HF_HUB_OFFLINE": "1"}
    cmd = [str(EW), "ingest", str(src), "--db", db_url, "--quiet", "--json"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None and article_count(db_url) < 2:
        time.sleep(0.2)
    restarted = _pg_ctl("restart", "-m", "fast")
    assert restarted.returncode == 0, (Path(os.environ["EW_PG_DIR"]) / "log").read_text()[-600:]
    out, err = proc.communicate(timeout=600)
    # the ingest ends by itself: documents that met the restart are recorded skips, never lost silently
    assert proc.returncode in (0, 1), err[-600:]
    again = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr[-600:]
    _check_exactly_once(db_url, recs)
