"""Every public URL of the site, in one place: press agencies and editors rely on them staying put.

URLs are site-relative without a leading slash ("phong-trao/x/"), as MkDocs' `url` filter expects;
`absolute` joins them to `site_url` for feeds and machine-readable files.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

HOME = ""
PLANS = "ke-hoach/"
MOVEMENTS = "phong-trao/"
UNITS = "don-vi/"
EXEMPLARS = "guong-dien-hinh/"
COMMENDATIONS = "khen-thuong/"  # consultations on proposed awards and commendation decisions
PAGE = "trang"

EDITORS_GUIDE = "bien-tap/"
FIELD_REFERENCE = f"{EDITORS_GUIDE}truong-du-lieu/"
COMMENDATION_FIELDS = f"{FIELD_REFERENCE}khen-thuong/"  # the fields of content/commendations/<id>.md
CMS = f"{EDITORS_GUIDE}gui-bai/"  # the web form (Decap CMS); out of sitemap, search and feeds


def paged(base: str, page: int = 1) -> str:
    return base if page <= 1 else f"{base}{PAGE}/{page}/"


def plan(plan_id: str) -> str:
    return f"{PLANS}{plan_id}/"


def movement(movement_id: str, page: int = 1) -> str:
    return paged(f"{MOVEMENTS}{movement_id}/", page)


def unit(unit_id: str, page: int = 1) -> str:
    return paged(f"{UNITS}{unit_id}/", page)


def exemplar(exemplar_id: str) -> str:
    return f"{EXEMPLARS}{exemplar_id}/"


def commendation(commendation_id: str) -> str:
    return f"{COMMENDATIONS}{commendation_id}/"


def mailto(email: str, subject: str) -> str:
    """A link that opens the reader's mail program with the subject filled in (a consultation's comments)."""
    return f"mailto:{quote(email, safe='@.+-_')}?subject={quote(subject, safe='')}"


def grouping(grouping_id: str) -> str:
    """A further grouping of stories declared in content/groupings.yml, e.g. "linh-vuc/"."""
    return f"{grouping_id}/"


def term(grouping_id: str, term_id: str, page: int = 1) -> str:
    return paged(f"{grouping_id}/{term_id}/", page)


def exemplars(page: int = 1) -> str:
    return paged(EXEMPLARS, page)


def relative(from_page: str, to_url: str) -> str:
    """A link from the page at `from_page` to `to_url`, both site-relative: the site works under any prefix."""
    depth = from_page.count("/")
    return "../" * depth + to_url


def absolute(site_url: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + url.lstrip("/")


# Machine-readable files for press agencies, beside the pages they describe.
FEED_FILES = {"atom": "feed.xml", "rss": "rss.xml", "json": "feed.json"}
CATALOG = "api/catalog.json"
EXEMPLARS_CSV = "api/exemplars.csv"
COMMENDATIONS_CSV = "api/khen-thuong.csv"  # one row per recipient of a consultation or a decision
PRESS = "bao-chi/"
SAMPLE_SCHEME = PRESS  # the scheme of feeds' sample category: the press page says what a sample is
ABOUT = "gioi-thieu/"
FEEDBACK = "gop-y/"  # how to write to the agency (a state portal's feedback channel)
ACCESSIBILITY = "kha-nang-tiep-can/"  # the accessibility statement
ENGLISH = "en/"  # the agency, its functions and contacts in English (words/en.yml)


def feeds(page_url: str) -> dict[str, str]:
    """The Atom, RSS and JSON feeds of a page ("" for the whole site, a movement's or a unit's page)."""
    return {kind: f"{page_url}{name}" for kind, name in FEED_FILES.items()}


NINJS = "ninjs.json"
SHARE_IMAGES = {True: "anh-chia-se.jpg", False: "anh-chia-se.png"}  # by "has a photo"


def ninjs(exemplar_id: str) -> str:
    return f"{exemplar(exemplar_id)}{NINJS}"


def share_image(exemplar_id: str, photo: bool = False) -> str:
    """A story's og:image: its photo cropped (JPEG), or a title card (a 5-colour PNG, a tenth of a JPEG's bytes)."""
    return f"{exemplar(exemplar_id)}{SHARE_IMAGES[bool(photo)]}"


SITE_SHARE_IMAGE = "assets/anh-chia-se.png"
SITE_LOGO = "assets/logo.png"  # square: the publisher's logo in JSON-LD
SCHEMAS = "schema/"


def schema(file_name: str) -> str:
    """A JSON Schema of the content, published for editors' tools ("exemplar.schema.json")."""
    return f"{SCHEMAS}{file_name}"


SEARCH = "tim-kiem/"
SEARCH_INDEX = "tim-kiem/chi-muc/"  # the search index, written after the build (search.py)
SEARCH_SCRIPT = "assets/thidua-search.js"
MENU_SCRIPT = "assets/thidua-menu.js"  # the phone menu button


KIND_SLUGS = {"individual": "ca-nhan", "collective": "tap-the"}


def exemplars_of_kind(kind: str, page: int = 1) -> str:
    return paged(f"{EXEMPLARS}{KIND_SLUGS[kind]}/", page)


AWARDED = "khen-thuong"
MONTHS_SEGMENT = "thang"


def awarded(page: int = 1) -> str:
    return paged(f"{EXEMPLARS}{AWARDED}/", page)


MONTHS = f"{EXEMPLARS}{MONTHS_SEGMENT}/"


def month(year_month: str, page: int = 1) -> str:
    """year_month is "YYYY-MM"."""
    return paged(f"{MONTHS}{year_month}/", page)


def tag_uri(site_url: str, day, first_id: str, section: str = EXEMPLARS) -> str:
    """A story's identity (RFC 4151), minted from the id it was first published under: kept through renames.

    tag:thidua.binhthuan.example,2023-09-01:guong-dien-hinh/<first-id>; a commendation's is minted the same
    way under its own section (khen-thuong/<id>)."""
    host = urlsplit(site_url).hostname or site_url
    return f"tag:{host},{day.isoformat()}:{section}{first_id}"


def feed_archive(page_url: str, number: int) -> str:
    """RFC 5005 archive document `number` of a page's Atom feed; 1 holds the oldest stories and never changes."""
    return f"{page_url}feed/{PAGE}/{number}.xml"


SITEMAP = "sitemap.xml"
NEWS_SITEMAP = "sitemap-news.xml"
ROBOTS = "robots.txt"


def first_segment(url: str, under: str = "") -> str:
    """The name an address takes right under `under`: "phong-trao" for "phong-trao/x/", "feed.xml" for "feed.xml"."""
    return url.removeprefix(under).split("/", 1)[0]


# The names the site takes at the top of its addresses: those of every address and name this module defines
# (its upper-case constants: sections, files, segments), of the feeds beside the home page, and what MkDocs and
# Material write whatever the pages. A grouping (content/groupings.yml) may take none of them, nor the name of a
# hand-written page of docs/ (checks/groupings.py adds those). A new section is reserved as soon as it has its
# constant here; tests/site/test_addresses.py compares the set with the page plan and a real build.
_CONSTANTS = [value for name, value in tuple(globals().items()) if name.isupper() and isinstance(value, str) and value]
ENGINE_OWN = ("404.html", "sitemap.xml.gz", "search/", "stylesheets/", "javascripts/", "assets/")
TOP_LEVEL = frozenset(first_segment(url) for url in (*_CONSTANTS, *feeds(HOME).values(), feed_archive(HOME, 1),
                                                     *ENGINE_OWN))

# Every name the site itself uses, or may use, directly under /guong-dien-hinh/: browse pages, pagination,
# and the names of the feeds and files written beside a page. No story id or former id (alias) may take one;
# the loader refuses them with the file and line, and the page plan relies on that.
_EXEMPLARS_OWN = (exemplars(2), awarded(), MONTHS, *map(exemplars_of_kind, KIND_SLUGS), *feeds(EXEMPLARS).values(),
                  feed_archive(EXEMPLARS, 1), *(f"{EXEMPLARS}{name}" for name in (NINJS, *SHARE_IMAGES.values())))
RESERVED_EXEMPLAR_IDS = frozenset(first_segment(url, EXEMPLARS) for url in _EXEMPLARS_OWN) | {"ninjs", "index.html"}
