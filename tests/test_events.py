"""Tests of the event-mention stage on invented sentences and (when present) the seed corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyline.events import extract_events, mark_primary, primary_index
from storyline.model import Argument, Document, EventMention, Paragraph, TimeExpression
from storyline.nlp import shared_pipeline
from storyline.plover import Code, classify_noun, classify_verb, plover_category
from storyline.plover_model import LinearModel

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpora" / "seeds"


def events(text: str, timexes: list[TimeExpression] | None = None) -> list[EventMention]:
    nlp = shared_pipeline()
    return extract_events(Document(id="t", text=text), nlp(text), timexes or [])


def lexicon_events(text: str) -> list[EventMention]:
    """The rule stage's mentions alone, without the packaged classifier."""
    return extract_events(Document(id="t", text=text), shared_pipeline()(text), [],
                          classifier=False)


def one(text: str, lemma: str) -> EventMention:
    found = [m for m in events(text) if m.lemma == lemma]
    assert found, f"no {lemma!r} event in {text!r}: {[m.lemma for m in events(text)]}"
    return found[0]


@pytest.mark.parametrize(("verb", "objects", "preps", "category"), [
    ("meet", [], [], "CONSULT"), ("negotiate", [], [], "CONSULT"),
    ("agree", [], [], "AGREE"), ("promise", [], [], "AGREE"),
    ("cooperate", [], [], "COOPERATE"), ("work", [], ["with"], "COOPERATE"),
    ("provide", ["aid"], ["to"], "AID"), ("support", [], [], "SUPPORT"),
    ("withdraw", ["troop"], [], "RETREAT"), ("withdraw", ["staff"], ["from"], "SANCTION"),
    ("attack", [], [], "ASSAULT"), ("invade", [], [], "ASSAULT"),
    ("refuse", [], [], "REJECT"), ("reject", [], [], "REJECT"), ("decline", [], [], "REJECT"),
    ("threaten", [], [], "THREATEN"), ("warn", [], [], "THREATEN"),
    ("demand", [], [], "REQUEST"), ("urge", [], [], "REQUEST"), ("call", [], ["for"], "REQUEST"),
    ("accuse", [], [], "ACCUSE"), ("blame", [], [], "ACCUSE"), ("criticize", [], [], "ACCUSE"),
    ("suspend", ["cooperation"], [], "SANCTION"), ("end", ["partnership"], [], "SANCTION"),
    ("sever", ["tie"], [], "SANCTION"), ("impose", ["sanction"], [], "SANCTION"),
    ("lift", ["sanction"], [], "CONCEDE"), ("arrest", [], [], "COERCE"),
    ("hack", [], [], "COERCE"), ("protest", [], [], "PROTEST"),
    ("mobilize", [], [], "MOBILIZE"), ("remove", ["nasa"], ["from"], "SANCTION"),
    ("cancel", ["meeting"], [], "REJECT"), ("restrict", ["access"], [], "SANCTION"),
    ("declare", ["curfew"], [], "COERCE"), ("extend", ["curfew"], [], "COERCE"),
    ("impose", ["martial law"], [], "COERCE"), ("lift", ["emergency"], [], "CONCEDE"),
    ("declare", ["ceasefire"], [], "RETREAT"), ("violate", ["truce"], [], "ASSAULT"),
    ("admit", ["inspector"], [], "RETREAT"), ("hijack", [], [], "ASSAULT"),
    ("send", ["reinforcement"], [], "MOBILIZE"), ("extend", ["aid"], [], "AID"),
    ("recall", ["ambassador"], [], "SANCTION"), ("freeze", ["asset"], [], "SANCTION"),
    ("nationalize", [], [], "COERCE"), ("retaliate", [], [], "ASSAULT"),
    ("block", ["road"], [], "PROTEST"), ("barricade", ["street"], [], "PROTEST"),
    ("seek", ["asylum"], [], "REQUEST"), ("host", ["talk"], [], "CONSULT"),
    ("force", ["agency"], ["out", "of"], "SANCTION"),
    ("drive", ["villager"], ["out", "of"], "ASSAULT"),
    ("remain", ["alert"], ["on"], "MOBILIZE"), ("offer", ["concession"], [], "CONCEDE"),
    ("lift", ["blockade"], [], "RETREAT"), ("ease", ["measure"], [], "CONCEDE"),
    ("release", ["person"], [], "RETREAT"), ("allow", ["delivery"], [], "RETREAT"),
    ("press", [], ["for"], "REQUEST"),
    # session 19: readings of CAMEO codes the project's own code-by-code sentences missed
    ("free", ["crew"], [], "RETREAT"), ("hand", ["remain"], ["over"], "RETREAT"),
    ("return", ["vessel"], [], "RETREAT"), ("exchange", ["prisoner"], [], "RETREAT"),
    ("halt", ["offensive"], [], "RETREAT"), ("cut", ["patrol"], ["back"], "RETREAT"),
    ("end", ["martial law"], [], "CONCEDE"), ("call", ["strike"], ["off"], "CONCEDE"),
    ("suspend", ["protest"], [], "CONCEDE"), ("break", ["talk"], ["off"], "SANCTION"),
    ("give", [], ["in", "to"], "CONCEDE"), ("back", [], ["down"], "CONCEDE"),
    ("turn", ["offer"], ["down"], "REJECT"), ("call", ["reservist"], ["up"], "MOBILIZE"),
    ("take", ["oilfield"], ["over"], "COERCE"), ("dismiss", ["judge"], [], "COERCE"),
    ("dissolve", ["party"], [], "COERCE"), ("disband", ["militia"], [], "RETREAT"),
    ("grant", ["amnesty"], [], "CONCEDE"), ("grant", ["access"], [], "RETREAT"),
    ("relax", ["restriction"], [], "CONCEDE"), ("restore", ["freedom"], [], "CONCEDE"),
    ("apologise", [], ["to"], "SUPPORT"), ("express", ["disapproval"], [], "ACCUSE"),
    ("voice", ["solidarity"], [], "SUPPORT"), ("file", ["lawsuit"], [], "ACCUSE"),
    ("launch", ["inquiry"], [], "ACCUSE"), ("launch", ["hunger strike"], [], "PROTEST"),
    ("go", ["strike"], ["on"], "PROTEST"), ("withdraw", ["monitor"], [], "SANCTION"),
    ("accept", ["demand"], [], "CONCEDE"), ("hack", ["death"], ["to"], "ASSAULT"),
    ("approve", ["loan"], [], "AID"), ("approve", ["plan"], [], "SUPPORT"),
    ("settle", ["dispute"], [], "AGREE"), ("expand", ["tie"], [], "COOPERATE"),
    ("blockade", ["parliament"], [], "PROTEST"), ("blockade", ["port"], [], "COERCE"),
    ("set", ["roadblock"], ["up"], "PROTEST"), ("give", ["ground"], [], "CONCEDE"),
    ("scale", ["tie"], ["back"], "SANCTION"), ("ship", ["ammunition"], ["to"], "AID"),
])
def test_lexicon_categories(verb: str, objects: list[str], preps: list[str],
                            category: str) -> None:
    code = classify_verb(verb, objects, preps)
    assert code is not None and code.category == category


def test_lexicon_non_events() -> None:
    assert classify_verb("launch", ["satellite"]) is None
    # a blocked resolution is vetoed (REJECT), not a passage obstructed
    assert classify_verb("block", ["resolution"]).category == "REJECT"  # type: ignore[union-attr]
    assert classify_verb("drive", ["rebel"], ["out"]) is None  # combat, not an expulsion
    assert classify_verb("end", ["day"]) is None
    assert classify_verb("release", ["report"]) is None  # a report released frees no one
    assert classify_verb("express", ["concern"]) is None  # CAMEO 012, a pessimistic comment
    assert classify_verb("end", ["talk"]) is None  # talks that end may have concluded
    assert classify_verb("scale", ["offensive"]) is None  # "scale" needs "down" or "back"
    assert classify_verb("dissolve", ["parliament"]) is None  # routine before elections
    assert classify_verb("fire", ["official"]).category == "COERCE"  # type: ignore[union-attr]
    assert classify_verb("fire", ["soldier"], ["on"]) is None  # shooting, not dismissing
    # an object of a circumstance is not what the act acts on
    assert classify_verb("halt", ["work", "attack"], ["after"]).category == "SANCTION"  # type: ignore[union-attr]
    assert classify_verb("call", ["strike", "deliberation"], ["off", "after"]).category \
        == "CONCEDE"  # type: ignore[union-attr]
    assert classify_verb("take", ["city"], ["over", "in"]) is None
    # "cut ties with Roscosmos in March": the month is no protest march called off
    assert classify_verb("cut", ["tie", "march"]).category == "SANCTION"  # type: ignore[union-attr]
    assert classify_noun("invasion") is not None and classify_noun("table") is None


def test_active_actor_target_and_keywords() -> None:
    m = one("Norway suspended cooperation with Sweden on fishing quotas.", "suspend")
    assert [a.text for a in m.actors] == ["Norway"]
    assert [a.text for a in m.targets] == ["Sweden"]
    assert m.category == "SANCTION" and m.modality == "asserted"
    assert "cooperation" in m.keywords and m.keywords[0] == "suspend"
    assert m.summary.startswith("Norway suspended cooperation with Sweden")


def test_passive_agent_is_actor() -> None:
    m = one("Cooperation was suspended by Norway last week.", "suspend")
    assert [a.text for a in m.actors] == ["Norway"]
    assert m.category == "SANCTION"


def test_compound_actors() -> None:
    m = one("Brazil and Argentina signed a trade agreement.", "sign")
    assert {a.text for a in m.actors} == {"Brazil", "Argentina"}
    assert m.category == "SUPPORT"


def test_xcomp_chain_planned() -> None:
    m = one("Canada has decided to halt its partnership with Peru.", "halt")
    assert m.modality == "planned" and m.category == "SANCTION"
    assert [a.text for a in m.actors] == ["Canada"]
    assert not [e for e in events("Canada has decided to halt its partnership with Peru.")
                if e.lemma == "decide"]


def test_no_longer_offer_is_discontinue() -> None:
    m = one("Germany decided to no longer offer maintenance to the French trains.", "offer")
    assert m.category == "SANCTION"


def test_nominal_event_with_possessor() -> None:
    m = one("Analysts discussed Chile's withdrawal from the treaty.", "withdrawal")
    assert [a.text for a in m.actors] == ["Chile"]
    m = one("The talks followed Germany's invasion of Belgium.", "invasion")
    assert m.category == "ASSAULT" and [a.text for a in m.targets] == ["Belgium"]


def test_nominal_without_actor_is_dropped() -> None:
    assert not [m for m in events("The suspension of cooperation worried everyone.")]


def test_reported_speech_planned_with_source() -> None:
    text = "Maria Lopez said that Spain would halt arms deliveries to Morocco."
    m = one(text, "halt")
    assert m.modality == "planned"
    assert m.source is not None and m.source.text == "Maria Lopez"
    assert not [e for e in events(text) if e.lemma == "say"]


def test_reported_speech_past_is_reported() -> None:
    m = one("Maria Lopez said that Spain had cut ties with Morocco.", "cut")
    assert m.modality == "reported" and m.category == "SANCTION"


def test_pronoun_resolution() -> None:
    text = "Pedro Alvarez spoke on Monday. He said that Portugal would expel the envoy."
    m = one(text, "expel")
    assert m.source is not None and m.source.text == "Pedro Alvarez" and m.source.via == "He"
    m = one("The Acme Corporation said it had suspended its deliveries to Chile.", "suspend")
    assert m.actors[0].text.endswith("Acme Corporation") and m.actors[0].via == "it"


def test_negation() -> None:
    m = one("Poland did not attack Lithuania.", "attack")
    assert m.modality == "negated"


def test_threat() -> None:
    m = one("Hungary threatened to cut ties with Austria.", "threaten")
    assert m.category == "THREATEN" and m.modality == "threatened" and m.mode == "relations"
    assert "cut" in m.keywords
    assert not [e for e in events("Hungary threatened to cut ties with Austria.")
                if e.lemma == "cut"]


def test_demand() -> None:
    m = one("Finland demanded that Estonia lift the sanctions.", "demand")
    assert m.category == "REQUEST" and m.modality == "demanded" and m.mode == "yield"
    assert "lift" in m.keywords and "sanction" in m.keywords


def test_hypothetical() -> None:
    m = one("Greece could suspend cooperation with Turkey.", "suspend")
    assert m.modality == "hypothetical"


def test_refusal_is_asserted_reject() -> None:
    m = one("Serbia refused to launch the Croatian satellites.", "refuse")
    assert m.category == "REJECT" and m.modality == "asserted"
    assert "launch" in m.keywords


def test_salient_verb_without_category_and_selectivity() -> None:
    m = one("Japan launched a weather satellite from Tanegashima.", "launch")
    assert m.category is None and m.location == "Tanegashima"
    assert not events("The weather was nice and everyone went home.")
    assert not events("People walked in the park.")


def test_date_from_time_expression() -> None:
    text = "On Friday, Norway suspended cooperation with Sweden."
    tx = TimeExpression(start=3, end=9, text="Friday", type="DATE", value="2022-03-04",
                        granularity="day", relative=True)
    m = events(text, [tx])[0]
    assert m.date == "2022-03-04" and m.time == tx


def test_non_english_skipped() -> None:
    assert not events("Россия приостановила сотрудничество с Европой.")


def _seed_mentions() -> dict[str, list[EventMention]]:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared is missing: no seed corpus at {SEEDS}")
    nlp = shared_pipeline()
    out: dict[str, list[EventMention]] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = re.sub(r"^\s*date \d{4}-\d{2}-\d{2} ", "", path.read_text(encoding="utf-8"))
        out[path.stem] = extract_events(Document(id=path.stem, text=text), nlp(text), [])
    return out


def _has(ms: list[EventMention], lemmas: set[str], actors: set[str],
         categories: set[str | None], modality: str | None = None) -> bool:
    for m in ms:
        if m.lemma in lemmas and m.category in categories and \
                any(a.text in actors for a in m.actors) and \
                (modality is None or m.modality == modality):
            return True
    return False


def test_seed_events() -> None:
    by_doc = _seed_mentions()
    allm = [m for ms in by_doc.values() for m in ms]
    assert 15 <= len(allm) <= 60, len(allm)
    for m in allm:
        assert m.actors and m.summary and len(m.summary.split()) <= 20
        assert m.keywords and m.keywords[0] == m.lemma
    rosc = {"Roscosmos", "Roskosmos", "Russia"}
    sanction_or_reject = {"SANCTION", "REJECT"}
    assert _has(allm, {"remove"}, rosc, {"SANCTION"})
    assert _has(allm, {"end"}, rosc, sanction_or_reject)
    assert _has(allm, {"suspend"}, rosc, sanction_or_reject)
    assert _has(allm, {"withdraw"}, rosc, {"SANCTION", "RETREAT"})
    assert _has(allm, {"seek", "begin", "negotiate"}, rosc | {"Dmitry Rogozin"},
                {"REQUEST", "CONSULT", "COOPERATE"})
    assert _has(allm, {"stop"}, {"Russia"}, {"SANCTION"})
    assert _has(allm, {"threaten"}, {"Russia"}, {"THREATEN"}, "threatened")
    assert _has(allm, {"refuse"}, {"Russia"}, {"REJECT"})
    assert _has(allm, {"reject"}, {"UK"}, {"REJECT"})
    assert _has(allm, {"cancel"}, {"OneWeb"}, {"SANCTION", "REJECT", None})
    assert _has(allm, {"halt"}, {"Dmitry Rogozin", "Rogozin", "Russia"}, {"SANCTION"},
                "planned")
    assert _has(allm, {"demand"}, {"Rogozin", "Dmitry Rogozin"}, {"REQUEST"}, "demanded")
    assert _has(allm, {"suspend"}, {"ESA"}, {"SANCTION"})
    assert _has(allm, {"provide"}, {"Roscosmos", "Roskosmos"}, {"AID", "SUPPORT"}, "planned")
    assert _has(allm, {"restrict"}, {"Joe Biden"}, {"SANCTION"})
    assert _has(allm, {"invasion", "assault", "invade"}, {"Russia", "Moscow"}, {"ASSAULT"})


def test_subject_misparsed_as_apposition_is_repaired(nlp):
    text = ("Deepening the rift between the two leagues, Marquez, on Friday, released a letter "
            "criticising the referees.")
    doc = Document(id="x", text=text, paragraphs=[Paragraph(0, len(text), "en")])
    found = extract_events(doc, nlp(text), [])
    rel = [m for m in found if m.lemma == "release"]
    assert rel and rel[0].actors[0].text == "Marquez"


def test_collective_noun_actor() -> None:
    m = one("Northern rebels shelled the port city of Vell on Sunday.", "shell")
    assert m.category == "ASSAULT" and [a.text for a in m.actors] == ["Northern rebels"]
    assert one("Police arrested forty students in the square.", "arrest").actors[0].text == \
        "Police"


def test_manual_additions_to_the_lexicon() -> None:
    assert classify_verb("stage", ["demonstration"], []) == Code("PROTEST", "demo")
    assert classify_verb("impose", ["curfew"], []) == Code("COERCE", "restrict")
    assert classify_verb("establish", ["tie"], ["with"]) == Code("SUPPORT")
    assert classify_verb("strike", [], []) == Code("PROTEST", "strike")
    assert classify_verb("strike", ["target"], []) == Code("ASSAULT")
    assert classify_noun("ultimatum") == Code("THREATEN")


@pytest.mark.parametrize(("category", "modality", "expected"), [
    ("AID", "planned", "AGREE"), ("CONSULT", "planned", "AGREE"),
    ("SANCTION", "planned", "THREATEN"), ("PROTEST", "hypothetical", "THREATEN"),
    ("SANCTION", "threatened", "THREATEN"), ("SUPPORT", "demanded", "REQUEST"),
    ("ASSAULT", "asserted", "ASSAULT"), ("SANCTION", "reported", "SANCTION"), (None, "planned", None),
])
def test_plover_category_codes_the_speech_act(category: str | None, modality: str,
                                              expected: str | None) -> None:
    assert plover_category(category, modality) == expected


def test_planned_aid_is_agree_in_plover_terms() -> None:
    m = one("Norland will provide food aid to the refugees.", "provide")
    assert m.category == "AID" and m.modality == "planned"
    assert plover_category(m.category, m.modality) == "AGREE"


def test_passive_participle_clause_does_not_take_the_main_subject(nlp):
    text = "When asked about the delay, the ministry said in a statement that work continues."
    doc = Document(id="x", text=text, paragraphs=[Paragraph(0, len(text), "en")])
    found = extract_events(doc, nlp(text), [])
    assert not [m for m in found if m.lemma == "ask"]


def _always(category: str) -> LinearModel:
    """A toy classifier that gives every sentence ``category`` with probability ~1."""
    return LinearModel((category, "REJECT"), (12.0, 0.0), {})


def test_fallback_event_from_the_classifier() -> None:
    nlp = shared_pipeline()
    text = "Hundreds of farmers gathered outside the ministry in Dorvala on Monday."
    sdoc = nlp(text)
    doc = Document(id="t", text=text)
    assert not [m for m in extract_events(doc, sdoc, [], classifier=False) if m.category]
    found = extract_events(doc, sdoc, [], classifier=_always("PROTEST"))
    typed = [m for m in found if m.category == "PROTEST"]
    assert len(typed) == 1
    assert typed[0].lemma == "gather"
    assert any("farmers" in a.text for a in typed[0].actors)
    # below the threshold nothing is added
    unsure = extract_events(doc, sdoc, [], classifier=_always("PROTEST"),
                            fallback_probability=1.01)
    assert not [m for m in unsure if m.category]


@pytest.mark.parametrize(("text", "category"), [
    ("There was a protest outside the embassy in Dorvala on Monday.", "PROTEST"),
    ("Senate leaders insisted that the company should pay for the damage.", "REQUEST"),
])
def test_fallback_keeps_event_reports(text: str, category: str) -> None:
    # an existential "there was a protest" and a speech verb carrying a verbal act are events
    nlp = shared_pipeline()
    found = extract_events(Document(id="t", text=text), nlp(text), [],
                           classifier=_always(category))
    assert [m for m in found if m.category == category]


@pytest.mark.parametrize(("text", "category"), [
    ("Is the minister sorry for the attacks on journalists?", "ASSAULT"),  # a question
    ("The report could influence the investigation of the Merovian police.", "ACCUSE"),
    ("Olga Brisk was one of several activists at the rally in Dorvala.", "PROTEST"),  # copula
    ("Olga Brisk added that she is proud of the protests.", "PROTEST"),  # speech verb
    ("Merovian officials fear that the government may fall.", "PROTEST"),  # a belief
    ("That includes two attacks on the Merovian border post.", "ASSAULT"),  # demonstrative
    ("You agree that Dorvala News may publish your comments.", "AGREE"),  # the reader
    ("I asked the Merovian minister about the attack.", "REQUEST"),  # the writer
    ("Thank you very much, Olga Brisk.", "SUPPORT"),  # an imperative, to a guest
    ("Stand by the people of Merovia.", "SUPPORT"),  # an imperative
    ("BRISK: Share your protest photos with Dorvala News.", "PROTEST"),
    ("Kevin, we thank you for joining us from Dorvala.", "SUPPORT"),  # done to "you"
])
def test_fallback_skips_sentences_that_report_no_event(text: str, category: str) -> None:
    # even a sure classifier adds no event to a sentence that states, believes or asks
    nlp = shared_pipeline()
    found = extract_events(Document(id="t", text=text), nlp(text), [],
                           classifier=_always(category))
    assert not [m for m in found if m.category], [(m.category, m.lemma) for m in found]


def _unsure(category: str) -> LinearModel:
    """A toy classifier whose best category for every sentence is ``category`` at p ~0.25
    (between the agreement gate and the fallback threshold)."""
    others = tuple(c for c in ("REJECT", "AID", "SUPPORT", "CONSULT") if c != category)[:4]
    return LinearModel((category, *others), (0.3,) + (0.0,) * len(others), {})


def test_an_unsure_category_stands_when_a_cameo_pattern_agrees() -> None:
    nlp = shared_pipeline()
    text = "Thousands of farmers took to the streets of Dorvala on Monday."
    doc, sdoc = Document(id="t", text=text), nlp(text)
    found = extract_events(doc, sdoc, [], classifier=_unsure("PROTEST"))
    assert [m.lemma for m in found if m.category == "PROTEST"] == ["take"]
    # the pattern ("take * to the streets") codes PROTEST, not ASSAULT: no event
    assert not [m for m in extract_events(doc, sdoc, [], classifier=_unsure("ASSAULT"))
                if m.category]
    # nor for a plan: the agreement stands for acts told as done
    text = "Thousands of farmers will take to the streets of Dorvala on Monday."
    assert not [m for m in extract_events(Document(id="t", text=text), nlp(text), [],
                                          classifier=_unsure("PROTEST")) if m.category]


def test_fallback_recipient_and_named_actor() -> None:
    nlp = shared_pipeline()
    text = "Talvania's envoy went to Merovia with a letter for Prime Minister Olga Brisk."
    sdoc = nlp(text)
    found = extract_events(Document(id="t", text=text), sdoc, [],
                           classifier=_always("CONSULT"))
    typed = [m for m in found if m.category == "CONSULT"]
    assert len(typed) == 1
    assert typed[0].actors
    assert any("Merovia" in a.text for a in typed[0].targets)


def test_primary_prefers_the_mention_the_classifier_agrees_with() -> None:
    nlp = shared_pipeline()
    text = "Moscow attacked Kiev, and Washington rejected the Russian demands."
    mentions = extract_events(Document(id="t", text=text), nlp(text), [], classifier=False)
    cats = [m.category for m in mentions]
    assert "ASSAULT" in cats and "REJECT" in cats, cats
    assert mentions[primary_index(mentions)].category == "ASSAULT"  # first typed
    assert mentions[primary_index(mentions, "REJECT")].category == "REJECT"
    mark_primary(mentions, nlp(text), {0: "REJECT"})  # the classifier's category: REJECT
    assert [m.category for m in mentions if m.primary] == ["REJECT"]


def test_cleft_it_is_not_a_pronoun(nlp):
    text = ("The Harbour Authority met the unions on Monday. However, it's not just the union "
            "Dockfront that is seeking to cut ties with the ministry.")
    doc = Document(id="x", text=text, paragraphs=[Paragraph(0, len(text), "en")])
    for m in extract_events(doc, nlp(text), []):
        assert all(a.via != "it" for a in m.actors), m


# ------------------------------------------------------------------ recipients (PLOVER style)


def test_threat_recipient_is_the_threatened_action_recipient() -> None:
    m = one("Freedonia threatened to break off relations with Sylvania over the dispute.",
            "threaten")
    assert [t.text for t in m.targets] == ["Sylvania"]


def test_demand_that_recipient_is_the_one_asked_to_act() -> None:
    m = one("Freedonia demanded that Sylvania withdraw its ambassador.", "demand")
    assert "Sylvania" in [t.text for t in m.targets]


def test_national_group_object_is_a_recipient() -> None:
    m = one("Freedonian soldiers killed 12 Sylvanian civilians on Monday.", "kill")
    assert [t.text for t in m.targets] == ["Sylvanian civilians"]


def test_people_noun_object_is_a_recipient() -> None:
    m = one("Gunmen abducted three journalists near the border.", "abduct")
    assert [t.text for t in m.targets] == ["journalists"]


def test_place_is_the_recipient_of_an_attack_without_one() -> None:
    m = one("Rebels exploded two bombs in Kabul on Sunday.", "explode")
    assert m.category == "ASSAULT"
    assert [t.text for t in m.targets] == ["Kabul"]
    m2 = one("Freedonia agreed to meet in Geneva.", "meet")
    assert "Geneva" not in [t.text for t in m2.targets]  # a meeting place is not a recipient


def test_obligation_is_a_demand_unless_the_speaker_binds_itself() -> None:
    (m,) = [e for e in events("Russia should withdraw its troops, NATO said.") if e.category]
    assert (m.category, m.modality) == ("RETREAT", "demanded")
    got = [e for e in events("Iran says it must defend its borders.") if e.category]
    assert got and all(e.modality != "demanded" for e in got)


def test_lemma_with_a_dropped_final_e_is_repaired() -> None:
    from storyline.plover import repair_lemma

    assert repair_lemma("stag", "staged") == "stage"  # spaCy's rule lemmatizer drops the "e"
    assert repair_lemma("stag", "stags") == "stag"
    assert repair_lemma("attack", "attacked") == "attack"
    (m,) = [e for e in events("Students in Jakarta staged a protest on Monday.") if e.category]
    assert (m.category, m.lemma) == ("PROTEST", "stage")


def test_recipient_of_the_act_agreed_to() -> None:
    m = one("German ministers agreed on Saturday to provide 5 million euros of aid for Chad "
            "and Niger.", "agree")
    assert [t.text for t in m.targets] == ["Chad", "Niger"]


def test_recipient_behind_a_role_noun_and_a_name_modifier() -> None:
    m = events("Putin offered to negotiate with the president of Armenia.")
    assert any("Armenia" in [t.text for t in x.targets] for x in m)
    given = events("Britain promised UK aid to Haiti.")
    assert all("UK" not in [t.text for t in x.targets] for x in given)  # the giver


def test_an_act_announced_on_a_condition_is_a_threat() -> None:
    m = one("Norland announced that it will withdraw its force from Dorvala unless the rebels "
            "agree to a ceasefire.", "withdraw")
    assert m.category == "RETREAT" and m.modality == "threatened"
    assert plover_category(m.category, m.modality) == "THREATEN"
    m = one("Norland will cut off the aid if Dorvala does not release the prisoners.", "cut")
    assert m.modality == "threatened"
    # a condition that is not a warning leaves a plan a plan
    m = one("Norland will provide food aid to the refugees if the roads are open.", "provide")
    assert m.modality == "planned"
    m = one("Norland will provide food aid to the refugees.", "provide")
    assert m.modality == "planned"


def test_what_is_offered_is_planned() -> None:
    m = one("Norland offered its troops to the President of Dorvala.", "offer")
    assert m.category == "AID" and m.modality == "planned"
    assert plover_category(m.category, m.modality) == "AGREE"
    m = one("Norland provided its troops to the President of Dorvala.", "provide")
    assert m.modality == "asserted"


def test_plan_adjectives_govern_the_act() -> None:
    m = one("President Maro Ostin of Dorvala said Monday he is prepared to lift the ban on the "
            "opposition party.", "lift")
    assert m.category == "CONCEDE" and m.modality == "planned"


def test_a_confident_category_no_mention_carries_gets_its_own_event() -> None:
    nlp = shared_pipeline()
    text = ("About 200 supporters of the former mayor filled the streets of Dorvala demanding "
            "that he be reinstated.")
    sdoc = nlp(text)
    doc = Document(id="t", text=text)
    rules = extract_events(doc, sdoc, [], classifier=False)
    assert [plover_category(m.category, m.modality) for m in rules if m.primary] == ["REQUEST"]
    found = extract_events(doc, sdoc, [], classifier=_always("PROTEST"))
    primary = [m for m in found if m.primary]
    assert [(m.lemma, m.category) for m in primary] == [("fill", "PROTEST")]
    assert any("supporters" in a.text for a in primary[0].actors)
    # the demand stays beside it, and nothing is added when a mention already carries it
    assert any(m.category == "REQUEST" and not m.primary for m in found)
    again = extract_events(doc, sdoc, [], classifier=_always("REQUEST"))
    assert len(again) == len(rules)
    # what a statement asks for is not an act of the one who issues it
    text = ("Amnesty International released a statement Monday urging the authorities not to "
            "crack down on the planned demonstration.")
    found = extract_events(Document(id="t", text=text), nlp(text), [],
                           classifier=_always("PROTEST"))
    assert not [m for m in found if m.category == "PROTEST"]


def test_a_cooperative_act_announced_as_not_coming_is_a_refusal() -> None:
    m = one("Norland said it would not meet the rebels' demands.", "meet")
    assert m.category == "REJECT" and m.modality == "asserted"
    m = one("Norland won't send aid to Dorvala.", "send")
    assert m.category == "REJECT" and m.modality == "asserted"
    # a past act that did not happen is a negated act, not a refusal
    m = one("Norland did not send aid to Dorvala.", "send")
    assert m.category == "AID" and m.modality == "negated"
    # met demands are a concession, met officials a consultation
    assert classify_verb("meet", ["demand"]) == Code("CONCEDE")
    assert classify_verb("meet", ["official"]).category == "CONSULT"


def test_the_lexicon_reads_through_a_measure() -> None:
    m = one("Norland doctors handed over 700 kg of medicine to the Red Crescent in Dorvala.",
            "hand")
    assert m.category == "AID" and [a.text for a in m.targets] == ["Red Crescent"]
    m = one("Norland sent 1,000 tons of rice to Dorvala.", "send")
    assert m.category == "AID"


def test_a_ban_from_political_life_is_coercion() -> None:
    m = one("Norland's president banned opposition candidates from participating in the "
            "elections.", "ban")
    assert (m.category, m.mode) == ("COERCE", "restrict")
    assert classify_verb("ban", ["diplomat", "country"], ["from"]) == Code("SANCTION", "expel")


def _texts(args: list[Argument]) -> list[str]:
    return [a.text for a in args]


def test_recipient_is_who_made_the_rejected_offer() -> None:
    m = one("Chile rejected a new offer from Bolivia for talks on the border.", "reject")
    assert _texts(m.targets) == ["Bolivia"]
    m = one("Moldova rejected calls by Romania to hold a referendum.", "reject")
    assert _texts(m.targets) == ["Romania"]
    m = one("Kenya rejected a European Union proposal on fishing quotas.", "reject")
    assert _texts(m.targets) == ["European Union"]


def test_place_recipient_of_the_act_threatened_or_refused() -> None:
    m = one("The governor threatened to impose a curfew in Mombasa.", "threaten")
    assert _texts(m.targets) == ["Mombasa"]
    m = one("Norway has refused to deploy troops in Mali.", "refuse")
    assert _texts(m.targets) == ["Mali"]
    # a place withdrawn from is the recipient of the withdrawal
    m = one("Ghana said it will withdraw its soldiers from Liberia.", "withdraw")
    assert _texts(m.targets) == ["Liberia"]


def test_place_where_a_demand_is_voiced_is_no_recipient() -> None:
    m = one("In Lisbon, the foreign minister called on both sides to stop the fighting.",
            "call")
    assert "Lisbon" not in _texts(m.targets)


def test_meeting_venue_and_origin_are_no_recipient() -> None:
    for text in ("The donors agreed to hold a conference at the UN headquarters in Geneva.",
                 "The agency will fly 40 tons of food from its depot in Panama."):
        assert all("Geneva" not in _texts(m.targets) and "Panama" not in _texts(m.targets)
                   for m in events(text)), text


def test_threat_on_a_condition_is_addressed_to_who_must_meet_it() -> None:
    m = one("Peru threatened to recall its ambassador unless Ecuador apologized.", "threaten")
    assert _texts(m.targets) == ["Ecuador"]


def test_protest_recipient_from_its_purpose() -> None:
    m = one("Thousands of teachers staged a march to demand the resignation of President "
            "Alvarez.", "stage")
    assert m.category == "PROTEST" and _texts(m.targets) == ["Alvarez"]


def test_actor_of_a_partitive_or_affiliated_group() -> None:
    m = one("A group of Bolivian miners blocked the highway on Monday.", "block")
    assert len(m.actors) == 1 and "Bolivian miners" in m.actors[0].text
    m = one("Activists from the Green Party staged a protest in Oslo.", "stage")
    assert _texts(m.actors) == ["Activists from the Green Party"]
    # one person with a title is not stretched: the country is resolved as before
    found = events("Putin offered to negotiate with the president of Armenia.")
    assert any("Armenia" in _texts(x.targets) for x in found)


def test_demand_noun_content_is_demanded_by_its_issuer() -> None:
    from storyline.plover import plover_roles

    m = one("The Teachers Union repeated its demand that Chile lift the ban on strikes.",
            "lift")
    assert m.modality == "demanded"
    actors, targets = plover_roles(m.category, m.modality, m.actors, m.targets, m.source)
    assert _texts(actors) == ["Teachers Union"] and _texts(targets) == ["Chile"]
    m = one("The president said that Spain must be ready to negotiate.", "negotiate")
    assert m.modality == "demanded"


def test_reported_demand_verb_keeps_its_demander() -> None:
    from storyline.plover import plover_roles

    # the ministry reports the appeal; Norland makes it, Vesteria is asked
    m = one("Norland appealed to Vesteria to lift its curfew, the Norland foreign ministry "
            "said on Thursday.", "appeal")
    assert m.category == "REQUEST" and m.modality == "demanded"
    actors, targets = plover_roles(m.category, m.modality, m.actors, m.targets, m.source,
                                   m.lemma)
    assert _texts(actors) == ["Norland"] and _texts(targets) == ["Vesteria"]
    # a demanded act the classifier types REQUEST is still the demander's
    m = one("Russia said on Tuesday that Sudan must return the helicopter.", "return")
    actors, targets = plover_roles("REQUEST", "demanded", m.actors, m.targets, m.source, m.lemma)
    assert _texts(actors) == ["Russia"] and _texts(targets) == ["Sudan"]


def test_second_act_of_a_demand_is_no_event_of_its_own() -> None:
    # "withdraw" is demanded like "halt", not done: no asserted RETREAT by Israel
    found = events("The UN demanded that Israel halt the raids and withdraw its troops "
                   "from Gaza.")
    assert [x.lemma for x in found] == ["demand"]
    assert found[0].modality == "demanded" and _texts(found[0].targets) == ["Israel"]


def test_set_c_readings() -> None:
    # not a belief insisted on, nor a call made in order to say something
    assert not [m for m in events("Hayward insisted the company would bounce back.")
                if m.lemma == "insist"]
    assert not [m for m in events("Fadel called to say she had been released.")
                if m.lemma == "call"]
    assert classify_verb("team", [], ["up", "with"]).category == "COOPERATE"  # type: ignore[union-attr]
    assert classify_verb("hand", ["weapon"], ["in"]).category == "RETREAT"  # type: ignore[union-attr]
    assert classify_verb("voice", ["disappointment"]).category == "ACCUSE"  # type: ignore[union-attr]


def test_common_noun_parties_are_recipients() -> None:
    m = one("Kenyan police fired tear gas at thousands of demonstrators in Nairobi.", "fire")
    assert _texts(m.targets) == ["demonstrators"]
    m = one("The foreign minister met his Omani counterpart on Monday.", "meet")
    assert _texts(m.targets) == ["Omani counterpart"]
    m = one("Greece demanded that its European partners refuse to recognize the republic.",
            "demand")
    assert _texts(m.targets) == ["European partners"]
    # the actor's own people moved are no recipients, the place is; a lone "force" is none
    m = one("Norway has refused to deploy troops in Mali.", "refuse")
    assert _texts(m.targets) == ["Mali"]
    m = one("The army used force against the crowd.", "use")
    assert "force" not in _texts(m.targets)
    # the object of two verbs side by side; whom a threat is told to
    m = one("Police beat and detained Tibetan monks in Lhasa.", "beat")
    assert _texts(m.targets) == ["Tibetan monks"]
    assert not [x for x in events("She plans to return home and present her baby to her family.")
                if x.lemma == "return"]
    found = events("India cautioned Pakistan that the military would retaliate.")
    assert any(_texts(x.targets) == ["Pakistan"] for x in found if x.category == "THREATEN")
    # whoever made the demand that is met or refused, also after a preposition
    m = one("The government yielded to demands from coca growers and shelved the plan.",
            "yield")
    assert _texts(m.targets) == ["coca growers"]


def test_order_codes_the_act_ordered() -> None:
    assert classify_verb("order", ["troop"]).category == "MOBILIZE"  # type: ignore[union-attr]
    assert classify_verb("order", ["investigation"]).category == "ACCUSE"  # type: ignore[union-attr]
    m = one("Mayor Lopez ordered the police to leave the campus.", "order")
    assert m.category == "REQUEST"


def test_restrictions_declared_and_states_of_emergency() -> None:
    m = one("Mayor Diallo declared a state of emergency in Kayes on Monday.", "declare")
    assert (m.category, m.mode) == ("COERCE", "restrict")
    m = one("General Zia imposed martial law in Lahore after the riots.", "impose")
    assert m.category == "COERCE"
    m = one("President Kaunda will extend the curfew in Lusaka.", "extend")
    assert plover_category(m.category, m.modality) == "THREATEN"  # a planned restriction


def test_support_verb_carries_the_act_its_object_names() -> None:
    m = one("Kenya speeded up the withdrawal of its troops from Somalia.", "speed")
    assert m.category == "RETREAT"
    assert not [x for x in events("Kenya speeded up the withdrawal of its troops from Somalia.")
                if x.lemma == "withdrawal"]  # one event, not two
    m = one("Israeli jets carried out an airstrike on Gaza.", "carry")
    assert m.category == "ASSAULT"


def test_a_body_sent_or_received_is_read_through_to_its_members() -> None:
    m = one("President Toure received a team of UN inspectors on Monday.", "receive")
    assert (m.category, m.mode) == ("RETREAT", "access")


def test_fallback_keeps_the_lexicon_code_of_a_main_verb_without_an_accepted_actor() -> None:
    # "The army" is no actor for the rules; the classifier types the sentence, unsure, and
    # the lexicon's code of the main verb wins over its guess
    typed = [m for m in events("The army imposed martial law in Lahore after the riots.")
             if m.category]
    assert typed and typed[0].category == "COERCE"


def test_obstruction_expulsion_and_alert_readings() -> None:
    m = one("Farmers blocked roads into Lyon on Monday.", "block")
    assert (m.category, m.mode) == ("PROTEST", "obstruct")
    m = one("Indonesia forced the UN refugee agency out of the country.", "force")
    assert (m.category, m.mode) == ("SANCTION", "expel")
    m = one("Serbian troops remained on alert along the border.", "remain")
    assert m.category == "MOBILIZE"
    m = one("A Russian official offered concessions last November.", "offer")
    assert plover_category(m.category, m.modality) == "AGREE"  # a yield announced


def test_a_thing_named_by_a_passive_agent_is_no_actor() -> None:
    # roads blocked by debris are no protest; roads blocked by protesters are
    assert not [m for m in events("Many roads are still blocked by corpses and debris, "
                                  "hampering the delivery of fuel.") if m.category]
    typed = [m for m in events("The main road was blocked by protesters on Monday.")
             if m.category]
    assert typed and typed[0].category == "PROTEST"


def test_they_in_reported_speech_is_a_plural_speaker() -> None:
    m = one("Tamil rebels said they will release the hostages on Sunday.", "release")
    assert [a.text for a in m.actors] == ["Tamil rebels"]
    assert plover_category(m.category, m.modality) == "AGREE"  # a release announced
    m = one("Rebels in Mali released Pierre Dumas on Monday.", "release")
    assert m.category == "RETREAT"  # a person named is released, not only "prisoners"


def test_a_vow_parsed_as_a_purpose_clause_still_plans_the_act() -> None:
    m = one("Tamil rebels have sworn to fight until they control the northern districts.",
            "fight")
    assert plover_category(m.category, m.modality) == "THREATEN"
    # "moved to freeze" acts: no plan
    m = one("The Swiss government moved on Friday to freeze assets belonging to Suharto.",
            "freeze")
    assert m.modality != "planned"


@pytest.mark.parametrize(("text", "lemma", "category", "mode"), [
    # an envoy ordered to leave is expelled
    # (test_order_codes_the_act_ordered: "ordered the police to leave the campus" stays an order)
    ("Chad ordered the Libyan envoy to leave the country within a day.", "order",
     "SANCTION", "expel"),
    # halting hostilities de-escalates; calling off or suspending a protest concedes
    ("The M23 rebels halted their offensive near Goma on Sunday.", "halt", "RETREAT",
     "ceasefire"),
    ("The Brazilian truckers' union called off its strike on Friday.", "call", "CONCEDE", None),
    ("Kenya's dock workers said they would suspend their protests.", "suspend", "AGREE", None),
    # object phrases the lexicon reads whole
    ("Kurdish prisoners in Turkey launched a hunger strike on Monday.", "launch", "PROTEST",
     "hunger"),
    ("The Thai army placed its border units on the highest state of readiness.", "place",
     "MOBILIZE", None),
    ("Colombian troops launched a military operation against the rebels.", "launch",
     "ASSAULT", None),
])
def test_session_19_sentence_readings(text: str, lemma: str, category: str,
                                      mode: str | None) -> None:
    m = one(text, lemma)
    assert plover_category(m.category, m.modality) == category
    if mode is not None:
        assert m.mode == mode


def test_an_offer_told_with_a_date_between_still_plans_the_act() -> None:
    # "offered on Tuesday to contribute": the parse reads the complement as a purpose clause
    m = one("Bangladesh offered on Tuesday to contribute 1,000 troops to the mission in Congo.",
            "contribute")
    assert plover_category(m.category, m.modality) == "AGREE"


def test_a_month_is_no_object_of_the_lexicon() -> None:
    # "in March" is no protest march: before, "organized ... in March" read as a protest
    text = "Kenya organized a conference in March."
    lexicon_only = extract_events(Document(id="t", text=text), shared_pipeline()(text), [],
                                  classifier=False)
    assert not [m for m in lexicon_only if m.category == "PROTEST"]


@pytest.mark.parametrize(("text", "lemma", "category", "mode"), [
    # phrasal verbs, with the particle the parse may give as an adverb
    ("The Ghanaian finance minister stepped down on Monday.", "step", "RETREAT", "resign"),
    ("Burma brushed aside the mediators' proposal on Friday.", "brush", "REJECT", None),
    ("Peru handed back three seized fishing boats to Ecuador.", "hand", "RETREAT", "return"),
    ("Several ministers rallied behind the embattled premier on Sunday.", "rally", "SUPPORT",
     None),
    ("The rebel delegation walked out of the peace talks in Nairobi.", "walk", "SANCTION",
     "withdraw"),
    ("Police looked into the allegations against the mayor.", "look", "ACCUSE", "investigate"),
    # a promise to join another party's undertaking, or to sit down with it
    ("Bolivia said it would join Chile in an effort to curb smuggling.", "join", "AGREE", None),
    ("Sudan's government is ready to sit down with the strikers next week.", "sit", "AGREE", None),
    # materiel and goods handed over are aid; joint drills cooperate
    ("Moscow delivered six attack helicopters to the Malian army.", "deliver", "AID", None),
    ("Japan donated 40 tractors to Ghana's farmers.", "donate", "AID", None),
    ("Greek and Cypriot warships held joint exercises off Crete.", "hold", "COOPERATE", None),
    # censorship, occupation, and concessions restored or lifted
    ("Iranian authorities blocked access to several opposition websites.", "block", "COERCE",
     "censor"),
    ("Rebel fighters took control of the provincial capital on Sunday.", "take", "COERCE",
     "seize"),
    ("Kenya restored the broadcasting licence of a private radio station.", "restore",
     "CONCEDE", None),
    ("Zambia's government lifted the suspension of two opposition newspapers.", "lift", "CONCEDE",
     None),
    ("Lithuania summoned the Belarusian ambassador over the border incident.", "summon",
     "ACCUSE", "disapprove"),
    # who does it decides: crowds gathering protest, workers stopping work strike, troops
    # cutting off roads blockade
    ("Hundreds of protesters gathered outside the parliament on Monday.", "gather",
     "PROTEST", "demo"),
    ("Thousands of dock workers stopped work in Rotterdam on Tuesday.", "stop", "PROTEST",
     "strike"),
    ("Government troops cut off the roads into the rebel-held town.", "cut", "COERCE",
     "restrict"),
    ("Angry protesters ransacked the governor's office on Friday.", "ransack", "PROTEST",
     "riot"),
])
def test_session_21_sentence_readings(text: str, lemma: str, category: str,
                                      mode: str | None) -> None:
    # the lexicon's reading (the packaged classifier, trained before these readings, still
    # overrides two of them: see docs/benchmarks-events-quotes.md, session 21)
    found = [m for m in lexicon_events(text) if m.lemma == lemma]
    assert found, f"no {lemma!r} event in {text!r}"
    m = found[0]
    assert plover_category(m.category, m.modality) == category
    if mode is not None:
        assert m.mode == mode


def test_session_21_readings_stay_narrow() -> None:
    # being forced by circumstances, looking into a question, banks lending less and a crowd
    # dispersing are no events of these categories
    for text, lemma in (
            ("The company was forced to suspend its dividend last year.", "force"),
            ("The panel will look into the reasons why the bridge fell.", "look"),
            ("Many banks are reducing lending this year.", "reduce"),
            ("The crowd dispersed peacefully after the speech.", "disperse")):
        assert not [m for m in lexicon_events(text) if m.lemma == lemma and m.category], text


def test_a_call_for_someone_to_step_down_demands_it() -> None:
    m = one("There were calls for the interior minister to step down.", "step")
    assert m.modality == "demanded"
    m = one("Thousands marched in Lome calling for President Eyadema to resign.", "resign")
    assert m.modality == "demanded"


def test_a_lower_case_word_tagged_proper_noun_still_names_its_owner() -> None:
    m = one("China's foreign ministry on Thursday stood up for Pakistan's record.", "stand")
    assert [a.text for a in m.actors] == ["China"]
    assert plover_category(m.category, m.modality) == "SUPPORT"


def test_summary_keeps_whole_words() -> None:
    # spaCy reads the "m" of "$562m" as punctuation of the main verb; the summary keeps it.
    m = one("Officials said the UN has launched an appeal for $562m (£370m) to help 3 million "
            "people.", "launch")
    assert m.summary == "UN has launched an appeal for $562m"


def test_summary_keeps_particles_parsed_as_adverbs() -> None:
    m = one("Aid workers said the cargo plane had been turned away from the airport.", "turn")
    assert m.summary.endswith("had been turned away from the airport")


def test_summary_spells_out_a_contracted_auxiliary_after_a_resolved_pronoun() -> None:
    m = one("The United Nations says it's sending an extra 3,500 troops to Haiti.", "send")
    assert m.summary == "United Nations is sending an extra 3,500 troops to Haiti"


def test_a_deadline_after_by_is_no_passive_agent() -> None:
    m = one("The UN said 132 people had been rescued by Friday.", "rescue")
    assert [a.text for a in m.actors] != ["Friday"]
    m = one("The bridge was destroyed by Russian forces on Friday.", "destroy")
    assert [a.text for a in m.actors] == ["Russian forces"]


@pytest.mark.parametrize("question", [
    "Will Russia cut ties with NASA?",
    "Do you want President Obama to publicly ask President Mubarak to resign?",
    '"Why did the army attack the village?"',
])
def test_a_question_reports_no_event(question: str) -> None:
    assert events(question) == []
    assert lexicon_events(question) == []


def test_a_statement_beside_a_question_keeps_its_event() -> None:
    found = events("Russia cut ties with NASA. Will it cut ties with ESA?")
    assert [(m.lemma, m.sentence) for m in found] == [("cut", 0)]
