"""Throughput of annotation: bare spaCy vs eventwatch's annotate pipeline.

    python benchmarks/bench_annotate.py [--docs N] [--repeat R]

Texts are the project's samples/articles/*.txt (plus the test data texts),
repeated to at least N documents. Both sides are warmed first and timed best
of R over the same texts in the same process; the ratio (ours / bare spaCy)
targets <= 1.3. Per-component times come from running each pipe's ``pipe``
in turn over the batch, which is what nlp.pipe does internally.
"""
from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

import spacy

from eventwatch.annotate import nlp as nlp_mod
from eventwatch.annotate.pipeline import _make_doc, annotate_many
from eventwatch.models import Article

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[1]


def load_texts(n: int) -> list[str]:
    paths = sorted((ROOT / "samples" / "articles").glob("*.txt"))
    paths += sorted((ROOT / "tests" / "data").rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    texts = [t for t in texts if t.strip()]
    if not texts:  # no samples checked out: a generated news paragraph keeps the script runnable
        texts = ["Police arrested 12 protesters in Nairobi on Friday, the interior ministry said "
                 "on Jan. 15. Last week the government banned rallies until March 2020. " * 8]
    out = []
    while len(out) < n:
        out.extend(texts)
    return out[:n]


def best_of(r: int, fn) -> float:
    times = []
    for _ in range(r):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    texts = load_texts(args.docs)
    articles = [Article(id=f"b{i}", text=t, publication_date="2020-01-13") for i, t in enumerate(texts)]
    nchars = sum(map(len, texts))

    bare = spacy.load(nlp_mod.settings.get("spacy_model"))
    ours = nlp_mod.load()
    # warm both (lazy tables, dictionaries, dateparser's language data)
    list(bare.pipe(texts[:10]))
    list(annotate_many(articles[:10], nlp=ours))

    t_bare = best_of(args.repeat, lambda: list(bare.pipe(texts)))
    t_ours = best_of(args.repeat, lambda: list(annotate_many(articles, nlp=ours)))
    print(f"docs: {len(texts)}  chars: {nchars}")
    print(f"bare spaCy ({bare.pipe_names}): {t_bare:.2f} s  ({len(texts) / t_bare:.1f} docs/s)")
    print(f"eventwatch annotate_many: {t_ours:.2f} s  ({len(texts) / t_ours:.1f} docs/s)")
    print(f"RATIO: {t_ours / t_bare:.2f}  (target <= 1.3)")

    # per component: feed the batch through each pipe in order
    docs = [_make_doc(ours, a) for a in articles]
    print("per component (s):")
    for name, proc in ours.pipeline:
        t0 = time.perf_counter()
        docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        print(f"  {name:<20} {time.perf_counter() - t0:7.3f}")


if __name__ == "__main__":
    main()
