"""The workbench JSON API over generated events: one page of each list, filtered pages, a cursor walk.

    .venv/bin/python benchmarks/bench_serve_api.py --events 200000       # SQLite under /tmp
    .venv/bin/python benchmarks/bench_serve_api.py --events 200000 --db postgresql+psycopg://...

The events come from ``gen_events.py`` (bulk inserted, with mentions and facets). Every request goes
through the app in process (``fastapi.testclient``: routing, validation, JSON encoding, the store's
keyset query), so the numbers are the server's own time without the network. Prints the median of
5 runs per request as a Markdown table for benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient
from gen_events import ensure_events

from eventwatch.serve.app import create_app
from eventwatch.store import Store

REQUESTS = [
    ("events, first page (50)", "/api/events", {}),
    ("events, type + country", "/api/events", {"type": "COERCE", "country": "HKG"}),
    ("events, month, by -date", "/api/events", {"since": "2020-01", "until": "2020-01", "sort": "-date"}),
    ("events, by -sources", "/api/events", {"sort": "-sources"}),
    ("articles, first page", "/api/articles", {}),
    ("mentions, first page", "/api/mentions", {}),
    ("places", "/api/places", {}),
]


def timed(client, path, params, runs=5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        r = client.get(path, params=params)
        times.append(time.perf_counter() - t)
        assert r.status_code == 200, r.text
    return statistics.median(times) * 1000


def walk(client, pages: int, **params) -> float:
    """Median milliseconds per page over ``pages`` pages reached by cursor."""
    times, cursor = [], None
    for _ in range(pages):
        t = time.perf_counter()
        body = client.get("/api/events", params={**params, **({"cursor": cursor} if cursor else {})}).json()
        times.append(time.perf_counter() - t)
        cursor = body["next_cursor"]
        if cursor is None:
            break
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=200_000)
    ap.add_argument("--db", default=None)
    args = ap.parse_args()
    url = args.db or f"sqlite:///{Path(tempfile.gettempdir()) / f'ew-serve-{args.events}.db'}"
    ensure_events(url, args.events)
    with Store(url) as store, TestClient(create_app(store=store)) as client:
        ev = client.get("/api/events", params={"limit": 1}).json()["items"][0]["event_id"]
        rows = [(name, timed(client, path, params)) for name, path, params in REQUESTS]
        rows.append(("one event with its mentions", timed(client, f"/api/events/{ev}", {})))
        rows.append(("cursor walk by -date, per page (100 pages)", walk(client, 100, sort="-date")))
        rows.append(("cursor walk, storage order, per page (100 pages)", walk(client, 100)))
    print(f"| request ({args.events:,} events, {store.dialect}) | median ms |\n|---|---|")
    for name, ms in rows:
        print(f"| {name} | {ms:.1f} |")


if __name__ == "__main__":
    main()
