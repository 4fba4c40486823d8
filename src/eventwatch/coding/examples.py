"""Training examples for the event model: annotated articles -> labelled sentences.

The model labels words, so gold events (``articles`` format, ../shared/eval/ARTICLES.md)
are turned into one label per parsed word: the head word of each gold trigger carries the
event's type and status, every other word of an annotated article is a real negative
(annotators mark every event-bearing sentence). The words are the annotate stage's own
tokens, and the rule feature is the pattern coder's proposal at each word, so training
sees exactly what the coder sees at run time.
"""
from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from ..codebook import PLOVER_TYPES
from ..errors import EventwatchError
from ..models import AnnotatedArticle, Event, Token
from .wordsets import POST_MODEL_FILES

log = logging.getLogger(__name__)

TYPES = ("NONE",) + PLOVER_TYPES
TYPE_INDEX = {t: i for i, t in enumerate(TYPES)}
STATUSES = ("occurred", "future", "hypothetical", "negated", "historical")
STATUS_INDEX = {s: i for i, s in enumerate(STATUSES)}
IGNORE = -100  # a word the loss does not read (punctuation, a word past the length cap)


class TrainingDataError(EventwatchError):
    """A training file that cannot be read as annotated articles."""


@dataclass
class SentenceExample:
    """One sentence: its words, the rule coder's proposed type per word, and gold labels."""

    doc_id: str
    words: list[str]
    rule: list[int]  # TYPE_INDEX of the pattern coder's event at the word, 0 for none
    labels: list[int] = field(default_factory=list)  # TYPE_INDEX, or IGNORE
    status: list[int] = field(default_factory=list)  # STATUS_INDEX on event words, else IGNORE
    roles: list[tuple[int, list[int], list[int]]] = field(default_factory=list)  # trigger, actor, recipient words
    # trigger word -> the head words of the rule coder's actor and recipient for its event there
    rule_roles: dict[int, tuple[list[int], list[int]]] = field(default_factory=dict)
    tokens: list[Token] = field(default_factory=list)  # the parsed tokens (not stored)


def read_articles(paths: Iterable[str | Path]) -> list[dict]:
    """Every record of the given ``articles``-format JSONL files, in order; a bad line is named."""
    out: list[dict] = []
    for path in paths:
        path = Path(path)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise TrainingDataError(f"cannot read training file {path}: {exc.strerror}") from exc
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                events = rec["expected"]["events"]
                if not isinstance(rec["text"], str) or not isinstance(events, list):
                    raise TypeError("text must be a string and expected.events a list")
            except (ValueError, KeyError, TypeError) as exc:
                raise TrainingDataError(f"{path}:{n}: not an annotated article ({exc})") from exc
            out.append(rec)
    return out


def data_sha256(paths: Iterable[str | Path]) -> str:
    """One hash over the training files' names and bytes, recorded in the model artefact."""
    h = hashlib.sha256()
    # by name, not path: the same files give the same hash wherever they lie
    for path in sorted((Path(p) for p in paths), key=lambda p: (p.name, str(p))):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


CODEBOOK_DIR = Path(__file__).resolve().parents[1] / "codebook"


def codebook_sha256() -> str:
    """The rule coder's codebook, whose proposals are a model feature: a changed codebook means
    the same data would now train a different model. The place and ruling word lists are left
    out: they choose an event's location or act on the model's output, and no feature reads them."""
    return data_sha256(sorted(p for p in CODEBOOK_DIR.glob("*.yaml") if p.name not in POST_MODEL_FILES))


def head_token(tokens: list[Token], start: int, end: int) -> Optional[Token]:
    """The syntactic head of the tokens inside [start, end): the one whose head lies outside."""
    inside = [t for t in tokens if t.start < end and t.end > start]
    if not inside:
        return None
    idx = {t.i for t in inside}
    heads = [t for t in inside if t.head not in idx or t.head == t.i]
    content = [t for t in heads if t.pos in ("VERB", "NOUN", "ADJ", "PROPN", "AUX")]
    return (content or heads or inside)[0]


def is_word(t: Token) -> bool:
    return t.pos not in ("PUNCT", "SPACE", "SYM") and bool(t.text.strip())


def sentence_units(ann: AnnotatedArticle, rule_events: list[Event]) -> Iterator[SentenceExample]:
    """The article's codable sentences as unlabelled examples (run time and training alike)."""
    text = ann.article.text
    rule_at, rule_ev = {}, {}
    for e in rule_events:
        rule_at.setdefault(e.trigger.start, TYPE_INDEX.get(e.type, 0))
        rule_ev.setdefault(e.trigger.start, e)
    for sent in ann.sentences:
        if ann.article.is_boilerplate(sent.start, sent.end):
            continue
        toks = [t for t in ann.tokens[sent.token_start:sent.token_end] if t.text.strip()]
        if len(toks) < 3 or not text[sent.start:sent.end].strip():
            continue
        yield SentenceExample(doc_id=ann.article.id, words=[t.text for t in toks],
                              rule=[rule_at.get(t.start, 0) for t in toks], tokens=toks,
                              rule_roles=proposed_roles(toks, rule_ev))


def proposed_roles(toks: list[Token], rule_ev: dict[int, Event]) -> dict[int, tuple[list[int], list[int]]]:
    """For each word the rule coder proposes an event on: the head words of its actor and
    recipient in ``toks``, a feature of the model's role head (the rules propose, the model decides)."""
    out: dict[int, tuple[list[int], list[int]]] = {}
    pos = {t.i: k for k, t in enumerate(toks)}
    for k, t in enumerate(toks):
        e = rule_ev.get(t.start)
        if e is None:
            continue
        sides = []
        for ents in (e.actor, e.recipient):
            heads = [head_token(toks, x.start, x.end) for x in ents]
            sides.append(sorted({pos[h.i] for h in heads if h is not None and h.i != t.i}))
        out[k] = (sides[0], sides[1])
    return out


def label_units(units: list[SentenceExample], gold_events: list[dict], *, partial: bool = False
                ) -> list[SentenceExample]:
    """Give every word of ``units`` its gold label: the trigger head's type and status, else NONE.
    ``partial``: only the given events are gold (a sentence labelled with one type); other words
    the rules propose as events are left unread rather than taught as NONE, and the events teach
    no roles (their actors and recipients were not annotated)."""
    by_start = {}
    for u in units:
        u.labels = [TYPE_INDEX["NONE"] if is_word(t) else IGNORE for t in u.tokens]
        u.status = [IGNORE] * len(u.tokens)
        for k, t in enumerate(u.tokens):
            by_start[t.i] = (u, k)
    all_tokens = [t for u in units for t in u.tokens]
    for ev in gold_events:
        trig = ev.get("trigger") or {}
        if ev.get("type") not in TYPE_INDEX or trig.get("char_start") is None:
            continue
        head = head_token(all_tokens, trig["char_start"], trig["char_end"])
        if head is None or head.i not in by_start:
            continue
        u, k = by_start[head.i]
        if u.labels[k] not in (TYPE_INDEX["NONE"], IGNORE):
            continue  # one event per predicate: the first annotation of a word wins
        u.labels[k] = TYPE_INDEX[ev["type"]]
        u.status[k] = STATUS_INDEX.get(ev.get("status") or "occurred", 0)
        if partial:
            continue  # a type-only label: its empty roles are unannotated, not "nobody"
        sides = []
        for side in ("actor", "recipient"):
            words = []
            for ent in ev.get(side) or []:
                if not isinstance(ent, dict) or ent.get("char_start") is None:
                    continue
                h = head_token(u.tokens, ent["char_start"], ent["char_end"])
                if h is not None and h.i != head.i:
                    words.append(u.tokens.index(h))
            sides.append(words)
        u.roles.append((k, sides[0], sides[1]))
    if partial:
        for u in units:
            for k, r in enumerate(u.rule):
                if r and u.labels[k] == TYPE_INDEX["NONE"]:
                    u.labels[k] = IGNORE
    return units
