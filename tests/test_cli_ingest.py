"""``eventwatch ingest`` through the CLI: every source type, every bad-input kind,
idempotence, near-duplicates, SSRF refusal, exit codes. Each test runs on SQLite
and on PostgreSQL (``db_url``)."""
from __future__ import annotations

import gzip
import http.server
import io
import json
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwatch.cli.main import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

TEXTS = {
    "dhaka": "Police in Dhaka arrested twelve opposition activists on Monday, a party spokesman said.",
    "nairobi": "Farmers blocked the main highway near Nairobi on Tuesday to protest new taxes, witnesses said.",
    "minsk": "The European Union imposed sanctions on three Belarusian judges on Friday, diplomats said.",
    "lima": "Police in Lima detained six students outside the congress building on Thursday.",
    "quito": "Thousands of teachers marched through Quito on Wednesday to demand higher wages.",
    "manila": "The Philippine coast guard accused Chinese ships of firing water cannon near a reef on Sunday.",
}


def page(title: str, body: str) -> str:
    return (f"<html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>"
            f"<nav>Home | World | Sport</nav><article><h1>{title}</h1><p>{body}</p>"
            f"<p>{body.replace('on ', 'late on ', 1)} Officials declined to comment.</p></article>"
            f"<footer>Copyright 2024 Example News</footer></body></html>")


def invoke(args, input=None):
    result = CliRunner().invoke(app, args, input=input)
    assert "Traceback" not in result.output
    return result


def stats(db_url) -> dict:
    r = invoke(["db", "stats", "--json", "--db", db_url])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


# -- sources ------------------------------------------------------------------

def _rss(tmp: Path) -> list[str]:
    items = "".join(
        f"<item><title>{k}</title><link>https://news.example.org/{k}</link><guid>{k}</guid>"
        f"<pubDate>Mon, 06 May 2024 08:00:00 GMT</pubDate>"
        f"<content:encoded><![CDATA[{page(k, TEXTS[k])}]]></content:encoded></item>"
        for k in ("dhaka", "nairobi"))
    p = tmp / "feed.rss"
    p.write_text('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
                 f"<channel><title>Example News</title><link>https://news.example.org/</link>{items}</channel></rss>")
    return [str(p)]


def _warc(tmp: Path) -> list[str]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    p = tmp / "crawl.warc.gz"
    with open(p, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for k in ("lima", "quito"):
            body = page(k, TEXTS[k]).encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://news.example.org/{k}", "response",
                                                          payload=io.BytesIO(body), http_headers=headers))
    return [str(p)]


def _files(tmp: Path, kind: str) -> list[str]:
    if kind == "txt":
        p = tmp / "story.txt"
        p.write_text(TEXTS["dhaka"])
    elif kind == "html":
        p = tmp / "story.html"
        p.write_text(page("Activists held", TEXTS["dhaka"]))
    elif kind == "json":
        p = tmp / "stories.json"
        p.write_text(json.dumps([{"id": "j1", "text": TEXTS["dhaka"]}, {"id": "j2", "html": page("x", TEXTS["minsk"])}]))
    elif kind == "jsonl":
        p = tmp / "stories.jsonl"
        p.write_text("".join(json.dumps({"id": k, "text": TEXTS[k]}) + "\n" for k in ("dhaka", "nairobi")))
    elif kind == "dir":
        p = tmp / "dir"
        (p / "sub").mkdir(parents=True)
        (p / "a.txt").write_text(TEXTS["dhaka"])
        (p / "sub" / "b.html").write_text(page("b", TEXTS["nairobi"]))
    elif kind == "rss":
        return _rss(tmp)
    elif kind == "warc":
        return _warc(tmp)
    else:
        raise AssertionError(kind)
    return [str(p)]


@pytest.mark.parametrize("kind,n", [("txt", 1), ("html", 1), ("json", 2), ("jsonl", 2), ("dir", 2),
                                    ("rss", 2), ("warc", 2)])
def test_ingest_source_type_stored(db_url, tmp_path, kind, n):
    sources = _files(tmp_path, kind)
    r = invoke(["ingest", *sources, "--db", db_url, "--published", "2024-05-06"])
    assert r.exit_code == 0, r.output
    assert f"{n} added" in r.stdout
    assert stats(db_url)["articles"] == n


def test_ingest_stdin_jsonl_with_html_record(db_url):
    lines = (json.dumps({"id": "s1", "text": TEXTS["dhaka"], "publication_date": "2021-03-02"}) + "\n"
             + json.dumps({"id": "s2", "html": page("Highway blocked", TEXTS["nairobi"])}) + "\n")
    r = invoke(["ingest", "-", "--db", db_url, "--json"], input=lines)
    assert r.exit_code == 0, r.output
    summary = json.loads(r.stdout)
    assert summary["added"] == 2 and summary["skipped"] == 0 and summary["ok"] is True
    ids = set(json.loads(invoke(["articles", "--db", db_url, "--format", "jsonl"]).stdout.splitlines()[0])
              .keys())
    assert {"id", "dup_group", "content_hash"} <= ids


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        body = page("Police detain students", TEXTS["lima"]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def local_url():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/world/lima-students"
    server.shutdown()
    server.server_close()


def test_ingest_local_url_with_allow_private(db_url, local_url):
    r = invoke(["ingest", local_url, "--allow-private", "--db", db_url, "--published", "2024-05-06"])
    assert r.exit_code == 0, r.output
    arts = invoke(["articles", "--db", db_url, "--format", "jsonl"]).stdout.splitlines()
    assert [json.loads(a)["url"] for a in arts] == [local_url]


def test_ingest_local_url_refused_without_allow_private(db_url, local_url):
    r = invoke(["ingest", local_url, "--db", db_url])
    assert r.exit_code == 1
    assert "private or loopback" in r.output and "--allow-private" in r.output
    assert stats(db_url)["articles"] == 0
    skipped = invoke(["articles", "--skipped", "--db", db_url, "--format", "jsonl"]).stdout.splitlines()
    [rec] = [json.loads(s) for s in skipped]
    assert rec["source"] == local_url and rec["stage"] == "ingest" and "refused" in rec["reason"]


# -- bad input ----------------------------------------------------------------

def _bad_dir(tmp: Path) -> tuple[Path, dict[str, str], int]:
    """A directory mixing good files with every kind of bad input.

    Returns (dir, {source-name fragment: expected words of its skip reason}, number of good documents).
    """
    d = tmp / "mixed"
    d.mkdir()
    (d / "good.txt").write_text(TEXTS["dhaka"])
    (d / "good.html").write_text(page("Highway blocked", TEXTS["nairobi"]))
    # Decodable, so stored: cp1252 text, latin-1 bytes under a utf-8 meta charset, malformed HTML.
    (d / "cp1252.txt").write_bytes(("Caf\u00e9 owners \u201cprotested\u201d in Quito on Wednesday "
                                    "against the new tax \u2013 again, the union said.").encode("cp1252"))
    (d / "latin1.html").write_bytes(
        b'<html><head><meta charset="utf-8"><title>Caf\xe9 owners protest</title></head><body><article>'
        b"<p>Caf\xe9 owners in Lima protested against the new tax on Monday, the association said in a "
        b"statement to reporters outside the congress.</p></article></body></html>")
    (d / "malformed.html").write_text(
        "<html><body><div><p>Police in Manila detained six students outside the <b>senate building on "
        "Thursday, <i>a university spokesman said.<p>The students had demanded a meeting with the "
        "education minister</div></span></table></body>")
    (d / "records.jsonl").write_text(json.dumps({"id": "rec-ok", "text": TEXTS["minsk"]}) + "\n"
                                     + '{"id": "rec-broken", "text": \n')
    # Bad: each must be skipped with a reason.
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.html").write_bytes(bytes(range(256)) * 16)
    (d / "truncated.txt.gz").write_bytes(gzip.compress(b"Farmers protested in Lima. " * 200)[:30])
    (d / "truncated.warc.gz").write_bytes(
        gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n<html>")[:40])
    (d / "truncated.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n<html>")
    with open(d / "huge.html", "wb") as fh:  # 50 MB: the size cap must skip it before reading
        chunk = b"<p>" + b"Protesters marched through the capital again. " * 200 + b"</p>\n"
        fh.write(b"<html><body>")
        while fh.tell() < 50_000_000:
            fh.write(chunk)
        fh.write(b"</body></html>")
    bad = {
        "empty.txt": "empty",
        "binary.html": "binary",
        "truncated.txt.gz": "truncated",
        "truncated.warc.gz": "truncated",
        "truncated.warc": "truncated",
        "huge.html": "too large",
        "records.jsonl:2": "invalid json",
    }
    return d, bad, 6


def test_ingest_mixed_bad_directory(db_url, tmp_path):
    d, bad, n_good = _bad_dir(tmp_path)
    unreachable = "http://127.0.0.1:9/"
    r = invoke(["ingest", str(d), unreachable, "--allow-private", "--db", db_url, "--published", "2024-05-06"])
    assert r.exit_code == 1, r.output
    assert stats(db_url)["articles"] == n_good
    arts = [json.loads(x) for x in invoke(["articles", "--db", db_url, "--format", "jsonl"]).stdout.splitlines()]
    by_name = {Path(a["source"].split(":")[0]).name: a for a in arts}
    assert {"good.txt", "good.html", "cp1252.txt", "latin1.html", "malformed.html", "records.jsonl"} <= set(by_name)
    r2 = invoke(["show", by_name["cp1252.txt"]["id"], "--db", db_url])
    assert "Caf\u00e9 owners \u201cprotested\u201d" in json.loads(r2.stdout)["text"]
    r3 = invoke(["show", by_name["latin1.html"]["id"], "--db", db_url])
    assert "Caf\u00e9 owners in Lima" in json.loads(r3.stdout)["text"]

    skipped = [json.loads(x) for x in
               invoke(["articles", "--skipped", "--db", db_url, "--format", "jsonl"]).stdout.splitlines()]
    reasons = {s["source"]: s for s in skipped}
    for name, words in bad.items():
        [hit] = [s for src, s in reasons.items() if src.endswith(name)]
        assert words in hit["reason"].lower(), hit
        assert hit["stage"] in ("ingest", "text")
        assert name.split(":")[0] in r.stdout  # the summary names every skipped document
    [url_skip] = [s for src, s in reasons.items() if src == unreachable]
    assert "unreachable" in url_skip["reason"]
    assert len(skipped) == len(bad) + 1
    assert f"{n_good} added" in r.stdout and f"{len(bad) + 1} skipped" in r.stdout


def test_ingest_huge_page_skipped_by_size_cap_fast(tmp_path, monkeypatch):
    """The size cap is checked before the page is read or annotated."""
    from eventwatch import pipeline

    p = tmp_path / "huge.html"
    with open(p, "wb") as fh:
        fh.truncate(50_000_000)
    def never(articles, **kw):
        for _ in articles:
            raise AssertionError("the huge page reached annotation")
        yield from ()

    monkeypatch.setattr(pipeline, "process_articles", never)
    r = invoke(["ingest", str(p), "--db", f"sqlite:///{tmp_path / 'ew.db'}", "--json"])
    assert r.exit_code == 1
    [sk] = json.loads(r.stdout)["skips"]
    assert "too large" in sk["reason"] and "50000000" in sk["reason"]


# -- idempotence, near-duplicates -------------------------------------------------

def test_ingest_twice_is_idempotent(db_url, tmp_path):
    [src] = _files(tmp_path, "dir")
    r1 = invoke(["ingest", src, "--db", db_url, "--json"])
    r2 = invoke(["ingest", src, "--db", db_url, "--json"])
    s1, s2 = json.loads(r1.stdout), json.loads(r2.stdout)
    assert (s1["added"], s1["unchanged"]) == (2, 0)
    assert (s2["added"], s2["unchanged"], s2["skipped"]) == (0, 2, 0) and r2.exit_code == 0
    st = stats(db_url)
    assert st["articles"] == 2 and st["runs"] == 2


def test_ingest_syndicated_copies_share_dup_group(db_url):
    a = SAMPLES / "articles"
    r = invoke(["ingest", str(a / "continental-wire-haiti-aid.html"), str(a / "harbour-herald-haiti-aid.html"),
                str(a / "southern-ledger-chile-defenders-law.html"), "--db", db_url])
    assert r.exit_code == 0, r.output
    arts = {Path(x["source"]).name: x for x in
            (json.loads(line) for line in invoke(["articles", "--db", db_url, "-f", "jsonl"]).stdout.splitlines())}
    assert arts["continental-wire-haiti-aid.html"]["dup_group"] == arts["harbour-herald-haiti-aid.html"]["dup_group"]
    assert arts["southern-ledger-chile-defenders-law.html"]["dup_group"] != arts["continental-wire-haiti-aid.html"]["dup_group"]
    assert stats(db_url)["dup_groups"] == 1
    group = arts["continental-wire-haiti-aid.html"]["dup_group"]
    same = invoke(["articles", "--dup-group", group, "--db", db_url, "-f", "jsonl"]).stdout.splitlines()
    assert len(same) == 2


# -- exit codes and output ----------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["ingest"],                                               # no source
    ["ingest", "x.txt", "--published", "May 6"],              # not an ISO date
    ["ingest", "x.txt", "--db", "nosuchdb://x"],              # bad database URL
    ["ingest", "x.txt", "--nonsense"],                        # unknown option
])
def test_ingest_usage_and_setup_errors_exit_2(args):
    r = invoke(args)
    assert r.exit_code == 2, r.output


def test_ingest_bad_db_url_is_one_line(tmp_path):
    r = invoke(["ingest", str(tmp_path), "--db", "nosuchdb://x"])
    assert r.exit_code == 2
    assert r.stderr.startswith("error: ") and len(r.stderr.strip().splitlines()) == 1


def test_ingest_missing_file_exit_1_names_it(db_url, tmp_path):
    missing = str(tmp_path / "nope.txt")
    r = invoke(["ingest", missing, "--db", db_url])
    assert r.exit_code == 1
    assert f"skipped: {missing} [ingest] no such file or directory" in r.stdout


def test_ingest_quiet_prints_only_skips(db_url, tmp_path):
    (tmp_path / "a.txt").write_text(TEXTS["dhaka"])
    (tmp_path / "b.txt").write_text("")
    r = invoke(["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--quiet", "--db", db_url])
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.strip() == f"skipped: {tmp_path / 'b.txt'} [ingest] empty file"
