"""No broken internal link or anchor anywhere in the built site, pages and machine-readable files alike."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import yaml
from support import REPO

SITE_URL = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8").split("\nhooks:")[0])["site_url"]


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and "name" in attributes:
            self.ids.add(attributes["name"])
        self.links += [attributes[name] for name in ("href", "src") if attributes.get(name)]
        for source in (attributes.get("srcset") or "").split(","):
            if source.strip():
                self.links.append(source.strip().split()[0])


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text("utf-8"))
    return parser


def target_of(site: Path, url: str) -> Path:
    path = site / unquote(url).lstrip("/")
    return path / "index.html" if url.endswith("/") or path.is_dir() else path


def test_every_internal_link_and_anchor_in_the_pages_resolves(built_repo):
    site = built_repo.root / "site"
    pages = {p: parse(p) for p in site.rglob("*.html")}
    broken = []
    for page, parsed in pages.items():
        page_url = "/" + page.relative_to(site).as_posix()
        for link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith(("//", "mailto:", "data:")):
                continue
            resolved = urlsplit(urljoin(page_url, link))
            target = target_of(site, resolved.path) if parts.path else page
            if not target.exists():
                broken.append(f"{page.relative_to(site)} → {link}")
            elif resolved.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(resolved.fragment) not in ids:
                    broken.append(f"{page.relative_to(site)} → {link} (no such anchor)")
    assert broken == []


def test_every_site_address_in_feeds_ninjs_and_the_catalog_exists(built_repo):
    site = built_repo.root / "site"
    files = [*site.rglob("*.xml"), *site.rglob("*.json"), *site.rglob("*.csv")]
    addresses = {url for f in files for url in re.findall(re.escape(SITE_URL) + r"[^\s\"'<>,)&\\]*", f.read_text("utf-8"))}
    assert len(addresses) > 50
    missing = sorted(url for url in addresses if not target_of(site, urlsplit(url).path).exists())
    assert missing == []
