"""Cleaning: from a :class:`~storyline.model.RawArticle` to a :class:`~storyline.model.Document`.

HTML goes through trafilatura (precision first: no comments, no tables), then the same
plain-text cleaning as scraped text:

1. metadata from the head of the text: a leading ``date YYYY-MM-DD`` token, a title (the first
   short line), a standfirst (a short line or a question after the title), a dateline
   (``News Desk March 01, 2022``) and a byline (a line that is just a person's name); a title or
   standfirst block repeated at the start is dropped;
2. boilerplate removal by general patterns: comment widgets, "most popular", "read more" lines
   and trailing sentences, share/subscribe/follow lines, photo captions and credits, and the
   attribution line of an embedded post (the post's own text is kept as an ``embed``);
3. paragraphs: headings (short lines without final punctuation) are kept as ``heading``
   paragraphs; every body paragraph is kept, with whitespace normalized and words untouched;
   each paragraph gets a language (py3langid over a restricted candidate set, or the script).

Everything removed is listed in :attr:`Document.removed`.  The function is deterministic, and
cleaning a document's own text again (with its title) gives the same text.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from storyline.ingest.dates import parse_published
from storyline.model import Document, Paragraph, RawArticle

__all__ = ["clean", "detect_language", "detokenize", "extract_html_text", "looks_tokenized"]

Kind = Literal["body", "heading", "standfirst", "embed"]

# --- small text helpers ------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
_CLOSERS = " \t\"'”’»)]*"
_TERMINAL = tuple(".!?…")
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)


def _norm_space(text: str) -> str:
    """Collapse every run of whitespace (no-break and thin spaces included) into one space."""
    return _SPACES.sub(" ", text).strip()


def _key(text: str) -> str:
    """A comparison key: case-folded, spaces collapsed, outer punctuation stripped."""
    return _norm_space(text).casefold().strip(" .:;,!?\"'“”‘’«»-–—|")


def _words(text: str) -> list[str]:
    return text.split()


def _ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS).endswith(_TERMINAL)


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


# --- units: the paragraph candidates of a text -------------------------------------------------

def _join_wrapped(lines: list[str]) -> list[str]:
    """Turn the lines of one block (no blank line inside) into paragraph candidates.

    A line break is kept as a paragraph break unless the text was evidently hard-wrapped: the
    next line starts in lower case, the line ends with a comma, hyphen or similar, or the whole
    block has uniformly long lines that mostly do not end a sentence.
    """
    if len(lines) == 1:
        return lines
    longest = max(len(line) for line in lines)
    head = lines[:-1]
    uniform = (
        len(lines) >= 3
        and 40 <= longest <= 110
        and all(len(line) >= 0.7 * longest for line in head)
        and sum(_ends_sentence(line) for line in head) <= len(head) / 2
    )
    if uniform:
        return [" ".join(lines)]
    units: list[str] = [lines[0]]
    for line in lines[1:]:
        prev = units[-1]
        first = line.lstrip()[:1]
        wrapped = not _ends_sentence(prev) and (
            first.islower() or prev.rstrip().endswith((",", ";", "-", "–", "(", "/"))
        )
        if wrapped:
            sep = "" if re.search(r"[A-Za-z]-$", prev.rstrip()) and first.islower() else " "
            units[-1] = prev.rstrip() + sep + line.lstrip()
        else:
            units.append(line)
    return units


def _units(text: str) -> list[str]:
    """Split a text into paragraph candidates with normalized whitespace."""
    units: list[str] = []
    for block in re.split(r"\n[ \t\u00a0]*\n", text):
        lines = [line for line in block.split("\n") if line.strip()]
        if lines:
            units.extend(u for u in (_norm_space(x) for x in _join_wrapped(lines)) if u)
    return units


# --- Penn-Treebank-tokenized input ---------------------------------------------------------------
# Research corpora (Timeline17, the CNN/DailyMail dumps) ship text already tokenized: "it 's",
# "do n't", "-LRB- Reuters -RRB-", "`` quoted ''", a space before every comma.  The parser, the
# entity recognizer and every reader of a report do better on ordinary spacing.

_PTB: dict[str, str] = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{",
                        "-RCB-": "}", "\\/": "/", "\\*": "*"}
_PTB_RE = re.compile(r"-[LR][RSC]B-|\\/|\\\*")
_OPEN_QUOTE = re.compile(r"``\s?")
_CLOSE_QUOTE = re.compile(r"\s?''")
_SPACE_BEFORE = re.compile(
    r" ([,.;:!?%)\]}]|'[sSdDmM]\b|n't\b|N'T\b|'re\b|'RE\b|'ve\b|'VE\b|'ll\b|'LL\b)")
_SPACE_AFTER = re.compile(r"([(\[{$]) ")
#: a token of punctuation or a clitic standing alone, as a tokenizer leaves it
_LOOSE = re.compile(r"(?<=\w) (?:[,.;:!?]|'s|n't|'re|'ve|'ll)(?= |$)", re.MULTILINE)
#: the same marks glued to the word before, as ordinary text writes them
_GLUED = re.compile(r"\w(?:[,;:!?]|'s|n't|'re|'ve|'ll)(?= |$)|\w\.(?= [A-Z]|$)", re.MULTILINE)


def detokenize(text: str) -> str:
    """Penn-Treebank-tokenized text back to ordinary spacing, brackets and quotes.

    >>> detokenize("Obama said -LRB- on Monday -RRB- it 's `` over '' .")
    'Obama said (on Monday) it\\'s "over".'
    """
    s = _PTB_RE.sub(lambda m: _PTB[m.group(0)], text)
    s = _OPEN_QUOTE.sub('"', s)
    s = _CLOSE_QUOTE.sub('"', s)
    s = _SPACE_BEFORE.sub(r"\1", s)
    return _SPACE_AFTER.sub(r"\1", s)


def looks_tokenized(text: str) -> bool:
    """Whether a text is Penn-Treebank tokenized: its commas, full stops and clitics mostly
    stand apart from the word before (two with none glued, or at least three and four
    times as many as are glued), or one does and the text has bracket tokens."""
    loose = len(_LOOSE.findall(text))
    if loose and _PTB_RE.search(text):
        return True
    glued = len(_GLUED.findall(text))
    return (loose >= 2 and not glued) or (loose >= 3 and loose >= 4 * glued)


# --- boilerplate patterns ----------------------------------------------------------------------

_I = re.IGNORECASE

#: a comment section starts here: this line and everything after it goes
_COMMENT_SECTION = [
    re.compile(r"^(?:\d+\s+)?comments?(?:\s*\(\d+\))?$", _I),
    re.compile(r"^(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:reply|comment)\b", _I),
    re.compile(r"^join the (?:conversation|discussion|debate)\b", _I),
    re.compile(r"^(?:show|view|load|read|see)\s+(?:all\s+|more\s+|the\s+)?comments?\b", _I),
]

#: a page's notice that its video or audio player needs a plug-in or a setting: the words
#: name the software ("Flash", "JavaScript", a plug-in, the browser) and what the reader must
#: do with it to see the content; the notice opens the line (a caption before it keeps its
#: line, and the notice goes as a trailing sentence: :data:`_TRAILING`)
_PLAYER_NOTICE = re.compile(
    r"^(?=.*\b(?:content|video|clip|player|audio|media|view|play|watch)\b)(?:\S+\s+){0,3}?"
    r"(?:(?:to|cannot|can't|can ?not|unable to) (?:play|view|see|watch|hear|listen to)"
    r" (?:this|the) (?:content|video|clip|audio|media|player)\b.{0,80}?"
    r"\b(?:javascript|flash|plug-?in|browser)\b|"
    r"\b(?:javascript|flash(?: player)?|plug-?in)\b.{0,40}?\b(?:enabled|installed|turned on|"
    r"required|to view|to play|to see|to watch)\b|"
    r"\b(?:upgrade|update|download|install) (?:your|the)(?: latest)? (?:flash|browser|plug-?in)|"
    r"\bonly (?:available|playable) (?:in|with) flash\b|"
    r"your browser (?:does not|doesn't|can't|cannot) (?:support|play))", _I)

#: lines that are boilerplate wherever they stand (matched on the whole line, short lines only)
_LINE_PATTERNS: list[tuple[str, re.Pattern[str], int]] = [
    # comment widgets and moderation notices
    ("comments", re.compile(r"(?:show|view|load|hide)\s*(?:all\s+|more\s+|\d+\s+)?comments?"
                            r"\s*(?:\(\d+\))?", _I), 8),
    ("comments", re.compile(r"^replying to\b", _I), 8),
    ("comments", re.compile(r"^comments? (?:are|is|will be|have been) (?:moderated|reviewed|"
                            r"closed|disabled|welcome|subject)\b", _I), 40),
    ("comments", re.compile(r"your email address will not be published", _I), 40),
    ("comments", re.compile(r"required fields are marked", _I), 30),
    ("comments", re.compile(r"\bcomments? (?:faq|policy|guidelines|rules)\b", _I), 25),
    ("comments", re.compile(r"\bcommunity (?:guidelines|standards|rules)\b", _I), 25),
    ("comments", re.compile(r"save my name,? email,? and website", _I), 30),
    ("comments", re.compile(r"^(?:cancel reply|post comment|submit comment|reply|report abuse|"
                            r"\d+\s+(?:replies|likes|responses))$", _I), 4),
    # navigation and promotion
    ("popular", re.compile(
        r"^(?:most (?:popular|read|viewed|shared|commented|recent)(?: stories| articles| news)?|"
        r"trending(?: now| stories| news)?|popular (?:now|stories|posts|articles)|"
        r"recommended(?: for you| stories| articles| reading)?|"
        r"related (?:articles|stories|posts|news|coverage|content|topics)|"
        r"more (?:stories|news|articles|videos)(?: like this)?|you (?:may|might) also like|"
        r"editor'?s? (?:picks|choice)|top stories|latest (?:news|stories|articles)|"
        r"advertisement|sponsored(?: content)?|story continues below(?: advertisement)?|"
        r"continue reading(?: below)?|skip to (?:main )?content|back to top|"
        r"don'?t miss|must read|in case you missed it)\s*[:.]?$", _I), 8),
    ("posted", re.compile(r"^(?:posted|filed|published)(?:\s+(?:on|in|by|under))?\s*:?$", _I), 3),
    ("posted", re.compile(r"^(?:posted|filed)\s+(?:on|in|by|under)\b", _I), 10),
    ("posted", re.compile(r"^(?:last\s+)?updated\s*(?:on|at)?\s*:?\s*(?:\d|"
                          + _MONTHS + r")", _I), 10),
    # read more
    ("read more", re.compile(r"^(?:also read|read also|read more|more to read|see also|"
                             r"recommended reading|related|watch|listen|must read)\b\s*"
                             r"(?:[:|\-–—>»]|here\b|$)", _I), 30),
    ("read more", re.compile(r"^(?:click|tap|go|swipe)\s+(?:here|this link|the link|below)\b",
                             _I), 30),
    ("read more", re.compile(r"^(?:read|see|watch)\s+(?:the\s+)?(?:full|original|whole|more)\b"
                             r".{0,60}(?:here|below|:)\s*\.?$", _I), 15),
    # share, subscribe, follow
    ("share", re.compile(
        r"^(?:(?:share|tweet|email|e-mail|print|copy link|copy|facebook|twitter|x|linkedin|"
        r"whatsapp|reddit|pinterest|telegram|flipboard|messenger|mail|comment|save)[\s,|/·•]*)+$",
        _I), 12),
    ("share", re.compile(r"^share (?:this|on|via|the)\b", _I), 12),
    ("subscribe", re.compile(r"^(?:subscribe|sign up|signup|register|join|get)\b.{0,160}"
                             r"\b(?:newsletter|newsletters|updates|inbox|alerts|channel|"
                             r"subscription|podcast)\b", _I), 30),
    ("subscribe", re.compile(r"^subscribe\b.{0,40}$", _I), 6),
    ("follow", re.compile(r"^follow\s+(?:us|me|@\w+|\w+(?:\s+\w+)?\s+on)\b", _I), 25),
    ("follow", re.compile(r"\bfollow (?:us|@\w+) on (?:twitter|facebook|instagram|telegram|"
                          r"linkedin|youtube|google news|x|threads|tiktok)\b", _I), 25),
    # media-player notices: "To play this content JavaScript must be turned on and the latest
    # Flash player installed", "Please note this clip is only available in Flash"
    ("player", _PLAYER_NOTICE, 30),
    # calls for readers' material through the outlet's own channel: "Send your video, images
    # to CNN iReport", "Tell us your experiences by filling in the form below"
    ("contribute", re.compile(
        r"^(?:you can\s+)?(?:send|share|tell|e-?mail)\s+(?:us|the team|your)\b.*?"
        r"(?:\bform below\b|\bireports?\b|\be-?mail\b|\bcomments? (?:area|section)\b|"
        r"\bflickr\b|\btwitter page\b)", _I), 50),
    # photo captions and credits: the whole caption goes
    ("credit", re.compile(
        r"(?:\b|^)(?:PHOTO|IMAGE|PICTURE|PHOTOGRAPH|FILE PHOTO|Photo|Image|Picture|Photograph|"
        r"File photo|Photo credit|Image credit|Credit|Credits|Courtesy|Source image)"
        r"\s*(?:by\b|:|/|\|)\s*[@A-Z][^.!?]{0,60}\)?\s*\.?$"), 80),
    ("credit", re.compile(
        r"\S*/\s*(?:iStock(?:photo)?|Getty Images?|Shutterstock|AFP|Reuters|AP|EPA|Alamy|"
        r"Unsplash|Pexels|Flickr|Wikimedia Commons|Bloomberg|TASS|Sputnik|Xinhua|dpa|Pool|"
        r"Anadolu|SOPA Images|NurPhoto|Sipa|ZUMA)(?:\s+(?:Photo|Images|Wire|via Getty Images))?"
        r"\s*\)?\s*\.?$"), 80),
    ("credit", re.compile(r"\((?:AP|AFP|Reuters|EPA|Getty|Bloomberg|Xinhua|TASS|Sputnik)"
                          r"(?: Photo)?(?:/[^)]{1,60})?\)\s*\.?$"), 80),
    ("credit", re.compile(r"\b(?:via|by) Getty Images\s*\)?\.?$"), 80),
]

#: a caption or credit line starting "Photo:", "Image credit:", ...
_CREDIT_PREFIX = re.compile(
    r"^(?:image|photo|picture|pic|photograph|illustration|video|file photo|file image|"
    r"representational image|representative image|image credit|photo credit|credit|credits|"
    r"image source|photo source|courtesy)\s*(?:\([^)]*\)\s*)?[:|/]\s*", _I)

#: a trailing "read more" sentence at the end of a paragraph
_TRAILING = [
    re.compile(r"(?:(?<=[.!?\"”’'])|^)\s*(?:(?:tap|click|go|swipe)\s+here\s+(?:to|for)\b"
               r"[^.!?]{0,80}|(?:read|find out|learn|know)\s+more(?:\s+about\s+(?:it|this|that|the story))?"
               r"(?:\s+here|\s+below)?|"
               r"(?:also read|read also|read more)\s*:[^\n]{0,160})[.!?:]?\s*$", _I),
    # a media-player notice closing a caption: "... In order to see this content you need to
    # have both Javascript enabled and Flash installed."  (A video's headline runs into it
    # without a full stop: "... in mass graves To play this content ...")
    re.compile(r"(?:(?<=[.!?\"”’'])|^|(?-i:(?<=[a-z] )(?=[A-Z])))\s*"
               r"(?:(?:in order )?to (?:play|view|see|watch) (?:this|the) (?:content|video|clip)|"
               r"please (?:note|upgrade|update)\b|you (?:must|need to) have\b)"
               r"(?=[^.!?]{0,160}\b(?:installed|enabled|turned on|plug-?in|player|"
               r"available in flash|to view)\b)"
               r"[^.!?]{0,100}\b(?:javascript|flash|plug-?in)\b[^.!?]{0,60}[.!?]?\s*$", _I),
]

#: attribution line of an embedded post: "pic.twitter.com/x — NAME (@handle) March 8, 2022"
_EMBED_ATTRIBUTION = re.compile(
    r"(?P<attr>(?:\s*(?:pic\.twitter\.com/\w+|https?://t\.co/\w+))*"
    r"\s*[—–-]{1,2}\s*[^()\n]{1,80}?\s*\(@\w{1,30}\)\s*"
    r"(?:(?:" + _MONTHS + r")\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:" + _MONTHS
    + r")\.?\s+\d{4})?\s*)$"
)
_EMBED_SHARED = re.compile(
    r"(?P<attr>\s*A (?:post|photo|video) shared by [^()\n]{1,80}?\s*\(@[\w.]{1,30}\)"
    r"(?:\s+on\s+[^\n]{1,40})?\s*)$", _I)
_POST_LINKS = re.compile(r"\s*(?:pic\.twitter\.com/\w+|https?://t\.co/\w+)\s*$")


@dataclass
class _Unit:
    text: str
    kind: Kind = "body"
    attribution: str | None = None


@dataclass
class _Cleaned:
    units: list[_Unit] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    #: a date read from a removed "Posted on ..." / "Published ..." line, the last resort
    posted: dt.date | None = None


def _line_boilerplate(text: str) -> bool:
    n = len(_words(text))
    return any(n <= max_words and pattern.search(text)
               for _, pattern, max_words in _LINE_PATTERNS)


def _comment_section(text: str) -> bool:
    return len(_words(text)) <= 8 and any(p.search(text) for p in _COMMENT_SECTION)


def _strip_trailing(text: str, removed: list[str]) -> str:
    """Remove "read more"-style sentences at the end of a paragraph (repeatedly)."""
    changed = True
    while changed and text:
        changed = False
        for pattern in _TRAILING:
            m = pattern.search(text)
            if m and (m.start() > 0 or len(_words(text)) <= 30):
                removed.append(text[m.start():].strip())
                text = text[:m.start()].rstrip()
                changed = True
    return text


def _strip_embed(text: str, removed: list[str]) -> tuple[str, str | None]:
    """Strip an embedded post's attribution; return the remaining text and the attribution."""
    for pattern in (_EMBED_ATTRIBUTION, _EMBED_SHARED):
        m = pattern.search(text)
        if m and m.start() > 0:
            attribution = m["attr"].strip()
            removed.append(attribution)
            body = text[:m.start()]
            link = _POST_LINKS.search(body)
            while link:
                removed.append(link.group().strip())
                body = body[:link.start()]
                link = _POST_LINKS.search(body)
            return body.strip(), attribution
    return text, None


_AGENCY_TAILS = frozenset(["Images", "Pictures", "Photo", "Photos", "Features", "Press",
                           "Wire", "Commons", "Images/AFP"])


def _name_run(tokens: list[str]) -> int:
    """How many leading tokens form a name or credit ("Jane Doe , Reuters", "AP/John Roe").

    The run is the capitalized words at the start (commas, particles and initials allowed
    inside); when it is followed by a lower-case word or a number, its last capitalized word
    is taken to start the next sentence ("Jane Doe The storm hit ..." -> "Jane Doe").
    """
    n = 0
    while n < len(tokens):
        tok = tokens[n]
        if n > 0 and "/" in tokens[n - 1]:
            # "Jane Doe/AP", "Jane Doe/AFP/Getty Images": the credit ends with the agency
            if tok in _AGENCY_TAILS:
                n += 1
                continue
            return n
        if tok in (",", "&") and n > 0 and n + 1 < len(tokens) and tokens[n + 1][:1].isupper():
            n += 1
            continue
        if tok[:1].isupper() or tok[:1] == "@" or ("/" in tok and tok[:1].isalpha()) \
                or (n > 0 and tok in _NAME_PARTICLES):
            n += 1
            continue
        break
    if 0 < n < len(tokens) and n >= 2:
        n -= 1
    while n > 0 and tokens[n - 1] in (",", "&"):
        n -= 1
    return n


def _strip_credit(text: str, removed: list[str]) -> str:
    """Drop a caption or credit line; from a long paragraph, drop only its credit prefix."""
    m = _CREDIT_PREFIX.match(text)
    if m is None:
        return text
    rest = text[m.end():]
    if len(_words(text)) <= 12 or not _ends_sentence(text):
        removed.append(text)
        return ""
    tokens = rest.split(" ")
    n = _name_run(tokens)
    credit = (text[:m.end()] + " ".join(tokens[:n])).strip()
    removed.append(credit)
    return " ".join(tokens[n:]).strip()


def _remove_boilerplate(units: list[str]) -> _Cleaned:
    out = _Cleaned()
    for i, text in enumerate(units):
        if _comment_section(text) and i >= len(units) / 2:
            out.removed.extend(units[i:])
            break
        if _line_boilerplate(text) or _comment_section(text):
            out.removed.append(text)
            if out.posted is None and _POSTED_DATE.search(text):
                found = re.search(_WRITTEN_DATE, text, _I)
                out.posted = _iso_date(found.group()) if found else None
            continue
        text = _strip_credit(text, out.removed)
        if not text:
            continue
        text, embed = _strip_embed(text, out.removed)
        text = _strip_trailing(text, out.removed)
        if text:
            out.units.append(_Unit(text, "embed" if embed else "body", embed))
    return out


# --- header: date token, title, standfirst, dateline, byline -----------------------------------

_DATE_TOKEN = re.compile(
    r"^\s*date\s*[:=]?\s*(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
    r"(?:Z|[+-]\d{2}:?\d{2})?)?(?=\s|$)[ \t]*", _I)
_WRITTEN_DATE = (
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    r"(?:(?:" + _MONTHS + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:" + _MONTHS + r")\.?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})"
)
_DATELINE = re.compile(
    r"^(?P<pre>.*?)[\s,|·•\-–—]*(?:\b(?:on|at)\s+)?(?P<date>" + _WRITTEN_DATE + r")"
    r"(?P<post>(?:\s*[,|·•\-–—@]?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?"
    r"(?:\s*\(?[A-Z]{2,5}\)?)?)?)\s*$", _I)
_POSTED_DATE = re.compile(r"^(?:posted|published|first published)\b", _I)
_BYLINE_PREFIX = re.compile(
    r"^(?:by|written by|author|reported by|posted by|published by|published|posted|"
    r"story by|text)\b\s*:?\s*", _I)
_NAME_TOKEN = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’.\-])*$")
_NAME_PARTICLES = frozenset(
    ["de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "bin", "ibn", "al",
     "el", "la", "le", "dos", "das", "y"])


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """General English function words (spaCy's list): never part of a person's name."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _is_name(text: str) -> bool:
    """2 to 4 capitalized words (particles allowed inside), none a general function word."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 4:
        return False
    stop = _stop_words()
    for i, tok in enumerate(tokens):
        if 0 < i < len(tokens) - 1 and tok in _NAME_PARTICLES:
            continue
        if not tok[0].isupper() or not _NAME_TOKEN.match(tok) or tok.lower().strip(".") in stop:
            return False
    # an all-capitals line ("BREAKING NEWS") is a label, not a name
    return not all(t.isupper() and len(t) > 2 for t in tokens)


def _byline(text: str) -> str | None:
    """The author named by a byline line ("By Jane Doe", "Jane Doe and John Roe"), if it is one."""
    if len(_words(text)) > 12 or (_ends_sentence(text) and not text.endswith(".")):
        return None
    prefixed = bool(_BYLINE_PREFIX.match(text))
    body = _BYLINE_PREFIX.sub("", text).strip(" |,;:-–—")
    names = [n.strip() for n in re.split(r"\s*(?:,|&|\band\b|\|)\s*", body) if n.strip()]
    if not names or len(names) > 3:
        return None
    if all(_is_name(n) or (prefixed and _is_org_byline(n)) for n in names):
        return ", ".join(names)
    return None


def _is_org_byline(text: str) -> bool:
    """A desk or agency byline ("News Desk", "Staff Reporter", "AFP")."""
    tokens = text.split()
    return 1 <= len(tokens) <= 4 and all(t[:1].isupper() for t in tokens)


def _glued_byline(text: str) -> tuple[str, str] | None:
    """Split "By Jane Doe , Agency The storm hit ..." into the byline and the rest."""
    m = re.match(r"^by\s+", text, _I)
    if m is None:
        return None
    tokens = text[m.end():].split(" ")
    n = _name_run(tokens)
    if n < 2 or n >= len(tokens) or not _is_name(" ".join(t for t in tokens[:2])):
        return None
    return text[:m.end()] + " ".join(tokens[:n]), " ".join(tokens[n:])


@dataclass(frozen=True)
class _Dateline:
    published: dt.date | None
    author: str | None


def _dateline(text: str) -> _Dateline | None:
    """A line that is a date, optionally with a byline or desk before it and a time after it."""
    if len(_words(text)) > 16:
        return None
    m = _DATELINE.match(text)
    if not m:
        return None
    pre = m["pre"].strip(" |,;:-–—·•")
    updated = bool(re.search(r"\bupdated\b", pre, _I))
    pre = re.sub(r"\b(?:last\s+)?(?:updated|published|posted|first published)\b\s*(?:on|at)?:?",
                 "", pre, flags=_I).strip(" |,;:-–—·•")
    author: str | None = None
    if pre:
        author = _byline(pre) or (pre if _is_org_byline(_BYLINE_PREFIX.sub("", pre)) else None)
        if author is None:
            return None
        author = _BYLINE_PREFIX.sub("", author).strip() or None
    published = None if updated else _iso_date(m["date"])
    return _Dateline(published, author)


def _iso_date(text: str) -> dt.date | None:
    return parse_published(text)


def _title_like(text: str, max_words: int) -> bool:
    """A short line that does not end with a period (a question or exclamation is fine)."""
    n = len(_words(text))
    stripped = text.rstrip(_CLOSERS)
    return 1 <= n <= max_words and len(text) <= 12 * max_words \
        and not stripped.endswith((".", ",", ";", ":", "…"))


def _standfirst_like(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS)
    return len(_words(text)) <= 45 and (
        stripped.endswith("?") or not stripped.endswith((".", ",", ";", ":", "…", "!")))


@dataclass
class _Header:
    title: str | None = None
    standfirst: str | None = None
    published: dt.date | None = None
    author: str | None = None


def _parse_header(units: list[_Unit], header: _Header, title_given: bool,
                  removed: list[str]) -> list[_Unit]:
    """Take title, standfirst, dateline and byline off the head of ``units``; return the rest."""
    seen: set[str] = set()
    if header.title:
        seen.add(_key(header.title))
    i = 0
    while i < len(units):
        unit = units[i]
        rest = len(units) - i - 1
        if unit.kind == "embed":
            break
        token = _DATE_TOKEN.match(unit.text)
        if token:  # a "date YYYY-MM-DD" token after the title, maybe glued to the body
            removed.append(token.group().strip())
            header.published = header.published or _iso_date(token[1])
            unit.text = unit.text[token.end():].strip()
            if not unit.text:
                del units[i]
                continue
        glued = _glued_byline(unit.text)
        if glued is not None:  # "By Jane Doe , Agency The storm ..."
            removed.append(glued[0])
            glued_author = re.sub(r"\s+,", ",", _BYLINE_PREFIX.sub("", glued[0])).strip(" ,")
            header.author = header.author or glued_author
            unit.text = glued[1]
            break  # what follows a byline is the body
        text = unit.text
        if _key(text) in seen and _key(text):
            removed.append(text)
        elif (line := _dateline(text)) is not None:
            removed.append(text)
            header.published = header.published or line.published
            header.author = header.author or line.author
        elif (author := _byline(text)) is not None and (header.title or title_given):
            removed.append(text)
            header.author = header.author or author
        elif not title_given and header.title is None and header.standfirst is None \
                and rest > 0 and _title_like(text, 25):
            header.title = text
            removed.append(text)
            seen.add(_key(text))
        elif header.title is not None and header.standfirst is None and rest > 0 \
                and _standfirst_like(text):
            header.standfirst = text
            seen.add(_key(text))
        else:
            break
        i += 1
    return units[i:]


# --- paragraphs and languages ------------------------------------------------------------------

def _heading_like(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS)
    first = text[:1]
    return len(_words(text)) <= 15 and len(text) <= 150 \
        and not stripped.endswith((".", "!", "?", ",", ";", ":", "…")) \
        and (first.isupper() or first.isdigit() or first in "\"'“‘«")


_LATIN_LANGS = ("en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "pl", "cs",
                "ro", "hu", "tr", "id", "ca", "hr", "sk", "sl", "lt", "lv", "et")
_CYRILLIC_LANGS = ("ru", "uk", "bg", "sr", "mk", "be", "kk")
_ARABIC_LANGS = ("ar", "fa", "ur")
_SCRIPT_LANG = {"GREEK": "el", "HEBREW": "he", "HANGUL": "ko", "HIRAGANA": "ja",
                "KATAKANA": "ja", "CJK": "zh", "DEVANAGARI": "hi", "THAI": "th",
                "GEORGIAN": "ka", "ARMENIAN": "hy"}


@lru_cache(maxsize=4)
def _identifier(langs: tuple[str, ...]) -> Any:
    """A py3langid identifier restricted to ``langs`` (built once per candidate set)."""
    from py3langid import langid

    ident = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)
    ident.set_languages(list(langs))
    return ident


_ASCII_LETTERS_RE = re.compile(r"[A-Za-z]")


def _script_counts(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    if text.isascii():  # the common case, without a look at every character's name
        n = len(_ASCII_LETTERS_RE.findall(text))
        if n:
            counts["LATIN"] = n
        return counts
    for ch in text:
        if not ch.isalpha():
            continue
        if ch.isascii():
            counts["LATIN"] += 1
            continue
        try:
            name = unicodedata.name(ch)
        except ValueError:
            continue
        script = name.split(" ", 1)[0]
        if script == "LATIN":
            counts["LATIN"] += 1
        elif script in ("CYRILLIC", "ARABIC", "GREEK", "HEBREW", "HANGUL", "HIRAGANA",
                        "KATAKANA", "DEVANAGARI", "THAI", "GEORGIAN", "ARMENIAN"):
            counts[script] += 1
        elif script == "CJK":
            counts["CJK"] += 1
    return counts


#: English function words; "the", "and" and "of" are no common word of another Latin-script
#: language, the others make up a fifth or more of any English prose.
_ENGLISH_MARKERS = frozenset({"the", "and", "of"})
_ENGLISH_FUNCTION_WORDS = _ENGLISH_MARKERS | frozenset({
    "to", "in", "a", "is", "that", "with", "was", "for", "it", "by", "from", "have", "has",
    "are", "were", "this", "which", "said", "be", "on", "at", "as", "not", "they", "he",
    "she", "his", "her", "their", "will", "would", "its", "had", "been", "who"})
_LOWER_WORD_RE = re.compile(r"[a-z]+")


def _plainly_english(text: str) -> bool:
    """A fast path before the language identifier (which costs about half a millisecond a
    paragraph): at least two of "the", "and", "of", and a fifth of the words English
    function words."""
    words = _LOWER_WORD_RE.findall(text.lower())
    if len(words) < 6:
        return False
    markers = sum(w in _ENGLISH_MARKERS for w in words)
    common = sum(w in _ENGLISH_FUNCTION_WORDS for w in words)
    return markers >= 2 and common >= len(words) / 5


def detect_language(text: str, default: str | None = None) -> str | None:
    """ISO 639-1 code of ``text``: by script, then py3langid among that script's languages.

    Short Latin-script text (under 20 letters) or an unsure guess returns ``default``.
    """
    counts = _script_counts(text)
    if not counts:
        return default
    script, _ = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    letters = counts[script]
    if script == "CYRILLIC":
        if letters < 30:
            return "uk" if re.search(r"[іїєґІЇЄҐ]", text) else "ru"
        return str(_identifier(_CYRILLIC_LANGS).classify(text)[0])
    if script == "ARABIC":
        return str(_identifier(_ARABIC_LANGS).classify(text)[0]) if letters >= 20 else "ar"
    if script in ("CJK", "HIRAGANA", "KATAKANA"):
        return "ja" if counts["HIRAGANA"] + counts["KATAKANA"] > 0 else "zh"
    if script != "LATIN":
        return _SCRIPT_LANG.get(script, default)
    if letters < 20:
        return default or "en"
    if _plainly_english(text):
        return "en"
    lang, prob = _identifier(_LATIN_LANGS).classify(text)
    if prob < 0.6 and default:
        return default
    return str(lang)


# --- HTML --------------------------------------------------------------------------------------

def extract_html_text(html: str) -> str:
    """The article body of an HTML page as plain text, one paragraph per line.

    trafilatura with precision settings (no comments, tables, links or images); a recall run
    and finally the page's whole text are fallbacks, so a page with text never comes back empty.
    """
    import logging

    for name in ("trafilatura", "htmldate"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    import trafilatura

    for precision in (True, False):
        try:
            text = trafilatura.extract(
                html, include_comments=False, include_tables=False, include_links=False,
                include_images=False, output_format="txt", deduplicate=False,
                favor_precision=precision, favor_recall=not precision)
        except Exception:  # a trafilatura bug on odd markup must not lose the article
            text = None
        if text and text.strip():
            return text
    return _html_fallback_text(html)


def _html_fallback_text(html: str) -> str:
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for bad in tree.xpath("//script|//style|//noscript|//nav|//header|//footer"):
        bad.drop_tree()
    blocks = tree.xpath("//p|//h1|//h2|//h3|//h4|//li|//blockquote")
    texts = [_norm_space(b.text_content()) for b in blocks]
    texts = [t for t in texts if t]
    return "\n".join(texts) if texts else _norm_space(tree.text_content())


# --- stamps glued to their neighbours ----------------------------------------------------------
# A scraped live page can lose the markup between an entry's byline, its time stamp and its
# headline: "moderatorFeaturedFebruary 6, 2016 11:19PMDonald Trump And ...".  A written date
# glued to a lower-case letter, and a clock time glued to the capital that follows it, get a
# line of their own, so the time stage sees the stamp and the headline stays a sentence.
_GLUED_DATE = re.compile(
    r"(?<=[a-z])(?=(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+\d{1,2},\s+\d{4}\b)")
_GLUED_CLOCK = re.compile(r"(?<=\b\d{4} )(\d{1,2}:\d\d\s?[AaPp]\.?[Mm]\.?)(?=[A-Z])")


def unglue_stamps(text: str) -> str:
    """Put a written date glued to the word before it, and the clock time after it glued to
    the next word, on a line of their own."""
    if not _GLUED_DATE.search(text):
        return text
    return _GLUED_CLOCK.sub(r"\1\n", _GLUED_DATE.sub("\n", text))


# --- the public function -----------------------------------------------------------------------

def clean(raw: RawArticle) -> Document:
    """Clean one article: body text without boilerplate, paragraphs, metadata, languages."""
    if raw.html is not None and not (raw.text and raw.text.strip()):
        text = extract_html_text(raw.html)
    else:
        text = raw.text or ""
    text = _INVISIBLE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\f", "\n\n")
    if looks_tokenized(text):
        text = "\n".join(detokenize(line) for line in text.split("\n"))
    text = unglue_stamps(text)

    removed: list[str] = []
    header = _Header(title=_norm_space(raw.title) if raw.title else None,
                     published=raw.published,
                     author=_norm_space(raw.author) if raw.author else None)
    m = _DATE_TOKEN.match(text)
    if m:
        removed.append(m.group().strip())
        header.published = header.published or _iso_date(m[1])
        text = text[m.end():]

    cleaned = _remove_boilerplate(_units(text))
    removed.extend(cleaned.removed)
    title_given = header.title is not None
    body_units = _parse_header(cleaned.units, header, title_given, removed)
    header.published = header.published or cleaned.posted

    parts: list[tuple[str, Kind, str | None]] = []
    if header.standfirst:
        parts.append((header.standfirst, "standfirst", None))
    for unit in body_units:
        kind: Kind = unit.kind
        if kind == "body" and _heading_like(unit.text):
            kind = "heading"
        parts.append((unit.text, kind, unit.attribution))
    return _assemble(raw, header, parts, removed)


def _assemble(raw: RawArticle, header: _Header, parts: list[tuple[str, Kind, str | None]],
              removed: list[str]) -> Document:
    doc_text = "\n\n".join(text for text, _, _ in parts)
    # the dominant language of the long paragraphs is the default for short ones
    weights: Counter[str] = Counter()
    langs: list[str | None] = []
    for text, _, _ in parts:
        lang = detect_language(text) if _letters(text) >= 20 else None
        langs.append(lang)
        if lang:
            weights[lang] += _letters(text)
    dominant = _dominant(weights) or raw.language
    paragraphs: list[Paragraph] = []
    offset = 0
    for (text, kind, attribution), lang in zip(parts, langs, strict=True):
        if lang is None:
            lang = detect_language(text, default=dominant)
            if lang and lang != dominant and _letters(text) < 20 and \
                    _script_counts(text).get("LATIN", 0) == _letters(text):
                lang = dominant  # too short to tell one Latin language from another
        paragraphs.append(Paragraph(start=offset, end=offset + len(text), language=lang,
                                    kind=kind, attribution=attribution))
        offset += len(text) + 2
    return Document(
        id=raw.id, text=doc_text, title=header.title, published=_real_date(header.published),
        language=dominant, source=raw.source, author=header.author, url=raw.url,
        standfirst=header.standfirst, origin=raw.origin, paragraphs=paragraphs,
        removed=removed,
    )


def _dominant(weights: Counter[str]) -> str | None:
    if not weights:
        return None
    return max(weights.items(), key=lambda kv: (kv[1], kv[0]))[0]


def _real_date(value: dt.date | None) -> dt.date | None:
    """A date that is a calendar date (not a datetime subclass), else None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    return value

