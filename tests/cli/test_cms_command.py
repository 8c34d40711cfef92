"""`thidua cms` (hooks/thidua/cli/cms_command.py, hosting/cms_*.py): the offline form's one server, asked as
the form asks it and as a hostile page would, against real git checkouts; its round trip in a browser is in
tests/browser/test_cms_form.py."""

from __future__ import annotations

import base64
import json
import os
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from http_support import api, request
from thidua.cli.cms_command import local_cms
from thidua.cli.main import main as thidua

PHONE_BODY = "Mọi góp ý xin gọi chị Lan, số 0912 345 678, vào giờ hành chính."


def git(root, *args) -> str:
    return subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.invalid", *args], cwd=root,
                          check=True, capture_output=True, text=True).stdout


def story(title: str, body: str = "Tổ đã vận động từng hộ cùng giữ đường làng sạch.") -> str:
    return (f"---\ntitle: {title}\nkind: collective\nname: Tổ tự quản thử\nunit: phan-thiet\nmovements:\n"
            f"  - cai-cach-hanh-chinh\ndate: 2023-10-01\nsummary: Tổ tự quản thử giữ đường làng sạch.\n"
            f"sample: true\n---\n{body}\n")


@pytest.fixture
def checkout(site):
    (site.root / ".gitignore").write_text("hooks\noverrides\nnode_modules\n", encoding="utf-8")
    git(site.root, "init", "-q", "-b", "main")
    git(site.root, "add", ".")
    git(site.root, "commit", "-qm", "Kho thử")
    return site.root


class Form:
    """The API as the form's own page calls it."""

    def __init__(self, local) -> None:
        self.local = local
        address = urlsplit(local.api)
        self.port, self.path = address.port, address.path

    def __call__(self, action: str, **params):
        return api(self.port, self.path, {"action": action, "params": {"branch": self.local.branch, **params}})

    def save_draft(self, slug: str, text: str, assets: tuple = ()):
        return self("persistEntry", dataFiles=[{"slug": slug, "path": f"exemplars/{slug}.md", "raw": text}],
                    assets=list(assets), options={"collectionName": "exemplars", "commitMessage": f"Gửi {slug}",
                                                  "useWorkflow": True, "status": "draft"})

    def publish(self, slug: str):
        return self("publishUnpublishedEntry", collection="exemplars", slug=slug)


def test_one_server_serves_the_form_its_configuration_and_its_backend_under_a_token(checkout):
    with local_cms(checkout) as local:
        form = Form(local)
        token = form.path.split("/")[1]
        assert len(token) >= 32 and local.url == f"http://127.0.0.1:{form.port}/{token}/bien-tap/gui-bai/"
        with urllib.request.urlopen(local.url + "config.yml") as response:
            config = yaml.safe_load(response.read().decode("utf-8"))
        assert config["local_backend"] == {"url": local.api}
        opened_as_localhost = request(form.port, "GET", urlsplit(local.url).path + "config.yml", host=f"localhost:{form.port}")
        assert yaml.safe_load(opened_as_localhost.text)["local_backend"]["url"] == \
            local.api.replace("127.0.0.1", "localhost")  # the same origin as the page, whichever name opened it
        assert config["backend"]["branch"] == "main" == local.branch
        info = form("info")
        assert info.status == 200 and "editorial_workflow" in info.json["publish_modes"]  # drafts as branches
        for guess in ("/bien-tap/gui-bai/", "/api/v1", f"/{token[:-1]}x/bien-tap/gui-bai/"):
            assert request(form.port, "GET", guess).status == 404
            assert api(form.port, guess, {"action": "info"}).status == 404
        assert json.loads(urllib.request.urlopen(local.url + "van-de.json").read()) == []
    with pytest.raises(OSError):  # stopped with the block
        urllib.request.urlopen(local.url, timeout=2)


def test_a_page_elsewhere_cannot_reach_the_backend(checkout):
    """DNS rebinding (another Host), another local origin, a form without Origin: refused, nothing written."""
    before = git(checkout, "for-each-ref")
    with local_cms(checkout) as local:
        form = Form(local)
        write = {"action": "persistMedia", "params": {"branch": "main", "options": {"commitMessage": "x"},
                 "asset": {"path": "exemplars/x.png", "encoding": "base64", "content": "aGk="}}}
        assert api(form.port, form.path, write, host="evil.example").status == 421
        assert api(form.port, form.path, write, host=f"evil.example:{form.port}").status == 421
        assert request(form.port, "GET", urlsplit(local.url).path, host=f"evil.example:{form.port}").status == 421
        for origin in ("http://localhost:9999", "http://evil.example", "null", None):
            reply = api(form.port, form.path, write, origin=origin)
            assert reply.status == 403 and "Máy chủ trên máy này chỉ nhận" in reply.text
        assert api(form.port, form.path, {"action": "info"}, host=f"localhost:{form.port}").status == 200
    assert git(checkout, "for-each-ref") == before and not (checkout / "exemplars" / "x.png").exists()


@pytest.mark.parametrize("path", [".git/config", "hooks/x.py", "mkdocs.yml", "exemplars/../hooks/x.py",
                                  "exemplars/../.git/config", "exemplars/sub/x.md", "/etc/passwd", "exemplars",
                                  "exemplars/.gitignore", "exemplars\\..\\x.md", "./exemplars/x.md", ""])
def test_paths_outside_exemplars_are_refused_for_reading_and_writing(checkout, path):
    before = git(checkout, "for-each-ref"), git(checkout, "status", "--porcelain")
    with local_cms(checkout) as local:
        form = Form(local)
        refusals = [
            form("getEntry", path=path), form("getMediaFile", path=path),
            form("entriesByFiles", files=[{"path": path}]),
            form("persistMedia", asset={"path": path, "encoding": "base64", "content": "W2NvcmVdCg=="},
                 options={"commitMessage": "x"}),
            form("deleteFile", path=path, options={"commitMessage": "x"}),
            form("persistEntry", dataFiles=[{"slug": "x", "path": path, "raw": "[core]\n"}], assets=[],
                 options={"collectionName": "exemplars", "commitMessage": "x", "useWorkflow": True, "status": "draft"}),
            form("persistEntry", dataFiles=[{"slug": "x", "path": "exemplars/x.md", "raw": "x"}],
                 assets=[{"path": path, "encoding": "base64", "content": "eA=="}],
                 options={"collectionName": "exemplars", "commitMessage": "x", "useWorkflow": True, "status": "draft"}),
        ]
        for reply in refusals:
            assert reply.status == 403, reply
            assert reply.json == {"error": "Biểu mẫu chỉ đọc và ghi bài cùng ảnh trong thư mục exemplars/. "
                                           "(outside exemplars/)"}
        assert form("entriesByFolder", folder=".", extension="md", depth=9).status == 403
        assert form("getMedia", mediaFolder=".git").status == 403
    assert (git(checkout, "for-each-ref"), git(checkout, "status", "--porcelain")) == before


def test_requests_of_the_wrong_shape_are_refused_in_vietnamese_and_change_nothing(checkout):
    before = git(checkout, "for-each-ref"), (checkout / ".git" / "config").read_text("utf-8")
    with local_cms(checkout) as local:
        form = Form(local)
        replies = [
            request(form.port, "POST", form.path, body=b"{not json", headers={"Origin": f"http://127.0.0.1:{form.port}"}),
            api(form.port, form.path, ["info"]),
            api(form.port, form.path, {"action": "getEntry", "params": {"branch": "khac", "path": "exemplars/x.md"}}),
            api(form.port, form.path, {"action": "__class__", "params": {"branch": "main"}}),
            form("entriesByFiles", files=[["exemplars/x.md"]]),
            form("persistEntry", dataFiles=["exemplars/x.md"], assets=[], options={}),
            form("persistEntry", dataFiles=[{"slug": "../../x", "path": "exemplars/x.md", "raw": "x"}], assets=[],
                 options={"collectionName": "exemplars", "useWorkflow": True, "status": "draft"}),
            form("persistEntry", dataFiles=[{"slug": "x", "path": "exemplars/x.md", "raw": "x"}], assets=[],
                 options={"collectionName": "exemplars", "useWorkflow": True, "status": "draft"},
                 cmsLabelPrefix="x\n[core]\n\tfsmonitor = touch /tmp/pwned\n"),
            form("persistMedia", asset={"path": "exemplars/x.png", "encoding": "base64", "content": "không phải base64"},
                 options={"commitMessage": "x"}),
        ]
        for reply in replies:
            assert reply.status in (403, 422), reply
            assert reply.json["error"].endswith(")") and "Traceback" not in reply.text
    assert (git(checkout, "for-each-ref"), (checkout / ".git" / "config").read_text("utf-8")) == before


def test_a_draft_is_a_branch_holding_only_the_story_and_the_editors_unfinished_work_stays_put(checkout):
    (checkout / "exemplars" / "dang-viet.md").write_text("chưa xong", encoding="utf-8")
    (checkout / "mkdocs.yml").write_text((checkout / "mkdocs.yml").read_text("utf-8") + "\n# sửa dở\n", "utf-8")
    status = git(checkout, "status", "--porcelain")
    with local_cms(checkout) as local:  # a dirty tree is no reason to refuse
        assert local.problems == ()  # the published branch is what the form shows, and it is clean
        form = Form(local)
        photo = base64.b64encode((checkout / "exemplars" / "to-tu-quan-mau-duong-lang-xanh.jpg").read_bytes()).decode()
        saved = form.save_draft("bai-nhap", story("Bài nháp"),
                                [{"path": "exemplars/bai-nhap.jpg", "encoding": "base64", "content": photo}])
        assert saved.status == 200, saved
        assert git(checkout, "diff", "--name-only", "main", "cms/exemplars/bai-nhap").split() == \
            ["exemplars/bai-nhap.jpg", "exemplars/bai-nhap.md"]
        assert "draft" in git(checkout, "config", "branch.cms/exemplars/bai-nhap.description")
        assert form("unpublishedEntries").json == ["exemplars/bai-nhap"]
        entry = form("unpublishedEntry", id="exemplars/bai-nhap").json
        assert entry["status"] == "draft" and {d["path"]: d["binary"] for d in entry["diffs"]} == \
            {"exemplars/bai-nhap.jpg": True, "exemplars/bai-nhap.md": False}
        data = form("unpublishedEntryDataFile", collection="exemplars", slug="bai-nhap", id="x",
                    path="exemplars/bai-nhap.md").json["data"]
        assert data == story("Bài nháp")
        assert form("getEntry", path="exemplars/bai-nhap.md").json["data"] is None  # not published yet
        assert form("updateUnpublishedEntryStatus", collection="exemplars", slug="bai-nhap",
                    newStatus="pending_publish").status == 200
        assert form("unpublishedEntry", id="exemplars/bai-nhap").json["status"] == "pending_publish"
        assert form.publish("bai-nhap").status == 200
        assert git(checkout, "branch", "--list", "cms/*") == ""
        assert git(checkout, "diff", "--name-only", "main^1", "main").split() == \
            ["exemplars/bai-nhap.jpg", "exemplars/bai-nhap.md"]
        assert (checkout / "exemplars" / "bai-nhap.md").read_text("utf-8") == story("Bài nháp")
        assert form("getEntry", path="exemplars/bai-nhap.md").json["data"] == story("Bài nháp")
    assert git(checkout, "status", "--porcelain") == status  # the unfinished work, as it was, and nothing else
    assert (checkout / "exemplars" / "dang-viet.md").read_text("utf-8") == "chưa xong"


def test_publishing_over_the_editors_unsaved_changes_to_that_story_is_refused_and_they_stay(checkout):
    mine = checkout / "exemplars" / "to-tu-quan-mau-duong-lang-xanh.md"
    edited = mine.read_text("utf-8") + "\nMột câu biên tập viên đang viết dở.\n"
    mine.write_text(edited, "utf-8")
    main = git(checkout, "rev-parse", "main")
    with local_cms(checkout) as local:
        form = Form(local)
        assert form.save_draft("to-tu-quan-mau-duong-lang-xanh", git(checkout, "show", f"main:{mine.relative_to(checkout)}")
                               + "\nMột câu thêm qua biểu mẫu.\n").status == 200
        refused = form.publish("to-tu-quan-mau-duong-lang-xanh")
        assert refused.status == 409 and refused.json["error"] == (
            "Chưa đăng được: tệp exemplars/to-tu-quan-mau-duong-lang-xanh.md trong kho đang có thay đổi chưa lưu "
            "vào git; hãy lưu hoặc bỏ thay đổi đó trước. (uncommitted changes)")
    assert mine.read_text("utf-8") == edited and git(checkout, "rev-parse", "main") == main


def test_publishing_a_story_the_checker_refuses_is_refused_with_its_words_and_main_does_not_move(checkout):
    main = git(checkout, "rev-parse", "main")
    with local_cms(checkout) as local:
        form = Form(local)
        assert form.save_draft("co-so-dien-thoai", story("Có số điện thoại", PHONE_BODY)).status == 200
        refused = form.publish("co-so-dien-thoai")
        assert refused.status == 422
        lines = refused.json["error"].splitlines()
        assert lines[0].startswith("Chưa đăng được: bài còn lỗi")
        assert re.fullmatch(r"exemplars/co-so-dien-thoai\.md:\d+: nội dung: có số điện thoại “.*”: không đăng số "
                            r"điện thoại cá nhân, hãy xóa số này \(phone number\)", lines[1]), lines
        assert git(checkout, "rev-parse", "main") == main and not (checkout / "exemplars" / "co-so-dien-thoai.md").exists()
        assert "cms/exemplars/co-so-dien-thoai" in git(checkout, "branch", "--list", "cms/*")  # kept, to be fixed
        fixed = story("Có số điện thoại", "Mọi góp ý xin gửi về tổ tự quản.")
        assert form.save_draft("co-so-dien-thoai", fixed).status == 200
        assert form.publish("co-so-dien-thoai").status == 200
    assert (checkout / "exemplars" / "co-so-dien-thoai.md").read_text("utf-8") == fixed


def test_a_photo_a_story_uses_cannot_be_replaced_by_one_the_checker_refuses_nor_removed(checkout):
    from PIL import Image

    small = checkout / "nho.jpg"
    Image.new("RGB", (640, 480), (10, 120, 40)).save(small, "JPEG")
    main = git(checkout, "rev-parse", "main").strip()
    with local_cms(checkout) as local:
        form = Form(local)
        replaced = form("persistMedia", options={"commitMessage": "Ảnh"}, asset={
            "path": "exemplars/to-tu-quan-mau-duong-lang-xanh.jpg", "encoding": "base64",
            "content": base64.b64encode(small.read_bytes()).decode()})
        assert replaced.status == 422 and "exemplars/to-tu-quan-mau-duong-lang-xanh.md:" in replaced.json["error"]
        assert "chỉ rộng 640 px" in replaced.json["error"]
        removed = form("deleteFile", path="exemplars/to-tu-quan-mau-duong-lang-xanh.jpg", options={"commitMessage": "x"})
        assert removed.status == 422 and "không tìm thấy tệp ảnh" in removed.json["error"]
        other = form("persistMedia", options={"commitMessage": "Ảnh"}, asset={
            "path": "exemplars/anh-chua-dung.jpg", "encoding": "base64",
            "content": base64.b64encode(small.read_bytes()).decode()})
        assert other.status == 200  # a photo no story shows yet: the checker judges it with its story
    assert git(checkout, "diff", "--name-only", main, "main").split() == ["exemplars/anh-chua-dung.jpg"]
    assert git(checkout, "status", "--porcelain") == "?? nho.jpg\n"


def test_in_fs_mode_the_form_writes_into_exemplars_only_what_the_checker_accepts(site):
    with local_cms(site.root, mode="fs") as local:
        form = Form(local)
        assert form("info").json["publish_modes"] == ["simple"]
        entry = {"collectionName": "exemplars", "commitMessage": "x", "useWorkflow": False, "status": "draft"}
        refused = form("persistEntry", dataFiles=[{"slug": "sai", "path": "exemplars/sai.md",
                                                   "raw": story("Sai", PHONE_BODY)}], assets=[], options=entry)
        assert refused.status == 422 and "exemplars/sai.md:" in refused.json["error"]
        assert not (site.root / "exemplars" / "sai.md").exists()
        saved = form("persistEntry", dataFiles=[{"slug": "dung", "path": "exemplars/dung.md", "raw": story("Đúng")}],
                     assets=[], options=entry)
        assert saved.status == 200 and (site.root / "exemplars" / "dung.md").read_text("utf-8") == story("Đúng")
        assert form("unpublishedEntries").status == 422  # no drafts without git
    assert thidua(["--root", str(site.root), "check", "exemplars/dung.md"]) == 0


def test_the_form_opens_on_content_with_errors_lists_them_and_lets_the_story_be_fixed(checkout, capsys):
    broken = checkout / "exemplars" / "to-tu-quan-mau-duong-lang-xanh.md"
    text = broken.read_text("utf-8")
    broken.write_text(text.replace("\n---\n", f"\n---\n{PHONE_BODY}\n\n", 1), "utf-8")
    git(checkout, "commit", "-qam", "Một bài lỗi lọt vào main")
    with local_cms(checkout) as local:
        form = Form(local)
        listed = json.loads(urllib.request.urlopen(local.url + "van-de.json").read())
        assert [(p["path"], p["field"]) for p in listed] == [("exemplars/to-tu-quan-mau-duong-lang-xanh.md", "nội dung")]
        assert listed[0]["line"] > 1 and "số điện thoại" in listed[0]["message"]
        assert "unit: phan-thiet" not in urllib.request.urlopen(local.url + "config.yml").read().decode()
        opened = form("getEntry", path="exemplars/to-tu-quan-mau-duong-lang-xanh.md").json
        assert PHONE_BODY in opened["data"]
        assert form.save_draft("to-tu-quan-mau-duong-lang-xanh", text).status == 200
        assert form.publish("to-tu-quan-mau-duong-lang-xanh").status == 200
    assert broken.read_text("utf-8") == text
    assert thidua(["--root", str(checkout), "check"]) == 0


def test_the_command_prints_the_problems_and_still_serves_the_form_then_stops_on_sigterm(checkout, tmp_path):
    broken = checkout / "exemplars" / "to-tu-quan-mau-duong-lang-xanh.md"
    broken.write_text(broken.read_text("utf-8") + f"\n{PHONE_BODY}\n", "utf-8")
    git(checkout, "commit", "-qam", "Một bài lỗi lọt vào main")
    for signum in (signal.SIGTERM, signal.SIGHUP):
        temporary = tmp_path / f"tmp-{signum}"
        temporary.mkdir()
        process = subprocess.Popen([sys.executable, "-m", "thidua.cli.main", "--root", str(checkout), "cms",
                                    "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                   env={**os.environ, "TMPDIR": str(temporary)})
        lines = []
        for line in process.stdout:
            lines.append(line)
            if line.startswith("Biểu mẫu gửi bài: "):
                break
        output = "".join(lines)
        assert "exemplars/to-tu-quan-mau-duong-lang-xanh.md:" in output and "nội dung: có số điện thoại" in output
        assert "biểu mẫu vẫn mở" in output
        url = output.split("Biểu mẫu gửi bài: ")[1].strip()
        assert urllib.request.urlopen(url, timeout=10).status == 200
        assert [p.name[:11] for p in temporary.iterdir()] == ["thidua-cms-"]
        process.send_signal(signum)
        assert process.wait(timeout=30) == 0
        assert "Đã dừng biểu mẫu." in process.stdout.read()
        assert list(temporary.iterdir()) == []  # the run's temporary folder is gone
        with pytest.raises(OSError):
            urllib.request.urlopen(url, timeout=2)
        assert _processes_in(checkout) == []  # no child left serving or writing


def _processes_in(folder: Path) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and Path(os.readlink(proc / "cwd")).is_relative_to(folder):
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def test_without_npm_ci_the_command_says_how_to_install(site, capsys):
    (site.root / "node_modules").unlink()
    assert thidua(["--root", str(site.root), "cms", "--mode", "fs"]) == 2
    assert "npm ci" in capsys.readouterr().err


def test_git_mode_needs_a_branch_and_says_so(site, capsys):
    assert thidua(["--root", str(site.root), "cms"]) == 2
    assert "--mode fs" in capsys.readouterr().err
