"""Tests of the time stage: recognition, normalization, anchoring, false positives, seeds."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from storyline.model import TimeExpression
from storyline.time import tag

DCT = dt.date(2022, 3, 8)  # a Tuesday, ISO week 10

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpora" / "seeds"


def values(text: str, dct: dt.date | None = DCT) -> dict[str, str]:
    return {e.text: e.value for e in tag(text, dct)}


def one(text: str, span: str, dct: dt.date | None = DCT) -> TimeExpression:
    found = [e for e in tag(text, dct) if e.text == span]
    assert found, f"{span!r} not tagged in {text!r}: {tag(text, dct)}"
    return found[0]


# ------------------------------------------------------------------ explicit dates


@pytest.mark.parametrize(("text", "span", "value"), [
    ("The probe lands on March 5.", "March 5", "2022-03-05"),
    ("Dateline: March 01, 2022. Markets fell.", "March 01, 2022", "2022-03-01"),
    ("Troops crossed the border on February 24.", "February 24", "2022-02-24"),
    ("The crew launched April 9, 2021 from the steppe.", "April 9, 2021", "2021-04-09"),
    ("Filed 2022-03-08 by the desk.", "2022-03-08", "2022-03-08"),
    ("It was signed on 5 March 2022 in Paris.", "5 March 2022", "2022-03-05"),
    ("It was signed on the 5th of March.", "the 5th of March", "2022-03-05"),
    ("It took effect on the first of June 2009.", "the first of June 2009", "2009-06-01"),
    ("It was signed on the twenty-first of February.", "the twenty-first of February",
     "2022-02-21"),
    ("An editorial on Monday, March 7: the text follows.", "Monday, March 7", "2022-03-07"),
    ("Sales rose in November 2021 again.", "November 2021", "2021-11"),
    ("The meeting on Tuesday, March 1, 2022 ended.", "Tuesday, March 1, 2022", "2022-03-01"),
    ("The deal closed Feb. 24 after talks.", "Feb. 24", "2022-02-24"),
])
def test_explicit_dates(text: str, span: str, value: str) -> None:
    e = one(text, span)
    assert e.value == value
    assert e.type == "DATE"
    assert e.granularity == ("day" if value.count("-") == 2 else "month")


def test_month_day_takes_nearest_year() -> None:
    assert one("It ended on December 28.", "December 28", dt.date(2022, 1, 10)).value \
        == "2021-12-28"
    # a planned launch two days after the dct keeps the dct's year
    assert one("The launch was set for March 5.", "March 5", dt.date(2022, 3, 3)).value \
        == "2022-03-05"


def test_invalid_date_is_dropped() -> None:
    assert "February 30" not in values("It happened on February 30, 2022.")


# ------------------------------------------------------------------ months and years


def test_bare_month_needs_context_and_follows_tense() -> None:
    assert one("In March, the agency cut ties.", "March").value == "2022-03"
    # a past sentence about a month after the dct: the previous year
    assert one("The agency signed the deal in June.", "June").value == "2021-06"
    # a future sentence about a month before the dct: the next year
    assert one("The agency will sign the deal in January.", "January").value == "2023-01"
    assert one("It was quiet in early March.", "early March").value == "2022-03"
    # a month with no preposition: opening a sentence, or after an article and an adjective
    assert one("October was a bad month for her.", "October").value == "2021-10"
    assert one("The strong October report was a blip.", "October").value == "2021-10"
    assert "May" not in values("May was quiet.")  # a name or verb as often as a month


def test_words_that_look_ahead_keep_a_date_ahead() -> None:
    # a past clause moves a later day back a year, but not one it looks "ahead of"
    july = dt.date(2022, 7, 3)
    assert one("He tried to look presidential ahead of the Nov. 8 election.", "Nov. 8",
               july).value == "2022-11-08"
    assert one("The talks collapsed on Nov. 8.", "Nov. 8", july).value == "2021-11-08"
    assert one("They took a step that might unify the party heading into the fall.",
               "the fall").value == "2022-FA"


def test_relative_months_and_years() -> None:
    v = values("He spoke late last month and will fly later this year, next year "
               "or earlier this month; this month is busy. Last month was calm.")
    assert v["late last month"] == "2022-02"
    assert v["later this year"] == "2022"
    assert v["next year"] == "2023"
    assert v["earlier this month"] == "2022-03"
    assert v["this month"] == "2022-03"
    assert v["Last month"] == "2022-02"


def test_last_month_in_january_crosses_the_year() -> None:
    assert one("Prices rose last month.", "last month", dt.date(2022, 1, 15)).value == "2021-12"


def test_years_only_in_date_context() -> None:
    v = values("Sanctions came back in 2014. The base, built in 1998, closed. "
               "Russia sent 2000 troops and 36 satellites on a Soyuz-2 rocket. "
               "Since 2011 it has flown. By 2030 it will be done. The army has 1995 "
               "tanks. In 2000 troops marched.")
    assert v.get("2014") == "2014"
    assert v.get("1998") == "1998"
    assert v.get("2011") == "2011"
    assert v.get("2030") == "2030"
    assert values("Turnout was the highest since at least 1980, it said.").get("1980") == "1980"
    assert values("It began as early as 2003.").get("2003") == "2003"
    assert "1980" not in values("At least 1980 people came.")
    assert "2000" not in v
    assert "36" not in v
    assert "1995" not in v
    assert not any("Soyuz" in k or k == "2" for k in v)


def test_spans_of_years_and_days_give_both_ends() -> None:
    v = values("The 2014-2016 epidemic and the 1998–99 crisis are over.")
    assert v.get("2014") == "2014" and v.get("2016") == "2016"
    assert v.get("1998") == "1998" and v.get("99") == "1999"
    v = values("The summit will be held on June 23-24 in Brussels.")
    assert v.get("June 23") == "2022-06-23" and v.get("24") == "2022-06-24"
    v = values("Talks ran Jan. 5-7, 2021.")
    assert v == {"Jan. 5": "2021-01-05", "7, 2021": "2021-01-07"}
    v = values("They met on June 23 and 24, 1998 in Rome.")
    assert v == {"June 23": "1998-06-23", "24, 1998": "1998-06-24"}
    # not spans of years: a backwards pair, a percentage
    assert values("Call 2014-2010 now.") == {"now": "PRESENT_REF"}
    assert values("Call 2014-13 now.") == {"now": "PRESENT_REF"}
    assert values("The 1999-00 season ended.") == {"1999": "1999", "00": "2000"}
    assert values("Shares rose 2014-15% in a day.") == {"a day": "P1D"}


def test_military_clock_times() -> None:
    assert one("Troops moved at 1100 hours.", "1100 hours").value == \
        "2022-03-08T11:00"
    assert one("The truce began at 0600 GMT.", "0600 GMT").type == "TIME"
    # a count of hours stays a duration; a conversion in parentheses is not tagged again
    assert one("They logged 1100 hours of flight.", "1100 hours").value == "PT1100H"
    assert "0735 GMT" not in values("It exploded at 10:35 a.m. (0735 GMT) Friday.")


def test_year_between_commas_and_parentheses() -> None:
    v = values("The station, 1998, was new. The treaty (1972) still holds.")
    assert v.get("1998") == "1998"
    assert v.get("1972") == "1972"


def test_decades_and_centuries() -> None:
    v = values("In the 1990s and the '80s, in the twenty-first century and the 19th century.")
    assert v["the 1990s"] == "199"
    assert v["the '80s"] == "198"
    assert v["the twenty-first century"] == "20"
    assert v["the 19th century"] == "18"


def test_seasons_and_quarters() -> None:
    v = values("Profits fell in the first quarter of 2021 and in summer 2022; "
               "the launch slipped to this summer. Last winter was cold.")
    assert v["the first quarter of 2021"] == "2021-Q1"
    assert v["summer 2022"] == "2022-SU"
    assert v["this summer"] == "2022-SU"
    assert v["Last winter"] == "2021-WI"


# ------------------------------------------------------------------ weekdays and tense


def test_weekday_past_is_the_most_recent_on_or_before_dct() -> None:
    assert one("The agency announced on Saturday that it quit.", "Saturday").value \
        == "2022-03-05"
    assert one("A video was released on Monday.", "Monday").value == "2022-03-07"
    # the dct's own weekday in a past sentence is the dct itself
    assert one("He said on Tuesday that talks failed.", "Tuesday").value == "2022-03-08"


def test_weekday_future_is_the_next_one() -> None:
    assert one("The ministers will meet on Friday.", "Friday").value == "2022-03-11"
    # the dct's own weekday in a future clause is that day: news names the day, not "today"
    # (four of four such cases in a 2016 news sample; none a week later)
    assert one("They will meet on Tuesday.", "Tuesday").value == "2022-03-08"
    assert one("He spoke last Monday.", "last Monday").value == "2022-03-07"
    assert one("He spoke last Tuesday.", "last Tuesday").value == "2022-03-01"
    assert one("He speaks next Monday.", "next Monday").value == "2022-03-14"


def test_weekday_uses_the_spacy_doc_when_given() -> None:
    pytest.importorskip("spacy")
    from storyline.nlp import shared_pipeline

    text = "The minister said the crew would leave soon, and it launched on Friday."
    doc = shared_pipeline()(text)
    got = {e.text: e.value for e in tag(text, DCT, doc)}
    assert got["Friday"] == "2022-03-04"
    text2 = "The commission will vote on Friday."
    got2 = {e.text: e.value for e in tag(text2, DCT, shared_pipeline()(text2))}
    assert got2["Friday"] == "2022-03-11"


def test_weekday_part_of_day_and_plural() -> None:
    assert one("Rockets hit the city on Monday morning.", "Monday morning").value \
        == "2022-03-07TMO"
    e = one("The market opens on Sundays.", "Sundays")
    assert (e.type, e.value) == ("SET", "XXXX-WXX-7")


def test_weekday_without_dct_is_underspecified() -> None:
    e = one("Rogozin said on Saturday that he would stop.", "Saturday", None)
    assert e.value == "XXXX-WXX-6"
    assert e.relative


# ------------------------------------------------------------------ deictic days


def test_today_yesterday_tomorrow() -> None:
    v = values("Today he flies; yesterday he rested; tomorrow he lands. Tonight it rains. "
               "This morning it snowed. Last night it froze.")
    assert v["Today"] == "2022-03-08"
    assert v["yesterday"] == "2022-03-07"
    assert v["tomorrow"] == "2022-03-09"
    assert v["Tonight"] == "2022-03-08TNI"
    assert v["This morning"] == "2022-03-08TMO"
    assert v["Last night"] == "2022-03-07TNI"


def test_weeks() -> None:
    v = values("Talks broke down last week and resume next week; this weekend is calm.")
    assert v["last week"] == "2022-W09"
    assert v["next week"] == "2022-W11"
    assert v["this weekend"] == "2022-W10-WE"


def test_nothing_relative_resolves_without_dct() -> None:
    out = tag("Today, last week, this year, yesterday, in March and three days ago.", None)
    for e in out:
        assert not re.match(r"\d{4}", e.value), e


# ------------------------------------------------------------------ narrative anchor


def test_anaphoric_expressions_follow_the_narrative() -> None:
    text = ("On Saturday the agency quit the project. A day earlier, NASA had spoken. "
            "Two days later the talks resumed. The following week they failed.")
    v = values(text, dt.date(2022, 3, 1))
    assert v["Saturday"] == "2022-02-26"
    assert v["A day earlier"] == "2022-02-25"
    assert v["Two days later"] == "2022-02-27"
    assert v["The following week"] == "2022-W09"


def test_anchor_from_explicit_date_not_dct() -> None:
    v = values("The treaty was signed on June 3, 2019. The day before, crowds gathered. "
               "That month, prices rose. The following year was quiet.")
    assert v["The day before"] == "2019-06-02"
    assert v["That month"] == "2019-06"
    assert v["The following year"] == "2020"


def test_anchor_without_dct_uses_mentions_only() -> None:
    v = values("The deal was signed on 4 May 2010. A week later it collapsed.", None)
    assert v["A week later"] == "2010-W19"
    assert values("A day earlier, the minister resigned.", None)["A day earlier"] \
        == "XXXX-XX-XX"


def test_ago_uses_the_dct() -> None:
    v = values("The base opened on June 3, 2019. It closed three years ago and two days ago.")
    assert v["three years ago"] == "2019"
    assert v["two days ago"] == "2022-03-06"


# ------------------------------------------------------------------ durations, sets, times


@pytest.mark.parametrize(("text", "span", "value"), [
    ("The strike lasted three days.", "three days", "P3D"),
    ("We waited two hours.", "two hours", "PT2H"),
    ("For decades, the two cooperated.", "decades", "PXY"),
    ("It took 18 months to build.", "18 months", "P18M"),
    ("They lost a couple of years to sanctions.", "a couple of years", "P2Y"),
    ("A two-year contract was signed.", "two-year", "P2Y"),
    ("Over the past three years prices rose.", "the past three years", "P3Y"),
    ("It took several weeks.", "several weeks", "PXW"),
    ("It rose twenty-five years in a row.", "twenty-five years", "P25Y"),
])
def test_durations(text: str, span: str, value: str) -> None:
    e = one(text, span)
    assert (e.type, e.value, e.granularity) == ("DURATION", value, "duration")


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Flights leave every Monday.", "every Monday", "XXXX-WXX-1"),
    ("Reports come twice a year.", "twice a year", "P1Y"),
    ("The index is published weekly.", "weekly", "P1W"),
    ("He checks it every day.", "every day", "P1D"),
])
def test_sets(text: str, span: str, value: str) -> None:
    e = one(text, span)
    assert (e.type, e.value) == ("SET", value)


def test_daily_as_adjective_is_not_a_set() -> None:
    assert "daily" not in values("The daily life of the crew is hard.")


def test_times_of_day() -> None:
    v = values("The rocket lifted off at 10:30 a.m. and docked at 14:05 GMT.")
    assert v["10:30 a.m."] == "2022-03-08T10:30"
    assert v["14:05 GMT"] == "2022-03-08T14:05"
    v2 = values("On March 5 at 3 pm the engine fired.")
    assert v2["3 pm"] == "2022-03-05T15:00"
    assert values("It ended at noon.", None)["noon"] == "XXXX-XX-XXT12:00"


def test_refs() -> None:
    v = values("The agency now says it recently quit; in the past it cooperated, and "
               "currently it plans for the future. In the near future it will fly.")
    assert v["now"] == "PRESENT_REF"
    assert v["recently"] == "PAST_REF"
    assert v["the past"] == "PAST_REF"
    assert v["currently"] == "PRESENT_REF"
    assert v["the near future"] == "FUTURE_REF"


def test_holidays() -> None:
    assert one("Shops opened on Black Friday.", "Black Friday", dt.date(2021, 12, 1)).value \
        == "2021-11-26"
    assert one("They met at Christmas.", "Christmas", dt.date(2022, 1, 3)).value == "2021-12-25"


# ------------------------------------------------------------------ false positives


@pytest.mark.parametrize("text", [
    "May I ask a question?",
    "Officials may decide later.",
    "A protest march filled the street.",
    "They will March on the capital.",
    "Prayers were held at the Friday Mosque.",
    "The channel Russia Today reported it.",
    "Russia sent 2000 troops.",
    "The Soyuz-2 carried 36 satellites.",
    "He signed for a second time.",
    "The Sunday Times ran the story.",
    "Bloody Sunday is remembered.",
    "Shares of Tuesday Morning Corp. fell.",
    "The film 13 Hours by Michael Bay opened.",  # a title
    "He was named Person of the Year.",
    "Half agreed, and three-quarters said the same of Sanders.",  # a fraction
])
def test_false_positives(text: str) -> None:
    assert tag(text, DCT) == [], tag(text, DCT)


def test_month_name_as_person_name() -> None:
    assert tag("April Ryan asked June Carter.", DCT) == []


# ------------------------------------------------------------------ output invariants


def test_spans_sorted_and_consistent() -> None:
    text = ("On Saturday, March 5, 2022 at 10 a.m. the crew, after three days and "
            "two hours, landed; a day earlier, in 2014, last week and now.")
    out = tag(text, DCT)
    assert out
    prev_end = 0
    for e in out:
        assert e.start >= prev_end
        assert text[e.start:e.end] == e.text
        prev_end = e.end


def test_doc_of_another_text_is_ignored() -> None:
    pytest.importorskip("spacy")
    from storyline.nlp import shared_pipeline

    doc = shared_pipeline()("Something else entirely.")
    assert tag("He left on Monday.", DCT, doc)[0].value == "2022-03-07"


# ------------------------------------------------------------------ seeds


def _seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared is missing: {SEEDS} not found, seed tests cannot run")
    files = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not files:
        pytest.skip(f"../shared is missing seed {prefix} under {SEEDS}")
    text = files[0].read_text(encoding="utf-8")
    return re.sub(r"^\s*date \d{4}-\d\d-\d\d\s*", "", text)


SEED_DCT = {"000": dt.date(2022, 3, 8), "001": dt.date(2022, 3, 1), "002": None,
            "003": dt.date(2022, 3, 3), "004": None}


def _seed_values(prefix: str) -> list[tuple[str, str]]:
    return [(e.text, e.value) for e in tag(_seed(prefix), SEED_DCT[prefix])]


def test_seed_000() -> None:
    got = _seed_values("000")
    assert ("Monday", "2022-03-07") in got
    assert ("late last month", "2022-02") in got
    assert ("later this year", "2022") in got
    assert ("March 5", "2022-03-05") in got


def test_seed_001() -> None:
    got = _seed_values("001")
    assert ("March 01, 2022", "2022-03-01") in got
    assert ("Saturday", "2022-02-26") in got
    i = got.index(("Saturday", "2022-02-26"))
    assert ("A day earlier", "2022-02-25") in got[i:]
    assert ("April 9, 2021", "2021-04-09") in got


def test_seed_003() -> None:
    got = _seed_values("003")
    assert ("Wednesday", "2022-03-02") in got
    assert ("February 24", "2022-02-24") in got
    assert ("March 5", "2022-03-05") in got
    assert ("2014", "2014") in got


def test_seed_004_and_002_have_no_anchored_full_dates() -> None:
    got4 = _seed_values("004")
    assert ("November 2021", "2021-11") in got4
    assert ("the twenty-first century", "20") in got4
    assert ("decades", "PXY") in got4
    for prefix in ("002", "004"):
        for e in tag(_seed(prefix), None):
            if e.relative:
                assert not re.match(r"\d{4}-\d\d-\d\d", e.value), e


def test_seeds_nothing_after_dct_except_future() -> None:
    for prefix in ("000", "001", "003"):
        dct = SEED_DCT[prefix]
        assert dct is not None
        text = _seed(prefix)
        for e in tag(text, dct):
            day = e.calendar_date()
            if day is None or len(day) < 10:
                continue
            if dt.date.fromisoformat(day) > dct:
                sentence = text[max(0, e.start - 120):e.end + 40]
                assert re.search(r"\b(will|to conduct|planned|scheduled|set for)\b", sentence), e


def test_wire_style_weekdays_and_adjectival_years() -> None:
    dct = dt.date(1998, 8, 7)  # a Friday
    v = values("President Smith Thursday condemned the attack.\n\nEarlier Friday, "
               "lawyers filed a petition. It recalls the 1996 Olympic bombing and a 6-year-old "
               "boy; three-quarters of the crew left at 7:15 p.m., late.", dct)
    assert v["Thursday"] == "1998-08-06"
    assert v["Friday"] == "1998-08-07"
    assert v["1996"] == "1996"
    assert v["7:15 p.m."] == "1998-08-07T19:15"
    assert not any("year" in k or "quarter" in k for k in v)


def test_calendar_date_of_a_time_is_its_day() -> None:
    got = {e.text: e for e in tag("The blast came at 10 p.m. Wednesday, after talks in "
                                  "2010 that lasted three days.", dt.date(2011, 2, 3))}
    assert got["10 p.m. Wednesday"].type == "TIME"
    assert got["10 p.m. Wednesday"].calendar_date() == "2011-02-02"
    assert got["2010"].calendar_date() == "2010"
    assert got["three days"].calendar_date() is None  # a duration has no calendar date


def test_month_day_keeps_the_year_of_a_day_the_story_stated() -> None:
    dct = dt.date(2015, 12, 4)
    v = values("Petraeus testified on November 12, 2012, to lawmakers. The assessment he gave "
               "days after the September 11 attack differed.", dct)
    assert v["September 11"] == "2012-09-11"
    # a stated day that modifies a noun is no frame for the story ...
    v = values("He ran the fund for the September 11, 2001, attacks. The April 20 explosion "
               "set off the spill.", dt.date(2010, 11, 17))
    assert v["April 20"] == "2010-04-20"
    # ... nor is one after a date the text gave relative to the dct
    v = values("On Nov. 8, 2016, he was elected. Last week he spoke. On Jan. 20, he signed it.",
               dt.date(2018, 3, 3))
    assert v["Jan. 20"] == "2018-01-20"
    # the nearest year to the stated day, never after the dct
    v = values("The firm reported a loss on Dec. 1, 2014. On Jan. 5, it sold the unit.",
               dt.date(2015, 6, 1))
    assert v["Jan. 5"] == "2015-01-05"


def test_day_first_spans_of_days() -> None:
    got = [(e.text, e.value) for e in tag("The poll (18-19 May 2010) was held. The talks ran "
                                           "between 20 and 27 July.", dt.date(2010, 6, 10))]
    assert ("18", "2010-05-18") in got and ("19 May 2010", "2010-05-19") in got
    assert ("20", "2010-07-20") in got
    # a score or a verb is no span of days
    assert values("He won 3-1 May 5.", dt.date(2010, 6, 10)) == {"May 5": "2010-05-05"}
    assert values("Scores of 5-10 May be low.", dt.date(2010, 6, 10)) == {}


def test_clock_stamp_after_a_full_date_is_that_day() -> None:
    v = values("February 6, 2016 9:33PM The National Review said it.", dt.date(2016, 2, 7))
    assert v["9:33PM"] == "2016-02-06T21:33"
    # but an entry of a live blog after a sentence that named a day is the dct's
    v = values("Texas votes on March 1.\n\n___.\n\n9:18 p.m.\n\nTrump thanks them.",
               dt.date(2016, 2, 20))
    assert v["9:18 p.m."] == "2016-02-20T21:18"


def test_weekday_parts_of_day_in_the_plural_are_sets() -> None:
    got = {e.text: (e.type, e.value) for e in tag("The debates are on Saturday nights.",
                                                    dt.date(2015, 12, 23))}
    assert got == {"Saturday nights": ("SET", "XXXX-WXX-6TNI")}


def test_month_and_day_direction_fixes() -> None:
    # the second of two months follows the first when the first is ahead of the dct
    v = values("About 70% of the ads reserved in December and January were for Trump.",
               dt.date(2015, 11, 27))
    assert v == {"December": "2015-12", "January": "2016-01"}
    # "by" the month just ended, in a past clause, looks back
    v = values("The committees raised $287 million by the end of February.", dt.date(2016, 3, 24))
    assert v == {"the end of February": "2016-02"}
    v = values("The program was to pay down the loan by February.", dt.date(1989, 10, 30))
    assert v == {"February": "1990-02"}
    # a prediction looks ahead
    v = values("He predicted the virus was likely to cause an epidemic in the autumn.",
               dt.date(2009, 5, 12))
    assert v == {"the autumn": "2009-FA"}
    # the day of a report outranks a nearer future cue of what is reported
    v = values("He said during his victory speech Tuesday that his revolution will bring "
               "change.", dt.date(2016, 2, 11))
    assert v == {"Tuesday": "2016-02-09"}


def test_more_seasons_months_and_clock_times() -> None:
    assert values("Cleveland will host this summer's convention.", dt.date(2016, 6, 7)) == \
        {"this summer": "2016-SU"}
    assert values("But come the autumn it is likely to return.", dt.date(2009, 5, 12)) == \
        {"the autumn": "2009-FA"}
    v = values("Timeline.\nNovember: Congress passes a law.\nMarch: Banks fail.",
               dt.date(2008, 10, 18))
    assert v == {"November": "2008-11", "March": "2008-03"}
    v = values("The tremor hit at 1653 (2153 GMT) on Tuesday.", dt.date(2010, 1, 13))
    assert v["1653"].endswith("T16:53") and "2153" not in " ".join(v)
    assert values("He reads the daily.", dt.date(2010, 1, 13)) == {}
    assert values("Oil leaks into the sea daily.", dt.date(2010, 1, 13)) == {"daily": "P1D"}
    assert values("Cruz entered the final 10-day sprint.", dt.date(2016, 1, 27)) == \
        {"10-day": "P10D"}
    assert values("He came back following a day of talks.", dt.date(2016, 1, 27)) == \
        {"a day": "P1D"}


def test_ranges_schedules_and_narrative_years() -> None:
    # hyphenated count ranges are one duration with the lower bound, as "6 to 8 weeks"
    assert values("Emergency relief takes 6-8 weeks, with recovery 2-4 years.",
                  dt.date(2010, 1, 16)) == {"6-8 weeks": "P6W", "2-4 years": "P2Y"}
    assert values("Pandemics come about every 20-40 years.", dt.date(2009, 4, 29)) == \
        {"every 20-40 years": "P20Y"}
    # a zone after noon belongs to it; the day after the bracketed conversion dates it
    assert values("The stretch ended at noon CDT (1700 GMT) on Tuesday.",
                  dt.date(2010, 6, 10)) == {"noon CDT": "2010-06-08T12:00",
                                            "Tuesday": "2010-06-08"}
    # clock times of a standing schedule belong to no one day
    v = values("The show airs weekdays from 6:00 a.m. to 9:00 a.m. Eastern.", dt.date(2016, 9, 15))
    assert v == {"6:00 a.m.": "XXXX-XX-XXT06:00", "9:00 a.m.": "XXXX-XX-XXT09:00"}
    assert values("Stores open Sundays from noon.", dt.date(2016, 9, 15))["noon"] == \
        "XXXX-XX-XXT12:00"
    # a month or season told of a year the narrative named
    assert values("Riots at the 1968 convention contributed to his loss that November.",
                  dt.date(2016, 6, 23)) == {"1968": "1968", "November": "1968-11"}
    assert values("In 1918, there was a first wave of mild flu in April.",
                  dt.date(2009, 4, 29)) == {"1918": "1918", "April": "1918-04"}
    # but not where the year is a passing modifier
    assert values("The 2004 tsunami was worse than the earthquake in January.",
                  dt.date(2010, 1, 26))["January"] == "2010-01"


def test_weekdays_ahead_in_clauses_with_no_tense() -> None:
    # a deadline or a span running on to the day, in a clause with no tense of its own
    assert values("Airlines let customers change tickets for free until Monday.",
                  dt.date(2011, 1, 28)) == {"Monday": "2011-01-31"}
    assert values("The box could be working by Monday.", dt.date(2010, 5, 6)) == \
        {"Monday": "2010-05-10"}
    # but not the particle of a verb
    assert values("Guards stand by Friday in Cairo.", dt.date(2011, 1, 29)) == \
        {"Friday": "2011-01-28"}
    # curly apostrophes and "won't" are future cues; so is what is yet to be done
    assert values("She’ll visit on Friday.", dt.date(2016, 6, 22)) == {"Friday": "2016-06-24"}
    assert values("He won't sign it before Friday.", dt.date(2016, 6, 22)) == \
        {"Friday": "2016-06-24"}
    assert values("The report, to be released on Tuesday, is damning.",
                  dt.date(2011, 1, 6)) == {"Tuesday": "2011-01-11"}
    assert values("A memorial service is planned Friday in Louisville.",
                  dt.date(2016, 6, 5)) == {"Friday": "2016-06-10"}
    assert values("Officials expect them to resume Monday.", dt.date(2010, 7, 24)) == \
        {"Monday": "2010-07-26"}
    assert values("The Latest in the lead up to Tuesday’s primary.", dt.date(2016, 4, 14)) == \
        {"Tuesday": "2016-04-19"}


def test_a_present_progressive_schedules_the_weekday() -> None:
    tue = dt.date(2010, 7, 27)
    assert values("A federal judicial panel is meeting Thursday in Boise.", tue) == \
        {"Thursday": "2010-07-29"}
    assert values("That is the situation Clinton is facing in Saturday's primary.", tue) == \
        {"Saturday": "2010-07-31"}
    assert values("He is still making calls to add acts for Sunday.", tue) == \
        {"Sunday": "2010-08-01"}
    # the dct's own weekday is that day; yesterday stays yesterday (a copy dated a day late)
    assert values("Clinton is traveling to Haiti on Tuesday.", tue) == {"Tuesday": "2010-07-27"}
    assert values("Relatives are flying over the Gulf on Monday.", tue) == \
        {"Monday": "2010-07-26"}
    # a day the progressive does not govern keeps the last one
    assert values("He is raising questions about his microphone during Saturday's debate.",
                  tue) == {"Saturday": "2010-07-24"}
    assert values("Efforts are intensifying to help the survivors of Saturday's quake.",
                  tue) == {"Saturday": "2010-07-24"}
    assert values("They are getting on with their lives On Friday a man helped.", tue) == \
        {"Friday": "2010-07-23"}
    assert values("They are being blocked, and the Thursday after that they met.", tue) == \
        {"Thursday": "2010-07-22"}


def test_recurring_days_spans_votes_and_figurative_tomorrow() -> None:
    v = values("The curfew runs from 7 p.m. to 6 a.m. daily.", dt.date(2011, 2, 3))
    assert v["7 p.m."] == "XXXX-XX-XXT19:00" and v["6 a.m."] == "XXXX-XX-XXT06:00"
    assert values("The center is open every Tuesday and Friday.", dt.date(2011, 2, 3)) == \
        {"every Tuesday": "XXXX-WXX-2", "Friday": "XXXX-WXX-5"}
    assert values("He was a congressman (1975 to 1981).", dt.date(2009, 1, 22)) == \
        {"1975": "1975", "1981": "1981"}
    # a vote named by its month is the coming one up to seven months ahead, in any tense
    assert values("It gave her the impetus to shift focus toward the November election.",
                  dt.date(2016, 4, 28)) == {"November": "2016-11"}
    assert values("Protesters blasted the November elections as fraudulent.",
                  dt.date(2011, 2, 7)) == {"November": "2010-11"}
    # and so is a party's nominating convention
    assert values("He has been on a mission to win at the July confab.",
                  dt.date(2016, 4, 15)) == {"July": "2016-07"}
    assert values("Delegates walked out of the July convention.",
                  dt.date(2016, 9, 15)) == {"July": "2016-07"}
    assert values("These are the leaders of tomorrow.", dt.date(2016, 5, 24)) == \
        {"tomorrow": "FUTURE_REF"}
    assert values("The vote is tomorrow.", dt.date(2016, 5, 24)) == {"tomorrow": "2016-05-25"}
    # told on a Sunday, "this week" ahead is the coming ISO week; told on a Monday, a past
    # "this weekend" is the one just gone
    assert values("The panel will take it up at this week's meeting.", dt.date(2016, 4, 17)) == \
        {"this week": "2016-W16"}
    assert values("The governor told voters this weekend that he would stay.",
                  dt.date(2016, 9, 19)) == {"this weekend": "2016-W37-WE"}


def test_sept_11_attacks_protest_marches_and_seasons_ahead() -> None:
    assert values("The network trafficked in Sept. 11 conspiracy theories.",
                  dt.date(2016, 9, 19)) == {"Sept. 11": "2001-09-11"}
    assert values("Women were shocked after Sept. 11 when the spotlight turned on Kabul.",
                  dt.date(2016, 3, 18)) == {"Sept. 11": "2001-09-11"}
    # the day itself where nothing points to the attacks
    assert values("She left the Sept. 11 memorial service early.", dt.date(2016, 9, 12)) == \
        {"Sept. 11": "2016-09-11"}
    assert values("He was at the March on Washington in 1963.", dt.date(2016, 2, 11)) == \
        {"1963": "1963"}
    assert values("He is making a film set to be released in the summer.",
                  dt.date(2015, 12, 19)) == {"the summer": "2016-SU"}


def test_parts_and_pairs_of_centuries() -> None:
    assert values("It grew in the second half of the 20th century.", dt.date(2010, 1, 19)) == \
        {"the second half of the 20th century": "19"}
    assert values("In the 18th and early 19th centuries trade grew.", dt.date(2010, 1, 19)) == \
        {"the 18th": "17", "early 19th centuries": "18"}
    assert values("He finished 18th and 19th in the races.", dt.date(2010, 1, 19)) == {}


def test_weekday_takes_the_date_in_brackets_beside_it() -> None:
    v = values("The vote will be held on Friday (March 20).", dt.date(2009, 3, 12))
    assert v == {"Friday": "2009-03-20", "March 20": "2009-03-20"}
    # not when the two disagree
    assert values("It is on Friday (March 21).", dt.date(2009, 3, 12))["Friday"] == "2009-03-13"


def test_month_days_keep_the_year_of_a_stated_month() -> None:
    v = values("She disappeared in Colorado in November 2006. She left the home on the "
               "afternoon of November 19, but never arrived.", dt.date(2011, 2, 8))
    assert v["November 19"] == "2006-11-19"


def test_one_day_after_a_modal_is_an_unnamed_day_ahead() -> None:
    assert values("The road could one day stretch to Europe.", dt.date(2015, 12, 28)) == \
        {"one day": "FUTURE_REF"}
    assert values("It could take one day to heal.", dt.date(2015, 12, 28)) == {"one day": "P1D"}
    assert values("The strike lasted one day.", dt.date(2015, 12, 28)) == {"one day": "P1D"}
    assert values("It was bound to happen one day, he said.", dt.date(2010, 6, 13)) == \
        {"one day": "FUTURE_REF"}


def test_may_have_as_a_verb_of_its_own_looks_ahead() -> None:
    assert values("She downplayed any impact her server may have in November.",
                  dt.date(2016, 5, 26)) == {"November": "2016-11"}
    assert values("He may have left in November.", dt.date(2016, 5, 26)) == \
        {"November": "2015-11"}


def test_between_two_counts_is_one_duration() -> None:
    assert values("The repair could take between four and seven days.",
                  dt.date(2010, 5, 30)) == {"four and seven days": "P4D"}
    # but not ages
    assert values("Most were between 20 and 50 years old.", dt.date(2009, 4, 28)) == {}


def test_a_vote_named_by_its_day_is_the_coming_one() -> None:
    d = dt.date(2016, 7, 31)
    assert values("Officials said Russia leaked the emails to influence the Nov. 8 "
                  "U.S. presidential election.", d) == {"Nov. 8": "2016-11-08"}
    assert values("The nominee for the Nov. 8 election later said he was joking.", d) == \
        {"Nov. 8": "2016-11-08"}
    assert values("In New Hampshire, whose Feb. 9 primary is the first, Trump was ahead.",
                  dt.date(2015, 11, 23)) == {"Feb. 9": "2016-02-09"}
    # a day that is not a vote keeps the past clause's reading
    assert values("The nominee said he was joking on Nov. 8.", d) == {"Nov. 8": "2015-11-08"}


def test_possessive_part_of_day_and_adjectival_years() -> None:
    assert values("Here is a list of Sunday night's winners.", dt.date(2011, 1, 31)) == \
        {"Sunday night": "2011-01-30TNI"}
    d = dt.date(2009, 1, 22)
    assert values("The senator faced a tough 2010 reelection bid.", d) == {"2010": "2010"}
    assert values("It was the disputed 2000 presidential election.", d) == {"2000": "2000"}
    # an adjective of amount makes the number a count
    assert values("He won a record 2000 votes.", d) == {}
    assert values("They sent an estimated 2000 soldiers.", d) == {}


def test_a_daily_schedule_frees_its_clock_times_of_any_day() -> None:
    v = values("Connexion Haiti is broadcast daily in the Creole language at 09:10 to "
               "09:30 local time.", dt.date(2010, 1, 30))
    assert v["09:10"] == "XXXX-XX-XXT09:10" and v["09:30 local time"] == "XXXX-XX-XXT09:30"
    assert values("He runs every day and at 9 a.m. he left.", dt.date(2010, 1, 30))[
        "9 a.m."] == "2010-01-30T09:00"


def test_a_moment_told_in_two_zones_crosses_midnight() -> None:
    v = values("(Update 4:30 a.m. in Cairo, 9:30 p.m. ET) A spokesman spoke.", dt.date(2011, 2, 3))
    assert v == {"4:30 a.m.": "2011-02-04T04:30", "9:30 p.m. ET": "2011-02-03T21:30"}
    v = values("(Update 11:45 p.m. in Cairo, 4:45 p.m. ET) Streets stayed full.",
               dt.date(2011, 2, 3))
    assert v == {"11:45 p.m.": "2011-02-03T23:45", "4:45 p.m. ET": "2011-02-03T16:45"}
    # without "in", too; but dated by a day the narrative named, either clock may be on it
    assert values("(Update 1:50 a.m. Cairo, 6:50 p.m. ET) Prisoners escaped.",
                  dt.date(2011, 1, 29))["1:50 a.m."] == "2011-01-30T01:50"
    v = values("Nile TV reported Sunday. (Update 1:50 a.m. Cairo, 6:50 p.m. ET) Prisoners "
               "escaped.", dt.date(2011, 1, 29))
    assert v["1:50 a.m."][:10] == v["6:50 p.m. ET"][:10]
    # days given with the times say it themselves
    v = values("(Update 1:12 a.m. Tuesday in Cairo, 6:12 p.m. ET Monday) A ministry spoke.",
               dt.date(2011, 1, 31))
    assert v == {"1:12 a.m. Tuesday": "2011-02-01T01:12",
                 "6:12 p.m. ET Monday": "2011-01-31T18:12"}


def test_hours_earlier_count_from_the_day_named_not_a_month_since() -> None:
    v = values("The president spoke Tuesday about the leader's pledge not to run again in "
               "September. He praised the pledge made less than three hours earlier.",
               dt.date(2011, 2, 2))
    assert v["less than three hours earlier"] == "2011-02-01"


def test_a_stated_season_gives_its_year_to_a_deadline_told_in_the_past() -> None:
    v = values("In the fall of 2007 she led him by 24 points. By Jan. 18, he had overtaken "
               "her.", dt.date(2016, 2, 1))
    assert v["Jan. 18"] == "2008-01-18"
    assert values("They must repay it by Jan. 18.", dt.date(2016, 2, 1))["Jan. 18"] == \
        "2016-01-18"


def test_h14_round_recognition_and_clause_tense() -> None:
    assert values("The winter will cause many deaths.", dt.date(2010, 1, 15)) == \
        {"The winter": "2010-WI"}
    assert values("The fall was steep.", dt.date(2010, 1, 15)) == {}
    assert values("Rising imports from 1999 to 2011 cost up to 2.4 million jobs.",
                  dt.date(2016, 3, 16)) == {"1999": "1999", "2011": "2011"}
    assert values("Candidates are being chosen for the June European elections.",
                  dt.date(2009, 4, 29)) == {"June": "2009-06"}
    # a future verb after a comma belongs to another clause than the day
    assert values("Clinton, who declared victory Tuesday night, will return the favor.",
                  dt.date(2016, 6, 9)) == {"Tuesday night": "2016-06-07TNI"}
    assert values("The cap, which was mounted on the well Monday, will be used.",
                  dt.date(2010, 7, 15)) == {"Monday": "2010-07-12"}
    # but one before the day still looks ahead
    assert values("It is set to announce it sooner, perhaps as early as Thursday.",
                  dt.date(2010, 6, 14)) == {"Thursday": "2010-06-17"}


def test_month_of_that_year_and_a_year_earlier_than_a_month() -> None:
    v = values("Then in January 2010, he can replace the chairman, and the vice chairman's "
               "term ends in June of that year.", dt.date(2008, 12, 19))
    assert v == {"January 2010": "2010-01", "June of that year": "2010-06"}
    assert values("Sales in September declined 27 percent compared with a year earlier.",
                  dt.date(2008, 10, 3)) == {"September": "2008-09", "a year earlier": "2007-09"}
    # not after a span of months: the span a year back is not one month
    v = values("It earned $1.79 billion from July through September, compared with $5.3 "
               "billion a year earlier.", dt.date(2008, 10, 3))
    assert v["a year earlier"] == "2007"


def test_the_quarter_is_the_latest_completed_one_the_story_named() -> None:
    v = values("BP will report third-quarter results. BP took a charge in the second quarter. "
               "The spill would impact the quarter's results.", dt.date(2010, 10, 22))
    assert v["the quarter"] == "2010-Q3" and v["the second quarter"] == "2010-Q2"


def test_h14_round_small_forms() -> None:
    assert values("He will seek to move past days of turmoil.", dt.date(2016, 6, 9)) == {}
    assert values("Prices rose in past years.", dt.date(2016, 6, 9)) == {"past years": "PAST_REF"}
    assert values("The article ran on 4-29-2010.", dt.date(2010, 4, 27)) == \
        {"4-29-2010": "2010-04-29"}
    assert values("Call 555-12-2010 now.", dt.date(2010, 4, 27)) == {"now": "PRESENT_REF"}
    assert values("In previous centuries, plagues filled the pews.", dt.date(2009, 5, 3)) == \
        {"previous centuries": "PAST_REF"}


def test_vague_spans_halves_of_decades_and_counts_in_thousands() -> None:
    d = dt.date(2009, 6, 11)
    assert values("Stay alert for the next year or two or even beyond.", d) == \
        {"the next year": "P1Y"}
    assert values("He earned more than in the previous year and a half.", d) == \
        {"the previous year and a half": "P1Y6M"}
    assert values("It took a decade and a half.", d) == {"a decade and a half": "P15Y"}
    assert values("In the next year, prices rose.", d) == {"the next year": "2010"}
    assert values("They searched the 10s of 1000s of people.", d) == {}
    assert values("Prices rose in the 2000s.", d) == {"the 2000s": "200"}


def test_the_next_day_with_no_day_named_in_a_past_narrative() -> None:
    d = dt.date(2011, 2, 13)
    assert values("An official said he wouldn't, and then the next day he did.", d) == \
        {"the next day": "XXXX-XX-XX"}
    assert values("The attack began Tuesday. The next day he fled.", d)["The next day"] == \
        "2011-02-09"
    assert values("He will arrive and the next day he will speak.", d) == \
        {"the next day": "2011-02-14"}


def test_a_call_or_a_chance_in_the_present_looks_ahead() -> None:
    assert values("Opposition groups are calling for mass protests on Saturday.",
                  dt.date(2011, 1, 31)) == {"Saturday": "2011-02-05"}
    assert values("I think we stand an excellent chance to win it on Tuesday.",
                  dt.date(2016, 6, 3)) == {"Tuesday": "2016-06-07"}
    assert values("Rubio is facing the prospect of a loss in his own state on Tuesday.",
                  dt.date(2016, 3, 12)) == {"Tuesday": "2016-03-15"}
    assert values("Aides have been pressing for a role at the convention in July.",
                  dt.date(2016, 6, 1)) == {"July": "2016-07"}
    # a call told in the past keeps the past reading
    assert values("Groups called for protests on Saturday.", dt.date(2011, 1, 31)) == \
        {"Saturday": "2011-01-29"}


def test_h15_round() -> None:
    assert values("Tremors struck in 1860, 1761 and 1618.", dt.date(2010, 1, 13)) == \
        {"1860": "1860", "1761": "1761", "1618": "1618"}
    assert values("As a July NATO summit meeting in Warsaw approaches, Germany is rearming.",
                  dt.date(2016, 6, 7)) == {"July": "2016-07"}
    assert values("Something hit me, which remains with me to this day.",
                  dt.date(2010, 1, 30)) == {"this day": "PRESENT_REF"}
    assert values("It has led us to this day of reckoning.", dt.date(2008, 12, 18)) == {}
    v = values("The curfew runs from 4 p.m. to 8 a.m.", dt.date(2011, 1, 29))
    assert v == {"4 p.m.": "2011-01-29T16:00", "8 a.m.": "2011-01-30T08:00"}
    # a span that names its start's day, or "between ... and", runs past midnight too
    v = values("It happened between 10 p.m. Saturday and 1 a.m.", dt.date(2010, 1, 20))
    assert v == {"10 p.m. Saturday": "2010-01-16T22:00", "1 a.m.": "2010-01-17T01:00"}
    # the day after a span's end is its start's day too (the day before, past midnight)
    v = values("Between 2am and 3am on 27 May, aides met.", dt.date(2010, 11, 10))
    assert v == {"2am": "2010-05-27T02:00", "3am": "2010-05-27T03:00", "27 May": "2010-05-27"}
    v = values("Power will be off from 11 p.m. to 2 a.m. on Friday.", dt.date(2010, 1, 20))
    assert v == {"11 p.m.": "2010-01-21T23:00", "2 a.m.": "2010-01-22T02:00",
                 "Friday": "2010-01-22"}
    # but not two times that a plain "and" lists
    v = values("It began at 9 a.m. and 5 p.m. Monday brought news.", dt.date(2010, 1, 20))
    assert v == {"9 a.m.": "2010-01-20T09:00", "5 p.m. Monday": "2010-01-18T17:00"}
    # a past event "a year later" is not after the publication date
    v = values("When he flew to Boise for a speech last winter, he met her. A year later, "
               "he called her.", dt.date(2016, 1, 20))
    assert v["A year later"] == "XXXX"
    assert values("A year later, he will return.", dt.date(2016, 1, 20)) == \
        {"A year later": "2017"}


def test_month_year_before_following_and_a_suggested_plan() -> None:
    assert values("Ferguson erupted in protests in August 2014 following the death of a "
                  "teenager.", dt.date(2016, 5, 19)) == {"August 2014": "2014-08"}
    assert values("The statement suggested they try to unite for the fight against her in "
                  "the fall.", dt.date(2016, 5, 12)) == {"the fall": "2016-FA"}


def test_the_nth_weekday_of_a_month() -> None:
    assert values("On the last Sunday in January, a few hundred people filled a ballroom.",
                  dt.date(2011, 2, 7)) == {"the last Sunday in January": "2011-01-30"}
    assert values("The vote is on the second Tuesday of March 2010.", dt.date(2011, 2, 7)) == \
        {"the second Tuesday of March 2010": "2010-03-09"}


def test_a_sentence_opening_with_a_month_frames_a_past_narrative() -> None:
    d = dt.date(2016, 9, 6)
    assert values("In October, Mrs. Clinton proposed a no-fly zone.", d) == {"October": "2015-10"}
    assert values("In October, she will propose it.", d) == {"October": "2016-10"}
    assert values("The plan, in October, was approved.", d) == {"October": "2016-10"}


def test_a_bare_early_clock_hour_is_in_the_afternoon() -> None:
    d = dt.date(2011, 2, 11)
    assert values("President Obama will no longer be speaking at 1:30.", d) == \
        {"1:30": "2011-02-11T13:30"}
    assert values("The blast came at 4:30 a.m.", d) == {"4:30 a.m.": "2011-02-11T04:30"}
    assert values("The plane landed at 04:30 GMT.", d) == {"04:30 GMT": "2011-02-11T04:30"}


def test_the_start_of_a_span_of_wire_clock_times() -> None:
    v = values("The show is broadcast from 0910 to 0930 local time (1410 to 1430 GMT).",
               dt.date(2010, 1, 23))
    assert set(v) == {"0910", "0930 local time", "1410", "1430 GMT"}
    assert values("He sold 1200 to 1500 shares.", dt.date(2010, 1, 23)) == {}


def test_h16_round_years() -> None:
    d = dt.date(2016, 2, 9)
    assert values("Think of Jimmy Carter in Iowa 1976 and John McCain in New Hampshire 2000.",
                  d) == {"1976": "1976", "2000": "2000"}
    assert values("It was a response to the Wall Street collapse of 2008-9.", d) == \
        {"2008": "2008", "9": "2009"}
    assert values('He wrote "Egypt on the Brink" (Yale University Press, 2011).', d) == \
        {"2011": "2011"}
    assert values("They sent in 2000 troops.", d) == {}


def test_this_month_day_and_wouldnt() -> None:
    assert values("In this July 31 file photo, a boat motors through an oil sheen.",
                  dt.date(2011, 1, 24)) == {"July 31": "2010-07-31"}
    assert values("He will come this July.", dt.date(2011, 1, 24)) == {"this July": "2011-07"}
    assert values("He announced that he wouldn't run in September.", dt.date(2011, 2, 1)) == \
        {"September": "2011-09"}


def test_the_rest_of_the_year_a_past_story_stated() -> None:
    d = dt.date(2009, 4, 27)
    assert values("In March 2003 the index fell. It rallied during the rest of the year.",
                  d)["the rest of the year"] == "2003"
    assert values("Profits fell for the year.", d) == {"the year": "2009"}


def test_a_clock_time_of_a_weekly_schedule() -> None:
    d = dt.date(2010, 1, 22)
    assert values("It airs at 10:40 every Saturday.", d) == \
        {"10:40": "XXXX-WXX-6T10:40", "every Saturday": "XXXX-WXX-6"}
    assert values("It airs at 10:40 on Saturdays.", d)["10:40"] == "XXXX-WXX-6T10:40"


def test_a_range_of_counts_before_ago_is_one_date() -> None:
    d = dt.date(2016, 7, 16)
    assert values("He approached Corker three or four months ago.", d) == \
        {"three or four months ago": "2016-04"}
    assert values("It would have been drafted six to eight weeks ago.", d) == \
        {"six to eight weeks ago": "2016-W22"}


def test_h17_round() -> None:
    assert values("I had to spend the weekend figuring it out.", dt.date(2016, 5, 4)) == \
        {"the weekend": "2016-W17-WE"}
    assert values("The downturn lasts well into 2010.", dt.date(2009, 2, 24)) == {"2010": "2010"}
    assert values("He said this H1 swine flu virus is worse than H5.", dt.date(2009, 4, 25)) == {}
    assert values("Profits rose in H1.", dt.date(2016, 5, 4)) == {"H1": "2016-H1"}


def test_a_plan_told_in_the_past_that_runs_until_a_weekday() -> None:
    d = dt.date(2011, 2, 13)
    assert values("State television announced banks would be shut down until Wednesday.",
                  d) == {"Wednesday": "2011-02-16"}
    assert values("Banks were shut until Wednesday.", d) == {"Wednesday": "2011-02-09"}


def test_h23_round() -> None:
    # a schedule told in the past is the day gone by, one told in the present the day ahead
    d = dt.date(2016, 2, 10)  # a Wednesday
    assert values("He was scheduled to leave New Hampshire late Tuesday.", d) == \
        {"late Tuesday": "2016-02-09"}
    assert values("He is scheduled to leave New Hampshire late Tuesday.", d) == \
        {"late Tuesday": "2016-02-16"}
    # told on a weekday, the coming weekend is this week's
    assert values("Aides went to Phoenix for the coming weekend.", dt.date(2016, 6, 14)) == \
        {"the coming weekend": "2016-W24-WE"}
    # both ends of a span of days across two months, and of one with spaced hyphens
    assert values("The poll was conducted from March 30-April 4.", dt.date(2016, 4, 6)) == \
        {"March 30": "2016-03-30", "April 4": "2016-04-04"}
    assert values("Wall Street: Sept. 15 - 19, 2008.", dt.date(2008, 9, 20)) == \
        {"Sept. 15": "2008-09-15", "19, 2008": "2008-09-19"}
    # a fall after "a" is a drop (but "a fall 2010 launch" keeps its season)
    assert values("It sent shares down in a late fall on Wall Street.", dt.date(2010, 6, 10)) == {}
    assert values("A fall 2010 launch is planned.", dt.date(2010, 1, 31)) == \
        {"fall 2010": "2010-FA"}
    assert values("Lines may be cut in the coming hours.", dt.date(2011, 1, 31)) == \
        {"coming hours": "FUTURE_REF"}


def test_h24_round() -> None:
    d = dt.date(2016, 5, 9)
    # a year that opens a sentence before a past verb (edited news spells out counts there)
    assert values("2016 taught voters a hard lesson.", d) == {"2016": "2016"}
    assert values("2000 died in the flood.", d) == {}
    # a name after an adjectival year; a demonym after it is counted
    assert values("It is the 2004 Massachusetts Clean Water Act.", d) == {"2004": "2004"}
    assert values("The 2000 Americans left.", d) == {}
    assert values("The 2000 Marines left.", d) == {}
    # a day and its year with no space after the comma; a holiday and its year
    assert values("He served from Mar 3,2001 to Dec 31,2005.", dt.date(2010, 9, 28)) == \
        {"Mar 3,2001": "2001-03-03", "Dec 31,2005": "2005-12-31"}
    assert values("It struck on Boxing Day, 2004.", dt.date(2010, 1, 14)) == \
        {"Boxing Day, 2004": "2004-12-26"}
    # toward a month looks ahead; a change is measured from a month gone by
    assert values("She is marching toward November.", dt.date(2016, 3, 9)) == \
        {"November": "2016-11"}
    assert values("Support is up from November.", dt.date(2016, 1, 19)) == \
        {"November": "2015-11"}
    assert values("The law applies from November.", dt.date(2016, 1, 19)) == \
        {"November": "2016-11"}
    assert values("You can do that every single day from now.", dt.date(2015, 11, 9)) == \
        {"every single day": "P1D", "now": "PRESENT_REF"}


def test_h25_round() -> None:
    assert values("The governor sued on Monday. The agency answered that same day.",
                  dt.date(2016, 5, 14)) == {"Monday": "2016-05-09", "that same day": "2016-05-09"}
    # a total reached by the end of a month told in the past is this year's
    assert values("The fund had shrunk to $2 million by the end of March.",
                  dt.date(2016, 5, 5)) == {"the end of March": "2016-03"}
    assert values("He will repay the loan by the end of March.", dt.date(2016, 5, 5)) == \
        {"the end of March": "2017-03"}
    # a decade without its century is the last one before the dct, any apostrophe
    assert values("Germany in the \u201820s was poor.", dt.date(2016, 6, 23)) == \
        {"the \u201820s": "192"}
    assert values("Germany in the \u201820s was poor.", dt.date(1998, 6, 23)) == \
        {"the \u201820s": "192"}
    assert values("He left a couple weeks back.", dt.date(2010, 6, 15)) == \
        {"a couple weeks back": "2010-W22"}
    assert values("It ran (January 2009-January 2011).", dt.date(2012, 1, 1)) == \
        {"January 2009": "2009-01", "January 2011": "2011-01"}
    # a forecast looks ahead, but not across a semicolon
    d = dt.date(2010, 7, 23)  # a Friday
    assert values("The storm is forecast to hit the coast on Sunday.", d) == \
        {"Sunday": "2010-07-25"}
    assert values("He declared an emergency Thursday; the storm is forecast to hit on Sunday.",
                  d) == {"Thursday": "2010-07-22", "Sunday": "2010-07-25"}
    assert values("He was not hopeful about the looming showdown in July.",
                  dt.date(2016, 4, 17)) == {"July": "2016-07"}


def test_h26_round() -> None:
    assert values("Monday's decision will reverberate down the ballot.",
                  dt.date(2016, 6, 28)) == {"Monday": "2016-06-27"}
    assert values("It grew after half said so in December.", dt.date(2016, 2, 18)) == \
        {"December": "2015-12"}
    assert values("He did not mention leaving before his term ends in September.",
                  dt.date(2011, 2, 11)) == {"September": "2011-09"}
    assert values("They spoke in the past tense.", dt.date(2011, 2, 11)) == {}
    assert values("It gained credence in many quarters.", dt.date(2011, 2, 11)) == {}
    assert values("Profits fell for the past several quarters.", dt.date(2011, 2, 11)) != {}
    assert values("He spoke on Labor Day of 1936.", dt.date(2008, 10, 16)) == \
        {"Labor Day of 1936": "1936-09-07"}


def test_h27_round() -> None:
    d = dt.date(2016, 7, 18)
    assert values("Many companies funded the convention in years past.", d) == \
        {"years past": "PAST_REF"}
    assert values("She met him, as in previous years.", d) == {"previous years": "PAST_REF"}
    assert values("The firm conducted its poll March 17-20 via phone.", dt.date(2016, 3, 24)) \
        == {"March 17": "2016-03-17", "20": "2016-03-20"}
    assert values("It was in its most recent 2009 report.", dt.date(2011, 1, 30)) == \
        {"2009": "2009"}


def test_h28_round() -> None:
    assert values("They are safe after Tuesday's 7.0-magnitude earthquake.",
                  dt.date(2010, 1, 18)) == {"Tuesday": "2010-01-12"}
    assert values("The results of Tuesday's primaries will force him out.",
                  dt.date(2016, 4, 28)) == {"Tuesday": "2016-04-26"}
    assert values("Tuesday's big vote will decide it.", dt.date(2016, 4, 28)) == \
        {"Tuesday": "2016-05-03"}
    assert values("A donor attacked 2016 GOP frontrunner Donald Trump.",
                  dt.date(2016, 1, 1)) == {"2016": "2016"}


def test_a_live_pages_bare_stamps_and_a_chronologys_years() -> None:
    page = ("As it happened: the quake, 13 Jan\n2358 The UN chief has given an update.\n"
            "2349 A reporter spoke to Haitians in Brooklyn.\n2310 Rescue teams arrive.\n")
    got = values(page, dt.date(2010, 1, 13))
    assert got["2358"] == "2010-01-13T23:58" and got["2310"] == "2010-01-13T23:10"
    chronology = "Timeline:\n1998 The first talks begin.\n2001 The towers fall.\n2003 Iraq.\n"
    assert not any("T" in v for v in values(chronology, dt.date(2010, 1, 13)).values())


def test_h31_round() -> None:
    # the first of two months takes the year given after the second, also after "of"
    assert values("Passengers traveled in March and April of 2008.", dt.date(2009, 6, 30)) == \
        {"March": "2008-03", "April of 2008": "2008-04"}
    assert values("Sales fell in March and in April of 2008.", dt.date(2009, 6, 30))["March"] \
        == "2008-03"


def test_h31_tense_and_narrative_shapes() -> None:
    # the "will" of a that-clause does not send the main clause's weekday forward
    assert values("Saleh said after protests Wednesday that he will not seek re-election.",
                  dt.date(2011, 2, 3)) == {"Wednesday": "2011-02-02"}
    assert values("Mubarak's announcement Tuesday that he will step down was not enough.",
                  dt.date(2011, 2, 2)) == {"Tuesday": "2011-02-01"}
    # ... but a relative clause with no subject of its own is the weekday's own
    assert values("The summit on Friday that will decide the matter is key.",
                  dt.date(2011, 2, 2)) == {"Friday": "2011-02-04"}
    # an order looks ahead
    assert values("Dear Egyptians, go back to your work on Sunday.", dt.date(2011, 2, 11)) == \
        {"Sunday": "2011-02-13"}
    assert values("He went back to work on Sunday.", dt.date(2011, 2, 11)) == \
        {"Sunday": "2011-02-06"}
    # a participle after a verb of staying: the verb's tense counts
    assert values("The school is also due to remain closed until Thursday.",
                  dt.date(2009, 6, 23)) == {"Thursday": "2009-06-25"}
    assert values("The school will stay shut until Friday.", dt.date(2009, 6, 23)) == \
        {"Friday": "2009-06-26"}
    assert values("The school remained closed until Thursday.", dt.date(2009, 6, 23)) == \
        {"Thursday": "2009-06-18"}
    # a month named again after it was stated with an older year keeps that year ...
    assert values("The group met on an April day in 1998. At the April meeting, he spoke.",
                  dt.date(2008, 10, 15)) == {"April day in 1998": "1998-04", "April": "1998-04"}
    # ... but not in a year-on-year comparison
    assert values("Sales fell in April 2008. In April, they rose.", dt.date(2009, 5, 20)) == \
        {"April 2008": "2008-04", "April": "2009-04"}


def test_h32_round() -> None:
    # a verb that reports after a clause of its own gives the report's time, not the clause's
    assert values("Oil could gush into the Gulf until August, the administration warned today.",
                  dt.date(2010, 5, 30))["August"] == "2010-08"
    # ... but as the main verb after a fronted phrase it is the clause's tense
    assert values("In December, the rebels announced plans to free them.",
                  dt.date(2011, 2, 6)) == {"December": "2010-12"}
    # a past verb in an "after" clause is that clause's
    assert values("The firm expects a vaccine by the autumn after it produced a first batch.",
                  dt.date(2009, 6, 12)) == {"the autumn": "2009-FA"}
    # a holiday looked ahead to
    assert values("Some had expected it to be paid in time for Christmas.",
                  dt.date(2008, 12, 5)) == {"Christmas": "2008-12-25"}
    # adjectival years after "that" and after an intensified adjective
    assert values("That epochal 1944 conclave took three years to prepare.",
                  dt.date(2008, 11, 13))["1944"] == "1944"
    assert values("The far more serious 1918 pandemic killed millions.",
                  dt.date(2009, 5, 1)) == {"1918": "1918"}
    # a clock time after a diary entry's day is no year
    assert values("19 JANUARY, 1815 GMT, ENTERING HAITI Finally we are in Haiti.",
                  dt.date(2010, 1, 19)) == {"19 JANUARY": "2010-01-19",
                                            "1815 GMT": "2010-01-19T18:15"}
    assert values("Some have been waiting since the weekend.", dt.date(2010, 1, 19)) == \
        {"the weekend": "2010-W02-WE"}
    # "the 1800s" is a century; "the 1990s" and "the 2000s" are decades
    assert values("It dates to the 1800s, not the 1990s or the 2000s.", dt.date(2010, 5, 4)) \
        == {"the 1800s": "18", "the 1990s": "199", "the 2000s": "200"}


def test_round_h33_shapes() -> None:
    # TimeBank writes "past decade" P10Y, as counted decades are written; "post-1959" whole
    d = dt.date(2010, 7, 27)
    assert values("Donations to the museum doubled over the past decade.", d) == \
        {"the past decade": "P10Y"}
    assert values("The party suffered a post-2006 drubbing.", d) == {"post-2006": "2006"}
    assert values("The pre-1990 rules were tougher.", d) == {"pre-1990": "1990"}
    assert values("The 2000 troops left.", d) == {}
    assert values("He made his fortune in the 80's.", d) == {"the 80's": "198"}
    # a publication, not a frequency; a noun before "daily" leaves it a frequency
    assert values("The tycoon also owns a free daily in Lisbon.", d) == {}
    assert values("The national daily reported the deal.", d) == {}
    assert values("Oil leaks into the sea daily.", d) == {"daily": "P1D"}


def test_round_h33_leftover_shapes() -> None:
    d = dt.date(2011, 6, 15)
    assert values("The firm has been losing money for 7+ years.", d) == {"7+ years": "P7Y"}
    assert values("Shares fell to a 14-year-low on Tuesday.", d) == \
        {"14-year": "P14Y", "Tuesday": "2011-06-14"}
    assert values("He ran a two-year-long campaign.", d) == {"two-year-long": "P2Y"}
    assert values("Profit rose in 1Q 2011, after 4Q FY10.", d) == \
        {"1Q 2011": "2011-Q1", "4Q FY10": "2010-Q4"}
    assert values("Sales were up 5% compared with March.", d) == {"March": "2011-03"}
    assert values("He met with March and her lawyer.", d) == {}
    # a doubled quote mark opens a quote; a glued apostrophe still refuses the word
    assert values("He said ''Tuesday was a bad day.''", d) == {"Tuesday": "2011-06-14"}
    assert values("It will be 2015 before the plant opens.", d) == {"2015": "2015"}
    assert values("A memo dated 2008 was found.", d) == {"2008": "2008"}
    assert values("The score was 2000 points.", d) == {}


def test_seasons_ahead_and_seasons_in_names() -> None:
    d = dt.date(2009, 4, 29)
    # what runs on into a season, or a forecast for it, lies ahead whatever the clause's tense
    assert values("The so called government is not planning one until the autumn.", d) == \
        {"the autumn": "2009-FA"}
    assert values("Immunity to an outbreak predicted for the autumn can be built up.", d) == \
        {"the autumn": "2009-FA"}
    assert values("The bank said it expected to stay open in the autumn.", d) == \
        {"the autumn": "2009-FA"}
    assert values("The bank collapsed in the autumn.", d) == {"the autumn": "2008-FA"}
    # a capitalized season before a place's noun is a name
    assert values("The car plunged into the Spring River.", d) == {}


def test_round_h36_shapes() -> None:
    # a group named for its day, a newspaper named "Daily ..."
    assert values("The April 6 Movement, started in 2008, called it.", dt.date(2011, 1, 27)) \
        == {"2008": "2008"}
    assert values("Daily News editor Josh Greenman told them.", dt.date(2016, 8, 29)) == {}
    assert values("The paper appears daily.", dt.date(2016, 8, 29)) == {"daily": "P1D"}
    # "later Monday" told on Tuesday is the day of writing, not next week
    assert values("He may face a skeptical audience when he speaks later Monday.",
                  dt.date(2016, 3, 22)) == {"Monday": "2016-03-21"}
    assert values("He will speak later Friday.", dt.date(2016, 3, 22)) == \
        {"Friday": "2016-03-25"}
    # a part of the day before the weekday
    assert values("It was replaced at mid-morning Thursday.", dt.date(2016, 5, 13)) == \
        {"mid-morning Thursday": "2016-05-12TMO"}
    # a daily programme's hours, and the same hours in another zone, have no one day
    assert values("It is a daily show, broadcast from 0910 to 0930 local time (1410 to 1430 "
                  "GMT).", dt.date(2010, 1, 23)) == {
        "0910": "XXXX-XX-XXT09:10", "0930 local time": "XXXX-XX-XXT09:30",
        "1410": "XXXX-XX-XXT14:10", "1430 GMT": "XXXX-XX-XXT14:30"}
    assert values("The daily meeting at 9 a.m. on Friday was cancelled.",
                  dt.date(2010, 1, 23)) == {"9 a.m.": "2010-01-22T09:00", "Friday": "2010-01-22"}


def test_that_day_points_back_past_a_background_year() -> None:
    text = ("Harmony gave $10,000 on June 27, 2014. The company was founded in 2010. The "
            "donation was one of six made that same day.")
    assert values(text, dt.date(2016, 8, 24))["that same day"] == "2014-06-27"
    # with no day named before, the dct stays the fallback
    assert values("The vote came that same day.", dt.date(2016, 8, 24)) == \
        {"that same day": "2016-08-24"}


def test_round_h34_shapes() -> None:
    d = dt.date(2016, 4, 15)
    assert values("The end of 2015 leaves the Democratic race open.", d) == \
        {"The end of 2015": "2015"}
    assert values("It led to the massive 2010 Gulf oil spill.", d) == {"2010": "2010"}
    assert values("A record 2000 Democrats voted.", d) == {}
    assert values("It is likely that we will start 2010 in a clear recovery.", d) == \
        {"2010": "2010"}
    assert values("He outlines a structure for January 2013 trial.", d) == \
        {"January 2013": "2013-01"}
    assert values("It was a comeback after a rocky summer defined by losses.", d) == \
        {"summer": "2015-SU"}
    assert values("A massive winter storm hit Chicago.", d) == {}
    assert values("It was a hot spring day.", d) == {}
    # "at the moment of" names a moment; "at the moment" alone is the present
    assert values("We met at the moment of the crash.", d) == {}
    assert values("At the moment the rhetoric is aimed at BP.", d) == \
        {"At the moment": "PRESENT_REF"}
    assert values("It was the day before Thanksgiving in 2011.", d) == \
        {"Thanksgiving in 2011": "2011-11-24"}
    # a programme's title, not the time of day
    assert values("He spoke on WTMJ's 'Midday with Charlie Sykes'.", d) == {}
    assert values("They met at Noon.", d) == {"Noon": "2016-04-15T12:00"}
    assert values("(Update 7 p.m. Cairo, Noon ET)", d) == \
        {"7 p.m.": "2016-04-15T19:00", "Noon ET": "2016-04-15T12:00"}


def test_round_h35_shapes() -> None:
    # two stamps in a row: each clock time is on the day before it
    assert values("MORE Feb 10, 2011 7:59 AM ET Feb 9, 2011 12:28 PM ET",
                  dt.date(2011, 2, 11)) == {
        "Feb 10, 2011": "2011-02-10", "7:59 AM ET": "2011-02-10T07:59",
        "Feb 9, 2011": "2011-02-09", "12:28 PM ET": "2011-02-09T12:28"}
    assert values("The offer ends at 7:59 AM ET Feb 9, 2011.", dt.date(2011, 2, 1)) == \
        {"7:59 AM ET Feb 9, 2011": "2011-02-09T07:59"}
    d = dt.date(2016, 3, 4)
    assert values("Trump's Super Tuesday wins stunned China.", d) == \
        {"Super Tuesday": "2016-03-01"}
    assert values("It was Bloody Sunday.", d) == {}
    # "the last day" that a clause names is no span of time
    assert values("I cannot remember the last day I took off.", d) == {}
    assert values("Sales rose in the last day.", d) == {"the last day": "P1D"}
    assert values("The past year we struggled.", d) == {"The past year": "P1Y"}
