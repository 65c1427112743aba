"""Across documents: event mentions merged into events, documents grouped into stories.

Merging compares every pair of mentions inside a block (mentions that share a PLOVER category
or, for uncategorised ones, a normalized trigger), scoring what they share: the words of the
event (with near-synonyms folded together), actors, targets and dates.  Clusters are built by
average linkage, so one loose link cannot chain two different events together.  Blocking keeps
the cost far below the square of the corpus.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.clustering import NEWS_STOP_WORDS
from storyline.model import (
    Argument,
    Conflict,
    Document,
    Entity,
    Event,
    EventMention,
    Mention,
    Modality,
    SourceRef,
    Story,
)
from storyline.plover import plover_category, plover_roles

#: Near-synonyms of news-event vocabulary, folded to one representative so that "suspend ties"
#: and "halt cooperation" share their words.  General English, not corpus-specific.
_SYNONYM_CLASSES: tuple[tuple[str, ...], ...] = (
    ("stop", "suspend", "halt", "cut", "sever", "end", "cease", "terminate", "freeze", "break",
     "discontinue", "pause", "abandon", "drop", "withdraw", "pull", "pullout", "suspension",
     "termination", "exit", "quit", "remove", "detach", "refuse", "decline", "cancel"),
    ("cooperation", "collaboration", "tie", "relation", "link", "partnership", "work",
     "project", "cooperate", "collaborate", "partner", "relationship", "alliance"),
    ("sanction", "embargo", "restriction", "restrict", "penalty"),
    ("launch", "liftoff", "blast", "deploy", "delivery", "send"),
    ("satellite", "spacecraft"),
    ("support", "aid", "assistance", "help", "backing"),
    ("negotiate", "negotiation", "talk", "consult", "seek", "discuss"),
    ("letter", "message"),
    ("attack", "assault", "invade", "invasion", "strike", "cyberattack"),
    ("threaten", "threat", "warn", "intimidate"),
    ("demand", "request", "urge", "call"),
    ("video", "footage", "film"),
)
_EXTRA_FORMS = {"refusal": "refuse", "suspension": "suspend", "withdrawal": "withdraw",
                "cancellation": "cancel", "deliveries": "delivery", "ties": "tie"}
_CANON: dict[str, str] = {w: cls[0] for cls in _SYNONYM_CLASSES for w in cls}

MERGE_THRESHOLD = 0.36
#: Every pair inside a merged event must be at least this similar (no chaining).
MIN_LINK = 0.2


def _canon(word: str) -> str:
    w = word.lower()
    w = _EXTRA_FORMS.get(w, w)
    return _CANON.get(w, w)


# -- affiliations: who speaks or acts for whom -------------------------------------------------

#: Words that, between two names, say that the second belongs to the first ("Roscosmos head
#: Dmitry Rogozin", "Russia's space agency Roscosmos") or the reverse ("X, the head of Y").
_ROLE_WORDS = frozenset(["head", "chief", "director", "director-general", "leader", "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "administrator", "ceo", "chairman", "chairwoman", "boss", "commander", "official", "envoy", "ambassador", "agency", "corporation", "ministry", "department", "company", "firm", "operator", "service"])
_POSSESSIVE_GAP = re.compile(r"^(?:'s|'|’s|’)?\s+((?:[\w-]+\s+){0,3})$")
_OF_GAP = re.compile(r"^,\s+(?:the\s+)?((?:[\w-]+\s+){1,3})(?:of|at|for)\s+(?:the\s+)?$")
_APPOSITION_GAP = re.compile(r"^,\s+$")
_AFTER_OWNER = re.compile(r"^(?:'s|'|’s|’)\s+((?:[\w-]+\s+){0,2}[\w-]+)")


def _has_role(words: str) -> bool:
    return any(w.lower() in _ROLE_WORDS for w in re.split(r"[\s-]+", words) if w) or \
        "director-general" in words.lower()


def affiliations(
    documents: Sequence[Document], mentions: Iterable[Mention],
    types: dict[str, str | None] | None = None,
) -> dict[str, set[str]]:
    """Entity id -> ids of the organisations or states it belongs to, read from the text.

    Only adjacent names count, joined by a possessive and a role word ("NASA chief Bill
    Nelson"), by ", the <role> of" ("X, the head of Y"), or by an apposition with a possessive
    role ("Roscosmos, Russia's space agency").  With ``types`` (entity id -> NER type), only
    people and organisations belong, and only to organisations and states.
    """
    text_of = {d.id: d.text for d in documents}
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.entity_id and m.doc_id in text_of:
            by_doc[m.doc_id].append(m)
    parents: dict[str, set[str]] = defaultdict(set)
    for doc_id, ms in by_doc.items():
        text = text_of[doc_id]
        ms.sort(key=lambda m: m.start)
        for a, b in itertools.pairwise(ms):
            if a.entity_id == b.entity_id or b.start - a.end > 40:
                continue
            gap = text[a.end:b.start]
            assert a.entity_id and b.entity_id
            pos = _POSSESSIVE_GAP.match(gap)
            if pos and _has_role(pos.group(1)):
                parents[b.entity_id].add(a.entity_id)  # "Roscosmos' head Dmitry Rogozin"
                continue
            of = _OF_GAP.match(gap)
            if of and _has_role(of.group(1)):
                parents[a.entity_id].add(b.entity_id)  # "Dmitry Rogozin, the head of Roscosmos"
                continue
            if _APPOSITION_GAP.match(gap):
                after = _AFTER_OWNER.match(text[b.end:b.end + 40])
                if after and _has_role(after.group(1)):
                    parents[a.entity_id].add(b.entity_id)  # "Roscosmos, Russia's space agency"
    if types is not None:
        # people and organisations belong to organisations and states, not the reverse
        parents = defaultdict(set, {
            child: {p for p in ps if types.get(p) in ("ORG", "GPE")}
            for child, ps in parents.items() if types.get(child) in ("PERSON", "ORG", None)
        })
    return {child: ps for child, ps in parents.items() if ps}


def _sides(entity_ids: Iterable[str], parents: dict[str, set[str]]) -> frozenset[str]:
    """The entities and everything they belong to, transitively."""
    seen: set[str] = set()
    todo = list(entity_ids)
    while todo:
        e = todo.pop()
        if e not in seen:
            seen.add(e)
            todo.extend(parents.get(e, ()))
    return frozenset(seen)


@dataclass
class _Item:
    m: EventMention
    words: frozenset[str]
    actors: frozenset[str]
    targets: frozenset[str]
    index: int
    sides: frozenset[str] = frozenset()
    target_kinds: frozenset[str] = frozenset()
    #: each target's words, so that "private space companies" meets "private Russian space
    #: companies" though the two are different entities
    target_words: tuple[frozenset[str], ...] = ()
    #: targets that say little about which event this is: a group named by one common noun
    #: ("132 people", "three million people")
    weak_targets: frozenset[str] = frozenset()


def _keys(args: Sequence[Argument]) -> frozenset[str]:
    """Participants as compared across mentions: entity ids, else the lower-cased words."""
    return frozenset(_arg_keys(args))


def _arg_keys(args: Sequence[Argument]) -> list[str]:
    """Each participant's key as :func:`_keys` compares it."""
    return [a.entity_id or a.text.lower() for a in args]


def _name_words(args: Iterable[Argument]) -> tuple[frozenset[str], ...]:
    """Each participant's words, lower-cased and folded, without articles."""
    return tuple(frozenset(_canon(w) for w in re.findall(r"[\w-]+", a.text)
                           if w.lower() not in ("the", "a", "an", "its", "their", "his", "her"))
                 for a in args)


def _targets_meet(x: _Item, y: _Item) -> bool:
    """Whether two mentions share a target: the same entity, or one target's words all in the
    other's ("space companies" and "private space companies")."""
    return bool(x.targets & y.targets) or _nested_targets(x, y, 1)


def _nested_targets(x: _Item, y: _Item, min_words: int) -> bool:
    """Whether a target of one names, in at least ``min_words`` words, all or part of a
    target of the other ("space companies" in "private space companies")."""
    return any(len(a) >= min_words and len(b) >= min_words and (a <= b or b <= a)
               for a in x.target_words for b in y.target_words)


def _date_conflict(a: str | None, b: str | None) -> bool:
    """Two dates conflict when neither contains the other (2022-03 contains 2022-03-05)."""
    if not a or not b:
        return False
    return not (a.startswith(b) or b.startswith(a))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _wjaccard(a: frozenset[str], b: frozenset[str], weight: dict[str, float]) -> float:
    """Jaccard similarity where each word counts by its rarity in the block."""
    if not a or not b:
        return 0.0
    inter = sum(weight.get(w, 1.0) for w in a & b)
    return inter / sum(weight.get(w, 1.0) for w in a | b)


#: Two outlets may give one event days this far apart (time zones, "on Saturday" read from
#: different publication days); further apart, two dates are two events.
DATE_DISAGREEMENT_DAYS = 2
#: How alike (rarity-weighted word overlap) two tellings must be for a disagreement on the
#: date or on who acted to be shown as a conflict of one event rather than two events.
DISAGREEMENT_WORDS = 0.5


def _days_apart(a: str | None, b: str | None) -> int | None:
    """Days between two day-precise dates (None unless both are days)."""
    if not a or not b or len(a) != 10 or len(b) != 10:
        return None
    try:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)
    except ValueError:
        return None


def _actor_clash(x: _Item, y: _Item) -> bool:
    """Both name actors, none shared, and not an actor and the body it speaks for."""
    return bool(x.actors and y.actors and not (x.actors & y.actors)
                and not (x.sides & y.sides))


#: Two tellings with different action words ("rescued" and "help") are one event only with
#: evidence beyond the kind of action: a shared named target, the same group named by several
#: words, or this much word overlap including a word that few mentions of the block use ...
DIFFERENT_TRIGGER_WORDS = 0.3
#: ... that is, a word with at least this rarity weight (log(1 + 10): at most one mention in
#: ten of the block; "aid" among aid events, the story's country, say nothing).
RARE_WORD_WEIGHT = math.log(11.0)


#: Words that count or point rather than name ("the", "some", "more than", "three million").
_NOT_NAMING = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "some", "many",
                         "several", "few", "more", "than", "about", "around", "nearly",
                         "almost", "over", "up", "to", "at", "least", "other", "all", "of"})
_NUMBER_WORD = re.compile(
    r"(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty"
    r"|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen)s?")


def _weak_target(arg: Argument, kinds: dict[str, str]) -> bool:
    """A target that is no named entity and is named by a single common word."""
    if arg.entity_id and arg.entity_id in kinds:
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", arg.text)
             if w.lower() not in _NOT_NAMING and not _NUMBER_WORD.fullmatch(w.lower())]
    return len(words) <= 1 and all(w.islower() for w in words)


def _specific_evidence(x: _Item, y: _Item, wsim: float, weight: dict[str, float]) -> bool:
    """Whether two tellings share more than the kind of action and generic words."""
    weak = x.weak_targets | y.weak_targets
    if (x.targets & y.targets) - weak:
        return True
    if _nested_targets(x, y, 2):
        return True
    shared = (x.words & y.words) - weak
    return wsim >= DIFFERENT_TRIGGER_WORDS and any(
        weight.get(w, 1.0) >= RARE_WORD_WEIGHT for w in shared)


def _similarity(x: _Item, y: _Item, weight: dict[str, float] | None = None) -> float:
    """How likely two mentions tell the same event, in [0, 1]; 0 means "certainly not".

    Two outlets that disagree on the day (by at most :data:`DATE_DISAGREEMENT_DAYS`) or on
    who acted can still tell one event, which then shows the conflict: only when everything
    else agrees (same action, same date or same actor, shared recipients or most words) and
    the tellings come from different documents (one article giving two days or two actors
    tells two events).
    """
    if x.m.category and y.m.category and x.m.category != y.m.category:
        return 0.0
    if x.m.doc_id == y.m.doc_id and x.m.sentence == y.m.sentence:
        return 0.0  # two events of one sentence are different events
    if (x.actors & y.targets) or (y.actors & x.targets):
        return 0.0  # one side's actor is the other's target: not the same event
    shared_targets = _targets_meet(x, y)
    # a group named more or less fully ("private (Russian) space companies") is one target:
    # its two entity ids are not two words that differ
    nested = shared_targets and not x.targets & y.targets
    wsim = _wjaccard(x.words - x.targets if nested else x.words,
                     y.words - y.targets if nested else y.words, weight or {})
    same_trigger = _canon(x.m.lemma) == _canon(y.m.lemma)
    if not same_trigger and not _specific_evidence(x, y, wsim, weight or {}):
        return 0.0
    date_clash = _date_conflict(x.m.date, y.m.date)
    actor_clash = _actor_clash(x, y)
    if date_clash or actor_clash:
        apart = _days_apart(x.m.date, y.m.date)
        plausible = (
            x.m.doc_id != y.m.doc_id and same_trigger and not (date_clash and actor_clash)
            and (bool(shared_targets) or wsim >= DISAGREEMENT_WORDS)
            and (not date_clash or (apart is not None and apart <= DATE_DISAGREEMENT_DAYS
                                    and bool(x.actors & y.actors)))
            and (not actor_clash or (bool(x.m.date) and x.m.date == y.m.date
                                     and bool(shared_targets) and wsim >= DISAGREEMENT_WORDS))
        )
        if not plausible:
            return 0.0
    if actor_clash:
        actors = 0.0  # outlets disagree on who did it (shown as a conflict)
    elif x.actors and y.actors and not (x.actors & y.actors):
        actors = 0.7  # an actor and the body it speaks for (a minister and the ministry)
    elif x.actors and y.actors:
        actors = 0.5 + 0.5 * _jaccard(x.actors, y.actors)
    else:
        actors = 0.3
    if not (x.words & y.words) and not shared_targets:
        return 0.0  # nothing in common but the kind of action
    targets = _jaccard(x.targets, y.targets) if x.targets and y.targets else 0.3
    if nested:
        targets = 0.5
    same_date = 1.0 if x.m.date and y.m.date and x.m.date == y.m.date else 0.0
    score = (0.35 * wsim + 0.2 * actors + 0.15 * targets
             + 0.15 * float(same_trigger) + 0.15 * same_date)
    if x.targets and y.targets and not shared_targets and x.target_kinds & y.target_kinds:
        score *= 0.5  # "severed ties with NASA" is not "halted work on the space station"
    return score


def _cluster(items: list[_Item], threshold: float) -> list[list[_Item]]:
    """Average-linkage agglomerative clustering of one block, over a sparse graph.

    Only pairs that share a word (or target) can be similar, so candidate pairs come from an
    inverted index rather than from all pairs.  Two clusters merge when every pair between them
    is at least :data:`MIN_LINK` similar and their average similarity clears ``threshold``;
    the best such merge is taken first (a heap with lazy invalidation).
    """
    # words shared by many mentions of the block ("cooperation" among suspensions) say less
    df = Counter(w for it in items for w in it.words)
    weight = {w: math.log(1.0 + len(items) / n) for w, n in df.items()}
    postings: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        for w in it.words:
            postings[w].append(i)
    # link[a][b] = (sum of similarities, number of pairs at least MIN_LINK) between clusters
    link: dict[int, dict[int, tuple[float, int]]] = defaultdict(dict)
    for i, j in {(a, b) for ids in postings.values() for a, b in itertools.combinations(ids, 2)}:
        sim = _similarity(items[i], items[j], weight)
        if sim > 0.0:
            ok = 1 if sim >= MIN_LINK else 0
            link[i][j] = link[j][i] = (sim, ok)
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}

    def score(a: int, b: int) -> float | None:
        total, ok = link[a].get(b, (0.0, 0))
        pairs = len(members[a]) * len(members[b])
        if ok < pairs:  # some pair is unrelated or in conflict
            return None
        avg = total / pairs
        return avg if avg > threshold else None

    heap: list[tuple[float, int, int]] = []
    for a, row in link.items():
        for b in row:
            if a < b and (sc := score(a, b)) is not None:
                heapq.heappush(heap, (-sc, a, b))
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members or score(a, b) != -neg:
            continue  # stale entry
        members[a].extend(members.pop(b))
        row_b = link.pop(b, {})
        for c, (total, ok) in row_b.items():
            if c == a:
                continue
            t0, k0 = link[a].get(c, (0.0, 0))
            link[a][c] = link[c][a] = (t0 + total, k0 + ok)
            del link[c][b]
        link[a].pop(b, None)
        for c in list(link[a]):
            if (sc := score(a, c)) is not None:
                heapq.heappush(heap, (-sc, min(a, c), max(a, c)))
    return [[items[i] for i in sorted(ms)] for ms in members.values()]


def _block_key(m: EventMention) -> str:
    return m.category or f"lemma:{_canon(m.lemma)}"


def _most_specific_date(mentions: Sequence[EventMention]) -> str | None:
    """The date most mentions agree on, preferring the most precise one."""
    dates = [m.date for m in mentions if m.date]
    if not dates:
        return None
    counts = Counter(dates)
    # a date supports every more precise date it contains
    def support(d: str) -> int:
        return sum(c for other, c in counts.items() if d.startswith(other))
    return max(counts, key=lambda d: (support(d), len(d), -dates.index(d)))


_MODALITY_RANK = {
    "asserted": 0, "reported": 1, "planned": 2, "demanded": 3, "threatened": 4,
    "hypothetical": 5, "negated": 6,
}


def merge_events(
    mentions: Sequence[EventMention],
    order: Callable[[EventMention], tuple[int, int]] | None = None,
    threshold: float = MERGE_THRESHOLD,
    parents: dict[str, set[str]] | None = None,
    kinds: dict[str, str] | None = None,
    aliases: dict[str, str] | None = None,
) -> list[Event]:
    """Merge event mentions that tell the same event; return events in timeline order.

    ``order`` gives each mention's position in the corpus (document rank, sentence index), used
    to order undated events and to pick stable ids.  ``parents`` (from :func:`affiliations`)
    says which actors speak for which bodies; ``kinds`` maps entity ids to a coarse type
    (organisation, place, person), so that "Europe" and "ESA" as targets are not held to
    contradict each other the way "NASA" and "ESA" do; ``aliases`` maps lower-cased names to
    entity ids, so that a keyword naming an entity ("iss") meets the same entity as a target.
    """
    aliases = aliases or {}
    parents = parents or {}
    kinds = kinds or {}
    key = order or (lambda m: (0, m.sentence))
    items: list[_Item] = []
    for i, m in enumerate(mentions):
        trigger = _canon(m.lemma)
        actors = _keys(m.actors)
        targets = _keys(m.targets)
        words = frozenset(
            c for c in (aliases.get(w.lower()) or _canon(w) for w in m.keywords if w)
            if c != trigger and c not in actors
        ) | targets
        items.append(_Item(
            m=m,
            words=words,
            actors=actors,
            targets=targets,
            index=i,
            sides=_sides(actors, parents),
            target_kinds=frozenset(kinds.get(t, "?") for t in targets),
            target_words=_name_words(m.targets),
            weak_targets=frozenset(k for k, a in zip(_arg_keys(m.targets), m.targets, strict=True)
                                   if _weak_target(a, kinds)),
        ))
    blocks: dict[str, list[_Item]] = defaultdict(list)
    for it in items:
        blocks[_block_key(it.m)].append(it)
    clusters: list[list[_Item]] = []
    for block in blocks.values():
        clusters.extend(_cluster(block, threshold))

    side_of = {id(it.m): it.sides for it in items}
    events = [_make_event(sorted((it.m for it in cluster), key=key),
                          lambda m: side_of[id(m)]) for cluster in clusters]
    return order_events(events, key)


def order_events(
    events: Sequence[Event], order: Callable[[EventMention], tuple[int, int]]
) -> list[Event]:
    """Events in timeline order (dated first, then by first telling) with ids V1, V2, ..."""
    first_pos = {id(e): min(order(m) for m in e.mentions) for e in events}
    # of one sentence's events of the same date, its main event comes first
    main = {id(e): any(m.primary and order(m) == first_pos[id(e)] for m in e.mentions)
            for e in events}
    out = sorted(events, key=lambda e: (e.date is None, e.date or "", first_pos[id(e)],
                                        not main[id(e)]))
    for n, e in enumerate(out, 1):
        e.id = f"V{n}"
    return out


def _make_event(ms: Sequence[EventMention],
                sides: Callable[[EventMention], frozenset[str]] | None = None) -> Event:
    def ranked(values: Iterable[str]) -> list[str]:
        counts = Counter(values)
        return [v for v, _ in sorted(counts.items(), key=lambda kv: -kv[1])]

    categories = Counter(m.category for m in ms if m.category)
    modalities: Counter[Modality] = Counter(m.modality for m in ms)
    modality: Modality
    if modalities["asserted"]:
        # one outlet stating it as done outweighs others telling it as planned or reported
        modality = "asserted"
    else:
        top = max(modalities.values())
        modality = min((k for k, v in modalities.items() if v == top),
                       key=_MODALITY_RANK.__getitem__)
    date = _most_specific_date(ms)
    # the summary of a mention told in the words most documents use ("launched an appeal",
    # not the one outlet's "rescued"), that names its actor, carries the date and is complete
    told = Counter(lemma for _, lemma in {(m.doc_id, _canon(m.lemma)) for m in ms})
    best = max(
        ms,
        key=lambda m: (told[_canon(m.lemma)], bool(m.actors and m.actors[0].via is None),
                       m.date == date,
                       bool(m.targets), m.modality == modality,
                       -abs(len(m.summary.split()) - 14)),
    )
    sources: list[SourceRef] = []
    for m in ms:
        ref = SourceRef(m.doc_id, m.sentence_text)
        if ref not in sources:
            sources.append(ref)
    action = categories.most_common(1)[0][0] if categories else None
    actors: list[str] = []
    targets: list[str] = []
    for m in ms:
        # a reported demand is the requester's, of the one asked to act (PLOVER's REQUEST)
        who, whom = plover_roles(action, modality, m.actors, m.targets, m.source, m.lemma)
        actors.extend(a.entity_id for a in who if a.entity_id)
        targets.extend(t.entity_id for t in whom if t.entity_id)
    event_type = plover_category(action, modality)
    # the mode of the mentions coded with the event's own type (a planned SANCTION's
    # "discontinue" is no mode of the THREATEN it is coded as)
    modes = Counter(m.mode for m in ms
                    if m.mode and plover_category(m.category, m.modality) == event_type
                    and m.category == event_type)
    return Event(
        id="",
        conflicts=find_conflicts(ms, sides),
        date=date,
        summary=_capitalised(best.summary or best.sentence_text),
        type=event_type,
        action=action,
        mode=modes.most_common(1)[0][0] if modes else None,
        modality=modality,
        actors=ranked(actors),
        targets=ranked(targets),
        sources=sources,
        mentions=list(ms),
    )


_NUMBER_NOUN = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s+([a-z][a-z-]+)")
_NOT_COUNTED = frozenset({"percent", "per", "am", "pm", "a.m", "p.m", "of", "and", "to", "or",
                          "in", "on", "at", "by", "for", "from", "with"})


def find_conflicts(
    mentions: Sequence[EventMention],
    sides: Callable[[EventMention], frozenset[str]] | None = None,
) -> list[Conflict]:
    """Where documents telling one event disagree: different days, counts or actors.

    Dates conflict when two documents give days that differ; counts when two documents give
    different numbers of the same thing ("36 satellites" / "34 satellites"); actors when two
    documents name actors with nothing in common, not even the body one of them speaks for
    (``sides`` gives a mention's actors with everything they belong to; without it, the
    actors' entity ids).  Disagreement within one document is not a conflict between sources.
    """
    conflicts: list[Conflict] = []
    side_of = sides or (lambda m: _keys(m.actors))
    doc_sides: dict[str, set[str]] = defaultdict(set)
    who: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.actors:
            doc_sides[m.doc_id] |= side_of(m)
            who[" and ".join(a.text for a in m.actors)].add(m.doc_id)
    if any(not (doc_sides[a] & doc_sides[b]) for a, b in itertools.combinations(doc_sides, 2)):
        conflicts.append(Conflict("actor", {w: sorted(docs) for w, docs in sorted(who.items())}))
    days: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.date and len(m.date) == 10:
            days[m.date].add(m.doc_id)
    if len(days) > 1 and len(set().union(*days.values())) > 1:
        conflicts.append(Conflict("date", {d: sorted(docs) for d, docs in sorted(days.items())}))
    counts: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for m in mentions:
        for number, noun in _NUMBER_NOUN.findall(m.sentence_text):
            if noun in _NOT_COUNTED or (len(number) == 4 and number[:2] in ("19", "20")):
                continue  # a year, a percentage, a time
            counts[noun.rstrip("s")][number.replace(",", "")].add(m.doc_id)
    for noun, values in sorted(counts.items()):
        docs = [d for ds in values.values() for d in ds]
        if len(values) > 1 and len(set(docs)) > 1:
            conflicts.append(Conflict(f"number of {noun}s",
                                      {v: sorted(ds) for v, ds in sorted(values.items())}))
    return conflicts


# -- stories -----------------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


def describe_stories(
    members: dict[str, list[str]], events: Sequence[Event], entities: Sequence[Entity],
    day_mentions: dict[str, Counter[str]] | None = None, key_dates: int = 10,
    published: Mapping[str, dt.date | None] | None = None,
    texts: Mapping[str, str] | None = None,
) -> list[Story]:
    """Stories from a document assignment (story id -> document ids): label, events, brief.

    The label names the entities the story's documents mention most, after the story's key
    phrase when ``texts`` (document id -> English text) give one (see :func:`key_phrases`:
    "Oil spill: BP, US, Barack Obama"); the brief strings the summaries of its best
    corroborated events in time order, leaving out refusals to comment; start and end span
    its dated events, leaving out background ones (events dated more than a month before its first
    article, with ``published``: document id -> publication date; a 2011 precedent recalled
    in 2022 coverage does not stretch the story to 2011).  When no event is dated inside
    that window, the publication dates give the range.  An event belongs to the story
    holding most of its sources.  ``day_mentions``
    (document id -> how often it mentions each day) feeds the key dates: days ranked by the
    documents that tell events on them plus the documents that mention them, background
    days left out as above.
    """
    day_mentions = day_mentions or {}
    story_of = {d: sid for sid, docs in members.items() for d in docs}
    events_of: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        votes = Counter(story_of[s.document] for s in e.sources if s.document in story_of)
        if votes:
            events_of[votes.most_common(1)[0][0]].append(e)
    mentions_in: dict[str, Counter[str]] = defaultdict(Counter)
    #: story id -> entity id -> how many of the story's documents mention the entity
    reach: dict[str, Counter[str]] = defaultdict(Counter)
    for ent in entities:
        for doc in {m.doc_id for m in ent.mentions if m.doc_id in story_of}:
            reach[story_of[doc]][ent.id] += 1
        if ent.type in ("NORP", None):
            continue  # "Russian", "Western": adjectives, not what a story is about
        for m in ent.mentions:
            if m.doc_id in story_of:
                mentions_in[story_of[m.doc_id]][ent.name] += 1
    people = {ent.name for ent in entities if ent.type == "PERSON"}
    phrases = key_phrases(members, texts or {})
    stories: list[Story] = []
    for sid, docs in members.items():
        story_events = events_of.get(sid, [])
        label = _label(phrases.get(sid), _label_names(mentions_in[sid], people, k=4))
        pubs = [p for d in docs if published and (p := published.get(d))]
        dates = _story_range([e.date for e in story_events if e.date], pubs)
        # the best corroborated events; among equals, those whose participants the story's
        # documents name most (an event of the story's main actors, not of a side note)
        central = reach[sid]
        ranked = _distinct_tellings(sorted(
            (e for e in story_events if not _no_news(e.summary)),
            key=lambda e: (-e.outlets(), _dangling(e.summary),
                           -sum(central[a] for a in {*e.actors, *e.targets}),
                           e.date is None,
                           -len({" ".join(s.sentence.split()) for s in e.sources})),
        ), 3)
        ranked.sort(key=lambda e: (e.date is None, e.date or ""))
        importance: Counter[str] = Counter()
        for e in story_events:
            if e.date and len(e.date) == 10:
                importance[e.date] += 2 * e.outlets()
        for d in docs:
            for day, n in day_mentions.get(d, Counter()).items():
                importance[day] += min(n, 3)
        # background days (9/11 recalled in 2008's financial news) are no key dates of it
        since = (min(pubs) - dt.timedelta(days=BACKGROUND_DAYS)).isoformat() if pubs else ""
        top = sorted((day for day in importance if day >= since),
                     key=lambda day: (-importance[day], day))[:key_dates]
        stories.append(Story(
            key_dates=sorted(top),
            id=sid,
            label=label or docs[0],
            documents=sorted(docs),
            events=[e.id for e in story_events],
            brief=" ".join(as_sentence(e.summary) for e in ranked) or None,
            brief_events=[e.id for e in ranked if as_sentence(e.summary)],
            start=dates[0] if dates else None,
            end=dates[-1] if dates else None,
        ))
    stories.sort(key=lambda st: (-len(st.documents), st.id))
    return stories


#: A story's key phrase is used by at least this share of its documents.
KEY_PHRASE_SHARE = 0.5
#: Only a story with this many documents gets a key phrase: what two or three articles
#: happen to share is as often a turn of phrase as their subject ("team tried", "wrapped").
KEY_PHRASE_MIN_DOCS = 5
#: How much a two-word phrase outweighs a word: "oil spill" says more than "spill".
PHRASE_WEIGHT = 1.3
#: Nouns that end as adverbs or past tenses do.
_NOUNS_LIKE_ADVERBS = frozenset({"assembly", "family", "supply", "rally", "anomaly", "monopoly",
                                 "bloodshed", "greed", "speed", "breed", "seed", "creed"})
_PHRASE_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\S")


def document_phrases(text: str) -> set[str]:
    """The plain words of a text and its two-word phrases made of them ("oil", "spill", "oil
    spill"): lower-case words only, since a name is written with capitals and is the entities'
    part of a label, and no stop words nor words every news story uses ("said", "Friday").
    A phrase does not end in a word that reads as an adverb or a past tense ("recently",
    "team tried"): a label names a thing."""
    out: set[str] = set()
    prev: str | None = None
    for tok in _PHRASE_TOKEN.findall(text):
        plain = (len(tok) > 2 and tok.isalpha() and tok.islower() and tok not in STOP_WORDS
                 and tok not in NEWS_STOP_WORDS)
        if plain and (tok in _NOUNS_LIKE_ADVERBS or not (len(tok) > 4
                                                         and tok.endswith(("ly", "ed")))):
            out.add(tok)
            if prev:
                out.add(f"{prev} {tok}")
        prev = tok if plain else None
    return out


def key_phrases(members: Mapping[str, Sequence[str]], texts: Mapping[str, str],
                ) -> dict[str, str]:
    """Story id -> the word or two-word phrase that best says what the story is about.

    A story qualifies with :data:`KEY_PHRASE_MIN_DOCS` documents with a text, and a phrase
    when at least :data:`KEY_PHRASE_SHARE` of them use it; among those, the one with the
    largest share times its inverse document frequency over all the texts wins (two-word
    phrases weighted by :data:`PHRASE_WEIGHT`), so that beside other stories "swine flu"
    beats "virus", and "oil spill" beats "oil".  A line that several of a story's documents
    repeat word for word is a site's boilerplate, not the story ("It's like reading it on
    the blog, only much more convenient."), and gives no phrase.  Stories are read one at a
    time: memory holds one story's lines and the phrase counts, not every document's.
    """
    df: Counter[str] = Counter()
    per_story: dict[str, Counter[str]] = {}
    sizes: Counter[str] = Counter()
    seen: set[str] = set()
    for sid, docs in members.items():
        lines = {d: {" ".join(ln.split()) for ln in texts[d].splitlines()} - {""}
                 for d in docs if d in texts}
        repeated = {ln for ln, n in Counter(ln for ls in lines.values() for ln in ls).items()
                    if n > 1}
        counts: Counter[str] = Counter()
        for d, ls in lines.items():
            found = document_phrases("\n".join(ls - repeated))
            df.update(found)
            counts.update(found)
            seen.add(d)
        per_story[sid], sizes[sid] = counts, len(lines)
    for d, text in texts.items():  # texts of no story still count towards the IDF
        if d not in seen:
            df.update(document_phrases(text))
    n_all = len(texts)
    out: dict[str, str] = {}
    for sid, counts in per_story.items():
        n = sizes[sid]
        eligible = [p for p, c in counts.items() if c >= KEY_PHRASE_SHARE * n]
        if n < KEY_PHRASE_MIN_DOCS or not eligible:
            continue

        def score(p: str, counts: Counter[str] = counts, n: int = n) -> tuple[float, int, str]:
            idf = math.log((n_all + 1) / (df[p] + 1)) + 1.0
            weight = PHRASE_WEIGHT if " " in p else 1.0
            return counts[p] / n * idf * weight, -len(p), p

        out[sid] = max(eligible, key=score)
    return out


def _label(phrase: str | None, names: Sequence[str], k: int = 3) -> str:
    """A story's label: its key phrase, capitalized, before its ``k`` main names; a name the
    phrase already says is left out ("Swine flu: Mexico, World Health Organization")."""
    if phrase:
        names = [n for n in names if n.lower() != phrase]
    label = ", ".join(names[:k])
    if not phrase:
        return label
    head = phrase[:1].upper() + phrase[1:]
    return f"{head}: {label}" if label else head


def _label_names(counts: Counter[str], people: set[str], k: int = 3) -> list[str]:
    """The ``k`` names a story's documents mention most, a person's lone first or last name
    written out in full where the story names that person in full ("Charlie" -> "Charlie
    Simpson", when some documents call the boy by his first name only)."""
    full: dict[str, str] = {}
    for name, _n in counts.most_common():
        words = name.split()
        if len(words) > 1 and name in people:
            for w in (words[0], words[-1]):
                full.setdefault(w, name)  # the most mentioned full name with that word
    out: list[str] = []
    for name, _n in counts.most_common():
        if name in people and " " not in name:
            name = full.get(name, name)
        if name not in out:
            out.append(name)
        if len(out) == k:
            break
    return out


_PRONOUN_START = re.compile(
    r"(?:the \w+ of )?(?:he|she|it|they|his|her|its|their|this|these|those)\b", re.I)


_NO_NEWS = re.compile(
    r"\b(?:declin|refus)\w* (?:to )?(?:comment|elaborate|confirm|discuss|say)|\bno comment\b"
    r"|\bcould not be reached\b|\bdid not (?:immediately )?(?:respond|return)\b", re.I)


def _no_news(summary: str) -> bool:
    """Whether a summary tells that a source said nothing ("BP declined to comment on its
    strategy"): an event many outlets report, and never what a brief should say."""
    return bool(_NO_NEWS.search(summary))


def _dangling(summary: str) -> bool:
    """Whether a summary opens on a pronoun that has nothing to point at in a brief ("Its
    cargo plane ...", "The headquarters of his organization ...")."""
    return bool(_PRONOUN_START.match(summary.strip()))


def _distinct_tellings(events: Sequence[Event], n: int) -> list[Event]:
    """The first ``n`` events that are not mostly told by the sentences of one taken before
    (a sentence's second event: "launched an appeal ... intended to help" gives two)."""
    out: list[Event] = []
    seen: list[set[tuple[str, str]]] = []
    for e in events:
        if len(out) == n:
            break
        told = {(s.document, s.sentence) for s in e.sources}
        if any(len(told & prev) * 2 > len(told) for prev in seen):
            continue
        out.append(e)
        seen.append(told)
    return out


#: Events dated further before a story's first article than this are its background.
BACKGROUND_DAYS = 31


def _story_range(event_dates: list[str], pub_dates: list[dt.date]) -> list[str]:
    """The sorted dates that span a story: its events' dates (TIMEX3 values: "2022-03-02",
    "2022-03", "2022") without background ones, only the days among them if there are any;
    else its publication days."""
    if not pub_dates:
        return sorted(event_dates)
    first = (min(pub_dates) - dt.timedelta(days=BACKGROUND_DAYS)).isoformat()
    # a coarse value ("2022", "2022-03") is inside when its last day can reach the window:
    # padded with 9s it sorts after every day it contains
    kept = sorted(d for d in event_dates if d[:10].ljust(10, "9") >= first)
    days = [d for d in kept if len(d) >= 10]  # days, where there are any, say it best
    return days or kept or sorted(p.isoformat() for p in pub_dates)


def _capitalised(text: str) -> str:
    """A summary that reads as a sentence: first letter upper-cased ("the sanctions ...")."""
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def as_sentence(text: str) -> str:
    """An event summary as a sentence of a brief: capitalized, closed by a full stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."
