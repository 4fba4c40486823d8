"""Export throughput and peak memory, one fresh process per format, 1 million events.

    python benchmarks/bench_export.py [--events 1000000] [--source synthetic|store] [--db sqlite:///...]
                                      [--formats jsonl,csv,parquet,plover,gdelt] [--out-dir DIR]

``synthetic``: events generated in the exporting process (the contract dicts
``Store.iter_events`` yields), so the numbers are the writers' own.
``store``: events read back from a SQLite (or PostgreSQL) database through
``Store.iter_events``; with a ``--db`` that holds no events, the benchmark first
fills it with ``--events`` realistic events (``benchmarks/gen_events.py``).

Each format runs in its own child process so that its peak resident set size
(``ru_maxrss``) is its own; the baseline is the child's RSS after imports,
before the first event. Constant memory means the peak does not grow with
``--events`` (compare a 100k and a 1M run). Output: one JSON line per format.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")
TYPES = [("COERCE", "arrest", "173"), ("PROTEST", "demo", "141"), ("REJECT", None, "12"), ("ASSAULT", "beat", "1823"),
         ("ACCUSE", "allege", "112"), ("SANCTION", None, "16"), ("AID", None, "07"), ("CONSULT", "visit", "042")]
COUNTRIES = ["HKG", "KEN", "BGD", "PER", "THA", "UGA", "TUR", "PAK", "BLR", "HTI"]


def synthetic_events(n: int) -> Iterator[dict]:
    """``n`` events shaped like real ones: 1-4 mentions, two actors at most, a place on two in three."""
    for i in range(n):
        typ, mode, cameo = TYPES[i % len(TYPES)]
        country = COUNTRIES[i % len(COUNTRIES)]
        k = 1 + i % 4
        ms = [{"mention_id": str(4 * i + j), "article_id": f"wire-{(i * 7 + j) % 250000:06d}.txt",
               "url": f"https://news-{j}.example/{i // 100}/{i}", "title": f"Officials act in case {i}",
               "publisher": f"news-{j}.example", "publication_date": f"20{10 + i % 15}-0{1 + i % 9}-1{i % 10}",
               "trigger": "arrested", "evidence": f"Police arrested {i % 50} protesters on Monday, a spokesman said.",
               "evidence_start": 120 + j, "evidence_end": 190 + j, "attribution": "a spokesman",
               "dup_group": f"wire-{i:06d}.txt"} for j in range(k)]
        yield {"event_id": f"ev-{i:012x}", "type": typ, "mode": mode, "status": "occurred",
               "context": ["human_rights"] if i % 3 == 0 else [], "date": f"20{10 + i % 15}-0{1 + i % 9}-1{i % 10}",
               "date_precision": "day",
               "place": {"name": "Capital", "country": country, "lat": 1.5 + i % 40, "lon": 30.25} if i % 3 else None,
               "actor": [{"name": f"{country} police", "text": "police", "country": country, "sector": "COP",
                          "actor_id": f"group:{country}/COP"}],
               "recipient": [{"name": f"Activist {i % 997}", "text": "the activist", "country": country,
                              "sector": "CVL", "actor_id": f"person:activist {i % 997}"}][: i % 2 + 1],
               "cameo": cameo, "confidence": 0.5 + (i % 50) / 100, "num_mentions": k, "num_articles": k,
               "num_sources": k, "first_seen": "2026-12-01T10:00:00+00:00", "last_seen": "2026-12-01T11:00:00+00:00",
               "coder_version": "0.1.0", "mentions": ms}


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def child(fmt: str, n: int, source: str, db: str | None, out: Path, batch: int) -> None:
    import pyarrow.parquet  # noqa: F401  (its import is baseline, not export memory)

    from eventwatch.export import export_events

    store = None
    if source == "store":
        from eventwatch.store import Store

        store = Store(db)
        events = store.iter_events(batch_size=batch)
    else:
        events = synthetic_events(n)
    base = rss_mb()
    t0 = time.perf_counter()
    rows = export_events(events, fmt, out, batch_size=batch)
    seconds = time.perf_counter() - t0
    if store is not None:
        store.close()
    print(json.dumps({"format": fmt, "source": source, "events": rows, "seconds": round(seconds, 1),
                      "events_per_s": round(rows / seconds) if seconds else None,
                      "baseline_rss_mb": round(base, 1), "peak_rss_mb": round(rss_mb(), 1),
                      "file_mb": round(out.stat().st_size / 2**20, 1)}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--source", choices=("synthetic", "store"), default="synthetic")
    ap.add_argument("--db", default=None, help="database URL for --source store")
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--batch-size", type=int, default=1000)
    ap.add_argument("--out-dir", default=None, help="where the export files go (default: a temporary folder)")
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    out_dir = Path(args.out_dir or tempfile.mkdtemp(prefix="ew-bench-export-"))
    if args.child:
        child(args.child, args.events, args.source, args.db, out_dir / f"events.{args.child}", args.batch_size)
        return
    if args.source == "store":
        from gen_events import ensure_events  # benchmarks/gen_events.py

        ensure_events(args.db, args.events)
    for fmt in args.formats.split(","):
        cmd = [sys.executable, __file__, "--child", fmt, "--events", str(args.events), "--source", args.source,
               "--batch-size", str(args.batch_size), "--out-dir", str(out_dir)]
        if args.db:
            cmd += ["--db", args.db]
        subprocess.run(cmd, check=True, env={**os.environ, "PYTHONPATH": str(ROOT / "benchmarks")})


if __name__ == "__main__":
    main()
