"""The CAMEO verb table (storyline.cameo) and its use as classifier features."""

from __future__ import annotations

import json

import pytest

from storyline.cameo import TABLE_PATH, CameoVerbs, load_table
from storyline.nlp import shared_pipeline
from storyline.plover_model import sentence_features


@pytest.fixture(scope="module")
def nlp():
    return shared_pipeline()


@pytest.fixture(scope="module")
def table() -> CameoVerbs:
    t = load_table()
    assert t is not None, f"{TABLE_PATH} is missing or unreadable"
    return t


def root_match(nlp, table, text):
    sent = next(iter(nlp(text).sents))
    return table.match(sent.root)


def test_packaged_table_carries_its_licence_and_source():
    data = json.loads(TABLE_PATH.read_text(encoding="utf-8"))
    assert data["format"] == "storyline-cameo-verbs"
    assert "Open Event Data Alliance" in data["copyright"]
    assert "Permission is hereby granted" in data["licence"]
    assert "petrarch2" in data["source"]
    assert len(data["verbs"]) > 2000 and len(data["blocks"]) > 300


def test_a_pattern_beats_the_block_default(nlp, table):
    m = root_match(nlp, table, "The government agreed to a ceasefire with the rebels.")
    assert m is not None and m.category == "AGREE" and m.code.startswith("035")
    assert m.words == 2  # "to" and the ceasefire word set


def test_the_block_default_applies_when_no_pattern_matches(nlp, table):
    m = root_match(nlp, table, "Argentina apologized to Brazil for the incident.")
    assert m is not None and (m.category, m.code, m.words) == ("SUPPORT", "", 0)


def test_inflected_forms_find_their_block(nlp, table):
    m = root_match(nlp, table, "Police arrested twelve protesters near the palace.")
    assert m is not None and m.category == "COERCE"


def test_unknown_verbs_and_plain_statements_get_nothing(nlp, table):
    assert root_match(nlp, table, "The committee tabulated the figures.") is None
    # "say" is CAMEO's plain statement (01x), which PLOVER does not code
    assert root_match(nlp, table, "The minister said the talks would continue.") is None


def test_match_reads_only_the_verbs_own_sentence(nlp, table):
    doc = nlp("The army fired. A ceasefire was agreed to by nobody.")
    first = next(iter(doc.sents)).root
    m = table.match(first)
    assert m is None or m.code != "0356"


def test_a_table_of_another_format_is_refused():
    with pytest.raises(ValueError):
        CameoVerbs.from_json('{"format": "something-else"}')
    bad = {"format": "storyline-cameo-verbs", "sets": {}, "verbs": {"x": 3}, "blocks": []}
    with pytest.raises(ValueError):
        CameoVerbs.from_json(json.dumps(bad))


def test_classifier_features_include_the_cameo_codings(nlp, table):
    sent = next(iter(nlp("Argentina apologized to Brazil for the incident.").sents))
    f = sentence_features(sent, (), table)
    assert f.get("cdr=SUPPORT", 0) > 0 and f.get("cd=SUPPORT", 0) > 0
    # a planned hostile act is coded as PLOVER codes it (THREATEN), beside the raw category
    sent = next(iter(nlp("Police will arrest the protesters.").sents))
    f = sentence_features(sent, (), table)
    assert f.get("cd=COERCE", 0) > 0 and f.get("pcd=THREATEN", 0) > 0
