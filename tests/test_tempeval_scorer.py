"""Tests of the TempEval-3 Task A scorer in benchmarks/tempeval.py, on hand-made pairs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from tempeval import Counts, pair, read_timexes, score_documents


def tml(body: str) -> str:
    return ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2020-01-01" '
            'functionInDocument="CREATION_TIME">x</TIMEX3></DCT>'
            f"<TEXT>{body}</TEXT></TimeML>")


def t(value: str, text: str, typ: str = "DATE") -> str:
    return f'<TIMEX3 tid="t9" type="{typ}" value="{value}">{text}</TIMEX3>'


def test_read_ignores_dct_and_other_tags_and_unescapes() -> None:
    text, found = read_timexes(tml('A &amp; <EVENT eid="e1">B</EVENT> ' + t("2020", "2020")))
    assert text == "A & B 2020"
    assert [(x.start, x.end, x.value) for x in found] == [(6, 10, "2020")]


def test_perfect_match() -> None:
    gold = tml(f"On {t('2020-01-03', 'Friday')} for {t('P2D', 'two days', 'DURATION')}.")
    s = score_documents([("d", gold, gold)]).scores()
    assert s["strict_f1"] == s["relaxed_f1"] == s["value_f1"] == s["type_f1"] == 1.0


def test_partial_overlap_counts_relaxed_only() -> None:
    gold = tml(f"It ended {t('2019', 'last year')} here.")
    system = tml(f"It ended last {t('2019', 'year')} here.")
    c = score_documents([("d", gold, system)])
    s = c.scores()
    assert (c.gold, c.system, c.relaxed, c.strict) == (1, 1, 1, 0)
    assert s["relaxed_f1"] == 1.0 and s["strict_f1"] == 0.0
    assert s["value_f1"] == 1.0  # value scored on the relaxed pair


def test_value_and_type_f1_are_2a_over_g_plus_s() -> None:
    gold = tml(f"{t('2020-01-03', 'Friday')} and {t('P1W', 'a week', 'DURATION')} and "
               f"{t('2019', '2019')}.")
    system = tml(f"{t('2020-01-10', 'Friday')} and {t('P1W', 'a week', 'DATE')} and 2019. "
                 f"{t('PRESENT_REF', 'Now')}")
    c = score_documents([("d", gold, system)])
    s = c.scores()
    # G = 3, S = 3, relaxed pairs 2, values right 1 (P1W), types right 1 (Friday)
    assert (c.gold, c.system, c.relaxed, c.value, c.type) == (3, 3, 2, 1, 1)
    assert s["relaxed_f1"] == pytest.approx(4 / 6)
    assert s["value_f1"] == pytest.approx(2 / 6)
    assert s["type_f1"] == pytest.approx(2 / 6)
    assert s["relaxed_precision"] == pytest.approx(2 / 3)
    assert s["value_accuracy"] == pytest.approx(1 / 2)


def test_pairing_is_one_to_one_left_to_right() -> None:
    # one long system span overlapping two gold spans pairs with the first only
    _, gold = read_timexes(tml(f"{t('2020-01-03', 'Friday')} {t('TNI', 'night')}"))
    _, system = read_timexes(tml(t("2020-01-03TNI", "Friday night")))
    pairs = pair(gold, system)
    assert len(pairs) == 1 and pairs[0][0].text == "Friday"
    c = Counts()
    c.add(gold, system)
    assert c.scores()["relaxed_recall"] == pytest.approx(0.5)
    assert c.scores()["relaxed_precision"] == 1.0


def test_counts_sum_over_documents_and_empty_is_zero() -> None:
    g1 = tml(t("2020", "2020"))
    c = score_documents([("a", g1, g1), ("b", tml("nothing"), tml(t("2021", "2021")))])
    assert (c.gold, c.system, c.relaxed) == (1, 2, 1)
    assert c.scores()["relaxed_f1"] == pytest.approx(2 / 3)
    assert Counts().scores()["value_f1"] == 0.0
