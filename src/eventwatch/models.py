"""The records that cross stage boundaries.

The data flow is one direction (DESIGN.md):

    RawDoc --ingest--> Article --annotate--> AnnotatedArticle --code--> list[Event]

Only these records cross a stage boundary: no dicts, and no spaCy objects
after the annotate stage. Every span is a pair of Python string offsets into
``Article.text`` (end exclusive). ``to_dict`` gives the JSON contract form.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal, Optional

InputKind = Literal["text", "html"]


@dataclass
class RawDoc:
    """What a source yields: bytes or text, plus whatever the source knew.

    ``content`` is ``str`` for plain text and JSONL ``text`` (taken unchanged,
    so offsets stay aligned with the caller's copy) and ``bytes`` for HTML,
    whose encoding the text stage decides.
    """

    id: str
    content: str | bytes
    kind: InputKind = "text"
    source: str = ""  # path, URL or "stdin:LINE": where the document came from
    url: Optional[str] = None
    title: Optional[str] = None
    publication_date: Optional[str] = None  # ISO 8601, as given
    publisher: Optional[str] = None
    # The caller's --published date for an HTML document with no date of its
    # own: the text stage prefers a date in the page's metadata over it.
    published_default: Optional[str] = None


@dataclass
class Article:
    """Main text plus metadata, the text every later offset refers to."""

    id: str
    text: str
    source: str = ""
    url: Optional[str] = None
    title: Optional[str] = None
    author: Optional[str] = None
    publisher: Optional[str] = None
    publication_date: Optional[str] = None
    language: Optional[str] = None
    content_hash: str = ""
    # Spans of ``text`` that are boilerplate (sign-up forms, share bars): kept
    # in ``text`` so caller offsets hold, but never annotated or coded.
    boilerplate: list[tuple[int, int]] = field(default_factory=list)
    minhash: Optional[list[int]] = None  # MinHash signature for near-duplicates
    dup_group: Optional[str] = None
    warnings: list[str] = field(default_factory=list)

    def content_ranges(self) -> list[tuple[int, int]]:
        """The spans of ``text`` that are not boilerplate, in order."""
        out, pos = [], 0
        for start, end in sorted(self.boilerplate):
            if start > pos:
                out.append((pos, start))
            pos = max(pos, end)
        if pos < len(self.text):
            out.append((pos, len(self.text)))
        return out

    def is_boilerplate(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.boilerplate)


@dataclass
class Token:
    """One token of the parse, in a form that outlives spaCy.

    ``i`` is the index within the article, ``head`` the index of the head
    token (itself for a root), ``sent`` the index of its sentence.
    """

    i: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    sent: int
    ent_iob: str = "O"
    ent_type: str = ""
    morph: str = ""
    ws: str = ""  # trailing whitespace


@dataclass
class Sentence:
    start: int
    end: int
    token_start: int  # index of the first token
    token_end: int  # one past the last token


@dataclass
class Entity:
    """A mention of a person, organisation, state or group."""

    text: str
    start: int
    end: int
    label: str = ""  # spaCy label after correction (PERSON, ORG, GPE, NORP, MEDIA...)
    name: Optional[str] = None  # canonical name from the dictionary or rules
    country: Optional[str] = None  # ISO-3, or IGO/UNO/NGO/... for non-state actors
    sector: Optional[str] = None  # PLOVER primary sector (GOV, COP, CVL, ...)
    kind: Optional[str] = None  # "person", "organization", "state", "group", "media", "place"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class Speaker:
    text: str
    start: Optional[int]
    end: Optional[int]
    name: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "start": self.start, "end": self.end}


@dataclass
class Quote:
    text: str
    start: int
    end: int
    kind: Literal["direct", "partial", "indirect"] = "direct"
    cue: Optional[str] = None
    speaker: Optional[Speaker] = None
    attribution: Optional[str] = None  # outlet that reports the quote, if not the speaker
    # The quoted pieces of one attribution interrupted by its cue ("A," Roth
    # said, "B."): [start, end) spans inside [start, end). Empty: one piece.
    segments: list[tuple[int, int]] = field(default_factory=list)

    def pieces(self) -> list[tuple[int, int]]:
        return list(self.segments) or [(self.start, self.end)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "cue": self.cue,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "attribution": self.attribution,
            "segments": [{"start": s, "end": e} for s, e in self.pieces()],
        }


@dataclass
class DateMention:
    text: str
    start: int
    end: int
    value: Optional[str]  # ISO 8601 at its precision, or None when unresolvable
    precision: Optional[str]  # day, month, year, decade, duration, ...

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Place:
    text: str
    start: int
    end: int
    name: Optional[str] = None
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    feature: Optional[str] = None  # country, city, region, ...

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
        }


@dataclass
class AnnotatedArticle:
    article: Article
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    contexts: list[str] = field(default_factory=list)  # article-level PLOVER contexts
    warnings: list[str] = field(default_factory=list)


@dataclass
class Trigger:
    text: str
    start: int
    end: int


@dataclass
class Evidence:
    start: int
    end: int


@dataclass
class Event:
    type: str
    trigger: Trigger
    evidence: Evidence
    mode: Optional[str] = None
    context: list[str] = field(default_factory=list)
    status: str = "occurred"
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    date: Optional[str] = None
    date_precision: Optional[str] = None
    location: Optional[Place] = None
    attribution: Optional[str] = None
    cameo: Optional[str] = None
    confidence: float = 0.0
    coder: str = "pattern"  # which coder produced it: pattern, classifier, both

    def to_dict(self) -> dict[str, Any]:
        loc = None
        if self.location is not None:
            loc = {
                k: v for k, v in self.location.to_dict().items() if k not in ("start", "end")
            }
        return {
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "status": self.status,
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [r.to_dict() for r in self.recipient],
            "date": self.date,
            "date_precision": self.date_precision,
            "location": loc,
            "attribution": self.attribution,
            "trigger": asdict(self.trigger),
            "evidence": asdict(self.evidence),
            "cameo": self.cameo,
            "confidence": round(self.confidence, 3),
            "coder": self.coder,
        }


@dataclass
class Skip:
    """A document that could not be processed, and why. Never silently lost."""

    source: str
    stage: str  # ingest, text, annotate, code, store
    reason: str
    doc_id: Optional[str] = None


@dataclass
class Extraction:
    """One document's result: the JSON contract of ``eventwatch extract``."""

    article: Article
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    contexts: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "id": a.id,
            "url": a.url,
            "title": a.title,
            "publication_date": a.publication_date,
            "language": a.language,
            "text": a.text,
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "dates": [d.to_dict() for d in self.dates],
            "places": [p.to_dict() for p in self.places],
            "context": list(self.contexts),
            "warnings": list(self.warnings),
        }
