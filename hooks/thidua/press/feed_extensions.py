"""Small feedgen extensions: RFC 5005's <fh:archive/> in Atom archive documents, the ninjs link of each entry
and item (feedgen 1.0 drops rel and type from entry links, so they are written here), and the photo's credit
inside its media:content (feedgen's Media RSS extension has no media:credit)."""

from __future__ import annotations

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from lxml import etree

FH = "http://purl.org/syndication/history/1.0"
ATOM = "http://www.w3.org/2005/Atom"
NINJS_TYPE = "application/ninjs+json"
MEDIA = "http://search.yahoo.com/mrss/"


class ArchiveExtension(BaseExtension):
    """Marks an Atom document as an archive (RFC 5005 §4): it will not change."""

    def extend_ns(self):
        return {"fh": FH}

    def extend_atom(self, feed):
        feed.insert(0, etree.Element(f"{{{FH}}}archive"))
        return feed


class NinjsLinkExtension(BaseExtension):
    """Nothing at feed level: RSS feeds already declare the atom prefix for their self link."""


class NinjsLinkEntryExtension(BaseEntryExtension):
    def __init__(self):
        self.href = None

    def ninjs(self, href: str) -> None:
        self.href = href

    def extend_rss(self, item):
        if self.href:
            etree.SubElement(item, f"{{{ATOM}}}link", rel="alternate", type=NINJS_TYPE, href=self.href)
        return item

    def extend_atom(self, entry):
        for link in entry.findall("link"):  # the page's link, which feedgen writes bare
            link.set("rel", "alternate")
            link.set("type", "text/html")
        if self.href:
            etree.SubElement(entry, "link", rel="alternate", type=NINJS_TYPE, href=self.href)
        return entry


class PhotoCreditExtension(BaseExtension):
    """Nothing at feed level: the media extension declares the namespace."""


class PhotoCreditEntryExtension(BaseEntryExtension):
    def __init__(self):
        self.name = None

    def credit(self, name: str) -> None:
        self.name = name

    def _add(self, element):
        content = element.find(f"{{{MEDIA}}}content")
        if self.name and content is not None:
            etree.SubElement(content, f"{{{MEDIA}}}credit", role="photographer").text = self.name
        return element

    extend_atom = extend_rss = _add
