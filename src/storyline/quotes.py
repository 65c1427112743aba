"""Quote extraction: who said what, directly (quote marks) or indirectly (reported speech).

The stage is rule-based over spaCy's dependency parse, in the spirit of textacy's
``direct_quotations`` and of PolNeAR's source/cue/content attribution, and runs in one pass
over the document (linear in its length):

1. **Quote marks** are paired per paragraph (``“ ”``, straight ``" "``, ``« »``, and ``‘ ’`` /
   ``' '`` when they enclose at least two words and are not apostrophes).  A paragraph that
   opens a quote without closing it continues into the next paragraph's opening mark.
2. **Attributions** are found sentence by sentence: a cue verb (``said``, ``wrote``, ``added``,
   ...) outside quote marks, ``according to X`` and ``X was quoted as saying``.  The cue's
   subject is the speaker; its clausal complement is the content of an indirect quote.
3. **Speakers** are resolved to a name as written: a person named inside the subject phrase
   ("Roskosmos head Dmitry Rogozin" -> "Dmitry Rogozin"), a named organisation, or, for a
   pronoun ("he", "it") or a role noun ("the agency head", "the US space agency"), the most
   recent compatible named mention, preferring earlier speakers and subjects, and mentions
   whose descriptors match the role noun.  A medium as subject ("The letter seemed to say")
   is resolved to whoever signed or sent it, when the text says so.
4. **Direct quotes** take the attribution whose cue governs their words, else the nearest cue
   in their sentences; a quote with no cue in its sentences inherits the attribution of the
   quote it continues, of a short attribution sentence right after it, or of the nearest
   preceding attribution (up to three sentences back).
5. **Medium** (tweet, telegram, letter, interview, statement, post, video, ...) comes from the
   words of the attribution outside the quoted content, else from the previous attribution of
   the same speaker nearby; **date** from a time expression attached to the attribution, else
   from the previous attribution by the same speaker with the same medium in the paragraph.

Decisions (documented in the tests too):

* A quoted span of one or two words whose sentence has no attribution is a scare quote or a
  name, not a quote, and is dropped.  With an attribution in its sentence it is a *partial*
  direct quote of that speaker ("mentioned that the attacks are an 'act of war'").
* Commissive verbs (vow, pledge, promise, threaten) are cues for quote marks they govern
  ("Russia has vowed to offer 'unprecedented support'" -> a partial quote of Russia) and, as in
  PolNeAR, their infinitive is an indirect quote ("to offer ... to private firms").  Verbs of
  intention (want, plan, decline, ...) report their infinitive, verbs of support and
  opposition (endorse, oppose, ...) their object, and any verb with a "that" clause its clause,
  but only when the subject is a person, an organisation or a role and the verb does not lie
  inside words another cue reports.
* Nouns of speech, thought and stance are cues too ("Doe's claim that ...", "her support for
  the bill", "Doe voiced concern about ..."), when their holder is a possessive, a "by"/"from"
  phrase or the subject of a verb that expresses or holds a view ("voice", "make", "have"),
  and the noun is not itself inside words another cue reports.  So are adjectives of attitude
  with a clause ("is confident that", "was reluctant to"; not "likely to", "able to") and verbs
  whose topic is a prepositional object ("talked about", "voted against", "pointed to").
* A reported clause stops before a closing aside (", who ...", ", which ...", an apposition)
  and before the speaker's own next act ("said the levy failed and urged a review").
* Indefinite pronouns and shares of groups ("some", "those surveyed", "a majority of
  voters", "4 in 10") speak as written, and may hold a stance like named people do.
* Role nouns that name nobody in particular ("a spokesman", "officials", "several experts")
  are not resolved: the speaker is the phrase as written.  First person outside quote marks
  ("I asked") is the writer: speaker None.
* An indirect quote whose content contains quote marks is kept only when it has at least three
  content words (nouns, verbs, adjectives, numbers) outside the quote marks, i.e. it says more than "they" or
  "the aim was to" around the quoted words; otherwise the direct quote alone stands for it.  So
  "complained that the aim was to “kill the economy and ...”" gives one direct partial quote,
  and "said that Russia would launch "dozens" of satellites into orbit this year" gives both the
  indirect quote and the partial direct quote "dozens".
* Headings (paragraphs of kind ``heading``; without paragraph information, one-line paragraphs
  of fewer than 20 words without final punctuation) and ``embed`` paragraphs yield no quotes.
* A direct quote of three or more words with no attribution at all is kept with speaker None.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from storyline.entities import context_label
from storyline.model import Document, Quote, TimeExpression

# --------------------------------------------------------------------------------------------
# Lexicons (general English)
# --------------------------------------------------------------------------------------------

#: Lemmas of verbs that report speech or writing.
SPEECH_VERBS: frozenset[str] = frozenset(
    {
        "say", "tell", "add", "state", "claim", "announce", "insist", "warn", "explain", "note",
        "mention", "argue", "complain", "write", "reiterate", "deny", "confirm", "report",
        "reveal", "imply", "indicate", "assert", "declare", "stress", "emphasise", "emphasize",
        "acknowledge", "admit", "tweet", "post", "reply", "answer", "comment", "remark",
        "observe", "maintain", "contend", "allege", "predict", "conclude", "inform", "clarify",
        "underline", "underscore", "recall", "ask", "suggest", "agree", "boast", "concede",
        "disclose", "lament", "quip", "urge", "affirm", "retort", "respond", "speak", "hint",
        "repeat", "specify", "estimate", "accuse", "blame", "caution", "proclaim",
    }
)
#: Commissive verbs: cues for the quote marks they govern, never for indirect quotes.
COMMISSIVE_VERBS: frozenset[str] = frozenset({"vow", "pledge", "promise", "threaten", "swear"})
#: Verbs of naming, judging and manner of speaking: like commissives, cues only for the quote
#: marks they govern ("called the show “the best ...”", "joked that he likes a “peaceful” ...").
MANNER_VERBS: frozenset[str] = frozenset({
    "call", "describe", "label", "dub", "term", "brand", "joke", "exclaim", "echo", "shout",
    "yell", "scream", "chant", "cry", "read", "muse", "plead", "mock", "praise",
    "criticize", "criticise", "slam", "blast", "thank", "question", "wonder", "interrupt",
    "laugh", "tout", "hail", "deride", "dismiss", "characterize", "characterise", "refer",
    "decry", "condemn", "denounce", "attack", "ridicule", "lament", "sigh", "whisper",
    "shoot", "fire", "snap", "vent", "rail", "blame", "gush", "ask", "title", "headline",
})
#: Verbs of belief, knowledge and evidence: cues of reported content only when they take a
#: clause ("a poll found that ...", "he believes that ..."), as PolNeAR's attributions do.
BELIEF_VERBS: frozenset[str] = frozenset({
    "believe", "think", "know", "hope", "expect", "fear", "feel", "find", "show", "learn",
    "realize", "realise", "recognize", "recognise", "understand", "doubt", "worry", "suspect",
    "discover", "project", "forecast", "testify", "recount", "guess", "reckon", "assume",
    "contend", "figure", "calculate", "determine", "decide", "judge", "consider", "hear",
    "read", "see", "agree", "warn", "signal", "acknowledge", "concede", "demonstrate",
})
#: Speech acts whose content is a noun phrase or a prepositional complement: "X accused Y of
#: lying", "X praised the plan", "X called for a ban".  The words after the verb are reported.
SPEECH_ACT_VERBS: frozenset[str] = frozenset({
    "accuse", "criticize", "criticise", "praise", "thank", "congratulate", "predict", "blame",
    "applaud", "endorse", "condemn", "denounce", "slam", "blast", "mock", "urge", "demand",
    "deny", "dismiss", "question", "defend", "attack", "welcome",
    "reject", "warn", "decry", "ridicule", "lambaste", "chide", "rebuke", "scold", "hail",
    "tout", "apologize", "apologise", "complain", "call", "ask", "request",
    "announce", "confirm", "acknowledge", "admit", "propose", "recommend", "suggest",
    "describe", "characterize", "characterise", "label", "brand", "dub", "insist", "argue",
})
#: Verbs of intention and stance whose infinitive complement is the reported content
#: ("wants to repeal the law", "declined to endorse him"): PolNeAR's attributions of intent.
STANCE_VERBS: frozenset[str] = frozenset({
    "want", "plan", "hope", "refuse", "decline", "seek", "intend", "aim", "vow", "promise",
    "pledge", "threaten", "agree", "offer", "urge", "wish", "prefer", "demand",
    "propose", "vote", "swear", "resolve", "decide",
})
#: Verbs of support and opposition whose object is the content ("endorsed the plan").
STANCE_ACT_VERBS: frozenset[str] = frozenset({
    "support", "endorse", "oppose", "back", "favor", "favour", "cite", "express", "voice",
    "embrace", "champion", "advocate", "reject", "offer", "propose", "defend", "criticize",
    "criticise", "mention", "discuss", "raise", "highlight", "dispute", "challenge",
})
#: Nouns of speech, thought and stance whose complement is reported content ("the claim
#: that", "a plan to", "criticism of", "support for").
CUE_NOUNS: frozenset[str] = frozenset({
    "claim", "assertion", "argument", "statement", "suggestion", "complaint", "belief",
    "view", "fear", "hope", "promise", "pledge", "vow", "plan", "proposal", "decision",
    "desire", "insistence", "warning", "allegation", "accusation", "admission", "request",
    "demand", "call", "criticism", "support", "opposition", "endorsement", "praise", "attack",
    "concern", "doubt", "comment", "remark", "refusal", "reluctance", "unwillingness",
    "willingness", "threat", "announcement", "recommendation", "prediction", "position",
    "stance", "intention", "determination", "commitment", "appeal", "assessment", "estimate",
    "disagreement", "denial", "confidence", "skepticism", "scepticism", "opinion",
    "contention", "conviction", "objection", "idea", "message", "insinuation", "charge",
    "question", "assurance", "reminder", "acknowledgment", "acknowledgement", "affection",
    "admiration", "disdain", "contempt", "distrust", "mistrust", "frustration", "anger",
})
#: Prepositions that introduce a nominal cue's content ("criticism of", "support for").
_CONTENT_PREPS: frozenset[str] = frozenset({"of", "for", "about", "on", "against", "to", "over"})
#: Nouns whose content follows one preposition only ("the call for", not "a call to the
#: office"; "a question about").
_NOUN_CONTENT_PREPS: dict[str, frozenset[str]] = {
    "call": frozenset({"for"}), "question": frozenset({"about", "of", "over"}),
    "message": frozenset({"about", "on"}), "statement": frozenset({"about", "on"}),
    "position": frozenset({"on"}), "view": frozenset({"of", "on", "about"}),
    "charge": frozenset({"of"}), "appeal": frozenset({"for"}), "request": frozenset({"for"}),
    "demand": frozenset({"for"}), "plan": frozenset({"for"}), "proposal": frozenset({"for"}),
    "promise": frozenset({"of"}), "threat": frozenset({"of"}), "idea": frozenset({"of"}),
    "attack": frozenset({"on"}), "support": frozenset({"for", "of"}),
    "opposition": frozenset({"to"}), "hope": frozenset({"for", "of"}),
    "fear": frozenset({"of", "about"}), "concern": frozenset({"about", "over", "for"}),
}
#: Verbs whose subject holds the view a nominal cue names ("voiced concern about", "made the
#: claim that", "has no plans to", "threw her support behind"); other verbs ("won the support
#: of", "hurt support for") say nothing of whose the view is.
_HOLDER_VERBS: frozenset[str] = frozenset({
    "express", "voice", "make", "have", "hold", "offer", "give", "announce", "issue",
    "outline", "unveil", "reiterate", "signal", "state", "share", "register", "declare",
    "lodge", "file", "present", "propose", "repeat", "lay", "air", "renew", "maintain",
    "reaffirm", "show", "indicate", "deliver", "pledge", "extend", "throw", "lend", "add",
    "be", "put", "set", "release", "post", "tweet", "send", "write", "publish", "detail",
    "defend", "explain", "press", "push", "step", "double", "stand", "keep", "abandon",
    "drop", "withdraw", "retract", "reverse", "soften", "harden", "change", "shift", "take",
    "raise", "provide", "launch", "continue", "cast", "float", "sound",
})
#: Verbs whose subject is not the holder of a nominal cue in their prepositional phrase
#: ("faced criticism for", "came under attack over", "responded to the call for").
_NOT_HOLDER_VERBS: frozenset[str] = frozenset({
    "face", "come", "respond", "react", "reply", "answer", "point", "refer", "object",
    "bristle", "balk", "push", "fire", "hit", "lash", "strike", "fight", "weigh", "comment",
    "listen", "hear", "dismiss", "brush", "laugh", "scoff",
})
#: Adjectives with a clause that say nothing of their subject's view ("able to", "likely to",
#: "set to", "due to"): likelihood and ability, not attitude.
_NOT_CUE_ADJECTIVES: frozenset[str] = frozenset({
    "able", "unable", "likely", "unlikely", "set", "due", "about", "bound", "sure", "certain",
    "apt", "liable", "quick", "slow", "first", "last", "next", "only", "free", "easy", "hard",
    "difficult", "possible", "impossible", "enough", "too", "ready", "available", "close",
    "eligible", "qualified", "careful", "fit", "right", "wrong", "lucky", "fortunate",
})
#: Verbs whose topic or stance is the object of a preposition ("talked about", "voted
#: against", "pointed to", "focused on"), with those prepositions.
PREP_CUE_VERBS: dict[str, frozenset[str]] = {
    "talk": frozenset({"about", "of"}), "speak": frozenset({"about", "of", "on"}),
    "vote": frozenset({"for", "against"}), "point": frozenset({"to"}),
    "focus": frozenset({"on"}), "push": frozenset({"for"}),
    "argue": frozenset({"for", "against"}), "advocate": frozenset({"for"}),
    "campaign": frozenset({"for", "against", "on"}), "rail": frozenset({"against"}),
    "lash": frozenset({"at"}), "weigh": frozenset({"on"}), "comment": frozenset({"on"}),
    "insist": frozenset({"on"}), "testify": frozenset({"about"}),
    "complain": frozenset({"about", "of"}), "boast": frozenset({"about", "of"}),
    "brag": frozenset({"about"}), "joke": frozenset({"about"}),
    "warn": frozenset({"of", "about", "against"}), "worry": frozenset({"about"}),
    "care": frozenset({"about"}), "agree": frozenset({"with", "on"}),
    "disagree": frozenset({"with", "on"}), "side": frozenset({"with", "against"}),
    "write": frozenset({"about", "of"}), "tweet": frozenset({"about"}),
    "refer": frozenset({"to"}), "allude": frozenset({"to"}), "object": frozenset({"to"}),
    "apologize": frozenset({"for"}), "apologise": frozenset({"for"}),
    "call": frozenset({"for"}), "ask": frozenset({"for", "about"}),
    "reflect": frozenset({"on"}), "dwell": frozenset({"on"}), "harp": frozenset({"on"}),
    "criticize": frozenset({"for"}), "criticise": frozenset({"for"}),
    "blame": frozenset({"for"}), "praise": frozenset({"for"}), "fight": frozenset({"for"}),
    "stand": frozenset({"by", "with", "behind"}), "vouch": frozenset({"for"}),
    "pray": frozenset({"for"}), "hope": frozenset({"for"}), "wish": frozenset({"for"}),
    "mourn": frozenset({"for"}), "grieve": frozenset({"for"}),
}
#: Verbs that take a "that" clause without reporting anybody's words or views.
_NOT_CUE_VERBS: frozenset[str] = frozenset({
    "be", "make", "ensure", "mean", "seem", "appear", "happen", "turn", "prove", "matter",
    "do", "have", "get", "take", "give", "go", "come", "see", "let", "help", "cause", "require",
})
#: Dependents of a speech act verb that carry its content.
_ACT_CONTENT_DEPS: frozenset[str] = frozenset({
    "dobj", "dative", "prep", "xcomp", "oprd", "attr", "acomp", "ccomp", "pcomp", "prt",
})
#: Content words a noun-phrase content must have to count as a report.
_MIN_ACT_WORDS = 1
#: Subjects that name nobody ("it is clear that", "this shows"): no one's view or words.
_EXPLETIVE_SUBJECTS: frozenset[str] = frozenset({"it", "this", "that", "there"})
#: First-person pronouns outside quote marks: the writer speaks ("I said", "we asked").
_FIRST_PERSON: frozenset[str] = frozenset({"i", "we"})

#: Role nouns that designate a person.
PERSON_ROLES: frozenset[str] = frozenset(
    {
        "head", "leader", "chief", "director", "minister", "president", "spokesman",
        "spokeswoman", "spokesperson", "official", "boss", "administrator", "chairman",
        "chairwoman", "chair", "ceo", "founder", "secretary", "governor", "premier",
        "chancellor", "ambassador", "commander", "general", "executive", "manager", "mayor",
        "senator", "lawmaker", "diplomat", "envoy", "prime", "king", "queen", "prince",
        "director-general", "man", "woman", "politician", "astronaut", "cosmonaut", "expert",
        "analyst", "scientist", "engineer", "representative", "deputy", "adviser", "advisor",
    }
)
#: Person roles that mark a title (someone heading something), used to rank antecedents.
TITLE_ROLES: frozenset[str] = frozenset(
    {
        "head", "leader", "chief", "director", "minister", "president", "boss", "administrator",
        "chairman", "chairwoman", "chair", "ceo", "founder", "secretary", "governor", "premier",
        "chancellor", "commander", "executive", "manager", "mayor", "director-general",
        "general", "spokesman", "spokeswoman", "spokesperson",
    }
)
#: Role nouns that designate an organisation.
ORG_ROLES: frozenset[str] = frozenset(
    {
        "agency", "company", "firm", "ministry", "organisation", "organization", "corporation",
        "administration", "department", "office", "government", "body", "group", "operator",
        "broadcaster", "outlet", "kremlin", "union", "alliance", "bloc", "commission",
        "council", "authority", "authorities", "regulator", "startup", "venture", "institute",
        "service", "military", "army", "party", "bank", "team", "club", "court", "embassy",
        "country", "nation", "state", "network", "channel", "newspaper", "agency's",
    }
)
#: Nouns for the channel of a quote, mapped to the reported medium.
MEDIUM_WORDS: dict[str, str] = {
    "telegram": "telegram",
    "tweet": "tweet", "twitter": "tweet", "retweet": "tweet", "x.com": "tweet",
    "facebook": "facebook", "instagram": "instagram", "vkontakte": "vkontakte",
    "letter": "letter",
    "interview": "interview", "podcast": "interview",
    "conference": "press conference", "briefing": "press conference",
    "statement": "statement", "communique": "statement", "release": "statement",
    "speech": "speech", "address": "speech",
    "video": "video", "broadcast": "broadcast", "television": "broadcast", "tv": "broadcast",
    "radio": "broadcast",
    "email": "email", "e-mail": "email", "message": "message",
    "post": "post", "blog": "post",
}
_MEDIUM_PRIORITY: tuple[str, ...] = (
    "telegram", "tweet", "facebook", "instagram", "vkontakte", "letter", "interview",
    "press conference", "statement", "speech", "video", "broadcast", "email", "message", "post",
)
#: Verbs whose agent is the author of a document ("a letter signed by X").
_AUTHORING_VERBS: frozenset[str] = frozenset(
    {"sign", "send", "write", "issue", "publish", "post", "author", "release", "pen"}
)

#: Common nouns that head institution names ("International Space Station").
_INSTITUTION_NOUNS: frozenset[str] = frozenset(
    {"station", "programme", "program", "mission", "project", "fund", "forum", "center",
     "centre", "university", "school", "parliament", "assembly", "congress", "senate"}
)
_PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her", "his"})
_ORG_PRONOUNS: frozenset[str] = frozenset({"it", "its", "they", "them", "their"})
_RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "which", "that", "whom"})
#: Pronouns for people in general or a share of a group ("some say", "many of them think").
_INDEFINITE_PRONOUNS: frozenset[str] = frozenset({
    "some", "many", "most", "few", "several", "all", "both", "those", "others", "one",
    "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "another", "none",
    "nobody", "each", "half",
})
_US_WORDS: frozenset[str] = frozenset(
    {"us", "u.s.", "u.s", "usa", "u.s.a.", "america", "american", "americans", "united states"}
)
_UK_WORDS: frozenset[str] = frozenset(
    {"uk", "u.k.", "britain", "british", "united kingdom", "england", "english"}
)
_SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass"})
_CLIMB_DEPS: frozenset[str] = frozenset({"advcl", "xcomp", "conj", "pcomp", "prep", "acl"})

#: Content words an indirect quote must have outside its quote marks to be kept beside them.
_MIN_EXTRA_WORDS = 3
_SENTENCE_END = re.compile(r"[.!?…\"”’»:)]\s*$")
_WORD = re.compile(r"\w+")
#: Plural endings of nouns for people ("voters", "activists", "Americans", "residents").
_PEOPLE_PLURAL = re.compile(r"(ers|ors|ists|ans|ents|ives|als|ics|ates|ees)$")


# --------------------------------------------------------------------------------------------
# Quote-mark spans
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuoteSpan:
    """Characters inside a pair of quote marks (``start``/``end`` exclude the marks)."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark; None when it runs to the paragraph end
    single: bool = False


def _paragraph_bounds(doc: Document) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every paragraph; from ``doc.paragraphs`` or from line breaks."""
    if doc.paragraphs:
        return [(p.start, p.end, p.kind) for p in doc.paragraphs]
    out: list[tuple[int, int, str]] = []
    for m in re.finditer(r"[^\n]+", doc.text):
        line = m.group()
        if not line.strip():
            continue
        words = len(_WORD.findall(line))
        heading = words < 20 and not _SENTENCE_END.search(line.rstrip())
        out.append((m.start(), m.end(), "heading" if heading else "body"))
    return out


def find_quote_spans(text: str, start: int, end: int) -> list[QuoteSpan]:
    """Pair the quote marks of one paragraph ``text[start:end]``.

    Double marks (curly, straight, guillemets) are paired first; single marks are paired only
    outside double quotes, when they open a word, close a word and enclose two words or more.
    An opening mark left open runs to the end of the paragraph.
    """
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    closer = ""
    for i in range(start, end):
        c = text[i]
        if c in "“«":
            if open_at is None:
                open_at, closer = i, ("”" if c == "“" else "»")
            elif c == text[open_at]:  # an unclosed quote followed by a new one
                spans.append(QuoteSpan(open_at + 1, _rstrip(text, open_at + 1, i), open_at, None))
                open_at, closer = i, ("”" if c == "“" else "»")
        elif c in "”»":
            if open_at is not None and (c == closer or text[open_at] == '"'):
                spans.append(QuoteSpan(open_at + 1, i, open_at, i))
                open_at = None
        elif c == '"':
            prev = text[i - 1] if i > start else " "
            nxt = text[i + 1] if i + 1 < end else " "
            if open_at is None:
                if prev.isalnum() and not nxt.isalnum():
                    continue  # a stray closing mark
                open_at, closer = i, '"'
            elif text[open_at] == '"' or closer == "”":
                spans.append(QuoteSpan(open_at + 1, i, open_at, i))
                open_at = None
    if open_at is not None:
        stop = _rstrip(text, open_at + 1, end)
        if stop > open_at + 1:
            spans.append(QuoteSpan(open_at + 1, stop, open_at, None))
    spans = [s for s in spans if any(ch.isalnum() for ch in text[s.start:s.end])]
    spans.extend(_single_quote_spans(text, start, end, spans))
    spans.sort(key=lambda s: s.start)
    return spans


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _single_quote_spans(
    text: str, start: int, end: int, doubles: Sequence[QuoteSpan]
) -> list[QuoteSpan]:
    """Single-mark quotes of several words, outside the double quotes of the paragraph."""

    def inside_double(i: int) -> bool:
        return any(d.open_at <= i <= (d.close_at if d.close_at is not None else d.end)
                   for d in doubles)

    out: list[QuoteSpan] = []
    i = start
    while i < end:
        c = text[i]
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if c in "'‘" and (prev.isspace() or prev in "([{—–-:") and nxt.isalnum() \
                and not inside_double(i):
            j = i + 2
            found = None
            while j < end and text[j] != "\n" and j - i < 300:
                cj = text[j]
                after = text[j + 1] if j + 1 < end else " "
                if cj in "'’" and not text[j - 1].isspace() and not after.isalnum():
                    found = j
                    break
                j += 1
            if found is not None and " " in text[i + 1:found].strip():
                out.append(QuoteSpan(i + 1, found, i, found, single=True))
                i = found + 1
                continue
        i += 1
    return out


# --------------------------------------------------------------------------------------------
# Named mentions and their descriptors
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Mention:
    """A named mention that a pronoun or a role noun can refer to."""

    start: int
    end: int
    text: str
    kind: str  # "person" | "org" | "place"
    sent: int
    words: frozenset[str]  # lower-case descriptor words (modifiers, appositions, the name)
    places: frozenset[str]  # place keys among the descriptors
    titled: bool  # described with a title role noun ("head", "director", ...)
    subject: bool
    head_noun: str  # lower-case head of the name ("station" for "the Space Station (ISS)")


def _place_key(word: str) -> str:
    w = word.lower().removesuffix("'s").removesuffix("’s").strip(".")
    if w in _US_WORDS or w + "." in _US_WORDS:
        return "us"
    if w in _UK_WORDS:
        return "uk"
    return w[:4]


def _is_place_token(tok: Token) -> bool:
    low = tok.text.lower()
    if tok.ent_type_ in ("GPE", "NORP", "LOC") or low in _US_WORDS or low in _UK_WORDS:
        return True
    return tok.text[:1].isupper() and tok.pos_ in ("ADJ", "PROPN") and bool(
        re.search(r"(an|ian|ese|ish|ean)$", low)
    )


def _strip_det(span: Span) -> Span:
    s, e = span.start, span.end
    doc = span.doc
    while s < e and (doc[s].pos_ == "DET" or doc[s].tag_ == "POS" or doc[s].is_punct):
        s += 1
    while e > s and (doc[e - 1].tag_ == "POS" or doc[e - 1].is_punct):
        e -= 1
    return doc[s:e]


#: entity labels that never speak (a weekday is not "the port authority")
_NOT_SPEAKERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                           "QUANTITY"})
_CALENDAR_WORDS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"])


class _Entities:
    """Document-level view of named mentions, with a vote on each name's kind."""

    def __init__(self, sdoc: Doc, sent_of: Sequence[int]) -> None:
        self.sdoc = sdoc
        self.sent_of = sent_of
        self.kind_by_key: dict[str, str] = {}
        self.ent_of: dict[int, Span] = {}
        votes: dict[str, dict[str, float]] = {}
        spans: list[Span] = []
        surnames = {e[-1].lower_ for e in sdoc.ents if e.label_ == "PERSON" and len(e) > 1}
        for ent in sdoc.ents:
            if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP", "PRODUCT", "FAC", "LOC"):
                continue
            span = _strip_det(ent)
            if not len(span) or not any(t.text[:1].isupper() for t in span):
                continue
            spans.append(span)
            for t in span:
                self.ent_of[t.i] = span
            v = votes.setdefault(_key(span.text), {})
            last = span[-1]
            # the entities stage's context rules: "space agency X", "X head" are organisations
            label = context_label(sdoc, span[0], last, ent.label_)
            if label == "PERSON":
                # a lone word tagged PERSON is weak evidence unless it is a known surname
                lone = 1.0 if last.lower_ in surnames else 0.5
                v["person"] = v.get("person", 0) + (3 if len(span) > 1 else lone)
            elif label in ("ORG", "PRODUCT", "FAC"):
                v["org"] = v.get("org", 0) + 1
            else:
                v["place"] = v.get("place", 0) + 1
            # a name that possesses or modifies a role noun is an organisation
            head = last.head
            if (last.dep_ in ("poss", "compound") and head.lemma_.lower() in PERSON_ROLES) or (
                last.dep_ == "pobj" and head.head.lemma_.lower() in PERSON_ROLES
            ):
                v["org"] = v.get("org", 0) + 2
            if last.text.isupper() and len(last.text) > 1:
                v["org"] = v.get("org", 0) + 1
            elif label != "PERSON" and _looks_like_person_name(span):
                v["person"] = v.get("person", 0) + 1.5
        for k, v in votes.items():
            # on a tie an organisation wins: lone words tagged PERSON are often organisations
            self.kind_by_key[k] = max(v, key=lambda x: (v[x], x == "org"))
        # proper nouns the recognizer missed, in argument positions
        for tok in sdoc:
            if tok.pos_ == "PROPN" and tok.i not in self.ent_of and tok.dep_ in (
                "nsubj", "nsubjpass", "pobj", "dobj", "appos", "poss", "conj"
            ) and tok.text[:1].isupper() and tok.ent_type_ not in _NOT_SPEAKERS \
                    and tok.lower_ not in _CALENDAR_WORDS:
                span = _strip_det(sdoc[_compound_start(tok):tok.i + 1])
                if len(span) and not any(t.i in self.ent_of for t in span):
                    spans.append(span)
                    for t in span:
                        self.ent_of[t.i] = span
        spans.sort(key=lambda sp: sp.start)
        self.spans = spans
        self.mentions: list[_Mention] = [self._mention(s) for s in spans]
        self.starts: list[int] = [m.start for m in self.mentions]

    def kind(self, span: Span) -> str:
        k = self.kind_by_key.get(_key(span.text))
        if k:
            return k
        return "person" if span[-1].ent_type_ == "PERSON" else "org"

    def _mention(self, span: Span) -> _Mention:
        kind = self.kind(span)
        head = span[-1]
        desc: list[Token] = []
        # modifiers of the head outside the name, and the appositions around it
        root = head
        while root.dep_ in ("appos", "compound") and root.head is not root \
                and root.head.pos_ in ("NOUN", "PROPN"):
            root = root.head
            desc.extend(t for t in _np_tokens(root) if t.i < span.start or t.i >= span.end)
        desc.extend(t for t in _np_tokens(head) if t.i < span.start or t.i >= span.end)
        for child in root.children:
            if child.dep_ == "appos" and not (span.start <= child.i < span.end):
                desc.extend(child.subtree)
        words = {t.lemma_.lower() for t in desc if t.is_alpha and not t.is_stop}
        words |= {t.text.lower() for t in desc if t.is_alpha and not t.is_stop}
        if kind != "person":
            words |= {t.lower_ for t in span if t.is_alpha}
        places = frozenset(_place_key(t.text) for t in list(desc) + list(span)
                           if _is_place_token(t) and (kind != "place" or t in desc))
        titled = any(t.lemma_.lower() in TITLE_ROLES for t in desc)
        subject = head.dep_ in _SUBJECT_DEPS or root.dep_ in _SUBJECT_DEPS
        head_noun = (root if root.dep_ != "compound" else head).lower_
        return _Mention(span.start_char, span.end_char, span.text, kind, self.sent_of[head.i],
                        frozenset(words), places, titled, subject, head_noun)


def _looks_like_person_name(span: Span) -> bool:
    """Two or three capitalised proper nouns without an institution word ("Oleg Petrov")."""
    words = [t for t in span if not t.is_punct]
    return 2 <= len(words) <= 3 and all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper()
        and t.lower_ not in ORG_ROLES and t.lower_ not in _INSTITUTION_NOUNS
        and not _is_place_token(t) and t.tag_ != "POS"
        for t in words
    )


def _key(name: str) -> str:
    words = name.lower().replace("’", "'").split()
    return words[-1].removesuffix("'s").strip("'") if words else ""


def _np_tokens(head: Token) -> list[Token]:
    """The head's noun phrase: its modifiers and ``of``-complements (no clauses)."""
    out = [head]
    for child in head.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss", "det", "nummod", "case", "punct"):
            if child.i < head.i:
                out.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in ("of", "at", "for", "from"):
            out.extend(child.subtree)
    return sorted(out, key=lambda t: t.i)


# --------------------------------------------------------------------------------------------
# Attributions
# --------------------------------------------------------------------------------------------


@dataclass
class _Speaker:
    text: str
    start: int
    end: int
    kind: str
    via: str | None = None


@dataclass
class _Attribution:
    """A cue with its speaker and, for reported speech, its content."""

    cue_tok: Token
    cue: str
    sent: int
    speaker: _Speaker | None
    content: tuple[int, int] | None  # token range of the content clause
    frame: list[Token] = field(default_factory=list)  # words of the attribution itself
    direct_only: bool = False
    medium: str | None = None
    date: str | None = None
    para: int = -1
    subj: int | None = None  # token index of the cue's subject


def extract_quotes(
    doc: Document, sdoc: Doc, timexes: list[TimeExpression]
) -> list[Quote]:
    """Extract direct and indirect quotes of ``doc`` (``sdoc`` is ``nlp(doc.text)``)."""
    quotes = _Extractor(doc, sdoc, timexes).run() + embedded_post_quotes(doc, sdoc)
    quotes.sort(key=lambda q: q.start)
    return quotes


#: "— NAME (@handle) March 8, 2022", the attribution line of an embedded social media post
_POST_ATTRIBUTION = re.compile(
    r"[—–-]{1,2}\s*(?P<name>[^()\n]{1,80}?)\s*\(@(?P<handle>[\w.]{1,30})\)\s*"
    r"(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4})?")
_POST_SHARED = re.compile(
    r"A (?:post|photo|video) shared by (?P<name>[^()\n]{1,80}?)\s*\(@(?P<handle>[\w.]{1,30})\)"
    r"(?:\s+on\s+(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}))?", re.IGNORECASE)


def embedded_post_quotes(doc: Document, sdoc: Doc | None = None) -> list[Quote]:
    """An embedded post (a tweet, an Instagram post) is a direct quote of its author.

    Cleaning keeps the post's text as an ``embed`` paragraph and its attribution line on the
    paragraph; the author's display name is the speaker (``speaker_via`` holds the handle), the
    date comes from the attribution.
    """
    out: list[Quote] = []
    for p in doc.paragraphs:
        if p.kind != "embed" or not p.attribution:
            continue
        m = _POST_ATTRIBUTION.search(p.attribution)
        medium = "tweet"
        if m is None:
            m = _POST_SHARED.search(p.attribution)
            medium = "post"
        if m is None:
            continue
        date = None
        if m["date"]:
            for fmt in ("%B %d, %Y", "%B %d %Y", "%d %B %Y", "%b %d, %Y", "%b. %d, %Y"):
                try:
                    date = dt.datetime.strptime(m["date"], fmt).date().isoformat()
                    break
                except ValueError:
                    continue
        text = doc.text[p.start:p.end]
        sentence = -1
        if sdoc is not None:
            sentence = next((i for i, s in enumerate(sdoc.sents) if s.end_char > p.start), -1)
        out.append(Quote(
            doc_id=doc.id, text=text, start=p.start, end=p.end, direct=True,
            speaker=m["name"].strip(), speaker_via="@" + m["handle"], cue=None, medium=medium,
            date=date, sentence=sentence,
        ))
    return out


class _Extractor:
    """One document's quote extraction (holds only per-document state)."""

    def __init__(self, doc: Document, sdoc: Doc, timexes: list[TimeExpression]) -> None:
        self.doc = doc
        self.sdoc = sdoc
        self.sents: list[Span] = list(sdoc.sents)
        self.sent_of: list[int] = [0] * len(sdoc)
        for si, s in enumerate(self.sents):
            for t in s:
                self.sent_of[t.i] = si
        # calendar time expressions, grouped by sentence
        sent_starts = [sp.start_char for sp in self.sents]
        self.timexes: dict[int, list[TimeExpression]] = {}
        for tx in timexes:
            if tx.calendar_date():
                sj = bisect.bisect_right(sent_starts, tx.start) - 1
                self.timexes.setdefault(sj, []).append(tx)
        self.paras = _paragraph_bounds(doc)
        self.para_of_sent: list[int] = []
        pi = 0
        for s in self.sents:
            while pi + 1 < len(self.paras) and self.paras[pi][1] <= s.start_char:
                pi += 1
            self.para_of_sent.append(pi)
        self.spans: list[QuoteSpan] = []
        self.span_para: list[int] = []
        for pi, (ps, pe, kind) in enumerate(self.paras):
            if kind in ("heading", "embed"):
                continue
            for sp in find_quote_spans(doc.text, ps, pe):
                self.spans.append(sp)
                self.span_para.append(pi)
        # token -> quote span index (marks included)
        self.quote_of: list[int] = [-1] * len(sdoc)
        for qi, sp in enumerate(self.spans):
            lo = sp.open_at
            hi = sp.close_at + 1 if sp.close_at is not None else sp.end
            for t in _tokens_in(sdoc, lo, hi):
                self.quote_of[t.i] = qi
        self.entities = _Entities(sdoc, self.sent_of)
        self.history: list[_Attribution] = []
        self.speaker_spans: set[tuple[int, int]] = set()

    # -- main -----------------------------------------------------------------------------------

    def run(self) -> list[Quote]:
        attributions: list[_Attribution] = []
        for si, sent in enumerate(self.sents):
            if self.paras and self.paras[self.para_of_sent[si]][2] in ("heading", "embed"):
                continue
            here: list[_Attribution] = []
            for tok in sent:
                att = self._attribution(tok, si)
                if att is not None:
                    here.append(att)
            here = _drop_nested_nouns(here)
            _split_contents(self.sdoc, here)
            for att in here:
                att.para = self.para_of_sent[si]
                self._fill_medium_date(att)
                attributions.append(att)
                self.history.append(att)
                if att.speaker is not None:
                    self.speaker_spans.add((att.speaker.start, att.speaker.end))
        direct = self._direct_quotes(attributions)
        indirect = self._indirect_quotes(attributions, direct)
        out = sorted(direct + indirect, key=lambda q: (q.start, not q.direct))
        return out

    # -- cues -----------------------------------------------------------------------------------

    def _attribution(self, tok: Token, si: int) -> _Attribution | None:
        if self.quote_of[tok.i] >= 0:
            return None
        lemma = tok.lemma_.lower()
        low = tok.lower_
        if low == "according" and tok.i + 1 < len(self.sdoc) and self.sdoc[tok.i + 1].lower_ == "to":
            pobj = next((c for c in self.sdoc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is None:
                return None
            speaker = self._name_of(pobj)
            sent = self.sents[si]
            skip = {t.i for t in tok.subtree}
            content = _trim(self.sdoc, [t.i for t in sent if t.i not in skip])
            frame = list(tok.subtree)
            return _Attribution(tok, "according to", si, speaker, content, frame)
        if tok.pos_ == "NOUN" and lemma in CUE_NOUNS:
            return self._noun_attribution(tok, si)
        if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "oprd"):
            return self._adjective_attribution(tok, si)
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("amod", "compound"):
            return None
        nxt = self.sdoc[tok.i + 1] if tok.i + 1 < len(self.sdoc) else None
        colon = nxt is not None and nxt.text == ":" and tok.pos_ == "VERB"  # "He continued:"
        commissive = lemma in COMMISSIVE_VERBS or (
            (lemma in MANNER_VERBS or colon) and lemma not in SPEECH_VERBS)
        belief = lemma in BELIEF_VERBS and lemma not in SPEECH_VERBS
        prep_obj = self._prep_object(tok, lemma)
        stance = lemma in STANCE_VERBS or lemma in STANCE_ACT_VERBS or prep_obj is not None
        generic = False
        if not belief and tok.pos_ == "VERB" and lemma not in _NOT_CUE_VERBS and any(
                c.dep_ == "ccomp" and c.i > tok.i and any(
                    m.dep_ == "mark" and m.lower_ in ("that", "whether") for m in c.children)
                for c in tok.children) and lemma not in SPEECH_VERBS:
            belief = generic = True  # a verb with a "that" clause reports a view
        quoted_as = lemma == "quote" and any(
            c.lower_ == "as" and any(g.lemma_ == "say" for g in c.children) for c in tok.children
        )
        if lemma == "say" and tok.head.lower_ == "as" and tok.head.head.lemma_ == "quote":
            return None  # handled at "quoted"
        if lemma not in SPEECH_VERBS and not commissive and not quoted_as and not belief \
                and not colon and not stance:
            return None
        if lemma == "add" and any(c.dep_ in ("dobj", "dative") for c in tok.children):
            return None  # "added a module" is not speech
        cue = low
        subj_tok = self._subject(tok)
        if quoted_as:  # "X was quoted as saying"
            cue = "quoted as saying"
        content_root, content = self._content(tok)
        if belief and not stance and (content_root is None or content_root.dep_ != "ccomp"
                                      or content_root.head.i != tok.i):
            return None
        if content is None and lemma in STANCE_VERBS:
            content_root, content = self._xcomp_content(tok)
            if content is not None:
                commissive = False
        if content is None and (lemma in SPEECH_ACT_VERBS or lemma in STANCE_ACT_VERBS) \
                and not quoted_as:
            content_root, content = self._act_content(tok)
            if content is not None:
                commissive = False
        if content is None and prep_obj is not None:
            content_root, content = prep_obj, _trim(self.sdoc, _clause(prep_obj))
            if content is not None:
                commissive = False
        if stance and content is None and lemma not in SPEECH_VERBS and not commissive:
            return None
        speaker = self._speaker(subj_tok, tok) if subj_tok is not None else None
        if (generic or stance) and lemma not in SPEECH_VERBS and lemma not in BELIEF_VERBS \
                and not commissive and not self._agentive(tok, subj_tok, speaker):
            return None
        if speaker is None and tok.dep_ in ("advcl", "conj"):
            speaker = self._previous_speaker(si)
        skip = set(range(*content)) if content else set()
        if content_root is not None and self.sent_of[content_root.i] == si:
            skip |= {t.i for t in content_root.subtree}
        frame = self._frame(si, skip)
        att = _Attribution(tok, cue, si, speaker, content, frame, direct_only=commissive,
                           subj=subj_tok.i if subj_tok is not None else None)
        if subj_tok is not None and subj_tok.lemma_.lower() in MEDIUM_WORDS \
                and subj_tok.pos_ == "NOUN":
            att.medium = MEDIUM_WORDS[subj_tok.lemma_.lower()]
        return att

    def _frame(self, si: int, skip: set[int] | frozenset[int] = frozenset()) -> list[Token]:
        """The tokens of sentence ``si`` around a cue: outside quote marks and outside
        ``skip`` (the reported content)."""
        return [t for t in self.sents[si] if t.i not in skip and self.quote_of[t.i] < 0]

    def _adjective_attribution(self, adj: Token, si: int) -> _Attribution | None:
        """An adjective of attitude with a clause: "Doe is confident that the bill will
        pass", "the union was reluctant to sign": the subject's view or intention."""
        root: Token | None = None
        for c in adj.children:
            if c.i > adj.i and c.pos_ in ("VERB", "AUX") and (
                    (c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in (
                        "that", "whether") for m in c.children))
                    or (c.dep_ == "xcomp" and any(m.dep_ == "aux" and m.lower_ == "to"
                                                  for m in c.children))):
                root = c
                break
        if root is None or adj.lemma_.lower() in _NOT_CUE_ADJECTIVES:
            return None
        verb = adj.head
        subj_tok = self._subject(verb)
        if subj_tok is None or self.quote_of[subj_tok.i] >= 0 or subj_tok.lower_ in \
                _EXPLETIVE_SUBJECTS:
            return None  # "it is clear that": nobody's view
        speaker = self._speaker(subj_tok, verb)
        if not self._agentive(adj, subj_tok, speaker):
            return None
        content = _trim(self.sdoc, _clause(root))
        if content is None:
            return None
        skip = {t.i for t in root.subtree}
        frame = self._frame(si, skip)
        return _Attribution(adj, adj.lower_, si, speaker, content, frame, subj=subj_tok.i)

    def _noun_attribution(self, noun: Token, si: int) -> _Attribution | None:
        """A nominal cue with its content and its holder: "Doe's claim that the plan failed",
        "the decision by the board to sell", "her support for the bill", "Doe voiced concern
        about the cuts" (the holder of a noun that is a verb's object is that verb's
        subject)."""
        content_root: Token | None = None
        idx: list[int] = []
        for c in noun.children:
            if c.i < noun.i:
                continue
            if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX") and any(
                    g.dep_ in ("mark", "aux") and g.lower_ in ("that", "to") and g.i < c.i
                    for g in c.children):
                content_root, idx = c, _clause(c)  # "the claim that ...", "the plan to ..."
                break
            if c.dep_ == "prep" and c.lower_ in _NOUN_CONTENT_PREPS.get(
                    noun.lemma_.lower(), _CONTENT_PREPS):
                obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    content_root, idx = obj, _clause(obj)  # "support for the bill"
                    break
        if content_root is None:
            return None
        content = _trim(self.sdoc, idx)
        if content is None:
            return None
        holder: Token | None = None
        for c in noun.children:
            if c.dep_ == "poss":
                holder = c  # "Doe's claim", "her support"
            elif c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i < content_root.i:
                holder = next((g for g in c.children if g.dep_ == "pobj"), holder)
        if holder is None and noun.dep_ in ("dobj", "attr", "pobj"):
            verb = noun.head if noun.dep_ != "pobj" else noun.head.head
            if verb.pos_ in ("VERB", "AUX") and (verb.lemma_.lower() in _HOLDER_VERBS or (
                    noun.dep_ == "pobj" and verb.lemma_.lower() not in _NOT_HOLDER_VERBS)):
                holder = self._subject(verb)
        if holder is None or self.quote_of[holder.i] >= 0:
            return None
        speaker = self._speaker(holder, noun) if holder.pos_ == "PRON" else \
            self._name_of(holder)
        if speaker is None:
            return None
        skip = set(range(*content)) | {t.i for t in content_root.subtree}
        frame = self._frame(si, skip)
        return _Attribution(noun, noun.lower_, si, speaker, content, frame, subj=holder.i)

    def _subject(self, verb: Token) -> Token | None:
        """The subject of a cue verb, climbing through participles and coordination."""
        cur = verb
        for _ in range(4):
            subjects = [c for c in cur.children if c.dep_ in _SUBJECT_DEPS]
            # a quoted sentence misparsed as a second subject: the one outside quote marks
            subj = next((c for c in subjects if self.quote_of[c.i] < 0),
                        subjects[0] if subjects else None)
            if subj is None:
                agent = next((c for c in cur.children if c.dep_ == "agent"), None)
                if agent is not None and cur.tag_ == "VBN":
                    subj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if subj is not None:
                if self.quote_of[subj.i] >= 0:
                    # "“..., this guy,” Trump, the frontrunner, said": the quoted words taken
                    # as the subject, the speaker as their apposition
                    return next((c for c in subj.children if c.dep_ == "appos"
                                 and c.i > subj.i and self.quote_of[c.i] < 0), None)
                return subj
            if cur is verb:
                inverted = self._inverted_subject(verb)
                if inverted is not None:
                    return inverted
            if cur.dep_ == "conj":
                # "... and the venture OneWeb added that": a noun right before the verb
                prev = cur.i - 1
                while prev > 0 and self.sdoc[prev].dep_ in ("advmod", "aux", "neg"):
                    prev -= 1
                p = self.sdoc[prev]
                if p.pos_ in ("PROPN", "NOUN") and self.quote_of[p.i] < 0:
                    return p
            if cur.dep_ not in _CLIMB_DEPS or cur.head is cur:
                return None
            cur = cur.head
            if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in SPEECH_VERBS:
                # "X added that the plan will fail, saying ...": the participle is X's
                cur = cur.head
        return None

    def _inverted_subject(self, verb: Token) -> Token | None:
        """The speaker after a cue that follows quoted words or a comma ("“...,” said Jane
        Doe, an analyst"), when the parser attached the name elsewhere."""
        if verb.tag_ not in ("VBD", "VBZ", "VBP"):
            return None  # "..., saying": a participle's speaker is its head's subject
        prev = verb.i - 1
        while prev >= 0 and self.sdoc[prev].is_space:
            prev -= 1
        if prev < 0 or not (self.sdoc[prev].is_punct and (
                self.sdoc[prev].is_quote or self.sdoc[prev].text == ",")):
            return None
        i = verb.i + 1
        while i < len(self.sdoc) and i <= verb.i + 3 and self.sdoc[i].pos_ in ("DET", "ADJ"):
            i += 1
        if i >= len(self.sdoc) or self.quote_of[i] >= 0 or \
                self.sdoc[i].pos_ not in ("PROPN", "NOUN"):
            return None
        # the last word of the name ("said David Brock" -> "Brock")
        while i + 1 < len(self.sdoc) and self.sdoc[i + 1].pos_ == self.sdoc[i].pos_ and \
                self.sdoc[i + 1].is_alpha and self.quote_of[i + 1] < 0:
            i += 1
        tok = self.sdoc[i]
        if tok.head is verb and tok.dep_ in ("dobj", "dative", "attr", "oprd"):
            return None  # "..., told reporters": an object, not a speaker
        if tok.pos_ == "NOUN" and tok.lemma_.lower() not in PERSON_ROLES and \
                tok.lemma_.lower() not in ORG_ROLES and tok.lemma_.lower() not in MEDIUM_WORDS:
            return None
        return tok

    def _prep_object(self, verb: Token, lemma: str) -> Token | None:
        """The object of the preposition that carries a verb's topic or stance ("talked about
        the economy", "voted against the bill", "lashed out at the press"), or None."""
        preps = PREP_CUE_VERBS.get(lemma)
        if preps is None:
            return None
        heads = [verb] + [c for c in verb.children if c.dep_ == "prt"]  # "lashed out at"
        for h in heads:
            for c in h.children:
                if c.dep_ == "prep" and c.i > verb.i and c.lower_ in preps:
                    obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                    if obj is not None:
                        return obj
        return None

    def _agentive(self, verb: Token, subj: Token | None, speaker: _Speaker | None) -> bool:
        """Whether a verb of intention or stance is someone's own, reportable view: its
        subject names a person, an organisation or a role (not "the rules"), and the verb is
        not itself inside words reported by another cue ("said that the rules aim to")."""
        if subj is None or speaker is None:
            return False
        for anc in verb.ancestors:
            if anc.lemma_.lower() in SPEECH_VERBS or anc.lemma_.lower() in BELIEF_VERBS or (
                    anc.lemma_.lower() in STANCE_VERBS and anc.pos_ == "VERB"):
                return False
        return speaker.kind != "other" or subj.lemma_.lower() in PERSON_ROLES \
            or subj.lemma_.lower() in ORG_ROLES or subj.ent_type_ in ("PERSON", "ORG", "NORP") \
            or _people_share(subj)

    def _xcomp_content(self, verb: Token) -> tuple[Token | None, tuple[int, int] | None]:
        """The infinitive a verb of intention governs ("wants to repeal the law")."""
        for c in verb.children:
            if c.dep_ == "xcomp" and c.i > verb.i and c.pos_ in ("VERB", "AUX"):
                idx = [t.i for t in c.subtree]
                if len(idx) >= 3:
                    return c, _trim(self.sdoc, idx)
        return None, None

    def _act_content(self, verb: Token) -> tuple[Token | None, tuple[int, int] | None]:
        """The words a speech act reports: its complements after the verb ("accused Y of
        lying", "called for a ban"), when they hold enough content words and no new clause."""
        if verb.lemma_.lower() == "call" and not any(
                c.dep_ == "prep" and c.lower_ in ("for", "on") for c in verb.children):
            return None, None  # "called him a liar" is naming, handled with quote marks
        idx: list[int] = []
        for c in verb.children:
            if c.i < verb.i or c.dep_ not in _ACT_CONTENT_DEPS:
                continue
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "on", "during", "after", "before",
                                                   "since", "amid", "despite", "by") and \
                    verb.lemma_.lower() != "call":
                continue  # circumstances ("in an interview", "on Tuesday")
            idx.extend(_clause(c))
        if not idx:
            return None, None
        words = [self.sdoc[i] for i in idx if self.sdoc[i].pos_ in (
            "NOUN", "PROPN", "VERB", "ADJ", "NUM") and self.sdoc[i].is_alpha]
        if len(words) < _MIN_ACT_WORDS:
            return None, None
        return verb, _trim(self.sdoc, sorted(idx))

    def _content(self, verb: Token) -> tuple[Token | None, tuple[int, int] | None]:
        """The root and token range of the clause a cue verb reports, or (None, None)."""
        for child in verb.children:
            if child.dep_ == "xcomp" and child.lemma_ == "say":
                return self._content(child)
            if child.dep_ == "prep" and child.lower_ == "as" and verb.lemma_ == "quote":
                say = next((g for g in child.children if g.lemma_ == "say"), None)
                if say is not None:
                    return self._content(say)
        ccomps = [c for c in verb.children if c.dep_ == "ccomp"]
        if ccomps:
            # several complements (a misparse): prefer the one introduced by "that", then the
            # one after the cue
            best = max(ccomps, key=lambda c: (
                any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children), c.i > verb.i))
            return best, _trim(self.sdoc, _clause(best))
        if verb.dep_ == "parataxis":
            # "..., he said, “...”": the words on the head's side of the cue
            sub = list(verb.subtree)
            lo, hi = sub[0].i, sub[-1].i
            head = verb.head
            side = [t.i for t in head.subtree if (t.i > hi if head.i > hi else t.i < lo)]
            return head, _trim(self.sdoc, side)
        # a sentence split before ", X said": the content is the previous sentence
        sent = self.sents[self.sent_of[verb.i]]
        first = sent[0]
        if first.is_punct and first.text in ",;" and verb.i - sent.start <= 8 \
                and self.sent_of[verb.i] > 0:
            prev = self.sents[self.sent_of[verb.i] - 1]
            if self.para_of_sent[self.sent_of[verb.i] - 1] == \
                    self.para_of_sent[self.sent_of[verb.i]]:
                return prev.root, _trim(self.sdoc, list(range(prev.start, prev.end)))
        return None, None

    # -- speakers -------------------------------------------------------------------------------

    def _speaker(self, subj: Token, cue: Token) -> _Speaker | None:
        low = subj.lower_
        if subj.tag_ in ("WP", "WDT") or (low in _RELATIVE_PRONOUNS and subj.pos_ == "PRON"):
            # "a tweet from Rogozin, the director, who stated": the relative clause's noun
            head = cue.head if cue.dep_ == "relcl" else None
            if head is None:
                head = self._relative_antecedent(subj)
            if head is None:
                return None
            while head.dep_ == "appos":
                head = head.head
            named = self._name_of(head)
            if named is not None and named.via is None:
                named.via = subj.text  # resolved through the relative pronoun
            return named
        if subj.pos_ == "PRON":
            if low in _PERSON_PRONOUNS:
                m = self._resolve(("person",), subj.idx, self.sent_of[subj.i])
            elif low in _ORG_PRONOUNS:
                m = self._resolve(("org", "place"), subj.idx, self.sent_of[subj.i])
            elif low in _FIRST_PERSON:
                return None  # the writer speaks ("I asked"): no speaker to report
            elif low in _INDEFINITE_PRONOUNS:
                return self._as_written(subj)
            else:
                return None
            if m is None:
                return self._last_named_speaker(self.sent_of[subj.i], subj.text)
            return _Speaker(m.text, m.start, m.end, m.kind, via=subj.text)
        return self._name_of(subj)

    def _as_written(self, head: Token) -> _Speaker | None:
        """A speaker that names nobody in particular ("some of his aides", "those surveyed"),
        as written: the head with its modifiers and "of" phrase, without clauses."""
        np = _np_tokens(head)
        for child in head.children:
            if child.dep_ == "acl" and child.tag_ == "VBN" and child.i == head.i + 1 \
                    and child.n_rights == 0:
                np.append(child)  # "those surveyed", "those polled"
        span = _strip_det(self.sdoc[min(t.i for t in np):max(t.i for t in np) + 1])
        if not len(span):
            return None
        return _Speaker(span.text, span.start_char, span.end_char, "other")

    def _last_named_speaker(self, si: int, via: str) -> _Speaker | None:
        """For a pronoun with no compatible name in sight: the latest named speaker of an
        attribution in the previous few sentences ("Violet said ... she said")."""
        for att in reversed(self.history):
            if att.sent < si - 7:
                break
            sp = att.speaker
            if sp is not None and sp.kind != "other" and sp.via is None:
                return _Speaker(sp.text, sp.start, sp.end, sp.kind, via=via)
        return None

    def _relative_antecedent(self, rel: Token) -> Token | None:
        """For a sentence split right before "who stated": the last noun before it."""
        i = rel.i - 1
        while i >= 0 and (self.sdoc[i].is_punct or self.sdoc[i].is_space):
            i -= 1
        if i >= 0 and self.sdoc[i].pos_ in ("PROPN", "NOUN"):
            return self.sdoc[i]
        return None

    def _name_of(self, head: Token) -> _Speaker | None:
        """The speaker named by a noun phrase whose head is ``head``."""
        if head.pos_ == "PRON":
            return self._speaker(head, head.head)
        np = _np_tokens(head)
        for child in head.children:
            if child.dep_ == "appos":
                np.extend(child.subtree)
        if head.dep_ == "appos":
            np.extend(_np_tokens(head.head))
        # a person named in the phrase ("Roskosmos head Dmitry Rogozin")
        named = []
        seen: set[int] = set()
        for t in np:
            span = self.entities.ent_of.get(t.i)
            if span is not None and span.start not in seen:
                seen.add(span.start)
                named.append(span)
        persons = [s for s in named if self.entities.kind(s) == "person"]
        own = self.entities.ent_of.get(head.i)
        if persons:
            best = own if own is not None and own in persons else persons[-1]
            return _Speaker(best.text, best.start_char, best.end_char, "person")
        if own is not None:
            return _Speaker(own.text, own.start_char, own.end_char, self.entities.kind(own))
        lemma = head.lemma_.lower()
        if head.pos_ == "PROPN":
            span = _strip_det(self.sdoc[_compound_start(head):head.i + 1])
            if len(span):
                return _Speaker(span.text, span.start_char, span.end_char, "org")
        role_np = _strip_det(self.sdoc[min(t.i for t in np):max(t.i for t in np) + 1])
        via = self.sdoc[min(t.i for t in np):max(t.i for t in np) + 1].text
        if lemma in MEDIUM_WORDS and head.pos_ == "NOUN":
            author = self._author_of(head)
            if author is not None:
                author.via = via
                return author
            if not len(role_np):
                return None
            # "the statement said": no author in sight, the document speaks, as written
            return _Speaker(role_np.text, role_np.start_char, role_np.end_char, "other")
        if _unspecific(head):
            # "a spokesman", "officials", "some experts": nobody in particular, as written
            if not len(role_np):
                return None
            return _Speaker(role_np.text, role_np.start_char, role_np.end_char, "other")
        if lemma in PERSON_ROLES or lemma in ORG_ROLES:
            kind = "person" if lemma in PERSON_ROLES else "org"
            m = self._resolve_role(head, role_np, kind)
            if m is not None:
                return _Speaker(m.text, m.start, m.end, m.kind, via=via)
        if named:
            best = named[-1]
            return _Speaker(best.text, best.start_char, best.end_char,
                            self.entities.kind(best), via=via)
        if not len(role_np):
            return None
        return _Speaker(role_np.text, role_np.start_char, role_np.end_char, "other")

    def _author_of(self, medium: Token) -> _Speaker | None:
        """Who signed or sent a letter (tweet, statement...) mentioned shortly before."""
        si = self.sent_of[medium.i]
        lemma = medium.lemma_.lower()
        for sj in range(si, max(-1, si - 6), -1):
            for t in reversed(self.sents[sj]):
                if t.i >= medium.i or t.lemma_.lower() != lemma:
                    continue
                for c in t.children:
                    if c.dep_ == "acl" and c.lemma_.lower() in _AUTHORING_VERBS:
                        agent = next((a for a in c.children if a.dep_ == "agent"), None)
                        pobj = next((p for p in agent.children if p.dep_ == "pobj"), None) \
                            if agent is not None else None
                        if pobj is not None:
                            return self._name_of(pobj)
                    if c.dep_ == "prep" and c.lower_ in ("from", "by"):
                        pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                        if pobj is not None:
                            return self._name_of(pobj)
        return None

    def _previous_speaker(self, si: int) -> _Speaker | None:
        for att in reversed(self.history):
            if att.sent < si - 1:
                break
            if att.speaker is not None:
                return att.speaker
        return None

    def _candidates(self, kinds: Iterable[str], offset: int, window: int) -> list[_Mention]:
        """Mentions of the given kinds ending before ``offset``, at most ``window`` sentences
        back (mentions are sorted by offset, so this is a bisection plus a short scan)."""
        ks = set(kinds)
        ms = self.entities.mentions
        hi = bisect.bisect_right(self.entities.starts, offset)
        out: list[_Mention] = []
        last_sent = ms[hi - 1].sent if hi else 0
        for m in reversed(ms[:hi] if hi <= 64 else ms[max(0, hi - 400):hi]):
            if m.sent < last_sent - window:
                break
            if m.kind in ks and m.end <= offset:
                out.append(m)
        out.reverse()
        return out

    def _resolve(self, kinds: Sequence[str], offset: int, si: int) -> _Mention | None:
        """Antecedent of a pronoun: the latest subject/speaker of a compatible kind, scanning
        back sentence by sentence; else the latest compatible mention."""
        cands = self._candidates(kinds, offset, 7)
        speakers = self.speaker_spans
        fallback: _Mention | None = None
        for sj in range(si, max(-1, si - 7), -1):
            here = [m for m in cands if m.sent == sj]
            if not here:
                continue
            prime = [m for m in here if m.subject or (m.start, m.end) in speakers]
            if prime:
                return prime[-1]
            if fallback is None:
                fallback = here[-1]
        return fallback

    def _resolve_role(self, head: Token, role_np: Span, kind: str) -> _Mention | None:
        """Antecedent of a role noun ("the agency head", "the US space agency")."""
        role_words = {t.lemma_.lower() for t in role_np if t.is_alpha and not t.is_stop}
        role_words |= {t.lower_ for t in role_np if t.is_alpha and not t.is_stop}
        role_words.discard(head.lemma_.lower())
        role_places = {_place_key(t.text) for t in role_np if _is_place_token(t)}
        lemma = head.lemma_.lower()
        speakers = self.speaker_spans
        kinds = ("person",) if kind == "person" else ("org",)
        role_start = role_np.start_char if len(role_np) else head.idx
        before = self._candidates(kinds, role_start, 40)
        si = self.sent_of[head.i]

        def score(m: _Mention) -> float:
            s = 0.0
            if kind == "person":
                s += 2 if m.titled else 0
                s += 1 if lemma in m.words else 0
            s += min(3, len(role_words & m.words))
            if role_places and m.places and not (role_places & m.places):
                s -= 5
            if kind == "org":
                # "the space agency" is not the "Space Station" nor the "European Union"
                name_head = m.head_noun
                if name_head == lemma:
                    s += 1
                elif name_head in ORG_ROLES or name_head in _INSTITUTION_NOUNS:
                    s -= 2
            if m.sent == si:
                s += 0.5
            if (m.start, m.end) in speakers:
                s += 0.5
            return s

        best: _Mention | None = None
        best_score = -1e9
        for m in before:
            sc = score(m)
            if sc >= best_score:
                best, best_score = m, sc
        if best is not None and (best_score > 0 or kind == "org") and best_score > -1:
            return best
        # cataphora: "according to the agency head" before the head is named
        after = []
        for m in self.entities.mentions[bisect.bisect_right(self.entities.starts, head.idx):]:
            if m.sent > si + 2:
                break
            if m.kind in kinds and score(m) > -1:
                after.append(m)
        if after:
            return after[0]
        if best is not None and best_score > -1:
            return best
        return None

    # -- medium & date --------------------------------------------------------------------------

    def _fill_medium_date(self, att: _Attribution) -> None:
        mediums: list[str] = [att.medium] if att.medium else []
        for t in att.frame:
            m = MEDIUM_WORDS.get(t.lemma_.lower()) or MEDIUM_WORDS.get(t.lower_)
            if m and t.pos_ in ("NOUN", "PROPN"):
                mediums.append(m)
            if t.lower_ in ("speaking", "talking") and any(
                c.dep_ == "prep" and c.lower_ in ("to", "with")
                and any(g.pos_ == "PROPN" for g in c.subtree) for c in t.children
            ):
                mediums.append("interview")
        if att.cue_tok.lemma_ == "tell" and any(
            c.dep_ in ("dobj", "dative") and c.ent_type_ == "ORG" for c in att.cue_tok.children
        ):
            mediums.append("interview")
        if mediums:
            att.medium = min(mediums, key=_MEDIUM_PRIORITY.index)
        elif att.speaker is not None:
            for prev in reversed(self.history):
                if prev.sent < att.sent - 6:
                    break
                if prev.speaker is None:
                    continue
                if _key(prev.speaker.text) != _key(att.speaker.text):
                    break
                if prev.medium:
                    att.medium = prev.medium
                    break
        # date: a time expression among the attribution's own words
        frame_chars = [(t.idx, t.idx + len(t.text)) for t in att.frame]
        for tx in self.timexes.get(att.sent, ()):
            if any(s < tx.end and tx.start < e for s, e in frame_chars):
                att.date = tx.calendar_date()
                break
        if att.date is None and att.speaker is not None:
            for prev in reversed(self.history):
                if prev.para != att.para:
                    break
                if prev.speaker is not None and _key(prev.speaker.text) == \
                        _key(att.speaker.text) and prev.medium == att.medium and prev.date:
                    att.date = prev.date
                    break

    # -- quotes ---------------------------------------------------------------------------------

    def _direct_quotes(self, atts: list[_Attribution]) -> list[Quote]:
        by_cue = {a.cue_tok.i: a for a in atts}
        by_sent: dict[int, list[_Attribution]] = {}
        for a in atts:
            by_sent.setdefault(a.sent, []).append(a)
        chosen: list[_Attribution | None] = []
        for qi, sp in enumerate(self.spans):
            toks = _tokens_in(self.sdoc, sp.start, sp.end)
            att = None
            # the cue that governs the quoted words
            for t in toks[:12]:
                for anc in t.ancestors:
                    if self.quote_of[anc.i] != qi and anc.i in by_cue:
                        att = by_cue[anc.i]
                        break
                if att is not None:
                    break
            if att is None and toks:
                s0, s1 = self.sent_of[toks[0].i], self.sent_of[toks[-1].i]
                near = [a for sj in range(s0, s1 + 1) for a in by_sent.get(sj, ())
                        if not a.direct_only]
                if near:
                    att = min(near, key=lambda a: min(abs(a.cue_tok.idx - sp.start),
                                                      abs(a.cue_tok.idx - sp.end)))
            chosen.append(att)
        # a quote left open at a paragraph end shares the attribution of its continuation
        for qi in range(len(self.spans) - 2, -1, -1):
            if chosen[qi] is None and self._continues(qi):
                chosen[qi] = chosen[qi + 1]
        for qi in range(1, len(self.spans)):
            if chosen[qi] is None and self._continues(qi - 1):
                chosen[qi] = chosen[qi - 1]
        out: list[Quote] = []
        for qi, sp in enumerate(self.spans):
            toks = _tokens_in(self.sdoc, sp.start, sp.end)
            if not toks:
                continue
            words = len(_WORD.findall(self.doc.text[sp.start:sp.end]))
            att = chosen[qi]
            si = self.sent_of[toks[0].i]
            if att is None or att.speaker is None:
                att = self._governing_clause(qi, toks) or self._colon_name(qi) or att
            if att is None and words >= 3:
                att = self._neighbour_attribution(toks, by_sent)
            if att is None and words < 3:
                continue  # scare quote or name
            if att is not None and att.speaker is None and words < 3:
                continue
            if att is not None and words < 2 and att.direct_only and \
                    att.cue_tok.lemma_.lower() not in COMMISSIVE_VERBS:
                continue  # "calls itself a “unicorn”": a scare quote, not a quote
            if att is None and not (words >= 6 or _SENTENCE_END.search(
                    self.doc.text[sp.start:sp.end])):
                continue
            start, end = _strip_marks(self.doc.text, sp.start, sp.end)
            out.append(self._quote(start, end, True, att, si))
        return out

    def _governing_clause(self, qi: int, toks: Sequence[Token]) -> _Attribution | None:
        """For a quote inside a clause with no cue: the clause's subject speaks ("X called
        the plan a “disaster”", "protesters interrupted, shouting “...”")."""
        for t in toks[:12]:
            for anc in t.ancestors:
                if self.quote_of[anc.i] == qi:
                    continue
                if anc.pos_ not in ("VERB", "AUX"):
                    continue
                subj = self._subject(anc)
                if subj is None or subj.lower_ in _EXPLETIVE_SUBJECTS:
                    return None
                speaker = self._speaker(subj, anc)
                if speaker is None or speaker.kind == "other":
                    return None
                si = self.sent_of[anc.i]
                frame = self._frame(si)
                att = _Attribution(anc, anc.lower_, si, speaker, None, frame, direct_only=True,
                                   subj=subj.i)
                att.para = self.para_of_sent[si]
                self._fill_medium_date(att)
                return att
        return None

    def _colon_name(self, qi: int) -> _Attribution | None:
        """A quote introduced by a name and a colon ("Clinton: “...”", "More from Jane
        Doe: “...”"): the name speaks."""
        text = self.doc.text
        i = self.spans[qi].open_at
        while i > 0 and text[i - 1] in " \t":
            i -= 1
        if i == 0 or text[i - 1] != ":":
            return None
        colon = self.sdoc.char_span(i - 1, i, alignment_mode="expand")
        if colon is None or colon.start == 0:
            return None
        name = self.entities.ent_of.get(colon.start - 1)
        if name is None or self.quote_of[colon.start - 1] >= 0:
            return None
        kind = self.entities.kind(name)
        if kind == "place":
            return None
        si = self.sent_of[name.start]
        speaker = _Speaker(name.text, name.start_char, name.end_char, kind)
        att = _Attribution(colon[0], ":", si, speaker, None, list(name), direct_only=True)
        att.para = self.para_of_sent[si]
        return att

    def _continues(self, qi: int) -> bool:
        """Whether quote ``qi`` is left open and the next paragraph opens its continuation."""
        if qi + 1 >= len(self.spans) or self.spans[qi].close_at is not None:
            return False
        nxt = self.span_para[qi + 1]
        return nxt == self.span_para[qi] + 1 and \
            not self.doc.text[self.paras[nxt][0]:self.spans[qi + 1].open_at].strip()

    def _neighbour_attribution(
        self, toks: Sequence[Token], by_sent: dict[int, list[_Attribution]]
    ) -> _Attribution | None:
        """Attribution of a quote with no cue in its sentences."""
        s1 = self.sent_of[toks[-1].i]
        s0 = self.sent_of[toks[0].i]
        para = self.para_of_sent[s1]
        # a short attribution sentence right after ("... ." he said.)
        for a in by_sent.get(s1 + 1, ()):
            if self.para_of_sent[a.sent] == para and a.speaker is not None \
                    and len(self.sents[a.sent]) <= 8:
                return a
        prev = [a for sj in range(max(0, s0 - 3), s0) for a in by_sent.get(sj, ())
                if a.speaker is not None and (not a.direct_only or self.sents[
                    a.sent].text.rstrip().endswith(":"))
                and self.para_of_sent[a.sent] >= self.para_of_sent[s0] - 1]
        return prev[-1] if prev else None

    def _indirect_quotes(self, atts: list[_Attribution], direct: list[Quote]) -> list[Quote]:
        out: list[Quote] = []
        seen: set[tuple[int, int]] = set()
        starts = [q.start for q in direct]  # direct quotes are sorted by start
        longest = max((q.end - q.start for q in direct), default=0)
        for a in atts:
            if a.content is None or a.direct_only or a.speaker is None:
                continue
            lo, hi = a.content
            start = self.sdoc[lo].idx
            end = self.sdoc[hi - 1].idx + len(self.sdoc[hi - 1].text)
            start, end = _strip_marks(self.doc.text, start, end)
            if end - start < 3 or (start, end) in seen:
                continue
            first = bisect.bisect_left(starts, start - longest)
            last = bisect.bisect_left(starts, end)
            inside = [q for q in direct[first:last] if q.start < end and start < q.end]
            if inside:
                # keep the paraphrase only when it says more than the quoted words
                outside = [t for t in self.sdoc[lo:hi]
                           if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM") and t.is_alpha
                           and not any(q.start <= t.idx < q.end for q in inside)]
                if len(outside) < _MIN_EXTRA_WORDS:
                    continue
                if any(b is not a and lo <= b.cue_tok.i < hi for b in atts):
                    continue  # "“...,” X was quoted as saying, the agency reported"
            if not _WORD.search(self.doc.text[start:end]):
                continue
            seen.add((start, end))
            out.append(self._quote(start, end, False, a, a.sent))
        return out

    def _quote(
        self, start: int, end: int, direct: bool, att: _Attribution | None, si: int
    ) -> Quote:
        sp = att.speaker if att is not None else None
        return Quote(
            doc_id=self.doc.id,
            text=self.doc.text[start:end],
            start=start,
            end=end,
            direct=direct,
            speaker=sp.text if sp else None,
            speaker_start=sp.start if sp else None,
            speaker_end=sp.end if sp else None,
            speaker_via=sp.via if sp else None,
            cue=att.cue if att else None,
            medium=att.medium if att else None,
            date=att.date if att else None,
            sentence=si,
        )


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


#: Determiners and quantifiers of a noun phrase that names nobody in particular.
_UNSPECIFIC_DETS: frozenset[str] = frozenset({
    "a", "an", "another", "some", "several", "many", "other", "few", "one", "any", "no", "all",
    "both", "most", "two", "three", "four", "five", "dozens", "numerous", "various", "more",
    "such", "certain", "each", "every",
})


def _unspecific(head: Token) -> bool:
    """Whether a common-noun phrase names nobody in particular: indefinite ("a spokesman"),
    plural ("officials", "the senators") or quantified ("several experts")."""
    if head.pos_ != "NOUN":
        return False
    if head.tag_ == "NNS" and head.lower_ not in ORG_ROLES:
        return True
    return any(c.i < head.i and c.lower_ in _UNSPECIFIC_DETS
               and c.dep_ in ("det", "amod", "nummod", "quantmod", "predet")
               for c in head.children)


#: Nouns for a share of a group of people ("a majority of voters", "half of Democrats").
_SHARE_NOUNS: frozenset[str] = frozenset({
    "majority", "minority", "plurality", "percent", "share", "half", "third", "quarter",
    "fifth", "proportion", "number", "most", "many", "some", "all",
})


def _people_share(subj: Token) -> bool:
    """Whether a subject is a group of people or a share of one, as polls and reports name
    them ("a majority of Republicans", "about 4 in 10", "some", "voters", "conservatives"):
    a number, a share noun, an indefinite pronoun, or a plural with the endings of nouns for
    people (agents, adherents, inhabitants), which leaves out "the rules" or "the polls"."""
    if subj.pos_ == "NUM" or subj.lemma_.lower() in _SHARE_NOUNS \
            or subj.lower_ in _INDEFINITE_PRONOUNS:
        return True
    if subj.tag_ not in ("NNS", "NNPS") or subj.ent_type_ in _NOT_SPEAKERS:
        return False
    return subj.tag_ == "NNPS" or _PEOPLE_PLURAL.search(subj.lower_) is not None


def _tokens_in(sdoc: Doc, start: int, end: int) -> list[Token]:
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return [t for t in span if not t.is_space]


def _compound_start(tok: Token) -> int:
    i = tok.i
    for child in tok.lefts:
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            i = min(i, child.left_edge.i)
    return i


def _drop_nested_nouns(atts: list[_Attribution]) -> list[_Attribution]:
    """Nominal cues inside the content another cue reports are left to that cue ("Doe
    criticised his plan to cut taxes" is Doe's; "his plan" would compete for the same words
    with a speaker the report does not vouch for)."""
    verbal = [a.content for a in atts if a.content is not None and a.cue_tok.pos_ != "NOUN"]
    return [a for a in atts if a.cue_tok.pos_ != "NOUN"
            or not any(lo <= a.cue_tok.i < hi for lo, hi in verbal)]


def _split_contents(sdoc: Doc, atts: Sequence[_Attribution]) -> None:
    """Cut a content that runs into another cue's subject ("A said X and B added that Y")."""
    for a in atts:
        if a.content is None:
            continue
        lo, hi = a.content
        for b in atts:
            if b is a or b.subj is None or not (lo <= b.subj < hi):
                continue
            if lo <= b.cue_tok.i < hi:
                continue
            left = min(t.i for t in sdoc[b.subj].subtree)
            if left > lo:
                a.content = _trim(sdoc, list(range(lo, left)))
                if a.content is None:
                    break
                lo, hi = a.content


def _clause(root: Token) -> list[int]:
    """Token indices of a reported clause, leaving out what the parser attached to it but is
    not part of it: a participial speech clause ("..., saying that"), a comma-spliced clause
    with its own subject, and a leading "in a statement" phrase that belongs to the cue."""
    out: list[int] = []
    stack = [root]
    while stack:
        t = stack.pop()
        out.append(t.i)
        for c in t.children:
            if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in SPEECH_VERBS:
                continue
            if c.dep_ == "conj" and any(g.dep_ in _SUBJECT_DEPS for g in c.children) and not any(
                x.dep_ == "cc" and x.i < c.i for x in t.children
            ):
                continue
            if t is root and c.dep_ == "prep" and c.i < root.i and any(
                x.lemma_.lower() in MEDIUM_WORDS and x.pos_ == "NOUN" for x in c.subtree
            ):
                continue
            if t is root and _speaker_conj(c, root):
                continue
            if _subject_misread_as_object(c):
                continue
            if c.dep_ in ("relcl", "appos") and _aside_at_end(c, root):
                continue
            stack.append(c)
    return out


#: Lemmas of verbs that report what their subject says, thinks or wants.
_CUE_LEMMAS: frozenset[str] = SPEECH_VERBS | BELIEF_VERBS | SPEECH_ACT_VERBS | STANCE_VERBS \
    | STANCE_ACT_VERBS | COMMISSIVE_VERBS | MANNER_VERBS


def _speaker_conj(c: Token, root: Token) -> bool:
    """Whether ``c``, a verb coordinated with a reported clause's root, is the speaker's own
    next act rather than part of what is reported ("X said the plan failed and urged a
    review"): a finite verb of speech or stance without a subject of its own, after a
    reported clause that has one."""
    return c.dep_ == "conj" and c.i > root.i and c.pos_ == "VERB" \
        and c.tag_ in ("VBD", "VBZ") and c.lemma_.lower() in _CUE_LEMMAS \
        and not any(g.dep_ in _SUBJECT_DEPS for g in c.children) \
        and any(g.dep_ in _SUBJECT_DEPS for g in root.children)


def _subject_misread_as_object(c: Token) -> bool:
    """Whether ``c``, a noun coordinated with an object, is really the subject of the next
    clause that the parser hung on the object ("rejected the demands and OneWeb has
    cancelled ...": "OneWeb" is not a second thing rejected): a finite verb follows it
    right away."""
    if c.dep_ != "conj" or c.pos_ not in ("NOUN", "PROPN", "PRON") or \
            c.head.dep_ not in ("dobj", "pobj", "attr"):
        return False
    after = c.right_edge.i + 1
    return after < len(c.doc) and c.doc[after].tag_ in ("VBZ", "VBD", "VBP", "MD")


def _aside_at_end(rel: Token, root: Token) -> bool:
    """Whether a relative clause or an apposition is an aside, set off by a comma or a dash,
    that closes a reported clause ("... helped Jane Doe, who did not need it", "praised the
    minister, a former driver"): the writer's gloss, not part of the report, and PolNeAR's
    contents stop before it."""
    doc = rel.doc
    first = rel.left_edge.i
    if first == 0 or doc[first - 1].text not in (",", "—", "–", "-", "--"):
        return False
    if rel.dep_ == "relcl" and doc[first].lower_ not in ("who", "which", "whose", "whom"):
        return False
    last = root.right_edge.i
    while last > rel.i and doc[last].is_punct:
        last -= 1
    return rel.right_edge.i >= last


def _trim(sdoc: Doc, idx: list[int]) -> tuple[int, int] | None:
    """Contiguous token range of a clause, without a leading "that" or edge punctuation."""
    if not idx:
        return None
    keep = set(idx)
    lo = min(idx)
    hi = lo
    while hi < len(sdoc) and (hi in keep or ((sdoc[hi].is_punct or sdoc[hi].is_space)
                                             and hi + 1 in keep)):
        hi += 1
    while lo < hi and (sdoc[lo].is_punct or sdoc[lo].is_space or sdoc[lo].dep_ == "cc" or (
            sdoc[lo].dep_ == "mark" and sdoc[lo].lower_ in ("that", "whether", "if"))):
        if sdoc[lo].text in ("“", "«", '"', "‘", "'"):
            break
        lo += 1
    while hi > lo and (sdoc[hi - 1].is_space or sdoc[hi - 1].dep_ == "cc" or (
            sdoc[hi - 1].is_punct and sdoc[hi - 1].text not in "”»\"’')]")):
        hi -= 1
    return (lo, hi) if hi > lo else None


def _strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces and trailing commas; keep quote marks only when they are balanced."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end
