"""PolNeAR reader and attribution scorer (used by ``bench_quotes.py`` and its tests).

PolNeAR (Newell, Margolin and Ruths 2018) annotates attributions in brat standoff format: a
``Source`` (who), a ``Cue`` (said, according to, ...) and a ``Content`` (what), tied together by
an ``E`` line.  Spans may be discontinuous (``Content 315 448;463 553``).

Scoring (defined here; PolNeAR gives no official scorer).  All comparisons are over the
*significant* characters of a span: letters and digits, so that quote marks, spaces and
punctuation at the edges never decide a match.

* A gold attribution is **direct** when its content contains a quote mark (it quotes words
  verbatim, in whole or in part: ``“ ” " « »``); otherwise it is **indirect**.  With this
  definition a third of PolNeAR's attributions are direct, and a perfect direct-quote-only
  extractor reaches an attributed F1 of about 0.49 (the anchor figure).
* A predicted quote **hits** a gold attribution when at least half of the prediction's
  significant characters lie inside that gold content.  A prediction may hit several golds
  (a partial quote inside a long paraphrase); it counts once.
* A gold attribution is **found** when a prediction hits it.  It is **covered** (the strict
  variant) when the predictions that hit it cover at least half of its significant characters
  together (a quote split by "he said" is covered by its two halves; a two-word partial quote
  does not cover a long paraphrase around it).
* The **speaker is right** for a (prediction, gold) pair when the gold has a source and (a) the
  predicted speaker's span overlaps the gold source span, or (b) the last word of the predicted
  speaker's name ("Obama" of "Barack Obama") is a word of the gold source ("Mr. Obama"), or
  (c) the gold source is a pronoun ("he", "who", ...) and the prediction names the same
  pronoun as the words it resolved (``speaker_via``).  PolNeAR has no coreference, so (c) takes
  the resolution on trust; a system that returns the pronoun itself scores through (a).
* **Attributed** precision: the share of predictions that hit a gold with the right speaker;
  attributed recall: the share of golds found by predictions with the right speaker; attributed
  F1 their harmonic mean.  Plain (speaker-blind) precision / recall use hits and finds alone.
  The strict attributed F1 uses covered instead of found.
* **Speaker accuracy**: among found golds, the share found with the right speaker.

Annotators: each article has one ``.ann`` per annotator; the first by sorted file name is used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

Spans = tuple[tuple[int, int], ...]

PRONOUNS: frozenset[str] = frozenset({
    "he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "him", "her", "them",
    "his", "its", "their", "whom",
})
QUOTE_MARKS: frozenset[str] = frozenset({"“", "”", '"', "«", "»"})
_OPEN_CLOSE: dict[str, str] = {"“": "”", "«": "»", '"': '"'}
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution: content, source (None when unnamed) and cue spans."""

    content: Spans
    source: Spans | None
    source_text: str | None
    cue: Spans
    direct: bool


@dataclass(frozen=True)
class Prediction:
    """A quote found by a system: its content span, whether direct, and its speaker."""

    start: int
    end: int
    direct: bool
    speaker: str | None = None
    speaker_spans: Spans = ()
    speaker_via: str | None = None


@dataclass
class Article:
    name: str
    text: str
    gold: list[GoldAttribution]


@dataclass
class Counts:
    """Counts of one scoring run, summable over articles."""

    gold: int = 0
    gold_direct: int = 0
    gold_indirect: int = 0
    pred: int = 0
    pred_direct: int = 0
    pred_hit: int = 0
    pred_hit_speaker: int = 0
    found: int = 0
    found_speaker: int = 0
    found_direct: int = 0
    found_direct_speaker: int = 0
    found_indirect: int = 0
    found_indirect_speaker: int = 0
    covered: int = 0
    covered_speaker: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for name, value in vars(other).items():
            if name == "errors":
                self.errors.extend(other.errors)
            else:
                setattr(self, name, getattr(self, name) + value)

    def metrics(self) -> dict[str, float]:
        """Precision, recall, F1 (plain and attributed), speaker accuracy, direct recall."""

        def div(a: int, b: int) -> float:
            return a / b if b else 0.0

        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        p, r = div(self.pred_hit, self.pred), div(self.found, self.gold)
        ap, ar = div(self.pred_hit_speaker, self.pred), div(self.found_speaker, self.gold)
        return {
            "precision": p, "recall": r, "f1": f1(p, r),
            "attributed_precision": ap, "attributed_recall": ar, "attributed_f1": f1(ap, ar),
            "strict_attributed_recall": div(self.covered_speaker, self.gold),
            "strict_attributed_f1": f1(ap, div(self.covered_speaker, self.gold)),
            "strict_recall": div(self.covered, self.gold),
            "speaker_accuracy": div(self.found_speaker, self.found),
            "direct_recall": div(self.found_direct, self.gold_direct),
            "direct_attributed_recall": div(self.found_direct_speaker, self.gold_direct),
            "indirect_recall": div(self.found_indirect, self.gold_indirect),
            "indirect_attributed_recall": div(self.found_indirect_speaker, self.gold_indirect),
        }


# ------------------------------------------------------------------------------ reading


def quote_mark_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside paired quote marks, paired within each line."""
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", text):
        line, base = m.group(), m.start()
        i = 0
        while i < len(line):
            ch = line[i]
            close = _OPEN_CLOSE.get(ch)
            if close is None:
                i += 1
                continue
            j = line.find(close, i + 1)
            if j < 0:
                out.append((base + i + 1, base + len(line)))  # runs on to the line end
                break
            out.append((base + i + 1, base + j))
            i = j + 1
    return out


def significant(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    """Offsets of the letters and digits inside ``spans``."""
    return {i for s, e in spans for i in range(max(0, s), min(len(text), e))
            if text[i].isalnum()}


def _parse_spans(field_: str) -> Spans:
    out = []
    for part in field_.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def parse_ann(ann: str, text: str) -> list[GoldAttribution]:
    """The attributions of one brat ``.ann`` file (its text is needed for direct / indirect)."""
    spans: dict[str, tuple[str, Spans, str]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, where = parts[1].partition(" ")
            spans[parts[0]] = (kind, _parse_spans(where), parts[2] if len(parts) > 2 else "")
        elif line.startswith("E") and len(parts) >= 2:
            roles: dict[str, str] = {}
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                roles[re.sub(r"\d+$", "", role)] = ref
            events.append(roles)
    out: list[GoldAttribution] = []
    for roles in events:
        content_ref = roles.get("Content")
        if content_ref not in spans:
            continue
        content = spans[content_ref][1]
        src = spans.get(roles.get("Source", ""))
        cue = spans.get(roles.get("Cue", ""))
        written = "".join(text[s:e] for s, e in content)
        out.append(GoldAttribution(
            content=content,
            source=src[1] if src else None,
            source_text=src[2] if src else None,
            cue=cue[1] if cue else (),
            direct=any(ch in written for ch in QUOTE_MARKS),
        ))
    return out


def load_split(root: Path, split: str, limit: int | None = None) -> list[Article]:
    """Articles of ``root/<split>`` (``train`` or ``dev``) with the first annotator's gold."""
    text_dir, ann_dir = root / split / "text", root / split / "attributions"
    anns: dict[str, Path] = {}
    for p in sorted(ann_dir.glob("*.ann")):
        stem = re.sub(r"_[0-9a-f]{4}$", "", p.stem)
        anns.setdefault(stem, p)
    out: list[Article] = []
    for t in sorted(text_dir.glob("*.txt")):
        if t.stem not in anns:
            continue
        text = t.read_text(encoding="utf-8")
        out.append(Article(t.stem, text, parse_ann(anns[t.stem].read_text(encoding="utf-8"),
                                                   text)))
        if limit is not None and len(out) >= limit:
            break
    return out


# ------------------------------------------------------------------------------ scoring


def _words(s: str) -> set[str]:
    return {w.strip(".'’").lower() for w in _WORD.findall(s)}


def speaker_right(pred: Prediction, gold: GoldAttribution, text: str) -> bool:
    """Whether ``pred`` names the gold attribution's source (rules (a)-(c) of the module doc)."""
    if gold.source is None or not gold.source_text:
        return False
    if any(ps < ge and gs < pe for ps, pe in pred.speaker_spans for gs, ge in gold.source):
        return True
    src_words = _words(gold.source_text)
    if pred.speaker:
        names = [w for w in _words(pred.speaker) if w not in PRONOUNS]
        last = [w.strip(".'’").lower() for w in _WORD.findall(pred.speaker)]
        if names and last and last[-1] in src_words and last[-1] not in PRONOUNS:
            return True
    src = gold.source_text.strip().lower()
    return src in PRONOUNS and pred.speaker_via is not None and \
        pred.speaker_via.strip().lower() == src


def score_article(text: str, gold: Sequence[GoldAttribution],
                  preds: Sequence[Prediction]) -> Counts:
    """Counts for one article (see the module doc for the definitions)."""
    c = Counts(gold=len(gold), gold_direct=sum(g.direct for g in gold),
               gold_indirect=sum(not g.direct for g in gold), pred=len(preds),
               pred_direct=sum(p.direct for p in preds))
    gold_chars = [significant(text, g.content) for g in gold]
    pred_chars = [significant(text, ((p.start, p.end),)) for p in preds]
    hits: list[list[int]] = [[] for _ in gold]  # gold index -> predictions hitting it
    for pi, pc in enumerate(pred_chars):
        hit = hit_speaker = False
        for gi, gc in enumerate(gold_chars):
            if pc and gc and len(pc & gc) >= 0.5 * len(pc):
                hits[gi].append(pi)
                hit = True
                if speaker_right(preds[pi], gold[gi], text):
                    hit_speaker = True
        c.pred_hit += hit
        c.pred_hit_speaker += hit_speaker
    for gi, g in enumerate(gold):
        gc = gold_chars[gi]
        if not gc:
            continue
        covered = set().union(*(pred_chars[pi] for pi in hits[gi])) & gc if hits[gi] else set()
        right = [pi for pi in hits[gi] if speaker_right(preds[pi], g, text)]
        covered_right = set().union(*(pred_chars[pi] for pi in right)) & gc if right else set()
        found, found_right = bool(hits[gi]), bool(right)
        c.covered += len(covered) >= 0.5 * len(gc)
        c.covered_speaker += len(covered_right) >= 0.5 * len(gc)
        c.found += found
        c.found_speaker += found_right
        if g.direct:
            c.found_direct += found
            c.found_direct_speaker += found_right
        else:
            c.found_indirect += found
            c.found_indirect_speaker += found_right
    return c
