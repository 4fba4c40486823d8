"""Coding time as a ratio to annotation time over the same texts, in one run.

    python benchmarks/bench_coding.py [--docs N] [--coders pattern|pattern,model]

Texts are the project's samples/articles/*.txt plus tests/data texts, repeated
to at least N documents. Annotation (spaCy + annotators) is timed once, then
coding of the resulting AnnotatedArticles; target: coding <= 0.30 x annotation.
"""
from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

from eventwatch.annotate.pipeline import annotate_many
from eventwatch.coding.coder import code
from eventwatch.models import Article

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[1]


def load_texts(n: int) -> list[str]:
    paths = sorted((ROOT / "samples" / "articles").glob("*.txt"))
    paths += sorted((ROOT / "tests" / "data").rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    texts = [t for t in texts if t.strip()] or ["Police arrested ten protesters in Nairobi on Monday."]
    out = []
    while len(out) < n:
        out.extend(texts)
    return out[:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=50)
    ap.add_argument("--coders", default=None, help="default: the coders setting")
    args = ap.parse_args()
    texts = load_texts(args.docs)
    arts = [Article(id=f"b{i}", text=t, publication_date="2021-06-01") for i, t in enumerate(texts)]
    list(annotate_many(arts[:2]))  # warm models
    if args.coders is None:
        from eventwatch import settings

        args.coders = settings.get("coders")
    print(f"coders: {args.coders}")
    code(next(iter(annotate_many(arts[:1]))), coders=set(args.coders.split(",")))
    t0 = time.perf_counter()
    anns = list(annotate_many(arts))
    t1 = time.perf_counter()
    n_events = sum(len(code(a, coders=set(args.coders.split(",")))) for a in anns)
    t2 = time.perf_counter()
    ann_s, code_s = t1 - t0, t2 - t1
    print(f"docs: {len(arts)}  events: {n_events}")
    print(f"annotate: {ann_s:.2f} s  code: {code_s:.2f} s  ratio code/annotate: {code_s / ann_s:.3f} (target <= 0.30)")


if __name__ == "__main__":
    main()
