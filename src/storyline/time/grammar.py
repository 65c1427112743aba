"""The recognizer: a regex grammar that finds time expressions and names their parts.

Each rule is a named regular expression whose named groups carry the pieces the normalizer
needs (``month``, ``day``, ``year``, ``rel``, ``unit``, ...).  A rule may name a group ``core``:
the expression's extent is then that group only, so a rule can match its left context (a
preposition) without putting it into the span.  Context checks that a regex cannot express
cleanly (is "March" a month here? is "2000" a year?) live in :func:`_accept`.

All rules run over the whole text; overlapping matches are settled by keeping the longest
(then the rule listed first).  The recognizer knows nothing about dates: it never computes a
value, which is the normalizer's job (:mod:`storyline.time.normalize`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from storyline.time.lexicon import (
    AFTER_YEAR_OK,
    COMPANY_SUFFIXES,
    DECADE_WORDS,
    MONTH_ABBREVIATIONS,
    MONTH_CONTEXT,
    MONTHS,
    NAME_GUARD_OK_BEFORE,
    NUMBER_WORDS,
    ORDINALS,
    PAST_WORDS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAY_NAME_MODIFIERS,
    WEEKDAYS,
    YEAR_CONTEXT,
    YEAR_COUNTED,
    YEAR_EVENT_NAMES,
)


@dataclass(frozen=True)
class Candidate:
    """A stretch of text that a grammar rule recognized, with the rule's named parts."""

    start: int
    end: int
    rule: str
    parts: Mapping[str, str]

    def get(self, name: str) -> str | None:
        return self.parts.get(name)


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first, spaces matching any whitespace."""
    items = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


_MONTH_FULL = _alt(list(MONTHS) + [m.upper() for m in MONTHS])
_MONTH_ANY = rf"(?:{_MONTH_FULL}|(?:{_alt(MONTH_ABBREVIATIONS)})\.?)"
_WEEKDAY = _alt(list(WEEKDAYS) + [w.upper() for w in WEEKDAYS])
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
_NUMWORD = _alt(NUMBER_WORDS)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_NUM = (rf"(?:\d+(?:[.,]\d+|\s+1/2|½)?|(?:{_TENS})[-\s](?:{_ONES})|{_alt(VAGUE_NUMBERS)}|{_NUMWORD})")
_UNIT = _alt(UNITS).replace("century", "centur(?:y|ie)")
_PREMOD = r"(?:early|late|mid|the\s+(?:end|start|beginning|middle|rest|remainder)\s+of)"
_POD = r"(?:morning|afternoon|evening|night)"
_TZ = r"(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|ET|CT|PT|MT|BST|CET|CEST|MSK|Moscow\s+time|local\s+time)"
#: after a year: no more digits, and no time zone (then the number is a clock: "19 JANUARY,
#: 1815 GMT")
_NOT_CLOCK = rf"(?!\d|\s*(?i:{_TZ})\b)"
_DAYHALF = r"(?i:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)(?![\w-])"
_ORD = rf"(?:{_alt(ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))"
#: between two days of one month: "23 and 24", "23-24", "3 to 6"
_DAY_JOIN = r"(?:\s+(?:and|or|to|through)\s+|\s?[-–]\s?)"
#: what may not follow a year that ends a span of years ("2014-2016", "1998-99")
_YEAR_SPAN_END = r"(?![\w-]|[.,]\d|\s*%)"
#: the month (and year) that ends a day-first span of days: no day number after the month
#: ("won 3-1 May 5"), no verb after "May" ("5-10 May be low")
_DMY_SPAN_END = (rf"(?!\w)(?:,?\s+(?P<year>{_YEAR4})(?!\d)|(?!\s*\d))"
                 r"(?!(?<=May)\s+(?!(?:in|at|on|and|or|to|the|of|for|with|when|was|were|is|are|will)\b)[a-z])")
#: between the two counts of a range: "two to three weeks", "six-to-eight", "6-8 weeks"
_RANGE_JOIN = r"(?:\s+(?:to|or)\s+|-to-|(?<=\d)[-–](?=\d))"
#: a vote after the date that names it ("the November election", "the Nov. 8 presidential
#: election", "whose Feb. 9 primary"), or a party's nominating convention ("the July
#: convention", "the July confab"): the coming one whatever the tense
_POLL = (r"(?:(?:general|presidential|congressional|midterm|parliamentary|national|special|"
         r"primary|state|nominating|party)\s+)?(?:elections?|referendum|ballot|runoff|primary|"
         r"primaries|caucus(?:es)?|conventions?|confab)\b")
_B = r"(?<![\w’-])(?<![\w’]')"  # left word boundary that also refuses "-" and a glued apostrophe (not ''Tuesday)
_E = r"(?![\w’-])(?!'\w)"  # right word boundary likewise

#: A clock time that opens a line before a capitalized word: a live page's stamp.
_LINE_STAMP = (r"(?m)^[ \t]*(?P<hour>[01]\d|2[0-3]):?(?P<minute>[0-5]\d)"
               r"(?=[ \t]+[A-Z\"“‘'(])")

#: The grammar: (rule name, pattern).  Order breaks ties between matches of equal length.
#: Nouns of an outcome that has happened, after a day's possessive ("Tuesday's victory",
#: "Friday's deadly attack"); "Tuesday's vote" or "debate" may still be ahead.
_OUTCOMES = (r"(?:victory|victories|win|wins|loss|losses|defeat|triumph|upset|results?|"
             r"attacks?|shootings?|bombings?|blasts?|explosions?|crash|massacre|quake|"
             r"earthquake|verdict|ruling|decisions?|announcement|remarks|comments|killings?)")

RULES: Final[tuple[tuple[str, str], ...]] = (
    ("iso", r"(?<![\w./-])(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)"
            r"(?:[T\s](?P<hour>[0-2]\d):(?P<minute>[0-5]\d)(?::[0-5]\d)?)?(?![\w-]|:\d)"),
    ("slash", r"(?<![\w./-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\w/-])"
              # or with hyphens and a full year: "4-29-2010"
              r"|(?<![\w./-])(?P<ha>\d{1,2})-(?P<hb>\d{1,2})-(?P<hyear>(?:19|20)\d\d)(?![\w/-]|-\d)"),
    # military / wire clock times, "at 1100 hours", "0600 GMT" (before "duration": same extent)
    ("clock_mil", rf"(?<![\w.:,$€£-])(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)(?:\s+"
                  rf"(?P<tz>{_TZ}|(?i:hours|hrs))(?!\w)"
                  # or a local time with its conversion: "at 1653 (2153 GMT)"
                  rf"|(?=\s+\((?:[01]\d|2[0-3])[0-5]\d\s+{_TZ}\))"
                  # or the start of a span whose end has the zone: "1410 to 1430 GMT"
                  rf"|(?=\s*(?:to|-|–)\s*(?:[01]\d|2[0-3])[0-5]\d\s+(?:{_TZ}|(?i:local\s+time))\b)"
                  r"(?P<span>))"),
    # a live page's stamp that opens a line: "2346 A survivor says ...", "23:46 Rescuers ..."
    # (only on a page where such stamps open several lines: see _live_page)
    ("clock_stamp", _LINE_STAMP),
    ("mdy", rf"(?:{_B}|(?<=\d[-–]))(?:(?:(?i:last|this\s+past|next|this\s+coming)\s+)?(?:{_WEEKDAY}),?\s+)?"
            # (a day glued to an abbreviation's period, "Sept.11, 2001", needs its year)
            rf"(?P<month>{_MONTH_ANY})(?:\s+|(?<=\.)(?=\d{{1,2}},\s*{_YEAR4}(?!\d)))"
            rf"(?P<day>{_DAY})(?:st|nd|rd|th)?(?!\d|:\d)(?:(?:,\s*|\s+)(?P<year>{_YEAR4})(?!\d))?"
            # the first of two days takes their year: "Jan. 5-7, 2021", "June 23 and 24, 1998"
            rf"(?:(?={_DAY_JOIN}{_DAY}(?:st|nd|rd|th)?,?\s+"
            rf"(?P<range_year>{_YEAR4})(?!\d)))?"
            # what names an event of its own: "the Sept. 11 attacks", "Sept. 11 victims"
            r"(?:(?=,?\s+(?:attacks?|terror\w*|hijack\w*|[Cc]ommission|conspiracy|victims|"
            r"families|[Mm]useum|era)\b)(?P<event>))?"
            # a vote named by its day: "the Nov. 8 election", "whose Feb. 9 primary"
            rf"(?:(?=\s+(?:[A-Z][\w.]*\s+){{0,2}}{_POLL})(?P<poll>))?"),
    ("mdy_and", rf"{_B}(?P<month>{_MONTH_ANY})\s+{_DAY}(?:st|nd|rd|th)?{_DAY_JOIN}"
                rf"(?P<core>(?P<day>{_DAY})(?:st|nd|rd|th)?(?![\w%]|[:.,]\d|\s*%|\s+(?i:percent|per)\b)"
                r"(?!\s+(?!(?:in|at|on|of|by|for|with|when|while|after|before|during|was|"
                r"were|is|are|will|would|and|or|as|respectively|this|next|last|among|across|from|"
                r"to|with|via|through|but|that|which|where|amid|despite|against|because)\b)[a-z])"
                rf"(?:,?\s+(?P<year>{_YEAR4})(?!\d))?)"),
    # "the last Sunday in January", "the second Tuesday of March 2010"
    ("nth_weekday", rf"{_B}(?i:the\s+(?P<ordinal>first|second|third|fourth|last|final)\s+)"
                    rf"(?P<weekday>{_WEEKDAY})\s+(?i:in|of)\s+(?P<month>{_MONTH_FULL})"
                    rf"(?:,?\s+(?P<year>{_YEAR4})(?!\d))?{_E}"),
    ("week_in_month", rf"{_B}(?i:the\s+(?P<ordinal>first|second|third|fourth|last|final)\s+"
                      rf"week\s+of)\s+(?P<month>{_MONTH_FULL})(?:,?\s+(?P<year>{_YEAR4})(?!\d))?"
                      rf"{_E}"),
    ("week_of", rf"{_B}(?i:the\s+week\s+of)\s+(?P<month>{_MONTH_ANY})\s+(?P<day>{_DAY})"
                rf"(?:st|nd|rd|th)?(?![\d:])(?:,?\s+(?P<year>{_YEAR4})(?!\d))?"),
    ("dmy", rf"{_B}(?:(?:{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{_DAY})(?:st|nd|rd|th)?\s+"
            rf"(?:of\s+)?(?P<month>{_MONTH_ANY})(?!\w)"
            # (not a clock time after the day: "19 JANUARY, 1815 GMT")
            rf"(?:,?\s+(?P<year>{_YEAR4}){_NOT_CLOCK})?"),
    # day-first spans of days: "18-19 May 2010" is "18" (the first day, taking the month
    # and year of the second) and "19 May 2010"
    ("dmy_first", rf"{_B}(?P<day>{_DAY})(?:st|nd|rd|th)?(?={_DAY_JOIN}{_DAY}(?:st|nd|rd|th)?\s+"
                  rf"(?:of\s+)?(?P<month>{_MONTH_ANY}){_DMY_SPAN_END})"),
    ("dmy_second", rf"(?<=\d[-–])(?P<day>{_DAY})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                   rf"(?P<month>{_MONTH_ANY}){_DMY_SPAN_END}"),
    ("dmy_word", rf"{_B}(?i:the)\s+(?P<day>(?i:{_alt(ORDINALS)}))\s+of\s+(?P<month>{_MONTH_ANY})"
            rf"(?!\w)(?:,?\s+(?P<year>{_YEAR4})(?!\d))?"),
    # a month of the year the narrative named: "his term ends in June of that year"
    ("month_that_year", rf"{_B}(?:(?P<mod>(?i:{_PREMOD}))[-\s]+)?(?P<month>{_MONTH_FULL})\s+"
                        r"(?i:of\s+(?:that|the\s+same)\s+year)(?![\w'’-])"),
    ("month_year", rf"(?:{_B}|(?<=\d[-–]))(?:(?P<mod>(?i:{_PREMOD}))[-\s]+)?(?P<month>{_MONTH_ANY}),?\s+"
                   # "an April day in 1998", "a June morning of 1944"
                   r"(?:of\s+|(?i:day|morning|afternoon|evening|night|weekend)\s+(?:in|of)\s+)?"
                   rf"(?P<year>{_YEAR4}){_NOT_CLOCK}"),
    ("holiday", r"(?<![\w'’-])(?:(?P<rel>(?i:last|next|this))\s+)?(?P<holiday>Christmas(?:\s+"
                r"(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))?|Black\s+Friday|"
                r"Thanksgiving(?:\s+Day)?|Halloween|Valentine['’]s\s+Day|Easter(?:\s+(?:Sunday|"
                r"Monday|[Ww]eek))?|Holy\s+Week|Boxing\s+Day|Labou?r\s+Day|Memorial\s+Day|Independence\s+Day|"
                r"(?:the\s+)?Fourth\s+of\s+July|July\s+Fourth|Veterans\s+Day|"
                r"Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day|Presidents['’]?\s+Day|May\s+Day|"
                r"Columbus\s+Day)"
                rf"(?:(?:,?\s+|\s+(?:of|in)\s+)(?P<year>{_YEAR4}){_NOT_CLOCK})?{_E}"),
    ("weekday", rf"{_B}(?:(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|coming|past|the\s+(?:previous|preceding|"
                rf"following)))\s+|(?P<mod>(?i:early|late))"
                # the primaries' day (TimeML tags named days): "Super Tuesday"
                rf"\s+|(?P<super>Super\s+(?=Tuesday))|"
                # a part of the day before it: "at mid-morning Thursday"
                r"(?P<podpre>(?i:mid-?morning|mid-?afternoon))\s+)?"
                rf"(?P<weekday>{_WEEKDAY})(?P<plural>s)?(?![\w-])"
                rf"(?:\s+(?P<pod>(?i:{_POD}))(?P<pod_plural>s)?(?:{_E}|(?=['’]s\b)))?"
                # an outcome the day is named for has happened: "after Tuesday's victory"
                # (after a modifier or two: "Tuesday's 7.0-magnitude earthquake")
                rf"(?=['’]s\s+(?:[\w.-]*[a-z]\s+){{0,2}}(?P<outcome>{_OUTCOMES})\b)?"),
    # "that Sunday": the one of the narrative's week (not "said that Tuesday's vote")
    ("weekday_that", rf"{_B}(?i:that)\s+(?P<weekday>{_WEEKDAY})(?![\w'’-])"
                     rf"(?:\s+(?P<pod>(?i:{_POD})){_E})?"),
    ("month", rf"{_B}(?:(?P<rel>(?i:this\s+coming|this\s+past|last|next|this|coming|past))\s+|(?P<mod>(?i:{_PREMOD}))"
              rf"[-\s]+)?(?P<month>{_MONTH_FULL})(?:{_E}|(?=['’]s\b))"
              # a vote named by its month: "the November election", "a June referendum"
              rf"(?:(?=(?:['’]s)?\s+(?:[A-Z][\w.]*\s+){{0,2}}{_POLL})(?P<poll>))?"
              # the first of two months takes their year: "from September to December 2014",
              # "in March and (in) April of 2008"
              rf"(?:(?=\s*(?:(?i:to|through|until|till|and|or)\s+(?:(?i:in)\s+)?|[-–]\s*)"
              rf"(?P<range_month>{_MONTH_FULL}),?\s+(?:(?i:of)\s+)?"
              rf"(?P<range_year>{_YEAR4})(?!\d)))?"),
    ("year", rf"(?<![\w$€£.,/'’-])(?:(?P<mod>(?i:{_PREMOD}))[-\s]+|(?P<prepost>(?i:pre|post))-)?"
             rf"(?P<year>{_YEAR4})"
             r"(?![\w-]|[.,]\d|\s*%|\s*per\s*cent)"),
    # a span of years, "the 2014-2016 epidemic", "in 1998–99": each end is a year
    ("year_from", rf"(?<![\w$€£.,/'’-])(?P<year>{_YEAR4})"
                  rf"(?=[-–](?P<to>{_YEAR4}|\d\d?){_YEAR_SPAN_END})"),
    ("year_to", rf"(?<![\w$€£.,/'’-])(?P<first>{_YEAR4})[-–](?P<core>(?P<year>{_YEAR4}|\d\d?))"
                rf"{_YEAR_SPAN_END}"),
    ("spoken_year", rf"{_B}(?:(?P<month>{_MONTH_FULL})\s+)?(?P<century>(?i:nineteen|twenty))\s+"
                    rf"(?P<tens>(?i:{_TENS}))(?:[-\s](?P<ones>(?i:{_ONES})))?{_E}"),
    ("year_end", r"(?<![\w-])(?i:(?P<prep>by|since|at|until|till|before|from|around|after|"
                 r"through)\s+)(?P<core>(?i:year[-\s]end))(?![\w-])"),
    ("decade", r"(?<![\w-])(?i:(?P<the>the\s+)?(?:(?P<mod>early|late|mid)[-\s]+)?)"
               r"(?:(?P<century>1\d|20)(?P<decade>\d)0['’]?s|['’‘](?P<short>\d)0s)(?!\w)"),
    # "the 70s" without an apostrophe: only after "the", and only where no count is near
    ("decade_bare", r"(?<![\w-])(?i:the\s+(?:(?P<mod>early|late|mid)[-\s]+)?)(?P<short>[3-9])0['’]?s"
                    r"(?![\w'’-])"),
    # the second of two decades: "the 50s and 60s", "the 1950s and '60s"
    ("decade_pair", r"(?<![\w-])(?i:the\s+(?:(?:early|late|mid)[-\s]+)?(?:1\d)?[1-9]0['’]?s\s+"
                    r"(?:and|or|to)\s+)(?P<core>['’]?(?P<short>[1-9])0s)(?![\w'’-])"),
    ("decade_word", rf"{_B}(?i:the\s+(?:(?P<mod>early|late|mid)[-\s]+)?"
                    rf"(?P<word>{_alt(DECADE_WORDS)})){_E}"),
    ("century", rf"{_B}(?i:(?:the\s+(?:beginning|start|end|middle|turn|(?:first|second|"
                r"latter)\s+half|(?:early|later?)\s+part)\s+of\s+)?(?:the\s+)?"
                rf"(?:(?P<mod>early|late|mid)[-\s]+)?(?P<ordinal>{_ORD})"
                # the first of two: "the 18th and early 19th centuries"
                rf"(?:[-\s]+centur(?:y|ies)|(?=\s+(?:and|or|to)\s+(?:(?:early|late|mid)[-\s]+)?"
                rf"{_ORD}[-\s]+centuries)))(?!\w)"),
    ("quarter", rf"{_B}(?i:(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?(?:the\s+)?(?P<ordinal>first|second|third|fourth|final|last|1st|2nd|"
                r"3rd|4th)[-\s]+(?P<unit>quarter|half)(?:\s+(?:of\s+)?(?P<year>"
                rf"{_YEAR4})|\s+of\s+(?P<yrel>this|next|last)\s+year)?){_E}"
                # not a measure: "over the last half century", "the first half hour"
                r"(?![-\s]+(?i:century|centuries|decade|hour|day|dozen|mile|point)s?\b)"
                r"(?=(?P<of>\s+of\b))?"),
    ("quarter_code", rf"{_B}(?:(?P<q>Q[1-4]|H[12])|(?P<nq>[1-4]Q)(?=\s+{_YEAR4}|\s+FY\d\d))"
                     rf"(?:\s+(?P<year>{_YEAR4})|\s+FY(?P<fy>\d\d))?{_E}"),  # "Q1 2011", "1Q 2011"
    ("fin_period", rf"{_B}(?i:(?P<the>the\s+)?(?:(?P<which>latest|current|same|comparable|"
                   r"corresponding|most\s+recent|just[-\s]ended|just[-\s]completed|"
                   r"year[-\s]earlier|year[-\s]ago|previous|prior|recent|"
                   rf"(?P<year>{_YEAR4}))\s+)?(?:fiscal\s+)?(?:(?P<ordinal>first|second|third|"
                   r"fourth)[-\s]+)?(?P<unit>quarter|period))(?![\w-])"),
    ("year_quarter", rf"{_B}(?i:(?P<rel>this|last|next)\s+year['’]s\s+(?:(?P<ordinal>first|"
                     r"second|third|fourth)[-\s]+)?(?P<unit>quarter|period))(?![\w-])"),
    ("period_ago", rf"{_B}(?i:the\s+(?:(?P<which>same|corresponding|comparable)\s+)?"
                   r"(?P<unit>quarter|period)\s+(?:last\s+year|a\s+year\s+(?:ago|earlier)))"
                   r"(?![\w-])"),
    ("year_adj", r"(?<![\w-])(?i:(?P<which>year[-\s]earlier|year[-\s]ago))(?=\s+[\w$])"),
    ("fiscal_year", rf"{_B}(?i:fiscal(?:\s+year)?\s+(?P<year>{_YEAR4})|(?P<the>the\s+|(?=(?i:this|last|next)\s))"
                    r"(?:(?P<which>this|current|latest|last|previous|prior|past|next|new|coming|"
                    r"same)\s+)?fiscal\s+year)(?![\w-])(?=(?P<ended>\s+(?:ended|ending)\b))?"),
    ("the_year", r"(?<![\w-])(?i:(?:(?P<mod>earlier|later)\s+in\s+|(?P<premod>the\s+(?:end|"
                 r"start|beginning|middle|rest|remainder|first\s+half|second\s+half)\s+of\s+))?"
                 r"the\s+year)(?![\w-])(?=(?P<ended>\s+(?:ended|ending|to\s+date)\b))?"),
    ("season", rf"{_B}(?i:(?:(?P<rel>last|next|this|coming|past)\s+|(?P<mod>{_PREMOD})[-\s]+)?"
               r"(?P<the>the\s+)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?"
               rf"(?P<year>{_YEAR4}))?)(?:{_E}|(?=['’]s\b))"),  # "this summer's convention"
    # a figurative tomorrow: "the leaders of tomorrow", "a better tomorrow" (FUTURE_REF)
    ("ref_tomorrow", r"(?:(?<=\bof\s)|(?<=\ba\s)|(?<=\ban\s)|(?<=better\s)|(?<=brighter\s)|"
                     r"(?<=\bnew\s))(?P<word>tomorrow)(?![\w'’-])"),
    # an unnamed day ahead: "could one day stretch" ("someday" is untagged in TimeBank)
    ("ref_someday", r"(?P<word>(?:(?<=\bcould\s)|(?<=\bwould\s)|(?<=\bmight\s)|"
                    r"(?<=\bmay\s)|(?<=\bwill\s)|(?<=\bcan\s)|(?<=\bshould\s))"
                    r"one\s+day(?=\s+(?!(?:of|to|and|or|in|for|a|the|at|after|before|"
                    r"later|earlier)\b)[a-z]+)"
                    # or closing a clause after a bare "happen": "was bound to happen one day"
                    r"|(?<=\bhappen\s)one\s+day(?=\s*[,.;!?\"”]))"),
    # one unit and a vague more: "for the next year or two", "the previous year and a half"
    # ("the next year or so" stays a date, as TimeBank has it)
    ("duration_vague", r"(?<![\w-])(?i:the\s+(?:past|last|previous|next|coming|following)\s+"
                       r"(?P<unit>day|week|month|year|decade)(?:(?P<half>\s+and\s+a\s+half)|"
                       r"(?=\s+or\s+(?:two|three)\b)))(?![\w-])"),
    ("rel_day", rf"{_B}(?i:(?:(?P<mod>late|early|later|earlier)\s+)?(?P<word>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+"
                rf"yesterday|the\s+day\s+after\s+tomorrow)(?:\s+(?P<pod>{_POD}))?)"
                r"(?![\w-]|['’](?!s\b))"),
    ("rel_unit", rf"{_B}(?i:(?:(?P<mod>early|late|mid|earlier|later|{_PREMOD})[-\s]+(?:in\s+)?)?"
                 r"(?P<rel>this\s+past|last|this|next|the\s+coming|the\s+current|the\s+previous|that\s+same|"
                 r"the\s+preceding|the\s+prior|the\s+past|the\s+last|the\s+following|"
                 r"the\s+next|the\s+same|that|coming|current|past|previous)\s+"
                 r"(?P<unit>week|weekend|month|year|quarter|decade|century|day|morning|"
                 r"afternoon|evening|night))(?!\w)"
                 # the subject of a verb not in the past: "this weekend is calm"
                 r"(?:(?=\s+(?:is|are|will|looks?|promises?)\b)(?P<subject>))?"),
    ("the_unit", r"(?<![\w-])(?i:the\s+(?P<premod>end|start|beginning|middle|rest|remainder)"
                 r"\s+of\s+the\s+(?P<unit>month|week|quarter))(?![\w-])"),
    ("the_week", r"(?<![\w-])(?:(?i:for|during|over)\s+(?P<core>(?i:the\s+week))(?![\w'’-]|\s+"
                 r"(?i:of|before|after|ended|ending|to|that|when|in)\b)|(?P<poss>(?i:the\s+week))"
                 r"(?=['’]s\b))"),
    ("the_weekend", r"(?<![\w-])(?:(?i:over|during|on|at|for|through|throughout|ahead\s+of|of|since|"
                    r"spend|spends|spent|spending|"
                    r"before|after|until|till|by|into)\s+(?P<core>(?i:the\s+"
                    r"weekend))(?![\w-])|(?P<poss>(?i:the\s+weekend))(?=['’]s\b))"),
    ("day_before", r"(?<![\w-])(?i:(?P<word>the\s+day\s+(?:before|after)|the\s+night\s+before|"
                   r"the\s+previous\s+day|the\s+next\s+morning))(?=\s*[,.;:)!?]|\s*$)"),
    ("offset", rf"{_B}(?i:(?:(?P<low>{_NUM}){_RANGE_JOIN})?(?P<num>{_NUM})\s+"
               rf"(?P<unit>{_UNIT})s?\s+(?P<dir>earlier|later|ago|back(?=\s*[,.;:)!?]|\s*$)|"
               r"from\s+now|hence|previously))(?!\w)"),
    ("offset_pp", rf"{_B}(?i:(?P<num>{_NUM})\s+(?P<unit>{_UNIT})s?\s+(?P<dir>before|after))"
                  r"(?=\s*[,.;:)!?]|\s*$)"),
    ("duration", rf"{_B}(?i:(?:(?P<rel>(?:the|this)\s+past|the\s+(?:last|next|previous|first|final|coming|"
                 r"following|recent|latest)|the(?=\s+\d|\s+(?:two|three|four|five|six|"
                 r"seven|eight|nine|ten|eleven|twelve)\s)|(?:past|last|next|previous|first|final|coming|"
                 rf"recent))\s+)?(?:(?P<low>{_NUM}){_RANGE_JOIN})?(?P<num>{_NUM})(?:(?<=\d)\+)?"
                 r"(?P<halfpre>[-\s]+and[-\s]+a[-\s]+half)?[-\s]+(?:more\s+|full\s+|"
                 rf"long\s+|straight\s+|consecutive\s+)?(?P<unit>{_UNIT})(?P<plural>s)?"
                 r"(?P<half>\s+and\s+a\s+half)?)(?!\w)"),
    # "between four and seven days": one duration, the lower bound (as "four to seven days")
    ("duration_between", rf"(?<=\b[Bb]etween\s)(?i:(?P<low>{_NUM})\s+and\s+(?P<num>{_NUM})"
                         rf"[-\s]+(?P<unit>{_UNIT})(?P<plural>s)?)(?!\w)"),
    ("duration_the", r"(?<![\w-])(?i:(?P<rel>the\s+(?:past|last|previous))\s+"
                     r"(?P<unit>week|month|year|decade|century|day|hour|quarter))(?!\w)"),
    ("bare_plural", r"(?<![\w-])(?i:(?:for|over|within|across|spanning|after|in|during)\s+"
                    r"(?P<core>(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|"
                    r"centuries)))(?!\w)"),
    ("plural_offset", r"(?<![\w'’-])(?P<unit>(?i:seconds|minutes|hours|days|weeks|months|"
                      r"years))(?=\s+(?:after|before|later|earlier)\b)"),
    ("long_compound", rf"{_B}(?:(?P<num>{_NUM})-)?(?P<unit>(?i:second|minute|hour|day|night|"
                      r"week|month|year|decade|centur(?:y|ie))(?P<plural>s)?)-?long(?![\w-])"),
    ("set_every_n", rf"(?<![\w-])(?i:every\s+(?:(?P<low>{_NUM}){_RANGE_JOIN})?(?P<num>{_NUM})\s+(?P<unit>seconds|minutes|hours|"
                    r"days|weeks|months|years|decades))(?!\w)"),
    ("set_every", r"(?<![\w-])(?i:(?:every|each)\s+(?:single\s+)?(?P<other>other\s+)?(?:fiscal\s+|calendar\s+)?(?P<unit>day|week|month|"
                  r"year|hour|minute|morning|afternoon|evening|night|weekend|quarter|decade|"
                  r"spring|summer|autumn|fall|winter))(?!\w)"),
    ("set_weekday", rf"(?<![\w-])(?i:every|each)\s+(?P<weekday>{_WEEKDAY}){_E}"),
    ("set_month", rf"(?<![\w-])(?i:every|each)\s+(?P<month>{_MONTH_FULL}){_E}"),
    ("set_times", rf"(?<![\w-])(?i:(?P<freq>once|twice|thrice|{_NUM}\s+times)\s+(?:a|an|per|"
                  r"every|each)\s+(?P<unit>day|week|month|year|hour|minute|decade))(?!\w)"),
    ("set_adverb", r"(?<![\w-])(?i:(?P<adverb>daily|weekly|monthly|annually|yearly|hourly|"
                   r"quarterly|nightly))(?![\w-])"
                   r"(?!\s+(?!(?:at|in|on|from|for|during|between|until|since|by|through|over|across|"
                   r"to|with|and|or)\b)[a-z])"),
    ("clock", r"(?<![\w.:,])(?P<hour>1[0-2]|0?[1-9]|00(?=[:.]))(?:[:.](?P<minute>[0-5]\d))?\s*"
              r"(?P<ampm>[aApP]\.\s?[mM]\.?|[aApP]\s?[mM])(?!\w)"
              rf"(?:\s+(?P<tz>{_TZ})(?!\w))?"),
    ("clock24", rf"(?<![\w.:,])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?![\d:]|[.,]\d)"
                rf"(?:\s+(?P<tz>{_TZ}|(?i:hours|hrs))(?!\w))?"),
    ("oclock", rf"{_B}(?P<hour>1[0-2]|[1-9]|(?i:{_ONES}|ten|eleven|twelve))\s+o['’]clock{_E}"
               rf"(?:\s+(?P<dayhalf>{_DAYHALF}))?"),
    ("clock_dayhalf", r"(?<![\w-])(?i:at|by|until|till|after|before|around|about|from|to)\s+"
                      r"(?P<core>(?P<hour>1[0-2]|[1-9])(?::(?P<minute>[0-5]\d))?\s+"
                      rf"(?P<dayhalf>{_DAYHALF}))"),
    ("noon", rf"(?<![\w-])(?P<word>(?i:noon|midnight|midday))(?![\w-])(?:\s+(?P<tz>{_TZ})(?!\w))?"),
    ("ref", r"(?<![\w-])(?P<word>(?i:right\s+now|now|currently|presently|nowadays|"
            r"at\s+present|at\s+the\s+moment|(?:one\s+of\s+)?these\s+days|recently|lately|a\s+long\s+time\s+ago|"
            r"long\s+ago|a\s+later\s+date|an\s+earlier\s+date))(?![\w-])"),
    ("ref_in", r"(?<![\w-])(?i:in\s+(?P<core>(?P<word>the\s+(?:recent\s+|distant\s+)?past(?!\s+(?:tense|participle|perfect)\b)|recent\s+(?:years|months|weeks|"
               r"decades)|the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|the\s+coming\s+"
               r"(?:years|months|weeks|decades))))(?![\w-])"),
    ("ref_plural", r"(?<![\w-])(?P<word>(?i:(?:recent|coming|past|future)\s+(?:(?:days|weeks|"
                   r"months|years|quarters)\s+and\s+)?(?:hours|days|weeks|months|years|decades|"
                   r"quarters|centuries)|(?<=[Ii]n\s)previous\s+(?:years|decades|centuries)|"
                   r"(?<=[Ii]n\s)years\s+past))(?![\w-])"),
    ("ref_future", r"(?<![\w-])(?P<word>(?i:the\s+(?:near|foreseeable|distant)\s+future))"
                   r"(?![\w-])"),
    ("ref_the_future", r"(?<![\w-])(?i:into|about|for|toward|towards|to)\s+(?P<core>(?P<word>"
                       r"(?i:the\s+future)))(?![\w-])(?!\s+(?:of\b|(?!(?:and|or|but|as|is|"
                       r"was|will|would|that|than|in|on|at|by|with|for|to|of|if|when|while)\b)"
                       r"[a-z]))"),
)

_COMPILED: Final = tuple((name, re.compile(pattern)) for name, pattern in RULES)
_PRIORITY: Final = {name: i for i, (name, _) in enumerate(RULES)}

_PREV_RE: Final = re.compile(r"([\w'’]+)([^\w]*)$")
_NEXT_RE: Final = re.compile(r"^([^\w]*)([\w'’]+)")


def _previous_word(text: str, start: int) -> tuple[str, str]:
    """The word before ``start`` and the characters between it and ``start``."""
    m = _PREV_RE.search(text[max(0, start - 60):start])
    if m is None:
        return "", text[max(0, start - 60):start]
    return m.group(1), m.group(2)


def _next_word(text: str, end: int) -> tuple[str, str]:
    """The characters after ``end`` up to the next word, and that word."""
    m = _NEXT_RE.search(text[end:end + 60])
    if m is None:
        return text[end:end + 60], ""
    return m.group(1), m.group(2)


#: words after "a rocky summer" that show the season is a noun, not a modifier ("winter storm")
_AFTER_SEASON_NOUN: Final = frozenset({"and", "or", "in", "for", "when", "that", "which", "as",
                                       "is", "was", "will", "has", "had", "ahead", "before",
                                       "after", "of"})

#: prepositions before "the last day" that make it a span of time
_SPAN_PREPOSITIONS: Final = frozenset({"in", "over", "during", "for", "within", "throughout",
                                       "since", "across", "through"})

#: a comparison before "with" and a month: "compared with March", "in comparison with May"
_COMPARED_BEFORE: Final = re.compile(r"\b(?:compared|comparison)\s+$")

#: Months that are no name, verb or event ("May", "March", "April", "June", "August" are).
_UNAMBIGUOUS_MONTHS: Final = frozenset({"january", "february", "july", "september", "october",
                                        "november", "december"})


def _sentence_initial(word: str, gap: str) -> bool:
    return word == "" or any(c in gap for c in ".!?\n:;\"“”‘—–") or "\n" in gap


def _inside_name(text: str, start: int, end: int, *, weekday: bool = False) -> bool:
    """Whether a capitalized calendar word is part of a longer name.

    For a weekday: a name modifier before it ("Bloody Sunday") or an article / possessive
    before it and a capitalized word after it ("the Friday Mosque", "The Sunday Times"); a
    proper name before a weekday is the wire style "Clinton Thursday condemned" and is fine.
    For other words ("Russia Today"): any capitalized word before it that is neither a
    sentence start nor a preposition.
    """
    word, gap = _previous_word(text, start)
    if not text[start:start + 1].isupper():
        return False
    tight = gap.strip() == ""
    if weekday:
        if word in WEEKDAY_NAME_MODIFIERS and tight:
            return True
    elif word and word[0].isupper() and not _sentence_initial(word, gap) \
            and word.lower() not in NAME_GUARD_OK_BEFORE and tight:
        return True
    after_gap, after = _next_word(text, end)
    return (word.lower() in {"the", "a", "an"} or word.endswith(("'s", "’s"))) \
        and tight and after_gap.strip() == "" and after[:1].isupper() \
        and after not in MONTHS


#: Rules of lower-case words that are a time only in running text, not in a title or name
#: ("The Daily Beast", "a Monthly Review article", "Back to the Future").
_LOWER_CASE_RULES: Final = frozenset({"set_adverb", "ref", "ref_in", "ref_plural",
                                      "ref_future", "ref_the_future"})
_WORDS_RE: Final = re.compile(r"[A-Za-z]+")


#: The rest of a short quoted title: capitalized words up to the closing quote.
_TITLE_REST: Final = re.compile(r"(?:\s[A-Z][\w'’-]*){1,4}[.,!?]?[\"”’'](?!\w)")


def _in_title(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is written as part of a title: a later word capitalized, or
    a capitalized first word that does not start a sentence (all-capital headlines are not
    titles)."""
    for i, w in enumerate(_WORDS_RE.finditer(text, start, end)):
        word = w.group()
        if not word[0].isupper() or word.isupper():
            continue
        if i > 0:
            return True
        before, gap = _previous_word(text, w.start())
        if not _sentence_initial(before, gap):
            return True
        if gap.strip()[-1:] in {'"', "“", "'", "‘"} and _TITLE_REST.match(text, end):
            return True  # a quoted title: NBC's "Nightly News"
    return False


_DAY_RULES: Final = frozenset({"mdy", "dmy"})
#: Television programmes named by a weekday ("Fox News Sunday", "Saturday Night Live",
#: "Monday Night Football").
_PROGRAMME_BEFORE: Final = re.compile(r"Fox\s+News\s+$")
_PROGRAMME_AFTER: Final = re.compile(r"\s+Night\s+(?:Live|Football|Lights|Fever|Raw)\b")
#: Nouns after a holiday's name that make it a thing of the season, not a day.
_HOLIDAY_THINGS: Final = frozenset({"tree", "trees", "card", "cards", "carol", "carols",
                                    "decorations", "ornaments", "lights", "presents", "gifts",
                                    "spirit", "music", "songs", "sweater", "sweaters", "movie",
                                    "cake", "pudding", "candy", "costume", "costumes"})
_NAME_SUFFIX: Final = re.compile(r"-(?:style|type|like|era)\b|\s+(?:Youth\s+)?(?:Movement|"
                                  r"Coalition|Alliance|Brigades?|Front|Party)\b")


#: Words after "a free daily" that show it is a publication, not a frequency ("a twice daily
#: dose").
_PUBLICATION_AFTER = frozenset({"in", "of", "on", "at", "from", "with", "that", "which", "and",
                                "or", "said", "says", "reported", "reports"})


_PUBLICATION_ADJECTIVES = frozenset({"free", "leading", "largest", "biggest", "popular",
                                     "independent", "conservative", "business", "mass",
                                     "influential", "main", "major", "local", "state"})


def _accept(text: str, name: str, m: re.Match[str]) -> bool:
    """Context checks that decide whether a grammar match is really a time expression."""
    start, end = m.span()
    parts = m.groupdict()
    if name == "mdy_and":
        first = re.search(r"\d+", text[start:m.start("core")])
        if first is None or int(first.group()) >= int(parts["day"]):
            return False  # a span runs forward: not "raised the alert on April 29 to 5"
    if name in _DAY_RULES and _NAME_SUFFIX.match(text, end):
        return False  # an event's name: "another Sept. 11-style attack"; a group's: "the
        # April 6 Movement"
    if name in _LOWER_CASE_RULES:
        core = "word" if parts.get("word") else "adverb"
        if _in_title(text, m.start(core), m.end(core)):
            return False
    if name == "month":
        if parts["rel"] and re.match(r"\s+(?:[12]?\d|3[01])(?:st|nd|rd|th)?\b(?![.,:]?\d|\s*%)",
                                     text[end:end + 8]):
            return False  # "in this July 31 file photo": the day is the expression
        if parts["rel"] or parts["mod"]:
            return True
        word, gap = _previous_word(text, start)
        if word.lower() in MONTH_CONTEXT and gap.strip() in {"", "-"}:
            return not _inside_name(text, start, end)
        if word.lower() == "with" and gap == " " and _COMPARED_BEFORE.search(
                text, max(0, start - 30), start - 5):
            return True  # "up 5% compared with March"
        if word in MONTHS and gap.strip() in {",", "/", "-", "–"}:
            return True  # a list or span of months: "in February, March and April"
        if text[end:end + 1] in {"'", "’"}:
            # a possessive: "December's figures" ("May's" is too often Theresa May's)
            return parts["month"] != "May" and not _inside_name(text, start, end)
        after_gap, after = _next_word(text, end)
        if parts["month"] == "March" and _PROTEST_MARCH.match(text, end):
            return False  # a protest: "the March on Washington", "March on the RNC"
        if after_gap.startswith(":") and (not word or "\n" in gap) and \
                parts["month"] != "May":
            return True  # a label that opens an entry of a chronology: "November: Congress
            # passes the law"
        if (parts["poll"] is not None or _NAMED_MEETING_AFTER.match(text, end)) and \
                _determiner_before(text, start):
            return True  # "the June European elections", "a July NATO summit"
        if after_gap.strip() or not after[:1].islower() or after in {"of", "and", "or", "to"}:
            return False
        # an adjectival month after an article or possessive: "a June agreement",
        # "the October slaying", "Russia's March offensive"
        if _determiner_before(text, start):
            return True
        if after_gap != " " or parts["month"].lower() not in _UNAMBIGUOUS_MONTHS:
            return False
        # a month that opens a sentence before a verb ("October provided a resurgence"), or
        # after an article and one adjective ("the strong October report")
        if _sentence_initial(word, gap):
            return True
        adj_start = start - len(gap) - len(word)
        if not (gap == " " and word.isalpha() and word.islower()):
            return False
        if _determiner_before(text, adj_start):
            return True
        # an adverb before that adjective: "on an unseasonably mild December day"
        adverb, adverb_gap = _previous_word(text, adj_start)
        return adverb_gap == " " and adverb.islower() and adverb.endswith("ly") and \
            _determiner_before(text, adj_start - 1 - len(adverb))
    if name == "holiday":
        after_gap, after = _next_word(text, end)
        if after_gap == " " and after.lower() in _HOLIDAY_THINGS:
            return False  # a thing of the season: "Christmas trees from Oregon"
        word, gap = _previous_word(text, start)
        return not (word == "Father" and gap == " ")  # "Father Christmas"
    if name == "weekday_that":
        word, gap = _previous_word(text, start)
        w = word.lower()
        if not word or gap.strip() or w in _VERBS_BEFORE_THAT or w.endswith("ed"):
            return False
        return text[end:end + 1] not in {"'", "’"} and \
            not _inside_name(text, m.start("weekday"), m.end("weekday"), weekday=True)
    if name == "weekday":
        after_gap, after = _next_word(text, end)
        if after_gap.strip() == "" and after in COMPANY_SUFFIXES:
            return False  # a company: "Tuesday Morning Corp.", "Sunday Inc"
        if (parts["weekday"] == "Sunday" and not parts["pod"]
                and _PROGRAMME_BEFORE.search(text, max(0, start - 12), start)) or \
                _PROGRAMME_AFTER.match(text, m.end("weekday")):
            return False  # a programme: "Fox News Sunday", "Saturday Night Live"
        if parts["super"]:
            return True
        return not _inside_name(text, m.start("weekday"), m.end("weekday"), weekday=True)
    if name == "rel_day":
        if text[start:end] == "Today" and text[start - 1:start] in {'"', "“"} and \
                text[end:end + 1] in {'"', "”"}:
            return False  # a programme's title alone in quotes: NBC's "Today"
        return not _inside_name(text, start, end)
    if name == "year":
        return _year_context(text, m)
    if name == "decade" and parts["decade"] == "0" and parts["century"] in ("10", "20") and \
            not parts["the"] and (_next_word(text, end) == (" ", "of")
                                  or _previous_word(text, start) == ("of", " ")):
        return False  # a count: "tens of 1000s of people", "2000s of voters"
    if name in ("decade_bare", "decade_pair"):
        # (a percentage or degrees anywhere in the next 80 characters, a unit right after)
        if _next_word(text, end)[1].lower() in _NOT_DECADE_UNIT_AFTER:
            return False
        return _NOT_DECADE_BEFORE.search(text, max(0, start - 80), start) is None and \
            _NOT_DECADE_AFTER.search(text, end, end + 80) is None
    if name == "year_from":
        return _year_span(parts["year"], parts["to"])
    if name == "year_to":
        return _year_span(parts["first"], parts["year"])
    if name == "ref_plural" and parts["word"][:4].lower() == "past" and \
            _previous_word(text, start)[0].lower() in _MOTION_VERBS:
        return False  # a preposition: "seek to move past days of turmoil"
    if name == "season":
        word, gap = _previous_word(text, start)
        if parts["season"].lower() == "fall" and word.lower() in {"a", "an"} and \
                not parts["year"]:
            return False  # a drop: "shares ended down in a late fall" (not "a fall 2010 launch")
        if parts["rel"] or parts["mod"] or parts["year"]:
            return True
        if parts["season"].lower() == "fall" and not parts["the"]:
            return False
        after_gap, after = _next_word(text, end)
        if after.lower() == "of" and after_gap.strip() == "":
            return False
        if parts["season"][:1].isupper() and after_gap == " " and after in _PLACE_NOUNS:
            return False  # a name: "plunged into the Spring River"
        if gap.strip() != "":
            return False
        season_word = parts["season"].lower() != "fall"
        if season_word and word.lower() == "of" and not parts["the"] and \
                _previous_word(text, start - len(gap) - len(word))[0].lower() in _SEASON_PART_NOUNS \
                and (after_gap.strip() != "" or after.lower() in _SEASON_SUBJECT_VERBS
                     or after.lower() in _FUNCTION_AFTER_SEASON):
            # "the unofficial end of summer is a moment of pause" (not "the end of summer
            # vacations")
            return True
        if season_word and parts["the"] and after_gap.strip()[:1] in {",", ".", ";"}:
            return True  # a clause ends on it: "Controversies dominated the summer."
        if word.lower() in {"and", "or"}:  # "in the autumn and winter": a second season
            return _PAIRED_SEASON.search(text, max(0, start - 60), start) is not None
        if word.lower() in _SEASON_BEFORE:
            return True
        if season_word and parts["the"] and after_gap == " " and \
                after.lower() in _SEASON_SUBJECT_VERBS:
            return True  # the season as a subject: "The winter will cause many deaths"
        if parts["season"].lower() in {"summer", "winter", "autumn"} and gap == " " and \
                word.isalpha() and word.islower() and not parts["the"] and \
                _determiner_before(text, start - len(gap) - len(word)) and (
                    after_gap.strip()[:1] in {",", ".", ";", ")"} or (
                        after_gap == " " and (after.endswith("ed")
                                              or after.lower() in _AFTER_SEASON_NOUN))):
            return True  # after an article and an adjective: "after a rocky summer defined by",
            # "a cold winter." (not the modifier: "a heavy winter storm")
        # "much of the fall, ..." but not "the fall out of this", "to the fall in prices"
        return bool(parts["the"]) and word.lower() in _SEASON_BEFORE_THE and (
            season_word or after_gap.strip()[:1] in {",", ".", ";"}
            or after.lower() in {"and", "or"})
    if name == "duration_between":
        # not ages ("between 20 and 50 years old") nor offsets ("between 9 and 17 years ago")
        return re.match(r"-?\s*(?:olds?|of\s+age|ago|earlier|later|before|after)\b",
                        text[end:end + 12]) is None
    if name in ("duration_the", "rel_unit") and \
            " ".join(parts.get("rel", "").lower().split()) in {"the last", "the first"} and \
            re.match(r"\s+(?:I|he|she|we|they|you)\s+[a-z]", text[end:end + 12]) and \
            _previous_word(text, start)[0].lower() not in _SPAN_PREPOSITIONS:
        return False  # a day a clause names: "I cannot remember the last day I took off" (not
        # "in the past year he worked hard")
    if name == "duration":
        unit = parts["unit"].lower()
        num = parts["num"].lower()
        if unit == "quarter" and num in {"many", "some", "several", "all", "other", "certain"} \
                and not parts.get("rel"):
            return False  # circles of people: "gaining credence in many quarters"
        if re.match(r"-?\s*olds?\b", text[end:end + 6]) or (
                text[end:end + 1] == "-" and not re.match(r"-(?:low|high)s?\b", text[end:end + 7])):
            return False  # ages ("a 6-year-old") and compounds ("two-year-long"), not "a
            # 14-year-low", written as "a 14-year low"
        after_gap, after = _next_word(text, end)
        if unit == "minute" and num in {"a", "one"} and after_gap == " " and \
                after.lower() in _MINUTE_ADJ_NOUNS:
            return False  # the adjective: "only a minute chance", "a minute amount"
        if unit.startswith("quarter") and (
                (after.lower() == "of" and after_gap.strip() == "")
                or text[m.end("num"):m.start("unit")] == "-"):
            return False  # a fraction: "three-quarters of the crew", "three-quarters said"
        if parts["unit"][:1].isupper() and not parts["unit"].isupper():
            return False  # a title: the film "13 Hours"
        if unit.startswith("second") and num in {"a", "an", "one"} and not parts["plural"]:
            return False  # "a second time", "one second mission"
        if num in {"a", "an", "single"} and parts["plural"]:
            return False
        if num in {"a", "an", "one"} and unit == "quarter":
            return False  # a fraction as often as a period ("in a quarter that produced a
            # loss" is untagged in the training data; "SAVE A QUARTER" of the cost)
        if text[m.start("num"):end] == "60 Minutes":
            return False  # the television programme
        if num in {"a", "an"} and not parts["rel"] and _rate_before(text, start) and not (
                _AHEAD_AFTER.match(text, end)
                and not _COUNT_RIGHT_BEFORE.search(text, max(0, start - 30), start)):
            return False  # a rate: "$2 million a year", "four flights a week", "1,000
            # barrels a day before revising" (not "walk back his comments a day after")
        return not (num in {"some", "many", "few"} and not parts["plural"])
    if name == "ref" and parts["word"].lower().startswith(("a later", "an earlier")) and \
            _next_word(text, end)[1].lower() == "than":
        return False  # a comparison: "started at a later date than anyone else"
    if name == "noon" and parts["word"][:1].isupper() and not parts["word"].isupper() and \
            not parts["tz"]:
        word, gap = _previous_word(text, start)
        if not _sentence_initial(word, gap) and \
                word.lower() not in {"at", "by", "until", "before", "after"}:
            return False  # a title: WTMJ's 'Midday with Charlie Sykes' (not "met at Noon")
    if name == "ref" and " ".join(parts["word"].lower().split()) == "at the moment":
        after_gap, after = _next_word(text, end)
        if after_gap == " " and after.lower() == "of":
            return False  # a moment named after it: "at the moment of impact", not the
            # present ("at the moment he says it" cannot be told from "at the moment they wait")
    if name == "set_adverb":
        # a publication: "a daily", "the weekly" (not "the two met weekly"), "Daily News"
        if parts["adverb"][:1].isupper() and re.match(r" [A-Z][a-z]", text[end:end + 3]):
            return False
        word, gap = _previous_word(text, start)
        if gap == " " and word.lower() in {"a", "an", "the"}:
            return False
        # "a free daily in Lisbon", "the national weekly": an adjective between
        det, det_gap = _previous_word(text, start - len(gap) - len(word))
        next_word = _next_word(text, end)[1]
        return not (gap == " " and det_gap == " " and det.lower() in {"a", "an", "the"}
                    and (word in _PUBLICATION_ADJECTIVES
                         or re.fullmatch(r"[a-z]+(?:al|ist|ese)", word) is not None)
                    and (not next_word[:1].islower() or next_word in _PUBLICATION_AFTER))
    if name == "clock_stamp":
        return _live_page(text)
    if name == "clock_mil" and text[:start].rstrip().endswith("(") \
            and text[end:].lstrip().startswith(")"):
        return False  # a conversion of the time just given: "10:35 a.m. (0735 GMT)"
    if name == "clock24" or name == "clock_mil":
        # a zone is enough, and "hours" after "14:30"; "1100 hours" alone is as often a count
        if parts["tz"] and (name == "clock24" or parts["tz"].lower() not in {"hours", "hrs"}):
            return True
        if parts.get("span") is not None:
            return True  # the start of "1410 to 1430 GMT"
        word, gap = _previous_word(text, start)
        return word.lower() in {"at", "by", "until", "till", "from", "to", "around", "about",
                                "before", "after", "since", "approximately", "shortly"} \
            and gap.strip() == ""
    if name == "month_year":
        after_gap, after = _next_word(text, end)
        if _determiner_before(text, start):
            return True  # "the January 1998 bombing"
        if _previous_word(text, start)[0].lower() in {"in", "since", "during", "until",
                                                       "from", "through", "for", "by",
                                                       "before", "after"} and \
                not after.endswith("s"):
            return True  # a verb after it, not a count: "A poll in May 2015 put his support"
        return not (after and after_gap.strip() == "" and after[0].islower()
                    and after.lower() not in AFTER_YEAR_OK and not after.endswith("ed"))
    if name == "fin_period":
        which = " ".join((parts["which"] or "").lower().replace("-", " ").split())
        if parts["unit"] == "Quarter" and not which and not parts["year"] and \
                not _sentence_initial(*_previous_word(text, start)):
            return False  # a name: "going on simultaneously in the Quarter" (New Orleans)
        if parts["unit"].lower() == "period":
            return bool(parts["year"]) or which in {"latest", "year earlier", "year ago",
                                                    "most recent", "just ended"}
        after_gap, after = _next_word(text, end)
        if after.lower() == "of" and after_gap.strip() == "":
            return False
        return bool(parts["the"] or parts["which"] or parts["year"])
    if name == "the_year":
        word, gap = _previous_word(text, start)
        after_gap, after = _next_word(text, end)
        if after.lower() in {"before", "after", "earlier", "ago", "later", "of"} or \
                after[:1].isdigit() or (after_gap.strip() == "" and after.lower() in NUMBER_WORDS):
            return False
        if text[end - 4:end] == "Year" and word == "of" and _previous_word(
                text, start - len(gap) - len(word))[0][:1].isupper():
            return False  # a title: "Person of the Year", "Coach of the Year"
        return bool(parts["mod"] or parts["premod"]) or (
            word.lower() in {"for", "in", "of", "during", "through", "throughout", "by"}
            and gap.strip() == "")
    if name == "rel_unit":
        unit = parts["unit"]
        if unit.lower() == "day" and parts["rel"].lower() in ("that", "this") and \
                _next_word(text, end) in {(" ", "of"), (" ", "in")}:
            return False  # "that day of reckoning", "until that day in April", "this day of"
        if unit.isupper():
            after_gap, after = _next_word(text, end)
            if after_gap == " " and len(after) > 1 and after.isupper():
                return False  # a title in capitals: "THIS WEEK WITH CHRISTIANE AMANPOUR"
        return not (unit[:1].isupper() and not unit.isupper())  # a title: ABC's "This Week"
    if name == "ref_in" and parts["word"].lower().startswith("the") and \
            parts["word"].lower().endswith("past"):
        after_gap, after = _next_word(text, end)
        if after_gap == " " and (after[:1].isdigit() or after.lower() in NUMBER_WORDS
                                 or after.lower() in VAGUE_NUMBERS):
            return False  # an adjective: "in the past nine elections"
    if name == "quarter_code":
        if parts["year"] or parts["fy"] or parts["nq"]:
            return True
        word, gap = _previous_word(text, start)  # "in Q1"; not "H1N1, H1 OH!"
        if re.match(r"\s*N\d|\s+(?i:swine|flu|influenza|virus|strain|pandemic|protein|gene|"
                    r"subtype|antigen)\b",
                    text[end:end + 12]):
            return False  # a flu strain: "this H1 swine flu virus", "H1 N1"
        return gap == " " and word.lower() in _QUARTER_CODE_BEFORE
    if name == "offset" and _previous_word(text, start)[0].lower() in {"every", "each"}:
        return False  # a frequency: "every single day from now until the vote"
    if name == "offset" and parts["dir"].lower() in {"earlier", "later"}:
        # "banned it for several weeks earlier this fall": a duration, then the date
        word, gap = _previous_word(text, start)
        return not (word.lower() == "for" and gap.strip() == "")
    if name == "plural_offset":
        # "Hours after the quake", "arrived days later"; not "in the weeks before the
        # shooting" (TimeBank dates that by the event) nor "eight trading days after"
        word, gap = _previous_word(text, start)
        w = word.lower()
        return (gap.strip() in {"", ","} and w not in _NOT_BEFORE_PLURAL_OFFSET and \
            not w.endswith("ing") and not w[:1].isdigit() and w not in NUMBER_WORDS \
            and w not in VAGUE_NUMBERS) or _sentence_initial(word, gap)
    if name == "duration_the":
        after_gap, after = _next_word(text, end)
        return not (after.lower() == "of" and after_gap.strip() == "")
    return True


#: Verbs before "that" that make it a conjunction ("said that Tuesday ...").
_VERBS_BEFORE_THAT: Final = frozenset({
    "said", "says", "say", "saying", "told", "tells", "tell", "wrote", "writes", "thought",
    "think", "thinks", "knew", "know", "knows", "believe", "believes", "hope", "hopes",
    "expect", "expects", "announce", "announces", "argue", "argues", "claim", "claims",
    "insist", "insists", "warn", "warns", "note", "notes", "add", "adds", "show", "shows",
    "found", "find", "finds", "is", "was", "are", "were", "so", "such", "now", "given",
    "means", "mean", "meant", "shown", "known", "seen", "saw", "see", "sees", "learn",
    "learns", "learnt", "understand", "understood", "suggest", "suggests", "indicate",
    "indicates", "predict", "predicts", "fear", "fears", "ensure", "ensures", "decide",
    "decides", "agree", "agrees", "confirm", "confirms", "reveal", "reveals", "deny",
    "denies", "admit", "admits", "estimate", "estimates", "report", "reports"})
#: Words right before a quarter or half code without a year ("profit in Q1").
_QUARTER_CODE_BEFORE: Final = frozenset({"in", "during", "for", "the", "of", "its", "their",
                                         "from", "to", "and", "by", "until", "through", "over",
                                         "since", "this", "last", "next", "a", "each"})
_NOT_BEFORE_PLURAL_OFFSET: Final = frozenset({"the", "of", "in", "to", "first", "final", "those",
                                               "these", "last", "next", "for", "within"})
#: Capitalized nouns after a capitalized season that make it part of a place's name.
_PLACE_NOUNS: Final = frozenset({
    "River", "Creek", "Lake", "Street", "Road", "Valley", "Hill", "Hills", "Mountain",
    "Park", "Garden", "Gardens", "Island", "Springs", "Brook", "Falls", "Bay", "Avenue"})
#: Words right before a bare season that make it a time ("in winter", "its winter").
_SEASON_BEFORE: Final = frozenset({"in", "during", "by", "until", "since", "over", "through",
                                   "into", "this", "last", "next", "early", "late", "before",
                                   "after", "its", "their", "come"})
#: A meeting named by capitalized words after a month ("a July NATO summit", "the April G20
#: meeting").
_NAMED_MEETING_AFTER: Final = re.compile(
    r"\s+(?:[A-Z][\w.'’-]*\s+){1,4}(?:summit|meeting|conference|talks|convention|congress|"
    r"session|hearing|visit|poll|survey)\b")
#: Verbs after "the winter" that make it the subject of a clause, a time ("The winter will
#: cause many deaths", "the summer was hot").
_SEASON_SUBJECT_VERBS: Final = frozenset({"will", "would", "could", "may", "might", "should",
                                          "was", "is", "has", "had", "brought", "brings",
                                          "saw", "sees", "promises", "ahead", "ended", "ends",
                                          "began", "begins", "starts", "started"})
#: Words after a season that show it is not a noun's modifier.
_FUNCTION_AFTER_SEASON: Final = frozenset({"is", "are", "and", "or", "in", "on", "at", "for",
                                           "to", "when", "as", "with", "that"})
#: Nouns of a part of a season before "of" ("the end of summer", "the first days of spring").
_SEASON_PART_NOUNS: Final = frozenset({"end", "start", "beginning", "middle", "rest", "day",
                                       "days", "weeks", "months", "height", "heat", "depths"})
#: More words before "the summer" that make it a time ("much of the summer", "spent the
#: summer", "up to the summer", "all through the winter").
_SEASON_BEFORE_THE: Final = frozenset({"of", "to", "for", "throughout", "spent", "spend",
                                       "spends", "spending", "from", "across"})
#: A tagged season and "and" / "or" before a second one ("in the autumn and winter").
_PAIRED_SEASON: Final = re.compile(
    rf"(?<![\w-])(?i:{'|'.join(sorted(_SEASON_BEFORE | {'the'}))})\s+(?:the\s+)?"
    r"(?i:spring|summer|autumn|fall|winter)\s+(?i:and|or)\s+$")
_DETERMINERS: Final = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this",
                                  "that", "whose", "last", "unsuccessful", "successful",
                                  "failed"})


def _determiner_before(text: str, start: int) -> bool:
    """Whether an article or possessive stands right before ``start`` ("the", "its",
    "Kuwait's")."""
    word, gap = _previous_word(text, start)
    return gap.strip() == "" and (word.lower() in _DETERMINERS or word.endswith(("'s", "’s"))
                                  # a name's possessive: "Chief Justice Roberts' 2012 opinion"
                                  or (word.endswith(("s'", "s’")) and word[:1].isupper()))


_NOT_PLURAL: Final = frozenset({"was", "has", "is", "his", "this", "its", "as", "us", "does",
                                 "less", "thus", "plus", "yes", "whereas", "across"})


#: A number right before, or with one word between: what follows "a day" is a rate's unit.
_COUNT_RIGHT_BEFORE: Final = re.compile(r"[\d$£€](?:[\d,.]*\d)?\s+(?:[a-z]+\s+)?$")
#: What after "a month" makes it a lead time or an offset, not the unit of a rate ("paying
#: claims a month in advance", "walked back his comments a day after he made them").
_AHEAD_AFTER: Final = re.compile(
    r"\s+(?i:in\s+advance|ahead|early|late|after|before|later|earlier)\b")


def _rate_before(text: str, start: int) -> bool:
    """Whether "a year" / "a week" at ``start`` is the per-unit of a rate: an amount or a
    counted plural noun right before it."""
    word, gap = _previous_word(text, start)
    if gap.strip() not in {"", ","} or not word:
        return False
    w = word.lower()
    return w[-1].isdigit() or w in {"million", "billion", "thousand", "hundred", "percent",
                                    "cents", "dollars", "once", "twice"} \
        or (len(w) > 3 and w.endswith("s") and not w.endswith("ss") and w not in _NOT_PLURAL
            and gap.strip() == "")


def year_span_end(first: str, last: str) -> int:
    """The last year of a span written "2014-2016", "1998-99", "1999-00" or "2008-9"."""
    if len(last) == 4:
        return int(last)
    end = int(first[:4 - len(last)] + last)
    step = 10 ** len(last)
    return end if end > int(first) else end + step


def _year_span(first: str, last: str) -> bool:
    """Whether "FIRST-LAST" is a span of years: forward, and at most 50 years long."""
    return 0 < year_span_end(first, last) - int(first) <= 50


_YEAR_BEFORE_AND: Final = re.compile(r"(?<![\w$€£.,/'’-])(?:1[5-9]|20)\d\d,?\s+(?:and|or)\s+$",
                                     re.I)


#: Words near "the 70s" that make it a temperature, a score, an age or a percentage.
_NOT_DECADE_BEFORE: Final = re.compile(
    r"(?i)\b(?:percent|per\s+cent|polls?|polling|ratings?|approval|temperatures?|degrees|"
    r"highs?|lows?|thermometers?|mercury|aged?|mph|scores?|points|yards|averag\w*|"
    r"unemployment|jobless|rates?|shares?|percentage|prices?|yields?|stocks?|support)\b|%|°")
_NOT_DECADE_AFTER: Final = re.compile(r"(?i)\bpercent\b|%|°|\bdegrees\b")
_NOT_DECADE_UNIT_AFTER: Final = frozenset({"mph", "f", "c"})


#: Verbs after a year that opens a sentence ("2004 was a bad year").
_VERBS_AFTER_YEAR: Final = frozenset({"was", "is", "will", "has", "had", "saw", "marked",
                                      "marks", "brought", "proved", "became"})
#: Verbs whose subject is often a head count ("2000 died in the flood"): after them a number
#: that opens a sentence is no year.
_HEADCOUNT_VERBS: Final = frozenset({"died", "fled", "attended", "gathered", "marched",
                                     "protested", "signed", "voted", "joined", "arrived",
                                     "rallied", "turned", "were", "remained", "lost", "left",
                                     "came", "went", "got", "took"})
#: Prepositions after which a four-digit number from 1900 to 2039 is a year even before a
#: lower-case word ("began in 1996 now seems over"; "in 2000 troops" would count soldiers).
_YEAR_ONLY_AFTER: Final = frozenset({"in", "since", "during", "until", "throughout"})
#: verbs that start or end a year named right after them ("start 2010 in recovery")
_YEAR_SPAN_VERBS: Final = frozenset({
    "start", "starts", "started", "starting", "begin", "begins", "began", "beginning",
    "end", "ends", "ended", "ending", "enter", "enters", "entered", "entering",
    "finish", "finishes", "finished", "finishing"})


#: right after the first year of a span: "(1975 to 1981)", not "1998 to 2000 people"
_YEAR_TO_YEAR: Final = re.compile(r"\s+(?:to|through|until|till)\s+(?:19|20)\d\d(?!\d)"
                                  r"(?!\s+[a-z])")


_PROTEST_MARCH: Final = re.compile(r"\s+(?:on|against|for)\s+(?:the\s+)?[A-Z]")


def _year_context(text: str, m: re.Match[str]) -> bool:
    """A four-digit number is a year only where dates go: after in/since/by/of/..., inside
    parentheses, or alone between commas; never before a noun it counts ("2000 troops")."""
    if m.group("prepost"):
        return True  # "post-1959 politics" (TimeBank: the whole word, the year's value)
    start, end = m.span()
    after_gap, after = _next_word(text, end)
    word, gap = _previous_word(text, start)
    modern = m.group("year")[:2] in {"19", "20"}
    # a modern year right before a lowercase singular noun it may modify ("2010 reelection")
    before_noun = modern and after_gap == " " and after[:1].islower() and \
        not after.endswith("s") and after.lower() not in YEAR_COUNTED
    closes = after_gap.strip()[:1] in {",", ".", ";", ")"}  # punctuation right after it
    if after_gap == " " and after.endswith("ed") and word.lower() not in _YEAR_ONLY_AFTER:
        gap2, third = _next_word(text, end + len(after_gap) + len(after))
        if gap2 == " " and len(third) > 3 and third.islower() and third.endswith("s"):
            return False  # a count of something qualified: "a poll of 2047 registered voters"
    if after_gap.strip() == "," and after.lower() in {"when", "where"} and modern:
        return True  # "could not keep pace with 2008, when turnout ..."
    if modern and _CONTEST_AFTER_YEAR.match(text, end):
        return True  # a contest of that year: "attacked 2012 Republican presidential nominee"
    if modern and _YEAR_TO_YEAR.match(text, end):
        return True  # the first of a span of years: "a congressman (1975 to 1981)"
    if modern and _YEAR_SPAN_BEFORE.search(text, max(0, start - 30), start):
        return True  # the end of a span of years: "imports from 1999 to 2011 cost jobs"
    if before_noun and _PROPER_MODIFIER_BEFORE.search(text, max(0, start - 60), start):
        return True  # "the Saudi 2008 budget", "the Indian Ocean 2004 tsunami"
    if _determiner_before(text, start) and modern \
            and after_gap.strip() in {"", "-"} and after[:1].islower() \
            and after.lower() not in YEAR_COUNTED:
        return True  # an adjectival year: "the 1998 bombing", "its 1990 invasion"
    if _determiner_before(text, start) and 1500 <= int(m.group("year")) < 1900 and \
            after_gap == " " and after[:1].islower() and not after.endswith("s") and \
            after.lower() not in YEAR_COUNTED:
        return True  # an adjectival year of the past: "under an 1851 law"
    if before_noun and _ADJECTIVE_YEAR_BEFORE.search(text, max(0, start - 40), start) and \
            word.lower() not in _QUANTITY_ADJECTIVES:
        return True  # an adjective before the year: "a tough 2010 reelection bid"
    if modern and after_gap == " " and after[:1].isupper() and not after.endswith("s") and \
            _ADJECTIVE_YEAR_BEFORE.search(text, max(0, start - 40), start):
        return True  # and a name after it: "the massive 2010 Gulf oil spill" (not "a record
        # 2000 Democrats")
    if " ".join((m.group("mod") or "").lower().split()).startswith("the "):
        return True  # "The end of 2015 leaves the race open" (a verb after the year)
    if after_gap == " " and modern and _sentence_initial(word, gap) and (
            after.lower() in _VERBS_AFTER_YEAR or (
                after[:1].islower() and after.lower() not in YEAR_COUNTED
                and after.lower() not in _HEADCOUNT_VERBS
                and (after.lower() in PAST_WORDS or after.endswith("ed")))):
        return True  # "2004 was a bad year for Democrats."
    if after and after_gap.strip() == "" and after[0].islower() and after.lower() not in \
            AFTER_YEAR_OK and not after.endswith(("ed", "ing")):
        # a count ("2000 troops"; a verb may follow: "in 2010 leading to"), except after a
        # preposition of time: "the cycle that began in 1996 now seems over"
        return word.lower() in _YEAR_ONLY_AFTER and gap == " " and after.lower() not in \
            YEAR_COUNTED and 1900 <= int(m.group("year")) <= 2039 and not m.group("mod")
    if m.group("mod"):
        return True
    g = gap.strip()
    if g == "" and _YEAR_AFTER_BOUND.search(text, max(0, start - 30), start):
        return True  # "since at least 1980", "as early as 2003"
    if word.lower() in YEAR_CONTEXT and g in {"", "-"}:
        return True
    if g == "" and modern and word.lower() in _YEAR_SPAN_VERBS and (
            after_gap.strip()[:1] in {",", ".", ";"} or after.lower() in {"in", "with", "as", "on", "at"}):
        return True  # "we will start 2010 in a clear recovery", "ended 2015 with a loss"
    if g == "" and modern and (word.lower() == "dated" or (
            word.lower() in {"be", "is", "was", "been"} and after_gap == " "
            and after.lower() in {"before", "when", "until"})):
        return True  # "a letter dated 2008", "it will be 2015 before the plant opens"
    if g in {"", ","} and re.fullmatch(r"(?:1[5-9]|20)\d\d", word):
        return True  # a list of years: "in 1994, 1995 and 1997", "in 1860, 1761 and 1618"
    if word.lower() in {"and", "or"} and g == "" and _YEAR_BEFORE_AND.search(
            text, max(0, start - 40), start):
        return True  # the second of two years: "in 2008 or 2012"
    if _determiner_before(text, start) and modern and after_gap == " " and \
            after[:1].isupper() and not re.search(r"(?:ns|is|es|ers)$", after):
        return True  # "the 2004 Massachusetts Clean Water Act", "the 2008 Texas primary" (not
        # people counted: "the 2000 Americans", "the 2000 Marines")
    if _determiner_before(text, start) and modern \
            and (not after.endswith("s") or after in YEAR_EVENT_NAMES):
        return True  # an adjectival year: "the 1996 Olympic bombing", "his 1990 Anheuser
        # earnings", "the 2000 Olympics" (but "the 2000 Americans" counts people)
    if g.endswith("(") and after_gap.strip().startswith(")"):
        return True
    if modern and _CHRONOLOGY_ITEM_RE.match(text, start) and _chronology(text):
        return True  # an item of a chronology: "1994 - Hurricane Gordon kills hundreds"
    if after_gap.startswith(":") and modern and \
            (not word or "\n" in gap or g.endswith((".", "!", "?", ";"))):
        return True  # a label that opens an entry: "1991: 520m gallons were released"
    if modern and (before_noun or closes) and \
            _PLACE_BEFORE_YEAR.search(text, max(0, start - 50), start):
        return True  # a place and its year: "Carter in Iowa 1976 and McCain in N.H. 2000)"
    return g.endswith(",") and closes and modern


#: Nouns that "minute" (tiny) modifies: "a minute chance" is no minute.
_MINUTE_ADJ_NOUNS: Final = frozenset({
    "chance", "amount", "fraction", "quantity", "quantities", "portion", "risk", "trace",
    "traces", "number", "percentage", "part", "detail", "details", "particle", "particles",
    "share", "proportion", "sliver", "difference", "change", "changes", "dose", "doses",
    "level", "levels", "probability", "possibility", "increase", "decrease", "effect"})
#: A race or its people after a year, with no article before it ("Trump attacked 2012
#: Republican presidential nominee Mitt Romney").
_CONTEST_AFTER_YEAR: Final = re.compile(
    r"\s+(?:(?:Republican|Democratic|GOP|Democrat|Libertarian|Tory|Labour|Conservative)\s+)?"
    r"(?:(?:presidential|vice[- ]presidential|gubernatorial|Senate|senatorial|congressional|"
    r"mayoral|midterm|mid-term|general|primary)\s+)?(?:nominee|candidate|hopeful|contender|"
    r"ticket|election|race|campaign|primary|caucus|convention|cycle|bid|debate|winner|"
    r"front-?runner)\b")
#: An article or possessive and one to three capitalised words before a year that modifies a
#: noun ("the Saudi 2008 budget").
_PROPER_MODIFIER_BEFORE: Final = re.compile(
    r"(?<![\w-])(?i:the|its|their|his|her|a|an)\s+(?:[A-Z][\w.'’-]*\s+){1,3}$")
#: Verbs after which "past" is a preposition ("move past days of turmoil").
_MOTION_VERBS: Final = frozenset({"move", "moves", "moved", "moving", "get", "gets", "got",
                                  "getting", "go", "goes", "went", "going", "look", "looks",
                                  "looked", "looking", "push", "pushed", "pushing", "slip",
                                  "slipped", "run", "ran", "running", "stretch", "stretched",
                                  "extend", "extended"})
#: "in" and a capitalized place right before a year: "Carter in Iowa 1976".
_PLACE_BEFORE_YEAR: Final = re.compile(r"(?<![\w-])in\s+(?:[A-Z][\w.'’-]*\s+){1,3}$")
#: The start of a span of years right before a year: "from 1999 to", "between 2001 and".
_YEAR_SPAN_BEFORE: Final = re.compile(
    r"(?<![\w-])(?i:from\s+(?:19|20)\d\d\s+(?:to|through|until|till)|between\s+(?:19|20)\d\d"
    r"\s+and)\s+$")
#: An article or possessive and one lowercase adjective before a year that modifies a noun
#: ("a tough 2010 reelection bid", "his failed 2008 campaign").
_ADJECTIVE_YEAR_BEFORE: Final = re.compile(
    r"(?<![\w-])(?:[Tt]he|[Aa]n?|[Tt]hat|[Tt]his|its|their|his|her|our|[A-Z]\w+['’]s)\s+"
    # (with an intensifier: "the far more serious 1918 pandemic", "that epochal 1944 conclave")
    r"(?:(?:far|much|even|still|very|so)\s+)?(?:most\s+|more\s+|less\s+|least\s+)?"
    r"[a-z][a-z-]+[a-z]\s+$")
#: Adjectives of amount before a number that counts ("a record 2000 votes", "an estimated
#: 2000 residents"); with them the number is not a year.
_QUANTITY_ADJECTIVES: Final = frozenset({
    "record", "whopping", "mere", "estimated", "additional", "further", "total", "staggering",
    "reported", "full", "extra", "net", "average", "combined", "projected", "paltry",
    "modest", "massive", "hefty", "healthy", "cool", "remarkable", "impressive",
    "approximately", "about", "nearly", "almost", "roughly", "some", "other", "first",
    "last", "next", "remaining", "original", "initial", "maximum", "minimum", "annual"})
_YEAR_AFTER_BOUND: Final = re.compile(
    r"(?i)(?<![\w'])(?:(?:since|from|until|till|through|by|before|after|in)\s+at\s+least|as\s+(?:early|late|"
    r"recently)\s+as|as\s+far\s+back\s+as)\s+$")


_APPROX_RE: Final = re.compile(
    r"(?<![\w-])(?i:about|almost|nearly|roughly|approximately|around|some|at\s+least|"
    r"more\s+than|less\s+than|over|under|fewer\s+than|barely|up\s+to|"
    r"(?:only\s+)?a\s+little\s+(?:more|less|over|under)\s+than|well\s+over)\s+$")
#: Rules whose expression takes a quantity modifier before it into its extent.
_APPROX_RULES: Final = frozenset({"duration", "offset", "offset_pp", "clock", "noon", "mdy"})
_APPROX_NOT_BEFORE: Final = frozenset({"clock", "noon", "mdy"})


def _with_modifier(text: str, cand: Candidate) -> Candidate:
    """The candidate with a quantity modifier before it ("about two years ago", "nearly an
    hour", "around 7:15 p.m."), which TIMEX3 extents include."""
    if cand.rule not in _APPROX_RULES or cand.get("rel"):
        return cand
    m = _APPROX_RE.search(text, max(0, cand.start - 40), cand.start)
    if m is None:
        return cand
    word = m.group().split()[0].lower()
    if cand.rule in _APPROX_NOT_BEFORE and word not in ("around", "about", "approximately",
                                                        "roughly", "nearly", "almost"):
        return cand
    if word == "over" and (cand.get("num") or "").lower() not in ("a", "an") and \
            _previous_word(text, m.start())[0].lower() != "for":
        return cand  # "over three years" is "during"; "over an hour", "for over 20 years"
        # are "more than"
    if cand.rule in ("duration", "offset", "offset_pp") and word in ("some", "under") \
            and (cand.get("num") or "")[:1].isalpha():
        return cand
    return Candidate(m.start(), cand.end, cand.rule, cand.parts)


def _adjective_extent(text: str, cand: Candidate) -> Candidate:
    """"the third-quarter results", "the 14-day waiting period": the hyphenated adjective is
    the expression, without its article (TimeBank's extent)."""
    if cand.rule in ("quarter", "duration") and "-" in text[cand.start:cand.end] and \
            text[cand.start:cand.start + 4].lower() == "the " and \
            (cand.rule == "quarter" or (cand.get("rel") or "").lower() == "the"):
        return Candidate(cand.start + 4, cand.end, cand.rule, cand.parts)
    if cand.rule == "duration" and "-" in text[cand.start:cand.end] and \
            " ".join((cand.get("rel") or "").lower().split()) in ("the first", "the final"):
        # "the final 10-day sprint": an ordinal before an adjectival duration stays out
        last = text.rfind(" ", cand.start, cand.end) + 1
        if "-" in text[last:cand.end]:
            parts = {k: v for k, v in cand.parts.items() if k != "rel"}
            return Candidate(last, cand.end, cand.rule, parts)
    return cand


_MODAL_BEFORE: Final = re.compile(
    r"(?<![\w'’])(?i:will|would|to|could|can|may|might|should|must|not|n't|does|did|do|"
    r"cannot)\s+$")


def _verb_last(text: str, cand: Candidate) -> Candidate:
    """"will last 18 months": "last" is the verb, not part of the duration."""
    if cand.rule == "duration" and (cand.get("rel") or "").lower() == "last" and \
            _MODAL_BEFORE.search(text, max(0, cand.start - 12), cand.start):
        rest = text[cand.start + 4:cand.end]
        skip = len(rest) - len(rest.lstrip())
        parts = {k: v for k, v in cand.parts.items() if k != "rel"}
        return Candidate(cand.start + 4 + skip, cand.end, cand.rule, parts)
    return cand


_LINE_STAMP_RE: Final = re.compile(_LINE_STAMP)


@lru_cache(maxsize=4)
def _live_page(text: str) -> bool:
    """Whether clock stamps open at least three lines of ``text``, two of them no year (a
    live page's "0815 ... 2346", not a chronology's "1998 ... 2001 ... 2003").  Cached: it
    is asked once for each stamp of the same text."""
    stamps = list(_LINE_STAMP_RE.finditer(text))
    if len(stamps) < 3:
        return False
    return sum(1 for m in stamps
               if ":" in m.group() or not 1900 <= int(m["hour"] + m["minute"]) <= 2039) >= 2


_CHRONOLOGY_ITEM_RE: Final = re.compile(r"(?<![\w,.-])(?:1[89]|20)\d\d\s+[-–—]\s+[A-Z]")


@lru_cache(maxsize=4)
def _chronology(text: str) -> bool:
    """Whether ``text`` lists events as "YEAR - What happened" at least twice ("1994 -
    Hurricane Gordon kills hundreds 1998 - Hurricane Georges ...").  Cached like
    :func:`_live_page`."""
    return len(_CHRONOLOGY_ITEM_RE.findall(text, 0, 200_000)) >= 2


def recognize(text: str) -> list[Candidate]:
    """All time expressions the grammar finds in ``text``: sorted, non-overlapping."""
    found: list[Candidate] = []
    for name, rx in _COMPILED:
        for m in rx.finditer(text):
            if not _accept(text, name, m):
                continue
            start, end = m.span("core") if "core" in rx.groupindex \
                and m.start("core") >= 0 else m.span()
            while end > start and text[end - 1].isspace():
                end -= 1
            if end <= start:
                continue
            parts = {k: v for k, v in m.groupdict().items() if v is not None}
            found.append(Candidate(start, end, name, parts))
    found.sort(key=lambda c: (c.start - c.end, _PRIORITY[c.rule], c.start))
    kept: list[Candidate] = []
    for cand in found:
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    kept.sort(key=lambda c: c.start)
    kept = [_verb_last(text, _adjective_extent(text, c)) for c in kept]
    out: list[Candidate] = []
    for cand in kept:
        wide = _with_modifier(text, cand)
        out.append(wide if not out or wide.start >= out[-1].end else cand)
    return out
