"""Store.add: idempotence, id collisions, one transaction per document, near-duplicates, skips, runs."""
from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa
from test_store_support import OTHER_STORY, STORY, hk_extraction, plain_extraction

from eventwatch.errors import StoreError
from eventwatch.models import Skip
from eventwatch.store import AddResult, Store
from eventwatch.store import schema as S
from eventwatch.store.store import Store as StoreFromModule
from eventwatch.text.dedup import content_hash, minhash_signature, similarity

COUNTED = ("articles", "events", "quotes", "dates", "places", "entities", "skipped")


def _counts(store: Store) -> dict:
    st = store.stats()
    return {k: st[k] for k in COUNTED}


def _rows(store: Store, table: sa.Table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


def test_store_import_paths():
    import eventwatch

    assert Store is StoreFromModule
    assert eventwatch.Store is Store


def test_add_then_again_unchanged(db_url):
    with Store(db_url) as store:
        ext = hk_extraction()
        first = store.add(ext)
        assert first == AddResult(status="added", article_id="doc-1", dup_group="doc-1")
        assert store.has_article(ext.article.content_hash)
        before = _counts(store)
        assert before == {"articles": 1, "events": 3, "quotes": 1, "dates": 2, "places": 3, "entities": 7,
                          "skipped": 0}
        again = store.add(hk_extraction())
        assert again.status == "unchanged"
        assert again.article_id == "doc-1"
        assert _counts(store) == before
        # Same content and URL under another source id is still the same article.
        other = hk_extraction("other-id", source="elsewhere.txt")
        other.article.url = ext.article.url
        third = store.add(other)
        assert third.status == "unchanged" and third.article_id == "doc-1"
        assert _counts(store) == before
        stats = store.stats()
        assert isinstance(stats["articles"], int) and stats["articles"] == 1
        assert _rows(store, S.publishers) == 1


@pytest.mark.parametrize("url", [None, "https://mirror.example/hk"])
def test_add_same_text_elsewhere_is_a_copy_unless_url_unknown(db_url, url):
    """The same text at another URL is a syndicated copy (its own article, same near-dup group);
    without a URL it is the stored article again."""
    with Store(db_url) as store:
        store.add(hk_extraction())
        copy = hk_extraction("copy", source="mirror.txt")
        copy.article.url = url
        res = store.add(copy)
        if url is None:
            assert res == AddResult("unchanged", "doc-1", "doc-1")
        else:
            assert res == AddResult("added", "copy", "doc-1")
            assert store.has_article(copy.article.content_hash, url=url)
        assert store.add(copy).status == "unchanged"


def test_add_computes_missing_content_hash(db_url):
    with Store(db_url) as store:
        ext = plain_extraction("a", "Some text about a protest in the capital.")
        ext.article.content_hash = ""
        assert store.add(ext).status == "added"
        assert store.has_article(content_hash("Some text about a protest in the capital."))
        assert store.add(ext).status == "unchanged"


def test_add_stats_shape(db_url):
    with Store(db_url) as store:
        store.add(hk_extraction())
        store.add(plain_extraction("fr-1", "Le gouvernement a annoncé une nouvelle loi.", language="fr"))
        stats = store.stats()
    assert stats["revision"] and stats["db"]
    assert stats["articles"] == 2
    assert stats["languages"] == {"en": 1, "fr": 1}
    assert stats["event_types"] == {"ASSAULT": 1, "REJECT": 1, "THREATEN": 1}
    assert stats["dup_groups"] == 0
    assert stats["runs"] == 0 and stats["last_run"] is None


def test_add_id_collision_distinct_public_ids(db_url):
    with Store(db_url) as store:
        a = store.add(plain_extraction("1", "First document from one JSONL file.", source="a.jsonl:1"))
        b = store.add(plain_extraction("1", "Another document from another JSONL file.", source="b.jsonl:1"))
        assert a.status == b.status == "added"
        assert a.article_id == "1"
        chash = content_hash("Another document from another JSONL file.")
        assert b.article_id == f"1~{chash[:8]}"
        frame = store.articles()
        assert sorted(frame["id"]) == sorted([a.article_id, b.article_id])
        assert store.extraction(b.article_id)["text"] == "Another document from another JSONL file."
        assert store.extraction(b.article_id)["id"] == b.article_id
        assert store.extraction("1")["text"] == "First document from one JSONL file."
        # Re-adding either keeps its id.
        assert store.add(plain_extraction("1", "Another document from another JSONL file.")).article_id == b.article_id
        with store.engine.connect() as conn:
            doc_ids = conn.execute(sa.select(S.articles.c.doc_id)).scalars().all()
        assert doc_ids == ["1", "1"]


def test_add_failure_midway_leaves_no_rows(db_url, monkeypatch):
    with Store(db_url) as store:
        store.add_skip(Skip(source="hk.txt", stage="annotate", reason="earlier failure"))

        def boom(*args, **kwargs):
            raise RuntimeError("disk on fire")

        # Called after the article, band keys, entities, places, dates and quotes are inserted.
        monkeypatch.setattr(Store, "_mention_row", staticmethod(boom))
        with pytest.raises(RuntimeError, match="disk on fire"):
            store.add(hk_extraction())
        assert _counts(store) == {k: 0 for k in COUNTED} | {"skipped": 1}
        for table in (S.articles, S.publishers, S.lsh_bands, S.entities, S.places, S.dates, S.quotes, S.mentions):
            assert _rows(store, table) == 0, table.name
        assert not store.has_article(hk_extraction().article.content_hash)
        monkeypatch.undo()
        assert store.add(hk_extraction()).status == "added"
        assert _counts(store)["events"] == 3
        assert _counts(store)["skipped"] == 0


def test_add_race_integrity_error_is_unchanged(db_url, monkeypatch):
    """A writer that checked before another committed hits the unique constraint: unchanged."""
    with Store(db_url) as first, Store(db_url) as second:
        assert first.add(hk_extraction()).status == "added"
        real = Store._find_hash
        calls = {"n": 0}

        def stale(self, conn, chash, url=None):
            calls["n"] += 1
            return None if calls["n"] <= 2 else real(self, conn, chash, url)

        monkeypatch.setattr(Store, "_find_hash", stale)
        dup = hk_extraction("dup-id", source="other.txt")
        dup.article.url = hk_extraction().article.url
        res = second.add(dup)
        assert calls["n"] == 3
        assert res.status == "unchanged" and res.article_id == "doc-1"
        monkeypatch.undo()
        assert _counts(second)["articles"] == 1 and _counts(second)["events"] == 3


def test_add_two_stores_same_sqlite_file(tmp_path):
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    with Store(url) as a, Store(url) as b:
        assert a.add(hk_extraction()).status == "added"
        assert b.add(hk_extraction()).status == "unchanged"
        assert a.stats()["articles"] == b.stats()["articles"] == 1


def test_add_concurrent_threads_one_row(db_url):
    Store(db_url).close()  # migrate once
    stores = [Store(db_url, migrate=False) for _ in range(4)]
    results: list = []
    errors: list = []
    barrier = threading.Barrier(len(stores))

    def work(store):
        try:
            barrier.wait()
            results.append(store.add(hk_extraction()).status)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert not errors, errors
        assert sorted(results) == ["added", "unchanged", "unchanged", "unchanged"]
        assert _counts(stores[0])["articles"] == 1
        assert _counts(stores[0])["events"] == 3
    finally:
        for s in stores:
            s.close()


def _copy(doc_id: str, story: str, before: str, after: str):
    """A syndicated copy: the story between a site's own boilerplate; signature of the story part."""
    text = before + story + after
    ext = plain_extraction(doc_id, text, minhash=False)
    ext.article.boilerplate = [(0, len(before)), (len(before) + len(story), len(text))]
    ext.article.minhash = minhash_signature(story)
    return ext


def test_add_near_duplicates_share_group(db_url):
    edited = STORY.replace("at least forty", "at least 40").replace("on Saturday", "on Saturday night")
    a = _copy("wire-1", STORY, "WIRE SERVICE | World news\n\n", "\n\nShare this story: Facebook Twitter Email")
    b = _copy("site-2", edited, "Daily Planet - Subscribe now for $1\n",
              "\nBy registering you accept our terms of service. Sign up for our newsletter.")
    c = _copy("other-3", OTHER_STORY, "WIRE SERVICE | Business\n\n", "\n\nShare this story: Facebook Twitter")
    assert similarity(a.article.minhash, b.article.minhash) >= 0.7
    assert similarity(a.article.minhash, c.article.minhash) < 0.3
    with Store(db_url) as store:
        ra, rb, rc = store.add(a), store.add(b), store.add(c)
        assert ra.dup_group == "wire-1"
        assert rb.status == "added" and rb.dup_group == "wire-1"
        assert rc.dup_group == "other-3"
        rd = store.add(_copy("copy-4", STORY, "X\n", "\nY"))
        assert rd.dup_group == "wire-1"
        # No signature: its own group, even for the same story.
        nosig = plain_extraction("nosig-5", STORY + " Updated.", minhash=False)
        assert store.add(nosig).dup_group == "nosig-5"
        assert store.stats()["dup_groups"] == 1
        frame = store.articles(dup_group="wire-1")
        assert sorted(frame["id"]) == ["copy-4", "site-2", "wire-1"]
        # The stored signature is read back intact.
        assert store.load("site-2").article.minhash == b.article.minhash


def test_add_near_duplicate_threshold_setting(db_url, monkeypatch):
    edited = STORY.replace("at least forty", "at least 40")
    a = _copy("a", STORY, "", "")
    b = _copy("b", edited, "", "")
    sim = similarity(a.article.minhash, b.article.minhash)
    assert 0.7 <= sim < 1.0
    monkeypatch.setenv("EVENTWATCH_MINHASH_THRESHOLD", "0.995")
    with Store(db_url) as store:
        store.add(a)
        assert store.add(b).dup_group == "b"


def test_skips_upsert_and_frame(db_url):
    with Store(db_url) as store:
        run = store.start_run(["bad.html", "feed.xml"])
        store.add_skip(Skip(source="bad.html", stage="text", reason="no main text", doc_id="bad"), run_id=run)
        store.add_skip(Skip(source="bad.html", stage="annotate", reason="internal error", doc_id="bad"))
        store.add_skip(Skip(source="https://example.org/x", stage="ingest", reason="HTTP 404"))
        frame = store.skips()
        assert list(frame.columns) == ["source", "doc_id", "stage", "reason", "seen_at"]
        assert len(frame) == 2
        row = frame.set_index("source").loc["bad.html"]
        assert (row["stage"], row["reason"], row["doc_id"]) == ("annotate", "internal error", "bad")
        assert row["seen_at"].endswith("+00:00")
        assert len(store.skips(limit=1)) == 1
        assert store.stats()["skipped"] == 2
        # The document now succeeds: no longer listed as skipped.
        store.add(plain_extraction("bad", "Now the page has a main text after all.", source="bad.html"))
        assert list(store.skips()["source"]) == ["https://example.org/x"]
        assert store.stats()["skipped"] == 1


def test_skips_cleared_by_unchanged_add(db_url):
    with Store(db_url) as store:
        store.add(hk_extraction())
        store.add_skip(Skip(source="mirror.txt", stage="annotate", reason="timeout"))
        mirror = hk_extraction("mirror", source="mirror.txt")
        mirror.article.url = None
        res = store.add(mirror)
        assert res.status == "unchanged"
        assert store.skips().empty


def test_skips_without_source_kept_apart(db_url):
    with Store(db_url) as store:
        store.add_skip(Skip(source="", stage="ingest", reason="bad record", doc_id="7"))
        store.add_skip(Skip(source="", stage="ingest", reason="bad record"))
        assert sorted(store.skips()["source"]) == ["(unknown source)", "id:7"]


def test_add_shared_store_across_threads(db_url):
    texts = [f"Document number {i} about a strike at port {i} and the talks that followed." for i in range(12)]
    errors: list = []
    results: list = []
    with Store(db_url) as store:
        def work(chunk):
            try:
                for i in chunk:
                    results.append(store.add(plain_extraction(f"t{i}", texts[i])).status)
            except Exception as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(range(k, 12, 3),)) for k in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors, errors
        assert results.count("added") == 12
        assert store.stats()["articles"] == 12


def test_runs_start_finish(db_url):
    with Store(db_url) as store:
        run = store.start_run(["a.txt", "b.txt"], command="ingest")
        res = store.add(hk_extraction(), run_id=run)
        store.finish_run(run, {"added": 1, "unchanged": 0, "skipped": 0})
        stats = store.stats()
        assert stats["runs"] == 1
        last = stats["last_run"]
        assert last["id"] == run and last["command"] == "ingest"
        assert last["sources"] == ["a.txt", "b.txt"]
        assert last["counts"] == {"added": 1, "unchanged": 0, "skipped": 0}
        assert last["started_at"] <= last["finished_at"]
        with store.engine.connect() as conn:
            assert conn.execute(sa.select(S.articles.c.run_id).where(S.articles.c.id == res.article_id)).scalar_one() == run
        assert store.runs()[0]["id"] == run


def test_add_unmigrated_raises_store_error(db_url):
    with Store(db_url, migrate=False) as store:
        with pytest.raises(StoreError, match="doc-1"):
            store.add(hk_extraction())


def test_skip_of_another_record_of_the_same_source_is_kept(db_url):
    """A WARC file's cut record stays a skip when the record before it is stored."""
    with Store(db_url) as store:
        store.add_skip(Skip(source="crawl.warc.gz", stage="ingest", reason="truncated record 2", doc_id="rec-2"))
        store.add(plain_extraction("rec-1", "A page of the crawl about the strike at the port.",
                                   source="crawl.warc.gz"))
        assert list(store.skips()["doc_id"]) == ["rec-2"]
        store.add_skip(Skip(source="crawl.warc.gz", stage="ingest", reason="timeout", doc_id="rec-1"))
        store.add(plain_extraction("rec-1", "A page of the crawl about the strike at the port.",
                                   source="crawl.warc.gz"))
        assert store.skips().empty
