"""End to end on the five seed articles: facts a careful reader finds in them.

My reading of the seeds (kept here as assertions, not as data copied from them):
- 000 opens with a ``date 2022-03-08`` line and has no title line; 003 likewise (2022-03-03).
- 001 has a title, a standfirst and the dateline "News Desk March 01, 2022".
- 002 (byline Loukia Papadopoulos) and 004 have titles and no date anywhere: published is null.
- 000 embeds Rogozin's tweet in Russian (kept, marked ru) with its attribution line (removed).
- In 001 "On Saturday" (pub. Tuesday 2022-03-01) is 2022-02-26, the day Roscosmos suspended
  launches from Kourou; "A day earlier" NASA's statement is 2022-02-25.
- In 000 (Tuesday 2022-03-08) "on Monday" is 2022-03-07; "late last month" is 2022-02; the
  OneWeb launch was planned for March 5 (2022-03-05). In 003 (Thursday 2022-03-03) "on
  Wednesday" is 2022-03-02 and the invasion of Ukraine is dated February 24 (2022-02-24).
- Told by several outlets: the OneWeb launch refusal (000, 003, 004), the suspension of ISS
  cooperation until sanctions are lifted (002, 004), ESA's suspension over ExoMars (002, 004),
  Roscosmos ending cooperation with Europe / ESA (000, 001).
"""

from __future__ import annotations

import json
import re
import shutil

import pytest

from storyline.pipeline import run
from storyline.report import build_report, render_html, render_markdown
from storyline.store import SQLiteStore

BOILERPLATE = [
    "Tap here to read more", "PHOTO: REUTERS", "Also read", "Comments are moderated",
    "Replying to X", "Comments FAQ", "Most Popular", "SHOW COMMENT", "iStock",
    "Image: Twitter", "Leave a Reply", "Your email address", "Posted on", "pic.twitter.com",
    "COMMENTS", "chevron", "(@Rogozin)",
]


@pytest.fixture(scope="module")
def seeds_run(seeds_dir, nlp, tmp_path_factory):
    db = tmp_path_factory.mktemp("e2e") / "store.db"
    with SQLiteStore(db) as store:
        result = run([seeds_dir], store, nlp)
    return db, result, build_report(result.analysis, result.duplicates)


@pytest.fixture(scope="module")
def report(seeds_run):
    return seeds_run[2]


def _doc(report, prefix):
    return next(d for d in report["documents"] if d["id"].startswith(prefix))


def test_report_validates_against_contract_schema(report, report_schema):
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(report, report_schema)


def test_documents_dates_titles_authors(report):
    assert [d["id"][:3] for d in report["documents"]] == ["000", "001", "002", "003", "004"]
    expect = {
        "000": ("2022-03-08", None), "001": ("2022-03-01", "Russia ceases work on joint space "
                                             "projects with Europe"),
        "002": (None, "Russia says it will suspend cooperation on the International Space "
                      "Station"),
        "003": ("2022-03-03", None), "004": (None, "In space, Russia is losing allies. "
                                               "Here’s the current situation"),
    }
    for prefix, (published, title) in expect.items():
        d = _doc(report, prefix)
        assert d["published"] == published, prefix
        assert d["title"] == title, prefix
    assert _doc(report, "002")["author"] == "Loukia Papadopoulos"
    assert _doc(report, "001")["author"] == "News Desk"


def test_no_boilerplate_left_and_body_kept(report):
    for d in report["documents"]:
        for phrase in BOILERPLATE:
            assert phrase not in d["text"], (d["id"], phrase)
        assert not d["text"].lstrip().startswith("date ")
    assert "Kourou" in _doc(report, "001")["text"]
    assert "ExoMars" in _doc(report, "002")["text"]
    assert "OneWeb" in _doc(report, "003")["text"]
    assert "anti-satellite" in _doc(report, "004")["text"]
    d0 = _doc(report, "000")
    ru = [p for p in d0["paragraphs"] if p["language"] == "ru"]
    assert len(ru) == 1 and "Роскосмос" in d0["text"][ru[0]["start"]:ru[0]["end"]]
    assert d0["language"] == "en"


def _entity(report, alias):
    found = [e for e in report["entities"] if alias in e["aliases"]]
    assert len(found) == 1, (alias, found)
    return found[0]


@pytest.mark.parametrize("spellings", [
    ("Roscosmos", "Roskosmos", "Roscomos"),
    ("Dmitry Rogozin", "Rogozin"),
    ("NASA", "Nasa"),
    ("ESA", "European Space Agency"),
    ("ISS", "International Space Station"),
])
def test_main_entities_merged_across_spellings(report, spellings):
    ids = {_entity(report, s)["id"] for s in spellings}
    assert len(ids) == 1, spellings


def test_main_entities_distinct(report):
    ids = {_entity(report, s)["id"] for s in ("Roscosmos", "Rogozin", "NASA", "ESA", "ISS")}
    assert len(ids) == 5


def _quote(report, words):
    found = [q for q in report["quotes"] if words in q["text"]]
    assert found, f"no quote containing {words!r}"
    return found[0]


@pytest.mark.parametrize(("words", "speaker_alias", "medium"), [
    ("unprecedented support to private Russian space companies", "Rogozin", "tweet"),
    ("Under the conditions of sanctions", "Rogozin", None),
    ("In response to EU sanctions", "Rogozin", "telegram"),
    ("No changes are planned", "NASA", None),
    ("The new export control measures", "NASA", None),
    ("kill Russian economy", "Rogozin", None),
    ("the restoration of normal relations", "Rogozin", None),
    ("we were able to build our own devices", "Rogozin", None),
    ("It is difficult to stop us", "Rogozin", None),
    ("The blame for the collapse of cooperation", "Rogozin", "tweet"),
    ("will cease its work on the joint projects", "Rogozin", None),  # "the ... agency head"
    ("for the ongoing safe operations", "NASA", "statement"),  # "the US space agency"
    ("The U.S. continues to support", "Bill Nelson", "letter"),  # "The letter seemed to say"
])
def test_main_quotes_with_speakers(report, words, speaker_alias, medium):
    q = _quote(report, words)
    assert q["speaker_entity"] == _entity(report, speaker_alias)["id"], q
    if medium:
        assert q["medium"] == medium, q


def test_events_count_and_no_future_dates(report):
    events = report["events"]
    assert 11 <= len(events) <= 45
    for e in events:
        if e["date"] and len(e["date"]) == 10 and e["modality"] == "asserted":
            assert e["date"] <= "2022-03-08", e
        if e["date"]:
            assert e["date"] <= "2022-12-31", e
        for s in e["sources"]:
            assert s["sentence"] in _doc(report, s["document"][:3])["text"]


def _event_with(report, *words):
    for e in report["events"]:
        blob = " ".join(s["sentence"] for s in e["sources"])
        if all(w in blob for w in words):
            return e
    raise AssertionError(f"no event whose sources mention {words}")


def test_relative_dates_resolved_against_publication(report):
    assert _event_with(report, "Kourou")["date"] == "2022-02-26"
    assert _event_with(report, "painting over the flags")["date"] == "2022-03-02"
    assert _event_with(report, "February 24")["date"] == "2022-02-24"


def test_events_told_by_several_outlets_are_merged(report):
    multi = [e for e in report["events"] if len({s["document"] for s in e["sources"]}) > 1]
    assert len(multi) >= 4, [e["summary"] for e in multi]


@pytest.mark.parametrize(("words", "documents"), [
    (("Kourou",), {"000", "001"}),  # Roscosmos ends cooperation with ESA / Europe
    (("ExoMars",), {"002", "004"}),  # ESA suspends cooperation over ExoMars
    (("refused to launch", "refusal to deploy"), {"003", "004"}),  # Russia refuses to launch OneWeb's satellites
    (("halt",), {"002", "004"}),  # ISS cooperation halted until sanctions are lifted
])
def test_specific_events_merged_across_outlets(report, words, documents):
    event = _event_with(report, *words)
    told_by = {s["document"][:3] for s in event["sources"]}
    assert documents <= told_by, (event["summary"], told_by)


def test_capital_acting_for_its_state_is_merged(report):
    """003's "Moscow's invasion of Ukraine" and 004's "Russia's assault on Ukraine"."""
    invasions = [e for e in report["events"] if e["type"] == "ASSAULT"
                 and any("Ukraine" in s["sentence"] for s in e["sources"])]
    told_by = [{s["document"][:3] for s in e["sources"]} for e in invasions]
    assert any({"003", "004"} <= docs for docs in told_by), told_by


def test_every_document_in_exactly_one_story(report):
    members = [d for s in report["stories"] for d in s["documents"]]
    assert sorted(members) == sorted(d["id"] for d in report["documents"])


def test_html_and_markdown_render(report):
    html = render_html(report)
    assert "Kourou" in html and "<script src" not in html and "http://" not in html.split(
        "<body>")[1].split("<script>")[0].replace("http://www.w3.org", "")
    md = render_markdown(report)
    assert "## Timeline" in md


def test_second_run_changes_nothing(seeds_run, seeds_dir, nlp):
    db, _first, report1 = seeds_run
    with SQLiteStore(db) as store:
        again = run([seeds_dir], store, nlp)
    assert {o.status for o in again.outcomes} == {"unchanged"}
    assert build_report(again.analysis, again.duplicates) == report1


def test_duplicate_copy_is_linked_not_analysed(seeds_dir, nlp, tmp_path):
    src = sorted(seeds_dir.glob("*.txt"))
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(src[1], folder / "a.txt")
    shutil.copy(src[1], folder / "copy.txt")
    text = src[1].read_text()
    (folder / "edited.txt").write_text(text.replace("Saturday", "Sunday", 1))
    with SQLiteStore(tmp_path / "d.db") as store:
        result = run([folder], store, nlp)
    assert result.duplicates == {"copy.txt": "a.txt", "edited.txt": "a.txt"}
    rep = build_report(result.analysis, result.duplicates)
    # the copies are not analysed, but list the sentences they share with the original,
    # marked as copies: they do not count as independent outlets
    copies = {"copy.txt", "edited.txt"}
    for e in rep["events"]:
        told = {s["document"] for s in e["sources"]}
        assert "a.txt" in told and told <= {"a.txt"} | copies
        assert e["outlets"] == 1
        for s in e["sources"]:
            assert (s.get("copy_of") == "a.txt") == (s["document"] in copies)
            # a copy is listed only where it has the sentence word for word ("Saturday"
            # became "Sunday" in edited.txt)
            assert s["sentence"] in (folder / s["document"]).read_text()
    assert any("copy.txt" in {s["document"] for s in e["sources"]} for e in rep["events"])
    assert all(q["document"] == "a.txt" for q in rep["quotes"])


def test_cli_writes_reports(seeds_dir, tmp_path):
    from typer.testing import CliRunner

    from storyline.cli import app

    out = tmp_path / "r.json"
    res = CliRunner().invoke(app, ["analyze", str(seeds_dir), "--out", str(out),
                                   "--db", str(tmp_path / "c.db"), "--quiet"])
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text())
    assert len(data["documents"]) == 5
    assert (tmp_path / "r.html").exists() and (tmp_path / "r.md").exists()
    assert re.search(r"5 documents", res.output)


def test_embedded_tweet_is_a_dated_quote_of_its_author(report):
    rogozin = _entity(report, "Rogozin")["id"]
    embed = _quote(report, "Роскосмос")
    assert embed["speaker_entity"] == rogozin
    assert (embed["medium"], embed["date"], embed["direct"]) == ("tweet", "2022-03-08", True)
    english = _quote(report, "unprecedented support to private Russian space companies")
    assert english["date"] == "2022-03-08"


def test_new_article_on_another_story_opens_a_story_and_keeps_the_old_one(
        seeds_run, nlp, tmp_path):
    db, _first, report1 = seeds_run
    other = tmp_path / "other"
    other.mkdir()
    (other / "flood.txt").write_text(
        "Floods close the Ortega valley\n\ndate 2022-03-09 Floods hit the Ortega river valley "
        "on Tuesday; the regional governor, Ilse Varga, said the dam would be inspected. "
        "Rescue teams evacuated three villages near the dam.\n")
    with SQLiteStore(db) as store:
        result = run([other], store, nlp)
        stories = store.stories()
    seeds_story = next(s for s in stories if any(d.startswith("000") for d in s.documents))
    assert sorted(seeds_story.documents) == sorted(d["id"] for d in report1["documents"])
    flood_story = next(s for s in stories if "flood.txt" in s.documents)
    assert flood_story.documents == ["flood.txt"]
    assert [s.id for s in result.analysis.stories] == [flood_story.id]


def test_actor_types_and_affiliations(report):
    rogozin = _entity(report, "Rogozin")
    assert rogozin["actor_type"] == "person"
    assert "Roscosmos" in rogozin["affiliations"]
    assert _entity(report, "ESA")["actor_type"] == "international organisation"
    assert _entity(report, "Roscosmos")["actor_type"] == "government body"
    assert next(e for e in report["entities"] if e["name"] == "Russia")["actor_type"] == "state"


def test_oneweb_missed_by_ner_is_an_entity_in_every_article_naming_it(report):
    oneweb = _entity(report, "OneWeb")
    assert sorted(d[:3] for d in oneweb["documents"]) == ["000", "002", "003", "004"]


def test_a_role_noun_for_an_agency_is_not_its_country(report):
    us = next(e["id"] for e in report["entities"] if e["name"] == "United States")
    event = _event_with(report, "continuing to work with all of its international partners")
    assert us not in event["actors"]
