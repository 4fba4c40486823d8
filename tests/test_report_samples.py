"""The country report and the exports for the bundled samples, ingested into a temporary SQLite store."""
from __future__ import annotations

import re
from collections import Counter

import pytest
from typer.testing import CliRunner

from conftest import SAMPLES
from eventwatch.cli.main import app
from eventwatch.store import Store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('samples') / 'ew.db'}"
    r = CliRunner().invoke(app, ["ingest", str(SAMPLES / "articles"), "--published", "2024-05-06", "--quiet",
                                 "--db", url])
    assert r.exit_code in (0, 1), r.output  # 1: a sample was skipped, which the report does not need
    return url


def busiest_country(url: str) -> str:
    with Store(url) as store:
        counts = Counter(p["country"] for e in store.iter_events() for role in ("actor", "recipient")
                         for p in e[role] if p.get("country") and len(p["country"]) == 3)
    assert counts, "the samples resolve to no event with a country"
    return counts.most_common(1)[0][0]


@pytest.mark.parametrize("suffix", [".html", ".md"])
def test_report_samples_render_with_stored_citations(samples_db, suffix, tmp_path):
    country = busiest_country(samples_db)
    out = tmp_path / f"report{suffix}"
    r = CliRunner().invoke(app, ["report", "--country", country, "--out", str(out), "--db", samples_db,
                                 "--status", "all"])
    assert r.exit_code == 0, r.output
    page = out.read_text()
    with Store(samples_db) as store:
        stored = set(store.articles()["id"])
        n_events = sum(1 for _ in store.iter_events(country=country))
    assert n_events and f"{n_events} event" in page
    cited = re.findall(r"stored article (?:<code>|`)([^<`]+)(?:</code>|`)", page)
    assert cited and set(cited) <= stored
    numbers = re.findall(r'id="cite-(\d+)"', page) if suffix == ".html" else re.findall(r"^(\d+)\. ", page, re.M)
    assert [int(n) for n in numbers] == list(range(1, len(cited) + 1))
    if suffix == ".html":
        assert "<svg" in page and "<script" not in page
    else:
        assert (tmp_path / "report.svg").read_text().startswith("<svg")
