"""Tests of the benchmark scorers on tiny hand-made cases, and slow full benchmark runs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_events  # noqa: E402
from polnear import Prediction, parse_ann, score_article  # noqa: E402

SHARED = ROOT.parent / "shared"

TEXT = ('Mara Quist said the bridge would close in May.\n'
        '"We have no choice," she added.\n')
# offsets: content "the bridge would close in May" 16..45, source "Mara Quist" 0..10
ANN = ("T1\tSource 0 10\tMara Quist\nT2\tCue 11 15\tsaid\n"
       "T3\tContent 16 45\tthe bridge would close in May\nT4\tAttribution 11 15\tsaid\n"
       "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
       "T5\tSource 68 71\tshe\nT6\tCue 72 77\tadded\nT7\tContent 47 66\t\"We have no choice,\"\n"
       "T8\tAttribution 72 77\tadded\nE2\tAttribution:T8 Source:T5 Cue:T6 Content:T7\n")


def test_parse_ann_direct_and_indirect() -> None:
    gold = parse_ann(ANN, TEXT)
    assert TEXT[16:45] == "the bridge would close in May" and TEXT[68:71] == "she"
    assert [g.direct for g in gold] == [False, True]
    assert gold[1].source_text == "she"


def test_score_right_and_wrong_speakers() -> None:
    gold = parse_ann(ANN, TEXT)
    right = [Prediction(16, 45, False, "Mara Quist", ((0, 10),)),
             Prediction(48, 64, True, "Mara Quist", ((0, 10),), speaker_via="she")]
    m = score_article(TEXT, gold, right).metrics()
    assert m["attributed_f1"] == 1.0 and m["direct_recall"] == 1.0
    wrong = [Prediction(16, 45, False, "Tom Berg", ((100, 108),)),
             Prediction(0, 15, False, "Tom Berg")]  # the second is outside every content
    c = score_article(TEXT, gold, wrong)
    m = c.metrics()
    assert c.pred_hit == 1 and c.found == 1 and c.found_speaker == 0
    assert m["attributed_f1"] == 0.0 and m["precision"] == 0.5 and m["recall"] == 0.5


def test_surname_matches_a_titled_source() -> None:
    text = "Mr. Quist said the plan was dead."
    ann = ("T1\tSource 0 9\tMr. Quist\nT2\tCue 10 14\tsaid\nT3\tContent 15 32\tthe plan was "
           "dead\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n")
    gold = parse_ann(ann, text)
    c = score_article(text, gold, [Prediction(15, 32, False, "Mara Quist", ((50, 60),))])
    assert c.found_speaker == 1


def test_event_scorer() -> None:
    recs = [bench_events.Record("1", "x", "AGREE", ("Norland",), ("Vexa",)),
            bench_events.Record("2", "y", "ASSAULT", ("rebels",), ())]
    preds = [bench_events.Predicted("AGREE", ("Norland",), ("the Vexa government",)),
             bench_events.Predicted(None, (), ())]
    r = bench_events.score(recs, preds)
    assert r["accuracy"] == 0.5 and r["actor_recall"] == 0.5 and r["recipient_recall"] == 1.0
    assert r["per_category"]["AGREE"]["f1"] == 1.0 and r["macro_f1"] == 0.5


@pytest.mark.slow
def test_full_event_benchmark_runs() -> None:
    if not bench_events.DATA.is_file():
        pytest.skip(f"../shared is missing: {bench_events.DATA}")
    assert bench_events.main([]) == 0


@pytest.mark.slow
def test_full_quote_benchmark_runs() -> None:
    import bench_quotes

    if not bench_quotes.DATA.is_dir():
        pytest.skip(f"../shared is missing: {bench_quotes.DATA}")
    assert bench_quotes.main(["--split", "dev", "--limit", "5", "--no-textacy"]) == 0


def test_code_check_splits_each_cameo_code_into_tune_and_check() -> None:
    import bench_events_codes

    coded = bench_events_codes.code_records()
    assert len(coded) > 700  # three invented sentences for each CAMEO code (one dropped)
    positions: dict[str, list[int]] = {}
    for record, code, position in coded:
        assert record.category and code[:2].isdigit()
        positions.setdefault(code, []).append(position)
    # positions count up from 0 within a code: 0 and 1 are read ("tune"), 2 only measured
    assert all(p == list(range(len(p))) for p in positions.values())
    assert sum(2 in p for p in positions.values()) > 250
