import pytest

from eventwatch.coding.contexts import article_contexts, contexts_for, load_contexts
from eventwatch.errors import CodebookError


@pytest.mark.parametrize("text,expected", [
    ("Activists accused the police of torture in custody.", "human_rights"),
    ("The foreign minister summoned the ambassador on Monday.", "diplomatic"),
    ("The court sentenced him to five years.", "legal"),
    ("Pro-democracy protesters marched in the capital.", "pro_democracy"),
])
def test_contexts_for_finds_keyword(text, expected):
    assert expected in contexts_for(text)


def test_contexts_for_word_boundary():
    assert "legal" not in contexts_for("He mowed the lawn.")


def test_article_contexts_needs_two_weak_mentions():
    assert "legal" not in article_contexts(["A new law was discussed."])
    assert "legal" in article_contexts(["A new law.", "The law passed."])


def test_load_contexts_rejects_unknown_context_naming_line():
    text = "version: 1\ncontexts:\n  - {context: bogus, keywords: [x]}\n"
    with pytest.raises(CodebookError, match="3"):
        load_contexts("c.yaml", text)
