"""The GitHub Actions workflows pass actionlint and zizmor with no findings, and are hardened."""

import re
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def test_actionlint_finds_nothing():
    result = subprocess.run([str(BIN / "actionlint"), *map(str, WORKFLOWS)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing():
    result = subprocess.run(
        [str(BIN / "zizmor"), "--offline", str(ROOT / ".github" / "workflows")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actions_are_pinned_and_permissions_least_privilege():
    assert WORKFLOWS
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        for action in re.findall(r"uses:\s*(\S+)", text):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), (path.name, action)
        workflow = yaml.safe_load(text)
        assert workflow["permissions"] == {}, path.name
        for name, job in workflow["jobs"].items():
            assert "permissions" in job, (path.name, name)
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, (path.name, name)


def test_pages_are_deployed_from_main_in_their_own_job_with_a_concurrency_group():
    site = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    deploy = site["jobs"]["deploy"]
    assert deploy["needs"] == "test"
    assert deploy["concurrency"]["group"] == "pages"
    assert "refs/heads/main" in deploy["if"]
    used = [step.get("uses", "").split("@")[0] for step in deploy["steps"]]
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= set(used)
