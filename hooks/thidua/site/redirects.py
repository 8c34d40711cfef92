"""Former story ids keep working: a tiny page at the old URL sends readers and crawlers to the new one.

Written after the build, so these pages are in neither the sitemap nor the search index.
"""

from __future__ import annotations

import html


def redirect_page(target: str, title: str) -> str:
    url, text = html.escape(target, quote=True), html.escape(title)
    return (
        "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>Đã chuyển: {text}</title>\n"
        f"<link rel=\"canonical\" href=\"{url}\">\n"
        "<meta name=\"robots\" content=\"noindex\">\n"
        f"<meta http-equiv=\"refresh\" content=\"0; url={url}\">\n"
        "</head>\n<body>\n"
        f"<p>Bài đã chuyển sang địa chỉ mới: <a href=\"{url}\">{text}</a>.</p>\n"
        "</body>\n</html>\n"
    )
