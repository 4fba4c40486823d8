"""PLOVER dev report for the issue note: per-type table, confusion table, the most common errors.

    python benchmarks/plover_report.py GOLD.jsonl PRED.jsonl [--top 10] [--markdown]

GOLD is a PLOVER gold file in the eval kit's format (one event per sentence,
``expected.event``); PRED is ``eventwatch extract`` output for it (e.g. the
``pred.jsonl`` that ``run.sh plover`` leaves). Matching is the scorer's: the
gold type against the set of predicted types of the same document, legacy
labels mapped (DEMAND→REQUEST, DISAPPROVE/INVESTIGATE→ACCUSE, FIGHT→ASSAULT).

Printed:
- per type: tp / fp / fn / P / R / F1 (fp counted on the predicted type);
- confusion: gold type (rows) × predicted types on the same sentence
  (columns; ``-`` = no event), each distinct predicted type counted once;
- the N most common error kinds, each with one example (id, trigger, text):
  ``missed G``, ``G coded as X``, ``extra X beside G``, ``G: actor country wrong``
  (``--types-only`` leaves the actor-country kinds out of the ranking).

Standard library only; nothing here feeds the codebook.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict

LEGACY = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
CC_ALIAS = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def norm_type(t):
    t = (t or "").strip().upper()
    return LEGACY.get(t, t) or None


def norm_cc(c):
    c = (c or "").strip().upper()
    return CC_ALIAS.get(c, c) or None


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def analyse(gold, preds):
    by_id = {str(p.get("id")): p for p in preds}
    counts = defaultdict(lambda: [0, 0, 0])  # type -> tp, fp, fn
    confusion = defaultdict(Counter)
    errors = Counter()
    example = {}

    def err(kind, g, evs):
        errors[kind] += 1
        if kind not in example:
            trig = ", ".join(f"{e.get('type')}:{(e.get('trigger') or {}).get('text')}" for e in evs) or "no event"
            example[kind] = (g["id"], trig, g["text"])

    for g in gold:
        gt = norm_type(g["expected"].get("event"))
        if gt is None:
            continue
        p = by_id.get(str(g["id"]), {})
        evs = [e for e in p.get("events") or [] if isinstance(e, dict)]
        pt = {norm_type(e.get("type")) for e in evs} - {None}
        if not pt:
            confusion[gt]["-"] += 1
        for t in pt:
            confusion[gt][t] += 1
        if gt in pt:
            counts[gt][0] += 1
            gcc = {norm_cc(a.get("code")) for a in g["expected"].get("source_actors") or []} - {None}
            same = [e for e in evs if norm_type(e.get("type")) == gt]
            got = {norm_cc(a.get("country")) for e in same for a in e.get("actor") or [] if isinstance(a, dict)}
            if gcc and not gcc & got:
                err(f"{gt}: actor country wrong", g, same)
        else:
            counts[gt][2] += 1
            if not pt:
                err(f"missed {gt} (no event)", g, evs)
            else:
                for t in sorted(pt):
                    err(f"{gt} coded as {t}", g, evs)
        for t in pt - {gt}:
            counts[t][1] += 1
            if gt in pt:
                err(f"extra {t} beside {gt}", g, evs)
    return counts, confusion, errors, example


def render(counts, confusion, errors, example, top=10, markdown=False):
    out = []
    types = sorted(counts, key=lambda t: (-(counts[t][0] + counts[t][2]), t))
    sep = " | " if markdown else "  "
    out.append("per type (tp/fp/fn, P, R, F1):")
    head = ["type", "tp", "fp", "fn", "P", "R", "F1"]
    rows = []
    tot = [0, 0, 0]
    for t in types:
        tp, fp, fn = counts[t]
        tot = [tot[0] + tp, tot[1] + fp, tot[2] + fn]
        p, r, f = _prf(tp, fp, fn)
        rows.append([t, tp, fp, fn, f"{p:.2f}", f"{r:.2f}", f"{f:.2f}"])
    p, r, f = _prf(*tot)
    rows.append(["micro", *tot, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}"])
    out += _table(head, rows, markdown)
    out.append("")
    out.append("confusion (rows: gold type; columns: predicted types on the same sentence; - = no event):")
    cols = sorted({c for row in confusion.values() for c in row} - {"-"}) + ["-"]
    short = {c: c[:4] for c in cols}
    rows = [[g] + [confusion[g][c] or "." for c in cols] for g in sorted(confusion)]
    out += _table(["gold\\pred"] + [short[c] for c in cols], rows, markdown)
    out.append("")
    out.append(f"the {top} most common errors:")
    for i, (kind, n) in enumerate(errors.most_common(top), 1):
        gid, trig, text = example[kind]
        snippet = text if len(text) <= 160 else text[:157] + "..."
        out.append(f"{i:2}. {kind}: {n}  e.g. {gid} [{trig}] {snippet}")
    del sep
    return "\n".join(out)


def _table(head, rows, markdown):
    if markdown:
        lines = ["| " + " | ".join(map(str, head)) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(map(str, r)) + " |" for r in rows]
        return lines
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)]
    fmt = lambda r: "  ".join(str(x).rjust(w) if i else str(x).ljust(w) for i, (x, w) in enumerate(zip(r, widths)))
    return [fmt(head)] + [fmt(r) for r in rows]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--markdown", action="store_true", help="tables as Markdown (for the issue note)")
    ap.add_argument("--types-only", action="store_true", help="rank type errors only (no actor-country kinds)")
    args = ap.parse_args(argv)
    counts, confusion, errors, example = analyse(read_jsonl(args.gold), read_jsonl(args.pred))
    if args.types_only:
        errors = Counter({k: n for k, n in errors.items() if not k.endswith("actor country wrong")})
    print(render(counts, confusion, errors, example, top=args.top, markdown=args.markdown))


if __name__ == "__main__":
    main()
