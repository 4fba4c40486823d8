"""Language identification (py3langid), ISO 639-1 codes."""
from __future__ import annotations

import logging
import re
from typing import Optional

log = logging.getLogger(__name__)

# Fewer letters than this and the guess is noise: no language is given.
MIN_LETTERS = 20
# Below this normalised probability the guess is not trusted.
MIN_PROBABILITY = 0.5
SAMPLE_CHARS = 5000

# py3langid also knows languages with no ISO 639-1 code. Regional varieties
# map to their macrolanguage; the rest (Nigerian Pidgin, which takes English
# news about Nigeria for its own, ancient Greek, ...) are left out of the model.
MACROLANGUAGE = {"yue": "zh", "wuu": "zh", "arz": "ar", "ary": "ar", "uzs": "uz", "sdh": "ku", "gug": "gn"}

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_identifier = None


def _get_identifier():
    global _identifier
    if _identifier is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        labels = ident.labels() if callable(ident.labels) else ident.labels
        ident.set_languages([lab for lab in labels if len(lab) == 2 or lab in MACROLANGUAGE])
        _identifier = ident
    return _identifier


def detect_language(text: str) -> Optional[str]:
    """ISO 639-1 code of ``text``'s language, or None when it is too short or unclear."""
    if not text or len(_LETTER.findall(text)) < MIN_LETTERS:
        return None
    # The opening of a long article decides as well as all of it, much faster.
    lang, prob = _get_identifier().classify(text[:SAMPLE_CHARS])
    if lang == "und" or prob < MIN_PROBABILITY:
        log.debug("language unclear: %s at %.2f", lang, prob)
        return None
    return MACROLANGUAGE.get(str(lang), str(lang))
