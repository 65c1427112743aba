"""Tense of the clause around a time expression: past, future, present or unknown.

With a spaCy ``Doc`` the governing verb decides (walking up from the expression through its
heads): ``will``/``shall`` + VB is future; VBD, or an auxiliary in the past (``had``/``was``),
or a perfect (``has said``) is past; VBZ/VBP present.  Infinitives and gerunds pass the
question on to their own head.  Without a ``Doc`` (or when the parse gives no answer) a small
regex heuristic looks at the sentence: the tense cue nearest to the expression wins.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final, Literal

from storyline.time.lexicon import FUTURE_PATTERNS, NOT_PAST_ED, PAST_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Tense = Literal["past", "present", "future", "unknown"]

_FUTURE_AUX: Final = frozenset({"will", "'ll", "’ll", "shall", "wo", "ll"})
_MODAL_UNKNOWN: Final = frozenset({"would", "could", "might", "may", "should", "can", "must",
                                   "'d", "’d"})
_FUTURE_RE: Final = re.compile(rf"(?<![\w'])(?:{'|'.join(FUTURE_PATTERNS)})(?!\w)", re.I)
_WORD_RE: Final = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
_ABBREVIATIONS: Final = ("a.m", "p.m", "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt", "Adm", "Prof", "Inc", "Corp", "Co", "Ltd", "No", "U.S", "U.N", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Ft", "Mt", "vs", "Rev", "Calif", "Conn", "Mass", "Ill", "Fla", "Tex", "Penn")
#: A sentence end: . ! or ? (not after a common abbreviation such as "p.m." or "Mr.") before
#: a capitalized word or digit; or a line break.
_SENT_END_RE: Final = re.compile(
    "".join(rf"(?<!\b{re.escape(a)})" for a in _ABBREVIATIONS)
    + r"[.!?][\"'”’)\]]*\s+(?=(?:[\"'“‘(\[]|``)?[A-Z0-9])|\n")
#: A form of "be" right before a word: the word is a participle ("will be named").
_PASSIVE_AUX_RE: Final = re.compile(r"(?<![\w'])(?:be|been|being|is|are|am)\s+$", re.I)
#: Past cues that are not verbs: they keep their meaning after a form of "be" ("is ago").
_PAST_ADVERBS: Final = frozenset({"ago", "last", "yesterday", "earlier", "previously", "former",
                                  "formerly"})
#: Reporting verbs: the time of the report, not of what is reported, unless right beside it.
_REPORTING: Final = frozenset({"said", "told", "added", "stated"})
#: What may stand between a reporting verb and its own day ("said on Friday", "said in
#: February").
_ON_GAP: Final = re.compile(r"\s+(?:(?:on|in)\s+)?", re.I)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """A cheap sentence around ``text[start:end]``: from the previous sentence end (or line
    break) to the next one."""
    lo = 0
    for m in _SENT_END_RE.finditer(text, max(0, start - 400), start):
        lo = m.end()
    m2 = _SENT_END_RE.search(text, end, min(len(text), end + 400))
    hi = m2.start() + 1 if m2 else min(len(text), end + 400)
    return lo, max(hi, end)


def _verb_tense(verb: Token) -> Tense:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & _FUTURE_AUX:
        return "future"
    if "going" in lowers and any(c.lower_ == "to" for c in auxes):
        return "future"
    if lowers & _MODAL_UNKNOWN:
        return "unknown"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return "unknown"


def tense_from_doc(doc: Doc, start: int, end: int) -> Tense:
    """Tense of the verb that governs the tokens at ``[start, end)`` in ``doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "unknown"
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            tense = _verb_tense(tok)
            if tense != "unknown" or tok.tag_ not in ("VB", "VBG", "VBN"):
                return tense
        if tok.head is tok:
            break
        tok = tok.head
    return "unknown"


def _is_past_word(word: str) -> bool:
    w = word.lower()
    if w in PAST_WORDS:
        return True
    return word.islower() and len(w) > 4 and w.endswith("ed") and w not in NOT_PAST_ED


def tense_from_text(text: str, start: int, end: int, bounds: tuple[int, int]) -> Tense:
    """Regex heuristic: the past or future cue nearest to the expression in its sentence."""
    lo, hi = bounds
    best: tuple[int, Tense] | None = None
    for m in _FUTURE_RE.finditer(text, lo, hi):
        if start <= m.start() < end:
            continue
        dist = start - m.end() if m.end() <= start else m.start() - end
        if best is None or dist < best[0]:
            best = (dist, "future")
    for m in _WORD_RE.finditer(text, lo, hi):
        if start <= m.start() < end or not _is_past_word(m.group()):
            continue
        if _PASSIVE_AUX_RE.search(text, max(lo, m.start() - 12), m.start()) and \
                m.group().lower() not in _PAST_ADVERBS:
            continue  # a participle after "be" ("will be held"): the auxiliary carries the tense
        dist = start - m.end() if m.end() <= start else m.start() - end
        if m.group().lower() in _REPORTING and dist > 2 and not _ON_GAP.fullmatch(
                text[m.end():start] if m.end() <= start else text[end:m.start()]):
            continue
        if best is None or dist < best[0]:
            best = (dist, "past")
    return best[1] if best else "unknown"
