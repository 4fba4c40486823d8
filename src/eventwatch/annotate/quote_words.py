"""Word lists the quote rules consult: speech verbs, pronouns, role and speech nouns,
outlet words, and the first names (data/first_names_*.txt) that give a gender."""
from __future__ import annotations

import re
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data"


def _names(file: str) -> frozenset[str]:
    lines = (_DATA / file).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


# A small first-name list for gender; pronoun use after a name fills the rest.
MALE = _names("first_names_male.txt")
FEMALE = _names("first_names_female.txt")


# Speech and report verbs (lemmas). A lexicon, not a classifier: precision
# matters more than recall for who-said-what.
CUE_LEMMAS = {
    "say", "tell", "add", "ask", "quote", "state", "declare", "write", "tweet", "insist",
    "warn", "claim", "explain", "note", "argue", "announce", "continue", "reply",
    "respond", "comment", "remark", "recall", "suggest", "admit", "acknowledge",
    "stress", "emphasize", "emphasise", "urge", "report", "confirm", "deny",
    "maintain", "assert", "contend", "observe", "point", "describe", "call",
    "predict", "promise", "vow", "complain", "allege", "testify", "post",
    "conclude", "answer", "shout", "cry", "whisper", "joke", "quip", "concede",
    "caution", "charge", "accuse", "proclaim", "reiterate", "believe",
    "think", "pledge", "chant", "yell", "scream", "sing", "plead", "beg", "indicate", "counter", "retort", "demand", "threaten",
    # manner-of-speaking verbs of feature and wire copy ('..., fretted Muslima
    # Abdullahi', 'confided Carmella', 'a pilot lamented'), and verbs that
    # characterise ('conditions that Gallagher characterized as "..."')
    "fret", "lament", "confide", "muse", "boast", "scoff", "exclaim", "mutter", "grumble", "recount",
    "gush", "sigh", "characterize", "characterise", "concur", "interject", "implore", "huff",
    # verbs that judge in the speaker's own marked words ('criticized the
    # council for "..."', 'condemned the raid as a "..."', 'praised them for
    # "..."'): wire copy's commonest frame of a short mixed quote
    "criticize", "criticise", "condemn", "praise", "welcome", "reject", "dismiss", "blast", "slam",
    "denounce", "decry", "hail", "thank", "label", "brand", "dub",
}


# Verbs that take a reported clause without quote marks (indirect speech);
# narrower than CUE_LEMMAS so "call", "describe" etc. don't make clauses.
INDIRECT_LEMMAS = {
    "say", "tell", "add", "state", "declare", "write", "tweet", "insist", "warn",
    "claim", "explain", "note", "argue", "announce", "admit", "acknowledge",
    "stress", "report", "confirm", "deny", "maintain", "assert", "contend",
    "allege", "testify", "concede", "reiterate", "predict", "promise", "vow",
    "complain", "emphasize", "emphasise", "suggest", "conclude",
}


# "it said": an organisation speaking, resolved like "they" to the last one named
PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "they": "g", "we": "g", "i": None,
            "his": "m", "their": "g", "it": "g"}


MEDIA_WORDS = re.compile(
    r"\b(news|times|post|journal|herald|tribune|press|agency|radio|tv|television|"
    r"breitbart|reuters|afp|xinhua|bbc|cnn|fox|guardian|telegraph|gazette|daily|weekly|"
    r"media|newspaper|outlet|broadcaster|network|magazine|associated press|ap)\b", re.I)


# Unnamed people who speak ("a witness said"): later he/she likely means them.
PERSON_NOUNS = {"witness", "resident", "protester", "man", "woman", "student", "activist",
                "official", "source", "diplomat", "lawyer", "doctor", "villager", "survivor",
                "victim", "relative", "worker", "officer", "soldier", "farmer", "mother", "father",
                "pilot", "receptionist", "shopkeeper", "nurse", "teacher", "driver", "trader", "vendor",
                "passenger", "refugee", "fisherman", "parent", "voter", "shopper", "owner", "employee",
                "neighbor", "neighbour", "bystander", "eyewitness", "traveler", "traveller", "commuter",
                "customer", "patient", "guard", "merchant", "engineer", "scientist", "resident", "journalist"}


PARTY_WORDS = {"labour", "conservative", "conservatives", "tory", "tories", "democrat", "democrats",
               "republican", "republicans", "liberal", "liberals", "green", "greens", "socialist",
               "gop", "snp", "ukip", "reform"}


# Nouns for what someone said: "His message was blunt.", "The remark came
# from X", "Ostrander's answer prompted laughter".
SPEECH_NOUNS = {"remark", "comment", "answer", "response", "reply", "retort", "message", "word",
                "statement", "reaction", "quip", "verdict", "tone", "assessment", "warning", "rejoinder"}


# Role nouns that name a person: "the comptroller replied", "The chairman was blunt".
ROLE_NOUNS = {"president", "minister", "senator", "congressman", "congresswoman", "representative",
              "governor", "mayor", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman",
              "chair", "secretary", "ambassador", "envoy", "negotiator", "comptroller", "director",
              "leader", "candidate", "judge", "justice", "prosecutor", "attorney", "lawmaker", "aide",
              "adviser", "advisor", "chancellor", "premier", "general", "commander", "chief", "head",
              "analyst", "economist", "expert", "professor", "researcher", "incumbent", "challenger",
              "nominee", "speaker", "inspector", "administrator", "mp", "campaigner", "organiser",
              "organizer", "member"} | PERSON_NOUNS
