"""Write tokens and the write endpoints: stored hashed, 401 without a live token, 403 read-only; with
one, reviews, corrections, merges and splits work and name their writer."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from test_store_support import BAN_REPORT, BAN_STORY, ban_extraction, hk_extraction
from typer.testing import CliRunner

from eventwatch.cli.main import app as cli
from eventwatch.errors import QueryError
from eventwatch.serve.app import create_app
from eventwatch.serve.auth import create_token, list_tokens, revoke, verify_token
from eventwatch.store import Store
from eventwatch.store import schema as S


def test_serve_auth_token_is_stored_hashed_and_revocable(db_url):
    with Store(db_url) as store:
        raw = create_token(store, "research-desk")
        assert verify_token(store, raw) == "research-desk"
        with store.engine.connect() as conn:
            stored = conn.execute(S.api_tokens.select()).one()
        assert raw not in str(tuple(stored)) and len(stored.token_hash) == 64
        with pytest.raises(QueryError):
            create_token(store, "research-desk")
        for bad in (None, "", raw + "x", raw[:-1], "Bearer " + raw, "ew_" + "a" * 300):
            assert verify_token(store, bad) is None
        revoke(store, "research-desk")
        assert verify_token(store, raw) is None
        with pytest.raises(QueryError):
            revoke(store, "research-desk")
        again = create_token(store, "research-desk")  # the name is free again
        assert verify_token(store, again) == "research-desk" and again != raw
        assert [t["revoked_at"] is None for t in list_tokens(store)] == [False, True]


WRITES = [
    ("review", lambda ev: {"verdict": "confirm"}),
    ("correction", lambda ev: {"fields": {"type": "COERCE"}}),
    ("merge", lambda ev: {"other_id": ev["other"]}),
    ("split", lambda ev: {"mention_id": ev["mentions"][-1]["mention_id"]}),
]


def _two_events(store):
    for i in range(2):
        store.add(ban_extraction(f"copy{i}", "x" * i + BAN_STORY, url=f"https://n{i}.example/ban"))
    store.add(ban_extraction("other", BAN_REPORT, url="https://w.example/b", recipient="Kovac", type_="SANCTION"))
    ev = next(store.iter_events(type="REJECT"))
    ev["other"] = next(store.iter_events(type="SANCTION"))["event_id"]
    return ev


@pytest.mark.parametrize("write,body", WRITES)
@pytest.mark.parametrize("auth", [None, "Bearer ew_not-a-token", "Basic cmVzZWFyY2g6ZGVzaw==", "Bearer", "revoked"])
def test_serve_auth_writes_without_a_live_token_are_401(workbench, write, body, auth):
    ev = _two_events(workbench.store)
    headers = {}
    if auth == "revoked":
        raw = create_token(workbench.store, "gone")
        revoke(workbench.store, "gone")
        headers["Authorization"] = f"Bearer {raw}"
    elif auth:
        headers["Authorization"] = auth
    before = workbench.store.reviews()
    r = workbench.client.post(f"/api/events/{ev['event_id']}/{write}", json=body(ev), headers=headers)
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    assert r.headers["www-authenticate"] == "Bearer"
    assert workbench.store.reviews() == before


@pytest.mark.parametrize("write,body", WRITES)
def test_serve_auth_writes_with_a_token_work_and_name_the_writer(workbench, write, body):
    ev = _two_events(workbench.store)
    r = workbench.client.post(f"/api/events/{ev['event_id']}/{write}", json={**body(ev), "note": "checked"},
                              headers=workbench.headers)
    assert r.status_code == 200, r.text
    out = r.json()
    [rv] = workbench.store.reviews()
    assert (rv["reviewer"], rv["note"]) == ("research-desk", "checked")
    if write == "review":
        assert out["review"]["verdict"] == "confirmed" and out["review"]["reviewer"] == "research-desk"
    elif write == "correction":
        assert out["type"] == "COERCE" and out["review"]["corrected"]["type"]["from"] == "REJECT"
    elif write == "merge":
        assert out["event_id"] == ev["event_id"] and out["num_mentions"] == 3
    else:
        assert out["event_id"] != ev["event_id"] and out["num_mentions"] == 1


@pytest.mark.parametrize("path,body,status,field", [
    ("correction", {"fields": {"type": "REJCT"}}, 400, "type"),
    ("correction", {"fields": {"status": "maybe"}}, 400, "status"),
    ("correction", {"fields": {"actor": [{"name": "X", "country": "Hong Kong"}]}}, 400, "actor"),
    ("correction", {"fields": {"colour": "red"}}, 400, "colour"),
    ("correction", {"type": "COERCE"}, 422, "fields"),
    ("review", {"verdict": "maybe"}, 400, "verdict"),
    ("merge", {"other_id": "ev-000000000000"}, 404, None),
    ("split", {"mention_id": "nope#1-2/REJECT"}, 400, "mention"),
])
def test_serve_auth_bad_writes_with_a_token_say_why(workbench, path, body, status, field):
    ev = _two_events(workbench.store)
    r = workbench.client.post(f"/api/events/{ev['event_id']}/{path}", json=body, headers=workbench.headers)
    assert r.status_code == status, r.text
    assert r.json()["error"].get("field") == field
    assert workbench.store.reviews() == []


def test_serve_auth_read_only_app_refuses_writes_with_a_token(db_url):
    with Store(db_url) as store:
        store.add(hk_extraction())
        raw = create_token(store, "desk")
        ev = next(store.iter_events())
        with TestClient(create_app(store=store, allow_writes=False)) as client:
            r = client.post(f"/api/events/{ev['event_id']}/review", json={"verdict": "confirm"},
                            headers={"Authorization": f"Bearer {raw}"})
            assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
            assert client.get("/api/events").status_code == 200


def test_serve_auth_token_cli_create_list_revoke(tmp_path):
    db = f"sqlite:///{tmp_path / 'ew.db'}"
    Store(db).close()
    runner = CliRunner()
    made = runner.invoke(cli, ["token", "create", "--name", "research-desk", "--db", db])
    assert made.exit_code == 0, made.output
    raw = made.stdout.strip()
    with Store(db) as store:
        assert verify_token(store, raw) == "research-desk"
    listed = runner.invoke(cli, ["token", "list", "--db", db])
    assert "research-desk" in listed.stdout and raw not in listed.stdout
    assert runner.invoke(cli, ["token", "revoke", "research-desk", "--db", db]).exit_code == 0
    assert runner.invoke(cli, ["token", "revoke", "research-desk", "--db", db]).exit_code == 2
    missing = runner.invoke(cli, ["token", "create", "--name", "x", "--db", f"sqlite:///{tmp_path / 'none.db'}"])
    assert missing.exit_code == 2 and not (tmp_path / "none.db").exists()
