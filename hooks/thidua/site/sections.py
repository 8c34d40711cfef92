"""The site's public sections, one click from every page: the header's section bar and the phone menu. The
editors' guide is not one: every page's footer leads to it ("Dành cho biên tập viên")."""

from __future__ import annotations

from dataclasses import dataclass

from ..content import urls


@dataclass(frozen=True)
class Section:
    label: str
    url: str


SECTIONS = (
    Section("Kế hoạch", urls.PLANS),
    Section("Phong trào", urls.MOVEMENTS),
    Section("Đơn vị", urls.UNITS),
    Section("Gương điển hình", urls.EXEMPLARS),
    Section("Báo chí", urls.PRESS),
    Section("Giới thiệu", urls.ABOUT),
)


def section_of(page_url: str) -> str | None:
    """The URL of the section a page belongs to (the longest prefix), None for the home and search pages."""
    matches = [s.url for s in SECTIONS if page_url.startswith(s.url)]
    return max(matches, key=len, default=None)
