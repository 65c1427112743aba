"""Benchmark of timeline summarization (:mod:`storyline.timeline`) on Timeline17.

Data: ``../shared/benchmarks/t17/<topic>/`` (five of the nine T17 topics: bpoil, egypt,
finan, h1n1, haiti; ``articles.jsonl.gz``, ``timelines.jsonl``, ``keywords.json``).  The
script skips loudly (message on stderr, exit status 0) when ``../shared`` is missing.

Protocol (news-tls, Gholipour Ghalandari & Ifrim 2020, T17 settings): for each reference
timeline, the input is the topic's articles published between the timeline's first and last
date (inclusive), candidate dates lie in the same span, L = the timeline's number of dates,
K = round(average sentences per date).  Scores with ``tilse`` (0.2.1):
``TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"])``, metric
``align_date_content_costs_many_to_one`` (align+ m:1) for AR-1 / AR-2, and date F1 on the set of
dates.  Precision and recall are averaged over all timelines of the topics evaluated, then F is
computed from the averages (per topic the same over that topic's timelines).

Systems:

* ``storyline``: :func:`storyline.timeline.summarize_prepared` with its shipped weights
  (:data:`storyline.timeline.DEFAULT_WEIGHTS`, fitted on all five topics: in-sample);
* ``storyline-loto``: the same, its date-ranking weights refitted leave-one-topic-out
  (trained on the other four topics' timelines only): the honest figure;
* ``pubcount``: baseline, the days with the most articles published, same sentence selection;
* ``mentions``: baseline, the days most often mentioned (sentences), same sentence selection.

``--fit`` prints weights fitted on all five topics (to update ``DEFAULT_WEIGHTS``); fits, here
and leave-one-topic-out, use only :data:`storyline.timeline.MODEL_FEATURES`.
The costly step (splitting and time-tagging every article) is timed apart as ``prepare_s``;
``--cache DIR`` keeps prepared topics between runs (delete it when the tagger changes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.timeline import (  # noqa: E402
    DEFAULT_WEIGHTS,
    FEATURE_NAMES,
    MODEL_FEATURES,
    Corpus,
    date_features,
    load_articles,
    prepare,
    restrict,
    summarize_prepared,
)

SHARED = ROOT.parent / "shared"
DATA = SHARED / "benchmarks" / "t17"
TOPICS = ("bpoil", "egypt", "finan", "h1n1", "haiti")

#: Published results on all nine T17 topics (F1): AR-1, AR-2, date F1.
PUBLISHED = {
    "CLUST (2020)": (0.082, 0.020, 0.407),
    "Martschat & Markert 2018": (0.105, 0.030, 0.544),
    "DATEWISE (2020)": (0.120, 0.035, 0.544),
    "SUnSET, Qwen-72B (2025)": (0.136, 0.044, 0.576),
}


@dataclass
class Topic:
    name: str
    corpus: Corpus
    timelines: list[list[tuple[dt.date, list[str]]]]
    keywords: list[str]
    prepare_s: float


def load_topic(name: str, cache: Path | None) -> Topic:
    """A topic's articles (prepared: split, tagged, tokenized), timelines and keywords."""
    folder = DATA / name
    timelines = []
    for line in (folder / "timelines.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            timelines.append([(dt.date.fromisoformat(d[:10]), list(s))
                              for d, s in json.loads(line)])
    keywords = json.loads((folder / "keywords.json").read_text(encoding="utf-8"))
    cached = cache / f"tls-{name}.pkl" if cache else None
    if cached is not None and cached.exists():
        with cached.open("rb") as fh:
            corpus, prep = pickle.load(fh)
    else:
        t0 = time.perf_counter()
        corpus = prepare(load_articles(folder / "articles.jsonl.gz"))
        prep = time.perf_counter() - t0
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            with cached.open("wb") as fh:
                pickle.dump((corpus, prep), fh)
    return Topic(name, corpus, timelines, keywords, prep)


def span(timeline: list[tuple[dt.date, list[str]]]) -> tuple[dt.date, dt.date]:
    days = [d for d, _ in timeline]
    return min(days), max(days)


def avg_k(timeline: list[tuple[dt.date, list[str]]]) -> int:
    return round(sum(len(s) for _, s in timeline) / len(timeline))


# ----------------------------------------------------------------------------- scoring

def score(pred: Sequence[tuple[str, list[str]]],
          ref: list[tuple[dt.date, list[str]]]) -> dict[str, dict[str, float]]:
    """tilse align+ m:1 ROUGE-1/2 and date precision/recall/F of one predicted timeline."""
    from tilse.data.timelines import GroundTruth, Timeline
    from tilse.evaluation import rouge

    evaluator = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"])
    pred_tl = Timeline({dt.date.fromisoformat(d): s for d, s in pred})
    ref_tl = Timeline(dict(ref))
    gt = GroundTruth([ref_tl])
    if pred:
        res = evaluator.evaluate_align_date_content_costs_many_to_one(pred_tl, gt)
    else:
        zero = {"precision": 0.0, "recall": 0.0, "f_score": 0.0}
        res = {"rouge_1": dict(zero), "rouge_2": dict(zero)}
    pd, rd = {d for d, _ in pred}, {d.isoformat() for d, _ in ref}
    shared = len(pd & rd)
    prec = shared / len(pd) if pd else 0.0
    rec = shared / len(rd) if rd else 0.0
    res["date"] = {"precision": prec, "recall": rec,
                   "f_score": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}
    return {k: {m: float(x) for m, x in v.items()} for k, v in res.items()}


def average(results: Sequence[dict[str, dict[str, float]]]) -> dict[str, float]:
    """F1 of AR-1, AR-2, dates from precision and recall averaged over timelines."""
    out: dict[str, float] = {}
    for key, label in (("rouge_1", "ar1"), ("rouge_2", "ar2"), ("date", "date_f1")):
        p = sum(r[key]["precision"] for r in results) / len(results)
        r_ = sum(r[key]["recall"] for r in results) / len(results)
        out[label] = 2 * p * r_ / (p + r_) if p + r_ else 0.0
    return out


# ----------------------------------------------------------------------------- learning

def training_rows(topic: Topic) -> tuple[np.ndarray, np.ndarray]:
    """Date features and labels (1 = in the reference timeline) of each timeline's span."""
    xs, ys = [], []
    for tl in topic.timelines:
        lo, hi = span(tl)
        feats = date_features(restrict(topic.corpus, lo, hi), topic.keywords, lo, hi)
        ref = {d for d, _ in tl}
        for d, f in feats.items():
            xs.append(f)
            ys.append(1.0 if d in ref else 0.0)
    return np.array(xs), np.array(ys)


def fit_weights(topics: Sequence[Topic], ridge: float = 1.0,
                features: Sequence[str] = MODEL_FEATURES) -> tuple[float, ...]:
    """Ridge regression of the date labels on ``features``, each topic weighted equally.

    Returns weights over all of :data:`FEATURE_NAMES`, 0 for the features left out.
    """
    cols = [FEATURE_NAMES.index(f) for f in features]
    xs, ys, ws = [], [], []
    for t in topics:
        x, y = training_rows(t)
        xs.append(x[:, cols])
        ys.append(y)
        ws.append(np.full(len(y), 1.0 / max(len(y), 1)))
    x, y, w = np.vstack(xs), np.concatenate(ys), np.concatenate(ws)
    sw = np.sqrt(w)[:, None]
    a = (x * sw).T @ (x * sw) + ridge * np.eye(x.shape[1]) * w.sum() / len(w)
    b = (x * sw).T @ (y * sw[:, 0])
    fitted = np.linalg.solve(a, b)
    full = np.zeros(len(FEATURE_NAMES))
    full[cols] = fitted
    return tuple(float(v) for v in full)


def one_hot(name: str) -> tuple[float, ...]:
    return tuple(1.0 if n == name else 0.0 for n in FEATURE_NAMES)


# ----------------------------------------------------------------------------- running

def run_system(topic: Topic, weights: Sequence[float]) -> tuple[list[dict[str, Any]], float]:
    """Score a system (date weights) on every timeline of a topic; seconds spent."""
    rows = []
    t0 = time.perf_counter()
    for j, tl in enumerate(topic.timelines):
        lo, hi = span(tl)
        t1 = time.perf_counter()
        pred = summarize_prepared(topic.corpus, len(tl), avg_k(tl), topic.keywords,
                                  start=lo, end=hi, weights=weights)
        secs = time.perf_counter() - t1
        rows.append({"timeline": j, "L": len(tl), "K": avg_k(tl), "seconds": secs,
                     "scores": score(pred, tl), "n_pred": len(pred)})
    return rows, time.perf_counter() - t0


def fmt(x: float) -> str:
    return f"{x:.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--topics", nargs="*", default=list(TOPICS))
    ap.add_argument("--systems", nargs="*",
                    default=["storyline", "storyline-loto", "pubcount", "mentions"])
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--fit", action="store_true", help="print weights fitted on all topics")
    ap.add_argument("--out", type=Path, default=None, help="JSON results")
    ap.add_argument("--md", type=Path, default=None, help="Markdown table")
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        print(f"SKIP: {DATA} is missing: the T17 benchmark needs ../shared", file=sys.stderr)
        return 0
    try:
        import tilse  # noqa: F401
    except ImportError:
        print("SKIP: tilse is not installed (pip install 'tilse==0.2.1')", file=sys.stderr)
        return 0
    # tilse scores through pyrouge's ROUGE-1.5.5, a Perl script that needs XML::Parser
    if subprocess.run(["perl", "-MXML::Parser", "-e", "1"], capture_output=True).returncode:
        print("ERROR: ROUGE-1.5.5 (used by tilse) needs Perl's XML::Parser: install Debian's "
              "libxml-parser-perl (apt-get install libxml-parser-perl), then run again",
              file=sys.stderr)
        return 2

    topics = [load_topic(t, args.cache) for t in args.topics]
    for t in topics:
        print(f"prepared {t.name}: {len(t.corpus.articles)} articles, "
              f"{len(t.corpus.sentences)} sentences, {t.prepare_s:.1f} s", file=sys.stderr)
    if args.fit:
        fitted = fit_weights(topics)
        print("weights fitted on", [t.name for t in topics])
        print("(" + ", ".join(f"{v:.3f}" for v in fitted) + ")")
        print(dict(zip(FEATURE_NAMES, (round(v, 3) for v in fitted), strict=True)))
        return 0

    results: dict[str, Any] = {"date": dt.date.today().isoformat(), "systems": {},
                               "prepare_s": {t.name: round(t.prepare_s, 2) for t in topics}}
    for system in args.systems:
        per_topic: dict[str, Any] = {}
        all_rows: list[dict[str, Any]] = []
        for t in topics:
            if system == "storyline":
                w: Sequence[float] = DEFAULT_WEIGHTS
            elif system == "storyline-loto":
                w = fit_weights([o for o in topics if o.name != t.name])
            elif system == "pubcount":
                w = one_hot("docs_published")
            elif system == "mentions":
                w = one_hot("sents_total")
            else:
                raise SystemExit(f"unknown system {system}")
            rows, secs = run_system(t, w)
            all_rows.extend(rows)
            per_topic[t.name] = {**average([r["scores"] for r in rows]),
                                 "summarize_s": round(sum(r["seconds"] for r in rows), 2),
                                 "seconds": round(secs, 2), "timelines": rows}
            print(f"{system:15s} {t.name:6s} " + " ".join(
                f"{k}={fmt(per_topic[t.name][k])}" for k in ("ar1", "ar2", "date_f1"))
                + f" {secs:.1f}s", file=sys.stderr)
        overall = average([r["scores"] for r in all_rows])
        results["systems"][system] = {"overall": overall, "topics": per_topic}
        print(f"{system:15s} ALL    " + " ".join(
            f"{k}={fmt(overall[k])}" for k in ("ar1", "ar2", "date_f1")), file=sys.stderr)

    md = markdown(results, topics)
    print(md)
    if args.md:
        args.md.write_text(md + "\n", encoding="utf-8")
    if args.out:
        args.out.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


def markdown(results: dict[str, Any], topics: Sequence[Topic]) -> str:
    names = [t.name for t in topics]
    lines = ["| system | topic | AR-1 | AR-2 | date F1 | summarize s | with scoring s |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for system, res in results["systems"].items():
        for n in names:
            r = res["topics"][n]
            lines.append(f"| {system} | {n} | {fmt(r['ar1'])} | {fmt(r['ar2'])} | "
                         f"{fmt(r['date_f1'])} | {r['summarize_s']:.1f} | {r['seconds']:.1f} |")
        o = res["overall"]
        lines.append(f"| **{system}** | **all {len(names)}** | **{fmt(o['ar1'])}** | "
                     f"**{fmt(o['ar2'])}** | **{fmt(o['date_f1'])}** | | |")
    lines.append("")
    lines.append("| topic | prepare (split + time-tag), seconds |")
    lines.append("| --- | --- |")
    for n in names:
        lines.append(f"| {n} | {results['prepare_s'][n]:.1f} |")
    return "\n".join(lines)



if __name__ == "__main__":
    raise SystemExit(main())
