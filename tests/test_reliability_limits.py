"""Time and size bounds (issue "Reliability and security", findings 2 and 4; part "time per document"):
a trickling server, a slow document in a stage, a text longer than spaCy takes."""
from __future__ import annotations

import socket
import threading
import time

import pytest

from eventwatch.errors import DocumentTimeout
from eventwatch.ingest import iter_raw
from eventwatch.models import Article, RawDoc, Skip

BODY = (b"<html><head><title>Editor jailed</title></head><body><article><p>A court sentenced the editor "
        b"to three years in prison on Monday, his lawyer said.</p></article></body></html>")


def _trickle(conn: socket.socket, where: str, stop: threading.Event) -> None:
    """Answer one request, sending the headers (or the body) one byte every 0.1 s."""
    try:
        conn.recv(65536)
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n" % len(BODY)
        slow, fast = (head + b"X-Pad: " + b"a" * 60 + b"\r\n\r\n", BODY) if where == "headers" else (b"", BODY)
        if where == "body":
            conn.sendall(head + b"\r\n")
            slow, fast = BODY, b""
        for i in range(len(slow)):
            if stop.is_set():
                return
            conn.sendall(slow[i:i + 1])
            time.sleep(0.1)
        conn.sendall(fast)
    except OSError:  # the client gave up: what the test wants
        pass
    finally:
        conn.close()


@pytest.fixture
def trickle_server():
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(4)
    srv.settimeout(0.2)
    stop = threading.Event()
    where = {"mode": "body"}

    def serve():
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except OSError:
                continue
            threading.Thread(target=_trickle, args=(conn, where["mode"], stop), daemon=True).start()

    t = threading.Thread(target=serve, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{srv.getsockname()[1]}/page", where
    finally:
        stop.set()
        t.join(2)
        srv.close()


@pytest.mark.parametrize("where", ["body", "headers"])
def test_reliability_fetch_deadline_cuts_a_trickle(trickle_server, monkeypatch, where):
    url, mode = trickle_server
    mode["mode"] = where
    # each byte comes well within fetch_timeout; only the overall deadline can end it
    monkeypatch.setenv("EVENTWATCH_FETCH_TIMEOUT", "5")
    monkeypatch.setenv("EVENTWATCH_FETCH_DEADLINE", "1")
    out = list(iter_raw([url], allow_private=True))
    assert len(out) == 1 and isinstance(out[0], Skip), out
    assert "fetch_deadline" in out[0].reason


def test_reliability_fetch_deadline_off_thread_checks_between_chunks(trickle_server, monkeypatch):
    """Off the main thread there is no alarm; the body loop still stops at the deadline."""
    url, mode = trickle_server
    mode["mode"] = "body"
    monkeypatch.setenv("EVENTWATCH_FETCH_TIMEOUT", "5")
    monkeypatch.setenv("EVENTWATCH_FETCH_DEADLINE", "1")
    got = []
    t = threading.Thread(target=lambda: got.extend(iter_raw([url], allow_private=True)))
    t.start()
    t.join(60)
    assert not t.is_alive() and isinstance(got[0], Skip) and "fetch_deadline" in got[0].reason


# -- doc_timeout: a document stuck in a stage is skipped, the batch goes on ------------------

def _sleepy_nlp():
    """A blank English pipeline whose one component sleeps on documents that say SLOW."""
    import spacy
    from spacy.language import Language

    name = "ew_test_sleeper"
    if name not in Language.factories:
        @Language.component(name)
        def sleeper(doc):
            if "SLOW" in doc.text:
                time.sleep(30)
            return doc
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(name)
    return nlp


def _article(i: str, text: str) -> Article:
    return Article(id=i, text=text, source=f"src-{i}")


@pytest.mark.parametrize("batch_size", [1, 3, 8])
def test_reliability_doc_timeout_annotate_skips_only_the_slow_one(monkeypatch, batch_size):
    from eventwatch.annotate.pipeline import annotate_many

    monkeypatch.setenv("EVENTWATCH_DOC_TIMEOUT", "0.5")
    arts = [_article("a", "Police arrested twelve activists."), _article("slow", "SLOW document."),
            _article("b", "Soldiers detained three journalists.")]
    late = []
    got = list(annotate_many(arts, nlp=_sleepy_nlp(), batch_size=batch_size, n_process=1,
                             on_timeout=lambda art, exc: late.append((art.id, exc.stage, exc.reason))))
    assert [g.article.id for g in got] == ["a", "b"]
    assert late == [("slow", "annotate", "annotate stage took longer than 0.5 s (setting doc_timeout)")]


def test_reliability_doc_timeout_annotate_raises_without_handler(monkeypatch):
    from eventwatch.annotate.pipeline import annotate_many

    monkeypatch.setenv("EVENTWATCH_DOC_TIMEOUT", "0.5")
    with pytest.raises(DocumentTimeout) as err:
        list(annotate_many([_article("slow", "SLOW document.")], nlp=_sleepy_nlp(), n_process=1))
    assert err.value.doc_id == "slow" and err.value.stage == "annotate"


def _warm_up() -> None:
    """Load what the first document loads (language model, spaCy, event model) before the
    0.5 s limit, which only the deliberately slow document may run past."""
    from eventwatch.pipeline import process

    list(process([RawDoc(id="w", content="Police in Lima detained 30 farmers on Friday.", kind="text",
                         source="w", publication_date="2021-03-02")]))


@pytest.mark.slow
def test_reliability_doc_timeout_text_stage(monkeypatch):
    from eventwatch.text import extract

    real = extract.find_boilerplate

    def slow_boilerplate(text):
        if "SLOW" in text:
            time.sleep(30)
        return real(text)

    monkeypatch.setattr(extract, "find_boilerplate", slow_boilerplate)
    _warm_up()
    monkeypatch.setenv("EVENTWATCH_DOC_TIMEOUT", "0.5")
    with pytest.raises(DocumentTimeout) as err:
        extract.to_article(RawDoc(id="s", content="A SLOW text about arrests.", kind="text", source="s"))
    assert err.value.stage == "text" and "doc_timeout" in err.value.reason
    assert extract.to_article(RawDoc(id="f", content="A quick text about arrests.", kind="text", source="f")).text


@pytest.mark.slow
def test_reliability_doc_timeout_ingest_records_skip_and_goes_on(monkeypatch, tmp_path):
    """The runner end to end: the slow document is a stored skip, the others are stored."""
    import io
    import json

    from eventwatch import runner
    from eventwatch.store import Store
    from eventwatch.text import extract

    real = extract.find_boilerplate
    monkeypatch.setattr(extract, "find_boilerplate",
                        lambda text: (time.sleep(30) if "SLOW" in text else None) or real(text))
    _warm_up()
    monkeypatch.setenv("EVENTWATCH_DOC_TIMEOUT", "0.5")
    lines = [{"id": "a", "text": "Police in Lima detained 30 farmers on Friday.", "publication_date": "2021-03-02"},
             {"id": "slow", "text": "A SLOW text.", "publication_date": "2021-03-02"},
             {"id": "b", "text": "Soldiers in Kampala detained 12 journalists on Tuesday.", "publication_date": "2021-03-02"}]
    stdin = io.BytesIO("".join(json.dumps(r) + "\n" for r in lines).encode())
    with Store(f"sqlite:///{tmp_path / 'ew.db'}") as store:
        summary = runner.ingest(["-"], store, stdin=stdin)
        assert summary.added == 2 and summary.skipped == 1
        assert summary.skips[0].doc_id == "slow" and "doc_timeout" in summary.skips[0].reason
        assert sorted(store.articles()["id"]) == ["a", "b"]


@pytest.mark.parametrize("seconds", [0.3, 2.0])
def test_reliability_time_limit_nests_inner_never_extends_outer(seconds):
    from eventwatch.limits import time_limit

    with pytest.raises(DocumentTimeout, match="outer"):
        with time_limit(0.3, lambda: DocumentTimeout("outer")):
            with time_limit(seconds, lambda: DocumentTimeout("inner")):
                time.sleep(0.1)
            time.sleep(5)


# -- finding 4: a text longer than spaCy's max_length is cut, with a warning -----------------

@pytest.fixture
def small_spacy_limit():
    from eventwatch.annotate import nlp as nlp_mod

    nlp = nlp_mod.load()
    old = nlp.max_length
    nlp.max_length = 5000  # stands for spaCy's 1,000,000 (E088) at a test's size
    try:
        yield nlp
    finally:
        nlp.max_length = old


@pytest.mark.parametrize("limit,cut", [(None, False), ("3000", True)])
def test_reliability_long_text_is_cut_not_skipped(small_spacy_limit, monkeypatch, limit, cut):
    from eventwatch.annotate.pipeline import annotate
    from eventwatch.text.extract import to_article

    if limit:
        monkeypatch.setenv("EVENTWATCH_MAX_TEXT_CHARS", limit)
    text = "Police in Dhaka arrested twelve activists on Monday, a rights group said. " * 160  # 12,000 chars
    ann = annotate(to_article(RawDoc(id="long", content=text, kind="text", source="t",
                                     publication_date="2024-05-06")), nlp=small_spacy_limit)
    end = max(t.end for t in ann.tokens)
    assert all(text[t.start:t.end] == t.text for t in ann.tokens)
    if cut:
        assert end <= 3000 and any("only its start" in w for w in ann.warnings)
    else:
        assert end > 11000 and not any("only its start" in w for w in ann.warnings)
