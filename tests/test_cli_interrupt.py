"""An ingest killed mid-way (SIGKILL) and run again ends with every document exactly once."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EW = ROOT / ".venv" / "bin" / "eventwatch"

PLACES = ["Dhaka", "Nairobi", "Lima", "Quito", "Manila", "Minsk", "Kampala", "Tunis", "Bogota", "Jakarta"]
ACTS = ["arrested {n} activists", "dispersed a march of {n} teachers", "detained {n} journalists"]


def _docs(d: Path, n: int) -> None:
    d.mkdir()
    for i in range(n):
        place, act = PLACES[i % len(PLACES)], ACTS[i % len(ACTS)]
        (d / f"doc{i:02d}.txt").write_text(
            f"Police in {place} {act.format(n=i + 3)} on Monday, a rights group said. "
            f"The interior ministry in {place} said the operation number {i} was lawful.")


def _count(url: str) -> int:
    from eventwatch.store import Store

    try:
        with Store(url, migrate=False) as store:
            return int(store.stats()["articles"])
    except Exception:  # not created yet, or busy
        return 0


@pytest.mark.slow
def test_interrupted_ingest_resumes_every_document_once(db_url, tmp_path):
    if not EW.exists():
        pytest.skip(f"{EW} is not installed (make install)")
    n = 30
    docs = tmp_path / "docs"
    _docs(docs, n)
    env = {**os.environ, "EVENTWATCH_BATCH_SIZE": "1", "HF_HUB_OFFLINE": "1"}
    cmd = [str(EW), "ingest", str(docs), "--db", db_url, "--quiet", "--published", "2024-05-06"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    killed_at = None
    deadline = time.monotonic() + 180
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            c = _count(db_url)
            if c >= 1:
                proc.send_signal(signal.SIGKILL)
                killed_at = c
                break
            time.sleep(0.05)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    if killed_at is None:
        pytest.fail(f"no article committed before the ingest ended (rc={proc.returncode}): "
                    f"{proc.stderr.read().decode()[-500:]}")
    assert proc.returncode == -signal.SIGKILL
    before = _count(db_url)
    assert 1 <= before < n, "the ingest finished before it could be killed"

    again = subprocess.run([*cmd[:-3], "--json"], env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    summary = json.loads(again.stdout)
    assert summary["added"] + summary["unchanged"] == n and summary["skipped"] == 0
    assert summary["unchanged"] >= before

    from eventwatch.store import Store

    with Store(db_url) as store:
        arts = store.articles()
        assert len(arts) == n
        assert arts["content_hash"].is_unique and arts["id"].is_unique
        assert sorted(Path(s).name for s in arts["source"]) == [f"doc{i:02d}.txt" for i in range(n)]
        # every stored article has all its events (the whole document was committed, or none of
        # it): the counts equal those of the same documents coded in one uninterrupted run
        from eventwatch.models import RawDoc
        from eventwatch.pipeline import process

        expected = {f"doc{i:02d}.txt": len(res.events) for i, res in enumerate(process(
            [RawDoc(id=f"d{i}", content=(docs / f"doc{i:02d}.txt").read_text(), kind="text", source="x",
                    publication_date="2024-05-06") for i in range(n)]))}
        assert {Path(s).name: int(k) for s, k in zip(arts["source"], arts["n_events"])} == expected
        assert sum(expected.values()) >= n // 2  # the documents do state events
