"""The GitHub workflows: linted with actionlint, audited with zizmor, and doing what the editors' process relies on."""

from __future__ import annotations

import json
import re
import subprocess
import sysconfig
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"
ACTIONLINT = Path(sysconfig.get_path("scripts")) / "actionlint"
ZIZMOR = Path(sysconfig.get_path("scripts")) / "zizmor"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")  # owner/repo[/path]@<full commit SHA>
VERSION_COMMENT = re.compile(r"@[0-9a-f]{40} # v\d+\.\d+\.\d+$")
# Every package at the version and hash the lock names, then our own code alone (tests/test_locks.py)
INSTALL_FROM_THE_LOCK = "python -m pip install --require-hashes -r requirements-site.lock\npython -m pip install --no-deps -e .\n"


def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ACTIONLINT), "-no-color", *map(str, paths)], capture_output=True, text=True,
                          cwd=REPO, timeout=60)


def zizmor(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([str(ZIZMOR), "--offline", "--no-progress", "--color=never", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=60)


def workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text("utf-8"))


def steps(workflow_name: str, job: str) -> list[dict]:
    return workflow(workflow_name)["jobs"][job]["steps"]


def all_steps() -> list[tuple[str, dict]]:
    return [(f"{path.name}:{job}", step) for path in sorted(WORKFLOWS.glob("*.yml"))
            for job, body in workflow(path.name)["jobs"].items() for step in body["steps"]]


def test_actionlint_passes_on_every_workflow():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert [f.name for f in files] == ["deploy.yml", "pull-request.yml"]
    result = actionlint(*files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_a_broken_workflow(tmp_path):
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text("on: pull_request\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - uses: actions/checkout@v6\n        with:\n          fetch-dept: 1\n", encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1
    assert "fetch-dept" in result.stdout


@pytest.mark.parametrize("persona", ["regular", "pedantic"])
def test_zizmor_finds_nothing_in_the_workflows(persona):
    result = zizmor(f"--persona={persona}", ".github/workflows")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout, result.stdout


def test_zizmor_would_catch_an_unpinned_action_and_a_persisted_token(tmp_path):
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - uses: actions/checkout@v6\n", encoding="utf-8")
    result = zizmor("--format=json", str(tmp_path), cwd=tmp_path)
    assert result.returncode != 0, result.stdout + result.stderr
    found = {finding["ident"] for finding in json.loads(result.stdout)}
    assert {"unpinned-uses", "artipacked", "excessive-permissions"} <= found, found


def test_every_action_is_pinned_to_a_full_commit_sha_with_its_version_beside_it():
    uses = [(where, step["uses"]) for where, step in all_steps() if "uses" in step]
    assert len(uses) >= 9
    for where, ref in uses:
        assert PINNED.match(ref), (where, ref)
    lines = [line for path in WORKFLOWS.glob("*.yml") for line in path.read_text("utf-8").splitlines()
             if line.strip().removeprefix("- ").startswith("uses:")]
    assert len(lines) == len(uses)
    for line in lines:
        assert VERSION_COMMENT.search(line), line


def test_every_workflow_installs_python_packages_from_the_lock_only():
    installs = {name: step["run"] for name, step in all_steps() if "pip install" in step.get("run", "")}
    assert set(installs) == {"deploy.yml:build", "pull-request.yml:check-and-build"}
    assert set(installs.values()) == {INSTALL_FROM_THE_LOCK}


def test_every_checkout_leaves_no_token_behind():
    checkouts = [step for _, step in all_steps() if step.get("uses", "").startswith("actions/checkout@")]
    assert len(checkouts) == 2
    for step in checkouts:
        assert step["with"]["persist-credentials"] is False


def test_the_deploy_keeps_the_image_cache_between_runs():
    build = steps("deploy.yml", "build")
    caches = [s for s in build if s.get("uses", "").startswith("actions/cache@")]
    assert len(caches) == 1
    cache = caches[0]["with"]
    assert cache["path"] == ".cache/"  # resized photos (.cache/images) and share cards (.cache/share)
    assert "hashFiles('exemplars/**')" in cache["key"]
    prefix = cache["key"].split("${{")[0]
    assert prefix and cache["restore-keys"] == prefix
    runs = [s.get("run") for s in build]
    assert build.index(caches[0]) < runs.index("thidua build")  # restored before the build draws
    python = next(s for s in build if s.get("uses", "").startswith("actions/setup-python@"))
    assert "cache" not in python["with"]  # no pip cache in the publishing workflow


def test_pull_requests_are_checked_with_annotations_built_strictly_and_the_site_attached():
    pr = workflow("pull-request.yml")
    assert "pull_request" in pr[True]  # PyYAML reads the key `on` as True
    assert pr["permissions"] == {}
    assert pr["jobs"]["check-and-build"]["permissions"] == {"contents": "read"}
    found = steps("pull-request.yml", "check-and-build")
    runs = [s.get("run") for s in found]
    assert runs.index("thidua check --format github") < runs.index("thidua build")
    assert INSTALL_FROM_THE_LOCK in runs
    python = next(s for s in found if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["python-version"] == "3.11"
    upload = found[-1]
    assert upload["uses"].startswith("actions/upload-artifact@") and upload["with"]["path"] == "site/"


def test_main_is_built_and_deployed_to_github_pages():
    deploy_yml = workflow("deploy.yml")
    assert deploy_yml[True]["push"]["branches"] == ["main"]
    assert deploy_yml["permissions"] == {}  # nothing at workflow level: each job asks for what it needs
    assert deploy_yml["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert deploy_yml["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    build = steps("deploy.yml", "build")
    assert "thidua build" in [s.get("run") for s in build]
    assert build[-1]["uses"].startswith("actions/upload-pages-artifact@") and build[-1]["with"]["path"] == "site/"
    deploy = deploy_yml["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_the_pull_request_template_lists_the_editors_checklist_in_vietnamese():
    text = (REPO / ".github" / "pull_request_template.md").read_text("utf-8")
    boxes = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert len(boxes) >= 8
    for needed in ("thidua check", "consent: true", "số căn cước", "photo_alt", "800 px"):
        assert needed in text, needed


def test_the_deploy_checks_out_the_whole_history_that_orders_the_feeds():
    """A shallow clone has no history: the feeds would be ordered by the stories' dates (press/versions.py)."""
    checkout = next(s for s in steps("deploy.yml", "build") if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
