"""`thidua deploy s3://…` against `rclone serve s3` on loopback: only what changed travels."""

from __future__ import annotations

import json
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from nginx_support import free_port
from support import AS_OF, Site, copy_repository
from thidua.cli.main import main
from thidua.hosting import deploy

KEY, SECRET = "thidua-test", "thidua-test-secret"
STORY = "guong-dien-hinh/guong-se-sua/"
OTHER = "guong-dien-hinh/guong-khong-doi/"


@pytest.fixture
def s3(tmp_path, monkeypatch):
    """A loopback S3 endpoint over a temporary folder whose sub-folder `thidua` is the bucket."""
    store = tmp_path / "store"
    (store / "thidua").mkdir(parents=True)
    port = free_port()
    server = subprocess.Popen([deploy.rclone_binary(), "serve", "s3", str(store), "--addr", f"127.0.0.1:{port}",
                               "--auth-key", f"{KEY},{SECRET}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(endpoint, timeout=1)
        except urllib.error.HTTPError:
            break  # it answers (403 without a signature)
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    for name, value in {"RCLONE_S3_PROVIDER": "Rclone", "RCLONE_S3_ENDPOINT": endpoint,
                        "RCLONE_S3_ACCESS_KEY_ID": KEY, "RCLONE_S3_SECRET_ACCESS_KEY": SECRET,
                        "RCLONE_S3_REGION": "us-east-1"}.items():
        monkeypatch.setenv(name, value)
    try:
        yield store / "thidua" / "tinh"
    finally:
        server.terminate()
        server.wait(10)


def test_a_second_deploy_uploads_nothing_and_a_changed_story_only_what_shows_it(tmp_path, s3):
    site = Site(copy_repository(tmp_path / "repo"))
    site.exemplar("guong-se-sua", title="Gương sẽ sửa", body="Bản đầu.")
    site.exemplar("guong-khong-doi", title="Gương không đổi", unit="ham-thuan-bac", movements=["hoc-tap-va-lam-theo-bac"])
    built = site.build(AS_OF)

    first = deploy.deploy(built, "s3://thidua/tinh")
    published = {p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file()
                 if deploy.published(p.relative_to(built).as_posix())}
    assert set(first.uploaded) == published
    assert (s3 / STORY / "index.html").read_bytes() == (built / STORY / "index.html").read_bytes()
    assert not (s3 / "_nginx").exists() and not list(s3.rglob("*.html.gz")) and not (s3 / ".thidua-build").exists()
    stored = _metadata()
    assert stored[STORY + "index.html"] == ("text/html; charset=utf-8", deploy.SHORT)
    assert stored["feed.xml"] == ("application/atom+xml; charset=utf-8", deploy.DATA)
    assert stored[STORY + "ninjs.json"] == ("application/ninjs+json; charset=utf-8", deploy.DATA)
    assert stored["api/exemplars.csv"] == ("text/csv; charset=utf-8", deploy.DATA)
    [css] = [name for name in stored if name.startswith("assets/stylesheets/main.") and name.endswith(".css")]
    assert stored[css] == ("text/css; charset=utf-8", deploy.IMMUTABLE)

    site.build(AS_OF)
    again = deploy.deploy(built, "s3://thidua/tinh")
    assert again.uploaded == [] and again.deleted == []

    site.exemplar("guong-se-sua", title="Gương sẽ sửa", body="Bản đã sửa, dài hơn bản đầu.")
    site.build(AS_OF)
    changed = set(deploy.deploy(built, "s3://thidua/tinh").uploaded)
    assert STORY + "index.html" in changed and STORY + "ninjs.json" in changed
    assert {"feed.xml", "rss.xml", "feed.json"} <= changed  # the site's feeds carry the text; a topic feed's
    assert "phong-trao/cai-cach-hanh-chinh/feed.xml" not in changed  # entries do not, so the text's edit leaves it
    assert not [name for name in changed if name.startswith(OTHER)]
    assert not [name for name in changed if name.startswith("don-vi/ham-thuan-bac/")]
    assert len(changed) <= 30, sorted(changed)


def _metadata() -> dict[str, tuple[str, str]]:
    """(Content-Type, Cache-Control) of every object under s3://thidua/tinh, as the store keeps them."""
    listed = subprocess.run([deploy.rclone_binary(), "lsjson", "-R", "--files-only", "--metadata", ":s3:thidua/tinh"],
                            capture_output=True, text=True, check=True)
    return {entry["Path"]: (entry["Metadata"]["content-type"], entry["Metadata"].get("cache-control", ""))
            for entry in json.loads(listed.stdout)}


def test_headers_follow_the_kind_of_file():
    assert deploy.headers_for("assets/stylesheets/main.484c7ddc.min.css") == (deploy.IMMUTABLE, None)
    assert deploy.headers_for(STORY + "index.html") == (deploy.SHORT, "text/html; charset=utf-8")
    assert deploy.headers_for("rss.xml") == (deploy.DATA, "application/rss+xml; charset=utf-8")
    assert deploy.headers_for("api/exemplars.csv") == (deploy.DATA, "text/csv; charset=utf-8")
    assert deploy.headers_for(STORY + "anh-chia-se.png") == (deploy.DEFAULT, None)
    assert not deploy.published(STORY + "index.html.gz") and deploy.published("sitemap.xml.gz")
    assert not deploy.published(".thidua-build") and not deploy.published("assets/.hidden/x.css")


def test_a_bad_target_or_an_unbuilt_site_is_refused_in_vietnamese(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text("site_name: Thử\n", "utf-8")  # the repository's root
    assert main(["--root", str(tmp_path), "deploy", "ftp://x"]) == 1
    assert "chưa có trang dựng sẵn" in capsys.readouterr().err
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<!doctype html>", "utf-8")
    assert main(["--root", str(tmp_path), "deploy", "ftp://x"]) == 1
    assert "không hợp lệ: dùng dạng s3://" in capsys.readouterr().err


def test_an_unreachable_store_is_reported_with_rclone_s_reason(tmp_path, monkeypatch, capsys):
    (tmp_path / "mkdocs.yml").write_text("site_name: Thử\n", "utf-8")
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("<!doctype html>", "utf-8")
    monkeypatch.setenv("RCLONE_S3_ENDPOINT", f"http://127.0.0.1:{free_port()}")
    monkeypatch.setenv("RCLONE_LOW_LEVEL_RETRIES", "1")
    monkeypatch.setenv("RCLONE_RETRIES", "1")
    assert main(["--root", str(tmp_path), "deploy", "s3://thidua/tinh"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("thidua deploy: rclone báo lỗi:\n") and len(err.splitlines()) >= 2
