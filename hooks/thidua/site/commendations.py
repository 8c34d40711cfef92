"""The pages of consultations and commendation decisions: /khen-thuong/ and one page per document.

Open consultations come first, with the days left on the build date; a document's page lists its
recipients with links to their units and, when one is published, to the story that tells of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..content import urls
from ..content.commendations import Commendation, Recipient, listing_order
from ..content.model import Corpus, Exemplar, Unit
from ..content.words import word
from .spec import PageSpec


@dataclass(frozen=True)
class Row:
    """One recipient as the document's table shows it."""

    recipient: Recipient
    unit: Unit
    exemplar: Exemplar | None  # only a published story is linked


def commendation_pages(corpus: Corpus, as_of: date) -> list[PageSpec]:
    words = word("commendations")
    documents = listing_order(corpus.commendations.values(), as_of)
    listing = PageSpec(urls.COMMENDATIONS, "thidua/commendations.html", words["title"], "commendations",
                       description=words["description"],
                       context={"open": [c for c in documents if c.open_on(as_of)],
                                "others": [c for c in documents if not c.open_on(as_of)],
                                "as_of": as_of, "words": words})
    return [listing, *(document_page(corpus, c, as_of) for c in documents)]


def document_page(corpus: Corpus, document: Commendation, as_of: date) -> PageSpec:
    words = word("commendations")
    rows = [Row(r, corpus.units[r.unit], corpus.exemplars.get(r.exemplar or "")) for r in document.recipients]
    contact = document.contact
    return PageSpec(
        urls.commendation(document.id), "thidua/commendation.html", document.display_title, "commendation",
        description=word("commendations.page_description", document.type_label, document.award),
        body=document.body, source=document.source,
        context={"document": document, "plan": corpus.plans[document.plan], "rows": rows, "as_of": as_of,
                 "open": document.open_on(as_of), "words": words,
                 "mailto": urls.mailto(contact.email, word("commendations.email_subject", document.title))
                 if contact else ""},
    )
