"""Incremental story clustering."""

from __future__ import annotations

import datetime as dt

from storyline.clustering import StoryClusterer, document_terms

FLOOD = [
    "Floods hit the river valley; the dam near Ortega overflowed and villages were evacuated.",
    "Rescue teams reached Ortega villages after the dam overflowed, flood water still rising.",
    "The Ortega dam flood: evacuated villagers return as river water recedes.",
]
ELECTION = [
    "Parliament election: the Green League won most seats, its leader Ilse Varga said.",
    "Ilse Varga of the Green League will form a coalition after the parliament election.",
]


def _run(c: StoryClusterer, texts: list[str], prefix: str, start: dt.date) -> None:
    for i, t in enumerate(texts):
        c.add(f"{prefix}{i}", document_terms(t), start + dt.timedelta(days=i))


def test_documents_of_one_story_join_and_stories_stay_apart():
    c = StoryClusterer(threshold=0.1, merge_threshold=0.2)
    _run(c, FLOOD, "f", dt.date(2021, 5, 1))
    _run(c, ELECTION, "e", dt.date(2021, 5, 2))
    flood = {c.story_of[f"f{i}"] for i in range(3)}
    election = {c.story_of[f"e{i}"] for i in range(2)}
    assert len(flood) == 1 and len(election) == 1 and flood != election


def test_state_round_trip_continues_incrementally():
    c = StoryClusterer(threshold=0.1, merge_threshold=0.2)
    _run(c, FLOOD[:2], "f", dt.date(2021, 5, 1))
    restored = StoryClusterer.from_dict(c.to_dict())
    sid = restored.add("f2", document_terms(FLOOD[2]), dt.date(2021, 5, 4))
    assert sid == restored.story_of["f0"] == c.story_of["f0"]
    assert restored.add("f2", document_terms(FLOOD[2])) == sid  # idempotent


def test_story_quiet_for_too_long_is_closed():
    c = StoryClusterer(threshold=0.1, merge_threshold=0.2, max_gap_days=30)
    c.add("a", document_terms(FLOOD[0]), dt.date(2021, 1, 1))
    c.add("b", document_terms(FLOOD[1]), dt.date(2021, 9, 1))
    assert c.story_of["a"] != c.story_of["b"]


def test_terms_weight_title_and_entities():
    t = document_terms("The dam broke.", ["ortega dam"], title="Dam")
    assert t["dam"] == 3 and t["@ortega dam"] == 2 and "the" not in t
