"""Analysts' verdicts and corrections: applied to the event record, validated, kept through re-coding,
re-adding and new articles, and exported as training data. Extractions are built by hand (no spaCy)."""
from __future__ import annotations

import json

import pytest
from test_store_support import BAN_REPORT, BAN_STORY, ban_extraction, hk_extraction

from eventwatch.coding.examples import read_articles
from eventwatch.errors import QueryError
from eventwatch.export.training import write_training
from eventwatch.store import Store

FIX = {"type": "COERCE", "mode": "arrest", "status": "occurred", "date": "2020-01",
       "actor": [{"name": "Belarusian KGB", "country": "BLR", "sector": "SPY"}], "place": "Minsk"}


def _one(store, **flt):
    evs = list(store.iter_events(**{"status": "all", **flt}))
    assert len(evs) == 1, [(e["type"], e["event_id"]) for e in evs]
    return evs[0]


def test_store_corrections_shown_with_the_coded_values_kept(db_url):
    with Store(db_url) as store:
        store.add(hk_extraction())
        ban = _one(store, type="REJECT")
        out = store.correct_event(ban["event_id"], FIX, reviewer="research-desk", note="KGB officers, not a ban")
        assert (out["type"], out["mode"], out["date"], out["date_precision"]) == ("COERCE", "arrest", "2020-01", "month")
        assert out["cameo"] == "173"  # the CAMEO code of the corrected type and mode
        assert [a["name"] for a in out["actor"]] == ["Belarusian KGB"] and out["actor"][0]["sector"] == "SPY"
        # "Minsk" names the coded place: its country and coordinates stay.
        assert out["place"]["country"] == "BLR" and out["place"]["lat"] == pytest.approx(53.9)
        rv = out["review"]
        assert rv["reviewer"] == "research-desk" and rv["verdict"] is None and rv["reviews"] == 1
        assert rv["corrected"]["type"] == {"from": "REJECT", "to": "COERCE"}
        assert rv["corrected"]["actor"]["from"][0]["name"] == "Government of Belarus"
        assert rv["corrected"]["date"]["from"] == {"date": "2020-01-12", "date_precision": "day"}
        # Filters and the frame read the corrected values.
        assert _one(store, type="COERCE")["event_id"] == ban["event_id"]
        assert not list(store.iter_events(type="REJECT"))
        assert _one(store, actor="Belarusian KGB")["event_id"] == ban["event_id"]
        assert _one(store, sector="SPY")["event_id"] == ban["event_id"]
        assert _one(store, type="COERCE", since="2020-01-20", until="2020-01")["event_id"] == ban["event_id"]
        df = store.events(type="COERCE")
        assert df.loc[0, "review"]["corrected"]["mode"]["to"] == "arrest"
        [r] = store.reviews(ban["event_id"])
        assert (r["kind"], r["reviewer"], r["note"]) == ("correct", "research-desk", "KGB officers, not a ban")


def _recode_same(store):
    store.recode("copy1", store.load("copy1"))


def _recode_retyped(store):
    # A new model codes the same trigger as another type: the mention's key changes, its span does not.
    store.recode("copy0", ban_extraction("copy0", BAN_STORY, url="https://news-a0.example/ban", type_="SANCTION"))


def _readd(store):
    assert store.add(ban_extraction("copy0", BAN_STORY, url="https://news-a0.example/ban")).status == "unchanged"


def _new_article(store):
    store.add(ban_extraction("copy2", "Share this\n\n" + BAN_STORY, url="https://news-c2.example/ban"))


def _recode_everything(store):
    for aid in ("copy0", "copy1"):
        store.recode(aid, store.load(aid))


@pytest.mark.parametrize("change", [_recode_same, _recode_retyped, _readd, _new_article, _recode_everything])
def test_store_corrections_survive_recode_readd_and_new_articles(db_url, change):
    with Store(db_url) as store:
        for i, head in enumerate(("", "WORLD | Europe\n\n")):
            store.add(ban_extraction(f"copy{i}", head + BAN_STORY, url=f"https://news-{'ab'[i]}{i}.example/ban"))
        ev = _one(store)
        store.correct_event(ev["event_id"], {"status": "future", "recipient": ["Marta Kovac", "Amnesty International"]},
                            reviewer="desk")
        store.review_event(ev["event_id"], "confirm", reviewer="editor")
        change(store)
        after = _one(store, status="future")
        assert after["event_id"] == ev["event_id"]
        assert [r["name"] for r in after["recipient"]] == ["Marta Kovac", "Amnesty International"]
        assert after["review"]["verdict"] == "confirmed" and after["review"]["reviewer"] == "editor"
        assert after["review"]["corrected"]["status"] == {"from": "occurred", "to": "future"}
        assert not list(store.iter_events(status="occurred"))


@pytest.mark.parametrize("coded_as", ["REJECT", "SANCTION"])
def test_store_corrections_new_reports_join_a_retyped_event(db_url, coded_as):
    """A new article's mention of the act joins the corrected event whether the coder gives it the type
    the analyst replaced or the analyst's own."""
    with Store(db_url) as store:
        for i in range(2):
            store.add(ban_extraction(f"copy{i}", "x" * i + BAN_STORY, url=f"https://n{i}.example/ban"))
        ev = _one(store)
        store.correct_event(ev["event_id"], {"type": "SANCTION", "mode": "expel"}, reviewer="desk")
        store.add(ban_extraction("indep", BAN_REPORT, url="https://wire.example/minsk", recipient="Kovac",
                                 type_=coded_as))
        after = _one(store)
        assert after["event_id"] == ev["event_id"] and after["num_mentions"] == 3
        assert (after["type"], after["mode"]) == ("SANCTION", "expel")
        assert "indep" in {m["article_id"] for m in after["mentions"]}


@pytest.mark.parametrize("fields,name", [
    ({"type": "REJCT"}, "type"), ({"mode": "dance"}, "mode"), ({"status": "maybe"}, "status"),
    ({"colour": "red"}, "colour"), ({"date": "last week"}, "date"), ({"date": "2020-13"}, "date"),
    ({"actor": [{"name": "X", "country": "Hong Kong"}]}, "actor"), ({"recipient": [{"name": "X", "sector": "NOPE"}]}, "recipient"),
    ({"actor": [{"country": "BLR"}]}, "actor"), ({"place": {"name": "Atlantis", "country": "ZZZ"}}, "place"),
    ({}, "fields"),
])
def test_store_corrections_invalid_fields_list_valid_values(db_url, fields, name):
    with Store(db_url) as store:
        store.add(hk_extraction())
        ev = _one(store, type="REJECT")
        with pytest.raises(QueryError) as info:
            store.correct_event(ev["event_id"], fields, reviewer="desk")
        assert info.value.name == name and ("valid" in str(info.value) or name in str(info.value))
        assert store.reviews(ev["event_id"]) == [] and store.event(ev["event_id"])["review"] is None


def test_store_corrections_verdicts_latest_wins_and_unknown_is_refused(db_url):
    with Store(db_url) as store:
        store.add(hk_extraction())
        ev = _one(store, type="ASSAULT")
        store.review_event(ev["event_id"], "confirm", reviewer="a")
        store.review_event(ev["event_id"], "reject", reviewer="b", note="a protest, not a beating")
        rv = store.event(ev["event_id"])["review"]
        assert (rv["verdict"], rv["reviewer"], rv["reviews"]) == ("rejected", "b", 2)
        assert [r["reviewer"] for r in store.reviews(ev["event_id"])] == ["a", "b"]
        with pytest.raises(QueryError):
            store.review_event(ev["event_id"], "maybe")
        with pytest.raises(QueryError):
            store.correct_event("ev-000000000000", {"type": "AID"})


def test_store_corrections_split_leaves_the_review_with_most_mentions(db_url):
    with Store(db_url) as store:
        for i in range(3):
            store.add(ban_extraction(f"copy{i}", "x" * i + BAN_STORY, url=f"https://n{i}.example/ban"))
        ev = _one(store)
        store.correct_event(ev["event_id"], {"type": "COERCE"}, reviewer="desk")
        new = store.split_event(ev["event_id"], "copy2#" + ev["mentions"][2]["mention_id"].split("#")[1],
                                reviewer="desk")
        assert store.event(ev["event_id"])["type"] == "COERCE"
        split = store.event(new)
        assert split["type"] == "REJECT" and split["review"] is None
        assert store.reviews(ev["event_id"])[-1]["reviewer"] == "desk"


def test_export_training_reads_with_the_train_loader(db_url, tmp_path):
    with Store(db_url) as store:
        store.add(hk_extraction())
        ban, beat, threat = (_one(store, type=t) for t in ("REJECT", "ASSAULT", "THREATEN"))
        store.correct_event(ban["event_id"], {"type": "COERCE", "mode": "restrict",
                                              "recipient": [{"name": "Amnesty International", "country": "NGO"}]},
                            reviewer="desk")
        store.review_event(beat["event_id"], "reject", reviewer="desk")
        store.review_event(threat["event_id"], "confirm", reviewer="desk")
        path = tmp_path / "corrections.jsonl"
        assert write_training(store.labelled_examples(), path) == 3
        assert write_training(store.labelled_examples(type="THREATEN"), tmp_path / "t.jsonl") == 1
    recs = {r["meta"]["reviews"][0]["event_id"]: r for r in read_articles([path])}
    corrected = recs[ban["event_id"]]
    [ev] = corrected["expected"]["events"]
    text = corrected["text"]
    assert (ev["type"], ev["mode"], ev["status"]) == ("COERCE", "restrict", "occurred")
    assert text[ev["trigger"]["char_start"]:ev["trigger"]["char_end"]] == "barred"
    [who] = ev["recipient"]
    assert text[who["char_start"]:who["char_end"]] == "Amnesty International" and who["country"] == "NGO"
    assert text[ev["actor"][0]["char_start"]:ev["actor"][0]["char_end"]] == "Belarusian government"
    # The rejected beating is a negative: its sentence is labelled, with no event.
    rejected = recs[beat["event_id"]]
    assert rejected["expected"]["events"] == [] and rejected["meta"]["partial"] is False
    assert rejected["meta"]["rejected"] == [beat["mentions"][0]["mention_id"]] and "beat" in rejected["text"]
    assert [e["type"] for e in recs[threat["event_id"]]["expected"]["events"]] == ["THREATEN"]
    assert all(json.dumps(r) for r in recs.values())


@pytest.mark.slow
def test_export_training_labels_the_corrected_word_for_training(tmp_path):
    """The exported sentences go through `eventwatch train`'s own parsing and labelling."""
    from eventwatch.coding.examples import TYPE_INDEX
    from eventwatch.coding.training import article_units

    with Store(f"sqlite:///{tmp_path / 'ew.db'}") as store:
        store.add(hk_extraction())
        ban, beat = _one(store, type="REJECT"), _one(store, type="ASSAULT")
        store.correct_event(ban["event_id"], {"type": "COERCE"}, reviewer="desk")
        store.review_event(beat["event_id"], "reject", reviewer="desk")
        write_training(store.labelled_examples(), tmp_path / "c.jsonl")
    units = article_units(read_articles([tmp_path / "c.jsonl"]))
    labels = {w: lab for u in units for w, lab in zip(u.words, u.labels)}
    assert labels["barred"] == TYPE_INDEX["COERCE"] and labels["beat"] == TYPE_INDEX["NONE"]
