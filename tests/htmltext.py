"""Readable text of an HTML page, as a reader (or a copy-paste) would get it."""

from html.parser import HTMLParser

SKIP = {"script", "style", "template"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        self.skipping += tag in SKIP
        self.parts.append(" ")

    def handle_endtag(self, tag):
        self.skipping -= tag in SKIP
        self.parts.append(" ")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def text_of(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join("".join(parser.parts).replace("¶", " ").split())


def main_text(html: str) -> str:
    """Only the article: what the page says, without header, navigation and footer."""
    start = html.index("<article")
    return text_of(html[start:html.index("</article>", start)])
