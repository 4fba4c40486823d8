"""Where the event model loses the gold events of an annotated article set.

    python tools/miss_profile.py ../shared/corpus/voa/pool-articles.jsonl
    python tools/miss_profile.py data/annotations/heldout-wire5.jsonl --by-type

Why: the threshold (setting ``min_confidence``) looks only at the model's belief in a word's
type. Before trying to buy recall (a lower threshold, a second-stage gate, more training) it helps
to know whether the missed events are words the model reads as events with too little belief, or
words it never reads as events. For every asserted gold event (status occurred or historical, as
the ``articles`` scorer counts them) the tool reports one class:

- ``found``: an asserted predicted event of its type has evidence overlapping the gold sentence
  (the scorer's match, without its one-to-one pairing);
- ``lost after the decision``: the model gives the gold type at least the threshold on a word of
  the gold trigger, and the rulings, the content and duplicate filters or the status removed it;
- ``p 0.5-threshold``, ``p 0.25-0.5``: the gold type's best probability on the trigger's words;
- ``never typed: NONE`` / ``never typed: other type``: below 0.25, and the trigger's most
  event-like word is NONE / another type;
- ``no trigger word``: the gold trigger covers no word the model reads (boilerplate, a cut).

Read-only; reproduces the miss profile in the README ("Where issue 8 stands").
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

ASSERTED = {"occurred", "historical", None, ""}
BANDS = ("found", "lost after the decision", "p 0.5-threshold", "p 0.25-0.5",
         "never typed: NONE", "never typed: other type", "no trigger word")


def classify(gold_type: str, trigger_probs: list, types: list[str], threshold: float) -> str:
    """The band of a missed gold event from the model's type probabilities on its trigger words
    (one row per word, columns in ``types`` order, NONE first)."""
    if not trigger_probs:
        return "no trigger word"
    j = types.index(gold_type)
    best = max(float(p[j]) for p in trigger_probs)
    if best >= threshold:
        return "lost after the decision"
    if best >= 0.5:
        return "p 0.5-threshold"
    if best >= 0.25:
        return "p 0.25-0.5"
    most = max(trigger_probs, key=lambda p: 1.0 - float(p[0]))
    return "never typed: NONE" if float(most[0]) > 0.5 else "never typed: other type"


def found(gold: dict, events) -> bool:
    s, e = gold["char_start"], gold["char_end"]
    return any(ev.type == gold["type"] and ev.status in ASSERTED and ev.evidence.start < e and s < ev.evidence.end
               for ev in events)


def profile(path: Path, threshold: float | None = None) -> tuple[Counter, dict[str, Counter]]:
    """Counts of each band over the file's asserted gold events, overall and by gold type."""
    from eventwatch import settings
    from eventwatch.annotate.pipeline import annotate_many
    from eventwatch.coding.coder import code, model_for
    from eventwatch.coding.examples import TYPES, sentence_units
    from eventwatch.coding.lexicon import load_lexicon
    from eventwatch.coding.patterns import code_patterns
    from eventwatch.models import RawDoc
    from eventwatch.text.extract import to_article

    thr = float(settings.get("min_confidence", threshold))
    golds = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_id = {g["id"]: g for g in golds}
    articles = [to_article(RawDoc(id=g["id"], content=g["text"], kind="text", source=str(path),
                                  publication_date=g.get("publication_date"))) for g in golds]
    total, per_type = Counter(), defaultdict(Counter)
    for ann in annotate_many(articles):
        events = code(ann)
        model = model_for(ann)
        if model is None:
            raise SystemExit("miss_profile: the event model is not available")
        units = list(sentence_units(ann, code_patterns(ann, load_lexicon())))
        probs = {}
        for u, pred in zip(units, model.predict(units)):
            for k, tok in enumerate(u.tokens):
                probs[(tok.start, tok.end)] = pred.types[k]
        for g in by_id[ann.article.id]["expected"]["events"]:
            if g.get("status") not in ASSERTED:
                continue
            if found(g, events):
                band = "found"
            else:
                t = g.get("trigger") or {}
                ts, te = t.get("char_start"), t.get("char_end")
                rows = [p for (s, e), p in probs.items() if ts is not None and s < te and ts < e]
                band = classify(g["type"], rows, list(TYPES), thr)
            total[band] += 1
            per_type[g["type"]][band] += 1
    return total, per_type


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path, help="annotated articles (eval/ARTICLES.md format, JSON Lines)")
    ap.add_argument("--threshold", type=float, default=None, help="default: the min_confidence setting")
    ap.add_argument("--by-type", action="store_true", help="also one line per gold type")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    total, per_type = profile(args.gold, args.threshold)
    n = sum(total.values())
    print(f"{args.gold}: {n} asserted gold events")
    for band in BANDS:
        print(f"  {band:<26} {total[band]:>5}  {total[band] / max(1, n):.2f}")
    if args.by_type:
        for typ, c in sorted(per_type.items(), key=lambda kv: -sum(kv[1].values())):
            print(f"  {typ:<10} " + "  ".join(f"{b.split(':')[-1].strip()}={c[b]}" for b in BANDS if c[b]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
