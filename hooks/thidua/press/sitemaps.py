"""For search engines: a Google News sitemap of the last two days' stories, and robots.txt naming both
sitemaps. (sitemap.xml itself is MkDocs', from overrides/sitemap.xml, with `lastmod` from page meta.)"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Iterable

from ..content import urls
from ..site.stories import Story
from ..site.templating import render
from .terms import Terms

NEWS_DAYS = 2  # Google News reads articles published in the last two days


def news_stories(stories: Iterable[Story], as_of: date) -> list[Story]:
    """Stories dated within NEWS_DAYS before the build date (inclusive), newest first; samples excluded."""
    since = as_of - timedelta(days=NEWS_DAYS)
    recent = [s for s in stories if since <= s.exemplar.date <= as_of and not s.exemplar.sample]
    return sorted(recent, key=lambda s: (s.published, s.exemplar.id), reverse=True)


def news_sitemap(stories: Iterable[Story], as_of: date, terms: Terms, overrides: Path) -> bytes:
    chosen = news_stories(stories, as_of)
    return render(overrides, "thidua/press/sitemap-news.xml", stories=chosen, publication=terms.site_name).encode("utf-8")


def robots(terms: Terms) -> bytes:
    lines = ["User-agent: *", "Allow: /", "",
             f"Sitemap: {urls.absolute(terms.site_url, urls.SITEMAP)}",
             f"Sitemap: {urls.absolute(terms.site_url, urls.NEWS_SITEMAP)}"]
    return ("\n".join(lines) + "\n").encode("utf-8")
