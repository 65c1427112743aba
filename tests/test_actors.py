"""Unit tests of actor types and affiliations (invented sentences)."""

from __future__ import annotations

import pytest

from storyline.actors import actor_type, affiliation, capital_states
from storyline.model import Entity


@pytest.mark.parametrize(("name", "label", "context", "expected"), [
    ("Norland", "GPE", None, "state"),
    ("the Ministry of Finance", "ORG", None, "government body"),
    ("Vexa Space Agency", "ORG", None, "government body"),
    ("Acme Corp", "ORG", None, "company"),
    ("Blue Harbour Inc.", "ORG", None, "company"),
    ("NATO", "ORG", None, "international organisation"),
    ("UN", "ORG", None, "international organisation"),
    ("ESA", "ORG", None, "international organisation"),
    ("International Fund for Rivers", "ORG", None, "international organisation"),
    ("Lena Brandt", "PERSON", None, "person"),
    ("Orbix", "ORG", "the satellite company Orbix said", "company"),
    ("Kosmora", "ORG", "the state space agency Kosmora said", "government body"),
    ("Zentro", "ORG", None, "organisation"),
    # a nationality is not the company it describes
    ("Norlandic", "NORP", "the Norlandic satellite company Orbix", "state"),
])
def test_actor_type(name: str, label: str, context: str | None, expected: str) -> None:
    assert actor_type(name, label, context) == expected


def test_affiliation_after_and_before() -> None:
    assert affiliation("Ivan Petrov", "Ivan Petrov, head of Kosmora, said on Monday") == "Kosmora"
    assert affiliation("Ivan Petrov", "Kosmora chief Ivan Petrov warned") == "Kosmora"
    assert affiliation("Ann Lee", "said Ann Lee, a farmer from the valley") is None


def test_capital_stands_for_its_state_when_the_state_is_named() -> None:
    ents = [Entity("E1", "Russia", "GPE", aliases=["Russia", "Russian Federation"]),
            Entity("E2", "Moscow", "GPE", aliases=["Moscow"]),
            Entity("E3", "U.S.", "GPE", aliases=["U.S.", "the United States"]),
            Entity("E4", "Washington", "GPE", aliases=["Washington"]),
            Entity("E5", "Paris", "GPE", aliases=["Paris"]),  # France is not named
            Entity("E6", "Beijing", "ORG", aliases=["Beijing"])]  # not a place here
    assert capital_states(ents) == {"E2": {"E1"}, "E4": {"E3"}}


def test_capital_states_without_places() -> None:
    assert capital_states([]) == {}
    assert capital_states([Entity("E1", "Dmitry Rogozin", "PERSON")]) == {}


def test_group_entities_from_unnamed_participants() -> None:
    from storyline.actors import group_entities, is_group
    from storyline.model import Argument, EventMention

    def mention(doc: str, actor: str, target: str) -> EventMention:
        return EventMention(doc_id=doc, sentence=0, sentence_text="", trigger="attack",
                            lemma="attack", start=0, end=1,
                            actors=[Argument(actor, 0, len(actor))],
                            targets=[Argument(target, 10, 10 + len(target))])

    ents: list[Entity] = [Entity("E1", "Norland", "GPE", ["Norland"])]
    out = group_entities([mention("a", "the Merovian rebels", "a police station"),
                          mention("b", "Merovian rebels", "the Russian agency"),
                          mention("b", "hundreds of students", "it")], ents)
    rebels = out[0].actors[0].entity_id
    assert rebels is not None and out[1].actors[0].entity_id == rebels  # one group, two docs
    group = next(e for e in ents if e.id == rebels)
    assert group.name == "Merovian rebels" and group.documents == ["a", "b"] and is_group(group)
    assert out[2].actors[0].entity_id is not None  # "students", the count dropped
    # a thing, a body named elsewhere and a pronoun stay without an entity
    assert [t.entity_id for m in out for t in m.targets] == [None, None, None]
    assert not is_group(ents[0])


def test_affiliated_group_is_not_the_name_it_belongs_to(nlp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A group tied to a name ("supporters of X", "rebels in Y") is a participant of its own
    in the report, never the person or the country it belongs to."""
    import json

    from storyline.pipeline import run
    from storyline.report import build_report
    from storyline.store import SQLiteStore

    path = tmp_path / "s.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": "Supporters of former President Olaf Brenner blocked "
                                       "roads in Mardavia on Friday."}) + "\n"
        + json.dumps({"id": "b", "text": "Rebels in Norland attacked an army post near "
                                         "the capital."}) + "\n", encoding="utf-8")
    with SQLiteStore(tmp_path / "s.db") as store:
        result = run([path], store, nlp)
    report = build_report(result.analysis, result.duplicates)
    names = {e["id"]: e["name"] for e in report["entities"]}
    actors = {names[a] for e in report["events"] for a in e["actors"]}
    assert "Olaf Brenner" not in actors and "Norland" not in actors
    assert any(a.startswith("Supporters of") for a in actors), actors
