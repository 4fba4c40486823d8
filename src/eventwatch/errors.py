"""Every exception eventwatch raises on purpose.

A ``DocumentError`` concerns one document: the batch records it as a skip
(with its ``stage``) and goes on. Anything else is a bug or a setup problem.
"""
from __future__ import annotations


class EventwatchError(Exception):
    """Base of every eventwatch error."""


class DocumentError(EventwatchError):
    """One document cannot be processed; the batch records a skip and goes on."""

    stage = "ingest"

    def __init__(self, reason: str, *, source: str = "", doc_id: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.source = source
        self.doc_id = doc_id


class SourceError(DocumentError):
    """A source could not be read: missing file, bad record, truncated archive."""

    stage = "ingest"


class FetchError(SourceError):
    """A URL could not be fetched: refused, unreachable, too large, bad status."""


class PrivateAddressError(FetchError):
    """A URL resolves to a private, loopback or link-local address and private fetching is off."""


class TextError(DocumentError):
    """No usable main text: empty, binary, or nothing left after extraction."""

    stage = "text"


class AnnotationError(DocumentError):
    stage = "annotate"


class CodingError(DocumentError):
    stage = "code"


class CodebookError(EventwatchError):
    """A codebook YAML file is invalid; the message names the file and line."""

    def __init__(self, message: str, *, path: str = "", line: int | None = None):
        where = f"{path}:{line}: " if line is not None else (f"{path}: " if path else "")
        super().__init__(f"{where}{message}")
        self.path = path
        self.line = line


class StoreError(EventwatchError):
    """The database could not be opened, migrated or written."""


class ExportError(EventwatchError):
    """An export or report could not be written: the message names the output path."""


class InputLimitError(SourceError):
    """A reader went past a bound (decompressed bytes, line length): the input is hostile or broken."""


class DocumentTimeout(DocumentError):
    """One document ran past ``doc_timeout`` in a stage (or a fetch past ``fetch_deadline``)."""

    def __init__(self, reason: str, *, stage: str = "ingest", source: str = "", doc_id: str | None = None):
        super().__init__(reason, source=source, doc_id=doc_id)
        self.stage = stage


class QueryError(EventwatchError):
    """A query filter has an invalid value; the message names the filter and lists the valid values."""

    def __init__(self, message: str, *, name: str = "", valid: tuple[str, ...] | list[str] = ()):
        super().__init__(message)
        self.name = name
        self.valid = tuple(valid)


class SetupError(EventwatchError):
    """A required model or data package is missing or broken; the message names it and how to install it."""
