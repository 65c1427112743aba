"""Merging event mentions across documents, and grouping documents into stories."""

from __future__ import annotations

from storyline.model import Argument, Entity, EventMention, Mention
from storyline.stories import describe_stories, merge_events


def _m(doc, sent, lemma, actor, target, keywords, category="SANCTION", date=None,
       modality="asserted", summary=None):
    return EventMention(
        doc_id=doc, sentence=sent, sentence_text=f"{doc} sentence {sent}.", trigger=lemma,
        lemma=lemma, start=0, end=1,
        actors=[Argument(actor, 0, 1, entity_id=actor)] if actor else [],
        targets=[Argument(target, 0, 1, entity_id=target)] if target else [],
        category=category, modality=modality, date=date,
        summary=summary or f"{actor} {lemma} {' '.join(keywords)}", keywords=tuple(keywords),
    )


def test_same_event_in_other_words_merges_and_keeps_every_source():
    a = _m("d1", 3, "suspend", "AGENCY", "EUROPE", ["cooperation", "launch"], date="2022-02-26")
    b = _m("d2", 0, "end", "AGENCY", "EUROPE", ["cooperation"])
    events = merge_events([a, b])
    assert len(events) == 1
    assert {s.document for s in events[0].sources} == {"d1", "d2"}
    assert events[0].date == "2022-02-26"


def test_opposite_direction_does_not_merge():
    a = _m("d1", 0, "suspend", "AGENCY", "EUROPE", ["cooperation"])
    b = _m("d2", 0, "suspend", "EUROPE", "AGENCY", ["cooperation"])
    assert len(merge_events([a, b])) == 2


def test_conflicting_days_do_not_merge_but_contained_dates_do():
    a = _m("d1", 0, "suspend", "X", "Y", ["cooperation"], date="2022-02-26")
    b = _m("d2", 0, "suspend", "X", "Y", ["cooperation"], date="2022-03-04")
    c = _m("d3", 0, "suspend", "X", "Y", ["cooperation"], date="2022-02")
    events = merge_events([a, b, c])
    assert len(events) == 2
    merged = next(e for e in events if len(e.sources) == 2)
    assert {s.document for s in merged.sources} == {"d1", "d3"} or \
        {s.document for s in merged.sources} == {"d2", "d3"}


def test_outlets_a_day_apart_tell_one_event_with_a_date_conflict():
    a = _m("d1", 0, "suspend", "X", "Y", ["cooperation"], date="2022-02-26")
    b = _m("d2", 0, "suspend", "X", "Y", ["cooperation"], date="2022-02-27")
    (event,) = merge_events([a, b])
    assert {c.field: c.values for c in event.conflicts} == {
        "date": {"2022-02-26": ["d1"], "2022-02-27": ["d2"]}}


def test_one_article_giving_two_days_tells_two_events():
    a = _m("d1", 0, "suspend", "X", "Y", ["cooperation"], date="2022-02-26")
    b = _m("d1", 4, "suspend", "X", "Y", ["cooperation"], date="2022-02-27")
    assert len(merge_events([a, b])) == 2


def test_outlets_disagreeing_on_who_did_it_show_an_actor_conflict():
    a = _m("d1", 0, "shell", "X", "PLANT", ["plant", "reactor"], category="ASSAULT",
           date="2022-03-04")
    b = _m("d2", 0, "shell", "Z", "PLANT", ["plant", "reactor"], category="ASSAULT",
           date="2022-03-04")
    (event,) = merge_events([a, b])
    assert {c.field: c.values for c in event.conflicts} == {"actor": {"X": ["d1"], "Z": ["d2"]}}
    # without the same day, the same recipient or the same action, they stay two events
    for other in (dict(date="2022-03-05"), dict(target="TOWN"), dict(lemma="bomb")):
        kw = dict(lemma="shell", actor="Z", target="PLANT", date="2022-03-04") | other
        c = _m("d2", 0, kw["lemma"], kw["actor"], kw["target"], ["plant", "reactor"],
               category="ASSAULT", date=kw["date"])
        assert len(merge_events([a, c])) == 2, other


def test_an_actor_and_the_body_it_speaks_for_are_no_conflict():
    a = _m("d1", 0, "suspend", "MINISTER", "Y", ["cooperation"], date="2022-02-26")
    b = _m("d2", 0, "suspend", "STATE", "Y", ["cooperation"], date="2022-02-26")
    (event,) = merge_events([a, b], parents={"MINISTER": {"STATE"}})
    assert event.conflicts == []


def test_a_group_named_more_or_less_fully_is_one_target():
    # two entities ("private space companies", "private Russian space companies") for one
    # group: the tellings merge; two different groups do not
    a = _m("d1", 0, "offer", "RUSSIA", "private space companies", ["support"], category="AID",
           modality="planned")
    b = _m("d2", 0, "provide", "RUSSIA", "private Russian space companies", ["support"],
           category="AID", modality="planned")
    assert len(merge_events([a, b])) == 1
    c = _m("d2", 0, "provide", "RUSSIA", "state shipyards", ["support"], category="AID",
           modality="planned")
    assert len(merge_events([a, c])) == 2


def test_different_categories_never_merge():
    a = _m("d1", 0, "refuse", "X", "Y", ["launch"], category="REJECT")
    b = _m("d2", 0, "refuse", "X", "Y", ["launch"], category="THREATEN")
    assert len(merge_events([a, b])) == 2


def test_unrelated_events_of_same_category_stay_apart():
    a = _m("d1", 0, "suspend", "X", "Y", ["cooperation", "station"])
    b = _m("d2", 0, "impose", "Z", "W", ["tariff", "steel"])
    assert len(merge_events([a, b])) == 2


def test_timeline_order_dated_first_then_by_position():
    a = _m("d1", 5, "invade", "X", "Y", ["country"], category="ASSAULT", date="2022-02-24")
    b = _m("d1", 1, "refuse", "X", "Z", ["launch"], category="REJECT")
    c = _m("d2", 0, "impose", "Z", "X", ["sanction"], date="2014")
    events = merge_events([a, b, c], order=lambda m: (int(m.doc_id[1:]), m.sentence))
    assert [e.date for e in events] == ["2014", "2022-02-24", None]
    assert [e.id for e in events] == ["V1", "V2", "V3"]


def test_modality_majority_with_factual_tie_break():
    a = _m("d1", 0, "halt", "X", "Y", ["tie"], modality="planned")
    b = _m("d2", 0, "halt", "X", "Y", ["tie"], modality="asserted")
    assert merge_events([a, b])[0].modality == "asserted"


def test_describe_stories_labels_and_events():
    a = _m("a", 0, "suspend", "E1", "E2", ["cooperation"], date="2022-02-26")
    b = _m("b", 0, "suspend", "E1", "E2", ["cooperation"])
    c = _m("c", 0, "impose", "E3", "E1", ["tariff"], date="2021-05")
    events = merge_events([a, b, c])
    ents = [Entity("E1", "One", "ORG", ["One"], ["a", "b"],
                   [Mention("a", 0, 3, "One", "ORG"), Mention("b", 0, 3, "One", "ORG")]),
            Entity("E2", "Two", "ORG", ["Two"], ["a"], [Mention("a", 5, 8, "Two", "ORG")]),
            Entity("E3", "Three", "GPE", ["Three"], ["c"], [Mention("c", 0, 5, "Three", "GPE")])]
    stories = describe_stories({"S1": ["a", "b"], "S2": ["c"]}, events, ents)
    assert [s.id for s in stories] == ["S1", "S2"]
    s1, s2 = stories
    assert s1.label == "One, Two" and s2.label == "Three"
    assert s1.start == s1.end == "2022-02-26"
    assert len(s1.events) == 1 and len(s2.events) == 1
    assert s1.brief and s1.brief.endswith(".")


def test_any_outlet_stating_it_done_makes_it_asserted():
    a = _m("d1", 0, "halt", "X", "Y", ["tie"], modality="planned")
    b = _m("d2", 0, "halt", "X", "Y", ["tie"], modality="planned")
    c = _m("d3", 0, "halt", "X", "Y", ["tie"], modality="asserted")
    assert merge_events([a, b, c])[0].modality == "asserted"
    assert merge_events([a, b])[0].modality == "planned"


def test_affiliations_read_from_adjacent_names():
    from storyline.model import Document
    from storyline.stories import affiliations

    text = ("Tax office chief Mara Oduya spoke. Zentra, Kallia's mining company, agreed. "
            "Sanctions on Kallia, Zentra head Ivo Pell said.")
    doc = Document(id="d", text=text)

    def m(name: str, eid: str, label: str, nth: int = 0) -> Mention:
        start = -1
        for _ in range(nth + 1):
            start = text.index(name, start + 1)
        return Mention("d", start, start + len(name), name, label, entity_id=eid)

    ms = [m("Tax office", "E1", "ORG"), m("Mara Oduya", "E2", "PERSON"),
          m("Zentra", "E3", "ORG"), m("Kallia", "E4", "GPE"),
          m("Kallia", "E4", "GPE", 1), m("Zentra", "E3", "ORG", 1), m("Ivo Pell", "E5", "PERSON")]
    types = {"E1": "ORG", "E2": "PERSON", "E3": "ORG", "E4": "GPE", "E5": "PERSON"}
    parents = affiliations([doc], ms, types)
    assert parents["E2"] == {"E1"}  # "Tax office chief Mara Oduya"
    assert parents["E3"] == {"E4"}  # "Zentra, Kallia's mining company"
    assert parents["E5"] == {"E3"}  # "Zentra head Ivo Pell"
    assert "E4" not in parents  # "Kallia, Zentra head ...": a state does not belong to it


def test_conflicting_counts_and_days_are_shown():
    from storyline.stories import find_conflicts

    a = _m("d1", 0, "launch", "X", None, ["satellite"], category=None, date="2022-03-05")
    a.sentence_text = "X launched 36 satellites in 2022."
    b = _m("d2", 0, "launch", "X", None, ["satellite"], category=None, date="2022-03-06")
    b.sentence_text = "X launched 34 satellites."
    c = _m("d2", 1, "launch", "X", None, ["satellite"], category=None)
    c.sentence_text = "X launched 34 satellites from 2 sites, 40 percent of its fleet."
    conflicts = {x.field: x.values for x in find_conflicts([a, b, c])}
    assert conflicts["date"] == {"2022-03-05": ["d1"], "2022-03-06": ["d2"]}
    assert conflicts["number of satellites"] == {"34": ["d2"], "36": ["d1"]}
    assert set(conflicts) == {"date", "number of satellites"}


def test_key_dates_rank_told_and_mentioned_days():
    from collections import Counter

    a = _m("a", 0, "suspend", "E1", "E2", ["cooperation"], date="2022-02-26")
    b = _m("b", 0, "suspend", "E1", "E2", ["cooperation"], date="2022-02-26")
    c = _m("a", 1, "impose", "E3", "E1", ["tariff"], date="2022-01-10")
    events = merge_events([a, b, c])
    mentions = {"a": Counter({"2022-03-01": 5, "2022-02-26": 1}), "b": Counter({"2021-12-31": 1})}
    (story,) = describe_stories({"S1": ["a", "b"]}, events, [], mentions, key_dates=3)
    # 2022-02-26: an event told by two documents (+4) and one mention (+1); 2022-03-01: three
    # (capped) mentions; 2022-01-10: one document's event (+2)
    assert story.key_dates == ["2022-01-10", "2022-02-26", "2022-03-01"]


def test_event_summary_reads_as_a_sentence():
    a = _m("d1", 0, "impose", "X", "Y", ["sanction"], summary="the sanctions imposed on Y by X")
    assert merge_events([a])[0].summary == "The sanctions imposed on Y by X"


def test_story_range_leaves_out_background_events():
    import datetime as dt

    a = _m("a", 0, "suspend", "E1", "E2", ["cooperation"], date="2022-02-26")
    b = _m("b", 0, "sign", "E1", "E2", ["treaty"], date="2011")
    c = _m("b", 1, "launch", "E1", "E2", ["rocket"], date="2022-03")
    events = merge_events([a, b, c])
    pub = {"a": dt.date(2022, 2, 27), "b": dt.date(2022, 3, 2)}
    (story,) = describe_stories({"S1": ["a", "b"]}, events, [], published=pub)
    # the 2011 treaty is background; days, where there are any, give the range
    assert (story.start, story.end) == ("2022-02-26", "2022-02-26")
    (story,) = describe_stories({"S1": ["b"]}, merge_events([b, c]), [], published=pub)
    assert (story.start, story.end) == ("2022-03", "2022-03")  # the month reaches the window
    # without publication dates every dated event counts
    (story,) = describe_stories({"S1": ["a", "b"]}, events, [])
    assert (story.start, story.end) == ("2011", "2022-03")
    # nothing dated inside the window: the publication days
    (story,) = describe_stories({"S1": ["b"]}, merge_events([b]), [], published=pub)
    assert (story.start, story.end) == ("2022-03-02", "2022-03-02")


def test_event_type_is_plover_coded_with_action_mode_and_requester():
    import dataclasses

    done = dataclasses.replace(_m("d1", 0, "suspend", "X", "Y", ["cooperation"]),
                               mode="discontinue")
    (event,) = merge_events([done])
    assert (event.type, event.action, event.mode) == ("SANCTION", "SANCTION", "discontinue")
    planned = dataclasses.replace(done, modality="planned")
    (event,) = merge_events([planned])
    assert (event.type, event.action, event.mode) == ("THREATEN", "SANCTION", None)
    # "R said that X must return the ship": a REQUEST by R of X
    demanded = dataclasses.replace(
        _m("d1", 0, "return", "X", "SHIP", ["ship"], category="RETREAT", modality="demanded"),
        source=Argument("R", 0, 1, entity_id="R"))
    (event,) = merge_events([demanded])
    assert (event.type, event.action) == ("REQUEST", "RETREAT")
    assert (event.actors, event.targets) == (["R"], ["X"])


def test_outlets_count_copies_and_word_for_word_sentences_once():
    from storyline.model import Event, SourceRef

    def event(*sources: SourceRef) -> Event:
        return Event("V1", None, "x", None, "asserted", [], [], list(sources))

    told = event(SourceRef("a", "Rebels seized the town."), SourceRef("b", "The town fell."),
                 SourceRef("c", "Rebels took the town on Friday."))
    assert told.outlets() == 3
    # a copy of a document, and a sidebar line repeated on every page of one site
    copied = event(SourceRef("a", "Rebels seized the town."),
                   SourceRef("a2", "Rebels seized the town.", copy_of="a"),
                   *(SourceRef(f"p{i}", "2 men  charged in death of teen .") for i in range(6)))
    assert copied.outlets() == 2
    # two sentences of one document and one of them repeated elsewhere: still two documents
    chained = event(SourceRef("a", "One."), SourceRef("a", "Two."), SourceRef("b", "two."),
                    SourceRef("c", "Three."))
    assert chained.outlets() == 2


def test_a_line_repeated_on_many_pages_does_not_lead_the_brief():
    boiler = [_m(f"p{i}", 9, "charge", "MEN", "TEEN", ["death"],
                 summary="2 men charged in death of teen") for i in range(6)]
    for m in boiler:
        m.sentence_text = "2 men charged in death of teen who performed ."
    told = [_m(f"p{k + j}", k + 1, lemma, actor, "TOWN", [lemma], date=f"2011-02-0{k + 1}",
               summary=f"{actor} {lemma} the town")
            for k, (lemma, actor) in enumerate([("seize", "REBELS"), ("shell", "ARMY"),
                                                 ("visit", "ENVOY")])
            for j in (0, 1)]
    events = merge_events(boiler + told)
    boiler_id = next(e.id for e in events if e.summary.startswith("2 men"))
    (story,) = describe_stories({"S1": [f"p{i}" for i in range(6)]}, events, [])
    assert boiler_id in story.events and boiler_id not in story.brief_events
    assert len(story.brief_events) == 3


def test_different_action_words_need_more_than_generic_words_in_common():
    # "132 people have been rescued" and "an appeal ... to help three million people": the same
    # actor, day and kind of act (AID), and only generic words and a one-word group shared
    rescued = _m("d1", 0, "rescue", "UN", None, ["people", "earthquake"], category="AID",
                 date="2010-01-12")
    rescued.targets = [Argument("132 people", 0, 1, entity_id="PEOPLE")]
    helps = [_m(f"d{i}", 0, "help", "UN", None, ["people", "earthquake"], category="AID",
                date="2010-01-12") for i in (2, 3)]
    for m in helps:
        m.targets = [Argument("three million people", 0, 1, entity_id="PEOPLE")]
    events = merge_events([rescued, *helps])
    assert sorted(len(e.sources) for e in events) == [1, 2]
    # a rare word shared with enough overlap still joins two wordings of one act
    a = _m("d1", 0, "stop", "RU", None, ["delivery", "engine"], date="2022-03-03")
    b = _m("d2", 0, "halt", "RU", None, ["supply", "engine"], date="2022-03-03")
    fillers = [_m(f"f{i}", 0, "impose", f"S{i}", f"T{i}", ["sanction", f"w{i}"])
               for i in range(20)]
    assert len(merge_events([a, b, *fillers])) == 21


def test_event_summary_is_told_in_the_words_most_documents_use():
    one = _m("d1", 0, "rescue", "UN", "PEOPLE", ["people"], category="AID", date="2010-01-12",
             summary="132 people have been rescued")
    many = [_m(f"d{i}", 0, "help", "UN", "PEOPLE", ["people"], category="AID", modality="planned",
               summary="UN to help three million people") for i in (2, 3, 4)]
    (event,) = merge_events([one, *many])
    assert event.summary == "UN to help three million people"


def test_brief_does_not_tell_one_sentence_twice():
    # "The UN launched an appeal for $562m intended to help three million people": two events
    # of the same sentences; the brief takes one of them and a third event instead
    appeal = [_m(f"d{i}", 0, "launch", "UN", None, ["appeal"], category="REQUEST",
                 summary="UN launched an appeal") for i in range(4)]
    helps = [_m(f"d{i}", 0, "help", "UN", "PEOPLE", ["people"], category="AID",
                summary="UN to help three million people") for i in range(4)]
    others = [_m(f"d{i}", sent, lemma, actor, "HAITI", [lemma], category=cat, summary=summary)
              for i in range(2)
              for sent, lemma, actor, cat, summary in [
                  (1, "promise", "US", "AGREE", "US promised support"),
                  (2, "send", "UK", "AID", "UK sent a team")]]
    events = merge_events(appeal + helps + others)
    (story,) = describe_stories({"S1": [f"d{i}" for i in range(4)]}, events, [])
    briefs = [e.summary for e in events if e.id in story.brief_events]
    assert len(briefs) == 3 and "US promised support" in briefs
    assert ("UN launched an appeal" in briefs) != ("UN to help three million people" in briefs)


def test_brief_prefers_summaries_that_do_not_open_on_a_pronoun():
    told = [_m(f"d{i}", sent, lemma, actor, "CITY", [lemma], category=cat, summary=summary)
            for i in range(2)
            for sent, lemma, actor, cat, summary in [
                (1, "destroy", "QUAKE", "ASSAULT", "The headquarters of his group was destroyed"),
                (2, "send", "UK", "AID", "UK sent a team"),
                (3, "turn", "ARMY", "COERCE", "Its plane was turned away"),
                (4, "promise", "US", "AGREE", "US promised support"),
                (5, "open", "UN", "COOPERATE", "UN opened an office")]]
    events = merge_events(told)
    (story,) = describe_stories({"S1": ["d0", "d1"]}, events, [])
    briefs = {e.summary for e in events if e.id in story.brief_events}
    assert briefs == {"UK sent a team", "US promised support", "UN opened an office"}


def test_label_writes_a_lone_first_name_out_in_full() -> None:
    def ent(eid: str, name: str, kind: str, docs: list[str], n: int) -> Entity:
        return Entity(eid, name, kind, [name], docs,
                      [Mention(d, 0, len(name), name, kind) for d in docs for _ in range(n)])
    ents = [ent("E1", "Charlie", "PERSON", ["a", "b", "c"], 3),
            ent("E2", "Charlie Simpson", "PERSON", ["a"], 1),
            ent("E3", "Haiti", "GPE", ["a", "b", "c"], 2),
            ent("E4", "Yele Haiti", "ORG", ["b"], 1),
            ent("E5", "Unicef", "ORG", ["b", "c"], 1)]
    story = describe_stories({"S1": ["a", "b", "c"]}, [], ents)[0]
    # the person's full name, once; a place keeps its own name ("Haiti", not "Yele Haiti")
    assert story.label == "Charlie Simpson, Haiti, Unicef"


def test_document_phrases_are_plain_words_and_their_pairs() -> None:
    from storyline.stories import document_phrases

    got = document_phrases("The BP oil spill grew, officials said on Friday. Oil, spill.")
    # a comma or a full stop breaks a pair; a name, a stop word or a capitalized word is none
    assert got == {"oil", "spill", "oil spill", "grew", "spill grew", "officials"}
    # a phrase ends in no adverb nor past tense; it may start with one, and a noun that
    # merely looks like one stays
    assert document_phrases("armed forces recently crushed a rally") == {
        "armed forces", "forces", "rally"}


def test_key_phrase_leads_the_label_and_replaces_the_name_it_says() -> None:
    from storyline.stories import key_phrases

    spill = ["The oil spill spread as the oil well leaked.",
             "Crews fought the oil spill near the coast.",
             "The oil spill reached the marshes; the well was capped.",
             "Oil from the oil spill reached the beach, reportedly.",
             "Fishermen waited as the oil spill grew and crews tried again."]
    flu = ["Cases of swine flu rose; the virus spread in schools.",
           "A second swine flu death; the virus kept spreading.",
           "Swine flu closes schools as the virus spreads.",
           "The swine flu vaccine is ready; the virus mutated.",
           "More swine flu cases in schools."]
    texts = {f"s{i}": t for i, t in enumerate(spill)} | {f"f{i}": t for i, t in enumerate(flu)}
    texts |= {"x": "The team tried to fix the oil well.", "y": "The team tried again."}
    members = {"S1": [f"s{i}" for i in range(5)], "S2": [f"f{i}" for i in range(5)],
               "S3": ["x", "y"]}
    # used by every document of its story and by no other: the pair beats its words; two
    # documents sharing "team" make no story phrase
    assert key_phrases(members, texts) == {"S1": "oil spill", "S2": "swine flu"}
    flu_ent = Entity("E1", "Swine Flu", "ORG", ["Swine Flu"], ["f0", "f1"],
                     [Mention(d, 0, 9, "Swine Flu", "ORG") for d in ("f0", "f1")])
    mexico = Entity("E2", "Mexico", "GPE", ["Mexico"], ["f0"],
                    [Mention("f0", 0, 6, "Mexico", "GPE")])
    stories = {s.id: s for s in describe_stories(members, [], [flu_ent, mexico], texts=texts)}
    assert stories["S2"].label == "Swine flu: Mexico"
    assert stories["S1"].label == "Oil spill"
    assert stories["S3"].label == "x"  # no phrase, no name: its first document
    # without texts, the names alone, as before
    assert describe_stories(members, [], [flu_ent, mexico])[1].label == "Swine Flu, Mexico"


def test_background_days_are_no_key_dates() -> None:
    import datetime as dt
    from collections import Counter

    a = _m("a", 0, "suspend", "E1", "E2", ["cooperation"], date="2022-02-26")
    mentions = {"a": Counter({"2001-09-11": 3, "2022-02-20": 1}), "b": Counter({"2001-09-11": 3})}
    pub = {"a": dt.date(2022, 2, 27), "b": dt.date(2022, 3, 1)}
    (story,) = describe_stories({"S1": ["a", "b"]}, merge_events([a]), [], mentions,
                                published=pub)
    assert story.key_dates == ["2022-02-20", "2022-02-26"]
    (story,) = describe_stories({"S1": ["a", "b"]}, merge_events([a]), [], mentions)
    assert story.key_dates[0] == "2001-09-11"  # no publication dates: nothing is background


def test_a_refusal_to_comment_is_no_brief() -> None:
    told = [_m(f"d{i}", 0, "decline", "E1", None, ["comment"], category="REJECT",
               summary="BP declined to comment on its strategy") for i in range(4)]
    told += [_m("d0", 1, "cap", "E1", None, ["well"], category=None, summary="BP capped the well")]
    (story,) = describe_stories({"S1": [f"d{i}" for i in range(4)]}, merge_events(told), [])
    assert story.brief == "BP capped the well."


def test_a_line_the_story_repeats_word_for_word_gives_no_key_phrase() -> None:
    from storyline.stories import key_phrases

    footer = "Read the daily blog digest, only much more convenient."
    texts = {f"d{i}": f"The bank losses of bank {i}.\n{footer}" for i in range(4)}
    texts["d4"] = f"Shares fell.\n{footer}"
    # the footer's "blog digest" is in all five documents, "bank losses" in four: the
    # footer would win, but it is one line repeated word for word
    assert key_phrases({"S1": list(texts)}, texts) == {"S1": "bank losses"}
    texts["d4"] = f"Shares fell.\n{footer} Subscribe."
    assert key_phrases({"S1": list(texts)}, texts) == {"S1": "bank losses"}
