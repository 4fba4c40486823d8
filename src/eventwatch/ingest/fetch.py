"""HTTP(S) fetching under SSRF rules: every hop's host is resolved and checked.

Redirects are followed by hand so that each new location goes through the
same address check, and the body is read in chunks so an oversized page is
refused before it is held in memory.
"""
from __future__ import annotations

import ipaddress
import logging
import socket
import time
from dataclasses import dataclass
from typing import Callable, Optional
from urllib.parse import urljoin, urlsplit

import httpx

from .. import settings
from ..errors import DocumentTimeout, FetchError, PrivateAddressError
from ..limits import time_limit
from .common import too_large_reason

log = logging.getLogger(__name__)

_REDIRECTS = (301, 302, 303, 307, 308)


@dataclass
class Fetched:
    url: str  # the final URL, after redirects
    content: bytes
    content_type: str  # media type, lower case, without parameters
    charset: Optional[str]
    status: int


def is_public_address(addr: str) -> bool:
    """False for private, loopback, link-local, reserved, multicast and unspecified addresses."""
    ip = ipaddress.ip_address(addr.split("%", 1)[0])  # drop an IPv6 zone id
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved
                or ip.is_multicast or ip.is_unspecified or not ip.is_global)


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (an IP literal resolves to itself)."""
    try:
        return [str(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}", source=host) from exc
    return sorted({info[4][0] for info in infos})


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Raise unless ``url`` is http(s) and, when private fetching is off, every address of its host is public."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"unsupported URL scheme {parts.scheme!r}", source=url)
    host = parts.hostname
    if not host:
        raise FetchError("URL has no host", source=url)
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise FetchError(f"bad port in URL: {exc}", source=url) from exc
    for addr in resolve(host, port):
        if not is_public_address(addr):
            raise PrivateAddressError(
                f"{host} resolves to private or loopback address {addr}: refused "
                "(use --allow-private to allow)",
                source=url,
            )


def _proxied(url: str) -> bool:
    from urllib.request import getproxies, proxy_bypass

    parts = urlsplit(url)
    return parts.scheme in getproxies() and not proxy_bypass(parts.hostname or "")


def _check_peer(resp: httpx.Response, url: str, allow_private: bool) -> None:
    """Refuse a connection that landed on a private address after all.

    httpx resolves the host again after ``check_url`` did; a DNS answer that
    changed in between (rebinding) is caught here, before the body is read.
    Through a proxy the peer is the proxy, so there is nothing to check.
    """
    if allow_private or _proxied(url):
        return
    stream = resp.extensions.get("network_stream")
    addr = stream.get_extra_info("server_addr") if stream is not None else None
    if not addr:
        return
    if not is_public_address(str(addr[0])):
        raise PrivateAddressError(
            f"{urlsplit(url).hostname} connected to private or loopback address {addr[0]}: refused "
            "(use --allow-private to allow)",
            source=url,
        )


def _timeout() -> httpx.Timeout:
    t = float(settings.get("fetch_timeout"))
    return httpx.Timeout(connect=t, read=t, write=t, pool=t)


def fetch(url: str, *, allow_private: bool = False, client: Optional[httpx.Client] = None) -> Fetched:
    """GET ``url`` following at most ``fetch_max_redirects`` redirects, each re-checked.

    Raises ``FetchError`` (or ``PrivateAddressError``) for anything that does
    not end in a 2xx body within the size cap, ``DocumentTimeout`` when the
    whole fetch takes longer than ``fetch_deadline`` seconds: ``fetch_timeout``
    bounds each read, and a server sending one byte a second never trips it.
    """
    seconds = float(settings.get("fetch_deadline"))
    end = time.monotonic() + seconds if seconds > 0 else None

    def late() -> DocumentTimeout:
        return DocumentTimeout(f"fetch took longer than {seconds:g} s in all (setting fetch_deadline)",
                               source=url, doc_id=url)

    # The alarm cuts a trickle of header lines too; off the main thread only the
    # check between body chunks (in _fetch) holds.
    with time_limit(seconds, late):
        return _fetch(url, allow_private=allow_private, client=client, end=end, late=late)


def _fetch(url: str, *, allow_private: bool, client: Optional[httpx.Client], end: Optional[float],
           late: Callable[[], DocumentTimeout]) -> Fetched:
    limit = min(int(settings.get("fetch_max_bytes")), int(settings.get("max_document_bytes")))
    max_redirects = int(settings.get("fetch_max_redirects"))
    own = client is None
    if own:
        client = httpx.Client(
            timeout=_timeout(),
            follow_redirects=False,
            # Only encodings _decompress undoes, so the size cap also bounds the decoded body.
            headers={"User-Agent": str(settings.get("user_agent")), "Accept-Encoding": "gzip, deflate"},
        )
    try:
        current = url
        for _hop in range(max_redirects + 1):
            check_url(current, allow_private=allow_private)
            try:
                with client.stream("GET", current, follow_redirects=False) as resp:
                    _check_peer(resp, current, allow_private)
                    if resp.status_code in _REDIRECTS:
                        location = resp.headers.get("location")
                        if not location:
                            raise FetchError(f"HTTP {resp.status_code} redirect without Location", source=url)
                        current = urljoin(current, location)
                        log.debug("redirect %s -> %s", url, current)
                        continue
                    if resp.status_code >= 400 or resp.status_code < 200:
                        raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}", source=url)
                    declared = resp.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > limit:
                        raise FetchError(too_large_reason(int(declared), limit), source=url)
                    body = bytearray()
                    for chunk in resp.iter_raw():
                        if end is not None and time.monotonic() > end:
                            raise late()
                        body.extend(chunk)
                        if len(body) > limit:
                            raise FetchError(too_large_reason(len(body), limit), source=url)
                    data = _decompress(bytes(body), resp.headers.get("content-encoding", ""), limit, url)
                    ctype = resp.headers.get("content-type", "")
                    media = ctype.split(";", 1)[0].strip().lower()
                    charset = None
                    for param in ctype.split(";")[1:]:
                        k, _, v = param.partition("=")
                        if k.strip().lower() == "charset" and v.strip():
                            charset = v.strip().strip("\"'")
                    return Fetched(url=str(current), content=data, content_type=media,
                                   charset=charset, status=resp.status_code)
            except httpx.TimeoutException as exc:
                raise FetchError(f"timed out: {exc.__class__.__name__}", source=url) from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"unreachable: {exc.__class__.__name__}: {exc}", source=url) from exc
        raise FetchError(f"too many redirects (more than {max_redirects})", source=url)
    finally:
        if own:
            client.close()


def _decompress(data: bytes, encoding: str, limit: int, url: str) -> bytes:
    """Undo Content-Encoding with the cap applied to the decoded size too (gzip bombs)."""
    enc = encoding.strip().lower()
    if not enc or enc == "identity":
        return data
    import zlib

    if enc in ("gzip", "x-gzip", "deflate"):
        wbits = 16 + zlib.MAX_WBITS if enc != "deflate" else zlib.MAX_WBITS
        try:
            d = zlib.decompressobj(wbits)
            out = d.decompress(data, limit + 1)
        except zlib.error:
            if enc != "deflate":
                raise FetchError("corrupt gzip body", source=url)
            try:
                d = zlib.decompressobj(-zlib.MAX_WBITS)
                out = d.decompress(data, limit + 1)
            except zlib.error as exc:
                raise FetchError(f"corrupt deflate body: {exc}", source=url) from exc
        if len(out) > limit:
            raise FetchError(too_large_reason(len(out), limit), source=url)
        return out
    raise FetchError(f"unsupported Content-Encoding {encoding!r}", source=url)
