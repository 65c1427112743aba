"""Incremental clustering of documents into stories.

Each document becomes a TF-IDF vector of its content words and named entities; a new document
joins the story whose centroid it is most similar to (cosine), if that similarity clears a
threshold and the story was active recently enough, else it opens a new story.  Nothing is
recomputed when documents arrive: the state (document frequencies, story centroids) is small,
serialisable, and updated in place, so a store can keep it between runs.

Candidate stories are found through an inverted index from a document's strongest terms to the
stories whose centroids hold them, so the cost per document does not grow with the number of
stories.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]+")
#: words too common in news to tell stories apart, beyond spaCy's stop words
NEWS_STOP_WORDS = frozenset(["said", "says", "say", "told", "year", "years", "month", "months", "week", "weeks", "day", "days", "time", "people", "new", "also", "would", "could", "one", "two", "three", "first", "last", "news", "report", "reported", "reports", "according", "percent", "including", "told", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "lrb", "rrb", "lsb", "rsb", "mr", "mrs", "ms"])

#: how many of a centroid's strongest terms are kept (bounds memory and the index)
CENTROID_TERMS = 300
#: how many of a document's strongest terms look up candidate stories
QUERY_TERMS = 20


def document_terms(text: str, entity_ids: Iterable[str] = (), title: str | None = None,
                   entity_weight: float = 2.0) -> Counter[str]:
    """Term counts of a document: content words (lower-cased) and entities (``@E12``).

    Title words count twice; entity ids count ``entity_weight`` times per mention.
    """
    terms: Counter[str] = Counter()
    for source, weight in ((text, 1.0), (title or "", 2.0)):
        for tok in _TOKEN.findall(source):
            w = tok.lower().strip("'’-")
            if len(w) > 2 and w not in STOP_WORDS and w not in NEWS_STOP_WORDS:
                terms[w] += weight  # type: ignore[assignment]
    for e in entity_ids:
        terms["@" + e] += entity_weight  # type: ignore[assignment]
    return terms


@dataclass
class _StoryState:
    id: str
    centroid: dict[str, float] = field(default_factory=dict)  # sum of unit vectors
    size: int = 0
    first: str | None = None  # ISO dates of the documents
    last: str | None = None
    documents: list[str] = field(default_factory=list)


class StoryClusterer:
    """Single-pass, incremental assignment of documents to stories.

    ``threshold``: the least cosine similarity between a document and a story centroid for the
    document to join it. ``max_gap_days``: a story that had no document for longer than this
    (before the new document's date) is closed to it.
    """

    def __init__(self, threshold: float = 0.05, max_gap_days: int = 45,
                 merge_threshold: float = 0.07) -> None:
        self.threshold = threshold
        self.max_gap_days = max_gap_days
        self.merge_threshold = merge_threshold
        self.df: Counter[str] = Counter()
        self.n_docs = 0
        self.stories: dict[str, _StoryState] = {}
        self.story_of: dict[str, str] = {}
        self._index: dict[str, set[str]] = defaultdict(set)
        self._next = 1

    # -- vectors ---------------------------------------------------------------------------
    def _vector(self, terms: Counter[str]) -> dict[str, float]:
        n = self.n_docs + 1
        vec = {t: (1.0 + math.log(c)) * math.log((n + 1) / (self.df.get(t, 0) + 1)) + 0.0
               for t, c in terms.items() if c > 0}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items() if v > 0}

    @staticmethod
    def _cosine(vec: dict[str, float], centroid: dict[str, float]) -> float:
        norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
        return sum(v * centroid.get(t, 0.0) for t, v in vec.items()) / norm

    # -- assignment ------------------------------------------------------------------------
    def add(self, doc_id: str, terms: Counter[str], date: dt.date | None = None) -> str:
        """Assign a document to a story (an existing one or a new one); returns its id."""
        if doc_id in self.story_of:
            return self.story_of[doc_id]
        self.df.update(terms.keys())
        self.n_docs += 1
        vec = self._vector(terms)
        strongest = sorted(vec, key=vec.__getitem__, reverse=True)[:QUERY_TERMS]
        candidates = {s for t in strongest for s in self._index.get(t, ())}
        best, best_sim = None, self.threshold
        for sid in sorted(candidates):
            story = self.stories[sid]
            if date and story.first and story.last and self.max_gap_days and (
                    (date - dt.date.fromisoformat(story.last)).days > self.max_gap_days
                    or (dt.date.fromisoformat(story.first) - date).days > self.max_gap_days):
                continue  # the story was quiet for too long around this date
            sim = self._cosine(vec, story.centroid)
            if sim >= best_sim:
                best, best_sim = story, sim
        if best is None:
            best = _StoryState(id=f"S{self._next}")
            self._next += 1
            self.stories[best.id] = best
        self._join(best, doc_id, vec, date)
        return self._absorb_similar(best).id

    def _absorb_similar(self, story: _StoryState) -> _StoryState:
        """Merge stories whose centroids have become close: sub-threads of one story.

        Single-pass assignment splits a long story into threads (a leak, its clean-up, the
        inquiry); once a thread's centroid resembles another story's, the two become one.
        """
        while True:
            strongest = sorted(story.centroid, key=story.centroid.__getitem__,
                               reverse=True)[:QUERY_TERMS]
            norm = math.sqrt(sum(v * v for v in story.centroid.values())) or 1.0
            unit = {t: v / norm for t, v in story.centroid.items()}
            others = {s for t in strongest for s in self._index.get(t, ())} - {story.id}
            best, best_sim = None, self.merge_threshold
            for sid in sorted(others):
                other = self.stories[sid]
                if not self._near_in_time(story, other):
                    continue
                sim = self._cosine(unit, other.centroid)
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
            keep.size += gone.size
            keep.documents.extend(gone.documents)
            for d in gone.documents:
                self.story_of[d] = keep.id
            keep.first = min(filter(None, (keep.first, gone.first)), default=None)
            keep.last = max(filter(None, (keep.last, gone.last)), default=None)
            del self.stories[gone.id]
            story = keep

    def _near_in_time(self, a: _StoryState, b: _StoryState) -> bool:
        if not (self.max_gap_days and a.first and a.last and b.first and b.last):
            return True
        gap = max((dt.date.fromisoformat(b.first) - dt.date.fromisoformat(a.last)).days,
                  (dt.date.fromisoformat(a.first) - dt.date.fromisoformat(b.last)).days)
        return gap <= self.max_gap_days

    def _join(self, story: _StoryState, doc_id: str, vec: dict[str, float],
              date: dt.date | None) -> None:
        for t, v in vec.items():
            story.centroid[t] = story.centroid.get(t, 0.0) + v
        if len(story.centroid) > CENTROID_TERMS * 2:
            kept = sorted(story.centroid, key=story.centroid.__getitem__, reverse=True)
            for t in kept[CENTROID_TERMS:]:
                del story.centroid[t]
                self._index[t].discard(story.id)
        for t in story.centroid:
            self._index[t].add(story.id)
        story.size += 1
        story.documents.append(doc_id)
        if date:
            iso = date.isoformat()
            story.first = min(story.first or iso, iso)
            story.last = max(story.last or iso, iso)
        self.story_of[doc_id] = story.id

    # -- persistence ---------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold, "max_gap_days": self.max_gap_days,
            "merge_threshold": self.merge_threshold,
            "df": dict(self.df), "n_docs": self.n_docs, "next": self._next,
            "stories": [vars(s) for s in self.stories.values()],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryClusterer:
        c = cls(threshold=data["threshold"], max_gap_days=data["max_gap_days"],
                merge_threshold=data["merge_threshold"])
        c.df = Counter(data["df"])
        c.n_docs = data["n_docs"]
        c._next = data["next"]
        for s in data["stories"]:
            story = _StoryState(**s)
            c.stories[story.id] = story
            for d in story.documents:
                c.story_of[d] = story.id
            for t in story.centroid:
                c._index[t].add(story.id)
        return c
