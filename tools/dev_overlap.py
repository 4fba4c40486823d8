"""Check that the dev sets measure the coder and are not its to-do list.

    python tools/dev_overlap.py                     # both checks
    python tools/dev_overlap.py --check paraphrase  # only (a)
    python tools/dev_overlap.py --check entries     # only (b)

Why: the dev files under ``../shared/eval/dev`` are there to *measure* the rule coder. When a
lexicon entry or a test sentence is written by looking at a dev error, the dev score stops being
an estimate of how the coder does on unseen news: it rewards having read the answers. Two traces
of that are checked here.

(a) Paraphrase: every lexicon ``example`` in verbs.yaml and every sentence-like string (>= 6
    words) in ``tests/*.py`` and ``tests/data/*`` is compared with every dev sentence (plover,
    event_location, and the articles split into sentences). A pair is printed, with file:line,
    when the word-set Jaccard (lowercase alphanumeric words) is >= --jaccard, or when the two
    share a 5-word sequence of content words (stopwords removed), or a raw 5-word sequence with
    at least three content words in it.

(b) Dev-only entries: the rule coder (``code_patterns``) runs over the dev texts and over our own
    texts (data/annotations train-*/heldout-ngec, the VOA pool, samples/articles, tests/data, and
    every verbs.yaml example). Each pattern event is traced back to its lexicon entry through
    ``find_triggers``. Printed: entries that fire on >= 1 dev sentence and on no sentence of ours
    other than their own example. An own sentence that is itself a near-copy of a dev sentence
    (the paraphrase test of (a)) does not count as own support; entries left with only such support
    are printed too.

The tool only reads; it exits 1 when something is printed (``--no-fail`` to always exit 0).
"""
from __future__ import annotations

import argparse
import ast
import glob
import json
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DEV_DIR = ROOT.parent / "shared" / "eval" / "dev"
DEV_FILES = ("plover.jsonl", "articles.jsonl", "event_location.jsonl")
WORD = re.compile(r"[a-z0-9]+")
# A simple sentence splitter: end punctuation (and closing quotes) then space and a capital/quote/digit,
# or a blank line.
SENT_SPLIT = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(A-Z0-9])|\n\s*\n")
STOP = frozenset("""
a an the and or but nor of to in on at by for with from into onto over under about after before
as than then that this these those there here is are was were be been being am has have had do does
did will would shall should can could may might must not no it its it's he she they them their his
her him we us our you your i me my who whom whose which what when where why how said says say also
up down out off so if while during since until against between among through per said told
going see re lot tens hundreds thousands millions dozens people dollars percent year years
""".split())
# Lowercase words inside names ("Mohammed bin Salman", "Bashar al-Assad") do not make a run of names distinctive.
NAME_PARTICLES = frozenset("bin bint ibn al el ul ud de del da di van von der le la".split())


def words(s: str) -> list[str]:
    return WORD.findall(s.lower())


# Abbreviations a sentence does not end on ("the U.S. Senate", "on Nov. 22", "Mr. Smith").
ABBREV = re.compile(r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Rep|Sen|Gov|Pres|St|Jr|Sr|No|Jan|Feb|Mar|Apr|"
                    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Ltd|Co|vs|approx)\.)[\"'\u201d\u2019)]*$")


def _parts(text: str) -> list[str]:
    out, start = [], 0
    for m in SENT_SPLIT.finditer(text):
        if m.group().strip() == "" and ABBREV.search(text[start:m.start()]) and "\n\n" not in m.group():
            continue
        out.append(text[start:m.start()])
        start = m.end()
    out.append(text[start:])
    return out


def split_sentences(text: str) -> list[tuple[str, int]]:
    """(sentence, line offset within text) pairs."""
    out, pos = [], 0
    for part in _parts(text):
        start = text.find(part, pos)
        pos = max(pos, start + len(part)) if start >= 0 else pos
        part = " ".join(part.split())
        if part:
            out.append((part, text.count("\n", 0, max(start, 0))))
    return out


# ---------------------------------------------------------------- sources

def read_jsonl(path: Path):
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if line:
                try:
                    yield n, json.loads(line)
                except json.JSONDecodeError:
                    continue


def dev_records(dev_dir: Path) -> list[tuple[str, int, str]]:
    """(file, line, text) of every dev record."""
    out = []
    for name in DEV_FILES:
        p = dev_dir / name
        for n, rec in read_jsonl(p):
            if isinstance(rec.get("text"), str):
                out.append((f"{p}", n, rec["text"]))
    return out


def dev_sentences(dev_dir: Path) -> list[tuple[str, str]]:
    """(location, sentence) of every dev sentence."""
    out = []
    for path, n, text in dev_records(dev_dir):
        for s, _ in split_sentences(text):
            out.append((f"{os.path.relpath(path, ROOT)}:{n}", s))
    return out


def lexicon_entries(path: Path):
    from eventwatch.coding.lexicon import load_lexicon_file
    return load_lexicon_file(path).entries


def py_strings(path: Path, min_words: int) -> list[tuple[int, str]]:
    """Sentence-like string literals of a Python file, with their line."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (SyntaxError, UnicodeDecodeError):
        return []
    out = []
    doc_nodes = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(getattr(first, "value", None), ast.Constant):
                doc_nodes.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in doc_nodes:
            for s, dl in split_sentences(node.value):
                if len(words(s)) >= min_words:
                    out.append((node.lineno + dl, s))
    return out


def test_strings(tests_dir: Path, min_words: int) -> list[tuple[str, str]]:
    """(file:line, sentence) of the test files' and test data's sentence-like strings."""
    out = []
    files = sorted(tests_dir.glob("*.py")) + sorted(p for p in (tests_dir / "data").rglob("*") if p.is_file())
    for p in files:
        rel = os.path.relpath(p, ROOT)
        if p.suffix == ".py":
            out += [(f"{rel}:{n}", s) for n, s in py_strings(p, min_words)]
        elif p.suffix == ".jsonl":
            for n, rec in read_jsonl(p):
                for s, _ in split_sentences(str(rec.get("text") or "")):
                    if len(words(s)) >= min_words:
                        out.append((f"{rel}:{n}", s))
        elif p.suffix in (".txt", ".html", ".htm", ".md", ".json", ".yaml", ".yml"):
            text = p.read_text(encoding="utf-8", errors="replace")
            if p.suffix in (".html", ".htm"):
                text = re.sub(r"<[^>]+>", " ", text)
            for lineno, line in enumerate(text.splitlines(), 1):
                for s, _ in split_sentences(line):
                    if len(words(s)) >= min_words:
                        out.append((f"{rel}:{lineno}", s))
    return out


# ---------------------------------------------------------------- (a) paraphrase

class DevIndex:
    """Dev sentences with an inverted index, for Jaccard and 5-gram look-ups."""

    def __init__(self, sents: list[tuple[str, str]]):
        self.sents = sents
        self.sets = [frozenset(words(s)) for _, s in sents]
        self.by_word: dict[str, list[int]] = defaultdict(list)
        self.grams: dict[tuple, set[int]] = defaultdict(set)
        for i, (_, s) in enumerate(sents):
            for w in self.sets[i]:
                self.by_word[w].append(i)
            for g in grams(s):
                self.grams[g].add(i)

    def matches(self, s: str, threshold: float) -> list[tuple[int, float, tuple]]:
        """(dev index, Jaccard, a shared 5-gram or ()) of the dev sentences ``s`` paraphrases."""
        ws = frozenset(words(s))
        if not ws:
            return []
        shared: dict[int, int] = defaultdict(int)
        for w in ws:
            post = self.by_word.get(w, ())
            if len(post) > 400 and w in STOP:
                continue  # frequent function words cannot make a pair on their own
            for i in post:
                shared[i] += 1
        hits: dict[int, tuple[float, tuple]] = {}
        for i in shared:
            inter = len(ws & self.sets[i])
            jac = inter / len(ws | self.sets[i])
            if jac >= threshold:
                hits[i] = (jac, ())
        for g in grams(s):
            for i in self.grams.get(g, ()):
                jac = len(ws & self.sets[i]) / len(ws | self.sets[i])
                if i not in hits or not hits[i][1]:
                    hits[i] = (max(jac, hits.get(i, (0.0,))[0]), g)
        return sorted(((i, j, g) for i, (j, g) in hits.items()), key=lambda x: -x[1])


def grams(s: str) -> set[tuple]:
    """5-grams of content words, and raw 5-grams with >= 3 content words of which one is lowercase
    (a run of capitalised names, "Secretary of State Antony Blinken", is shared by any two reports)."""
    raw = re.findall(r"[A-Za-z0-9]+", s)
    ws = [w.lower() for w in raw]
    content = [r for r, w in zip(raw, ws) if w not in STOP and not w.isdigit()]
    out = {("c",) + tuple(w.lower() for w in content[k:k + 5]) for k in range(len(content) - 4)
           if any(w[:1].islower() and w.lower() not in NAME_PARTICLES for w in content[k:k + 5])}
    for k in range(len(ws) - 4):
        g = ws[k:k + 5]
        cw = [raw[k + j] for j, w in enumerate(g) if w not in STOP and not w.isdigit()]
        if len(cw) >= 3 and any(w[:1].islower() and w.lower() not in NAME_PARTICLES for w in cw):
            out.add(("r",) + tuple(g))
    return out


def check_paraphrase(args, dev: DevIndex) -> int:
    lex_path = Path(args.lexicon)
    ours = [(f"{os.path.relpath(lex_path, ROOT)}:{e.line}", e.example) for e in lexicon_entries(lex_path)
            if e.example]
    ours += test_strings(Path(args.tests), args.min_words)
    n = 0
    seen = set()
    print(f"== (a) paraphrase: {len(ours)} lexicon/test sentences against {len(dev.sents)} dev sentences")
    for loc, s in ours:
        for i, jac, g in dev.matches(s, args.jaccard):
            key = (loc, s, i)
            if key in seen:
                continue
            seen.add(key)
            n += 1
            why = f"J={jac:.2f}" + (f" 5-gram[{g[0]}]: '{' '.join(g[1:])}'" if g else "")
            print(f"{loc}: {why}\n    ours: {s}\n    dev : {dev.sents[i][1]}  ({dev.sents[i][0]})")
    print(f"-- {n} pair(s)")
    return n


# ---------------------------------------------------------------- (b) dev-only entries

def own_records(args) -> list[tuple[str, str, str]]:
    """(source, text, kind) of our own texts."""
    out = []
    for pat in args.own_jsonl:
        for p in sorted(glob.glob(str(ROOT / pat) if not os.path.isabs(pat) else pat)):
            for n, rec in read_jsonl(Path(p)):
                if isinstance(rec.get("text"), str) and rec["text"].strip():
                    out.append((f"{os.path.relpath(p, ROOT)}:{n}", rec["text"], "text"))
    for pat in args.own_files:
        for p in sorted(glob.glob(str(ROOT / pat) if not os.path.isabs(pat) else pat)):
            kind = "html" if p.endswith((".html", ".htm")) else "text"
            data = Path(p).read_bytes()
            out.append((os.path.relpath(p, ROOT), data if kind == "html" else data.decode("utf-8", "replace"), kind))
    return out


def fired(records, lex, label: str, progress: bool):
    """{entry line: {normalised sentence: (source, sentence)}} over ``records``."""
    from eventwatch.annotate.pipeline import annotate_many
    from eventwatch.coding.parse import ParseView
    from eventwatch.coding.patterns import code_patterns
    from eventwatch.coding.triggers import find_triggers
    from eventwatch.errors import EventwatchError
    from eventwatch.models import RawDoc
    from eventwatch.text.extract import to_article

    arts, srcs = [], []
    for k, (src, text, kind) in enumerate(records):
        try:
            arts.append(to_article(RawDoc(id=f"{label}-{k}", content=text, kind=kind, source=src)))
            srcs.append(src)
        except EventwatchError:
            continue
    out: dict[int, dict[str, tuple[str, str]]] = defaultdict(dict)
    for k, ann in enumerate(annotate_many(arts)):
        if progress and k % 100 == 0:
            print(f"   {label}: {k}/{len(arts)}", file=sys.stderr)
        v = ParseView(ann)
        text = ann.article.text
        by_sent = defaultdict(list)
        for ev in code_patterns(ann, lex):
            by_sent[ev.evidence.start].append(ev.trigger.start)
        for sent in ann.sentences:
            starts = by_sent.get(sent.start)
            if not starts:
                continue
            entry_at = {t.start: e for t, e in find_triggers(v, sent, lex)}
            s = " ".join(text[sent.start:sent.end].split())
            for st in starts:
                e = entry_at.get(st)
                if e is not None:
                    out[e.line].setdefault(" ".join(words(s)), (srcs[k], s))
    return out


def check_entries(args, dev: DevIndex) -> int:
    from eventwatch.coding.lexicon import load_lexicon_file
    lex_path = Path(args.lexicon)
    lex = load_lexicon_file(lex_path)
    dev_recs = [(f"{os.path.relpath(p, ROOT)}:{n}", t, "text") for p, n, t in dev_records(Path(args.dev))]
    own = own_records(args)
    own += [(f"{os.path.relpath(lex_path, ROOT)}:{e.line}", e.example, "text") for e in lex.entries if e.example]
    print(f"== (b) dev-only entries: {len(lex.entries)} entries, {len(dev_recs)} dev texts, {len(own)} own texts",
          flush=True)
    dev_fire = fired(dev_recs, lex, "dev", args.progress)
    own_fire = fired(own, lex, "own", args.progress)
    n = 0
    for e in lex.entries:
        d = dev_fire.get(e.line, {})
        if not d:
            continue
        own_ex = " ".join(words(e.example or ""))
        mine = {k: v for k, v in own_fire.get(e.line, {}).items() if k != own_ex}
        clean = {k: v for k, v in mine.items() if not dev.matches(v[1], args.jaccard)}
        if mine and clean:
            continue
        n += 1
        tag = "no own sentence" if not mine else f"own support only dev-like ({len(mine)})"
        print(f"{os.path.relpath(lex_path, ROOT)}:{e.line}: {e.lemma} {e.type}"
              f"{'/' + e.mode if e.mode else ''} — dev {len(d)}, own {len(mine)} ({tag})")
        for src, s in list(d.values())[:args.show]:
            print(f"    dev : {s}  ({src})")
        for src, s in list(mine.values())[:args.show]:
            print(f"    own~: {s}  ({src})")
    print(f"-- {n} dev-only entr{'y' if n == 1 else 'ies'}")
    return n


def main(argv=None) -> int:
    from eventwatch.codebook import builtin_path
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--check", choices=("paraphrase", "entries", "all"), default="all")
    ap.add_argument("--dev", default=str(DEV_DIR), help="folder of the dev files (default: %(default)s)")
    ap.add_argument("--lexicon", default=str(builtin_path("verbs.yaml")))
    ap.add_argument("--tests", default=str(ROOT / "tests"))
    ap.add_argument("--jaccard", type=float, default=0.45, help="word-set Jaccard threshold (default 0.45)")
    ap.add_argument("--min-words", type=int, default=6, help="words for a test string to count as a sentence")
    ap.add_argument("--own-jsonl", nargs="*", default=[
        "data/annotations/train-*.jsonl", "data/annotations/heldout-ngec.jsonl",
        str(ROOT.parent / "shared" / "corpus" / "voa" / "pool.jsonl"), "tests/data/*.jsonl"],
        help="our own JSONL texts (field text) for (b)")
    ap.add_argument("--own-files", nargs="*", default=["samples/articles/*.txt", "samples/articles/*.html"],
                    help="our own text/HTML files for (b)")
    ap.add_argument("--show", type=int, default=3, help="example sentences shown per entry")
    ap.add_argument("--progress", action="store_true")
    ap.add_argument("--no-fail", action="store_true", help="exit 0 even when something is printed")
    args = ap.parse_args(argv)
    dev = DevIndex(dev_sentences(Path(args.dev)))
    found = 0
    if args.check in ("paraphrase", "all"):
        found += check_paraphrase(args, dev)
    if args.check in ("entries", "all"):
        found += check_entries(args, dev)
    return 0 if args.no_fail or not found else 1


if __name__ == "__main__":
    sys.exit(main())
