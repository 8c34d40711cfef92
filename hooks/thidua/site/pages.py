"""Which pages the site has, their URLs and what each template receives. No HTML here, no MkDocs."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..content import urls
from ..content.model import Corpus, Exemplar
from .browse import browse_pages
from .campaign import featured_stories
from .related import related_stories
from .dashboard import campaign_dashboard
from .spec import DEFAULT_PAGE_SIZE, PageSpec, Pagination, paginate

HOME_LATEST = 6


def site_pages(corpus: Corpus, page_size: int = DEFAULT_PAGE_SIZE) -> list[PageSpec]:
    return [
        *_plan_pages(corpus),
        *_movement_pages(corpus, page_size),
        *_unit_pages(corpus, page_size),
        *_exemplar_pages(corpus, page_size),
        *_grouping_pages(corpus, page_size),
        *_reader_pages(corpus, page_size),
    ]


def _reader_pages(corpus: Corpus, page_size: int) -> list[PageSpec]:
    return [*browse_pages(corpus, page_size), search_page()]


def home_page(corpus: Corpus, as_of: date, site_name: str, photos=()) -> PageSpec:
    """docs/index.md, with the campaign at a glance; its og:title is the site's name."""
    return PageSpec(urls.HOME, "", site_name, "home", hand_written=True,
                    context={**home_context(corpus, photos), "dashboard": campaign_dashboard(corpus, as_of)})


def home_context(corpus: Corpus, photos=()) -> dict[str, Any]:
    """`photos`: the ids of stories with a photo (the first of them are featured at the top)."""
    plan = corpus.current_plan
    featured = featured_stories(corpus, photos)
    latest = [e for e in corpus.exemplars_newest_first[:HOME_LATEST + len(featured)] if e not in featured]
    others = [p for p in corpus.plans_newest_first if p.id != plan.id]
    return {"corpus": corpus, "plan": plan, "other_plans": others, "movements": corpus.movements_of(plan.id),
            "featured": featured, "latest": latest[:HOME_LATEST], "exemplar_count": len(corpus.exemplars),
            "decisions": corpus.decisions_of_plan(plan.id)}


def _plan_pages(corpus: Corpus) -> list[PageSpec]:
    plans = corpus.plans_newest_first
    pages = [PageSpec(urls.PLANS, "thidua/plans.html", "Kế hoạch", "plans", in_nav=True,
                      description="Các kế hoạch thi đua của UBND tỉnh Bình Thuận.",
                      context={"plans": plans})]
    for plan in plans:
        pages.append(PageSpec(
            urls.plan(plan.id), "thidua/plan.html", plan.title, "plan", body=plan.body, source=source("plans", plan.id),
            description=f"Toàn văn {plan.title} của {plan.issuer}.",
            context={"plan": plan, "movements": corpus.movements_of(plan.id)},
        ))
    return pages


def _movement_pages(corpus: Corpus, page_size: int) -> list[PageSpec]:
    by_plan = [(plan, corpus.movements_of(plan.id)) for plan in corpus.plans_newest_first]
    counts = {m: len(items) for m, items in corpus.by_movement.items()}
    pages = [PageSpec(urls.MOVEMENTS, "thidua/movements.html", "Phong trào thi đua", "movements", in_nav=True,
                      description="Các nội dung và phong trào thi đua mà kế hoạch phát động.",
                      context={"by_plan": by_plan, "counts": counts})]
    for movement in corpus.movements.values():
        exemplars = corpus.by_movement.get(movement.id, [])
        for page in paginate(exemplars, page_size, lambda n, m=movement.id: urls.movement(m, n)):
            pages.append(PageSpec(
                urls.movement(movement.id, page.number), "thidua/movement.html",
                _numbered(movement.title, page), "movement", body=movement.asks if page.number == 1 else "",
                source=source("movements", movement.id),
                description=f"Phong trào “{movement.title}”: yêu cầu của kế hoạch và các gương điển hình.",
                context={"movement": movement, "plan": corpus.plans[movement.plan], "page": page,
                         "kind": corpus.movement_kinds.get(movement.kind),
                         "parent": corpus.movements.get(movement.parent or ""),
                         "children": corpus.children_of(movement.id),
                         "units": corpus.units_of_movement(movement.id)},
            ))
    return pages


def _unit_pages(corpus: Corpus, page_size: int) -> list[PageSpec]:
    pages = [PageSpec(urls.UNITS, "thidua/units.html", "Đơn vị tham gia", "units", in_nav=True,
                      description="Các cơ quan, địa phương, tổ chức tham gia phong trào thi đua.",
                      context={"groups": corpus.units_by_type(),
                               "counts": {u: len(items) for u, items in corpus.by_unit.items()}})]
    plans = corpus.plans_newest_first
    for unit in corpus.units.values():
        exemplars = corpus.stories_of_unit(unit.id)
        reports = [(plan, unit.report_for(plan.id)) for plan in plans]
        for page in paginate(exemplars, page_size, lambda n, u=unit.id: urls.unit(u, n)):
            pages.append(PageSpec(
                urls.unit(unit.id, page.number), "thidua/unit.html", _numbered(unit.name, page), "unit",
                body=unit.description if page.number == 1 else "", source=source("units", unit.id),
                description=f"{unit.name}: loại đơn vị, gương điển hình, phong trào"
                            + (" và tình hình báo cáo." if corpus.unit_types[unit.type].reports else "."),
                context={"unit": unit, "type": corpus.unit_types[unit.type], "page": page, "reports": reports,
                         "movements": corpus.movements_of_unit(unit.id),
                         "commendations": corpus.commendations_of_unit(unit.id),
                         "locality": corpus.units.get(unit.locality or ""),
                         "cluster": corpus.units.get(unit.cluster or "")},
            ))
    return pages


def _exemplar_pages(corpus: Corpus, page_size: int) -> list[PageSpec]:
    pages = [PageSpec(urls.exemplars(page.number), "thidua/exemplars.html",
                      _numbered("Gương điển hình", page), "exemplars", in_nav=page.number == 1,
                      description="Gương người tốt, việc tốt và điển hình tiên tiến, mới nhất trước.",
                      context={"page": page})
             for page in paginate(corpus.exemplars_newest_first, page_size, urls.exemplars)]
    for exemplar in corpus.exemplars.values():
        pages.append(_exemplar_page(corpus, exemplar))
    return pages


def _exemplar_page(corpus: Corpus, exemplar: Exemplar) -> PageSpec:
    unit = corpus.units[exemplar.unit]
    return PageSpec(
        urls.exemplar(exemplar.id), "thidua/exemplar.html", exemplar.display_title, "exemplar",
        description=exemplar.summary, body=exemplar.body, source=exemplar.source,
        in_sitemap=not exemplar.sample,  # a sample is for people trying the site, never for search engines
        context={"exemplar": exemplar, "unit": unit, "locality": corpus.locality(unit),
                 "movements": [corpus.movements[m] for m in exemplar.movements],
                 "related": related_stories(corpus, exemplar),
                 "decisions": corpus.decisions_by_exemplar.get(exemplar.id, [])},
    )


def source(folder: str, item_id: str) -> str:
    """The file a plan, movement or unit comes from (`checks/loader.py` reads content/<folder>/<id>.md)."""
    return f"content/{folder}/{item_id}.md"


def _grouping_pages(corpus: Corpus, page_size: int) -> list[PageSpec]:
    """Each grouping of content/groupings.yml: a page of its terms, and a paginated page per term."""
    pages = []
    for grouping in corpus.groupings.values():
        stories = corpus.by_term(grouping.id)
        pages.append(PageSpec(urls.grouping(grouping.id), "thidua/grouping.html", grouping.label, "grouping",
                              in_nav=True, description=grouping.description or f"Gương điển hình theo {grouping.label.lower()}.",
                              context={"grouping": grouping, "counts": {t: len(s) for t, s in stories.items()}}))
        for term, label in grouping.terms.items():
            for page in paginate(stories.get(term, []), page_size,
                                 lambda n, g=grouping.id, t=term: urls.term(g, t, n)):
                pages.append(PageSpec(
                    urls.term(grouping.id, term, page.number), "thidua/term.html", _numbered(label, page), "term",
                    description=f"{grouping.label}: {label}. Các gương điển hình, mới nhất trước.",
                    context={"grouping": grouping, "term": term, "label": label, "page": page}))
    return pages


def _numbered(title: str, page: Pagination) -> str:
    return title if page.number == 1 else f"{title} (trang {page.number})"


def search_page() -> PageSpec:
    """The results page the header box submits to (/tim-kiem/?q=…); it says what to do without JavaScript."""
    # A results page has nothing of its own to index: it stays out of the sitemap.
    return PageSpec(urls.SEARCH, "thidua/search.html", "Tìm kiếm", "search", in_sitemap=False,
                    description="Tìm gương điển hình theo tên, đơn vị, địa phương hoặc phong trào; gõ có dấu hay không dấu đều được.")
