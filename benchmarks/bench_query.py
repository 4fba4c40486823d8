"""Filtered event queries over generated events: SQLite, and PostgreSQL when a URL is given.

    .venv/bin/python benchmarks/bench_query.py                      # 1,000,000 events on SQLite
    .venv/bin/python benchmarks/bench_query.py --n 200000 --pg postgresql+psycopg://ew:ew@127.0.0.1:5432/ew

The events are generated straight into the ``events`` and ``event_facets``
tables (the store's own schema, made by its migrations), spread over 16
types, 5 statuses, 60 countries, 10 sectors, 2,000 actors, 37 contexts and
ten years of dates at day, month and year precision. Each query runs through
``Store.iter_events`` (first 100 rows, as ``eventwatch events`` shows them)
and ``Store.count_events``; the median of 5 runs is printed as a Markdown
table for benchmarks/README.md. The PostgreSQL database is emptied first.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from eventwatch.codebook import PLOVER_CONTEXTS, PLOVER_TYPES, SECTORS
from eventwatch.resolve.match import period
from eventwatch.store import Store
from eventwatch.store import schema as S

COUNTRIES = ["HKG", "CHN", "USA", "GBR", "RUS", "UKR", "BLR", "IND", "PAK", "IRN", "IRQ", "SYR", "TUR", "ISR",
             "PSE", "EGY", "SAU", "AFG", "POL", "JPN", "KOR", "PRK", "VNM", "THA", "MMR", "BGD", "LKA", "NPL",
             "IDN", "MYS", "PHL", "AUS", "NZL", "CAN", "MEX", "BRA", "ARG", "CHL", "COL", "VEN", "PER", "CUB",
             "NGA", "ETH", "KEN", "UGA", "SDN", "SSD", "COD", "ZAF", "ZWE", "MLI", "NER", "TCD", "LBY", "TUN",
             "DZA", "MAR", "FRA", "DEU"]
STATUSES = ["occurred"] * 6 + ["future", "hypothetical", "negated", "historical"]

QUERIES = [
    ("type + month", dict(type="PROTEST", since="2020-01", until="2020-01")),
    ("country (actor or recipient)", dict(country="HKG")),
    ("country + type + year, by sources", dict(country="HKG", type="COERCE", since="2020", until="2020",
                                               sort="-sources")),
    ("recipient (actor id)", dict(recipient="actor 17")),
    ("sector + context", dict(sector="COP", context="repression")),
    ("min sources 5, newest first", dict(min_sources=5, sort="-date")),
    ("min confidence 0.95 + status", dict(min_confidence=0.95, status="occurred")),
    ("place country", dict(place="UKR")),
]


def generate(store: Store, n: int, seed: int = 7) -> float:
    rng = random.Random(seed)
    t0 = time.perf_counter()
    start = dt.date(2015, 1, 1)
    actors = [{"actor_id": f"actor {i}", "name": f"Actor {i}", "text": f"Actor {i}",
               "country": COUNTRIES[i % len(COUNTRIES)], "sector": SECTORS[i % 10]} for i in range(2000)]
    now = dt.datetime.now(dt.timezone.utc)
    batch, facets = [], []
    with store.engine.begin() as conn:
        for table in ("event_facets", "events", "actor_aliases", "actors"):
            conn.execute(sa.text(f"DELETE FROM {table}"))
        conn.execute(S.actors.insert(), [{"id": i + 1, "key": a["actor_id"], "name": a["name"], "kind": "person",
                                          "country": a["country"], "sector": a["sector"]}
                                         for i, a in enumerate(actors)])
        conn.execute(S.actor_aliases.insert(), [{"alias": a["actor_id"].lower(), "actor_id": i + 1}
                                                for i, a in enumerate(actors)])
    pk = 0

    def flush():
        with store.engine.begin() as conn:
            conn.execute(S.events.insert(), batch)
            conn.execute(S.event_facets.insert(), facets)
        batch.clear()
        facets.clear()

    for _ in range(n):
        pk += 1
        day = start + dt.timedelta(days=rng.randrange(3650))
        prec = rng.choices(["day", "month", "year"], weights=[8, 3, 1])[0]
        date = day.isoformat() if prec == "day" else day.isoformat()[:7] if prec == "month" else str(day.year)
        lo, hi = period(date, prec)
        act, rec = rng.choice(actors), rng.choice(actors)
        ctx = rng.sample(PLOVER_CONTEXTS, rng.choice([0, 1, 1, 2]))
        place_country = rng.choice(COUNTRIES)
        batch.append({
            "pk": pk, "event_id": f"ev-{pk:012x}", "type": rng.choice(PLOVER_TYPES), "status": rng.choice(STATUSES),
            "context": ctx, "date": date, "date_precision": prec, "date_lo": lo, "date_hi": hi,
            "place": {"name": f"City {place_country}", "country": place_country}, "place_name": f"City {place_country}",
            "place_country": place_country, "actor": [act], "recipient": [rec], "cameo": "01",
            "confidence": round(rng.random(), 3), "evidence": f"Event number {pk} happened.",
            "num_mentions": (m := rng.choice([1, 1, 1, 2, 3, 5, 8, 20])), "num_articles": m,
            "num_sources": max(1, m // 2), "num_dup_groups": max(1, m // 2), "first_seen": lo, "last_seen": hi,
            "coder_version": "bench", "updated_at": now,
        })
        for facet, value in {("actor_id", act["actor_id"]), ("recipient_id", rec["actor_id"]),
                             ("actor_country", act["country"]), ("recipient_country", rec["country"]),
                             ("actor_sector", act["sector"]), ("recipient_sector", rec["sector"])} | \
                {("context", c) for c in ctx}:
            facets.append({"facet": facet, "value": value, "event_pk": pk})
        if len(batch) >= 20_000:
            flush()
    if batch:
        flush()
    with store.engine.begin() as conn:
        conn.execute(sa.text("ANALYZE"))
    return time.perf_counter() - t0


def timed(fn, runs: int = 5) -> float:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return statistics.median(out)


def bench(url: str, n: int, reuse: bool = False) -> list[tuple[str, int, float, float]]:
    with Store(url) as store:
        if reuse and store.count_events() == n:
            print(f"{store.dialect}: reusing the {n:,} events there")
        else:
            load = generate(store, n)
            print(f"{store.dialect}: generated {n:,} events in {load:.0f} s")
        rows = []
        for name, flt in QUERIES:
            first = timed(lambda: list(store.iter_events(limit=100, **flt)))
            count_kw = {k: v for k, v in flt.items() if k != "sort"}
            total = store.count_events(**count_kw)
            cnt = timed(lambda: store.count_events(**count_kw), runs=3)
            rows.append((name, total, first, cnt))
        return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="events to generate")
    ap.add_argument("--sqlite", default=None, help="SQLite file (default: a temporary one)")
    ap.add_argument("--pg", default=None, help="a PostgreSQL URL to benchmark as well (its events are replaced)")
    ap.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    ap.add_argument("--reuse", action="store_true", help="keep the events a previous run generated when there are --n")
    args = ap.parse_args()
    targets = []
    with tempfile.TemporaryDirectory() as tmp:
        if not args.no_sqlite:
            targets.append(("SQLite", f"sqlite:///{args.sqlite or Path(tmp) / 'bench.db'}"))
        if args.pg:
            targets.append(("PostgreSQL", args.pg))
        for label, url in targets:
            rows = bench(url, args.n, args.reuse)
            print(f"\n{label}, {args.n:,} events: first 100 rows / count (median)\n")
            print("| query | matching | first 100 (ms) | count (ms) |")
            print("|---|---:|---:|---:|")
            for name, total, first, cnt in rows:
                print(f"| {name} | {total:,} | {first * 1000:.0f} | {cnt * 1000:.0f} |")


if __name__ == "__main__":
    main()
