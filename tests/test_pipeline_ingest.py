"""The ingest runner (``eventwatch.runner.ingest``): sources -> store, one document at a time.

The runner's bookkeeping is tested against a small in-memory store (no
database, no spaCy where annotation is not needed); the end-to-end cases run on
SQLite and PostgreSQL through the ``db_url`` fixture.
"""
from __future__ import annotations

import io
import json
from dataclasses import dataclass

import pytest

from eventwatch import pipeline
from eventwatch.models import Extraction, Skip
from eventwatch.runner import IngestSummary, ingest

STORIES = [
    "Police in Dhaka arrested twelve opposition activists on Monday, a party spokesman said.",
    "Farmers blocked the main highway near Nairobi on Tuesday to protest new taxes, witnesses said.",
    "The European Union imposed sanctions on three Belarusian judges on Friday.",
]


@dataclass
class _Added:
    status: str
    article_id: int
    dup_group: str | None = None


class FakeStore:
    """The slice of the Store API the runner uses, in memory."""

    def __init__(self, known=(), fail_on=None):
        self.hashes = {h: i for i, h in enumerate(known, 1)}
        self.added: list[Extraction] = []
        self.skips: list[Skip] = []
        self.runs: dict[int, dict] = {}
        self.fail_on = fail_on  # article id whose add raises

    def start_run(self, sources, command="ingest"):
        run_id = len(self.runs) + 1
        self.runs[run_id] = {"sources": list(sources), "command": command, "counts": None}
        return run_id

    def finish_run(self, run_id, counts):
        self.runs[run_id]["counts"] = dict(counts)

    def has_article(self, content_hash, url=None):
        return content_hash in self.hashes

    def fill_publication_date(self, content_hash, date, url=None):
        return None

    def add(self, extraction, run_id=None):
        if self.fail_on is not None and extraction.article.id == self.fail_on:
            raise RuntimeError("database is locked")
        h = extraction.article.content_hash
        if h in self.hashes:
            return _Added("unchanged", self.hashes[h])
        self.hashes[h] = len(self.hashes) + 1
        self.added.append(extraction)
        return _Added("added", self.hashes[h])

    def add_skip(self, skip, run_id=None):
        self.skips.append(skip)


def _jsonl(*records) -> io.BytesIO:
    return io.BytesIO("".join(json.dumps(r) + "\n" for r in records).encode())


def _fake_process(articles, **kw):
    """Annotation stand-in: one Extraction per article, no events."""
    for art in articles:
        yield Extraction(article=art)


@pytest.fixture
def no_nlp(monkeypatch):
    monkeypatch.setattr(pipeline, "process_articles", _fake_process)


def test_ingest_summary_to_dict_and_ok():
    s = IngestSummary(run_id=3, seen=2, added=1, skipped=1,
                      skips=[Skip(source="a.txt", stage="ingest", reason="empty file", doc_id="a.txt")])
    d = s.to_dict()
    assert d["run_id"] == 3 and d["added"] == 1 and d["skipped"] == 1 and d["ok"] is False
    assert d["skips"] == [{"source": "a.txt", "stage": "ingest", "reason": "empty file", "doc_id": "a.txt"}]
    assert json.loads(json.dumps(d)) == d
    assert IngestSummary().ok


def test_ingest_counts_added_skipped_and_records_run(no_nlp):
    store = FakeStore()
    events = []
    stdin = _jsonl({"id": "a", "text": STORIES[0]}, {"id": "b", "text": STORIES[1]}, {"id": "c"})
    summary = ingest(["-"], store, stdin=stdin, progress=lambda ev, n: events.append((ev, n)))
    assert (summary.seen, summary.added, summary.unchanged, summary.skipped) == (3, 2, 0, 1)
    assert not summary.ok
    assert [s.doc_id for s in store.skips] == ["c"] and store.skips[0].stage == "ingest"
    assert store.runs[summary.run_id]["counts"]["added"] == 2
    assert [n for _, n in events] == [1, 2, 3]
    assert sorted(ev for ev, _ in events) == ["added", "added", "skipped"]


def test_ingest_known_hash_is_unchanged_without_annotation(monkeypatch):
    from eventwatch.text.dedup import content_hash

    def boom(articles, **kw):
        for _ in articles:
            raise AssertionError("a stored article must not be annotated again")
        return iter(())

    monkeypatch.setattr(pipeline, "process_articles", boom)
    store = FakeStore(known=[content_hash(STORIES[0])])
    summary = ingest(["-"], store, stdin=_jsonl({"id": "a", "text": STORIES[0]}))
    assert (summary.added, summary.unchanged, summary.skipped) == (0, 1, 0)
    assert summary.ok


def test_ingest_store_error_on_one_document_is_a_skip(no_nlp):
    store = FakeStore(fail_on="b")
    stdin = _jsonl(*({"id": k, "text": t} for k, t in zip("abc", STORIES)))
    summary = ingest(["-"], store, stdin=stdin)
    assert (summary.added, summary.skipped) == (2, 1)
    [sk] = summary.skips
    assert sk.doc_id == "b" and sk.stage == "store" and "database is locked" in sk.reason


def test_ingest_annotation_crash_skips_only_the_bad_document(monkeypatch):
    def fragile(articles, **kw):
        for art in articles:
            if "Nairobi" in art.text:
                raise ValueError("E088: text too long")
            yield Extraction(article=art)

    monkeypatch.setattr(pipeline, "process_articles", fragile)
    store = FakeStore()
    stdin = _jsonl(*({"id": k, "text": t} for k, t in zip("abc", STORIES)))
    summary = ingest(["-"], store, stdin=stdin)
    assert sorted(e.article.id for e in store.added) == ["a", "c"]
    [sk] = summary.skips
    assert sk.doc_id == "b" and sk.stage == "annotate" and "E088" in sk.reason


def test_ingest_finishes_run_when_interrupted(monkeypatch):
    def interrupted(articles, **kw):
        for art in articles:
            yield Extraction(article=art)
            raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "process_articles", interrupted)
    store = FakeStore()
    stdin = _jsonl(*({"id": k, "text": t} for k, t in zip("abc", STORIES)))
    with pytest.raises(KeyboardInterrupt):
        ingest(["-"], store, stdin=stdin)
    [run] = store.runs.values()
    assert run["counts"]["added"] == 1


@pytest.mark.parametrize("content,reason", [
    (b"", "empty"),
    (b"\x00\x01\x02binary\x00" * 50, "binary"),
])
def test_ingest_bad_file_is_a_skip_with_reason(no_nlp, tmp_path, content, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    store = FakeStore()
    summary = ingest([str(p)], store)
    [sk] = store.skips
    assert reason in sk.reason and sk.source == str(p)
    assert summary.skipped == 1 and summary.added == 0


def test_ingest_end_to_end_idempotent(db_url, tmp_path):
    from eventwatch.store import Store

    d = tmp_path / "docs"
    d.mkdir()
    for n, text in enumerate(STORIES[:2]):
        (d / f"s{n}.txt").write_text(text)
    with Store(db_url) as store:
        first = ingest([str(d)], store, published="2024-05-06")
        second = ingest([str(d)], store, published="2024-05-06")
        stats = store.stats()
    assert (first.added, first.unchanged, first.skipped) == (2, 0, 0)
    assert first.events >= 1
    assert (second.added, second.unchanged, second.skipped) == (0, 2, 0)
    assert stats["articles"] == 2
