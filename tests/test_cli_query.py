"""Reading the store from the CLI: articles, events, quotes, show, db stats/migrate, settings, version."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from eventwatch.cli.main import app

DOCS = [
    {"id": "dhaka", "publication_date": "2021-03-02", "title": "Activists arrested in Dhaka",
     "text": 'Police in Dhaka arrested twelve opposition activists on Monday. "We will not be silenced," '
             "said Mirza Alam, the party's secretary general."},
    {"id": "nairobi", "publication_date": "2024-05-07",
     "text": "Farmers blocked the main highway near Nairobi on Tuesday to protest new taxes, witnesses said."},
]


def run(args, input=None):
    r = CliRunner().invoke(app, args, input=input)
    assert "Traceback" not in r.output
    return r


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def filled(request, tmp_path_factory):
    """One database per backend for the whole module, filled once (these tests only read it)."""
    import conftest

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('filled') / 'ew.db'}"
    elif not conftest.PG_URL:
        pytest.skip("EVENTWATCH_TEST_PG_URL is not set: no PostgreSQL server to test against (.ci/run starts one)")
    else:
        url = conftest._pg_database()
    try:
        r = run(["ingest", "-", "--db", url], input="".join(json.dumps(d) + "\n" for d in DOCS))
        assert r.exit_code == 0, r.output
        yield url
    finally:
        if request.param == "postgresql":
            import gc

            gc.collect()
            conftest._pg_drop(url)


def _jsonl(r) -> list[dict]:
    assert r.exit_code == 0, r.output
    return [json.loads(x) for x in r.stdout.splitlines()]


def test_db_stats_json_top_level_counts(filled):
    st = json.loads(run(["db", "stats", "--json", "--db", filled]).stdout)
    for key in ("articles", "skipped", "events", "quotes", "dates", "places", "entities", "dup_groups",
                "mentions", "resolved_events", "actors", "reviews"):
        assert isinstance(st[key], int)
    assert st["articles"] == 2 and st["events"] >= 2 and st["quotes"] >= 1
    assert st["mentions"] == st["events"] >= st["resolved_events"] >= 1 and st["reviews"] == 0


def test_db_stats_table(filled):
    r = run(["db", "stats", "--db", filled])
    assert r.exit_code == 0 and "articles" in r.stdout and "event_types" in r.stdout


def test_db_migrate_reports_revision(db_url):
    r = run(["db", "migrate", "--db", db_url])
    assert r.exit_code == 0, r.output
    assert "revision" in r.stdout
    assert run(["db", "migrate", "--db", db_url]).exit_code == 0


@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv"])
def test_articles_formats(filled, fmt):
    r = run(["articles", "--db", filled, "--format", fmt])
    assert r.exit_code == 0, r.output
    if fmt == "jsonl":
        recs = [json.loads(x) for x in r.stdout.splitlines()]
        assert [x["id"] for x in recs] == ["dhaka", "nairobi"]
        assert recs[0]["publication_date"] == "2021-03-02" and recs[1]["title"] is None
        assert isinstance(recs[0]["ingested_at"], str)
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(r.stdout)))
        assert [x["id"] for x in rows] == ["dhaka", "nairobi"] and rows[1]["title"] == ""
    else:
        assert "dhaka" in r.stdout and "2 rows" in r.stdout


@pytest.mark.parametrize("args,ids", [
    (["--search", "nairobi"], ["nairobi"]),
    (["--language", "en"], ["dhaka", "nairobi"]),
    (["--language", "fr"], []),
    (["--limit", "1"], ["dhaka"]),
])
def test_articles_filters(filled, args, ids):
    assert [x["id"] for x in _jsonl(run(["articles", *args, "--db", filled, "-f", "jsonl"]))] == ids


def test_articles_skipped_empty_and_listed(db_url):
    assert run(["db", "migrate", "--db", db_url]).exit_code == 0
    r = run(["articles", "--skipped", "--db", db_url])
    assert r.exit_code == 0 and "no skipped documents" in r.stdout
    run(["ingest", "-", "--db", db_url], input='{"id": "x"}\n')
    [sk] = _jsonl(run(["articles", "--skipped", "--db", db_url, "-f", "jsonl"]))
    assert sk["source"] == "stdin:1" and sk["stage"] == "ingest" and "text" in sk["reason"]


@pytest.mark.parametrize("args,check", [
    ([], lambda evs: {"dhaka", "nairobi"} <= {e["article_id"] for e in evs}),
    (["--type", "protest"], lambda evs: evs and all(e["type"] == "PROTEST" for e in evs)),
    (["--article", "dhaka"], lambda evs: evs and all(e["article_id"] == "dhaka" for e in evs)),
    (["--since", "2024-01-01"], lambda evs: evs and all(e["date"] >= "2024" for e in evs)),
    (["--until", "2021-12-31"], lambda evs: evs and all(e["date"] <= "2021-12-31" for e in evs)),
    (["--country", "BGD"], lambda evs: all("BGD" in (e["actor_country"] or "") + (e["recipient_country"] or "")
                                           for e in evs)),
    (["--limit", "1"], lambda evs: len(evs) == 1),
])
def test_mentions_filters(filled, args, check):
    evs = _jsonl(run(["mentions", *args, "--db", filled, "-f", "jsonl"]))
    assert check(evs), evs


def test_mentions_evidence_matches_text(filled):
    evs = _jsonl(run(["mentions", "--db", filled, "-f", "jsonl"]))
    rec = json.loads(run(["show", "dhaka", "--db", filled]).stdout)
    for e in (e for e in evs if e["article_id"] == "dhaka"):
        assert rec["text"][e["evidence_start"]:e["evidence_end"]] == e["evidence"]


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_mentions_and_quotes_table_csv(filled, fmt):
    for cmd in ("mentions", "quotes"):
        r = run([cmd, "--db", filled, "-f", fmt])
        assert r.exit_code == 0 and "dhaka" in r.stdout


def test_quotes_speaker_filter(filled):
    qs = _jsonl(run(["quotes", "--speaker", "alam", "--db", filled, "-f", "jsonl"]))
    assert qs and all("Alam" in (q["speaker_name"] or q["speaker"]) for q in qs)
    assert qs[0]["text"].startswith("We will not be silenced")
    assert _jsonl(run(["quotes", "--speaker", "nobody", "--db", filled, "-f", "jsonl"])) == []


def test_show_contract_record_and_missing(filled):
    rec = json.loads(run(["show", "dhaka", "--db", filled]).stdout)
    assert rec["id"] == "dhaka" and rec["text"] == DOCS[0]["text"] and rec["events"]
    r = run(["show", "nope", "--db", filled])
    assert r.exit_code == 1 and "no article with id 'nope'" in r.stderr


@pytest.mark.parametrize("args", [["events", "--since", "yesterday"], ["mentions", "--since", "yesterday"],
                                  ["events", "--type", "NOT_A_TYPE"], ["events", "--country", "XX"],
                                  ["events", "--sector", "nope"], ["articles", "--format", "xml"],
                                  ["articles", "--limit", "0"], ["show"], ["db"], ["db", "frobnicate"]])
def test_query_usage_errors_exit_2(args, filled):
    assert run([*args, "--db", filled] if args[0] != "db" else args).exit_code == 2


@pytest.mark.parametrize("args", [["events"], ["mentions"], ["articles"], ["show", "x"], ["db", "stats"],
                                  ["actors"], ["events", "show", "ev-1"]])
def test_read_commands_on_missing_database_exit_2_create_nothing(args, tmp_path):
    r = run([*args, "--db", f"sqlite:///{tmp_path / 'sub' / 'missing.db'}"])
    assert r.exit_code == 2 and "does not exist" in r.stderr
    assert not (tmp_path / "sub").exists()


def test_version_and_settings(monkeypatch):
    from eventwatch import __version__

    r = run(["version"])
    first, model = r.stdout.strip().splitlines()
    assert r.exit_code == 0 and first == f"eventwatch {__version__}"
    assert model.startswith("event model: data sha256 ")
    monkeypatch.setenv("EVENTWATCH_BATCH_SIZE", "7")
    rows = _jsonl(run(["settings", "--json"]))
    by = {x["name"]: x for x in rows}
    assert by["batch_size"]["value"] == 7 and by["batch_size"]["default"] == 32
    assert {"db", "max_document_bytes", "minhash_threshold"} <= set(by)
    assert all(x["help"] for x in rows)
    table = run(["settings"])
    assert table.exit_code == 0 and "max_document_bytes" in table.stdout


@pytest.mark.parametrize("exc,message", [
    (RuntimeError("boom\nsecond line"), "error: RuntimeError: boom"),
    (None, "error: cannot open"),  # StoreError from the store itself
])
def test_cli_unexpected_error_is_one_line_exit_2(monkeypatch, tmp_path, exc, message):
    import eventwatch.store as store_mod

    if exc is not None:
        def broken(*a, **kw):
            raise exc

        monkeypatch.setattr(store_mod, "Store", broken)
        (tmp_path / "unused.db").touch()
        url = f"sqlite:///{tmp_path / 'unused.db'}"
    else:
        url = "postgresql+psycopg://nobody:secret@127.0.0.1:1/none"
    r = run(["articles", "--db", url])
    assert r.exit_code == 2
    assert r.stderr.startswith(message) and len(r.stderr.strip().splitlines()) == 1
    assert "secret" not in r.stderr


def test_cli_verbose_logs_to_stderr(tmp_path):
    r = run(["-v", "ingest", str(tmp_path / "nope.txt"), "--db", f"sqlite:///{tmp_path / 'ew.db'}"])
    assert r.exit_code == 1
    assert "eventwatch.ingest" in r.stderr and "no such file" in r.stderr
    quiet = run(["ingest", str(tmp_path / "nope.txt"), "--db", f"sqlite:///{tmp_path / 'ew.db'}"])
    assert quiet.stderr == ""
