"""Story clustering on a mixed corpus: the five shared Timeline17 topics shuffled together.

    .venv/bin/python benchmarks/bench_stories.py [--threshold 0.07] [--out results.json]
    .venv/bin/python benchmarks/bench_stories.py --report REPORT.json

Every article is streamed, in publication order, through Storyline's incremental clusterer;
BCubed precision and recall of the stories against the topics are reported (a story must not
mix topics: precision; a topic should not be scattered: recall).

With ``--report``, the stories are read from a report of the whole pipeline instead, made by
``storyline analyze FOLDER`` on a folder holding one sub-folder per topic (``bpoil/``, ...,
each with its ``articles.jsonl.gz``): the topic of a document is the first part of its id.

With ``--stress``, a sixth topic joins the stream: a copy of egypt whose main names are swapped
for Libya's (Egypt -> Libya, Mubarak -> Gaddafi, Cairo -> Tripoli, ...) and whose dates move two
weeks later: a story of the same kind, told in the same words, that a reader still keeps apart.
It is far harder than two real stories of one kind (their events differ too); it shows whether
the clusterer separates stories by who and where, not only by what.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
T17 = REPO.parent / "shared" / "benchmarks" / "t17"
TOPICS = ("bpoil", "egypt", "finan", "h1n1", "haiti")
#: the names swapped in ``--stress``'s copy of egypt (longest first where one contains another)
STRESS_SWAP = (("Egyptians", "Libyans"), ("Egyptian", "Libyan"), ("Egypt", "Libya"),
               ("Hosni", "Muammar"), ("Mubarak", "Gaddafi"), ("Cairo", "Tripoli"),
               ("Alexandria", "Benghazi"), ("Suez", "Misrata"), ("Tahrir", "Martyrs"),
               ("Suleiman", "Jalil"), ("ElBaradei", "Jibril"), ("Nile", "Sirte"))


def load(t17: Path = T17) -> list[tuple[str, str, dt.date | None, str]]:
    """(article id, topic, publication date, text) for every non-empty article."""
    out = []
    for topic in TOPICS:
        with gzip.open(t17 / topic / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                a = json.loads(line)
                if not (a.get("text") or "").strip():
                    continue
                date = dt.date.fromisoformat(a["time"][:10]) if a.get("time") else None
                out.append((f"{topic}/{a['id']}", topic, date, a["text"]))
    return out


def stress_topic(articles: list[tuple[str, str, dt.date | None, str]],
                 ) -> list[tuple[str, str, dt.date | None, str]]:
    """The ``--stress`` topic: egypt's articles with Libya's names, two weeks later."""
    import re

    out = []
    for aid, topic, date, text in articles:
        if topic != "egypt":
            continue
        for old, new in STRESS_SWAP:
            text = re.sub(rf"\b{old}\b", new, text)
        out.append(("egypt-swapped/" + aid, "egypt-swapped",
                    date + dt.timedelta(days=14) if date else None, text))
    return out


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float]:
    """BCubed precision and recall of a clustering ``pred`` against classes ``gold``."""
    by_pred: dict[str, list[str]] = {}
    by_gold: dict[str, list[str]] = {}
    for item, c in pred.items():
        by_pred.setdefault(c, []).append(item)
    for item, c in gold.items():
        by_gold.setdefault(c, []).append(item)
    p = r = 0.0
    for item in pred:
        cluster = by_pred[pred[item]]
        klass = by_gold[gold[item]]
        same = sum(1 for other in cluster if gold[other] == gold[item])
        p += same / len(cluster)
        r += same / len(klass)
    n = len(pred)
    return p / n, r / n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--report", type=Path, help="score the stories of a pipeline report")
    parser.add_argument("--stress", action="store_true",
                        help="add a name-swapped copy of egypt as a sixth topic")
    args = parser.parse_args()
    if args.report:
        report = json.loads(args.report.read_text())
        pred = {d: s["id"] for s in report["stories"] for d in s["documents"]}
        gold = {d: d.split("/")[0] for d in pred}
        precision, recall = bcubed(pred, gold)
        result = {"articles": len(pred), "stories": len(report["stories"]),
                  "bcubed_precision": round(precision, 4), "bcubed_recall": round(recall, 4)}
        print(json.dumps(result, indent=2))
        if args.out:
            args.out.write_text(json.dumps(result, indent=2) + "\n")
        return 0
    if not T17.exists():
        print(f"SKIPPED: {T17} is missing (../shared must sit beside the repository)")
        return 0
    from storyline.clustering import StoryClusterer, document_terms

    articles = load()
    if args.stress:
        articles += stress_topic(articles)
    articles.sort(key=lambda a: (a[2] or dt.date.min, a[0]))
    clusterer = StoryClusterer() if args.threshold is None else StoryClusterer(args.threshold)
    t0 = time.perf_counter()
    for aid, _topic, date, text in articles:
        clusterer.add(aid, document_terms(text), date)
    pred = dict(clusterer.story_of)  # final assignment: stories may have merged since
    seconds = time.perf_counter() - t0
    gold = {aid: topic for aid, topic, _d, _t in articles}
    precision, recall = bcubed(pred, gold)
    sizes = Counter(pred.values())
    result = {
        "articles": len(articles), "stories": len(sizes),
        "stories_with_5_or_more": sum(1 for n in sizes.values() if n >= 5),
        "bcubed_precision": round(precision, 4), "bcubed_recall": round(recall, 4),
        "threshold": clusterer.threshold, "seconds": round(seconds, 2),
    }
    print(json.dumps(result, indent=2))
    if args.out:
        args.out.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
