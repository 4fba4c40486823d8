"""Store reads: events/quotes/articles frames and their filters, extraction() round trip."""
from __future__ import annotations

import pandas as pd
import pytest
from test_store_support import HK_TEXT, hk_extraction, plain_extraction

from eventwatch.store import Store
from eventwatch.store.store import ARTICLE_COLUMNS, MENTION_COLUMNS, QUOTE_COLUMNS


def _approx_equal(a, b, path="$"):
    """Deep equality, floats compared approximately."""
    if isinstance(a, float) or isinstance(b, float):
        assert a == pytest.approx(b), path
    elif isinstance(a, dict):
        assert isinstance(b, dict) and a.keys() == b.keys(), (path, a, b)
        for k in a:
            _approx_equal(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, (list, tuple)):
        assert isinstance(b, (list, tuple)) and len(a) == len(b), (path, a, b)
        for i, (x, y) in enumerate(zip(a, b)):
            _approx_equal(x, y, f"{path}[{i}]")
    else:
        assert a == b, (path, a, b)


@pytest.fixture
def store(db_url):
    with Store(db_url) as s:
        s.add(hk_extraction())
        second = "UPDATE: " + HK_TEXT + " Residents of Uzupis appealed for calm."
        ext = hk_extraction("doc-2", text=second, source="hk2.txt", publication_date="2020-02-01",
                            publisher="Other Daily")
        ext.article.title = "Police action in Uzupis"
        ext.events[1].date = "2019-12-02"
        ext.events[0].date = "2020"
        ext.events[0].date_precision = "year"
        ext.quotes[0].speaker = None
        s.add(ext)
        s.add(plain_extraction("fr-1", "Le gouvernement a annoncé une nouvelle loi 100% inédite.", language="fr",
                               title="Nouvelle loi"))
        yield s


def test_extraction_round_trip(db_url):
    ext = hk_extraction()
    with Store(db_url) as store:
        store.add(ext)
        got = store.extraction("doc-1")
        assert store.extraction("no-such-id") is None
    _approx_equal(got, ext.to_dict())
    assert list(got) == list(ext.to_dict())  # same keys, same order


def test_extraction_round_trip_empty_and_odd_values(db_url):
    ext = plain_extraction("odd", "Ünïcödé text — with “quotes” and emoji 🙂 in it.", minhash=False)
    ext.warnings = ["no publication date: year-less dates have no year"]
    with Store(db_url) as store:
        store.add(ext)
        got = store.extraction("odd")
        loaded = store.load("odd")
    assert got == ext.to_dict()
    assert loaded.article.boilerplate == [] and loaded.article.minhash is None


def test_load_returns_full_records(db_url):
    ext = hk_extraction()
    with Store(db_url) as store:
        store.add(ext)
        loaded = store.load("doc-1")
    assert loaded.entities == ext.entities  # label and kind too
    assert loaded.places == ext.places
    assert loaded.quotes == ext.quotes  # speaker country/sector too
    assert loaded.events[0].actor == ext.events[0].actor
    assert loaded.events[0].location == ext.events[0].location
    assert loaded.article.publisher == "Baltic Wire"
    assert loaded.article.boilerplate == ext.article.boilerplate
    assert loaded.article.content_hash == ext.article.content_hash


def test_events_frame_columns_and_evidence(store):
    frame = store.mentions(article_id="doc-1")
    assert list(frame.columns) == MENTION_COLUMNS
    assert list(frame["type"]) == ["REJECT", "ASSAULT", "THREATEN"]
    ext = hk_extraction()
    for (_, row), ev in zip(frame.iterrows(), ext.events):
        assert row["evidence"] == HK_TEXT[ev.evidence.start:ev.evidence.end]
        assert row["trigger"] == HK_TEXT[ev.trigger.start:ev.trigger.end]
    reject = frame.iloc[0]
    assert reject["actor"] == "Government of Belarus"
    assert reject["actor_country"] == "BLR" and reject["actor_sector"] == "GOV"
    assert reject["recipient"] == "Marta Kovac" and reject["recipient_country"] == "NGO"
    assert reject["location"] == "Minsk" and reject["location_country"] == "BLR"
    assert reject["lat"] == pytest.approx(53.9)
    assert reject["context"] == "human_rights"
    assert reject["confidence"] == pytest.approx(0.8234)
    assert reject["title"] == "Belarus bars Amnesty official"
    assert frame.iloc[1]["context"] == "repression,human_rights"
    assert frame.iloc[1]["attribution"] == "state media"
    assert frame.iloc[1]["recipient"] == "a protester"  # no canonical name: the text
    assert pd.isna(frame.iloc[2]["location"])


def test_events_evidence_non_ascii(db_url):
    ext = hk_extraction()
    prefix = "Ünïcödé 🙂 — “préface”. "
    text = prefix + HK_TEXT
    shifted = hk_extraction("uni", text=text)
    with Store(db_url) as store:
        store.add(shifted)
        frame = store.mentions()
    assert list(frame["evidence"]) == [
        text[e.evidence.start:e.evidence.end] for e in shifted.events
    ]
    assert frame.iloc[0]["evidence"] == HK_TEXT[ext.events[0].evidence.start:ext.events[0].evidence.end]


def test_events_multiple_actors_joined(db_url):
    ext = hk_extraction()
    ev = ext.events[1]
    ev.actor = ev.actor + [ext.entities[0]]  # police and the Belarusian government
    with Store(db_url) as store:
        store.add(ext)
        row = store.mentions(type="assault").iloc[0]
        assert row["actor"] == "Lithuanian Police; Government of Belarus"
        assert row["actor_country"] == "LTU; BLR"
        assert row["actor_sector"] == "COP; GOV"
        assert len(store.mentions(country="blr", type="ASSAULT")) == 1


def test_events_filter_type(store):
    assert len(store.mentions()) == 6
    assert list(store.mentions(type="assault")["type"]) == ["ASSAULT", "ASSAULT"]
    assert store.mentions(type="AID").empty
    assert list(store.mentions(type="AID").columns) == MENTION_COLUMNS


def test_events_filter_country_actor_or_recipient(store):
    usa = store.mentions(country="USA")
    assert list(usa["type"]) == ["THREATEN", "THREATEN"]
    ngo = store.mentions(country="NGO")  # only ever a recipient
    assert list(ngo["type"]) == ["REJECT", "REJECT"]
    chn = store.mentions(country="BLR")  # REJECT actor, THREATEN recipient
    assert sorted(chn["type"]) == ["REJECT", "REJECT", "THREATEN", "THREATEN"]
    assert store.mentions(country="FRA").empty
    assert store.mentions(country="%").empty


def test_events_filter_since_until(store):
    # doc-1 dates: 2020-01-12, 2019-11-22, 2020-01; doc-2: 2020, 2019-12-02, 2020-01
    def dates(**kw):
        return sorted(store.mentions(**kw)["date"])

    assert dates(since="2020-01-01") == ["2020", "2020-01", "2020-01", "2020-01-12"]
    assert dates(since="2020-01-13") == ["2020", "2020-01", "2020-01"]  # coarser dates overlap the bound
    assert dates(until="2019-12-31") == ["2019-11-22", "2019-12-02"]
    assert dates(until="2019-11") == ["2019-11-22"]  # a prefix bound includes its whole month
    assert dates(since="2019-12", until="2019-12") == ["2019-12-02"]
    assert dates(since="2020-02") == ["2020"]
    assert dates(since="2021") == []
    assert dates(since="2019-11-22", until="2019-11-22") == ["2019-11-22"]


def test_events_filter_article_and_limit(store):
    assert set(store.mentions(article_id="doc-2")["article_id"]) == {"doc-2"}
    assert len(store.mentions(limit=2)) == 2
    assert store.mentions(article_id="fr-1").empty


def test_quotes_frame_and_filters(store):
    frame = store.quotes()
    assert list(frame.columns) == QUOTE_COLUMNS
    assert len(frame) == 2
    q = frame.iloc[0]
    assert q["text"] == "We came to document the trials of striking miners,"
    assert HK_TEXT[q["start"]:q["end"]] == q["text"]
    assert (q["speaker"], q["speaker_name"], q["cue"], q["kind"]) == ("Kovac", "Marta Kovac", "said", "direct")
    assert list(store.quotes(speaker="marta")["article_id"]) == ["doc-1"]
    assert list(store.quotes(speaker="KOVAC")["article_id"]) == ["doc-1"]
    assert store.quotes(speaker="nobody").empty
    assert store.quotes(article_id="doc-2")["speaker"].isna().all()
    assert len(store.quotes(limit=1)) == 1


def test_articles_frame_and_filters(store):
    frame = store.articles()
    assert list(frame.columns) == ARTICLE_COLUMNS
    assert list(frame["id"]) == ["doc-1", "doc-2", "fr-1"]
    first = frame.iloc[0]
    assert (first["n_events"], first["n_quotes"]) == (3, 1)
    assert first["publisher"] == "Baltic Wire" and first["language"] == "en"
    assert first["ingested_at"].endswith("+00:00")
    assert frame.iloc[2]["n_events"] == 0 and pd.isna(frame.iloc[2]["publisher"])
    assert list(store.articles(search="police ACTION")["id"]) == ["doc-2"]  # title
    assert list(store.articles(search="bars amnesty")["id"]) == ["doc-1"]  # title
    assert list(store.articles(search="RESIDENTS of uzupis")["id"]) == ["doc-2"]  # text
    assert list(store.articles(search="vilnius")["id"]) == ["doc-1", "doc-2"]  # text
    assert list(store.articles(search="100%")["id"]) == ["fr-1"]  # LIKE wildcards are literal
    assert store.articles(search="50%").empty
    assert list(store.articles(language="fr")["id"]) == ["fr-1"]
    assert len(store.articles(limit=2)) == 2
    assert list(store.articles(dup_group="fr-1")["id"]) == ["fr-1"]
    assert store.articles(search="no such words").empty


def test_articles_empty_store(db_url):
    with Store(db_url) as store:
        assert list(store.articles().columns) == ARTICLE_COLUMNS
        assert store.articles().empty and store.mentions().empty and store.quotes().empty and store.skips().empty


def test_extraction_round_trip_keeps_quote_segments(db_url):
    ext = hk_extraction()
    q = ext.quotes[0]
    mid = (q.start + q.end) // 2
    q.segments = [(q.start, mid - 2), (mid, q.end)]
    with Store(db_url) as store:
        store.add(ext)
        got = store.extraction("doc-1")
        loaded = store.load("doc-1")
    assert got["quotes"][0]["segments"] == [{"start": q.start, "end": mid - 2}, {"start": mid, "end": q.end}]
    assert loaded.quotes[0].segments == q.segments


def test_quotes_frame_has_segments(db_url):
    ext = hk_extraction()
    q = ext.quotes[0]
    mid = q.start + 10
    q.segments = [(q.start, mid - 2), (mid, q.end)]
    with Store(db_url) as store:
        store.add(ext)
        assert store.quotes()["segments"].tolist() == [[{"start": q.start, "end": mid - 2}, {"start": mid, "end": q.end}]]


@pytest.mark.parametrize("ref", ["hk.txt", "./hk.txt", "https://example.org/doc-1", "doc-1"])
def test_find_article_by_id_path_or_url(db_url, ref, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with Store(db_url) as store:
        store.add(hk_extraction())
        assert store.find_article(ref) == "doc-1"
        assert store.find_article(str(tmp_path / "hk.txt")) == "doc-1"
        assert store.find_article("nope") is None
