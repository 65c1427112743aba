"""Report writers: the contract's JSON report, a self-contained HTML page, and Markdown.

Every piece of article text reaches HTML through Jinja2's autoescaping, so markup inside an
article shows as text and never runs.
"""

from __future__ import annotations

import json
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from storyline import __version__
from storyline.actors import actor_type
from storyline.model import Analysis, Quote
from storyline.stories import as_sentence


def build_report(analysis: Analysis, duplicates: dict[str, str] | None = None) -> dict[str, Any]:
    """The JSON report of the CLI contract (section 1), plus a few documented extra fields."""
    duplicates = duplicates or {}
    ent_names = {e.id: e.name for e in analysis.entities}
    return {
        "generator": {"name": "storyline", "version": __version__},
        "documents": [
            {
                "id": d.id,
                "title": d.title,
                "published": d.published.isoformat() if d.published else None,
                "language": d.language,
                "source": d.source,
                "author": d.author,
                "url": d.url,
                "standfirst": d.standfirst,
                "duplicate_of": duplicates.get(d.id),
                "paragraphs": [
                    {"start": p.start, "end": p.end, "language": p.language, "kind": p.kind}
                    for p in d.paragraphs
                ],
                "text": d.text,
            }
            for d in analysis.documents
        ],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "actor_type": e.actor_type or actor_type(e.name, e.type),
                "affiliations": [ent_names.get(a, a) for a in e.affiliations],
                "aliases": e.aliases,
                "documents": e.documents,
                "mentions": len(e.mentions),
            }
            for e in analysis.entities
        ],
        "events": [
            {
                "id": e.id,
                "date": e.date,
                "summary": e.summary,
                "type": e.type,
                "action": e.action,
                "mode": e.mode,
                "modality": e.modality,
                "actors": e.actors,
                "targets": e.targets,
                "actor_names": [ent_names.get(a, a) for a in e.actors],
                "target_names": [ent_names.get(t, t) for t in e.targets],
                "location": next((m.location for m in e.mentions if m.location), None),
                "outlets": e.outlets(),
                "conflicts": [{"field": c.field, "values": c.values} for c in e.conflicts],
                "sources": [{"document": s.document, "sentence": s.sentence}
                            | ({"copy_of": s.copy_of} if s.copy_of else {})
                            for s in e.sources],
            }
            for e in analysis.events
        ],
        "quotes": [_quote(q) for q in analysis.quotes],
        "stories": [
            {
                "id": s.id,
                "label": s.label,
                "documents": s.documents,
                "events": s.events,
                "brief": s.brief,
                "brief_events": s.brief_events,
                "start": s.start,
                "end": s.end,
                "key_dates": s.key_dates,
            }
            for s in analysis.stories
        ],
    }


def _quote(q: Quote) -> dict[str, Any]:
    return {
        "id": q.id,
        "document": q.doc_id,
        "text": q.text,
        "speaker": q.speaker,
        "speaker_entity": q.speaker_entity,
        "direct": q.direct,
        "date": q.date,
        "medium": q.medium,
        "cue": q.cue,
        "speaker_via": q.speaker_via,
        # offsets in the document's text: the quoted words and the words naming the speaker
        # (for a pronoun or role noun, the name it was resolved to)
        "start": q.start,
        "end": q.end,
        "speaker_start": q.speaker_start,
        "speaker_end": q.speaker_end,
    }


def write_json(report: dict[str, Any], path: Path) -> None:
    _atomic_write(path, json.dumps(report, ensure_ascii=False, indent=2) + "\n")


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FunctionLoader(
            lambda name: resources.files("storyline.templates").joinpath(name).read_text("utf-8")
        ),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _view(report: dict[str, Any]) -> dict[str, Any]:
    """Indexes the templates need: names by id, quotes by speaker, titles by document."""
    docs = {d["id"]: d for d in report["documents"]}
    by_speaker: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in report["quotes"]:
        by_speaker[q["speaker"] or "Unattributed"].append(q)
    speakers = sorted(by_speaker.items(), key=lambda kv: (kv[0] == "Unattributed", -len(kv[1])))
    events = {e["id"]: e for e in report["events"]}
    return {
        "report": report,
        "brief_parts": {
            s["id"]: [(as_sentence(events[i]["summary"]), events[i])
                      for i in s.get("brief_events", []) if i in events]
            for s in report["stories"]
        },
        "docs": docs,
        "anchor": {doc_id: f"doc-{n}" for n, doc_id in enumerate(docs, 1)},
        "categories": sorted({e["type"] for e in report["events"] if e["type"]}),
        "entity": {e["id"]: e for e in report["entities"]},
        "speakers": speakers,
        "version": __version__,
    }


def render_html(report: dict[str, Any]) -> str:
    return _environment().get_template("report.html.j2").render(**_view(report))


def render_markdown(report: dict[str, Any]) -> str:
    env = _environment()
    env.autoescape = False  # Markdown: article text is escaped by the md filter instead
    env.filters["md"] = _md_escape
    return env.get_template("report.md.j2").render(**_view(report))


def _md_escape(text: object) -> str:
    s = "" if text is None else str(text)
    for ch in "\\`*_[]<>|#":
        s = s.replace(ch, "\\" + ch)
    return " ".join(s.split())


def write_html(report: dict[str, Any], path: Path) -> None:
    _atomic_write(path, render_html(report))


def write_markdown(report: dict[str, Any], path: Path) -> None:
    _atomic_write(path, render_markdown(report))
