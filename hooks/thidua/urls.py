"""Every public URL of the site, in one place: press agencies and editors rely on them staying put.

URLs are site-relative without a leading slash ("phong-trao/x/"), as MkDocs' `url` filter expects;
`absolute` joins them to `site_url` for feeds and machine-readable files.
"""

from __future__ import annotations

PLANS = "ke-hoach/"
MOVEMENTS = "phong-trao/"
UNITS = "don-vi/"
EXEMPLARS = "guong-dien-hinh/"


def paged(base: str, page: int = 1) -> str:
    return base if page <= 1 else f"{base}trang/{page}/"


def plan(plan_id: str) -> str:
    return f"{PLANS}{plan_id}/"


def movement(movement_id: str, page: int = 1) -> str:
    return paged(f"{MOVEMENTS}{movement_id}/", page)


def unit(unit_id: str, page: int = 1) -> str:
    return paged(f"{UNITS}{unit_id}/", page)


def exemplar(exemplar_id: str) -> str:
    return f"{EXEMPLARS}{exemplar_id}/"


def exemplars(page: int = 1) -> str:
    return paged(EXEMPLARS, page)


def source_uri(url: str) -> str:
    """The virtual Markdown file that MkDocs turns into `url` with `use_directory_urls`."""
    return f"{url}index.md"


def absolute(site_url: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + url.lstrip("/")

SEARCH = "tim-kiem/"
SEARCH_INDEX = "tim-kiem/chi-muc/"  # the search index, written after the build (search.py)
SEARCH_SCRIPT = "assets/thidua-search.js"


KIND_SLUGS = {"individual": "ca-nhan", "collective": "tap-the"}


def exemplars_of_kind(kind: str, page: int = 1) -> str:
    return paged(f"{EXEMPLARS}{KIND_SLUGS[kind]}/", page)


def awarded(page: int = 1) -> str:
    return paged(f"{EXEMPLARS}khen-thuong/", page)


MONTHS = f"{EXEMPLARS}thang/"


def month(year_month: str, page: int = 1) -> str:
    """year_month is "YYYY-MM"."""
    return paged(f"{MONTHS}{year_month}/", page)
