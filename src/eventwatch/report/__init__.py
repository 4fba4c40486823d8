"""Country reports: ``write_report(store, country=..., since=..., until=..., out=...)``.

A human-rights style report of one country's events over a period: counts
by type over time (an SVG chart rendered here, offline), the main actors, and
the key events with their quotes and numbered citations to the stored
articles. ``.html`` gives one self-contained page; ``.md`` gives Markdown and
the chart as ``<name>.svg`` beside it.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, Optional

from ..errors import ExportError
from ..export.output import atomic_path
from .data import ReportData, gather, quotes_from_store
from .render import chart_svg, render_html, render_markdown

log = logging.getLogger(__name__)

SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


def report_format(out: str | os.PathLike) -> str:
    fmt = SUFFIXES.get(Path(out).suffix.lower())
    if fmt is None:
        raise ExportError(f"{out}: a report is .html or .md; the file name decides which")
    return fmt


def _write(path: Path, content: str) -> None:
    with atomic_path(path) as partial:
        partial.write_text(content, encoding="utf-8")


def write_report(store: Any, *, country: str, out: str | os.PathLike, since: Optional[str] = None,
                 until: Optional[str] = None, key: int = 10, **filters: Any) -> ReportData:
    """Render the report of ``country`` to ``out`` (HTML or Markdown by its suffix) and return its data."""
    out = Path(out)
    fmt = report_format(out)
    bounds = {k: v for k, v in (("since", since), ("until", until)) if v}
    events = store.iter_events(country=country, **bounds, **filters)
    data = gather(events, quotes_from_store(store), country=country, since=since, until=until, key=key)
    if fmt == "html":
        _write(out, render_html(data))
    else:
        chart = out.with_suffix(".svg")
        _write(chart, chart_svg(data))
        _write(out, render_markdown(data, chart_file=chart.name))
    log.info("report of %s: %d events, %d key events, %d citations -> %s", country, data.total,
             len(data.key_events), len(data.citations), out)
    return data
