"""Words that look like dates and are not (frequencies), and years written in words.

Kept apart from dates.py, which finds and normalises expressions; these are the
word lists and the number-word reading (word2number) it consults.
"""
from __future__ import annotations

import re
from typing import Optional

from word2number import w2n

# "quarterly", "every Tuesday", "Fridays": a recurrence, not a date (TIMEX3 SET).
FREQUENCY = re.compile(
    r"(?:bi-?|semi-?)?(?:annual|annually|daily|weekly|monthly|quarterly|yearly|hourly|nightly)"
    r"|(?:every|each|per) .+|(?:mon|tues|wednes|thurs|fri|satur|sun)days|weekends|(?:a|per) (?:day|week|month|year)")
SPELLED_YEAR = re.compile(
    r"(?:nineteen|eighteen|twenty)[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+\w+)?"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|o[\s-]\w+|hundred)"
    r"|two thousand(?:(?: and)?[\s-]+\w+(?:[\s-]+\w+)?)?", re.I)


def spelled_year(text: str) -> Optional[str]:
    """A year written in words ("nineteen ninety-six", "two thousand and five"), else None.

    word2number reads one number; a year said as two ("nineteen" "ninety-six") is
    split into its century and its rest first.
    """
    low = re.sub(r"[\s-]+", " ", text.strip().lower())
    if not SPELLED_YEAR.fullmatch(low):
        return None
    try:
        if low.startswith("two thousand"):
            value = w2n.word_to_num(low)
        else:
            head, rest = low.split(" ", 1)
            rest = re.sub(r"^o ", "", rest)  # "nineteen o five"
            tail = 0 if rest == "hundred" else w2n.word_to_num(rest)
            value = w2n.word_to_num(head) * 100 + tail
    except ValueError:
        return None
    return str(value) if 1000 <= value <= 2099 else None
