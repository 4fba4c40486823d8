"""Build tests/data/quotes_blind_wire.jsonl from tests/data/quotes_blind_wire.txt.

25 of the project's own wire stories (data/annotations/texts/wire-090.txt,
wire-095.txt, ... wire-210.txt: every 5th of wire-086..215, written by other
helpers for event annotation and never read while writing quote rules) were
annotated for quotes before eventwatch ever ran on them (issue 9), so the
first run's score is a blind score.

Conventions (PolNeAR, as the kit's ``quotes`` task reads it):
- D direct (content wholly in marks), M mixed (reported content with marked
  words, scare quotes of the speaker's own words included), I indirect (not
  scored; it only decides which predictions are ignored).
- Terms in marks that nobody is quoted as saying (a law's name, "total
  peace" as a slogan, "lithium triangle") are no attribution.
- The speaker is the mention the cue's subject is: a pronoun or role
  ("he said", "the president defended") keeps its own span and carries the
  name it stands for in ``name``. An outlet is never the speaker of a quote
  by a person it reports ("told Iranian state television", "Japanese media
  reported"); it is the speaker only of its own words ("State television
  said the truce would last ...").
- ``"A," X said. "B."`` with no cue of its own for B is one attribution of
  two pieces; a piece with its own cue ("he added") is a new one.
- The marked fragments of one sentence by one speaker mention are one
  attribution (``accused X of "A" and warned that "B"``), as the project's
  older gold (quotes_news.jsonl) and the program count them. The lines were
  written with such fragments apart (PolNeAR's one cue, one attribution);
  ``join_sentence_fragments`` applies the project's convention to them
  mechanically, after the first run: 5 pairs, none of them re-read. With the
  fragments apart the first run scored quote+speaker F1 0.867; with them
  joined, 0.885 (tests/test_quality_quotes.py).

Line format, one attribution a line under ``# <story id>``:
  KIND | content | speaker[@context] | name
content is an exact substring of the story; "A <> B" spans from A to the
end of B; " ~ " separates the pieces of one attribution. The speaker is the
occurrence nearest the quote (of ``context`` when given, the speaker being
inside it); ``-`` for none. The records carry the story text, and its file.

    python tests/data/make_quotes_blind_wire.py                      # the first set
    python tests/data/make_quotes_blind_wire.py quotes_blind_wire2   # the second

The second set, ``quotes_blind_wire2``: 15 more of our wire stories (wire-400, wire-410, ...
wire-540), annotated the same way by a helper who saw neither the program's output nor its code,
before its first run (issue 9's closing measurement).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXTS = HERE.parent.parent / "data" / "annotations" / "texts"
KINDS = {"D": "direct", "M": "mixed", "I": "indirect"}


def find_piece(text: str, piece: str, pos: int) -> tuple[int, int]:
    """(start, end) of a content piece, searched from ``pos`` first (the story order)."""
    head, _, tail = piece.partition(" <> ")
    start = text.find(head, pos)
    if start < 0:
        start = text.find(head)
    if start < 0:
        raise ValueError(f"content not found: {head!r}")
    if not tail:
        return start, start + len(head)
    end = text.find(tail, start)
    if end < 0:
        raise ValueError(f"content end not found: {tail!r}")
    return start, end + len(tail)


def find_speaker(text: str, spec: str, qa: int, qb: int) -> tuple[str, int]:
    """The speaker's text and start: the occurrence nearest the quote, before it preferred on a tie."""
    stext, _, ctx = spec.partition("@")
    probe = ctx or stext
    starts = [k for k in range(len(text)) if text.startswith(probe, k)]
    if not starts:
        raise ValueError(f"speaker not found: {probe!r}")
    k = min(starts, key=lambda k: qa - k if k < qa else k - qb + 0.5)
    off = probe.find(stext)
    if off < 0:
        raise ValueError(f"speaker {stext!r} not inside its context {ctx!r}")
    return stext, k + off


def attribution(text: str, line: str, pos: int, number: int) -> dict:
    parts = [p.strip() for p in line.split(" | ")]
    kind, content, spk = parts[0], parts[1], parts[2]
    name = parts[3] if len(parts) > 3 else None
    segs = [find_piece(text, piece, pos) for piece in content.split(" ~ ")]
    att = {"id": number, "quote_type": KINDS[kind],
           "content": {"text": " … ".join(text[a:b] for a, b in segs),
                       "segments": [{"char_start": a, "char_end": b} for a, b in segs]},
           "speaker": None}
    if spk != "-":
        stext, s0 = find_speaker(text, spk, segs[0][0], segs[-1][1])
        att["speaker"] = {"text": stext, "name": name or stext,
                          "segments": [{"char_start": s0, "char_end": s0 + len(stext)}]}
    return att


def join_sentence_fragments(text: str, atts: list[dict]) -> list[dict]:
    """Mixed attributions of one speaker mention with no sentence end between them become one."""
    out: list[dict] = []
    for att in atts:
        prev = out[-1] if out else None
        if (prev is not None and prev["quote_type"] == att["quote_type"] == "mixed"
                and prev["speaker"] and att["speaker"]
                and prev["speaker"]["segments"] == att["speaker"]["segments"]):
            gap = text[prev["content"]["segments"][-1]["char_end"]:att["content"]["segments"][0]["char_start"]]
            if "\n" not in gap and not re.search(r"[.!?][\"”]?\s+[A-Z]", gap):
                prev["content"]["segments"] += att["content"]["segments"]
                prev["content"]["text"] += " … " + att["content"]["text"]
                continue
        out.append(att)
    for k, att in enumerate(out, 1):
        att["id"] = k
    return out


def build(gold_txt: Path) -> list[dict]:
    records: list[dict] = []
    pos = 0
    for line in gold_txt.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if line.startswith("# "):
            story = line[2:].strip()
            path = TEXTS / f"{story}.txt"
            records.append({"id": story, "text": path.read_text(encoding="utf-8"), "publication_date": None,
                            "expected": {"attributions": []},
                            "meta": {"source": f"data/annotations/texts/{story}.txt",
                                     "annotated": "blind, before any eventwatch run on it"}})
            pos = 0
            continue
        rec = records[-1]
        atts = rec["expected"]["attributions"]
        att = attribution(rec["text"], line, pos, len(atts) + 1)
        pos = att["content"]["segments"][-1]["char_end"]
        atts.append(att)
    for rec in records:
        rec["expected"]["attributions"] = join_sentence_fragments(rec["text"], rec["expected"]["attributions"])
    return records


def main() -> None:
    # the second set (wire-400 ... wire-540, every 10th) shares the format: pass its name
    name = sys.argv[1] if len(sys.argv) > 1 else "quotes_blind_wire"
    records = build(HERE / f"{name}.txt")
    with open(HERE / f"{name}.jsonl", "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    kinds = [a["quote_type"] for r in records for a in r["expected"]["attributions"]]
    print(len(records), "stories", {k: kinds.count(k) for k in KINDS.values()}, file=sys.stderr)


if __name__ == "__main__":
    main()
