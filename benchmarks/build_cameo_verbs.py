"""Build ``src/storyline/data/cameo_verbs.json`` from the CAMEO verb-pattern dictionary.

The CAMEO verb dictionary of the PETRARCH2 event coder (``CAMEO.2.0.txt`` in
github.com/openeventdata/petrarch2, ``petrarch2/data/dictionaries/``; MIT licence, Open Event
Data Alliance) lists about 2,700 verb forms in 393 synonym blocks, each block with a default
CAMEO code and about 4,700 patterns of the words around the verb ("* (TO &CEASEFIRE)" ->
0356).  This script keeps what a matcher needs (verb forms, the word sets the patterns name,
the patterns' word slots) and codes every CAMEO code as PLOVER does with the conversion table
beside the PLOVER benchmark (``CAMEO2PLOVER-2021.txt``; the appeal codes 02x, which the table
leaves out, are REQUEST).  Patterns with a code that PLOVER does not cover (statements, 01x)
are kept with no category: they stop the block's default from applying.

Usage::

    .venv/bin/python benchmarks/build_cameo_verbs.py PATH/TO/CAMEO.2.0.txt

The dictionary file itself is not part of the repository; the generated JSON carries its
licence notice.  The file used for the packaged table had 408,846 characters (commit
486cb96345c411e31492f6e76044a938ca45d7af).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "storyline" / "data" / "cameo_verbs.json"
TABLE = ROOT.parent / "shared" / "benchmarks" / "plover_gsr" / "CAMEO2PLOVER-2021.txt"
#: CAMEO's appeal codes, which the conversion table leaves out; PLOVER's REQUEST covers them
APPEALS = "02"

_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")
_MARKERS = frozenset("$+^%@|")
_BLOCK = re.compile(r"---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_PATTERN = re.compile(r"-\s+(.*?)\s*\[([^\]]*)\]")
_VERB = re.compile(r"\+?([A-Z][A-Z_'-]*)\s*(?:\{([^}]*)\})?")
_LICENCE = re.compile(r"#\s*(The MIT License.*?OTHER DEALINGS IN THE SOFTWARE\.)", re.S)


def plover_codes(path: Path) -> dict[str, str]:
    """CAMEO code (3 or 4 digits) -> PLOVER category, from the conversion table."""
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*(\d{3,4}):\s*([A-Z]+)", line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


def category(code: str, table: dict[str, str]) -> str | None:
    """The PLOVER category of a CAMEO code (its longest prefix in the table), else None."""
    code = code.strip()
    if code.startswith(APPEALS) and len(code) >= 3:
        return "REQUEST"
    while len(code) >= 3:
        if code in table:
            return table[code]
        code = code[:-1]
    return None


def _word(text: str) -> str:
    """A dictionary word as text: underscores join words, a final one only blocks endings."""
    return text.strip("_").replace("_", " ").lower()


def _slots(part: str) -> list[list[str]]:
    """The word slots of one side of a pattern: each slot a list of alternatives (a word,
    several words, or ``&SET`` for a named word set)."""
    out = []
    for tok in _TOKEN.findall(part):
        inner = tok[1:-1].replace("{", " ").replace("}", " ").split() if tok[0] in "{(" else [tok]
        for raw in inner:
            raw = raw.lstrip("$+^%")
            if not raw or raw in _MARKERS:
                continue
            word = raw.rstrip("_") if raw.startswith("&") else _word(raw)
            if word:
                out.append([word])
    return out


def parse(text: str, table: dict[str, str]) -> dict[str, object]:
    """The dictionary as the JSON structure :mod:`storyline.cameo` reads."""
    sets: dict[str, list[str]] = {}
    verbs: dict[str, int] = {}
    blocks: list[dict[str, object]] = []
    current_set: str | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            current_set = None
            continue
        if line.startswith("&"):
            current_set = line.strip().rstrip("_")
            sets[current_set] = []
            continue
        if current_set and line.startswith("+"):
            sets[current_set].append(_word(line[1:]))
            continue
        m = _BLOCK.match(line)
        if m:
            code = m.group(2).strip("-").strip()
            blocks.append({"verb": m.group(1).lower(), "code": code,
                           "category": category(code, table) if code else None,
                           "patterns": []})
            continue
        if not blocks:
            continue
        if line.startswith("- "):
            m = _PATTERN.match(line)
            if not m or "*" not in m.group(1):
                continue
            code = next((c.strip() for c in m.group(2).split(":") if c.strip()), "")
            code = code.strip("-")
            pre, post = m.group(1).split("*", 1)
            pattern = [_slots(pre), _slots(post), category(code, table) if code else None, code]
            if pattern[0] or pattern[1]:
                blocks[-1]["patterns"].append(pattern)  # type: ignore[attr-defined]
            continue
        m = _VERB.match(line.strip())
        if m:
            forms = [m.group(1), *(m.group(2) or "").split()]
            for form in forms:
                verbs.setdefault(_word(form), len(blocks) - 1)
    licence = _LICENCE.search(text)
    return {
        "format": "storyline-cameo-verbs",
        "source": "CAMEO.2.0.txt of github.com/openeventdata/petrarch2 "
                  "(petrarch2/data/dictionaries), coded to PLOVER with CAMEO2PLOVER-2021.txt",
        "licence": re.sub(r"\n#\s?", "\n", licence.group(1)) if licence else "MIT",
        "copyright": "Copyright (c) 2015 Open Event Data Alliance",
        "sets": {k: v for k, v in sorted(sets.items()) if v},
        "verbs": dict(sorted(verbs.items())),
        "blocks": blocks,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dictionary", type=Path, help="CAMEO.2.0.txt of PETRARCH2")
    ap.add_argument("--table", type=Path, default=TABLE, help="CAMEO2PLOVER-2021.txt")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    for path in (args.dictionary, args.table):
        if not path.is_file():
            print(f"error: {path}: no such file", file=sys.stderr)
            return 2
    data = parse(args.dictionary.read_text(encoding="utf-8"), plover_codes(args.table))
    args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    blocks = data["blocks"]
    assert isinstance(blocks, list)
    print(f"wrote {args.out}: {len(data['verbs'])} verb forms, {len(blocks)} blocks, "  # type: ignore[arg-type]
          f"{sum(len(b['patterns']) for b in blocks)} patterns, "
          f"{args.out.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
