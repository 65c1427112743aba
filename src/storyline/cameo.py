"""CAMEO verb patterns, coded to PLOVER: a second lexical opinion for the event classifier.

The CAMEO verb dictionary of the PETRARCH2 event coder (Open Event Data Alliance, MIT licence;
``benchmarks/build_cameo_verbs.py`` turns it into ``data/cameo_verbs.json``) groups about
2,700 verb forms into synonym blocks.  Each block has a default CAMEO code and patterns of
the words before and after the verb ("agree * (TO &CEASEFIRE)" is an intent to de-escalate,
"rush * &FOOD" humanitarian aid); every code is stored as the PLOVER category the
CAMEO-to-PLOVER conversion table gives it.  CAMEO places some acts where PLOVER's
definitions alone would not (an apology is support, closing a border a blockade), and the
held-back PLOVER records are CAMEO's own examples, so the classifier
(:mod:`storyline.plover_model`) reads these codings as features next to the project's
lexicon (:mod:`storyline.plover`); they never decide a category alone.

Matching follows the dictionary's reading, simplified: a verb token's block is found from
its lemma (else its written form); a pattern matches when its slots occur in order within the
ten tokens after the verb (the ``post`` side) and the six before it (the ``pre`` side); the
pattern with the most matched words wins, and a block's default applies when none matches.
A winning pattern whose code PLOVER does not cover (a plain statement) means no category.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

#: The packaged table (written by ``benchmarks/build_cameo_verbs.py``).
TABLE_PATH = Path(__file__).resolve().parent / "data" / "cameo_verbs.json"
#: Tokens after / before the verb that a pattern's words may lie in.
WINDOW_AFTER = 10
WINDOW_BEFORE = 6

Slot = Sequence[str]
#: A slot ready for matching: its single words (final "s" dropped) and its several-word
#: alternatives.
_Compiled = tuple[frozenset[str], tuple[tuple[str, ...], ...]]


@dataclass(frozen=True)
class Pattern:
    """Words around a verb (``pre`` before it, ``post`` after it: slots of alternatives,
    ``&NAME`` for a named word set) and the PLOVER category of its CAMEO code (None when
    PLOVER does not cover the code)."""

    pre: tuple[Slot, ...]
    post: tuple[Slot, ...]
    category: str | None
    code: str


#: A pattern with its compiled pre and post slots and the words any match needs.
_Ready = tuple[Pattern, tuple[_Compiled, ...], tuple[_Compiled, ...], frozenset[str]]


@dataclass(frozen=True)
class Block:
    """A synonym block: its default category and its patterns."""

    category: str | None
    code: str
    patterns: tuple[Pattern, ...]


@dataclass(frozen=True)
class CameoMatch:
    """The CAMEO coding of one verb token: category, CAMEO code (``""`` for a block default)
    and the number of pattern words matched (0 for a default)."""

    category: str
    code: str
    words: int


@dataclass(frozen=True)
class CameoVerbs:
    """The verb table: verb form -> block, the blocks, and the named word sets."""

    verbs: Mapping[str, int]
    blocks: Sequence[Block]
    sets: Mapping[str, Sequence[str]]
    #: compiled patterns per block, filled on first use
    _cache: dict[int, tuple[_Ready, ...]] = field(default_factory=dict, compare=False,
                                                  repr=False)

    @classmethod
    def from_json(cls, text: str) -> CameoVerbs:
        """Read the table written by the build script; ValueError when it is not one."""
        data = json.loads(text)
        if data.get("format") != "storyline-cameo-verbs":
            raise ValueError("not a storyline CAMEO verb table")
        blocks = tuple(
            Block(b["category"], b["code"], tuple(
                Pattern(tuple(tuple(s) for s in p[0]), tuple(tuple(s) for s in p[1]), p[2], p[3])
                for p in b["patterns"]))
            for b in data["blocks"])
        verbs = {str(k): int(v) for k, v in data["verbs"].items()}
        if any(not 0 <= v < len(blocks) for v in verbs.values()):
            raise ValueError("a verb points outside the blocks")
        return cls(verbs, blocks, {str(k): tuple(v) for k, v in data["sets"].items()})

    def _compiled(self, slots: Sequence[Slot]) -> tuple[_Compiled, ...]:
        """Slots with their word sets expanded: single words (final "s" dropped, so that a
        plural matches) in a set, several-word alternatives as tuples, longest first."""
        out = []
        for slot in slots:
            words: list[str] = []
            for alt in slot:
                words.extend(self.sets.get(alt, ()) if alt.startswith("&") else (alt,))
            singles = frozenset(w.rstrip("s") for w in words if w and " " not in w)
            multi = tuple(sorted({tuple(w.split()) for w in words if " " in w},
                                 key=len, reverse=True))
            out.append((singles, multi))
        return tuple(out)

    def match(self, verb: Token) -> CameoMatch | None:
        """The CAMEO coding of a verb token in its sentence, or None (no block, no
        PLOVER category)."""
        block_id = self.verbs.get(verb.lemma_.lower(), self.verbs.get(verb.lower_))
        if block_id is None:
            return None
        block = self.blocks[block_id]
        patterns = self._patterns(block_id)
        sent = verb.sent
        doc = verb.doc
        after = [_form(t) for t in doc[verb.i + 1:min(sent.end, verb.i + 1 + WINDOW_AFTER)]]
        before = [_form(t) for t in doc[max(sent.start, verb.i - WINDOW_BEFORE):verb.i]]
        after_s = [w.rstrip("s") for w in after]
        before_s = [w.rstrip("s") for w in before]
        present = frozenset((*after, *before, *after_s, *before_s))
        best: tuple[int, Pattern] | None = None
        for p, pre_slots, post_slots, needed in patterns:
            if not needed <= present:
                continue  # a word every match needs is missing
            post = _match(post_slots, after, after_s) if post_slots else 0
            if post < 0:
                continue
            pre = _match(pre_slots, before, before_s) if pre_slots else 0
            if pre < 0:
                continue
            if pre + post and (best is None or pre + post > best[0]):
                best = (pre + post, p)
        if best is not None:
            p = best[1]
            return CameoMatch(p.category, p.code, best[0]) if p.category else None
        return CameoMatch(block.category, "", 0) if block.category else None

    def _patterns(self, block_id: int) -> tuple[_Ready, ...]:
        cached = self._cache.get(block_id)
        if cached is None:
            cached = tuple((p, pre, post, _needed(pre + post))
                           for p in self.blocks[block_id].patterns
                           for pre, post in [(self._compiled(p.pre), self._compiled(p.post))])
            self._cache[block_id] = cached
        return cached


def _needed(slots: Sequence[_Compiled]) -> frozenset[str]:
    """Words that must occur near the verb for the slots to match: the word of every slot
    that has a single alternative."""
    out: set[str] = set()
    for singles, multi in slots:
        if len(singles) == 1 and not multi:
            out |= singles
        elif not singles and len(multi) == 1:
            out.add(multi[0][0])
    return frozenset(out)


def _match(slots: Sequence[_Compiled], words: Sequence[str], stripped: Sequence[str]) -> int:
    """Words matched when every slot occurs, in order, in ``words`` (``stripped``: the same
    words without a final "s"); -1 when one does not."""
    i = n = 0
    for singles, multi in slots:
        found = False
        while i < len(words):
            for parts in multi:
                if tuple(words[i:i + len(parts)]) == parts:
                    i += len(parts)
                    n += len(parts)
                    found = True
                    break
            if not found and stripped[i] in singles:
                i += 1
                n += 1
                found = True
            if found:
                break
            i += 1
        if not found:
            return -1
    return n


def _form(t: Token) -> str:
    return t.lemma_.lower() if t.pos_ in ("NOUN", "VERB") else t.lower_


@lru_cache(maxsize=2)
def load_table(path: Path = TABLE_PATH) -> CameoVerbs | None:
    """The packaged table, or None when the file is missing or unreadable."""
    try:
        return CameoVerbs.from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None
