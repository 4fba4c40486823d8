"""Writing an export file all or nothing.

A writer fills ``PATH.partial`` next to the target and renames it over
``PATH`` only when every row is written, so an interrupted or failed export
never leaves a truncated file that looks complete, nor destroys an earlier one.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Iterator

from ..errors import ExportError


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """A temporary path to write; renamed to ``path`` when the block ends without an error."""
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"{target}: is a directory; --out needs a file path")
    if not target.parent.is_dir():
        raise ExportError(f"{target}: folder {target.parent} does not exist")
    partial = target.with_name(target.name + ".partial")
    try:
        yield partial
        os.replace(partial, target)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
