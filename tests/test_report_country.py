"""The country report: content, escaping, citations, chart; on a fake store of contract events."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from eventwatch.errors import ExportError
from eventwatch.report import write_report
from eventwatch.report.chart import bucket_range, nice_max, svg_chart
from eventwatch.report.data import gather, month_span
from eventwatch.report.render import md, safe_url

from conftest import make_event

HOSTILE = "<script>alert('x')</script>"


class FakeStore:
    """``iter_events`` and ``quotes`` over contract dicts; records the filters it was given."""

    def __init__(self, events, quotes=None):
        self.all = events
        self.quote_rows = quotes or []
        self.filters = None

    def iter_events(self, **filters):
        self.filters = filters
        return iter(self.all)

    def quotes(self, *, article_id=None, **_):
        rows = [q for q in self.quote_rows if q["article_id"] == article_id]
        return pd.DataFrame(rows, columns=["article_id", "title", "text", "kind", "cue", "speaker", "speaker_name",
                                           "attribution", "start", "end"])


def hostile_store():
    events = [make_event(i) for i in range(8)]
    events[0]["mentions"][0]["title"] = f"Roth barred {HOSTILE}"
    events[0]["mentions"][0]["evidence"] = f"Officials barred Roth {HOSTILE}"
    events[0]["mentions"][1]["url"] = "javascript:alert(1)"
    events[0]["num_sources"] = 9  # the top key event
    quotes = [{"article_id": "art-0-0", "title": "t", "text": f"We will not be silenced {HOSTILE}", "kind": "direct",
               "cue": "said", "speaker": "Roth", "speaker_name": "Kenneth Roth", "attribution": None,
               "start": 10, "end": 60},
              {"article_id": "art-0-1", "title": "t", "text": f"We will not be silenced {HOSTILE}", "kind": "direct",
               "cue": "said", "speaker": "Roth", "speaker_name": "Kenneth Roth", "attribution": None,
               "start": 10, "end": 60},
              {"article_id": "art-0-0", "title": "t", "text": "Unrelated remark far away", "kind": "direct",
               "cue": "said", "speaker": "a fan", "speaker_name": None, "attribution": None,
               "start": 5000, "end": 5030}]
    return FakeStore(events, quotes)


@pytest.mark.parametrize("suffix", [".html", ".md"])
def test_report_country_escapes_article_text(suffix, tmp_path):
    out = tmp_path / f"report{suffix}"
    write_report(hostile_store(), country="HKG", since="2019-06-01", until="2020-01-31", out=out)
    page = out.read_text()
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert 'href="javascript:' not in page and "<javascript:" not in page


def test_report_country_citations_point_at_articles(tmp_path):
    store = hostile_store()
    out = tmp_path / "report.html"
    data = write_report(store, country="HKG", since="2019-06-01", until="2020-01-31", out=out, key=3)
    page = out.read_text()
    assert store.filters == {"country": "HKG", "since": "2019-06-01", "until": "2020-01-31"}
    assert [c.number for c in data.citations] == list(range(1, len(data.citations) + 1))
    mentioned = {m["article_id"] for e in store.all for m in e["mentions"]}
    assert {c.article_id for c in data.citations} <= mentioned
    for n in set(re.findall(r'href="#cite-(\d+)"', page)):
        assert f'id="cite-{n}"' in page
    for c in data.citations:
        assert f"<code>{c.article_id}</code>" in page
    # the most sourced, then the most confident; in date order, the undated last
    assert [k.event["event_id"] for k in data.key_events] == ["ev0", "ev4", "ev3"]


def test_report_country_quotes_near_evidence_once(tmp_path):
    data = write_report(hostile_store(), country="HKG", out=tmp_path / "r.html", key=1)
    quotes = data.key_events[0].quotes
    assert [q["speaker"] for q in quotes] == ["Kenneth Roth"]  # the copy's duplicate and the far remark are out
    assert quotes[0]["citation"] in data.key_events[0].citations


def test_report_country_markdown_writes_chart_beside(tmp_path):
    out = tmp_path / "hk.md"
    write_report(hostile_store(), country="HKG", out=out)
    text = out.read_text()
    assert "![Events per month by type](hk.svg)" in text
    ET.fromstring((tmp_path / "hk.svg").read_text())
    assert "## Key events" in text and "## Sources" in text
    assert re.search(r"^\| 2020-01 \|", text, re.M)


def test_report_country_counts_and_actors():
    events = [make_event(i) for i in range(8)]
    data = gather(iter(events), lambda aid: [], country="HKG")
    assert data.total == 8
    assert data.by_type == {"COERCE": 2, "PROTEST": 2, "REJECT": 2, "AID": 2}
    # dates cycle day/month/year/none: the year-only and undated ones have no month
    assert sum(sum(c.values()) for c in data.by_bucket.values()) == 4 and data.imprecise == 4
    top = data.actors[0]
    assert (top.name, top.as_actor) == ("Hong Kong Police Force", 8)
    assert {a.name: a.as_recipient for a in data.actors}["Kenneth Roth"] == 8


def test_report_country_empty_period_renders(tmp_path):
    out = tmp_path / "empty.html"
    data = write_report(FakeStore([]), country="KEN", out=out)
    assert data.total == 0 and "No events were found" in out.read_text()


def test_report_country_bad_suffix_names_file(tmp_path):
    with pytest.raises(ExportError, match=r"report.pdf: a report is .html or .md"):
        write_report(FakeStore([]), country="KEN", out=tmp_path / "report.pdf")


def test_report_chart_is_valid_svg_with_one_bar_per_count():
    from collections import Counter

    svg = svg_chart({"2019-06": Counter(PROTEST=3, COERCE=1), "2019-09": Counter(PROTEST=2)},
                    ["PROTEST", "COERCE"], "month", title="a <b> title")
    root = ET.fromstring(svg)
    rects = [r for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.find("{http://www.w3.org/2000/svg}title") is not None]
    assert sorted(r.find("{http://www.w3.org/2000/svg}title").text for r in rects) == [
        "2019-06 COERCE: 1", "2019-06 PROTEST: 3", "2019-09 PROTEST: 2"]
    assert "a &lt;b&gt; title" in svg


@pytest.mark.parametrize("buckets, unit, want", [
    (["2019-11", "2020-02"], "month", ["2019-11", "2019-12", "2020-01", "2020-02"]),
    (["2018", "2020"], "year", ["2018", "2019", "2020"]),
    ([], "month", []),
])
def test_report_chart_bucket_range_fills_gaps(buckets, unit, want):
    assert bucket_range(buckets, unit) == want


@pytest.mark.parametrize("value, want", [(0, 1), (3, 3), (7, 10), (12, 20), (51, 100), (300, 500)])
def test_report_chart_nice_max(value, want):
    assert nice_max(value) == want


def test_report_data_long_spans_use_years():
    events = [dict(make_event(0), date=f"{y}-03-01", event_id=f"e{y}") for y in range(2010, 2016)]
    data = gather(iter(events), lambda aid: [], country="HKG")
    assert data.unit == "year" and list(data.by_bucket) == [str(y) for y in range(2010, 2016)]
    assert month_span(["2019-06", "2020-01"]) == 8


@pytest.mark.parametrize("url, want", [("https://a.example/x", "https://a.example/x"), ("javascript:alert(1)", None),
                                       ("data:text/html,x", None), (None, None)])
def test_report_render_safe_url(url, want):
    assert safe_url(url) == want


def test_report_render_markdown_escape():
    assert md("a *b* [c](d) <i>\n e") == r"a \*b\* \[c\](d) &lt;i&gt; e"


@pytest.mark.parametrize("entity, want", [
    ({"name": "KEN COP", "country": "KEN", "sector": "COP"}, "police (Kenya)"),
    ({"name": "Kenneth Roth", "country": "USA", "sector": "NGO"}, "Kenneth Roth"),
    ({"name": None, "text": "two aides"}, "two aides"),
])
def test_report_data_display_name(entity, want):
    from eventwatch.report.data import display_name

    assert display_name(entity) == want


def test_report_data_quote_shown_under_one_event_only():
    events = [make_event(0), make_event(4)]
    for ev in events:
        ev["mentions"][0]["article_id"] = "shared"
    quotes = [{"text": "Nobody is above the law", "speaker": "Roth", "speaker_name": "Kenneth Roth",
               "start": 20, "end": 45}]
    data = gather(iter(events), lambda aid: quotes if aid == "shared" else [], country="HKG")
    assert [len(k.quotes) for k in data.key_events] == [1, 0]
