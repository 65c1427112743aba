"""Benchmark of the event stage on the shared PLOVER gold-standard records.

Data: ``../shared/benchmarks/plover_gsr/plover_gsr_normalized.jsonl`` (228 sentences coded with
PLOVER; ``event_v2_mapped`` is the category among the 16 current ones).  The script skips
loudly (message on stderr, exit status 0) when ``../shared`` is missing.

Each sentence is parsed (``storyline.nlp``) and given to :func:`storyline.events.extract_events`
as a one-sentence document.  The **primary** prediction is the first event mention (in text
order) that has a category, coded the way PLOVER codes it
(:func:`storyline.plover.plover_category`: a promised cooperative action is AGREE, an announced
hostile one THREATEN); a sentence with no typed event counts as wrong.

Figures: category accuracy, macro F1 over the categories present in the gold, per-category
precision / recall / F1; actor recall (a gold actor is found when its words overlap the words of
an actor of the primary event, case-insensitive) and recipient recall (the same with targets),
over the sentences whose gold has actors / recipients.  Two runs: the lexicon alone (hand-written
from the PLOVER manual but read against these records: development figures), and the lexicon
plus the sentence classifier of :mod:`storyline.plover_model` under repeated stratified k-fold
cross-validation (each sentence judged by models trained without it: the honest estimate for
unseen sentences).

Usage::

    .venv/bin/python benchmarks/bench_events.py --out /tmp/bench_events.json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

SHARED = ROOT.parent / "shared"
DATA = SHARED / "benchmarks" / "plover_gsr" / "plover_gsr_normalized.jsonl"
_WORD = re.compile(r"\w+")
_STOP = frozenset({"the", "of", "and", "a", "an", "in", "s"})


@dataclass(frozen=True)
class Record:
    id: str
    text: str
    category: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]


@dataclass(frozen=True)
class Predicted:
    category: str | None
    actors: tuple[str, ...]
    targets: tuple[str, ...]


def load(path: Path = DATA) -> list[Record]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        out.append(Record(r["id"], r["text"], r["event_v2_mapped"],
                          tuple(a["text"] for a in r.get("actor") or [] if a.get("text")),
                          tuple(a["text"] for a in r.get("recipient") or [] if a.get("text"))))
    return out


def words(s: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(s)} - _STOP


def arg_found(gold: str, predicted: Sequence[str]) -> bool:
    """A gold participant is found when its words overlap the words of a predicted one."""
    g = words(gold)
    return any(g & words(p) for p in predicted)


def predict(text: str, nlp: Any, classifier: Any = False, sdoc: Any = None,
            fallback: float | None = None) -> Predicted:
    """The primary event of a sentence, PLOVER-coded.

    ``classifier`` is passed to :func:`storyline.events.extract_events` (False: lexicon only;
    a model trained without this sentence for the cross-validated figures); ``fallback`` is
    its ``fallback_probability``.  The primary event is the mention the event stage flags as
    its sentence's main one (``primary``: the one the report lists first among the
    sentence's events of the same date), of the first sentence (of the record's text) that
    has a typed one; its category and participants are coded the way the report codes them
    (:func:`storyline.plover.plover_category`, :func:`storyline.plover.plover_roles`).
    """
    from storyline.events import extract_events
    from storyline.model import Document
    from storyline.plover import plover_category, plover_roles

    sdoc = nlp(text) if sdoc is None else sdoc
    mentions = extract_events(Document(id="s", text=text), sdoc, [], classifier=classifier,
                              fallback_probability=fallback)
    for m in sorted((m for m in mentions if m.primary), key=lambda m: m.sentence):
        cat = plover_category(m.category, m.modality)
        if cat is not None:
            actors, targets = plover_roles(m.category, m.modality, m.actors, m.targets,
                                           m.source, m.lemma)
            return Predicted(cat, tuple(a.text for a in actors), tuple(a.text for a in targets))
    return Predicted(None, (), ())


def score(records: Sequence[Record], preds: Sequence[Predicted]) -> dict[str, Any]:
    """Accuracy, macro F1, per-category figures, actor and recipient recall."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for r, p in zip(records, preds, strict=True):
        if p.category == r.category:
            tp[r.category] += 1
        else:
            fn[r.category] += 1
            if p.category is not None:
                fp[p.category] += 1
    per: dict[str, dict[str, float]] = {}
    for cat in sorted({r.category for r in records}):
        prec = tp[cat] / (tp[cat] + fp[cat]) if tp[cat] + fp[cat] else 0.0
        rec = tp[cat] / (tp[cat] + fn[cat]) if tp[cat] + fn[cat] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[cat] = {"precision": prec, "recall": rec, "f1": f1, "support": tp[cat] + fn[cat]}
    gold_actors = [(a, p) for r, p in zip(records, preds, strict=True) for a in r.actors]
    gold_recips = [(a, p) for r, p in zip(records, preds, strict=True) for a in r.recipients]
    n = len(records)
    return {
        "sentences": n,
        "accuracy": sum(tp.values()) / n if n else 0.0,
        "macro_f1": sum(v["f1"] for v in per.values()) / len(per) if per else 0.0,
        "no_typed_event": sum(p.category is None for p in preds),
        "actor_recall": sum(arg_found(a, p.actors) for a, p in gold_actors)
        / max(1, len(gold_actors)),
        "recipient_recall": sum(arg_found(a, p.targets) for a, p in gold_recips)
        / max(1, len(gold_recips)),
        "gold_actors": len(gold_actors),
        "gold_recipients": len(gold_recips),
        "per_category": per,
    }


def cross_validated(records: Sequence[Record], docs: Sequence[Any], nlp: Any, k: int,
                    repeats: int, fallback: float | None = None, extra: Any = None,
                    ) -> dict[str, Any]:
    """End-to-end figures with the classifier, each sentence judged by models not trained on it.

    Repeated stratified k-fold: per fold, :func:`train_plover.fit` trains on the other folds and
    :func:`storyline.events.extract_events` runs on the held-out sentences with that model.
    Counts (and per-category figures) are pooled over all repeats; accuracy and macro F1 are
    the pooled ones, with the per-repeat range alongside.  ``extra`` (rows, labels, weights:
    :func:`train_plover.extra_rows`; by default the CAMEO table's phrases and the project's
    own sentences, as in the shipped model) joins every training fold.
    """
    import warnings

    from train_plover import extra_rows, featurize, fit_with, folds

    warnings.filterwarnings("ignore", message="The least populated class")
    t0 = time.perf_counter()
    rows = featurize(records, docs)
    labels = [r.category for r in records]
    extra = extra if extra is not None else extra_rows(nlp)
    splits = folds(labels, k, repeats)
    all_records: list[Record] = []
    all_preds: list[Predicted] = []
    per_repeat: list[dict[str, Any]] = []
    for rep in range(repeats):
        preds: list[Predicted | None] = [None] * len(records)
        for tr, te in splits[rep * k:(rep + 1) * k]:
            model = fit_with([rows[i] for i in tr], [labels[i] for i in tr], extra)
            for i in te:
                preds[i] = predict(records[i].text, nlp, model, docs[i], fallback)
        done = [p for p in preds if p is not None]
        per_repeat.append(score(records, done))
        all_records.extend(records)
        all_preds.extend(done)
    result = score(all_records, all_preds)
    result["sentences"] = len(records)
    result["no_typed_event"] = round(result["no_typed_event"] / repeats, 1)
    result["accuracy_range"] = [min(r["accuracy"] for r in per_repeat),
                                max(r["accuracy"] for r in per_repeat)]
    result["macro_f1_range"] = [min(r["macro_f1"] for r in per_repeat),
                                max(r["macro_f1"] for r in per_repeat)]
    result["seconds"] = time.perf_counter() - t0
    return result


def markdown(result: dict[str, Any]) -> str:
    lines = [
        "| measure | storyline | anchor |",
        "| --- | --- | --- |",
        f"| category accuracy (primary event) | {result['accuracy']:.3f} | keyword list 0.57 |",
        f"| macro F1 | {result['macro_f1']:.3f} | keyword list 0.47; PLOVER demo ~0.52 |",
        f"| actor recall | {result['actor_recall']:.3f} | |",
        f"| recipient recall | {result['recipient_recall']:.3f} | |",
        f"| sentences without a typed event | {result['no_typed_event']} | |",
        "",
        "| category | support | precision | recall | F1 |",
        "| --- | --- | --- | --- | --- |",
    ]
    for cat, v in result["per_category"].items():
        lines.append(f"| {cat} | {v['support']} | {v['precision']:.2f} | {v['recall']:.2f} | "
                     f"{v['f1']:.2f} |")
    lines.append("")
    lines.append(f"{result['sentences']} sentences, {result['seconds']:.1f} s "
                 f"(spaCy parse included).")
    return "\n".join(lines)


def through_report(records: Sequence[Record], nlp: Any) -> dict[str, Any]:
    """The packaged model's figures read from the contract's JSON report (in-sample).

    Every record becomes one document of a JSONL file that the whole pipeline analyses into
    a fresh store, the way ``storyline analyze`` does; a record's prediction is the first
    event in the report's order with a type whose sources include its document.  The same
    records scored by :func:`predict` with the packaged model show whether the report gives
    what the benchmark measures (the model was trained on these sentences: only the
    agreement means something, not the accuracy).
    """
    import tempfile

    from storyline.pipeline import run
    from storyline.report import build_report
    from storyline.store import SQLiteStore

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sentences.jsonl"
        path.write_text("".join(json.dumps({"id": str(k), "text": r.text}) + "\n"
                                for k, r in enumerate(records)), encoding="utf-8")
        with SQLiteStore(Path(tmp) / "store.db") as store:
            result = run([path], store, nlp)
        report = build_report(result.analysis, result.duplicates)
    first: dict[str, dict[str, Any]] = {}
    for e in report["events"]:
        if e["type"]:
            for s in e["sources"]:
                first.setdefault(s["document"].rsplit("#", 1)[-1], e)
    names = {e["id"]: e["name"] for e in report["entities"]}
    via_report = [
        Predicted(e["type"], tuple(names.get(a, a) for a in e["actors"]),
                  tuple(names.get(t, t) for t in e["targets"]))
        if (e := first.get(str(k))) else Predicted(None, (), ())
        for k in range(len(records))
    ]
    direct = [predict(r.text, nlp, True) for r in records]
    out = score(records, via_report)
    out["direct_accuracy"] = score(records, direct)["accuracy"]
    out["agreement"] = sum(a.category == b.category for a, b in zip(via_report, direct,
                                                                     strict=True)) / len(records)
    return out


def main(argv: list[str] | None = None) -> int:
    from train_plover import add_synthetic_options, extra_rows, synthetic_sets

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA, help="a PLOVER jsonl file")
    ap.add_argument("--out", type=Path, default=None, help="write the results as JSON here")
    ap.add_argument("--no-cv", action="store_true", help="lexicon figures only")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=3)
    from storyline.events import FALLBACK_PROBABILITY

    ap.add_argument("--fallback", type=float, nargs="*", default=[FALLBACK_PROBABILITY, 0.0],
                    help="classifier probabilities for the fallback event (default: the "
                         "product's, then 0: every sentence that reads as an event report)")
    ap.add_argument("--report", action="store_true",
                    help="also read the packaged model's categories from the JSON report "
                         "(every sentence a document; in-sample: checks that the report "
                         "shows what this benchmark measures)")
    add_synthetic_options(ap)
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"SKIPPED: {args.data} is missing (../shared is not checked out)", file=sys.stderr)
        return 0
    from storyline.nlp import shared_pipeline

    nlp = shared_pipeline()
    records = load(args.data)
    t0 = time.perf_counter()
    docs = [nlp(r.text) for r in records]
    preds = [predict(r.text, nlp, False, d) for r, d in zip(records, docs, strict=True)]
    result = score(records, preds)
    result["seconds"] = time.perf_counter() - t0
    print("## Lexicon only (rules; development figures)\n")
    print(markdown(result))
    if not args.no_cv:
        extra = extra_rows(nlp, synthetic=synthetic_sets(args))
        for k, fb in enumerate(args.fallback or [None]):
            cv = cross_validated(records, docs, nlp, args.folds, args.repeats, fb, extra)
            cv["fallback_probability"] = fb
            result["cross_validated" if k == 0 else f"cross_validated_fallback_{fb}"] = cv
            print(f"\n## Rules + sentence classifier, {args.repeats}x{args.folds}-fold CV, "
                  f"fallback at p >= {fb} (estimate for unseen sentences)\n")
            print(markdown(cv))
    if args.report:
        rep = through_report(records, nlp)
        result["through_report"] = rep
        print("\n## Packaged model, read from the JSON report (in-sample)\n")
        print(f"accuracy {rep['accuracy']:.3f} through the report, "
              f"{rep['direct_accuracy']:.3f} from the event stage directly; categories agree "
              f"on {rep['agreement']:.3f} of the sentences; actor recall "
              f"{rep['actor_recall']:.3f}, recipient recall {rep['recipient_recall']:.3f}")
    if args.out is not None:
        args.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
