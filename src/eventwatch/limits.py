"""Bounds on hostile input: a size-limited reader and a wall-clock limit for one step.

``LimitedReader`` sits between a (decompressed) stream and a parser that
cannot bound itself: warcio reads a whole "line" into memory before looking
at it, so a gzip bomb of zeros is one endless line.

``time_limit`` interrupts the main thread with SIGALRM (``setitimer``). It
nests: an inner limit never extends an outer one, and the outer timer is
re-armed on exit. Off the main thread, or where SIGALRM does not exist, it
does nothing (a signal can only interrupt the main thread); spaCy worker
processes (``n_process`` > 1) are not interrupted either. A step stuck
inside one long C call is interrupted when that call returns to Python.
"""
from __future__ import annotations

import contextlib
import io
import signal
import threading
import time
from typing import BinaryIO, Callable, Iterator

from .errors import DocumentError, InputLimitError


class LimitedReader(io.RawIOBase):
    """A read-only stream that raises ``InputLimitError`` past ``max_bytes`` in total
    or past ``max_line`` bytes without a newline. The message names ``source``, never the data."""

    def __init__(self, stream: BinaryIO, *, source: str, max_bytes: int, max_line: int):
        super().__init__()
        self._stream = stream
        self.source = source
        self.max_bytes = max_bytes
        self.max_line = max_line
        self.total = 0
        self._run = 0  # bytes since the last newline
        self.failed: Exception | None = None  # the error a read raised, if any

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        data = self.read(len(buf))
        n = len(data)
        buf[:n] = data
        return n

    def read(self, size: int = -1) -> bytes:
        try:
            return self._read(size)
        except Exception as exc:
            # warcio takes some errors of its stream (EOFError) for a normal end: the
            # caller looks here after the last record.
            self.failed = exc
            raise

    def _read(self, size: int) -> bytes:
        if size is None or size < 0:
            size = 1 << 16  # never the whole stream at once
        # read1: one underlying read, so the bytes before a truncation arrive before its EOFError.
        read = getattr(self._stream, "read1", self._stream.read)
        data = read(min(size, 1 << 20))
        if not data:
            return b""
        self.total += len(data)
        if self.total > self.max_bytes:
            raise InputLimitError(
                f"more than {self.max_bytes} bytes after decompression: refused (setting max_archive_bytes)",
                source=self.source)
        nl = data.rfind(b"\n")
        self._run = len(data) - nl - 1 if nl >= 0 else self._run + len(data)
        if self._run > self.max_line:
            raise InputLimitError(
                f"a line longer than {self.max_line} bytes near byte {self.total}: "
                "not a readable archive (gzip bomb or corrupt data)", source=self.source)
        return data


_main = threading.main_thread


@contextlib.contextmanager
def time_limit(seconds: float, make_error: Callable[[], DocumentError]) -> Iterator[None]:
    """Raise ``make_error()`` in the block once ``seconds`` of wall time have passed (0: no limit)."""
    if not seconds or seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not _main():
        yield
        return
    outer_left, _ = signal.getitimer(signal.ITIMER_REAL)
    if outer_left and outer_left <= seconds:
        yield  # the enclosing limit fires first and stays in charge
        return
    def on_alarm(signum, frame):  # noqa: ARG001
        raise make_error()

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
        if outer_left:
            signal.setitimer(signal.ITIMER_REAL, max(outer_left - (time.monotonic() - started), 0.001))
