"""Files and directories: text, HTML, JSON records, feeds and archives by extension or content."""
from __future__ import annotations

import gzip
import logging
import os
import stat
from pathlib import Path
from typing import Callable, Iterator, Optional

from ..errors import SourceError
from ..models import RawDoc, Skip
from .common import (FEED_EXTS, HTML_EXTS, RECORD_EXTS, TEXT_EXTS, WARC_EXTS, apply_published,
                     decode_text, has_ext, looks_binary, max_bytes, skip, sniff, too_large_reason)
from .feeds import is_feed, iter_feed
from .records import iter_json_document, iter_jsonl
from .warc import iter_warc, open_archive

log = logging.getLogger(__name__)

FetchLink = Callable[[str], RawDoc]


def iter_dir(root: Path, *, published: Optional[str] = None,
             fetch_link: Optional[FetchLink] = None) -> Iterator[RawDoc | Skip]:
    """Every file under ``root``, recursively, sorted by path; hidden files and directories skipped."""
    paths = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        paths.extend(Path(dirpath) / n for n in filenames if not n.startswith("."))
    for path in sorted(paths, key=lambda p: p.relative_to(root).parts):
        yield from iter_file(path, published=published, fetch_link=fetch_link, in_dir=True)


def _file_type(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "FIFO"), (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
                       (stat.S_ISSOCK, "socket"), (stat.S_ISDIR, "directory")):
        if test(mode):
            return name
    return "special file"


def _kind_by_name(name: str) -> Optional[str]:
    if has_ext(name, WARC_EXTS):
        return "warc"
    if has_ext(name, TEXT_EXTS):
        return "text"
    if has_ext(name, HTML_EXTS):
        return "html"
    if has_ext(name, (".jsonl", ".ndjson")):
        return "jsonl"
    if has_ext(name, RECORD_EXTS):
        return "json"
    if has_ext(name, FEED_EXTS):
        return "feed"
    return None


def iter_file(path: Path, *, published: Optional[str] = None, fetch_link: Optional[FetchLink] = None,
              in_dir: bool = False) -> Iterator[RawDoc | Skip]:
    src = str(path)
    try:
        st = path.stat()
    except OSError as exc:
        yield skip(src, f"cannot read: {exc.strerror or exc}", src)
        return
    if in_dir and not stat.S_ISREG(st.st_mode):
        # A FIFO blocks and /dev/zero never ends: inside a directory only regular
        # files are read, whatever their name (a symlink counts as its target).
        yield skip(src, f"not a regular file ({_file_type(st.st_mode)}): skipped", src)
        return
    size = st.st_size
    kind = _kind_by_name(path.name)
    if kind == "warc":
        yield from _archive(path, src, published, arc=has_ext(path.name, (".arc", ".arc.gz")))
        return
    if size == 0:
        yield skip(src, "empty file", src)
        return
    # JSON Lines files hold many documents; the cap is per document (per line).
    if kind != "jsonl" and size > max_bytes():
        yield skip(src, too_large_reason(size), src)
        return
    try:
        if kind == "jsonl":
            with open(path, "rb") as fh:
                yield from _jsonl_lines(fh, src, published)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield skip(src, f"cannot read: {exc.strerror or exc}", src)
        return
    if kind is None:
        sniffed = sniff(data)
        if sniffed in ("warc", "arc", "gzip"):
            yield from _sniffed_archive(path, data, src, published)
            return
        if sniffed is None:
            yield skip(src, f"unknown file type {path.suffix or '(no extension)'!r}, content not recognised", src)
            return
        if in_dir and sniffed == "text" and path.suffix:
            # In a directory, an unknown extension with text in it (.csv, .py, .log)
            # is more likely data than an article.
            yield skip(src, f"unknown file type {path.suffix!r}: skipped", src)
            return
        kind = {"records": "json"}.get(sniffed, sniffed)
    yield from _from_bytes(data, kind, src, published, fetch_link)


def _jsonl_lines(fh, src: str, published: Optional[str]) -> Iterator[RawDoc | Skip]:
    yield from iter_jsonl(fh, source_prefix=src, id_prefix=src, published=published)


def _sniffed_archive(path: Path, data: bytes, src: str, published: Optional[str]) -> Iterator[RawDoc | Skip]:
    arc = data.startswith(b"filedesc://")
    if data.startswith(b"\x1f\x8b"):
        try:
            with gzip.open(path, "rb") as gz:
                head = gz.read(64)
        except (OSError, EOFError) as exc:
            yield skip(src, f"truncated or corrupt gzip: {exc}", src)
            return
        if not head.startswith((b"WARC/", b"filedesc://")):
            yield skip(src, "gzip file that is not a WARC/ARC archive: skipped", src)
            return
        arc = head.startswith(b"filedesc://")
    yield from _archive(path, src, published, arc=arc)


def _archive(path: Path, src: str, published: Optional[str], *, arc: bool) -> Iterator[RawDoc | Skip]:
    """Stream an archive; ``max_document_bytes`` applies per record, ``max_archive_bytes`` to the file."""
    try:
        with open(path, "rb") as fh:
            yield from iter_warc(open_archive(fh, src), source=src, published=published, arc=arc)
    except OSError as exc:
        yield skip(src, f"cannot read: {exc.strerror or exc}", src)


def _from_bytes(data: bytes, kind: str, src: str, published: Optional[str],
                fetch_link: Optional[FetchLink]) -> Iterator[RawDoc | Skip]:
    if kind == "text":
        try:
            text = decode_text(data, src)
        except SourceError as exc:
            yield skip(src, exc.reason, src)
            return
        if not text.strip():
            yield skip(src, "empty file (only whitespace)", src)
            return
        yield apply_published(RawDoc(id=src, content=text, kind="text", source=src), published)
    elif kind == "html":
        if looks_binary(data):
            yield skip(src, "binary content (NUL or control bytes), not HTML", src)
            return
        yield apply_published(RawDoc(id=src, content=data, kind="html", source=src), published)
    elif kind == "json":
        try:
            text = decode_text(data, src)
        except SourceError as exc:
            yield skip(src, exc.reason, src)
            return
        yield from iter_json_document(text, source=src, id_prefix=src, published=published)
    elif kind == "jsonl":
        yield from iter_jsonl(data.splitlines(), source_prefix=src, id_prefix=src, published=published)
    elif kind == "feed":
        if not is_feed(data):
            yield skip(src, "XML file that is not an RSS or Atom feed", src)
            return
        yield from iter_feed(data, source=src, published=published, fetch_link=fetch_link)
    else:
        yield skip(src, f"unsupported kind {kind!r}", src)
