"""Turn hand-written article annotations (drafts) into `articles` gold records with offsets.

    python tools/build_annotations.py data/annotations/drafts/batch-a.jsonl -o data/annotations/batch-a.jsonl

A draft line is one story: ``{"id", "source": "ngec:ROW" | "file:PATH", "publication_date",
"events": [...]}`` or it carries its own ``"text"``. Each event copies its ``sentence`` and
``trigger`` from the story character for character and gives ``type``, ``mode``, ``status``,
``actor`` and ``recipient`` lists (``text``, ``name``, ``country``, ``sector``), ``date``,
``location``; ``trigger_nth`` / an entity's ``nth`` pick a later occurrence inside the sentence.
A line ``{"id", "withdrawn": REASON}`` keeps its place in the held-out split (every Nth story)
but gives no record: a story dropped after the split was made, e.g. for sharing text with dev gold.
The output follows ../shared/eval/ARTICLES.md, so ../shared/eval/score.py scores it.
Every problem is reported with the draft's line; nothing is guessed.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from eventwatch.codebook import PLOVER_MODES, PLOVER_TYPES, SECTORS  # noqa: E402

NGEC = ROOT.parent / "shared" / "corpus" / "ngec-synthetic" / "synthetic_events.csv"
STATUSES = {"occurred", "future", "hypothetical", "negated", "historical"}
NONSTATE = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
_ngec_rows: list[dict] | None = None


def ngec_text(row: int) -> str:
    global _ngec_rows
    if _ngec_rows is None:
        with open(NGEC, newline="", encoding="utf-8") as f:
            _ngec_rows = list(csv.DictReader(f))
    return _ngec_rows[row]["text"]


def story_text(d: dict) -> str:
    if isinstance(d.get("text"), str):
        return d["text"]
    src = d.get("source", "")
    if src.startswith("ngec:"):
        return ngec_text(int(src[5:]))
    if src.startswith("file:"):
        return (ROOT / src[5:]).read_text(encoding="utf-8")
    raise ValueError(f"no text and unknown source {src!r}")


def find(hay: str, needle: str, nth: int = 1, base: int = 0) -> int | None:
    pos = -1
    for _ in range(max(1, nth)):
        pos = hay.find(needle, pos + 1)
        if pos < 0:
            return None
    return base + pos


def on_word_edges(hay: str, pos: int, n: int) -> bool:
    """"he" must not match inside "the": the characters around the match are not letters."""
    before = hay[pos - 1] if pos > 0 else " "
    after = hay[pos + n] if pos + n < len(hay) else " "
    return not (before.isalnum() and hay[pos].isalnum()) and not (after.isalnum() and hay[pos + n - 1].isalnum())


def find_word(hay: str, needle: str, nth: int = 1, base: int = 0) -> int | None:
    """The nth occurrence of ``needle``; when that one sits inside a word ("he" in "the"), the nth
    occurrence that stands on word edges instead."""
    pos = find(hay, needle, nth)
    if pos is None or on_word_edges(hay, pos, len(needle)):
        return None if pos is None else base + pos
    hits, k = [], hay.find(needle)
    while k >= 0:
        if on_word_edges(hay, k, len(needle)):
            hits.append(k)
        k = hay.find(needle, k + 1)
    return base + hits[nth - 1] if len(hits) >= nth else None


def build_entity(ent: dict, s_text: str, s_start: int, errs: list[str], where: str) -> dict:
    out = {k: ent.get(k) for k in ("text", "name", "country", "sector")}
    if not isinstance(out["text"], str) or not out["text"].strip():
        errs.append(f"{where}: entity without text")
        return out
    c, s = out["country"], out["sector"]
    if c is not None and not (isinstance(c, str) and re.fullmatch(r"[A-Z]{3}", c)):
        errs.append(f"{where}: country {c!r} is not a 3-letter code or null")
    if s is not None and s not in SECTORS:
        errs.append(f"{where}: sector {s!r} unknown (use one of {', '.join(SECTORS)} or null)")
    a = find_word(s_text, out["text"], int(ent.get("nth", 1)), s_start)
    if a is None:
        errs.append(f"{where}: entity text {out['text']!r} not in the sentence")
    elif not on_word_edges(s_text, a - s_start, len(out["text"])):
        errs.append(f"{where}: entity text {out['text']!r} matches inside a word (set nth)")
    else:
        out["char_start"], out["char_end"] = a, a + len(out["text"])
    return out


def build_story(d: dict, lineno: int) -> tuple[dict | None, list[str]]:
    errs: list[str] = []
    try:
        text = story_text(d)
    except Exception as exc:  # a bad source names the line
        return None, [f"line {lineno}: {exc}"]
    events = []
    for i, e in enumerate(d.get("events") or []):
        where = f"line {lineno} ({d.get('id')}) event {i + 1}"
        sent = e.get("sentence") or ""
        s0 = find(text, sent, int(e.get("sentence_nth", 1))) if sent else None
        if s0 is None:
            errs.append(f"{where}: sentence not found verbatim in the story: {sent[:70]!r}")
            continue
        if e.get("type") not in PLOVER_TYPES:
            errs.append(f"{where}: type {e.get('type')!r} unknown")
        mode = e.get("mode") or None
        if mode is not None and mode not in PLOVER_MODES.get(e.get("type"), ()):
            errs.append(f"{where}: mode {mode!r} not a mode of {e.get('type')}")
        if e.get("status") not in STATUSES:
            errs.append(f"{where}: status {e.get('status')!r} unknown")
        trig = e.get("trigger") or ""
        t0 = find_word(sent, trig, int(e.get("trigger_nth", 1)), s0) if trig else None
        if t0 is None:
            errs.append(f"{where}: trigger {trig!r} not in the sentence")
            continue
        if not on_word_edges(sent, t0 - s0, len(trig)):
            errs.append(f"{where}: trigger {trig!r} matches inside a word (set trigger_nth)")
        date = e.get("date")
        if date is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(date)):
            errs.append(f"{where}: date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        loc = e.get("location")
        if loc is not None and not (isinstance(loc, dict) and loc.get("name")):
            errs.append(f"{where}: location must be null or {{name, country}}")
        ev = {"type": e.get("type"), "mode": mode, "status": e.get("status"), "sentence": sent,
              "trigger": {"text": trig, "char_start": t0, "char_end": t0 + len(trig)},
              "actor": [build_entity(a, sent, s0, errs, where + " actor") for a in e.get("actor") or []],
              "recipient": [build_entity(r, sent, s0, errs, where + " recipient")
                            for r in e.get("recipient") or []],
              "date": date, "location": loc, "char_start": s0, "char_end": s0 + len(sent)}
        events.append(ev)
    rec = {"id": d.get("id"), "text": text, "publication_date": d.get("publication_date"),
           "expected": {"events": events},
           "meta": {"source": d.get("source"), "annotator": d.get("annotator"), "blind": d.get("blind", True)}}
    return rec, errs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("drafts", nargs="+", type=Path)
    ap.add_argument("-o", "--out", type=Path, help="output JSONL (default: print errors only)")
    ap.add_argument("--heldout-every", type=int, default=0, metavar="N",
                    help="every Nth story of each draft file (the 1st, the N+1th, ...) goes to --heldout-out")
    ap.add_argument("--heldout-out", type=Path, help="output JSONL of the held-out stories")
    args = ap.parse_args(argv)
    out, held, n_err, ids, n_withdrawn = [], [], 0, set(), 0
    for path in args.drafts:
        n_story = 0
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{path}:{lineno}: not JSON: {exc}")
                n_err += 1
                continue
            if d.get("id") in ids:
                print(f"{path}:{lineno}: duplicate id {d.get('id')!r}")
                n_err += 1
            ids.add(d.get("id"))
            if d.get("withdrawn"):
                n_story += 1
                n_withdrawn += 1
                continue
            rec, errs = build_story(d, lineno)
            for msg in errs:
                print(f"{path}: {msg}")
            n_err += len(errs)
            if rec is not None:
                to_held = args.heldout_every and n_story % args.heldout_every == 0
                (held if to_held else out).append(rec)
                n_story += 1
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            for r in out:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    if args.heldout_out:
        with open(args.heldout_out, "w", encoding="utf-8") as f:
            for r in held:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    n_ev = sum(len(r["expected"]["events"]) for r in out + held)
    print(f"{len(out) + len(held)} stories ({len(held)} held out, {n_withdrawn} withdrawn), "
          f"{n_ev} events, {n_err} problems")
    return 1 if n_err else 0


if __name__ == "__main__":
    sys.exit(main())
