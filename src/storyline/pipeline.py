"""The analysis pipeline: ingest -> clean -> store -> per-document stages -> corpus stages.

Each stage is a plain function from another module; this module only wires them together,
keeps the store up to date and reports progress.  Per-document results are cached in the store
under :data:`PIPELINE_VERSION`, so re-running on the same input analyses nothing twice.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np
from datasketch import MinHash, MinHashLSH
from spacy.language import Language
from spacy.tokens import Doc

from storyline import entities as entities_stage
from storyline import events as events_stage
from storyline import quotes as quotes_stage
from storyline import time as time_stage
from storyline.actors import GROUP, actor_type, capital_states, group_entities, is_group
from storyline.clean import clean
from storyline.clustering import StoryClusterer, document_terms
from storyline.codec import encode
from storyline.ingest import DEFAULT_MAX_BYTES, IngestError, iter_files, read_file
from storyline.model import (
    Analysis,
    Argument,
    Document,
    Entity,
    Event,
    EventMention,
    Mention,
    Quote,
    RawArticle,
    Sentence,
    SourceRef,
)
from storyline.store import DocumentAnalysis, IngestOutcome, Store
from storyline.stories import affiliations, describe_stories, merge_events, order_events

#: Bump when a per-document stage changes its output, so stored analyses are redone.
PIPELINE_VERSION = "4"

#: Jaccard similarity of word 5-shingles above which two articles are near-duplicates.
NEAR_DUPLICATE_THRESHOLD = 0.8
_NUM_PERM = 128


class Progress(Protocol):
    """Receives progress of long work (the CLI shows it with Rich)."""

    def stage(self, name: str, total: int | None) -> None: ...

    def advance(self, item: str | None = None) -> None: ...

    def problem(self, error: IngestError) -> None: ...


class SilentProgress:
    def stage(self, name: str, total: int | None) -> None:
        pass

    def advance(self, item: str | None = None) -> None:
        pass

    def problem(self, error: IngestError) -> None:
        pass


@dataclass
class RunResult:
    analysis: Analysis
    errors: list[IngestError] = field(default_factory=list)
    outcomes: list[IngestOutcome] = field(default_factory=list)
    duplicates: dict[str, str] = field(default_factory=dict)  # doc id -> original id


# -- hashing ---------------------------------------------------------------------------------

def raw_hash(raw: RawArticle) -> str:
    """Hash of everything read from the input: equal hashes mean the same input."""
    payload = encode(dataclasses.replace(raw, origin=""))
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


_WS = re.compile(r"\s+")
_WORDS = re.compile(r"\w+")


def text_hash(text: str) -> str:
    return hashlib.sha256(_WS.sub(" ", text.strip().lower()).encode()).hexdigest()


def minhash_of(text: str) -> MinHash:
    words = _WORDS.findall(text.lower())
    mh = MinHash(num_perm=_NUM_PERM, seed=7, scheme="affine64")
    shingles = {" ".join(words[i:i + 5]) for i in range(max(1, len(words) - 4))}
    mh.update_batch([sh.encode() for sh in shingles])  # one numpy pass, same hash values
    return mh


def _mh_from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=_NUM_PERM, seed=7, scheme="affine64",
                   hashvalues=np.frombuffer(data, dtype=np.uint64))


# -- stages ----------------------------------------------------------------------------------

def ingest(
    paths: Sequence[Path], store: Store, progress: Progress, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[str], list[IngestError], list[IngestOutcome], dict[str, str]]:
    """Read, clean and store every article under ``paths``; returns the ids in input order."""
    files = iter_files(list(paths))
    progress.stage("Reading articles", len(files))
    lsh = MinHashLSH(threshold=NEAR_DUPLICATE_THRESHOLD, num_perm=_NUM_PERM)
    signatures: dict[str, MinHash] = {}
    for doc_id, blob in store.minhashes():
        mh = _mh_from_bytes(blob)
        signatures[doc_id] = mh
        lsh.insert(doc_id, mh)
    ids: list[str] = []
    errors: list[IngestError] = []
    outcomes: list[IngestOutcome] = []
    duplicates: dict[str, str] = {}
    for path, id_base in files:
        raws, errs = read_file(path, id_base, max_bytes=max_bytes)
        for err in errs:
            errors.append(err)
            progress.problem(err)
        for raw in raws:
            try:
                doc = clean(raw)
            except Exception as exc:  # a bug or a pathological input: report, go on
                err = IngestError(raw.origin, f"could not clean article {raw.id}: {exc}",
                                  "Check that the file is a news article; report a bug if so.")
                errors.append(err)
                progress.problem(err)
                continue
            if not doc.text.strip():
                err = IngestError(raw.origin, f"article {raw.id} has no body text after cleaning",
                                  "Check that the file holds the article's text, not only "
                                  "navigation or comments.")
                errors.append(err)
                progress.problem(err)
                continue
            mh = minhash_of(doc.text)
            outcome = store.put_document(
                doc, raw_hash(raw), text_hash(doc.text),
                np.asarray(mh.hashvalues, dtype=np.uint64).tobytes(),
            )
            if outcome.status in ("new", "updated"):
                near = [c for c in lsh.query(mh) if c != doc.id]
                best = max(near, key=lambda c: mh.jaccard(signatures[c]), default=None)
                if best is not None:
                    sim = mh.jaccard(signatures[best])
                    store.set_duplicate(doc.id, best, sim)
                    outcome = IngestOutcome(doc.id, "near_duplicate", best, sim)
                elif doc.id not in signatures:
                    signatures[doc.id] = mh
                    lsh.insert(doc.id, mh)
            dup = store.duplicate_of(doc.id)
            if dup:
                duplicates[doc.id] = dup
            outcomes.append(outcome)
            if doc.id not in ids:
                ids.append(doc.id)
        progress.advance(id_base)
    return ids, errors, outcomes, duplicates


def analyse_document(doc: Document, sdoc: Doc) -> DocumentAnalysis:
    """Run every per-document stage on one cleaned document and its spaCy parse."""
    sentences: list[Sentence] = []
    for sent in sdoc.sents:
        text = sent.text
        lead = len(text) - len(text.lstrip())
        stripped = text.strip()
        if not stripped:
            continue
        start = sent.start_char + lead
        para = doc.paragraph_at(start)
        sentences.append(Sentence(doc.id, len(sentences), start, start + len(stripped), stripped,
                                  para.language if para else doc.language))
    timexes = time_stage.tag(doc.text, doc.published, sdoc)
    mentions = entities_stage.extract_mentions(doc, sdoc)
    starts = [s.start for s in sentences]
    mentions = [dataclasses.replace(m, sentence=_sentence_index(starts, m.start)) for m in mentions]
    event_mentions = events_stage.extract_events(doc, sdoc, timexes)
    quotes = quotes_stage.extract_quotes(doc, sdoc, timexes)
    return DocumentAnalysis(doc.id, PIPELINE_VERSION, sentences, timexes, mentions,
                            event_mentions, quotes)


def _sentence_index(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


#: Texts per batch sent to a parser process.  Small batches keep the workers' memory low
#: (long articles in one batch are what drives a worker's peak) at no cost in speed: on 300
#: bpoil articles with two workers, batches of 16 / 8 / 4 peaked at 1,651 / 1,405 / 1,378 MB
#: for all processes together, in 54.6 / 59.5 / 53.7 s.
PARSE_BATCH_SIZE = 4


def analyse_documents(
    doc_ids: Sequence[str], store: Store, nlp: Language, progress: Progress,
    processes: int | None = None,
) -> list[IngestError]:
    """Analyse the documents that have no current analysis in the store.

    spaCy parses in ``processes`` worker processes (default: two for batches of 50 documents
    or more, where the start-up cost pays off) while this process runs the other stages.
    """
    todo: list[Document] = []
    for doc_id in doc_ids:
        if store.duplicate_of(doc_id):
            continue
        current = store.get_analysis(doc_id)
        if current is not None and current.pipeline_version == PIPELINE_VERSION:
            continue
        doc = store.get_document(doc_id)
        if doc is not None:
            todo.append(doc)
    errors: list[IngestError] = []
    progress.stage("Analysing documents", len(todo))
    if processes is None:
        processes = 2 if len(todo) >= 50 else 1
    parses = nlp.pipe((d.text for d in todo), batch_size=PARSE_BATCH_SIZE,
                      n_process=max(1, processes))
    for doc, sdoc in zip(todo, parses, strict=True):
        try:
            store.put_analysis(analyse_document(doc, sdoc))
        except Exception as exc:
            err = IngestError(doc.origin or doc.id, f"analysis of {doc.id} failed: {exc!r}",
                              "The document stays stored; report this as a bug with the file.")
            errors.append(err)
            progress.problem(err)
        progress.advance(doc.id)
    return errors


def _resolve_argument(arg: Argument, doc_id: str, index: entities_stage.EntityIndex) -> Argument:
    text = arg.text
    if arg.via is None and 0 < arg.end - arg.start < len(arg.text):
        # "supporters of former President Ahmed Ben Bella": the offsets cover the group's own
        # words, and the name it belongs to is not the group
        text = arg.text[: arg.end - arg.start]
    eid = index.resolve(doc_id, arg.start, arg.end, text)
    if eid is not None and index.get(eid).type in ("GPE", "NORP", "LOC") and (
            # "the US space agency" (a role noun resolved to a place) is not the United States
            (arg.via and _names_an_organisation(arg.text))
            # "private Russian space companies", "Iraqi towns": a group or thing tied to a
            # nation is not the nation
            or (arg.via is None and _common_noun_head(arg.text))):
        eid = None  # left unresolved, not wrong
    return dataclasses.replace(arg, entity_id=eid)


def _common_noun_head(words: str) -> bool:
    """Whether a phrase of several words ends in a lower-case word (a common-noun head)."""
    parts = words.split()
    return len(parts) > 1 and parts[-1].isalpha() and parts[-1].islower()


def _names_an_organisation(words: str) -> bool:
    return any(w in entities_stage.ORG_NOUNS for w in re.findall(r"[a-z']+", words.lower()))


_PERFECT_BEFORE = re.compile(r"\b(?:has|have)\b[^.,;:!?]{0,40}$")


_NAME_LIKE = re.compile(r"[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|and|de|du|von|van))*")
_NOT_NAMES = frozenset({"He", "She", "It", "They", "We", "I", "You", "This", "That", "These",
                        "Those", "There", "Who", "Which"})


def _assign_stories(
    store: Store, documents: dict[str, Document], entities: list[Entity]
) -> dict[str, list[str]]:
    """Story id -> document ids, assigning only documents the clusterer has not seen.

    The clusterer's state lives in the store, so adding articles never re-clusters the old
    ones; documents are offered in publication order (undated ones last).
    """
    saved = store.get_state("stories")
    clusterer = StoryClusterer.from_dict(saved) if saved else StoryClusterer()
    names_in: dict[str, list[str]] = {}
    for ent in entities:
        if is_group(ent):
            continue  # "aid agencies", "police": words every story may use, not a name
        for m in ent.mentions:
            names_in.setdefault(m.doc_id, []).append(ent.name.lower())
    new = [d for d in documents.values() if d.id not in clusterer.story_of]
    new.sort(key=lambda d: (d.published is None, d.published or dt.date.min, d.id))
    for d in new:
        clusterer.add(d.id, document_terms(d.text, names_in.get(d.id, ()), d.title),
                      d.published)
    if new:
        store.put_state("stories", clusterer.to_dict())
    members: dict[str, list[str]] = {}
    for doc_id, sid in clusterer.story_of.items():
        if doc_id in documents:
            members.setdefault(sid, []).append(doc_id)
    return members


def _promote_names(
    candidates: Sequence[tuple[str, Argument]], documents: dict[str, Document],
    entities: list[Entity], index: entities_stage.EntityIndex,
) -> bool:
    """Names that act or speak but that NER missed everywhere become entities.

    The small model misses some names entirely (a company written in camel case, say). When
    the parse shows such a name as the subject of an event or the speaker of a quote, it is an
    entity: its mentions are every whole-word occurrence in the documents; its type stays
    unknown (None) rather than guessed.  Returns whether any entity was added.
    """
    found: dict[str, set[str]] = {}
    for doc_id, arg in candidates:
        name = arg.text.strip()
        if (not _NAME_LIKE.fullmatch(name) or name in _NOT_NAMES or len(name) < 2
                or index.resolve(doc_id, arg.start, arg.end, name) is not None):
            continue
        found.setdefault(name, set()).add(doc_id)
    added = 0
    first_words = {n.split()[0] for n in found}
    docs_with: dict[str, list[Document]] = {}
    for d in documents.values():
        for w in first_words & set(_WORDS.findall(d.text)):
            docs_with.setdefault(w, []).append(d)
    for name in sorted(found):
        eid = f"E{len(entities) + 1}"
        pattern = re.compile(rf"(?<![\w@#]){re.escape(name)}(?![\w])")
        mentions = [
            Mention(d.id, m.start(), m.end(), name, "MISC", entity_id=eid)
            for d in docs_with.get(name.split()[0], ()) for m in pattern.finditer(d.text)
        ]
        # a capitalised common word ("Officials said") is capitalised only where a sentence
        # starts; a name is capitalised in the middle of a sentence too
        if not any(_mid_sentence(documents[m.doc_id].text, m.start) for m in mentions):
            continue
        # ... and is never written in lower case: "Some", "Aid" or "Security" at the start
        # of a headline joined to the next line are common words the texts also write as
        # "some", "aid", "security"
        lower = re.compile(rf"(?<![\w@#]){re.escape(name.lower())}(?![\w])")
        if name.lower() != name and any(lower.search(documents[d].text)
                                         for d in {m.doc_id for m in mentions}):
            continue
        entities.append(Entity(eid, name, None, [name], sorted({m.doc_id for m in mentions}),
                               mentions))
        added += 1
    return added > 0


def _mid_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘(")
    return bool(before) and before[-1] not in ".!?:\n"


def _date_from_embeds(quotes: list[Quote]) -> list[Quote]:
    """An article that quotes a post and then embeds it: the quote takes the embed's date.

    Only the nearest earlier direct quote of the same speaker and medium, in the same document
    and at least half as long as the post, qualifies.
    """
    out = list(quotes)
    for i, q in enumerate(out):
        if not (q.speaker_via or "").startswith("@") or not q.date or not q.speaker_entity:
            continue
        for j in range(i - 1, -1, -1):
            p = out[j]
            if p.doc_id != q.doc_id:
                break
            # the quoted post itself (perhaps translated) is about as long as the embed
            if p.speaker_entity == q.speaker_entity and p.medium == q.medium and p.direct \
                    and len(p.text) >= len(q.text) / 2:
                if p.date is None:
                    out[j] = dataclasses.replace(p, date=q.date)
                break
    return out


def _actor_type(entity: Entity, documents: dict[str, Document]) -> str:
    """The actor type most of an entity's first mentions suggest, read in their context."""
    if is_group(entity):
        # a group named by common words: its own words say what it is ("Israeli army")
        kind = actor_type(entity.name, None)
        return GROUP if kind in ("other", "organisation") else kind
    votes: Counter[str] = Counter()
    for m in entity.mentions[:8]:
        doc = documents.get(m.doc_id)
        window = doc.text[max(0, m.start - 60):m.end + 60] if doc else None
        votes[actor_type(m.text, entity.type, window)] += 1
    specific = [t for t, _ in votes.most_common() if t not in ("organisation", "other")]
    if specific:
        return specific[0]
    return votes.most_common(1)[0][0] if votes else actor_type(entity.name, entity.type)


def _keyword_aliases(entities: Sequence[Entity], documents: Iterable[Document]) -> dict[str, str]:
    """Lower-cased names that an event keyword may stand for ("iss" for the ISS), leaving out
    one-word names that the documents write in lower case at least as often as the entity is
    mentioned: "People" or "Rescue" read as names at the start of a headline are the common
    words "people" and "rescue" everywhere else."""
    single = {a.lower() for e in entities for a in e.aliases if a.isalpha()}
    lower_counts = entities_stage.lower_case_counts(documents, single)
    out: dict[str, str] = {}
    for e in entities:
        for a in e.aliases:
            key = a.lower()
            if a.isalpha() and lower_counts[key] >= len(e.mentions):
                continue
            out[key] = e.id
    return out


def _kind(entity_type: str | None) -> str:
    """Coarse kind of an entity type: a place is not in conflict with an organisation."""
    if entity_type in ("GPE", "LOC", "NORP", "FAC"):
        return "place"
    if entity_type == "PERSON":
        return "person"
    return "organisation"


def _date_from_lead(m: EventMention, doc: Document) -> EventMention:
    """The lead's main event, told in the present perfect, happened by the publication date.

    News leads report the news of the day ("Russia has decided to stop deliveries ..."): the
    first event of a document's first body sentence, in the present perfect and without a date
    of its own, takes the publication date.  Nothing else is dated without a time expression.
    """
    if m.date or doc.published is None or m.modality not in ("asserted", "planned"):
        return m
    lead = next((p for p in doc.paragraphs if p.kind == "body"), None)
    if lead is None or not (lead.start <= m.start < lead.end):
        return m
    first_end = re.search(r"[.!?](?:\s|$)", doc.text[lead.start:lead.end])
    if first_end and m.start > lead.start + first_end.end():
        return m
    before = doc.text[max(lead.start, m.start - 60):m.start]
    if not _PERFECT_BEFORE.search(before):
        return m
    return dataclasses.replace(m, date=doc.published.isoformat())


def _add_copies(events: list[Event], duplicate_of: dict[str, str | None], store: Store) -> None:
    """List a duplicate article among the sources of the events its original tells, where
    the sentence is in the copy word for word (a syndicated copy tells the same events; it is
    marked ``copy_of`` so that it does not count as an independent outlet)."""
    copies: dict[str, list[str]] = {}
    for doc_id, original in duplicate_of.items():
        if original:
            copies.setdefault(original, []).append(doc_id)
    if not copies:
        return
    texts: dict[str, str] = {}
    for doc_id in (c for cs in copies.values() for c in cs):
        d = store.get_document(doc_id)
        texts[doc_id] = d.text if d is not None else ""
    for ev in events:
        extra = [SourceRef(c, s.sentence, copy_of=s.document) for s in ev.sources
                 for c in copies.get(s.document, ()) if s.sentence in texts[c]]
        ev.sources.extend(x for x in extra if x not in ev.sources)


def build_corpus(store: Store, scope: Sequence[str], progress: Progress) -> Analysis:
    """Corpus stages over every analysed document in the store; the result covers ``scope``."""
    progress.stage("Merging entities, events and quotes", None)
    duplicate_of = {i: store.duplicate_of(i) for i in store.document_ids()}
    all_ids = [i for i, original in duplicate_of.items() if not original]
    documents: dict[str, Document] = {}
    analyses: dict[str, DocumentAnalysis] = {}
    for doc_id in all_ids:
        a = store.get_analysis(doc_id)
        d = store.get_document(doc_id)
        if a is not None and d is not None:
            analyses[doc_id] = a
            documents[doc_id] = d
    rank = {doc_id: n for n, doc_id in enumerate(all_ids)}

    mentions = [m for a in analyses.values() for m in a.mentions]
    entities = entities_stage.drop_common_words(
        list(documents.values()), entities_stage.merge_entities(mentions))
    entities_stage.link_other_scripts(list(documents.values()), entities)
    index = entities_stage.EntityIndex(entities)
    candidates = [(doc_id, x) for doc_id, a in analyses.items() for em in a.event_mentions
                  for x in (*em.actors, *em.targets) if x.via is None]
    candidates += [(doc_id, Argument(q.speaker,
                                     -1 if q.speaker_start is None else q.speaker_start,
                                     -1 if q.speaker_end is None else q.speaker_end))
                   for doc_id, a in analyses.items() for q in a.quotes
                   if q.speaker and q.speaker_via is None]
    if _promote_names(candidates, documents, entities, index):
        index = entities_stage.EntityIndex(entities)

    event_mentions: list[EventMention] = []
    for doc_id, a in analyses.items():
        for em in a.event_mentions:
            event_mentions.append(dataclasses.replace(
                em,
                actors=[_resolve_argument(x, doc_id, index) for x in em.actors],
                targets=[_resolve_argument(x, doc_id, index) for x in em.targets],
                source=_resolve_argument(em.source, doc_id, index) if em.source else None,
            ))
    event_mentions = group_entities(event_mentions, entities)
    resolved_mentions = [m for e in entities for m in e.mentions]
    parents = affiliations(list(documents.values()), resolved_mentions,
                           {e.id: e.type for e in entities})
    for capital, states in capital_states(entities).items():
        parents.setdefault(capital, set()).update(states)
    for ent in entities:
        ent.affiliations = sorted(parents.get(ent.id, ()))
        ent.actor_type = _actor_type(ent, documents)
    first_start: dict[str, int] = {}
    for m in event_mentions:
        first_start[m.doc_id] = min(first_start.get(m.doc_id, m.start), m.start)
    event_mentions = [
        _date_from_lead(m, documents[m.doc_id]) if m.start == first_start[m.doc_id] else m
        for m in event_mentions
    ]
    # stories first: events are merged within a story, never across stories
    members = _assign_stories(store, documents, entities)
    story_of = {d: sid for sid, docs in members.items() for d in docs}
    by_story: dict[str, list[EventMention]] = {}
    for m in event_mentions:
        by_story.setdefault(story_of.get(m.doc_id, ""), []).append(m)
    # a group named by common words has no kind: "major space agencies" is not held to
    # contradict "the ISS" the way two named organisations do
    kinds = {e.id: _kind(e.type) for e in entities
             if not is_group(e)}
    aliases = _keyword_aliases(entities, documents.values())
    events = [
        ev
        for block in by_story.values()
        for ev in merge_events(block, order=lambda m: (rank.get(m.doc_id, 0), m.sentence),
                               parents=parents, kinds=kinds, aliases=aliases)
    ]
    events = order_events(events, lambda m: (rank.get(m.doc_id, 0), m.sentence))
    _add_copies(events, duplicate_of, store)

    quotes: list[Quote] = []
    for doc_id in all_ids:
        if doc_id not in analyses:
            continue
        for q in analyses[doc_id].quotes:
            eid = None
            if q.speaker and q.speaker_start is not None and q.speaker_end is not None:
                eid = index.resolve(doc_id, q.speaker_start, q.speaker_end, q.speaker)
            elif q.speaker:
                eid = index.resolve(doc_id, -1, -1, q.speaker)
            if eid is None and q.speaker_via and q.speaker_via.startswith("@"):
                eid = index.resolve(doc_id, -1, -1, q.speaker_via[1:])  # a social media handle
            name = index.get(eid).name if eid else q.speaker
            if eid and q.speaker_via and q.speaker_via.startswith("@"):
                # a post's display name and handle are spellings of its author too
                ent = index.get(eid)
                for form in (q.speaker, q.speaker_via):
                    if form and form not in ent.aliases:
                        ent.aliases.append(form)
            quotes.append(dataclasses.replace(q, speaker=name, speaker_entity=eid,
                                              id=f"Q{len(quotes) + 1}"))

    quotes = _date_from_embeds(quotes)
    day_mentions = {
        doc_id: Counter(t.value[:10] for t in a.timexes
                        if (c := t.calendar_date()) and len(c) == 10)
        for doc_id, a in analyses.items()
    }
    stories = describe_stories(
        members, events, entities, day_mentions,
        published={i: d.published for i, d in documents.items()},
        # the key phrase is read from English texts: its stop words are English
        texts={i: f"{d.title or ''}\n{d.text}" for i, d in documents.items()
               if (d.language or "en").startswith("en")})
    # a duplicate belongs to the story of the article it duplicates
    story_by_doc = {d: st for st in stories for d in st.documents}
    for doc_id, original in duplicate_of.items():
        if original and original in story_by_doc:
            story_by_doc[original].documents.append(doc_id)
    store.put_corpus(entities, events, stories)
    store.put_quotes(quotes)

    in_scope = set(scope)
    return Analysis(
        documents=[d for i in scope
                   if (d := documents.get(i) or store.get_document(i)) is not None],
        sentences={i: analyses[i].sentences for i in scope if i in analyses},
        timexes={i: analyses[i].timexes for i in scope if i in analyses},
        entities=[e for e in entities if in_scope & set(e.documents)],
        events=[e for e in events if any(s.document in in_scope for s in e.sources)],
        quotes=[q for q in quotes if q.doc_id in in_scope],
        stories=[s for s in stories if in_scope & set(s.documents)],
    )


def run(
    paths: Iterable[Path], store: Store, nlp: Language, progress: Progress | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES, processes: int | None = None,
) -> RunResult:
    """Ingest ``paths`` into ``store``, analyse what is new, and return the batch's analysis."""
    progress = progress or SilentProgress()
    ids, errors, outcomes, duplicates = ingest(list(paths), store, progress, max_bytes)
    errors += analyse_documents(ids, store, nlp, progress, processes)
    analysis = build_corpus(store, ids, progress)
    return RunResult(analysis, errors, outcomes, duplicates)
