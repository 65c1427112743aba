"""Unit tests of actor types and affiliations (invented sentences)."""

from __future__ import annotations

import pytest

from storyline.actors import actor_type, affiliation


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
