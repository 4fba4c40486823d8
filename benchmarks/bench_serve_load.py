"""`eventwatch serve` under a bounded load while `eventwatch ingest` writes, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/bench_serve_load.py                       # both; PostgreSQL from .ci/pg-start
    .venv/bin/python benchmarks/bench_serve_load.py --backends sqlite --requests 500
    EVENTWATCH_TEST_PG_URL=postgresql+psycopg://ew:ew@127.0.0.1:5432/ew .venv/bin/python benchmarks/bench_serve_load.py

For each backend: a new database (a SQLite file in a temporary directory; a new database on the
PostgreSQL server, dropped at the end) is filled by `eventwatch ingest` with the bundled samples,
the VOA pool of ../shared/corpus (when present), one article whose title and text are markup, and
``--preload`` wire stories written by ``serve_load_plan.synthetic_articles``; the rule coder alone
(``EVENTWATCH_CODERS=pattern``) codes them, to keep the preload short: the load is on the server.
Then `eventwatch serve` starts on 127.0.0.1 on a free port, a second `eventwatch ingest` starts
writing new stories one transaction per article (``EVENTWATCH_BATCH_SIZE=1``), and once it has
committed its first one, locust (``locust_serve.py``) sends exactly ``--requests`` requests from
``--clients`` users with no think time. When the last answer is in, the writer is interrupted
(Ctrl-C: it stops between articles) and the server stopped. Printed: requests/second, p50, p95
and p99 latency per kind of request and overall (exact, from every request's time as locust
measured it; requests/second over the time from the first request sent to the last answer),
the error count (any answer that is not the route's status and well-formed, any exception), and
the articles the writer committed while the load ran. Exit 1 when there was an error.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import serve_load_plan as plan_mod  # noqa: E402

BIN = Path(sys.executable).parent
EW = str(BIN / "eventwatch")
LOCUST = str(BIN / "locust")
SAMPLES = [ROOT / "samples" / d for d in ("articles", "feeds", "archive")]
POOL = ROOT.parent / "shared" / "corpus" / "voa" / "pool.jsonl"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "HF_HUB_OFFLINE": "1", "EVENTWATCH_CODERS": "pattern", **extra}


def preload(url: str, work: Path, n_synthetic: int) -> None:
    docs = work / "preload.jsonl"
    with open(docs, "w", encoding="utf-8") as f:
        for d in [plan_mod.hostile_article()] + plan_mod.synthetic_articles(n_synthetic):
            f.write(json.dumps(d) + "\n")
    sources = [str(p) for p in SAMPLES] + ([str(POOL)] if POOL.is_file() else []) + [str(docs)]
    subprocess.run([EW, "ingest", *sources, "--db", url, "--published", "2024-05-06", "--quiet"],
                   env=run_env(), check=False, timeout=3600)


def wait_for(fn, what: str, tries: int = 4800, pause: float = 0.25):
    """Poll ``fn`` until it returns a true value (at most ``tries`` times)."""
    for _ in range(tries):
        got = fn()
        if got:
            return got
        time.sleep(pause)
    raise SystemExit(f"gave up waiting for {what}")


def articles_now(base: str) -> int:
    try:
        return int(httpx.get(base + "/api/stats", timeout=30).json()["articles"])
    except (httpx.HTTPError, ValueError, KeyError):
        return 0


def stop(proc: subprocess.Popen, sig: int = signal.SIGINT, timeout: float = 120) -> int:
    if proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return proc.returncode


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(q / 100 * len(ordered)) - 1))]


def summarise(samples: list[list], seconds: float) -> list[dict]:
    """Per kind of request and overall: count, requests/second over the run, p50/p95/p99/max, errors."""
    groups: dict[str, list[list]] = {}
    for s in samples:
        groups.setdefault(s[0], []).append(s)
    rows = []
    for name, group in sorted(groups.items()) + [("overall", samples)]:
        ms = [s[1] for s in group]
        rows.append({"name": name, "n": len(group), "rps": len(group) / seconds if seconds > 0 else 0.0,
                     "p50": percentile(ms, 50), "p95": percentile(ms, 95), "p99": percentile(ms, 99),
                     "max": max(ms), "errors": sum(1 for s in group if s[2] is not None)})
    return rows


def one_backend(label: str, url: str, args, work: Path) -> dict:
    t0 = time.monotonic()
    preload(url, work, args.preload)
    preload_s = time.monotonic() - t0
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    slog = open(work / "serve.log", "wb")
    server = subprocess.Popen([EW, "serve", "--db", url, "--host", "127.0.0.1", "--port", str(port)],
                              env=run_env(), stdout=slog, stderr=subprocess.STDOUT)
    writer = None
    try:
        wait_for(lambda: articles_now(base) or server.poll() is not None, "the server")
        if server.poll() is not None:
            raise SystemExit(f"eventwatch serve exited: {(work / 'serve.log').read_text()[-2000:]}")
        with httpx.Client(base_url=base, timeout=60) as client:
            plan = plan_mod.plan_from(lambda p: client.get(p).raise_for_status().json())
        requests = plan_mod.requests_for(plan, args.requests, seed=args.seed)
        plan_file = work / "plan.json"
        plan_file.write_text(json.dumps({"plan": plan, "requests": requests}), encoding="utf-8")
        new = work / "new.jsonl"
        with open(new, "w", encoding="utf-8") as f:
            for d in plan_mod.synthetic_articles(args.writer_docs, start=100_000):
                f.write(json.dumps(d) + "\n")
        stored = articles_now(base)
        wlog = open(work / "writer.log", "wb")
        writer = subprocess.Popen([EW, "ingest", str(new), "--db", url, "--quiet"],
                                  env=run_env(EVENTWATCH_BATCH_SIZE="1"), stdout=wlog, stderr=subprocess.STDOUT)
        wait_for(lambda: articles_now(base) > stored or writer.poll() is not None, "the writer's first commit")
        at_start = articles_now(base)
        prefix = work / "locust"
        out_file = work / "samples.json"
        t1 = time.monotonic()
        # -t is only a backstop for a wedged run; the run ends when the last request is answered.
        lrun = subprocess.run([LOCUST, "-f", str(HERE / "locust_serve.py"), "--headless", "-u", str(args.clients),
                               "-r", str(args.clients), "--host", base, "--csv", str(prefix), "--only-summary",
                               "--loglevel", "WARNING", "-t", "30m", "--stop-timeout", "60"],
                              env={**os.environ, "EW_LOAD_PLAN": str(plan_file), "EW_LOAD_OUT": str(out_file)}, capture_output=True, text=True,
                              timeout=3600)
        load_s = time.monotonic() - t1
        (work / "locust.out").write_text(lrun.stdout + lrun.stderr, encoding="utf-8")
        at_end = articles_now(base)
        writer_running = writer.poll() is None
    finally:
        if writer is not None:
            stop(writer)
        stop(server)
    if not out_file.exists():
        raise SystemExit(f"locust wrote no samples (exit {lrun.returncode}):\n{lrun.stdout[-3000:]}{lrun.stderr[-3000:]}")
    got = json.loads(out_file.read_text(encoding="utf-8"))
    samples = got["samples"]
    rows = summarise(samples, got["seconds"])
    # An exception inside a task (not a request) is counted by locust alone, in its exceptions CSV.
    exc_csv = Path(f"{prefix}_exceptions.csv")
    task_errors = sum(int(r.get("Count") or 0) for r in csv.DictReader(open(exc_csv))) if exc_csv.exists() else 0
    errors = rows[-1]["errors"] + task_errors + (args.requests - len(samples))
    for s in [s for s in samples if s[2] is not None][:20]:
        sys.stderr.write(f"error: {s[0]}: {s[2]}\n")
    return {"label": label, "rows": rows, "errors": errors, "preload_s": preload_s, "load_s": load_s,
            "articles": at_start, "written": at_end - at_start, "writer_running": writer_running,
            "locust_rc": lrun.returncode}


def report(res: dict, args) -> None:
    print(f"\n### {res['label']}: {args.requests} requests, {args.clients} clients, "
          f"{res['articles']} articles stored at the start; the writer committed {res['written']} articles "
          f"during the load ({'still writing' if res['writer_running'] else 'finished'} at its end); "
          f"preload {res['preload_s']:.0f} s, load {res['load_s']:.0f} s\n")
    print("| request | n | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in res["rows"]:
        name = "**overall**" if r["name"] == "overall" else f"`{r['name']}`"
        print(f"| {name} | {r['n']} | {r['rps']:.1f} | {r['p50']:.0f} | {r['p95']:.0f} | {r['p99']:.0f} | "
              f"{r['max']:.0f} | {r['errors']} |")
    print(f"\nerrors: {res['errors']} (locust exit {res['locust_rc']})")


def pg_database(admin_url: str) -> str:
    import sqlalchemy as sa
    from sqlalchemy.engine import make_url

    name = f"ewload_{uuid.uuid4().hex[:10]}"
    eng = sa.create_engine(make_url(admin_url), isolation_level="AUTOCOMMIT")
    with eng.connect() as con:
        con.execute(sa.text(f'CREATE DATABASE "{name}"'))
    eng.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def pg_drop(admin_url: str, url: str) -> None:
    import sqlalchemy as sa
    from sqlalchemy.engine import make_url

    eng = sa.create_engine(make_url(admin_url), isolation_level="AUTOCOMMIT")
    with eng.connect() as con:
        con.execute(sa.text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    eng.dispose()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--preload", type=int, default=200, help="synthetic stories preloaded beside the samples")
    ap.add_argument("--writer-docs", type=int, default=1000, help="stories the concurrent ingest has to write")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", type=Path, default=None, help="keep each backend's files (logs, locust CSV) here")
    ap.add_argument("--pg", default=os.environ.get("EVENTWATCH_TEST_PG_URL"),
                    help="PostgreSQL server URL (a database is created on it); default: EVENTWATCH_TEST_PG_URL, "
                         "else a throwaway server from .ci/pg-start")
    args = ap.parse_args()
    results, started_pg = [], None
    try:
        for backend in [b.strip() for b in args.backends.split(",") if b.strip()]:
            with tempfile.TemporaryDirectory(prefix=f"ew-load-{backend}-") as tmp:
                work = Path(tmp) if args.keep is None else args.keep / backend
                work.mkdir(parents=True, exist_ok=True)
                for old in work.glob("ew.db*"):  # a kept directory: start from an empty store again
                    old.unlink()
                if backend == "sqlite":
                    results.append(one_backend("SQLite", f"sqlite:///{work / 'ew.db'}", args, work))
                    continue
                if not args.pg:
                    out = subprocess.run(["bash", str(ROOT / ".ci" / "pg-start")], capture_output=True, text=True,
                                         check=True).stdout
                    env = dict(line.removeprefix("export ").split("=", 1) for line in out.splitlines()
                               if line.startswith("export "))
                    args.pg, started_pg = env["EVENTWATCH_TEST_PG_URL"], env["EW_PG_DIR"]
                url = pg_database(args.pg)
                try:
                    results.append(one_backend("PostgreSQL", url, args, work))
                finally:
                    pg_drop(args.pg, url)
    finally:
        if started_pg:
            subprocess.run(["bash", str(ROOT / ".ci" / "pg-stop")], env={**os.environ, "EW_PG_DIR": started_pg},
                           check=False)
    for res in results:
        report(res, args)
    return 1 if any(r["errors"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
