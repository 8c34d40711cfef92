"""Lighthouse on every kind of page of a built site, served as production serves it (a tool, not a test).

Usage: .venv/bin/python scripts/lighthouse.py SITE_DIR [--only KIND ...] [--json-dir DIR]

Starts Debian's nginx with deploy/nginx.conf on a free 127.0.0.1 port (the tests' own rewrite of the file:
the site's folder, the port, pid and logs), runs Lighthouse's mobile preset (its default) on one page of each
kind found in SITE_DIR, one after the other, and prints Performance, Accessibility, Best Practices and SEO per
kind with the audits that cost points. Exit 1 when any page is below 98 / 100 / 100 / 100.

Needs Lighthouse from npm, outside the project: `npm install --prefix /tmp/lh lighthouse` (or LIGHTHOUSE=path
to its command) and Chromium (CHROME_PATH, default /usr/bin/chromium). Build SITE_DIR with `host: nginx`
(extra.thidua in mkdocs.yml) to serve its .gz copies as production does; nginx compresses the others itself.
Performance depends on the machine: run it with nothing else heavy running, and re-run a kind that scores low.

A page the site keeps out of search engines on purpose (`noindex`: sample stories, the web form) is judged
without Lighthouse's is-crawlable audit, and the 404 page (answered with status 404, as it must be) also
without http-status-code: the SEO column marks them with `*`. There, the console error Chromium logs for the
page's own status 404 is not counted against Best Practices (any other console error is).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "hooks"))
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "tests" / "hosting"))

from nginx_support import nginx  # noqa: E402

CATEGORIES = {"performance": ("Perf", 98), "accessibility": ("A11y", 100), "best-practices": ("BP", 100),
              "seo": ("SEO", 100)}
LIGHTHOUSE = os.environ.get("LIGHTHOUSE", "/tmp/lh/node_modules/.bin/lighthouse")
MISSING = "khong-co-trang-nay/"  # any path the site does not have: nginx answers 404 with the Vietnamese page


def page_kinds(site: Path) -> dict[str, str]:
    """Kind -> path of one page of that kind in the built site (kinds the site lacks are left out)."""
    def first(folder: str, keep=lambda html: True) -> str | None:
        base = site / folder
        pages = sorted(p for p in base.iterdir() if (p / "index.html").is_file()) if base.is_dir() else []
        page = next((p for p in pages if keep((p / "index.html").read_text("utf-8"))), None)
        return f"{folder}/{page.name}/" if page else None

    stories = sorted((p for p in (site / "guong-dien-hinh").iterdir() if (p / "ninjs.json").is_file()),
                     key=lambda p: (bool(skipped_audits(site, f"guong-dien-hinh/{p.name}/")), p.name))  # indexed first
    with_photo = next((p for p in stories if (p / "anh-chia-se.jpg").is_file()), None)
    without = next((p for p in stories if not (p / "anh-chia-se.jpg").is_file()), None)
    listing = '="td-card'
    kinds = {
        "home": "", "plan": first("ke-hoach"), "movement": first("phong-trao", lambda h: listing in h),
        "unit": first("don-vi", lambda h: listing in h),
        "story, photo": f"guong-dien-hinh/{with_photo.name}/" if with_photo else None,
        "story, no photo": f"guong-dien-hinh/{without.name}/" if without else None,
        "stories": "guong-dien-hinh/", "month": first("guong-dien-hinh/thang"), "search": "tim-kiem/?q=thi+dua",
        "press": "bao-chi/", "feedback": "gop-y/", "accessibility": "kha-nang-tiep-can/", "english": "en/",
        "404": MISSING, "guide": "bien-tap/", "commendations": "khen-thuong/", "commendation": first("khen-thuong"),
        "plans": "ke-hoach/", "movements": "phong-trao/", "units": "don-vi/", "by kind": "guong-dien-hinh/ca-nhan/",
        "months": "guong-dien-hinh/thang/", "about": "gioi-thieu/", "field reference": "bien-tap/truong-du-lieu/",
    }
    return {kind: path for kind, path in kinds.items()
            if path is not None and (path == MISSING or (site / path.split("?")[0] / "index.html").is_file())}


class _Robots(HTMLParser):
    noindex = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name") == "robots" and "noindex" in (attrs.get("content") or ""):
            self.noindex = True


def skipped_audits(site: Path, path: str) -> list[str]:
    if path == MISSING:
        return ["is-crawlable", "http-status-code"]
    robots = _Robots()
    robots.feed((site / path.split("?")[0] / "index.html").read_text("utf-8"))
    return ["is-crawlable"] if robots.noindex else []


def lighthouse(url: str, out: Path, skip: list[str]) -> dict | str:
    """The report, or what Lighthouse said when it failed."""
    command = [LIGHTHOUSE, url, "--quiet", "--output=json", f"--output-path={out}",
               f"--only-categories={','.join(CATEGORIES)}", "--chrome-flags=--headless=new --no-sandbox"]
    if skip:
        command.append(f"--skip-audits={','.join(skip)}")
    if "http-status-code" in skip:
        command.append("--ignore-status-code")  # else Lighthouse refuses to judge a page answered with 404
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    out.unlink(missing_ok=True)
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode != 0 or not out.is_file():
        return (result.stderr.strip().splitlines() or ["no output"])[-1]
    return json.loads(out.read_text("utf-8"))


def excuse_own_status(report: dict, url: str) -> None:
    """On the 404 page, Chromium logs the page's own status as a console error: the one error that is the point.
    Any other console error still counts; the category's score is recomputed as Lighthouse computes it."""
    audit = report["audits"]["errors-in-console"]
    items = (audit.get("details") or {}).get("items") or []
    if audit["score"] == 1 or not items or any(item.get("source") != "network" or item.get("url", item.get(
            "sourceLocation", {}).get("url")) != url or "404" not in item.get("description", "") for item in items):
        return
    audit["score"] = 1
    for category in report["categories"].values():
        refs = [r for r in category["auditRefs"] if r["weight"] > 0 and report["audits"][r["id"]]["score"] is not None]
        if any(r["id"] == "errors-in-console" for r in refs):
            category["score"] = sum(r["weight"] * report["audits"][r["id"]]["score"] for r in refs) / sum(
                r["weight"] for r in refs)


def losses(report: dict, category: str) -> list[str]:
    """The audits that cost this category points, heaviest first."""
    audits = report["audits"]
    refs = [r for r in report["categories"][category]["auditRefs"] if r["weight"] > 0
            and audits[r["id"]]["score"] is not None and audits[r["id"]]["score"] < 1]
    return [f"{r['id']} ({audits[r['id']]['score']:.2f})" for r in sorted(refs, key=lambda r: -r["weight"])]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--only", nargs="*", help="page kinds to run (default: all)")
    parser.add_argument("--json-dir", type=Path, help="keep each report's JSON here")
    args = parser.parse_args()
    site = args.site.resolve()
    if not (site / "index.html").is_file():
        raise SystemExit(f"{site}: no built site here (run thidua build first)")
    kinds = {k: p for k, p in page_kinds(site).items() if not args.only or k in args.only}
    out_dir = args.json_dir or Path(tempfile.mkdtemp(prefix="lighthouse-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    rows, below = [], False
    with tempfile.TemporaryDirectory(prefix="lighthouse-nginx-") as prefix, nginx(site, Path(prefix)) as base:
        for kind, path in kinds.items():
            skip = skipped_audits(site, path)
            url = f"{base}/{path}"
            report = lighthouse(url, out_dir / f"{kind.replace(', ', '-').replace(' ', '-')}.json", skip)
            if isinstance(report, str):
                below = True
                rows.append((kind, path, None, "", {"lighthouse": [report]}))
                continue
            if path == MISSING:
                excuse_own_status(report, url)
            scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
            failing = {c: losses(report, c) for c, (_, target) in CATEGORIES.items() if scores[c] < target}
            below |= bool(failing)
            rows.append((kind, path, scores, "*" if skip else "", failing))
            print(f"… {kind}: {scores}", file=sys.stderr, flush=True)
    print(f"{'page kind':<18}{'Perf':>5}{'A11y':>6}{'BP':>5}{'SEO':>6}  path")
    for kind, path, scores, mark, failing in rows:
        if scores is None:
            print(f"{kind:<18}{'failed':>22}  /{path}\n{'':<18}  {failing['lighthouse'][0]}")
            continue
        print(f"{kind:<18}{scores['performance']:>5}{scores['accessibility']:>6}{scores['best-practices']:>5}"
              f"{scores['seo']:>5}{mark or ' '}  /{path}")
        for category, audits in failing.items():
            print(f"{'':<18}  {CATEGORIES[category][0]} below target: {', '.join(audits) or '(no single audit)'}")
    print(f"targets: Perf ≥ 98, A11y 100, BP 100, SEO 100; * noindex on purpose (see --help); JSON in {out_dir}")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
