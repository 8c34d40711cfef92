"""deploy/nginx.conf, run by Debian's nginx on the built site: headers, 301s, the 404 page, gzip, types."""

from __future__ import annotations

import gzip
import re

import pytest
from nginx_support import fetch, for_nginx, nginx
from support import AS_OF, Site, copy_repository

STORY = "/guong-dien-hinh/guong-co-ma-cu/"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    site = Site(copy_repository(tmp_path_factory.mktemp("nginx") / "repo"))
    site.exemplar("guong-co-ma-cu", title="Gương đã đổi mã", aliases=["ma-cu-cua-guong"])
    for_nginx(site.root)
    site_dir = site.build(AS_OF)
    with nginx(site_dir, tmp_path_factory.mktemp("nginx-prefix")) as url:
        yield url, site_dir


def test_a_story_page_carries_every_security_header(served):
    url, _ = served
    status, headers, body = fetch(url + STORY)
    assert status == 200 and "Gương đã đổi mã" in body.decode("utf-8")
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "geolocation=()" in headers["Permissions-Policy"]
    assert headers["Cache-Control"] == "public, max-age=300, must-revalidate"
    assert "Server" not in headers or "/" not in headers["Server"]  # no version


def test_the_csp_allows_only_our_scripts_and_the_hashed_inline_ones(served):
    url, site_dir = served
    _, headers, body = fetch(url + STORY)
    policy = dict(part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";"))
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert policy["script-src"].startswith("'self' 'sha256-")
    assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
    assert policy["style-src"] == "'self'"
    assert "script-src" in (site_dir / "_nginx" / "csp.conf").read_text("utf-8")


def test_hashed_assets_are_cached_for_a_year_and_html_briefly(served):
    url, site_dir = served
    [css] = [p.name for p in (site_dir / "assets" / "stylesheets").glob("main.*.min.css")]
    assert re.fullmatch(r"main\.[0-9a-f]{8,}\.min\.css", css)
    _, headers, _ = fetch(f"{url}/assets/stylesheets/{css}")
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    _, headers, _ = fetch(f"{url}/assets/thidua-cms.js")  # not content-hashed: an hour, then revalidated
    assert headers["Cache-Control"] == "public, max-age=3600"


def test_a_former_id_is_a_real_301_to_the_story(served):
    url, _ = served
    for old in ("/guong-dien-hinh/ma-cu-cua-guong/", "/guong-dien-hinh/ma-cu-cua-guong"):
        status, headers, _ = fetch(url + old)
        assert status == 301, old
        assert headers["Location"].endswith(STORY)
        assert "Content-Security-Policy" in headers


def test_a_missing_page_answers_404_with_the_vietnamese_page(served):
    url, _ = served
    status, headers, body = fetch(url + "/khong-co-trang-nay/")
    assert status == 404
    text = body.decode("utf-8")
    assert '<html lang="vi"' in text and "404" in text
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_the_build_files_for_nginx_are_not_served(served):
    url, _ = served
    assert fetch(url + "/_nginx/csp.conf")[0] == 404
    assert fetch(url + "/_nginx/redirects.map")[0] == 404


def test_text_is_sent_gzipped_from_the_build_s_copies(served):
    url, site_dir = served
    status, headers, body = fetch(url + STORY, gzip=True)
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert body == (site_dir / STORY.strip("/") / "index.html.gz").read_bytes()
    assert gzip.decompress(body) == (site_dir / STORY.strip("/") / "index.html").read_bytes()
    assert "Accept-Encoding" in headers["Vary"]
    _, plain, _ = fetch(url + STORY)
    assert "Content-Encoding" not in plain  # a client without gzip gets the plain file


@pytest.mark.parametrize("path, content_type", [
    ("/feed.xml", "application/atom+xml; charset=utf-8"),
    ("/rss.xml", "application/rss+xml; charset=utf-8"),
    ("/feed.json", "application/feed+json; charset=utf-8"),
    ("/phong-trao/cai-cach-hanh-chinh/feed.xml", "application/atom+xml; charset=utf-8"),
    (STORY + "ninjs.json", "application/ninjs+json; charset=utf-8"),
    ("/api/exemplars.csv", "text/csv; charset=utf-8"),
    ("/api/catalog.json", "application/json; charset=utf-8"),
    (STORY + "anh-chia-se.png", "image/png"),
])
def test_feeds_ninjs_and_csv_have_their_own_types(served, path, content_type):
    url, _ = served
    status, headers, _ = fetch(url + path, gzip=True)
    assert status == 200, path
    assert headers["Content-Type"] == content_type


def test_a_build_for_another_host_is_still_sent_compressed(tmp_path):
    site = Site(copy_repository(tmp_path / "repo"))  # host: github-pages, no .gz copies
    site_dir = site.build(AS_OF)
    assert not list(site_dir.rglob("*.html.gz"))
    with nginx(site_dir, tmp_path / "prefix") as url:
        status, headers, body = fetch(url + "/feed.xml", gzip=True)
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == (site_dir / "feed.xml").read_bytes()
