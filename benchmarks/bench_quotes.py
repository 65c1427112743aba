"""Benchmark of quote extraction and speaker attribution on PolNeAR, Storyline vs textacy.

Data: ``../shared/benchmarks/polnear/{dev,train}`` (brat standoff; see ``polnear.py`` for the
reader and the scoring definitions).  The script skips loudly (message on stderr, exit status
0) when ``../shared`` is missing.  Measure on ``dev``; tune on ``train`` only.

Systems, run on the same spaCy parse of the same article texts (``storyline.nlp``):

* ``storyline``: :func:`storyline.quotes.extract_quotes` (direct and indirect quotes);
* ``oracle-direct``: an anchor built from the gold itself: a perfect direct-quote-only
  extractor (the quoted words of every gold attribution that has quote marks, gold speaker);
* ``textacy``: ``textacy.extract.triples.direct_quotations`` (direct quotes only; speaker =
  its speaker tokens; on an article with an odd number of quote marks it raises and bails out,
  which counts as no quotes found there); skipped with a note when textacy is not installed (benchmark-only
  dependency: ``pip install textacy==0.13.0``).

Usage::

    .venv/bin/python benchmarks/bench_quotes.py --split dev --out /tmp/bench_quotes.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from polnear import (  # noqa: E402
    Article,
    Counts,
    Prediction,
    load_split,
    quote_mark_spans,
    score_article,
    significant,
    speaker_right,
)

SHARED = ROOT.parent / "shared"
DATA = SHARED / "benchmarks" / "polnear"

System = Callable[[Article, Any], list[Prediction]]


def storyline_system(article: Article, sdoc: Any) -> list[Prediction]:
    """Storyline's quotes of an article, as predictions."""
    from storyline.model import Document
    from storyline.quotes import extract_quotes

    doc = Document(id=article.name, text=article.text)
    out: list[Prediction] = []
    for q in extract_quotes(doc, sdoc, []):
        spans = ((q.speaker_start, q.speaker_end),) \
            if q.speaker_start is not None and q.speaker_end is not None else ()
        out.append(Prediction(q.start, q.end, q.direct, q.speaker, spans, q.speaker_via))
    return out


def textacy_system(article: Article, sdoc: Any) -> list[Prediction]:
    """textacy's ``direct_quotations`` of an article, as predictions."""
    from textacy.extract.triples import direct_quotations

    out: list[Prediction] = []
    try:
        found = list(direct_quotations(sdoc))
    except ValueError:
        return []  # textacy bails out on an odd number of quote marks: nothing found
    for dq in found:
        speaker = " ".join(t.text for t in dq.speaker) or None
        spans = tuple((t.idx, t.idx + len(t)) for t in dq.speaker)
        content = dq.content
        out.append(Prediction(content.start_char, content.end_char, True, speaker, spans, None))
    return out


def oracle_direct_system(article: Article, sdoc: Any) -> list[Prediction]:
    """A perfect direct-quote-only extractor (an anchor, built from the gold): for every gold
    attribution with quote marks, the words inside its quote marks, with the gold source."""
    marks = quote_mark_spans(article.text)
    out: list[Prediction] = []
    for g in article.gold:
        if not g.direct:
            continue
        src = g.source or ()
        for cs, ce in g.content:
            for qs, qe in marks:
                s, e = max(cs, qs), min(ce, qe)
                if e > s and any(ch.isalnum() for ch in article.text[s:e]):
                    out.append(Prediction(s, e, True, g.source_text, src, None))
    return out


def available_systems() -> dict[str, System]:
    systems: dict[str, System] = {"storyline": storyline_system}
    try:
        import textacy  # noqa: F401
    except ImportError:
        print("textacy is not installed: its column is left out "
              "(pip install textacy==0.13.0)", file=sys.stderr)
    else:
        systems["textacy"] = textacy_system
    systems["oracle-direct"] = oracle_direct_system
    return systems


def parses(articles: list[Article], cache: Path | None) -> tuple[list[Any], float]:
    """spaCy parses of the articles and the seconds spent parsing; with ``cache`` (a folder),
    parses are stored there as DocBin files, one per article, and reused when the text is the
    same (a parse of an unchanged text with an unchanged model is the same)."""
    import hashlib

    from spacy.tokens import DocBin

    from storyline.nlp import shared_pipeline

    nlp = shared_pipeline()
    out: list[Any] = []
    parse_s = 0.0
    for art in articles:
        path = None
        if cache is not None:
            digest = hashlib.sha1(art.text.encode("utf-8")).hexdigest()[:16]
            path = cache / f"{art.name}-{digest}.spacy"
            if path.is_file():
                out.append(next(iter(DocBin().from_disk(path).get_docs(nlp.vocab))))
                continue
        t0 = time.perf_counter()
        sdoc = nlp(art.text)
        parse_s += time.perf_counter() - t0
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            DocBin(docs=[sdoc]).to_disk(path)
        out.append(sdoc)
    return out, parse_s


def run(articles: list[Article], systems: dict[str, System],
        cache: Path | None = None, errors: list[str] | None = None) -> dict[str, Any]:
    """Parse each article once, run every system on the parse, score; seconds per article.
    With ``errors`` (a list), Storyline's misses and false hits are appended to it."""
    counts = {name: Counts() for name in systems}
    seconds = dict.fromkeys(systems, 0.0)
    sdocs, parse_s = parses(articles, cache)
    for art, sdoc in zip(articles, sdocs, strict=True):
        for name, system in systems.items():
            t0 = time.perf_counter()
            preds = system(art, sdoc)
            seconds[name] += time.perf_counter() - t0
            counts[name].add(score_article(art.text, art.gold, preds))
            if errors is not None and name == "storyline":
                errors.extend(error_lines(art, preds))
    n = max(1, len(articles))
    return {
        "articles": len(articles),
        "spacy_seconds_per_article": parse_s / n,
        "systems": {name: {**c.metrics(), "gold": c.gold, "gold_direct": c.gold_direct,
                           "gold_indirect": c.gold_indirect, "predicted": c.pred,
                           "predicted_direct": c.pred_direct,
                           "seconds_per_article": seconds[name] / n}
                    for name, c in counts.items()},
    }


def _snip(text: str, spans: Any, width: int = 110) -> str:
    words = " ".join(text[a:b] for a, b in spans).split()
    out = " ".join(words)
    return out if len(out) <= width else out[:width - 3] + "..."


def error_lines(art: Article, preds: list[Prediction]) -> list[str]:
    """Tab-separated error records of one article (for ``--errors``): ``miss`` (a gold nobody
    hit), ``speaker`` (hit, wrong speaker) and ``false`` (a prediction hitting no gold), each
    with the gold cue, direct/indirect, the gold source, the predicted speaker and the text."""
    text = art.text
    gold_chars = [significant(text, g.content) for g in art.gold]
    pred_chars = [significant(text, ((p.start, p.end),)) for p in preds]
    hit_by: list[list[int]] = [[] for _ in art.gold]
    hits_any = [False] * len(preds)
    for pi, pc in enumerate(pred_chars):
        for gi, gc in enumerate(gold_chars):
            if pc and gc and len(pc & gc) >= 0.5 * len(pc):
                hit_by[gi].append(pi)
                hits_any[pi] = True
    out: list[str] = []
    for gi, g in enumerate(art.gold):
        if not gold_chars[gi]:
            continue
        cue = _snip(text, g.cue, 30).lower() or "-"
        kind = "direct" if g.direct else "indirect"
        src = g.source_text or "-"
        if not hit_by[gi]:
            out.append(f"miss\t{cue}\t{kind}\t{src}\t-\t{art.name}\t{_snip(text, g.content)}")
        elif not any(speaker_right(preds[pi], g, text) for pi in hit_by[gi]):
            p = preds[hit_by[gi][0]]
            said = f"{p.speaker} (via {p.speaker_via})" if p.speaker_via else str(p.speaker)
            out.append(f"speaker\t{cue}\t{kind}\t{src}\t{said}\t{art.name}\t"
                       f"{_snip(text, g.content)}")
    for pi, p in enumerate(preds):
        if not hits_any[pi]:
            out.append(f"false\t-\t{'direct' if p.direct else 'indirect'}\t-\t{p.speaker}\t"
                       f"{art.name}\t{_snip(text, ((p.start, p.end),))}")
    return out


def error_summary(lines: list[str], top: int = 40) -> str:
    """Counts of the error records by kind, and of misses / speaker errors by cue."""
    from collections import Counter

    kinds = Counter((ln.split("\t")[0], ln.split("\t")[2]) for ln in lines)
    out = ["errors by kind: " + ", ".join(f"{k[0]}/{k[1]} {n}" for k, n in kinds.most_common())]
    for kind in ("miss", "speaker"):
        cues = Counter(ln.split("\t")[1] for ln in lines if ln.startswith(kind + "\t"))
        out.append(f"{kind} by cue: " + ", ".join(f"{c} {n}" for c, n in cues.most_common(top)))
    return "\n".join(out)


ROWS: tuple[tuple[str, str], ...] = (
    ("attributed F1 (direct + indirect)", "attributed_f1"),
    ("attributed precision", "attributed_precision"),
    ("attributed recall", "attributed_recall"),
    ("quote precision (speaker-blind)", "precision"),
    ("quote recall (speaker-blind)", "recall"),
    ("speaker accuracy (of found)", "speaker_accuracy"),
    ("strict attributed F1 (half of content covered)", "strict_attributed_f1"),
    ("strict quote recall (speaker-blind)", "strict_recall"),
    ("direct-quote recall", "direct_recall"),
    ("direct, attributed recall", "direct_attributed_recall"),
    ("indirect recall", "indirect_recall"),
    ("indirect, attributed recall", "indirect_attributed_recall"),
)


def markdown(result: dict[str, Any]) -> str:
    names = list(result["systems"])
    lines = ["| metric | " + " | ".join(names) + " |", "| --- |" + " --- |" * len(names)]
    for label, key in ROWS:
        cells = [f"{result['systems'][n][key]:.3f}" for n in names]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    for label, key in (("predicted quotes", "predicted"), ("of which direct", "predicted_direct"),
                       ("seconds per article (after parse)", "seconds_per_article")):
        cells = [str(round(result["systems"][n][key], 4)) for n in names]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    any_sys = result["systems"][names[0]]
    lines.append("")
    lines.append(f"{result['articles']} articles, {any_sys['gold']} gold attributions "
                 f"({any_sys['gold_direct']} direct, {any_sys['gold_indirect']} indirect); "
                 f"spaCy parse {result['spacy_seconds_per_article']:.3f} s per article.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=("dev", "train"))
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--out", type=Path, default=None, help="write the results as JSON here")
    ap.add_argument("--no-textacy", action="store_true")
    ap.add_argument("--cache", type=Path, default=None,
                    help="folder for cached spaCy parses (reused between runs)")
    ap.add_argument("--errors", type=Path, default=None,
                    help="write Storyline's error records here (tab-separated) and print "
                         "a summary by kind and cue")
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        print(f"SKIPPED: {DATA} is missing (../shared is not checked out)", file=sys.stderr)
        return 0
    systems = available_systems()
    if args.no_textacy:
        systems.pop("textacy", None)
    articles = load_split(DATA, args.split, args.limit)
    errors: list[str] | None = [] if args.errors is not None else None
    result = run(articles, systems, args.cache, errors)
    result["split"] = args.split
    print(markdown(result))
    if args.errors is not None and errors is not None:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")
        print(error_summary(errors))
    if args.out is not None:
        args.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
