"""The IPTC Media Topics' top level (cv.iptc.org/newscodes/mediatopic/), code and English name as IPTC
publishes them: a subject carries both, in ninjs and JSON-LD, so an agency's system need not look it up."""

from __future__ import annotations

URI = "http://cv.iptc.org/newscodes/mediatopic/"
NAMES = {
    "medtop:01000000": "arts, culture, entertainment and media",
    "medtop:02000000": "crime, law and justice",
    "medtop:03000000": "disaster, accident and emergency incident",
    "medtop:04000000": "economy, business and finance",
    "medtop:05000000": "education",
    "medtop:06000000": "environment",
    "medtop:07000000": "health",
    "medtop:08000000": "human interest",
    "medtop:09000000": "labour",
    "medtop:10000000": "lifestyle and leisure",
    "medtop:11000000": "politics",
    "medtop:12000000": "religion",
    "medtop:13000000": "science and technology",
    "medtop:14000000": "society",
    "medtop:15000000": "sport",
    "medtop:16000000": "conflict, war and peace",
    "medtop:17000000": "weather",
}


def uri(code: str) -> str:
    return URI + code.removeprefix("medtop:")


def subject(code: str) -> dict:
    """A ninjs subject: code, IPTC's name (when the code is one of the top level) and URI."""
    named = {"name": NAMES[code]} if code in NAMES else {}
    return {**named, "rel": "about", "uri": uri(code), "literal": code}


def defined_term(code: str) -> dict:
    """The same topic for schema.org (JSON-LD), compact: every story page carries it (the `medtop:` code
    names the vocabulary; its URI is in the ninjs)."""
    named = {"name": NAMES[code]} if code in NAMES else {}
    return {"@type": "DefinedTerm", **named, "termCode": code}
