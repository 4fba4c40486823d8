"""Fill a database with N realistic resolved events, by bulk insert into the store's tables.

    python benchmarks/gen_events.py --events 1000000 --db sqlite:////tmp/ew-1m.db

Resolving a million events from real articles would take days of coding, so
the rows are generated: 250k articles with a short text each, and per event
1-3 mentions in different articles (different publishers), two actors at
most, a place on two events in three, dates at day, month and year
precision, and the facet rows the filters use. The store creates the schema
(``Store(url)`` migrates); this script only inserts, 10k rows per statement.
``ensure_events`` leaves a database that already holds N events alone.
"""
from __future__ import annotations

import argparse
import hashlib
import logging
import time
from datetime import datetime, timezone

import sqlalchemy as sa

from eventwatch.store import Store
from eventwatch.store import schema as S

log = logging.getLogger(__name__)

CHUNK = 10_000
ARTICLES = 250_000
PUBLISHERS = 40
TYPES = [("COERCE", "arrest", "173"), ("PROTEST", "demo", "141"), ("REJECT", None, "12"), ("ASSAULT", "beat", "1823"),
         ("ACCUSE", "allege", "112"), ("SANCTION", None, "16"), ("AID", None, "07"), ("CONSULT", "visit", "042")]
COUNTRIES = ["HKG", "KEN", "BGD", "PER", "THA", "UGA", "TUR", "PAK", "BLR", "HTI", "CHN", "USA"]
SENTENCE = "Police arrested {n} protesters outside the parliament on Monday, a spokesman for the group said."


def _date(i: int) -> tuple[str, str, str, str]:
    y, m, d = 2010 + i % 15, 1 + i % 12, 1 + i % 28
    if i % 10 == 7:
        return f"{y}", "year", f"{y}-01-01", f"{y}-12-31"
    if i % 10 == 8:
        return f"{y}-{m:02d}", "month", f"{y}-{m:02d}-01", f"{y}-{m:02d}-28"
    day = f"{y}-{m:02d}-{d:02d}"
    return day, "day", day, day


def _fill_required(table: sa.Table, row: dict, i: int) -> dict:
    """Values for NOT NULL columns this script does not know (the schema grows): unique per row."""
    for col in table.columns:
        if col.name in row or col.nullable or col.primary_key or col.default is not None \
                or col.server_default is not None:
            continue
        py = col.type.python_type if hasattr(col.type, "python_type") else str
        row[col.name] = i if py is int else (0.0 if py is float else f"{col.name}-{i}-{len(row)}")
    return row


def _chunks(rows_of, n: int, table: sa.Table):
    batch = []
    for i in range(n):
        batch.extend(_fill_required(table, r, i) for r in rows_of(i))
        if len(batch) >= CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def generate(url: str, n: int) -> None:
    store = Store(url)  # creates or migrates the schema
    engine = store.engine
    now = datetime.now(timezone.utc)
    t0 = time.perf_counter()
    n_articles = min(ARTICLES, max(1, n // 4))
    with engine.begin() as conn:
        conn.execute(S.publishers.insert(), [{"id": p + 1, "name": f"news-{p}.example"} for p in range(PUBLISHERS)])
        for batch in _chunks(lambda a: [{
                "pk": a + 1, "doc_id": f"wire-{a:06d}.txt", "id": f"wire-{a:06d}.txt",
                "content_hash": hashlib.sha256(str(a).encode()).hexdigest(), "text": SENTENCE.format(n=a % 90) * 3,
                "url": f"https://news-{a % PUBLISHERS}.example/{a}", "title": f"Arrests at protest {a}",
                "publisher_id": a % PUBLISHERS + 1, "publication_date": _date(a)[2], "language": "en",
                "dup_group": f"wire-{a:06d}.txt", "ingested_at": now}], n_articles, S.articles):
            conn.execute(S.articles.insert(), batch)
    log.info("articles: %.0f s", time.perf_counter() - t0)

    def mentions_of(i: int) -> list[dict]:
        typ, mode, cameo = TYPES[i % len(TYPES)]
        return [{"id": 3 * i + j + 1, "article_pk": (i * 3 + j * 7919) % n_articles + 1, "seq": i % 50, "type": typ,
                 "mode": mode, "status": "occurred", "trigger_text": "arrested", "trigger_start": 7 + 98 * j,
                 "trigger_end": 15 + 98 * j, "evidence_start": 98 * j, "evidence_end": 98 * j + 97, "cameo": cameo,
                 "confidence": 0.5 + i % 50 / 100, "coder": "model", "date": _date(i)[0],
                 "mention_key": f"m-{i}-{j}", "coder_version": "bench"} for j in range(1 + i % 3)]

    def events_of(i: int) -> list[dict]:
        typ, mode, cameo = TYPES[i % len(TYPES)]
        country = COUNTRIES[i % len(COUNTRIES)]
        date, precision, lo, hi = _date(i)
        k = 1 + i % 3
        actor = [{"name": f"{country} police", "text": "police", "country": country, "sector": "COP",
                  "actor_id": f"group:{country}/COP"}]
        recipient = [{"name": f"Activist {i % 997}", "text": "the activist", "country": country, "sector": "CVL",
                      "actor_id": f"person:activist {i % 997}"}][: i % 2]
        place = {"name": "Capital", "country": country, "lat": 1.5, "lon": 30.25} if i % 3 else None
        return [{"pk": i + 1, "event_id": f"ev-{i:012x}", "type": typ, "mode": mode, "status": "occurred",
                 "context": ["human_rights"] if i % 3 == 0 else [], "date": date, "date_precision": precision,
                 "date_lo": lo, "date_hi": hi, "place": place, "place_name": place and place["name"],
                 "place_country": place and country, "actor": actor, "recipient": recipient, "cameo": cameo,
                 "confidence": 0.5 + i % 50 / 100, "evidence": SENTENCE.format(n=i % 90), "num_mentions": k,
                 "num_articles": k, "num_sources": k, "num_dup_groups": k, "first_seen": now.isoformat(),
                 "last_seen": now.isoformat(), "coder_version": "bench", "updated_at": now}]

    def links_of(i: int) -> list[dict]:
        return [{"mention_id": 3 * i + j + 1, "event_pk": i + 1, "reason": "generated"} for j in range(1 + i % 3)]

    def facets_of(i: int) -> list[dict]:
        country = COUNTRIES[i % len(COUNTRIES)]
        rows = [("actor_id", f"group:{country}/COP"), ("actor_country", country), ("actor_sector", "COP")]
        if i % 2:
            rows += [("recipient_id", f"person:activist {i % 997}"), ("recipient_country", country),
                     ("recipient_sector", "CVL")]
        if i % 3 == 0:
            rows.append(("context", "human_rights"))
        return [{"facet": f, "value": v, "event_pk": i + 1} for f, v in rows]

    for table, rows_of in ((S.mentions, mentions_of), (S.events, events_of), (S.event_mentions, links_of),
                           (S.event_facets, facets_of)):
        t1 = time.perf_counter()
        with engine.begin() as conn:
            for batch in _chunks(rows_of, n, table):
                conn.execute(table.insert(), batch)
        log.info("%s: %.0f s", table.name, time.perf_counter() - t1)
    store.close()
    log.info("%d events in %.0f s", n, time.perf_counter() - t0)


def ensure_events(url: str, n: int) -> None:
    """Generate ``n`` events into ``url`` unless it already holds that many."""
    store = Store(url)
    with store.engine.connect() as conn:
        have = conn.execute(sa.select(sa.func.count()).select_from(S.events)).scalar_one()
    store.close()
    if have == n:
        return
    if have:
        raise SystemExit(f"{url} holds {have} events, not {n}: give an empty database")
    generate(url, n)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", required=True)
    args = ap.parse_args()
    ensure_events(args.db, args.events)


if __name__ == "__main__":
    main()
