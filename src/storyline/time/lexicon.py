"""Word lists of the time grammar: general English calendar vocabulary and number words.

Everything here is immutable (tuples, frozensets, ``MappingProxyType``), so the grammar and the
normalizer can share it without any global mutable state.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

#: Month names (and dotted / short abbreviations) -> month number.  Matched case-sensitively
#: (capitalized or all caps) so that "may" the modal and "march" the noun never match.
MONTHS: Final = MappingProxyType({
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
})
MONTH_ABBREVIATIONS: Final = MappingProxyType({
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
    "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
})

#: Weekday names -> ISO weekday (Monday = 1).
WEEKDAYS: Final = MappingProxyType({
    "Monday": 1, "Tuesday": 2, "Wednesday": 3, "Thursday": 4, "Friday": 5, "Saturday": 6,
    "Sunday": 7,
})

#: Cardinal number words.
NUMBER_WORDS: Final = MappingProxyType({
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "dozen": 12, "a dozen": 12, "couple of": 2, "a couple of": 2, "a couple": 2,
    "single": 1, "half a": 0.5, "half an": 0.5,
})
#: Quantifiers that give an unspecified number ("several days" -> ``PXD``).
VAGUE_NUMBERS: Final = frozenset({
    "several", "a few", "few", "many", "some", "multiple", "numerous", "a number of",
    "dozens of", "hundreds of", "thousands of",
})

#: Ordinal words -> number (for centuries, quarters, halves, and days: "the first of June").
ORDINALS: Final = MappingProxyType({
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
    "twenty-second": 22, "twenty second": 22, "twenty-third": 23, "twenty third": 23,
    "twenty-fourth": 24, "twenty fourth": 24, "twenty-fifth": 25, "twenty fifth": 25,
    "twenty-sixth": 26, "twenty sixth": 26, "twenty-seventh": 27, "twenty seventh": 27,
    "twenty-eighth": 28, "twenty eighth": 28, "twenty-ninth": 29, "twenty ninth": 29,
    "thirtieth": 30, "thirty-first": 31, "thirty first": 31,
})

#: Decade words ("the nineties") -> tens digit.
DECADE_WORDS: Final = MappingProxyType({
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
})

#: Time units -> (TIMEX3 unit letter(s), is a clock unit written after ``PT``).
UNITS: Final = MappingProxyType({
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "fortnight": ("W", False),
    "month": ("M", False), "year": ("Y", False), "decade": ("DE", False),
    "century": ("CE", False), "quarter": ("Q", False), "weekend": ("WE", False),
})
#: How many of the TIMEX3 unit a unit word stands for (a fortnight is two weeks).
UNIT_MULTIPLIER: Final = MappingProxyType({"fortnight": 2})

#: Parts of the day -> TIMEX3 code.
PARTS_OF_DAY: Final = MappingProxyType({
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "midday": "MI",
})

#: Seasons -> TIMEX3 code.
SEASONS: Final = MappingProxyType({
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
})
#: The months that each season covers (northern hemisphere), for "last summer" and friends.
SEASON_MONTHS: Final = MappingProxyType({
    "SP": (3, 4, 5), "SU": (6, 7, 8), "FA": (9, 10, 11), "WI": (12, 1, 2),
})

#: Words before a month name that make it a date, not a name or a verb ("in March").
MONTH_CONTEXT: Final = frozenset({
    "in", "since", "until", "till", "by", "during", "throughout", "of", "from", "to",
    "through", "before", "after", "between", "and", "or", "early", "late", "mid", "last",
    "next", "this", "that", "each", "every", "on", "for", "around", "about",
    "following", "previous", "past", "coming", "into", "end", "beginning",
    "start", "middle", "as", "than", "beyond", "come", "toward", "towards",
})

#: Words before a four-digit number that make it a year ("in 2014", "back in 2014").
YEAR_CONTEXT: Final = frozenset({
    "in", "since", "by", "until", "till", "of", "from", "to", "through", "before", "after",
    "during", "throughout", "circa", "early", "late", "mid", "around", "between", "year",
    "and", "summer", "winter", "spring", "autumn", "fall", "as", "year-end", "than",
    "pre", "post", "for", "both", "due", "fiscal", "beyond", "into",
})
#: Lower-case words after a four-digit number that make it a count even after an article
#: ("the 2000 troops").
YEAR_COUNTED: Final = frozenset({
    "troops", "soldiers", "people", "men", "women", "workers", "employees", "shares",
    "members", "jobs", "dollars", "tons", "miles", "feet", "meters", "votes", "seats",
    "cars", "units", "homes", "houses", "children", "students", "others", "of", "to",
})

#: Capitalized plurals that name an event after an adjectival year ("the 2000 Olympics");
#: any other capitalized plural after a number counts people ("the 2000 Americans").
YEAR_EVENT_NAMES: Final = frozenset({"Olympics", "Games", "Paralympics", "Elections",
                                     "Championships", "Finals", "Talks"})

#: Lower-case words that may follow a year ("in 2014 when ..."); any other lower-case word
#: after the number makes it a count ("in 2000 troops") and the number is not tagged.
AFTER_YEAR_OK: Final = frozenset({
    "and", "or", "but", "when", "while", "as", "after", "before", "until", "since", "the",
    "a", "an", "it", "he", "she", "they", "we", "i", "you", "this", "that", "there", "its",
    "his", "her", "their", "our", "to", "at", "in", "on", "for", "of", "by", "with", "from",
    "which", "who", "where", "was", "were", "is", "are", "had", "has", "have", "did", "will",
    "would", "could", "should", "may", "might", "can", "amid", "during", "through", "then",
    "also", "alone", "onwards", "onward", "only", "because", "if", "though", "although",
    "than", "so", "not", "no", "most", "more", "into", "over", "under", "against",
    "among", "between", "about", "around", "up", "down", "out", "off", "again", "already",
    "ago", "earlier", "later", "itself", "saw", "brought", "led", "marked", "following",
    "despite",
})

#: Capitalized words allowed just before a weekday or month ("On Monday", "Last March").
NAME_GUARD_OK_BEFORE: Final = frozenset({
    "on", "by", "last", "next", "this", "since", "until", "till", "before", "after", "early",
    "late", "each", "every", "from", "in", "of", "and", "or", "through", "that",
    "during", "but", "as", "the", "coming", "past", "mid", "for", "to", "then", "earlier",
    "later", "also", "only", "just", "again", "so", "yet", "still", "at", "if", "when",
    "while", "because", "although", "though", "unless", "once", "with", "without", "like",
})

#: Capitalized words that make a weekday part of a name or a feast ("Bloody Sunday").
WEEKDAY_NAME_MODIFIERS: Final = frozenset({
    "Bloody", "Black", "Good", "Holy", "Super", "Easter", "Palm", "Ash", "Cyber", "Giving",
    "Maundy", "Shrove", "Fat", "Blue", "Mad", "Great", "Low", "Whit", "Trinity", "Passion",
    "Casual", "Freaky", "Manic", "Lazy",
})
#: Words that end a company's name: a weekday expression before one is part of the name
#: ("Tuesday Morning Corp.").
COMPANY_SUFFIXES: Final = frozenset({
    "Corp", "Corporation", "Inc", "Co", "Ltd", "LLC", "PLC", "Plc", "Group", "Holdings", "AG",
    "SA",
})

#: Past-tense cue words for the regex tense heuristic (regular "-ed" forms are found by suffix).
PAST_WORDS: Final = frozenset({
    "was", "were", "had", "did", "said", "told", "made", "took", "met", "went", "came",
    "died", "used",
    "began", "gave", "held", "left", "saw", "sent", "spoke", "wrote", "led", "put", "set",
    "cut", "won", "lost", "got", "became", "brought", "bought", "built", "chose", "fell",
    "felt", "fought", "found", "flew", "forgot", "heard", "hit", "kept", "knew", "laid",
    "meant", "paid", "quit", "ran", "rose", "sold", "sought", "shot", "shut", "sat", "stood",
    "struck", "swore", "taught", "thought", "threw", "understood", "wore", "withdrew", "ago",
    "last", "yesterday", "earlier", "previously", "former", "formerly", "been",
    "underwent", "spent", "drew", "grew", "dealt", "oversaw", "overtook", "undertook",
    "upheld", "withheld", "overthrew", "stole", "broke", "woke", "froze", "drove", "rode",
    "ate", "fled", "fed", "slid", "sank", "slept", "swept", "dug", "stuck", "swung",
    "caught", "bit", "hid", "forgave", "foresaw", "shook", "mistook", "arose",
})
#: Words ending in "-ed" that are not past-tense verbs.
NOT_PAST_ED: Final = frozenset({
    "need", "speed", "bed", "red", "seed", "feed", "shed", "hundred", "indeed", "proceed",
    "exceed", "succeed", "breed", "creed", "deed", "greed", "weed", "embed", "naked",
    "wicked", "sacred", "kindred", "unprecedented", "interested", "related", "based",
    "united", "limited", "supposed", "advanced", "detailed", "concerned", "expected",
    "scheduled", "planned",
})
#: Future-tense cue words and phrases for the regex tense heuristic.
FUTURE_PATTERNS: Final = (
    r"will", r"\w+['’]ll", r"shall", r"won['’]t", r"going\s+to", r"gonna", r"plans?\s+to",
    r"scheduled\s+to", r"expected\s+to", r"(?:forecast|predicted|projected)\s+to", r"looming", r"due\s+to\s+(?:be|take|start|begin|launch|meet|"
    r"hold|open|visit|arrive|leave|return|end)", r"is\s+to", r"are\s+to", r"set\s+to",
    r"upcoming", r"(?:scheduled|slated|planned|due)\s+(?:for|on)",
    r"(?:is|are)\s+(?:expected|due|scheduled|slated|planned|set\s+(?:for|on))",
    r"(?:hopes?|intends?|expects?)\s+(?:(?:him|her|them|it|us)\s+)?to", r"ha(?:s|ve)\s+yet\s+to",
    # a hope or a plan in the present: "he hopes the weather doesn't create problems this
    # weekend", "is planning to add acts on Sunday"
    # (the verb after its subject, not the noun: "dim hopes that the workers ...")
    r"(?:he|she|who|it|they|we|i|(?-i:[A-Z][a-z]+))\s+hopes?\s+(?:that|the|it|he|she|they|we)\b",
    r"(?:is|are|am|['’]re|['’]s)\s+(?:still\s+|now\s+|also\s+)?(?:preparing|aiming|planning)\s+to",
    # an event being organized or hoped for: "Websites are promoting a rally on Monday",
    # "Buffett is hoping bad weather doesn't create problems this weekend"
    r"(?:is|are|['’]re)\s+(?:now\s+|also\s+)?(?:promoting|organizing|organising|hosting|"
    r"staging|planning|hoping)\b",
    # a schedule told in the present: "Wisconsin holds its primary on Tuesday", "Trading
    # resumes Wednesday", "the convention begins Monday" (not a possession, "holds 14.6%",
    # nor "Hayward meets the press in May" under a photograph)
    r"(?:begins|starts|opens|resumes|reconvenes|convenes|takes\s+place|kicks\s+off|"
    r"(?:term|mandate|deadline|contract|lease|ceasefire|truce)\s+(?:ends|expires|runs\s+out)|"
    r"meets\s+on|heads\s+to\s+the\s+polls|go\s+to\s+the\s+polls|holds\s+(?:its|their|a|"
    r"the)\s+(?:[\w-]+\s+){0,2}?(?:primary|primaries|caucus|caucuses|election|vote|meeting|"
    r"talks|summit|conference|hearing|referendum|rally|debate))",
    # what is yet to be done: "the report, to be released in full on Tuesday"
    r"to\s+be\s+(?:held|released|published|announced|unveiled|signed|sworn\s+in|"
    r"debated|heard|tried|sentenced|launched|opened|completed|delivered|decided)", r"hoping\s+(?:to|that)",
)
