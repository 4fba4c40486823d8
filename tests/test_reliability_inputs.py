"""Hostile and clumsy input (issue "Reliability and security", findings 1, 3, 5, 6, 7):
each case once failed (memory, hang, crash, silent loss) and is now a recorded skip or a warning."""
from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
import tracemalloc
import zlib
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwatch.errors import DocumentError, EventwatchError
from eventwatch.ingest import iter_raw
from eventwatch.models import RawDoc, Skip

ROOT = Path(__file__).resolve().parent.parent
STORY = ("Police in Dhaka arrested twelve opposition activists on Monday, a rights group said. "
         "The interior ministry said the arrests were lawful.")
PAGE = f"<html><head><title>Arrests</title></head><body><article><p>{STORY}</p></article></body></html>".encode()


def _skips(out):
    return [x for x in out if isinstance(x, Skip)]


def _docs(out):
    return [x for x in out if isinstance(x, RawDoc)]


def _record(writer, uri, ctype, body):
    http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http))


def _warc(records, gz) -> bytes:
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for uri, ctype, body in records:
        _record(w, uri, ctype, body)
    return buf.getvalue()


def _ingest_traced(path: Path) -> tuple[list, int]:
    """What iter_raw yields for ``path``, and the peak of Python memory while it ran."""
    tracemalloc.start()
    try:
        out = list(iter_raw([str(path)]))
        return out, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _gzip_zeros(n: int) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    return c.compress(bytes(n)) + c.flush()


# -- 1. gzip bombs in archives: bounded memory, no payload in the reason -----------------------

BOMBS = {
    # the finding: a .warc.gz that is gzipped zeros (one endless "line" for warcio)
    "zeros.warc.gz": lambda: _gzip_zeros(8 << 20),
    # a real record first, then the bomb as a second gzip member
    "page-then-zeros.warc.gz": lambda: _warc([("https://ex.org/1", "text/html", PAGE)], True) + _gzip_zeros(8 << 20),
    # no extension: sniffed as gzip, then read as an archive
    "zeros-sniffed": lambda: gzip.compress(b"WARC/1.0\r\n" + bytes(8 << 20), 9),
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_reliability_warc_gzip_bomb_is_bounded_skip(tmp_path, monkeypatch, name):
    monkeypatch.setenv("EVENTWATCH_MAX_DOCUMENT_BYTES", "200000")
    p = tmp_path / name
    p.write_bytes(BOMBS[name]())
    out, peak = _ingest_traced(p)
    sk = _skips(out)
    assert sk, out
    reason = sk[-1].reason
    assert "\x00" not in reason and "\\x00" not in reason and len(reason) < 400, reason
    # the 8 MB of zeros never sit in memory at once (warcio alone held ~13x that)
    assert peak < 6 << 20, f"peak {peak} bytes"
    if name.startswith("page"):
        assert [d.url for d in _docs(out)] == ["https://ex.org/1"]


def test_reliability_warc_total_decompressed_bytes_bounded(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWATCH_MAX_ARCHIVE_BYTES", "20000")
    p = tmp_path / "many.warc.gz"
    p.write_bytes(_warc([(f"https://ex.org/{i}", "text/html", PAGE) for i in range(60)], True))
    out = list(iter_raw([str(p)]))
    assert 0 < len(_docs(out)) < 60
    assert "max_archive_bytes" in _skips(out)[-1].reason


def test_reliability_jsonl_overlong_line_is_skipped_unread(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWATCH_MAX_DOCUMENT_BYTES", "100000")
    p = tmp_path / "in.jsonl"
    with open(p, "wb") as fh:
        fh.write(b'{"id": "a", "text": "' + b"x" * (16 << 20) + b'"}\n')
        fh.write(json.dumps({"id": "b", "text": STORY}).encode() + b"\n")
    out, peak = _ingest_traced(p)
    assert [d.id for d in _docs(out)] == ["b"]
    assert "too large" in _skips(out)[0].reason
    assert peak < 4 << 20, f"peak {peak} bytes"  # the 16 MB line is never held


# -- 3. special files in a directory ---------------------------------------------------------

def _special(d: Path, kind: str) -> None:
    if kind == "fifo":
        os.mkfifo(d / "a-pipe.warc.gz")
    elif kind == "dev-zero":
        os.symlink("/dev/zero", d / "a-zero.warc")
    elif kind == "dev-null-html":
        os.symlink("/dev/null", d / "a-null.html")


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "dev-null-html"])
def test_reliability_directory_reads_only_regular_files(tmp_path, kind):
    d = tmp_path / "docs"
    d.mkdir()
    _special(d, kind)
    (d / "b-story.txt").write_text(STORY)
    # A child process, so that a regression hangs (and fails) there, not the test run.
    code = ("import json,sys; from eventwatch.ingest import iter_raw; from eventwatch.models import Skip\n"
            "for x in iter_raw([sys.argv[1]]):\n"
            "    print(json.dumps(['skip', x.source, x.reason] if isinstance(x, Skip) else ['doc', x.source]))\n")
    try:
        r = subprocess.run([sys.executable, "-c", code, str(d)], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail(f"ingest of a directory with a {kind} hung")
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows[-1] == ["doc", str(d / "b-story.txt")], r.stderr[-400:]
    assert rows[0][0] == "skip" and "not a regular file" in rows[0][2]


# -- 5. dates that fall off the calendar; lone surrogates ------------------------------------

@pytest.mark.parametrize("expression,published", [
    ("yesterday", "0001-01-01"), ("tomorrow", "9999-12-31"), ("last week", "0001-01-01"),
    ("next month", "9999-12-31"), ("99999999 days ago", "2020-01-01"), ("999999999 weeks later", "2020-01-01"),
])
def test_reliability_date_normalize_never_overflows(expression, published):
    from eventwatch.annotate.dates import normalize

    value, _precision = normalize(expression, published)
    assert value is None or isinstance(value, str)


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", "0001", "9999-12"])
def test_reliability_bad_publication_date_is_a_warning(published):
    from eventwatch.text.extract import to_article

    art = to_article(RawDoc(id="x", content="Police arrested twelve activists yesterday. More march tomorrow.",
                            kind="text", source="t", publication_date=published))
    assert art.publication_date is None
    assert any(published in w for w in art.warnings)


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_reliability_bad_publication_date_api_and_batch_go_on(published):
    import eventwatch
    from eventwatch.pipeline import process

    rec = eventwatch.extract("Police arrested twelve activists yesterday; they march again tomorrow.",
                             published=published)
    assert rec["publication_date"] is None and any(published in w for w in rec["warnings"])
    raws = [RawDoc(id=i, content=f"Soldiers in Kampala detained {n} journalists yesterday.", kind="text",
                   source=i, publication_date=p)
            for i, n, p in (("g1", 12, "2021-03-02"), ("bad", 3, published), ("g2", 30, "2021-03-02"))]
    out = list(process(raws))
    assert [r.article.id for r in out] == ["g1", "bad", "g2"]


SURROGATE_LINES = [
    b'{"id": "s1", "text": "Police arrested \\ud800 twelve activists."}',
    b'{"id": "s2", "html": "<p>Police \\udfff arrested activists.</p>"}',
    b'{"id": "s3", "text": "Police arrested twelve activists.", "title": "x\\ud83d"}',
]


@pytest.mark.parametrize("line", SURROGATE_LINES)
def test_reliability_jsonl_lone_surrogate_is_a_skip(line):
    good = json.dumps({"id": "ok", "text": STORY}).encode()
    out = list(iter_raw(["-"], stdin=io.BytesIO(line + b"\n" + good + b"\n")))
    assert [d.id for d in _docs(out)] == ["ok"]
    (sk,) = _skips(out)
    assert "surrogate" in sk.reason and "internal error" not in sk.reason


def test_reliability_api_lone_surrogate_raises_document_error():
    import eventwatch

    with pytest.raises(DocumentError, match="surrogate") as err:
        eventwatch.extract("Police arrested \ud800 twelve activists.")
    assert "internal error" not in str(err.value)


# -- 6. a cut archive never ends in a silent "0 documents" -----------------------------------

IMAGE = bytes(range(256)) * 400  # ~100 KB, not a page


@pytest.mark.parametrize("gz", [True, False])
@pytest.mark.parametrize("where", [0.5, 0.9])
def test_reliability_warc_cut_inside_non_html_record_is_a_skip(tmp_path, gz, where):
    page = _warc([("https://ex.org/1", "text/html", PAGE)], gz)
    data = page + _warc([("https://ex.org/logo.png", "image/png", IMAGE)], gz)
    cut = len(page) + int((len(data) - len(page)) * where)
    p = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    p.write_bytes(data[:cut])
    out = list(iter_raw([str(p)]))
    assert [d.url for d in _docs(out)] == ["https://ex.org/1"]
    assert isinstance(out[-1], Skip) and "truncated" in out[-1].reason


@pytest.mark.parametrize("cut", [20, 40, 60])
def test_reliability_warc_gz_cut_in_first_header_is_a_skip(tmp_path, cut):
    """warcio takes the EOFError of a cut gzip stream for a normal end; the reader remembers it."""
    p = tmp_path / "head.warc.gz"
    p.write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n<html>")[:cut])
    out = list(iter_raw([str(p)]))
    assert len(out) == 1 and isinstance(out[0], Skip) and "truncated" in out[0].reason


def test_reliability_warc_cut_archive_exits_1(tmp_path):
    from typer.testing import CliRunner

    from eventwatch.cli.main import app

    data = _warc([("https://ex.org/logo.png", "image/png", IMAGE)], True)
    p = tmp_path / "cut.warc.gz"
    p.write_bytes(data[: len(data) // 2])
    r = CliRunner().invoke(app, ["ingest", str(p), "--db", f"sqlite:///{tmp_path / 'ew.db'}", "--json"])
    assert r.exit_code == 1, r.output
    summary = json.loads(r.stdout)
    assert summary["skipped"] == 1 and "truncated" in summary["skips"][0]["reason"]


# -- 7. NUL, bidi controls, read-only databases ----------------------------------------------

BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]


@pytest.mark.parametrize("bad", ["\x00", *BIDI])
@pytest.mark.parametrize("where", ["start", "after-8k"])
def test_reliability_nul_and_bidi_never_stored(bad, where):
    from eventwatch.errors import TextError
    from eventwatch.text.extract import to_article

    filler = "The council met again. " * 400 if where == "after-8k" else ""
    text = filler + f"The ministry{bad} said police arrested twelve activists in Dhaka{bad} on Monday."
    raw = RawDoc(id="x", content=text, kind="text", source="t", publication_date="2024-05-06")
    if bad == "\x00" and where == "start":
        with pytest.raises(TextError, match="binary"):  # a NUL in the first 8 KB: binary, as before
            to_article(raw)
        return
    art = to_article(raw)
    assert bad not in art.text and len(art.text) == len(text)
    assert any("replaced" in w for w in art.warnings)


@pytest.mark.parametrize("bad", ["\x00", "\u202e", "\u2069"])
def test_reliability_bidi_never_in_names_offsets_hold(annotated, bad):
    filler = "The council met again. " * 400  # past the first 8 KB, where a NUL is not "binary"
    ann = annotated(filler + f'"We will not be silenced," said the ministry{bad} of the interior in Dhaka{bad} '
                    f"on Monday. Police{bad} arrested Mirza Alam{bad} later.")
    text = ann.article.text
    names = [n for e in ann.entities for n in (e.text, e.name)]
    names += [n for q in ann.quotes if q.speaker for n in (q.speaker.text, q.speaker.name)]
    assert ann.entities and all(bad not in (n or "") for n in names)
    for t in ann.tokens:
        assert text[t.start:t.end] == t.text


@pytest.mark.parametrize("bad", ["\u202e", "\u2066", "\x1b[31m", "\x07"])
def test_reliability_terminal_table_escapes_controls(bad, capsys):
    import pandas as pd

    from eventwatch.cli.common import Format, write_frame

    write_frame(pd.DataFrame([{"title": f"evil{bad}name", "n_events": 1}]), Format.table)
    out = capsys.readouterr().out
    assert bad not in out and "evil" in out


@pytest.fixture
def stored_db(tmp_path):
    from typer.testing import CliRunner

    from eventwatch.cli.main import app

    db = tmp_path / "ro.db"
    r = CliRunner().invoke(app, ["ingest", "-", "--db", f"sqlite:///{db}"],
                           input=json.dumps({"id": "a", "text": STORY, "publication_date": "2024-05-06"}) + "\n")
    assert r.exit_code == 0, r.output
    return db


def _immutable(db: Path, on: bool) -> bool:
    r = subprocess.run(["chattr", "+i" if on else "-i", str(db)], capture_output=True)
    return r.returncode == 0


@pytest.mark.parametrize("how", ["mode-ro-url", "immutable-file"])
def test_reliability_read_only_database_still_reads(stored_db, how):
    from typer.testing import CliRunner

    from eventwatch.cli.main import app

    url = f"sqlite:///{stored_db}"
    if how == "mode-ro-url":
        url = f"sqlite:///file:{stored_db}?mode=ro&uri=true"
    elif os.access(stored_db, os.W_OK) and not _immutable(stored_db, True):
        pytest.skip("chattr +i is not available here: cannot make the file read-only for this user")
    try:
        r = CliRunner().invoke(app, ["articles", "--db", url, "--format", "jsonl"])
        assert r.exit_code == 0, r.output
        assert [json.loads(line)["id"] for line in r.stdout.splitlines()] == ["a"]
        w = CliRunner().invoke(app, ["ingest", "-", "--db", url], input=json.dumps({"text": STORY + " Again."}) + "\n")
        assert w.exit_code == 2 and "read-only" in w.output
    finally:
        if how == "immutable-file":
            _immutable(stored_db, False)


def test_reliability_read_only_old_schema_clear_error(stored_db):
    import sqlite3

    from typer.testing import CliRunner

    from eventwatch.cli.main import app

    con = sqlite3.connect(stored_db)
    con.execute("UPDATE alembic_version SET version_num = '0001'")
    con.commit()
    con.close()
    r = CliRunner().invoke(app, ["articles", "--db", f"sqlite:///file:{stored_db}?mode=ro&uri=true"])
    assert r.exit_code == 2 and "read-only" in r.output and "0001" in r.output


def test_reliability_limits_error_is_eventwatch_error():
    from eventwatch.errors import DocumentTimeout, InputLimitError

    assert issubclass(InputLimitError, EventwatchError) and issubclass(DocumentTimeout, EventwatchError)
