"""From stored records to API shapes, plus the derived views (actor relations, text spans).

The web pages and the JSON API show the same data, so both call these functions.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from storyline.api.schemas import (
    ActorOut,
    ConflictOut,
    DocumentDetailOut,
    DocumentOut,
    EntityOut,
    EntityRef,
    EventOut,
    PairOut,
    ParagraphOut,
    PeriodOut,
    QuoteOut,
    RelationsOut,
    SourceOut,
    SpanOut,
    StoryOut,
)
from storyline.model import Document, Entity, Event, Quote, Story
from storyline.store.base import DocumentAnalysis, DocumentInfo

#: PLOVER categories that mean working together (or stepping back from a fight) ...
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
#: ... and those that mean conflict; REQUEST is neither.
CONFLICTUAL = frozenset({"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                         "COERCE", "ASSAULT"})


def tone_of(category: str | None, modality: str) -> str:
    """``cooperation``, ``conflict`` or ``neutral`` for one event (a negated one is neutral)."""
    if category is None or modality == "negated":
        return "neutral"
    if category in COOPERATIVE:
        return "cooperation"
    if category in CONFLICTUAL:
        return "conflict"
    return "neutral"


def period_of(date: str | None) -> str:
    """The month (or year) an event falls in, for grouping: ``2022-03``, ``2011``, ``undated``."""
    if not date:
        return "undated"
    return date[:7] if len(date) >= 7 else date[:4]


def entity_ref(eid: str, names: dict[str, str]) -> EntityRef:
    return EntityRef(id=eid, name=names.get(eid, eid))


def event_out(event: Event, names: dict[str, str]) -> EventOut:
    sources: list[SourceOut] = []
    seen: set[tuple[str, str]] = set()
    for m in event.mentions:
        seen.add((m.doc_id, m.sentence_text))
        sources.append(SourceOut(document=m.doc_id, sentence=m.sentence_text,
                                 sentence_index=m.sentence, trigger=m.trigger,
                                 start=m.start, end=m.end))
    for s in event.sources:
        if (s.document, s.sentence) not in seen:
            sources.append(SourceOut(document=s.document, sentence=s.sentence,
                                     copy_of=s.copy_of))
    location = next((m.location for m in event.mentions if m.location), None)
    return EventOut(
        id=event.id, date=event.date, summary=event.summary, category=event.type,
        action=event.action, mode=event.mode, modality=event.modality,
        actors=[entity_ref(a, names) for a in event.actors],
        targets=[entity_ref(t, names) for t in event.targets], location=location,
        outlets=event.outlets(), sources=sources,
        conflicts=[ConflictOut(field=c.field, values=c.values) for c in event.conflicts],
    )


def entity_out(entity: Entity) -> EntityOut:
    return EntityOut(id=entity.id, name=entity.name, type=entity.type, aliases=entity.aliases,
                     documents=entity.documents, mentions=len(entity.mentions))


def quote_out(q: Quote) -> QuoteOut:
    return QuoteOut(id=q.id, document=q.doc_id, text=q.text, speaker=q.speaker,
                    speaker_entity=q.speaker_entity, direct=q.direct, date=q.date,
                    medium=q.medium, cue=q.cue, sentence=q.sentence)


def document_out(d: DocumentInfo) -> DocumentOut:
    return DocumentOut(id=d.id, title=d.title, published=d.published, source=d.source,
                       author=d.author, url=d.url, language=d.language,
                       duplicate_of=d.duplicate_of, length=d.length)


def story_out(story: Story, latest: str | None) -> StoryOut:
    return StoryOut(id=story.id, label=story.label, brief=story.brief,
                    brief_events=story.brief_events, start=story.start, end=story.end,
                    key_dates=story.key_dates, documents=story.documents,
                    events=story.events, latest=latest)


def document_spans(analysis: DocumentAnalysis | None, names: dict[str, str]) -> list[SpanOut]:
    """Every annotated span of a document: sentences, entity mentions, time expressions,
    quotes and event triggers, in text order."""
    if analysis is None:
        return []
    spans: list[SpanOut] = [
        SpanOut(kind="sentence", start=s.start, end=s.end, ref=str(s.index))
        for s in analysis.sentences
    ]
    for m in analysis.mentions:
        label = m.label
        if m.entity_id and m.entity_id in names:
            label = f"{m.label}: {names[m.entity_id]}"
        spans.append(SpanOut(kind="mention", start=m.start, end=m.end, label=label,
                             ref=m.entity_id))
    for t in analysis.timexes:
        spans.append(SpanOut(kind="timex", start=t.start, end=t.end,
                             label=f"{t.type} {t.value}"))
    for q in analysis.quotes:
        who = q.speaker or "unknown speaker"
        spans.append(SpanOut(kind="quote", start=q.start, end=q.end,
                             label=f"{'quote' if q.direct else 'reported'}: {who}"))
    for e in analysis.event_mentions:
        spans.append(SpanOut(kind="event", start=e.start, end=e.end,
                             label=f"{e.category or 'event'} ({e.modality}): {e.summary}"))
    spans.sort(key=lambda s: (s.start, -s.end))
    return spans


def document_detail(
    doc: Document, duplicate_of: str | None, analysis: DocumentAnalysis | None,
    names: dict[str, str],
) -> DocumentDetailOut:
    return DocumentDetailOut(
        id=doc.id, title=doc.title, published=doc.published.isoformat() if doc.published else None,
        source=doc.source, author=doc.author, url=doc.url, language=doc.language,
        duplicate_of=duplicate_of, length=len(doc.text),
        standfirst=doc.standfirst, text=doc.text,
        paragraphs=[ParagraphOut(start=p.start, end=p.end, language=p.language, kind=p.kind)
                    for p in doc.paragraphs],
        spans=document_spans(analysis, names),
    )


def relations(events: Iterable[Event], entities: dict[str, Entity], top: int = 12) -> RelationsOut:
    """The main actors of a set of events and how each pair of them related over time.

    Two entities form a pair when one event involves both (as actors or targets); each pair
    lists, per month, the PLOVER categories of their shared events and the overall tone.
    """
    events = list(events)
    count: Counter[str] = Counter()
    shared: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for ev in events:
        people = list(dict.fromkeys([*ev.actors, *ev.targets]))
        count.update(people)
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                shared[(a, b) if a < b else (b, a)].append(ev)
    names = {eid: e.name for eid, e in entities.items()}
    actors = [ActorOut(id=eid, name=names.get(eid, eid), type=entities[eid].type
                       if eid in entities else None, events=n)
              for eid, n in count.most_common(top)]
    pairs: list[PairOut] = []
    for (a, b), evs in sorted(shared.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        by_period: dict[str, list[Event]] = defaultdict(list)
        for ev in evs:
            by_period[period_of(ev.date)].append(ev)
        periods = []
        for period in sorted(by_period, key=lambda p: (p == "undated", p)):
            pe = by_period[period]
            tones = {tone_of(e.type, e.modality) for e in pe} - {"neutral"}
            tone = "mixed" if len(tones) > 1 else (tones.pop() if tones else "neutral")
            cats = Counter(e.type or "OTHER" for e in pe)
            periods.append(PeriodOut(period=period, categories=dict(sorted(cats.items())),
                                     tone=tone, events=[e.id for e in pe]))  # type: ignore[arg-type]
        pairs.append(PairOut(a=entity_ref(a, names), b=entity_ref(b, names), events=len(evs),
                             periods=periods))
    return RelationsOut(actors=actors, pairs=pairs[: top * 2])
