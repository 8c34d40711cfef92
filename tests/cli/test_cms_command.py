"""`thidua cms` (hooks/thidua/cli/cms_command.py): the offline form refuses what would spoil a checkout and
says how to install what is missing; its round trip in a browser is in tests/browser/test_cms_form.py."""

from __future__ import annotations

import json
import subprocess
import urllib.request

import pytest
import yaml
from thidua.cli.cms_command import LocalCmsError, local_cms
from thidua.cli.main import main as thidua


def git(root, *args):
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.invalid", *args], cwd=root,
                   check=True, capture_output=True)


@pytest.fixture
def checkout(site):
    (site.root / ".gitignore").write_text("hooks\noverrides\nnode_modules\n", encoding="utf-8")
    git(site.root, "init", "-q", "-b", "main")
    git(site.root, "add", ".")
    git(site.root, "commit", "-qm", "Kho thử")
    return site.root


def test_the_offline_form_points_the_cms_at_its_own_decap_server(checkout):
    with local_cms(checkout) as local:
        with urllib.request.urlopen(local.url + "config.yml") as response:
            config = yaml.safe_load(response.read().decode("utf-8"))
        assert config["local_backend"] == {"url": local.api}
        assert config["backend"]["branch"] == "main" == local.branch
        request = urllib.request.Request(local.api, data=json.dumps({"action": "info"}).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request) as response:
            assert "editorial_workflow" in json.load(response)["publish_modes"]  # drafts as branches
    with pytest.raises(OSError):  # decap-server stopped with the block
        urllib.request.urlopen(urllib.request.Request(local.api, data=b"{}"), timeout=2)


def test_a_checkout_with_uncommitted_work_is_refused_in_git_mode(checkout, capsys):
    (checkout / "exemplars" / "dang-viet.md").write_text("chưa xong", encoding="utf-8")
    with pytest.raises(LocalCmsError, match="chưa commit"):
        with local_cms(checkout):
            pass
    assert thidua(["--root", str(checkout), "cms"]) == 2
    assert "--mode fs" in capsys.readouterr().err


def test_without_npm_ci_the_command_says_how_to_install(site, capsys):
    (site.root / "node_modules").unlink()
    assert thidua(["--root", str(site.root), "cms", "--mode", "fs"]) == 2
    assert "npm ci" in capsys.readouterr().err
