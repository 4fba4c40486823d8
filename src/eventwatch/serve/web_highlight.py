"""Article text cut into plain pieces with the spans that cover each, for the templates to mark up.

Nothing here builds HTML: a piece is ``(text, kinds)`` and the template
writes ``<mark class="...">{{ text }}</mark>`` with autoescape on, so article
text can never become markup, whatever it contains.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

# Reader legend, in drawing order: the class each kind gets and what it means.
KINDS = {"event": "an event's evidence", "trigger": "the word that codes it", "quote": "a quote",
         "date": "a date", "place": "a place"}
CONTEXT_CHARS = 400


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    label: Optional[str] = None  # a tooltip: the event type, the date's value, the place's name
    anchor: Optional[str] = None  # an id to link to (the first piece of the span gets it)


@dataclass
class Piece:
    text: str
    kinds: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    anchors: tuple[str, ...] = field(default_factory=tuple)

    @property
    def css(self) -> str:
        return " ".join(f"hl-{k}" for k in self.kinds)

    @property
    def title(self) -> str:
        return "; ".join(self.labels)


def clip(spans: Iterable[Span], length: int) -> list[Span]:
    """Spans inside ``[0, length)``, empty or reversed ones dropped (stored offsets are not trusted)."""
    out = []
    for s in spans:
        try:
            a, b = max(0, int(s.start)), min(length, int(s.end))
        except (TypeError, ValueError):
            continue
        if a < b:
            out.append(Span(a, b, s.kind, s.label, s.anchor))
    return out


def pieces(text: str, spans: Iterable[Span], lo: int = 0, hi: Optional[int] = None) -> list[Piece]:
    """``text[lo:hi]`` cut at every span boundary; each piece lists the kinds of the spans over it."""
    hi = len(text) if hi is None else min(hi, len(text))
    lo = max(0, lo)
    kept = [s for s in clip(spans, len(text)) if s.end > lo and s.start < hi]
    cuts = sorted({lo, hi, *(max(lo, s.start) for s in kept), *(min(hi, s.end) for s in kept)})
    out: list[Piece] = []
    for a, b in zip(cuts, cuts[1:]):
        over = [s for s in kept if s.start <= a and s.end >= b]
        kinds = tuple(k for k in KINDS if any(s.kind == k for s in over))
        labels = tuple(dict.fromkeys(s.label for s in over if s.label))
        anchors = tuple(s.anchor for s in over if s.anchor and s.start == a)
        out.append(Piece(text[a:b], kinds, labels, anchors))
    return out


def window(text: str, start: int, end: int, chars: int = CONTEXT_CHARS) -> tuple[int, int]:
    """About ``chars`` characters of context either side of ``[start, end)``, cut at whitespace."""
    lo, hi = max(0, start - chars), min(len(text), end + chars)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    return lo, hi


def mention_view(text: str, start: Optional[int], end: Optional[int], trigger: Optional[tuple[int, int]],
                 chars: int = CONTEXT_CHARS) -> dict:
    """One mention's evidence inside its article: ``before``, ``evidence`` (pieces, the trigger among
    them) and ``after`` plain strings, with whether text was cut either side."""
    if start is None or end is None or not (0 <= int(start) < int(end) <= len(text)):
        return {"before": "", "evidence": [], "after": "", "cut_before": False, "cut_after": False, "ok": False}
    start, end = int(start), int(end)
    lo, hi = window(text, start, end, chars)
    spans = [Span(trigger[0], trigger[1], "trigger")] if trigger else []
    return {"before": text[lo:start], "evidence": pieces(text, spans, start, end), "after": text[end:hi],
            "cut_before": lo > 0, "cut_after": hi < len(text), "ok": True}


def record_spans(record: dict) -> list[Span]:
    """Every highlighted span of an extraction record (the JSON contract): events, triggers, quotes,
    dates, places."""
    spans: list[Span] = []
    for ev in record.get("events") or []:
        evid, trig = ev.get("evidence") or {}, ev.get("trigger") or {}
        label = " ".join(x for x in (ev.get("type"), ev.get("mode"), ev.get("status")) if x)
        if evid.get("start") is not None:
            spans.append(Span(evid["start"], evid.get("end"), "event", label, f"at{evid['start']}"))
        if trig.get("start") is not None:
            spans.append(Span(trig["start"], trig.get("end"), "trigger", label))
    for q in record.get("quotes") or []:
        who = (q.get("speaker") or {}).get("name") or (q.get("speaker") or {}).get("text")
        segs = q.get("segments") or [{"start": q.get("start"), "end": q.get("end")}]
        for s in segs:
            spans.append(Span(s.get("start"), s.get("end"), "quote", f"quote: {who}" if who else "quote"))
    for d in record.get("dates") or []:
        spans.append(Span(d.get("start"), d.get("end"), "date", f"date: {d.get('value') or '?'}"))
    for p in record.get("places") or []:
        spans.append(Span(p.get("start"), p.get("end"), "place",
                          f"place: {p.get('name') or p.get('text')} ({p.get('country') or '?'})"))
    return spans
