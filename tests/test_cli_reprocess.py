"""``eventwatch reprocess`` and ``ingest --published`` on stored articles, through the real pipeline."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eventwatch.cli.main import app

DOC = {"id": "dhaka", "text": "Police in Dhaka arrested twelve opposition activists on Monday, their party said."}


def run(args, input=None):
    r = CliRunner().invoke(app, args, input=input)
    assert "Traceback" not in r.output
    return r


@pytest.mark.slow
def test_cli_reprocess_after_coder_change_keeps_review_and_published_fills_date(tmp_path, monkeypatch):
    from eventwatch.resolve import version
    from eventwatch.store import Store

    db = f"sqlite:///{tmp_path / 'ew.db'}"
    src = tmp_path / "docs.jsonl"
    src.write_text(json.dumps(DOC) + "\n")
    assert run(["ingest", str(src), "--db", db]).exit_code == 0
    with Store(db) as store:
        [ev] = [e for e in store.iter_events() if e["type"] == "COERCE"]
        assert ev["date"] is None  # "Monday" cannot resolve without a publication date
        store.review_event(ev["event_id"], "correct", note="checked by hand")
        old_version = ev["coder_version"]
    nothing = json.loads(run(["reprocess", "--db", db, "--json"]).stdout)
    assert nothing["seen"] == 0  # everything is coded by the current version

    # The codebook or model changed: a new coder version.
    monkeypatch.setattr(version, "__version__", "99.0")
    version._version.cache_clear()
    r = run(["reprocess", "--db", db, "--json", "--batch-size", "1"])
    summary = json.loads(r.stdout)
    assert r.exit_code == 0 and summary["recoded"] == 1 and summary["failed"] == 0
    with Store(db) as store:
        again = store.event(ev["event_id"])
        assert again is not None and again["coder_version"] != old_version
        assert [(x["kind"], x["note"]) for x in again["reviews"]] == [("review", "checked by hand")]
    assert json.loads(run(["reprocess", "--db", db, "--json"]).stdout)["seen"] == 0  # resumable: done

    r = run(["ingest", str(src), "--db", db, "--published", "2021-03-03", "--json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["dated"] == 1
    with Store(db) as store:
        assert store.articles()["publication_date"].tolist() == ["2021-03-03"]
        [ev2] = [e for e in store.iter_events() if e["type"] == "COERCE"]
        assert ev2["date"] == "2021-03-01" and ev2["event_id"] == ev["event_id"]
        assert [x["kind"] for x in store.event(ev2["event_id"])["reviews"]] == ["review"]
