"""Cleaning: header metadata, boilerplate removal, paragraphs, languages, seeds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.clean import clean, detect_language, looks_tokenized, unglue_stamps
from storyline.ingest import read_paths
from storyline.model import Document, RawArticle

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpora" / "seeds"

BODY1 = ("The city council voted on Tuesday to close the old pier, citing storm damage that "
         "engineers described as beyond repair.")
BODY2 = ("Fishermen who use the pier said they had not been consulted and would ask the "
         "regional court to review the decision.")


def _clean(text: str, **kwargs: object) -> Document:
    return clean(RawArticle(id="t.txt", origin="t.txt", text=text, **kwargs))  # type: ignore[arg-type]


def _check_offsets(doc: Document) -> None:
    pos = 0
    for p in doc.paragraphs:
        assert pos <= p.start < p.end <= len(doc.text)
        piece = doc.text[p.start:p.end]
        assert piece == piece.strip() and "\n\n" not in piece
        pos = p.end
    assert "\n\n".join(doc.text[p.start:p.end] for p in doc.paragraphs) == doc.text


def _texts(doc: Document, kind: str | None = None) -> list[str]:
    return [doc.text[p.start:p.end] for p in doc.paragraphs if kind in (None, p.kind)]


# --- header ----------------------------------------------------------------------------------

def test_date_token_glued_to_first_paragraph() -> None:
    doc = _clean(f" date 2019-06-02 {BODY1}\n\n{BODY2}\n")
    assert doc.published == dt.date(2019, 6, 2)
    assert doc.title is None
    assert doc.text == f"{BODY1}\n\n{BODY2}"
    assert "date 2019-06-02" in doc.removed
    _check_offsets(doc)


def test_title_standfirst_dateline() -> None:
    text = (f"Council closes the old pier\n\nFishermen say they were never asked\n\n\n"
            f"City Desk June 03, 2019\n{BODY1}\n\n{BODY2}")
    doc = _clean(text)
    assert doc.title == "Council closes the old pier"
    assert doc.standfirst == "Fishermen say they were never asked"
    assert doc.author == "City Desk"
    assert doc.published == dt.date(2019, 6, 3)
    assert doc.text == f"Fishermen say they were never asked\n\n{BODY1}\n\n{BODY2}"
    assert [p.kind for p in doc.paragraphs] == ["standfirst", "body", "body"]
    assert "Council closes the old pier" not in doc.text


def test_question_standfirst_and_name_byline_no_date() -> None:
    text = f"Council closes the old pier\n\nIs this the end of fishing here?\nMarta Kowalczyk\n{BODY1}"
    doc = _clean(text)
    assert doc.title == "Council closes the old pier"
    assert doc.standfirst == "Is this the end of fishing here?"
    assert doc.author == "Marta Kowalczyk"
    assert doc.published is None
    assert "Marta Kowalczyk" not in doc.text


def test_byline_with_by_and_two_names() -> None:
    doc = _clean(f"Pier to close\n\nBy Ana Ruiz and Tom de Vries\n\n{BODY1}")
    assert doc.author == "Ana Ruiz, Tom de Vries"
    assert doc.text == BODY1


def test_title_ending_with_period_inside() -> None:
    doc = _clean(f"The pier is gone. Here is why it matters\n\n{BODY1}\n\nToo late.")
    assert doc.title == "The pier is gone. Here is why it matters"
    assert doc.standfirst is None
    assert _texts(doc) == [BODY1, "Too late."]


def test_repeated_title_block_is_deduplicated() -> None:
    text = ("Council closes the old pier\n\nFishermen say they were never asked\n\n"
            "Council closes the old pier\n\nFishermen say they were never asked\n\n"
            f"{BODY1}")
    doc = _clean(text)
    assert doc.title == "Council closes the old pier"
    assert doc.text == f"Fishermen say they were never asked\n\n{BODY1}"


def test_date_token_after_title() -> None:
    doc = _clean(f"Council closes the old pier\n\ndate 2019-06-02 {BODY1}")
    assert doc.title == "Council closes the old pier"
    assert doc.published == dt.date(2019, 6, 2)
    assert doc.text == BODY1


def test_container_metadata_wins() -> None:
    doc = _clean(f"Council closes the old pier\n\n{BODY1}", title="Council closes the old pier",
                 published=dt.date(2018, 1, 1), author="Desk Two")
    assert doc.title == "Council closes the old pier"
    assert doc.text == BODY1  # the repeated title is dropped, not kept as a heading
    assert doc.published == dt.date(2018, 1, 1)
    assert doc.author == "Desk Two"


def test_body_only_text() -> None:
    doc = _clean(f"{BODY1}\n\n{BODY2}")
    assert doc.title is None and doc.published is None and doc.author is None
    assert doc.text == f"{BODY1}\n\n{BODY2}"


# --- boilerplate -----------------------------------------------------------------------------

BOILERPLATE = {
    "comments header": "COMMENTS",
    "replying": "Replying to X",
    "moderation": "Comments are moderated and will appear once a moderator has seen them.",
    "show comment widget": "message circleSHOW COMMENT (4)chevron",
    "leave a reply": "Leave a Reply",
    "email notice": "Your email address will not be published.",
    "required": "Required fields are marked *",
    "most popular": "Most Popular",
    "trending": "Trending Now",
    "posted on": "Posted on",
    "also read": "Also read: Storm warning issued for the whole coast",
    "read more": "READ MORE: Council budget passes after long night",
    "share": "Share this article",
    "share buttons": "Facebook Twitter WhatsApp Email",
    "subscribe": "Sign up for our morning newsletter and get the news in your inbox",
    "follow": "Follow us on Twitter for the latest updates",
    "caption agency": ("Workers inspect the damaged pier after the storm in the early morning. "
                       "PHOTO: REUTERS"),
    "caption image prefix": "Image: Twitter/@CityCouncil",
    "caption stock": "A wooden pier over calm water at dusk.jdoe_photo/iStock",
    "caption getty": "Waves hit the pier on Monday (AP Photo/Jane Smith)",
    "player flash": ("To play this content JavaScript must be turned on and the latest Flash "
                     "player installed."),
    "player clip": "Please note this clip is only available in Flash.",
    "player plug-in": "Note: Please upgrade your Flash plug-in to view our enhanced content.",
    "player browser": "Your browser does not support the video tag.",
    "contribute form": "Tell us your experiences by filling in the form below.",
    "contribute ireport": "Send your video, images to CNN iReport.",
    "contribute email": "Send us an e-mail.",
}


@pytest.mark.parametrize("name", sorted(BOILERPLATE))
def test_each_boilerplate_line_removed(name: str) -> None:
    line = BOILERPLATE[name]
    doc = _clean(f"{BODY1}\n\n{line}\n\n{BODY2}")
    assert doc.text == f"{BODY1}\n\n{BODY2}", name
    assert line in doc.removed


def test_lines_that_only_resemble_boilerplate_stay() -> None:
    for line in ("Flash floods hit the valley and the new pumps were installed in May.",
                 "Tell us about that, the host asked the minister.",
                 "They shared the video with the police, who sent it to the court by e-mail.",
                 "The guide said so. You must have a permit to use flash photography."):
        assert _clean(f"{BODY1}\n\n{line}\n\n{BODY2}").text == f"{BODY1}\n\n{line}\n\n{BODY2}"


def test_trailing_player_notice_leaves_the_caption() -> None:
    caption = "Residents queue for water outside the stadium."
    notice = ("In order to see this content you need to have both Javascript enabled and "
              "Flash installed.")
    doc = _clean(f"{BODY1}\n\n{caption} {notice}\n\n{BODY2}")
    assert doc.text == f"{BODY1}\n\n{caption}\n\n{BODY2}"
    assert notice in doc.removed
    # a video's headline that runs into the notice without a full stop
    headline = "Voodoo priest regrets lack of dignity in mass graves"
    doc = _clean(f"{BODY1}\n\n{headline} To play this content JavaScript must be turned on "
                 f"and the latest Flash player installed.\n\n{BODY2}")
    assert doc.text == f"{BODY1}\n\n{headline}\n\n{BODY2}"


def test_comment_section_tail_removed() -> None:
    text = f"{BODY1}\n\n{BODY2}\n\nComments\n\nI think the council is wrong about this pier."
    doc = _clean(text)
    assert doc.text == f"{BODY1}\n\n{BODY2}"
    assert "I think the council is wrong about this pier." in doc.removed


def test_trailing_read_more_sentence() -> None:
    doc = _clean(f"{BODY1} Tap here to read more about the pier.\n\n{BODY2} Read more.")
    assert doc.text == f"{BODY1}\n\n{BODY2}"
    assert "Tap here to read more about the pier." in doc.removed
    # an ordinary sentence about learning more stays
    keep = "Officials said they want to learn more about the damage first."
    assert _clean(f"{BODY1} {keep}").text == f"{BODY1} {keep}"


def test_embedded_post_keeps_text_drops_attribution() -> None:
    post = ("Пирс закрыт до весны. pic.twitter.com/AbCdEf1234 — Городской совет "
            "(@citycouncil) June 2, 2019")
    doc = _clean(f"{BODY1}\n\n{post}\n\n{BODY2}")
    assert _texts(doc) == [BODY1, "Пирс закрыт до весны.", BODY2]
    embed = doc.paragraphs[1]
    assert embed.kind == "embed" and embed.language == "ru"
    assert any("(@citycouncil)" in r and "pic.twitter.com" in r for r in doc.removed)
    english = "The pier is closed until spring. — City Council (@citycouncil) June 2, 2019"
    doc = _clean(f"{BODY1}\n\n{english}")
    assert doc.paragraphs[1].kind == "embed" and doc.paragraphs[1].language == "en"
    assert _texts(doc)[1] == "The pier is closed until spring."


def test_ordinary_sentences_are_not_boilerplate() -> None:
    lines = [
        "Readers of the local paper shared their memories of the pier in letters.",
        "The photo agency said its images of the storm would be shown in a gallery.",
        "Follow-up talks with the fishermen are planned for next week.",
        "Comments from residents were collected at a public meeting in May.",
    ]
    doc = _clean("\n\n".join([BODY1, *lines]))
    assert _texts(doc) == [BODY1, *lines]
    assert doc.removed == []


# --- paragraphs, whitespace, languages -------------------------------------------------------

def test_headings_are_kept_as_heading_paragraphs() -> None:
    doc = _clean(f"{BODY1}\n\nA decision years in the making\n\n{BODY2}")
    assert [p.kind for p in doc.paragraphs] == ["body", "heading", "body"]
    assert _texts(doc, "heading") == ["A decision years in the making"]


def test_whitespace_normalized_words_untouched() -> None:
    text = "The  counsil\u00a0 voted\tto close the pier,\nwhich  was  built in 1901.\n\nDone."
    doc = _clean(text)
    assert _texts(doc) == ["The counsil voted to close the pier, which was built in 1901.",
                           "Done."]  # the typo stays


def test_hard_wrapped_text_is_joined() -> None:
    text = ("The council voted on Tuesday to close the old pier, citing storm\n"
            "damage that engineers described as beyond repair, and promised a\n"
            "new one within five years if the regional budget allows it.\n")
    doc = _clean(text)
    assert len(doc.paragraphs) == 1
    assert "storm damage" in doc.text and "a new one" in doc.text


def test_languages_per_paragraph_and_document() -> None:
    fr = ("Le conseil municipal a voté mardi la fermeture de la vieille jetée, endommagée "
          "par la tempête.")
    ru = "Совет проголосовал за закрытие старого пирса после сильного шторма."
    doc = _clean(f"{BODY1}\n\n{fr}\n\n{ru}\n\n{BODY2}\n\nShort line")
    assert [p.language for p in doc.paragraphs] == ["en", "fr", "ru", "en", "en"]
    assert doc.language == "en"
    assert detect_language("Да.") == "ru"
    assert detect_language("Так.") == "ru"
    assert detect_language("12 345") is None


def test_deterministic_and_idempotent() -> None:
    text = (f"Council closes the old pier\n\nFishermen say they were never asked\n\n"
            f"By Ana Ruiz\n\n{BODY1} Click here to read more.\n\nMost Popular\n\n"
            f"What happens next\n\n{BODY2}")
    first = _clean(text)
    assert _clean(text) == first
    again = _clean(first.text, title=first.title, published=first.published,
                   author=first.author)
    assert again.text == first.text
    assert again.standfirst == first.standfirst
    assert [p.kind for p in again.paragraphs] == [p.kind for p in first.paragraphs]
    assert again.removed == []


def test_html_article_cleaned() -> None:
    html = (
        "<html lang='en'><head><title>Pier closes</title></head><body>"
        "<nav><a href='/'>Home</a></nav><article><h1>Pier closes</h1>"
        f"<p>{BODY1}</p><h2>A decision years in the making</h2><p>{BODY2}</p>"
        "<p>Also read: Storm warning issued for the coast</p></article>"
        "<div id='comments'><h3>Comments</h3><p>Nobody asked us, as usual!</p></div>"
        "</body></html>")
    doc = clean(RawArticle(id="p.html", origin="p.html", html=html, title="Pier closes"))
    assert doc.title == "Pier closes"
    assert BODY1 in doc.text and BODY2 in doc.text
    assert "Also read" not in doc.text and "Nobody asked" not in doc.text
    assert "Pier closes" not in doc.text
    assert "heading" in [p.kind for p in doc.paragraphs]
    _check_offsets(doc)


def test_empty_input() -> None:
    doc = _clean("")
    assert doc.text == "" and doc.paragraphs == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_clean_never_crashes_and_offsets_are_valid(text: str) -> None:
    doc = _clean(text)
    _check_offsets(doc)
    assert _clean(text) == doc


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([
    BODY1, BODY2, "COMMENTS", "Most Popular", "A heading here", "date 2020-01-02",
    "Jane Doe", "Is it over?", "Image: Twitter/@someone", "Posted on", "", " ", "\n",
    "News Desk March 01, 2022", "Да, это так. — Имя (@handle) March 8, 2022",
]), max_size=12))
def test_clean_on_article_like_text(parts: list[str]) -> None:
    doc = _clean("\n\n".join(parts))
    _check_offsets(doc)
    again = _clean(doc.text, title=doc.title, published=doc.published, author=doc.author)
    assert again.text == doc.text


# --- the seeds (read at run time, never copied) -----------------------------------------------

def _seed_docs() -> dict[str, Document]:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared is missing: no seed corpus at {SEEDS}")
    docs = {}
    for raw in read_paths([SEEDS]):
        assert isinstance(raw, RawArticle), raw
        docs[raw.id[:3]] = clean(raw)
    assert sorted(docs) == ["000", "001", "002", "003", "004"]
    return docs


SEED_BOILERPLATE = ["COMMENTS", "Replying to", "Comments are moderated", "Comments FAQ",
                    "SHOW COMMENT", "Leave a Reply", "Your email address", "Required fields",
                    "Most Popular", "Posted on", "Also read", "Tap here", "PHOTO: REUTERS",
                    "Image: Twitter", "iStock", "pic.twitter.com", "(@Rogozin)", "date 2022"]


def test_seed_metadata() -> None:
    docs = _seed_docs()
    assert docs["000"].published == dt.date(2022, 3, 8) and docs["000"].title is None
    d1 = docs["001"]
    assert d1.title == "Russia ceases work on joint space projects with Europe"
    assert d1.published == dt.date(2022, 3, 1) and d1.author == "News Desk"
    d2 = docs["002"]
    assert d2.title == ("Russia says it will suspend cooperation on the International Space "
                        "Station")
    assert d2.author == "Loukia Papadopoulos" and d2.published is None
    assert docs["003"].published == dt.date(2022, 3, 3)
    d4 = docs["004"]
    assert d4.title is not None and d4.title.startswith("In space, Russia is losing allies")
    assert d4.published is None
    for doc in docs.values():
        assert doc.language == "en"
        assert doc.published != dt.date.today()
        _check_offsets(doc)
        if doc.title:
            assert not doc.text.startswith(doc.title)


def test_seed_boilerplate_removed_body_kept() -> None:
    docs = _seed_docs()
    for key, doc in docs.items():
        for phrase in SEED_BOILERPLATE:
            assert phrase.lower() not in doc.text.lower(), (key, phrase)
    everything = " ".join(d.text for d in docs.values())
    for word in ("Kourou", "ExoMars", "OneWeb", "Galileo", "Baikonur", "Venera"):
        assert word in everything, word
    assert "Roscomos" in docs["002"].text  # typos are kept as written
    # every paragraph of the raw files that is not boilerplate survives
    assert len(docs["004"].paragraphs) >= 12
    assert len(docs["002"].paragraphs) >= 10


def test_seed_embedded_tweet_kept_as_russian() -> None:
    doc = _seed_docs()["000"]
    embeds = [p for p in doc.paragraphs if p.kind == "embed"]
    assert len(embeds) == 1
    assert embeds[0].language == "ru"
    tweet = doc.text[embeds[0].start:embeds[0].end]
    assert tweet.startswith('"Роскосмос"') and tweet.endswith(".")
    assert any("(@Rogozin)" in r for r in doc.removed)


def test_seed_headings_and_idempotence() -> None:
    docs = _seed_docs()
    assert len([p for p in docs["002"].paragraphs if p.kind == "heading"]) == 2
    assert len([p for p in docs["003"].paragraphs if p.kind == "heading"]) == 2
    assert docs["002"].standfirst is not None and docs["002"].standfirst.endswith("?")
    for doc in docs.values():
        raw = RawArticle(id=doc.id, origin="again", text=doc.text, title=doc.title,
                         published=doc.published, author=doc.author)
        assert clean(raw).text == doc.text


def test_credit_glued_to_a_paragraph_is_cut_off() -> None:
    text = (f"{BODY1}\n\nPhotograph : Dana Reyes/AFP/Getty Images The storm reached the "
            "coast on Monday night , flooding the harbour road .\n\n"
            "Photo: Lee Park Waves broke over the pier wall for the whole afternoon.")
    doc = _clean(text)
    assert _texts(doc) == [
        BODY1,
        "The storm reached the coast on Monday night , flooding the harbour road .",
        "Waves broke over the pier wall for the whole afternoon."]
    assert "Photograph : Dana Reyes/AFP/Getty Images" in doc.removed
    assert "Photo: Lee Park" in doc.removed


def test_byline_glued_to_first_sentence() -> None:
    doc = _clean(f"By Maria Lund , Coast Courier The pier will close next week .\n\n{BODY2}")
    assert doc.author == "Maria Lund, Coast Courier"
    assert doc.title is None
    assert doc.text == f"The pier will close next week .\n\n{BODY2}"


def test_posted_on_line_gives_the_date_when_nothing_else_does() -> None:
    doc = _clean(f"{BODY1}\n\nPosted on June 4, 2019 by Ana Ruiz\n\n{BODY2}")
    assert doc.text == f"{BODY1}\n\n{BODY2}"
    assert doc.published == dt.date(2019, 6, 4)
    doc = _clean(f" date 2019-06-02 {BODY1}\n\nPosted on June 4, 2019\n\n{BODY2}")
    assert doc.published == dt.date(2019, 6, 2)


def test_tokenized_text_gets_ordinary_spacing() -> None:
    raw = RawArticle(
        id="t17", origin="t17.jsonl",
        text="WASHINGTON -LRB- AP -RRB- -- Obama called it `` a good start '' , aides said .\n"
             "They do n't know what BP 's plan is .\n")
    doc = clean(raw)
    assert 'WASHINGTON (AP) -- Obama called it "a good start", aides said.' in doc.text
    assert "They don't know what BP's plan is." in doc.text
    assert clean(RawArticle(id="again", origin="x", text=doc.text)).text == doc.text


def test_ordinary_text_is_not_taken_for_tokenized() -> None:
    for text in ("He said, on Monday, that it's over. Then he left. The U.S. Army, too.",
                 "Prices rose 5 % , the bureau said. Wages fell. Rents rose, too.",
                 "Roscosmos said on Saturday it would halt cooperation."):
        assert not looks_tokenized(text), text
    assert looks_tokenized("Skype , Facebook and Twitter are a lifeline .")


def test_glued_stamps_of_a_live_page_get_their_own_line() -> None:
    glued = ("Ani Vrabel 5ptsmoderatorFeaturedFebruary 6, 2016 11:19PMDonald Trump And Marco "
             "Rubio Miss Their Cue")
    assert unglue_stamps(glued) == ("Ani Vrabel 5ptsmoderatorFeatured\nFebruary 6, 2016 "
                                    "11:19PM\nDonald Trump And Marco Rubio Miss Their Cue")
    # dates in running text, and a month glued to no word, are left alone
    for text in ("He said on February 6, 2016 that it was over.", "It rained in Mayfair 3, 2016",
                 "Smarch 3, 2016 was cold."):
        assert unglue_stamps(text) == text
    body = ("The debate opened with missed cues and a long silence on the stage.\n\n"
            "Read the latest updates on the debate below.\n\n")
    doc = clean(RawArticle(id="a", origin="live.html", title="Debate",
                           text=body + glued + " on stage.\n\nMore text."))
    assert "February 6, 2016 11:19PM" in doc.text
    assert "FeaturedFebruary" not in doc.text
