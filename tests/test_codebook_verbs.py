"""The verb lexicon: every entry's own example codes to its type; bad files name their line."""
from __future__ import annotations

import pytest

from eventwatch.codebook import builtin_path
from eventwatch.coding.lexicon import load_lexicon, load_lexicon_file
from eventwatch.errors import CodebookError
from eventwatch.annotate.pipeline import annotate
from eventwatch.coding.coder import code
from eventwatch.models import Article

ENTRIES = load_lexicon().entries


def _id(e):
    return f"{e.lemma}-{e.type}-{e.line}"


@pytest.mark.parametrize("entry", ENTRIES, ids=_id)
def test_codebook_verbs_example_codes_to_entry_type(entry):
    assert entry.example, f"verbs.yaml:{entry.line} has no example"
    ann = annotate(Article(id="ex", text=entry.example, publication_date="2021-06-01"))
    types = {e.type for e in code(ann, coders={"pattern"})}
    assert entry.type in types, f"verbs.yaml:{entry.line} {entry.example!r} gave {types}"


def test_codebook_verbs_every_entry_has_example():
    missing = [e.line for e in ENTRIES if not e.example]
    assert not missing


@pytest.mark.parametrize("body,msg", [
    ("  - {lemma: arrest, type: COERCEE, cameo: \"173\"}\n", "unknown type"),
    ("  - {lemma: arrest, type: COERCE, mode: hug, cameo: \"173\"}\n", "mode 'hug'"),
    ("  - {lemma: arrest, type: COERCE, cameo: \"043\"}\n", "does not map"),
    ("  - {lemma: arrest, type: COERCE, cameo: 173}\n", "quoted"),
    ("  - {lemma: arrest, type: COERCE, cameo: \"173\", colour: red}\n", "unknown key"),
    ("  - {type: COERCE, cameo: \"173\"}\n", "lemma"),
    ("  - {lemma: arrest, type: COERCE, cameo: \"173\", pos: ADJ}\n", "pos"),
])
def test_codebook_verbs_bad_entry_names_line(tmp_path, body, msg):
    p = tmp_path / "mine.yaml"
    good = "  - {lemma: detain, type: COERCE, cameo: \"173\", example: \"Police detained him.\"}\n"
    p.write_text("version: 1\nentries:\n" + good + body)
    with pytest.raises(CodebookError) as err:
        load_lexicon_file(p)
    assert "mine.yaml:4" in str(err.value) and msg in str(err.value)


def test_codebook_verbs_missing_version_rejected(tmp_path):
    p = tmp_path / "v.yaml"
    p.write_text("entries: []\n")
    with pytest.raises(CodebookError, match="version"):
        load_lexicon_file(p)


def test_codebook_verbs_user_file_adds_entries(tmp_path):
    p = tmp_path / "user.yaml"
    p.write_text("version: 1\nentries:\n  - {lemma: kettle, type: COERCE, mode: restrict, cameo: \"172\"}\n")
    lex = load_lexicon((str(p),))
    assert lex.candidates("kettle", "VERB")[0].type == "COERCE"
    assert len(lex.entries) == len(load_lexicon().entries) + 1


def test_codebook_verbs_shipped_file_exists():
    assert builtin_path("verbs.yaml").is_file()
