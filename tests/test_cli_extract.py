"""``eventwatch extract``: stateless, JSON Lines in (or any source), the DESIGN contract out."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eventwatch.cli.main import app

CONTRACT_KEYS = {"id", "url", "title", "publication_date", "language", "text", "events", "quotes", "dates",
                 "places", "warnings"}
EVENT_KEYS = {"type", "mode", "context", "status", "actor", "recipient", "date", "date_precision", "location",
              "attribution", "trigger", "evidence", "cameo", "confidence"}
TEXT = ('Police in Dhaka arrested twelve opposition activists on Monday, a party spokesman said. '
        '"We will not be silenced," said Mirza Alam, the party\'s secretary general.')
HTML = ("<html><head><title>Farmers block highway</title></head><body><article><h1>Farmers block highway</h1>"
        "<p>Farmers blocked the main highway near Nairobi on Tuesday to protest new taxes, witnesses said.</p>"
        "<p>Police fired tear gas at the crowd, a local official told reporters.</p></article></body></html>")


def run(args, input=None):
    r = CliRunner().invoke(app, args, input=input)
    assert "Traceback" not in r.output
    return r


def _lines(stdout: str) -> list[dict]:
    return [json.loads(x) for x in stdout.splitlines() if x.strip()]


@pytest.mark.parametrize("args", [["extract", "-"], ["extract"]])
def test_extract_stdin_jsonl_contract_and_offsets(args):
    records = [{"id": "a", "text": TEXT, "publication_date": "2021-03-02"},
               {"id": "b", "html": HTML, "publication_date": "2021-03-02", "url": "https://ex.org/b"}]
    r = run(args, input="".join(json.dumps(x) + "\n" for x in records))
    assert r.exit_code == 0, r.output
    out = _lines(r.stdout)
    assert [o["id"] for o in out] == ["a", "b"]
    for o in out:
        assert CONTRACT_KEYS <= set(o)
        for ev in o["events"]:
            assert EVENT_KEYS <= set(ev)
            t = ev["trigger"]
            assert o["text"][t["start"]:t["end"]] == t["text"]
            assert 0 <= ev["evidence"]["start"] < ev["evidence"]["end"] <= len(o["text"])
            for ent in ev["actor"] + ev["recipient"]:
                assert o["text"][ent["start"]:ent["end"]] == ent["text"]
        for q in o["quotes"]:
            assert o["text"][q["start"]:q["end"]] == q["text"]
        for d in o["dates"] + o["places"]:
            assert o["text"][d["start"]:d["end"]] == d["text"]
    a, b = out
    assert a["text"] == TEXT  # plain text is returned unchanged
    assert "COERCE" in {e["type"] for e in a["events"]}
    assert b["url"] == "https://ex.org/b" and "Nairobi" in b["text"] and "<p>" not in b["text"]


def test_extract_skips_on_stderr_and_exit_1():
    good = json.dumps({"id": "ok", "text": TEXT}) + "\n"
    r = run(["extract", "-"], input=good + '{"id": "broken", "text": \n' + json.dumps({"id": "empty", "text": ""}) + "\n")
    assert r.exit_code == 1
    assert [o["id"] for o in _lines(r.stdout)] == ["ok"]
    err = r.stderr.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("skipped: stdin:") for line in err)
    assert "invalid JSON" in err[0]


@pytest.mark.parametrize("name,content", [
    ("story.txt", TEXT),
    ("story.html", HTML),
    ("stories.jsonl", json.dumps({"id": "j", "text": TEXT}) + "\n"),
])
def test_extract_paths(tmp_path, name, content):
    p = tmp_path / name
    p.write_text(content)
    r = run(["extract", str(p), "--published", "2021-03-02"])
    assert r.exit_code == 0, r.output
    [o] = _lines(r.stdout)
    assert o["publication_date"] == "2021-03-02" and o["events"]


def test_extract_is_stateless(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("EVENTWATCH_DB", raising=False)
    r = run(["extract", "-"], input=json.dumps({"id": "a", "text": TEXT}) + "\n")
    assert r.exit_code == 0
    assert list(tmp_path.iterdir()) == []


def test_extract_missing_path_exit_1(tmp_path):
    r = run(["extract", str(tmp_path / "nope.txt")])
    assert r.exit_code == 1 and r.stdout == ""
    assert "no such file or directory" in r.stderr
