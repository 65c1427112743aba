"""The normalizer: turns recognized candidates into TIMEX3 values.

Anchoring policy (documented here because the rest of the pipeline relies on it):

* Deictic expressions ("today", "last month", "on Saturday", "later this year", "three years
  ago") resolve against the publication date (``dct``).  Without one they stay
  underspecified (``XXXX-WXX-6``, ``XXXX-03``, ``XXXX``); the machine clock is never used.
* Anaphoric expressions ("a day earlier", "the day before", "two days later", "the following
  week", "that month") resolve against the narrative anchor: the last DATE the text resolved
  (at the needed granularity), falling back to the dct, else underspecified.
* A bare weekday ("on Saturday") in a past or untensed clause is the most recent such day on
  or before the dct (the dct itself counts: a story dated Friday saying "said on Friday" means
  that day); in a future clause ("will meet on Friday") it is the first one strictly after the
  dct (a writer meaning the dct itself would say "today").  The weekday right after the dct
  is that next day whatever the tense (wire copy is dated the eve of the events it announces;
  7 of the 8 such weekdays in the training portion).
* A bare month ("in March") takes the dct's year, moved back a year when the month would
  follow the dct by more than two months in a past clause, forward when it would precede it
  in a future clause; an untensed month up to four months after a late-year dct is next
  year's ("the summit in April" said in December), any other the dct's year.  A month and day without a
  year ("March 5") takes the occurrence nearest the dct (so a planned launch two days after
  the dct keeps the dct's year), except in a past clause, where a day more than two months
  after the dct is last year's.  A deadline ("repay it by February") is a month on or after
  the dct's, and after "by", "until" or "effective" a past clause does not move a month and
  day back a year ("effective Feb. 1").
* A clock time without a day ("at 10 p.m.") is on the narrative's last day when that day was
  named in the same sentence or less than 500 characters before, else on the dct.
* Business-report periods follow TimeBank's conventions: "the quarter" / "the latest quarter"
  is the last quarter the text named that had ended by the dct (a forecast "fourth-quarter
  charge" is not it), else the last quarter completed before the dct;
  "the year-earlier quarter", "year-ago", and "a year ago" / "last year" right after a quarter
  was named, are that quarter a year back ("1988-Q3"); "fiscal 1989" is ``1989``; "for the
  year" is the dct's year, "the year ended June 30" a ``P1Y`` duration.  Such comparisons
  (and "a year earlier") do not move the narrative anchor, so a second "a year earlier"
  means the same year as the first.
* "two decades" is ``P20Y`` (TimeBank writes counted decades and centuries in years); a
  fraction goes into the next smaller unit ("2 1/2 years" ``P2Y6M``, "5 1/2 hours"
  ``PT5H30M``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from storyline.time.grammar import Candidate, year_span_end
from storyline.time.lexicon import (
    DECADE_WORDS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASON_MONTHS,
    SEASONS,
    UNIT_MULTIPLIER,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
)
from storyline.time.tense import Tense

#: (type, value, granularity, relative)
Normalized = tuple[str, str, str, bool]

_DCT_REL = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0,
            "the current": 0, "next": 1, "coming": 1, "the coming": 1}
_ANCHOR_REL = {"the previous": -1, "the preceding": -1, "the prior": -1, "the following": 1,
               "the next": 1, "the same": 0, "that": 0, "that same": 0}
_DURATION_REL = {"the past", "the last", "this past"}


@dataclass
class Anchor:
    """The narrative anchor: the last resolved day / week / month / year of one text.

    One instance lives inside one :func:`storyline.time.tag` call; nothing is shared.
    """

    day: dt.date | None = None
    day_at: int = -1  # text offset where the day was mentioned
    #: the tense of the clause that named that day (asked only where it matters: whether a
    #: day after the dct was named looking ahead, "will be released Monday")
    day_tense: Callable[[], Tense] | None = None
    #: where the last two months were named (month granularity only)
    month_at: int = -1
    earlier_month_at: int = -1
    #: the last day named, kept when a later month or year clears ``day`` (what "three
    #: hours earlier" counts from when only a month was named since: "spoke Tuesday about
    #: his pledge not to run in September ... the pledge made three hours earlier")
    named_day: dt.date | None = None
    week: dt.date | None = None  # the Monday of the week
    month: tuple[int, int] | None = None
    year: int | None = None
    quarter: tuple[int, int] | None = None  # (year, quarter 1-4)
    #: the last named quarter that had ended by the dct (a results story's subject; a
    #: forecast "fourth-quarter charge" is not) and its text offset
    done_quarter: tuple[int, int] | None = None
    done_at: int = -1
    #: the latest completed quarter the text named (a results story's own quarter, which a
    #: passing mention of an earlier one does not replace)
    latest_done: tuple[int, int] | None = None
    last_granularity: str = ""  # granularity of the last DATE recorded
    last_at: int = -1  # its text offset
    #: the last day the text stated with its year ("Nov. 12, 2012"), or the middle of a
    #: stated month or season ("in November 2006"), and its text offset
    stated_ref: dt.date | None = None
    stated_at: int = -1
    #: the last year the text gave by its number ("the 1968 convention") and its offset;
    #: ``framed``: the number opened its sentence as the time of what follows ("In 1918,
    #: there was a first wave of mild flu in April")
    named_year: int | None = None
    named_at: int = -1
    framed: bool = False

    def update(self, value: str, granularity: str, offset: int,
               dct: dt.date | None = None, stated: bool = False,
               tense: Callable[[], Tense] | None = None) -> None:
        """Record a resolved DATE value as the new anchor at its granularity (``dct`` tells
        a completed quarter from a current or future one; ``stated``: the text gave the
        year itself, as the time of its narrative, not as a modifier: "on Nov. 1, 2002",
        not "the Sept. 11, 2001, attacks"; ``tense``: the tense of the clause that names it)."""
        self.last_granularity, self.last_at = granularity, offset
        if stated and value[:4].isdigit():
            ref = _stated_ref(value, granularity)
            if ref is not None:
                self.stated_ref, self.stated_at = ref, offset
        try:
            if granularity in ("day", "part_of_day") and value[:10].count("-") == 2:
                d = dt.date.fromisoformat(value[:10])
                self.day, self.day_at, self.named_day = d, offset, d
                self.day_tense = tense
                self.week = d - dt.timedelta(days=d.weekday())
                self.month, self.year = (d.year, d.month), d.year
            elif granularity == "week" and "-W" in value:
                y, w = int(value[:4]), int(value[6:8])
                monday = dt.date.fromisocalendar(y, w, 1)
                self.day, self.week = None, monday
                self.month, self.year = (monday.year, monday.month), monday.year
            elif granularity == "month":
                self.day = self.week = None
                self.earlier_month_at = self.month_at
                self.month_at = offset
                self.month, self.year = (int(value[:4]), int(value[5:7])), int(value[:4])
            elif granularity == "year":
                self.day = self.week = None
                self.month, self.year = None, int(value[:4])
            elif granularity == "quarter" and value[5:6] == "Q" and value[6:7].isdigit():
                self.quarter = (int(value[:4]), int(value[6]))
                self.year = int(value[:4])
                if dct is None or self.quarter < _quarter_of(dct):
                    self.done_quarter, self.done_at = self.quarter, offset
                    if self.latest_done is None or self.quarter > self.latest_done:
                        self.latest_done = self.quarter
        except ValueError:
            return

    def name_year(self, year: int, offset: int, framed: bool) -> None:
        """Record a year the text gave by its number (``framed``: it opened its sentence as
        the time of what follows, "In 1918, ...")."""
        self.named_year, self.named_at, self.framed = year, offset, framed


def _stated_ref(value: str, granularity: str) -> dt.date | None:
    """The day a stated DATE stands for when later month-days look for their year: the day
    itself, or the middle of a month or of a season (winter, across two years, is left out)."""
    try:
        if granularity == "day" and value[:10].count("-") == 2:
            return dt.date.fromisoformat(value[:10])
        if granularity == "month" and len(value) == 7:
            return dt.date(int(value[:4]), int(value[5:7]), 15)
        if granularity == "season" and value[5:] in ("SP", "SU", "FA"):
            return dt.date(int(value[:4]), SEASON_MONTHS[value[5:]][1], 15)
    except ValueError:
        return None
    return None


@dataclass
class Context:
    """What the normalizer may look at for one candidate."""

    dct: dt.date | None
    anchor: Anchor
    tense: Callable[[], Tense]
    same_sentence: Callable[[int], bool]
    #: text offset of the candidate (for distances to the anchor's last mention)
    at: int = -1
    #: the lower-cased word right before the candidate ("in", "by", "since", ...)
    before: str = ""
    #: the lower-cased word before that one ("stand" in "stand by Friday")
    before_before: str = ""
    #: whether the word before the candidate opens its sentence ("By October, ...")
    opens_sentence: Callable[[], bool] = lambda: False
    #: whether a plan, promise or obligation comes before the candidate in its sentence
    #: ("announced he would not run in September", "must support her in November")
    prospective: Callable[[], bool] = lambda: False
    #: whether a present progressive schedules the candidate ("is meeting Thursday")
    progressive: Callable[[], bool] = lambda: False
    #: whether the candidate heads an entry of a chronology ("April 21: The rig burns")
    heads_entry: Callable[[], bool] = lambda: False
    #: whether the candidate is inside a live page's update stamp ("(Update 8 p.m. Cairo")
    in_stamp: Callable[[], bool] = lambda: False

    def quarter_context(self) -> tuple[int, int] | None:
        """The quarter the text just talked about (the last DATE was that quarter, a few
        hundred characters back): "a year ago" then means that quarter a year earlier."""
        a = self.anchor
        if a.done_quarter is not None and a.last_granularity == "quarter" and \
                0 <= self.at - a.done_at <= 400:
            return a.done_quarter
        return None


# ---------------------------------------------------------------- calendar helpers


def _quarter_of(d: dt.date) -> tuple[int, int]:
    """The (year, quarter 1-4) that holds ``d``."""
    return d.year, (d.month - 1) // 3 + 1


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def _fmt_month(ym: tuple[int, int]) -> str:
    return f"{ym[0]:04d}-{ym[1]:02d}"


def _fmt_week(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shift_days(d: dt.date, k: int) -> dt.date | None:
    try:
        return d + dt.timedelta(days=k)
    except OverflowError:
        return None


def _month_number(word: str) -> int:
    w = word.rstrip(".")
    return MONTHS.get(w.capitalize()) or MONTH_ABBREVIATIONS.get(w.capitalize(), 0)


def weekday_number(word: str) -> int:
    """The ISO number of a weekday's name in any case ("TUESDAY": 2); 0 for any other word."""
    return WEEKDAYS.get(word.capitalize(), 0)


def _number(word: str) -> float | None:
    """A number word or numeral as a number; None for vague quantities ("several")."""
    w = " ".join(word.lower().split())
    if w.endswith(("1/2", "½")) and w[:1].isdigit():  # "2 1/2", "2½"
        whole = w.removesuffix("1/2").removesuffix("½").strip()
        return float(whole) + 0.5 if whole.isdigit() else None
    if w in VAGUE_NUMBERS:
        return None
    if w in NUMBER_WORDS:
        return float(NUMBER_WORDS[w])
    if "-" in w or " " in w:
        parts = w.replace("-", " ").split()
        total = sum(float(NUMBER_WORDS.get(p, 0)) for p in parts)
        return total or None
    try:
        return float(w.replace(",", ""))
    except ValueError:
        return None


def _num_str(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _nearest_year(dct: dt.date, month: int, day: int = 15) -> int:
    """The year that puts month/day nearest to ``dct``."""
    best = dct.year
    best_gap: int | None = None
    for y in (dct.year - 1, dct.year, dct.year + 1):
        d = _safe_date(y, month, min(day, 28))
        if d is None:
            continue
        gap = abs((d - dct).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = y, gap
    return best


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


# ---------------------------------------------------------------- rules


def _day_value(ctx: Context, d: dt.date | None, relative: bool) -> Normalized | None:
    if d is None:
        return None
    return ("DATE", d.isoformat(), "day", relative)


def _explicit_date(c: Candidate, ctx: Context) -> Normalized | None:
    if c.rule == "iso":
        y, m, d = int(c.parts["year"]), int(c.parts["month"]), int(c.parts["day"])
    elif c.rule == "slash":
        if "hyear" in c.parts:  # "4-29-2010"
            a, b, year = int(c.parts["ha"]), int(c.parts["hb"]), c.parts["hyear"]
        else:
            a, b, year = int(c.parts["a"]), int(c.parts["b"]), c.parts["year"]
        m, d = (a, b) if a <= 12 else (b, a)
        y = int(year) if len(year) == 4 else 2000 + int(year) if int(year) < 50 else \
            1900 + int(year)
    else:
        day = c.parts["day"]
        m = _month_number(c.parts["month"])
        d = int(day) if day.isdigit() else ORDINALS[" ".join(day.lower().split())]  # "the first of June"
        given = c.parts.get("year") or c.parts.get("range_year")
        if given is None and (m, d) == (9, 11) and ctx.dct is not None and \
                ctx.dct.year > 2001 and _stated_earlier(ctx) is None and (
                    "event" in c.parts or (ctx.before in ("after", "since", "post")
                                           and ctx.dct.month < 9)):
            # the attacks: "the Sept. 11 attacks", "since Sept. 11" (inferred, so not a
            # year the narrative states)
            return ("DATE", "2001-09-11", "day", True)
        if given is None:
            if ctx.dct is None:
                if _safe_date(2000, m, d) is None:
                    return None
                return ("DATE", f"XXXX-{m:02d}-{d:02d}", "day", True)
            return _day_value(ctx, _safe_date(_month_day_year(ctx, m, d, "poll" in c.parts),
                                              m, d), True)
        y = int(given)
    date = _safe_date(y, m, d)
    if date is None:
        return None
    if c.get("hour") is not None:
        return ("TIME", f"{date.isoformat()}T{c.parts['hour']}:{c.parts['minute']}", "time",
                False)
    return ("DATE", date.isoformat(), "day", False)


#: Words of a deadline before a date ("repay the loan by February", "effective Feb. 1"): the
#: date is not moved back a year by a past clause (measured on the training portion).
_DEADLINE_WORDS = frozenset({"by", "until", "till", "effective"})


#: How far (characters) a day stated with its year keeps its year for later month-days.
_STATED_REACH = 600


def _stated_earlier(ctx: Context) -> dt.date | None:
    """The day the text just stated with an earlier year ("on Nov. 12, 2012"), whose year its
    month-days without one then take ("the September 11 attack" in Benghazi); None if there
    is none within reach or the narrative has since moved to another year."""
    a, ref = ctx.anchor, ctx.anchor.stated_ref
    if ctx.dct is None or ref is None or ref.year >= ctx.dct.year or \
            a.year not in (None, ref.year) or \
            not 0 <= ctx.at - a.stated_at <= _STATED_REACH:
        return None
    return ref


def _month_day_year(ctx: Context, month: int, day: int, poll: bool = False) -> int:
    """The year of a month and day given without one: in a past clause the last such day
    (up to two months after the dct still counts as this year's: reporting lags and plans
    told in the past tense), else the occurrence nearest the dct (measured on the training
    portion: the future cue is too unreliable to move a date forward).  A story told from a
    day stated with an earlier year ("the attack on Nov. 12, 2012 ... the September 11
    raid") keeps that year: the one that puts the day nearest the stated day.  A vote named
    by its day ("the Nov. 8 election") up to seven months ahead is the coming one whatever
    the tense ("hacked the emails to sway the Nov. 8 election")."""
    assert ctx.dct is not None
    dct = ctx.dct
    this_year = _safe_date(dct.year, month, min(day, 28))
    if poll and this_year is not None:
        ahead = this_year if this_year >= dct else _safe_date(dct.year + 1, month, min(day, 28))
        if ahead is not None and _months_between(dct, ahead) <= _VOTE_AHEAD:
            return ahead.year
    if this_year is None or ctx.prospective():
        return _nearest_year(dct, month, day)
    tense = ctx.tense()
    if tense in ("past", "unknown") and (stated := _stated_earlier(ctx)) is not None:
        near = _nearest_year(stated, month, day)
        if (near, month, day) <= (dct.year, dct.month, dct.day):
            return near
    if ctx.before in _DEADLINE_WORDS:
        return _nearest_year(dct, month, day)
    if tense == "past" or (tense != "future" and ctx.heads_entry()):
        # (a chronology's entries are told in the historic present: "April 21: The
        # Deepwater Horizon oil rig burns", in a December recap, is last April)
        return dct.year - 1 if (this_year - dct).days > 60 else dct.year
    return _nearest_year(dct, month, day)


def _months_between(a: dt.date, b: dt.date) -> int:
    """Whole calendar months from ``a``'s month to ``b``'s."""
    return (b.year - a.year) * 12 + b.month - a.month


def _week_of(c: Candidate, ctx: Context) -> Normalized | None:
    """"the week of March 6": the ISO week of that day."""
    got = _explicit_date(c, ctx)
    if got is None or got[1][:4] == "XXXX":
        return None if got is None else ("DATE", "XXXX-WXX", "week", True)
    return ("DATE", _fmt_week(dt.date.fromisoformat(got[1][:10])), "week", got[3])


#: "the first / ... / last week of April", "the second Tuesday of March": which one (-1 last)
_MONTH_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}


def _year_of_month(c: Candidate, ctx: Context) -> tuple[int, bool] | None:
    """The year of the month a candidate names inside it ("the first week of April 2010",
    "the last Sunday in January") and whether it was inferred: the year given, else the one
    a bare month would take; None with neither a year nor a dct."""
    if "year" in c.parts:
        return int(c.parts["year"]), False
    if ctx.dct is not None:
        return int(_bare_month(c, ctx)[1][:4]), True
    return None


def _nth_weekday_in_month(c: Candidate, ctx: Context) -> Normalized:
    """"the last Sunday in January": that day of the month's year (the year given, else
    the one a bare month would take)."""
    m = _month_number(c.parts["month"])
    wd = weekday_number(c.parts["weekday"])
    got = _year_of_month(c, ctx)
    if got is None:
        return ("DATE", "XXXX-XX-XX", "day", True)
    year, relative = got
    try:
        day = _nth_weekday(year, m, wd - 1, _MONTH_ORDINALS[c.parts["ordinal"].lower()])
    except (ValueError, OverflowError):
        return ("DATE", "XXXX-XX-XX", "day", True)
    return ("DATE", day.isoformat(), "day", relative)


def _week_in_month(c: Candidate, ctx: Context) -> Normalized:
    """"the first week of April": the ISO week holding the month's 4th (the week with most of
    the month's first seven days), the 11th for the second, ...; "the last week of October"
    the week holding the month's fourth-last day."""
    m = _month_number(c.parts["month"])
    got = _year_of_month(c, ctx)
    if got is None:
        return ("DATE", "XXXX-WXX", "week", True)
    year, relative = got
    n = _MONTH_ORDINALS[c.parts["ordinal"].lower()]
    try:
        if n < 0:
            nxt = _add_months(year, m, 1)
            day = dt.date(*nxt, 1) - dt.timedelta(days=4)
        else:
            day = dt.date(year, m, 4 + 7 * (n - 1))
    except (ValueError, OverflowError):  # beyond the calendar (a dct in year 9999)
        return ("DATE", "XXXX-WXX", "week", True)
    return ("DATE", _fmt_week(day), "week", relative)


def _month_year(c: Candidate, ctx: Context) -> Normalized:
    m = _month_number(c.parts["month"])
    return ("DATE", f"{int(c.parts['year']):04d}-{m:02d}", "month", False)


#: Months after the dct's month that a past clause still means in the dct's year (reports
#: lag and plans are told in the past tense); measured on the training portion.
_MONTH_LAG = 2
#: Months after the dct's month (across the new year) that an untensed or present clause
#: means in the coming year ("the summit in April", said in December).
_MONTH_AHEAD = 4


#: Words between two months that make the second follow the first ("December and January").
_MONTH_PAIR_WORDS = frozenset({"and", "or", "through", "to", "until", "till"})


#: "this past May", "this coming Tuesday": the last / the next one
_THIS_REL = {"this past": "last", "this coming": "next"}


#: How many months ahead a vote named by its month ("the November election") may lie in a
#: past clause and still be the coming one.
_VOTE_AHEAD = 7


def _month_that_year(c: Candidate, ctx: Context) -> Normalized:
    """"June of that year": the month in the year the narrative last named."""
    m = _month_number(c.parts["month"])
    year = _anchor_refs(ctx)[2]  # the narrative's year, else the dct's
    return ("DATE", f"{year:04d}-{m:02d}" if year is not None else f"XXXX-{m:02d}", "month",
            True)


def _narrative_year(ctx: Context) -> int | None:
    """The earlier year a past narrative has just named, for a month or season it then
    gives without one ("went up against McCain in the fall", in a sentence about 2008;
    "Humphrey's loss that November", after "the 1968 convention")."""
    a = ctx.anchor
    if a.named_year is None or ctx.dct is None or a.named_year >= ctx.dct.year:
        return None
    if ctx.before == "that" and 0 < ctx.at - a.named_at <= 300:
        return a.named_year
    if a.framed and ctx.same_sentence(a.named_at) and ctx.tense() == "past" and \
            not ctx.prospective():
        return a.named_year
    return None


#: How far (characters) back a month stated with an older year lends that year to the same
#: month named again without one.
_MONTH_AGAIN_SPAN = 1500


def _month_again(ctx: Context, month: int) -> int | None:
    """The year of the same month stated with its year shortly before, two or more years
    before the dct: "a meeting in April 1998 ... At the April meeting" is April 1998.  (A
    year-on-year comparison, "up from April 2008" told in 2009, keeps the dct's year.)"""
    a = ctx.anchor
    ref = a.stated_ref
    if ref is None or ctx.dct is None or ref.month != month or ref.year > ctx.dct.year - 2 \
            or not 0 < ctx.at - a.stated_at <= _MONTH_AGAIN_SPAN:
        return None
    return ref.year


def _bare_month(c: Candidate, ctx: Context) -> Normalized:
    m = _month_number(c.parts["month"])
    rel = " ".join((c.get("rel") or "").lower().split())
    rel = _THIS_REL.get(rel, rel)
    if ctx.dct is None:
        return ("DATE", f"XXXX-{m:02d}", "month", True)
    y, dm = ctx.dct.year, ctx.dct.month
    a = ctx.anchor
    paired = None
    if not rel and ctx.before in _MONTH_PAIR_WORDS and a.last_granularity == "month" and \
            a.month is not None and 0 < ctx.at - a.last_at <= 30:
        # the second of two months ("ads reserved in December and January"): the first such
        # month after the one just named, unless a past clause would put it after the dct
        # while the first month is not after it itself (told in November, that January is
        # the coming one)
        paired = a.month[0] + (1 if m <= a.month[1] else 0)
        if (paired, m) > (y, dm) and a.month <= (y, dm) and ctx.tense() == "past":
            paired = None
    range_year = c.get("range_year")
    if range_year is not None and not rel:
        # the first of two months with one year ("September to December 2014"; "December to
        # March 2014" starts the year before)
        y = int(range_year) - (1 if m > _month_number(c.parts["range_month"]) else 0)
    elif paired is not None:
        y = paired
    elif rel in ("last", "past"):
        y = y if m < dm else y - 1
    elif rel in ("next", "coming"):
        y = y if m > dm else y + 1
    elif ctx.before == "since" and not rel:
        y = y if m <= dm else y - 1  # "has grown since December": the last one
    elif not rel and (narrative := _narrative_year(ctx)) is not None:
        y = narrative
    elif not rel and (again := _month_again(ctx, m)) is not None:
        y = again
    elif rel != "this":
        tense = ctx.tense()
        if ctx.before == "come":
            tense = "future"  # "the election come November"
        elif ctx.before == "by" and not (tense == "past" and (
                ctx.opens_sentence() or 0 <= dm - m <= 1
                or (m <= dm and not ctx.prospective()
                    and "end" in (c.get("mod") or "").lower()))):
            # "repay the loan by February": a deadline, on or after the dct (but a sentence
            # that opens "By October, only a third were getting checks" looks back, and so
            # does a past clause about the month just ended or this one: "raised $287
            # million by the end of February", told in March, and any earlier month of the year:
            # "coffers had dwindled to $1.2 million by the end of March", told in May)
            tense = "future"
        elif ctx.before == "before" and ctx.prospective():
            tense = "future"  # a plan's deadline: "said he planned to visit before January"
        elif ctx.before == "from" and ctx.before_before in _CHANGE_FROM and tense != "future":
            tense = "past"  # the base of a change: "a 12-point jump from November"
        lag = 0 if ctx.before == "in" and ctx.opens_sentence() else _MONTH_LAG
        if tense == "past" and m > dm + lag and not ctx.prospective() and \
                not ("poll" in c.parts and m - dm <= _VOTE_AHEAD):
            # (a vote up to seven months off is the coming one whatever the tense: "shift
            # focus toward the November election", told in April; a sentence that opens with
            # the month frames a past narrative: "In October, she proposed ...", told in
            # September, is last October)
            y -= 1
        elif tense == "future" and m < dm:
            y += 1
        elif tense != "past" and m < dm and (m - dm) % 12 <= _MONTH_AHEAD:
            y += 1  # untensed, a month or few after a late-year dct: the coming one
    return ("DATE", f"{y:04d}-{m:02d}", "month", True)


#: Nouns of what follows a day's event ("the results of Tuesday's primaries").
_AFTERMATH = frozenset({"results", "outcome", "aftermath", "wake"})
#: Words of a change measured from a month ("up from November", "a jump from March").
_CHANGE_FROM = frozenset({"up", "down", "jump", "rise", "increase", "drop", "fall", "gain",
                          "decline", "dip", "climb", "surge", "change", "shift", "higher",
                          "lower", "improvement", "rebound", "slide", "uptick", "bump",
                          "boost"})


#: a part of the day named before the weekday ("at mid-morning Thursday")
_MID_PARTS: Final = {"midmorning": "MO", "midafternoon": "AF"}

#: before a weekday in a clause with no tense, a deadline or a span that runs on to it:
#: "free to change tickets until Monday", "working by Monday", "could last into Monday"
#: (not a verb's particle: "guards stand by Friday in Cairo")
_RUNS_ON_TO = frozenset({"by", "until", "till", "into"})
_PARTICLE_BY = frozenset({"stand", "stands", "stood", "standing", "stop", "stops", "stopped",
                          "drop", "dropped", "come", "came", "pass", "passed", "walk",
                          "walked", "swing", "swung"})


def _weekday(c: Candidate, ctx: Context) -> Normalized:
    wd = weekday_number(c.parts["weekday"])
    pod = PARTS_OF_DAY.get((c.get("pod") or "").lower(), "") or \
        _MID_PARTS.get((c.get("podpre") or "").lower().replace("-", ""), "")
    suffix = f"T{pod}" if pod else ""
    gran = "part_of_day" if pod else "day"
    if c.get("plural") or c.get("pod_plural"):  # "on Saturdays", "on Saturday nights"
        return ("SET", f"XXXX-WXX-{wd}{suffix}", "set", False)
    if ctx.dct is None:
        return ("DATE", f"XXXX-WXX-{wd}{suffix}", gran, True)
    dct = ctx.dct
    delta_back = (dct.isoweekday() - wd) % 7  # days back to the most recent such day
    rel = " ".join((c.get("rel") or "").lower().split())
    rel = _THIS_REL.get(rel, rel)
    if c.rule == "weekday_that" and ctx.anchor.day is not None:
        # "that Sunday": the narrative's day if it is a Sunday, else the first Sunday after it
        # (a bare weekday where the narrative has no day yet)
        target = _shift_days(ctx.anchor.day, (wd - ctx.anchor.day.isoweekday()) % 7)
        if target is not None:
            return ("DATE", target.isoformat() + suffix, gran, True)
    if rel.startswith("the "):  # "the previous Friday": the one before the narrative's day
        ref = ctx.anchor.day or dct
        step = ((ref.isoweekday() - wd) % 7 or 7) if rel != "the following" else \
            -((wd - ref.isoweekday()) % 7 or 7)
        target = _shift_days(ref, -step)
        if target is None:
            return ("DATE", f"XXXX-WXX-{wd}{suffix}", gran, True)
        return ("DATE", target.isoformat() + suffix, gran, True)
    if rel in ("last", "past"):
        k = -(delta_back or 7)
    elif rel in ("next", "coming"):
        k = (wd - dct.isoweekday()) % 7 or 7
    elif rel == "this":
        # the day of the dct's week, unless the tense points the other way: "He will win
        # Michigan this Tuesday", told on a Friday, is the coming one
        k = wd - dct.isoweekday()
        tense = ctx.tense()
        if k < 0 and tense == "future":
            k += 7
        elif k > 0 and tense == "past":
            k -= 7
    elif ctx.before in ("later", "earlier") and delta_back <= 1:
        k = -delta_back  # "when he speaks later Monday": the day of writing, which a copy
        # dated the next day (Tuesday) puts one day back, never six days ahead
    elif c.get("outcome") or ctx.before == "since" or (
            ctx.before == "of" and ctx.before_before in _AFTERMATH):
        k = -delta_back  # the last such day: "after Tuesday's victory", "since Monday night",
        # "the results of Tuesday's primaries"
    elif (tense := ctx.tense()) == "future" or (tense == "unknown" and (
            ctx.prospective() or (ctx.before in _RUNS_ON_TO and
                                  ctx.before_before not in _PARTICLE_BY))) or (
            ctx.before in ("until", "till") and ctx.prospective()):
        # the dct's own weekday: that day ("will vote Tuesday"); a modal or a plan with no
        # tense of its own looks ahead too ("could be tried as soon as Wednesday"), and so
        # does a plan told in the past that runs on to the day ("said banks would be shut
        # until Wednesday")
        k = (wd - dct.isoweekday()) % 7
    elif tense == "unknown" and delta_back != 1 and ctx.progressive():
        # a present progressive schedules the day: "A federal panel is meeting Thursday",
        # told on a Tuesday, is the coming Thursday (yesterday aside: a copy dated the day
        # after it was written still says "are flying over the Gulf on Wednesday")
        k = (wd - dct.isoweekday()) % 7
    elif delta_back == 6:
        k = 1  # the day after the dct: wire copy dated the eve of its events
    else:
        k = -delta_back
    target = _shift_days(dct, k)
    if target is None:
        return ("DATE", f"XXXX-WXX-{wd}{suffix}", gran, True)
    return ("DATE", target.isoformat() + suffix, gran, True)


def _year(c: Candidate, ctx: Context) -> Normalized:
    return ("DATE", f"{int(c.parts['year']):04d}", "year", False)


def _decade(c: Candidate, ctx: Context) -> Normalized:
    if c.rule == "decade_word":
        return ("DATE", f"19{DECADE_WORDS[c.parts['word'].lower()]}", "decade", False)
    if "short" in c.parts:
        digit = int(c.parts["short"])
        if ctx.dct is None:
            century = 20 if digit <= 2 else 19
        else:  # the last such decade that has begun by the dct: "the '20s" told in 2016
            century = 20 if ctx.dct.year >= 2000 and digit * 10 <= ctx.dct.year % 100 else 19
        return ("DATE", f"{century}{digit}", "decade", False)
    if c.parts["decade"] == "0" and c.parts["century"] in ("15", "16", "17", "18", "19"):
        return ("DATE", c.parts["century"], "century", False)  # "the 1800s": the century
    return ("DATE", f"{c.parts['century']}{c.parts['decade']}", "decade", False)


def _century(c: Candidate, ctx: Context) -> Normalized | None:
    word = " ".join(c.parts["ordinal"].lower().split())
    n = ORDINALS.get(word) or ORDINALS.get(word.replace(" ", "-"))
    if n is None:
        digits = "".join(ch for ch in word if ch.isdigit())
        n = int(digits) if digits else 0
    if not 1 <= n <= 30:
        return None
    return ("DATE", f"{n - 1:02d}", "century", False)


def _quarter(c: Candidate, ctx: Context) -> Normalized | None:
    if c.rule == "quarter_code":
        code = c.parts.get("q") or c.parts["nq"][::-1]  # "1Q" is "Q1"
        letter, n = code[0], int(code[1])
        if "fy" in c.parts:
            year: int | None = 2000 + int(c.parts["fy"])
        else:
            year = int(c.parts["year"]) if "year" in c.parts else None
    else:
        word = c.parts["ordinal"].lower()
        n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4,
             "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}[word]
        letter = "Q" if c.parts["unit"].lower() == "quarter" else "H"
        if letter == "H" and n > 2:
            if word in ("final", "last"):
                n = 2
            else:
                return None
        year = int(c.parts["year"]) if "year" in c.parts else None
        yrel = (c.get("yrel") or "").lower()
        if yrel and ctx.dct is not None:  # "the second half of next year"
            year = ctx.dct.year + _DCT_REL[yrel]
    gran = "quarter" if letter == "Q" else "half"
    if year is not None:
        return ("DATE", f"{year:04d}-{letter}{n}", gran, False)
    if ctx.dct is None:
        return ("DATE", f"XXXX-{letter}{n}", gran, True)
    y = ctx.dct.year
    current = _quarter_of(ctx.dct)[1] if letter == "Q" else (ctx.dct.month - 1) // 6 + 1
    if c.rule == "quarter" and c.parts["ordinal"].lower() == "last" and not c.get("yrel") \
            and not c.get("of"):
        # "the last quarter" alone is the one before the dct's ("the last quarter of the
        # year" is the fourth)
        n, y = (current - 1, y) if current > 1 else (4 if letter == "Q" else 2, y - 1)
        return ("DATE", f"{y:04d}-{letter}{n}", gran, True)
    if ctx.tense() == "past" and n > current:
        y -= 1
    return ("DATE", f"{y:04d}-{letter}{n}", gran, True)


def _season(c: Candidate, ctx: Context) -> Normalized:
    code = SEASONS[c.parts["season"].lower()]
    if "year" in c.parts:
        return ("DATE", f"{int(c.parts['year']):04d}-{code}", "season", False)
    if ctx.dct is None:
        return ("DATE", f"XXXX-{code}", "season", True)
    months = SEASON_MONTHS[code]
    y, dm = ctx.dct.year, ctx.dct.month
    rel = (c.get("rel") or "").lower()
    if rel in ("last", "past"):
        y = y - 1 if code == "WI" or dm <= months[-1] else y
    elif rel in ("next", "coming"):
        y = y if code != "WI" and dm < months[0] else y + 1
    elif not rel and (narrative := _narrative_year(ctx)) is not None:
        y = narrative
    elif rel != "this" and code != "WI":
        tense = ctx.tense()
        if tense == "past" and months[0] > dm and not ctx.prospective() and \
                ctx.before not in ("until", "till", "into"):
            y -= 1  # (but what runs on until or into a season lies ahead: "the so called
            # government is not planning one until the autumn", told in April, where "called"
            # is no past of the clause)
        elif months[-1] < dm and (tense == "future" or
                                  (tense == "unknown" and ctx.prospective())):
            y += 1  # "a film set to be released in the summer", told in December
    return ("DATE", f"{y:04d}-{code}", "season", True)


def _rel_day(c: Candidate, ctx: Context) -> Normalized | None:
    word = " ".join(c.parts["word"].lower().split())
    pod = PARTS_OF_DAY.get((c.get("pod") or "").lower(), "")
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
              "the day before yesterday": -2, "the day after tomorrow": 2}[word]
    if word == "tonight":
        pod = "NI"
    suffix = f"T{pod}" if pod else ""
    gran = "part_of_day" if pod else "day"
    if ctx.dct is None:
        if word == "today" and not pod:
            return ("DATE", "PRESENT_REF", "ref", True)
        return ("DATE", "XXXX-XX-XX" + suffix, gran, True)
    d = _shift_days(ctx.dct, offset)
    return None if d is None else ("DATE", d.isoformat() + suffix, gran, True)


def _unit_value(unit: str, ref_day: dt.date | None, ref_month: tuple[int, int] | None,
                ref_year: int | None, k: int) -> tuple[str, str] | None:
    """Value and granularity of the unit ``k`` steps away from the reference."""
    if unit in ("day", *tuple(PARTS_OF_DAY)):
        if ref_day is None:
            return None
        d = _shift_days(ref_day, k)
        if d is None:
            return None
        if unit == "day":
            return d.isoformat(), "day"
        return f"{d.isoformat()}T{PARTS_OF_DAY[unit]}", "part_of_day"
    if unit in ("week", "weekend"):
        if ref_day is None:
            return None
        d = _shift_days(ref_day, 7 * k)
        if d is None:
            return None
        return _fmt_week(d) + ("-WE" if unit == "weekend" else ""), "week"
    if unit == "month":
        if ref_month is None:
            return None
        return _fmt_month(_add_months(*ref_month, k)), "month"
    if unit == "quarter":
        if ref_month is None:
            return None
        q = (ref_month[1] - 1) // 3 + k
        return f"{ref_month[0] + q // 4:04d}-Q{q % 4 + 1}", "quarter"
    if ref_year is None:
        return None
    if unit == "year":
        return f"{ref_year + k:04d}", "year"
    if unit == "decade":
        return f"{ref_year // 10 + k:03d}", "decade"
    if unit == "century":
        return f"{ref_year // 100 + k:02d}", "century"
    return None


_UNRESOLVED = {"day": ("XXXX-XX-XX", "day"), "week": ("XXXX-WXX", "week"),
               "weekend": ("XXXX-WXX-WE", "week"), "month": ("XXXX-XX", "month"),
               "quarter": ("XXXX-QX", "quarter"), "year": ("XXXX", "year"),
               "decade": ("XXX", "decade"), "century": ("XX", "century")}


def _unresolved(unit: str) -> tuple[str, str]:
    if unit in PARTS_OF_DAY:
        return f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}", "part_of_day"
    return _UNRESOLVED.get(unit, ("XXXX-XX-XX", "day"))


def _dct_refs(ctx: Context) -> tuple[dt.date | None, tuple[int, int] | None, int | None]:
    d = ctx.dct
    return d, (d.year, d.month) if d else None, d.year if d else None


def _anchor_refs(ctx: Context) -> tuple[dt.date | None, tuple[int, int] | None, int | None]:
    a = ctx.anchor
    day, month, year = _dct_refs(ctx)
    ref_day = a.day or a.week or day
    return ref_day, a.month or month, a.year or year


#: How far back (characters) "that day" looks for the last day the text named.
_THAT_DAY_REACH = 1500


def _rel_unit(c: Candidate, ctx: Context) -> Normalized | None:
    rel = " ".join(c.parts["rel"].lower().split())
    unit = c.parts["unit"].lower()
    if rel == "this past" and unit != "year":
        rel = "last"  # "this past week": the last one ("this past year": the last twelve months)
    if rel in _DURATION_REL:
        if unit in PARTS_OF_DAY:
            return None
        code, clock = UNITS[unit]
        if code in ("DE", "CE"):  # "the past decade": P10Y, as counted decades are written
            return ("DURATION", "P10Y" if code == "DE" else "P100Y", "duration", False)
        return ("DURATION", f"P{'T' if clock else ''}1{code}", "duration", False)
    if rel in _ANCHOR_REL:
        k = _ANCHOR_REL[rel]
        refs = _anchor_refs(ctx)
        a = ctx.anchor
        # "that (same) day" points back at a day the text named, even past a background year
        # named since ("made on June 27, 2014 ... founded in 2010 ... donations made that
        # same day").  (Falling back on the month last named, "predicted in March ... later
        # that day", was tried: right twice in 3,662 articles, and once it moved the
        # narrative to 1952 and took "on April 20" with it.)
        if k == 0 and rel != "the same" and (unit == "day" or unit in PARTS_OF_DAY) and \
                a.day is None and a.week is None and a.named_day is not None and \
                0 < ctx.at - a.day_at <= _THAT_DAY_REACH:
            refs = (a.named_day, refs[1], refs[2])
        if rel == "the next" and ctx.before in {"over", "during", "within"} and \
                ctx.tense() != "past":
            # a period ahead of the writer, not of the narrative: "The challenge over the next
            # year or so is to preserve ..." after a paragraph on 1998
            refs = _dct_refs(ctx)
        if k > 0 and unit in ("day", "morning", "night") and ctx.anchor.day is None and \
                ctx.anchor.week is None and ctx.tense() == "past" and not ctx.prospective():
            # "and then the next day he did", with no day named before: the day after some
            # event the text does not date (counting from the dct would put it ahead)
            value, gran = _unresolved("day")
            if unit in PARTS_OF_DAY:
                value, gran = f"{value}T{PARTS_OF_DAY[unit]}", "part_of_day"
            return ("DATE", value, gran, True)
    else:
        k = _DCT_REL[rel]
        if unit == "weekend" and rel == "this" and ctx.dct is not None and \
                ctx.dct.isoweekday() <= 2 and "subject" not in c.parts and \
                ctx.tense() == "past" and not ctx.prospective():
            k = -1  # told on a Monday or Tuesday, a past "this weekend" is the one just gone
        if unit == "weekend" and rel in ("coming", "the coming") and ctx.dct is not None \
                and ctx.dct.isoweekday() <= 5:
            k = 0  # told on a weekday, the coming weekend is this week's
        if unit == "week" and rel == "this" and ctx.dct is not None and \
                ctx.dct.isoweekday() == 7 and ctx.tense() == "future":
            k = 1  # told on a Sunday, the week ahead ("will take it up at this week's meeting")
        quarter = ctx.quarter_context()
        if quarter is not None and unit == "year" and k == -1:
            return ("DATE", f"{quarter[0] - 1:04d}-Q{quarter[1]}", "quarter", True)
        if unit == "day" and rel == "this" and ctx.before == "to":
            return ("DATE", "PRESENT_REF", "ref", False)  # "remains with me to this day"
        if unit == "day" or (unit in PARTS_OF_DAY and rel not in ("this", "last")):
            return None
        if unit in PARTS_OF_DAY and rel == "last":
            if unit not in ("night", "evening"):
                return None
            k = -1
        refs = _dct_refs(ctx)
    got = _unit_value(unit, *refs, k)
    if got is None:
        value, gran = _unresolved(unit)
        return ("DATE", value, gran, True)
    return ("DATE", got[0], got[1], True)


def _the_weekend(c: Candidate, ctx: Context) -> Normalized:
    """"over the weekend", "the drama of the weekend": the last weekend in a past clause, the
    next one in a future one;
    "ahead of / before / until / by the weekend": the first weekend after the day the
    narrative is on ("traders squared positions Friday ahead of the weekend")."""
    if ctx.dct is None:
        return ("DATE", "XXXX-WXX-WE", "week", True)
    dct = ctx.dct
    if ctx.before in {"before", "until", "till", "by"} or (
            ctx.before == "of" and ctx.before_before == "ahead"):
        ref = ctx.anchor.day or dct
        d = _shift_days(ref, (6 - ref.isoweekday()) % 7)
    else:
        k = (6 - dct.isoweekday()) % 7 if ctx.tense() == "future" \
            else -((dct.isoweekday() - 6) % 7)
        d = _shift_days(dct, k)
    if d is None:
        return ("DATE", "XXXX-WXX-WE", "week", True)
    return ("DATE", _fmt_week(d) + "-WE", "week", True)


def _the_week(c: Candidate, ctx: Context) -> Normalized:
    """"for the week", "the week's": the week the story is about, which the text does not
    pin down; TimeBank writes the year only ("1989-WXX", 3 of 3 in the training portion)."""
    year = ctx.anchor.year or (ctx.dct.year if ctx.dct else None)
    return ("DATE", f"{year:04d}-WXX" if year else "XXXX-WXX", "week", True)


def _day_before(c: Candidate, ctx: Context) -> Normalized | None:
    word = " ".join(c.parts["word"].lower().split())
    unit, k = {"the day before": ("day", -1), "the day after": ("day", 1),
               "the night before": ("night", -1), "the previous day": ("day", -1),
               "the next morning": ("morning", 1)}[word]
    got = _unit_value(unit, *_anchor_refs(ctx), k)
    value, gran = got if got else _unresolved(unit)
    return ("DATE", value, gran, True)


#: How far (characters) back a named day still anchors a clock time or an offset in hours.
_CLOCK_DAY_REACH = 500


def _offset(c: Candidate, ctx: Context) -> Normalized | None:
    unit = c.parts["unit"].lower()
    unit = "century" if unit.startswith("centur") else unit
    direction = " ".join(c.parts["dir"].lower().split())
    if direction == "back":
        direction = "ago"  # "a couple of weeks back"
    n = _number(c.parts.get("low") or c.parts["num"])  # a range: its lower bound
    sign = -1 if direction in ("earlier", "ago", "previously", "before") else 1
    if n is None:
        if direction == "ago":
            return ("DATE", "PAST_REF", "ref", True)
        value, gran = _unresolved(unit if unit in _UNRESOLVED else "day")
        return ("DATE", value, gran, True)
    quarter = ctx.quarter_context()
    if quarter is not None and unit == "year" and n == 1 and sign < 0:
        return ("DATE", f"{quarter[0] - 1:04d}-Q{quarter[1]}", "quarter", True)
    a = ctx.anchor
    if unit == "year" and n == 1 and sign < 0 and direction == "earlier" and \
            a.last_granularity == "month" and a.month is not None and \
            ctx.same_sentence(a.last_at) and not ctx.same_sentence(a.earlier_month_at):
        # "sales in September fell 27 percent from a year earlier": that month a year back
        # (not after a span of months: "from July through September")
        return ("DATE", _fmt_month((a.month[0] - 1, a.month[1])), "month", True)
    refs = _dct_refs(ctx) if direction in ("ago", "from now", "hence") else _anchor_refs(ctx)
    if sign > 0 and direction in ("later", "after") and unit in ("day", "week", "night") and \
            a.day is None and a.week is None and ctx.tense() != "future":
        # "Two days later, he resigned" with no day named before: days after some event the
        # text does not date (counting from the dct would put a past event in the future)
        value, gran = _unresolved("day" if unit == "night" else unit)
        return ("DATE", value, gran, True)
    k = sign * round(n * UNIT_MULTIPLIER.get(unit, 1))
    if unit in ("hour", "minute", "second") and refs[0] is not None and a.day is None and \
            a.named_day is not None and a.week is None and \
            0 < ctx.at - a.day_at <= _CLOCK_DAY_REACH and direction not in ("ago", "from now",
                                                                            "hence"):
        refs = (a.named_day, refs[1], refs[2])  # hours from the day named, not a month since
    if unit in ("hour", "minute", "second"):
        unit, k = "day", sign * round(n / {"hour": 24, "minute": 1440, "second": 86400}[unit])
    elif unit in ("night", "fortnight"):
        unit, k = ("day", k) if unit == "night" else ("week", k)
    got = _unit_value(unit, *refs, k)
    if got is None or (sign > 0 and direction in ("later", "after") and ctx.dct is not None
                       and _after_dct(got[0], ctx.dct) and ctx.tense() == "past"
                       and not ctx.prospective()):
        # (a past event "a year later" cannot lie after the publication date: counted from
        # a time the text did not date)
        value, gran = _unresolved(unit)
        return ("DATE", value, gran, True)
    return ("DATE", got[0], got[1], True)


def _after_dct(value: str, dct: dt.date) -> bool:
    """Whether a year or month value ("2017", "2016-11") lies wholly after ``dct``."""
    if len(value) == 4 and value.isdigit():
        return int(value) > dct.year
    if len(value) == 7 and value[:4].isdigit() and value[5:7].isdigit():
        return (int(value[:4]), int(value[5:7])) > (dct.year, dct.month)
    return False


def _duration(c: Candidate, ctx: Context) -> Normalized | None:
    unit = c.parts["unit"].lower()
    unit = "century" if unit.startswith("centur") else unit
    unit = unit[:-1] if unit.endswith("s") and unit[:-1] in UNITS else unit  # "days"
    if c.rule in ("bare_plural", "plural_offset"):
        n: float | None = None
    elif c.rule == "long_compound" and "num" not in c.parts:
        n = None if c.get("plural") else 1.0  # "decades-long" PXY, "day-long" P1D
    elif c.rule in ("duration_the", "duration_vague"):
        n = 1.0
    else:
        # a range ("two to three weeks") is its lower bound, as TimeBank writes it (P2W)
        n = _number(c.parts.get("low") or c.parts["num"])
    if unit not in UNITS:
        return None
    code, clock = UNITS[unit]
    if n is not None:
        n *= UNIT_MULTIPLIER.get(unit, 1)
        if n <= 0:
            return None
    if n is not None and (c.get("half") or c.get("halfpre")):
        n += 0.5 * UNIT_MULTIPLIER.get(unit, 1)
    if n is not None and code in ("DE", "CE"):
        n, code = n * (10 if code == "DE" else 100), "Y"  # TimeBank: "two decades" is P20Y
    elif code == "DE":
        code = "Y"  # "decades-long", "for decades": PXY
    if n is not None and n != int(n):
        mixed = _mixed_duration(n, code, clock)
        if mixed is not None:
            return ("DURATION", mixed, "duration", False)
    amount = "X" if n is None else _num_str(n)
    return ("DURATION", f"P{'T' if clock else ''}{amount}{code}", "duration", False)


#: A fraction of a unit written in the next smaller unit (TIMEX3: "2 1/2 years" is P2Y6M,
#: "5 1/2 hours" PT5H30M): unit code -> (smaller code, how many of it, smaller is a clock unit).
_SMALLER = {"Y": ("M", 12, False), "M": ("D", 30, False), "D": ("H", 24, True),
            "H": ("M", 60, True), "W": ("D", 7, False)}


def _mixed_duration(n: float, code: str, clock: bool) -> str | None:
    """"P2Y6M" for 2.5 years, "PT5H30M" for 5.5 hours, "PT1M30S" for a minute and a half;
    None when the fraction has no whole number of the smaller unit."""
    whole = int(n)
    if code == "M" and clock:
        small, per, small_clock = "S", 60, True
    elif code in _SMALLER:
        small, per, small_clock = _SMALLER[code]
    else:
        return None
    rest = (n - whole) * per
    if rest != int(rest):
        return None
    head = f"{whole}{code}" if whole else ""
    if clock:
        return f"PT{head}{int(rest)}{small}"
    if small_clock:
        return f"P{head}T{int(rest)}{small}"
    return f"P{head}{int(rest)}{small}"


_SET_UNITS = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "hour": "PT1H",
              "minute": "PT1M", "weekend": "XXXX-WXX-WE", "quarter": "P1Q", "decade": "P1DE",
              "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
              "yearly": "P1Y", "hourly": "PT1H", "quarterly": "P1Q", "nightly": "P1D"}


def _set(c: Candidate, ctx: Context) -> Normalized | None:
    if c.rule == "set_every_n":  # "every two weeks": P2W
        got = _duration(c, ctx)
        return None if got is None or "X" in got[1] else ("SET", got[1], "set", False)
    if c.rule == "set_month":
        return ("SET", f"XXXX-{_month_number(c.parts['month']):02d}", "set", False)
    if c.rule == "set_weekday":
        return ("SET", f"XXXX-WXX-{weekday_number(c.parts['weekday'])}", "set", False)
    word = (c.get("unit") or c.get("adverb") or "").lower()
    if word in PARTS_OF_DAY:
        return ("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[word]}", "set", False)
    if word in SEASONS:
        return ("SET", f"XXXX-{SEASONS[word]}", "set", False)
    value = _SET_UNITS.get(word)
    if value is None:
        return None
    if c.get("other") and value.startswith("P"):
        value = value.replace("1", "2", 1)
    return ("SET", value, "set", False)


def clock_in_part_of_day(hour: int, part: str) -> int:
    """A 12-hour clock ``hour`` read in a part of the day (TIMEX3 code "MO", "AF", "EV",
    "NI"): 6 in the evening is 18, 11 at night 23, 12 at night 24; 3 at night stays 3 (and an
    early hour read as the afternoon goes back: "6:45 this morning")."""
    if part in ("MO", "NI") and 13 <= hour <= 18:
        hour -= 12
    if part in ("AF", "EV") and hour < 12:
        return hour + 12
    if part == "NI" and 6 <= hour < 12:
        return hour + 12
    if part == "NI" and hour == 12:
        return 24
    return hour


def _clock(c: Candidate, ctx: Context, start: int) -> Normalized | None:
    if c.rule == "noon":
        word = c.parts["word"].lower()
        hour, minute = (24, 0) if word == "midnight" else (12, 0)
    else:
        raw = c.parts["hour"].lower()
        hour = int(raw) if raw.isdigit() else int(NUMBER_WORDS.get(raw, 0))
        minute = int(c.get("minute") or 0)
        ampm = (c.get("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if c.rule in ("oclock", "clock_dayhalf") and not 1 <= hour <= 12:
            return None
        half = (c.get("dayhalf") or "").lower().split()
        if ((c.rule == "clock24" and not c.get("tz") and len(raw) == 1)
                or (c.rule == "oclock" and not half)) and 1 <= hour <= 6:
            hour += 12  # "will be speaking at 1:30", "about 5 o'clock": an afternoon hour in
            # running text
        if half:  # "11 o'clock at night", "4 in the afternoon"
            hour = clock_in_part_of_day(hour, PARTS_OF_DAY.get(half[-1], ""))
    a = ctx.anchor
    dated = False
    if a.day is not None and c.rule != "clock_stamp":  # a live page's stamp: the page's day
        same = ctx.same_sentence(a.day_at)
        # a clock time with no word right before it heads an entry, "___.  3:25 p.m.
        # Donald Trump is...": a timestamp of the dct, not of the day the last entry named;
        # but a stamp right after a full date is that day's: "February 6, 2016 9:33PM"
        dated = (same or ctx.at - a.day_at <= _CLOCK_DAY_REACH) if ctx.before else \
            same and a.last_at == a.day_at and 0 < ctx.at - a.day_at <= 34
    if a.day is not None and dated and ctx.dct is not None and a.day > ctx.dct and (
            a.day > ctx.dct + dt.timedelta(days=1)
            or (a.day_tense is not None and a.day_tense() == "future")) and ctx.in_stamp():
        # an update stamp is not later than the page: the day after it that an item named
        # looked ahead ("... will be released Monday. (Update 8 p.m. Cairo, 1 p.m. ET)"; "has
        # canceled its Feb. 9 match"); but a live page runs on into the next day, where its
        # items tell that day in the past ("spoke on the phone Saturday", told on a Friday)
        day, relative = ctx.dct.isoformat(), True
    elif a.day is not None and dated:
        day, relative = a.day.isoformat(), True
    elif ctx.dct is not None:
        day, relative = ctx.dct.isoformat(), True
    else:
        day, relative = "XXXX-XX-XX", True
    return ("TIME", f"{day}T{hour:02d}:{minute:02d}", "time", relative)


_REF_VALUES = {"previously": "PAST_REF", "the future": "FUTURE_REF", "right now": "PRESENT_REF", "now": "PRESENT_REF", "currently": "PRESENT_REF",
               "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
               "at present": "PRESENT_REF", "at the moment": "PRESENT_REF",
               "these days": "PRESENT_REF", "one of these days": "FUTURE_REF", "recently": "PAST_REF", "lately": "PAST_REF",
               "a long time ago": "PAST_REF", "long ago": "PAST_REF", "the past": "PAST_REF",
               "the recent past": "PAST_REF", "the distant past": "PAST_REF",
               "a later date": "FUTURE_REF", "an earlier date": "PAST_REF"}


def _ref(c: Candidate, ctx: Context) -> Normalized:
    word = " ".join(c.parts["word"].lower().split())
    if word in _REF_VALUES:
        value = _REF_VALUES[word]
    elif word.startswith(("recent", "past ", "previous ")) or word.endswith(" past"):
        value = "PAST_REF"
    else:
        value = "FUTURE_REF"
    return ("DATE", value, "ref", False)


_QUARTER_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_COMPARISON = {"year earlier", "year ago"}


def _shift_quarter(yq: tuple[int, int], k: int) -> tuple[int, int]:
    n = yq[0] * 4 + yq[1] - 1 + k
    return n // 4, n % 4 + 1


def _reported_quarter(ctx: Context) -> tuple[int, int] | None:
    """The quarter a business story is about: the one the text last named, else the last
    quarter completed before the dct (results come out after a quarter ends)."""
    if ctx.anchor.latest_done is not None:
        return ctx.anchor.latest_done
    if ctx.dct is None:
        return None
    return _shift_quarter(_quarter_of(ctx.dct), -1)


def _fin_period(c: Candidate, ctx: Context) -> Normalized:
    """Business-report periods: "the quarter", "the latest quarter", "the year-ago period",
    "the 1988 third quarter", "the fiscal first quarter"."""
    which = " ".join((c.get("which") or "").lower().replace("-", " ").split())
    ordinal = _QUARTER_ORDINALS.get((c.get("ordinal") or "").lower())
    base = _reported_quarter(ctx)
    if "year" in c.parts:
        y = int(c.parts["year"])
        q = ordinal or (base[1] if base else None)
        if q is None:
            return ("DATE", f"{y:04d}", "year", False)
        return ("DATE", f"{y:04d}-Q{q}", "quarter", False)
    if which == "current" and ctx.dct is not None:
        base = _quarter_of(ctx.dct)
    if base is None:
        return ("DATE", f"XXXX-Q{ordinal}" if ordinal else "XXXX-QX", "quarter", True)
    if ordinal is not None:
        base = (base[0], ordinal)
    if which in _COMPARISON:
        base = (base[0] - 1, base[1])
    return ("DATE", f"{base[0]:04d}-Q{base[1]}", "quarter", True)


def _year_quarter(c: Candidate, ctx: Context) -> Normalized:
    """"this year's third quarter", "last year's quarter" (the reported quarter a year
    back), "the corresponding period last year", "the quarter a year ago"."""
    ordinal = _QUARTER_ORDINALS.get((c.get("ordinal") or "").lower())
    base = _reported_quarter(ctx)
    k = _DCT_REL.get((c.get("rel") or "").lower(), -1)
    if ctx.dct is None or (base is None and ordinal is None):
        return ("DATE", f"XXXX-Q{ordinal or 'X'}", "quarter", True)
    q = ordinal or (base[1] if base else 1)
    year = (base[0] if base and c.rule == "period_ago" else ctx.dct.year) + k
    return ("DATE", f"{year:04d}-Q{q}", "quarter", True)


def _year_adj(c: Candidate, ctx: Context) -> Normalized:
    """"year-earlier" / "year-ago" as an adjective: the compared quarter a year back, or the
    year before the dct."""
    q = ctx.anchor.done_quarter
    if q is not None:
        return ("DATE", f"{q[0] - 1:04d}-Q{q[1]}", "quarter", True)
    if ctx.dct is None:
        return ("DATE", "XXXX", "year", True)
    return ("DATE", f"{ctx.dct.year - 1:04d}", "year", True)


def _fiscal_year(c: Candidate, ctx: Context) -> Normalized:
    if "year" in c.parts:
        return ("DATE", f"{int(c.parts['year']):04d}", "year", False)
    if "ended" in c.parts:
        return ("DURATION", "P1Y", "duration", False)
    which = (c.get("which") or "").lower()
    k = -1 if which in ("latest", "last", "previous", "prior", "past") else \
        1 if which in ("next", "new", "coming") else 0
    if ctx.dct is None:
        return ("DATE", "XXXX", "year", True)
    return ("DATE", f"{ctx.dct.year + k:04d}", "year", True)


def _the_year(c: Candidate, ctx: Context) -> Normalized:
    """"for the year", "earlier in the year", "the end of the year": the year of the story
    (the dct's); "the second half of the year" its half (``1989-H2``); "the year ended June
    30" is a twelve-month period."""
    if "ended" in c.parts:
        return ("DURATION", "P1Y", "duration", False)
    premod = " ".join((c.get("premod") or "").lower().split())
    half = "H1" if premod.startswith("the first half") else \
        "H2" if premod.startswith("the second half") else ""
    if ctx.dct is None:
        return ("DATE", f"XXXX-{half}" if half else "XXXX", "half" if half else "year", True)
    year = ctx.dct.year
    if (premod or c.get("mod")) and ctx.tense() == "past" and \
            (stated := _stated_earlier(ctx)) is not None:
        year = stated.year  # "In March 2003 the index fell. It rallied the rest of the year."
    if half:
        return ("DATE", f"{year:04d}-{half}", "half", True)
    return ("DATE", f"{year:04d}", "year", True)


def _the_unit(c: Candidate, ctx: Context) -> Normalized:
    """"the end of the month", "the start of the week", "the end of the quarter": the dct's
    month, week or quarter (TimeBank keeps the modifier out of the value: ``1989-W44`` with
    mod END)."""
    unit = c.parts["unit"].lower()
    week = unit == "week"
    if unit == "quarter":
        if ctx.dct is None:
            return ("DATE", "XXXX-QX", "quarter", True)
        year, q = _quarter_of(ctx.dct)
        return ("DATE", f"{year:04d}-Q{q}", "quarter", True)
    if ctx.dct is None:
        return ("DATE", "XXXX-WXX" if week else "XXXX-XX", "week" if week else "month", True)
    if week:
        return ("DATE", _fmt_week(ctx.dct), "week", True)
    return ("DATE", _fmt_month((ctx.dct.year, ctx.dct.month)), "month", True)


_TENS_WORDS = {"twenty": 2, "thirty": 3, "forty": 4, "fifty": 5, "sixty": 6, "seventy": 7,
               "eighty": 8, "ninety": 9}


def _spoken_year(c: Candidate, ctx: Context) -> Normalized:
    """A year said in words, as broadcast transcripts write it: "nineteen ninety-six"."""
    century = 19 if c.parts["century"].lower() == "nineteen" else 20
    year = century * 100 + _TENS_WORDS[c.parts["tens"].lower()] * 10 + \
        int(NUMBER_WORDS.get((c.get("ones") or "").lower(), 0))
    if "month" in c.parts:
        return ("DATE", f"{year:04d}-{_month_number(c.parts['month']):02d}", "month", False)
    return ("DATE", f"{year:04d}", "year", False)


def _year_end(c: Candidate, ctx: Context) -> Normalized:
    """"by year-end": the last day of the dct's year ("since year-end": the previous one)."""
    if ctx.dct is None:
        return ("DATE", "XXXX-12-31", "day", True)
    back = c.parts["prep"].lower() in ("since", "after", "from")
    return ("DATE", f"{ctx.dct.year - back:04d}-12-31", "day", True)


def updates_anchor(c: Candidate) -> bool:
    """Whether a resolved candidate becomes the narrative anchor.  Comparisons ("a year
    earlier", "the year-ago quarter", "the 1988 period") do not: the story stays in its
    own period, so a second "a year earlier" means the same year as the first."""
    if c.rule in ("year_adj", "fiscal_year", "the_year", "period_ago"):
        return False
    if c.rule == "year_quarter":
        return (c.get("rel") or "").lower() == "this"
    if c.rule == "fin_period":
        which = (c.get("which") or "").lower().replace("-", " ")
        return "year" not in c.parts and " ".join(which.split()) not in _COMPARISON
    if c.rule in ("offset", "offset_pp"):
        return not (c.get("unit") or "").lower().startswith("year")
    return True


_FIXED_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
                   "new year's": (1, 1), "new year's day": (1, 1), "new year's eve": (12, 31),
                   "halloween": (10, 31), "valentine's day": (2, 14), "boxing day": (12, 26),
                   "independence day": (7, 4), "fourth of july": (7, 4),
                   "the fourth of july": (7, 4), "july fourth": (7, 4),
                   "veterans day": (11, 11), "may day": (5, 1)}


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` (0 = Monday) of a month; ``n = -1`` for the last one."""
    if n < 0:
        last = dt.date(*_add_months(year, month, 1), 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _holiday_date(name: str, year: int) -> dt.date:
    """The day of a named holiday in ``year`` (US federal rules for the movable ones)."""
    fixed = _FIXED_HOLIDAYS.get(name)
    if fixed:
        return dt.date(year, *fixed)
    if "week" in name:  # Easter week, Holy Week: the week that ends on Easter Sunday
        return _easter(year) - dt.timedelta(days=6)
    if "easter" in name:
        return _easter(year) + dt.timedelta(days=1 if "monday" in name else 0)
    if "thanksgiving" in name or "black friday" in name:
        return _nth_weekday(year, 11, 3, 4) + dt.timedelta(days=1 if "friday" in name else 0)
    if name.startswith(("labor", "labour")):
        return _nth_weekday(year, 9, 0, 1)
    if name.startswith("memorial"):
        return _nth_weekday(year, 5, 0, -1)
    if name.startswith("columbus"):
        return _nth_weekday(year, 10, 0, 2)
    if name.startswith("martin luther king"):
        return _nth_weekday(year, 1, 0, 3)
    return _nth_weekday(year, 2, 0, 3)  # Presidents' Day


#: days before a holiday within which a bare mention is that coming holiday
_HOLIDAY_SOON = 3


def _holiday(c: Candidate, ctx: Context) -> Normalized | None:
    """A named holiday: its year when given; else "last Christmas" the one before the dct,
    "next Easter" the one after, and a bare name the occurrence the clause's tense points to
    (past: the latest on or before the dct; future: the first on or after it; otherwise
    the nearest)."""
    name = " ".join(c.parts["holiday"].lower().replace("’", "'").replace(".", "").split())
    name = name.replace("presidents day", "presidents' day").replace(" jr day", " day")
    week = "week" in name  # Easter week, Holy Week

    def value(day: dt.date, relative: bool) -> Normalized:
        if week:
            return ("DATE", _fmt_week(day), "week", relative)
        return ("DATE", day.isoformat(), "day", relative)

    if "year" in c.parts:
        return value(_holiday_date(name, int(c.parts["year"])), False)
    if ctx.dct is None:
        fixed = _FIXED_HOLIDAYS.get(name)
        if fixed:
            return ("DATE", f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}", "day", True)
        return ("DATE", "XXXX-WXX", "week", True) if week else ("DATE", "XXXX-XX-XX", "day", True)
    dct = ctx.dct
    options = [_holiday_date(name, y) for y in (dct.year - 1, dct.year, dct.year + 1)
               if dt.MINYEAR < y < dt.MAXYEAR]
    rel = (c.get("rel") or "").lower()
    soon = next((d for d in options if 0 < (d - dct).days <= _HOLIDAY_SOON), None)
    if soon is not None and not rel:
        # a holiday days away is this one, even in a past clause ("the debate was held the
        # Saturday before Christmas", told on Dec. 23)
        return value(soon, True)
    tense = ctx.tense() if rel not in ("last", "next", "this") else "unknown"
    if tense == "past" and ctx.prospective():
        tense = "unknown"  # looked ahead to: "had expected it in time for Christmas"
    if rel == "last" or tense == "past":
        before = [d for d in options if d < dct or (d == dct and rel != "last")]
        date = max(before) if before else options[0]
    elif rel == "next" or tense == "future":
        after = [d for d in options if d > dct or (d == dct and rel != "next")]
        date = min(after) if after else options[-1]
    elif rel == "this":
        date = next((d for d in options if d.year == dct.year), options[0])
    else:
        date = min(options, key=lambda d: abs((d - dct).days))
    return value(date, True)


def normalize(c: Candidate, ctx: Context) -> Normalized | None:
    """The TIMEX3 type, value, granularity and relative flag of a candidate, or None when the
    candidate turns out not to be a valid time expression (e.g. "February 30")."""
    rule = c.rule
    if rule in ("iso", "slash", "mdy", "dmy", "dmy_first", "dmy_second", "dmy_word", "mdy_and"):
        return _explicit_date(c, ctx)
    if rule == "week_of":
        return _week_of(c, ctx)
    if rule == "week_in_month":
        return _week_in_month(c, ctx)
    if rule == "nth_weekday":
        return _nth_weekday_in_month(c, ctx)
    if rule == "the_unit":
        return _the_unit(c, ctx)
    if rule == "month_year":
        return _month_year(c, ctx)
    if rule == "month":
        return _bare_month(c, ctx)
    if rule == "month_that_year":
        return _month_that_year(c, ctx)
    if rule in ("weekday", "weekday_that"):
        return _weekday(c, ctx)
    if rule == "year" or rule == "year_from":
        return _year(c, ctx)
    if rule == "year_to":
        return ("DATE", f"{year_span_end(c.parts['first'], c.parts['year']):04d}", "year", False)
    if rule in ("decade", "decade_bare", "decade_pair", "decade_word"):
        return _decade(c, ctx)
    if rule == "century":
        return _century(c, ctx)
    if rule in ("quarter", "quarter_code"):
        return _quarter(c, ctx)
    if rule == "season":
        return _season(c, ctx)
    if rule == "rel_day":
        return _rel_day(c, ctx)
    if rule == "rel_unit":
        return _rel_unit(c, ctx)
    if rule == "the_week":
        return _the_week(c, ctx)
    if rule == "the_weekend":
        return _the_weekend(c, ctx)
    if rule == "day_before":
        return _day_before(c, ctx)
    if rule in ("offset", "offset_pp"):
        return _offset(c, ctx)
    if rule in ("duration", "duration_between", "duration_the", "duration_vague", "bare_plural",
                "plural_offset", "long_compound"):
        return _duration(c, ctx)
    if rule.startswith("set_"):
        return _set(c, ctx)
    if rule in ("clock", "clock24", "clock_mil", "clock_stamp", "oclock", "clock_dayhalf",
                "noon"):
        return _clock(c, ctx, c.start)
    if rule.startswith("ref"):
        return _ref(c, ctx)
    if rule == "holiday":
        return _holiday(c, ctx)
    if rule == "fin_period":
        return _fin_period(c, ctx)
    if rule == "spoken_year":
        return _spoken_year(c, ctx)
    if rule == "year_end":
        return _year_end(c, ctx)
    if rule == "year_adj":
        return _year_adj(c, ctx)
    if rule in ("year_quarter", "period_ago"):
        return _year_quarter(c, ctx)
    if rule == "fiscal_year":
        return _fiscal_year(c, ctx)
    if rule == "the_year":
        return _the_year(c, ctx)
    return None
