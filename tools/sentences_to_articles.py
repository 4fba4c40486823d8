"""Our hand-written wire-style sentences (type labels only) -> partial `articles` training records.

    python tools/sentences_to_articles.py src/eventwatch/coding/data/train*.yaml -o data/annotations/train-sentences.jsonl

Each sentence labelled with a type becomes a one-sentence article whose event's trigger is the rule
coder's trigger of that type (a sentence where the rules find no trigger of its type is left out:
a word label cannot be guessed). The records are marked ``partial``: only the labelled trigger is
gold, other words the rules propose are not read by the loss. NONE sentences are full negatives.
Sentences too close to an evaluation sentence (word Jaccard >= 0.5 with any sentence of the files
given by --exclude) are dropped, and counted.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwatch.codebook import iter_entries, load_yaml  # noqa: E402

WORD = re.compile(r"[a-z0-9]+")


def words(s: str) -> set[str]:
    return set(WORD.findall(s.lower()))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("yaml", nargs="+", type=Path)
    ap.add_argument("-o", "--out", type=Path, required=True)
    ap.add_argument("--exclude", nargs="*", type=Path, default=[],
                    help="JSONL files (id/text) whose sentences must not be near-copied into training")
    args = ap.parse_args(argv)
    from eventwatch.annotate.pipeline import annotate_many
    from eventwatch.coding.patterns import code_patterns
    from eventwatch.models import RawDoc
    from eventwatch.text.extract import to_article

    ev_sents = []
    for p in args.exclude:
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                for s in re.split(r"(?<=[.!?])\s+", json.loads(line).get("text") or ""):
                    if len(s) > 20:
                        ev_sents.append(words(s))
    rows = []
    for path in args.yaml:
        for e in iter_entries(load_yaml(str(path)), "sentences", str(path)):
            rows.append((path.name, e["type"], e.get("mode"), e["text"]))
    near = [r for r in rows if any(len(words(r[3]) & w) / max(1, len(words(r[3]) | w)) >= 0.5 for w in ev_sents)]
    rows = [r for r in rows if r not in near]
    arts = [to_article(RawDoc(id=f"sent-{i:04d}", content=t, kind="text", source=src, publication_date=None))
            for i, (src, _, _, t) in enumerate(rows)]
    out, missed = [], 0
    for (src, typ, mode, text), ann in zip(rows, annotate_many(arts)):
        events = []
        if typ != "NONE":
            trig = next((ev for ev in code_patterns(ann) if ev.type == typ), None)
            if trig is None:
                missed += 1
                continue
            events.append({"type": typ, "mode": mode, "status": "occurred", "sentence": text,
                           "trigger": {"text": trig.trigger.text, "char_start": trig.trigger.start,
                                       "char_end": trig.trigger.end},
                           "actor": [], "recipient": [], "date": None, "location": None,
                           "char_start": 0, "char_end": len(text)})
        out.append({"id": ann.article.id, "text": text, "publication_date": None, "expected": {"events": events},
                    "meta": {"source": src, "partial": typ != "NONE"}})
    with open(args.out, "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(out)} sentences written; {len(near)} dropped as near evaluation sentences; "
          f"{missed} without a rule trigger of their type")
    return 0


if __name__ == "__main__":
    sys.exit(main())
