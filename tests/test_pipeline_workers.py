"""Coding in a worker process beside the parser gives the same records, in the same order, as
coding in the main process; a worker that dies loses nothing."""
from __future__ import annotations

from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

import pytest

from conftest import SAMPLES
from eventwatch.coding import pool
from eventwatch.models import RawDoc, Skip
from eventwatch.pipeline import process


def _raws():
    texts = sorted(p for p in (SAMPLES / "articles").iterdir() if p.suffix == ".txt")
    raws = [RawDoc(id=p.stem, content=p.read_text(encoding="utf-8"), kind="text", source=str(p),
                   publication_date="2024-05-06") for p in texts]
    # a non-English article and an empty one keep their places among the coded ones
    raws.insert(1, RawDoc(id="fr", content="Le gouvernement a annoncé hier de nouvelles mesures pour "
                          "les agriculteurs de la région, selon le ministre.", kind="text", source="fr"))
    raws.insert(3, RawDoc(id="empty", content="   ", kind="text", source="empty"))
    return raws


def _records(monkeypatch, workers: int):
    monkeypatch.setenv("EVENTWATCH_CODE_WORKERS", str(workers))
    out = []
    for r in process(_raws()):
        out.append(("skip", r.doc_id, r.stage) if isinstance(r, Skip) else ("doc", r.to_dict()))
    return out


@pytest.mark.slow
def test_pipeline_workers_same_records_as_main_process(monkeypatch):
    local = _records(monkeypatch, 0)
    assert sum(len(r[1]["events"]) for r in local if r[0] == "doc") > 0
    assert _records(monkeypatch, 1) == local


class _BrokenPool:
    def __init__(self, fail_submit: bool):
        self.fail_submit = fail_submit

    def submit(self, *a, **kw):
        if self.fail_submit:
            raise BrokenProcessPool("worker gone")
        f: Future = Future()
        f.set_exception(BrokenProcessPool("worker died"))
        return f

    def shutdown(self, **kw):
        pass


@pytest.mark.parametrize("fail_submit", [True, False])
def test_pipeline_workers_dead_worker_codes_in_main_process(monkeypatch, fail_submit):
    monkeypatch.setattr(pool, "worker_pool", lambda: _BrokenPool(fail_submit))
    items = list(range(20))
    got = list(pool.ordered(items, lambda x: x * 2, workers=1, args_of=lambda x: (x,),
                            passthrough=lambda x: x % 7 == 0))
    assert got == [x if x % 7 == 0 else x * 2 for x in items]


@pytest.mark.parametrize("workers", [0, 1])
def test_pipeline_workers_ordered_keeps_order_and_passthrough(workers):
    items = list(range(30))
    got = list(pool.ordered(items, abs, workers=workers, args_of=lambda x: (-x,), passthrough=lambda x: x % 5 == 0))
    assert got == items


class _CountingPool:
    """Runs each task at once and counts the submissions."""

    def __init__(self):
        self.submitted = 0

    def submit(self, fn, *args):
        self.submitted += 1
        f: Future = Future()
        f.set_result(fn(*args))
        return f

    def shutdown(self, **kw):
        pass


@pytest.mark.parametrize("ahead,in_flight", [(64, 65), (3, pool.AHEAD + 1), (20, 21)])
def test_pipeline_workers_keep_a_parser_batch_in_flight(monkeypatch, ahead, in_flight):
    """The main process hands the worker ``ahead`` documents before it waits for the first result,
    so it parses the next batch while the worker codes this one (never fewer than AHEAD)."""
    fake = _CountingPool()
    monkeypatch.setattr(pool, "worker_pool", lambda: fake)
    gen = pool.ordered(range(200), lambda x: x + 1, workers=1, args_of=lambda x: (x,), ahead=ahead)
    assert next(gen) == 1 and fake.submitted == in_flight
    assert list(gen) == list(range(2, 201))
