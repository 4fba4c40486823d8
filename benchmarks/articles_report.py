"""Where the whole-article errors are: per-type scores and the most common error classes.

    python benchmarks/articles_report.py GOLD.jsonl PRED.jsonl [--top 10]

GOLD is an `articles` gold file (../shared/eval/ARTICLES.md), PRED the `eventwatch extract`
output for it (e.g. eval-out/articles/pred.jsonl from ../shared/eval/run.sh). Matching follows
the kit's `articles` task: same type, evidence overlapping the gold sentence, asserted events only.
Error classes: a predicted event in a sentence with no gold event, of another type than the
sentence's gold events (gold type -> predicted type), one the gold marks non-asserted, a surplus
one of a matched type, a missed gold event, and matched events with the actor or recipient wrong.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
ASSERTED = {"occurred", "historical", None, ""}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("pred", type=Path)
    ap.add_argument("--top", type=int, default=10)
    args = ap.parse_args()
    sys.path.insert(0, str(EVAL))
    import score  # the evaluation kit's own matching rules

    gold = {r["id"]: r for r in map(json.loads, args.gold.open(encoding="utf-8")) if r}
    pred = {r["id"]: r for r in map(json.loads, args.pred.open(encoding="utf-8")) if r}
    per = Counter()
    errors = Counter()
    for gid, g in gold.items():
        p = pred.get(gid, {"events": []})
        gev = [e for e in g["expected"]["events"] if e.get("status") in ASSERTED]
        allg = g["expected"]["events"]
        pev = [e for e in p.get("events") or [] if e.get("status") in ASSERTED]
        used = set()
        for pe in pev:
            w = score.span(pe.get("evidence")) or score.span(pe.get("trigger"))
            here = [i for i, ge in enumerate(gev) if w and score.overlap([w], [(ge["char_start"], ge["char_end"])])]
            hit = next((i for i in here if i not in used and gev[i]["type"] == pe["type"]), None)
            per[(pe["type"], "pred")] += 1
            if hit is not None:
                used.add(hit)
                ge = gev[hit]
                per[(pe["type"], "tp")] += 1
                if not score.ent_ok(ge.get("actor"), pe.get("actor")):
                    errors[f"{pe['type']}: actor wrong"] += 1
                if not score.ent_ok(ge.get("recipient"), pe.get("recipient")):
                    errors[f"{pe['type']}: recipient wrong"] += 1
                continue
            non_asserted = [ge for ge in allg if ge.get("status") not in ASSERTED and ge["type"] == pe["type"]
                            and w and score.overlap([w], [(ge["char_start"], ge["char_end"])])]
            if non_asserted:
                errors[f"{pe['type']}: gold says {non_asserted[0]['status']}"] += 1
            elif any(gev[i]["type"] == pe["type"] for i in here):
                errors[f"{pe['type']}: surplus event of a matched type"] += 1
            elif here:
                errors[f"{'/'.join(sorted({gev[i]['type'] for i in here}))} coded as {pe['type']}"] += 1
            else:
                errors[f"{pe['type']}: no event in the sentence"] += 1
        for i, ge in enumerate(gev):
            per[(ge["type"], "gold")] += 1
            if i not in used:
                errors[f"{ge['type']}: missed"] += 1
    print(f"{'type':<10} {'tp':>4} {'pred':>5} {'gold':>5} {'P':>5} {'R':>5} {'F1':>5}")
    for t in sorted({t for t, _ in per}, key=lambda t: -per[(t, "gold")]):
        tp, n_p, n_g = per[(t, "tp")], per[(t, "pred")], per[(t, "gold")]
        pr, rc = (tp / n_p if n_p else 0.0), (tp / n_g if n_g else 0.0)
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        print(f"{t:<10} {tp:>4} {n_p:>5} {n_g:>5} {pr:>5.2f} {rc:>5.2f} {f1:>5.2f}")
    print(f"\nmost common errors (of {sum(errors.values())}):")
    for k, n in errors.most_common(args.top):
        print(f"{n:>4}  {k}")


if __name__ == "__main__":
    main()
