"""End to end with the real pipeline (rule coder only, for speed): a correction made through the API
survives ingesting the same article again, new articles, and `eventwatch reprocess --all`, and shows
in the exports and the training export."""
from __future__ import annotations

import csv
import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from eventwatch.cli.main import app as cli
from eventwatch.coding.examples import read_articles
from eventwatch.serve.app import create_app
from eventwatch.serve.auth import create_token
from eventwatch.store import Store

STORY = "Police in Minsk detained forty protesters on Saturday, rights groups said."
COPY = "MINSK (Wire) - " + STORY + " More follows."
OTHER = "Hundreds of farmers protested in Warsaw on Monday against the new grain import rules, organisers said."


def _jsonl(path, *docs):
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return str(path)


def _run(*args):
    r = CliRunner().invoke(cli, list(args))
    assert r.exit_code in (0, 1), r.output
    return r


@pytest.mark.slow
def test_serve_api_correction_survives_reingest_new_articles_and_reprocess(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWATCH_CODERS", "pattern")
    db = f"sqlite:///{tmp_path / 'ew.db'}"
    first = _jsonl(tmp_path / "a.jsonl", {"id": "a1", "publication_date": "2021-05-02", "text": STORY})
    _run("ingest", first, "--db", db)
    with Store(db) as store:
        token = create_token(store, "research-desk")
        with TestClient(create_app(store=store)) as client:
            [ev] = client.get("/api/events", params={"type": "COERCE"}).json()["items"]
            fix = {"fields": {"mode": "arrest", "status": "occurred", "date": "2021-05-01",
                              "actor": [{"name": "OMON riot police", "country": "BLR", "sector": "COP"}]},
                   "note": "OMON units, per the video"}
            r = client.post(f"/api/events/{ev['event_id']}/correction", json=fix,
                            headers={"Authorization": f"Bearer {token}"})
            assert r.status_code == 200, r.text
    _run("ingest", first, "--db", db)  # the same article: unchanged
    _run("ingest", _jsonl(tmp_path / "b.jsonl",
                          {"id": "b1", "publication_date": "2021-05-02", "url": "https://wire.example/1", "text": COPY},
                          {"id": "b2", "publication_date": "2021-05-03", "text": OTHER}), "--db", db)
    _run("reprocess", "--all", "--db", db)
    with Store(db) as store, TestClient(create_app(store=store)) as client:
        after = client.get(f"/api/events/{ev['event_id']}").json()
        assert after["date"] == "2021-05-01" and [a["name"] for a in after["actor"]] == ["OMON riot police"]
        assert after["review"]["reviewer"] == "research-desk"
        assert set(after["review"]["corrected"]) == {"mode", "status", "date", "actor"}
        assert {m["article_id"] for m in after["mentions"]} >= {"a1"}
        assert client.get("/api/events", params={"actor": "OMON riot police"}).json()["items"][0]["event_id"] == ev["event_id"]
    _run("export", "--format", "csv", "--out", str(tmp_path / "e.csv"), "--status", "all", "--db", db)
    rows = {r["event_id"]: r for r in csv.DictReader(open(tmp_path / "e.csv", encoding="utf-8"))}
    assert rows[ev["event_id"]]["reviewer"] == "research-desk"
    assert rows[ev["event_id"]]["corrected_fields"] == "actor; date; mode; status"
    _run("export", "--format", "training", "--out", str(tmp_path / "t.jsonl"), "--db", db)
    recs = read_articles([tmp_path / "t.jsonl"])
    assert {r["meta"]["article_id"] for r in recs} >= {"a1"}
    rec = next(r for r in recs if r["meta"]["article_id"] == "a1")
    [gold] = [e for e in rec["expected"]["events"] if e["type"] == "COERCE"]
    assert gold["actor"][0]["name"] == "OMON riot police" and gold["date"] == "2021-05-01"
