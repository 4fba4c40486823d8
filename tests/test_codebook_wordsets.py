"""The coder's word lists as data: the shipped file loads; a bad line is named in the error."""
from __future__ import annotations

import shutil

import pytest

from eventwatch.codebook import builtin_path
from eventwatch.coding.examples import codebook_sha256
from eventwatch.coding.wordsets import (load_place_wordsets, load_ruling_wordsets, load_wordsets, load_wordsets_file,
                                        place_wordset, ruling_wordset, wordmap, wordset)
from eventwatch.errors import CodebookError


def test_wordsets_shipped_file_loads():
    ws = load_wordsets()
    assert ws.version == 1 and ws.path == str(builtin_path("wordsets.yaml"))
    assert "say" in wordset("reporting") and "town" in wordset("settlement")
    assert wordmap("irregular")["forgave"] == "forgive"


@pytest.mark.parametrize("name,word", [
    ("locative", "on"),     # YAML 1.1 reads a bare on/off as a boolean: the file quotes them
    ("future_aux", "'ll"),
    ("neg_subjects", "no-one"),
])
def test_wordsets_shipped_words_survive_yaml(name, word):
    assert word in wordset(name)


def test_wordsets_place_file_loads_apart():
    ws = load_place_wordsets()
    assert ws.version == 1 and ws.path == str(builtin_path("places.yaml"))
    assert "off" in place_wordset("locative_more") and "hospital" in place_wordset("facility")
    with pytest.raises(CodebookError, match="places.yaml"):
        place_wordset("reporting")  # a type or role list is not a place list


def test_wordsets_ruling_file_loads_apart():
    ws = load_ruling_wordsets()
    assert ws.version == 1 and ws.path == str(builtin_path("rulings.yaml"))
    assert "face" in ruling_wordset("undergo_verbs") and "come" in ruling_wordset("under_verbs")
    with pytest.raises(CodebookError, match="rulings.yaml"):
        ruling_wordset("reporting")


def test_wordsets_place_file_outside_model_hash(tmp_path, monkeypatch):
    # the place lists choose only where: editing them must not mark the event model stale
    import eventwatch.coding.examples as examples
    shutil.copytree(examples.CODEBOOK_DIR, tmp_path / "codebook")
    monkeypatch.setattr(examples, "CODEBOOK_DIR", tmp_path / "codebook")
    before = codebook_sha256()
    (tmp_path / "codebook" / "places.yaml").write_text("version: 1\nfacility: [school]\n")
    assert codebook_sha256() == before
    # so do the ruling lists, which act on the model's output
    (tmp_path / "codebook" / "rulings.yaml").write_text("version: 1\nundergo_verbs: [face]\n")
    assert codebook_sha256() == before
    (tmp_path / "codebook" / "wordsets.yaml").write_text("version: 1\nreporting: [say]\n")
    assert codebook_sha256() != before


def test_wordsets_every_shipped_word_is_a_stripped_string():
    ws = load_wordsets()
    assert all(isinstance(w, str) and w == w.strip() and w for s in ws.sets.values() for w in s)


@pytest.mark.parametrize("body,line,msg", [
    ("reporting: say\n", 3, "must be a list"),
    ("reporting: [say, 3]\n", 3, "3 is not a word"),
    ("reporting:\n  - say\n  - [tell]\n", 5, "is not a word"),
    ("locative: [in, on]\n", 3, "True is not a word"),
    ("reporting:\n  - say\n  - ' tell'\n", 5, "is not a word"),
    ("irregular:\n  forgave: forgive\n  fought: 7\n", 5, "7 is not a word"),
    ("reporting: [say]\nreporting: [tell]\n", 4, "duplicate key"),
    ("reporting:\n  - {a: b}: \n", 4, "a key must be a word or number, not LineDict"),
    ("? [say, tell]\n: [x]\n", 3, "a key must be a word or number, not LineList"),
])
def test_wordsets_bad_entry_names_file_and_line(tmp_path, body, line, msg):
    p = tmp_path / "mine.yaml"
    p.write_text("version: 1\nspeech: [comment]\n" + body)
    with pytest.raises(CodebookError) as err:
        load_wordsets_file(p)
    assert f"mine.yaml:{line}:" in str(err.value) and msg in str(err.value)


def test_wordsets_missing_version_rejected(tmp_path):
    p = tmp_path / "w.yaml"
    p.write_text("reporting: [say]\n")
    with pytest.raises(CodebookError, match="w.yaml:1: missing 'version'"):
        load_wordsets_file(p)


@pytest.mark.parametrize("ask,msg", [
    (lambda ws: ws.words("reportin"), "unknown word set 'reportin'"),
    (lambda ws: ws.words("irregular"), "a mapping, not a list 'irregular'"),
    (lambda ws: ws.mapping("reporting"), "a list, not a mapping 'reporting'"),
])
def test_wordsets_unknown_name_asked_for_names_file(tmp_path, ask, msg):
    p = tmp_path / "w.yaml"
    p.write_text("version: 1\nreporting: [say]\nirregular: {forgave: forgive}\n")
    ws = load_wordsets_file(p)
    with pytest.raises(CodebookError) as err:
        ask(ws)
    assert str(err.value).startswith(f"{p}: ") and msg in str(err.value)
