"""Event coding beside the parser: one worker process codes annotated articles while the main
process parses the next ones.

Coding (the rule coder and the event model) costs about as much as a third of the parse and
holds the GIL for much of it, so a thread does not overlap it with spaCy; a process does, and a
second core no longer idles. The worker is started once per process (spawned: a fresh
interpreter, no torch state forked) and reused by every batch; it loads the event model once.
Each task carries the ``EVENTWATCH_*`` environment of the moment it is sent, so settings
changed after the worker started still apply. Results come back in input order.

When the worker cannot start or dies, the documents still pending are coded in the main
process (logged), so nothing is lost.
"""
from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterable, Iterator, Optional

log = logging.getLogger(__name__)

AHEAD = 8  # least documents sent to the worker before the main process waits for the oldest

_pool: Optional[ProcessPoolExecutor] = None


def _quiet() -> None:
    # Ctrl-C goes to the whole process group: the main process decides what stops, the worker
    # would only print a traceback mid-task.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _settings_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k.startswith("EVENTWATCH_") or k.startswith("HF_")}


def _run(fn: Callable, env: dict[str, str], args: tuple) -> Any:
    for k in [k for k in os.environ if k.startswith("EVENTWATCH_") and k not in env]:
        del os.environ[k]
    os.environ.update(env)
    return fn(*args)


def _shutdown() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None


def worker_pool() -> ProcessPoolExecutor:
    """The process's coding worker, started on first use."""
    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                    initializer=_quiet)
        atexit.register(_shutdown)
    return _pool


def ordered(items: Iterable[Any], fn: Callable[..., Any], *, workers: int,
            args_of: Callable[[Any], tuple], passthrough: Callable[[Any], bool] = lambda x: False,
            ahead: int = AHEAD) -> Iterator[Any]:
    """``fn(*args_of(item))`` for each item, in order; with ``workers`` >= 1 in the worker process,
    at most ``ahead`` items ahead (at least ``AHEAD``). Items for which ``passthrough`` is true are
    yielded as they are, in their place.

    The items come from the parser a batch at a time, so ``ahead`` must exceed the batch: with
    fewer in flight, the main process waits on the worker instead of parsing the next batch and
    the two never overlap (measured: 3.03x bare ``nlp.pipe`` with 8 ahead of 32-document batches)."""
    ahead = max(AHEAD, ahead)
    if workers < 1:
        for item in items:
            yield item if passthrough(item) else fn(*args_of(item))
        return
    pending: deque = deque()
    broken = False

    def submit(item):
        nonlocal broken
        if passthrough(item):
            return ("done", item)
        if not broken:
            try:
                return ("future", worker_pool().submit(_run, fn, _settings_env(), args_of(item)), item)
            except (BrokenProcessPool, RuntimeError, OSError) as exc:
                broken = True
                log.warning("coding worker unavailable (%s); coding in the main process", exc)
                _shutdown()
        return ("local", item)

    def result(entry):
        nonlocal broken
        kind = entry[0]
        if kind == "done":
            return entry[1]
        if kind == "future":
            fut: Future = entry[1]
            try:
                return fut.result()
            except BrokenProcessPool as exc:
                if not broken:
                    broken = True
                    log.warning("coding worker died (%s); coding the rest in the main process", exc)
                    _shutdown()
                return fn(*args_of(entry[2]))
        return fn(*args_of(entry[1]))

    try:
        for item in items:
            pending.append(submit(item))
            while len(pending) > ahead:
                yield result(pending.popleft())
        while pending:
            yield result(pending.popleft())
    finally:
        for entry in pending:
            if entry[0] == "future":
                entry[1].cancel()
