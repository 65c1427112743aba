"""A sentence-level PLOVER category classifier: a linear model over parse features.

The rule-based stage (:mod:`storyline.events`) finds events, participants and a lexicon
category; this module gives a second opinion on the sentence's main category.  Features are
general (no words are special-cased):

* the lexicon's votes (:mod:`storyline.plover`) for every verb and event noun of the sentence,
  PLOVER-coded with a cheap modality estimate (future / planning / threat / demand / negation),
  weighted more for the root verb;
* the categories the rule stage gave to the sentence's event mentions (first and all);
* lemmas of content words, the root verb, its complement verb, its object and particle,
  verb-object and verb-preposition-object pairs, and modality cues (modal auxiliaries,
  negation);
* for event nouns, the lexicon's category PLOVER-coded with the modality of the verb that
  governs the noun ("threatened sanctions");
* the sentence's main predicate (:func:`main_predicate`: the root, or the act a verb of saying
  reports): its lemma, modality, PLOVER-coded lexicon category and verb-object pairs;
* the PLOVER category of each verb's CAMEO coding (:mod:`storyline.cameo`: the PETRARCH2
  verb patterns), weighted more for the root verb.

An obligation auxiliary ("Sudan must return the helicopter", "the US should mediate") makes
the modality "demanded", which PLOVER codes REQUEST.

The model is multinomial logistic regression trained by ``benchmarks/train_plover.py`` on the
shared PLOVER gold records; it ships as a small JSON file of coefficients and feature names
(``storyline/data/plover_model.json``, no sentences).  Prediction is pure Python: neither
scikit-learn nor numpy is needed at run time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from storyline.cameo import CameoVerbs, load_table
from storyline.model import EventMention
from storyline.plover import (
    FUTURE_AUX,
    OBLIGATION_AUX,
    OFFER_VERBS,
    SPEECH_VERBS,
    classify_noun,
    classify_verb,
    plover_category,
)

#: The packaged model file (written by ``benchmarks/train_plover.py``).
MODEL_PATH = Path(__file__).resolve().parent / "data" / "plover_model.json"
#: Bumped whenever :func:`sentence_features` changes; a model of another version is refused.
FEATURE_VERSION = 5
#: Weight of the CAMEO codings among the features (root verb; other verbs half of it).
CAMEO_WEIGHT = 0.5

_HYPOTHETICAL = frozenset({"could", "might", "may", "can"})
_PLAN = frozenset({
    "plan", "intend", "vow", "promise", "pledge", "offer", "agree", "decide", "prepare",
    "propose", "want", "expect", "hope", "aim", "seek", "try", "ready", "willing", "prepared",
    "determined", "poised",
})
_THREAT = frozenset({"threaten", "warn", "vow"})
_DEMAND = frozenset({"demand", "urge", "call", "ask", "request", "press", "appeal", "insist"})
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV", "PROPN"})


#: The class of sentences that report no PLOVER event (opinions, background, forecasts, page
#: furniture); the model may have it besides the 16 categories, it is never predicted.
NO_EVENT = "NONE"


@dataclass(frozen=True)
class Prediction:
    """The classifier's category for a sentence and its probability.

    ``category`` is the most probable PLOVER category; ``probability`` is its share of the
    whole distribution, so a model that also knows :data:`NO_EVENT` gives a low probability
    to a sentence that most likely reports no event.  ``no_event`` is that class's
    probability (0 for a model without it).
    """

    category: str
    probability: float
    no_event: float = 0.0

    @property
    def category_probability(self) -> float:
        """The category's probability given that the sentence reports an event."""
        rest = 1.0 - self.no_event
        return min(1.0, self.probability / rest) if rest > 0 else 0.0


@dataclass(frozen=True)
class LinearModel:
    """Multinomial logistic regression over sparse named features.

    ``weights`` maps a feature name to one coefficient per class (in ``classes`` order);
    features missing from it carry no weight.  Feature values are L2-normalized per sentence.
    """

    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]]
    version: int = FEATURE_VERSION

    def scores(self, features: Mapping[str, float]) -> list[float]:
        """Class probabilities (softmax of the linear scores), in ``classes`` order."""
        norm = math.sqrt(sum(v * v for v in features.values())) or 1.0
        z = list(self.intercept)
        for name, value in features.items():
            w = self.weights.get(name)
            if w is None:
                continue
            x = value / norm
            for k, wk in enumerate(w):
                z[k] += wk * x
        top = max(z)
        exp = [math.exp(v - top) for v in z]
        total = sum(exp)
        return [e / total for e in exp]

    def predict(self, features: Mapping[str, float]) -> Prediction:
        """The most probable PLOVER category (never :data:`NO_EVENT`)."""
        probs = self.scores(features)
        events = [k for k, c in enumerate(self.classes) if c != NO_EVENT]
        k = max(events, key=probs.__getitem__)
        none = sum(p for c, p in zip(self.classes, probs, strict=True) if c == NO_EVENT)
        return Prediction(self.classes[k], probs[k], none)

    def to_json(self) -> str:
        """The model as JSON (coefficients rounded to 4 decimals)."""
        return json.dumps({
            "format": "storyline-plover-linear",
            "version": self.version,
            "classes": list(self.classes),
            "intercept": [round(v, 4) for v in self.intercept],
            "weights": {k: [round(v, 4) for v in w] for k, w in sorted(self.weights.items())},
        }, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> LinearModel:
        """Read a model written by :meth:`to_json`; ValueError when it is not one."""
        data = json.loads(text)
        if data.get("format") != "storyline-plover-linear":
            raise ValueError("not a storyline PLOVER model")
        classes = tuple(str(c) for c in data["classes"])
        weights = {str(k): tuple(float(x) for x in w) for k, w in data["weights"].items()}
        if any(len(w) != len(classes) for w in weights.values()):
            raise ValueError("weight rows do not match the classes")
        return cls(classes, tuple(float(x) for x in data["intercept"]), weights,
                   int(data["version"]))


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> LinearModel | None:
    """The packaged model, or None when the file is missing or of another feature version."""
    try:
        model = LinearModel.from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return model if model.version == FEATURE_VERSION else None


def _lemma(t: Token) -> str:
    return t.lemma_.lower() if t.pos_ != "PROPN" else "<name>"


def _objects(v: Token) -> tuple[list[str], list[str]]:
    objs: list[str] = []
    preps: list[str] = []
    for c in v.children:
        if c.dep_ in ("dobj", "attr", "oprd", "nsubjpass"):
            objs.append(c.lemma_.lower())
            objs.extend(cc.lemma_.lower() for cc in c.children if cc.dep_ == "conj")
        elif c.dep_ in ("prep", "prt", "agent"):
            preps.append(c.lower_)
            objs.extend(p.lemma_.lower() for p in c.children if p.dep_ in ("pobj", "pcomp"))
    return objs, preps


def conditional(verbs: Iterable[Token]) -> bool:
    """Whether one of ``verbs`` is done on a condition: a clause of "unless", or of "if" with
    a negation ("will withdraw unless a ceasefire is arranged", "will strike if they do not
    leave").  An act announced so is a threat."""
    for v in verbs:
        for c in v.children:
            if c.dep_ != "advcl":
                continue
            marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
            if "unless" in marks or ("if" in marks and any(m.dep_ == "neg" for m in c.children)):
                return True
    return False


def offers(v: Token) -> bool:
    """Whether ``v`` offers, pledges or promises a thing (it has an object and no negation):
    what is offered is not given yet, a plan ("Syria offered its troops")."""
    return v.lemma_.lower() in OFFER_VERBS and any(c.dep_ == "dobj" for c in v.children) \
        and not any(c.dep_ == "neg" for c in v.children)


def _modality(v: Token) -> str:
    """A cheap modality estimate for a verb: from its auxiliaries and the verbs above it."""
    if offers(v):
        return "planned"
    cur = v
    for _ in range(4):
        auxes = {c.lower_ for c in cur.children if c.dep_ in ("aux", "auxpass")}
        if any(c.dep_ == "neg" for c in cur.children):
            return "negated"
        if cur is not v:
            lem = cur.lemma_.lower()
            if lem in _THREAT:
                return "threatened"
            if lem in _DEMAND:
                return "demanded"
            if lem in _PLAN:
                return "threatened" if conditional((v, cur)) else "planned"
        if auxes & OBLIGATION_AUX:
            return "demanded"
        if auxes & FUTURE_AUX:
            return "threatened" if conditional((v, cur)) else "planned"
        if auxes & _HYPOTHETICAL or any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                        for c in cur.children):
            return "hypothetical"
        if cur.dep_ not in ("xcomp", "ccomp", "conj") or cur.head.i == cur.i:
            break
        cur = cur.head
    return "asserted"


def main_predicate(sent: Span) -> Token:
    """The verb that carries the sentence's act: the root, or, when the root is a verb of
    saying with a verbal complement, that complement (followed down at most three such
    verbs: "Uganda said on Sunday it had paid compensation" -> "paid")."""
    v = sent.root
    for _ in range(3):
        if v.lemma_.lower() not in SPEECH_VERBS:
            break
        comp = next((c for c in v.children
                     if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")), None)
        if comp is None:
            break
        v = comp
    return v


def _main_predicate_features(sent: Span, add: Callable[[str, float], None],
                             modality: Callable[[Token], str]) -> None:
    """Features of :func:`main_predicate`: its lemma, its modality, its lexicon category
    PLOVER-coded with that modality, and its verb-object pairs."""
    v = main_predicate(sent)
    if v.i == sent.root.i:
        add("main_is_root", 1.0)
    lemma = v.lemma_.lower()
    mod = modality(v)
    add(f"main={lemma}", 1.0)
    add(f"mainmod={mod}", 1.0)
    objs, preps = _objects(v)
    code = classify_verb(lemma, objs, preps)
    if code is not None:
        add(f"mainlex={plover_category(code.category, mod) or code.category}", 2.0)
    for o in objs[:3]:
        add(f"mvo={lemma}>{o}", 1.0)


def sentence_features(sent: Span, mentions: Sequence[EventMention] = (),
                      cameo: CameoVerbs | None = None) -> dict[str, float]:
    """Sparse features of one parsed sentence (``mentions``: the rule stage's, if any;
    ``cameo``: the CAMEO verb table, default the packaged one)."""
    f: dict[str, float] = {}
    cameo = cameo if cameo is not None else load_table()

    def add(name: str, value: float = 1.0) -> None:
        f[name] = f.get(name, 0.0) + value

    modalities: dict[int, str] = {}

    def modality(v: Token) -> str:  # once per verb: several features read it
        if v.i not in modalities:
            modalities[v.i] = _modality(v)
        return modalities[v.i]

    root = sent.root
    add(f"root={_lemma(root)}")
    _main_predicate_features(sent, add, modality)
    for c in root.children:
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
            add(f"rootcomp={c.lemma_.lower()}")
            add(f"rootpair={root.lemma_.lower()}>{c.lemma_.lower()}")
        if c.dep_ == "neg":
            add("root_neg")
        if c.dep_ == "aux" and c.lower_ in FUTURE_AUX | _HYPOTHETICAL | OBLIGATION_AUX:
            add(f"root_aux={c.lower_}")
        if c.dep_ in ("dobj", "nsubjpass", "attr"):
            add(f"rootobj={_lemma(c)}")
        if c.dep_ == "prt":
            add(f"rootprt={root.lemma_.lower()}_{c.lower_}")
    votes: set[str] = set()
    for t in sent:
        if t.is_punct or t.is_space:
            continue
        if t.pos_ in _CONTENT_POS and t.pos_ != "PROPN" and t.is_alpha:
            add(f"lem={t.lemma_.lower()}", 0.5)
        if t.dep_ == "neg":
            add("neg")
        if t.dep_ == "aux" and t.lower_ in OBLIGATION_AUX:
            add("obligation")
        if cameo is not None and (t.pos_ == "VERB" or (t.pos_ == "AUX" and t.i == root.i)):
            coded_by_cameo = cameo.match(t)
            if coded_by_cameo is not None:
                on_root = t.i == root.i
                weight = CAMEO_WEIGHT if on_root else CAMEO_WEIGHT / 2
                cd_coded = plover_category(coded_by_cameo.category, modality(t))
                add(f"cd={coded_by_cameo.category}", weight)
                add(f"pcd={cd_coded or coded_by_cameo.category}", weight)
                if on_root:
                    add(f"cdr={coded_by_cameo.category}", CAMEO_WEIGHT)
        if t.pos_ == "VERB":
            objs, preps = _objects(t)
            for o in objs[:3]:
                add(f"vo={t.lemma_.lower()}>{o}", 0.5)
            for p in preps[:3]:
                add(f"vp={t.lemma_.lower()}>{p}", 0.5)
            code = classify_verb(t.lemma_.lower(), objs, preps)
            if code is not None:
                mod = modality(t)
                coded = plover_category(code.category, mod) or code.category
                weight = 2.0 if t.i == root.i or t.head.i == root.i else 1.0
                add(f"lex={code.category}", weight)
                add(f"plex={coded}", weight)
                add(f"lexmod={code.category}/{mod}")
                votes.add(coded)
                if t.i == root.i:
                    add(f"rootlex={coded}", 2.0)
        elif t.pos_ == "NOUN":
            ncode = classify_noun(t.lemma_.lower())
            if ncode is not None:
                add(f"nlex={ncode.category}")
                votes.add(ncode.category)
                if t.head.pos_ == "VERB":
                    ncoded = plover_category(ncode.category, modality(t.head))
                    add(f"nlexmod={ncoded or ncode.category}")
    if len(votes) == 1:
        add(f"onlylex={next(iter(votes))}", 2.0)
    if not votes:
        add("nolex")
    typed = [m for m in mentions if m.category is not None]
    for k, m in enumerate(typed):
        event_cat = plover_category(m.category, m.modality)
        add(f"ev={event_cat}")
        if k == 0:
            add(f"ev1={event_cat}", 2.0)
    if not typed:
        add("noev")
    return f


def classify_sentence(sent: Span, mentions: Sequence[EventMention] = (),
                      model: LinearModel | None = None) -> Prediction | None:
    """The sentence's PLOVER category by the model (default: the packaged one), or None."""
    model = model if model is not None else load_model()
    if model is None:
        return None
    return model.predict(sentence_features(sent, mentions))


def feature_names(rows: Iterable[Mapping[str, float]]) -> list[str]:
    """Sorted names of all features in ``rows`` (for building a training matrix)."""
    return sorted({k for r in rows for k in r})
