"""For search engines: a Google News sitemap of the last 48 hours' stories, and robots.txt naming the
sitemaps. (sitemap.xml itself is MkDocs', from overrides/sitemap.xml, with `lastmod` from page meta.)

The build knows its date, not its hour (the same commit and date give the same bytes): the 48 hours are the
two days that end with the build date, in Vietnam's time. With no story in them there is no news sitemap
(an empty urlset is invalid in Google's schema) and robots.txt names none."""

from __future__ import annotations

import gzip
from datetime import date, timedelta
from pathlib import Path
from typing import Iterable

from ..content import urls
from ..content.moments import moment
from ..site.stories import Story
from ..site.templating import render
from .terms import Terms

NEWS_HOURS = 48  # Google News reads articles published in the last two days


def news_stories(stories: Iterable[Story], as_of: date) -> list[Story]:
    """Stories published in the NEWS_HOURS that end with the build date, newest first; samples excluded."""
    end = moment(as_of + timedelta(days=1))
    since = end - timedelta(hours=NEWS_HOURS)
    recent = [s for s in stories if since <= s.published < end and not s.exemplar.sample]
    return sorted(recent, key=lambda s: (s.published, s.exemplar.id), reverse=True)


def news_sitemap(chosen: list[Story], terms: Terms, overrides: Path) -> bytes:
    return render(overrides, "thidua/press/sitemap-news.xml", stories=chosen, publication=terms.site_name).encode("utf-8")


def robots(terms: Terms, news: bool) -> bytes:
    lines = ["User-agent: *", "Allow: /", "", f"Sitemap: {urls.absolute(terms.site_url, urls.SITEMAP)}"]
    if news:
        lines.append(f"Sitemap: {urls.absolute(terms.site_url, urls.NEWS_SITEMAP)}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def steady_sitemap_gzip(site_dir: Path) -> None:
    """MkDocs stamps sitemap.xml.gz with the time of the commit being built: an empty commit would change
    it. The same bytes, compressed with no time in them."""
    plain, packed = site_dir / urls.SITEMAP, site_dir / (urls.SITEMAP + ".gz")
    if plain.is_file() and packed.is_file():
        packed.write_bytes(gzip.compress(plain.read_bytes(), compresslevel=9, mtime=0))
