"""Boilerplate spans: sign-up forms, terms, cookie notices, share bars, "Read more".

Spans are marked, never cut: offsets into the text must hold for the caller.
A whole line is boilerplate when it matches one of ``LINE_PATTERNS`` and is
short (real boilerplate lines are); inside a longer paragraph only the
unmistakable sign-up / terms / cookie sentences of ``SENTENCE_PATTERNS`` are
marked. Every pattern is anchored or phrased so ordinary reporting ("Protesters
signed a petition", "Share prices fell") does not match.
"""
from __future__ import annotations

import re

# Longest line (characters) that can be boilerplate as a whole.
MAX_LINE_CHARS = 300

_SOCIAL = (r"facebook|twitter|x|whatsapp|e-?mail|linkedin|reddit|telegram|pinterest|print|"
           r"copy(?: the)? link|messenger|tumblr|flipboard|bluesky|threads|mastodon|sms|share")

# Names in a wire credit line; case-sensitive inside the case-insensitive patterns.
_NAME = r"(?-i:[A-Z][\w.'-]*(?: (?:[A-Z][\w.'-]*|de|van|von|al|el|bin))*)"
_NAMES = rf"{_NAME}(?:(?:, | and | & |, and ){_NAME})*(?: in (?-i:[A-Z][\w.'-]*)(?: (?-i:[A-Z][\w.'-]*))?)?"
_CREDIT = rf"(?:additional )?(?:reporting|writing|editing)(?: and (?:writing|editing))? by {_NAMES}"

# Patterns for a whole (stripped) line.
LINE_PATTERNS: tuple[str, ...] = (
    # Imperative sign-up and subscription prompts.
    r"^(sign[ -]?up|subscribe|register|join)\b.{0,120}\b(news|newsletters?|updates|e-?mails?|inbox|alerts?|"
    r"digest|briefing|account)\b",
    r"^(sign[ -]?up|subscribe)( now| today| here)?[.!:]?$",
    r"^(get|receive) (our|the) .{0,60}\b(newsletter|briefing|digest|updates|alerts)\b",
    r"^(enter|your|type your) (your )?e-?mail( address)?\b",
    r"^e-?mail address\b",
    # Second person or imperative only: "the group's newsletter, delivered weekly" is news.
    r"\bnewsletters?\b.{0,80}\b(sign[ -]?up|subscribe( now| here| today)?[.!]|your inbox|straight to you)",
    # Form consent and legal lines.
    r"^by (submitting|signing up|subscribing|clicking|registering|continuing|using this (site|website)|"
    r"entering your)\b",
    r"\b(i|you) (agree|consent) to (the|our) (terms|privacy|cookie|use of)\b",
    r"^(terms (of (use|service))?|terms (&|and) conditions|privacy( policy| notice)?|cookie (policy|settings)|"
    r"contact us|about us|accessibility)([\s|·•/,-]+(terms (of (use|service))?|terms (&|and) conditions|"
    r"privacy( policy| notice)?|cookie (policy|settings)|contact us|about us|accessibility|sitemap|careers|"
    r"advertise( with us)?|help|faq))*[.]?$",
    r"\bthis (site|website|page) is protected by recaptcha\b",
    # Cookie notices.
    r"\b(we|this (site|website)) uses? cookies\b",
    r"^(accept|allow|reject|manage) (all )?cookies\b",
    # Share bars and follow prompts.
    r"^share (this|on|article|story|via)\b",
    rf"^(share( this( article| story| page)?)?\s*[:|]?\s*)?(({_SOCIAL})\s*[,|·•/]?\s*){{2,}}$",
    r"^follow (us|me) on\b",
    r"^(click|tap) here\b",
    r"^download (our|the) .{0,30}\bapp\b",
    # Cross-links.
    r"^(read more|read next|read also|also read|see also|related( articles| stories| coverage| content| links)?|"
    r"recommended( for you| stories)?|more (from|on|stories|news)|you may also like|most (read|popular|viewed)|"
    r"trending( now)?|continue reading|keep reading|top stories)\b\s*([:|»>…-].*)?$",
    # Copyright and ads.
    r"^(©|\(c\)|copyright\s*(©|\(c\))?\s*(\d{4}|by\b|the\b))",
    r"\ball rights reserved\b",
    r"^(advertisement|advertising|sponsored( content)?|ad|scroll to continue( with content)?|"
    r"story continues below( this)? ad(vertisement)?)\s*[.:]?$",
    # Wire credits, captions and embedded-post credits.
    rf"^\(?{_CREDIT}(?:\s*[;,]\s*{_CREDIT})*\)?\.?$",
    r"^(photo|image|picture|file photo|video)( caption)?\s*[:|]",
    r"pic\.twitter\.com/",
    r"^[—-]\s.{0,80}\(@\w+\)",
    # Fundraising prompts.
    r"^(support|donate to) (our|independent) (journalism|reporting|newsroom)\b",
)

# Patterns for a sentence inside a longer line or paragraph: only the sure ones.
SENTENCE_PATTERNS: tuple[str, ...] = (
    r"^(sign[ -]?up|subscribe)\b.{0,120}\b(news|newsletters?|updates|e-?mails?|inbox|alerts?|digest|briefing)\b",
    r"^by (submitting|signing up|subscribing|clicking|registering)\b.{0,120}\b(agree|consent|accept)\b",
    r"\b(i|you) (agree|consent) to (the|our) (terms|privacy|cookie)\b",
    r"\b(we|this (site|website)) uses? cookies\b",
    r"^(©|\(c\)|copyright\s*(©|\(c\))?\s*\d{4})",
)

_LINE_RE = [re.compile(p, re.IGNORECASE) for p in LINE_PATTERNS]
_SENT_RE = [re.compile(p, re.IGNORECASE) for p in SENTENCE_PATTERNS]
# Sentence ends: terminal punctuation (optionally closed by a quote or bracket) then space.
_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)\]]?\s+")


def is_boilerplate_line(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > MAX_LINE_CHARS:
        return False
    return any(r.search(s) for r in _LINE_RE)


def _is_boilerplate_sentence(sent: str) -> bool:
    s = sent.strip()
    return bool(s) and len(s) <= MAX_LINE_CHARS and any(r.search(s) for r in _SENT_RE)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence-ish spans of ``text[start:end]``, trimmed, closing quotes kept with their sentence."""
    out, cursor = [], start
    for m in _SENT_END.finditer(text, start, end):
        s, e = _strip_span(text, cursor, m.start() + len(m.group(0).rstrip()))
        if s < e:
            out.append((s, e))
        cursor = m.end()
    s, e = _strip_span(text, cursor, end)
    if s < e:
        out.append((s, e))
    return out


# A short all-capitalised fragment next to boilerplate ("The Daily Example.")
# is a name that goes with it; a short sentence of reporting is not.
_FRAGMENT_WORDS = 4


def _is_name_fragment(s: str) -> bool:
    words = s.split()
    return len(words) <= _FRAGMENT_WORDS and all(not w[0].isalpha() or w[0].isupper() for w in words)


def find_boilerplate(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` (start, end exclusive, whitespace trimmed) that are boilerplate, in order."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        start, end = _strip_span(text, pos, pos + len(line))
        pos += len(line)
        if start == end:
            continue
        sents = _sentences(text, start, end)
        if len(sents) <= 1:
            if is_boilerplate_line(text[start:end]):
                spans.append((start, end))
            continue
        # Several sentences: judge each, so a sign-up line glued to a paragraph
        # is marked without taking the reporting around it.
        marked = [(s, e) for s, e in sents
                  if is_boilerplate_line(text[s:e]) or _is_boilerplate_sentence(text[s:e])]
        rest = [(s, e) for s, e in sents if (s, e) not in marked]
        if marked and len(text[start:end]) <= MAX_LINE_CHARS and all(
                _is_name_fragment(text[s:e]) for s, e in rest):
            spans.append((start, end))
        else:
            spans.extend(marked)
    return merge_spans(spans)


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` sorted, overlapping or touching ones joined."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def content_text(text: str, boilerplate: list[tuple[int, int]]) -> str:
    """The text without its boilerplate spans, pieces joined by newlines."""
    out, pos = [], 0
    for s, e in sorted(boilerplate):
        if s > pos:
            out.append(text[pos:s])
        pos = max(pos, e)
    out.append(text[pos:])
    return "\n".join(p for p in out if p.strip())
