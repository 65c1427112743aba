"""Tests for the quotes stage (storyline.quotes) on invented sentences, and on the seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyline.model import Document, Paragraph, Quote, TimeExpression
from storyline.nlp import shared_pipeline
from storyline.quotes import extract_quotes, find_quote_spans

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def run(text: str, timexes: list[TimeExpression] | None = None,
        paragraphs: list[Paragraph] | None = None) -> list[Quote]:
    nlp = shared_pipeline()
    doc = Document(id="t", text=text, paragraphs=paragraphs or [])
    quotes = extract_quotes(doc, nlp(text), timexes or [])
    for q in quotes:  # offsets always point at the words
        assert text[q.start:q.end] == q.text
        if q.speaker is not None:
            assert q.speaker_start is not None and q.speaker_end is not None
            assert text[q.speaker_start:q.speaker_end] == q.speaker
        assert q.id == "" and q.speaker_entity is None
    return quotes


def find(quotes: list[Quote], fragment: str, direct: bool | None = None) -> Quote:
    hits = [q for q in quotes if fragment in q.text and (direct is None or q.direct == direct)]
    assert hits, f"no quote with {fragment!r} in {[q.text for q in quotes]}"
    return hits[0]


def timex(text: str, word: str, value: str) -> TimeExpression:
    start = text.index(word)
    return TimeExpression(start, start + len(word), word, "DATE", value, "day", True)


# --- quote marks -----------------------------------------------------------------------------


def test_quote_marks_of_all_styles_and_apostrophes() -> None:
    text = ("He said “one two” and \"three four\" and «five six» and 'seven eight' and "
            "‘nine ten’ but the pilots' union's plan isn't 'x'.")
    spans = [text[s.start:s.end] for s in find_quote_spans(text, 0, len(text))]
    assert spans == ["one two", "three four", "five six", "seven eight", "nine ten"]


def test_unclosed_quote_runs_to_paragraph_end() -> None:
    text = "“We will stay.\n"
    (span,) = find_quote_spans(text, 0, len(text) - 1)
    assert text[span.start:span.end] == "We will stay." and span.close_at is None


# --- direct quotes ---------------------------------------------------------------------------


def test_direct_quote_with_cue_after() -> None:
    text = "“We will build a new station,” Maria Ivanova said on Tuesday."
    q = find(run(text, [timex(text, "Tuesday", "2022-03-01")]), "new station")
    assert q.direct and q.text == "We will build a new station"
    assert (q.speaker, q.speaker_via, q.cue, q.date) == ("Maria Ivanova", None, "said",
                                                         "2022-03-01")
    assert q.sentence == 0


def test_direct_quote_after_cue_with_medium_from_participle() -> None:
    text = ('Maria Ivanova runs the agency. Taking to Twitter, Ivanova wrote, "The agency will '
            'support small private firms with free launches."')
    q = find(run(text), "small private firms")
    assert q.direct and (q.speaker, q.cue, q.medium) == ("Ivanova", "wrote", "tweet")


def test_split_quote_both_parts_same_speaker() -> None:
    text = ("Oleg Petrov met reporters in the capital.\n\n"
            "“The plan is ready,” he said. “We will start the work in May.”")
    quotes = run(text)
    a, b = find(quotes, "plan is ready"), find(quotes, "start the work")
    for q in (a, b):
        assert q.direct and (q.speaker, q.speaker_via, q.cue) == ("Oleg Petrov", "he", "said")


def test_quote_continuing_across_paragraphs() -> None:
    text = ("Oleg Petrov spoke at length about the budget.\n\n"
            "“The first part of the plan is simple and cheap.\n\n"
            "“The second part is harder,” Petrov said.")
    quotes = run(text)
    first = find(quotes, "first part")
    assert first.direct and first.speaker == "Petrov" and first.cue == "said"
    assert find(quotes, "second part").speaker == "Petrov"


def test_bare_quote_takes_previous_attribution() -> None:
    text = ("Anna Kovacs leads the mission. Emphasising the risk, she noted that the budget was "
            'too small. "The cuts are deep. We will not survive them without help."')
    quotes = run(text)
    q = find(quotes, "cuts are deep")
    assert q.direct and (q.speaker, q.speaker_via) == ("Anna Kovacs", "she")
    assert "We will not survive" in q.text
    ind = find(quotes, "budget was too small", direct=False)
    assert ind.speaker == "Anna Kovacs" and ind.cue == "noted"


def test_partial_quote_via_role_noun_no_double_count() -> None:
    text = ("Orbitech chief executive Lena Brandt spoke on Monday. The leader of Orbitech "
            "complained that the rules aim to “ruin our industry and plunge our workers into "
            "despair and hunger.”")
    quotes = run(text)
    q = find(quotes, "ruin our industry")
    assert q.direct and q.text.startswith("ruin our industry")
    assert (q.speaker, q.speaker_via, q.cue) == ("Lena Brandt", "The leader of Orbitech",
                                                 "complained")
    # the paraphrase carries no more than the quoted words: no second, indirect copy
    assert not [x for x in quotes if not x.direct and "ruin" in x.text]


def test_partial_quote_inside_larger_paraphrase_keeps_both() -> None:
    text = ('Oleg Petrov leads the agency. He even said that the country would launch "dozens" '
            "of weather and communication satellites into orbit later this year.")
    quotes = run(text)
    d = find(quotes, "dozens", direct=True)
    assert d.text == "dozens" and (d.speaker, d.speaker_via) == ("Oleg Petrov", "He")
    i = find(quotes, "weather and communication", direct=False)
    assert i.speaker == "Oleg Petrov" and i.cue == "said"


def test_scare_quote_counts_only_with_a_speech_cue() -> None:
    text = ("Lena Brandt mentioned that the attack on the website was an 'act of sabotage' and "
            "asserted that the damage was small.\n\n"
            'The firm calls itself a "unicorn" in its adverts.')
    quotes = run(text)
    q = find(quotes, "act of sabotage", direct=True)
    assert q.text == "act of sabotage" and q.speaker == "Lena Brandt" and q.cue == "mentioned"
    assert not [x for x in quotes if "unicorn" in x.text]
    assert find(quotes, "damage was small").cue == "asserted"


def test_commissive_verb_gives_partial_quote_and_its_infinitive() -> None:
    text = "Russia has vowed to offer 'unprecedented support' to private space firms."
    quotes = run(text)
    assert len(quotes) == 2
    q = find(quotes, "unprecedented support", direct=True)
    assert (q.text, q.speaker, q.cue) == ("unprecedented support", "Russia", "vowed")
    q = find(quotes, "to offer", direct=False)  # PolNeAR: a vow reports an intention
    assert (q.speaker, q.cue) == ("Russia", "vowed")
    assert q.text.endswith("private space firms")


def test_stance_verbs_report_intentions_of_agents_only() -> None:
    quotes = run("Senator Ada Voss wants to repeal the new tram tax next year.")
    q = find(quotes, "to repeal the new tram tax", direct=False)
    assert (q.speaker, q.cue) == ("Ada Voss", "wants")
    assert run("The old rules aim to protect the small river valleys.") == []
    quotes = run("The mayor insisted that the tram line would open on time.")
    assert find(quotes, "the tram line would open", direct=False).cue == "insisted"


def test_unspecific_role_nouns_are_not_resolved_to_a_name() -> None:
    quotes = run("Mayor Ada Voss opened the bridge. A spokesman said the toll would stay low. "
                 "Officials said the works had cost too much.")
    assert find(quotes, "the toll would stay low").speaker == "spokesman"
    assert find(quotes, "the works had cost").speaker == "Officials"


def test_guillemets_and_quoted_as_saying() -> None:
    text = ("Jean Dupont said: «We are ready for the launch». "
            "“Cooperation is impossible now,” Oleg Petrov was quoted as saying, the Daily Planet "
            "reported.")
    quotes = run(text)
    assert find(quotes, "ready for the launch").speaker == "Jean Dupont"
    q = find(quotes, "Cooperation is impossible")
    assert q.direct and (q.speaker, q.cue) == ("Oleg Petrov", "quoted as saying")
    assert not [x for x in quotes if not x.direct]


# --- indirect quotes -------------------------------------------------------------------------


def test_indirect_that_clause() -> None:
    q = find(run("Oleg Petrov said that the launch would be delayed by a month."), "launch")
    assert not q.direct
    assert (q.text, q.speaker, q.cue) == ("the launch would be delayed by a month",
                                          "Oleg Petrov", "said")


def test_indirect_preposed_content() -> None:
    q = find(run("The launch will be delayed until June, Oleg Petrov said."), "launch")
    assert not q.direct and q.text == "The launch will be delayed until June"
    assert q.speaker == "Oleg Petrov"


def test_indirect_says_and_saying_participle() -> None:
    quotes = run("Roscosmos says it has asked Japan for technical help.\n\n"
                 "The European Commission played down the decision, saying it would not affect "
                 "its satellites.")
    a = find(quotes, "asked Japan")
    assert (a.text, a.speaker, a.cue) == ("it has asked Japan for technical help", "Roscosmos",
                                          "says")
    b = find(quotes, "not affect")
    assert (b.speaker, b.cue, b.direct) == ("European Commission", "saying", False)


def test_according_to_with_cataphoric_role_noun() -> None:
    text = ("The agency will close its office in Paris, according to the agency head.\n\n"
            "According to Oleg Petrov, talks with Beijing have already begun.")
    quotes = run(text)
    a = find(quotes, "office in Paris")
    assert a.text == "The agency will close its office in Paris"
    assert (a.speaker, a.speaker_via, a.cue) == ("Oleg Petrov", "the agency head", "according to")
    b = find(quotes, "talks with Beijing")
    assert (b.speaker, b.cue) == ("Oleg Petrov", "according to")


def test_second_subject_in_coordination() -> None:
    text = ("Last month, the ESA said it was suspending work on the rover and the British "
            "company OneWeb added that it had found a new launcher.")
    quotes = run(text)
    a = find(quotes, "suspending work")
    assert a.speaker == "ESA" and "OneWeb" not in a.text
    assert find(quotes, "new launcher").speaker == "OneWeb"


# --- speakers --------------------------------------------------------------------------------


def test_pronouns_resolve_to_person_and_organisation() -> None:
    quotes = run("Anna Kovacs runs the mission for Orbitech. She said that the probe was "
                 "healthy.\n\nOrbitech released its results. It said that profits rose sharply.")
    a = find(quotes, "probe was healthy")
    assert (a.speaker, a.speaker_via) == ("Anna Kovacs", "She")
    b = find(quotes, "profits rose")
    assert (b.speaker, b.speaker_via) == ("Orbitech", "It")


def test_role_noun_with_place_prefers_compatible_organisation() -> None:
    text = ("Russian space agency Roscosmos cancelled the flight.\n\n"
            "When asked for NASA's response, the US space agency said in a statement that it "
            'would keep working with its partners "for the safe operation of the station."\n\n'
            '"No changes are planned," NASA added.')
    quotes = run(text)
    a = find(quotes, "keep working", direct=False)
    assert (a.speaker, a.speaker_via, a.medium) == ("NASA", "the US space agency", "statement")
    assert a.text.startswith("it would keep working")
    b = find(quotes, "safe operation", direct=True)
    assert b.speaker == "NASA" and b.text.endswith("station.")
    c = find(quotes, "No changes")
    assert (c.speaker, c.cue) == ("NASA", "added")


def test_title_in_name_phrase_gives_the_person() -> None:
    q = find(run("Orbitech head Lena Brandt said on Saturday that the rules were unfair."),
             "unfair")
    assert q.speaker == "Lena Brandt" and q.speaker_via is None


def test_letter_author() -> None:
    text = ("Oleg Petrov leads the agency. He said that the ministry replied with a letter signed "
            "by agency chief John Miller.\n\n"
            'The letter seemed to say: "We continue to support joint work in orbit with all '
            'partners."')
    q = find(run(text), "joint work")
    assert q.direct and (q.speaker, q.speaker_via, q.medium) == ("John Miller", "The letter",
                                                                 "letter")


def test_relative_pronoun_speaker_and_medium() -> None:
    text = ("The news was confirmed by a tweet from Oleg Petrov, the agency director, who stated "
            "that the country would leave the project.")
    q = find(run(text), "leave the project")
    assert (q.speaker, q.medium, q.cue) == ("Oleg Petrov", "tweet", "stated")


# --- medium and date -------------------------------------------------------------------------


def test_medium_interview_inherited_by_same_speaker() -> None:
    text = ("Speaking to Radio Liberty, Oleg Petrov said that the ban was old news.\n\n"
            '"We can live without them," Petrov said.')
    quotes = run(text)
    assert find(quotes, "ban was old").medium == "interview"
    assert find(quotes, "live without").medium == "interview"


def test_telegram_post() -> None:
    q = find(run('"We are pulling out our staff from the spaceport," Oleg Petrov had said in a '
                 "post on his Telegram channel."), "pulling out")
    assert (q.speaker, q.cue, q.medium) == ("Oleg Petrov", "said", "telegram")


def test_date_from_cue_and_inherited_in_paragraph() -> None:
    text = ("Oleg Petrov said on Saturday in a tweet that he would halt all joint projects. "
            "Petrov added that the sanctions would fail.")
    tx = [timex(text, "Saturday", "2022-02-26")]
    quotes = run(text, tx)
    a, b = find(quotes, "halt all"), find(quotes, "would fail")
    assert (a.date, a.medium) == ("2022-02-26", "tweet")
    assert (b.date, b.medium) == ("2022-02-26", "tweet")


def test_date_in_content_is_not_the_quote_date() -> None:
    text = "Oleg Petrov said that the launch on Monday was cancelled."
    q = find(run(text, [timex(text, "Monday", "2022-03-07")]), "launch")
    assert q.date is None


# --- what is not a quote ---------------------------------------------------------------------


def test_headings_yield_no_quotes() -> None:
    text = "Orbitech says it will leave the station\n\nThe firm grew fast last year."
    assert run(text) == []
    text2 = "Petrov said the plan would fail.\n\nThe firm grew fast last year."
    heading = [Paragraph(0, 32, kind="heading"), Paragraph(34, len(text2))]
    assert run(text2, paragraphs=heading) == []
    assert run(text2)  # the same line as body text is a quote


def test_no_quotes_in_plain_narrative() -> None:
    assert run("The rocket's engines failed and the crew's capsule landed in Kazakhstan.") == []


# --- the seeds -------------------------------------------------------------------------------

#: (seed prefix, words of the quote, direct or None, speaker key words (any), medium or None)
SEED_EXPECTED: list[tuple[str, str, bool | None, tuple[str, ...], str | None]] = [
    ("000", "will provide unprecedented support", True, ("Rogozin",), "tweet"),
    ("000", "dozens", None, ("Rogozin",), None),
    ("000", "Soyuz-2", False, ("Rogozin",), None),
    ("000", "The blame for the collapse", True, ("Rogozin",), "tweet"),
    ("000", "restricting Russia's access", False, ("Biden",), "statement"),
    ("001", "US participation in the project is impossible", True, ("Rogozin",), None),
    ("001", "In response to EU sanctions", True, ("Rogozin",), "telegram"),
    ("001", "for the ongoing safe operations", True, ("NASA", "Nasa"), "statement"),
    ("001", "new export control measures", True, ("NASA", "Nasa"), None),
    ("001", "No changes are planned", True, ("NASA", "Nasa"), None),
    ("001", "would not affect the quality", False, ("European Union",), None),
    ("001", "will cease its work", False, ("Rogozin",), None),
    ("002", "kill Russian economy", True, ("Rogozin",), None),
    ("002", "succeed in it", True, ("Rogozin",), None),
    ("002", "That’s why I believe", True, ("Rogozin",), None),
    ("002", "continues to support international", True, ("Nelson", "NASA"), "letter"),
    ("002", "suspending cooperation with the Russian agency", False, ("ESA",), None),
    ("003", "were introduced a long time ago", True, ("Rogozin",), None),
    ("003", "we were able to build our own devices", True, ("Rogozin",), None),
    ("003", "The Europeans have repeated", True, ("Rogozin",), None),
    ("003", "Sanctions against Roscosmos will not", True, ("Rogozin",), "interview"),
    ("004", "restoration of regular relations", True, ("Rogozin",), None),
    ("004", "Russian economy", True, ("Rogozin",), None),
]


def _seed_documents() -> dict[str, Document]:
    seeds = SHARED / "corpora" / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"../shared is missing: no seed corpus at {seeds}")
    docs = {}
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8").replace("\xa0", " ")
        text = re.sub(r"^\s*date \d{4}-\d\d-\d\d ", "", text)
        docs[path.name[:3]] = Document(id=path.stem, text=text)
    return docs


@pytest.fixture(scope="module")
def seed_quotes() -> dict[str, list[Quote]]:
    nlp = shared_pipeline()
    return {k: extract_quotes(d, nlp(d.text), []) for k, d in _seed_documents().items()}


@pytest.mark.parametrize(("seed", "words", "direct", "speakers", "medium"), SEED_EXPECTED)
def test_seed_quotes(seed_quotes: dict[str, list[Quote]], seed: str, words: str,
                     direct: bool | None, speakers: tuple[str, ...], medium: str | None) -> None:
    hits = [q for q in seed_quotes[seed] if words in q.text
            and (direct is None or q.direct == direct)]
    assert hits, f"{seed}: no quote with {words!r}"
    q = hits[0]
    assert q.speaker is not None and any(s in q.speaker for s in speakers), q
    if medium is not None:
        assert q.medium == medium, q


def test_seed_no_false_positives(seed_quotes: dict[str, list[Quote]]) -> None:
    for seed, quotes in seed_quotes.items():
        for q in quotes:
            assert "Роскосмос" not in q.text, (seed, q)  # a name in quote marks
            assert q.direct or q.speaker is not None, (seed, q)
        # one quote per quoted span
        spans = [(q.start, q.end) for q in quotes]
        assert len(spans) == len(set(spans)), seed


def test_embedded_post_becomes_quote_of_its_author():
    from storyline.model import Paragraph
    from storyline.quotes import embedded_post_quotes

    text = "The minister posted a short message.\n\nWe will open the bridge tomorrow."
    start = text.index("We will")
    doc = Document(id="e", text=text, paragraphs=[
        Paragraph(0, start - 2, "en"),
        Paragraph(start, len(text), "en", "embed",
                  attribution="pic.twitter.com/abc — Ana Lopes (@analopes) June 3, 2021"),
    ])
    (q,) = embedded_post_quotes(doc)
    assert (q.text, q.speaker, q.speaker_via, q.medium, q.date, q.direct) == (
        "We will open the bridge tomorrow.", "Ana Lopes", "@analopes", "tweet", "2021-06-03",
        True)


def test_belief_verb_with_clause_is_an_indirect_quote() -> None:
    quotes = run("A new survey by the Tallis Institute found that most voters distrust the plan.")
    q = find(quotes, "most voters distrust the plan", direct=False)
    assert q.speaker is not None and "survey" in q.speaker and q.cue == "found"
    assert not run("Lena Brandt found her keys in the car.")


def test_speech_act_with_noun_content() -> None:
    quotes = run("Senator Ada Voss accused the mayor of hiding the budget report from voters.")
    q = find(quotes, "hiding the budget report", direct=False)
    assert q.speaker == "Ada Voss" and q.cue == "accused"


def test_quote_governed_by_a_naming_verb_and_first_person() -> None:
    quotes = run('Mayor Ada Voss called the new tram line "the best thing we ever built" today.')
    assert find(quotes, "the best thing we ever built", direct=True).speaker == "Ada Voss"
    # the writer speaking outside quote marks is no speaker to report
    assert all(q.speaker != "I" for q in run("I said that the sentence was too harsh."))


def test_colon_introduces_the_next_paragraph_quote() -> None:
    quotes = run('Lena Brandt spoke at the rally. She continued:\n\n'
                 '"We will not give up on this valley, whatever they offer us."')
    assert find(quotes, "We will not give up", direct=True).speaker == "Lena Brandt"


def test_unsigned_statement_speaks_as_written() -> None:
    text = ('The bridge was closed on Monday. "We regret the delay and will reopen the lane '
            'soon," the statement said.')
    q = find(run(text), "We regret")
    assert q.speaker is not None and "statement" in q.speaker


def test_name_before_a_colon_speaks() -> None:
    text = ('Two candidates answered the question. Maria Lopez: "Our plan will cut the waiting '
            'lists by half within a year."')
    q = find(run(text), "Our plan")
    assert q.speaker == "Maria Lopez"


def test_inverted_speaker_after_a_closing_quote() -> None:
    text = ('"The harbour will need a new pier before the winter storms arrive," said Peter '
            'Novak, a port engineer who advises the council.')
    q = find(run(text), "The harbour")
    assert q.speaker is not None and "Novak" in q.speaker


def test_weekdays_are_never_speakers(nlp):
    text = ("Dock workers in Valmera ended their strike on Thursday after the port authority "
            "agreed to raise wages.\n\nThe strike had halted shipping since Monday, the port "
            "authority said in a statement.")
    doc = Document(id="w", text=text)
    quotes = extract_quotes(doc, nlp(text), [])
    assert quotes
    for q in quotes:
        assert q.speaker not in ("Monday", "Thursday"), q


# --- reported speech: recall round (rules found on PolNeAR train errors) -----------------------


def test_speech_act_with_a_one_word_object() -> None:
    # "endorsed Kowalski": a single named object is the whole of what is reported
    quotes = run("The mayor of Dunbridge, Ann Harlow, endorsed Kowalski on Tuesday.")
    q = find(quotes, "Kowalski", direct=False)
    assert q.speaker is not None and "Harlow" in q.speaker


def test_speakers_next_act_is_cut_from_the_reported_clause() -> None:
    text = ("Ruth Okafor said the new levy had failed and urged the council to scrap it "
            "before the spring budget.")
    q = find(run(text), "levy had failed", direct=False)
    assert "urged" not in q.text and q.speaker == "Ruth Okafor"


def test_closing_aside_is_cut_from_the_reported_clause() -> None:
    text = ("Tom Brady Jr. said the tunnel would be finished by May, which would be a year "
            "late by any measure.")
    q = find(run(text), "tunnel would be finished", direct=False)
    assert "which" not in q.text and q.text.rstrip(",").endswith("by May")


def test_closing_apposition_is_cut_from_a_reported_object() -> None:
    text = "The union praised the regional transport minister, a former bus driver from Leeds."
    q = find(run(text), "transport minister", direct=False)
    assert "bus driver" not in q.text


def test_indefinite_pronoun_speaks_as_written() -> None:
    text = "Some of the farmers said the new dam would flood their best fields."
    q = find(run(text), "new dam would flood", direct=False)
    assert q.speaker is not None and q.speaker.startswith("Some")


def test_share_of_a_group_holds_a_stance() -> None:
    text = "A majority of the farmers oppose the plan to build a second reservoir in the valley."
    q = find(run(text), "second reservoir", direct=False)
    assert q.speaker is not None and "majority" in q.speaker


def test_plural_of_things_holds_no_stance() -> None:
    # "the rules" are not people: "support" has no holder here
    text = "The new rules support the expansion of the harbour into the old shipyard."
    assert not [q for q in run(text) if "expansion" in q.text]


def test_nominal_cue_with_a_possessive_holder() -> None:
    text = "Maria Gonzalez's claim that the ferry was overloaded was rejected by the court."
    q = find(run(text), "ferry was overloaded", direct=False)
    assert q.speaker is not None and "Gonzalez" in q.speaker and q.cue == "claim"


def test_nominal_cue_held_by_the_subject_of_a_light_verb() -> None:
    text = "Governor Alan Reyes made the argument that the northern rail line must stay open."
    q = find(run(text), "northern rail line must stay open", direct=False)
    assert q.speaker is not None and "Reyes" in q.speaker


def test_nominal_cue_without_a_holder_is_no_quote() -> None:
    # "won the support of": the supporters are not the winner
    text = "Carla Mendes won the support of the teachers union after a long campaign."
    assert all(q.speaker != "Carla Mendes" for q in run(text))


def test_nominal_cue_inside_a_report_is_left_to_the_report() -> None:
    text = "Ivan Stoyanov said his plan to merge the two hospitals would save money."
    quotes = [q for q in run(text) if not q.direct]
    assert [q.cue for q in quotes] == ["said"]


def test_adjective_of_attitude_with_a_clause() -> None:
    text = "Helen Marsh is confident that the council will approve the new library."
    q = find(run(text), "council will approve", direct=False)
    assert q.speaker == "Helen Marsh" and q.cue == "confident"


def test_adjective_of_likelihood_is_no_cue() -> None:
    text = "Helen Marsh is likely to approve the new library before the summer."
    assert not [q for q in run(text) if "library" in q.text]


def test_verb_with_a_prepositional_topic() -> None:
    text = "Senator Paul Okoye talked about the rising cost of school meals in the county."
    q = find(run(text), "rising cost of school meals", direct=False)
    assert q.speaker is not None and "Okoye" in q.speaker


def test_audience_of_speaking_is_no_content() -> None:
    text = "Senator Paul Okoye spoke to reporters outside the county hall on Friday."
    assert not [q for q in run(text) if "reporters" in q.text]


def test_subject_of_next_clause_is_not_part_of_a_rejected_object() -> None:
    # the parser hangs "Volvo" on "the plans"; it starts the next clause
    text = ("The UK, however, rejected the plans and Volvo has halted all its exports from the "
            "Gothenburg port.")
    texts = [q.text for q in run(text)]
    assert not any("Volvo" in t for t in texts), texts
