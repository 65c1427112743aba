"""Timeline summarization: from a collection of dated articles to a dated list of sentences.

The algorithm follows the DATEWISE family of Gholipour Ghalandari & Ifrim (2020, "Examining the
State-of-the-Art in News Timeline Summarization"), rebuilt on Storyline's own time stage:

1. **Sentences and their dates.**  Each article is split into sentences (one a line when the
   text has line breaks, as in Timeline17, else a punctuation splitter).  The article is
   detokenized for the time tagger (``-LRB-`` -> ``(``, ``do n't`` -> ``don't``...) and
   :func:`storyline.time.tag` resolves its expressions against the publication date; every
   day-level date a sentence mentions is kept with it.  Output sentences are the article's
   own, less the wire stamp, dateline or live-page update stamp that may open them
   ("GENEVA (Reuters) -", "(Update 10:25 p.m. in Cairo, 3:25 p.m. ET)": :func:`strip_lead_in`);
   they are scored without it too.
2. **Date importance.**  For each day, counts over the whole collection: sentences and
   articles that mention it (split into mentions before / on / after the mention's
   publication day), the distinct publication days that mention it, articles published on
   it and on the next day, and counts restricted to sentences with a query keyword.  Each
   count is scaled by its maximum over the candidate days, passed through ``log1p``-like
   compression and combined by a linear model over a few of them (:data:`MODEL_FEATURES`;
   weights :data:`DEFAULT_WEIGHTS` fitted on Timeline17 development topics, see
   ``benchmarks/bench_tls.py``, which also refits them leave-one-topic-out).  The main
   signal is how many different days' news refer back to the day.
3. **Candidate sentences per date.**  Sentences that mention the date, and the first few
   sentences of articles published on the date or the day after that mention no date
   ("PM" candidates of DATEWISE).  Only sentences with a query keyword may be output (when
   keywords are given).
4. **Sentence selection.**  TF-IDF vectors (IDF over the collection); a date centroid that
   keeps the terms on which the two views of the day agree, the sentences that mention it
   and the leading sentences published on it (DATEWISE's "PM-Mean" centroid); sentences
   scored by similarity to the centroid, plus a bonus for
   sentences that mention the date explicitly and are short enough to be a timeline entry,
   chosen greedily with MMR-style redundancy removal, also against sentences already
   chosen for other dates.  A sentence that looks back at the date from a later article
   gets a further bonus.

Everything is plain Python + numpy over plain data; no model, no network, CPU only.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import numpy as np

from storyline.clean import detokenize
from storyline.model import TimeExpression

__all__ = [
    "DEFAULT_WEIGHTS",
    "FEATURE_NAMES",
    "MODEL_FEATURES",
    "Corpus",
    "SentenceParams",
    "TlsArticle",
    "date_features",
    "detokenize",
    "load_articles",
    "prepare",
    "rank_dates",
    "restrict",
    "run_tls",
    "split_sentences",
    "strip_lead_in",
    "summarize",
    "summarize_prepared",
]

Tagger = Callable[[str, dt.date], list[TimeExpression]]


@dataclass(frozen=True)
class TlsArticle:
    """One input article: an id, its publication date, an optional title and its text."""

    id: str
    published: dt.date
    title: str | None
    text: str


@dataclass(frozen=True)
class TlsSentence:
    """A sentence of an article, as it is in the article, with the day-level dates it
    mentions (resolved against the article's publication date)."""

    text: str
    article: int
    position: int
    published: dt.date
    dates: tuple[dt.date, ...]
    tokens: tuple[str, ...]


@dataclass
class Corpus:
    """The prepared collection: its articles and their dated, tokenized sentences."""

    articles: list[TlsArticle]
    sentences: list[TlsSentence] = field(default_factory=list)


# --------------------------------------------------------------------------- loading

def _parse_date(value: object) -> dt.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def load_articles(path: Path) -> list[TlsArticle]:
    """Articles of a ``.jsonl`` or ``.jsonl.gz`` file (``id``, ``time``, ``title``, ``text``).

    Lines without a usable publication date or with an empty text are skipped.
    """
    opener = gzip.open if path.name.endswith(".gz") else open
    out: list[TlsArticle] = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            line = line.strip()
            if not line:
                continue
            obj = json.loads(line)
            if not isinstance(obj, dict):
                continue
            published = _parse_date(obj.get("time") or obj.get("published"))
            text = obj.get("text") or ""
            if published is None or not isinstance(text, str) or not text.strip():
                continue
            title = obj.get("title")
            out.append(TlsArticle(id=str(obj.get("id", n)), published=published,
                                  title=title if isinstance(title, str) else None, text=text))
    return out


# --------------------------------------------------------------------------- text

_SENT_SPLIT: Final = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_TOKEN: Final = re.compile(r"[a-z0-9]+(?:['.-][a-z0-9]+)*")

#: Common English function words, left out of the TF-IDF vectors.
STOPWORDS: Final = frozenset(["a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "said", "says", "say", "s", "t", "n't", "'s", "mr", "mrs", "ms", "one", "two", "new", "also", "would", "could", "may", "might", "must", "shall", "year", "years", "day", "days", "week", "weeks", "month", "months"])


def split_sentences(text: str) -> list[str]:
    """Sentences of an article text: one a line when it has several non-empty lines,
    else split after sentence-final punctuation.  Sentences keep their original form."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if len(lines) > 1:
        return lines
    out: list[str] = []
    for ln in lines:
        out.extend(p.strip() for p in _SENT_SPLIT.split(ln) if p.strip())
    return out


_OPEN = r"(?:\(|-LRB-)\s?"
_CLOSE = r"\s?(?:\)|-RRB-)"
_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DOW = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*"
#: What opens a news line before its first word of news: a wire stamp ("MEXICO CITY | Mon
#: Apr 27, 2009 3:10 am BST"), a dateline ("GENEVA (Reuters) -", "Cairo, Egypt (CNN) --",
#: "HOUSTON --"), a live page's update stamp ("(Update 10:25 p.m. in Cairo, 3:25 p.m. ET)").
#: Each is tried in turn, once, from the line's start.
_LEAD_INS: Final = (
    re.compile(rf"(?:[A-Z][A-Za-z .,'-]{{0,40}}\| )?{_DOW} {_MON} \d{{1,2}} ?, \d{{4}} "
               r"\d{1,2}:\d\d (?:am|pm) [A-Z]{2,4} "),
    re.compile(r"(?:[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*(?: ?, [A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*)?"
               rf"(?: ?, {_MON} \d{{1,2}})? )?{_OPEN}(?:Reuters|AP|AFP|CNN|Bloomberg|UPI|BBC|"
               rf"Xinhua|dpa|IANS|PTI|[Tt]he Associated Press|Associated Press|CNN Wire){_CLOSE}"
               r" ?[-–—]{1,2} "),
    re.compile(r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?: ?, [A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*)?"
               r" ?(?:--|[–—]) "),
    re.compile(rf"{_OPEN}Update[d]? [^()]*?(?:{_OPEN}[^()]*?{_CLOSE} ?)?{_CLOSE} "),
)


def strip_lead_in(sentence: str) -> str:
    """The sentence without the wire stamp, dateline or update stamp that opens it (see
    :data:`_LEAD_INS`); unchanged when nothing of the news would be left.

    >>> strip_lead_in("GENEVA -LRB- Reuters -RRB- - The WHO said on Thursday it would act .")
    'The WHO said on Thursday it would act .'
    >>> strip_lead_in("The Disasters Emergency Committee (DEC) - the umbrella group - said")
    'The Disasters Emergency Committee (DEC) - the umbrella group - said'
    """
    out = sentence
    for rx in _LEAD_INS:
        m = rx.match(out)
        if m is not None and len(out) - m.end() >= 20:
            out = out[m.end():]
    return out


def tokenize(sentence: str) -> tuple[str, ...]:
    """Lower-cased content tokens of a sentence (stopwords and punctuation removed)."""
    return tuple(t for t in _TOKEN.findall(detokenize(sentence).lower()) if t not in STOPWORDS)


# --------------------------------------------------------------------------- dating

def _default_tagger(text: str, dct: dt.date) -> list[TimeExpression]:
    from storyline.time import tag
    return tag(text, dct)


def _day(expr: TimeExpression) -> dt.date | None:
    value = expr.calendar_date()
    if value is None or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _article_sentences(index: int, article: TlsArticle, tagger: Tagger,
                       max_sentence_chars: int) -> list[TlsSentence]:
    """The sentences of one article with the day-level dates each mentions."""
    raw = split_sentences(article.text)
    if article.title and article.title.strip():
        raw = [article.title.strip(), *raw]
    clean = [detokenize(s) for s in raw]
    starts: list[int] = []
    pos = 0
    for s in clean:
        starts.append(pos)
        pos += len(s) + 1
    joined = "\n".join(clean)
    mentions: dict[int, list[dt.date]] = defaultdict(list)
    try:
        exprs = tagger(joined, article.published)
    except Exception:  # a tagger failure costs the article's dates, not the run
        exprs = []
    sent_no = 0
    for expr in exprs:
        day = _day(expr)
        if day is None:
            continue
        while sent_no + 1 < len(starts) and starts[sent_no + 1] <= expr.start:
            sent_no += 1
        if day not in mentions[sent_no]:
            mentions[sent_no].append(day)
    out: list[TlsSentence] = []
    for i, s in enumerate(raw):
        if len(s) > max_sentence_chars:
            continue
        text = strip_lead_in(s)
        out.append(TlsSentence(text=text, article=index, position=i,
                               published=article.published,
                               dates=tuple(mentions.get(i, ())), tokens=tokenize(text)))
    return out


def prepare(articles: Sequence[TlsArticle], tagger: Tagger | None = None,
            max_sentence_chars: int = 1000) -> Corpus:
    """Split, date and tokenize every article (the costly step, done once per collection)."""
    use = tagger or _default_tagger
    corpus = Corpus(articles=list(articles))
    for i, art in enumerate(corpus.articles):
        corpus.sentences.extend(_article_sentences(i, art, use, max_sentence_chars))
    return corpus


def restrict(corpus: Corpus, start: dt.date | None, end: dt.date | None) -> Corpus:
    """The sub-collection of articles published within [start, end] (inclusive)."""
    keep = [i for i, a in enumerate(corpus.articles)
            if (start is None or a.published >= start) and (end is None or a.published <= end)]
    if len(keep) == len(corpus.articles):
        return corpus
    new_index = {old: new for new, old in enumerate(keep)}
    sents = [TlsSentence(text=s.text, article=new_index[s.article], position=s.position,
                         published=s.published, dates=s.dates, tokens=s.tokens)
             for s in corpus.sentences if s.article in new_index]
    return Corpus(articles=[corpus.articles[i] for i in keep], sentences=sents)


# --------------------------------------------------------------------------- date ranking

#: Names of the date features, in the order of :func:`date_features`' vectors.
FEATURE_NAMES: Final = (
    "sents_total", "sents_before", "sents_same", "sents_after", "docs_total",
    "docs_published", "docs_published_next", "kw_sents_total", "kw_docs_published",
    "mention_days", "bias",
)

#: The features the shipped date ranker uses; the others are computed for the baselines and
#: for experiments (``benchmarks/bench_tls.py`` fits only these, the rest get weight 0).
#: On the development topics a ridge over all ten count features ranked days no better
#: than the plain sentence count, while ``mention_days`` alone beat both: the larger
#: model learns the short, saturated topics' habits and loses the long topic.
MODEL_FEATURES: Final = ("mention_days", "kw_sents_total", "bias")

#: Weights of the date-ranking linear model over the compressed, max-scaled features, in the
#: order of :data:`FEATURE_NAMES` (fitted on the five development topics of Timeline17 by
#: ``benchmarks/bench_tls.py --fit``, over :data:`MODEL_FEATURES` only).
DEFAULT_WEIGHTS: Final = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.428, 0.0, 0.659, 0.047)


def _has_keyword(tokens: Iterable[str], text: str, keywords: Sequence[str]) -> bool:
    if not keywords:
        return True
    low = text.lower()
    return any(k in low for k in keywords)


def date_features(corpus: Corpus, keywords: Sequence[str] = (),
                  start: dt.date | None = None, end: dt.date | None = None,
                  ) -> dict[dt.date, np.ndarray]:
    """Feature vector (see :data:`FEATURE_NAMES`) of every candidate day in [start, end].

    ``mention_days`` counts the distinct publication days on which some sentence mentions
    the day.  Each publishing day votes once, so a day that the news keeps coming back to
    over weeks outranks a day that one busy news cycle mentioned hundreds of times; and a
    steadily busy period, where every day gets many articles, does not lift all its days.

    Counts are divided by their maximum over the candidate days and compressed with
    ``log1p(50 x) / log1p(50)``, so that topics of any size give comparable values.
    """
    kws = [k.lower() for k in keywords]
    n = len(FEATURE_NAMES)
    raw: dict[dt.date, np.ndarray] = defaultdict(lambda: np.zeros(n))
    doc_mentions: dict[dt.date, set[int]] = defaultdict(set)
    day_mentions: dict[dt.date, set[dt.date]] = defaultdict(set)
    for s in corpus.sentences:
        if not s.dates:
            continue
        kw = _has_keyword(s.tokens, s.text, kws)
        for d in s.dates:
            f = raw[d]
            f[0] += 1
            f[1 if d < s.published else 2 if d == s.published else 3] += 1
            if kw:
                f[7] += 1
            doc_mentions[d].add(s.article)
            day_mentions[d].add(s.published)
    for d, docs in doc_mentions.items():
        raw[d][4] = len(docs)
    for d, pub_days in day_mentions.items():
        raw[d][9] = len(pub_days)
    for art in corpus.articles:
        raw[art.published][5] += 1
        raw[art.published - dt.timedelta(days=1)][6] += 1
        if (kws and any(k in art.text.lower() for k in kws)) or not kws:
            raw[art.published][8] += 1
    days = {d: v for d, v in raw.items()
            if (start is None or d >= start) and (end is None or d <= end)}
    if not days:
        return {}
    mat = np.array(list(days.values()))
    top = mat.max(axis=0)
    top[top == 0] = 1.0
    scaled = np.log1p(50.0 * mat / top) / math.log1p(50.0)
    scaled[:, -1] = 1.0
    return dict(zip(days, scaled, strict=True))


def rank_dates(features: dict[dt.date, np.ndarray],
               weights: Sequence[float] = DEFAULT_WEIGHTS) -> list[dt.date]:
    """Days sorted by the linear score ``features . weights``, best first (ties: earlier)."""
    w = np.asarray(weights, dtype=float)
    scored = sorted(features.items(), key=lambda kv: (-float(kv[1] @ w), kv[0]))
    return [d for d, _ in scored]


# --------------------------------------------------------------------------- sentences

class _Tfidf:
    """L2-normalized TF-IDF vectors as sparse dicts, IDF from a set of sentences."""

    def __init__(self, docs: Iterable[Sequence[str]]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for toks in docs:
            n += 1
            df.update(set(toks))
        self.idf = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}
        self._default = math.log(1 + n) + 1.0

    def vector(self, tokens: Sequence[str]) -> dict[str, float]:
        tf = Counter(tokens)
        vec = {t: (1 + math.log(c)) * self.idf.get(t, self._default) for t, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        return {t: v / norm for t, v in vec.items()} if norm else {}


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _centroid(vectors: Sequence[dict[str, float]]) -> dict[str, float]:
    acc: dict[str, float] = defaultdict(float)
    for v in vectors:
        for t, x in v.items():
            acc[t] += x
    norm = math.sqrt(sum(x * x for x in acc.values()))
    return {t: x / norm for t, x in acc.items()} if norm else {}


@dataclass(frozen=True)
class SentenceParams:
    """Knobs of candidate collection and sentence selection."""

    #: leading sentences of an article that stand for its publication day when undated
    lead_sentences: int = 5
    #: publication days after the date whose leading sentences are candidates (0 = same day)
    pub_lag: int = 1
    #: score bonus of a sentence that mentions the date itself
    mention_bonus: float = 0.05
    #: further bonus when that sentence was published after the date: a look back ("on
    #: April 20 the rig exploded") states what happened that day as reference timelines do,
    #: where a same-day report is often about what may happen next (+0.005 AR-1 on the two
    #: long development topics)
    later_bonus: float = 0.1
    #: MMR: a candidate this similar to an already chosen sentence is dropped
    max_similarity: float = 0.5
    #: date centroid from the terms shared by the mentioning sentences and the undated
    #: leading sentences of the day (see :func:`_day_centroid`); False: centroid of all
    #: candidates (+0.007 AR-1 over the five development topics, +0.001 on bpoil)
    consensus_centroid: bool = True
    #: sentences shorter or longer than this (in tokens, after stopwords) are not output
    min_tokens: int = 4
    max_tokens: int = 40


def _candidates(corpus: Corpus, indices: Sequence[int], params: SentenceParams,
                ) -> tuple[dict[dt.date, list[int]], dict[dt.date, list[int]]]:
    mention: dict[dt.date, list[int]] = defaultdict(list)
    pub: dict[dt.date, list[int]] = defaultdict(list)
    for i in indices:
        s = corpus.sentences[i]
        if s.dates:
            for d in s.dates:
                mention[d].append(i)
        elif s.position < params.lead_sentences:
            for k in range(params.pub_lag + 1):
                pub[s.published - dt.timedelta(days=k)].append(i)
    return mention, pub


def _day_centroid(mentioning: Sequence[dict[str, float]], leading: Sequence[dict[str, float]],
                  consensus: bool = True) -> dict[str, float]:
    """The centroid a day's candidate sentences are scored against.

    With ``consensus`` and both kinds of candidates present, the centroid keeps only the
    terms that occur both in sentences that mention the day and in the undated leading
    sentences published on it (or the day after), each kind averaged first so that neither
    outweighs the other by its number (DATEWISE's "PM-Mean" centroid).  The two views fail
    differently: mentions drift to whatever else the mentioning article is about, leading
    sentences to the day's other news; the terms both use are the day's event.  Otherwise,
    or when the views share no term, the centroid of all candidates.
    """
    if consensus and mentioning and leading:
        m, lead = _centroid(mentioning), _centroid(leading)
        shared = _centroid([{t: x + lead[t] for t, x in m.items() if t in lead}])
        if shared:
            return shared
    return _centroid([*mentioning, *leading])


def summarize_prepared(corpus: Corpus, dates: int, sentences: int,
                       keywords: Sequence[str] = (), *, start: dt.date | None = None,
                       end: dt.date | None = None,
                       weights: Sequence[float] = DEFAULT_WEIGHTS,
                       params: SentenceParams | None = None,
                       ) -> list[tuple[str, list[str]]]:
    """The timeline of a prepared corpus: at most ``dates`` days, ``sentences`` per day.

    Only days within [start, end] are candidates; they default to the span of the articles'
    publication dates, from the day before the first one.  Returns ``[("YYYY-MM-DD", [sentence, ...]), ...]`` sorted by date.
    """
    p = params or SentenceParams()
    if dates <= 0 or sentences <= 0 or not corpus.articles:
        return []
    if start is not None or end is not None:
        corpus = restrict(corpus, start, end)
        if not corpus.articles:
            return []
    # the news the first article reports often happened the day before it was published
    lo = start or min(a.published for a in corpus.articles) - dt.timedelta(days=1)
    hi = end or max(a.published for a in corpus.articles)
    kws = [k.lower() for k in keywords]
    ranked = rank_dates(date_features(corpus, kws, lo, hi), weights)
    mention, pub = _candidates(corpus, range(len(corpus.sentences)), p)
    tfidf = _Tfidf(s.tokens for s in corpus.sentences)
    vec_cache: dict[int, dict[str, float]] = {}

    def vec(i: int) -> dict[str, float]:
        if i not in vec_cache:
            vec_cache[i] = tfidf.vector(corpus.sentences[i].tokens)
        return vec_cache[i]

    def allowed(i: int) -> bool:
        s = corpus.sentences[i]
        return p.min_tokens <= len(s.tokens) <= p.max_tokens and \
            _has_keyword(s.tokens, s.text, kws)

    timeline: list[tuple[dt.date, list[str]]] = []
    chosen_vecs: list[dict[str, float]] = []
    seen_text: set[str] = set()
    for day in ranked:
        if len(timeline) >= dates:
            break
        dated = mention.get(day, [])
        cands = list(dict.fromkeys(dated + pub.get(day, [])))
        if not cands:
            continue
        centroid = _day_centroid([vec(i) for i in dated],
                                 [vec(i) for i in pub.get(day, [])], p.consensus_centroid)
        bonus = dict.fromkeys(cands, 0.0)
        for i in dated:
            later = corpus.sentences[i].published > day
            bonus[i] = p.mention_bonus + (p.later_bonus if later else 0.0)
        scored = sorted(((_dot(vec(i), centroid) + bonus[i], i) for i in cands if allowed(i)),
                        reverse=True)
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
            picked.append(text)
            seen_text.add(text)
            chosen_vecs.append(v)
        if picked:
            timeline.append((day, picked))
    timeline.sort(key=lambda x: x[0])
    return [(d.isoformat(), sents) for d, sents in timeline]


def summarize(articles: Sequence[TlsArticle], dates: int, sentences: int,
              keywords: Sequence[str] | None = None, *, start: dt.date | None = None,
              end: dt.date | None = None) -> list[tuple[str, list[str]]]:
    """Timeline of ``articles``: at most ``dates`` days with at most ``sentences`` each."""
    corpus = prepare(articles)
    return summarize_prepared(corpus, dates, sentences, keywords or (), start=start, end=end)


def _read_keywords(path: Path | None) -> list[str]:
    if path is None:
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, str):
        return [data]
    if isinstance(data, list):
        return [str(k) for k in data if str(k).strip()]
    raise ValueError(f"{path}: keywords must be a JSON list of strings")


def run_tls(articles_path: Path, dates: int, sentences: int, keywords_path: Path | None,
            out: Path) -> None:
    """The ``storyline tls`` command: read articles (and keywords), write the timeline JSON."""
    articles = load_articles(articles_path)
    timeline = summarize(articles, dates, sentences, _read_keywords(keywords_path))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps([[d, s] for d, s in timeline], ensure_ascii=False, indent=1),
                   encoding="utf-8")
