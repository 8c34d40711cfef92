"""Every kind of page, served by deploy/nginx.conf under its strict Content-Security-Policy, runs with
no violation and no console error, and search still works."""

from __future__ import annotations

import re
import shutil

import pytest
from nginx_support import for_nginx, free_port, nginx
from stories import HOA
from support import AS_OF
from test_readers import PAGE_KINDS
from thidua.engine.building import build_site

PAGES = {**PAGE_KINDS, "press": "bao-chi/", "editors' guide": "bien-tap/", "field reference": "bien-tap/truong-du-lieu/",
         "commendations": "khen-thuong/", "decision": "khen-thuong/quyet-dinh-khen-thuong-mau/"}
LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sample || ""));
});
"""


@pytest.fixture(scope="module")
def nginx_url(reader_site, tmp_path_factory):
    """The readers' site rebuilt for the address nginx serves it at: Material fetches sitemap.xml from
    site_url, which the policy (connect-src 'self') allows only on the site's own origin, as in production."""
    port = free_port()
    root = tmp_path_factory.mktemp("csp") / "repo"
    shutil.copytree(reader_site.parent, root, symlinks=True, ignore=shutil.ignore_patterns("site"))
    config = root / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: http://127.0.0.1:{port}/", config.read_text("utf-8")),
                      "utf-8")
    for_nginx(root)
    with nginx(build_site(root, as_of=AS_OF), tmp_path_factory.mktemp("csp-nginx"), port) as url:
        yield url


def _theme_probe(url: str) -> bool:
    """Material looks for a sitemap.xml beside every <link rel="alternate"> (meant for language versions),
    so a movement's or unit's feed links make it ask for <page>/sitemap.xml: a known, harmless 404."""
    return url.endswith("/sitemap.xml") and url.count("/") > 3


@pytest.fixture
def guarded(chromium):
    context = chromium.new_context(viewport={"width": 375, "height": 800}, locale="vi-VN")
    context.add_init_script(LISTEN)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda response: errors.append(f"{response.status} {response.url}")
            if response.status >= 400 and not _theme_probe(response.url) else None)
    yield page, errors
    context.close()


@pytest.mark.parametrize("kind", PAGES)
def test_no_page_breaks_the_content_security_policy(guarded, nginx_url, kind):
    page, errors = guarded
    response = page.goto(f"{nginx_url}/{PAGES[kind]}", wait_until="networkidle")
    assert "script-src 'self' 'sha256-" in response.headers["content-security-policy"]
    page.focus("#td-q")  # loads the search script too
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__csp") == []
    assert [e for e in errors if "status of 404" not in e] == [], "\n".join(errors)


def test_search_works_under_the_policy(guarded, nginx_url):
    page, errors = guarded
    page.goto(f"{nginx_url}/tim-kiem/?q=ham+thuan+bac")
    result = page.locator(".td-search--page .td-result a").first
    result.wait_for()
    assert HOA in result.get_attribute("href")
    page.fill("#td-q", "")
    page.click("#td-q")
    page.keyboard.type("nguyen thi hoa")
    page.locator(".td-search--header .td-result").first.wait_for()
    assert page.evaluate("window.__csp") == [] and errors == []


def test_the_web_form_opens_under_its_own_policy_with_no_violation(guarded, nginx_url):
    page, errors = guarded
    response = page.goto(f"{nginx_url}/bien-tap/gui-bai/")
    policy = dict(part.strip().split(" ", 1) for part in response.headers["content-security-policy"].split(";"))
    assert policy["script-src"] == "'self' 'unsafe-eval'"  # Decap compiles code; still no inline script
    assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
    page.get_by_role("button", name="Đăng nhập").wait_for()
    assert page.evaluate("window.__csp") == []
    assert not [e for e in errors if "EvalError" in e or "Content Security Policy" in e], errors


def test_only_the_web_forms_path_gets_its_wider_policy(nginx_url):
    import urllib.request

    with urllib.request.urlopen(f"{nginx_url}/bien-tap/") as response:
        assert "'unsafe-eval'" not in response.headers["content-security-policy"]
    with urllib.request.urlopen(f"{nginx_url}/bien-tap/gui-bai/config.yml") as response:
        assert "'unsafe-eval'" in response.headers["content-security-policy"]
