"""What the build adds for hosts: collapsed white space, the CSP's script hashes, gzip copies, the
redirect map, the size report and the host's limit."""

from __future__ import annotations

import base64
import gzip
import hashlib
import re

import pytest
from support import AS_OF
from thidua.cli.main import main
from thidua.hosting import csp, footprint, minify, precompress, server_files


def test_white_space_between_tags_collapses_but_pre_textarea_and_scripts_keep_theirs():
    page = "<div>\n    <p>Một\n\n   hai</p>\n  </div>\n<pre>a\n\n    b</pre>\n<textarea>x\n\n  y</textarea>\n<script>var a\n\n  = 1</script>"
    assert minify.collapse(page) == ("<div>\n<p>Một\nhai</p>\n</div>\n<pre>a\n\n    b</pre>\n"
                                     "<textarea>x\n\n  y</textarea>\n<script>var a\n\n  = 1</script>")


MATERIAL_IDLE = ('<body>\n  <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
                 '  <label class="md-overlay" for="__drawer"></label>\n  <div data-md-component="skip">\n  </div>\n'
                 '  <div data-md-component="announce">\n\n  </div>\n<main>x</main>\n'
                 '<div class="md-dialog" data-md-component="dialog">\n  <div class="md-dialog__inner md-typeset"></div>\n</div>\n')


def test_material_s_toggles_slots_and_dialog_go_where_its_script_is_not_loaded():
    assert minify.collapse(MATERIAL_IDLE) == "<body>\n<main>x</main>\n"
    with_script = MATERIAL_IDLE + '<script src="assets/javascripts/bundle.a5f9d56c.min.js"></script>'
    assert minify.collapse(with_script).count("<input") == 1 and "md-dialog" in minify.collapse(with_script)


def test_only_scripts_a_browser_runs_are_hashed():
    page = ('<script>run()</script><script src="a.js"></script><script type="application/ld+json">{"a":1}</script>'
            '<script id="__config" type="application/json">{}</script><script type="module">m()</script>')
    assert csp.inline_scripts(page) == {"run()", "m()"}
    digest = base64.b64encode(hashlib.sha256(b"run()").digest()).decode()
    assert csp.script_hash("run()") == f"'sha256-{digest}'"


def test_the_policy_has_no_unsafe_source_for_scripts_or_styles():
    value = csp.policy(["'sha256-abc='"])
    assert "script-src 'self' 'sha256-abc='" in value
    assert "unsafe" not in value and "frame-ancestors 'none'" in value


def test_gzip_copies_are_reproducible_and_only_where_they_save(tmp_path):
    (tmp_path / "a.html").write_text("<p>thi đua</p>\n" * 200, "utf-8")
    (tmp_path / "tiny.json").write_text("{}", "utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG" + bytes(500))
    written = precompress.precompress(tmp_path)
    assert written == [tmp_path / "a.html.gz"]
    data = (tmp_path / "a.html.gz").read_bytes()
    assert data[4:8] == b"\0\0\0\0"  # mtime 0 in the gzip header
    assert gzip.decompress(data) == (tmp_path / "a.html").read_bytes()
    precompress.precompress(tmp_path)
    assert (tmp_path / "a.html.gz").read_bytes() == data


def test_the_redirect_map_answers_the_old_address_with_and_without_its_slash(tmp_path):
    path = server_files.write_redirect_map(tmp_path, {"guong-dien-hinh/cu/": "guong-dien-hinh/moi/"})
    lines = path.read_text("utf-8").splitlines()[1:]
    assert lines == ['"/guong-dien-hinh/cu/" "/guong-dien-hinh/moi/";', '"/guong-dien-hinh/cu" "/guong-dien-hinh/moi/";',
                     '"/guong-dien-hinh/cu/index.html" "/guong-dien-hinh/moi/";']


@pytest.mark.parametrize("path, kind", [
    ("guong-dien-hinh/a/index.html", "pages"), ("feed.xml", "feeds"), ("don-vi/x/feed.json", "feeds"),
    ("feed/trang/1.xml", "feeds"), ("phong-trao/x/feed/trang/12.xml", "feeds"),
    ("guong-dien-hinh/a/anh-chia-se.png", "images"), ("tim-kiem/chi-muc/a.json", "search"),
    ("index.html.gz", "compressed"), ("api/exemplars.csv", "other"), ("sitemap.xml", "other"),
])
def test_every_file_has_a_kind(path, kind):
    assert footprint.kind_of(path) == kind


@pytest.mark.parametrize("extra", [{"host_limit_mb": 0}, {"host_limit_mb": "1GB"}, {"host_limit_mb": True},
                                   {"host": "ftp"}])
def test_a_bad_host_setting_is_refused_in_vietnamese(extra):
    with pytest.raises(footprint.LimitError, match="không hợp lệ"):
        footprint.host_of(extra), footprint.limit_bytes(extra)


def _set(site, key: str, value: str) -> None:
    config = site.root / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(re.sub(rf"(?m)^    {key}: .*$", f"    {key}: {value}", text), "utf-8")


def test_build_reports_sizes_by_kind_and_warns_while_site_url_is_the_example(site, capsys):
    assert main(["--root", str(site.root), "build", "--as-of", AS_OF.isoformat()]) == 0
    out, err = capsys.readouterr()
    assert re.search(r"^Dung lượng: [\d.]+ MB trong \d+ tệp$", out, re.M)
    for label in ("trang HTML", "nguồn tin", "ảnh", "chỉ mục tìm kiếm"):
        assert re.search(rf"^  {label}.* [\d.]+ [KM]B$", out, re.M), label
    assert len({len(line) for line in out.splitlines() if line.startswith("  ")}) == 1  # the sizes in one column
    assert "Cảnh báo: site_url trong mkdocs.yml vẫn là địa chỉ ví dụ https://thidua.binhthuan.example/" in err
    assert not list((site.root / "site").rglob("*.html.gz"))  # github-pages compresses by itself
    assert (site.root / "site" / "_nginx" / "csp.conf").is_file()


def test_a_site_over_the_host_limit_fails_and_keeps_the_last_good_one(site, capsys):
    site.build(AS_OF)
    before = (site.root / "site" / "index.html").read_bytes()
    site.exemplar("bai-moi-qua-gioi-han", title="Bài mới")
    _set(site, "host_limit_mb", "1")
    assert main(["--root", str(site.root), "build", "--as-of", AS_OF.isoformat()]) == 1
    out, err = capsys.readouterr()
    assert "vượt giới hạn của nơi lưu trữ 1.0 MB (extra.thidua.host_limit_mb trong mkdocs.yml)" in out
    assert "site/ cũ được giữ nguyên" in err and "Traceback" not in out + err
    assert (site.root / "site" / "index.html").read_bytes() == before
    assert not (site.root / "site" / "guong-dien-hinh" / "bai-moi-qua-gioi-han").exists()


def test_a_real_address_builds_without_the_warning(site, capsys):
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("https://thidua.binhthuan.example/",
                                                        "https://thidua.binhthuan.gov.vn/"), "utf-8")
    _set(site, "host", "nginx")
    assert main(["--root", str(site.root), "build", "--as-of", AS_OF.isoformat()]) == 0
    assert "Cảnh báo" not in capsys.readouterr().err
    assert (site.root / "site" / "index.html.gz").is_file()
