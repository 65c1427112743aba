"""Property tests of the time stage: any text, any dct, the output invariants hold."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.time import tag

_WORDS = ["on", "Monday", "March", "May", "5", "2022", "in", "last", "week", "a", "day",
          "earlier", "later", "three", "days", "ago", "the", "1990s", "10:30", "a.m.", ",",
          ".", "\n", "now", "every", "year", "this", "month", "twenty-first", "century",
          "since", "2014", "-", "'", "’", "of", "next", "following", "late", "early", "pm",
          "Saturday", "quarter", "first", "summer", "2/3/2022", "2022-03-08", "noon"]

_dcts = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1),
                                      max_value=dt.date(9999, 12, 31)))


def _check(text: str, dct: dt.date | None) -> None:
    out = tag(text, dct)
    prev_end = 0
    for e in out:
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start:e.end] == e.text
        assert e.start >= prev_end, "overlap or unsorted"
        assert e.type in ("DATE", "TIME", "DURATION", "SET")
        assert e.value
        prev_end = e.end


@settings(max_examples=300, deadline=None)
@given(st.text(), _dcts)
def test_any_unicode_text(text: str, dct: dt.date | None) -> None:
    _check(text, dct)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30), _dcts,
       st.sampled_from([" ", "  ", "\n", ", "]))
def test_time_word_soup(words: list[str], dct: dt.date | None, sep: str) -> None:
    _check(sep.join(words), dct)


@settings(max_examples=100, deadline=None)
@given(_dcts)
def test_extreme_dcts(dct: dt.date | None) -> None:
    _check("Yesterday, last week, next year, the next century, three years ago, on Monday "
           "and in December, a day earlier, next summer, the first quarter, at noon, "
           "Christmas, Black Friday, tomorrow night, two centuries later. They will meet on "
           "Friday and met last Monday, this Sunday, next Tuesday.", dct)
