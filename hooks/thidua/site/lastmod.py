"""When a generated page last changed, from its content: the sitemap's `lastmod` (search engines ignore
one that is always the build date). A story page changes with the story; a listing with the newest
change among the stories it shows. Pages without stories return None: MkDocs' date (the commit's) is used.
"""

from __future__ import annotations

from datetime import date

from ..content.commendations import Commendation
from ..content.model import Exemplar
from .spec import PageSpec


def page_lastmod(spec: PageSpec) -> date | None:
    context = spec.context
    if isinstance(context.get("exemplar"), Exemplar):
        return context["exemplar"].last_modified
    if isinstance(context.get("document"), Commendation):  # a consultation or decision never changes its date
        return context["document"].date
    documents = [c for c in (*context.get("open", ()), *context.get("others", ())) if isinstance(c, Commendation)]
    if documents:
        return max(c.date for c in documents)
    listed = [item for item in getattr(context.get("page"), "items", ()) if isinstance(item, Exemplar)]
    listed += [item for item in context.get("latest", ()) if isinstance(item, Exemplar)]
    return max((e.last_modified for e in listed), default=None)
