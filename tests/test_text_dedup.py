from pathlib import Path

import pytest

from eventwatch.models import RawDoc
from eventwatch.text import dedup
from eventwatch.text.dedup import NearDupIndex, content_hash, lsh_keys, minhash_signature, similarity
from eventwatch.text.extract import to_article

DATA = Path(__file__).parent / "data" / "ingest"


def _article(name):
    return to_article(RawDoc(id=name, content=(DATA / name).read_text("utf-8"), kind="text", source=name))


@pytest.mark.parametrize("a,b", [
    ("Police detained forty students.", "Police  detained\tforty students.\n"),
    ("  leading and trailing  ", "leading and trailing"),
    ("line one\r\nline two", "line one\nline two"),
])
def test_content_hash_ignores_whitespace(a, b):
    assert content_hash(a) == content_hash(b)


def test_content_hash_is_stable_sha256():
    h = content_hash("Police detained forty students.")
    assert h == content_hash("Police detained forty students.")
    assert len(h) == 64 and int(h, 16) >= 0
    assert h != content_hash("Police detained fifty students.")


def test_content_hash_ignores_boilerplate_in_article():
    base = "Police detained forty students on Thursday.\n"
    plain = to_article(RawDoc(id="a", content=base))
    padded = to_article(RawDoc(id="b", content=base + "\nSign up for breaking news alerts by email!\n"))
    assert plain.content_hash == padded.content_hash


def test_minhash_signature_length_and_determinism():
    text = (DATA / "story_b.txt").read_text("utf-8")
    sig = minhash_signature(text)
    assert len(sig) == 128
    assert sig == minhash_signature(text)
    assert similarity(sig, sig) == 1.0


def test_dedup_syndicated_copy_is_similar_and_other_story_is_not():
    a1, a2, b = (_article(n) for n in ("story_a1.txt", "story_a2.txt", "story_b.txt"))
    assert similarity(a1.minhash, a2.minhash) >= 0.7
    assert similarity(a1.minhash, b.minhash) < 0.2
    assert a1.content_hash != a2.content_hash


def test_dedup_lsh_keys_shared_by_copies():
    a1, a2, b = (_article(n) for n in ("story_a1.txt", "story_a2.txt", "story_b.txt"))
    k1, k2, kb = set(lsh_keys(a1.minhash)), set(lsh_keys(a2.minhash)), set(lsh_keys(b.minhash))
    assert k1 & k2
    assert not (k1 & kb)
    bands, rows = dedup.band_params(0.7, 128)
    assert len(k1) == bands and bands * rows <= 128


def test_neardup_index_groups_copies_not_other_stories():
    a1, a2, b = (_article(n) for n in ("story_a1.txt", "story_a2.txt", "story_b.txt"))
    index = NearDupIndex()
    g1 = index.add("a1", a1.minhash)
    gb = index.add("b", b.minhash)
    g2 = index.add("a2", a2.minhash)
    assert g1 == "a1" and g2 == "a1"
    assert gb == "b"
    assert index.add("a1", a1.minhash) == "a1"
    assert len(index) == 3


def _edit(words, n, seed):
    # Deterministic small edits spread through the text, as a copy editor would make.
    import random

    rnd = random.Random(seed)
    words = list(words)
    for i in rnd.sample(range(len(words)), n):
        words[i] = words[i] + "x"
    return words


@pytest.mark.parametrize("seed", range(20))
def test_neardup_index_matches_copy_with_few_word_edits(seed):
    words = (DATA / "story_a1.txt").read_text("utf-8").split()
    copy = " ".join(_edit(words, 6, seed)) + "\nThis story was produced by a partner newsroom and edited for length."
    index = NearDupIndex()
    index.add("orig", minhash_signature(" ".join(words)))
    assert index.add("copy", minhash_signature(copy)) == "orig"


def test_similarity_rejects_mismatched_lengths():
    with pytest.raises(ValueError):
        similarity([1, 2, 3], [1, 2])


def test_dedup_values_stable_across_releases():
    # Signatures, keys and hashes are stored in the database: a library or code
    # change that alters them silently splits every near-duplicate group.
    text = "Police detained forty students outside the provincial assembly on Thursday."
    sig = minhash_signature(text)
    assert sig[:3] == [758538337, 638987165, 620868571]
    assert lsh_keys(sig)[0] == "23x5:0:5d5602012b117b2aa64ffa12"
    assert content_hash("Police detained forty students.") == (
        "5dcc13cf7e6f8d33b765f626a7d1b3260617854cebfe01de1b1a92f0f6e1b2b6")
