"""A TempEval-3 Task A scorer (temporal expression extent, value and type).

Definitions, as the official TempEval-3 scorer applies them to TIMEX3 (and as
``shared/benchmarks/tempeval3/README.md`` restates them):

* Only TIMEX3 inside ``<TEXT>`` count; the document creation time in ``<DCT>`` does not.
  Spans are character offsets in the *unescaped* text of ``<TEXT>`` with every tag removed,
  so gold and system files of the same text are comparable whatever other tags they carry.
* Per document, gold and system expressions are paired one-to-one, greedily from left to
  right: each gold expression (in text order) takes the first still unpaired system expression
  whose span overlaps it (shares at least one character).
* Counts are summed over all documents (micro-average).  With ``G`` gold and ``S`` system
  expressions and ``m`` pairs: relaxed precision ``m/S``, recall ``m/G``, F1 ``2m/(G+S)``.
  Strict P/R/F1 are the same with ``m`` restricted to pairs whose extents are identical.
* Attribute F1 (``value``, ``type``) is computed over the relaxed pairs, as the official script
  does: it multiplies the relaxed F1 by the attribute accuracy over the pairs, i.e.
  ``2 * m * (a/m) / (G+S) = 2a / (G+S)`` where ``a`` counts the pairs whose attribute strings
  are exactly equal.  Value F1 is the headline figure.

Usage: ``python benchmarks/tempeval.py GOLD_DIR SYSTEM_DIR`` (files paired by name; a gold
file without a system file counts as a system file with no expressions).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_TEXT_RE = re.compile(r"<TEXT\b[^>]*>(.*?)</TEXT\s*>", re.S)
_TAG_RE = re.compile(r"<[^>]*>")
_ENTITY_RE = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
_ATTR_RE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


@dataclass(frozen=True)
class Timex:
    """One TIMEX3 of a document's TEXT: character span in the unescaped text, attributes."""

    start: int
    end: int
    text: str
    type: str
    value: str


def _unescape(raw: str) -> str:
    return _ENTITY_RE.sub(lambda m: html.unescape(m.group()), raw)


def read_timexes(content: str) -> tuple[str, list[Timex]]:
    """The plain text of ``<TEXT>`` (tags removed, entities unescaped) and its TIMEX3s."""
    m = _TEXT_RE.search(content)
    if m is None:
        return "", []
    body = m.group(1)
    plain: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    out: list[Timex] = []
    pos = 0
    for tag in _TAG_RE.finditer(body):
        chunk = _unescape(body[pos:tag.start()])
        plain.append(chunk)
        length += len(chunk)
        pos = tag.end()
        raw = tag.group()
        name = raw[1:].lstrip("/").split(None, 1)[0].rstrip(">/") if len(raw) > 2 else ""
        if name != "TIMEX3":
            continue
        if raw.startswith("</"):
            if open_timex is not None:
                start, attrs = open_timex
                text = "".join(plain)[start:length]
                out.append(Timex(start, length, text, attrs.get("type", ""),
                                 attrs.get("value", "")))
                open_timex = None
        elif not raw.endswith("/>"):
            attrs = {a.group(1): html.unescape(a.group(2) if a.group(2) is not None
                                               else a.group(3))
                     for a in _ATTR_RE.finditer(raw)}
            open_timex = (length, attrs)
    plain.append(_unescape(body[pos:]))
    return "".join(plain), out


def pair(gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs, greedily left to right, on any character overlap."""
    used = [False] * len(system)
    pairs: list[tuple[Timex, Timex]] = []
    for g in sorted(gold, key=lambda t: (t.start, t.end)):
        for i, s in enumerate(system):
            if not used[i] and s.start < g.end and g.start < s.end:
                used[i] = True
                pairs.append((g, s))
                break
    return pairs


@dataclass
class Counts:
    """Summed counts over documents."""

    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0
    type: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, gold: Sequence[Timex], system: Sequence[Timex], doc: str = "") -> None:
        """Score one document's expressions and add them to the totals."""
        self.gold += len(gold)
        self.system += len(system)
        pairs = pair(gold, system)
        self.relaxed += len(pairs)
        self.strict += sum(g.start == s.start and g.end == s.end for g, s in pairs)
        self.value += sum(g.value == s.value for g, s in pairs)
        self.type += sum(g.type == s.type for g, s in pairs)
        for g, s in pairs:
            if g.value != s.value or (g.start, g.end) != (s.start, s.end):
                self.errors.append({"doc": doc, "gold": g.text, "gold_value": g.value,
                                    "system": s.text, "system_value": s.value, "start": g.start})
        paired_g = {id(g) for g, _ in pairs}
        paired_s = {id(s) for _, s in pairs}
        self.errors.extend({"doc": doc, "gold": g.text, "gold_value": g.value, "system": "",
                            "system_value": "", "start": g.start} for g in gold if id(g) not in paired_g)
        self.errors.extend({"doc": doc, "gold": "", "gold_value": "", "system": s.text,
                            "system_value": s.value, "start": s.start} for s in system if id(s) not in paired_s)

    def scores(self) -> dict[str, float]:
        """Precision, recall and F1 (fractions in [0, 1]) of every measure."""
        def f1(k: int) -> float:
            return 2 * k / (self.gold + self.system) if self.gold + self.system else 0.0

        def ratio(k: int, n: int) -> float:
            return k / n if n else 0.0

        return {
            "strict_precision": ratio(self.strict, self.system),
            "strict_recall": ratio(self.strict, self.gold),
            "strict_f1": f1(self.strict),
            "relaxed_precision": ratio(self.relaxed, self.system),
            "relaxed_recall": ratio(self.relaxed, self.gold),
            "relaxed_f1": f1(self.relaxed),
            "value_f1": f1(self.value),
            "type_f1": f1(self.type),
            "value_accuracy": ratio(self.value, self.relaxed),
            "type_accuracy": ratio(self.type, self.relaxed),
        }


def score_documents(docs: Iterable[tuple[str, str, str]]) -> Counts:
    """Score (name, gold content, system content) triples."""
    counts = Counts()
    for name, gold, system in docs:
        _, g = read_timexes(gold)
        _, s = read_timexes(system)
        counts.add(g, s, name)
    return counts


def score_directories(gold_dir: Path, system_dir: Path) -> Counts:
    """Score every ``*.tml`` of ``gold_dir`` (recursively) against the same name in
    ``system_dir``."""
    triples = []
    for path in sorted(gold_dir.rglob("*.tml")):
        sys_path = system_dir / path.name
        system = sys_path.read_text(encoding="utf-8") if sys_path.exists() else ""
        triples.append((path.name, path.read_text(encoding="utf-8"), system))
    return score_documents(triples)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("system", type=Path)
    args = parser.parse_args(argv)
    counts = score_directories(args.gold, args.system)
    print(json.dumps({"gold": counts.gold, "system": counts.system, **counts.scores()},
                     indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
