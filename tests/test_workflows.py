"""The GitHub workflows: linted with actionlint, and doing what the editors' process relies on."""

from __future__ import annotations

import subprocess
import sysconfig
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"
ACTIONLINT = Path(sysconfig.get_path("scripts")) / "actionlint"


def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ACTIONLINT), "-no-color", *map(str, paths)], capture_output=True, text=True,
                          cwd=REPO, timeout=60)


def steps(workflow: str, job: str) -> list[dict]:
    return yaml.safe_load((WORKFLOWS / workflow).read_text("utf-8"))["jobs"][job]["steps"]


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


def test_pull_requests_are_checked_with_annotations_built_strictly_and_the_site_attached():
    workflow = yaml.safe_load((WORKFLOWS / "pull-request.yml").read_text("utf-8"))
    assert "pull_request" in workflow[True]  # PyYAML reads the key `on` as True
    found = steps("pull-request.yml", "check-and-build")
    runs = [s.get("run") for s in found]
    assert runs.index("thidua check --format github") < runs.index("thidua build")
    assert "python -m pip install -e ." in runs
    python = next(s for s in found if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["python-version"] == "3.11"
    upload = found[-1]
    assert upload["uses"].startswith("actions/upload-artifact@") and upload["with"]["path"] == "site/"


def test_main_is_built_and_deployed_to_github_pages():
    workflow = yaml.safe_load((WORKFLOWS / "deploy.yml").read_text("utf-8"))
    assert workflow[True]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build = steps("deploy.yml", "build")
    assert "thidua build" in [s.get("run") for s in build]
    assert build[-1]["uses"].startswith("actions/upload-pages-artifact@") and build[-1]["with"]["path"] == "site/"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_the_pull_request_template_lists_the_editors_checklist_in_vietnamese():
    text = (REPO / ".github" / "pull_request_template.md").read_text("utf-8")
    boxes = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert len(boxes) >= 8
    for needed in ("thidua check", "consent: true", "số căn cước", "photo_alt", "800 px"):
        assert needed in text, needed
