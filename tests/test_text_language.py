import pytest

from eventwatch.text.language import detect_language


@pytest.mark.parametrize("text,expected", [
    ("Police detained dozens of protesters outside the parliament on Tuesday, "
     "and the opposition accused the government of silencing dissent.", "en"),
    ("La police a arrêté des dizaines de manifestants devant le parlement mardi, "
     "et l'opposition a accusé le gouvernement de faire taire les critiques.", "fr"),
    ("La policía detuvo a decenas de manifestantes frente al parlamento el martes, "
     "y la oposición acusó al gobierno de silenciar a sus críticos.", "es"),
    ("On Thursday, Chilean interior minister Rosa Valdivia recalled Peru's envoy to complain "
     "about the fishing dispute.", "en"),
    ("香港警方週二拘捕了十二名抗議者，並指控他們非法集結。", "zh"),
])
def test_language_detects_paragraph(text, expected):
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "OK", "12 34 56 78 90 2024-01-02", "!!!"])
def test_language_short_or_empty_is_none(text):
    assert detect_language(text) is None


def test_language_codes_are_iso_639_1():
    from eventwatch.text.language import _get_identifier

    ident = _get_identifier()
    labels = ident.labels() if callable(ident.labels) else ident.labels
    assert all(len(lab) == 2 or lab in ("yue", "wuu", "arz", "ary", "uzs", "sdh", "gug") for lab in labels)
    assert "pcm" not in labels and "en" in labels
