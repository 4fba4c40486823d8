"""Resolved events in the store: copies and independent reports, counts, filters, analysts' decisions,
re-coding. Extractions are built by hand (no spaCy)."""
from __future__ import annotations

import pytest
from test_store_support import BAN_REPORT, BAN_STORY, ban_extraction, hk_extraction

from eventwatch.errors import QueryError
from eventwatch.store import Store


def _copies(store, n=3, *, header=("", "WORLD | Europe\n\n", "Share this\n\n")):
    for i in range(n):
        store.add(ban_extraction(f"copy{i}", header[i % len(header)] + BAN_STORY + "\n\nFollow us.",
                                 url=f"https://news-{'abc'[i % 3]}{i}.example/ban"))


def _ban(store):
    evs = list(store.iter_events(type="REJECT"))
    assert len(evs) == 1, evs
    return evs[0]


def test_store_events_copies_and_independent_report_are_one_event(db_url):
    with Store(db_url) as store:
        _copies(store)
        store.add(ban_extraction("indep", BAN_REPORT, url="https://wire.example/minsk", recipient="Kovac"))
        ev = _ban(store)
        assert (ev["num_mentions"], ev["num_articles"]) == (4, 4)
        # The three copies are one near-duplicate group: one source, plus the wire.
        assert (ev["num_sources"], ev["num_dup_groups"]) == (2, 2)
        assert [r["name"] for r in ev["recipient"]] == ["Marta Kovac"]
        assert {m["article_id"] for m in ev["mentions"]} == {"copy0", "copy1", "copy2", "indep"}
        reasons = {m["article_id"]: m["reason"] for m in ev["mentions"]}
        assert "near-duplicate group copy0" in reasons["copy1"]
        assert "recipient Marta Kovac in common" in reasons["indep"] and "actors of one country" in reasons["indep"]
        text = store.load("indep").article.text
        m = next(m for m in ev["mentions"] if m["article_id"] == "indep")
        assert text[m["evidence_start"]:m["evidence_end"]] == m["evidence"]
        assert ev["coder_version"] and ev["date"] == "2020-01-12" and ev["place"]["name"] == "Minsk"


def test_store_events_independent_publishers_count_each(db_url):
    with Store(db_url) as store:
        store.add(ban_extraction("a", BAN_STORY, url="https://one.example/a"))
        store.add(ban_extraction("b", BAN_REPORT, url="https://two.example/b", recipient="Kovac"))
        store.add(ban_extraction("c", BAN_REPORT.replace("MINSK - ", "MINSK (Reuters) - "),
                                 url="https://three.example/c", recipient="Kovac"))
        ev = _ban(store)
        assert ev["num_mentions"] == 3 and ev["num_sources"] == 2 + (ev["num_dup_groups"] == 3)


@pytest.mark.parametrize("change", [
    {"type_": "ASSAULT"},  # another type
    {"status": "future"},  # a plan is not the happening
    {"date": "2019-05-02"},  # months apart
    {"recipient": "Amnesty International"},  # nobody in common
])
def test_store_events_incompatible_mentions_stay_apart(db_url, change):
    with Store(db_url) as store:
        store.add(ban_extraction("a", BAN_STORY, url="https://one.example/a"))
        store.add(ban_extraction("b", BAN_REPORT, url="https://two.example/b", **{"recipient": "Kovac", **change}))
        assert len(list(store.iter_events())) == 2


@pytest.mark.parametrize("types,want", [
    (("REJECT", "COERCE", "COERCE"), "COERCE"),  # the type most mentions give
    (("REJECT", "REJECT", "COERCE"), "REJECT"),
])
def test_store_events_a_ban_and_a_refusal_of_entry_are_one_event(db_url, types, want):
    with Store(db_url) as store:
        store.add(ban_extraction("a", BAN_STORY, url="https://one.example/a", type_=types[0]))
        store.add(ban_extraction("b", BAN_REPORT, url="https://two.example/b", recipient="Kovac", type_=types[1]))
        store.add(ban_extraction("c", BAN_REPORT.replace("MINSK - ", "MINSK (Reuters) - "),
                                 url="https://three.example/c", recipient="Kovac", type_=types[2]))
        (ev,) = list(store.iter_events())
        assert ev["type"] == want and ev["num_mentions"] == 3
        full = store.event(ev["event_id"])
        assert any("related types" in m["reason"] for m in full["mentions"])


def test_store_events_incremental_add_touches_only_its_events(db_url):
    with Store(db_url) as store:
        store.add(hk_extraction())
        store.add(ban_extraction("a", BAN_STORY, url="https://one.example/a"))
        before = {e["event_id"]: e for e in store.iter_events()}
        store.add(ban_extraction("b", BAN_REPORT, url="https://two.example/b", recipient="Kovac"))
        after = {e["event_id"]: e for e in store.iter_events()}
        assert set(after) == set(before)
        changed = [k for k in after if after[k]["num_mentions"] != before[k]["num_mentions"]]
        assert len(changed) == 1 and after[changed[0]]["type"] == "REJECT"


def test_store_events_frame_and_filters(db_url):
    with Store(db_url) as store:
        store.add(hk_extraction())
        _copies(store, 2)
        df = store.events()
        # hk_extraction reports the same ban (Kovac barred from Minsk on Jan. 12) as the copies.
        assert len(df) == 3 and list(df.columns)[:3] == ["event_id", "type", "mode"]
        assert df["event_id"].is_unique

        def ids(**kw):
            return [e["type"] for e in store.iter_events(sort="date", **kw)]

        assert ids(type="assault") == ["ASSAULT"]
        assert ids(country="LTU") == ["ASSAULT"]
        assert ids(sector="cop") == ["ASSAULT"]
        assert ids(context="repression") == ["ASSAULT"]
        assert ids(actor="US State Department") == ["THREATEN"]
        assert ids(recipient="kovac") == ["REJECT"]  # the surname alias
        assert ids(since="2020-01-15") == ["THREATEN"]  # 2020-01 (the month) overlaps
        assert ids(until="2019-12") == ["ASSAULT"]
        assert ids(since="2020", until="2020") == ["THREATEN", "REJECT"]
        assert ids(place="minsk") == ["REJECT"] and ids(place="LTU") == ["ASSAULT"]
        assert ids(text="threatened sanctions") == ["THREATEN"]
        assert ids(min_sources=2) == ["REJECT"] and len(ids(min_sources=1)) == 3
        [reject] = store.iter_events(type="REJECT")
        assert (reject["num_mentions"], reject["num_sources"], reject["num_dup_groups"]) == (3, 2, 2)
        assert ids(min_confidence=0.9) == ["ASSAULT"]
        assert ids(article_id="copy1") == ["REJECT"]
        assert ids(mode="beat") == ["ASSAULT"]
        assert ids(status="future") == [] and len(ids(status="all")) == 3
        assert [e["type"] for e in store.iter_events(sort="-confidence", limit=1)] == ["ASSAULT"]
        assert store.count_events(type="REJECT") == 1
        assert len(list(store.iter_events(batch_size=1))) == 3


@pytest.mark.parametrize("bad", [
    {"type": "NOT_A_TYPE"}, {"country": "XX"}, {"country": "Hong Kong"}, {"sector": "nope"},
    {"context": "sports"}, {"since": "yesterday"}, {"until": "2020-13"}, {"sort": "random"},
    {"status": "maybe"}, {"min_confidence": 2}, {"colour": "red"}, {"mode": "dance"},
])
def test_store_events_invalid_filters_list_valid_values(db_url, bad):
    with Store(db_url) as store:
        with pytest.raises(QueryError) as info:
            store.events(**bad)
    [(name, value)] = bad.items()
    msg = str(info.value)
    assert info.value.name == name and repr(value if name != "colour" else name) in msg and "valid" in msg


def test_store_events_analyst_merge_split_kept_through_recode(db_url):
    with Store(db_url) as store:
        _copies(store, 2)
        store.add(ban_extraction("other", BAN_REPORT, url="https://two.example/b", recipient="Kovac",
                                 type_="SANCTION"))
        reject = _ban(store)
        [coerce] = list(store.iter_events(type="SANCTION"))
        assert store.merge_events(reject["event_id"], coerce["event_id"], note="one ban") == reject["event_id"]
        merged = store.event(reject["event_id"])
        assert merged["num_mentions"] == 3 and store.event(coerce["event_id"]) is None
        assert merged["reviews"][0]["kind"] == "merge" and merged["reviews"][0]["note"] == "one ban"
        store.review_event(reject["event_id"], "correct", note="checked")
        # Re-coding the merged-in article (its mention is deleted and created again) keeps the merge.
        store.recode("other", ban_extraction("other", BAN_REPORT, url="https://two.example/b", recipient="Kovac",
                                             type_="SANCTION"))
        again = store.event(reject["event_id"])
        assert again["num_mentions"] == 3 and [r["kind"] for r in again["reviews"]] == ["merge", "review"]
        key = next(m["mention_id"] for m in again["mentions"] if m["article_id"] == "copy1")
        new_id = store.split_event(reject["event_id"], key)
        assert store.event(new_id)["num_mentions"] == 1 and store.event(reject["event_id"])["num_mentions"] == 2
        store.recode("copy1", store.load("copy1"))
        assert store.event(reject["event_id"])["num_mentions"] == 2
        assert len(list(store.iter_events())) == 2
        with pytest.raises(QueryError, match="no mention"):
            store.split_event(reject["event_id"], "nope")
        with pytest.raises(QueryError, match="no event"):
            store.merge_events("ev-missing", reject["event_id"])


def test_store_events_recode_keeps_event_ids(db_url):
    with Store(db_url) as store:
        store.add(hk_extraction())
        before = sorted(e["event_id"] for e in store.iter_events())
        store.recode("doc-1", store.load("doc-1"))
        assert sorted(e["event_id"] for e in store.iter_events()) == before


def test_store_events_actors_with_aliases_and_counts(db_url):
    with Store(db_url) as store:
        _copies(store, 1)
        store.add(ban_extraction("indep", BAN_REPORT, url="https://wire.example/minsk", recipient="Kovac"))
        df = store.actors()
        kovac = df[df["actor_id"] == "marta kovac"].iloc[0]
        assert {"marta kovac", "kovac"} <= set(kovac["aliases"]) and kovac["n_as_recipient"] == 1
        assert set(store.actors(search="kovac")["actor_id"]) == {"marta kovac"}


def test_store_fill_publication_date_only_when_missing(db_url):
    with Store(db_url) as store:
        ext = ban_extraction("a", BAN_STORY, url="https://one.example/a", published=None)
        store.add(ext)
        h = ext.article.content_hash
        assert store.fill_publication_date(h, "2020-01-13", url="https://one.example/a") == "a"
        assert store.articles()["publication_date"].tolist() == ["2020-01-13"]
        assert store.fill_publication_date(h, "1999-01-01") is None
        assert store.articles()["publication_date"].tolist() == ["2020-01-13"]


def test_store_reprocess_candidates_by_version_and_where(db_url):
    with Store(db_url) as store:
        store.add(hk_extraction())
        store.add(ban_extraction("a", BAN_STORY, url="https://one.example/a", published=None))
        from eventwatch.resolve.version import coder_version

        assert store.reprocess_candidates(version=coder_version()) == []
        assert [i for _, i in store.reprocess_candidates(version="old")] == ["doc-1", "a"]
        assert [i for _, i in store.reprocess_candidates(where={"undated": "1"})] == ["a"]
        assert [i for _, i in store.reprocess_candidates(where={"article": "doc-1"})] == ["doc-1"]
        first = store.reprocess_candidates(limit=1)
        assert [i for _, i in store.reprocess_candidates(after=first[0][0])] == ["a"]
        with pytest.raises(QueryError, match="valid fields"):
            store.reprocess_candidates(where={"colour": "red"})


def test_store_events_office_description_is_its_holder_across_articles(db_url):
    """One article says who holds the office; another names only the office: the same person."""
    with Store(db_url) as store:
        text = ("Border guards stopped Marta Kovac, the regional director of Amnesty International, at Minsk "
                "airport on Jan. 12.")
        store.add(ban_extraction("named", text, url="https://one.example/a", trigger="stopped"))
        other = ("The Belarusian government barred the regional director of Amnesty International from "
                 "entering Minsk on Sunday.")
        store.add(ban_extraction("office", other, url="https://two.example/b",
                                 recipient="the regional director of Amnesty International"))
        ev = _ban(store)
        assert ev["num_mentions"] == 2 and [r["name"] for r in ev["recipient"]] == ["Marta Kovac"]
        assert "office:regional director|amnesty international" in \
            store.actors(search="kovac").iloc[0]["aliases"]
