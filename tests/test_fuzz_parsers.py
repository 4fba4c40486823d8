"""Property tests (hypothesis) of every parser of outside input: HTML/text extraction, JSON Lines,
WARC, feeds, dates, quotes, the YAML codebook loaders.

Properties: only ``RawDoc``/``Skip``/results or a deliberate ``EventwatchError`` come out (no
other exception), nothing hangs (each example runs under an alarm), every offset lies inside the
text and ``text[start:end]`` is each span's text. The ``short`` runs are part of the normal
suite; the ``long`` runs (marker ``fuzz``) are run by ``.ci/run`` with ``pytest -m fuzz``.
"""
from __future__ import annotations

import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwatch.errors import DocumentError, EventwatchError
from eventwatch.models import RawDoc, Skip

RUNS = [pytest.param(15, id="short"), pytest.param(400, id="long", marks=pytest.mark.fuzz)]
NLP_RUNS = [pytest.param(6, id="short"), pytest.param(120, id="long", marks=pytest.mark.fuzz)]
HANG_S = 30  # far above any one example: an example this slow is a hang


def run(prop, strategy, n: int) -> None:
    settings(max_examples=n, deadline=None, database=None, derandomize=False,
             suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                    HealthCheck.filter_too_much])(given(strategy)(prop))()


class Hang(Exception):
    pass


def no_hang():
    """The project's own alarm, with an error no parser catches as a document error."""
    from eventwatch.limits import time_limit

    return time_limit(HANG_S, lambda: Hang(f"one example ran longer than {HANG_S} s"))


# -- strategies -------------------------------------------------------------------------------

WORDS = ["police", "arrested", "Dhaka", "said", "the", "minister", "\u202e", "\x00", "on", "Monday",
         "yesterday", "\u201c", "\u201d", '"', "'", "\n\n", "<", ">", "&amp;", "\ud800", "\u2069", "—", "5,000"]
texty = st.one_of(st.text(max_size=300), st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join))
TAGS = ["p", "div", "article", "script", "style", "a", "h1", "title", "meta", "br", "table", "td", "!--", "![CDATA["]


@st.composite
def html_pages(draw):
    parts = []
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(st.sampled_from(TAGS))
        if draw(st.booleans()):
            parts.append(f"<{tag}>")
        parts.append(draw(texty))
        if draw(st.booleans()):
            parts.append(f"</{tag}>")
    page = "<html><head><title>" + draw(texty) + "</title></head><body>" + "".join(parts)
    raw = page.encode("utf-8", "surrogatepass")
    return draw(st.sampled_from([raw, raw[: draw(st.integers(0, len(raw)))], raw + draw(st.binary(max_size=50))]))


def _warc(records, gz) -> bytes:
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for i, (uri, ctype, body) in enumerate(records):
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        # fixed id and date: hypothesis needs the same bytes for the same draws
        fixed = {"WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{i:012d}>", "WARC-Date": "2024-05-06T00:00:00Z"}
        w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http,
                                            warc_headers_dict=fixed))
    return buf.getvalue()


@st.composite
def warc_bytes(draw):
    recs = [(f"https://ex.org/{i}", draw(st.sampled_from(["text/html", "image/png", "text/html; charset=latin-1"])),
             draw(st.binary(max_size=300))) for i in range(draw(st.integers(0, 3)))]
    data = _warc(recs, draw(st.booleans()))
    how = draw(st.sampled_from(["whole", "cut", "flip", "junk"]))
    if how == "cut":
        data = data[: draw(st.integers(0, len(data)))]
    elif how == "flip" and data:
        i = draw(st.integers(0, len(data) - 1))
        data = data[:i] + bytes([data[i] ^ draw(st.integers(1, 255))]) + data[i + 1:]
    elif how == "junk":
        data = draw(st.binary(max_size=400))
    return data


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>{t}</title>
<item><title>{t}</title><link>{l}</link><guid>{g}</guid><pubDate>{d}</pubDate><description>{b}</description></item>
</channel></rss>"""
ATOM = """<feed xmlns="http://www.w3.org/2005/Atom"><title>{t}</title><entry><title>{t}</title><id>{g}</id>
<updated>{d}</updated><content type="html">{b}</content></entry></feed>"""


@st.composite
def feeds(draw):
    tmpl = draw(st.sampled_from([FEED, ATOM]))
    field = st.one_of(texty, st.sampled_from(["Mon, 04 Mar 2024 09:00:00 GMT", "0001-01-01", "9999-12-31T99:99",
                                              "<![CDATA[<p>x</p>]]>", "&bogus;", "]]>"]))
    text = tmpl.format(t=draw(field), l=draw(field), g=draw(field), d=draw(field), b=draw(field) * draw(st.integers(1, 40)))
    raw = text.encode("utf-8", "surrogatepass")
    return raw[: draw(st.integers(0, len(raw)))] if draw(st.booleans()) else raw


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
                           lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4),
                           max_leaves=12)


@st.composite
def jsonl_lines(draw):
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["record", "value", "bytes", "escaped"]))
        if kind == "record":
            rec = {k: draw(st.one_of(texty, json_values)) for k in
                   draw(st.lists(st.sampled_from(["id", "text", "html", "title", "url", "publication_date",
                                                  "publisher", "date"]), max_size=6, unique=True))}
            lines.append(json.dumps(rec).encode())
        elif kind == "value":
            lines.append(json.dumps(draw(json_values)).encode())
        elif kind == "escaped":
            lines.append(b'{"id": "e", "text": "x\\ud' + draw(st.sampled_from([b"800", b"fff", b"83d\\ude00"])) + b'"}')
        else:
            lines.append(draw(st.binary(max_size=80)))
    return b"\n".join(lines)


DATES = ["yesterday", "tomorrow", "last week", "next month", "Monday", "in January", "99999999 days ago",
         "999999999 weeks later", "the 1990s", "two thousand and five", "this year", "3 months earlier", "last spring"]
pub_dates = st.one_of(st.none(), st.sampled_from(["0001-01-01", "9999-12-31", "2024-02-29", "2023-02-29", "0000-00-00",
                                                  "2024-13-01", "24 March 2021", "garbage"]), st.text(max_size=20),
                      st.dates().map(lambda d: d.isoformat()))


# -- properties -------------------------------------------------------------------------------

def _spans_hold(text: str, spans) -> None:
    for sp in spans:
        assert 0 <= sp.start <= sp.end <= len(text), (sp, len(text))
        assert text[sp.start:sp.end] == sp.text, (sp, text[sp.start:sp.end])


@pytest.mark.parametrize("n", RUNS)
def test_fuzz_html_extraction(n):
    from eventwatch.text.extract import to_article

    def prop(page):
        with no_hang():
            try:
                art = to_article(RawDoc(id="f", content=page, kind="html", source="fuzz"))
            except DocumentError:
                return
        assert art.text.strip() and "\x00" not in art.text and "\u202e" not in art.text
        for s, e in art.boilerplate:
            assert 0 <= s <= e <= len(art.text)

    run(prop, html_pages(), n)


@pytest.mark.parametrize("n", RUNS)
def test_fuzz_plain_text_extraction_keeps_offsets(n):
    from eventwatch.text.extract import to_article

    def prop(text):
        with no_hang():
            try:
                art = to_article(RawDoc(id="f", content=text, kind="text", source="fuzz",
                                        publication_date="2024-05-06"))
            except DocumentError:
                return
        assert len(art.text) == len(text)  # NUL/bidi replaced in place, nothing else changed

    run(prop, texty, n)


@pytest.mark.parametrize("n", RUNS)
def test_fuzz_jsonl_records(n):
    from eventwatch.ingest import iter_raw

    def prop(data):
        with no_hang():
            out = list(iter_raw(["-"], stdin=io.BytesIO(data)))
        assert all(isinstance(x, (RawDoc, Skip)) for x in out)
        assert not any(isinstance(x, Skip) and "internal error" in x.reason for x in out), out

    run(prop, jsonl_lines(), n)


@pytest.mark.parametrize("n", RUNS)
def test_fuzz_warc_archives(n):
    from eventwatch.ingest.warc import iter_warc, open_archive

    def prop(data):
        with no_hang():
            out = list(iter_warc(open_archive(io.BytesIO(data), "fuzz.warc"), source="fuzz.warc"))
        assert all(isinstance(x, (RawDoc, Skip)) for x in out)
        for x in out:
            if isinstance(x, Skip):
                assert "\x00" not in x.reason and len(x.reason) < 400

    run(prop, warc_bytes(), n)


@pytest.mark.parametrize("n", RUNS)
def test_fuzz_feeds(n):
    from eventwatch.ingest.feeds import is_feed, iter_feed

    def prop(data):
        with no_hang():
            is_feed(data)
            try:
                out = list(iter_feed(data, source="fuzz.rss"))
            except DocumentError:
                return
        assert all(isinstance(x, (RawDoc, Skip)) for x in out)

    run(prop, feeds(), n)


@pytest.mark.parametrize("n", RUNS)
def test_fuzz_dates_normalize(n):
    from eventwatch.annotate.dates import normalize
    from eventwatch.text.extract import normalise_date

    def prop(args):
        expression, pub = args
        with no_hang():
            value, _ = normalize(expression, pub)
            date, warn = normalise_date(pub)
        assert value is None or isinstance(value, str)
        assert date is None or 4 <= len(date) <= 10

    run(prop, st.tuples(st.one_of(st.sampled_from(DATES), texty), pub_dates), n)


@pytest.mark.parametrize("n", NLP_RUNS)
def test_fuzz_annotate_quotes_dates_spans(n, annotated):
    quote_texts = st.lists(st.sampled_from(WORDS + ['"We will not go," he said.', "\u201cNo,\u201d said Ana Diaz.",
                                                   'said the ministry\u2069 on Monday', "according to Reuters",
                                                   "\"unclosed quote", "''", "\u00ab Non \u00bb, a dit Paul."]),
                           min_size=1, max_size=40).map(" ".join)

    def prop(text):
        with no_hang():
            try:
                ann = annotated(text, published="2024-05-06")
            except DocumentError:
                return
        t = ann.article.text
        _spans_hold(t, ann.tokens)
        _spans_hold(t, ann.entities)
        _spans_hold(t, ann.dates)
        _spans_hold(t, ann.places)
        for q in ann.quotes:
            assert 0 <= q.start <= q.end <= len(t)
            for s, e in q.pieces():
                assert q.start <= s <= e <= q.end
            if q.speaker is not None and q.speaker.start is not None:
                assert t[q.speaker.start:q.speaker.end] == q.speaker.text
                assert "\u2069" not in q.speaker.text and "\u2069" not in (q.speaker.name or "")

    run(prop, quote_texts, n)


def _codebook_text(name: str) -> str:
    from eventwatch.codebook import builtin_path

    return builtin_path(name).read_text(encoding="utf-8")


@st.composite
def codebook_yaml(draw):
    base = _codebook_text(draw(st.sampled_from(["wordsets.yaml", "contexts.yaml"])))
    how = draw(st.sampled_from(["cut", "splice", "random"]))
    if how == "cut":
        return base[: draw(st.integers(0, len(base)))]
    if how == "splice":
        i = draw(st.integers(0, len(base)))
        return base[:i] + draw(st.sampled_from(["\n- ", ": ", "\t", "{", "]", "&a *a", "!!python/object:os.system ''",
                                                "\nversion: 2\n", "\u202e", "~", "\n  - [", "- 1\n"])) + base[i:]
    return draw(st.text(max_size=200))


@pytest.mark.parametrize("n", RUNS)
def test_fuzz_codebook_yaml_loaders(n, tmp_path):
    from eventwatch.codebook import load_yaml
    from eventwatch.coding.contexts import load_contexts
    from eventwatch.coding.wordsets import load_wordsets_file

    def prop(text):
        with no_hang():
            for load in (lambda: load_yaml("fuzz.yaml", text), lambda: load_wordsets_file("fuzz.yaml", text),
                         lambda: load_contexts("fuzz.yaml", text)):
                try:
                    load()
                except EventwatchError:
                    pass

    run(prop, codebook_yaml(), n)
