"""``eventwatch export`` and ``eventwatch report`` over a real Store (SQLite and PostgreSQL)."""
from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from test_store_support import hk_extraction
from typer.testing import CliRunner

from eventwatch.cli.main import app
from eventwatch.export import FORMATS, export_events
from eventwatch.store import Store

from test_export_formats import read_back

ID_COLUMN = {"jsonl": "event_id", "csv": "event_id", "parquet": "event_id", "plover": "id",
             "gdelt": "GLOBALEVENTID"}


def invoke(args):
    result = CliRunner().invoke(app, args)
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def filled(db_url):
    """A store with one story, a syndicated copy of it from another publisher, and an unrelated article
    whose title and quote are hostile HTML."""
    with Store(db_url) as store:
        store.add(hk_extraction())
        copy = hk_extraction("copy", source="copy.txt", publisher="Other Wire")
        copy.article.url = "https://other.example/copy"
        store.add(copy)
        hostile = hk_extraction("hostile", text=hk_extraction().article.text + " Officials declined to comment.",
                                source="hostile.txt", publisher="Third Paper", minhash=False)
        hostile.article.url = "javascript:alert(1)"
        hostile.article.title = "<script>alert('t')</script> Belarus"
        hostile.quotes[0].text = "<script>alert('q')</script>"
        store.add(hostile)
    return db_url


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_store_cli_reads_back_every_event(filled, fmt, tmp_path):
    out = tmp_path / f"events.{fmt}"
    r = invoke(["export", "--format", fmt, "--out", str(out), "--db", filled, "--status", "all"])
    assert r.exit_code == 0, r.output
    with Store(filled) as store:
        want = [e["event_id"] for e in store.iter_events()]
    assert want  # the fixture resolves to events
    assert list(read_back(fmt, out)[ID_COLUMN[fmt]]) == want


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("flag, value, key", [("--country", "LTU", "country"), ("--type", "REJECT", "type"),
                                              ("--min-sources", "2", "min_sources")])
def test_export_store_cli_keeps_filters(filled, fmt, flag, value, key, tmp_path):
    out = tmp_path / f"events.{fmt}"
    r = invoke(["export", "--format", fmt, "--out", str(out), "--db", filled, flag, value])
    assert r.exit_code == 0, r.output
    with Store(filled) as store:
        arg = int(value) if key == "min_sources" else value
        want = [e["event_id"] for e in store.iter_events(status="occurred", **{key: arg})]
        every = [e["event_id"] for e in store.iter_events()]
    assert list(read_back(fmt, out)[ID_COLUMN[fmt]]) == want
    assert 0 < len(want) < len(every) or key == "min_sources"


def test_export_store_rows_carry_store_mentions(filled, tmp_path):
    with Store(filled) as store:
        events = list(store.iter_events())
        n = export_events(store.iter_events(), "parquet", tmp_path / "e.parquet")
    df = pd.read_parquet(tmp_path / "e.parquet")
    assert n == len(df) == len(events)
    for row, ev in zip(df.to_dict("records"), events):
        assert list(row["mention_ids"]) == [m["mention_id"] for m in ev["mentions"]]
        assert list(row["mention_article_ids"]) == [m["article_id"] for m in ev["mentions"]]
        assert list(row["evidence_starts"]) == [m["evidence_start"] for m in ev["mentions"]]


@pytest.mark.parametrize("args, message", [
    (["--type", "NOT_A_TYPE"], "NOT_A_TYPE"),
    (["--country", "XX"], "XX"),
    (["--sort", "sideways"], "sideways"),
])
def test_export_store_cli_bad_filter_is_usage_error(filled, args, message, tmp_path):
    out = tmp_path / "x.csv"
    r = invoke(["export", "--format", "csv", "--out", str(out), "--db", filled, *args])
    assert r.exit_code == 2 and message in r.output
    assert not out.exists()


@pytest.mark.parametrize("command", [["export", "--format", "csv"], ["report", "--country", "BLR"]])
def test_export_store_cli_missing_database_exit_2(command, tmp_path):
    out = tmp_path / ("x.csv" if command[0] == "export" else "x.html")
    r = invoke([*command, "--out", str(out), "--db", f"sqlite:///{tmp_path}/nope/missing.db"])
    assert r.exit_code == 2
    assert not (tmp_path / "nope").exists() and not out.exists()


@pytest.mark.parametrize("suffix", [".html", ".md"])
def test_report_store_escapes_and_cites_stored_articles(filled, suffix, tmp_path):
    out = tmp_path / f"report{suffix}"
    r = invoke(["report", "--country", "BLR", "--from", "2019-06-01", "--to", "2020-01-31", "--out", str(out),
                "--db", filled])
    assert r.exit_code == 0, r.output
    page = out.read_text()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert 'href="javascript:' not in page
    with Store(filled) as store:
        stored = set(store.articles()["id"])
    cited = set(re.findall(r"stored article (?:<code>|`)([^<`]+)(?:</code>|`)", page))
    assert cited and cited <= stored
    assert "Marta Kovac" in page


def test_export_store_cli_jsonl_lines_are_events(filled, tmp_path):
    out = tmp_path / "e.jsonl"
    assert invoke(["export", "-f", "jsonl", "-o", str(out), "--db", filled]).exit_code == 0
    first = json.loads(out.read_text().splitlines()[0])
    assert {"event_id", "mentions", "num_sources", "actor", "recipient"} <= set(first)
