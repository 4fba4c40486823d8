"""Exact and near-duplicate detection: content hashes and MinHash/LSH (datasketch).

Syndicated copies of a story differ in boilerplate and a few words; their word
5-shingle sets overlap far above ``minhash_threshold`` while two different
stories on one topic share few 5-word runs. LSH bands only find candidates;
a candidate joins a group when its estimated Jaccard similarity clears the
threshold, so the band/row choice trades recall for speed, not precision.
"""
from __future__ import annotations

import hashlib
import logging
import re
from functools import lru_cache
from typing import Optional, Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH
from datasketch.lsh import _optimal_param

from .. import settings

log = logging.getLogger(__name__)

SHINGLE_WORDS = 5
SEED = 1  # fixed: signatures are stored and compared across runs
# Named explicitly: stored signatures are only comparable under one permutation scheme.
SCHEME = "affine32"
# Missing a copy costs far more than a candidate the similarity check then
# rejects: at threshold 0.7 and 128 permutations this gives 23 bands of 5 rows,
# which makes a pair at J=0.7 a candidate 98.6% of the time (J=0.8: 99.99%),
# one at J=0.3 (same topic, different story) 5%.
FALSE_POSITIVE_WEIGHT = 0.02
FALSE_NEGATIVE_WEIGHT = 0.98

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+", re.UNICODE)


def content_hash(text: str) -> str:
    """SHA-256 hex of ``text`` with whitespace runs collapsed and ends stripped."""
    norm = _WS.sub(" ", text).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    words = _WORD.findall(text.lower())
    if not words:
        return set()
    if len(words) < k:
        return {" ".join(words)}
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def _num_perm() -> int:
    return int(settings.get("minhash_perm"))


def _threshold() -> float:
    return float(settings.get("minhash_threshold"))


def minhash_signature(text: str) -> list[int]:
    """MinHash of the word 5-shingles of ``text`` (lowercased); pass the non-boilerplate text."""
    m = MinHash(num_perm=_num_perm(), seed=SEED, scheme=SCHEME)
    m.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return [int(v) for v in m.hashvalues]


def _minhash(sig: Sequence[int]) -> MinHash:
    return MinHash(num_perm=len(sig), seed=SEED, scheme=SCHEME, hashvalues=np.asarray(sig, dtype=np.uint64))


def similarity(sig_a: Sequence[int], sig_b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two signatures (share of equal slots)."""
    if len(sig_a) != len(sig_b) or not sig_a:
        raise ValueError("signatures of different lengths cannot be compared")
    a = np.asarray(sig_a, dtype=np.uint64)
    b = np.asarray(sig_b, dtype=np.uint64)
    return float(np.count_nonzero(a == b)) / len(a)


@lru_cache(maxsize=None)
def band_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) for LSH at ``threshold``, weighted against missed duplicates."""
    return _optimal_param(threshold, num_perm, FALSE_POSITIVE_WEIGHT, FALSE_NEGATIVE_WEIGHT)


def lsh_keys(signature: Sequence[int]) -> list[str]:
    """One key per LSH band: documents sharing any key are near-duplicate candidates.

    Keys name the band layout, so signatures made under other settings never
    collide with these. Confirm candidates with ``similarity``.
    """
    bands, rows = band_params(_threshold(), len(signature))
    arr = np.asarray(signature, dtype=np.uint64)
    keys = []
    for b in range(bands):
        digest = hashlib.blake2b(arr[b * rows:(b + 1) * rows].astype("<u8").tobytes(), digest_size=12)
        keys.append(f"{bands}x{rows}:{b}:{digest.hexdigest()}")
    return keys


class NearDupIndex:
    """In-memory near-duplicate groups: ``add`` returns the group an article joins."""

    def __init__(self, threshold: Optional[float] = None, num_perm: Optional[int] = None):
        self.threshold = float(threshold if threshold is not None else _threshold())
        self.num_perm = int(num_perm if num_perm is not None else _num_perm())
        # The same bands as lsh_keys, so the in-memory and DB-side lookups agree.
        self._lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm,
                               params=band_params(self.threshold, self.num_perm))
        self._sigs: dict[str, list[int]] = {}
        self._group: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def group_of(self, id: str) -> Optional[str]:
        return self._group.get(id)

    def candidates(self, signature: Sequence[int]) -> list[tuple[str, float]]:
        """Known ids whose similarity to ``signature`` clears the threshold, most similar first."""
        found = []
        for other in self._lsh.query(_minhash(signature)):
            sim = similarity(signature, self._sigs[other])
            if sim >= self.threshold:
                found.append((other, sim))
        return sorted(found, key=lambda x: (-x[1], x[0]))

    def add(self, id: str, signature: Sequence[int]) -> str:
        """Index ``id`` and return its group id: the first member's id of the group it joins, else its own."""
        if id in self._group:
            return self._group[id]
        if len(signature) != self.num_perm:
            raise ValueError(f"signature has {len(signature)} values, index expects {self.num_perm}")
        matches = self.candidates(signature)
        group = self._group[matches[0][0]] if matches else id
        sig = [int(v) for v in signature]
        self._sigs[id] = sig
        self._group[id] = group
        self._lsh.insert(id, _minhash(sig))
        return group
