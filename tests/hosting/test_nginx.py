"""deploy/nginx.conf, run by Debian's nginx on the built site: headers, 301s, the 404 page, gzip, types."""

from __future__ import annotations

import gzip
import json
import os
import pwd
import re

import pytest
from nginx_support import (CONF, UNPRIVILEGED, fetch, for_nginx, has_ipv6_loopback, nginx, public_folder,
                           worker_uids)
from support import AS_OF, REPO, Site, copy_repository
from thidua.engine.building import build_site
from thidua.hosting import server_files

STORY = "/guong-dien-hinh/guong-co-ma-cu/"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The build, as production has it: outside the repository, nginx's workers running as www-data."""
    site = Site(copy_repository(tmp_path_factory.mktemp("nginx") / "repo"))
    site.exemplar("guong-co-ma-cu", title="Gương đã đổi mã", aliases=["ma-cu-cua-guong"])
    for_nginx(site.root)
    prefix = tmp_path_factory.mktemp("nginx-prefix")
    with public_folder() as public:
        site_dir = build_site(site.root, public / "site", as_of=AS_OF)
        with nginx(site_dir, prefix, user=UNPRIVILEGED) as url:
            yield url, site_dir, prefix


def test_workers_running_as_www_data_serve_every_file_of_the_build(served):
    url, site_dir, prefix = served
    expected = pwd.getpwnam(UNPRIVILEGED).pw_uid if os.geteuid() == 0 else os.geteuid()
    assert worker_uids(prefix) == {expected}
    files = [p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()]
    not_served = {f: 404 for f in files if f.startswith(("_nginx/", ".")) or f == "404.html"}  # 404.html: internal
    assert len(files) > 300 and ".thidua-build" in not_served
    expected = {**{f: 200 for f in files}, **not_served, "guong-dien-hinh/ma-cu-cua-guong/index.html": 301}
    assert {f: fetch(f"{url}/{f}")[0] for f in files} == expected


@pytest.mark.parametrize("path", ["/guong-dien-hinh", STORY.rstrip("/"), "/guong-dien-hinh/ma-cu-cua-guong/",
                                  "/guong-dien-hinh/ma-cu-cua-guong", "/guong-dien-hinh/ma-cu-cua-guong/index.html"])
def test_a_redirect_never_names_the_host_the_request_gave(served, path):
    url, _, _ = served
    status, headers, _ = fetch(url + path, host="evil.example")
    assert status == 301
    assert headers["Location"].startswith("/") and "evil.example" not in headers["Location"]


def test_it_listens_on_ipv6_as_well_as_ipv4(served):
    url, _, _ = served
    text = CONF.read_text("utf-8")
    assert "listen 8080;" in text and "listen [::]:8080;" in text
    if has_ipv6_loopback():  # config_for puts [::1] where deploy/nginx.conf says [::]
        status, _, body = fetch(url.replace("127.0.0.1", "[::1]") + STORY)
        assert status == 200 and "Gương đã đổi mã" in body.decode("utf-8")


def test_a_story_page_carries_every_security_header(served):
    url, _, _ = served
    status, headers, body = fetch(url + STORY)
    assert status == 200 and "Gương đã đổi mã" in body.decode("utf-8")
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "geolocation=()" in headers["Permissions-Policy"]
    assert headers["Cache-Control"] == "public, max-age=300, must-revalidate"
    assert "Server" not in headers or "/" not in headers["Server"]  # no version


def test_the_csp_allows_only_our_scripts_and_the_hashed_inline_ones(served):
    url, site_dir, _ = served
    _, headers, body = fetch(url + STORY)
    policy = dict(part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";"))
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert policy["script-src"].startswith("'self' 'sha256-")
    assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
    assert policy["style-src"] == "'self'"
    assert "script-src" in (site_dir / "_nginx" / "csp.conf").read_text("utf-8")


def test_hashed_assets_are_cached_for_a_year_and_html_briefly(served):
    url, site_dir, _ = served
    [css] = [p.name for p in (site_dir / "assets" / "stylesheets").glob("main.*.min.css")]
    assert re.fullmatch(r"main\.[0-9a-f]{8,}\.min\.css", css)
    _, headers, _ = fetch(f"{url}/assets/stylesheets/{css}")
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    _, headers, _ = fetch(f"{url}/assets/thidua-cms.js")  # not content-hashed: an hour, then revalidated
    assert headers["Cache-Control"] == "public, max-age=3600"


def test_a_former_id_is_a_real_301_to_the_story(served):
    url, _, _ = served
    for old in ("/guong-dien-hinh/ma-cu-cua-guong/", "/guong-dien-hinh/ma-cu-cua-guong"):
        status, headers, _ = fetch(url + old)
        assert status == 301, old
        assert headers["Location"].endswith(STORY)
        assert "Content-Security-Policy" in headers


def test_a_missing_page_answers_404_with_the_vietnamese_page(served):
    url, _, _ = served
    status, headers, body = fetch(url + "/khong-co-trang-nay/")
    assert status == 404
    text = body.decode("utf-8")
    assert '<html lang="vi"' in text and "404" in text
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_the_build_files_for_nginx_are_not_served(served):
    url, _, _ = served
    assert fetch(url + "/_nginx/csp.conf")[0] == 404
    assert fetch(url + "/_nginx/redirects.map")[0] == 404


def test_text_is_sent_gzipped_from_the_build_s_copies(served):
    url, site_dir, _ = served
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
    url, _, _ = served
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


# As long as the schema lets a former id be (its redirect page is a folder: a file name has at most 255 bytes).
LONGEST = json.loads((REPO / "hooks/thidua/schema/exemplar.schema.json").read_text("utf-8"))[
    "properties"]["aliases"]["items"]["maxLength"]
LONGEST_ID = "-".join(["doi-tuan-tra-mau-dao-phu-quy"] * 10)[:LONGEST]
ALIASES = 10_000


@pytest.fixture(scope="module")
def many_redirects(tmp_path_factory):
    """A build whose story has the longest id a file name allows as a former id, then 10,000 more former ids
    of that length written into its map by the build's own writer; nginx checked, then started."""
    site = Site(copy_repository(tmp_path_factory.mktemp("ids") / "repo"))
    site.exemplar("guong-co-ma-cu", title="Gương đã đổi mã", aliases=[LONGEST_ID])
    prefix = tmp_path_factory.mktemp("ids-prefix")
    with public_folder() as public:
        site_dir = build_site(site.root, public / "site", as_of=AS_OF)
        assert LONGEST_ID in (site_dir / "_nginx" / "redirects.map").read_text("utf-8")
        redirects = {f"guong-dien-hinh/{LONGEST_ID}/": STORY.strip("/") + "/"}
        redirects |= {f"guong-dien-hinh/{n:05d}{LONGEST_ID[5:]}/": STORY.strip("/") + "/" for n in range(ALIASES)}
        server_files.write_redirect_map(site_dir, redirects)
        said: list[str] = []
        with nginx(site_dir, prefix, user=UNPRIVILEGED, check=said) as url:
            yield url, said


def test_nginx_starts_with_ten_thousand_of_the_longest_former_ids_and_redirects_each(many_redirects):
    url, said = many_redirects
    assert len(LONGEST_ID) == LONGEST and "could not build" not in said[0] and "warn" not in said[0]
    for old in (LONGEST_ID, f"00000{LONGEST_ID[5:]}", f"{ALIASES - 1:05d}{LONGEST_ID[5:]}"):
        for path in (f"/guong-dien-hinh/{old}/", f"/guong-dien-hinh/{old}", f"/guong-dien-hinh/{old}/index.html"):
            status, headers, _ = fetch(url + path)
            assert (status, headers["Location"]) == (301, STORY), path
    assert fetch(f"{url}/guong-dien-hinh/{ALIASES:05d}{LONGEST_ID[5:]}/")[0] == 404


def test_the_map_s_table_is_sized_from_its_keys():
    assert server_files.hash_sizes([]) == (128, 2048)  # nginx's own 64 would do; a little more costs nothing
    assert server_files.hash_sizes(["/guong-dien-hinh/doi-tuan-tra-mau-dao-phu-quy/index.html"]) == (320, 2048)
    bucket, max_size = server_files.hash_sizes(["/" + "a" * 60_000])  # one key alone fills a bucket
    assert bucket == 65_472 and max_size == 2048  # the largest nginx accepts
    assert server_files.hash_sizes(["/x"] * 30_000)[1] == 120_000
