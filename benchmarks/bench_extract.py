"""End-to-end extraction time over bare spaCy ``nlp.pipe`` on the same texts, in one run.

    python benchmarks/bench_extract.py [--docs N] [--coders pattern,model]

Texts: the VOA pool stories (../shared/corpus/voa/pool.jsonl) where present, else the project's
samples, repeated to N documents. "Ours" is the whole stateless path (text stage, annotate,
rule coder, event model, the contract record) as ``eventwatch extract`` runs it, in one process;
"bare" is ``nlp.pipe`` of the same spaCy model over the same texts, in one process and (the
fairer baseline for a 2-core machine, since coding runs in a worker process beside the parser:
setting ``code_workers``) with ``n_process=2``. Both warm up first.
Target (issue "Event coding that holds on real news"): ours / bare <= 1.6.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POOL = ROOT.parent / "shared" / "corpus" / "voa" / "pool.jsonl"


def load_texts(n: int) -> list[str]:
    if not POOL.is_file():
        from bench_coding import load_texts as project_texts  # the samples, where ../shared is absent

        return project_texts(n)
    texts = [json.loads(line)["text"] for line in POOL.open(encoding="utf-8") if line.strip()]
    return (texts * (n // len(texts) + 1))[:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=120)
    ap.add_argument("--coders", default=None, help="default: the coders setting")
    args = ap.parse_args()
    import spacy

    from eventwatch import settings
    from eventwatch.coding import coder
    from eventwatch.models import RawDoc
    from eventwatch.pipeline import process

    coders = set((args.coders or settings.get("coders")).split(","))
    coder.coders_setting = lambda: coders  # the benchmark's choice, for every document
    texts = load_texts(args.docs)
    raws = lambda: [RawDoc(id=f"b{i}", content=t, kind="text", source="bench",  # noqa: E731
                           publication_date="2024-05-06") for i, t in enumerate(texts)]
    nlp = spacy.load(settings.get("spacy_model"))
    list(nlp.pipe(texts[:4]))
    list(process(raws()[:4]))
    t0 = time.perf_counter()
    n_words = sum(len(d) for d in nlp.pipe(texts, batch_size=settings.get("batch_size")))
    t1 = time.perf_counter()
    n_events = sum(len(r.events) for r in process(raws()) if hasattr(r, "events"))
    t2 = time.perf_counter()
    bare, ours = t1 - t0, t2 - t1
    t3 = time.perf_counter()
    list(nlp.pipe(texts, batch_size=settings.get("batch_size"), n_process=2))
    bare2 = time.perf_counter() - t3
    print(f"docs: {len(texts)}  tokens: {n_words}  events: {n_events}  coders: {','.join(sorted(coders))}")
    print(f"bare nlp.pipe: {bare:.2f} s ({len(texts) / bare:.1f} docs/s)  "
          f"ours: {ours:.2f} s ({len(texts) / ours:.1f} docs/s, {n_words / ours:.0f} tokens/s)")
    print(f"ratio ours / bare nlp.pipe: {ours / bare:.2f} (target <= 1.6); coding beside the parser in "
          f"{settings.get('code_workers')} worker process(es)")
    print(f"bare nlp.pipe n_process=2 (workers started inside the timing): {bare2:.2f} s; "
          f"ratio ours / that: {ours / bare2:.2f}")


if __name__ == "__main__":
    main()
