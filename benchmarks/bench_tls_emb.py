"""Experiment: do sentence embeddings improve timeline sentence selection?  (issue 5)

    PYTHONPATH=src python benchmarks/bench_tls_emb.py --cache /tmp/tlscache-emb \
        --extra-path DIR_WITH_SENTENCE_TRANSFORMERS [--alphas 0 0.5 1]

Same data and protocol as ``bench_tls.py`` with its leave-one-topic-out date weights
(``storyline-loto``): the dates are ranked exactly as there, only the choice of each day's
sentences changes.  :func:`summarize_emb` is a copy of
:func:`storyline.timeline.summarize_prepared` whose sentence score is

    (1 - alpha) x TF-IDF cosine to the day's PM-Mean centroid
        + alpha x embedding cosine to the day's embedding centroid   (+ the same bonuses)

where the embedding centroid is the normalized sum of the mean embedding of the sentences
that mention the day and the mean embedding of the undated leading sentences published on it
(the PM-Mean idea; with only one kind present, the mean of all candidates).  ``alpha = 0`` is
the shipped selection (a check that the copy reproduces ``bench_tls.py``).  ``--emb-mmr X``
also drops a candidate whose embedding is more than X close to an already chosen sentence
(besides the TF-IDF check).  Embeddings (all-MiniLM-L6-v2 of the detokenized sentence) are
computed only for the candidate sentences of the days visited, and cached by sentence hash.
Every setting here is judged on the same five development topics.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))

from bench_stories_emb import Encoder  # noqa: E402
from bench_tls import DATA, TOPICS, average, avg_k, fit_weights, load_topic, score, span  # noqa: E402

from storyline.timeline import (  # noqa: E402
    Corpus,
    SentenceParams,
    _candidates,
    _day_centroid,
    _dot,
    _has_keyword,
    _Tfidf,
    date_features,
    detokenize,
    rank_dates,
    restrict,
)


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n else v


def summarize_emb(corpus: Corpus, dates: int, sentences: int, keywords: Sequence[str],
                  *, start: dt.date, end: dt.date, weights: Sequence[float],
                  encoder: Encoder, alpha: float, emb_mmr: float | None = None,
                  params: SentenceParams | None = None) -> list[tuple[str, list[str]]]:
    """``summarize_prepared`` with an embedding term in the sentence score (see above)."""
    p = params or SentenceParams()
    corpus = restrict(corpus, start, end)
    if not corpus.articles:
        return []
    kws = [k.lower() for k in keywords]
    ranked = rank_dates(date_features(corpus, kws, start, end), weights)
    mention, pub = _candidates(corpus, range(len(corpus.sentences)), p)
    tfidf = _Tfidf(s.tokens for s in corpus.sentences)
    vec_cache: dict[int, dict[str, float]] = {}
    emb_cache: dict[int, np.ndarray] = {}

    def vec(i: int) -> dict[str, float]:
        if i not in vec_cache:
            vec_cache[i] = tfidf.vector(corpus.sentences[i].tokens)
        return vec_cache[i]

    def embed(ids: Sequence[int]) -> None:
        todo = [i for i in dict.fromkeys(ids) if i not in emb_cache]
        if todo:
            vecs = encoder.encode([detokenize(corpus.sentences[i].text) for i in todo])
            emb_cache.update(zip(todo, vecs, strict=True))

    def allowed(i: int) -> bool:
        s = corpus.sentences[i]
        return p.min_tokens <= len(s.tokens) <= p.max_tokens and \
            _has_keyword(s.tokens, s.text, kws)

    timeline: list[tuple[dt.date, list[str]]] = []
    chosen_vecs: list[dict[str, float]] = []
    chosen_embs: list[np.ndarray] = []
    seen_text: set[str] = set()
    for day in ranked:
        if len(timeline) >= dates:
            break
        dated = mention.get(day, [])
        lead = pub.get(day, [])
        cands = list(dict.fromkeys(dated + lead))
        if not cands:
            continue
        centroid = _day_centroid([vec(i) for i in dated], [vec(i) for i in lead],
                                 p.consensus_centroid)
        ok = [i for i in cands if allowed(i)]
        if alpha > 0 or emb_mmr is not None:
            embed(cands)
            if dated and lead:
                ecent = _unit(_unit(np.mean([emb_cache[i] for i in dated], axis=0))
                              + _unit(np.mean([emb_cache[i] for i in lead], axis=0)))
            else:
                ecent = _unit(np.mean([emb_cache[i] for i in cands], axis=0))
        bonus = dict.fromkeys(cands, 0.0)
        for i in dated:
            later = corpus.sentences[i].published > day
            bonus[i] = p.mention_bonus + (p.later_bonus if later else 0.0)
        scored = []
        for i in ok:
            s = (1 - alpha) * _dot(vec(i), centroid) if alpha < 1 else 0.0
            if alpha > 0:
                s += alpha * float(emb_cache[i] @ ecent)
            scored.append((s + bonus[i], i))
        scored.sort(reverse=True)
        picked: list[str] = []
        for _score, i in scored:
            if len(picked) >= sentences:
                break
            text = corpus.sentences[i].text
            if text in seen_text:
                continue
            v = vec(i)
            if any(_dot(v, c) > p.max_similarity for c in chosen_vecs):
                continue
            if emb_mmr is not None and any(float(emb_cache[i] @ c) > emb_mmr
                                           for c in chosen_embs):
                continue
            picked.append(text)
            seen_text.add(text)
            chosen_vecs.append(v)
            if emb_mmr is not None:
                chosen_embs.append(emb_cache[i])
        if picked:
            timeline.append((day, picked))
    timeline.sort(key=lambda x: x[0])
    return [(d.isoformat(), s) for d, s in timeline]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--topics", nargs="*", default=list(TOPICS))
    ap.add_argument("--cache", type=Path, default=None, help="prepared topics (bench_tls.py)")
    ap.add_argument("--emb-cache", type=Path, default=Path("/tmp/embcache/tls.npz"))
    ap.add_argument("--extra-path", default=None, help="folder with sentence-transformers")
    ap.add_argument("--alphas", nargs="*", type=float, default=[0.0, 0.5, 1.0])
    ap.add_argument("--emb-mmr", type=float, default=None)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    if args.extra_path:
        sys.path.append(args.extra_path)
    if not DATA.is_dir():
        print(f"SKIP: {DATA} is missing", file=sys.stderr)
        return 0
    topics = [load_topic(t, args.cache) for t in args.topics]
    loto = {t.name: fit_weights([o for o in topics if o.name != t.name]) for t in topics}
    enc = Encoder(args.emb_cache, autosave=False)
    results = {}
    for alpha in args.alphas:
        label = f"alpha={alpha}" + (f",emb_mmr={args.emb_mmr}" if args.emb_mmr else "")
        rows_all, per_topic = [], {}
        for t in topics:
            rows = []
            t0 = time.perf_counter()
            for tl in t.timelines:
                lo, hi = span(tl)
                pred = summarize_emb(t.corpus, len(tl), avg_k(tl), t.keywords, start=lo,
                                     end=hi, weights=loto[t.name], encoder=enc, alpha=alpha,
                                     emb_mmr=args.emb_mmr)
                rows.append(score(pred, tl))
            enc.save()
            rows_all.extend(rows)
            per_topic[t.name] = average(rows)
            print(f"{label:22s} {t.name:6s} " + " ".join(
                f"{k}={v:.3f}" for k, v in per_topic[t.name].items())
                + f" {time.perf_counter() - t0:.0f}s encoded={enc.encoded}"
                f" encode_s={enc.encode_s:.0f}", file=sys.stderr, flush=True)
        overall = average(rows_all)
        results[label] = {"overall": overall, "topics": per_topic}
        print(f"{label:22s} ALL    " + " ".join(f"{k}={v:.3f}" for k, v in overall.items()),
              file=sys.stderr, flush=True)
    cost = {"encoded_now": enc.encoded, "encode_s": round(enc.encode_s, 1),
            "model_load_s": round(enc.load_s, 1),
            "ms_per_sentence": round(1000 * enc.encode_s / enc.encoded, 2) if enc.encoded else None}
    print("cost", json.dumps(cost), file=sys.stderr)
    if args.out:
        args.out.write_text(json.dumps({"cost": cost, "results": results}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
