"""Builders for the store tests: Extraction records made by hand (no spaCy).

Imported by the other ``test_store_*`` modules; it holds no tests itself.
"""
from __future__ import annotations

from eventwatch.models import (
    Article,
    DateMention,
    Entity,
    Event,
    Evidence,
    Extraction,
    Place,
    Quote,
    Speaker,
    Trigger,
)
from eventwatch.text.dedup import content_hash, minhash_signature

HK_TEXT = (
    "The Belarusian government barred the regional director of Amnesty International (AI) "
    "from entering Minsk on Jan. 12. \"We came to document the trials of striking miners,\" "
    "said Kovac. Police beat a protester in Vilnius on Nov. 22, according to state media. "
    "The US State Department threatened sanctions against officials in Grodno."
)


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def ent(text: str, needle: str, **kw) -> Entity:
    s, e = span(text, needle)
    return Entity(text=needle, start=s, end=e, **kw)


def sentence_span(text: str, first_words: str) -> Evidence:
    s = text.index(first_words)
    e = text.find(". ", s)
    e = len(text) if e < 0 else e + 1
    return Evidence(s, e)


def hk_extraction(doc_id: str = "doc-1", *, text: str = HK_TEXT, source: str = "hk.txt",
                  publication_date: str = "2020-01-13", publisher: str | None = "Baltic Wire",
                  minhash: bool = True) -> Extraction:
    """A realistic extraction of ``HK_TEXT``: 3 events, a quote, 2 dates, places, entities."""
    regime = ent(text, "Belarusian government", label="NORP", name="Government of Belarus", country="BLR",
                 sector="GOV", kind="state")
    roth = ent(text, "regional director of Amnesty International (AI)", label="PERSON", name="Marta Kovac",
               country="NGO", sector=None, kind="person")
    hrw = ent(text, "Amnesty International", label="ORG", name="Amnesty International", country="NGO",
              kind="organization")
    police = ent(text, "Police", label="ORG", name="Lithuanian Police", country="LTU", sector="COP",
                 kind="organization")
    protester = ent(text, "a protester", label="", name=None, country="LTU", sector="CVL", kind="group")
    usdos = ent(text, "The US State Department", label="ORG", name="US State Department", country="USA",
                sector="GOV", kind="organization")
    officials = ent(text, "officials in Grodno", label="", name=None, country="BLR", sector="GOV", kind="group")
    s, e = span(text, "Minsk")
    hk = Place(text="Minsk", start=s, end=e, name="Minsk", country="BLR", lat=53.9, lon=27.56667,
               feature="city")
    s, e = span(text, "Vilnius")
    mk = Place(text="Vilnius", start=s, end=e, name="Vilnius", country="LTU", lat=54.68916, lon=25.2798,
               feature="city")
    s, e = span(text, "Grodno")
    bj = Place(text="Grodno", start=s, end=e, name="Grodno", country="BLR", lat=53.6884, lon=23.8258,
               feature="city")
    d1 = DateMention("Jan. 12", *span(text, "Jan. 12"), value="2020-01-12", precision="day")
    d2 = DateMention("Nov. 22", *span(text, "Nov. 22"), value="2019-11-22", precision="day")
    q_text = "We came to document the trials of striking miners,"
    qs, qe = span(text, q_text)
    rs, re_ = span(text, "Kovac")
    quote = Quote(text=q_text, start=qs, end=qe, kind="direct", cue="said",
                  speaker=Speaker(text="Kovac", start=rs, end=re_, name="Marta Kovac", country="NGO"))
    events = [
        Event(type="REJECT", trigger=Trigger("barred", *span(text, "barred")),
              evidence=sentence_span(text, "The Belarusian"), context=["human_rights"], actor=[regime],
              recipient=[roth], date="2020-01-12", date_precision="day", location=hk, cameo="12",
              confidence=0.8234, coder="both"),
        Event(type="ASSAULT", mode="beat", trigger=Trigger("beat", *span(text, "beat")),
              evidence=sentence_span(text, "Police beat"), context=["repression", "human_rights"],
              actor=[police], recipient=[protester], date="2019-11-22", date_precision="day", location=mk,
              attribution="state media", cameo="182", confidence=0.91, coder="pattern"),
        Event(type="THREATEN", mode=None, trigger=Trigger("threatened", *span(text, "threatened")),
              evidence=sentence_span(text, "The US State"), context=[], actor=[usdos], recipient=[officials],
              date="2020-01", date_precision="month", location=None, status="occurred", cameo="13",
              confidence=0.6, coder="classifier"),
    ]
    bp = [(text.index("said Kovac."), text.index("said Kovac.") + 4)] if "said Kovac." in text else []
    article = Article(
        id=doc_id, text=text, source=source, url=f"https://example.org/{doc_id}", title="Belarus bars Amnesty official",
        author="A. Writer", publisher=publisher, publication_date=publication_date, language="en",
        content_hash=content_hash(text), boilerplate=bp,
        minhash=minhash_signature(text) if minhash else None, warnings=["article warning"],
    )
    return Extraction(article=article, events=events, quotes=[quote], dates=[d1, d2], places=[hk, mk, bj],
                      entities=[regime, roth, hrw, police, protester, usdos, officials],
                      contexts=["human_rights", "repression"], warnings=["article warning", "annotate warning"])


def plain_extraction(doc_id: str, text: str, *, source: str | None = None, language: str = "en",
                     title: str | None = None, minhash: bool = True) -> Extraction:
    """An extraction with no annotations: just the article."""
    article = Article(id=doc_id, text=text, source=source if source is not None else f"{doc_id}.txt",
                      title=title, language=language, content_hash=content_hash(text),
                      minhash=minhash_signature(text) if minhash else None)
    return Extraction(article=article)


STORY = (
    "Security forces in the capital detained at least forty opposition activists on Saturday after a rally "
    "against the new election law turned violent, witnesses and party officials said. The interior ministry "
    "said the activists had attacked police officers with stones and that several officers were injured. "
    "Opposition leader Maria Santos called the arrests an attempt to silence critics before the vote and urged "
    "supporters to return to the streets on Monday. Human rights groups demanded the immediate release of "
    "those held and an independent inquiry into the use of tear gas and rubber bullets against peaceful "
    "marchers. The government has denied using excessive force and said order had been restored by nightfall."
)

OTHER_STORY = (
    "The central bank raised its benchmark interest rate by half a percentage point on Thursday, the third "
    "increase this year, as inflation climbed to its highest level in two decades. The governor told reporters "
    "that further tightening was likely if food and fuel prices kept rising, while business groups warned that "
    "higher borrowing costs would hurt small exporters already struggling with a strong currency and weak "
    "demand from abroad. Analysts had expected a smaller move."
)


# -- resolution: one ban reported by copies of one story and by an independent report ------------

BAN_STORY = (
    "The Belarusian government barred Marta Kovac, the regional director of Amnesty International, from "
    "entering Minsk on Sunday. Kovac had planned to present a report on the trials of striking miners "
    "at a press conference in the capital. Officials gave no reason for the decision, which rights groups "
    "called an attempt to silence criticism of the mass trials. The ministry did not answer questions."
)
BAN_REPORT = ("MINSK - Border guards turned back Kovac of Amnesty International at Minsk airport on Jan. 12, "
              "the group said.")


def ban_extraction(doc_id: str, text: str, *, url: str, publisher: str | None = None,
                   recipient: str = "Marta Kovac", actor: tuple[str, str | None, str, str] | None = None,
                   type_: str = "REJECT", trigger: str | None = None, date: str | None = "2020-01-12",
                   precision: str | None = "day", place: bool = True, published: str | None = "2020-01-13",
                   status: str = "occurred") -> Extraction:
    """One article stating the ban (``type_``) of ``recipient``; ``actor``: (text, name, country, sector)."""
    trig = trigger or ("barred" if "barred" in text else "turned back")
    if actor is None:
        actor = ("The Belarusian government", "Government of Belarus", "BLR", "GOV") if "Belarusian government" in text \
            else ("Border guards", None, "BLR", "COP")
    a = ent(text, actor[0], label="" if actor[1] is None else "ORG", name=actor[1], country=actor[2], sector=actor[3])
    r = ent(text, recipient, label="PERSON", kind="person")
    s, e = span(text, "Minsk")
    minsk = Place(text="Minsk", start=s, end=e, name="Minsk", country="BLR", lat=53.9, lon=27.56667, feature="city")
    first = text.split(". ")[0]
    ev = Event(type=type_, trigger=Trigger(trig, *span(text, trig)), evidence=sentence_span(text, first[:12]),
               context=["human_rights"], actor=[a], recipient=[r], date=date, date_precision=precision,
               location=minsk if place else None, cameo="12", confidence=0.8, status=status)
    article = Article(id=doc_id, text=text, source=f"{doc_id}.txt", url=url, publisher=publisher,
                      publication_date=published, language="en", content_hash=content_hash(text),
                      minhash=minhash_signature(text))
    return Extraction(article=article, events=[ev], places=[minsk], entities=[a, r])
