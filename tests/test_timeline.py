"""Tests of the timeline summarizer (storyline.timeline) on small invented articles."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from storyline.timeline import (
    DEFAULT_WEIGHTS,
    FEATURE_NAMES,
    MODEL_FEATURES,
    SentenceParams,
    TlsArticle,
    date_features,
    detokenize,
    load_articles,
    prepare,
    rank_dates,
    restrict,
    run_tls,
    split_sentences,
    strip_lead_in,
    summarize,
    summarize_prepared,
)

D = dt.date


def _articles() -> list[TlsArticle]:
    """A tiny invented story: a dam breaks on 3 May, an inquiry opens on 10 May."""
    return [
        TlsArticle("a1", D(2021, 5, 3), None,
                   "The river dam in Norland broke on Monday , flooding three villages .\n"
                   "Rescue teams reached the flooded villages by boat .\n"
                   "Officials said the dam had not been inspected for years ."),
        TlsArticle("a2", D(2021, 5, 4), None,
                   "A day after the dam broke on May 3 , villagers waited for help .\n"
                   "The dam failure on May 3 left thousands homeless .\n"
                   "Weather forecasters expect more rain -LRB- heavy at times -RRB- ."),
        TlsArticle("a3", D(2021, 5, 10), None,
                   "Norland opened an inquiry into the dam collapse on Monday .\n"
                   "The inquiry will question the dam operator about the missing inspections .\n"
                   "The dam broke on May 3 after days of rain ."),
        TlsArticle("a4", D(2021, 5, 11), None,
                   "The dam inquiry heard from engineers on May 10 .\n"
                   "Engineers told the inquiry the dam walls were cracked ."),
    ]


def test_detokenize_brackets_and_clitics() -> None:
    assert detokenize("He said -LRB- on Friday -RRB- it 's over .") == \
        "He said (on Friday) it's over."
    assert detokenize("They do n't know , she said .") == "They don't know, she said."


def test_split_sentences_lines_and_punctuation() -> None:
    assert split_sentences("One line .\nTwo line .\n\n") == ["One line .", "Two line ."]
    assert split_sentences("First thing happened. Then another one came.") == \
        ["First thing happened.", "Then another one came."]


def test_prepare_resolves_dates_against_publication() -> None:
    corpus = prepare(_articles())
    first = corpus.sentences[0]
    assert first.text.startswith("The river dam")
    assert first.dates == (D(2021, 5, 3),)  # "on Monday", published Monday 3 May
    assert D(2021, 5, 3) in corpus.sentences[3].dates  # "on May 3"
    # output sentences keep their tokenized form
    assert "-LRB-" in corpus.sentences[5].text


def test_date_features_and_ranking_prefer_mentioned_day() -> None:
    corpus = prepare(_articles())
    feats = date_features(corpus, ["dam"])
    assert len(next(iter(feats.values()))) == len(FEATURE_NAMES)
    ranked = rank_dates(feats, DEFAULT_WEIGHTS)
    assert ranked[0] == D(2021, 5, 3)
    assert D(2021, 5, 10) in ranked[:3]


def test_mention_days_counts_each_publication_day_once() -> None:
    corpus = prepare(_articles())
    scaled = date_features(corpus, ["dam"])
    col = FEATURE_NAMES.index("mention_days")
    # 3 May is mentioned on 3, 4 and 10 May (three days, four sentences); 10 May only on
    # 10 and 11 May: after max-scaling the first is the maximum, the second lower
    assert scaled[D(2021, 5, 3)][col] == pytest.approx(1.0)
    assert 0.0 < scaled[D(2021, 5, 10)][col] < 1.0
    # three sentences of one day count once; two days that mention a date once each count
    # twice, although they make fewer sentences
    many = [TlsArticle("b1", D(2021, 6, 2), None,
                       "The vote took place on June 1 .\nOn June 1 , turnout was low .\n"
                       "Results of June 1 came late ."),
            TlsArticle("b2", D(2021, 6, 9), None, "A rally was held on June 8 ."),
            TlsArticle("b3", D(2021, 6, 10), None, "The rally of June 8 ended peacefully .")]
    feats = date_features(prepare(many))
    sents = FEATURE_NAMES.index("sents_total")
    assert feats[D(2021, 6, 8)][col] == pytest.approx(1.0)
    assert feats[D(2021, 6, 1)][col] < 1.0
    assert feats[D(2021, 6, 1)][sents] > feats[D(2021, 6, 8)][sents]


def test_default_weights_use_only_model_features() -> None:
    assert len(DEFAULT_WEIGHTS) == len(FEATURE_NAMES)
    assert set(MODEL_FEATURES) <= set(FEATURE_NAMES)
    for name, w in zip(FEATURE_NAMES, DEFAULT_WEIGHTS, strict=True):
        if name not in MODEL_FEATURES:
            assert w == 0.0
    assert DEFAULT_WEIGHTS[FEATURE_NAMES.index("mention_days")] > 0


def test_later_bonus_prefers_a_look_back() -> None:
    """With one sentence to choose for 5 July, the same-day report is the most central one,
    but with a large look-back bonus the later article's sentence about that day wins."""
    arts = [
        TlsArticle("c1", D(2021, 7, 5), None,
                   "Forecasters issued storm warnings for the harbour town on Monday .\n"
                   "The storm warnings from forecasters cover the harbour town ."),
        TlsArticle("c2", D(2021, 7, 20), None,
                   "On July 5 , the storm hit fishermen far from the harbour ."),
    ]
    corpus = prepare(arts)
    lo, hi = D(2021, 7, 5), D(2021, 7, 20)
    off = summarize_prepared(corpus, 1, 1, ["storm"], start=lo, end=hi,
                             params=SentenceParams(later_bonus=0.0, consensus_centroid=False))
    on = summarize_prepared(corpus, 1, 1, ["storm"], start=lo, end=hi,
                            params=SentenceParams(later_bonus=0.5, consensus_centroid=False))
    assert off == [("2021-07-05", [split_sentences(arts[0].text)[0]])]
    assert on == [("2021-07-05", [arts[1].text])]


def test_consensus_centroid_keeps_the_days_event() -> None:
    """Three later sentences about 5 July are on a budget debate, one on the storm that the
    day's own leading sentence reports: the centroid of all candidates favours the budget,
    the terms both views share (storm, flooded, harbour) favour the storm."""
    arts = [
        TlsArticle("d1", D(2021, 7, 5), None, "The storm flooded the harbour overnight ."),
        TlsArticle("d2", D(2021, 7, 20), None,
                   "On July 5 , the council debated the city budget .\n"
                   "On July 5 , the storm flooded the harbour ."),
        TlsArticle("d3", D(2021, 7, 21), None,
                   "The city budget vote on July 5 split the council .\n"
                   "City council budget talks ended on July 5 ."),
    ]
    corpus = prepare(arts)
    lo, hi = D(2021, 7, 5), D(2021, 7, 21)
    union = summarize_prepared(corpus, 1, 1, start=lo, end=hi,
                               params=SentenceParams(consensus_centroid=False))
    consensus = summarize_prepared(corpus, 1, 1, start=lo, end=hi)
    assert union[0][0] == consensus[0][0] == "2021-07-05"
    assert "budget" in union[0][1][0]
    assert consensus == [("2021-07-05", ["On July 5 , the storm flooded the harbour ."])]


def test_restrict_keeps_articles_in_span() -> None:
    corpus = prepare(_articles())
    sub = restrict(corpus, D(2021, 5, 4), D(2021, 5, 10))
    assert [a.id for a in sub.articles] == ["a2", "a3"]
    assert {s.article for s in sub.sentences} == {0, 1}


def test_summarize_respects_limits_and_takes_sentences_verbatim() -> None:
    arts = _articles()
    tl = summarize(arts, 2, 1, ["dam"])
    assert 1 <= len(tl) <= 2
    assert [d for d, _ in tl] == sorted(d for d, _ in tl)
    assert tl[0][0] == "2021-05-03"
    sentences = {s for a in arts for s in split_sentences(a.text)}
    for _, sents in tl:
        assert len(sents) == 1
        assert all(s in sentences for s in sents)
        assert all("dam" in s.lower() for s in sents)
    days = [d for d, _ in summarize(arts, 3, 2, ["inquiry"])]
    assert "2021-05-10" in days


def test_summarize_empty_and_zero_limits() -> None:
    assert summarize([], 5, 2) == []
    assert summarize(_articles(), 0, 2) == []


def test_no_sentence_repeats_across_dates() -> None:
    tl = summarize(_articles(), 4, 3, ["dam"])
    flat = [s for _, sents in tl for s in sents]
    assert len(flat) == len(set(flat))


def _write_jsonl_gz(path: Path, articles: list[TlsArticle]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({"id": a.id, "time": a.published.isoformat() + "T00:00:00",
                                 "title": a.title, "text": a.text}) + "\n")
        fh.write(json.dumps({"id": "empty", "time": "2021-05-05T00:00:00", "title": None,
                             "text": ""}) + "\n")


def test_run_tls_writes_contract_json(tmp_path: Path) -> None:
    src = tmp_path / "articles.jsonl.gz"
    _write_jsonl_gz(src, _articles())
    assert len(load_articles(src)) == 4  # the empty article is skipped
    kw = tmp_path / "kw.json"
    kw.write_text(json.dumps(["dam"]), encoding="utf-8")
    out = tmp_path / "out" / "tl.json"
    run_tls(src, 2, 2, kw, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(data, list) and 1 <= len(data) <= 2
    for day, sents in data:
        assert dt.date.fromisoformat(day)
        assert 1 <= len(sents) <= 2


@pytest.mark.slow
def test_t17_benchmark_runs(tmp_path: Path) -> None:
    shared = Path(__file__).resolve().parents[1].parent / "shared"
    if not (shared / "benchmarks" / "t17").is_dir():
        pytest.skip("../shared is missing: no Timeline17 data for the TLS benchmark")
    pytest.importorskip("tilse")
    bench = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_tls.py"
    out = tmp_path / "tls.json"
    subprocess.run([sys.executable, str(bench), "--topics", "haiti", "--systems", "storyline",
                    "pubcount", "--out", str(out)], check=True)
    res = json.loads(out.read_text(encoding="utf-8"))
    ours = res["systems"]["storyline"]["overall"]
    assert ours["date_f1"] >= 0.5
    assert ours["ar1"] >= 0.1


@pytest.mark.parametrize("line, body", [
    ("GENEVA -LRB- Reuters -RRB- - The WHO said on Thursday it would act .",
     "The WHO said on Thursday it would act ."),
    ("MOSCOW (Reuters) - Russia said on Friday it would leave the station.",
     "Russia said on Friday it would leave the station."),
    ("Cairo , Egypt -LRB- CNN -RRB- -- Thousands of protesters spilled into the streets .",
     "Thousands of protesters spilled into the streets ."),
    ("HONG KONG , May 2 -LRB- Reuters -RRB- - Travellers were quarantined in a hotel .",
     "Travellers were quarantined in a hotel ."),
    ("SAN JUAN , Puerto Rico | Mon May 25 , 2009 9:19 pm EDT SAN JUAN , Puerto Rico -LRB- "
     "Reuters -RRB- - Puerto Rico on Monday reported its first case .",
     "Puerto Rico on Monday reported its first case ."),
    ("WEST PALM BEACH , FLA. -- Paul Pointer was on the beach by dawn .",
     "Paul Pointer was on the beach by dawn ."),
    ("-LRB- Update 10:25 p.m. in Cairo , 3:25 p.m. ET -RRB- Obama said the transition must "
     "begin now .", "Obama said the transition must begin now ."),
    ("-LRB- Updated 5:31 p.m. -LRB- 0031 in Egypt -RRB- -RRB- Mubarak says he has asked the "
     "government to resign .", "Mubarak says he has asked the government to resign ."),
    # not a dateline: a name and its acronym, a subject and a dash, a short remainder
    ("The Disasters Emergency Committee -LRB- DEC -RRB- - the umbrella group - appealed .",
     None),
    ("US - Mexico talks -- the first in years -- ended today .", None),
    ("NATO -- at last .", None),
])
def test_strip_lead_in_takes_off_wire_datelines_and_stamps(line: str, body: str | None) -> None:
    assert strip_lead_in(line) == (line if body is None else body)


def test_prepare_outputs_sentences_without_their_dateline() -> None:
    art = TlsArticle("a1", D(2021, 5, 3), None,
                     "PARIS (Reuters) - The dam burst on Monday, flooding the valley.\n"
                     "Rescuers searched the valley on Monday.")
    corpus = prepare([art])
    assert corpus.sentences[0].text == "The dam burst on Monday, flooding the valley."
    assert "reuters" not in corpus.sentences[0].tokens
    assert corpus.sentences[0].dates == (D(2021, 5, 3),)
