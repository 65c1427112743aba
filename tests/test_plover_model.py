"""Tests of the sentence-level PLOVER classifier (invented sentences, hand-made models)."""

from __future__ import annotations

import pytest

from storyline.events import extract_events
from storyline.model import Document
from storyline.nlp import shared_pipeline
from storyline.plover import plover_category
from storyline.plover_model import (
    MODEL_PATH,
    NO_EVENT,
    LinearModel,
    classify_sentence,
    load_model,
    sentence_features,
)

#: A toy model: "root=gather" votes PROTEST, the lexicon's ASSAULT votes ASSAULT.
TOY = LinearModel(
    classes=("ASSAULT", "PROTEST"),
    intercept=(0.0, 0.0),
    weights={"root=gather": (-8.0, 8.0), "plex=ASSAULT": (8.0, -8.0)},
)


def first_sentence(text: str):
    return next(iter(shared_pipeline()(text).sents))


def test_json_round_trip_and_prediction() -> None:
    again = LinearModel.from_json(TOY.to_json())
    assert again == TOY
    pred = again.predict({"root=gather": 1.0})
    assert pred.category == "PROTEST" and pred.probability > 0.99
    assert again.predict({"unknown": 1.0}).probability == pytest.approx(0.5)


def test_from_json_rejects_other_files() -> None:
    with pytest.raises(ValueError):
        LinearModel.from_json('{"format": "something else"}')
    bad = TOY.to_json().replace("[-8.0,8.0]", "[1.0]")
    with pytest.raises(ValueError):
        LinearModel.from_json(bad)


def test_features_carry_lexicon_votes_and_modality() -> None:
    f = sentence_features(first_sentence("The rebels attacked the village at dawn."))
    assert f.get("lex=ASSAULT", 0) > 0 and f.get("rootlex=ASSAULT", 0) > 0
    assert "root=attack" in f and "nolex" not in f
    g = sentence_features(first_sentence("The minister said the army will attack the town."))
    assert g.get("plex=THREATEN", 0) > 0  # an announced hostile act is PLOVER's THREATEN
    h = sentence_features(first_sentence("The farmers gathered near the palace."))
    assert "nolex" in h and "root=gather" in h


def test_packaged_model_loads_and_is_small() -> None:
    model = load_model()
    assert model is not None, f"{MODEL_PATH} is missing: run benchmarks/train_plover.py"
    assert len(model.classes) == 17 and "ASSAULT" in model.classes and NO_EVENT in model.classes
    assert MODEL_PATH.stat().st_size < 1_500_000  # about 1.2 MB with the six own and check sets
    pred = classify_sentence(first_sentence("Soldiers shelled the rebel positions overnight."))
    assert pred is not None and pred.category == "ASSAULT" and pred.no_event < 0.5
    chatter = classify_sentence(first_sentence("The interview will air on Sunday evening."))
    assert chatter is not None and chatter.no_event > 0.5 and chatter.probability < 0.3


def test_no_event_class_is_never_the_category() -> None:
    """A model with the NONE class names the best PLOVER category, with its share of the whole
    distribution as probability; given an event, the category's probability is higher."""
    model = LinearModel(("ASSAULT", NO_EVENT, "PROTEST"), (0.0, 0.0, 0.0),
                        {"root=air": (0.0, 6.0, 0.0), "root=gather": (0.0, 0.0, 6.0)})
    chatter = model.predict({"root=air": 1.0})
    assert chatter.category in ("ASSAULT", "PROTEST") and chatter.probability < 0.01
    assert chatter.no_event > 0.99 and chatter.category_probability == pytest.approx(0.5)
    protest = model.predict({"root=gather": 1.0})
    assert protest.category == "PROTEST" and protest.probability > 0.99
    assert TOY.predict({}).no_event == 0.0


def test_main_predicate_is_the_act_a_speech_verb_reports() -> None:
    from storyline.plover_model import main_predicate

    sent = first_sentence("Uganda said on Sunday it had paid compensation to the families.")
    assert main_predicate(sent).lemma_ == "pay"
    f = sentence_features(sent)
    assert "main=pay" in f and "mainmod=asserted" in f
    plan = first_sentence("The rebels said they will release the hostages.")
    assert "mainmod=planned" in sentence_features(plan)
    assert main_predicate(first_sentence("Troops shelled the town.")).lemma_ == "shell"


def test_classifier_fills_a_sentence_the_lexicon_misses() -> None:
    text = "Thousands of angry farmers gathered outside the parliament on Monday."
    nlp = shared_pipeline()
    sdoc = nlp(text)
    doc = Document(id="t", text=text)
    assert [m for m in extract_events(doc, sdoc, [], classifier=False) if m.category] == []
    found = extract_events(doc, sdoc, [], classifier=TOY)
    assert [m.category for m in found] == ["PROTEST"]
    assert found[0].lemma == "gather" and "farmers" in found[0].actors[0].text


def test_classifier_keeps_lexicon_category_unless_very_sure() -> None:
    text = "Government troops attacked the rebel camp."
    nlp = shared_pipeline()
    sdoc = nlp(text)
    doc = Document(id="t", text=text)
    unsure = LinearModel(("ASSAULT", "PROTEST"), (0.0, 0.3), {})
    cats = [plover_category(m.category, m.modality)
            for m in extract_events(doc, sdoc, [], classifier=unsure)]
    assert cats == ["ASSAULT"]
    sure = LinearModel(("ASSAULT", "PROTEST"), (0.0, 5.0), {})
    cats = [plover_category(m.category, m.modality)
            for m in extract_events(doc, sdoc, [], classifier=sure)]
    assert cats == ["PROTEST"]


def test_project_training_sentences_are_well_formed() -> None:
    """The project's own training sentences (benchmarks/data/plover_synthetic.jsonl): every
    line a sentence with one of the 16 categories, 45 of each, and participants that are
    substrings of the sentence."""
    import json
    from collections import Counter
    from pathlib import Path

    from storyline.model import PLOVER_CATEGORIES

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "plover_synthetic.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    counts = Counter(r["category"] for r in rows)
    assert set(counts) == set(PLOVER_CATEGORIES) and set(counts.values()) == {45}
    assert len({r["text"] for r in rows}) == len(rows)
    for r in rows:
        assert len(r["text"].split()) >= 12
        for key in ("actor", "recipient"):
            assert r[key] is None or r[key] in r["text"], (key, r["text"])


def test_news_judgements_refer_to_shared_sentences() -> None:
    """benchmarks/data/plover_news_labels.jsonl holds references, never news text, and every
    reference resolves to its sentence in ../shared (same hash)."""
    import json
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    path = root / "benchmarks" / "data" / "plover_news_labels.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert len(rows) >= 1500
    for r in rows:
        assert set(r) == {"corpus", "article", "start", "end", "sha1", "label", "category"}
        assert r["label"] in ("N", "E", "?") and (r["category"] is not None) == (r["label"] == "E")
        assert r["corpus"].startswith(("t17:", "polnear:train"))
        assert not r["corpus"].startswith(("t17:iraq", "t17:libya", "t17:mj", "t17:syria"))
    if not (root.parent / "shared" / "benchmarks" / "t17").is_dir():
        pytest.skip("../shared is missing: the references are not resolved")
    sys.path.insert(0, str(root / "benchmarks"))
    from train_plover import news_label_records

    resolved = news_label_records(path)
    assert len(resolved) == sum(r["label"] == "N" for r in rows)
    assert all(r.category == NO_EVENT and r.text for r in resolved)


def test_project_cameo_sentences_follow_the_conversion_table() -> None:
    """The second set (benchmarks/data/plover_synthetic_cameo.jsonl): three sentences for
    every CAMEO code of the conversion table that has a PLOVER category, each with that
    category; participants are substrings of the sentence."""
    import json
    import re
    from collections import Counter
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    table = root.parent / "shared" / "benchmarks" / "plover_gsr" / "CAMEO2PLOVER-2021.txt"
    path = root / "benchmarks" / "data" / "plover_synthetic_cameo.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert len({r["text"] for r in rows}) == len(rows)
    for r in rows:
        assert 8 <= len(r["text"].split()) <= 45, r["text"]
        for key in ("actor", "recipient"):
            assert r[key] is None or r[key] in r["text"], (key, r["text"])
    per_code = Counter(r["cameo"] for r in rows)
    if not table.is_file():
        pytest.skip(f"{table} is missing (../shared is not checked out): the codes' "
                    "categories are not checked")
    lines = re.findall(r"^(\d{3,4}):\s*([A-Z]+)\s*,", table.read_text(encoding="utf-8"), re.M)
    codes = dict(lines)
    table_lines = Counter(code for code, _ in lines)  # 175 has two lines (two descriptions)
    for r in rows:
        if r["cameo"].startswith("02"):
            assert r["category"] == "REQUEST"  # appeals, not in the table
        else:
            assert codes[r["cameo"]] == r["category"], r
    for code, n in per_code.items():  # three a description (one dropped as too close to gold)
        assert 3 * table_lines.get(code, 1) - 1 <= n <= 3 * table_lines.get(code, 1), code
    assert set(codes) <= set(per_code)
