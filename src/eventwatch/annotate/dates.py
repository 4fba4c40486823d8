"""Temporal expressions: find them in a parsed doc and normalise them to
TIMEX3-style values relative to the publication date.

Candidates come from spaCy's DATE (and day-bearing TIME) entities plus
regular expressions over the doc text for forms the small model misses
("Jan. 15", "last week", "on Friday", "the 1990s"). Spans follow the TimeML
extent convention: leading prepositions ("on", "in", "since") are outside
the TIMEX, determiners and modifiers ("the", "last", "early") inside.

Absolute strings are parsed with dateparser's ``DateDataParser``; the
relative arithmetic (last/next/this, weekdays, the nearest-year rule for
year-less dates) is ours, because dateparser resolves those toward the past
or the future only, never toward the nearest date.
"""
from __future__ import annotations

import datetime as _dt
import functools
import logging
import re
from typing import Optional

from spacy.tokens import Doc

from ..models import DateMention
from .date_words import FREQUENCY, spelled_year
from .extensions import doc_text, warn

log = logging.getLogger(__name__)

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], 1)}
MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
              "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "several": None, "few": None, "a few": None, "some": None, "many": None}
UNITS = r"(?:day|week|month|year|decade|century|quarter|hour|minute)s?"

# Case-sensitive: "may" and "march" are verbs far more often than months.
_MONTH_RE = (r"(?-i:January|February|March|April|May|June|July|August|September|October|"
             r"November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|"
             r"Oct\.?|Nov\.?|Dec\.?)")
_WEEKDAY_RE = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MOD = r"(?:(?:early|late|mid|the middle of|the end of|the beginning of|the start of)[\s-]+)?"
_REL = r"(?:last|next|this|past|coming|previous|earlier this|later this|early this|late this|late last|early last|early next)"
_NUM = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|few|\d+)"

# Forms spaCy's small model misses or splits; each match is a candidate span.
PATTERNS = [re.compile(p, re.I) for p in (
    rf"\b{_MOD}{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b",
    rf"\b\d{{1,2}}\s+{_MONTH_RE}(?:,?\s+\d{{4}})?\b",
    rf"\b{_MOD}(?:{_REL}\s+)?{_MONTH_RE}(?:,?\s+\d{{4}})?(?![\w])",
    rf"\b(?:(?:last|next|this|past|coming)\s+)?{_WEEKDAY_RE}(?:\s+(?:morning|afternoon|evening|night))?\b",
    rf"\b{_MOD}(?:the\s+)?(?:{_REL}|the\s+past|the\s+last)\s+(?:week|month|year|decade|quarter|spring|summer|fall|autumn|winter|weekend|fiscal year)\b",
    rf"\b{_NUM}(?:\s+|-)(?:{UNITS})\s+(?:ago|earlier|later|from now)\b",
    r"\b(?:yesterday|today|tomorrow|tonight)\b",
    r"\b(?:the\s+)?(?:mid-|early\s+|late\s+)?(?:1[89]|20)\d0'?s\b",
    # not "2,024" or "2024.5", but a year may end a sentence ("... to late 2024.")
    rf"\b{_MOD}(?:in\s+)?(?<![\d,.$])(?:1[89]\d\d|20[0-4]\d)(?![\d%]|[,.]\d)\b",
    r"\b(?:nineteen|eighteen)[\s-]+(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?\b",
    r"\b(?:the\s+)?(?:following|same|preceding)\s+year\b",
)]

_LEAD_PREP = re.compile(r"^(?:(?:on|in|since|by|during|until|till|from|of|at|for|as of|before|after|through|throughout|to|about|around|nearly|almost|more than|less than|over|just|only|some|roughly)\s+)+", re.I)
_TRAIL = re.compile(r"[\s,.;:'’)\"]+$")
_YEAR_IN = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


@functools.lru_cache(maxsize=1)
def _parser():
    import dateparser.date

    return dateparser.date.DateDataParser(languages=["en"])


def _pub(publication_date: Optional[str]) -> Optional[_dt.date]:
    if not publication_date:
        return None
    try:
        return _dt.date.fromisoformat(str(publication_date)[:10])
    except ValueError:
        return None


def _add_months(d: _dt.date, n: int) -> _dt.date:
    m = d.month - 1 + n
    return _dt.date(d.year + m // 12, m % 12 + 1, 1)


def _nearest_year(pub: _dt.date, month: int, day: Optional[int], tense: Optional[str] = None) -> int:
    """The year that puts month(/day) nearest the publication date.

    A past-tense clause rules out dates after the publication (TempEval
    reading of "was sold in August" in March), a future one dates before it.
    """
    best, best_gap = pub.year, None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            d = _dt.date(y, month, day or 15)
        except ValueError:
            continue
        if day is None:
            same = (y, month) == (pub.year, pub.month)
            after, before = (y, month) > (pub.year, pub.month), (y, month) < (pub.year, pub.month)
        else:
            same, after, before = d == pub, d > pub, d < pub
        if (tense == "past" and after) or (tense == "future" and before):
            continue
        gap = abs((d - pub).days)
        if tense is None and after:
            # Reports look back: a later date must be far nearer to win ("in January"
            # in an August story is last January; "in January" in December is next).
            gap *= 2
        if best_gap is None or gap < best_gap:
            best, best_gap = y, gap
    return best


def _season(pub: _dt.date, name: str, rel: str) -> str:
    y = pub.year + {"last": -1, "next": 1}.get(rel, 0)
    return f"{y}-{SEASONS[name]}"


def _number(tok: str) -> Optional[int]:
    tok = tok.lower()
    if tok.isdigit():
        return int(tok)
    return NUMBERS.get(tok)


def normalize(expression: str, publication_date: Optional[str], *,
              tense: Optional[str] = None) -> tuple[Optional[str], Optional[str]]:
    """(value, precision) of a temporal expression, TIMEX3-style; value None when it falls outside
    the calendar (year 1 minus a day, "999999 weeks later")."""
    try:
        return _normalize(expression, publication_date, tense=tense)
    except (OverflowError, ValueError):
        return None, None


def _normalize(expression: str, publication_date: Optional[str], *,
               tense: Optional[str] = None) -> tuple[Optional[str], Optional[str]]:
    """(value, precision) of a temporal expression, TIMEX3-style.

    ``tense`` is "past", "future" or None (unknown), used to pick the
    direction of a bare weekday. Year-less and relative expressions with no
    publication date give value None at their precision.
    """
    pub = _pub(publication_date)
    e = _LEAD_PREP.sub("", expression.strip())
    e = _TRAIL.sub("", e)
    low = re.sub(r"\s+", " ", e.lower()).replace("’", "'")
    # "last year's", "Friday's": the possessive does not change the date; "a week or so ago" is "a week ago"
    low = re.sub(r"'s$", "", low).replace(" or so ", " ")
    if not low:
        return None, None
    if FREQUENCY.fullmatch(low):
        return None, "set"
    spelled = spelled_year(low)
    if spelled:
        return spelled, "year"
    m = re.fullmatch(r"(?:the )?(?:fiscal (?:year )?|fy ?)(\d{4})|(?:the )?(\d{4}) fiscal year", low)
    if m:  # a fiscal year is named by its label year, which TIMEX3 keeps
        return m.group(1) or m.group(2), "year"
    if re.fullmatch(r"(?:right )?now|currently|at present|nowadays|the present|present", low):
        return "PRESENT_REF", "present"
    # Durations: a quantity of units that is not anchored ("seven months", "for a decade")
    if re.fullmatch(rf"(?:the )?(?:{_NUM}|\w+-)?(?:[\s-]*(?:more |full |long |and a half |\w+ )?)?{UNITS}(?:'s?|')?(?: long| or so| and a half)?", low) \
            and not re.search(r"\b(?:this|last|next|that|first|second|third|fourth|final|same|following|previous)\b", low) or \
            re.fullmatch(rf"the (?:past|last|next|previous|coming) (?:{_NUM} )?{UNITS}", low) and re.search(r"\d|(?:s)$|\b(?:two|three|four|five|six|seven|eight|nine|ten|several|few)\b", low):
        return None, "duration"
    if re.fullmatch(r"the past (?:year|decade|month|week)|the past few \w+", low):
        return None, "duration"
    low = re.sub(r"^the ", "", low)
    # strip fuzzy modifiers: the value keeps the granularity of the rest (TIMEX3 "early 2011" = 2011)
    low = re.sub(r"^(?:early|late|mid|the middle of|middle of|the end of|end of|the beginning of|beginning of|the start of|start of)[\s-]+", "", low)
    low = re.sub(r"^(?:the )", "", low)
    low = re.sub(r"^fiscal (?=(?:year )?\d{4}$)", "", low)  # "fiscal 1998": the fiscal year's label
    # "(the end of) the year/month": in news, the current one
    low = re.sub(r"^(?:earlier|later|early|late) in the (?=(?:year|month|week)$)", "", low)
    if low in ("year", "month", "week", "fiscal year"):
        low = "this " + low

    # decades
    m = re.fullmatch(r"(?:mid-|early |late )?(1[89]|20)(\d)0'?s", low)
    if m:
        return m.group(1) + m.group(2), "decade"
    m = re.fullmatch(r"'(\d)0s", low)
    if m:
        return ("19" + m.group(1)), "decade"
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th) century", low)
    if m:
        return f"{int(m.group(1)) - 1:02d}", "century"
    m = re.fullmatch(r"(?:year )?(1[89]\d\d|20\d\d)", low)
    if m:
        return m.group(1), "year"
    if low in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return (pub.isoformat() if pub else None), "day"
    if low in ("yesterday", "tomorrow"):
        if not pub:
            return None, "day"
        return (pub + _dt.timedelta(days=-1 if low == "yesterday" else 1)).isoformat(), "day"

    # N units ago / earlier / later / from now
    m = re.fullmatch(rf"({_NUM})[\s-]+(day|week|month|year|decade)s? (ago|earlier|later|from now)", low)
    if m:
        n = _number(m.group(1))
        unit = m.group(2)
        sign = 1 if m.group(3) in ("later", "from now") else -1
        if n is None or pub is None:
            return None, unit if unit != "decade" else "decade"
        if unit == "day":
            return (pub + _dt.timedelta(days=sign * n)).isoformat(), "day"
        if unit == "week":
            d = pub + _dt.timedelta(weeks=sign * n)
            iy, iw, _ = d.isocalendar()
            return f"{iy}-W{iw:02d}", "week"
        if unit == "month":
            return _add_months(pub, sign * n).strftime("%Y-%m"), "month"
        if unit == "year":
            return str(pub.year + sign * n), "year"
        return str((pub.year + sign * 10 * n) // 10), "decade"

    # relative unit: last/next/this week|month|year|quarter|season
    m = re.fullmatch(rf"({_REL}|past|same) (week|weekend|month|year|fiscal year|quarter|decade|{'|'.join(SEASONS)})", low)
    if m:
        rel, unit = m.group(1).split()[-1], m.group(2)
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
        if unit in SEASONS:
            return (_season(pub, unit, "last" if step < 0 else "next" if step > 0 else "this") if pub else None), "season"
        if pub is None:
            return None, {"weekend": "week", "fiscal year": "year"}.get(unit, unit)
        if unit in ("week", "weekend"):
            iy, iw, _ = (pub + _dt.timedelta(weeks=step)).isocalendar()
            return f"{iy}-W{iw:02d}", "week"
        if unit == "month":
            return _add_months(pub, step).strftime("%Y-%m"), "month"
        if unit in ("year", "fiscal year"):
            return str(pub.year + step), "year"
        if unit == "decade":
            return str(pub.year // 10 + step), "decade"
        q = (pub.month - 1) // 3 + step
        return f"{pub.year + q // 4}-Q{q % 4 + 1}", "quarter"
    m = re.fullmatch(rf"(first|second|third|fourth) quarter(?: of (\d{{4}}))?", low)
    if m:
        y = m.group(2) or (str(pub.year) if pub else None)
        q = ["first", "second", "third", "fourth"].index(m.group(1)) + 1
        return (f"{y}-Q{q}" if y else None), "quarter"
    m = re.fullmatch(rf"(?:(last|next|this) )?({'|'.join(SEASONS)})(?: of)?(?: (\d{{4}}))?", low)
    if m:
        if m.group(3):
            return f"{m.group(3)}-{SEASONS[m.group(2)]}", "season"
        return (_season(pub, m.group(2), m.group(1) or "this") if pub else None), "season"

    # weekdays
    m = re.fullmatch(rf"(?:(last|next|this|past|coming) )?({'|'.join(WEEKDAYS)})(?: (?:morning|afternoon|evening|night))?", low)
    if m:
        if pub is None:
            return None, "day"
        rel, wd = m.group(1), WEEKDAYS[m.group(2)]
        back = (pub.weekday() - wd) % 7
        fwd = (wd - pub.weekday()) % 7
        if rel in ("next", "coming") or (rel is None and tense == "future"):
            d = pub + _dt.timedelta(days=fwd)
        elif rel in ("last", "past") or rel is None:
            # News reports what happened: a bare weekday with no future in its clause
            # is the most recent one (the publication day itself included).
            d = pub - _dt.timedelta(days=back)
        else:  # "this Friday": the one of the current week, nearest
            d = pub - _dt.timedelta(days=back) if back <= fwd else pub + _dt.timedelta(days=fwd)
        return d.isoformat(), "day"

    # "last/this/next <Month>": relative month names
    m = re.fullmatch(rf"(last|this|next) ([a-z]+\.?)", low)
    if m and _month_of(m.group(2)):
        if pub is None:
            return None, "month"
        mo = _month_of(m.group(2))
        y = pub.year
        if m.group(1) == "last":
            y = pub.year if mo < pub.month else pub.year - 1
        elif m.group(1) == "next":
            y = pub.year if mo > pub.month else pub.year + 1
        return f"{y}-{mo:02d}", "month"

    return _absolute(low, pub, tense)


def _month_of(word: str) -> Optional[int]:
    w = word.rstrip(".").lower()
    return MONTHS.get(w) or MONTH_ABBR.get(w)


def _absolute(low: str, pub: Optional[_dt.date], tense: Optional[str] = None) -> tuple[Optional[str], Optional[str]]:
    """Calendar strings, via dateparser; a year-less one takes the nearest year."""
    # "Jan. 15" -> "Jan 15": dateparser reads the period as a separator
    clean = re.sub(r"\b([a-z]{3,4})\.", r"\1", low)
    clean = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", clean)
    words = clean.replace(",", " ").split()
    if not words or not any(_month_of(w) for w in words) and not _YEAR_IN.search(clean):
        return None, None
    has_year = bool(_YEAR_IN.search(clean))
    data = _parser().get_date_data(clean)
    if data is None or data.date_obj is None:
        return None, None
    d, period = data.date_obj.date(), data.period
    if period not in ("day", "month", "year"):
        period = "day"
    if not has_year:
        if pub is None:
            return None, period
        y = _nearest_year(pub, d.month, d.day if period == "day" else None, tense)
        try:
            d = d.replace(year=y)
        except ValueError:
            return None, period
    fmt = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[period]
    return d.strftime(fmt), period


_FUTURE_AUX = {"will", "'ll", "shall", "would", "wo", "'d"}
_FUTURE_VERBS = {"plan", "schedule", "expect", "intend", "due", "aim", "prepare", "set"}


def _tense(span) -> Optional[str]:
    """Past/future of the clause governing a span, from the parse."""
    tok = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    kids = [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(k in _FUTURE_AUX for k in kids) or "going" in kids:
        return "future"
    for anc in [tok, *list(tok.ancestors)[:3]]:
        if anc.lemma_ in _FUTURE_VERBS or any(c.lower_ in _FUTURE_AUX for c in anc.children if c.dep_ == "aux"):
            return "future"  # "plans to vote on Friday", "would not run in November"
        if anc.dep_ not in ("xcomp", "ccomp", "advcl", "conj") or anc.tag_ == "VBD":
            break
    head = span.root.head
    direct = tok.i == head.i or (head.dep_ == "prep" and tok.i == head.head.i)
    # a main clause only: "chanted as they march Thursday" is a narrative present
    if direct and tok.dep_ == "ROOT" and (tok.tag_ in ("VBP", "VBZ") and tok.lemma_ not in ("say", "tell", "be", "have")
                   or tok.tag_ == "VBG" and any(k in ("is", "are", "'re", "am") for k in kids)):
        return "future"  # "talks resume Friday", "are meeting on Monday": a schedule
    if tok.tag_ in ("VBD",) or any(k in ("did", "had", "was", "were") for k in kids):
        return "past"
    if tok.tag_ == "VBN" and any(k in ("has", "have") for k in kids):
        return "past"
    return None


_DAYISH = re.compile(rf"{_WEEKDAY_RE}|yesterday|today|tomorrow|tonight", re.I)


def _candidates(doc: Doc) -> list[tuple[int, int]]:
    text = doc_text(doc)
    spans = []
    for ent in doc.ents:
        if ent.label_ == "DATE" or (ent.label_ == "TIME" and _DAYISH.search(ent.text)):
            spans.append((ent.start_char, ent.end_char))
    for pat in PATTERNS:
        for m in pat.finditer(text):
            spans.append((m.start(), m.end()))
    # merge overlapping spans into their union so one expression is one mention
    spans.sort()
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """TimeML extent: no leading preposition, no trailing punctuation."""
    seg = text[s:e]
    m = _LEAD_PREP.match(seg)
    if m and m.end() < len(seg):
        s += m.end()
        seg = text[s:e]
    t = _TRAIL.search(seg)
    if t and t.start() > 0:
        e = s + t.start()
    while s < e and text[s].isspace():
        s += 1
    return s, e


_AGE = re.compile(
    r"\b(?:\d+|[a-z]+(?:-[a-z]+)?)-(?:year|month|week|day)s?-olds?\b|\b\d+\s+(?:years?|months?)\s+old\b|\b(?:ages?|aged)\s+\d",
    re.I)
# Words before a number that make it a name or a model, not a year ("model 2000", "Flight 1549").
_NUMBERED = {"model", "version", "no", "number", "type", "series", "mark", "flight", "route", "highway",
             "room", "windows", "boeing", "airbus", "article", "section", "resolution", "chapter", "page",
             "pentium", "core", "office", "code", "unit", "bus", "train", "apollo"}
_ANAPHORIC = re.compile(r"(?:the )?(?:following|same|preceding|that) year|the next year", re.I)


def _numbered(text: str, start: int) -> bool:
    """The number at ``start`` follows a word that makes it a name ("Flight 1982")."""
    m = re.search(r"([A-Za-z]+)\.?\s+$|#\s*$", text[max(0, start - 20):start])
    return bool(m) and (m.group(1) is None or m.group(1).lower() in _NUMBERED)


def _not_a_year(span) -> bool:
    """A 4-digit number that counts things or names a model."""
    root = span.root
    if root.dep_ == "nummod" and root.head.tag_ == "NNS":
        return True  # "cut 1999 jobs"
    return _numbered(doc_text(span.doc), span.start_char)


def _anaphoric_year(expr: str, found: list[DateMention], doc: Doc, end: int) -> tuple[Optional[str], Optional[str]]:
    """"the following year", "that year": relative to the last year the text named
    (else the first one after it in its sentence), never to the publication date."""
    low = expr.lower()
    if low == "the next year":
        # only after a past year named in the same sentence ("signed in 2002 ... the next
        # year"); otherwise it is the publication's next year, left to normalize
        sent_start = next((snt.start_char for snt in doc.sents if snt.start_char <= end <= snt.end_char), 0) \
            if doc.has_annotation("SENT_START") else 0
        pub = _pub(doc._.publication_date)
        prior = [d.value[:4] for d in found if d.start >= sent_start and d.value and re.match(r"\d{4}", d.value)]
        if not prior or pub is None or int(prior[-1]) >= pub.year:
            return None, None
        return str(int(prior[-1]) + 1), "year"
    anchor = next((d.value[:4] for d in reversed(found) if d.value and re.match(r"\d{4}", d.value)), None)
    if anchor is None:
        sent_end = next((snt.end_char for snt in doc.sents if snt.start_char <= end <= snt.end_char), len(doc_text(doc))) \
            if doc.has_annotation("SENT_START") else len(doc_text(doc))
        m = _YEAR_IN.search(doc_text(doc), end, sent_end)
        anchor = m.group(1) if m else None
    if anchor is None:
        return None, "year"
    step = 1 if "following" in low else -1 if "preceding" in low else 0
    return str(int(anchor) + step), "year"


def _inner_dates(text: str, s: int, e: int, pub, tense) -> list[DateMention]:
    """A phrase with no value of its own ("the quarter ended Sept. 30", "the first nine
    months of 1998", "Saturday, days before"): the dates inside it keep theirs."""
    hits = []
    for pat in PATTERNS:
        for m in pat.finditer(text, s, e):
            a, b = _trim(text, m.start(), m.end())
            if b <= a or (a, b) == (s, e) or re.fullmatch(r"\d{4}", text[a:b]) and _numbered(text, a):
                continue
            value, precision = normalize(text[a:b], pub, tense=tense)
            if value and value != "PRESENT_REF":
                hits.append(DateMention(text[a:b], a, b, value, precision))
    # the longest of overlapping hits
    hits.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DateMention] = []
    for d in hits:
        if not out or d.start >= out[-1].end:
            out.append(d)
    return out


def find_dates(doc: Doc) -> list[DateMention]:
    """Every temporal expression of ``doc``, normalised against doc._.publication_date."""
    pub = doc._.publication_date
    text = doc_text(doc)
    out: list[DateMention] = []
    unresolved = False
    for s, e in _candidates(doc):
        s, e = _trim(text, s, e)
        if e <= s or not text[s:e].strip():
            continue
        expr = text[s:e]
        if _AGE.search(expr):
            continue  # an age, not a date
        rng = re.fullmatch(r"((?:1[89]|20)\d\d)\s*[-–/]\s*(\d\d(?:\d\d)?)", expr)
        if rng:
            # "2009-2010", "1957-58": TimeML marks each year as its own TIMEX
            a, b = rng.group(1), rng.group(2)
            out.append(DateMention(a, s, s + len(a), a, "year"))
            bs = s + rng.start(2)
            out.append(DateMention(b, bs, e, (a[:2] + b if len(b) == 2 else b), "year"))
            continue
        # a bare number spaCy called DATE ("105", "3") is noise, not a date
        if re.fullmatch(r"\d{1,3}", expr):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and re.fullmatch(r"\d{4}", expr) and _not_a_year(span):
            continue
        tense = _tense(span) if span is not None else None
        value, precision = _anaphoric_year(expr, out, doc, e) if _ANAPHORIC.fullmatch(expr) else (None, None)
        if value is None:
            value, precision = normalize(expr, pub, tense=tense)
        if value is None and pub and precision not in ("duration", "set"):
            inner = _inner_dates(text, s, e, pub, tense)
            if inner:
                out.extend(inner)
                continue
        if value is None and precision in ("day", "month", "week", "season", "quarter") and not pub:
            unresolved = True
        elif value is None or value == "PRESENT_REF":
            # A date field holds dates: durations, frequencies, "now" and what could
            # not be resolved would only be noise to whoever reads the value.
            continue
        out.append(DateMention(expr, s, e, value, precision))
    if unresolved:
        warn(doc, "dates: a year-less or relative date could not be resolved: no publication date")
    return out
