"""Named entities: find name mentions in each document and merge them into corpus entities.

The stage has four parts:

* :func:`extract_mentions` reads spaCy's NER spans of one document and cleans them: leading
  determiners and descriptors (``the ISS``, ``Russian space agency Roscosmos``), possessive endings
  (``Russia's``, ``Roscosmos'``), role titles glued to a person (``NASA chief Bill Nelson`` gives
  ``NASA`` and ``Bill Nelson``), parenthesised acronyms (``ISS (International Space Station``),
  junk (URLs, photo credits, text in another script).  Local context corrects labels that the
  small model gets wrong: a name introduced by an organisation noun (``space agency X``) or
  owning a role (``X's head``, ``the leader of X``) is an organisation, not a person.
* :func:`merge_entities` clusters the mentions of all documents (rules below) and returns
  :class:`~storyline.model.Entity` records with stable ids.
* :class:`EntityIndex` maps an argument or speaker span back to an entity.
* :func:`link_other_scripts` adds mentions written in another script (a Russian tweet) or as a
  social-media handle (``@Name``), by transliteration and the same fuzzy matching.

Merging rules (each merge is explainable by exactly one of them):

1. *same key*: equal after normalisation (transliteration to ASCII, case folding, dots of
   abbreviations, leading ``the``, possessive endings): ``NASA``/``Nasa``, ``U.S.``/``US``.
2. *explicit acronym*: ``Long Name (ACR)`` or ``ACR (Long Name)`` written in any document.
3. *initials*: an acronym equal to the initials of the content words of exactly one multi-word
   name of a compatible type, not a person, found in a document where the acronym is found
   (``ESA`` = ``European Space Agency``; ``TV`` is no ``Tommy Vietor``).
4. *variant spelling*: normalised edit similarity >= 0.85 (per token for multi-word names),
   same first letter, keys of at least 6 characters, neither key a prefix of the other (so
   ``Russia``/``Russian`` and ``Europe``/``European`` stay apart) and compatible types
   (nationalities never merge with other types; places never with persons).  ``Austria`` and
   ``Australia`` (0.78) or ``Iran`` and ``Iraq`` (too short) stay apart.  Forms are visited
   from the most frequent: each joins its most similar more frequent head or becomes a head
   (no chains); a one-word variant must be at most half as frequent as its head.
5. *surname*: a one-word person name equal to the last word of exactly one multi-word person
   entity (``Rogozin`` -> ``Dmitry Rogozin``), or of one that holds three quarters of the
   mentions of such full names, unless the word is used as often as a first name.
6. *plural people*: a nationality and its plural (``Russians`` = ``Russian``).

Canonical name: for persons the most frequent multi-word form; otherwise the most frequent
non-acronym form, except that an acronym is kept when it is at least three times as frequent
as its expansion (``NASA`` next to one ``National Aeronautics and Space Administration``).
Type: majority of the mention labels, where a one-word ``PERSON`` label that no full person
name supports counts half (spaCy's small model often tags unknown organisations as persons).
Entity ids ``E1``, ``E2``, ... follow the number of mentions (most mentioned first), then the
first appearance (document id, offset).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein
from spacy.tokens import Doc, Span, Token
from unidecode import unidecode

from storyline.model import Document, Entity, Mention


def _words(text: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string."""
    return frozenset(text.split())


#: NER labels kept as entity mentions (dates, numbers, money, languages are dropped).
ENTITY_LABELS: frozenset[str] = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"}
)

#: Readable names for the report.
TYPE_NAMES: dict[str, str] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "country, city or state",
    "NORP": "nationality or group",
    "FAC": "facility",
    "LOC": "location",
    "PRODUCT": "product",
    "EVENT": "event",
    "LAW": "law",
    "WORK_OF_ART": "work",
}

#: Role titles that NER sometimes glues in front of a person's name.
ROLE_WORDS: frozenset[str] = _words(
    """
    president vice-president prime minister premier chancellor king queen prince princess
    governor mayor senator sen congressman congresswoman representative rep ambassador envoy
    secretary minister spokesman spokeswoman spokesperson director director-general
    chief head leader chairman chairwoman chair ceo cfo cto founder co-founder boss commander
    general gen colonel col admiral adm captain capt lieutenant lt sergeant sgt officer
    administrator commissioner deputy official judge justice attorney lawyer pope bishop
    cardinal rev reverend father dr mr mrs ms miss sir lord lady dame professor prof astronaut
    cosmonaut coach manager executive editor correspondent reporter analyst economist
    scientist engineer designer founder owner member head-of
    """
)

#: Generic organisation nouns: ``space agency X`` introduces an organisation named X.
ORG_NOUNS: frozenset[str] = _words(
    """
    agency corporation corp company firm group ministry department office bureau service
    administration authority committee commission council institute institution university
    organisation organization association union party bank fund foundation network outlet
    agencies company's startup operator manufacturer maker carrier airline broadcaster
    newspaper channel team club league federation consortium venture
    """
)

#: Words that may appear in lower case inside a multi-word name (``Bank of England``).
NAME_PARTICLES: frozenset[str] = _words(
    "of the and for de du des la le von van der den al el bin ibn da di do dos y & on in at to"
)

#: Lower-cased words that, alone or together, do not make a name (``Space Corporation``).
GENERIC_WORDS: frozenset[str] = ORG_NOUNS | _words(
    """
    space state national federal international public private new the of and for global
    world general central royal united joint
    """
)

#: Function words skipped when computing a name's initials.
INITIALS_SKIP: frozenset[str] = _words("of the and for de du des la le von van & on in at to a an")

_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "miss", "lord", "lady", "dame"})
_POSSESSIVE_TOKENS = frozenset({"'s", "’s", "'", "’", "s'", "s’"})
_APOSTROPHES = "'’‘`´"
_JUNK_RE = re.compile(r"(https?:|www\.|\.com|\.org|[/@_#]|\w\.\w{3,})", re.IGNORECASE)
_PTB_RE = re.compile(r"-[LR][RCS]B-")
_HANDLE_RE = re.compile(r"(?<![\w@])@([A-Za-z0-9_]{2,30})")
_WORD_RE = re.compile(r"[^\W\d_](?:[^\W_]|['’.-](?=[^\W_]))*")

# Type groups for compatibility checks.
_ORG_LIKE = frozenset({"ORG", "PRODUCT", "FAC", "WORK_OF_ART", "EVENT", "LAW"})
_PLACE = frozenset({"GPE", "LOC"})
# Tie-break order between equally voted types.
_TYPE_PREFERENCE = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT",
                    "WORK_OF_ART")

FUZZY_THRESHOLD = 0.85
FUZZY_TOKEN_THRESHOLD = 0.8  # per word, for multi-word names
FUZZY_MIN_LENGTH = 6
ACRONYM_KEEP_RATIO = 3.0
SURNAME_DOMINANCE = 0.75


#: Kept as a name for readability: a mention that may carry an explicit ``Name (ACR)`` pair
#: (:attr:`Mention.pair`), which :func:`merge_entities` uses for rule 2.
NameMention = Mention


# --------------------------------------------------------------------------------------------
# Normalisation helpers
# --------------------------------------------------------------------------------------------


def name_key(text: str) -> str:
    """Normalise a name for matching: ASCII, case-folded, no determiner or possessive.

    >>> name_key("the U.S.'s")
    'us'
    >>> name_key("Roscosmos’")
    'roscosmos'
    """
    t = unidecode(unicodedata.normalize("NFKC", text)).casefold().strip()
    t = re.sub(r"(?<=\w)'s\b", "", t)
    t = re.sub(r"(?<=s)'(?=\s|$)", "", t)
    t = re.sub(r"\b(\w)\.(?=\w\.)", r"\1", t)  # u.s.a. -> usa.
    t = re.sub(r"(?<=\b\w)\.(?=\s|$)", "", t)
    t = re.sub(r"[^a-z0-9]+", " ", t).strip()
    t = re.sub(r"^(the|a|an) ", "", t)
    # Spaced initials ("u. s.") become one word.
    return re.sub(r"\b([a-z]) (?=[a-z]\b)", r"\1", t)


def is_acronym(text: str) -> bool:
    """True for ``NASA``, ``ESA``, ``U.S.``: 2-6 capitals, optionally dotted, one word."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper() and " " not in text


def initials(key: str) -> str:
    """Initials of the content words of a normalised multi-word name (``european space agency``
    -> ``esa``); empty for one-word names."""
    words = [w for w in key.split() if w not in INITIALS_SKIP]
    if len(words) < 2 or any(len(w) < 3 for w in words):
        return ""  # "us senate" is no expansion of "US"
    return "".join(w[0] for w in words)


def _latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    latin = sum(1 for c in letters if c.isascii() or "LATIN" in unicodedata.name(c, ""))
    return latin / len(letters)


def entity_type_for_report(entity: Entity) -> str:
    """A readable type for an entity (``organization``, ``person``...), ``other`` if unknown."""
    return TYPE_NAMES.get(entity.type or "", "other")


# --------------------------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------------------------


def _is_possessive(tok: Token) -> bool:
    return tok.text in _POSSESSIVE_TOKENS or tok.tag_ == "POS"


def _is_role(tok: Token) -> bool:
    low = tok.text.lower().rstrip(".")
    if low in ROLE_WORDS:
        return True
    parts = [p for p in low.split("-") if p]
    return len(parts) > 1 and all(p in ROLE_WORDS for p in parts)


def _edge_junk(tok: Token) -> bool:
    """A token that cannot start or end a name: no letter or digit, or a Penn Treebank
    bracket escape (``-LRB-``)."""
    return not any(c.isalnum() for c in tok.text) or bool(_PTB_RE.fullmatch(tok.text))


def _trim(tokens: list[Token]) -> list[Token]:
    """Strip leading determiners/lower-case words/punctuation and trailing possessives."""
    i, j = 0, len(tokens)
    while i < j and (
        _edge_junk(tokens[i])
        or tokens[i].is_punct
        or tokens[i].is_space
        or tokens[i].pos_ in ("DET", "PRON")
        or (tokens[i].text[:1].islower() and not tokens[i].like_num)
        or _is_possessive(tokens[i])
    ):
        i += 1
    while j > i and (
        _edge_junk(tokens[j - 1])
        or tokens[j - 1].is_punct or tokens[j - 1].is_space or _is_possessive(tokens[j - 1])
        or tokens[j - 1].text.lower() in NAME_PARTICLES
    ):
        j -= 1
    return tokens[i:j]


def _segments(ent: Span) -> list[tuple[list[Token], str, str | None]]:
    """Split one NER span into cleaned (tokens, label, paired form) segments."""
    label = ent.label_
    toks: list[Token] = []
    for tok in ent:
        if "\n" in tok.text or (tok.is_space and toks):
            break
        if _JUNK_RE.search(tok.text) and not tok.like_num:
            break
        toks.append(tok)
    # Parenthesised acronym or expansion inside the span: "ISS (International Space Station".
    paren = next((k for k, t in enumerate(toks) if t.text in "()"), None)
    if paren is not None:
        left = _trim(toks[:paren])
        right = _trim([t for t in toks[paren + 1:] if t.text not in "()"])
        out: list[tuple[list[Token], str, str | None]] = []
        lt = " ".join(t.text for t in left)
        rt = " ".join(t.text for t in right)
        if left:
            out.extend(_role_split(left, label, rt if right else None))
        if right:
            out.extend(_role_split(right, label, lt if left else None))
        return out
    # Possessive inside the span: "Elon Musk's SpaceX" -> owner + owned thing.
    pos = next((k for k, t in enumerate(toks[:-1]) if k > 0 and _is_possessive(t)), None)
    if pos is not None:
        owner = _trim(toks[:pos])
        owned = _trim(toks[pos + 1:])
        out = []
        if owner:
            out.extend(_role_split(owner, label, None))
        if owned:
            # "X's head Y" names a person Y; "Y's Z" with a person Y names Y's company Z.
            titled = any(_is_role(t) for t in owned[:-1])
            owned_label = "PERSON" if titled else ("ORG" if label == "PERSON" else label)
            out.extend(_role_split(owned, owned_label, None))
        return out
    toks = _trim(toks)
    return _role_split(toks, label, None) if toks else []


def _hyphen_joined(toks: list[Token], k: int) -> bool:
    """Whether the k-th token sits between hyphens with no space: a word inside a hyphenated
    name ("Port-au-Prince", "Stratford-upon-Avon"), not a descriptor before a name."""
    return (0 < k < len(toks) - 1 and toks[k - 1].text == "-" and toks[k + 1].text == "-"
            and not toks[k - 1].whitespace_ and not toks[k].whitespace_)


def _role_split(
    toks: list[Token], label: str, pair: str | None
) -> list[tuple[list[Token], str, str | None]]:
    """Separate role titles and descriptors from a name.

    ``Director-General Dmitry Rogozin`` -> ``Dmitry Rogozin``; ``NASA chief Bill Nelson`` ->
    ``NASA`` (an organisation) and ``Bill Nelson``; ``Russian space agency Roscosmos`` ->
    ``Roscosmos`` (lower-case descriptor words end a name's prefix).
    """
    last_role = max((k for k, t in enumerate(toks) if _is_role(t)), default=-1)
    if label == "PERSON" and 0 <= last_role < len(toks) - 1:
        out: list[tuple[list[Token], str, str | None]] = []
        prefix = _trim([t for t in toks[:last_role] if not _is_role(t)])
        if prefix and not any(_is_role(t) for t in prefix):
            out.append((prefix, "ORG", None))
        rest = _trim(toks[last_role + 1:])
        if rest:
            out.append((rest, "PERSON", pair))
        return out
    # Lower-case descriptor words (not particles) inside a name: keep the capitalised tail.
    lower = [k for k, t in enumerate(toks)
             if t.text[:1].islower() and t.text.lower() not in NAME_PARTICLES
             and not _hyphen_joined(toks, k)]
    if lower and lower[-1] < len(toks) - 1:
        tail = _trim(toks[lower[-1] + 1:])
        return [(tail, label, pair)] if tail else []
    return [(toks, label, pair)]


def context_label(sdoc: Doc, first: Token, last: Token, label: str) -> str:
    """Correct an implausible label from the words around a name.

    Only person/product/facility/work labels are corrected (a country owning a role stays a
    country): a name right after an organisation noun (``space agency X``), owning a role noun
    (``X's head``, ``X chief``) or governed by ``head of``/``leader of`` is an organisation.
    """
    if label not in ("PERSON", "PRODUCT", "FAC", "WORK_OF_ART"):
        return label
    before = list(sdoc[max(0, first.i - 3):first.i])
    if before and before[-1].text.lower() in ORG_NOUNS:
        return "ORG"
    if (len(before) >= 2 and before[-1].text.lower() == "of"
            and _is_role(before[-2]) and before[-2].text[:1].islower()):
        return "ORG"
    nxt = list(sdoc[last.i + 1:last.i + 3])
    if nxt and _is_possessive(nxt[0]):
        nxt = nxt[1:]
    one_word = first.i == last.i
    if (nxt and _is_role(nxt[0]) and nxt[0].text.lower().rstrip(".") not in _HONORIFICS
            and (label != "PERSON" or one_word)):
        return "ORG"
    return label


#: Prepositions of place: a one-word "person" right after one is a place ("in Kourou").
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})
#: Nouns a place name modifies ("the Kourou spaceport", "the Gaza border").
_PLACE_NOUNS = _words(
    """
    spaceport cosmodrome airport airbase port harbour harbor base region province district
    city town village area border coast valley oblast county prefecture peninsula island
    """
)
#: Social media and messaging platforms: organisations, whatever the tagger says.
_PLATFORMS = frozenset({"twitter", "telegram", "facebook", "youtube", "instagram", "tiktok",
                        "vkontakte", "weibo", "wechat", "whatsapp", "linkedin", "reddit",
                        "truth social", "threads", "bluesky", "mastodon"})


def _place_context(sdoc: Doc, first: Token, last: Token) -> bool:
    """Whether a name stands where a place goes: after a preposition of place (one
    capitalized word may come between: "in French Guiana") and not owning anything ("in
    Smith's view"), or before a place noun ("the Kourou spaceport")."""
    nxt = sdoc[last.i + 1] if last.i + 1 < len(sdoc) else None
    if nxt is not None and _is_possessive(nxt):
        return False
    if nxt is not None and nxt.text.lower() in _PLACE_NOUNS:
        return True
    i = first.i - 1
    if i >= 1 and sdoc[i].text[:1].isupper() and not sdoc[i].is_sent_start:
        i -= 1  # "in French Guiana", "in North Ossetia"
    return i >= 0 and sdoc[i].text.lower() in _LOCATIVE_PREPS


def _relabel_places(sdoc: Doc, mentions: list[Mention]) -> list[Mention]:
    """One-word "persons" that stand where places go become places, unless the document
    also names a person with that word ("Dmitry Rogozin" keeps "in Rogozin" a person);
    platform names become organisations.  spaCy's small model tags unknown one-word place
    names ("Kourou", "Guiana") as people."""
    person_words = {w for m in mentions if m.label == "PERSON" and " " in m.text
                    for w in m.text.split()}
    out: list[Mention] = []
    for m in mentions:
        if m.text.lower() in _PLATFORMS and m.label != "ORG":
            m = dataclasses.replace(m, label="ORG")
        elif m.label == "PERSON" and " " not in m.text and m.text not in person_words:
            span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and _place_context(sdoc, span[0], span[-1]):
                m = dataclasses.replace(m, label="GPE")
        out.append(m)
    return out


def _english(doc: Document, offset: int) -> bool:
    para = doc.paragraph_at(offset)
    return para is None or para.language is None or para.language.startswith("en")


def _generic_only(text: str) -> bool:
    words = name_key(text).split()
    return bool(words) and all(w in GENERIC_WORDS for w in words)


def extract_mentions(doc: Document, sdoc: Doc) -> list[Mention]:
    """Clean named-entity mentions of one document (``sdoc = nlp(doc.text)``).

    Returns :class:`NameMention` objects (a :class:`Mention` subclass) in text order, with
    ``doc.text[m.start:m.end] == m.text`` and ``sentence`` set to the spaCy sentence index.
    Mentions in paragraphs marked as not English, or mostly written in a non-Latin script, are
    skipped (see :func:`link_other_scripts`).
    """
    sent_starts = [s.start_char for s in sdoc.sents]
    out: list[Mention] = []
    seen: set[tuple[int, int]] = set()
    for ent in sdoc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        for toks, label, pair in _segments(ent):
            start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            text = doc.text[start:end]
            # A trailing apostrophe glued to the last token: "Roscosmos’".
            while text and text[-1] in _APOSTROPHES:
                text, end = text[:-1], end - 1
            if (not text or (start, end) in seen or not any(c.isalpha() for c in text)
                    or len(text) < 2 or text.islower() or _latin_share(text) < 0.5
                    or not _english(doc, start) or _generic_only(text) or not name_key(text)):
                continue
            seen.add((start, end))
            label = context_label(sdoc, toks[0], toks[-1], label)
            sent = bisect_left(sent_starts, start + 1) - 1
            out.append(NameMention(doc.id, start, end, text, label, sentence=sent,
                                   pair=pair))
    out.sort(key=lambda m: (m.start, m.end))
    return _explicit_pairs(doc, _relabel_places(sdoc, out))


_PAREN_RE = re.compile(r"\s?\(\s*([^()\n]{2,80}?)\s*\)")


def _expansion_like(text: str) -> bool:
    words = text.split()
    return len(words) >= 2 and all(
        w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words
    ) and _latin_share(text) >= 0.5 and not any(c.isdigit() for c in text)


def _explicit_pairs(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Mark ``Long Name (ACR)`` and ``ACR (Long Name)`` pairs, adding the part NER missed.

    The parenthesised part pairs with the mention right before it when one side is an acronym
    whose first letter is the other side's first letter, and the other a capitalised
    multi-word name.
    """
    by_span = {(m.start, m.end): m for m in mentions}
    out = list(mentions)
    index = {(m.start, m.end): i for i, m in enumerate(out)}
    for m in mentions:
        hit = _PAREN_RE.match(doc.text, m.end)
        if not hit:
            continue
        inner = hit.group(1)
        s, t = hit.span(1)
        shape = (is_acronym(m.text) and _expansion_like(inner)) or (
            is_acronym(inner) and _expansion_like(m.text))
        ok = shape and name_key(inner)[:1] == name_key(m.text)[:1]
        if not ok or not _english(doc, s):
            continue
        outer_new = NameMention(m.doc_id, m.start, m.end, m.text, m.label, m.sentence,
                                pair=inner)
        out[index[(m.start, m.end)]] = outer_new
        old = by_span.get((s, t))
        inner_new = NameMention(doc.id, s, t, inner, old.label if old else m.label,
                                m.sentence, pair=m.text)
        if old is not None:
            out[index[(s, t)]] = inner_new
        elif not any(x.start < t and s < x.end for x in mentions):
            out.append(inner_new)
    out.sort(key=lambda x: (x.start, x.end))
    return out


# --------------------------------------------------------------------------------------------
# Merging
# --------------------------------------------------------------------------------------------


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {x: x for x in items}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Deterministic: the smaller key becomes the root.
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


@dataclass
class _Form:
    """All mentions sharing one normalised key."""

    key: str
    mentions: list[Mention]

    def votes(self, weak_person: bool) -> dict[str, float]:
        """Label votes; a weak person label (no full name supports it) counts half."""
        c: dict[str, float] = defaultdict(float)
        for m in self.mentions:
            c[m.label] += 0.5 if (m.label == "PERSON" and weak_person) else 1.0
        return c

    @property
    def acronym(self) -> bool:
        return any(is_acronym(m.text) for m in self.mentions)


def _pick_type(votes: Mapping[str, float]) -> str | None:
    """The winning label.  Organisation-like labels (ORG, PRODUCT, FAC, ...) vote together,
    as the small model confuses them for unknown names; the best of them then wins inside the
    pool (ORG on ties).  Ties between groups: person, place, nationality, organisation."""
    votes = {k: v for k, v in votes.items() if v > 0}
    if not votes:
        return None
    pool = sum(v for k, v in votes.items() if k in _ORG_LIKE)
    groups = {k: v for k, v in votes.items() if k not in _ORG_LIKE}
    if pool:
        groups["*ORG"] = pool
    best = max(groups.values())
    order = ("PERSON", "GPE", "LOC", "NORP", "*ORG")
    winner = next(t for t in (*order, *sorted(groups)) if groups.get(t) == best)
    if winner != "*ORG":
        return winner
    inner = max(v for k, v in votes.items() if k in _ORG_LIKE)
    return next(t for t in _TYPE_PREFERENCE if t in _ORG_LIKE and votes.get(t) == inner)


def _compatible(a: str | None, b: str | None) -> bool:
    """May names of voted types ``a`` and ``b`` denote the same thing?"""
    if a is None or b is None or a == b:
        return True
    if "NORP" in (a, b):
        return False
    if a in _PLACE and b in _PLACE:
        return True
    if "PERSON" in (a, b) and (a in _PLACE or b in _PLACE):
        return False
    return a in _ORG_LIKE or b in _ORG_LIKE


def _similar_names(a: str, b: str) -> bool:
    """Rule 4: variant spellings of the same name (keys already normalised)."""
    if a[:1] != b[:1] or min(len(a), len(b)) < FUZZY_MIN_LENGTH:
        return False
    if a.startswith(b) or b.startswith(a):
        return False
    ta, tb = a.split(), b.split()
    if len(ta) != len(tb):
        return False
    for x, y in zip(ta, tb, strict=True):
        if x == y:
            continue
        if min(len(x), len(y)) < 5 or x[:1] != y[:1] or x.startswith(y) or y.startswith(x):
            return False
        if Levenshtein.normalized_similarity(x, y) < FUZZY_TOKEN_THRESHOLD:
            return False
    return Levenshtein.normalized_similarity(a, b) >= FUZZY_THRESHOLD


def merge_entities(mentions: list[Mention]) -> list[Entity]:
    """Cluster mentions of all documents into entities (rules in the module docstring)."""
    forms: dict[str, _Form] = {}
    for m in mentions:
        key = name_key(m.text)
        if key:
            forms.setdefault(key, _Form(key, [])).mentions.append(m)
    if not forms:
        return []
    # Full person names, indexed by surname, decide whether a one-word PERSON label is weak.
    full_person: dict[str, set[str]] = defaultdict(set)
    for f in forms.values():
        if len(f.key.split()) >= 2 and _pick_type(f.votes(False)) == "PERSON":
            full_person[f.key.split()[-1]].add(f.key)

    def form_type(f: _Form) -> str | None:
        weak = len(f.key.split()) == 1 and f.key not in full_person
        return _pick_type(f.votes(weak))

    ftype = {k: form_type(f) for k, f in forms.items()}
    uf = _UnionFind(forms)

    # Rule 2: explicit "Name (ACR)" pairs.
    for f in forms.values():
        for m in f.mentions:
            pair = m.pair
            if pair:
                pk = name_key(pair)
                if pk in forms and pk != f.key:
                    uf.union(f.key, pk)

    # Rule 6: a people and its singular ("Russians" = "Russian", "Europeans" = "European").
    for k in forms:
        if ftype[k] == "NORP" and k.endswith("s") and ftype.get(k[:-1]) == "NORP":
            uf.union(k, k[:-1])

    # Rule 4: variant spellings, blocked by first letter.  Forms are visited from the most
    # frequent; each either becomes a head or joins its most similar head (no chains such as
    # African ~ Amrican ~ American).  A one-word variant must be at most half as frequent as
    # its head: typos are rare, two balanced spellings are more likely two names.
    blocks: dict[str, list[str]] = defaultdict(list)
    for k in forms:
        if len(k) >= FUZZY_MIN_LENGTH:
            blocks[k[0]].append(k)
    count = {k: len(f.mentions) for k, f in forms.items()}
    for keys in blocks.values():
        keys.sort(key=lambda k: (-count[k], k))
        heads: list[str] = []
        for k in keys:
            best, best_sim = None, 0.0
            for h in heads:
                if not _compatible(ftype[k], ftype[h]) or not _similar_names(k, h):
                    continue
                if " " not in k and count[h] < 2 * count[k]:
                    continue
                sim = Levenshtein.normalized_similarity(k, h)
                if sim > best_sim:
                    best, best_sim = h, sim
            if best is None:
                heads.append(k)
            else:
                uf.union(k, best)

    # Rule 5: surnames.  A one-word form joins the full-name person cluster that ends with it
    # when that cluster is the only one, or holds at least SURNAME_DOMINANCE of the mentions of
    # such full names (``Mubarak`` -> ``Hosni Mubarak`` beside a rare ``Gamal Mubarak``).  A word
    # used at least as often as a first name (``Mohamed ElBaradei``) is no surname.  The form
    # needs person votes (a quarter: all-caps speaker names are often tagged ORG).
    as_first: Counter[str] = Counter()
    as_last: Counter[str] = Counter()
    for fk, f in forms.items():
        words = fk.split()
        if len(words) >= 2 and ftype[fk] == "PERSON":
            as_first[words[0]] += len(f.mentions)
            as_last[words[-1]] += len(f.mentions)
    for k, f in forms.items():
        if len(k.split()) != 1 or k not in full_person or as_first[k] >= as_last[k]:
            continue
        votes = f.votes(False)
        if votes.get("PERSON", 0.0) * 4 < sum(votes.values()):
            continue
        weight: Counter[str] = Counter()
        for fk in full_person[k]:
            weight[uf.find(fk)] += len(forms[fk].mentions)
        root, top = max(sorted(weight.items()), key=lambda x: x[1])
        if top >= SURNAME_DOMINANCE * sum(weight.values()):
            uf.union(k, root)

    # Rule 3: acronyms equal to the initials of exactly one multi-word non-person cluster
    # that appears in a document where the acronym appears.
    docs_of = {k: {m.doc_id for m in f.mentions} for k, f in forms.items()}
    by_initials: dict[str, set[str]] = defaultdict(set)
    for k in forms:
        ini = initials(k)
        if ini and ftype[k] != "PERSON":
            by_initials[ini].add(k)
    for k, f in forms.items():
        if not f.acronym or " " in k:
            continue
        roots = {uf.find(x) for x in by_initials.get(k, ())
                 if _compatible(ftype[k], ftype[x]) and docs_of[k] & docs_of[x]}
        if uf.find(k) in roots:
            continue
        if len(roots) == 1:
            uf.union(k, roots.pop())

    clusters: dict[str, list[_Form]] = defaultdict(list)
    for k, f in forms.items():
        clusters[uf.find(k)].append(f)
    return _build_entities(list(clusters.values()), full_person)


def _canonical(forms: list[_Form], etype: str | None) -> str:
    """The entity's name (rule in the module docstring)."""
    surface: Counter[str] = Counter(m.text for f in forms for m in f.mentions)
    key_count = {f.key: len(f.mentions) for f in forms}
    words: Counter[str] = Counter()
    for f in forms:
        for w in set(f.key.split()):
            words[w] += len(f.mentions)

    def rep(f: _Form) -> str:
        """Best surface of one key: not an all-caps multi-word form if another exists."""
        cands = sorted({m.text for m in f.mentions})
        return min(cands, key=lambda s: (" " in s and s.isupper(), -surface[s],
                                         -sum(c.isupper() for c in s), s))

    def best(cands: list[_Form]) -> str:
        # most frequent key; then the key whose words the other forms share; then alphabetical
        chosen = min(cands, key=lambda f: (-key_count[f.key],
                                           -sum(words[w] for w in f.key.split()), f.key))
        return rep(chosen)

    if etype == "PERSON":
        full = [f for f in forms if len(f.key.split()) >= 2]
        return best(full or forms)
    acr = [f for f in forms if f.acronym]
    other = [f for f in forms if not f.acronym]
    if not acr or not other:
        return best(forms)
    acr_n = sum(key_count[f.key] for f in acr)
    other_n = sum(key_count[f.key] for f in other)
    if acr_n >= ACRONYM_KEEP_RATIO * other_n:
        return best(acr)
    multi = [f for f in other if " " in f.key]
    return best(multi or other)


def _build_entities(clusters: list[list[_Form]], full_person: dict[str, set[str]]) -> list[Entity]:
    staged: list[tuple[tuple[int, str, int, str], Entity]] = []
    for forms in clusters:
        votes: dict[str, float] = defaultdict(float)
        has_full_person = any(len(f.key.split()) >= 2 for f in forms)
        for f in forms:
            weak = len(f.key.split()) == 1 and f.key not in full_person and not has_full_person
            for label, v in f.votes(weak).items():
                votes[label] += v
        etype = _pick_type(votes)
        if any(len(f.key.split()) >= 2 and _pick_type(f.votes(False)) == "PERSON"
               for f in forms) and all(
                   len(f.key.split()) == 1 or _pick_type(f.votes(False)) == "PERSON"
                   for f in forms):
            etype = "PERSON"  # a full person name and its short forms
        ms = sorted((m for f in forms for m in f.mentions), key=lambda m: (m.doc_id, m.start))
        aliases: list[str] = []
        for m in ms:
            if m.text not in aliases:
                aliases.append(m.text)
        name = _canonical(forms, etype)
        ent = Entity(id="", name=name, type=etype, aliases=aliases,
                     documents=sorted({m.doc_id for m in ms}), mentions=[])
        first = ms[0]
        staged.append(((-len(ms), first.doc_id, first.start, name), ent))
        ent.mentions = ms
    staged.sort(key=lambda x: x[0])
    return _numbered([ent for _, ent in staged])


def _numbered(entities: list[Entity]) -> list[Entity]:
    """The entities with ids E1, E2, ... in their order, their mentions pointing at them."""
    for n, ent in enumerate(entities, start=1):
        ent.id = f"E{n}"
        ent.mentions = [
            Mention(m.doc_id, m.start, m.end, m.text, ent.type or m.label, m.sentence, ent.id)
            for m in ent.mentions
        ]
    return entities


# --------------------------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------------------------


class EntityIndex:
    """Look up the entity behind a span of text (an event argument, a quote's speaker)."""

    def __init__(self, entities: list[Entity]) -> None:
        self._by_id = {e.id: e for e in entities}
        self._by_doc: dict[str, list[Mention]] = defaultdict(list)
        self._alias: dict[str, str] = {}
        alias_votes: dict[str, Counter[str]] = defaultdict(Counter)
        for e in entities:
            for m in e.mentions:
                self._by_doc[m.doc_id].append(m)
            for a in [e.name, *e.aliases]:
                alias_votes[name_key(a)][e.id] += 1 + sum(1 for m in e.mentions if m.text == a)
        for key, votes in alias_votes.items():
            if key:
                self._alias[key] = max(sorted(votes), key=lambda i: votes[i])
        for ms in self._by_doc.values():
            ms.sort(key=lambda m: (m.start, m.end))
        self._starts = {d: [m.start for m in ms] for d, ms in self._by_doc.items()}

    def get(self, entity_id: str) -> Entity:
        """The entity with this id (KeyError if unknown)."""
        return self._by_id[entity_id]

    def resolve(self, doc_id: str, start: int, end: int, text: str) -> str | None:
        """Entity id for the span ``[start, end)`` of document ``doc_id`` (its words: ``text``).

        Mentions inside the span come first: a possessor (``X's head``) or a prepositional
        modifier (``head of X``) gives way to the head name (``Roscosmos' head Dmitry Rogozin``
        -> Rogozin); with several candidates, the one before an appositive comma wins, else the
        last.  Otherwise the span's words are matched against the entities' aliases, also
        without leading role words (``Nasa``, ``the European Space Agency``).
        """
        cands = self._overlapping(doc_id, start, end)
        if cands:
            heads = [m for m in cands if not self._modifier(m, start, text)]
            pool = heads or cands
            comma = text.find(",")
            if len(pool) > 1 and comma >= 0 and pool[0].end - start <= comma:
                return pool[0].entity_id
            return pool[-1].entity_id
        return self.lookup(text)

    def lookup(self, text: str) -> str | None:
        """Entity id whose alias has the same normalised key as ``text`` (or its tail after
        role words), else None."""
        key = name_key(text)
        if key in self._alias:
            return self._alias[key]
        words = key.split()
        for k in range(1, len(words)):
            if words[k - 1] in ROLE_WORDS:
                tail = " ".join(words[k:])
                if tail in self._alias:
                    return self._alias[tail]
        return None

    def _overlapping(self, doc_id: str, start: int, end: int) -> list[Mention]:
        ms = self._by_doc.get(doc_id, [])
        starts = self._starts.get(doc_id, [])
        i = max(0, bisect_left(starts, start) - 8)
        out = []
        for m in ms[i:]:
            if m.start >= end:
                break
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > 0 and overlap * 2 >= m.end - m.start:
                out.append(m)
        return out

    @staticmethod
    def _modifier(m: Mention, start: int, text: str) -> bool:
        """Is this mention a possessor or a prepositional modifier within the span text?"""
        a, b = m.start - start, m.end - start
        after = text[b:b + 3] if 0 <= b <= len(text) else ""
        before = text[max(0, a - 5):a].lower() if a > 0 else ""
        if after[:1] in _APOSTROPHES:
            return True
        return bool(re.search(r"\b(of|at|for|from|in|with)\s+(the\s+)?$", before))


# --------------------------------------------------------------------------------------------
# Other scripts and handles
# --------------------------------------------------------------------------------------------


def _foreign_regions(doc: Document) -> list[tuple[int, int]]:
    """Text ranges written in another language: non-English paragraphs, else runs of words in
    a non-Latin script (with up to two Latin words inside, e.g. a signature)."""
    regions = [(p.start, p.end) for p in doc.paragraphs
               if p.language and not p.language.startswith("en")]
    if regions:
        return regions
    runs: list[tuple[int, int]] = []
    if doc.text.isascii():
        return runs  # the common case, decided at once
    for w in _WORD_RE.finditer(doc.text):
        if not w.group().isascii() and _latin_share(w.group()) < 0.5:
            if runs and w.start() - runs[-1][1] <= 40:
                runs[-1] = (runs[-1][0], w.end())
            else:
                runs.append((w.start(), w.end()))
    return runs


def _has_case(word: str) -> bool:
    return word.lower() != word.upper()


def link_other_scripts(
    documents: list[Document], entities: list[Entity], *, sweep: bool = True
) -> None:
    """Add mentions for names written in another script or as ``@handles`` (in place).

    With ``sweep`` (the default) it first calls :func:`add_missed_mentions`, so that the
    English occurrences of known names that NER missed are linked too.

    Capitalised words (and word pairs) of foreign-language text are transliterated with
    :mod:`unidecode` and matched to entity aliases by normalised key, then by rule 4's variant
    spelling test (which also absorbs a case ending: ``Roskosmosa``); a one-word match may also
    hit a person's surname.  Handles (``@Name``) match the same way.  The new mention gets the
    entity's type as label, its surface form is added to the aliases.
    """
    if not entities:
        return
    if sweep:
        add_missed_mentions(documents, entities)
    keys: dict[str, str] = {}
    surnames: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        for a in [e.name, *e.aliases]:
            k = name_key(a)
            if k:
                keys.setdefault(k, e.id)
        if e.type == "PERSON":
            for a in e.aliases:
                words = name_key(a).split()
                if len(words) >= 2:
                    surnames[words[-1]].add(e.id)
    by_first: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        by_first[k[:1]].append(k)
    by_id = {e.id: e for e in entities}

    def match(text: str) -> str | None:
        k = name_key(text)
        if not k:
            return None
        if k in keys:
            return keys[k]
        if " " not in k and len(surnames.get(k, ())) == 1:
            return next(iter(surnames[k]))
        for cand in by_first.get(k[:1], ()):
            if _variant_or_inflection(k, cand):
                return keys[cand]
        return None

    spans = _spans_by_doc(entities)
    for doc in documents:
        covered = _Covered(spans.get(doc.id, []))
        taken = set(spans.get(doc.id, []))
        found: list[tuple[int, int, str]] = []
        for rs, re_ in _foreign_regions(doc):
            tokens = list(_WORD_RE.finditer(doc.text, rs, re_))
            used: set[int] = set()
            for n in (2, 1):
                for i in range(len(tokens) - n + 1):
                    group = tokens[i:i + n]
                    if any(j in used for j in range(i, i + n)):
                        continue
                    if any(_has_case(w.group()) and not w.group()[0].isupper() for w in group):
                        continue
                    s, t = group[0].start(), group[-1].end()
                    if n == 2 and doc.text[group[0].end():t - len(group[-1].group())].strip():
                        continue
                    eid = match(doc.text[s:t])
                    if eid:
                        found.append((s, t, eid))
                        used.update(range(i, i + n))
        for h in _HANDLE_RE.finditer(doc.text):
            handle = h.group(1).strip("_")
            eid = match(handle) or match(re.sub(r"[_\d]+$", "", handle))
            if eid:
                found.append((h.start(), h.end(), eid))
        for s, t, eid in found:
            if (s, t) in taken or covered.overlaps(s, t):
                continue
            taken.add((s, t))
            _add_mention(by_id[eid], doc.id, s, t, doc.text[s:t])
    _tidy(entities)


def drop_common_words(documents: Sequence[Document], entities: list[Entity]) -> list[Entity]:
    """The entities less those that are common words capitalised by their place, numbered
    anew (E1, E2, ... by frequency as :func:`merge_entities` numbers them).

    A one-word name that the documents write in lower case at least twice as often as NER
    found it (and at least three times) is a common word read as a name at the start of a
    sentence or headline ("People are calm", "Rescue efforts have begun") or cut from a longer
    name; acronyms are kept (``WHO`` is no "who").  Every alias must be such a word.
    """
    def candidate(e: Entity) -> bool:
        return bool(e.aliases) and all(a.isalpha() and not is_acronym(a) for a in e.aliases)

    words = {a.lower() for e in entities if candidate(e) for a in e.aliases}
    if not words:
        return entities
    lower = lower_case_counts(documents, words)
    kept = [e for e in entities
            if not (candidate(e) and all(lower[a.lower()] >= max(3, 2 * len(e.mentions))
                                         for a in e.aliases))]
    return entities if len(kept) == len(entities) else _numbered(kept)


def lower_case_counts(documents: Iterable[Document], words: set[str]) -> Counter[str]:
    """How often the documents write each of ``words`` (lower-case) in lower case, as a word
    of its own."""
    counts: Counter[str] = Counter()
    for doc in documents:
        counts.update(w for w in _LOWER_WORD_RE.findall(doc.text) if w in words)
    return counts


_LOWER_WORD_RE = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")


def _spans_by_doc(entities: Sequence[Entity]) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for e in entities:
        for m in e.mentions:
            out[m.doc_id].append((m.start, m.end))
    return out


def _add_mention(ent: Entity, doc_id: str, start: int, end: int, text: str) -> None:
    """Add a mention; call :func:`_tidy` on the entities once all are added."""
    ent.mentions.append(Mention(doc_id, start, end, text, ent.type or "ORG", -1, ent.id))
    if text not in ent.aliases:
        ent.aliases.append(text)
    if doc_id not in ent.documents:
        ent.documents.append(doc_id)


def _tidy(entities: Iterable[Entity]) -> None:
    """Mentions in (document, offset) order and documents sorted, after additions."""
    for ent in entities:
        ent.mentions.sort(key=lambda m: (m.doc_id, m.start))
        ent.documents.sort()


class _Covered:
    """Character spans already taken in one document, with a fast overlap test."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [a for a, _ in self._spans]
        self._longest = max((b - a for a, b in self._spans), default=0)

    def overlaps(self, s: int, t: int) -> bool:
        i = bisect_left(self._starts, t)  # spans starting before t
        j = bisect_left(self._starts, s - self._longest)
        return any(b > s for _a, b in self._spans[j:i])

    def add(self, s: int, t: int) -> None:
        i = bisect_left(self._starts, s)
        self._starts.insert(i, s)
        self._spans.insert(i, (s, t))
        self._longest = max(self._longest, t - s)


def add_missed_mentions(documents: list[Document], entities: list[Entity]) -> None:
    """Link occurrences of known names that NER missed in English text (in place).

    spaCy's small model misses names in some contexts (``Space Corporation Roscosmos``,
    ``(ISS)`` after its expansion).  An alias is searched, case-sensitively and on word
    boundaries (no hyphen or letter next to it), when it belongs to one entity only and is
    reliable: several words, an acronym, or a one-word name that NER found at least twice.
    New mentions carry ``sentence=-1`` (the sentence index is not known here).
    """
    owners: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    for e in entities:
        for m in e.mentions:
            counts[m.text] += 1
        for a in e.aliases:
            owners[a].add(e.id)
    reliable = sorted(
        (a for a, ids in owners.items()
         if len(ids) == 1 and _latin_share(a) >= 0.5 and not a.startswith("@")
         and (" " in a or is_acronym(a) or (counts[a] >= 2 and a[:1].isupper()))),
        key=lambda a: (-len(a), a),
    )
    if not reliable:
        return
    # one small pattern per document, of the aliases whose first word could occur in it
    # (a single pattern of every alias would make each document's scan grow with the corpus)
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for a in reliable:
        by_prefix[_prefix(a)].append(a)
    by_id = {e.id: e for e in entities}
    spans = _spans_by_doc(entities)
    for doc in documents:
        prefixes = {_prefix(w) for w in _WORD_RE.findall(doc.text)}
        present = sorted((a for p in prefixes for a in by_prefix.get(p, ())),
                         key=lambda a: (-len(a), a))
        if not present:
            continue
        covered = _Covered(spans.get(doc.id, []))
        foreign = _foreign_regions(doc)
        for s, t in _whole_word_hits(doc.text, present):
            if covered.overlaps(s, t) or any(a <= s < b for a, b in foreign):
                continue
            text = doc.text[s:t]
            ent = by_id[next(iter(owners[text]))]
            _add_mention(ent, doc.id, s, t, text)
            covered.add(s, t)
    _tidy(entities)


def _whole_word_hits(text: str, names: Sequence[str]) -> list[tuple[int, int]]:
    """Non-overlapping whole-word occurrences of ``names`` in ``text``, leftmost first and,
    at one position, longest first (no letter, digit, ``@#/-`` before; no letter, digit or
    hyphen after, nor an apostrophe and two letters, as in ``O'Neill``)."""
    hits: list[tuple[int, int]] = []
    for name in names:
        i = text.find(name)
        while i >= 0:
            j = i + len(name)
            before = text[i - 1] if i else " "
            after = text[j:j + 3]
            if not (before.isalnum() or before in "_@#/-") and not (
                    after[:1].isalnum() or after[:1] in "_-"
                    or (after[:1] in "'’" and len(after) == 3 and after[1:].isalnum()
                        and "_" not in after[1:])):
                hits.append((i, j))
            i = text.find(name, i + 1)
    hits.sort(key=lambda h: (h[0], -h[1]))
    out: list[tuple[int, int]] = []
    end = -1
    for s, t in hits:
        if s >= end:
            out.append((s, t))
            end = t
    return out


def _prefix(text: str) -> str:
    """The first word: a cheap key to find the aliases that may occur in a text."""
    m = _WORD_RE.search(text)
    return m.group() if m else ""


def _variant_or_inflection(k: str, cand: str) -> bool:
    """Same name up to a variant spelling, or up to a short case ending (``roskosmosa``)."""
    if _similar_names(k, cand):
        return True
    return (len(cand) >= FUZZY_MIN_LENGTH and " " not in k and k.startswith(cand)
            and len(k) - len(cand) <= 2 and " " not in cand)


def mentions_by_document(entities: Sequence[Entity]) -> dict[str, list[Mention]]:
    """All entity mentions grouped by document id, in text order."""
    out: dict[str, list[Mention]] = defaultdict(list)
    for e in entities:
        for m in e.mentions:
            out[m.doc_id].append(m)
    for ms in out.values():
        ms.sort(key=lambda m: (m.start, m.end))
    return dict(out)


__all__ = [
    "ENTITY_LABELS",
    "EntityIndex",
    "NameMention",
    "add_missed_mentions",
    "drop_common_words",
    "entity_type_for_report",
    "extract_mentions",
    "initials",
    "is_acronym",
    "link_other_scripts",
    "lower_case_counts",
    "merge_entities",
    "name_key",
]

