"""Time stage: find time expressions in a text and normalize them to TIMEX3 values.

Two parts, kept apart so each can be tested and tuned on its own:

* :mod:`storyline.time.grammar` -- the recognizer, a regex grammar that finds candidate spans
  and names their parts;
* :mod:`storyline.time.normalize` -- the normalizer, which computes values against the
  publication date (dct) and the narrative anchor (the last date the text resolved), using the
  clause's tense (:mod:`storyline.time.tense`) where the direction matters.

A clock time and the day right after it ("10 p.m. Wednesday", "noon Thursday") become one
TIME, and a month with a relative year ("July last year") one DATE, as TIMEX3 annotates them.
The TempEval-3 TimeML front end is :mod:`storyline.time.timeml`.

Pure regex and date arithmetic: no clock, no network, no model.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from functools import partial
from typing import TYPE_CHECKING, Final, cast

from storyline.model import TimeExpression, TimexType
from storyline.time.grammar import Candidate, recognize
from storyline.time.lexicon import WEEKDAYS
from storyline.time.normalize import (
    Anchor,
    Context,
    clock_in_part_of_day,
    normalize,
    updates_anchor,
    weekday_number,
)
from storyline.time.tense import (
    Tense,
    in_quotation,
    progressive_schedule,
    prospective,
    sentence_bounds,
    tense_from_text,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["recognize", "tag"]


def _bounds(text: str, doc: Doc | None, start: int, end: int) -> tuple[int, int]:
    if doc is not None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) > 0:
            sent = span[0].sent
            return sent.start_char, sent.end_char
    return sentence_bounds(text, start, end)


def _tense(text: str, doc: Doc | None, cand: Candidate) -> Tense:
    """Tense of the candidate's clause from the cues in its sentence (the parse's sentence
    when there is one; see ``storyline.time.tense`` for why the parse no longer decides)."""
    return tense_from_text(text, cand.start, cand.end, _bounds(text, doc, cand.start, cand.end))


def _prospective(text: str, doc: Doc | None, cand: Candidate) -> bool:
    return prospective(text, cand.start, _bounds(text, doc, cand.start, cand.end))


def _progressive(text: str, doc: Doc | None, cand: Candidate) -> bool:
    return progressive_schedule(text, cand.start, cand.end,
                                _bounds(text, doc, cand.start, cand.end))


def _in_sentence(text: str, doc: Doc | None, cand: Candidate, offset: int) -> bool:
    lo, hi = _bounds(text, doc, cand.start, cand.end)
    return lo <= offset < hi


#: The head of a live page's update stamp before its clock time: "(Update 12:05 a.m. ...".
_UPDATE_STAMP: Final = re.compile(r"(?i:updated?):?\s+$")
#: An update stamp opened and not yet closed before a position.
_OPEN_STAMP: Final = re.compile(r"\(\s*(?i:updated?)\b[^()]*$")
#: between a clock time and its day: a comma, "on", "on the night of", or the clock time in
#: another zone in brackets ("at 1653 (2153 GMT) on Tuesday")
_CLOCK_DAY_GAP: Final = re.compile(
    r"(?:\s{0,3}\([^()\n]{1,24}\))?,?\s{1,3}"
    r"(?:on\s+(?:the\s+(?:night|morning|evening|afternoon)\s+of\s+)?)?")
#: between a daily schedule and its clock time, with up to a few words of the same clause
#: between them ("daily at 0910", "daily in Haitian Creole at 0910")
_SET_CLOCK_GAP: Final = re.compile(
    r"\s{1,3}(?:(?!(?:and|but|or|then|when|while|before|after|since|on)\b)[^\W\d]+,?\s{1,3}){0,4}"
    r"(?:at|from|between|until|till)\s{1,3}")
_STEP_WORDS: Final = re.compile(r"(?i)\b(?:later|earlier|next|following|after|before|"
                                r"previous|prior)\b")
_MONTH_YEAR_GAP: Final = re.compile(r"\s{1,3}(?:of\s+)?")
_YEAR_REL: Final = frozenset({"last year", "this year", "next year"})
_AM_PM: Final = re.compile(r"(?i)[ap]\.?\s?m\b")
#: a day named by its weekday, with its year, or a movable holiday is not re-dated by "last
#: year" (the month and day would change with the year)
_WEEKDAY_OR_YEAR: Final = re.compile(
    rf"\d{{4}}|(?i:{'|'.join(WEEKDAYS)}|today|yesterday|tomorrow|tonight|"
    r"easter|thanksgiving|labou?r|memorial|king|presidents|holy\s+week)")


def _clock_on(clock: TimeExpression, day: str) -> TimeExpression:
    """The clock time put on another day value (``2011-02-04``, ``XXXX-WXX-6``)."""
    return dataclasses.replace(clock, value=day + clock.value[clock.value.index("T"):])


def _no_day(clock: TimeExpression) -> TimeExpression:
    """A clock time that belongs to no one day: ``XXXX-XX-XXT09:10``."""
    return _clock_on(clock, "XXXX-XX-XX")


#: a standing schedule right before a clock time: "airs weekdays from 6 a.m.", "every
#: weekday at noon": the clock time belongs to no one day
_SCHEDULE_BEFORE: Final = re.compile(
    r"(?i)\b(?:weekdays|weeknights|weekday\s+(?:mornings|evenings|nights)|"
    r"(?:every|each)\s+weekday(?:\s+(?:morning|evening|night))?)"
    r"\s{1,3}(?:from|at|between|until|till|starting\s+at)\s{1,3}$")
#: a daily programme's hours: "a 20-minute daily show, broadcast from 0910 to 0930"
_DAILY_BEFORE: Final = re.compile(
    r"(?i)\b(?:daily|nightly|every\s+day|each\s+day)\b"
    # (within its own clause: not "He runs every day and at 9 a.m. he left")
    r"(?:(?!\b(?:and|but|then|he|she|they|we|it|I)\b)[^.;:()\d]){0,30}?\s"
    r"(?:from|at|between)\s{1,3}$")
#: between the two ends of a span of clock times: "from 6 a.m. to 9 a.m."
_CLOCK_SPAN_GAP: Final = re.compile(r"\s{0,3}(?:[-–]|to|and|until|till)\s{0,3}")
#: between a clock time and the same moment in another zone, in brackets: "1653 (2153 GMT)"
_BRACKET_GAP: Final = re.compile(r"\s{0,2}\(\s{0,2}")


def _dayless(e: TimeExpression) -> bool:
    """Whether ``e`` is a clock time of no one day (``XXXX-XX-XXT09:10``)."""
    return e.type == "TIME" and e.value.startswith("XXXX-XX-XXT")


def _dated_clock(e: TimeExpression) -> bool:
    """Whether ``e`` is a clock time that names its day."""
    return e.type == "TIME" and "T" in e.value and not e.value.startswith("XXXX")


def _clock_span(text: str, a: TimeExpression, b: TimeExpression) -> bool:
    """Whether only a span word stands between ``a`` and ``b`` ("from 6 a.m. to 9 a.m.")."""
    return _CLOCK_SPAN_GAP.fullmatch(text[a.end:b.start]) is not None


def _days_later(clock: TimeExpression, k: int) -> TimeExpression:
    """A dated clock time moved ``k`` days (unchanged where the calendar ends)."""
    on = dt.date.fromisoformat(clock.value[:10])
    try:
        return _clock_on(clock, (on + dt.timedelta(days=k)).isoformat())
    except OverflowError:
        return clock


def _a_day_later(clock: TimeExpression) -> TimeExpression:
    """A dated clock time moved to the next day (unchanged on the calendar's last day)."""
    return _days_later(clock, 1)


def _clocks_on_one_day(a: TimeExpression, b: TimeExpression) -> bool:
    """Whether ``a`` and ``b`` are clock times with hours, both put on the same day."""
    return _dated_clock(a) and _dated_clock(b) and a.value[:10] == b.value[:10] and \
        a.value[11:13].isdigit() and b.value[11:13].isdigit()


def _hours_on_one_day(a: TimeExpression, b: TimeExpression) -> bool:
    """Whether ``a`` and ``b`` are clock times with hours, both put on the same day, and
    ``a`` does not name that day itself ("4 p.m.", not "4 p.m. Friday")."""
    return _clocks_on_one_day(a, b) and not _WEEKDAY_OR_YEAR.search(a.text)


def _overnight(text: str, a: TimeExpression, b: TimeExpression) -> bool:
    """Whether the clock span "from ``a`` to ``b``" (or "between ``a`` and ``b``") runs past
    midnight: both on one day, which ``b`` does not name itself, ``b`` earlier on the clock
    than ``a`` ("from 4 p.m. to 8 a.m.", "between 10 p.m. Saturday and 1 a.m.")."""
    return _clocks_on_one_day(a, b) and not _WEEKDAY_OR_YEAR.search(b.text) and \
        _SPAN_OPENER.search(text, max(0, a.start - 9), a.start) is not None and \
        _clock_span(text, a, b) and a.value[11:16] > b.value[11:16]


_SPAN_OPENER: Final = re.compile(r"(?i)(?:from|between)\s$")


def _scheduled(text: str, e: TimeExpression, prev: TimeExpression | None) -> bool:
    """Whether the clock time ``e`` is part of a standing schedule, or ends a span whose
    start is ("weekdays from 6:00 a.m. to 9:00 a.m.")."""
    if e.type != "TIME" or "T" not in e.value or _dayless(e):
        return False
    if _SCHEDULE_BEFORE.search(text, max(0, e.start - 40), e.start) or \
            _DAILY_BEFORE.search(text, max(0, e.start - 50), e.start):
        return True
    # the end of a span whose start is, or the same time in another zone in brackets ("from
    # 0910 to 0930 local time (1410 to 1430 GMT)")
    return prev is not None and _dayless(prev) and (
        _clock_span(text, prev, e) or _BRACKET_GAP.fullmatch(text, prev.end, e.start)
        is not None)


#: between a local clock time and the same moment in another zone: "4:30 a.m. in Cairo,
#: 9:30 p.m. ET"
_LOCAL_ZONE_GAP: Final = re.compile(r"\s{1,3}(?:in\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2},\s{1,3}")
_AND_GAP: Final = re.compile(r",?\s{1,3}(?:and|or)\s{1,3}")


def _join(text: str, a: TimeExpression, b: TimeExpression,
          dct: dt.date | None = None) -> list[TimeExpression] | None:
    """What replaces two adjacent expressions that name one time: one expression for a clock
    time and its day ("10 p.m. Wednesday", "noon Thursday", "5 p.m. EST Nov. 9") or a month
    and a relative year ("July last year"); the clock time dated by its day and the day
    where a preposition stands between them ("0100 GMT on Saturday", two TIMEX3 in TimeML).
    None where the two stay as they are."""
    gap = text[a.end:b.start]
    if a.type == "SET" and a.value.startswith("XXXX-WXX-") and b.type == "DATE" and \
            b.granularity == "day" and (wd := weekday_number(b.text)) and \
            _AND_GAP.fullmatch(gap):
        # "every Tuesday and Friday": the second day recurs too
        return [a, dataclasses.replace(b, type="SET", granularity="set", relative=False,
                                       value=f"XXXX-WXX-{wd}")]
    if a.type == "SET" and b.type == "TIME" and "T" in b.value and _SET_CLOCK_GAP.fullmatch(gap):
        # "daily at 0910 local time", "every day at 9 p.m.", "Sundays from noon": a clock
        # time of no one day
        return [a, _no_day(b)]
    if a.type == "TIME" and "T" in a.value and b.type == "SET" and b.value == "P1D" and \
            gap.strip() in {"", ","}:
        # "opens at 9 a.m. every day"
        return [_no_day(a), b]
    if a.type == "TIME" and "T" in a.value and b.type == "SET" and \
            re.fullmatch(r"XXXX-WXX-[1-7]", b.value) and gap.strip() in {"", ",", "on"}:
        # "airs at 10:40 every Saturday": the clock of that weekday, of no one week
        return [_clock_on(a, b.value), b]
    if _hours_on_one_day(a, b) and dct is not None and a.value[:10] == dct.isoformat() and \
            _LOCAL_ZONE_GAP.fullmatch(gap) and \
            not _WEEKDAY_OR_YEAR.match(text[b.end:b.end + 12].lstrip(" ,")):
        # one moment told in two zones, neither with its day, both dated by the publication
        # date: the one more than twelve hours earlier on the clock is past midnight ("4:30
        # a.m. in Cairo, 9:30 p.m. ET": Cairo's day is the next one). (Dated by a day the
        # narrative named, either clock may be on that day: left as it is.)
        ha, hb = int(a.value[11:13]), int(b.value[11:13])
        if abs(ha - hb) > 12:
            return [_a_day_later(a), b] if ha < hb else [a, _a_day_later(b)]
        return None
    if a.type == "TIME" and "T" in a.value and b.type == "DATE" and \
            b.granularity in ("day", "part_of_day") and _CLOCK_DAY_GAP.fullmatch(gap):
        day, _, pod = b.value.partition("T")
        if dct is not None and (wd := weekday_number(b.text)) and \
                _UPDATE_STAMP.search(text, max(0, a.start - 12), a.start):
            # a live page's update stamp ("(Update 12:05 a.m. Wednesday in Cairo, ...)") is
            # never older than the page: its weekday is the first on or after the dct
            day = (dct + dt.timedelta(days=(wd - dct.isoweekday()) % 7)).isoformat()
        clock = a.value[a.value.index("T"):]
        if clock[1:3].isdigit() and not _AM_PM.search(a.text):  # "6:45 this evening"
            clock = f"T{clock_in_part_of_day(int(clock[1:3]), pod):02d}{clock[3:]}"
        value = (day if day.startswith("XXXX-WXX") else day[:10]) + clock
        if "on" in gap or "(" in gap:
            return [dataclasses.replace(a, value=value, relative=b.relative), b]
        return [TimeExpression(start=a.start, end=b.end, text=text[a.start:b.end], type="TIME",
                               value=value, granularity="time", relative=b.relative)]
    if a.type == "DATE" and a.granularity == "day" and a.relative and \
            (wd := weekday_number(a.text)) and b.type == "DATE" and b.granularity == "day" \
            and _BRACKET_GAP.fullmatch(gap) and text[b.end:b.end + 1] == ")" and \
            b.value[:4].isdigit() and dt.date.fromisoformat(b.value).isoweekday() == wd:
        # "on Friday (March 20)": the date in brackets says which Friday
        return [dataclasses.replace(a, value=b.value), b]
    if a.type == "DATE" and a.granularity == "day" and a.relative and b.type == "DATE" and \
            b.granularity == "day" and any(ch.isdigit() for ch in b.text) and \
            _STEP_WORDS.search(a.text) and \
            _CLOCK_DAY_GAP.fullmatch(gap) and "," in gap:
        # "Two days later, on Jan. 28, he vanished": the date given says which day it is
        return [dataclasses.replace(a, value=b.value), b]
    if a.type == "DATE" and a.granularity in ("month", "day") and b.type == "DATE" and \
            " ".join(b.text.lower().split()) in _YEAR_REL and _MONTH_YEAR_GAP.fullmatch(gap) \
            and len(a.value) == (7 if a.granularity == "month" else 10) and a.value[:4].isdigit() \
            and not _WEEKDAY_OR_YEAR.search(a.text) and len(b.value) == 4 and b.value.isdigit():
        value = b.value + a.value[4:]
        if a.granularity == "day":
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                return None  # "Feb. 29 last year" in a year without one
        return [TimeExpression(start=a.start, end=b.end, text=text[a.start:b.end], type="DATE",
                               value=value, granularity=a.granularity, relative=True)]
    return None


#: What opens an aside before a date: a bracket, or the first day of a span ("(18-19 May
#: 2010)"): such a date does not set the year of the story.
_ASIDE_BEFORE: Final = re.compile(r"(?:\(\s*|\d[-–])$")
_WORD_BEFORE: Final = re.compile(r"([A-Za-z]+)\W{0,3}$")


_OPENING_WORD: Final = re.compile(
    r"(?:^|[.!?:;\n][\"'”’)]*\s*|^[\"'“‘(]|\n[\"'“‘(])[A-Z][a-z]*\s+$")


def _before_opens_sentence(text: str, start: int) -> bool:
    """Whether the word right before ``start`` is the first of its sentence ("By October")."""
    return _OPENING_WORD.search(text[max(0, start - 40):start]) is not None


def _heads_entry(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` heads an entry of a chronology: alone at the start of a
    line, with a colon after it ("April 21: The rig burns and sinks")."""
    line_start = text.rfind("\n", 0, start) + 1
    return text[end:end + 1] == ":" and text[line_start:start].strip() == ""


def _in_update_stamp(text: str, start: int) -> bool:
    """Whether ``start`` lies inside a live page's update stamp, after its opening bracket
    and before its close: "(Update 8 p.m. Cairo, 1 p.m. ET)", "(Updated 6:40 p.m. ..."."""
    return _OPEN_STAMP.search(text, max(0, start - 40), start) is not None


def _word_before(text: str, start: int) -> tuple[str, int]:
    """The lower-cased word right before ``start`` ("" when there is none) and where it
    begins (``start`` when there is none)."""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return (m.group(1).lower(), m.start(1)) if m else ("", start)


def _stamp_before(text: str, joined: list[TimeExpression], e: TimeExpression) -> bool:
    """Whether the clock time before ``e`` already follows a day of its own ("Feb 10, 2011
    7:59 AM ET Feb 9, 2011 12:28 PM ET": two stamps in a row; the second day is not the
    first clock's)."""
    if len(joined) < 2 or e.type != "DATE":
        return False
    day, clock = joined[-2], joined[-1]
    return clock.type == "TIME" and day.type == "DATE" and day.granularity == "day" and \
        text[day.end:clock.start].strip(" ,") == ""


def tag(text: str, dct: dt.date | None, doc: Doc | None = None) -> list[TimeExpression]:
    """Time expressions of ``text``, normalized against the publication date ``dct``.

    ``doc``, when given, must be the spaCy Doc of exactly ``text``; it is used for the tense
    of the governing verb and sentence bounds (a Doc of another text is ignored).  The result
    is sorted by start, non-overlapping, and ``text[e.start:e.end] == e.text`` for every ``e``.
    """
    if doc is not None and doc.text != text:
        doc = None
    anchor = Anchor()
    dct_value = dct.isoformat() if dct is not None else None
    out: list[TimeExpression] = []
    for cand in recognize(text):
        before, before_at = _word_before(text, cand.start)
        ctx = Context(
            dct=dct,
            anchor=anchor,
            tense=partial(_tense, text, doc, cand),
            same_sentence=partial(_in_sentence, text, doc, cand),
            at=cand.start,
            before=before,
            before_before=_word_before(text, before_at)[0],
            opens_sentence=partial(_before_opens_sentence, text, cand.start),
            prospective=partial(_prospective, text, doc, cand),
            progressive=partial(_progressive, text, doc, cand),
            heads_entry=partial(_heads_entry, text, cand.start, cand.end),
            in_stamp=partial(_in_update_stamp, text, cand.start),
        )
        got = normalize(cand, ctx)
        if got is None:
            continue
        typ, value, granularity, relative = got
        quoted_today = cand.rule == "rel_day" and value == dct_value and in_quotation(
            text, cand.start, _bounds(text, doc, cand.start, cand.end))
        if typ == "DATE" and updates_anchor(cand) and ctx.before != "since" and \
                not quoted_today:
            # (a speaker's "today" inside a quotation is the day of the speech, not a move of
            # the narrative to the publication date: '"Today, there are ...," he said. A
            # day earlier, ...')
            anchor.update(value, granularity, cand.start, dct,
                          stated=not relative and ctx.before != "the"
                          and not _ASIDE_BEFORE.search(text, max(0, cand.start - 8), cand.start),
                          tense=ctx.tense)
        if cand.rule == "year" and not cand.get("mod") and value.isdigit():
            # a year given by its number: the time of a past narrative that follows
            anchor.name_year(int(value), cand.start,
                             framed=ctx.before in ("in", "during") and ctx.opens_sentence()
                             and text[cand.end:cand.end + 1] == ",")
        out.append(TimeExpression(
            start=cand.start, end=cand.end, text=text[cand.start:cand.end],
            type=cast(TimexType, typ), value=value, granularity=granularity,
            relative=relative,
        ))
    joined: list[TimeExpression] = []
    for e in out:
        if _scheduled(text, e, joined[-1] if joined else None):
            e = _no_day(e)
        elif joined and _overnight(text, joined[-1], e):
            e = _a_day_later(e)  # "a curfew from 4 p.m. to 8 a.m.": it ends the next morning
        both = _join(text, joined[-1], e, dct) if joined and not _stamp_before(
            text, joined, e) else None
        if both is not None:
            joined[-1:] = both
            if len(joined) >= 3 and _dated_clock(joined[-3]) and _dayless(joined[-2]) and \
                    _clock_span(text, joined[-3], joined[-2]):
                # "from 7 p.m. to 6 a.m. daily": the span's start has no one day either
                joined[-3] = _no_day(joined[-3])
            k = len(joined) - len(both) - 1  # the expression before the pair
            if k >= 0 and _dated_clock(joined[k]) and _dated_clock(joined[k + 1]) and \
                    not _WEEKDAY_OR_YEAR.search(joined[k].text) and \
                    _clock_span(text, joined[k], joined[k + 1]) and \
                    joined[k].value[:10] != joined[k + 1].value[:10] and (
                        "and" not in text[joined[k].end:joined[k + 1].start] or
                        text[max(0, joined[k].start - 8):joined[k].start].lower()
                        == "between "):
                # "between 9 a.m. and 5 p.m. on Monday": the span's start is on its end's
                # day, or the day before when the span runs past midnight
                start = _clock_on(joined[k], joined[k + 1].value[:10])
                if start.value[11:16] > joined[k + 1].value[11:16]:
                    start = _days_later(start, -1)
                joined[k] = start
        else:
            joined.append(e)
    return joined
