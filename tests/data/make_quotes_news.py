"""Build tests/data/quotes_news.jsonl from hand-marked articles (written for
this project; all people are fictional).

Markup, removed from the text before offsets are computed:
  {{N|...}}   a content segment of attribution N (several segments allowed)
  <<N|...>>   the speaker mention of attribution N ("N,M|" for a shared one;
              attributions of one type sharing a mention are merged)
Attribution types default to "direct"; ``types`` lists the others. The gold
follows the eval kit's quotes task (score.py ``segs``): content and speaker
carry ``segments`` of ``char_start``/``char_end``.

    python tests/data/make_quotes_news.py   # rewrites quotes_news.jsonl
"""
from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOKEN = re.compile(r"\{\{([\d,]+)\||\}\}|<<([\d,]+)\||>>")


def load():
    import sys
    sys.path.insert(0, str(HERE))
    from quotes_news_articles import ARTICLES
    return [{"id": i, "date": d, "types": t, "text": x.strip() + "\n"} for i, d, t, x in ARTICLES]


def parse(marked: str):
    out, stack, content, speaker = [], [], {}, {}
    pos = 0
    clean_len = 0
    for m in TOKEN.finditer(marked):
        chunk = marked[pos:m.start()]
        out.append(chunk)
        clean_len += len(chunk)
        pos = m.end()
        tok = m.group(0)
        if tok in ("}}", ">>"):
            kind, ids, start = stack.pop()
            assert (kind == "c") == (tok == "}}"), (kind, tok, marked[max(0, m.start() - 80):m.start()])
            for i in ids:
                (content if kind == "c" else speaker).setdefault(i, []).append((start, clean_len))
        else:
            kind = "c" if m.group(1) else "s"
            ids = [int(x) for x in (m.group(1) or m.group(2)).split(",")]
            stack.append((kind, ids, clean_len))
    assert not stack, stack
    out.append(marked[pos:])
    return "".join(out), content, speaker


def build():
    rows = []
    for a in load():
        text, content, speaker = parse(a["text"])
        # one attribution per source mention and type, as in PARC/PolNeAR: a
        # quote split by its cue ("A," she said, "B.") or running on into the
        # next sentence or paragraph is one discontinuous content
        merged = set()
        for i in sorted(content):
            for j in sorted(content):
                if j > i and j in content and i in content and speaker.get(i) and speaker.get(i) == speaker.get(j) \
                        and a["types"].get(i, "direct") == a["types"].get(j, "direct"):
                    content[i] = sorted(content[i] + content.pop(j))
                    merged.add(j)
        atts = []
        for i in sorted(content):
            segs = content[i]
            att = {"id": i, "quote_type": a["types"].get(i, "direct"),
                   "content": {"text": " … ".join(text[s:e] for s, e in segs),
                               "segments": [{"char_start": s, "char_end": e} for s, e in segs]}}
            sp = speaker.get(i)
            if sp:
                s, e = sp[0]
                att["speaker"] = {"text": text[s:e], "segments": [{"char_start": s, "char_end": e}]}
            else:
                att["speaker"] = None
            atts.append(att)
        assert set(speaker) <= set(content) | merged, (a["id"], set(speaker) - set(content))
        words = len(text.split())
        assert 380 <= words <= 950, (a["id"], words)
        rows.append({"id": a["id"], "text": text, "publication_date": a["date"],
                     "expected": {"attributions": atts}, "meta": {"words": words, "source": "written for eventwatch tests"}})
    return rows


if __name__ == "__main__":
    rows = build()
    with open(HERE / "quotes_news.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    from collections import Counter
    c = Counter(a["quote_type"] for r in rows for a in r["expected"]["attributions"])
    print(len(rows), "articles", dict(c), "words", [r["meta"]["words"] for r in rows])
