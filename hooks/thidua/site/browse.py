"""Browsing pages beyond movements and units: by kind, by award and by month (an archive).

Plain static listings, paginated like the others, so they work without JavaScript. Each is a PageSpec
like those of `pages.py`; `site_pages` adds them.
"""

from __future__ import annotations

from collections import defaultdict

from ..content import urls
from ..content.model import COLLECTIVE, INDIVIDUAL, KIND_LABELS, Corpus, Exemplar
from .spec import PageSpec, paginate


def month_key(exemplar: Exemplar) -> str:
    return f"{exemplar.date.year:04d}-{exemplar.date.month:02d}"


def month_label(key: str) -> str:
    year, month = key.split("-")
    return f"Tháng {int(month)}/{year}"


def browse_links() -> list[tuple[str, str]]:
    """(label, url) of every way to browse the stories, for the listings' navigation."""
    return [(KIND_LABELS[INDIVIDUAL], urls.exemplars_of_kind(INDIVIDUAL)),
            (KIND_LABELS[COLLECTIVE], urls.exemplars_of_kind(COLLECTIVE)),
            ("Được khen thưởng", urls.awarded()), ("Theo tháng", urls.MONTHS),
            ("Theo phong trào", urls.MOVEMENTS), ("Theo đơn vị, địa phương", urls.UNITS)]


def browse_pages(corpus: Corpus, page_size: int) -> list[PageSpec]:
    """The loader has refused every story id in `urls.RESERVED_EXEMPLAR_IDS`, so these URLs are free."""
    newest = corpus.exemplars_newest_first
    pages: list[PageSpec] = []
    for kind in (INDIVIDUAL, COLLECTIVE):
        label = KIND_LABELS[kind]
        items = [e for e in newest if e.kind == kind]
        pages += _listing(items, page_size, lambda n, k=kind: urls.exemplars_of_kind(k, n),
                          f"Gương điển hình: {label.lower()}", "by-kind",
                          f"Các gương {label.lower()} điển hình, mới nhất trước.")
    awarded = [e for e in newest if e.award or e.id in corpus.decisions_by_exemplar]  # its own words or a decision
    pages += _listing(awarded, page_size, urls.awarded,
                      "Gương điển hình được khen thưởng", "awarded",
                      "Các gương điển hình đã được khen thưởng, mới nhất trước.", show_award=True)
    by_month: dict[str, list[Exemplar]] = defaultdict(list)
    for exemplar in newest:
        by_month[month_key(exemplar)].append(exemplar)
    months = [(key, month_label(key), urls.month(key), len(items)) for key, items in sorted(by_month.items(), reverse=True)]
    pages.append(PageSpec(urls.MONTHS, "thidua/months.html", "Gương điển hình theo tháng", "months",
                          description="Lưu trữ gương điển hình theo tháng đăng.",
                          context={"months": months, "browse": browse_links()}))
    for key, items in by_month.items():
        pages += _listing(items, page_size, lambda n, k=key: urls.month(k, n),
                          f"Gương điển hình {month_label(key).lower()}", "month",
                          f"Các gương điển hình đăng trong {month_label(key).lower()}.")
    return pages


def _listing(items, page_size, url_of, title, kind, description, show_award=False) -> list[PageSpec]:
    return [PageSpec(url_of(page.number), "thidua/browse.html",
                     title if page.number == 1 else f"{title} (trang {page.number})", kind,
                     description=description,
                     context={"page": page, "heading": title, "intro": description, "show_award": show_award,
                              "browse": browse_links()})
            for page in paginate(items, page_size, url_of)]
