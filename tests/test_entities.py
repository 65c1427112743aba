"""Tests of the entities stage: mention cleaning, merging rules, resolution, other scripts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.tokens import Doc, Span

from storyline.entities import (
    EntityIndex,
    add_missed_mentions,
    drop_common_words,
    entity_type_for_report,
    extract_mentions,
    initials,
    is_acronym,
    link_other_scripts,
    merge_entities,
    name_key,
)
from storyline.model import Document, Entity, Mention, Paragraph
from storyline.nlp import shared_pipeline

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpora" / "seeds"


# ------------------------------------------------------------------------------------------
# helpers
# ------------------------------------------------------------------------------------------


def _m(doc: str, text: str, label: str, start: int = 0) -> Mention:
    """A mention built by hand (offsets only need to be consistent within a test)."""
    return Mention(doc, start, start + len(text), text, label)


def _mentions(*specs: tuple[str, str] | tuple[str, str, str]) -> list[Mention]:
    """Mentions from (text, label[, doc]) specs, each at a fresh offset."""
    out = []
    for i, spec in enumerate(specs):
        text, label = spec[0], spec[1]
        doc = spec[2] if len(spec) == 3 else "d1"
        out.append(_m(doc, text, label, start=i * 100))
    return out


def _entity_of(entities: list[Entity], alias: str) -> Entity:
    hits = [e for e in entities if alias in e.aliases]
    assert len(hits) == 1, (alias, [(e.name, e.aliases) for e in entities])
    return hits[0]


def _run(text: str, doc_id: str = "t", paragraphs: list[Paragraph] | None = None
         ) -> tuple[Document, Doc, list[Mention]]:
    doc = Document(id=doc_id, text=text, paragraphs=paragraphs or [])
    sdoc = shared_pipeline()(text)
    return doc, sdoc, extract_mentions(doc, sdoc)


def _with_ents(text: str, spans: list[tuple[str, str]]) -> tuple[Document, Doc]:
    """Parse ``text`` and replace NER's spans by the given (surface, label) spans, to
    simulate the glued titles and possessives that the small model sometimes produces."""
    sdoc = shared_pipeline()(text)
    ents: list[Span] = []
    for surface, label in spans:
        for hit in re.finditer(re.escape(surface), text):
            span = sdoc.char_span(hit.start(), hit.end(), label=label)
            assert span is not None, surface
            if not any(e.start < span.end and span.start < e.end for e in ents):
                ents.append(span)
    sdoc.ents = sorted(ents, key=lambda e: e.start)
    return Document(id="t", text=text), sdoc


# ------------------------------------------------------------------------------------------
# normalisation
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("NASA", "nasa"),
        ("Nasa", "nasa"),
        ("the U.S.", "us"),
        ("U. S.", "us"),
        ("US", "us"),
        ("Roscosmos’", "roscosmos"),
        ("Roscosmos'", "roscosmos"),
        ("Russia's", "russia"),
        ("The European Space Agency", "european space agency"),
        ("Zürich", "zurich"),
    ],
)
def test_name_key(text: str, key: str) -> None:
    assert name_key(text) == key


def test_acronym_helpers() -> None:
    assert is_acronym("ESA") and is_acronym("U.S.") and not is_acronym("Nasa")
    assert not is_acronym("A") and not is_acronym("NEW YORK")
    assert initials("european space agency") == "esa"
    assert initials("bank of england") == "be"
    assert initials("roscosmos") == ""
    assert initials("us senate") == ""


# ------------------------------------------------------------------------------------------
# merging rules with hand-built mentions
# ------------------------------------------------------------------------------------------


def test_case_variants_merge() -> None:
    ents = merge_entities(_mentions(("NASA", "ORG"), ("Nasa", "ORG"), ("NASA", "ORG", "d2")))
    assert len(ents) == 1
    assert ents[0].name == "NASA"
    assert ents[0].aliases == ["NASA", "Nasa"]
    assert ents[0].documents == ["d1", "d2"]
    assert all(m.entity_id == "E1" for m in ents[0].mentions)


def test_spelling_variants_merge() -> None:
    ents = merge_entities(_mentions(
        ("Orbitalis", "ORG"), ("Orbitalis", "ORG"), ("Orbitallis", "PERSON"),
        ("Orbitalys", "PRODUCT"),
    ))
    assert len(ents) == 1
    assert ents[0].name == "Orbitalis"
    assert ents[0].type == "ORG"


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        ("Austria", "GPE", "Australia", "GPE"),  # similarity 0.78
        ("Iran", "GPE", "Iraq", "GPE"),  # too short for fuzzy matching
        ("Russia", "GPE", "Russian", "NORP"),  # prefix (derivation) and NORP vs GPE
        ("Europe", "LOC", "European", "NORP"),
        ("Mark Kelly", "PERSON", "Mary Kelly", "PERSON"),  # different first names
        ("Petrova", "PERSON", "Petrovo", "GPE"),  # person vs place
    ],
)
def test_different_things_stay_apart(a: str, la: str, b: str, lb: str) -> None:
    ents = merge_entities(_mentions((a, la), (b, lb)))
    assert len(ents) == 2, [(e.name, e.aliases) for e in ents]


def test_fuzzy_merges_do_not_chain() -> None:
    # "Amrican" is one edit from both; it joins the closer, more frequent head only.
    specs: list[tuple[str, str]] = ([("American", "NORP")] * 4 + [("African", "NORP")] * 3
                                    + [("Amrican", "NORP")])
    ents = merge_entities(_mentions(*specs))
    assert _entity_of(ents, "Amrican") is _entity_of(ents, "American")
    assert _entity_of(ents, "African") is not _entity_of(ents, "American")


def test_balanced_one_word_spellings_stay_apart() -> None:
    ents = merge_entities(_mentions(("Colombia", "GPE"), ("Columbia", "GPE")))
    assert len(ents) == 2


def test_first_name_variants_merge() -> None:
    ents = merge_entities(_mentions(("Dmitri Volkov", "PERSON"), ("Dmitry Volkov", "PERSON")))
    assert len(ents) == 1


def test_acronym_by_initials() -> None:
    ents = merge_entities(_mentions(
        ("Lunar Research Institute", "ORG"), ("LRI", "ORG"), ("LRI", "ORG"),
        ("Canadian Polar Service", "ORG"), ("CPS", "ORG"),
    ))
    assert len(ents) == 2
    lri = _entity_of(ents, "LRI")
    assert lri.name == "Lunar Research Institute"
    assert set(lri.aliases) == {"LRI", "Lunar Research Institute"}


def test_ambiguous_initials_do_not_merge() -> None:
    ents = merge_entities(_mentions(
        ("Canadian Space Agency", "ORG"), ("Chinese Space Agency", "ORG"), ("CSA", "ORG"),
    ))
    assert len(ents) == 3


def test_explicit_acronym_pair_from_text() -> None:
    _doc, _, ms = _run("Orbital Freight Corporation (OFC) signed a deal with a rocket maker.")
    assert [m.text for m in ms][:2] == ["Orbital Freight Corporation", "OFC"]
    # Rule 2 also works when initials do not match: pair a made-up short form explicitly.
    _doc, _, ms2 = _run("The Helios Launch Alliance (HELA) met on Friday in Vienna.")
    ents = merge_entities(ms + ms2)
    assert _entity_of(ents, "OFC") is _entity_of(ents, "Orbital Freight Corporation")
    hela = _entity_of(ents, "HELA")
    assert "Helios Launch Alliance" in hela.aliases


def test_acronym_kept_when_far_more_frequent() -> None:
    specs: list[tuple[str, str]]
    specs = [("ZKSA", "ORG")] * 6 + [("Zeta Kappa Space Authority", "ORG")]
    ents = merge_entities(_mentions(*specs))
    assert len(ents) == 1 and ents[0].name == "ZKSA"
    specs = [("ZKSA", "ORG")] * 2 + [("Zeta Kappa Space Authority", "ORG")] * 2
    assert merge_entities(_mentions(*specs))[0].name == "Zeta Kappa Space Authority"


def test_surname_merges_with_unique_full_name() -> None:
    ents = merge_entities(_mentions(
        ("Ivana Sokolova", "PERSON"), ("Sokolova", "PERSON"), ("Sokolova", "ORG", "d2"),
    ))
    assert len(ents) == 1
    assert ents[0].name == "Ivana Sokolova" and ents[0].type == "PERSON"


def test_given_name_is_not_a_surname() -> None:
    ents = merge_entities(_mentions(
        ("Omar Hadi Samir", "PERSON"), ("Samir Nasser", "PERSON"), ("Samir", "PERSON"),
    ))
    assert len(ents) == 3


def test_person_names_are_not_expanded_acronyms() -> None:
    ents = merge_entities(_mentions(("Tara Vance", "PERSON"), ("TV", "ORG")))
    assert len(ents) == 2


def test_initials_need_a_shared_document() -> None:
    ents = merge_entities(_mentions(("Polar Data Centre", "ORG", "d1"), ("PDC", "ORG", "d2")))
    assert len(ents) == 2
    ents = merge_entities(_mentions(("Polar Data Centre", "ORG", "d1"), ("PDC", "ORG", "d1")))
    assert len(ents) == 1


def test_canonical_name_prefers_normal_case_over_shouting() -> None:
    specs: list[tuple[str, str]] = [("NORA HALE", "PERSON")] * 3 + [("Nora Hale", "PERSON")]
    assert merge_entities(_mentions(*specs))[0].name == "Nora Hale"


def test_dominant_full_name_takes_the_surname() -> None:
    specs: list[tuple[str, str]] = [("Anna Berg", "PERSON")] * 4 + [("Lars Berg", "PERSON"),
                                                                    ("Berg", "PERSON")]
    ents = merge_entities(_mentions(*specs))
    assert _entity_of(ents, "Berg") is _entity_of(ents, "Anna Berg")
    assert _entity_of(ents, "Lars Berg") is not _entity_of(ents, "Anna Berg")


def test_shared_surname_is_not_merged() -> None:
    ents = merge_entities(_mentions(
        ("Anna Berg", "PERSON"), ("Lars Berg", "PERSON"), ("Berg", "PERSON"),
    ))
    assert len(ents) == 3


def test_weak_person_label_loses_to_organisation_labels() -> None:
    # A one-word name tagged PERSON with no full name behind it counts half.
    ents = merge_entities(_mentions(
        ("Kosmotek", "PERSON"), ("Kosmotek", "PERSON"), ("Kosmotek", "PERSON"),
        ("Kosmotek", "ORG"), ("Kosmotek", "PRODUCT"),
    ))
    assert ents[0].type == "ORG"
    assert {m.label for m in ents[0].mentions} == {"ORG"}
    assert entity_type_for_report(ents[0]) == "organization"


def test_ids_are_deterministic_and_by_frequency() -> None:
    ms = _mentions(("Vienna", "GPE"), ("Oslo", "GPE"), ("Oslo", "GPE"), ("Lima", "GPE"))
    a = merge_entities(ms)
    b = merge_entities(list(reversed(ms)))
    assert [(e.id, e.name) for e in a] == [(e.id, e.name) for e in b]
    assert [e.name for e in a] == ["Oslo", "Vienna", "Lima"]


# ------------------------------------------------------------------------------------------
# extraction with spaCy on invented texts
# ------------------------------------------------------------------------------------------


def test_extraction_cleans_determiners_and_possessives() -> None:
    text = ("The World Health Organization's experts met the European Space Agency on Monday. "
            "Vladimir Putin's aide spoke in Berlin.")
    doc, _, ms = _run(text)
    texts = [m.text for m in ms]
    assert "World Health Organization" in texts
    assert "European Space Agency" in texts
    assert "Vladimir Putin" in texts
    assert "Monday" not in texts  # dates are not entities
    for m in ms:
        assert doc.text[m.start:m.end] == m.text


def test_extraction_splits_glued_titles_and_owners() -> None:
    text = "Kosmotek' Director-General Ilya Markov met Aerolab chief Nora Hale and Ivo Tal’s Flyco."
    doc, sdoc = _with_ents(text, [
        ("Kosmotek' Director-General Ilya Markov", "PERSON"),
        ("Aerolab chief Nora Hale", "PERSON"),
        ("Ivo Tal’s Flyco", "PERSON"),
    ])
    got = [(m.text, m.label) for m in extract_mentions(doc, sdoc)]
    assert ("Ilya Markov", "PERSON") in got
    assert ("Nora Hale", "PERSON") in got
    assert ("Aerolab", "ORG") in got
    assert ("Kosmotek", "ORG") in got
    assert ("Ivo Tal", "PERSON") in got
    assert ("Flyco", "ORG") in got


def test_extraction_drops_junk_and_descriptors() -> None:
    text = "Photo by Earth planet.jan_k/Stock\n\nThe Russian space agency Kosmotek said so."
    doc, sdoc = _with_ents(text, [
        ("planet.jan_k/Stock", "ORG"),
        ("Russian space agency Kosmotek", "ORG"),
    ])
    got = [m.text for m in extract_mentions(doc, sdoc)]
    assert got == ["Kosmotek"]


def test_context_corrects_person_label_of_organisation() -> None:
    text = "The head of Kosmotek spoke. The space agency Kosmotek agreed. Kosmotek's chief left."
    doc, sdoc = _with_ents(text, [("Kosmotek", "PERSON")])
    assert len(sdoc.ents) == 3
    labels = [m.label for m in extract_mentions(doc, sdoc)]
    assert labels == ["ORG", "ORG", "ORG"]


def test_non_english_paragraph_is_skipped() -> None:
    en = "Anna Lindqvist visited London on Monday."
    sv = "Anna Lindqvist besökte London i måndags."
    text = en + "\n\n" + sv
    paras = [Paragraph(0, len(en), "en"), Paragraph(len(en) + 2, len(text), "sv")]
    _, _, ms = _run(text, paragraphs=paras)
    assert ms and all(m.end <= len(en) for m in ms)


def test_non_latin_script_mentions_are_dropped() -> None:
    doc, sdoc = _with_ents("Мария Иванова met Tom Reed.", [("Мария Иванова", "PERSON"),
                                                            ("Tom Reed", "PERSON")])
    assert [m.text for m in extract_mentions(doc, sdoc)] == ["Tom Reed"]


# ------------------------------------------------------------------------------------------
# resolution
# ------------------------------------------------------------------------------------------


def _index_for(text: str, spans: list[tuple[str, str]]) -> tuple[EntityIndex, list[Entity]]:
    doc, sdoc = _with_ents(text, spans)
    ents = merge_entities(extract_mentions(doc, sdoc))
    return EntityIndex(ents), ents


def test_resolve_prefers_head_over_possessor_and_modifier() -> None:
    text = ("Kosmotek' head Ilya Markov spoke. Ilya Markov, the head of Kosmotek, left. "
            "The European Space Agency answered.")
    index, ents = _index_for(text, [("Kosmotek", "ORG"), ("Ilya Markov", "PERSON"),
                                    ("European Space Agency", "ORG")])
    markov = _entity_of(ents, "Ilya Markov").id
    span1 = "Kosmotek' head Ilya Markov"
    assert index.resolve("t", 0, len(span1), span1) == markov
    s2 = text.index("Ilya Markov, the head of Kosmotek")
    span2 = "Ilya Markov, the head of Kosmotek"
    assert index.resolve("t", s2, s2 + len(span2), span2) == markov
    esa = _entity_of(ents, "European Space Agency").id
    assert index.get(esa).name == "European Space Agency"
    # Alias match when the span holds no mention.
    assert index.resolve("other", 0, 10, "the European Space Agency") == esa
    assert index.resolve("other", 0, 10, "Kosmotek's") == _entity_of(ents, "Kosmotek").id
    assert index.resolve("other", 0, 10, "agency head Ilya Markov") == markov
    assert index.resolve("other", 0, 10, "the ministry") is None


# ------------------------------------------------------------------------------------------
# other scripts, handles, missed mentions
# ------------------------------------------------------------------------------------------


def test_link_other_scripts_cyrillic_and_handles() -> None:
    text = ("Ilya Markov runs Kosmotek. Markov said Kosmotek will grow.\n\n"
            "«Космотек» продолжит работу. — МАРКОВ (@IlyaMarkov) 1 May\n\n"
            "See also @Kosmotek_ for updates.")
    en_end = text.index("\n\n")
    ru_start = en_end + 2
    ru_end = text.index("\n\n", ru_start)
    paras = [Paragraph(0, en_end, "en"), Paragraph(ru_start, ru_end, "ru"),
             Paragraph(ru_end + 2, len(text), "en")]
    doc, sdoc = _with_ents(text, [])
    doc.paragraphs = paras
    sdoc.ents = [sdoc.char_span(0, 11, label="PERSON"),
                 sdoc.char_span(17, 25, label="ORG"),
                 sdoc.char_span(27, 33, label="PERSON"),
                 sdoc.char_span(39, 47, label="ORG")]
    ents = merge_entities(extract_mentions(doc, sdoc))
    link_other_scripts([doc], ents)
    markov = _entity_of(ents, "Ilya Markov")
    kosmo = _entity_of(ents, "Kosmotek")
    assert "МАРКОВ" in markov.aliases
    assert "Космотек" in kosmo.aliases
    assert "@Kosmotek_" in kosmo.aliases
    for e in ents:
        for m in e.mentions:
            assert doc.text[m.start:m.end] == m.text
            assert m.entity_id == e.id
    # A Cyrillic word that is no known name is not linked.
    assert not any("работу" in a for e in ents for a in e.aliases)


def test_add_missed_mentions() -> None:
    text = "The Lunar Research Institute (LRI) met. Later LRI denied it, and Kosmotek agreed."
    doc, sdoc = _with_ents(text, [("Lunar Research Institute", "ORG")])
    ents = merge_entities(extract_mentions(doc, sdoc))
    add_missed_mentions([doc], ents)
    lri = _entity_of(ents, "LRI")
    assert len(lri.mentions) == 3
    assert all(doc.text[m.start:m.end] == m.text for m in lri.mentions)


# ------------------------------------------------------------------------------------------
# seeds
# ------------------------------------------------------------------------------------------


def _seed_documents() -> list[Document]:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared is missing: no seed corpus at {SEEDS}")
    docs = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paras: list[Paragraph] = []
        pos = 0
        for block in text.split("\n\n"):
            cyr = sum(1 for c in block if "\u0400" <= c <= "\u04ff")
            letters = sum(1 for c in block if c.isalpha()) or 1
            paras.append(Paragraph(pos, pos + len(block), "ru" if cyr / letters > 0.3 else "en"))
            pos += len(block) + 2
        docs.append(Document(id=path.stem, text=text, paragraphs=paras))
    return docs


def test_seed_entities() -> None:
    docs = _seed_documents()
    nlp = shared_pipeline()
    mentions = [m for d in docs for m in extract_mentions(d, nlp(d.text))]
    ents = merge_entities(mentions)
    link_other_scripts(docs, ents)
    for e in ents:
        print(e.id, e.type, repr(e.name), len(e.mentions), e.aliases)
    by_doc = {d.id: d for d in docs}
    for e in ents:
        for m in e.mentions:
            assert by_doc[m.doc_id].text[m.start:m.end] == m.text
    groups = {
        "agency": ["Roscosmos", "Roskosmos", "Roscomos"],
        "head": ["Dmitry Rogozin", "Rogozin", "РОГОЗИН"],
        "nasa": ["NASA", "Nasa"],
        "esa": ["ESA", "European Space Agency"],
        "iss": ["ISS", "International Space Station"],
    }
    found = {}
    for key, spellings in groups.items():
        owners = {_entity_of(ents, s).id for s in spellings}
        assert len(owners) == 1, (key, owners)
        found[key] = owners.pop()
    assert len(set(found.values())) == 5
    types = {k: next(e.type for e in ents if e.id == v) for k, v in found.items()}
    assert types == {"agency": "ORG", "head": "PERSON", "nasa": "ORG", "esa": "ORG",
                     "iss": "ORG"}
    names = {k: next(e.name for e in ents if e.id == v) for k, v in found.items()}
    assert names["head"] == "Dmitry Rogozin" and names["agency"] == "Roscosmos"
    # Nationality and country stay apart.
    assert _entity_of(ents, "Russia") is not _entity_of(ents, "Russian")


def test_one_word_person_labels_in_place_slots_become_places() -> None:
    text = ("Launches from the Vardo spaceport in French Tavira stopped. Anna Berg works in "
            "Oslo. In Berg's view, it was right. Taking to Twitter, Berg wrote that it was over.")
    doc, sdoc = _with_ents(text, [("Vardo", "PERSON"), ("Tavira", "PERSON"),
                                  ("Anna Berg", "PERSON"), ("Berg", "PERSON"),
                                  ("Oslo", "GPE"), ("Twitter", "PERSON")])
    labels = {m.text: m.label for m in extract_mentions(doc, sdoc)}
    assert labels["Vardo"] == "GPE"  # before a place noun
    assert labels["Tavira"] == "GPE"  # after "in" and one capitalized word
    assert labels["Berg"] == "PERSON"  # the document names a person Anna Berg
    assert labels["Twitter"] == "ORG"  # a platform


def test_plural_nationality_joins_its_singular() -> None:
    ents = merge_entities(_mentions(("Norlandic", "NORP"), ("Norlandics", "NORP"),
                                    ("Norland", "GPE")))
    assert _entity_of(ents, "Norlandics") is _entity_of(ents, "Norlandic")
    assert _entity_of(ents, "Norland") is not _entity_of(ents, "Norlandic")


def test_hyphenated_place_name_is_kept_whole() -> None:
    # A lower-case word between hyphens is part of the name, not a descriptor before it.
    text = "Rescuers reached Port-au-Prince on Monday; the space agency Kosmotek sent help."
    doc, sdoc = _with_ents(text, [("Port-au-Prince", "GPE"), ("space agency Kosmotek", "ORG")])
    got = [m.text for m in extract_mentions(doc, sdoc)]
    assert got == ["Port-au-Prince", "Kosmotek"]


def test_common_words_capitalised_by_their_place_are_no_entities() -> None:
    docs = [Document(id="d1", text="People are calm. Many people left; people wait for rescue. "
                                   "Rescue teams and rescue dogs came to rescue people. The WHO "
                                   "said who is hurt: who knows who. Apple sold apple juice."),
            Document(id="d2", text="Apple and Apple again, and ISS.")]
    ents = merge_entities(_mentions(("People", "ORG"), ("Rescue", "ORG", "d1"),
                                    ("WHO", "ORG"), ("Apple", "ORG"), ("Apple", "ORG", "d2"),
                                    ("Apple", "ORG", "d2"), ("ISS", "FAC", "d2")))
    kept = drop_common_words(docs, ents)
    assert sorted(e.name for e in kept) == ["Apple", "ISS", "WHO"]
    # numbered anew, by frequency, and their mentions point at them
    assert [e.id for e in kept] == ["E1", "E2", "E3"]
    assert all(m.entity_id == e.id for e in kept for m in e.mentions)
