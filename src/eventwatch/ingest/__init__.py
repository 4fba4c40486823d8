"""The ingest stage: sources in, ``RawDoc`` (or ``Skip``) out, one per document.

Sources are files, directories, ``-`` (JSON Lines on standard input), http(s)
URLs, RSS/Atom feeds and WARC/ARC archives. A bad source or record becomes a
``Skip`` with a reason; nothing a document contains raises out of ``iter_raw``.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import BinaryIO, Iterator, Optional, Sequence

from ..models import RawDoc, Skip
from .common import skip
from .records import iter_jsonl
from .urls import fetch_page, is_url, iter_url

log = logging.getLogger(__name__)

__all__ = ["iter_raw"]


def iter_raw(sources: Sequence[str], *, published: str | None = None, allow_private: bool = False,
             stdin: BinaryIO | None = None) -> Iterator[RawDoc | Skip]:
    """Every document of every source, in order.

    ``published`` (ISO date) fills ``publication_date`` only for documents that
    carry none of their own. ``allow_private`` lets URLs reach private and
    loopback addresses (off by default: SSRF). ``stdin`` is read for ``-``
    (default ``sys.stdin.buffer``).
    """
    for source in sources:
        try:
            yield from _one(source, published=published, allow_private=allow_private, stdin=stdin)
        except Exception as exc:  # a bug on one source must not end the batch
            log.exception("ingest failed on %s", source)
            yield skip(source, f"internal error: {exc!r}", source)


def _one(source: str, *, published: Optional[str], allow_private: bool,
         stdin: Optional[BinaryIO]) -> Iterator[RawDoc | Skip]:
    from .files import iter_dir, iter_file

    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from iter_jsonl(stream, source_prefix="stdin", id_prefix="stdin", published=published)
        return
    if is_url(source):
        yield from iter_url(source, published=published, allow_private=allow_private)
        return
    path = Path(source)
    link_fetcher = lambda link: fetch_page(link, allow_private=allow_private)  # noqa: E731
    if path.is_dir():
        yield from iter_dir(path, published=published, fetch_link=link_fetcher)
    elif path.exists():
        yield from iter_file(path, published=published, fetch_link=link_fetcher)
    else:
        yield skip(source, "no such file or directory", source)
