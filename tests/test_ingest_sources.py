import gzip
import io
import json

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwatch.ingest import iter_raw
from eventwatch.models import RawDoc, Skip

STORY = ("Police in the capital detained twelve activists on Tuesday after a march against "
         "the new security law, according to witnesses.\n\nSign up for breaking news alerts by email!\n")
PAGE = ("<html><head><title>Activists detained</title></head><body><article><h1>Activists detained</h1>"
        "<p>Police in the capital detained twelve activists on Tuesday after a march against the new "
        "security law, according to witnesses who spoke to reporters near the square.</p>"
        "<p>The interior ministry said the detainees had violated a ban on public gatherings and would "
        "appear before a judge later this week.</p></article></body></html>")


def docs(items):
    return [x for x in items if isinstance(x, RawDoc)]


def skips(items):
    return [x for x in items if isinstance(x, Skip)]


@pytest.mark.parametrize("name", ["story.txt", "story.text", "story.md"])
def test_ingest_text_file_content_unchanged(tmp_path, name):
    p = tmp_path / name
    p.write_bytes(STORY.encode("utf-8"))
    [doc] = list(iter_raw([str(p)]))
    assert doc.kind == "text" and doc.content == STORY
    assert doc.id == str(p) and doc.source == str(p)


@pytest.mark.parametrize("raw,expected", [
    (b"\xef\xbb\xbfCaf\xc3\xa9 owners protested the new tax.", "Café owners protested the new tax."),
    ("Caf\u00e9 owners \u201cprotested\u201d the new tax \u2013 again, said the union.".encode("cp1252"),
     "Café owners \u201cprotested\u201d the new tax \u2013 again, said the union."),
])
def test_ingest_text_file_decodes_bom_and_cp1252(tmp_path, raw, expected):
    p = tmp_path / "a.txt"
    p.write_bytes(raw)
    [doc] = list(iter_raw([str(p)]))
    assert doc.content == expected


def test_ingest_html_file_is_bytes(tmp_path):
    p = tmp_path / "page.html"
    p.write_bytes(PAGE.encode("utf-8"))
    [doc] = list(iter_raw([str(p)]))
    assert doc.kind == "html" and doc.content == PAGE.encode("utf-8")


def test_ingest_jsonl_broken_line_is_one_skip(tmp_path):
    p = tmp_path / "docs.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "d1", "text": STORY, "publication_date": "2024-02-01", "url": "https://ex.org/1",
                    "title": "T1"}),
        '{"id": "d2", "text": "unterminated',
        json.dumps({"html": PAGE}),
        "",
        json.dumps({"id": "d4"}),
        json.dumps([1, 2]),
    ]), "utf-8")
    out = list(iter_raw([str(p)]))
    d = docs(out)
    assert [x.id for x in d] == ["d1", f"{p}:3"]
    assert d[0].content == STORY and d[0].publication_date == "2024-02-01" and d[0].title == "T1"
    assert d[1].kind == "html" and d[1].content == PAGE.encode("utf-8")
    s = skips(out)
    assert [x.source for x in s] == [f"{p}:2", f"{p}:5", f"{p}:6"]
    assert "invalid JSON" in s[0].reason and s[1].doc_id == "d4"


@pytest.mark.parametrize("payload,ids", [
    ([{"id": "a", "text": "First story text."}, {"id": "b", "text": "Second story text."}], ["a", "b"]),
    ({"id": "only", "text": "One story text."}, ["only"]),
])
def test_ingest_json_file_array_or_object(tmp_path, payload, ids):
    p = tmp_path / "docs.json"
    p.write_text(json.dumps(payload), "utf-8")
    assert [d.id for d in docs(iter_raw([str(p)]))] == ids


def test_ingest_stdin_jsonl(tmp_path):
    stream = io.BytesIO(b'{"id": "s1", "text": "Text one."}\nnot json\n{"text": "Text three."}\n')
    out = list(iter_raw(["-"], stdin=stream))
    assert [(type(x).__name__, x.source) for x in out] == [
        ("RawDoc", "stdin:1"), ("Skip", "stdin:2"), ("RawDoc", "stdin:3")]
    assert out[0].id == "s1" and out[2].id == "stdin:3"


def test_ingest_directory_recursive_sorted_hidden_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden dir", "utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden file", "utf-8")
    (tmp_path / "b" / "two.txt").write_text("Second document.", "utf-8")
    (tmp_path / "a.txt").write_text("First document.", "utf-8")
    (tmp_path / "c.html").write_text(PAGE, "utf-8")
    (tmp_path / "data.csv").write_text("a,b\n1,2\n", "utf-8")
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02binary")
    out = list(iter_raw([str(tmp_path)]))
    assert [d.source for d in docs(out)] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.txt"),
                                             str(tmp_path / "c.html")]
    reasons = {s.source.rsplit("/", 1)[1]: s.reason for s in skips(out)}
    assert set(reasons) == {"data.csv", "blob.bin"}
    assert "unknown file type" in reasons["data.csv"]


@pytest.mark.parametrize("content,reason", [
    (b"", "empty file"),
    (b"   \n\t\n", "empty"),
    (b"PK\x03\x04\x00\x00\x00binary zip-like content", "binary"),
    (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 20, "binary"),
])
def test_ingest_bad_text_file_is_skip(tmp_path, content, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    [s] = list(iter_raw([str(p)]))
    assert isinstance(s, Skip) and reason in s.reason and s.stage == "ingest"


def test_ingest_missing_path_is_skip_and_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("A document.", "utf-8")
    out = list(iter_raw([str(tmp_path / "missing.txt"), str(good)]))
    assert isinstance(out[0], Skip) and "no such file" in out[0].reason
    assert isinstance(out[1], RawDoc)


def test_ingest_too_large_file_is_skip(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWATCH_MAX_DOCUMENT_BYTES", "100")
    p = tmp_path / "big.txt"
    p.write_text("x" * 101, "utf-8")
    [s] = list(iter_raw([str(p)]))
    assert isinstance(s, Skip) and s.reason == "too large: 101 bytes > limit 100"


def test_ingest_too_large_jsonl_line_is_skip(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWATCH_MAX_DOCUMENT_BYTES", "200")
    p = tmp_path / "d.jsonl"
    p.write_text(json.dumps({"id": "big", "text": "y" * 300}) + "\n" + json.dumps({"id": "ok", "text": "z"}) + "\n")
    out = list(iter_raw([str(p)]))
    assert isinstance(out[0], Skip) and out[0].reason.startswith("too large:")
    assert out[1].id == "ok"


@pytest.mark.parametrize("record_date,published,expected", [
    (None, "2024-05-01", "2024-05-01"),
    ("2023-01-02", "2024-05-01", "2023-01-02"),
    (None, None, None),
])
def test_ingest_published_fills_only_missing_dates(record_date, published, expected):
    rec = {"id": "x", "text": "Some text."}
    if record_date:
        rec["publication_date"] = record_date
    [doc] = list(iter_raw(["-"], published=published, stdin=io.BytesIO(json.dumps(rec).encode())))
    assert doc.publication_date == expected


def test_ingest_published_for_html_is_a_default_only(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(PAGE, "utf-8")
    [doc] = list(iter_raw([str(p)], published="2024-05-01"))
    assert doc.publication_date is None and doc.published_default == "2024-05-01"


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Wire</title><link>https://ex.org/</link><description>News</description>
<item><title>Activists detained</title><link>https://ex.org/a</link><guid>ex-a</guid>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>Police in the capital detained twelve activists on Tuesday.</p>]]></content:encoded></item>
<item><title>Teaser only</title><description>Short teaser.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:x</id><updated>2024-03-06T00:00:00Z</updated>
<entry><title>Court jails editor</title><id>urn:e1</id><link href="https://ex.org/e1"/>
<published>2024-03-06T08:00:00Z</published><updated>2024-03-06T08:00:00Z</updated>
<content type="html">&lt;p&gt;A court sentenced the newspaper editor to three years in prison.&lt;/p&gt;</content></entry>
</feed>"""


@pytest.mark.parametrize("name,text,expected", [
    ("feed.rss", RSS, [("ex-a", "https://ex.org/a", "Activists detained", "2024-03-05")]),
    ("feed.xml", RSS, [("ex-a", "https://ex.org/a", "Activists detained", "2024-03-05")]),
    ("feed.atom", ATOM, [("urn:e1", "https://ex.org/e1", "Court jails editor", "2024-03-06")]),
])
def test_ingest_feed_file_entries(tmp_path, name, text, expected):
    p = tmp_path / name
    p.write_text(text, "utf-8")
    out = list(iter_raw([str(p)]))
    got = [(d.id, d.url, d.title, d.publication_date) for d in docs(out)]
    assert got == expected
    assert all(d.kind == "html" and b"<p>" in d.content for d in docs(out))
    if name != "feed.atom":
        [s] = skips(out)
        assert "no content and no link" in s.reason


def test_ingest_xml_that_is_not_a_feed_is_skip(tmp_path):
    p = tmp_path / "data.xml"
    p.write_text("<?xml version='1.0'?><catalog><book>x</book></catalog>", "utf-8")
    [s] = list(iter_raw([str(p)]))
    assert isinstance(s, Skip) and "not an RSS or Atom feed" in s.reason


def _warc_bytes(pages, gz):
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for uri, ctype, body in pages:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http)
        writer.write_record(rec)
    return buf.getvalue()


PAGES = [
    ("https://ex.org/1", "text/html; charset=utf-8", PAGE.encode("utf-8")),
    ("https://ex.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n0000"),
    ("https://ex.org/2", "text/html", PAGE.replace("twelve", "twenty").encode("utf-8")),
]


@pytest.mark.parametrize("name,gz", [("crawl.warc", False), ("crawl.warc.gz", True), ("crawl.bin", True)])
def test_ingest_warc_html_responses(tmp_path, name, gz):
    p = tmp_path / name
    p.write_bytes(_warc_bytes(PAGES, gz))
    out = list(iter_raw([str(p)]))
    d = docs(out)
    assert [x.url for x in d] == ["https://ex.org/1", "https://ex.org/2"]
    assert all(x.kind == "html" and x.id.startswith("<urn:uuid:") for x in d)
    assert d[0].source == f"{p}#warc-record-1" and d[1].source == f"{p}#warc-record-3"
    assert not skips(out)


@pytest.mark.parametrize("name,gz", [("cut.warc.gz", True), ("cut.warc", False)])
def test_ingest_truncated_warc_yields_read_records_then_skip(tmp_path, name, gz):
    data = _warc_bytes(PAGES, gz)
    p = tmp_path / name
    p.write_bytes(data[: len(data) - 40])
    out = list(iter_raw([str(p)]))
    assert [x.url for x in docs(out)] == ["https://ex.org/1"]
    assert isinstance(out[-1], Skip) and "truncated" in out[-1].reason


def _arc_bytes():
    body = PAGE.encode("utf-8")
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body) + body
    desc = b"1 0 Example\nURL IP-address Archive-date Content-type Archive-length\n"
    return (b"filedesc://t.arc 0.0.0.0 20240101000000 text/plain %d\n" % len(desc) + desc + b"\n"
            + b"http://ex.org/arc 93.184.216.34 20240102030405 text/html %d\n" % len(http) + http + b"\n")


@pytest.mark.parametrize("name,gz", [("old.arc", False), ("old.arc.gz", True)])
def test_ingest_arc_file(tmp_path, name, gz):
    p = tmp_path / name
    data = _arc_bytes()
    # Real .arc.gz files hold one gzip member per record; one member for all must work too.
    p.write_bytes(gzip.compress(data) if gz else data)
    [doc] = list(iter_raw([str(p)]))
    assert doc.url == "http://ex.org/arc" and doc.kind == "html"
    assert doc.id == "http://ex.org/arc 2024-01-02T03:04:05Z"
    [again] = list(iter_raw([str(p)]))
    assert again.id == doc.id


def test_ingest_gzip_that_is_not_an_archive_is_skip(tmp_path):
    p = tmp_path / "notes.gz"
    p.write_bytes(gzip.compress(b"just some notes"))
    [s] = list(iter_raw([str(p)]))
    assert isinstance(s, Skip) and "not a WARC/ARC" in s.reason


def test_ingest_warc_record_over_limit_is_skip(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWATCH_MAX_DOCUMENT_BYTES", "300")
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(_warc_bytes([("https://ex.org/big", "text/html", PAGE.encode() * 2),
                               ("https://ex.org/small", "text/html", b"<p>small page</p>")], True))
    out = list(iter_raw([str(p)]))
    assert isinstance(out[0], Skip) and out[0].reason.startswith("too large:")
    assert out[1].url == "https://ex.org/small"


def test_ingest_internal_error_on_one_source_is_skip(tmp_path, monkeypatch):
    from eventwatch.ingest import files

    def boom(*a, **k):
        raise RuntimeError("bug")

    good = tmp_path / "good.txt"
    good.write_text("A document.", "utf-8")
    monkeypatch.setattr(files, "iter_file", boom)
    out = list(iter_raw([str(good), "-"], stdin=io.BytesIO(b'{"text": "from stdin"}\n')))
    assert isinstance(out[0], Skip) and "internal error" in out[0].reason
    assert isinstance(out[1], RawDoc) and out[1].content == "from stdin"


def test_ingest_then_text_stage_end_to_end(tmp_path):
    from eventwatch.text import to_article

    (tmp_path / "a.txt").write_text(STORY, "utf-8")
    (tmp_path / "b.html").write_text(PAGE, "utf-8")
    arts = [to_article(d) for d in iter_raw([str(tmp_path)], published="2024-01-02")]
    assert [a.publication_date for a in arts] == ["2024-01-02", "2024-01-02"]
    assert arts[0].text == STORY and arts[0].boilerplate
    assert arts[1].title == "Activists detained" and "twelve activists" in arts[1].text


@pytest.mark.parametrize("content,kind,n", [
    (PAGE.encode(), "html", 1),
    (b'{"id": "a", "text": "one"}\n{"id": "b", "text": "two"}\n', "text", 2),
    (b"Just a plain story without an extension.", "text", 1),
    (RSS.encode(), "html", 1),
])
def test_ingest_unknown_extension_sniffed(tmp_path, content, kind, n):
    p = tmp_path / "download"
    p.write_bytes(content)
    d = docs(iter_raw([str(p)]))
    assert len(d) == n and all(x.kind == kind for x in d)


def test_ingest_unknown_binary_extension_is_skip(tmp_path):
    p = tmp_path / "photo.jpg"
    p.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    [s] = list(iter_raw([str(p)]))
    assert isinstance(s, Skip) and "not recognised" in s.reason


@pytest.mark.parametrize("rec,kind,content", [
    ({"id": 1, "text": "Plain."}, "text", "Plain."),
    ({"id": 2, "text": "", "html": "<p>Page.</p>"}, "html", b"<p>Page.</p>"),
    ({"id": 3, "text": "Both.", "html": "<p>Page.</p>"}, "text", "Both."),
    ({"id": 4, "text": ""}, "text", ""),
])
def test_ingest_record_text_or_html(rec, kind, content):
    [doc] = list(iter_raw(["-"], stdin=io.BytesIO(json.dumps(rec).encode())))
    assert doc.id == str(rec["id"]) and doc.kind == kind and doc.content == content


def test_ingest_warc_header_charset_applied(tmp_path):
    body = "<html><body><p>Caf\u00e9 owners\u2019 strike</p></body></html>".encode("cp1252")
    p = tmp_path / "c.warc"
    p.write_bytes(_warc_bytes([("https://ex.org/c", "text/html; charset=windows-1252", body)], False))
    [doc] = list(iter_raw([str(p)]))
    assert "Caf\u00e9 owners\u2019 strike" in doc.content.decode("utf-8")
