import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from eventwatch.errors import FetchError, PrivateAddressError
from eventwatch.ingest import iter_raw
from eventwatch.ingest.fetch import check_url, fetch, is_public_address
from eventwatch.models import RawDoc, Skip

PAGE = (b"<html><head><title>Editor jailed</title></head><body><article><p>A court sentenced the "
        b"newspaper editor to three years in prison on Monday for articles critical of the governor, "
        b"his lawyer said.</p></article></body></html>")


def _feed(base, with_content):
    body = ("<content:encoded><![CDATA[<p>Full text of the first story about the detained "
            "activists and the court hearing.</p>]]></content:encoded>" if with_content else
            "<description>Teaser.</description>")
    return f"""<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Local Wire</title>
<item><title>First</title><link>{base}/page</link><guid>g1</guid><pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate>{body}</item>
<item><title>Broken link</title><link>{base}/missing</link><guid>g2</guid><description>Teaser.</description></item>
</channel></rss>""".encode()


class Handler(BaseHTTPRequestHandler):
    routes: dict = {}

    def do_GET(self):
        route = self.routes.get(self.path)
        if route is None:
            self.send_response(404)
            self.end_headers()
            return
        status, headers, body = route(self) if callable(route) else route
        self.send_response(status)
        for k, v in headers:
            if v is not None:
                self.send_header(k, v)
        # A None Content-Length means none at all: the body ends when the connection closes.
        if not any(k.lower() == "content-length" for k, _ in headers):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    routes = {
        "/page": (200, [("Content-Type", "text/html; charset=utf-8")], PAGE),
        "/plain": (200, [("Content-Type", "text/plain; charset=utf-8")], b"Plain text story about a protest."),
        "/image": (200, [("Content-Type", "image/png")], b"\x89PNG\r\n\x1a\n"),
        "/error": (500, [("Content-Type", "text/html")], b"oops"),
        "/redirect": (302, [("Location", "/page")], b""),
        "/loop": (302, [("Location", "/loop")], b""),
        "/to-loopback": (302, [("Location", "http://127.0.0.1:9/x")], b""),
        "/big": (200, [("Content-Type", "text/html")], b"<html><body>" + b"x" * 5000 + b"</body></html>"),
        "/big-chunked": lambda h: (200, [("Content-Type", "text/html"), ("Content-Length", None)],
                                   b"<html>" + b"y" * 5000),
        "/slow": lambda h: (time.sleep(1.0), (200, [("Content-Type", "text/html")], PAGE))[1],
        "/gzip": (200, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], gzip.compress(PAGE)),
        "/feed-full.xml": (200, [("Content-Type", "application/rss+xml")], _feed(base, True)),
        "/feed-teaser.xml": (200, [("Content-Type", "application/rss+xml")], _feed(base, False)),
    }
    Handler.routes = routes
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def test_fetch_url_page_is_html_rawdoc(server):
    [doc] = list(iter_raw([server + "/page"], allow_private=True))
    assert isinstance(doc, RawDoc) and doc.kind == "html" and doc.content == PAGE
    assert doc.id == server + "/page" and doc.url == server + "/page"


def test_fetch_follows_redirect_and_reports_final_url(server):
    got = fetch(server + "/redirect", allow_private=True)
    assert got.url == server + "/page" and got.content == PAGE and got.status == 200


def test_fetch_gzip_body_decoded(server):
    assert fetch(server + "/gzip", allow_private=True).content == PAGE


def test_fetch_plain_text_url_is_text_rawdoc(server):
    [doc] = list(iter_raw([server + "/plain"], allow_private=True))
    assert doc.kind == "text" and doc.content == "Plain text story about a protest."


@pytest.mark.parametrize("path,reason", [
    ("/error", "HTTP 500"),
    ("/nowhere", "HTTP 404"),
    ("/image", "unsupported content type 'image/png'"),
    ("/loop", "too many redirects"),
])
def test_fetch_bad_url_is_skip(server, path, reason):
    [s] = list(iter_raw([server + path], allow_private=True))
    assert isinstance(s, Skip) and reason in s.reason and s.source == server + path


@pytest.mark.parametrize("path", ["/big", "/big-chunked"])
def test_fetch_size_cap_enforced(server, monkeypatch, path):
    monkeypatch.setenv("EVENTWATCH_FETCH_MAX_BYTES", "1000")
    with pytest.raises(FetchError, match="too large"):
        fetch(server + path, allow_private=True)
    [s] = list(iter_raw([server + path], allow_private=True))
    assert isinstance(s, Skip) and s.reason.startswith("too large:")


def test_fetch_read_timeout_is_skip(server, monkeypatch):
    monkeypatch.setenv("EVENTWATCH_FETCH_TIMEOUT", "0.2")
    [s] = list(iter_raw([server + "/slow"], allow_private=True))
    assert isinstance(s, Skip) and "timed out" in s.reason


def test_fetch_unreachable_url_is_skip():
    # Port 9 (discard) on loopback is closed in the test environment: connection refused.
    [s] = list(iter_raw(["http://127.0.0.1:9/"], allow_private=True))
    assert isinstance(s, Skip) and "unreachable" in s.reason


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/",
    "http://localhost/",
    "http://[::1]/",
    "http://10.0.0.5/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://0.0.0.0/",
    "http://[::ffff:127.0.0.1]/",
    "http://2130706433/",
    "http://0x7f.1/",
    "http://user@127.0.0.1:8080/",
])
def test_fetch_private_address_refused(url):
    with pytest.raises(PrivateAddressError, match=r"private or loopback address .* refused \(use --allow-private to allow\)"):
        check_url(url)
    [s] = list(iter_raw([url]))
    assert isinstance(s, Skip) and "use --allow-private to allow" in s.reason


def test_fetch_redirect_to_private_address_refused_on_every_hop(server, monkeypatch):
    # The test server itself is on loopback, so let its first hop pass and see
    # that the redirect target is checked again.
    from eventwatch.ingest import fetch as fetch_mod

    real = fetch_mod.check_url
    seen = []

    def first_hop_allowed(url, *, allow_private=False):
        seen.append(url)
        if url == server + "/to-loopback":
            return None
        return real(url, allow_private=allow_private)

    monkeypatch.setattr(fetch_mod, "check_url", first_hop_allowed)
    monkeypatch.setattr(fetch_mod, "_check_peer", lambda resp, url, allow_private: None)
    with pytest.raises(PrivateAddressError):
        fetch(server + "/to-loopback")
    assert seen == [server + "/to-loopback", "http://127.0.0.1:9/x"]


def test_fetch_connection_to_private_peer_refused(server, monkeypatch):
    # As if DNS had said "public" to the check and "loopback" to the connection (rebinding).
    from eventwatch.ingest import fetch as fetch_mod

    monkeypatch.setattr(fetch_mod, "check_url", lambda url, *, allow_private=False: None)
    with pytest.raises(PrivateAddressError, match="connected to private or loopback address 127.0.0.1"):
        fetch(server + "/page")


def test_fetch_header_charset_applied(server):
    body = "<html><body><p>Caf\u00e9 owners\u2019 protest</p></body></html>".encode("cp1252")
    Handler.routes["/cp1252"] = (200, [("Content-Type", "text/html; charset=windows-1252")], body)
    [doc] = list(iter_raw([server + "/cp1252"], allow_private=True))
    assert doc.content.decode("utf-8") == "<html><body><p>Caf\u00e9 owners\u2019 protest</p></body></html>"


@pytest.mark.parametrize("addr,public", [
    ("8.8.8.8", True), ("2606:4700:4700::1111", True),
    ("127.0.0.1", False), ("10.1.2.3", False), ("172.16.0.1", False), ("192.168.0.1", False),
    ("169.254.1.1", False), ("224.0.0.1", False), ("0.0.0.0", False), ("240.0.0.1", False),
    ("::1", False), ("fe80::1", False), ("fc00::1", False), ("::", False), ("100.64.0.1", False),
])
def test_fetch_is_public_address(addr, public):
    assert is_public_address(addr) is public


@pytest.mark.parametrize("url", ["ftp://example.org/x", "file:///etc/passwd", "http:///nohost"])
def test_fetch_bad_scheme_or_host_refused(url):
    with pytest.raises(FetchError):
        check_url(url, allow_private=True)


def test_fetch_rss_url_with_content(server):
    out = list(iter_raw([server + "/feed-full.xml"], allow_private=True))
    d = [x for x in out if isinstance(x, RawDoc)]
    assert [(x.id, x.title, x.publication_date, x.url) for x in d] == [
        ("g1", "First", "2024-03-04", server + "/page")]
    assert b"detained activists" in d[0].content
    [s] = [x for x in out if isinstance(x, Skip)]
    assert "HTTP 404" in s.reason and s.doc_id == "g2"


def test_fetch_rss_url_teaser_fetches_entry_link(server):
    out = list(iter_raw([server + "/feed-teaser.xml"], allow_private=True))
    [doc] = [x for x in out if isinstance(x, RawDoc)]
    assert doc.content == PAGE and doc.id == "g1" and doc.title == "First"
    assert doc.publication_date == "2024-03-04" and doc.publisher == "Local Wire"


def test_fetch_rss_entry_links_obey_private_rule(server, tmp_path):
    # A feed file read from disk whose links point at loopback: refused without allow_private.
    from urllib.request import urlopen

    with urlopen(server + "/feed-teaser.xml") as resp:
        data = resp.read()
    p = tmp_path / "feed.rss"
    p.write_bytes(data)
    out = list(iter_raw([str(p)]))
    assert all(isinstance(x, Skip) for x in out)
    assert "use --allow-private to allow" in out[0].reason
