"""Main text of HTML pages: ours beside bare trafilatura, on trafilatura's own evaluation pages.

    python benchmarks/bench_main_text.py --pages TRAFILATURA/tests/cache \\
        [--snippets TRAFILATURA/tests/evaldata.py] [--lang en|all] [--diff] [--json]

"Ours" is ``eventwatch.text.html.extract_html`` on the page's bytes, which is what
``eventwatch extract`` does for an HTML record (its settings, e.g. ``EVENTWATCH_HTML_FAVOR_PRECISION=1``,
apply). Beside it: ``trafilatura.extract`` with its default settings, and the call trafilatura's own
``tests/comparison.py`` makes (``fast=True, include_comments=False, include_tables=True``). Neither
is given the URL: the evaluation kit's records carry none.

Pages and gold: a trafilatura checkout. ``tests/evaldata.py`` maps each URL to a cache file and
the snippets that must (``with``) and must not (``without``) be in the text; ``tests/cache/`` holds
the pages. The file is read with ``ast`` (never imported). Reader-comment snippets (``comments``)
are not scored, as in the kit. ``--lang en`` (default) keeps the pages whose language is English:
the entry's own ``lang``/``language`` field where it has one, else py3langid (our
``detect_language``) on trafilatura's main text of the page.

Score: the evaluation kit's ``html`` task, ``snippet_accuracy``: a ``with`` snippet found in the
text and a ``without`` snippet absent from it each count as right, after whitespace is collapsed
(``score.norm_ws``); accuracy = right / all snippets. When ``../shared/eval/score.py`` is there,
its ``task_html`` computes the figures; otherwise the same rule is applied here (and said so).
``--diff`` lists, per page, the snippets on which ours and bare trafilatura disagree.
"""
from __future__ import annotations

import argparse
import ast
import importlib.util
import json
import re
import sys
import time
from pathlib import Path
from typing import Callable, Optional

import trafilatura

from eventwatch.errors import TextError
from eventwatch.text.html import extract_html
from eventwatch.text.language import detect_language

ROOT = Path(__file__).resolve().parents[1]
SCORE_PY = ROOT.parent / "shared" / "eval" / "score.py"


def load_score_module():
    """The evaluation kit's scorer, or None where ../shared is absent."""
    if not SCORE_PY.is_file():
        return None
    spec = importlib.util.spec_from_file_location("eval_score", SCORE_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def norm_ws(s: str) -> str:
    # Same rule as score.norm_ws, for when the kit is absent.
    return re.sub(r"\s+", " ", s).strip()


def load_eval_pages(path: Path) -> dict:
    """``EVAL_PAGES`` of trafilatura's evaldata.py, read as a literal (the file is not executed)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "EVAL_PAGES" for t in node.targets):
            return ast.literal_eval(node.value)
    raise SystemExit(f"{path}: no EVAL_PAGES = {{...}} assignment")


def ours(data: bytes) -> str:
    try:
        return extract_html(data).text
    except TextError:
        return ""


def bare(data: bytes) -> str:
    return trafilatura.extract(data) or ""


def trafilatura_eval_call(data: bytes) -> str:
    return trafilatura.extract(data, fast=True, include_comments=False, include_tables=True,
                               include_formatting=False) or ""


SYSTEMS: dict[str, Callable[[bytes], str]] = {
    "ours": ours,
    "trafilatura.extract (defaults)": bare,
    "trafilatura, its eval call": trafilatura_eval_call,
}


def page_language(entry: dict, data: bytes, main_text: str) -> Optional[str]:
    lang = entry.get("lang") or entry.get("language")
    if lang:
        return str(lang).lower()[:2]
    text = main_text or (trafilatura.html2txt(data) or "")
    return detect_language(text)


def snippet_hits(text: str, entry: dict) -> tuple[list[bool], list[bool]]:
    """Per snippet: ``with`` ones found, ``without`` ones found (the second should all be False)."""
    t = norm_ws(text or "")
    return ([norm_ws(w) in t for w in entry.get("with") or []],
            [norm_ws(w) in t for w in entry.get("without") or []])


def local_scores(rows: list[dict], system: str) -> dict:
    tp = fn = fp = tn = 0
    for r in rows:
        inc, exc = snippet_hits(r["texts"][system], r["entry"])
        tp, fn = tp + sum(inc), fn + len(inc) - sum(inc)
        fp, tn = fp + sum(exc), tn + len(exc) - sum(exc)
    total = tp + fn + fp + tn
    return {"snippet_accuracy": (tp + tn) / total if total else 0.0,
            "snippet_include_rate": tp / (tp + fn) if tp + fn else 0.0,
            "snippet_exclude_rate": tn / (tn + fp) if tn + fp else 0.0,
            "with_n": tp + fn, "without_n": tn + fp}


def kit_scores(score, rows: list[dict], system: str) -> dict:
    gold = [{"id": r["file"], "expected": {"must_include": list(r["entry"].get("with") or []),
                                           "must_exclude": list(r["entry"].get("without") or [])}} for r in rows]
    preds = [{"id": r["file"], "text": r["texts"][system]} for r in rows]
    rep = score.Report("html")
    score.task_html(gold, preds, rep)
    out = {k: rep.value(k) for k in ("snippet_accuracy", "snippet_include_rate", "snippet_exclude_rate")}
    out["with_n"] = next(n for k, _, n in rep.rows if k == "snippet_include_rate")
    out["without_n"] = next(n for k, _, n in rep.rows if k == "snippet_exclude_rate")
    return out


def diff_lines(rows: list[dict], a: str, b: str) -> list[str]:
    """Pages where systems ``a`` and ``b`` disagree on a snippet, and which way."""
    lines = []
    for r in rows:
        ia, ea = snippet_hits(r["texts"][a], r["entry"])
        ib, eb = snippet_hits(r["texts"][b], r["entry"])
        notes = []
        for w, x, y in zip(r["entry"].get("with") or [], ia, ib):
            if x != y:
                notes.append(f"  with    {'+' if x else '-'} {w!r} (only {'ours' if x else 'trafilatura'} has it)")
        for w, x, y in zip(r["entry"].get("without") or [], ea, eb):
            if x != y:
                notes.append(f"  without {'-' if x else '+'} {w!r} (only {'ours' if x else 'trafilatura'} has it)")
        if notes:
            lines.append(r["file"])
            lines.extend(notes)
    return lines


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=Path, required=True, help="trafilatura's tests/cache directory (the pages)")
    ap.add_argument("--snippets", type=Path, help="trafilatura's tests/evaldata.py (default: PAGES/../evaldata.py)")
    ap.add_argument("--lang", default="en", help="keep pages in this language (ISO 639-1), or 'all'")
    ap.add_argument("--diff", action="store_true", help="per page, the snippets ours and bare trafilatura disagree on")
    ap.add_argument("--json", action="store_true", help="one JSON object instead of the table")
    args = ap.parse_args(argv)
    snippets = args.snippets or args.pages.parent / "evaldata.py"
    pages = load_eval_pages(snippets)

    rows, missing, other_lang = [], 0, 0
    seconds = dict.fromkeys(SYSTEMS, 0.0)
    for entry in pages.values():
        name = entry.get("file")
        path = args.pages / name if name else None
        if path is None or not path.is_file() or not (entry.get("with") or entry.get("without")):
            missing += 1
            continue
        data = path.read_bytes()
        texts = {}
        for system, fn in SYSTEMS.items():
            start = time.perf_counter()
            texts[system] = fn(data)
            seconds[system] += time.perf_counter() - start
        if args.lang != "all" and page_language(entry, data, texts["trafilatura.extract (defaults)"]) != args.lang:
            other_lang += 1
            continue
        rows.append({"file": name, "entry": entry, "texts": texts})
    if not rows:
        print(f"no pages scored ({missing} listed pages missing or without snippets, {other_lang} in another language)",
              file=sys.stderr)
        return 1

    score = load_score_module()
    scorer = "the evaluation kit's score.task_html (../shared/eval/score.py)" if score else \
        "the kit's snippet rule re-implemented here (../shared/eval/score.py not found)"
    results = {s: (kit_scores(score, rows, s) if score else local_scores(rows, s)) for s in SYSTEMS}
    same = sum(r["texts"]["ours"] == r["texts"]["trafilatura.extract (defaults)"] for r in rows)
    report = {"pages": len(rows), "listed": len(pages), "missing": missing, "other_language": other_lang,
              "lang": args.lang, "scorer": scorer, "results": results, "seconds": seconds,
              "same_text_as_bare": same}
    if args.json:
        print(json.dumps(report))
    else:
        print(f"pages: {len(rows)} scored ({args.lang}) of {len(pages)} listed in {snippets}; "
              f"{missing} missing from {args.pages} or without snippets, {other_lang} in another language")
        print(f"score: snippet_accuracy = (with found + without absent) / all snippets, by {scorer}")
        print(f"{'system':32} {'accuracy':>8} {'with found':>15} {'without absent':>17} {'seconds':>8}")
        for system, r in results.items():
            print(f"{system:32} {r['snippet_accuracy']:8.3f} {r['snippet_include_rate']:9.3f} (n={r['with_n']:>3})"
                  f" {r['snippet_exclude_rate']:11.3f} (n={r['without_n']:>3}) {seconds[system]:8.1f}")
        print(f"ours and bare trafilatura.extract give the same text on {same} of {len(rows)} pages")
    if args.diff:
        print("\n".join(diff_lines(rows, "ours", "trafilatura.extract (defaults)")) or "no page where they disagree")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
